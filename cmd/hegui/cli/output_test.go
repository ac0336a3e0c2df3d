package cli

import (
	"io"
	"os"
	"path/filepath"
	"testing"
)

// An output file is replaced whole: a reader that has the previous report open
// keeps reading the previous report, not a truncated file being rewritten, and no
// temporary file is left behind.
func TestOutputReplacedWhole(t *testing.T) {
	needFixture(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "hegui.json")
	old := []byte(`{"previous": "report"}`)
	if err := os.WriteFile(out, old, 0o644); err != nil {
		t.Fatal(err)
	}
	reader, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	if code, _, stderr := run(t, "scan", fixtureAPK, "-f", "json", "-o", out, "--fail-on", "none"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	seen, err := io.ReadAll(reader)
	if err != nil {
		t.Fatal(err)
	}
	if string(seen) != string(old) {
		t.Errorf("an open reader saw %d bytes of a rewritten file, want the previous report", len(seen))
	}
	now, err := os.ReadFile(out)
	if err != nil || len(now) < 100 {
		t.Fatalf("new report: %d bytes, %v", len(now), err)
	}
	if st, _ := os.Stat(out); st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", st.Mode().Perm())
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("%d files in the output directory, want only the report", len(ents))
	}
}
