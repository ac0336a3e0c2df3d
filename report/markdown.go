package report

import (
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown renders a short pull-request comment: summary, findings table, and
// the evidence and fixes in a collapsible section.
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
		} else {
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n|---|---|---|---|\n", tr(zh, "severity"), tr(zh, "rule"), tr(zh, "title"), tr(zh, "evidence"))
			for _, f := range r.Findings {
				where := ""
				if len(f.Evidence) > 0 {
					e := f.Evidence[0]
					where = e.Path
					if e.Line > 0 {
						where += fmt.Sprintf(":%d", e.Line)
					}
					if e.Locator != "" {
						where += " " + e.Locator
					}
				}
				fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", severityLabel(f.Severity, zh), f.Rule, mdText(pick(zh, f.TitleZH, f.Title)), mdText(where))
			}
			fmt.Fprintf(&b, "\n<details><summary>%s</summary>\n\n", tr(zh, "details"))
			for i := range r.Findings {
				f := &r.Findings[i]
				rule := o.rule(f)
				fmt.Fprintf(&b, "**%s** %s — %s\n\n", f.Rule, mdText(pick(zh, f.TitleZH, f.Title)), mdText(pick(zh, f.MessageZH, f.Message)))
				for j, e := range f.Evidence {
					if j == maxEvidence {
						fmt.Fprintf(&b, "- "+tr(zh, "more_evidence")+"\n", len(f.Evidence)-maxEvidence)
						break
					}
					fmt.Fprintf(&b, "- %s\n", mdText(evidenceLine(e)))
				}
				if fix := pick(zh, rule.FixZH, rule.Fix); fix != "" {
					fmt.Fprintf(&b, "\n%s: %s\n", tr(zh, "fix"), mdText(fix))
				}
				if len(f.Clauses) > 0 {
					cs := make([]string, len(f.Clauses))
					for k, c := range f.Clauses {
						cs[k] = mdText(clauseText(c))
					}
					fmt.Fprintf(&b, "\n%s: %s\n", tr(zh, "clauses"), strings.Join(cs, "; "))
				}
				b.WriteString("\n")
			}
			b.WriteString("</details>\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

var mdEscaper = strings.NewReplacer(
	"\\", "\\\\", "|", "\\|", "<", "&lt;", ">", "&gt;", "&", "&amp;", "*", "\\*", "_", "\\_",
	"`", "\\`", "[", "\\[", "]", "\\]", "\r", " ", "\n", " ",
)

// mdText escapes APK-derived text for a Markdown table cell or paragraph: no raw
// HTML, no links, no table breaks.
func mdText(s string) string { return mdEscaper.Replace(s) }

func mdCode(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, "`", "'"), "\n", " ") }
