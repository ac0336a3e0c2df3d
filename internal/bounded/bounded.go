// Package bounded reads whole files that must stay small: a size from Stat can lie
// (/dev/zero, a FIFO, a file still growing), so the read itself is bounded.
package bounded

import (
	"errors"
	"io"
	"os"
)

// ErrTooLarge reports a file holding more than the limit.
var ErrTooLarge = errors.New("over the size limit")

// ReadFile returns the contents of name, or ErrTooLarge when it holds more than
// limit bytes. Errors from opening or reading come back as they are.
func ReadFile(name string, limit int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, ErrTooLarge
	}
	return data, nil
}
