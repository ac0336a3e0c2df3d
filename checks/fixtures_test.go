package checks

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/hegui-dev/hegui/analyzer"
	"github.com/hegui-dev/hegui/policy"
	"github.com/hegui-dev/hegui/sdkdb"
)

var (
	dbOnce sync.Once
	db     *sdkdb.DB
	dbErr  error
)

// scanAPK runs the real stages on an APK the way the pipeline does: analyzer,
// sdkdb, policy (the given files, else what the APK bundles), checks.
func scanAPK(t testing.TB, path string, policyFiles ...string) ([]Finding, *Input) {
	t.Helper()
	dbOnce.Do(func() { db, dbErr = loadDB() })
	if dbErr != nil {
		t.Fatalf("sdkdb: %v", dbErr)
	}
	f, err := analyzer.Analyze(context.Background(), path, analyzer.Options{})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	in := &Input{Facts: f, SDKs: db.Detect(f)}
	if len(policyFiles) > 0 {
		p, err := policy.FromFiles(policyFiles, db)
		if err != nil {
			t.Fatalf("policy: %v", err)
		}
		in.Policy = p
	} else {
		in.Policy = policy.FromAPK(f, db)
	}
	return Run(context.Background(), in), in
}

func fixture(t testing.TB, name string) string {
	p := filepath.Join(repoRoot(t), "testdata", name)
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("fixture %s missing (make fixtures): %v", name, err)
	}
	return p
}

func loadDB() (*sdkdb.DB, error) { return sdkdb.Load() }

type ruleOwner struct{ rule, owner string }

func index(fs []Finding) map[ruleOwner]int {
	m := map[ruleOwner]int{}
	for _, f := range fs {
		m[ruleOwner{f.Rule, f.Owner}]++
		m[ruleOwner{f.Rule, "*"}]++
	}
	return m
}

func TestFixtureDemo(t *testing.T) {
	fs, in := scanAPK(t, fixture(t, "apk/demo.apk"), fixture(t, "policy/demo-privacy.html"))
	got := index(fs)
	for _, f := range fs {
		t.Logf("%-6s %s %-16s %s", f.Severity, f.Rule, f.Owner, f.Message)
	}
	want := []ruleOwner{
		{"CNPI-CON-001", "jpush"}, {"CNPI-CON-001", "umeng_analytics"}, {"CNPI-CON-001", "app"},
		{"CNPI-SDK-004", "jpush"}, {"CNPI-SDK-004", "umeng_analytics"},
		{"CNPI-SDK-001", "jpush"}, {"CNPI-SDK-001", "umeng_analytics"}, {"CNPI-SDK-001", "tencent_bugly"},
		{"CNPI-POL-011", "umeng_analytics"}, {"CNPI-POL-012", "*"}, {"CNPI-POL-005", "*"},
		{"CNPI-MIN-009", "jpush"}, {"CNPI-MIN-009", "app"}, {"CNPI-MIN-010", "jpush"}, {"CNPI-MIN-011", "app"},
		{"CNPI-RGT-003", "*"}, {"CNPI-SEC-001", "app"}, {"CNPI-UX-001", "app"}, {"CNPI-UX-001", "jpush"},
	}
	for _, w := range want {
		if got[w] == 0 {
			t.Errorf("missing %s for %s", w.rule, w.owner)
		}
	}
	// What the demo does right must stay quiet: Bugly is initialised behind the
	// consent flag, the policy names JPush, Bugly and WeChat, and discloses location
	// and camera; no policy-absence finding when a policy was given.
	for _, no := range []ruleOwner{
		{"CNPI-SDK-004", "tencent_bugly"}, {"CNPI-POL-011", "jpush"}, {"CNPI-POL-011", "tencent_bugly"}, {"CNPI-POL-011", "wechat_opensdk"},
		{"CNPI-POL-001", "*"}, {"CNPI-RGT-001", "*"}, {"CNPI-CON-007", "*"}, {"CNPI-XB-001", "*"}, {"CNPI-ADM-001", "*"},
	} {
		if got[no] != 0 {
			t.Errorf("unexpected %s for %s", no.rule, no.owner)
		}
	}
	for _, f := range fs {
		if f.Rule == "CNPI-POL-012" && !strings.Contains(f.Message, "READ_PHONE_STATE") {
			t.Errorf("POL-012 on a disclosed permission: %s", f.Message)
		}
		if f.Rule == "CNPI-CON-001" && f.Owner == "jpush" && !strings.Contains(f.Evidence[0].Snippet, "com.hegui.demo.DemoApp.onCreate → cn.jpush.android.api.JPushInterface.init") {
			t.Errorf("CON-001 path: %s", f.Evidence[0].Snippet)
		}
	}
	if in.SDKs == nil || len(in.SDKs.SDKs) != 4 {
		t.Errorf("expected 4 SDKs in the demo")
	}
}

func TestFixtureClean(t *testing.T) {
	fs, in := scanAPK(t, fixture(t, "apk/clean.apk"))
	for _, f := range fs {
		t.Errorf("unexpected finding on the compliant fixture: %s %s %s", f.Severity, f.Rule, f.Message)
	}
	if in.Policy == nil || len(in.Policy.Documents) == 0 {
		t.Fatal("the bundled assets/privacy.html was not read")
	}
}

func TestFixtureLegacy(t *testing.T) {
	fs, _ := scanAPK(t, fixture(t, "apk/legacy.apk"))
	got := index(fs)
	for _, f := range fs {
		t.Logf("%-6s %s %-12s %s", f.Severity, f.Rule, f.Owner, f.Message)
	}
	for w, n := range map[ruleOwner]int{
		{"CNPI-POL-001", "*"}: 1, {"CNPI-MIN-008", "*"}: 1, {"CNPI-CON-001", "app"}: 1, {"CNPI-MIN-009", "app"}: 1,
		{"CNPI-SEC-001", "*"}: 2, {"CNPI-UX-002", "tencent_gdt"}: 1, {"CNPI-MIN-001", "*"}: 2,
	} {
		if got[w] != n {
			t.Errorf("%s/%s: %d findings, want %d", w.rule, w.owner, got[w], n)
		}
	}
	if len(fs) != 9 {
		t.Errorf("%d findings, want 9", len(fs))
	}
	if fs[0].Severity != High {
		t.Errorf("findings not sorted by severity")
	}
}
