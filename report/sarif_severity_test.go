package report

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/hegui-dev/hegui/checks"
)

type sarifRulesDoc struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Rules []struct {
					ID                   string                 `json:"id"`
					DefaultConfiguration struct{ Level string } `json:"defaultConfiguration"`
					Properties           map[string]any         `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			Level     string `json:"level"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct{ URI string } `json:"artifactLocation"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			Related []struct {
				PhysicalLocation struct {
					ArtifactLocation struct{ URI string } `json:"artifactLocation"`
				} `json:"physicalLocation"`
			} `json:"relatedLocations"`
		} `json:"results"`
	} `json:"runs"`
}

// A severity override (severity: {CNPI-SDK-001: low}) lowers the findings; the
// rule's security-severity and default level must follow, or code scanning lists
// the note as High. With findings of several severities the rule takes the highest
// and each result keeps its own level.
func TestSARIFRuleSeverityFollowsFindings(t *testing.T) {
	r := fixtureReport()
	for i := range r.Findings {
		if r.Findings[i].Rule == "CNPI-SDK-001" {
			r.Findings[i].Severity = checks.Low
		}
		if r.Findings[i].Rule == "CNPI-PERM-003" {
			extra := r.Findings[i]
			extra.Severity, extra.Fingerprint = checks.Info, "c0ffee0000000005"
			r.Findings = append(r.Findings, extra)
		}
	}
	r.Finalize()
	var doc sarifRulesDoc
	if err := json.Unmarshal(render(t, "sarif", Options{Rules: fixtureRules()}, r), &doc); err != nil {
		t.Fatal(err)
	}
	rules := map[string]string{}
	levels := map[string]string{}
	for _, ru := range doc.Runs[0].Tool.Driver.Rules {
		rules[ru.ID] = ru.Properties["security-severity"].(string)
		levels[ru.ID] = ru.DefaultConfiguration.Level
	}
	if rules["CNPI-SDK-001"] != "3.0" || levels["CNPI-SDK-001"] != "note" {
		t.Errorf("SDK-001 overridden to low: security-severity %s, level %s; want 3.0, note", rules["CNPI-SDK-001"], levels["CNPI-SDK-001"])
	}
	if rules["CNPI-PERM-003"] != "5.5" || levels["CNPI-PERM-003"] != "warning" {
		t.Errorf("PERM-003 with medium and info findings: %s, %s; want the highest, 5.5 warning", rules["CNPI-PERM-003"], levels["CNPI-PERM-003"])
	}
	if rules["CNPI-POL-001"] != "9.5" {
		t.Errorf("POL-001 without findings: %s; want the catalogue's critical 9.5", rules["CNPI-POL-001"])
	}
	got := map[string]int{}
	for _, res := range doc.Runs[0].Results {
		if res.RuleID == "CNPI-PERM-003" {
			got[res.Level]++
		}
	}
	if got["warning"] != 1 || got["note"] != 1 {
		t.Errorf("PERM-003 result levels %v; want one warning and one note", got)
	}
}

// In a batch every location is prefixed by its target, but a policy file given
// with --policy lies outside every target and keeps its own path.
func TestSARIFUserPolicyNotPrefixed(t *testing.T) {
	a, b := fixtureReport(), fixtureReport()
	b.Target.Path = "apps/other.apk"
	for _, r := range []*Report{a, b} {
		r.Policy.Documents[0].Origin = "user"
		r.Policy.Documents[0].Path = "/work/policy/隐私.html"
		for i := range r.Findings {
			for j := range r.Findings[i].Evidence {
				if e := &r.Findings[i].Evidence[j]; e.Kind == "policy" {
					e.Path = "/work/policy/隐私.html"
				}
			}
		}
	}
	var doc sarifRulesDoc
	if err := json.Unmarshal(render(t, "sarif", Options{Rules: fixtureRules()}, a, b), &doc); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, res := range doc.Runs[0].Results {
		for _, l := range res.Related {
			if u := l.PhysicalLocation.ArtifactLocation.URI; strings.HasSuffix(u, ".html") {
				n++
				if u != "file:///work/policy/%E9%9A%90%E7%A7%81.html" {
					t.Errorf("user policy located at %q", u)
				}
			}
		}
	}
	if n != 2 {
		t.Errorf("%d policy locations, want 2 (one per report)", n)
	}
}
