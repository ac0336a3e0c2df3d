package checks

import (
	"strings"

	"github.com/hegui-dev/hegui/sdkdb"
)

func newUX002() *ruleCheck {
	return &ruleCheck{rule: Rule{
		ID: "CNPI-UX-002", Title: "Shake-to-jump in ad SDKs", TitleZH: "信息窗口“摇一摇”乱跳转",
		Severity: Medium,
		Clauses: []Clause{
			miitLabel("信息窗口“摇一摇”乱跳转"),
			miit26("不得使用高灵敏度“摇一摇”等易造成误触的交互方式"),
		},
		Rationale:      "Ad SDKs register motion sensors to turn a shake into an ad click; MIIT notices since 2023 report 摇一摇乱跳转, and the 26 measures ban over-sensitive shake interactions.",
		RationaleZH:    "广告SDK注册运动传感器，将晃动手机转化为广告点击；2023年以来工信部通报“摇一摇乱跳转”，26条措施禁止高灵敏度摇一摇交互。",
		Fix:            "Turn off shake interactions in each ad SDK (most offer a switch or a compliance version), or set a high threshold and an explicit prompt, and test splash and interstitial ads on a real device.",
		FixZH:          "在各广告SDK中关闭摇一摇交互（多数提供开关或合规版本），或设置较高阈值并明确提示；在真机上测试开屏和插屏广告。",
		Detects:        "Calls to SensorManager.registerListener from code that sdkdb attributes to an advertising SDK, one finding per SDK.",
		FalsePositives: "Ad SDKs that register sensors for viewability or orientation, not shake, are reported too.",
	}, fn: func(e *env, r *Rule) []draft {
		var out []draft
		for _, d := range e.apiByOwner("sensor") {
			h := e.hit(d.Owner)
			if h == nil || h.Category != sdkdb.CatAds {
				continue
			}
			d.Message = sdkName(*h, false) + " registers motion-sensor listeners (SensorManager.registerListener): the usual sign of shake-to-open ads. " + strings.TrimSpace(d.Message)
			d.MessageZH = sdkName(*h, true) + "注册了传感器监听（SensorManager.registerListener），是“摇一摇”广告的典型特征。" + d.MessageZH
			out = append(out, d)
		}
		return out
	}}
}
