package checks

import "fmt"

func newMIN001() *ruleCheck {
	return &ruleCheck{rule: Rule{
		ID: "CNPI-MIN-001", Title: "Permissions unrelated to the app's function", TitleZH: "收集与业务功能无关的个人信息或权限",
		Severity: Medium,
		Clauses: []Clause{
			rd("4.1", "收集的个人信息类型或打开的可收集个人信息权限与现有业务功能无关"),
			miit337("2/7", "超范围收集个人信息 / 过度索取权限"),
			miit164("2", "超范围收集个人信息"),
			necessaryPI("第4-5条", "常见类型App必要个人信息范围"),
			tc260("§3", "最小必要：与业务功能无关的权限不应在清单中声明"),
			gb41391("§6.1、附录E", "最小必要收集；与常见服务类型相关程度较低的权限"),
		},
		Rationale:   "A permission that the app type's basic function does not need, or that no code uses, is over-collection (超范围收集/过度索取权限): the 2021 necessary-PI rules say most of the 39 common app types need no dangerous permission at all for their basic function.",
		RationaleZH: "App类型基本功能不需要的权限、或无任何代码使用的权限，属于超范围收集/过度索取权限；《常见类型移动互联网应用程序必要个人信息范围规定》中39类App的基本功能大多不需要任何危险权限。",
		Fix:         "Remove permissions that no feature needs (including ones merged from SDK manifests, with tools:node=\"remove\"); request the others only when the user starts the feature that needs them, and keep refusing from blocking the basic function.",
		FixZH:       "删除没有功能需要的权限（包括SDK合并进来的权限，可用 tools:node=\"remove\"）；其余权限在用户使用相关功能时再申请，拒绝后不得影响基本功能。",
		Detects: "Two checks. With --app-type (one of the 39 keys, see `hegui rules explain CNPI-MIN-001`), every requested privacy permission outside the type's baseline and its common extended functions is reported. " +
			"Independently, for APKs whose code was read completely (no packer, no hidden DEX, no parse errors), a privacy permission whose gating APIs (§9: phone state, location, contacts, call log, SMS, calendar, accounts, camera, microphone) are referenced nowhere in the code is reported as declared but unused.",
		FalsePositives: "Permissions used only through WebView (geolocation, getUserMedia), through another process or native code look unused. The type tables are hegui's derivation of the rules, not an official list.",
	}, fn: runMIN001}
}

func runMIN001(e *env, r *Rule) []draft {
	var out []draft
	if t, ok := LookupAppType(e.in.AppType); ok {
		allowed := map[string]bool{}
		for _, p := range append(append([]string(nil), t.Baseline...), t.Functional...) {
			allowed[p] = true
		}
		for _, p := range e.facts().App.Permissions {
			pp, isPriv := lookupPrivacyPermission(p.Name)
			if !isPriv || allowed[p.Name] {
				continue
			}
			cat := piCategoryByKey(pp.PI)
			out = append(out, draft{
				Message: fmt.Sprintf("%s (%s) is not needed by the basic function of a %s app (type %d of the necessary-PI rules, key %s).",
					shortPerm(p.Name), cat.Name, t.Name, t.No, t.Key),
				MessageZH: fmt.Sprintf("%s（%s）不是%s类App（必要个人信息范围规定第%d类）基本功能所需的权限。", shortPerm(p.Name), cat.NameZH, t.NameZH, t.No),
				Evidence:  []Evidence{e.permEvidence(p)},
				Key:       []string{"type-unrelated", "perm:" + p.Name},
			})
		}
	}
	if e.in.Facts != nil && e.in.Facts.Code == nil && e.codeComplete() {
		for _, p := range e.facts().App.Permissions {
			if _, priv := lookupPrivacyPermission(p.Name); !priv {
				continue
			}
			specs := apisNeeding(p.Name)
			if len(specs) == 0 {
				continue
			}
			want := map[*apiSpec]bool{}
			for _, s := range specs {
				want[s] = true
			}
			if len(e.findAPIsRaw(func(s *apiSpec) bool { return want[s] || sameKey(s, specs) })) > 0 {
				continue
			}
			out = append(out, draft{
				Severity:  sev(Low),
				Message:   "The app requests " + shortPerm(p.Name) + " but no code in the APK calls an API that needs it: the permission looks declared but unused.",
				MessageZH: "App申请了" + shortPerm(p.Name) + "权限，但APK中没有代码调用需要该权限的接口，疑似声明但未使用。",
				Evidence:  []Evidence{e.permEvidence(p)},
				Key:       []string{"unused", "perm:" + p.Name},
			})
		}
	}
	return out
}

// sameKey also accepts reflection hits of the same API key.
func sameKey(s *apiSpec, specs []*apiSpec) bool {
	for _, x := range specs {
		if x.Key == s.Key {
			return true
		}
	}
	return false
}

// codeComplete reports whether every byte of code was read, so absence means absence.
func (e *env) codeComplete() bool {
	ix := e.code()
	if ix.empty() || !ix.complete {
		return false
	}
	if e.in.SDKs != nil && len(e.in.SDKs.Packers) > 0 {
		return false
	}
	return true
}
