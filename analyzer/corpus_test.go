package analyzer

import (
	"github.com/hegui-dev/hegui/internal/testcorpus"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// corpusAPKs lists every APK under corpus/apk, recursively, sorted.
func corpusAPKs(t testing.TB) []string {
	root := filepath.Join(testcorpus.Dir(t), "corpus", "apk")
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
