package analyzer

import (
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/avast/apkparser"
)

// archive wraps apkparser's ZIP reader, which reads broken central directories and
// duplicate entries the way Android does. When the central directory could not be
// read, apkparser falls back to scanning local headers through one shared seek
// position, so reads are then serialised; the archive then keeps its own index of
// the local headers (local) to know sizes and spot entries the file cuts short.
type archive struct {
	z      *apkparser.ZipReader
	serial bool
	mu     sync.Mutex
	names  []string // unique entry names, in archive order

	r     io.ReaderAt
	size  int64
	local map[string]localEntry // only when serial
}

func newArchive(z *apkparser.ZipReader, r io.ReaderAt, size int64) *archive {
	a := &archive{z: z, r: r, size: size}
	seen := map[string]bool{}
	for _, f := range z.FilesOrdered {
		if f.ZipHeader() == nil {
			a.serial = true
		}
		if f.IsDir || seen[f.Name] {
			continue
		}
		seen[f.Name] = true
		a.names = append(a.names, f.Name)
	}
	if a.serial {
		a.local = scanLocalHeaders(r, size, maxEntries+1)
	}
	return a
}

func (a *archive) has(name string) bool { return a.z.File[name] != nil }

// declaredSize is the uncompressed size in the central directory, -1 if unknown.
func (a *archive) declaredSize(name string) int64 {
	f := a.z.File[name]
	if f == nil {
		return -1
	}
	if h := f.ZipHeader(); h != nil {
		return int64(h.UncompressedSize64)
	}
	if le, ok := a.local[name]; ok && le.sized {
		return le.usize
	}
	return -1
}

// stored reports whether the entry is uncompressed (its first bytes cost nothing).
func (a *archive) stored(name string) bool {
	f := a.z.File[name]
	if f == nil {
		return false
	}
	if h := f.ZipHeader(); h != nil {
		return h.Method == 0
	}
	le, ok := a.local[name]
	return ok && le.method == 0
}

var errTooLarge = errors.New("over the size limit")

// read inflates entry name, refusing more than limit bytes (declared or actual).
// Of duplicate entries the first that reads cleanly wins, as in Android.
func (a *archive) read(name string, limit int64) ([]byte, error) {
	return a.readPrefix(name, limit, false)
}

// readPrefix reads at most limit bytes; with prefix set, a longer entry is cut
// short instead of refused.
func (a *archive) readPrefix(name string, limit int64, prefix bool) (b []byte, err error) {
	err = a.each(name, limit, prefix, func(r io.Reader, hint int64) error {
		b, err = readLimited(r, hint, limit, prefix)
		return err
	})
	if err != nil {
		return nil, err
	}
	return b, nil
}

// count inflates entry name without keeping it and returns its size, refusing
// more than limit bytes: for entries whose size the archive does not record.
func (a *archive) count(name string, limit int64) (n int64, err error) {
	err = a.each(name, limit, false, func(r io.Reader, _ int64) error {
		if n, err = io.Copy(io.Discard, io.LimitReader(r, limit+1)); err != nil {
			return err
		}
		if n > limit {
			return fmt.Errorf("inflates past %d bytes: %w", limit, errTooLarge)
		}
		return nil
	})
	return n, err
}

// each hands consume the data of entry name, with a hint of its inflated size
// (at most limit). Of duplicate entries, it tries each in turn until consume
// succeeds, as Android keeps the first that reads cleanly; errTooLarge ends it.
func (a *archive) each(name string, limit int64, prefix bool, consume func(r io.Reader, hint int64) error) (err error) {
	f := a.z.File[name]
	if f == nil {
		return errors.New("no such entry")
	}
	hint := int64(0)
	if le, ok := a.local[name]; ok && le.count == 1 {
		if err := le.check(a.size); err != nil {
			return err
		}
		if le.sized && le.usize > limit && !prefix {
			return fmt.Errorf("declares %d bytes, %w of %d", le.usize, errTooLarge, limit)
		}
		if le.sized {
			hint = min(le.usize, le.csize*1040+1024, limit)
		}
		if le.direct() {
			return consume(io.NewSectionReader(a.r, le.data, le.csize), le.csize)
		}
	}
	if h := f.ZipHeader(); h != nil {
		if int64(h.UncompressedSize64) > limit && !prefix {
			return fmt.Errorf("declares %d bytes, %w of %d", h.UncompressedSize64, errTooLarge, limit)
		}
		// Deflate cannot expand more than ~1032:1; never trust a larger claim.
		hint = min(int64(h.UncompressedSize64), int64(h.CompressedSize64)*1040+1024, limit)
	}
	if a.serial {
		a.mu.Lock()
		defer a.mu.Unlock()
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("ZIP reader panic: %v", r)
		}
	}()
	if err := f.Open(); err != nil {
		return err
	}
	defer f.Close()
	var lastErr error = io.ErrUnexpectedEOF
	for f.Next() {
		err := consume(f, hint)
		if err == nil {
			return nil
		}
		lastErr = err
		if errors.Is(err, errTooLarge) {
			break
		}
	}
	return lastErr
}

func readLimited(r io.Reader, hint, limit int64, prefix bool) ([]byte, error) {
	buf := make([]byte, 0, hint+1)
	for stalls := 0; ; {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		room := cap(buf) - len(buf)
		if over := int64(len(buf)) + int64(room) - (limit + 1); over > 0 {
			room -= int(over)
		}
		n, err := r.Read(buf[len(buf) : len(buf)+room])
		buf = buf[:len(buf)+n]
		if n == 0 && err == nil {
			if stalls++; stalls > 100 {
				return nil, io.ErrNoProgress
			}
		}
		if int64(len(buf)) > limit {
			if prefix {
				return buf[:limit], nil
			}
			return nil, fmt.Errorf("inflates past %d bytes: %w", limit, errTooLarge)
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}
