package report

import (
	"fmt"
	"io"
	"net/url"
	"path"
	"sort"
	"strings"
	"unicode"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/hegui-dev/hegui/checks"
)

const (
	infoURI      = "https://github.com/hegui-dev/hegui"
	docBase      = "https://github.com/hegui-dev/hegui/blob/main/"
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	fingerprintK = "hegui/v1"
)

// securitySeverity is GitHub's 0–10 score per severity (≥9 critical, ≥7 high, ≥4 medium).
var securitySeverity = []string{"1.0", "3.0", "5.5", "8.0", "9.5"}

func sarifLevel(s checks.Severity) string {
	switch {
	case s >= checks.High:
		return "error"
	case s == checks.Medium:
		return "warning"
	}
	return "note"
}

// WriteSARIF renders all reports as one SARIF 2.1.0 run: one rule per check and one
// result per finding, located inside the APK (or the source tree), with the finding
// fingerprint as partialFingerprints. With several reports each URI is prefixed by
// its target's path so identical findings in different apps stay distinct.
func WriteSARIF(w io.Writer, reps []*Report, o Options) error {
	zh := o.zh()
	sr, err := sarif.New(sarif.Version210, false)
	if err != nil {
		return err
	}
	sr.Schema = sarifSchema
	version := "dev"
	if len(reps) > 0 && reps[0].Tool.Version != "" {
		version = reps[0].Tool.Version
	}
	driver := sarif.NewVersionedDriver("hegui", version)
	driver.InformationURI = strPtr(infoURI)
	run := sarif.NewRun(*sarif.NewTool(driver))

	rules := sarifRules(reps, o)
	index := map[string]int{}
	for i, r := range rules {
		index[r.ID] = i
		driver.Rules = append(driver.Rules, sarifRule(r, zh))
	}
	run.Results = []*sarif.Result{}
	batch := len(reps)+len(o.Failed) > 1
	var notes []*sarif.Notification
	ok := len(o.Failed) == 0
	for _, r := range reps {
		prefix := ""
		if batch || r.Target.Kind == "source" {
			prefix = uriPrefix(r.Target.Path)
		}
		for i := range r.Findings {
			run.Results = append(run.Results, sarifResult(r, &r.Findings[i], index[r.Findings[i].Rule], prefix, zh))
		}
		for _, d := range r.Diagnostics {
			level := "warning"
			if d.Incomplete || d.Fatal {
				level, ok = "error", false
			}
			n := sarif.NewNotification().WithLevel(level).WithTextMessage(plainText(r.Target.Path + ": " + d.Path + ": " + d.Message))
			n.AddLocation(sarifLocation(prefix, d.Path, checks.Evidence{}))
			notes = append(notes, n)
		}
	}
	for _, f := range o.Failed {
		n := sarif.NewNotification().WithLevel("error").WithTextMessage(plainText(f.Target.Path + ": " + tr(zh, "input_failed") + ": " + f.Error))
		n.AddLocation(sarif.NewLocationWithPhysicalLocation(sarif.NewPhysicalLocation().WithArtifactLocation(sarif.NewSimpleArtifactLocation(targetURI(f.Target.Path)))))
		notes = append(notes, n)
	}
	// executionSuccessful false tells code-scanning consumers that the results are
	// not the whole truth (an input failed or was only partly analysed).
	inv := sarif.NewInvocation().WithExecutionSuccess(ok)
	inv.ToolExecutionNotifications = notes
	run.AddInvocations(inv)
	sr.AddRun(run)
	return sr.PrettyWrite(w)
}

// sarifRules is the catalogue plus any rule a finding names that it lacks.
func sarifRules(reps []*Report, o Options) []checks.Rule {
	rules := append([]checks.Rule(nil), o.Rules...)
	known := map[string]bool{}
	for _, r := range rules {
		known[r.ID] = true
	}
	var extra []checks.Rule
	for _, r := range reps {
		for i := range r.Findings {
			f := &r.Findings[i]
			if !known[f.Rule] {
				known[f.Rule] = true
				extra = append(extra, o.rule(f))
			}
		}
	}
	sort.Slice(extra, func(i, j int) bool { return extra[i].ID < extra[j].ID })
	rules = append(rules, extra...)
	// Code scanning ranks alerts by the rule's security-severity, so it follows the
	// findings' effective severity (after severity overrides and the one-level
	// drop for dormant SDK code): the highest a rule's findings carry.
	top := map[string]checks.Severity{}
	for _, r := range reps {
		for _, f := range r.Findings {
			if s, ok := top[f.Rule]; !ok || f.Severity > s {
				top[f.Rule] = f.Severity
			}
		}
	}
	for i := range rules {
		if s, ok := top[rules[i].ID]; ok {
			rules[i].Severity = s
		}
	}
	return rules
}

func sarifRule(r checks.Rule, zh bool) *sarif.ReportingDescriptor {
	title := pick(zh, r.TitleZH, r.Title)
	d := sarif.NewRule(r.ID).WithName(pascal(r.Title, r.ID))
	d.ShortDescription = sarif.NewMultiformatMessageString(title)
	// GitHub code scanning requires fullDescription on every rule.
	full := pick(zh, r.RationaleZH, r.Rationale)
	if full == "" {
		full = title
	}
	d.FullDescription = sarif.NewMultiformatMessageString(full)
	md, txt := ruleHelp(r, zh)
	d.Help = sarif.NewMultiformatMessageString(txt).WithMarkdown(md)
	if r.Doc != "" {
		d.HelpURI = strPtr(docBase + r.Doc)
	}
	d.DefaultConfiguration = sarif.NewReportingConfiguration().WithLevel(sarifLevel(r.Severity))
	tags := []string{"security", "privacy", "china-pi"}
	if parts := strings.Split(r.ID, "-"); len(parts) == 3 {
		tags = append(tags, parts[0]+"-"+parts[1])
	}
	seen := map[string]bool{}
	for _, c := range r.Clauses {
		if c.Source != "" && !seen[c.Source] {
			seen[c.Source] = true
			tags = append(tags, c.Source)
		}
	}
	d.Properties = sarif.Properties{
		"security-severity": securitySeverity[clampSev(r.Severity)],
		"tags":              tags,
		"precision":         "high",
		"problem.severity":  sarifProblemSeverity(r.Severity),
	}
	return d
}

func sarifProblemSeverity(s checks.Severity) string {
	switch sarifLevel(s) {
	case "error":
		return "error"
	case "warning":
		return "warning"
	}
	return "recommendation"
}

// ruleHelp renders a rule's rationale, fix and clauses (with links) as Markdown and text.
func ruleHelp(r checks.Rule, zh bool) (md, txt string) {
	var m, t strings.Builder
	title := pick(zh, r.TitleZH, r.Title)
	fmt.Fprintf(&m, "**%s** (%s)\n\n", title, r.ID)
	fmt.Fprintf(&t, "%s (%s)\n\n", title, r.ID)
	if rat := pick(zh, r.RationaleZH, r.Rationale); rat != "" {
		fmt.Fprintf(&m, "%s\n\n", rat)
		fmt.Fprintf(&t, "%s\n\n", rat)
	}
	if fix := pick(zh, r.FixZH, r.Fix); fix != "" {
		fmt.Fprintf(&m, "**%s**: %s\n\n", tr(zh, "fix"), fix)
		fmt.Fprintf(&t, "%s: %s\n\n", tr(zh, "fix"), fix)
	}
	if len(r.Clauses) > 0 {
		fmt.Fprintf(&m, "**%s**:\n\n", tr(zh, "clauses"))
		fmt.Fprintf(&t, "%s:\n", tr(zh, "clauses"))
		for _, c := range r.Clauses {
			if c.URL != "" {
				fmt.Fprintf(&m, "- [%s](%s)\n", clauseText(c), c.URL)
				fmt.Fprintf(&t, "- %s <%s>\n", clauseText(c), c.URL)
			} else {
				fmt.Fprintf(&m, "- %s\n", clauseText(c))
				fmt.Fprintf(&t, "- %s\n", clauseText(c))
			}
		}
	}
	return strings.TrimSpace(m.String()), strings.TrimSpace(t.String())
}

func sarifResult(r *Report, f *checks.Finding, ruleIndex int, prefix string, zh bool) *sarif.Result {
	msg := pick(zh, f.TitleZH, f.Title)
	if m := pick(zh, f.MessageZH, f.Message); m != "" {
		msg += ": " + m
	}
	for _, e := range f.Evidence {
		if e.Kind == "policy" && snippet(e, zh) != "" {
			msg += fmt.Sprintf(" %s %s: 「%s」", tr(zh, "policy"), e.Path, snippet(e, zh))
			break
		}
	}
	res := sarif.NewRuleResult(f.Rule).WithRuleIndex(ruleIndex).WithLevel(sarifLevel(f.Severity)).WithMessage(sarif.NewTextMessage(plainText(msg)))
	var locs []*sarif.Location
	for _, e := range f.Evidence {
		if e.Path == "" {
			continue
		}
		e.Snippet = snippet(e, zh)
		if e.Kind == "policy" && r.userPolicy(e.Path) {
			// A policy file given with --policy is not inside the target.
			locs = append(locs, locationAt(targetURI(e.Path), "", e))
			continue
		}
		locs = append(locs, sarifLocation(prefix, e.Path, e))
	}
	if len(locs) == 0 {
		// Every result needs a location for code scanning; the manifest (or the
		// project root) is where an app-wide finding belongs.
		p := "AndroidManifest.xml"
		if r.Target.Kind == "source" {
			p = "" // the project directory itself
		}
		locs = append(locs, sarifLocation(prefix, p, checks.Evidence{}))
	}
	res.Locations = locs[:1]
	for i, l := range locs[1:] {
		if i == 10 {
			break
		}
		l.WithId(i + 1)
		res.RelatedLocations = append(res.RelatedLocations, l)
	}
	res.PartialFingerprints = map[string]interface{}{fingerprintK: f.Fingerprint}
	props := sarif.Properties{"severity": SeverityName(f.Severity)}
	if f.Owner != "" {
		props["owner"] = f.Owner
	}
	if r.Target.Path != "" {
		props["target"] = r.Target.Path
	}
	res.Properties = props
	return res
}

// sarifLocation locates evidence path p inside the target whose URI prefix
// (already a URI: escaped once, by uriPrefix) is prefix.
func sarifLocation(prefix, p string, e checks.Evidence) *sarif.Location {
	uri, inner := sarifURI(p)
	if prefix != "" {
		if uri == "." {
			uri = ""
		}
		uri = prefix + uri
	}
	return locationAt(uri, inner, e)
}

// locationAt is a location at uri (already escaped), with e's line, and inner
// (a resource inside the file), locator and snippet as its message.
func locationAt(uri, inner string, e checks.Evidence) *sarif.Location {
	pl := sarif.NewPhysicalLocation().WithArtifactLocation(sarif.NewSimpleArtifactLocation(uri))
	if e.Line > 0 {
		pl.WithRegion(sarif.NewRegion().WithStartLine(e.Line))
	}
	loc := sarif.NewLocationWithPhysicalLocation(pl)
	if msg := strings.TrimSpace(strings.Join([]string{inner, e.Locator, e.Snippet}, " ")); msg != "" {
		loc.WithMessage(sarif.NewTextMessage(plainText(msg)))
	}
	return loc
}

// sarifURI makes a relative URI reference of an evidence path: each segment
// percent-encoded, and a part after '#' (a resource inside resources.arsc, such as
// "resources.arsc#string/privacy_url") returned separately for the message, since
// artifact URIs may not carry fragments.
func sarifURI(p string) (uri, inner string) {
	p, inner, _ = strings.Cut(p, "#")
	if p == "" {
		return ".", inner
	}
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/"), inner
}

// uriPrefix turns a target path into a URI prefix: relative ("app/" for "./app"),
// so code-scanning UIs resolve it against the checkout, or an absolute file URI for
// an absolute target, whose location relative to the checkout hegui cannot know.
func uriPrefix(target string) string {
	u := targetURI(target)
	if u == "" {
		return ""
	}
	return u + "/"
}

// targetURI is the URI of a target path itself: relative with each segment
// percent-encoded, or a file URI for an absolute path. It is escaped here, once.
func targetURI(target string) string {
	p := path.Clean(strings.ReplaceAll(target, "\\", "/"))
	if p == "." || p == "" {
		return ""
	}
	if strings.HasPrefix(p, "/") {
		u := url.URL{Scheme: "file", Path: p}
		return u.String()
	}
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

// pascal makes a SARIF rule name from an English title ("App lacks a policy" →
// "AppLacksAPolicy"), falling back to the ID.
func pascal(title, id string) string {
	var b strings.Builder
	up := true
	for _, r := range title {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if up {
				r = unicode.ToUpper(r)
			}
			b.WriteRune(r)
			up = false
		} else {
			up = true
		}
	}
	if b.Len() == 0 {
		return strings.ReplaceAll(id, "-", "")
	}
	return b.String()
}

func clampSev(s checks.Severity) int {
	if s < checks.Info {
		return 0
	}
	if s > checks.Critical {
		return int(checks.Critical)
	}
	return int(s)
}

func strPtr(s string) *string { return &s }

// userPolicy reports whether path is a policy document the user gave (--policy),
// not one read from inside the target.
func (r *Report) userPolicy(path string) bool {
	if r.Policy == nil {
		return false
	}
	for _, d := range r.Policy.Documents {
		if d.Path == path && d.Origin == "user" {
			return true
		}
	}
	return false
}
