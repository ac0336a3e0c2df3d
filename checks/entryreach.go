package checks

import "strings"

// maxEntryReach bounds the whole-app reachability walk; past it every method counts
// as reachable (nothing is lowered).
const maxEntryReach = 1_500_000

// entryReach is every method reachable from any manifest entry point (the
// Application class and every declared component) through calls, static
// initialisers, constructed classes (all their methods: callbacks, listeners) and
// classes named by string constants (reflection). nil when the walk could not
// finish or the code is incomplete.
func (e *env) entryReach() map[int]bool {
	if e.reachAllDone {
		return e.reachAll
	}
	e.reachAllDone = true
	ix := e.code()
	if !ix.complete || ix.empty() {
		return nil
	}
	byClass := map[string][]int{}
	for id, m := range ix.methods {
		byClass[m.Class] = append(byClass[m.Class], id)
	}
	seen := map[int]bool{}
	var queue []int
	add := func(ids []int) {
		for _, id := range ids {
			if !seen[id] {
				seen[id] = true
				queue = append(queue, id)
			}
		}
	}
	addClass := func(class string) {
		for depth := 0; depth < 16 && class != ""; depth++ {
			add(byClass[class])
			c := ix.classes[class]
			if c == nil {
				return
			}
			class = c.Super
		}
	}
	f := e.facts()
	if f.App.ApplicationClass != "" {
		addClass(f.App.ApplicationClass)
	}
	for _, c := range f.Components {
		addClass(c.Name)
	}
	for len(queue) > 0 {
		if len(seen) > maxEntryReach || e.ctx.Err() != nil {
			return nil
		}
		id := queue[0]
		queue = queue[1:]
		m := ix.methods[id]
		add(ix.callees(id))
		for _, c := range m.Calls {
			if c.Member == "<init>" {
				addClass(c.Class)
			}
		}
		for _, c := range m.Fields {
			if c.Class != m.Class {
				add(ix.byName[memberKey{c.Class, "<clinit>"}]) // a static field read runs the initialiser
			}
		}
		for _, s := range m.Strings {
			if len(s) < 256 && strings.Contains(s, ".") && !strings.ContainsAny(s, " /:") {
				if _, ok := byClass[s]; ok {
					addClass(s)
				}
			}
		}
	}
	e.reachAll = seen
	return seen
}

const (
	dormantNote   = "The SDK is bundled but not referenced by the app's code, and no entry point reaches this code."
	dormantNoteZH = "该SDK已打包，但App代码未引用它，且没有入口可到达这段代码。"
)

// dormant reports whether SDK owner's code at methods ids is bundled but never
// referenced: the app's code does not use the SDK (sdkdb's Used) and no entry point
// reaches those methods. Unknown owners, incomplete code and SDKs with their own
// reachable entry points are not dormant.
func (e *env) dormant(owner string, ids []int) bool {
	if owner == "" || owner == "app" {
		return false
	}
	h := e.hit(owner)
	if h == nil || h.Used {
		return false
	}
	reach := e.entryReach()
	if reach == nil {
		return false
	}
	for _, id := range ids {
		if reach[id] {
			return false
		}
	}
	return len(ids) > 0
}
