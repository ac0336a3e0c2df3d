package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/hegui-dev/hegui/checks"
)

// mdItemsPerRule bounds the findings listed per rule in the details, so a comment
// stays far below GitHub's 65,536-character limit.
const mdItemsPerRule = 5

// mdLimit is GitHub's comment limit (65,536 characters) less a margin for what a
// CI step wraps around the report.
const mdLimit = 60000

// WriteMarkdown renders a short pull-request comment: summary, one table row per
// rule (with the count and the first location), and the messages, evidence and
// fixes in a collapsible section. A batch starts with its totals and the inputs
// that failed; when the whole comment would pass GitHub's limit the details are
// left out, and then apps at the end, with a note saying how many.
func WriteMarkdown(w io.Writer, reps []*Report, o Options) error {
	zh := o.zh()
	var head strings.Builder
	if len(reps)+len(o.Failed) > 1 {
		fmt.Fprintf(&head, "### hegui: %s\n\n", mdText(batchLine(reps, len(o.Failed), zh)))
	}
	if len(o.Failed) > 0 {
		fmt.Fprintf(&head, "**%s**\n\n", tr(zh, "inputs_failed"))
		for _, f := range o.Failed {
			fmt.Fprintf(&head, "- `%s`: %s\n", mdCode(f.Target.Path), mdText(f.Error))
		}
		head.WriteString("\n")
	}
	full := make([]string, len(reps))
	for i, r := range reps {
		full[i] = mdReport(r, o, zh, true)
	}
	body := joinReports(full)
	if utf16Len(head.String())+utf16Len(body) > mdLimit {
		short := make([]string, len(reps))
		for i, r := range reps {
			short[i] = mdReport(r, o, zh, false)
		}
		body = fitReports(short, reps, mdLimit-utf16Len(head.String()), zh)
	}
	_, err := io.WriteString(w, visible(head.String()+body))
	return err
}

func joinReports(parts []string) string { return strings.Join(parts, "\n---\n\n") }

// fitReports keeps the first reports that fit in budget and notes the rest.
func fitReports(parts []string, reps []*Report, budget int, zh bool) string {
	var kept []string
	used := 0
	for i, p := range parts {
		left := reps[i:]
		note := omittedNote(left, zh)
		if used+utf16Len(p)+utf16Len(note)+8 > budget {
			return joinReports(kept) + "\n---\n\n" + note
		}
		kept = append(kept, p)
		used += utf16Len(p) + 6
	}
	return joinReports(kept) + "\n" + tr(zh, "md_details_cut") + "\n"
}

func omittedNote(left []*Report, zh bool) string {
	n := 0
	for _, r := range left {
		n += r.Summary.Findings
	}
	return fmt.Sprintf(tr(zh, "md_truncated"), len(left), n) + "\n"
}

// batchLine sums a batch: apps, findings by severity, failed inputs, incomplete scans.
func batchLine(reps []*Report, failed int, zh bool) string {
	by := map[string]int{}
	total, incomplete := 0, 0
	for _, r := range reps {
		total += r.Summary.Findings
		for k, v := range r.Summary.BySeverity {
			by[k] += v
		}
		if r.Summary.Incomplete {
			incomplete++
		}
	}
	var parts []string
	for i := len(SeverityNames) - 1; i >= 0; i-- {
		if n := by[SeverityNames[i]]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", severityLabel(sevOf(i), zh), n))
		}
	}
	s := fmt.Sprintf(tr(zh, "batch_apps"), len(reps)) + tr(zh, "semi") + fmt.Sprintf("%s %d", tr(zh, "findings"), total)
	if len(parts) > 0 {
		s += " (" + strings.Join(parts, ", ") + ")"
	}
	if failed > 0 {
		s += tr(zh, "semi") + fmt.Sprintf(tr(zh, "batch_failed"), failed)
	}
	if incomplete > 0 {
		s += tr(zh, "semi") + fmt.Sprintf(tr(zh, "batch_incomplete"), incomplete)
	}
	return s
}

// mdReport renders one app; details adds the collapsible messages and fixes.
func mdReport(r *Report, o Options, zh, details bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "### hegui: %s `%s` %s\n\n", mdText(r.displayName(zh)), mdCode(r.App.Package), mdText(r.App.VersionName))
	fmt.Fprintf(&b, "%s\n\n", mdText(summaryLine(r, zh)))
	for _, d := range r.incomplete() {
		fmt.Fprintf(&b, "> **%s** %s\n\n", tr(zh, "incomplete"), mdText(d.Path+": "+d.Message))
	}
	if len(r.Findings) == 0 {
		fmt.Fprintf(&b, "%s\n", tr(zh, "no_findings"))
		return b.String()
	}
	groups := groupFindings(r.Findings)
	fmt.Fprintf(&b, "| %s | %s | %s | # | %s |\n|---|---|---|---|---|\n", tr(zh, "severity"), tr(zh, "rule"), tr(zh, "title"), tr(zh, "evidence"))
	for _, g := range groups {
		f := g[0]
		fmt.Fprintf(&b, "| %s | %s | %s | %d | %s |\n", severityLabel(f.Severity, zh), f.Rule, mdText(pick(zh, f.TitleZH, f.Title)), len(g), mdText(firstWhere(f)))
	}
	if !details {
		return b.String()
	}
	fmt.Fprintf(&b, "\n<details><summary>%s</summary>\n\n", tr(zh, "details"))
	for _, g := range groups {
		f := &g[0]
		rule := o.rule(f)
		fmt.Fprintf(&b, "**%s** %s (%s)\n\n", f.Rule, mdText(pick(zh, f.TitleZH, f.Title)), severityLabel(f.Severity, zh))
		for j, f := range g {
			if j == mdItemsPerRule {
				fmt.Fprintf(&b, "- "+tr(zh, "more_findings")+"\n", len(g)-mdItemsPerRule)
				break
			}
			fmt.Fprintf(&b, "- %s", mdText(pick(zh, f.MessageZH, f.Message)))
			if len(f.Evidence) > 0 {
				fmt.Fprintf(&b, " — `%s`", mdCode(evidenceLine(f.Evidence[0], zh)))
			}
			b.WriteString("\n")
		}
		if fix := pick(zh, rule.FixZH, rule.Fix); fix != "" {
			fmt.Fprintf(&b, "\n%s%s%s\n", tr(zh, "fix"), tr(zh, "colon"), mdText(fix))
		}
		if len(f.Clauses) > 0 {
			cs := make([]string, len(f.Clauses))
			for k, c := range f.Clauses {
				cs[k] = mdText(clauseText(c))
			}
			fmt.Fprintf(&b, "\n%s%s%s\n", tr(zh, "clauses"), tr(zh, "colon"), strings.Join(cs, tr(zh, "semi")))
		}
		b.WriteString("\n")
	}
	b.WriteString("</details>\n")
	return b.String()
}

// utf16Len counts UTF-16 code units, the unit of GitHub's comment limit.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// groupFindings splits sorted findings into runs of the same rule and severity.
func groupFindings(fs []checks.Finding) [][]checks.Finding {
	var out [][]checks.Finding
	for i, f := range fs {
		if i == 0 || fs[i-1].Rule != f.Rule || fs[i-1].Severity != f.Severity {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], f)
	}
	return out
}

func firstWhere(f checks.Finding) string {
	if len(f.Evidence) == 0 {
		return ""
	}
	e := f.Evidence[0]
	where := e.Path
	if e.Line > 0 {
		where += fmt.Sprintf(":%d", e.Line)
	}
	if e.Locator != "" {
		where += " " + e.Locator
	}
	return where
}

var mdEscaper = strings.NewReplacer(
	"\\", "\\\\", "|", "\\|", "<", "&lt;", ">", "&gt;", "&", "&amp;", "*", "\\*", "_", "\\_",
	"`", "\\`", "[", "\\[", "]", "\\]", "\r", " ", "\n", " ",
)

// mdText escapes APK-derived text for a Markdown table cell or paragraph: no raw
// HTML, no links, no table breaks.
func mdText(s string) string { return mdEscaper.Replace(s) }

// mdCode makes text safe inside a `code span` (whose content Markdown shows
// literally, HTML included): backticks and newlines removed. Not for table cells.
func mdCode(s string) string {
	s = strings.NewReplacer("`", "'", "\n", " ", "\r", " ").Replace(s)
	if r := []rune(s); len(r) > 300 {
		s = string(r[:300]) + "…"
	}
	return s
}
