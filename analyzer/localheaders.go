package analyzer

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
)

// localEntry is what one ZIP local file header says about its entry. Without a
// central directory it is all there is: sizes are known unless the entry defers
// them to a data descriptor (flag bit 3).
type localEntry struct {
	header, data int64 // offsets of the header and of the entry's data
	csize, usize int64
	method       uint16
	sized        bool // sizes are in the header
	count        int  // local headers with this name
}

// direct: the entry can be read from the file without apkparser (stored and
// sized), which bounds it to its own bytes instead of the rest of the file.
func (e localEntry) direct() bool { return e.method == 0 && e.sized }

// cut reports how many bytes of its data are missing from a file of size bytes.
func (e localEntry) cut(size int64) int64 {
	if !e.sized || e.data+e.csize <= size {
		return 0
	}
	return e.data + e.csize - size
}

func (e localEntry) check(size int64) error {
	if n := e.cut(size); n > 0 {
		return fmt.Errorf("cut short: the file ends after %d of the entry's %d stored bytes", e.csize-n, e.csize)
	}
	return nil
}

var localSig = []byte("PK\x03\x04")

// scanLocalHeaders indexes every local file header signature of r, as apkparser's
// fallback does, up to max headers. Names are cleaned the same way, so they match
// apkparser's entry names; of duplicates the last one is kept (apkparser tries it first).
func scanLocalHeaders(r io.ReaderAt, size int64, max int) map[string]localEntry {
	out := map[string]localEntry{}
	const chunk = 1 << 20
	buf := make([]byte, chunk+len(localSig)-1)
	hdr := make([]byte, 30)
	found := 0
	for base := int64(0); base < size && found < max; base += chunk {
		n, _ := r.ReadAt(buf[:min(int64(len(buf)), size-base)], base)
		b := buf[:n]
		for i := 0; i < n && i < chunk; {
			j := bytes.Index(b[i:], localSig)
			if j < 0 || i+j >= chunk {
				break
			}
			off := base + int64(i+j)
			i += j + 1
			if found++; found > max {
				break
			}
			if m, _ := r.ReadAt(hdr, off); m < len(hdr) {
				continue
			}
			le := localEntry{header: off}
			flags := binary.LittleEndian.Uint16(hdr[6:])
			le.method = binary.LittleEndian.Uint16(hdr[8:])
			le.csize = int64(binary.LittleEndian.Uint32(hdr[18:]))
			le.usize = int64(binary.LittleEndian.Uint32(hdr[22:]))
			nameLen := int64(binary.LittleEndian.Uint16(hdr[26:]))
			extraLen := int64(binary.LittleEndian.Uint16(hdr[28:]))
			name := make([]byte, nameLen)
			if m, _ := r.ReadAt(name, off+30); int64(m) < nameLen {
				continue
			}
			le.data = off + 30 + nameLen + extraLen
			// ZIP64 puts 0xFFFFFFFF here and the sizes in an extra field: treat as unknown.
			le.sized = flags&8 == 0 && le.csize != 0xFFFFFFFF && le.usize != 0xFFFFFFFF
			key := path.Clean(string(name))
			le.count = out[key].count + 1
			out[key] = le
		}
	}
	return out
}

type cutEntry struct {
	name string
	err  error
}

// cutEntries lists, by name, the entries whose data runs past the end of the
// file. An entry that defers its sizes to a data descriptor can only be cut if
// it is the last one; it is inflated (to nowhere, bounded) to find out.
func (a *archive) cutEntries() []cutEntry {
	var out []cutEntry
	last, lastName := int64(-1), ""
	for name, le := range a.local {
		if le.header > last {
			last, lastName = le.header, name
		}
		if le.count == 1 && le.cut(a.size) > 0 {
			out = append(out, cutEntry{name, le.check(a.size)})
		}
	}
	if le, ok := a.local[lastName]; ok && !le.sized && le.method != 0 && le.data < a.size {
		fr := flate.NewReader(io.NewSectionReader(a.r, le.data, a.size-le.data))
		_, err := io.CopyN(io.Discard, fr, maxDexSize)
		if errors.Is(err, io.ErrUnexpectedEOF) {
			out = append(out, cutEntry{lastName, errors.New("cut short: the file ends inside its compressed data")})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}
