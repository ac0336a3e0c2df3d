package checks

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/hegui-dev/hegui/policy"
)

func newPOL005() *ruleCheck {
	return &ruleCheck{rule: Rule{
		ID: "CNPI-POL-005", Title: "Collected personal information not itemised in the policy", TitleZH: "未逐一列出收集使用个人信息的目的、方式、范围",
		Severity: High, NeedsPolicy: true,
		Clauses: []Clause{
			rd("2.1", "未逐一列出App（包括委托的第三方或嵌入的第三方代码、插件）收集使用个人信息的目的、方式、范围"),
			cverc("CV-04", "隐私政策未逐一列出收集使用个人信息的目的、方式、范围"),
			gb41391("§6.4", "告知同意"),
			pipl("第17条", "告知处理目的、处理方式、个人信息种类"),
		},
		Rationale:   "Every kind of personal information the app or its SDKs read must be listed in the policy with its purpose; code that reads device IDs, location, the app list or the clipboard without a matching disclosure is what testers report as 未逐一列出.",
		RationaleZH: "App及其SDK读取的每类个人信息都应在隐私政策中逐项列明目的和方式；代码读取设备标识、位置、应用列表、剪切板等而政策未列明，即测评中的“未逐一列出”。",
		Fix:         "For each category listed in the finding, add an entry to the policy and the collected-PI list stating the purpose, the scenario and who collects it (the app or the named SDK), or remove the code that reads it.",
		FixZH:       "针对发现中列出的每类个人信息，在隐私政策和个人信息收集清单中写明目的、场景和收集方（App或具体SDK），或删除读取这些信息的代码。",
		Detects: "Finds references to the sensitive APIs of regulations.md §9 (IMEI/IMSI/serial/MAC, Android ID, location, Wi-Fi, installed apps, clipboard, contacts, call log, SMS, calendar, accounts, camera, microphone) in DEX or source, " +
			"groups them by personal-information category, and reports each category the policy does not disclose (by category key, a disclosed permission, or a §7 keyword in the disclosure). Wrappers in general-purpose libraries (androidx, android.support, blankj utilcode, …) count only when code outside those libraries calls them. " +
			"Per SDK: when the policy's entry for an SDK lists the PI types it collects, the categories that SDK's own code reads but its entry leaves out are reported in one finding per SDK.",
		FalsePositives: "Code that is present but never executed (dead SDK modules) is still reported; a policy that describes the data in unusual words may not match the keyword list.",
	}, fn: runPOL005}
}

func runPOL005(e *env, r *Rule) []draft {
	hits := e.findAPIs(func(s *apiSpec) bool { return s.PI != "" })
	byCat := map[string][]apiHit{}
	for _, h := range hits {
		byCat[h.Spec.PI] = append(byCat[h.Spec.PI], h)
	}
	var out []draft
	ix := e.code()
	for _, key := range sortedKeys(byCat) {
		cat := piCategoryByKey(key)
		if cat == nil {
			continue
		}
		var perms []string
		for _, h := range byCat[key] {
			perms = append(perms, h.Spec.Perms...)
		}
		if ok, _ := e.policyCovers(cat, perms...); ok {
			continue
		}
		owners := map[string]bool{}
		callers := map[string]bool{}
		var ev []Evidence
		var ids []int
		for _, h := range byCat[key] {
			ids = append(ids, h.Method)
			m := ix.methods[h.Method]
			owners[e.owner(m.Class)] = true
			callers[m.display()] = true
			ev = append(ev, e.codeEvidence(h.Method, h.Line, h.Target))
		}
		var who, whoZH []string
		for _, o := range sortedKeys(owners) {
			who = append(who, e.ownerLabel(o, false))
			whoZH = append(whoZH, e.ownerLabel(o, true))
		}
		ev = append(ev, e.policyDocEvidence())
		cl := sortedKeys(callers)
		if len(cl) > 3 {
			cl = cl[:3]
		}
		out = append(out, draft{
			Message: fmt.Sprintf("The code reads %s (%s; %d reference(s) in %s, e.g. %s) but the policy does not disclose collecting it.",
				cat.Name, cat.NameZH, len(byCat[key]), strings.Join(who, ", "), strings.Join(cl, ", ")),
			MessageZH: fmt.Sprintf("代码读取%s（%d处，位于%s，如%s），但隐私政策未说明收集该类信息。", cat.NameZH, len(byCat[key]), strings.Join(whoZH, "、"), strings.Join(cl, "、")),
			Evidence:  ev,
			Key:       []string{"pi:" + key},
			Classes:   e.ownClasses(ids...),
		})
	}
	return append(out, e.sdkRowsIncomplete(hits)...)
}

// sdkRowsIncomplete compares, for each SDK whose entry in the policy's SDK list names
// the PI it collects, those categories with what the SDK's code reads, and reports
// the categories the entry leaves out.
func (e *env) sdkRowsIncomplete(hits []apiHit) []draft {
	ix := e.code()
	bySDK := map[string][]apiHit{}
	for _, h := range hits {
		if o := e.owner(ix.methods[h.Method].Class); o != "" && o != "app" {
			bySDK[o] = append(bySDK[o], h)
		}
	}
	var out []draft
	for _, id := range sortedKeys(bySDK) {
		h := e.hit(id)
		if h == nil {
			continue
		}
		m, ok := policyMentions(e.in.Policy, h)
		if !ok || len(m.PICategories) == 0 {
			continue // no row listing PI types: SDK-005 speaks of missing details
		}
		listed := map[string]bool{}
		for _, k := range m.PICategories {
			listed[k] = true
		}
		what := map[string]bool{}
		var ev []Evidence
		for _, x := range bySDK[id] {
			cat := piCategoryByKey(x.Spec.PI)
			if cat == nil || listed[cat.Key] || anyListed(listed, cat.Aliases) {
				continue
			}
			what[x.Spec.NameZH] = true
			ev = append(ev, e.codeEvidence(x.Method, x.Line, x.Target))
		}
		if len(what) == 0 {
			continue
		}
		var names, namesEN []string
		for _, k := range m.PICategories {
			if c, ok := policy.CategoryByKey(k); ok {
				names, namesEN = append(names, c.Name), append(namesEN, c.NameEN)
			} else {
				names, namesEN = append(names, k), append(namesEN, k)
			}
		}
		var whatEN []string
		for _, x := range bySDK[id] {
			if what[x.Spec.NameZH] && !slices.Contains(whatEN, x.Spec.nameEN()) {
				whatEN = append(whatEN, x.Spec.nameEN())
			}
		}
		sort.Strings(whatEN)
		if len(m.Evidence) > 0 {
			ev = append(ev, policyEvidence(m.Evidence[0]))
		}
		out = append(out, draft{
			Message: fmt.Sprintf("The policy's entry for %s lists only %s, but the SDK's code reads %s.",
				e.ownerLabel(id, false), strings.Join(namesEN, ", "), strings.Join(whatEN, ", ")),
			MessageZH: fmt.Sprintf("隐私政策中%s的说明只列出了%s，但该SDK的代码还读取%s，未在其说明中列明。",
				e.ownerLabel(id, true), strings.Join(names, "、"), strings.Join(sortedKeys(what), "、")),
			Evidence: ev,
			Owner:    id,
			Key:      []string{"sdk-pi:" + id},
		})
	}
	return out
}

func anyListed(listed map[string]bool, keys []string) bool {
	for _, k := range keys {
		if listed[k] {
			return true
		}
	}
	return false
}
