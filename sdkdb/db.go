package sdkdb

import (
	"errors"

	"github.com/hegui-dev/hegui/analyzer"
)

// DB is the loaded knowledge base.
type DB struct {
	Entries []Entry
}

// Load returns the embedded database merged with the user's files (--sdkdb), whose
// entries add to or override embedded ones by ID. TEMPORARY STUB.
func Load(extra ...string) (*DB, error) { return nil, errors.New("sdkdb: not built yet") }

// Detect finds the SDKs and packers in f. TEMPORARY STUB.
func (db *DB) Detect(f *analyzer.Facts) *Result { return &Result{} }

// Owner attributes a dotted class name: "app", an SDK ID, or "" for unknown code.
func (r *Result) Owner(class string) string { return "" }
