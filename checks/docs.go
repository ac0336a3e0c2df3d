package checks

import (
	"fmt"
	"strings"
)

// DocPage renders the docs/rules/<ID>.md page of a rule. The pages are generated
// from the catalogue so they cannot drift from it (see TestDocsUpToDate).
func DocPage(r Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s — %s\n\n", r.ID, r.TitleZH)
	fmt.Fprintf(&b, "**%s**\n\n", r.Title)
	fmt.Fprintf(&b, "| | |\n|---|---|\n| Severity | %s |\n| Needs the privacy policy | %s |\n\n", r.Severity, yesNo(r.NeedsPolicy))
	b.WriteString("## What it checks and the evidence it uses\n\n")
	b.WriteString(r.Detects + "\n\n")
	if r.NeedsPolicy {
		b.WriteString("Without a policy text (none bundled and none given with `--policy`) this rule does not run; " +
			"CNPI-POL-001 reports the missing policy and names the rules it left unchecked.\n\n")
	}
	b.WriteString("## Why it matters\n\n")
	b.WriteString(r.Rationale + "\n\n" + r.RationaleZH + "\n\n")
	b.WriteString("## Clauses\n\n| Source | Item | Label (paraphrase, not a quotation) |\n|---|---|---|\n")
	for _, c := range r.Clauses {
		src := c.Source
		if c.URL != "" {
			src = "[" + c.Source + "](" + c.URL + ")"
		}
		fmt.Fprintf(&b, "| %s | %s | %s |\n", src, c.Item, c.Text)
	}
	b.WriteString("\n## How to fix\n\n")
	b.WriteString(r.Fix + "\n\n" + r.FixZH + "\n\n")
	b.WriteString("## False positives and limits\n\n")
	b.WriteString(r.FalsePositives + "\n\n")
	b.WriteString("## Fingerprint\n\n")
	b.WriteString("Each finding's fingerprint is computed from the rule ID and stable locators only (see [README](README.md#fingerprints)); " +
		"it survives a new version of the app as long as the permission, SDK, component or calling class stays the same, and differs between apps.\n")
	return b.String()
}

// DocIndex renders docs/rules/README.md.
func DocIndex(rules []Rule) string {
	var b strings.Builder
	b.WriteString("# hegui rule catalogue\n\n")
	b.WriteString("Rule IDs follow `CNPI-<AREA>-<NNN>` (regulations.md §8) and never change once published. " +
		"`hegui rules list` prints this table; `hegui rules explain ID` prints one rule.\n\n")
	b.WriteString("| ID | Severity | 标题 | Title | Needs policy |\n|---|---|---|---|---|\n")
	for _, r := range rules {
		fmt.Fprintf(&b, "| [%s](%s.md) | %s | %s | %s | %s |\n", r.ID, r.ID, r.Severity, r.TitleZH, r.Title, yesNo(r.NeedsPolicy))
	}
	b.WriteString(`
## Rules that need the policy

A rule marked "needs policy" compares the app with what its privacy policy says. When no policy text was
read (nothing bundled in the APK and nothing given with ` + "`--policy`" + `), these rules do not guess and
emit nothing; instead CNPI-POL-001 fires once: at high severity when the APK has no policy text, no policy
URL and no consent-dialog strings, at low severity when it only links a (probably remote) policy, and in
both cases it lists the rules that were not evaluated.

## Fingerprints

` + "`fingerprint = hex(sha256(rule_id + \"\\n\" + join(sort(locators), \"\\n\")))[:16]`" + `

Locators are chosen by each rule and are stable across app versions: permission names
(` + "`perm:android.permission.CAMERA`" + `), SDK IDs (` + "`sdk:jpush`" + `), manifest component names,
policy item keys, sensitive-API keys (` + "`api:imei`" + `) and the calling class and method
(` + "`caller:com.example.App.onCreate`" + `). Two locators are added to every finding:

- ` + "`app:<package>`" + `, the app's package, so the same finding in two apps has two fingerprints and a
  baseline of one app hides nothing in another;
- for code findings about the app's own (or unattributed) code, ` + "`class:<outer class>`" + ` for every
  calling class (` + "`class:com.example.ShareActivity`" + `; inner and lambda classes count as their outer
  class), so a new call site in a new class is a new finding for ` + "`--baseline`" + ` and ` + "`hegui diff`" + `.
  SDK code is left out on purpose: an SDK update renames its obfuscated classes without the app changing.

Line numbers, DEX file names (classes2.dex), version numbers, policy sentences and message text are never
part of it, so a baseline made on one version still matches the next. Obfuscated class names of the app
that change between builds do change the fingerprint of its code findings.

## Clauses

Clause labels are short paraphrases of the item (from regulations.md), not quotations; MIIT
notice labels (e.g. "SDK信息公示不到位") are the labels used in MIIT's notices. Check the official
texts linked in each page before quoting them.
`)
	return b.String()
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
