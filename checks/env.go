package checks

import (
	"context"
	"slices"
	"sort"
	"strings"

	"github.com/hegui-dev/hegui/analyzer"
	"github.com/hegui-dev/hegui/policy"
	"github.com/hegui-dev/hegui/sdkdb"
)

// env is one run's shared, lazily built view of the Input: every check reads the
// same code index and attribution instead of rebuilding them.
type env struct {
	ctx context.Context
	in  *Input

	ix     *codeIndex
	reach  *reachability
	hits   []apiHit          // every sensitive reference, computed once
	live   map[int]bool      // utility-library methods called from outside
	owners map[string]string // owner, memoised per class

	reachAll     map[int]bool // see entryReach
	reachAllDone bool
}

func newEnv(ctx context.Context, in *Input) *env {
	if in == nil {
		in = &Input{}
	}
	return &env{ctx: ctx, in: in}
}

func (e *env) facts() *analyzer.Facts {
	if e.in.Facts == nil {
		return &analyzer.Facts{}
	}
	return e.in.Facts
}

func (e *env) code() *codeIndex {
	if e.ix == nil {
		e.ix = buildCodeIndex(e.ctx, e.in.Facts)
	}
	return e.ix
}

// owner attributes a dotted class name to "app", an SDK ID, or "" (unknown code).
// sdkdb's index is authoritative; the app's own package fills in when it has
// nothing to say.
func (e *env) owner(class string) string {
	if o, ok := e.owners[class]; ok {
		return o
	}
	o := e.attribute(class)
	if e.owners == nil {
		e.owners = map[string]string{}
	}
	e.owners[class] = o
	return o
}

func (e *env) attribute(class string) string {
	if e.in.SDKs != nil {
		if o := e.in.SDKs.Owner(class); o != "" {
			return o
		}
	}
	if pkg := e.facts().App.Package; pkg != "" && (class == pkg || strings.HasPrefix(class, pkg+".") || sharedSegments(class, pkg) >= 3) {
		return "app"
	}
	return ""
}

// sharedSegments counts the leading package segments two dotted names share:
// io.appium.uiautomator2.handler.X and io.appium.uiautomator2.server share three,
// the same vendor's project, not a third party.
func sharedSegments(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	n := 0
	for n < len(as)-1 && n < len(bs) && as[n] == bs[n] {
		n++
	}
	return n
}

// hit returns the detected SDK with that ID.
func (e *env) hit(id string) *sdkdb.Hit {
	if e.in.SDKs == nil {
		return nil
	}
	for i := range e.in.SDKs.SDKs {
		if e.in.SDKs.SDKs[i].ID == id {
			return &e.in.SDKs.SDKs[i]
		}
	}
	return nil
}

// sdks returns the detected SDKs sorted by ID.
func (e *env) sdks() []sdkdb.Hit {
	if e.in.SDKs == nil {
		return nil
	}
	out := append([]sdkdb.Hit(nil), e.in.SDKs.SDKs...)
	sort.Slice(out, func(a, b int) bool { return out[a].ID < out[b].ID })
	return out
}

// ownerLabel names an owner for messages.
func (e *env) ownerLabel(owner string, zh bool) string {
	switch owner {
	case "app":
		if zh {
			return "App自身代码"
		}
		return "the app's own code"
	case "":
		if zh {
			return "未归属的第三方代码"
		}
		return "unattributed third-party code"
	}
	if h := e.hit(owner); h != nil {
		if zh && h.NameZH != "" {
			return h.NameZH + "（" + owner + "）"
		}
		return h.Name + " (" + owner + ")"
	}
	return owner
}

func (e *env) hasPolicy() bool { return e.in.Policy.HasText() }

func (e *env) item(key string) policy.Item {
	if e.in.Policy == nil || e.in.Policy.Items == nil {
		return policy.Item{}
	}
	return e.in.Policy.Items[key]
}

// policyCovers reports whether the policy discloses a PI category: by its key or an
// alias, through a disclosed permission of it, or by a keyword in a disclosed
// category's name or evidence sentence. Sentences denying collection do not count.
func (e *env) policyCovers(cat *piCategory, perms ...string) (bool, *policy.Evidence) {
	return covers(e.in.Policy, cat, perms...)
}

func covers(pol *policy.Facts, cat *piCategory, perms ...string) (bool, *policy.Evidence) {
	if pol == nil || cat == nil {
		return false, nil
	}
	keys := append([]string{cat.Key}, cat.Aliases...)
	for i := range pol.PICategories {
		d := &pol.PICategories[i]
		if len(d.Evidence) == 0 {
			continue // only denials: "我们不会收集您的通讯录"
		}
		match := false
		for _, k := range keys {
			if d.Category == k {
				match = true
			}
		}
		for _, p := range d.Permissions {
			for _, q := range perms {
				if p == q || shortPerm(p) == shortPerm(q) {
					match = true
				}
			}
		}
		// Keywords only speak for categories hegui does not know by key: a known
		// key is the policy reader's verdict (its sentence may name other PI too).
		if !match && !knownPIKey(d.Category) {
			for _, ev := range d.Evidence {
				if containsFold(ev.Sentence, cat.Keywords) {
					match = true
					break
				}
			}
		}
		if match {
			perm := ""
			if len(perms) > 0 {
				perm = perms[0]
			}
			ev, _ := DisclosureEvidence(d, perm)
			return true, &ev
		}
	}
	return false, nil
}

// policyDenies returns the policy's sentence denying that it collects a PI
// category ("我们不会收集您的通讯录"), found by the category's key or alias or by a
// permission, or nil.
func (e *env) policyDenies(cat *piCategory, perms ...string) *policy.Evidence {
	return denies(e.in.Policy, cat, perms...)
}

func denies(pol *policy.Facts, cat *piCategory, perms ...string) *policy.Evidence {
	if pol == nil || cat == nil {
		return nil
	}
	for i := range pol.PICategories {
		d := &pol.PICategories[i]
		if len(d.Denied) == 0 {
			continue
		}
		match := d.Category == cat.Key || slices.Contains(cat.Aliases, d.Category)
		for _, p := range d.Permissions {
			match = match || slices.Contains(perms, p)
		}
		if match {
			return &d.Denied[0]
		}
	}
	return nil
}

// knownPIKey reports whether a policy category key is one hegui or the policy
// reader defines.
func knownPIKey(k string) bool {
	for _, c := range policy.Categories() {
		if c.Key == k {
			return true
		}
	}
	for _, c := range piCategories {
		if c.Key == k {
			return true
		}
		for _, a := range c.Aliases {
			if a == k {
				return true
			}
		}
	}
	return false
}

func containsFold(s string, words []string) bool {
	ls := strings.ToLower(s)
	for _, w := range words {
		if strings.Contains(ls, strings.ToLower(w)) {
			return true
		}
	}
	return false
}

// appStrings returns the APK's resource strings (both locales and the global pool).
func (e *env) appStrings() []string {
	f := e.facts()
	var out []string
	out = append(out, f.Resources.Strings...)
	for _, m := range []map[string]string{f.Resources.Named, f.Resources.NamedZH} {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			out = append(out, m[k])
		}
	}
	return out
}

// findString returns the first app resource string that satisfies pred.
func (e *env) findString(pred func(string) bool) (string, bool) {
	for _, s := range e.appStrings() {
		if len(s) <= 4096 && pred(s) {
			return s, true
		}
	}
	return "", false
}

// permission returns the requested permission with that name.
func (e *env) permission(name string) (analyzer.Permission, bool) {
	for _, p := range e.facts().App.Permissions {
		if p.Name == name {
			return p, true
		}
	}
	return analyzer.Permission{}, false
}

// manifestPath is where the manifest evidence points.
func (e *env) manifestPath() string { return e.facts().ManifestPath() }

// appAttrEvidence points at an <application> attribute (attr "android:allowBackup"):
// in source trees the line that set it, else the <application> tag, else the
// manifest. APKs have neither location.
func (e *env) appAttrEvidence(attr, snippet string) Evidence {
	a := e.facts().App
	loc, ok := a.ApplicationAttrLocations[attr]
	if !ok || loc.Path == "" {
		loc = a.ApplicationLocation
	}
	if loc.Path == "" {
		loc = analyzer.Location{Path: e.manifestPath()}
	}
	_, name, _ := strings.Cut(attr, ":")
	return Evidence{Kind: "manifest", Path: loc.Path, Line: loc.Line, Locator: "application@" + name, Snippet: snippet}
}

// metaDataLocation is where the project declares a <meta-data> of that name, on
// <application> or a component: source trees only, so sdkdb's meta-data evidence
// (which names only the manifest) can cite the line.
func (e *env) metaDataLocation(name string) (analyzer.Location, bool) {
	f := e.facts()
	for _, m := range f.App.MetaData {
		if m.Name == name && m.Location.Path != "" {
			return m.Location, true
		}
	}
	for _, c := range f.Components {
		for _, m := range c.MetaData {
			if m.Name == name && m.Location.Path != "" {
				return m.Location, true
			}
		}
	}
	return analyzer.Location{}, false
}

func (e *env) permEvidence(p analyzer.Permission) Evidence {
	path := p.Location.Path
	if path == "" {
		path = e.manifestPath()
	}
	return Evidence{Kind: "manifest", Path: path, Line: p.Location.Line, Locator: p.Name, Snippet: `<uses-permission android:name="` + p.Name + `"/>`}
}

func (e *env) componentEvidence(c analyzer.Component, snippet string) Evidence {
	path := c.Location.Path
	if path == "" {
		path = e.manifestPath()
	}
	return Evidence{Kind: "manifest", Path: path, Line: c.Location.Line, Locator: c.Name, Snippet: snippet}
}

// codeEvidence points at a method and what it references there: snippet is
// literal code (a member, a call path), else use codeEvidenceZH.
func (e *env) codeEvidence(id int, line int, snippet string) Evidence {
	m := e.code().methods[id]
	kind := "dex"
	if e.in.Facts != nil && e.in.Facts.Code != nil && !strings.HasSuffix(m.Path, ".dex") {
		kind = "source"
	}
	if kind == "dex" {
		line = 0
	}
	return Evidence{Kind: kind, Path: m.Path, Line: line, Locator: m.display(), Snippet: snippet}
}

// codeEvidenceZH is codeEvidence with a snippet in hegui's words and its zh form.
func (e *env) codeEvidenceZH(id int, line int, snippet, snippetZH string) Evidence {
	ev := e.codeEvidence(id, line, snippet)
	ev.SnippetZH = snippetZH
	return ev
}

func policyEvidence(ev policy.Evidence) Evidence {
	return Evidence{Kind: "policy", Path: ev.Path, Locator: ev.Section, Snippet: ev.Sentence}
}

// policyPaths names the policy documents that were read, for negative evidence.
func (e *env) policyDocEvidence() Evidence {
	var paths []string
	if e.in.Policy != nil {
		for _, d := range e.in.Policy.Documents {
			paths = append(paths, d.Path)
		}
	}
	return Evidence{Kind: "policy", Path: strings.Join(paths, ", "), Snippet: "no matching statement in the policy text", SnippetZH: "隐私政策中未找到相应陈述"}
}

// resourceEvidence points at a resource string. path is where the policy reader or
// the check saw it ("resources.arsc", "resources.arsc#string/name", "" for the
// string pool); in source trees the values*/strings.xml file and line that define
// the string (or, for a URL inside a longer string, the first string holding it)
// replace it.
func (e *env) resourceEvidence(value, path string) Evidence {
	if path == "" {
		path = "resources.arsc"
	}
	// A bundle has no resources.arsc: its table is base/resources.pb.
	if e.facts().Source.Kind == "aab" && strings.HasPrefix(path, "resources.arsc") {
		path = "base/resources.pb" + strings.TrimPrefix(path, "resources.arsc")
	}
	ev := Evidence{Kind: "resource", Path: path, Snippet: value}
	res := &e.facts().Resources
	if len(res.StringLocations) == 0 || !strings.HasPrefix(path, "resources.arsc") {
		return ev
	}
	loc, ok := res.StringLocations[value]
	if !ok && value != "" {
		for _, s := range res.Strings { // sorted: the same string every run
			if len(s) <= 4096 && strings.Contains(s, value) {
				loc, ok = res.StringLocations[s]
				break
			}
		}
	}
	if !ok || loc.Path == "" {
		return ev
	}
	_, name, _ := strings.Cut(path, "#")
	return Evidence{Kind: "resource", Path: loc.Path, Line: loc.Line, Locator: name, Snippet: value}
}

// noPolicyEvidence is the negative evidence of POL-001 in the input's own terms.
func (e *env) noPolicyEvidence() Evidence {
	ev := Evidence{Kind: "manifest", Path: e.manifestPath(), Line: e.facts().App.Location.Line, Locator: e.facts().App.Package,
		Snippet: "no policy text, URL or consent string in the APK", SnippetZH: "APK中没有隐私政策文本、链接或同意弹窗文字"}
	if e.facts().Source.Kind == "source" {
		ev.Snippet, ev.SnippetZH = "no policy text, URL or consent string in the project", "项目中没有隐私政策文本、链接或同意弹窗文字"
	}
	return ev
}
