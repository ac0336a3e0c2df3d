package report

import (
	"fmt"
	"io"
	"sort"

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
}

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

// Compare diffs two reports. Findings match by fingerprint.
func Compare(old, cur *Report) *Diff {
	side := func(r *Report) DiffSide {
		return DiffSide{Target: r.Target.Path, Package: r.App.Package, VersionName: r.App.VersionName, VersionCode: r.App.VersionCode, Findings: len(r.Findings)}
	}
	d := &Diff{SchemaVersion: SchemaVersion, Old: side(old), New: side(cur)}
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
	oldFP, newFP := map[string]bool{}, map[string]bool{}
	for _, f := range old.Findings {
		oldFP[f.Fingerprint] = true
	}
	for _, f := range cur.Findings {
		newFP[f.Fingerprint] = true
		if !oldFP[f.Fingerprint] {
			d.NewFindings = append(d.NewFindings, f)
		}
	}
	for _, f := range old.Findings {
		if !newFP[f.Fingerprint] {
			d.FixedFindings = append(d.FixedFindings, f)
		}
	}
	if d.NewFindings == nil {
		d.NewFindings = []checks.Finding{}
	}
	if d.FixedFindings == nil {
		d.FixedFindings = []checks.Finding{}
	}
	return d
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

// NewAtOrAbove counts new findings with severity >= min.
func (d *Diff) NewAtOrAbove(min checks.Severity) int {
	n := 0
	for _, f := range d.NewFindings {
		if f.Severity >= min {
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
	return nil
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
