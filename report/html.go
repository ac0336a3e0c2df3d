package report

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"strings"
)

//go:embed templates/report.html.tmpl
var templateFS embed.FS

var htmlTmpl = template.Must(template.New("report.html.tmpl").ParseFS(templateFS, "templates/report.html.tmpl"))

// WriteHTML renders one self-contained page (inline CSS and SVG, no external
// resources). Every APK- or policy-derived string goes through html/template's
// contextual escaping; nothing is marked as trusted HTML.
func WriteHTML(w io.Writer, reps []*Report, o Options) error {
	zh := o.zh()
	page := htmlPage{Lang: "zh-CN", T: map[string]string{}, Failed: o.Failed, ZH: zh}
	if !zh {
		page.Lang = "en"
	}
	for id := range text {
		page.T[id] = tr(zh, id)
	}
	for _, r := range reps {
		page.Reports = append(page.Reports, buildHTMLReport(r, o, zh))
	}
	if len(reps) == 1 {
		page.Title = tr(zh, "report") + " — " + reps[0].displayName(zh)
	} else {
		page.Title = fmt.Sprintf("%s (%d)", tr(zh, "report"), len(reps))
	}
	// html/template escapes markup but not bidi overrides or control characters:
	// the template itself has none, so every one left comes from the input.
	var buf strings.Builder
	if err := htmlTmpl.Execute(&buf, page); err != nil {
		return err
	}
	_, err := io.WriteString(w, visible(buf.String()))
	return err
}

type htmlPage struct {
	// ZH: sdkdb's purposes and PI are the vendors' Chinese wording, so the
	// English SDK table leaves them to the (labelled) sharing list.
	ZH      bool
	Lang    string
	Title   string
	T       map[string]string
	Reports []htmlReport
	Failed  []InputError
}

type htmlReport struct {
	Name, Package, Version, Target, AppType string
	Summary                                 string
	Bars                                    []htmlBar
	Disclosure                              []htmlBar
	SDKs                                    []htmlSDK
	Perms                                   []htmlPerm
	Groups                                  []htmlGroup
	FindingCount                            int
	Sharing                                 []htmlSDK
	SharingText                             string
	PolicyDocs                              []string
	HasPolicy                               bool
	HasUsedBy                               bool
	Packers                                 []string
	Diagnostics                             []string
	Incomplete                              []string
	Suppressed                              []SuppressedFinding
}

type htmlBar struct {
	Label, Class string
	Count        int
	Width, Y     int
}

type htmlSDK struct {
	Name, Vendor, Category, Purpose, PI, PolicyURL, Disclosed, DisclosedClass string
	Overseas                                                                  bool
}

type htmlPerm struct {
	Name, PI, Disclosed, DisclosedClass, UsedBy, Evidence string
	Dangerous                                             bool
}

// htmlGroup is one rule's findings of one severity: the fix and clauses are shown
// once, each finding below with its own message and evidence.
type htmlGroup struct {
	Severity, SevClass, Rule, Title, Fix string
	Clauses                              []htmlClause
	Items                                []htmlFinding
}

type htmlFinding struct {
	Message, Owner, Fingerprint string
	Evidence                    []htmlEvidence
}

type htmlEvidence struct {
	Where, Snippet string
	Policy         bool
}

type htmlClause struct {
	Text string
	URL  string
}

func buildHTMLReport(r *Report, o Options, zh bool) htmlReport {
	h := htmlReport{
		Name: r.displayName(zh), Package: r.App.Package, Target: r.Target.Path, AppType: r.App.AppType,
		Summary: summaryLine(r, zh),
	}
	if r.App.VersionName != "" || r.App.VersionCode != "" {
		h.Version = strings.TrimSpace(r.App.VersionName + " (" + r.App.VersionCode + ")")
	}
	max := 1
	for _, n := range r.Summary.BySeverity {
		if n > max {
			max = n
		}
	}
	for i := len(SeverityNames) - 1; i >= 0; i-- {
		n := r.Summary.BySeverity[SeverityNames[i]]
		h.Bars = append(h.Bars, htmlBar{Label: severityLabel(sevOf(i), zh), Class: "sev-" + SeverityNames[i], Count: n,
			Width: n * 300 / max, Y: (len(SeverityNames) - 1 - i) * 26})
	}
	var yes, no, unknown int
	for _, p := range r.Permissions {
		switch {
		case p.PI == "" || (p.Disclosed == nil && r.hasPolicy()):
		case p.Disclosed == nil:
			unknown++
		case *p.Disclosed:
			yes++
		default:
			no++
		}
	}
	if total := yes + no + unknown; total > 0 {
		bars := []htmlBar{{Label: tr(zh, "disclosed_yes"), Class: "ok", Count: yes}, {Label: tr(zh, "disclosed_no"), Class: "bad", Count: no}}
		if unknown > 0 {
			bars = append(bars, htmlBar{Label: tr(zh, "no_policy"), Class: "na", Count: unknown})
		}
		for i, b := range bars {
			b.Width = b.Count * 300 / total
			b.Y = i * 26
			h.Disclosure = append(h.Disclosure, b)
		}
	}
	disc := sdkDisclosure(r)
	sharing := r.SharingList
	byID := map[string]SharingEntry{}
	for _, s := range sharing {
		byID[s.SDK] = s
	}
	for _, s := range r.SDKs {
		e := byID[s.ID]
		h.SDKs = append(h.SDKs, htmlSDK{
			Name: pick(zh, s.NameZH, s.Name), Vendor: s.Vendor, Category: categoryLabel(zh, s.Category),
			Purpose: strings.Join(e.Purposes, "；"), PI: strings.Join(e.PI, "、"), PolicyURL: e.PolicyURL,
			Disclosed: disclosureLabel(zh, disc[s.ID]), DisclosedClass: disclosureClass(disc[s.ID]), Overseas: s.Overseas,
		})
	}
	var st strings.Builder
	fmt.Fprintf(&st, "%s\t%s\t%s\t%s\t%s\n", tr(zh, "sdk"), tr(zh, "vendor"), tr(zh, "purpose_vendor"), tr(zh, "pi_vendor"), tr(zh, "policy_url"))
	for _, s := range sharing {
		row := htmlSDK{Name: pick(zh, s.NameZH, s.Name), Vendor: s.Vendor, Category: categoryLabel(zh, s.Category),
			Purpose: strings.Join(s.Purposes, "；"), PI: strings.Join(s.PI, "、"), PolicyURL: s.PolicyURL,
			Disclosed: disclosureLabel(zh, s.Disclosed), DisclosedClass: disclosureClass(s.Disclosed), Overseas: s.Overseas}
		h.Sharing = append(h.Sharing, row)
		fmt.Fprintf(&st, "%s\t%s\t%s\t%s\t%s\n", row.Name, row.Vendor, row.Purpose, row.PI, row.PolicyURL)
	}
	if len(sharing) > 0 {
		h.SharingText = st.String()
	}
	for _, p := range r.Permissions {
		dc := disclosureClass(p.Disclosed)
		h.HasUsedBy = h.HasUsedBy || len(p.UsedBy) > 0
		h.Perms = append(h.Perms, htmlPerm{Name: shortPerm(p.Name), PI: piName(zh, p), Disclosed: permDisclosure(zh, p, r.hasPolicy()),
			DisclosedClass: dc, UsedBy: strings.Join(p.UsedBy, ", "), Evidence: p.Evidence, Dangerous: p.Dangerous})
	}
	h.FindingCount = len(r.Findings)
	for i := range r.Findings {
		f := &r.Findings[i]
		n := len(h.Groups)
		if n == 0 || h.Groups[n-1].Rule != f.Rule || h.Groups[n-1].SevClass != "sev-"+SeverityName(f.Severity) {
			rule := o.rule(f)
			g := htmlGroup{Severity: severityLabel(f.Severity, zh), SevClass: "sev-" + SeverityName(f.Severity), Rule: f.Rule,
				Title: pick(zh, f.TitleZH, f.Title), Fix: pick(zh, rule.FixZH, rule.Fix)}
			for _, c := range f.Clauses {
				g.Clauses = append(g.Clauses, htmlClause{Text: clauseText(c), URL: c.URL})
			}
			h.Groups = append(h.Groups, g)
			n++
		}
		hf := htmlFinding{Message: pick(zh, f.MessageZH, f.Message), Owner: f.Owner, Fingerprint: f.Fingerprint}
		for _, e := range f.Evidence {
			where := e.Path
			if e.Line > 0 {
				where += fmt.Sprintf(":%d", e.Line)
			}
			if e.Locator != "" {
				where += " · " + e.Locator
			}
			hf.Evidence = append(hf.Evidence, htmlEvidence{Where: where, Snippet: snippet(e, zh), Policy: e.Kind == "policy"})
		}
		h.Groups[n-1].Items = append(h.Groups[n-1].Items, hf)
	}
	if r.Policy != nil {
		for _, d := range r.Policy.Documents {
			h.PolicyDocs = append(h.PolicyDocs, d.Path)
		}
	}
	h.HasPolicy = len(h.PolicyDocs) > 0
	for _, p := range r.Packers {
		h.Packers = append(h.Packers, p.Name+" ("+p.Vendor+")")
	}
	for _, d := range r.Diagnostics {
		h.Diagnostics = append(h.Diagnostics, d.Path+": "+d.Message)
	}
	for _, d := range r.incomplete() {
		h.Incomplete = append(h.Incomplete, d.Path+": "+d.Message)
	}
	h.Suppressed = r.Suppressed
	return h
}

func disclosureClass(d *bool) string {
	switch {
	case d == nil:
		return "na"
	case *d:
		return "ok"
	}
	return "bad"
}
