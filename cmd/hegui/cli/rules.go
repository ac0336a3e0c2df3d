package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/spf13/cobra"

	"github.com/hegui-dev/hegui/checks"
)

func newRulesCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the rule catalogue or explain one rule",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return cmd.Help()
		},
	}
	cmd.AddCommand(newRulesListCmd(), newRulesExplainCmd(), newRulesAppTypesCmd())
	return cmd
}

func newRulesListCmd() *cobra.Command {
	var format, lang string
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List every rule: ID, severity, title, whether it needs the privacy policy",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if lang != "zh" && lang != "en" {
				return usageErr("rules list: --lang must be zh or en, not %q", lang)
			}
			w := cmd.OutOrStdout()
			switch format {
			case "json":
				return rulesJSON(w, checks.Rules())
			case "table":
				return rulesTable(w, checks.Rules(), lang)
			}
			return usageErr("rules list: --format must be table or json, not %q", format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table or json")
	cmd.Flags().StringVar(&lang, "lang", "zh", "title language: zh or en")
	return cmd
}

func rulesTable(w io.Writer, rules []checks.Rule, lang string) error {
	t := tablewriter.NewTable(w, tablewriter.WithHeaderAutoFormat(tw.Off))
	title, needs := "标题", "需要隐私政策"
	if lang == "en" {
		title, needs = "Title", "Needs policy"
	}
	t.Header("ID", severityHeader(lang), title, needs)
	for _, r := range rules {
		name := r.TitleZH
		if lang == "en" {
			name = r.Title
		}
		if err := t.Append(r.ID, r.Severity.String(), name, yesNoLang(r.NeedsPolicy, lang)); err != nil {
			return err
		}
	}
	return t.Render()
}

func severityHeader(lang string) string {
	if lang == "en" {
		return "Severity"
	}
	return "严重程度"
}

func yesNoLang(b bool, lang string) string {
	switch {
	case lang == "en" && b:
		return "yes"
	case lang == "en":
		return "no"
	case b:
		return "是"
	}
	return "否"
}

func newRulesExplainCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "explain ID",
		Short: "Explain one rule: clauses, what it checks, how to fix, docs page",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, ok := checks.Lookup(args[0])
			if !ok {
				return usageErr("rules explain: unknown rule %q (see `hegui rules list`)", args[0])
			}
			w := cmd.OutOrStdout()
			switch format {
			case "json":
				return rulesJSON(w, r)
			case "text":
				explainText(w, r)
				return nil
			}
			return usageErr("rules explain: --format must be text or json, not %q", format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	return cmd
}

func explainText(w io.Writer, r checks.Rule) {
	fmt.Fprintf(w, "%s  %s\n%s\n\n", r.ID, r.TitleZH, r.Title)
	fmt.Fprintf(w, "Severity:      %s\nNeeds policy:  %s\nDocs:          %s\n\n", r.Severity, yesNoLang(r.NeedsPolicy, "en"), r.Doc)
	fmt.Fprintln(w, "Clauses:")
	for _, c := range r.Clauses {
		line := "  - " + c.Source + " " + c.Item
		if c.Text != "" {
			line += ": " + c.Text
		}
		fmt.Fprintln(w, line)
	}
	section := func(name string, texts ...string) {
		fmt.Fprintf(w, "\n%s:\n", name)
		for _, t := range texts {
			if strings.TrimSpace(t) != "" {
				fmt.Fprintf(w, "  %s\n", t)
			}
		}
	}
	section("What it checks", r.Detects)
	section("Why", r.Rationale, r.RationaleZH)
	section("Fix", r.Fix, r.FixZH)
	section("False positives", r.FalsePositives)
	if r.ID == "CNPI-MIN-001" {
		fmt.Fprintln(w, "\nApp types (--app-type):")
		for _, t := range checks.AppTypes {
			fmt.Fprintf(w, "  %2d %-20s %s / %s\n", t.No, t.Key, t.NameZH, t.Name)
		}
	}
}

func rulesJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func newRulesAppTypesCmd() *cobra.Command {
	var format, lang string
	cmd := &cobra.Command{
		Use:   "app-types",
		Short: "List the 39 app types --app-type accepts: necessary PI and justifiable permissions",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if lang != "zh" && lang != "en" {
				return usageErr("rules app-types: --lang must be zh or en, not %q", lang)
			}
			w := cmd.OutOrStdout()
			switch format {
			case "json":
				return rulesJSON(w, checks.AppTypes)
			case "table":
				return appTypesTable(w, lang)
			}
			return usageErr("rules app-types: --format must be table or json, not %q", format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table or json")
	cmd.Flags().StringVar(&lang, "lang", "zh", "language of the headers and the necessary-PI summary: zh or en")
	return cmd
}

// appTypesTable prints one row per type; permissions are shortened to their last
// segment (ACCESS_FINE_LOCATION) to keep the table narrow.
func appTypesTable(w io.Writer, lang string) error {
	t := tablewriter.NewTable(w, tablewriter.WithHeaderAutoFormat(tw.Off))
	if lang == "en" {
		t.Header("Key", "No.", "中文名", "English name", "Necessary PI", "Basic-function permissions", "Point-of-use permissions")
	} else {
		t.Header("Key", "序号", "中文名", "English name", "必要个人信息", "基本功能可用权限", "扩展功能（使用时申请）权限")
	}
	for _, at := range checks.AppTypes {
		pi := at.NecessaryPI
		if lang == "en" {
			pi = at.NecessaryPIEN
		}
		none := "无"
		if lang == "en" {
			none = "none"
		}
		if err := t.Append(at.Key, fmt.Sprint(at.No), at.NameZH, at.Name, piLines(pi), shortPerms(at.Baseline, none), shortPerms(at.Functional, none)); err != nil {
			return err
		}
	}
	return t.Render()
}

// shortPerms lists permissions one a line by their last segment, folding the six
// storage and media permissions into one line.
func shortPerms(ps []string, none string) string {
	if len(ps) == 0 {
		return none
	}
	var out []string
	media := false
	for _, p := range ps {
		short := strings.TrimPrefix(p, "android.permission.")
		if strings.HasPrefix(short, "READ_MEDIA_") || strings.HasSuffix(short, "_EXTERNAL_STORAGE") {
			if !media {
				out = append(out, "*_EXTERNAL_STORAGE, READ_MEDIA_*")
				media = true
			}
			continue
		}
		out = append(out, short)
	}
	return strings.Join(out, "\n")
}

// piLines puts each part of a necessary-PI summary on its own line.
func piLines(s string) string {
	s = strings.ReplaceAll(s, "；", "\n")
	return strings.ReplaceAll(s, "; ", "\n")
}
