package checks

import (
	"strings"

	"github.com/hegui-dev/hegui/policy"
)

func newXB001() *ruleCheck {
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
		Detects:        "Every detected SDK flagged overseas in sdkdb, when the policy reader found no cross_border statement (境外, 出境, 跨境 with a transfer). When the policy explicitly denies cross-border transfer (不会向境外提供), the finding reports the contradiction between that sentence and the overseas SDK, quoting it.",
		FalsePositives: "Overseas SDKs configured for a China data region are reported; document the configuration in the policy.",
	}, fn: runXB001}
}

func runXB001(e *env, r *Rule) []draft {
	it := e.item(policy.ItemCrossBorder)
	if it.Found && !onlyDenials(it.Evidence) {
		return nil
	}
	denials := it.Denied
	if it.Found {
		denials = append(append([]policy.Evidence(nil), it.Evidence...), denials...)
	}
	var out []draft
	for _, h := range e.sdks() {
		if !h.Overseas || h.Confidence == "low" {
			continue
		}
		d := draft{
			Message:   sdkName(h, false) + " (" + vendorName(h, false) + ") is an overseas SDK, but the policy says nothing about transferring personal information abroad.",
			MessageZH: sdkName(h, true) + "（" + h.Vendor + "）为境外SDK，但隐私政策未说明个人信息出境情况。",
			Evidence:  append(e.sdkEvidence(h)[:1], e.policyDocEvidence()),
			Owner:     h.ID,
			Key:       []string{"sdk:" + h.ID},
		}
		if len(denials) > 0 {
			// The policy is not silent: it promises the opposite of what the SDK does.
			d.Message = "The policy states that personal information is not provided abroad (\"" + denials[0].Sentence + "\"), but the app embeds " + sdkName(h, false) + " (" + vendorName(h, false) + "), an overseas SDK that normally sends data abroad: the policy contradicts the app."
			d.MessageZH = "隐私政策声明不向境外提供个人信息（“" + denials[0].Sentence + "”），但App嵌入了境外SDK" + sdkName(h, true) + "（" + h.Vendor + "），该SDK通常将数据传至境外，政策与App实际情况矛盾。"
			d.Evidence = append(e.sdkEvidence(h)[:1], policyEvidence(denials[0]))
		}
		out = append(out, d)
	}
	return out
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
