package analyzer

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/avast/apkparser"
)

// An entry whose size only its data descriptor knows, in an archive without a
// central directory, is measured by inflating it: that must stream, not hold
// the whole entry (up to maxDexSize) in memory.
func TestCountStreamsUnsizedEntry(t *testing.T) {
	const size = 48 << 20
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, name := range []string{manifestPath, "assets/payload.dat"} {
		fw, err := w.Create(name) // deflated, sizes in a data descriptor
		if err != nil {
			t.Fatal(err)
		}
		if name != manifestPath {
			fw.Write(make([]byte, size))
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	cd := bytes.Index(b, []byte("PK\x01\x02"))
	if cd < 0 {
		t.Fatal("no central directory")
	}
	p := filepath.Join(t.TempDir(), "nocd.apk")
	if err := os.WriteFile(p, b[:cd], 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := apkparser.OpenZipReader(f)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	a := newArchive(z, f, int64(cd))
	if !a.serial || a.declaredSize("assets/payload.dat") != -1 {
		t.Fatalf("setup: serial %v, declared size %d; want a local-header scan with no size", a.serial, a.declaredSize("assets/payload.dat"))
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	n, err := a.count("assets/payload.dat", maxDexSize)
	runtime.ReadMemStats(&after)
	if err != nil || n != size {
		t.Fatalf("count = %d, %v; want %d", n, err, size)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 8<<20 {
		t.Errorf("counting a %d-byte entry allocated %d bytes", size, alloc)
	}
	if _, err := a.count("assets/payload.dat", size-1); err == nil {
		t.Error("an entry over the limit was counted")
	}
}
