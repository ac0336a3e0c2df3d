package cli

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/hegui-dev/hegui/checks"
)

func TestRulesList(t *testing.T) {
	var out, errb bytes.Buffer
	if code := Run([]string{"rules", "list"}, &out, &errb); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, r := range checks.Rules() {
		if !strings.Contains(out.String(), r.ID) || !strings.Contains(out.String(), r.TitleZH) {
			t.Fatalf("table lacks %s %s", r.ID, r.TitleZH)
		}
	}
	out.Reset()
	if code := Run([]string{"rules", "list", "--lang", "en"}, &out, &errb); code != ExitOK || !strings.Contains(out.String(), "Embedded SDK not disclosed") {
		t.Fatalf("exit %d, en table:\n%s", code, out.String())
	}
	out.Reset()
	if code := Run([]string{"rules", "list", "--format", "json"}, &out, &errb); code != ExitOK {
		t.Fatalf("json exit %d", code)
	}
	var rules []map[string]any
	if err := json.Unmarshal(out.Bytes(), &rules); err != nil {
		t.Fatal(err)
	}
	if len(rules) != len(checks.Rules()) || rules[0]["severity"] != "high" || rules[0]["doc"] != "docs/rules/CNPI-POL-001.md" {
		t.Fatalf("json: %d rules, first %v", len(rules), rules[0])
	}
	if code := Run([]string{"rules", "list", "--lang", "fr"}, &out, &errb); code != ExitUsage {
		t.Fatalf("--lang fr: exit %d", code)
	}
}

func TestRulesExplain(t *testing.T) {
	var out, errb bytes.Buffer
	if code := Run([]string{"rules", "explain", "cnpi-pol-011"}, &out, &errb); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, want := range []string{"CNPI-POL-011", "SDK信息公示不到位", "认定方法 2.1", "docs/rules/CNPI-POL-011.md", "Fix:"} {
		if !strings.Contains(out.String(), want) {
			t.Fatalf("explain lacks %q:\n%s", want, out.String())
		}
	}
	out.Reset()
	if code := Run([]string{"rules", "explain", "CNPI-MIN-001"}, &out, &errb); code != ExitOK || !strings.Contains(out.String(), "map_navigation") {
		t.Fatalf("MIN-001 explain should list app types:\n%s", out.String())
	}
	if code := Run([]string{"rules", "explain", "CNPI-NOPE-999"}, &out, &errb); code != ExitUsage {
		t.Fatalf("unknown rule: exit %d", code)
	}
}
