package checks

import "github.com/hegui-dev/hegui/policy"

func newPOL009() *ruleCheck {
	return &ruleCheck{rule: Rule{
		ID: "CNPI-POL-009", Title: "Operator, contact, retention period or effective date missing", TitleZH: "未告知处理者名称、联系方式、保存期限或政策时效",
		Severity: Medium, NeedsPolicy: true,
		Clauses: []Clause{
			pipl("第17条", "告知个人信息处理者的名称或者姓名和联系方式、保存期限"),
			ndsmr("第21条", "处理规则至少包括处理者名称和联系方式、保存期限"),
			cverc("CV-03", "未声明App运营者的基本情况、隐私政策时效、联系方式、保存期限"),
		},
		Rationale:      "PIPL 17 requires the notice to name the processor and a contact, and to state the retention period; CVERC also reports policies without an effective date.",
		RationaleZH:    "个人信息保护法第十七条要求告知处理者名称、联系方式和保存期限；CVERC亦通报未声明隐私政策时效的情形。",
		Fix:            "State the operating company's full legal name and address, a contact (e-mail, phone or the PI protection officer), the retention period (or how it is determined) and the update/effective date.",
		FixZH:          "在隐私政策中写明运营者公司全称和注册地址、联系方式（邮箱、电话或个人信息保护负责人）、个人信息保存期限（或确定方法）以及更新日期/生效日期。",
		Detects:        "One finding per missing element among the policy items operator, contact, retention and effective_date, as extracted by the policy reader.",
		FalsePositives: "An operator named only in an image, or a date written in an unusual format, may not be recognised.",
	}, fn: func(e *env, r *Rule) []draft {
		return missingItems(e, []itemNeed{
			{policy.ItemOperator, "the operator's name (company)", "运营者名称（公司全称）"},
			{policy.ItemContact, "a contact (e-mail, phone, address)", "联系方式（邮箱、电话、地址）"},
			{policy.ItemRetention, "the retention period", "个人信息保存期限"},
			{policy.ItemEffectiveDate, "the effective or update date", "生效日期或更新日期"},
		})
	}}
}

type itemNeed struct{ key, en, zh string }

// missingItems reports each policy item that no sentence proves.
func missingItems(e *env, needs []itemNeed) []draft {
	var out []draft
	for _, n := range needs {
		if e.item(n.key).Found {
			continue
		}
		out = append(out, draft{
			Message:   "The privacy policy does not state " + n.en + ".",
			MessageZH: "隐私政策未说明" + n.zh + "。",
			Evidence:  []Evidence{e.policyDocEvidence()},
			Key:       []string{"item:" + n.key},
		})
	}
	return out
}
