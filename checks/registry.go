package checks

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
)

// All returns every check, in catalogue order.
func All() []Check {
	var out []Check
	for _, c := range catalogue() {
		out = append(out, c)
	}
	return out
}

// catalogue is the list of checks. New checks are added here by hand: the list is
// the catalogue.
func catalogue() []*ruleCheck {
	return []*ruleCheck{
		newPOL001(), newPOL005(), newPOL009(), newPOL010(), newPOL011(), newPOL012(),
		newCON001(), newCON007(), newCON009(),
		newMIN001(), newMIN008(), newMIN009(), newMIN010(), newMIN011(), newMIN012(),
		newSDK001(), newSDK004(), newSDK005(),
		newADM001(),
		newRGT001(), newRGT003(), newRGT004(),
		newSEN001(), newSEN002(),
		newSEC001(),
		newXB001(),
		newUX001(), newUX002(),
	}
}

// Rules returns the catalogue entries of All, in order.
func Rules() []Rule {
	var out []Rule
	for _, c := range catalogue() {
		out = append(out, c.Rule())
	}
	return out
}

// Lookup returns the rule with that ID (case-insensitive).
func Lookup(id string) (Rule, bool) {
	for _, r := range Rules() {
		if strings.EqualFold(r.ID, id) {
			return r, true
		}
	}
	return Rule{}, false
}

// Result is what one Run found.
type Result struct {
	// Findings are sorted by severity, rule, fingerprint.
	Findings []Finding
	// PermissionUsers maps each permission the app requests to the owners ("app" or
	// SDK IDs, sorted) whose code calls an API that permission gates (the §9 table
	// of sensitive APIs). Unattributed code and unused utility-library wrappers are
	// left out; permissions nobody's code uses are absent.
	PermissionUsers map[string][]string
}

// Run runs every check not in in.Disabled. It stops between checks when ctx is
// cancelled.
func Run(ctx context.Context, in *Input) Result {
	var list []*ruleCheck
	for _, c := range catalogue() {
		if !in.disabled(c.rule.ID) {
			list = append(list, c)
		}
	}
	e := newEnv(ctx, in)
	res := Result{Findings: runEnv(ctx, e, list)}
	if ctx.Err() == nil {
		res.PermissionUsers = e.permissionUsers()
	}
	return res
}

func (in *Input) disabled(id string) bool {
	if in == nil {
		return false
	}
	for _, d := range in.Disabled {
		if strings.EqualFold(d, id) {
			return true
		}
	}
	return false
}

func runEnv(ctx context.Context, e *env, list []*ruleCheck) []Finding {
	var out []Finding
	for _, c := range list {
		if ctx.Err() != nil {
			break
		}
		out = append(out, c.runEnv(e)...)
	}
	SortFindings(out)
	return dedupe(out)
}

// SortFindings orders findings by severity (highest first), rule, fingerprint: the
// order of every report and baseline.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(a, b int) bool {
		if fs[a].Severity != fs[b].Severity {
			return fs[a].Severity > fs[b].Severity
		}
		if fs[a].Rule != fs[b].Rule {
			return fs[a].Rule < fs[b].Rule
		}
		return fs[a].Fingerprint < fs[b].Fingerprint
	})
}

// dedupe drops findings whose rule and fingerprint repeat an earlier one.
func dedupe(fs []Finding) []Finding {
	seen := map[string]bool{}
	out := fs[:0]
	for _, f := range fs {
		k := f.Rule + "\x00" + f.Fingerprint
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, f)
	}
	return out
}

// fingerprint is the first 16 hex digits of SHA-256 over the rule ID and the sorted
// stable locators, newline-separated. Locators are permission names, SDK IDs,
// component and class names, API keys, policy item keys, the calling classes of
// the app's code and the app package: never line numbers, DEX file names, versions
// or message text, so a finding keeps its fingerprint in the next version of the app.
func fingerprint(rule string, keys []string) string {
	ks := append([]string(nil), keys...)
	sort.Strings(ks)
	h := sha256.New()
	h.Write([]byte(rule))
	for _, k := range ks {
		h.Write([]byte{'\n'})
		h.Write([]byte(k))
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// ruleCheck is the one Check implementation: a rule and a function of the shared env.
type ruleCheck struct {
	rule Rule
	fn   func(e *env, r *Rule) []draft
}

// draft is a finding before the rule's fields and fingerprint are filled in.
type draft struct {
	Severity  *Severity // nil: the rule's severity
	Message   string
	MessageZH string
	Evidence  []Evidence
	Owner     string
	Key       []string // stable locators for the fingerprint
	// Dormant marks SDK code bundled but never referenced by the app or reached
	// from an entry point: the finding is one severity level lower.
	Dormant bool
	// Classes are the app's (or unattributed) classes whose code the finding is
	// about: a new call site in a new class is a new finding for baselines and diff.
	Classes []string
}

func (c *ruleCheck) Rule() Rule {
	r := c.rule
	r.Doc = docPath(r.ID)
	return r
}

func (c *ruleCheck) Run(ctx context.Context, in *Input) []Finding {
	return c.runEnv(newEnv(ctx, in))
}

const maxEvidence = 12

func (c *ruleCheck) runEnv(e *env) []Finding {
	if c.rule.NeedsPolicy && !e.hasPolicy() {
		// POL-001 reports the missing policy and lists the rules it left unchecked.
		return nil
	}
	r := c.Rule()
	var out []Finding
	for _, d := range c.fn(e, &r) {
		sev := r.Severity
		if d.Severity != nil {
			sev = *d.Severity
		}
		if d.Dormant && sev > Info {
			sev--
		}
		ev := d.Evidence
		if len(ev) > maxEvidence {
			ev = ev[:maxEvidence]
		}
		out = append(out, Finding{
			Rule: r.ID, Severity: sev, Title: r.Title, TitleZH: r.TitleZH,
			Message: capitalise(d.Message), MessageZH: d.MessageZH, Evidence: ev,
			Clauses: r.Clauses, Owner: d.Owner,
			Fingerprint: fingerprint(r.ID, e.fingerprintKeys(d)),
		})
	}
	SortFindings(out)
	return out
}

// fingerprintKeys are a draft's locators plus the calling classes and the app
// package, so the same finding in another app, or a new call site, differs.
func (e *env) fingerprintKeys(d draft) []string {
	keys := append([]string(nil), d.Key...)
	seen := map[string]bool{}
	for _, c := range d.Classes {
		if !seen[c] {
			seen[c] = true
			keys = append(keys, "class:"+c)
		}
	}
	if pkg := e.facts().App.Package; pkg != "" {
		keys = append(keys, "app:"+pkg)
	}
	return keys
}

// ownClasses returns the outer classes of the methods ids that belong to the app
// or to unattributed code, sorted and unique. SDK classes are left out: an SDK
// update renames its obfuscated classes without the app changing anything.
func (e *env) ownClasses(ids ...int) []string {
	ix := e.code()
	set := map[string]bool{}
	for _, id := range ids {
		if id < 0 || id >= len(ix.methods) {
			continue
		}
		c := ix.methods[id].Class
		if o := e.owner(c); o != "app" && o != "" {
			continue
		}
		if i := strings.IndexByte(c, '$'); i > 0 {
			c = c[:i] // lambdas and anonymous classes are renumbered between builds
		}
		set[c] = true
	}
	return sortedKeys(set)
}

func sev(s Severity) *Severity { return &s }

// capitalise upper-cases a message's first letter when its first word is plain
// English ("the app's own code reads…"), not code (usesCleartextTraffic=true,
// com.example.App).
func capitalise(msg string) string {
	word, _, _ := strings.Cut(msg, " ")
	if word == "" || word[0] < 'a' || word[0] > 'z' {
		return msg
	}
	for _, r := range word {
		if (r < 'a' || r > 'z') && r != '\'' {
			return msg
		}
	}
	return strings.ToUpper(msg[:1]) + msg[1:]
}

func docPath(id string) string { return "docs/rules/" + id + ".md" }
