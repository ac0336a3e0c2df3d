package checks

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/hegui-dev/hegui/sdkdb"
)

func newUX001() *ruleCheck {
	return &ruleCheck{rule: Rule{
		ID: "CNPI-UX-001", Title: "Self-start and associated start", TitleZH: "APP频繁自启动和关联启动",
		Severity: Medium,
		Clauses: []Clause{
			miit164("6", "APP频繁自启动和关联启动"),
			miit26("无合理场景不得自启动、关联启动其他应用"),
		},
		Rationale:   "MIIT item 164-6: apps must not start themselves (boot, unlock, network change, app installs) or wake other apps without a reasonable scenario and the user's knowledge; push SDKs' wake-up components are the usual cause.",
		RationaleZH: "工信部164号文第6项：无合理场景不得自启动（开机、解锁、网络变化、应用安装）或唤醒其他App；推送SDK的唤醒组件是常见原因。",
		Fix:         "Remove receivers for BOOT_COMPLETED, USER_PRESENT, CONNECTIVITY_CHANGE and PACKAGE_* unless a feature the user turned on needs them; disable push-SDK wake-up (关联启动) in the SDK console or remove those components with tools:node=\"remove\"; do not start other apps' components without a user action.",
		FixZH:       "除用户开启的功能确需外，删除开机、解锁、网络变化、应用安装等广播接收器；在推送SDK后台关闭“关联启动/拉活”或用 tools:node=\"remove\" 移除相关组件；不得在无用户操作时启动其他App的组件。",
		Detects: "Receivers listening for BOOT_COMPLETED, LOCKED_BOOT_COMPLETED, QUICKBOOT_POWERON, USER_PRESENT, CONNECTIVITY_CHANGE or PACKAGE_ADDED/REPLACED/REMOVED (one finding per receiver); " +
			"exported activities and services of push SDKs with intent filters (wake-up components such as JPush DActivity); and calls to PackageManager.getLaunchIntentForPackage (starting another app), one finding per owner.",
		FalsePositives: "A boot receiver that only reschedules alarms the user set (reminders) has a reasonable scenario; say so in the policy. Binding another app's service for a user-initiated login (Weibo SSO) is reported too.",
	}, fn: runUX001}
}

var wakeActions = []string{
	"android.intent.action.BOOT_COMPLETED", "android.intent.action.LOCKED_BOOT_COMPLETED", "android.intent.action.QUICKBOOT_POWERON",
	"android.intent.action.USER_PRESENT", "android.net.conn.CONNECTIVITY_CHANGE",
	"android.intent.action.PACKAGE_ADDED", "android.intent.action.PACKAGE_REPLACED", "android.intent.action.PACKAGE_REMOVED",
}

func runUX001(e *env, r *Rule) []draft {
	var out []draft
	for _, c := range e.facts().Components {
		if c.Type == "receiver" {
			var acts, full []string
			for _, f := range c.IntentFilters {
				for _, a := range f.Actions {
					for _, w := range wakeActions {
						if a == w {
							full = append(full, a)
							acts = append(acts, strings.TrimPrefix(strings.TrimPrefix(a, "android.intent.action."), "android.net.conn."))
						}
					}
				}
			}
			if len(acts) == 0 {
				continue
			}
			o := e.owner(c.Name)
			out = append(out, draft{
				Message:   fmt.Sprintf("Receiver %s (%s) starts the app on %s.", c.Name, e.ownerLabel(o, false), strings.Join(acts, ", ")),
				MessageZH: fmt.Sprintf("广播接收器%s（%s）在%s时自启动App。", c.Name, e.ownerLabel(o, true), strings.Join(acts, "、")),
				Evidence:  []Evidence{e.componentEvidence(c, "<action android:name=\""+strings.Join(full, "\"/> <action android:name=\"")+"\"/>")},
				Owner:     o,
				Key:       []string{"receiver:" + c.Name},
			})
			continue
		}
		if (c.Type == "activity" || c.Type == "service") && c.Exported && len(c.IntentFilters) > 0 {
			o := e.owner(c.Name)
			if h := e.hit(o); h != nil && h.Category == sdkdb.CatPush {
				out = append(out, draft{
					Message:   fmt.Sprintf("%s declares the exported %s %s with an intent filter: other apps of the same push SDK can wake this app through it (关联启动).", e.ownerLabel(o, false), c.Type, c.Name),
					MessageZH: fmt.Sprintf("%s声明了带intent-filter的导出%s %s，集成同一推送SDK的其他App可借此唤醒本App（关联启动）。", e.ownerLabel(o, true), componentZH(c.Type), c.Name),
					Evidence:  []Evidence{e.componentEvidence(c, exportedSnippet(c))},
					Owner:     o,
					Key:       []string{"wake:" + c.Name},
				})
			}
		}
	}
	out = append(out, e.wakeOtherServices()...)
	ix := e.code()
	byOwner := map[string][]useSite{}
	for _, u := range ix.users("android.content.pm.PackageManager", "getLaunchIntentForPackage") {
		m := ix.methods[u.Method]
		// Launching the app's own package (restart, notification tap) is not associated start.
		if callsAny(m, "android.content.Context", "getPackageName") || isUtility(m.Class) {
			continue
		}
		o := e.owner(m.Class)
		byOwner[o] = append(byOwner[o], u)
	}
	for _, o := range sortedKeys(byOwner) {
		var ev []Evidence
		var callers []string
		var ids []int
		for _, u := range byOwner[o] {
			ids = append(ids, u.Method)
			ev = append(ev, e.codeEvidence(u.Method, u.Line, "android.content.pm.PackageManager.getLaunchIntentForPackage"))
			callers = append(callers, ix.methods[u.Method].display())
		}
		if len(callers) > 3 {
			callers = callers[:3]
		}
		out = append(out, draft{
			Severity:  sev(Low),
			Message:   fmt.Sprintf("%s can start other apps (PackageManager.getLaunchIntentForPackage in %s).", e.ownerLabel(o, false), strings.Join(callers, ", ")),
			MessageZH: fmt.Sprintf("%s可启动其他App（%s中调用PackageManager.getLaunchIntentForPackage）。", e.ownerLabel(o, true), strings.Join(callers, "、")),
			Evidence:  ev,
			Owner:     o,
			Key:       []string{"launch-other:" + o},
			Classes:   e.ownClasses(ids...),
		})
	}
	return out
}

// componentZH names a manifest component type as Chinese Android documentation does.
func componentZH(typ string) string {
	switch typ {
	case "activity", "activity-alias":
		return "Activity"
	case "service":
		return "Service"
	case "receiver":
		return "广播接收器"
	case "provider":
		return "ContentProvider"
	}
	return typ
}

var (
	packageNameRe = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*){1,5}$`)
	classNameRe   = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+\.[A-Z][A-Za-z0-9_$]*$`)
)

// isPlatformPackage names system and platform-service packages an SDK binds to for
// IDs or login (Google Play services, HMS Core): not another app being woken.
func isPlatformPackage(p string) bool {
	for _, x := range []string{"android", "com.android", "java", "com.google.android.gms", "com.google.android.gsf", "com.android.vending", "com.google.android.wearable.app", "com.huawei.hwid", "com.huawei.hms"} {
		if p == x || strings.HasPrefix(p, x+".") {
			return true
		}
	}
	return false
}

// wakeOtherServices finds methods that start or bind a service of another package
// by an explicit component: they load another package's name, target it with
// Intent.setClassName/setPackage/setComponent or new ComponentName, and call
// startService/bindService/startForegroundService. One finding per owner.
func (e *env) wakeOtherServices() []draft {
	ix := e.code()
	self := e.facts().App.Package
	byOwner := map[string][]Evidence{}
	idsOf := map[string][]int{}
	pkgs := map[string]map[string]bool{}
	for id, m := range ix.methods {
		if isSourceMethod(m) {
			continue
		}
		explicit := callsAny(m, "android.content.Intent", "setClassName") || callsAny(m, "android.content.ComponentName", "<init>")
		starts := callsMember(m, "startService", "bindService", "startForegroundService")
		if !explicit || !starts {
			continue
		}
		var others []string
		for _, pkg := range m.Strings {
			if !packageNameRe.MatchString(pkg) || pkg == self || strings.HasPrefix(pkg, self+".") || isPlatformPackage(pkg) ||
				strings.HasPrefix(m.Class, pkg+".") {
				continue
			}
			// An explicit component names the package and a class: require the class.
			for _, cls := range m.Strings {
				if classNameRe.MatchString(cls) && !strings.HasPrefix(cls, self+".") && !strings.HasPrefix(cls, "android.") {
					others = append(others, pkg)
					break
				}
			}
		}
		if len(others) == 0 {
			continue
		}
		o := e.owner(m.Class)
		if pkgs[o] == nil {
			pkgs[o] = map[string]bool{}
		}
		for _, p := range others {
			pkgs[o][p] = true
		}
		byOwner[o] = append(byOwner[o], e.codeEvidenceZH(id, 0, "starts or binds a service of "+strings.Join(others, ", "), "启动或绑定"+strings.Join(others, "、")+"的服务"))
		idsOf[o] = append(idsOf[o], id)
	}
	var out []draft
	for _, o := range sortedKeys(byOwner) {
		list := sortedKeys(pkgs[o])
		if len(list) > 5 {
			list = list[:5]
		}
		out = append(out, draft{
			Message:   fmt.Sprintf("%s starts or binds services of other apps by explicit component (%s): associated start (关联启动).", e.ownerLabel(o, false), strings.Join(list, ", ")),
			MessageZH: fmt.Sprintf("%s通过显式组件启动或绑定其他App的服务（%s），属于关联启动。", e.ownerLabel(o, true), strings.Join(list, "、")),
			Evidence:  byOwner[o],
			Owner:     o,
			Key:       []string{"wake-other-services:" + o},
			Classes:   e.ownClasses(idsOf[o]...),
		})
	}
	return out
}
