package analyzer

import (
	"context"
	"errors"
)

// Options tunes one analysis. The zero value is the default.
type Options struct {
	NativeStrings bool // extract printable strings of every .so
}

// Analyze reads the APK at path. TEMPORARY STUB: replaced by the APK analyzer.
func Analyze(ctx context.Context, path string, opts Options) (*Facts, error) {
	return nil, errors.New("analyzer: not built yet")
}
