package policy

import (
	"errors"

	"github.com/hegui-dev/hegui/analyzer"
	"github.com/hegui-dev/hegui/sdkdb"
)

// FromFiles reads policy documents the user gave (HTML, TXT, Markdown; any encoding)
// and analyses them together. TEMPORARY STUB.
func FromFiles(paths []string, db *sdkdb.DB) (*Facts, error) {
	return nil, errors.New("policy: not built yet")
}

// FromAPK finds policy texts, policy URLs and consent-dialog strings inside the
// analysed APK; it returns nil when no policy text is bundled (URLs and dialog
// strings are still worth reporting, so a Facts with no Documents is possible).
// TEMPORARY STUB.
func FromAPK(f *analyzer.Facts, db *sdkdb.DB) *Facts { return nil }
