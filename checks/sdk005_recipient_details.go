package checks

import "strings"

func newSDK005() *ruleCheck {
	return &ruleCheck{rule: Rule{
		ID: "CNPI-SDK-005", Title: "SDK recipient not described", TitleZH: "未告知第三方SDK接收方名称、目的和个人信息种类",
		Severity: Medium, NeedsPolicy: true,
		Clauses: []Clause{
			pipl("第23条", "向其他处理者提供个人信息应告知接收方名称、联系方式、处理目的、处理方式和个人信息种类，并取得单独同意"),
			cverc("CV-07", "未向个人告知接收方的名称或者姓名、联系方式、处理目的、处理方式和个人信息的种类"),
		},
		Rationale:      "Naming an SDK is not enough: PIPL 23 requires the recipient's name and contact, the purpose and the kinds of PI it receives.",
		RationaleZH:    "仅列出SDK名称不够：个人信息保护法第二十三条要求告知接收方名称、联系方式、处理目的和个人信息种类。",
		Fix:            "For each SDK in the finding, complete its row in the SDK list: vendor's full name, purpose, PI types, and contact or privacy-policy link.",
		FixZH:          "补全第三方SDK目录中该SDK的信息：第三方公司全称、使用目的、收集的个人信息类型以及联系方式或隐私政策链接。",
		Detects:        "For every detected SDK that the policy mentions, the policy reader's Described flags are checked: vendor, purpose and PI types are required, contact or policy link recommended. One finding per SDK with something missing.",
		FalsePositives: "A table whose columns the reader could not align may leave a described SDK looking undescribed; the evidence shows the sentence that was read.",
	}, fn: func(e *env, r *Rule) []draft {
		var out []draft
		for _, h := range e.sdks() {
			m, ok := policyMentions(e.in.Policy, &h)
			if !ok {
				continue // CNPI-POL-011
			}
			var miss, missZH []string
			if !m.Described.Vendor {
				miss, missZH = append(miss, "vendor"), append(missZH, "第三方名称")
			}
			if !m.Described.Purpose {
				miss, missZH = append(miss, "purpose"), append(missZH, "使用目的")
			}
			if !m.Described.PITypes {
				miss, missZH = append(miss, "PI types"), append(missZH, "个人信息种类")
			}
			if len(miss) == 0 {
				continue
			}
			ev := []Evidence{}
			for _, pe := range m.Evidence {
				ev = append(ev, policyEvidence(pe))
			}
			ev = append(ev, e.sdkEvidence(h)[0])
			out = append(out, draft{
				Message:   "The policy names " + sdkName(h, false) + " but does not state its " + strings.Join(miss, ", ") + ".",
				MessageZH: "隐私政策提到了" + sdkName(h, true) + "，但未说明其" + strings.Join(missZH, "、") + "。",
				Evidence:  ev,
				Owner:     h.ID,
				Key:       []string{"sdk:" + h.ID},
			})
		}
		return out
	}}
}
