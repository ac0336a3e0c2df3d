package source

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/hegui-dev/hegui/analyzer"
)

// TestAssetTypesMatchAPKMode: assets get the type the APK reader gives the same
// file name (analyzer.AssetType), and text ones are kept for the policy reader.
func TestAssetTypesMatchAPKMode(t *testing.T) {
	root := miniProject(t)
	files := map[string]string{
		"app/src/main/assets/web/consent.js":      "showDialog('同意并继续')",
		"app/src/main/assets/fonts/ui.woff":       "wOFF",
		"app/src/main/assets/config.properties":   "privacy.url=https://example.com/privacy.html",
		"app/src/main/assets/privacy/index.xhtml": "<html><body>隐私政策</body></html>",
	}
	for rel, body := range files {
		mustWrite(t, filepath.Join(root, rel), body)
	}
	f, err := Analyze(context.Background(), root)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, a := range f.Assets {
		got[a.Path] = a.Type
	}
	for rel := range files {
		want := analyzer.AssetType(filepath.Base(rel), nil)
		if got[rel] != want {
			t.Errorf("%s: type %q, the APK reader says %q", rel, got[rel], want)
		}
		if _, kept := f.Files[rel]; kept != analyzer.IsTextAsset(want) {
			t.Errorf("%s: kept for the policy reader = %v, want %v", rel, kept, analyzer.IsTextAsset(want))
		}
	}
}
