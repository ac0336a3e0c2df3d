package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"github.com/hegui-dev/hegui/internal/testcorpus"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hegui-dev/hegui/checks"
	"github.com/hegui-dev/hegui/report"
)

const fixtureAPK = "../analyzer/testdata/fixture.apk"

func scanJSON(t *testing.T, target string, opts Options) (*report.Report, []byte) {
	t.Helper()
	r, err := Run(context.Background(), target, opts)
	if err != nil {
		t.Fatalf("%s: %v", target, err)
	}
	var buf bytes.Buffer
	if err := report.WriteJSON(&buf, []*report.Report{r}, report.Options{}); err != nil {
		t.Fatal(err)
	}
	if err := report.Validate(buf.Bytes()); err != nil {
		t.Fatalf("%s: report does not validate against the schema: %v", target, err)
	}
	return r, buf.Bytes()
}

func TestFixtureAPK(t *testing.T) {
	r, js := scanJSON(t, fixtureAPK, Options{ToolVersion: "T", AppType: "tools"})
	if r.App.Package != "com.hegui.fixture" || r.App.AppType != "tools" || r.Tool.Version != "T" {
		t.Errorf("app %+v, tool %+v", r.App, r.Tool)
	}
	perms := map[string]report.Permission{}
	for _, p := range r.Permissions {
		perms[p.Name] = p
	}
	ps := perms["android.permission.READ_PHONE_STATE"]
	if !ps.Dangerous || ps.PI == "" || ps.Disclosed != nil {
		t.Errorf("READ_PHONE_STATE = %+v; want dangerous, with a PI category, disclosure unknown (no policy text bundled)", ps)
	}
	if in := perms["android.permission.INTERNET"]; in.Dangerous || in.PI != "" {
		t.Errorf("INTERNET = %+v", in)
	}
	if r.Summary.Findings != len(r.Findings) || r.Summary.SDKs != len(r.SDKs) {
		t.Errorf("summary %+v does not match the lists", r.Summary)
	}
	if len(r.Components) == 0 {
		t.Error("no components in the report")
	}
	_, again := scanJSON(t, fixtureAPK, Options{ToolVersion: "T", AppType: "tools"})
	if !bytes.Equal(js, again) {
		t.Error("two scans of the same APK give different JSON")
	}
}

func TestPolicyFilesDecideDisclosure(t *testing.T) {
	r, _ := scanJSON(t, fixtureAPK, Options{PolicyFiles: []string{"../testdata/policy/demo-privacy.html"}})
	if r.Policy == nil || len(r.Policy.Documents) != 1 {
		t.Fatalf("policy not read: %+v", r.Policy)
	}
	known := 0
	for _, p := range r.Permissions {
		if p.PI != "" && p.Disclosed != nil {
			known++
		}
		if p.Disclosed != nil && *p.Disclosed && p.Evidence == "" {
			t.Errorf("%s disclosed without the sentence that says so", p.Name)
		}
	}
	if known == 0 {
		t.Error("with a policy, no permission has a disclosure status")
	}
	for _, s := range r.SharingList {
		if s.Disclosed == nil {
			t.Errorf("sharing list entry %s lacks disclosure status although a policy was given", s.SDK)
		}
	}
}

func TestDisableAndOverride(t *testing.T) {
	base, _ := scanJSON(t, fixtureAPK, Options{})
	if len(base.Findings) == 0 {
		t.Skip("no findings on the fixture to disable")
	}
	rule := base.Findings[0].Rule
	r, _ := scanJSON(t, fixtureAPK, Options{Disabled: []string{rule}})
	for _, f := range r.Findings {
		if f.Rule == rule {
			t.Fatalf("disabled rule %s still reported", rule)
		}
	}
	r, _ = scanJSON(t, fixtureAPK, Options{Severity: map[string]string{rule: "INFO"}})
	for _, f := range r.Findings {
		if f.Rule == rule && f.Severity != checks.Info {
			t.Errorf("%s severity %v after override to info", rule, f.Severity)
		}
	}
	if _, err := Run(context.Background(), fixtureAPK, Options{Severity: map[string]string{rule: "urgent"}}); err == nil {
		t.Error("bad severity override accepted")
	}
}

func TestBadInputsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.apk")
	if err := os.WriteFile(junk, []byte("PK\x03\x04garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{junk, filepath.Join(dir, "missing.apk"), dir} {
		_, err := Run(context.Background(), p, Options{})
		if err == nil || !strings.Contains(err.Error(), filepath.Base(p)) {
			t.Errorf("%s: err %v; want an error naming the input", p, err)
		}
	}
}

func TestScannerLoadsDatabaseOnce(t *testing.T) {
	a, err := NewScanner()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := NewScanner()
	if a.DB != b.DB {
		t.Error("second scanner reloaded the SDK database")
	}
	if a.Policy == nil || a.Policy != b.Policy {
		t.Error("second scanner rebuilt the policy reader (its SDK-name matcher)")
	}
	if len(a.DB.Entries) == 0 {
		t.Error("embedded SDK database is empty")
	}
}

// TestCorpusAPKs scans real APKs: every report validates, and the SDKs the corpus
// inventory lists by package prefix are found.
func TestCorpusAPKs(t *testing.T) {
	shared := testcorpus.Dir(t)
	apkDir := filepath.Join(shared, "corpus", "apk")
	if _, err := os.Stat(apkDir); err != nil {
		t.Skipf("corpus not available (set HEGUI_SHARED): %v", err)
	}
	for _, c := range []struct{ apk, sdkPrefix string }{
		{"amap-gaode-demo-debug.apk", "amap"},
		{"alipay-sdk-demo-debug.apk", "alipay"},
	} {
		r, _ := scanJSON(t, filepath.Join(apkDir, c.apk), Options{})
		found := false
		for _, h := range r.SDKs {
			if strings.Contains(strings.ToLower(h.ID), c.sdkPrefix) {
				found = true
			}
		}
		if !found {
			var ids []string
			for _, h := range r.SDKs {
				ids = append(ids, h.ID)
			}
			t.Errorf("%s: no %s SDK among %v", c.apk, c.sdkPrefix, ids)
		}
		var buf bytes.Buffer
		if err := json.NewEncoder(&buf).Encode(r.SharingList); err != nil || len(r.SharingList) != len(r.SDKs) {
			t.Errorf("%s: sharing list has %d rows for %d SDKs", c.apk, len(r.SharingList), len(r.SDKs))
		}
	}
}
