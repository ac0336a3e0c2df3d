package cli

import (
	"cmp"
	"encoding/json"
	"fmt"
	"github.com/hegui-dev/hegui/internal/glob"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/hegui-dev/hegui/analyzer"
	"github.com/hegui-dev/hegui/checks"
	"github.com/hegui-dev/hegui/report"
)

// applySuppressions moves findings waived by the config into r.Suppressed and notes
// every expired suppression as a diagnostic (it no longer hides anything).
func applySuppressions(r *report.Report, c *Config, now time.Time) {
	if len(c.Suppress) == 0 {
		return
	}
	for i := range c.Suppress {
		s := &c.Suppress[i]
		if s.expired(now) {
			r.Diagnostics = append(r.Diagnostics, analyzer.Diagnostic{Path: c.path,
				Message: fmt.Sprintf("suppression of %s expired on %s and no longer applies (reason was: %s)", s, s.Expires, s.Reason)})
		}
	}
	kept := r.Findings[:0:0]
	for _, f := range r.Findings {
		if s := matchSuppression(c.Suppress, &f, now); s != nil {
			r.Suppressed = append(r.Suppressed, report.SuppressedFinding{Rule: f.Rule, Fingerprint: f.Fingerprint, By: "config", Reason: s.Reason})
			continue
		}
		kept = append(kept, f)
	}
	r.Findings = kept
	r.Finalize()
}

func matchSuppression(sups []Suppression, f *checks.Finding, now time.Time) *Suppression {
	for i := range sups {
		s := &sups[i]
		if s.expired(now) || (s.Rule != f.Rule && s.Rule != "*") {
			continue
		}
		if s.Fingerprint != "" && s.Fingerprint != f.Fingerprint {
			continue
		}
		if s.Path != "" && !evidenceMatches(s.Path, f.Evidence) {
			continue
		}
		return s
	}
	return nil
}

// evidenceMatches reports whether the finding's primary location — its first
// evidence with a path, the location SARIF and the reports show first — matches
// pattern (see internal/glob). Later evidence (the policy sentence a finding quotes, a second call site)
// does not count: a path suppression waives findings about that file, not every
// finding that mentions it.
func evidenceMatches(pattern string, ev []checks.Evidence) bool {
	for _, e := range ev {
		if e.Path != "" {
			return glob.Match(pattern, strings.ReplaceAll(e.Path, "\\", "/"))
		}
	}
	return false
}

// Baseline is the file --write-baseline writes and --baseline reads: the
// fingerprints of accepted findings with the app package they belong to, sorted,
// with rule and a short message for reviewers of the change that adds it. An entry
// hides a finding only in the same app (package and fingerprint match).
type Baseline struct {
	Version  string          `json:"version"`
	Findings []BaselineEntry `json:"findings"`
}

type BaselineEntry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	Package     string `json:"package,omitempty"`
	Message     string `json:"message"`
}

const baselineVersion = "hegui-baseline/1"

// maxBaselineBytes bounds a baseline file: about 200 000 entries.
const maxBaselineBytes = 64 << 20

// baseline is a read baseline file: accepted fingerprints per app package.
// Entries without a package (files written before packages were recorded) apply
// to every app.
type baseline struct {
	file  string
	byPkg map[string]map[string]bool
}

func readBaseline(file string) (*baseline, error) {
	data, err := readBounded(file, maxBaselineBytes)
	if err != nil {
		return nil, usageErr("baseline: %v", err)
	}
	var b Baseline
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, usageErr("baseline %s: %v", file, err)
	}
	if b.Version != baselineVersion {
		return nil, usageErr("baseline %s: version %q, want %q", file, b.Version, baselineVersion)
	}
	bl := &baseline{file: file, byPkg: map[string]map[string]bool{}}
	for _, e := range b.Findings {
		if bl.byPkg[e.Package] == nil {
			bl.byPkg[e.Package] = map[string]bool{}
		}
		bl.byPkg[e.Package][e.Fingerprint] = true
	}
	return bl, nil
}

// accepts reports whether the baseline holds fingerprint fp for app pkg.
func (b *baseline) accepts(pkg, fp string) bool {
	return b.byPkg[pkg][fp] || b.byPkg[""][fp]
}

// foreign names the packages the baseline was written for when none of them is
// pkg, so a baseline of another app is reported instead of silently hiding
// findings that share a fingerprint.
func (b *baseline) foreign(pkg string) []string {
	if len(b.byPkg) == 0 || b.byPkg[pkg] != nil || b.byPkg[""] != nil {
		return nil
	}
	return slices.Sorted(maps.Keys(b.byPkg))
}

// applyBaseline hides r's findings the baseline accepted for r's package.
func applyBaseline(r *report.Report, b *baseline) {
	kept := r.Findings[:0:0]
	for _, f := range r.Findings {
		if b.accepts(r.App.Package, f.Fingerprint) {
			r.Suppressed = append(r.Suppressed, report.SuppressedFinding{Rule: f.Rule, Fingerprint: f.Fingerprint, By: "baseline"})
			continue
		}
		kept = append(kept, f)
	}
	r.Findings = kept
	r.Finalize()
}

func writeBaseline(file string, reps []*report.Report) error {
	b := Baseline{Version: baselineVersion, Findings: []BaselineEntry{}}
	seen := map[[2]string]bool{}
	for _, r := range reps {
		for _, f := range r.Findings {
			k := [2]string{r.App.Package, f.Fingerprint}
			if seen[k] {
				continue
			}
			seen[k] = true
			msg := f.Message
			if msg == "" {
				msg = f.MessageZH
			}
			if len([]rune(msg)) > 160 {
				msg = string([]rune(msg)[:160]) + "…"
			}
			b.Findings = append(b.Findings, BaselineEntry{Fingerprint: f.Fingerprint, Rule: f.Rule, Package: r.App.Package, Message: msg})
		}
	}
	slices.SortFunc(b.Findings, func(x, y BaselineEntry) int {
		return cmp.Or(strings.Compare(x.Package, y.Package), strings.Compare(x.Rule, y.Rule), strings.Compare(x.Fingerprint, y.Fingerprint))
	})
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	if err := writeFileAtomic(file, append(data, '\n')); err != nil {
		return usageErr("write baseline: %v", err)
	}
	return nil
}
