package checks

import (
	"strings"

	"github.com/hegui-dev/hegui/policy"
	"github.com/hegui-dev/hegui/sdkdb"
)

func newSEN002() *ruleCheck {
	return &ruleCheck{rule: Rule{
		ID: "CNPI-SEN-002", Title: "Face recognition without the required notice", TitleZH: "人脸信息处理不符合人脸识别办法要求",
		Severity: High, NeedsPolicy: true,
		Clauses: []Clause{
			faceRules("单独同意", "处理人脸信息应取得个人单独同意"),
			faceRules("替代方式", "存在其他非人脸识别方式的，不得将人脸识别作为唯一验证方式"),
			faceRules("存储与传输", "人脸信息应存储于人脸识别设备内，不得通过互联网对外传输（法律另有规定或取得单独同意的除外）"),
			pipl("第28-29条", "生物识别信息属于敏感个人信息，应取得单独同意"),
		},
		Rationale:   "From 2025-06-01 the face-recognition measures require separate consent, a non-face alternative, limited retention and no upload of face data; an app bundling a face or liveness SDK must say all of this.",
		RationaleZH: "《人脸识别技术应用安全管理办法》自2025年6月1日起施行：要求单独同意、提供非人脸替代方式、限制保存期限且不得外传人脸信息；嵌入人脸/活体SDK的App须说明上述内容。",
		Fix:         "In the policy: describe the face processing (purpose, method, retention, where it is stored, whether it leaves the device), obtain separate consent before each use, and offer another verification method.",
		FixZH:       "在隐私政策中说明人脸信息处理的目的、方式、保存期限、存储位置及是否传出设备；每次使用前取得单独同意，并提供其他验证方式。",
		Detects: "For each face/liveness/real-name SDK (sdkdb category face), checks the policy items face (人脸信息 disclosed), sensitive_separate_consent (单独同意) and retention. " +
			"One finding per SDK listing what is missing. The alternative-method and no-upload duties cannot be verified statically and are named in the fix.",
		FalsePositives: "A face SDK bundled for an unused feature is still reported.",
	}, fn: func(e *env, r *Rule) []draft {
		var out []draft
		for _, h := range e.sdks() {
			if h.Category != sdkdb.CatFace || h.Confidence == "low" {
				continue
			}
			var miss, missZH []string
			if !e.item(policy.ItemFace).Found {
				miss, missZH = append(miss, "face-information disclosure"), append(missZH, "人脸信息处理说明")
			}
			if !e.item(policy.ItemSensitiveSeparateConsent).Found {
				miss, missZH = append(miss, "separate consent"), append(missZH, "单独同意")
			}
			if !e.item(policy.ItemRetention).Found {
				miss, missZH = append(miss, "retention period"), append(missZH, "保存期限")
			}
			if len(miss) == 0 {
				continue
			}
			ev := append(e.sdkEvidence(h)[:1], e.policyDocEvidence())
			out = append(out, draft{
				Message:   "The app embeds the face SDK " + sdkName(h, false) + " but the policy lacks: " + strings.Join(miss, ", ") + ".",
				MessageZH: "App嵌入了人脸识别SDK " + sdkName(h, true) + "，但隐私政策缺少：" + strings.Join(missZH, "、") + "。",
				Evidence:  ev,
				Owner:     h.ID,
				Key:       []string{"sdk:" + h.ID},
			})
		}
		return out
	}}
}
