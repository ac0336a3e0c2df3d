package checks_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hegui-dev/hegui/pipeline"
)

var attrRE = regexp.MustCompile(`[\w:]+="[^"]*"`)

// R2-11: manifest snippets are literal: every attribute of a component's start tag
// in the evidence is in the manifest element at the evidence's line, and an export
// implied by an intent-filter is not shown as android:exported="true".
func TestManifestSnippetsLiteral(t *testing.T) {
	dir := filepath.Join("..", "testdata", "src", "groovy-app")
	r, err := pipeline.Run(context.Background(), dir, pipeline.Options{ToolVersion: "TEST"})
	if err != nil {
		t.Fatal(err)
	}
	checked, implied := 0, false
	for _, f := range r.Findings {
		for _, ev := range f.Evidence {
			if ev.Kind != "manifest" || ev.Line == 0 || !strings.HasPrefix(ev.Snippet, "<") {
				continue
			}
			b, err := os.ReadFile(filepath.Join(dir, ev.Path))
			if err != nil {
				t.Fatalf("%s: %v", ev.Path, err)
			}
			lines := strings.Split(string(b), "\n")
			if ev.Line > len(lines) {
				t.Fatalf("%s:%d past the end", ev.Path, ev.Line)
			}
			elem := strings.Join(lines[ev.Line-1:], "\n")
			elem = elem[:strings.Index(elem, ">")]
			tag := ev.Snippet[:strings.Index(ev.Snippet, ">")]
			for _, a := range attrRE.FindAllString(tag, -1) {
				if !strings.Contains(elem, a) {
					t.Errorf("%s %s:%d: snippet %q has %s, the manifest element does not:\n%s", f.Rule, ev.Path, ev.Line, ev.Snippet, a, elem)
				}
			}
			if ev.Locator == "cn.jpush.android.service.PushReceiver" && strings.Contains(ev.Snippet, "<intent-filter>") {
				implied = true
			}
			checked++
		}
	}
	if checked == 0 || !implied {
		t.Fatalf("checked %d manifest snippets; PushReceiver's implying intent-filter shown: %v", checked, implied)
	}
}

// R2-10: a policy that denies collecting the PI a requested permission reaches is
// quoted as a contradiction, not reported as silent.
func TestPOL012_Positive_DenialQuoted(t *testing.T) {
	r, err := pipeline.Run(context.Background(), filepath.Join("..", "testdata", "apk", "legacy.apk"), pipeline.Options{ToolVersion: "TEST",
		PolicyFiles: []string{filepath.Join("..", "testdata", "policy", "negations-zh.md")}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"android.permission.READ_CONTACTS": "我们不会收集您的通讯录。",
		"android.permission.READ_SMS":      "我们不会读取您的短信内容",
	}
	for _, f := range r.Findings {
		if f.Rule != "CNPI-POL-012" || len(f.Evidence) < 2 {
			continue
		}
		perm, pol := f.Evidence[0].Locator, f.Evidence[1]
		quote, ok := want[perm]
		if !ok {
			continue
		}
		delete(want, perm)
		if pol.Kind != "policy" || !strings.Contains(pol.Snippet, quote) || !strings.Contains(f.MessageZH, "声明不收集") || !strings.Contains(f.Message, "says it does not collect") {
			t.Errorf("%s: %s / %s, evidence %+v", perm, f.Message, f.MessageZH, pol)
		}
	}
	if len(want) > 0 {
		t.Errorf("no POL-012 finding for %v", want)
	}
}

// R3-5: the report's permission table and POL-012 use one table and one
// disclosure test: a POL-012 finding's permission is never shown as disclosed or
// as not personal information, and a disclosed permission has no POL-012.
func TestPermissionTableAgreesWithPOL012(t *testing.T) {
	n := 0
	for _, apk := range []string{"clean.apk", "demo.apk", "kids-settings.apk", "kids.apk", "legacy.apk"} {
		for _, pol := range []string{"negations-zh.md", "deficient-zh.txt", "demo-privacy.html", "fixture-kids-complete.html"} {
			r, err := pipeline.Run(context.Background(), filepath.Join("..", "testdata", "apk", apk), pipeline.Options{ToolVersion: "TEST",
				PolicyFiles: []string{filepath.Join("..", "testdata", "policy", pol)}})
			if err != nil {
				t.Fatal(err)
			}
			flagged := map[string]bool{}
			for _, f := range r.Findings {
				if f.Rule == "CNPI-POL-012" {
					flagged[f.Evidence[0].Locator] = true
				}
			}
			for _, p := range r.Permissions {
				disclosed := p.Disclosed != nil && *p.Disclosed
				if flagged[p.Name] && (disclosed || p.PI == "" || p.Disclosed == nil) {
					t.Errorf("%s + %s: POL-012 on %s but the table says PI %q, disclosed %v", apk, pol, p.Name, p.PI, p.Disclosed)
				}
				if disclosed && flagged[p.Name] {
					t.Errorf("%s + %s: %s disclosed and flagged", apk, pol, p.Name)
				}
			}
			n += len(flagged)
		}
	}
	if n == 0 {
		t.Fatal("no POL-012 finding in any fixture scan")
	}
}
