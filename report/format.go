package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/hegui-dev/hegui/checks"
	"github.com/hegui-dev/hegui/policy"
	"github.com/hegui-dev/hegui/sdkdb"
)

// Formats lists every output format, in help order.
var Formats = []string{"table", "json", "sarif", "html", "markdown", "jsonl"}

// Extension is the file extension a format gets when --output names a base path.
var Extension = map[string]string{
	"table": ".txt", "json": ".json", "sarif": ".sarif", "html": ".html", "markdown": ".md", "jsonl": ".jsonl",
}

// Options shape rendering, not content.
type Options struct {
	Lang  string        // "zh" (default) or "en"
	Rules []checks.Rule // the rule catalogue: titles, fixes and clauses for rendering
	// Array makes the JSON encoder write an array even for one report (batch scans).
	Array bool
	// Failed are the inputs that could not be analysed, in input order.
	Failed []InputError
}

func (o Options) zh() bool { return o.Lang != "en" }

// rule returns the catalogue entry for id, or one built from the finding.
func (o Options) rule(f *checks.Finding) checks.Rule {
	for _, r := range o.Rules {
		if r.ID == f.Rule {
			return r
		}
	}
	return checks.Rule{ID: f.Rule, Title: f.Title, TitleZH: f.TitleZH, Severity: f.Severity, Clauses: f.Clauses}
}

// Write renders reports in format to w.
func Write(w io.Writer, format string, reps []*Report, o Options) error {
	switch format {
	case "table":
		return WriteTable(w, reps, o)
	case "json":
		return WriteJSON(w, reps, o)
	case "jsonl":
		return WriteJSONL(w, reps, o)
	case "sarif":
		return WriteSARIF(w, reps, o)
	case "html":
		return WriteHTML(w, reps, o)
	case "markdown", "md":
		return WriteMarkdown(w, reps, o)
	}
	return fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

// SeverityNames in ascending order; index = checks.Severity.
var SeverityNames = []string{"info", "low", "medium", "high", "critical"}

// SeverityName is the lower-case name of s.
func SeverityName(s checks.Severity) string {
	if int(s) >= 0 && int(s) < len(SeverityNames) {
		return SeverityNames[s]
	}
	return "unknown"
}

// ParseSeverity reads a severity name (case-insensitive).
func ParseSeverity(name string) (checks.Severity, bool) {
	for i, n := range SeverityNames {
		if strings.EqualFold(n, strings.TrimSpace(name)) {
			return checks.Severity(i), true
		}
	}
	return 0, false
}

var severityZH = []string{"提示", "低", "中", "高", "严重"}

func severityLabel(s checks.Severity, zh bool) string {
	if zh && int(s) >= 0 && int(s) < len(severityZH) {
		return severityZH[s]
	}
	return SeverityName(s)
}

// Finalize sorts what came from maps or concurrent stages and recomputes Summary.
func (r *Report) Finalize() {
	r.SchemaVersion = SchemaVersion
	checks.SortFindings(r.Findings)
	sort.SliceStable(r.Permissions, func(i, j int) bool { return r.Permissions[i].Name < r.Permissions[j].Name })
	sort.SliceStable(r.Suppressed, func(i, j int) bool {
		a, b := r.Suppressed[i], r.Suppressed[j]
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Fingerprint < b.Fingerprint
	})
	if r.Findings == nil {
		r.Findings = []checks.Finding{}
	}
	if r.Permissions == nil {
		r.Permissions = []Permission{}
	}
	if r.SDKs == nil {
		r.SDKs = []sdkdb.Hit{}
	}
	s := Summary{Findings: len(r.Findings), BySeverity: map[string]int{}, SDKs: len(r.SDKs), Suppressed: len(r.Suppressed)}
	for _, n := range SeverityNames {
		s.BySeverity[n] = 0
	}
	for _, f := range r.Findings {
		s.BySeverity[SeverityName(f.Severity)]++
	}
	for _, h := range r.SDKs {
		if h.Overseas {
			s.Overseas++
		}
	}
	s.Incomplete = len(r.incomplete()) > 0
	r.Summary = s
}

// AtOrAbove counts findings with severity >= min.
func (r *Report) AtOrAbove(min checks.Severity) int { return countAtOrAbove(r.Findings, min) }

func countAtOrAbove(fs []checks.Finding, min checks.Severity) int {
	n := 0
	for _, f := range fs {
		if f.Severity >= min {
			n++
		}
	}
	return n
}

// displayName is the app's name in the chosen language.
func (r *Report) displayName(zh bool) string {
	if zh && r.App.LabelZH != "" {
		return r.App.LabelZH
	}
	if r.App.Label != "" {
		return r.App.Label
	}
	if r.App.LabelZH != "" {
		return r.App.LabelZH
	}
	return r.App.Package
}

func pick(zh bool, zhText, enText string) string {
	if zh && zhText != "" {
		return zhText
	}
	if enText == "" {
		return zhText
	}
	return enText
}

// snippet is an evidence snippet in the report language: SnippetZH when the
// snippet is hegui's own words and a Chinese form exists.
func snippet(e checks.Evidence, zh bool) string { return pick(zh, e.SnippetZH, e.Snippet) }

// evidenceLine is one evidence item as plain text: "path:line (locator): snippet".
func evidenceLine(e checks.Evidence, zh bool) string {
	var b strings.Builder
	b.WriteString(e.Path)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Locator != "" {
		fmt.Fprintf(&b, " (%s)", e.Locator)
	}
	if s := snippet(e, zh); s != "" {
		fmt.Fprintf(&b, ": %s", s)
	}
	return b.String()
}

func clauseText(c checks.Clause) string {
	s := c.Source + " " + c.Item
	if c.Text != "" {
		s += "（" + c.Text + "）"
	}
	return strings.TrimSpace(s)
}

type checksEvidence = checks.Evidence

func sevOf(i int) checks.Severity { return checks.Severity(i) }

// piName is a permission's PI category in the report language.
func piName(zh bool, p Permission) string {
	if !zh && p.PICategory != "" {
		if c, ok := policy.CategoryByKey(p.PICategory); ok && c.NameEN != "" {
			return c.NameEN
		}
	}
	return p.PI
}

// permDisclosure is "—" for a permission that reaches no personal information, or
// one the policy cannot disclose (a capability such as 自启动) when a policy exists.
func permDisclosure(zh bool, p Permission, hasPolicy bool) string {
	if p.Disclosed == nil && (p.PI == "" || hasPolicy) {
		return "—"
	}
	if p.Denied {
		return tr(zh, "disclosed_denied")
	}
	return disclosureLabel(zh, p.Disclosed)
}

func (r *Report) hasPolicy() bool { return r.Policy.HasText() }
