package checks

import "github.com/hegui-dev/hegui/policy"

func newRGT004() *ruleCheck {
	return &ruleCheck{rule: Rule{
		ID: "CNPI-RGT-004", Title: "No complaint or report channel", TitleZH: "未建立并公布个人信息安全投诉、举报渠道",
		Severity: Medium, NeedsPolicy: true,
		Clauses: []Clause{
			rd("6.5", "未建立并公布个人信息安全投诉、举报渠道"),
			cverc("CV-10", "未建立并公布个人信息安全投诉、举报渠道"),
			pipl("第50条", "建立便捷的个人行使权利的申请受理和处理机制"),
		},
		Rationale:      "Users must be able to complain about PI handling: the policy has to publish a complaint/report channel and a reply time.",
		RationaleZH:    "用户须能就个人信息处理进行投诉举报：隐私政策应公布投诉、举报渠道及回复时限。",
		Fix:            "Add a 投诉举报 section with an e-mail, phone or online form and a reply time within 15 working days.",
		FixZH:          "增加“投诉举报”章节，公布邮箱、电话或在线表单，并承诺在15个工作日内回复。",
		Detects:        "Fires when the policy reader found no complaint_channel statement (投诉, 举报 with a contact).",
		FalsePositives: "A contact section that does not use the words 投诉 or 举报 may not be recognised.",
	}, fn: func(e *env, r *Rule) []draft {
		return missingItems(e, []itemNeed{{policy.ItemComplaintChannel, "a complaint or report channel (投诉、举报)", "个人信息安全投诉、举报渠道"}})
	}}
}
