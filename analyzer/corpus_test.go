package analyzer

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// sharedDir finds the read-only corpus: $HEGUI_SHARED, else ../shared next to the
// directory holding go.mod.
func sharedDir(t testing.TB) string {
	t.Helper()
	if d := os.Getenv("HEGUI_SHARED"); d != "" {
		if _, err := os.Stat(d); err == nil {
			return d
		}
		t.Skipf("HEGUI_SHARED=%s does not exist; corpus tests skipped", d)
	}
	dir, err := os.Getwd()
	if err != nil {
		t.Skipf("no working directory: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("go.mod not found; corpus tests skipped")
		}
		dir = parent
	}
	d := filepath.Join(filepath.Dir(dir), "shared")
	if _, err := os.Stat(filepath.Join(d, "corpus")); err != nil {
		t.Skipf("corpus not found at %s (set HEGUI_SHARED); corpus tests skipped", d)
	}
	return d
}

// corpusAPKs lists every APK under corpus/apk, recursively, sorted.
func corpusAPKs(t testing.TB) []string {
	root := filepath.Join(sharedDir(t), "corpus", "apk")
	var out []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".apk") {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	if len(out) == 0 {
		t.Skipf("no APK under %s", root)
	}
	return out
}
