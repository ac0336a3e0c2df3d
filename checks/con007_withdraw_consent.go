package checks

import "github.com/hegui-dev/hegui/policy"

func newCON007() *ruleCheck {
	return &ruleCheck{rule: Rule{
		ID: "CNPI-CON-007", Title: "No way to withdraw consent", TitleZH: "未提供撤回同意的途径、方式",
		Severity: Medium, NeedsPolicy: true,
		Clauses: []Clause{
			rd("3.8", "未向用户提供撤回同意收集个人信息的途径、方式"),
			pipl("第15条", "个人有权撤回其同意；处理者应当提供便捷的撤回同意的方式"),
			cverc("CV-08", "未向用户提供撤回同意收集个人信息的途径、方式"),
			ndsmr("第21条", "处理规则应包括撤回同意的方法和途径"),
		},
		Rationale:      "PIPL 15 gives users the right to withdraw consent and requires a convenient way to do it; CVERC reports policies that do not say how.",
		RationaleZH:    "个人信息保护法第十五条规定个人有权撤回同意，处理者应提供便捷的撤回方式；CVERC通报隐私政策未明确撤回途径的情形。",
		Fix:            "Describe in the policy how to withdraw consent (e.g. 我的-设置-隐私设置-撤回同意, and per-permission in system settings) and provide that entry in the app.",
		FixZH:          "在隐私政策中写明撤回同意的途径（如“我的-设置-隐私设置-撤回同意”，以及在系统设置中撤回单项权限），并在App中提供该入口。",
		Detects:        "Fires when the policy reader found no withdraw_consent statement (撤回同意, 撤回授权 …). When the app's own strings contain a withdrawal entry, the finding is kept at low severity because the policy must still describe it.",
		FalsePositives: "Policies that only say users may 关闭权限 in system settings without the word 撤回 may not be recognised.",
	}, fn: func(e *env, r *Rule) []draft {
		if e.item(policy.ItemWithdrawConsent).Found {
			return nil
		}
		d := draft{
			Message:   "The privacy policy does not say how to withdraw consent.",
			MessageZH: "隐私政策未说明撤回同意的途径和方式。",
			Evidence:  []Evidence{e.policyDocEvidence()},
			Key:       []string{"item:" + policy.ItemWithdrawConsent},
		}
		if s, ok := e.findString(func(s string) bool {
			return len([]rune(s)) <= 40 && containsFold(s, []string{"撤回同意", "撤回授权", "撤销同意"})
		}); ok {
			d.Severity = sev(Low)
			d.Message += " The app shows a withdrawal entry (\"" + s + "\"), which the policy should describe."
			d.MessageZH += "App内存在撤回入口（“" + s + "”），应在隐私政策中说明。"
			d.Evidence = append(d.Evidence, e.resourceEvidence(s, ""))
		}
		return []draft{d}
	}}
}
