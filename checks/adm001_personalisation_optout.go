package checks

import (
	"strings"

	"github.com/hegui-dev/hegui/policy"
	"github.com/hegui-dev/hegui/sdkdb"
)

func newADM001() *ruleCheck {
	return &ruleCheck{rule: Rule{
		ID: "CNPI-ADM-001", Title: "Targeted ads or push without an opt-out", TitleZH: "定向推送/个性化广告未提供关闭选项",
		Severity: Medium, NeedsPolicy: true,
		Clauses: []Clause{
			rd("3.6", "利用用户个人信息和算法定向推送信息，未提供非定向推送信息的选项"),
			miit337("4", "强制用户使用定向推送功能"),
			miit164("4", "强制用户使用定向推送功能"),
			pipl("第24条", "通过自动化决策方式进行信息推送、商业营销，应同时提供不针对其个人特征的选项或便捷的拒绝方式"),
			cverc("CV-11", "未提供不针对其个人特征的选项或便捷的拒绝方式"),
			gb35273("§7.5", "个性化展示的使用"),
		},
		Rationale:   "Advertising SDKs personalise by default; PIPL 24 requires a non-personalised option or an easy way to refuse, and MIIT lists 强制用户使用定向推送功能 as its own item.",
		RationaleZH: "广告SDK默认进行个性化投放；个人信息保护法第二十四条要求提供不针对个人特征的选项或便捷的拒绝方式，工信部将“强制用户使用定向推送功能”单列为一项。",
		Fix:         "Provide a switch 个性化推荐/个性化广告 (settings → privacy), pass the user's choice to each ad SDK's personalisation API, and describe the switch in the policy.",
		FixZH:       "在设置-隐私中提供“个性化推荐/个性化广告”开关，将用户选择传给各广告SDK的个性化开关接口，并在隐私政策中说明。",
		Detects: "When an advertising SDK is detected (not a low-confidence hit), the policy must state a personalisation opt-out (item personalization_opt_out). " +
			"Personalised recommendation that the policy describes in an app without an advertising SDK is not checked yet: the policy reader does not report mentions of it. " +
			"A short app string that names a personalisation switch (个性化推荐/个性化广告/关闭个性化) lowers the finding to low severity, because the switch exists but is not described.",
		FalsePositives: "Ad SDKs configured for non-personalised ads only are still reported; the policy should then say so.",
	}, fn: runADM001}
}

func runADM001(e *env, r *Rule) []draft {
	if e.item(policy.ItemPersonalizationOptOut).Found {
		return nil
	}
	var ads, adsZH []string
	var ev []Evidence
	for _, h := range e.sdks() {
		if h.Category == sdkdb.CatAds && h.Confidence != "low" {
			ads = append(ads, sdkName(h, false))
			adsZH = append(adsZH, sdkName(h, true))
			ev = append(ev, e.sdkEvidence(h)[0])
		}
	}
	if len(ads) == 0 {
		return nil
	}
	ev = append(ev, e.policyDocEvidence())
	d := draft{
		Message:   "The app embeds advertising SDKs (" + strings.Join(ads, ", ") + ") but the policy offers no way to turn off personalised ads or recommendations.",
		MessageZH: "App嵌入了广告SDK（" + strings.Join(adsZH, "、") + "），但隐私政策未提供关闭个性化广告/推荐的方式。",
		Evidence:  ev,
		Key:       []string{"ads-no-optout"},
	}
	if s, ok := e.findString(func(s string) bool {
		return len([]rune(s)) <= 20 && containsFold(s, []string{"个性化推荐", "个性化广告", "关闭个性化", "个性化内容推荐"})
	}); ok {
		d.Severity = sev(Low)
		d.Message += " The app has a string \"" + s + "\" that looks like such a switch: describe it in the policy."
		d.MessageZH += "App中存在“" + s + "”字样，疑似相应开关，请在隐私政策中说明。"
		d.Evidence = append(d.Evidence, e.resourceEvidence(s, ""))
	}
	return []draft{d}
}
