package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/hegui-dev/hegui/checks"
)

// Diff is what changed between two releases of an app.
type Diff struct {
	SchemaVersion string           `json:"schema_version"`
	Old           DiffSide         `json:"old"`
	New           DiffSide         `json:"new"`
	SDKs          Change           `json:"sdks"`
	Permissions   Change           `json:"permissions"`
	Components    Change           `json:"components"`
	NewFindings   []checks.Finding `json:"new_findings"`
	FixedFindings []checks.Finding `json:"fixed_findings"`
	// ChangedFindings are findings present in both releases whose severity or
	// evidence changed: a rule that rose from low to medium, or a clipboard read
	// that gained a call site in a second class (which changes the fingerprint).
	ChangedFindings []FindingChange `json:"changed_findings"`
}

// FindingChange is one finding as it was and as it is, with the evidence (call
// sites, components, policy sentences) each side has and the other lacks.
type FindingChange struct {
	Old             checks.Finding    `json:"old"`
	New             checks.Finding    `json:"new"`
	AddedEvidence   []checks.Evidence `json:"added_evidence"`
	RemovedEvidence []checks.Evidence `json:"removed_evidence"`
}

// SeverityChanged reports whether the finding rose or fell.
func (c *FindingChange) SeverityChanged() bool { return c.Old.Severity != c.New.Severity }

type DiffSide struct {
	Target      string `json:"target"`
	Package     string `json:"package"`
	VersionName string `json:"version_name,omitempty"`
	VersionCode string `json:"version_code,omitempty"`
	Findings    int    `json:"findings"`
}

// Change lists names added and removed, sorted.
type Change struct {
	Added   []string `json:"added"`
	Removed []string `json:"removed"`
}

// Compare diffs two reports. Findings match by fingerprint first; what is left
// matches within its (rule, owner) group when the two share evidence, since a
// grouped finding's fingerprint includes its calling classes and a new call site
// would otherwise look like a fix plus a new finding.
func Compare(old, cur *Report) *Diff {
	side := func(r *Report) DiffSide {
		return DiffSide{Target: r.Target.Path, Package: r.App.Package, VersionName: r.App.VersionName, VersionCode: r.App.VersionCode, Findings: len(r.Findings)}
	}
	d := &Diff{SchemaVersion: SchemaVersion, Old: side(old), New: side(cur),
		NewFindings: []checks.Finding{}, FixedFindings: []checks.Finding{}, ChangedFindings: []FindingChange{}}
	names := func(r *Report, kind string) []string {
		var out []string
		switch kind {
		case "sdk":
			for _, h := range r.SDKs {
				out = append(out, h.ID)
			}
		case "perm":
			for _, p := range r.Permissions {
				out = append(out, p.Name)
			}
		case "comp":
			for _, c := range r.Components {
				s := c.Type + " " + c.Name
				if c.Exported {
					s += " (exported)"
				}
				out = append(out, s)
			}
		}
		return out
	}
	d.SDKs = change(names(old, "sdk"), names(cur, "sdk"))
	d.Permissions = change(names(old, "perm"), names(cur, "perm"))
	d.Components = change(names(old, "comp"), names(cur, "comp"))

	// Both reports are in checks.SortFindings order; new, fixed and changed
	// findings keep it.
	byFP := map[string]int{}
	for i, f := range old.Findings {
		byFP[f.Rule+"\x00"+f.Fingerprint] = i
	}
	matched := make([]bool, len(old.Findings))
	pair := make([]int, len(cur.Findings))
	for j, f := range cur.Findings {
		pair[j] = -1
		if i, ok := byFP[f.Rule+"\x00"+f.Fingerprint]; ok && !matched[i] {
			matched[i], pair[j] = true, i
		}
	}
	for j, f := range cur.Findings {
		if pair[j] < 0 {
			if i := sameFinding(old.Findings, matched, f); i >= 0 {
				matched[i], pair[j] = true, i
			}
		}
	}
	for j, f := range cur.Findings {
		if pair[j] < 0 {
			d.NewFindings = append(d.NewFindings, f)
		} else {
			d.addChange(old.Findings[pair[j]], f)
		}
	}
	for i, f := range old.Findings {
		if !matched[i] {
			d.FixedFindings = append(d.FixedFindings, f)
		}
	}
	return d
}

// sameFinding is the index of the unmatched old finding of f's rule and owner
// that shares the most evidence with f, or -1 when none shares any.
func sameFinding(old []checks.Finding, matched []bool, f checks.Finding) int {
	keys := evidenceSet(f.Evidence)
	best, bestN := -1, 0
	for i, o := range old {
		if matched[i] || o.Rule != f.Rule || o.Owner != f.Owner {
			continue
		}
		n := 0
		for k := range evidenceSet(o.Evidence) {
			if keys[k] {
				n++
			}
		}
		if n > bestN {
			best, bestN = i, n
		}
	}
	return best
}

// addChange records o → n when their severity or evidence differ.
func (d *Diff) addChange(o, n checks.Finding) {
	c := FindingChange{Old: o, New: n, AddedEvidence: evidenceMinus(n.Evidence, o.Evidence), RemovedEvidence: evidenceMinus(o.Evidence, n.Evidence)}
	if c.SeverityChanged() || len(c.AddedEvidence) > 0 || len(c.RemovedEvidence) > 0 {
		d.ChangedFindings = append(d.ChangedFindings, c)
	}
}

// evidenceKey identifies an evidence item across releases: line numbers move and
// DEX file names change with the multidex split, so neither is part of it.
func evidenceKey(e checks.Evidence) string {
	p := e.Path
	if e.Kind == "dex" {
		p = ""
	}
	return e.Kind + "\x00" + p + "\x00" + e.Locator + "\x00" + e.Snippet
}

func evidenceSet(ev []checks.Evidence) map[string]bool {
	m := make(map[string]bool, len(ev))
	for _, e := range ev {
		m[evidenceKey(e)] = true
	}
	return m
}

// evidenceMinus is the evidence of a whose key b lacks, once per key, in a's order.
func evidenceMinus(a, b []checks.Evidence) []checks.Evidence {
	have := evidenceSet(b)
	out := []checks.Evidence{}
	for _, e := range a {
		k := evidenceKey(e)
		if !have[k] {
			have[k] = true
			out = append(out, e)
		}
	}
	return out
}

func change(old, cur []string) Change {
	o, n := map[string]bool{}, map[string]bool{}
	for _, s := range old {
		o[s] = true
	}
	for _, s := range cur {
		n[s] = true
	}
	c := Change{Added: []string{}, Removed: []string{}}
	for s := range n {
		if !o[s] {
			c.Added = append(c.Added, s)
		}
	}
	for s := range o {
		if !n[s] {
			c.Removed = append(c.Removed, s)
		}
	}
	sort.Strings(c.Added)
	sort.Strings(c.Removed)
	return c
}

// NewAtOrAbove counts what the diff gate fails on: new findings at or above min,
// and changed findings now at or above min that either crossed it (rose from
// below) or gained evidence (a new call site of a problem already reported).
func (d *Diff) NewAtOrAbove(min checks.Severity) int {
	n := countAtOrAbove(d.NewFindings, min)
	for i := range d.ChangedFindings {
		c := &d.ChangedFindings[i]
		if c.New.Severity >= min && (c.Old.Severity < min || len(c.AddedEvidence) > 0) {
			n++
		}
	}
	return n
}

// WriteDiffTable renders a diff as text tables.
func WriteDiffTable(w io.Writer, d *Diff, lang string) error {
	zh := lang != "en"
	fmt.Fprintf(w, "%s %s → %s %s\n", clean(d.Old.Package), clean(d.Old.VersionName), clean(d.New.Package), clean(d.New.VersionName))
	t := newTable(w, "", "+", "−")
	rows := []struct {
		label string
		c     Change
	}{{tr(zh, "sdks"), d.SDKs}, {tr(zh, "permissions"), d.Permissions}, {"Components", d.Components}}
	if zh {
		rows[2].label = "组件"
	}
	for _, r := range rows {
		if err := t.Append([]string{r.label, wrapCell(joinLines(r.c.Added), 60), wrapCell(joinLines(r.c.Removed), 60)}); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	for _, part := range []struct {
		label string
		fs    []checks.Finding
	}{{pick(zh, "新增问题", "New findings"), d.NewFindings}, {pick(zh, "已修复问题", "Fixed findings"), d.FixedFindings}} {
		fmt.Fprintf(w, "\n%s (%d)\n", part.label, len(part.fs))
		if len(part.fs) == 0 {
			continue
		}
		t := newTable(w, tr(zh, "severity"), tr(zh, "rule"), tr(zh, "title"))
		for _, f := range part.fs {
			if err := t.Append([]string{severityLabel(f.Severity, zh), f.Rule, wrapCell(pick(zh, f.TitleZH, f.Title)+"\n"+pick(zh, f.MessageZH, f.Message), 70)}); err != nil {
				return err
			}
		}
		if err := t.Render(); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "\n%s (%d)\n", pick(zh, "变化的问题", "Changed findings"), len(d.ChangedFindings))
	if len(d.ChangedFindings) == 0 {
		return nil
	}
	t = newTable(w, tr(zh, "severity"), tr(zh, "rule"), tr(zh, "title"))
	for _, c := range d.ChangedFindings {
		sev := severityLabel(c.New.Severity, zh)
		if c.SeverityChanged() {
			sev = severityLabel(c.Old.Severity, zh) + " → " + sev
		}
		var b strings.Builder
		b.WriteString(pick(zh, c.New.TitleZH, c.New.Title) + "\n" + pick(zh, c.New.MessageZH, c.New.Message))
		for _, e := range c.AddedEvidence {
			b.WriteString("\n+ " + evidenceLine(e, zh))
		}
		for _, e := range c.RemovedEvidence {
			b.WriteString("\n− " + evidenceLine(e, zh))
		}
		if err := t.Append([]string{sev, c.New.Rule, wrapCell(b.String(), 70)}); err != nil {
			return err
		}
	}
	return t.Render()
}

func joinLines(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += "\n"
		}
		out += x
	}
	return out
}
