package checks

import "strconv"

func newMIN008() *ruleCheck {
	return &ruleCheck{rule: Rule{
		ID: "CNPI-MIN-008", Title: "targetSdkVersion below 23 (install-time permissions)", TitleZH: "targetSdkVersion低于23（安装时一揽子授权）",
		Severity: Medium,
		Clauses: []Clause{
			tc260("§3", "targetSdkVersion应不低于23，以适用运行时权限"),
			rd("4.6", "要求用户一次性同意打开多个可收集个人信息的权限"),
		},
		Rationale:      "With targetSdkVersion < 23 Android grants every dangerous permission at install time: the user cannot refuse one permission or be asked at the point of use, which the TC260 guide and MIIT testing treat as bundled, forced consent.",
		RationaleZH:    "targetSdkVersion低于23时，Android在安装时一次性授予全部危险权限，用户无法单独拒绝或在使用时授权，TC260指南和工信部检测视为一揽子、强制授权。",
		Fix:            "Raise targetSdkVersion to a current level (app stores in China require 30 or more) and request dangerous permissions at run time, at the point of use.",
		FixZH:          "将targetSdkVersion提升到当前水平（国内应用商店要求不低于30），并在使用功能时动态申请危险权限。",
		Detects:        "Reads uses-sdk targetSdkVersion (minSdkVersion when the target is absent, as Android does) and fires below 23. Nothing is reported when neither is known.",
		FalsePositives: "None known; a build with an unknown SDK level is not reported.",
	}, fn: func(e *env, r *Rule) []draft {
		a := e.facts().App
		t := a.TargetSDK
		attr, what, whatZH := "targetSdkVersion", "targetSdkVersion", "targetSdkVersion"
		if t == 0 {
			t, attr = a.MinSDK, "minSdkVersion"
			what, whatZH = "minSdkVersion, no targetSdkVersion", "minSdkVersion，未声明targetSdkVersion"
		}
		if t == 0 || t >= 23 {
			return nil
		}
		return []draft{{
			Message:   "The app targets API level " + strconv.Itoa(t) + " (" + what + "): all dangerous permissions are granted at install time without a run-time request.",
			MessageZH: "App的目标API级别为" + strconv.Itoa(t) + "（" + whatZH + "），全部危险权限在安装时一次性授予，无运行时申请。",
			Evidence:  []Evidence{{Kind: "manifest", Path: e.manifestPath(), Line: a.Location.Line, Locator: "uses-sdk", Snippet: attr + "=" + strconv.Itoa(t)}},
			Key:       []string{"target-sdk-below-23"},
		}}
	}}
}
