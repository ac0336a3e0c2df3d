package analyzer

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// entryDataOffset is where entry name's data starts in the ZIP b.
func entryDataOffset(t *testing.T, b []byte, name string) int64 {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			off, err := f.DataOffset()
			if err != nil {
				t.Fatal(err)
			}
			return off
		}
	}
	t.Fatalf("no entry %s", name)
	return 0
}

func analyzeBytes(t *testing.T, name string, b []byte) *Facts {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Analyze(context.Background(), p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func findDiag(f *Facts, path string) (Diagnostic, bool) {
	for _, d := range f.Diagnostics {
		if d.Path == path {
			return d, true
		}
	}
	return Diagnostic{}, false
}

// checkDiagnostics: every diagnostic names its part, and never twice.
func checkDiagnostics(t *testing.T, f *Facts) {
	t.Helper()
	for _, d := range f.Diagnostics {
		if d.Path == "" {
			t.Errorf("diagnostic without a path: %q", d.Message)
		}
		if strings.HasPrefix(d.Message, d.Path+":") {
			t.Errorf("diagnostic repeats its path: %s: %s", d.Path, d.Message)
		}
	}
}

// A download cut inside resources.arsc: the central directory and everything after
// the cut (classes.dex among them) are gone.
func TestTruncatedInsideResources(t *testing.T) {
	b, err := os.ReadFile(fixtureAPK)
	if err != nil {
		t.Fatal(err)
	}
	cut := entryDataOffset(t, b, "resources.arsc") + 100
	f := analyzeBytes(t, "cut.apk", b[:cut])
	checkDiagnostics(t, f)
	if f.App.Package != "com.hegui.fixture" {
		t.Fatalf("package %q", f.App.Package)
	}
	d, ok := findDiag(f, "cut.apk")
	if !ok || !d.Incomplete || !strings.Contains(d.Message, "central directory missing") || !strings.Contains(d.Message, "truncated") {
		t.Errorf("archive diagnostic %+v (found %v)", d, ok)
	}
	if d, ok := findDiag(f, "resources.arsc"); !ok || !strings.Contains(d.Message, "cut short") {
		t.Errorf("resources.arsc diagnostic %+v (found %v)", d, ok)
	}
	if d, ok := findDiag(f, "classes.dex"); !ok || !d.Incomplete {
		t.Errorf("classes.dex diagnostic %+v (found %v)", d, ok)
	}
	if f.App.Label != "" || f.App.LabelZH != "" {
		t.Errorf("unresolved label shown as %q / %q", f.App.Label, f.App.LabelZH)
	}
	if d, ok := findDiag(f, manifestPath); !ok || !strings.Contains(d.Message, "label") {
		t.Errorf("no diagnostic on the unresolved label: %+v", f.Diagnostics)
	}
	// A stored entry before the cut is read as its own bytes, not up to the end of the file.
	if got := string(f.Files["assets/agreement.txt"]); len(got) != 30 {
		t.Errorf("assets/agreement.txt read as %d bytes: %q", len(got), got)
	}
}

// A download cut inside the deflated classes.dex: the DEX is named and the run incomplete.
func TestTruncatedInsideDex(t *testing.T) {
	b, err := os.ReadFile(fixtureAPK)
	if err != nil {
		t.Fatal(err)
	}
	cut := entryDataOffset(t, b, "classes.dex") + 200
	f := analyzeBytes(t, "cutdex.apk", b[:cut])
	checkDiagnostics(t, f)
	d, ok := findDiag(f, "classes.dex")
	if !ok || !d.Incomplete {
		t.Fatalf("classes.dex diagnostic %+v (found %v); all: %+v", d, ok, f.Diagnostics)
	}
	if len(f.Dex.Files) != 1 || f.Dex.Files[0].Error == "" || f.Dex.Files[0].Parsed != nil {
		t.Errorf("dex files %+v", f.Dex.Files)
	}
	if f.App.Label != "Fixture Notes" {
		t.Errorf("label %q: resources.arsc precedes the cut", f.App.Label)
	}
	if d, ok := findDiag(f, "cutdex.apk"); !ok || !d.Incomplete {
		t.Errorf("archive diagnostic %+v (found %v)", d, ok)
	}
}

// A central directory claiming classes.dex holds 4 GB: the DEX is refused, and
// the run says it is incomplete instead of passing as clean.
func TestOversizedDexDeclarationIsIncomplete(t *testing.T) {
	b, err := os.ReadFile(fixtureAPK)
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.Clone(b)
	patched := false
	for i := 0; i+46 <= len(b); i++ {
		if string(b[i:i+4]) != "PK\x01\x02" {
			continue
		}
		n := int(binary.LittleEndian.Uint16(b[i+28:]))
		if i+46+n <= len(b) && string(b[i+46:i+46+n]) == "classes.dex" {
			binary.LittleEndian.PutUint32(b[i+24:], 0xFFFFFFF0)
			patched = true
		}
	}
	if !patched {
		t.Fatal("no central directory record for classes.dex")
	}
	f := analyzeBytes(t, "liar.apk", b)
	checkDiagnostics(t, f)
	d, ok := findDiag(f, "classes.dex")
	if !ok || !d.Incomplete || !strings.Contains(d.Message, "4294967280") {
		t.Errorf("classes.dex diagnostic %+v (found %v)", d, ok)
	}
	for _, d := range f.Diagnostics {
		if d.Path != "classes.dex" && d.Incomplete {
			t.Errorf("only the DEX makes it incomplete, not %+v", d)
		}
	}
}

// The intact fixture has no incomplete part.
func TestIntactFixtureComplete(t *testing.T) {
	f := analyzeFixture(t, Options{})
	checkDiagnostics(t, f)
	for _, d := range f.Diagnostics {
		if d.Incomplete {
			t.Errorf("intact APK marked incomplete: %+v", d)
		}
	}
}

// FuzzDamagedAPK cuts the fixture at any length and overwrites one byte: reading
// it must not panic, hang, or leave a diagnostic without its part.
func FuzzDamagedAPK(f *testing.F) {
	b, err := os.ReadFile(fixtureAPK)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(uint16(len(b)-30), uint16(0), byte(0))
	f.Add(uint16(3000), uint16(10), byte(0xff))
	f.Fuzz(func(t *testing.T, cut, at uint16, v byte) {
		d := bytes.Clone(b[:min(int(cut), len(b))])
		if int(at) < len(d) {
			d[at] = v
		}
		p := filepath.Join(t.TempDir(), "d.apk")
		if err := os.WriteFile(p, d, 0o644); err != nil {
			t.Fatal(err)
		}
		facts, err := Analyze(context.Background(), p, Options{})
		if err != nil {
			return
		}
		checkDiagnostics(t, facts)
	})
}
