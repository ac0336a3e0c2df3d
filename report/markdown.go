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

// WriteMarkdown renders a short pull-request comment: summary, one table row per
// rule (with the count and the first location), and the messages, evidence and
// fixes in a collapsible section.
func WriteMarkdown(w io.Writer, reps []*Report, o Options) error {
	zh := o.zh()
	var b strings.Builder
	for i, r := range reps {
		if i > 0 {
			b.WriteString("\n---\n\n")
		}
		fmt.Fprintf(&b, "### hegui: %s `%s` %s\n\n", mdText(r.displayName(zh)), mdCode(r.App.Package), mdText(r.App.VersionName))
		fmt.Fprintf(&b, "%s\n\n", mdText(summaryLine(r, zh)))
		if len(r.Findings) == 0 {
			fmt.Fprintf(&b, "%s\n", tr(zh, "no_findings"))
			continue
		}
		groups := groupFindings(r.Findings)
		fmt.Fprintf(&b, "| %s | %s | %s | # | %s |\n|---|---|---|---|---|\n", tr(zh, "severity"), tr(zh, "rule"), tr(zh, "title"), tr(zh, "evidence"))
		for _, g := range groups {
			f := g[0]
			fmt.Fprintf(&b, "| %s | %s | %s | %d | %s |\n", severityLabel(f.Severity, zh), f.Rule, mdText(pick(zh, f.TitleZH, f.Title)), len(g), mdText(firstWhere(f)))
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
					fmt.Fprintf(&b, " — `%s`", mdCode(evidenceLine(f.Evidence[0])))
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
	}
	_, err := io.WriteString(w, b.String())
	return err
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
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}
