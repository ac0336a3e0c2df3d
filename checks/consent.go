package checks

import (
	"maps"
	"slices"
	"strings"

	"github.com/hegui-dev/hegui/analyzer"
)

// reachability is what runs before the user can have agreed to the policy: every
// method reachable from a pre-consent entry point through the intra-app call graph,
// except through methods that first check a stored consent flag.
type reachability struct {
	entries []entryPoint
	parent  map[int]int // method → caller on a shortest path; -1 for entry methods
	entry   map[int]int // method → index into entries
	guarded map[int]bool
	// partial holds, for source methods that check consent part-way, which of
	// their references run only with consent.
	partial map[int]*sourceGuard
	order   []int // visit order (BFS), guarded methods excluded
	ix      *codeIndex
}

// before reports whether a reference at line of method id runs before consent.
func (r *reachability) before(id, line int) bool {
	g := r.partial[id]
	if g == nil || line == 0 {
		return true
	}
	m := r.ix.methods[id]
	for _, refs := range [][]codeRef{m.Calls, m.Fields} {
		for _, c := range refs {
			if c.Line == line && !g.allows(c) {
				return false
			}
		}
	}
	return line < g.cutoff || g.cutoff == 0
}

// sourceGuard is how a source method that checks consent part-way depends on it.
// The branches of `if (consented) { … }` (and the else of `if (!consented)`) run
// only with consent. A check that guards no branch holding a call, or only the
// negative one (`if (!consented) { dialog(); return }`), is taken as an early
// return: what comes after its line runs only with consent.
type sourceGuard struct {
	cutoff int          // 0: none
	blocks map[int]bool // condition lines whose positive branches are guarded
}

// allows reports whether reference c runs before consent.
func (g *sourceGuard) allows(c codeRef) bool {
	if g.cutoff > 0 && c.Line >= g.cutoff {
		return false
	}
	for _, l := range c.IfLines {
		if g.blocks[l] {
			return false
		}
	}
	return true
}

type entryPoint struct {
	Kind      string // "Application", "ContentProvider", "BOOT_COMPLETED receiver"
	Name      string // the method: "onCreate", "<clinit>", …
	Component string // class named in the manifest
	Method    int
}

// label names the entry point in English: "Application onCreate".
func (ep entryPoint) label() string {
	if ep.Kind == "" {
		return ""
	}
	return ep.Kind + " " + ep.Name
}

const (
	maxReachDepth   = 14
	maxReachVisited = 60000
)

var bootActions = []string{
	"android.intent.action.BOOT_COMPLETED",
	"android.intent.action.LOCKED_BOOT_COMPLETED",
	"android.intent.action.QUICKBOOT_POWERON",
}

func (e *env) preConsent() *reachability {
	if e.reach != nil {
		return e.reach
	}
	ix := e.code()
	r := &reachability{parent: map[int]int{}, entry: map[int]int{}, guarded: map[int]bool{}, partial: map[int]*sourceGuard{}, ix: ix}
	e.reach = r
	f := e.facts()
	add := func(kind, class string, names ...string) {
		for _, n := range names {
			for _, id := range ix.methodsOf(class, n) {
				r.entries = append(r.entries, entryPoint{Kind: kind, Name: n, Component: class, Method: id})
			}
		}
	}
	if app := f.App.ApplicationClass; app != "" {
		add("Application", app, "<clinit>", "<init>", "attachBaseContext", "onCreate")
	}
	for _, c := range f.Components {
		switch c.Type {
		case "provider":
			add("ContentProvider", c.Name, "<clinit>", "<init>", "attachInfo", "onCreate")
		case "receiver":
			if hasAction(c, bootActions...) {
				add("BOOT_COMPLETED receiver", c.Name, "<clinit>", "onReceive")
			}
		}
	}
	type item struct{ id, depth int }
	var queue []item
	for i, ep := range r.entries {
		if _, seen := r.parent[ep.Method]; seen {
			continue
		}
		r.parent[ep.Method] = -1
		r.entry[ep.Method] = i
		queue = append(queue, item{ep.Method, 0})
	}
	guard := newGuardCache(ix)
	for len(queue) > 0 && len(r.parent) < maxReachVisited {
		if e.ctx.Err() != nil {
			break
		}
		it := queue[0]
		queue = queue[1:]
		whole, sg := guard.guardOf(it.id)
		if whole {
			r.guarded[it.id] = true
			continue
		}
		var keep func(codeRef) bool
		if sg != nil {
			r.partial[it.id] = sg
			keep = sg.allows
		}
		r.order = append(r.order, it.id)
		if it.depth >= maxReachDepth {
			continue
		}
		for _, t := range ix.calleesWhere(it.id, keep) {
			if _, seen := r.parent[t]; seen {
				continue
			}
			r.parent[t] = it.id
			r.entry[t] = r.entry[it.id]
			queue = append(queue, item{t, it.depth + 1})
		}
	}
	return r
}

// path lists the methods from the entry point down to id.
func (r *reachability) path(ix *codeIndex, id int) []string {
	var rev []string
	for cur, n := id, 0; cur >= 0 && n < 64; n++ {
		rev = append(rev, ix.methods[cur].display())
		p, ok := r.parent[cur]
		if !ok {
			break
		}
		cur = p
	}
	out := make([]string, len(rev))
	for i := range rev {
		out[len(rev)-1-i] = rev[i]
	}
	return out
}

// labelZH names the entry point in Chinese: "Application的onCreate",
// "开机广播接收器的onReceive".
func (ep entryPoint) labelZH() string {
	switch ep.Kind {
	case "BOOT_COMPLETED receiver":
		return "开机广播接收器的" + ep.Name
	case "Application", "ContentProvider":
		return ep.Kind + "的" + ep.Name
	}
	return ep.label()
}

func (r *reachability) entryOf(id int) entryPoint {
	if i, ok := r.entry[id]; ok && i < len(r.entries) {
		return r.entries[i]
	}
	return entryPoint{}
}

func hasAction(c analyzer.Component, want ...string) bool {
	for _, f := range c.IntentFilters {
		for _, a := range f.Actions {
			for _, w := range want {
				if a == w {
					return true
				}
			}
		}
	}
	return false
}

// guardCache decides whether a method checks a stored consent flag before it goes on:
// it reads a boolean preference (SharedPreferences.getBoolean, MMKV.decodeBool) and
// loads a string naming consent, or calls a boolean method of the app that does.
// DEX keeps no instruction order in the index, so "before the call" is approximated
// by "in the same method"; see docs/rules/CNPI-CON-001.md.
type guardCache struct {
	ix   *codeIndex
	memo map[int]bool
}

func newGuardCache(ix *codeIndex) *guardCache { return &guardCache{ix: ix, memo: map[int]bool{}} }

var consentWords = []string{"agree", "privacy", "consent", "protocol", "policy", "隐私", "同意", "协议", "授权"}

func (g *guardCache) direct(id int) bool {
	if v, ok := g.memo[id]; ok {
		return v
	}
	m := g.ix.methods[id]
	ok := false
	if isSourceMethod(m) {
		// Source facts record no constants and may not type a chained call:
		// a method named for consent that reads preferences is the check.
		reads := callsAny(m, "android.content.SharedPreferences", "getBoolean") ||
			callsAny(m, "com.tencent.mmkv.MMKV", "decodeBool", "getBoolean") || callsMember(m, "getSharedPreferences", "getDefaultSharedPreferences")
		ok = reads && (containsFold(m.Name, consentWords) || containsFold(m.Class, consentWords))
	} else if callsAny(m, "android.content.SharedPreferences", "getBoolean") || callsAny(m, "com.tencent.mmkv.MMKV", "decodeBool", "getBoolean") {
		ok = g.ix.hasString(id, func(s string) bool { return len(s) < 200 && containsFold(s, consentWords) })
	}
	g.memo[id] = ok
	return ok
}

// guardOf says how a method depends on consent: whole when the whole method is
// behind a consent check (DEX keeps no instruction order, so a check anywhere in
// the method counts), a sourceGuard when a source method checks consent part-way,
// neither when it does not check at all.
func (g *guardCache) guardOf(id int) (whole bool, sg *sourceGuard) {
	if g.direct(id) {
		return true, nil
	}
	m := g.ix.methods[id]
	src := isSourceMethod(m)
	for _, c := range m.Calls {
		if !src && c.Proto != "" && !strings.HasSuffix(c.Proto, ")Z") {
			continue
		}
		for _, t := range g.ix.resolve(c) {
			if !g.direct(t) {
				continue
			}
			if !src || c.Line == 0 {
				return true, nil
			}
			if sg == nil {
				sg = &sourceGuard{blocks: map[int]bool{}}
			}
			pos := inPositiveBranch(m, c.Line)
			if pos {
				sg.blocks[c.Line] = true
			}
			if !pos && (sg.cutoff == 0 || c.Line < sg.cutoff) {
				sg.cutoff = c.Line
			}
		}
	}
	return false, sg
}

// inPositiveBranch reports whether a reference of m sits in the branch of an if
// statement, on line, that runs when its condition is true.
func inPositiveBranch(m *codeMethod, line int) bool {
	for _, refs := range [][]codeRef{m.Calls, m.Fields} {
		for _, c := range refs {
			for _, l := range c.IfLines {
				if l == line {
					return true
				}
			}
		}
	}
	return false
}

func isSourceMethod(m *codeMethod) bool { return !strings.HasSuffix(m.Path, ".dex") }

func callsMember(m *codeMethod, names ...string) bool {
	for _, c := range m.Calls {
		for _, n := range names {
			if c.Member == n {
				return true
			}
		}
	}
	return false
}

// sdkInitNames are SDK entry points that start collection; compliance switches such
// as UMConfigure.preInit or JCollectionAuth.setAuth are deliberately not listed.
func isSDKInit(member string) bool {
	l := strings.ToLower(member)
	if strings.Contains(l, "preinit") || strings.HasPrefix(l, "is") || strings.HasPrefix(l, "get") {
		return false
	}
	switch l {
	case "start", "register", "setup", "startwork", "turnonpush", "resumepush":
		return true
	}
	return strings.HasPrefix(l, "init") || strings.HasSuffix(l, "init") || strings.Contains(l, "initialize")
}

// sortedKeys returns a map's keys in order.
func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }
