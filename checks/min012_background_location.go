package checks

import "strings"

func newMIN012() *ruleCheck {
	return &ruleCheck{rule: Rule{
		ID: "CNPI-MIN-012", Title: "Background or continuous location", TitleZH: "后台/持续定位",
		Severity: Medium,
		Clauses: []Clause{
			tc260("§5 LOCATION", "位置权限申请和使用要求"),
			gb41391("§6.3", "特定类型个人信息：位置信息，非必要不后台定位"),
			rd("4.4", "收集个人信息的频度等超出业务功能实际需要"),
		},
		Rationale:      "Background location builds a movement track (行踪轨迹, sensitive PI); GB/T 41391 and the CAC 2025 draft allow it only when the function truly needs it.",
		RationaleZH:    "后台定位会形成行踪轨迹（敏感个人信息）；GB/T 41391及网信办2025年征求意见稿要求非必要不得后台定位。",
		Fix:            "Remove ACCESS_BACKGROUND_LOCATION and location foreground services unless a core function (navigation, fitness tracking) needs them; otherwise request it separately, explain it, and stop when the function ends.",
		FixZH:          "除导航、运动记录等核心功能确需外，删除ACCESS_BACKGROUND_LOCATION权限和定位类前台服务；确需时单独申请、说明目的，并在功能结束后停止定位。",
		Detects:        "The ACCESS_BACKGROUND_LOCATION permission, and services declared with foregroundServiceType containing location (one finding each).",
		FalsePositives: "Navigation and fitness apps may justify it; the finding then documents the need.",
	}, fn: func(e *env, r *Rule) []draft {
		var out []draft
		if p, ok := e.permission("android.permission.ACCESS_BACKGROUND_LOCATION"); ok {
			out = append(out, draft{
				Message:   "The app requests ACCESS_BACKGROUND_LOCATION: it can read the location while not in use.",
				MessageZH: "App申请了ACCESS_BACKGROUND_LOCATION权限，可在后台获取位置。",
				Evidence:  []Evidence{e.permEvidence(p)},
				Key:       []string{"perm:" + p.Name},
			})
		}
		for _, c := range e.facts().Components {
			if c.Type == "service" && strings.Contains(c.ForegroundServiceType, "location") {
				out = append(out, draft{
					Message:   "Service " + c.Name + " is a location foreground service: location keeps running while the app is in the background.",
					MessageZH: "服务" + c.Name + "为定位类前台服务，App在后台时仍可持续定位。",
					Evidence:  []Evidence{e.componentEvidence(c, `android:foregroundServiceType="`+c.ForegroundServiceType+`"`)},
					Owner:     e.owner(c.Name),
					Key:       []string{"service:" + c.Name},
				})
			}
		}
		return out
	}}
}
