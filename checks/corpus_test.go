package checks

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/hegui-dev/hegui/internal/testcorpus"
	"github.com/hegui-dev/hegui/policy"
)

// TestCorpusPolicies runs the policy rules on every real policy of the corpus,
// read by the policy stage, against an app that requests the common privacy
// permissions. It checks that each rule reads real text without failing and logs
// the findings per rule:
//
//	HEGUI_SHARED=/work/shared go test ./checks -run TestCorpusPolicies -v
func TestCorpusPolicies(t *testing.T) {
	root := testcorpus.Path(t, "policy")
	files, _ := filepath.Glob(filepath.Join(root, "*", "*"))
	if len(files) == 0 {
		t.Skipf("corpus policies not found under %s (set HEGUI_SHARED)", root)
	}
	sort.Strings(files)
	dbOnce.Do(func() { db, dbErr = loadDB() })
	if dbErr != nil {
		t.Fatal(dbErr)
	}
	perRule := map[string]int{}
	for _, path := range files {
		p, err := policy.FromFiles([]string{path}, db)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		f := baseFacts(nil)
		perms(f, "READ_PHONE_STATE", "ACCESS_FINE_LOCATION", "CAMERA", "READ_CONTACTS", "RECORD_AUDIO", "READ_EXTERNAL_STORAGE")
		fs := Run(context.Background(), &Input{Facts: f, Policy: p}).Findings
		var ids []string
		for _, x := range fs {
			if x.Rule == "CNPI-POL-001" {
				t.Errorf("%s: POL-001 fired although a policy was read", path)
			}
			perRule[x.Rule]++
			ids = append(ids, strings.TrimPrefix(x.Rule, "CNPI-"))
		}
		t.Logf("%-40s %2d: %s", filepath.Base(path), len(fs), strings.Join(ids, " "))
	}
	var b strings.Builder
	for _, r := range Rules() {
		if r.NeedsPolicy {
			fmt.Fprintf(&b, "%-14s %3d\n", r.ID, perRule[r.ID])
		}
	}
	t.Logf("%d policies\n%s", len(files), b.String())
}
