package pipeline

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/hegui-dev/hegui/checks"
	"github.com/hegui-dev/hegui/report"
)

var update = flag.Bool("update", false, "rewrite the end-to-end golden files")

const (
	demoAPK    = "../testdata/apk/demo.apk"
	demoPolicy = "../testdata/policy/demo-privacy.html"
	goldenDir  = "../report/testdata/golden"
)

// TestDemoEndToEnd scans the demo app with its policy and compares the JSON, table
// and SARIF with goldens (tool version fixed; nothing else varies between runs).
// When the demo APK or a stage changes on purpose, run go test ./pipeline -update
// and review the diff.
func TestDemoEndToEnd(t *testing.T) {
	if _, err := os.Stat(demoAPK); err != nil {
		t.Skipf("demo APK not built: %v", err)
	}
	r, err := Run(context.Background(), demoAPK, Options{ToolVersion: "TEST", PolicyFiles: []string{demoPolicy}})
	if err != nil {
		t.Fatal(err)
	}
	var rules []checks.Rule
	for _, c := range checks.All() {
		rules = append(rules, c.Rule())
	}
	for _, c := range []struct{ file, format, lang string }{
		{"demo.e2e.json", "json", "zh"},
		{"demo.e2e.zh.txt", "table", "zh"},
		{"demo.e2e.en.sarif", "sarif", "en"},
	} {
		var buf bytes.Buffer
		if err := report.Write(&buf, c.format, []*report.Report{r}, report.Options{Lang: c.lang, Rules: rules}); err != nil {
			t.Fatal(err)
		}
		if c.format == "json" {
			if err := report.Validate(buf.Bytes()); err != nil {
				t.Fatalf("demo report does not validate: %v", err)
			}
		}
		path := filepath.Join(goldenDir, c.file)
		if *update {
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (go test ./pipeline -update creates it)", err)
		}
		if !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("%s changed; run go test ./pipeline -update and review the diff", c.file)
		}
	}
	// The demo policy omits Umeng on purpose: the sharing list must say so.
	for _, s := range r.SharingList {
		if s.SDK == "umeng_analytics" && (s.Disclosed == nil || *s.Disclosed) {
			t.Errorf("umeng_analytics sharing entry disclosed=%v; the demo policy does not name it", s.Disclosed)
		}
	}
}
