package checks

import (
	"sort"
	"strings"
)

func newSDK001() *ruleCheck {
	return &ruleCheck{rule: Rule{
		ID: "CNPI-SDK-001", Title: "Embedded SDK reads personal information", TitleZH: "嵌入的第三方SDK收集个人信息",
		Severity: Medium,
		Clauses: []Clause{
			rd("5.1", "App客户端通过嵌入的第三方代码、插件向第三方提供个人信息，未经用户同意、未做匿名化处理"),
			miit164("3", "违规使用个人信息"),
			miit337("3", "私自共享给第三方"),
			cverc("CV-07", "App客户端向第三方提供个人信息，未经过用户同意"),
		},
		Rationale:   "Whatever an embedded SDK reads is provided to its vendor: the app is responsible for telling the user and getting consent before the SDK collects. MIIT notices name the SDK and the app together.",
		RationaleZH: "嵌入的SDK读取的信息即提供给了SDK厂商；App运营者须在SDK收集前告知并征得同意。工信部通报会同时点名App和SDK。",
		Fix:         "Disclose each SDK and the PI it reads in the SDK list, initialise it only after consent, and use its compliance switches to turn off collection the app does not need.",
		FixZH:       "在第三方SDK目录中列明每个SDK及其读取的个人信息，用户同意后再初始化SDK，并通过SDK的合规开关关闭不需要的采集。",
		Detects: "The sensitive APIs of §9 referenced by code that sdkdb attributes to an SDK, one finding per SDK listing the information categories and calling methods. " +
			"Severity rises to high when that SDK code is also reachable before consent (see CNPI-CON-001), and drops to low when the SDK is bundled but the app's code never references it and no entry point reaches that code; the message then says the SDK could, not does, receive the information. Wrappers in general-purpose libraries (androidx, android.support, blankj utilcode, …) count only when code outside those libraries calls them.",
		FalsePositives: "SDK code paths that the app never enables (optional modules) are still reported; callbacks registered only through framework APIs the index does not model may make reachable code look dormant.",
	}, fn: runSDK001}
}

func runSDK001(e *env, r *Rule) []draft {
	ix := e.code()
	reach := e.preConsent()
	reached := map[int]bool{}
	for _, id := range reach.order {
		reached[id] = true
	}
	type agg struct {
		cats    map[string]bool
		catsEN  map[string]bool
		ev      []Evidence
		early   bool
		callers map[string]bool
		ids     []int
	}
	bySDK := map[string]*agg{}
	for _, h := range e.findAPIs(func(s *apiSpec) bool { return s.PI != "" }) {
		o := e.owner(ix.methods[h.Method].Class)
		if o == "" || o == "app" {
			continue
		}
		a := bySDK[o]
		if a == nil {
			a = &agg{cats: map[string]bool{}, catsEN: map[string]bool{}, callers: map[string]bool{}}
			bySDK[o] = a
		}
		a.cats[h.Spec.NameZH] = true
		a.catsEN[h.Spec.nameEN()] = true
		a.callers[ix.methods[h.Method].display()] = true
		a.ids = append(a.ids, h.Method)
		a.ev = append(a.ev, e.codeEvidence(h.Method, h.Line, h.Target))
		a.early = a.early || (reached[h.Method] && reach.before(h.Method, h.Line))
	}
	var out []draft
	for _, id := range sortedKeys(bySDK) {
		a := bySDK[id]
		cats := sortedKeys(a.cats)
		callers := sortedKeys(a.callers)
		sort.Strings(callers)
		if len(callers) > 3 {
			callers = callers[:3]
		}
		d := draft{
			Message:   e.ownerLabel(id, false) + " reads " + strings.Join(sortedKeys(a.catsEN), ", ") + " (in " + strings.Join(callers, ", ") + "); the app provides this information to the SDK's vendor.",
			MessageZH: e.ownerLabel(id, true) + "读取" + strings.Join(cats, "、") + "（位于" + strings.Join(callers, "、") + "），App即向该SDK厂商提供了这些信息。",
			Evidence:  a.ev,
			Owner:     id,
			Key:       []string{"sdk:" + id},
		}
		switch {
		case a.early:
			d.Severity = sev(High)
			d.Message += " This code is reachable before consent."
			d.MessageZH += "这些代码在用户同意前即可被执行。"
		case e.dormant(id, a.ids):
			// Nothing says the app hands anything over: only that it could.
			d.Dormant = true
			d.Message = e.ownerLabel(id, false) + " reads " + strings.Join(sortedKeys(a.catsEN), ", ") + " (in " + strings.Join(callers, ", ") + "). " + dormantNote +
				" If the SDK runs (through reflection or a later integration), this information goes to its vendor; remove the SDK if it is not needed."
			d.MessageZH = e.ownerLabel(id, true) + "的代码可读取" + strings.Join(cats, "、") + "（位于" + strings.Join(callers, "、") + "）。" + dormantNoteZH +
				"若该SDK被执行（如通过反射或后续集成），这些信息将提供给SDK厂商；不需要时应移除该SDK。"
		}
		out = append(out, d)
	}
	return out
}
