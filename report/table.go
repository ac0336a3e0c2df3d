package report

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

// maxEvidence bounds the evidence lines a text format prints per finding.
const maxEvidence = 3

// WriteTable renders reports as terminal tables.
func WriteTable(w io.Writer, reps []*Report, o Options) error {
	zh := o.zh()
	for i, r := range reps {
		if i > 0 {
			fmt.Fprintln(w)
		}
		if err := writeTableOne(w, r, o, zh); err != nil {
			return err
		}
	}
	// A lone failed input is already named on stderr; in a batch the table lists
	// the failures after the reports so a saved table is complete.
	for i, f := range o.Failed {
		if len(reps) == 0 {
			break
		}
		if i == 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s %s: %s\n", tr(zh, "input_failed"), clean(f.Target.Path), clean(f.Error))
	}
	return nil
}

func writeTableOne(w io.Writer, r *Report, o Options, zh bool) error {
	fmt.Fprintf(w, "%s — %s (%s %s)\n", tr(zh, "report"), clean(r.displayName(zh)), clean(r.App.Package), clean(r.App.VersionName))
	fmt.Fprintf(w, "%s: %s\n", tr(zh, "target"), clean(r.Target.Path))
	fmt.Fprintf(w, "%s: %s\n", tr(zh, "summary"), summaryLine(r, zh))
	for _, d := range r.incomplete() {
		fmt.Fprintf(w, "!! %s %s: %s\n", tr(zh, "incomplete"), clean(d.Path), clean(d.Message))
	}
	fmt.Fprintln(w)

	fmt.Fprintf(w, "%s (%d)\n", tr(zh, "sdks"), len(r.SDKs))
	if len(r.SDKs) > 0 {
		disclosed := sdkDisclosure(r)
		t := newTable(w, tr(zh, "sdk"), tr(zh, "vendor"), tr(zh, "category"), tr(zh, "overseas"), tr(zh, "disclosed"))
		for _, h := range r.SDKs {
			if err := t.Append([]string{wrapCell(pick(zh, h.NameZH, h.Name), 24), wrapCell(h.Vendor, 30), categoryLabel(zh, h.Category), yesNo(zh, h.Overseas), disclosureLabel(zh, disclosed[h.ID])}); err != nil {
				return err
			}
		}
		if err := t.Render(); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "\n%s (%d)\n", tr(zh, "permissions"), len(r.Permissions))
	if len(r.Permissions) > 0 {
		t := newTable(w, tr(zh, "permission"), tr(zh, "pi"), tr(zh, "disclosed"), tr(zh, "used_by"))
		for _, p := range r.Permissions {
			if err := t.Append([]string{shortPerm(p.Name), wrapCell(piName(zh, p), 24), permDisclosure(zh, p, r.hasPolicy()), wrapCell(strings.Join(p.UsedBy, ", "), 30)}); err != nil {
				return err
			}
		}
		if err := t.Render(); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "\n%s (%d)\n", tr(zh, "findings"), len(r.Findings))
	if len(r.Findings) == 0 {
		fmt.Fprintln(w, tr(zh, "no_findings"))
	} else {
		t := newTable(w, tr(zh, "severity"), tr(zh, "rule"), tr(zh, "title"), tr(zh, "evidence"), tr(zh, "fix"))
		for i := range r.Findings {
			f := &r.Findings[i]
			rule := o.rule(f)
			title := pick(zh, f.TitleZH, f.Title) + "\n" + pick(zh, f.MessageZH, f.Message)
			fix := pick(zh, rule.FixZH, rule.Fix)
			if i > 0 && r.Findings[i-1].Rule == f.Rule {
				fix = tr(zh, "same_fix") // a rule's fix is long; print it once per run of rows
			}
			if err := t.Append([]string{severityLabel(f.Severity, zh), f.Rule, wrapCell(title, 36), wrapCell(evidenceText(f.Evidence, zh), 44), wrapCell(fix, 30)}); err != nil {
				return err
			}
		}
		if err := t.Render(); err != nil {
			return err
		}
	}
	for _, d := range r.Diagnostics {
		fmt.Fprintf(w, "%s: %s: %s\n", tr(zh, "diagnostics"), clean(d.Path), clean(d.Message))
	}
	if len(r.Suppressed) > 0 {
		fmt.Fprintf(w, "%s: %d\n", tr(zh, "suppressed"), len(r.Suppressed))
	}
	return nil
}

// textTable is a terminal table whose every cell is made visible (clean) on the
// way in: permission names, SDK categories and rule IDs come from the APK or the
// SDK database as much as messages do.
type textTable struct{ t *tablewriter.Table }

func newTable(w io.Writer, header ...string) *textTable {
	// Cells are wrapped by wrapCell: the library's own wrapping cuts CJK text.
	t := tablewriter.NewTable(w,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
	)
	t.Header(header)
	return &textTable{t}
}

func (t *textTable) Append(cells []string) error {
	safe := make([]string, len(cells))
	for i, c := range cells {
		safe[i] = clean(c)
	}
	return t.t.Append(safe)
}

func (t *textTable) Render() error { return t.t.Render() }

func summaryLine(r *Report, zh bool) string {
	parts := []string{}
	for i := len(SeverityNames) - 1; i >= 0; i-- {
		if n := r.Summary.BySeverity[SeverityNames[i]]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", severityLabel(sevOf(i), zh), n))
		}
	}
	s := fmt.Sprintf("%s %d", tr(zh, "findings"), r.Summary.Findings)
	if len(parts) > 0 {
		s += " (" + strings.Join(parts, ", ") + ")"
	}
	s += fmt.Sprintf("; %s %d (%s %d)", tr(zh, "sdks"), r.Summary.SDKs, tr(zh, "overseas"), r.Summary.Overseas)
	if r.Summary.Suppressed > 0 {
		s += fmt.Sprintf("; %s %d", tr(zh, "suppressed"), r.Summary.Suppressed)
	}
	return s
}

func evidenceText(ev []checksEvidence, zh bool) string {
	lines := []string{}
	for i, e := range ev {
		if i == maxEvidence {
			lines = append(lines, fmt.Sprintf(tr(zh, "more_evidence"), len(ev)-maxEvidence))
			break
		}
		lines = append(lines, evidenceLine(e, zh))
	}
	return strings.Join(lines, "\n")
}

// sdkDisclosure maps SDK ID → whether the policy names it (nil without a policy).
func sdkDisclosure(r *Report) map[string]*bool {
	out := map[string]*bool{}
	for _, h := range r.SDKs {
		if r.Policy == nil || len(r.Policy.Documents) == 0 {
			out[h.ID] = nil
			continue
		}
		d := false
		for _, m := range r.Policy.SDKs {
			if m.ID == h.ID {
				d = true
				break
			}
		}
		out[h.ID] = &d
	}
	return out
}

func disclosureLabel(zh bool, d *bool) string {
	switch {
	case d == nil:
		return tr(zh, "no_policy")
	case *d:
		return tr(zh, "disclosed_yes")
	}
	return tr(zh, "disclosed_no")
}

func yesNo(zh, b bool) string {
	if b {
		return tr(zh, "yes")
	}
	return tr(zh, "no")
}

func shortPerm(name string) string { return strings.TrimPrefix(name, "android.permission.") }

// wrapCell hard-wraps every line of s to width display columns (CJK counts 2),
// breaking after a space or punctuation when one is near the limit.
func wrapCell(s string, width int) string {
	var out []string
	for _, line := range strings.Split(clean(s), "\n") {
		for runewidth.StringWidth(line) > width {
			cut, w, lastBreak := 0, 0, -1
			for i, r := range line {
				rw := runewidth.RuneWidth(r)
				if w+rw > width {
					break
				}
				w += rw
				cut = i + utf8.RuneLen(r)
				if r == ' ' || r == '/' || r == '.' || r == ',' || r == '，' || r == '、' || r == '；' || r == '）' {
					lastBreak = cut
				}
			}
			if lastBreak > cut*2/3 {
				cut = lastBreak
			}
			if cut == 0 {
				break
			}
			out = append(out, strings.TrimRight(line[:cut], " "))
			line = strings.TrimLeft(line[cut:], " ")
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// clean shows control characters (terminal escapes from a hostile APK) and bidi
// overrides as visible escapes; newlines and tabs stay.
func clean(s string) string { return visible(s) }
