package checks

import (
	"strings"

	"github.com/hegui-dev/hegui/policy"
)

func newXB001() Check {
	return &ruleCheck{rule: Rule{
		ID: "CNPI-XB-001", Title: "Overseas SDK without cross-border disclosure", TitleZH: "境外SDK未告知个人信息出境",
		Severity: Medium, NeedsPolicy: true,
		Clauses: []Clause{
			pipl("第38-39条", "向境外提供个人信息应告知境外接收方名称、联系方式、处理目的、方式、种类，并取得单独同意"),
			gb35273("§9.8", "个人信息跨境传输"),
		},
		Rationale:      "SDKs of overseas vendors (Firebase, Facebook, AppsFlyer, Adjust, Sentry …) normally send data abroad: PIPL 39 requires telling the user the overseas recipient and getting separate consent.",
		RationaleZH:    "境外厂商SDK（Firebase、Facebook、AppsFlyer、Adjust、Sentry等）通常将数据传至境外：个人信息保护法第三十九条要求告知境外接收方并取得单独同意。",
		Fix:            "Either replace or configure the SDK to keep data in China, or disclose the cross-border transfer (recipient, country, purpose, PI types, how to exercise rights) and obtain separate consent.",
		FixZH:          "更换或配置SDK使数据留在境内；否则在隐私政策中说明出境情况（境外接收方、国家、目的、信息种类、行权方式）并取得单独同意。",
		Detects:        "Every detected SDK flagged overseas in sdkdb, when the policy reader found no cross_border statement (境外, 出境, 跨境 with a transfer). The policy's own 不会向境外提供 statement does not count as disclosure of an overseas SDK.",
		FalsePositives: "Overseas SDKs configured for a China data region are reported; document the configuration in the policy.",
	}, fn: func(e *env, r *Rule) []draft {
		if it := e.item(policy.ItemCrossBorder); it.Found && !onlyDenials(it.Evidence) {
			return nil
		}
		var out []draft
		for _, h := range e.sdks() {
			if !h.Overseas || h.Confidence == "low" {
				continue
			}
			out = append(out, draft{
				Message:   sdkName(h, false) + " (" + vendorName(h, false) + ") is an overseas SDK, but the policy says nothing about transferring personal information abroad.",
				MessageZH: sdkName(h, true) + "（" + h.Vendor + "）为境外SDK，但隐私政策未说明个人信息出境情况。",
				Evidence:  append(e.sdkEvidence(h)[:1], e.policyDocEvidence()),
				Owner:     h.ID,
				Key:       []string{"sdk:" + h.ID},
			})
		}
		return out
	}}
}

// onlyDenials reports whether every sentence says the app does NOT transfer abroad.
func onlyDenials(evs []policy.Evidence) bool {
	if len(evs) == 0 {
		return false
	}
	for _, ev := range evs {
		if !strings.Contains(ev.Sentence, "不会") && !strings.Contains(ev.Sentence, "不向") && !strings.Contains(ev.Sentence, "不进行") {
			return false
		}
	}
	return true
}
