package policy

import (
	"sync"

	"github.com/hegui-dev/hegui/analyzer"
	"github.com/hegui-dev/hegui/sdkdb"
)

// Reader reads policies against one SDK database. Its SDK-name matcher costs about
// 8 ms to build: a batch keeps one Reader per database (pipeline.Scanner) and it is
// safe for concurrent use.
type Reader struct {
	db   *sdkdb.DB
	once sync.Once
	idx  *sdkIndex
}

// NewReader returns a Reader for db (nil: no SDK names are matched). The matcher is
// built on first use.
func NewReader(db *sdkdb.DB) *Reader { return &Reader{db: db} }

func (r *Reader) index() *sdkIndex {
	if r == nil || r.db == nil {
		return nil
	}
	r.once.Do(func() { r.idx = buildIndex(r.db) })
	return r.idx
}

// FromFiles reads policy documents the user gave (HTML, TXT, Markdown; any encoding)
// and analyses them together. An unreadable file is an error naming it.
func FromFiles(paths []string, db *sdkdb.DB) (*Facts, error) {
	return NewReader(db).FromFiles(paths)
}

// FromAPK is Reader.FromAPK with a Reader used once.
func FromAPK(f *analyzer.Facts, db *sdkdb.DB) *Facts { return NewReader(db).FromAPK(f) }

// Analyze reads one in-memory document (kind from the name's extension). It is the
// entry point for benchmarks and for callers that already hold the bytes.
func Analyze(name string, content []byte, db *sdkdb.DB) (*Facts, error) {
	return NewReader(db).Analyze(name, content)
}
