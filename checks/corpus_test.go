package checks

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/hegui-dev/hegui/analyzer"
	"github.com/hegui-dev/hegui/policy"
)

// sharedDir finds the read-only corpus: $HEGUI_SHARED, else ../shared next to the repo.
func sharedDir(t testing.TB) string {
	if d := os.Getenv("HEGUI_SHARED"); d != "" {
		return d
	}
	return filepath.Join(filepath.Dir(repoRoot(t)), "shared")
}

// TestCorpusAllRules runs every check on every corpus APK: each must finish, in
// bounded time, with well-formed findings. With -v it prints the findings per rule
// (the figures in the project report):
//
//	HEGUI_SHARED=/work/shared go test ./checks -run TestCorpusAllRules -v
func TestCorpusAllRules(t *testing.T) {
	root := filepath.Join(sharedDir(t), "corpus", "apk")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("corpus not found at %s (set HEGUI_SHARED): %v", root, err)
	}
	var apks []string
	filepath.Walk(root, func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() && strings.HasSuffix(p, ".apk") {
			apks = append(apks, p)
		}
		return nil
	})
	sort.Strings(apks)
	dbOnce.Do(func() { db, dbErr = loadDB() })
	if dbErr != nil {
		t.Fatal(dbErr)
	}
	perRule := map[string]int{}
	perRuleApps := map[string]int{}
	scanned := 0
	for _, p := range apks {
		rel, _ := filepath.Rel(root, p)
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		f, err := analyzer.Analyze(ctx, p, analyzer.Options{})
		if err != nil {
			cancel()
			t.Logf("%-60s not analysable: %v", rel, err)
			continue
		}
		in := &Input{Facts: f, SDKs: db.Detect(f), Policy: policy.FromAPK(f, db)}
		start := time.Now()
		fs := Run(ctx, in)
		cancel()
		if d := time.Since(start); d > 30*time.Second {
			t.Errorf("%s: checks took %v", rel, d)
		}
		scanned++
		seen := map[string]bool{}
		var summary []string
		for _, x := range fs {
			if x.Fingerprint == "" || x.Message == "" || len(x.Evidence) == 0 {
				t.Errorf("%s: malformed finding %+v", rel, x)
			}
			perRule[x.Rule]++
			if !seen[x.Rule] {
				seen[x.Rule] = true
				perRuleApps[x.Rule]++
			}
		}
		for _, r := range sortedKeys(seen) {
			summary = append(summary, strings.TrimPrefix(r, "CNPI-"))
		}
		t.Logf("%-60s %3d findings: %s", rel, len(fs), strings.Join(summary, " "))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n%d APKs scanned\n%-14s %8s %6s\n", scanned, "rule", "findings", "apps")
	for _, r := range Rules() {
		fmt.Fprintf(&b, "%-14s %8d %6d\n", r.ID, perRule[r.ID], perRuleApps[r.ID])
	}
	t.Log(b.String())
	if scanned == 0 {
		t.Fatal("no corpus APK could be analysed")
	}
}
