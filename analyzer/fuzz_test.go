package analyzer

import (
	"archive/zip"
	"github.com/hegui-dev/hegui/internal/testcorpus"
	"io"
	"path/filepath"
	"testing"

	"github.com/hegui-dev/hegui/analyzer/arsc"
)

// entryBytes reads one entry of an APK with archive/zip (test seeds only).
func entryBytes(apk, name string) []byte {
	zr, err := zip.OpenReader(apk)
	if err != nil {
		return nil
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil
		}
		defer rc.Close()
		b, _ := io.ReadAll(io.LimitReader(rc, 8<<20))
		return b
	}
	return nil
}

// seedFrom adds entry name of the fixture and, when the corpus is present, of a
// few corpus APKs (read at run time, never committed).
func seedFrom(f *testing.F, name string) {
	f.Add(entryBytes(fixtureAPK, name))
	f.Add(entryBytes(fixtureAPK, "res/xml/nsc.xml"))
	d, _ := testcorpus.Find()
	apks, _ := filepath.Glob(filepath.Join(d, "corpus", "apk", "*", "*.apk"))
	top, _ := filepath.Glob(filepath.Join(d, "corpus", "apk", "*.apk"))
	for _, apk := range append(apks, top...) {
		if b := entryBytes(apk, name); b != nil && len(b) < 32<<10 { // the fuzzer minimises each new input: keep seeds small
			f.Add(b)
		}
	}
}

func FuzzManifest(f *testing.F) {
	seedFrom(f, "AndroidManifest.xml")
	tab, _ := arsc.Parse(entryBytes(fixtureAPK, "resources.arsc"), arsc.DefaultLimits)
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, tb := range []*arsc.Table{nil, tab} {
			m, err := extractManifest(b, tb)
			if err == nil && m.App.Package == "" {
				t.Fatal("manifest without package accepted")
			}
		}
	})
}

func FuzzArsc(f *testing.F) {
	seedFrom(f, "resources.arsc")
	lim := arsc.Limits{MaxStrings: 1 << 16, MaxStringLen: 1 << 16, MaxValues: 1 << 18}
	f.Fuzz(func(t *testing.T, b []byte) {
		tab, err := arsc.Parse(b, lim)
		if err != nil {
			return
		}
		if len(tab.Strings) > lim.MaxStrings {
			t.Fatalf("%d strings past the limit", len(tab.Strings))
		}
		total := 0
		for _, s := range tab.Strings {
			total += len(s)
		}
		if total > 4*len(b)+1<<20 {
			t.Fatalf("%d decoded bytes from a %d-byte table", total, len(b))
		}
		tab.NamedStrings("")
		tab.NamedStrings("zh")
		// A string pool alone, as the pool reader sees it.
		if len(b) > 12 {
			arsc.ReadStringPool(b[12:], lim)
		}
	})
}
