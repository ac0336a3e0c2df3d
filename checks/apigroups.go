package checks

import (
	"fmt"
	"strings"
)

// apiByOwner groups the sensitive references of the selected API keys by the owner
// of the calling code and by API key: one finding per (owner, key), naming the
// calling classes and methods.
func (e *env) apiByOwner(keys ...string) []draft {
	want := map[string]bool{}
	for _, k := range keys {
		want[k] = true
	}
	hits := e.findAPIs(func(s *apiSpec) bool { return want[s.Key] })
	ix := e.code()
	groups := map[string][]apiHit{}
	for _, h := range hits {
		o := e.owner(ix.methods[h.Method].Class)
		groups[o+"\x00"+h.Spec.Key] = append(groups[o+"\x00"+h.Spec.Key], h)
	}
	var out []draft
	for _, k := range sortedKeys(groups) {
		g := groups[k]
		owner, key := strings.Split(k, "\x00")[0], g[0].Spec.Key
		var ev []Evidence
		var ids []int
		callers := map[string]bool{}
		allReflect := true
		for _, h := range g {
			ids = append(ids, h.Method)
			m := ix.methods[h.Method]
			callers[m.display()] = true
			ev = append(ev, e.codeEvidence(h.Method, h.Line, h.Target))
			allReflect = allReflect && h.Reflect
		}
		cl := sortedKeys(callers)
		shown := cl
		if len(shown) > 3 {
			shown = shown[:3]
		}
		more := ""
		if len(cl) > len(shown) {
			more = fmt.Sprintf(" and %d more", len(cl)-len(shown))
		}
		d := draft{
			Message: fmt.Sprintf("%s reads %s: %s%s.", e.ownerLabel(owner, false), g[0].Spec.nameEN(), strings.Join(shown, ", "), more),
			MessageZH: fmt.Sprintf("%s读取%s：%s%s。", e.ownerLabel(owner, true), g[0].Spec.NameZH, strings.Join(shown, "、"),
				map[bool]string{true: fmt.Sprintf("等%d处", len(cl)), false: ""}[len(cl) > len(shown)]),
			Evidence: ev,
			Owner:    owner,
			Key:      []string{"owner:" + owner, "api:" + key},
			Classes:  e.ownClasses(ids...),
		}
		if allReflect {
			d.Message += " (via reflection or system-property strings)"
			d.MessageZH += "（通过反射或系统属性字符串）"
		}
		if e.dormant(owner, ids) {
			d.Dormant = true
			d.Message += " " + dormantNote
			d.MessageZH += dormantNoteZH
		}
		out = append(out, d)
	}
	return out
}
