package checks

import (
	"strings"

	"github.com/hegui-dev/hegui/policy"
)

func newSEN001() *ruleCheck {
	return &ruleCheck{rule: Rule{
		ID: "CNPI-SEN-001", Title: "Children's personal information without dedicated rules", TitleZH: "处理未成年人个人信息无专门规则",
		Severity: High, NeedsPolicy: true,
		Clauses: []Clause{
			pipl("第31条", "处理不满十四周岁未成年人个人信息应取得监护人同意并制定专门的个人信息处理规则"),
			ndsmr("第21条", "处理不满十四周岁未成年人个人信息的专门规则"),
			cverc("CV-13", "处理不满十四周岁未成年人个人信息未制定专门的个人信息处理规则"),
		},
		Rationale:   "Apps that children use (education, games, apps for kids) must publish dedicated rules for under-14s and obtain guardian consent (PIPL 31).",
		RationaleZH: "面向或可能被儿童使用的App（教育、游戏、儿童类）须制定不满十四周岁未成年人的专门处理规则并取得监护人同意（个人信息保护法第三十一条）。",
		Fix:         "Publish 儿童个人信息保护规则 (a dedicated policy or chapter), obtain guardian consent before processing a child's PI, and link the rules from the consent dialog.",
		FixZH:       "制定并公布《儿童个人信息保护规则》（单独政策或专章），处理儿童个人信息前取得监护人同意，并在同意弹窗中提供链接。",
		Detects: "For apps that serve minors — --app-type education or online_games, or an app label or string about children (儿童, 少儿, 幼儿, 宝宝, 小学, 儿童模式, kids) — " +
			"fires when the policy reader found no minors statement (儿童个人信息保护规则, 不满十四周岁, 监护人).",
		FalsePositives: "A general-audience app that merely mentions children in a string is reported; pass a specific --app-type to document its audience.",
	}, fn: runSEN001}
}

var childWords = []string{"儿童", "少儿", "幼儿", "宝宝", "小学", "儿童模式", "kids", "Kids"}

func runSEN001(e *env, r *Rule) []draft {
	if e.item(policy.ItemMinors).Found {
		return nil
	}
	why, whyZH := "", ""
	var ev []Evidence
	switch e.in.AppType {
	case "education", "online_games":
		t, _ := LookupAppType(e.in.AppType)
		why, whyZH = "app type "+t.Name, "App类型为"+t.NameZH
	}
	a := e.facts().App
	if why == "" {
		for _, l := range []string{a.LabelZH, a.Label} {
			if containsFold(l, childWords) {
				why, whyZH = "app label "+l, "App名称“"+l+"”"
				ev = append(ev, e.appAttrEvidence("android:label", l))
				break
			}
		}
	}
	if why == "" {
		if s, ok := e.findString(func(s string) bool {
			return len([]rune(s)) <= 16 && containsFold(s, childWords) && !strings.Contains(s, "保护")
		}); ok {
			why, whyZH = "string \""+s+"\"", "字符串“"+s+"”"
			ev = append(ev, e.resourceEvidence(s, ""))
		}
	}
	if why == "" {
		return nil
	}
	ev = append(ev, e.policyDocEvidence())
	return []draft{{
		Message:   "The app may serve children (" + why + ") but the policy has no dedicated rules for children under 14 or guardian consent.",
		MessageZH: "App可能面向儿童（" + whyZH + "），但隐私政策没有不满十四周岁未成年人的专门规则或监护人同意说明。",
		Evidence:  ev,
		Key:       []string{"minors"},
	}}
}
