// Package testcorpus locates the shared real-artefact corpus (third-party APKs, SDK
// jars, policies) that tests read but the repository never holds: $HEGUI_SHARED,
// else ../shared beside the module root. Without it, corpus tests skip and say so.
package testcorpus

import (
	"os"
	"path/filepath"
	"testing"
)

// Find returns the shared directory, or "" and why it is not there.
func Find() (dir, why string) {
	if d := os.Getenv("HEGUI_SHARED"); d != "" {
		if _, err := os.Stat(filepath.Join(d, "corpus")); err != nil {
			return "", "HEGUI_SHARED=" + d + " has no corpus/ directory; corpus tests skipped"
		}
		return d, ""
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", "no working directory: " + err.Error()
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", "go.mod not found above the test; corpus tests skipped"
		}
		dir = parent
	}
	d := filepath.Join(filepath.Dir(dir), "shared")
	if _, err := os.Stat(filepath.Join(d, "corpus")); err != nil {
		return "", "corpus not found at " + d + " (set HEGUI_SHARED); corpus tests skipped"
	}
	return d, ""
}

// Dir returns the shared directory or skips the test.
func Dir(t testing.TB) string {
	t.Helper()
	d, why := Find()
	if d == "" {
		t.Skip(why)
	}
	return d
}

// Path joins elem under <shared>/corpus, skipping the test when the corpus is absent.
func Path(t testing.TB, elem ...string) string {
	t.Helper()
	return filepath.Join(append([]string{Dir(t), "corpus"}, elem...)...)
}
