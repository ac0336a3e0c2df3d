package checks

import (
	"strings"

	"github.com/hegui-dev/hegui/policy"
	"github.com/hegui-dev/hegui/sdkdb"
)

func newCON009() *ruleCheck {
	return &ruleCheck{rule: Rule{
		ID: "CNPI-CON-009", Title: "Sensitive personal information without separate consent", TitleZH: "处理敏感个人信息未取得单独同意或未告知必要性及影响",
		Severity: High, NeedsPolicy: true,
		Clauses: []Clause{
			pipl("第28-30条", "敏感个人信息：特定目的和充分必要性、单独同意、告知必要性及对个人权益的影响"),
			cverc("CV-12", "处理敏感个人信息未取得个人单独同意"),
			ndsmr("第21条", "处理敏感个人信息的必要性以及对个人权益的影响"),
		},
		Rationale:   "Location tracks, contacts, call logs, SMS, health data and biometrics are sensitive PI (PIPL 28): the app needs the user's separate consent and must explain why it is necessary and how it affects them.",
		RationaleZH: "行踪轨迹、通讯录、通话记录、短信、健康及生物识别信息属于敏感个人信息（个人信息保护法第二十八条），须取得单独同意并告知处理的必要性和对个人权益的影响。",
		Fix:         "Mark the sensitive PI in the policy (e.g. in bold), state its necessity and impact, and ask for separate consent (a dedicated dialog or switch) at the point of use.",
		FixZH:       "在隐私政策中以显著方式标明敏感个人信息并说明必要性和影响，在使用时通过单独弹窗或开关取得单独同意。",
		Detects: "When the app can reach sensitive PI — a privacy permission or §9 API of the location, background-location, contacts, call-log, SMS or body-sensor categories, or a face/biometric SDK — " +
			"and the policy reader found no sensitive_separate_consent statement (敏感个人信息 with 单独同意), one finding lists the sensitive capabilities.",
		FalsePositives: "Separate consent given in an in-app dialog that the policy does not describe is not seen.",
	}, fn: runCON009}
}

func runCON009(e *env, r *Rule) []draft {
	if e.item(policy.ItemSensitiveSeparateConsent).Found {
		return nil
	}
	cats := map[string][]Evidence{}
	en := map[string]string{"人脸信息": "face data"} // zh name → English name
	for i := range piCategories {
		en[piCategories[i].NameZH] = piCategories[i].Name
	}
	for _, p := range e.facts().App.Permissions {
		if pp, ok := lookupPrivacyPermission(p.Name); ok {
			if c := piCategoryByKey(pp.PI); c != nil && c.Sensitive {
				cats[c.NameZH] = append(cats[c.NameZH], e.permEvidence(p))
			}
		}
	}
	for _, h := range e.findAPIs(func(s *apiSpec) bool {
		c := piCategoryByKey(s.PI)
		return c != nil && c.Sensitive
	}) {
		c := piCategoryByKey(h.Spec.PI)
		if len(cats[c.NameZH]) < 3 {
			cats[c.NameZH] = append(cats[c.NameZH], e.codeEvidence(h.Method, h.Line, h.Target))
		}
	}
	for _, h := range e.sdks() {
		if h.Category == sdkdb.CatFace {
			cats["人脸信息"] = append(cats["人脸信息"], e.sdkEvidence(h)[0])
		}
	}
	if len(cats) == 0 {
		return nil
	}
	names := sortedKeys(cats)
	var ev []Evidence
	var namesEN []string
	for _, n := range names {
		ev = append(ev, cats[n]...)
		namesEN = append(namesEN, en[n])
	}
	ev = append(ev, e.policyDocEvidence())
	return []draft{{
		Message:   "The app can process sensitive personal information (" + strings.Join(namesEN, ", ") + ") but the policy states neither separate consent nor the necessity and impact of processing it.",
		MessageZH: "App可处理敏感个人信息（" + strings.Join(names, "、") + "），但隐私政策未说明单独同意及处理的必要性和对个人权益的影响。",
		Evidence:  ev,
		Key:       []string{"sensitive"},
	}}
}
