package checks_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/hegui-dev/hegui/checks"
	"github.com/hegui-dev/hegui/internal/testcorpus"
	"github.com/hegui-dev/hegui/pipeline"
)

// TestCorpusScan runs what `hegui scan` runs (pipeline.Scan) on every corpus APK:
// each must finish in bounded time, with well-formed, sorted findings, or fail as
// an input error naming the file. With -v it prints the findings per rule, the
// figures of the project report:
//
//	HEGUI_SHARED=/work/shared go test ./checks -run TestCorpusScan -v
func TestCorpusScan(t *testing.T) {
	root := testcorpus.Path(t, "apk")
	var apks []string
	filepath.Walk(root, func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() && strings.HasSuffix(p, ".apk") {
			apks = append(apks, p)
		}
		return nil
	})
	sort.Strings(apks)
	s, err := pipeline.NewScanner()
	if err != nil {
		t.Fatal(err)
	}
	perRule, perRuleApps := map[string]int{}, map[string]int{}
	scanned := 0
	for _, p := range apks {
		rel, _ := filepath.Rel(root, p)
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		start := time.Now()
		rep, err := s.Scan(ctx, p, pipeline.Options{})
		cancel()
		if d := time.Since(start); d > time.Minute {
			t.Errorf("%s: scan took %v", rel, d)
		}
		if err != nil {
			if !strings.Contains(err.Error(), filepath.Base(p)) {
				t.Errorf("%s: error does not name the file: %v", rel, err)
			}
			t.Logf("%-60s not analysable: %v", rel, err)
			continue
		}
		scanned++
		seen := map[string]bool{}
		for i, f := range rep.Findings {
			if f.Fingerprint == "" || f.Message == "" || len(f.Evidence) == 0 {
				t.Errorf("%s: malformed finding %+v", rel, f)
			}
			if i > 0 && rep.Findings[i-1].Severity < f.Severity {
				t.Errorf("%s: findings not sorted by severity", rel)
			}
			perRule[f.Rule]++
			if !seen[f.Rule] {
				seen[f.Rule] = true
				perRuleApps[f.Rule]++
			}
		}
		var ids []string
		for r := range seen {
			ids = append(ids, strings.TrimPrefix(r, "CNPI-"))
		}
		sort.Strings(ids)
		t.Logf("%-60s %3d findings: %s", rel, len(rep.Findings), strings.Join(ids, " "))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n%d of %d APKs scanned\n%-14s %8s %6s\n", scanned, len(apks), "rule", "findings", "apps")
	for _, r := range checks.Rules() {
		fmt.Fprintf(&b, "%-14s %8d %6d\n", r.ID, perRule[r.ID], perRuleApps[r.ID])
	}
	t.Log(b.String())
	if scanned == 0 {
		t.Fatal("no corpus APK could be scanned")
	}
}
