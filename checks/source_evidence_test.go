package checks_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hegui-dev/hegui/checks"
	"github.com/hegui-dev/hegui/pipeline"
)

// Source-tree scans point at the project's files: strings.xml lines instead of
// resources.arsc, manifest lines, kind "source" for code.
func TestSourceTreeEvidence(t *testing.T) {
	root := filepath.Join("..", "testdata", "src")
	policy := filepath.Join("..", "testdata", "policy", "complete-zh.html")
	seen := map[string]checks.Evidence{}
	for _, project := range []string{"groovy-app", "kotlin-catalog", "multi-module"} {
		for _, pols := range [][]string{nil, {policy}} {
			r, err := pipeline.Run(context.Background(), filepath.Join(root, project), pipeline.Options{ToolVersion: "TEST", PolicyFiles: pols})
			if err != nil {
				t.Fatal(err)
			}
			perms, comps := map[string]bool{}, map[string]bool{}
			for _, p := range r.Permissions {
				perms[p.Name] = true
			}
			for _, c := range r.Components {
				comps[c.Name] = true
			}
			for _, f := range r.Findings {
				for _, ev := range f.Evidence {
					where := project + " " + f.Rule + " " + ev.Kind + " " + ev.Path
					switch {
					case strings.HasPrefix(ev.Path, "resources.arsc"):
						t.Errorf("%s: APK resource path in a source tree (%q)", where, ev.Snippet)
					case ev.Kind == "dex":
						t.Errorf("%s: kind dex in a source tree", where)
					case ev.Kind == "manifest" && (perms[ev.Locator] || comps[ev.Locator]) && ev.Line == 0:
						t.Errorf("%s: manifest evidence for %s without a line", where, ev.Locator)
					case ev.Kind == "manifest" && (strings.HasPrefix(ev.Locator, "application@") || strings.HasPrefix(ev.Snippet, "meta_data: ")) && ev.Line == 0:
						t.Errorf("%s: <application> or meta-data evidence %q without a line", where, ev.Snippet)
					}
					seen[project+" "+f.Rule+" "+ev.Snippet] = ev
				}
			}
		}
	}
	ev, ok := seen["kotlin-catalog CNPI-POL-001 https://kcat.example/privacy"]
	if !ok || ev.Path != "app/src/main/res/values/strings.xml" || ev.Line != 3 || ev.Kind != "resource" {
		t.Errorf("kotlin-catalog policy URL evidence: %+v", ev)
	}
	ev, ok = seen[`groovy-app CNPI-SEC-001 android:allowBackup="true"`]
	if !ok || ev.Path != "app/src/main/AndroidManifest.xml" || ev.Line != 21 || ev.Locator != "application@allowBackup" {
		t.Errorf("groovy-app allowBackup evidence: %+v", ev)
	}
	ev, ok = seen["groovy-app CNPI-POL-011 meta_data: UMENG_APPKEY"]
	if !ok || ev.Path != "app/src/main/AndroidManifest.xml" || ev.Line != 59 {
		t.Errorf("groovy-app UMENG_APPKEY meta-data evidence: %+v", ev)
	}
	ev, ok = seen["groovy-app CNPI-MIN-009 const-string \"ro.serialno\""]
	if !ok || !strings.HasSuffix(ev.Path, "DeviceInfo.java") || ev.Line == 0 || ev.Kind != "source" {
		t.Errorf("groovy-app ro.serialno evidence: %+v", ev)
	}
	ev, ok = seen["kotlin-catalog CNPI-POL-011 reference: 2 references in source"]
	if !ok || ev.Kind != "source" || !strings.HasSuffix(ev.Path, "KcatApp.kt") {
		t.Errorf("kotlin-catalog Getui reference evidence: %+v", ev)
	}
}
