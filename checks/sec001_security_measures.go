package checks

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/hegui-dev/hegui/analyzer"
)

func newSEC001() *ruleCheck {
	return &ruleCheck{rule: Rule{
		ID: "CNPI-SEC-001", Title: "Missing security measures (cleartext, trust-all TLS, debuggable, backup, exported components)", TitleZH: "未采取加密等必要安全措施",
		Severity: High,
		Clauses: []Clause{
			pipl("第51条", "采取加密、去标识化等安全技术措施"),
			cverc("CV-14", "未采取相应的加密、去标识化等安全技术措施"),
			gb35273("§6.3", "个人敏感信息的传输和存储应采用加密等安全措施"),
		},
		Rationale:   "PIPL 51 requires encryption and other technical measures; cleartext HTTP, TLS that trusts any certificate, debuggable builds, unrestricted backups and unprotected exported components expose the PI the app collects.",
		RationaleZH: "个人信息保护法第五十一条要求采取加密等安全技术措施；明文HTTP、信任任意证书的TLS、可调试版本、不受限的备份以及无权限保护的导出组件都会使收集的个人信息暴露。",
		Fix:         "Set usesCleartextTraffic=false (or a network security config without cleartext), validate certificates and host names (never an empty checkServerTrusted, never SslErrorHandler.proceed), ship release builds with debuggable=false, set allowBackup=false or backup rules that exclude PI, and protect exported components with a permission or exported=false.",
		FixZH:       "设置usesCleartextTraffic=false（或网络安全配置禁止明文）；校验证书和主机名（不得使用空的checkServerTrusted，不得调用SslErrorHandler.proceed）；发布版debuggable=false；allowBackup=false或配置排除个人信息的备份规则；导出组件设置权限或exported=false。",
		Detects: "Manifest: android:debuggable=true (high), android:usesCleartextTraffic=true or a network security config whose base config permits cleartext (medium), trust in user-added CAs (low), android:allowBackup=true set explicitly (low), " +
			"exported components without a permission, grouped by type and owner (SDK components are attributed to the SDK): providers (medium), services (low), receivers (low) unless every action they listen for is a system-only protected broadcast (AOSP <protected-broadcast>, e.g. BOOT_COMPLETED), and activities (low) that carry an intent-filter with an app-specific action, or exported=\"true\" without filters, but are neither the launcher, a browsable deep link, an entry for public platform actions (MAIN, VIEW, SEND, PICK, SEARCH…) nor an SDK callback entry such as WXEntryActivity. App widgets' APPWIDGET_UPDATE is not reported. DEX: classes implementing X509TrustManager whose checkServerTrusted calls nothing and touches no field (an empty body: high); " +
			"WebViewClient.onReceivedSslError overrides that call SslErrorHandler.proceed (high); references to ALLOW_ALL_HOSTNAME_VERIFIER or construction of AllowAllHostnameVerifier/NoopHostnameVerifier (medium). Each code finding names the class and its owner.",
		FalsePositives: "Trust managers used only for pinned, internal test endpoints, and exported components that only accept harmless intents (a share target, a push SDK's receiver that validates its sender in code), are still reported; vendor broadcasts that are protected only on their own ROMs count as unprotected. allowBackup absent (Android's default true) is not reported.",
	}, fn: runSEC001}
}

func runSEC001(e *env, r *Rule) []draft {
	var out []draft
	a := e.facts().App
	man := func(attr, snip string) []Evidence {
		return []Evidence{e.appAttrEvidence(attr, snip)}
	}
	if a.Debuggable != nil && *a.Debuggable {
		out = append(out, draft{Severity: sev(High),
			Message:   "The build is debuggable: anyone with the device can attach a debugger and read the app's data and memory.",
			MessageZH: "App为可调试版本（debuggable=true），任何人可附加调试器读取应用数据和内存。",
			Evidence:  man("android:debuggable", `android:debuggable="true"`), Key: []string{"debuggable"}})
	}
	if a.UsesCleartext != nil && *a.UsesCleartext {
		out = append(out, draft{Severity: sev(Medium),
			Message:   "usesCleartextTraffic=true: the app may send personal information over unencrypted HTTP.",
			MessageZH: "usesCleartextTraffic=true：App可能通过未加密的HTTP传输个人信息。",
			Evidence:  man("android:usesCleartextTraffic", `android:usesCleartextTraffic="true"`), Key: []string{"cleartext"}})
	} else if n := e.facts().Network; n != nil && n.CleartextPermitted && a.NetworkSecConfig != "" {
		out = append(out, draft{Severity: sev(Medium),
			Message:   "The network security config " + n.Path + " permits cleartext traffic in its base config.",
			MessageZH: "网络安全配置" + n.Path + "的base-config允许明文流量。",
			Evidence: []Evidence{{Kind: "resource", Path: n.Path, Locator: "base-config", Snippet: `cleartextTrafficPermitted="true"`},
				e.appAttrEvidence("android:networkSecurityConfig", `android:networkSecurityConfig="`+a.NetworkSecConfig+`"`)},
			Key: []string{"cleartext"}})
	}
	if n := e.facts().Network; n != nil && n.TrustsUserCAs && !n.DebugOverrides {
		out = append(out, draft{Severity: sev(Low),
			Message:   "The network security config " + n.Path + " trusts user-installed CAs, which lets a proxy read TLS traffic.",
			MessageZH: "网络安全配置" + n.Path + "信任用户安装的CA证书，代理可解密TLS流量。",
			Evidence:  []Evidence{{Kind: "resource", Path: n.Path, Locator: "trust-anchors", Snippet: `<certificates src="user"/>`}}, Key: []string{"user-ca"}})
	}
	if a.AllowBackup != nil && *a.AllowBackup {
		out = append(out, draft{Severity: sev(Low),
			Message:   "allowBackup=true: app data, including stored personal information, can be extracted with adb backup or cloud backup.",
			MessageZH: "allowBackup=true：应用数据（包括存储的个人信息）可通过adb备份或云备份导出。",
			Evidence:  man("android:allowBackup", `android:allowBackup="true"`), Key: []string{"allow-backup"}})
	}
	out = append(out, e.exportedComponents()...)
	out = append(out, e.tlsFindings()...)
	return out
}

// exportedSeverity: providers hand out data, services and receivers run code on
// another app's request, activities only show a screen.
var exportedSeverity = map[string]Severity{"provider": Medium, "service": Low, "receiver": Low, "activity": Low}

func (e *env) exportedComponents() []draft {
	type grp struct {
		names []string
		ev    []Evidence
	}
	groups := map[string]*grp{}
	for _, c := range e.facts().Components {
		if !c.Exported || c.Permission != "" || !c.Enabled || !exposedComponent(c) {
			continue
		}
		typ := c.Type
		if typ == "activity-alias" {
			typ = "activity"
		}
		k := typ + "\x00" + e.owner(c.Name)
		if groups[k] == nil {
			groups[k] = &grp{}
		}
		groups[k].names = append(groups[k].names, c.Name)
		groups[k].ev = append(groups[k].ev, e.componentEvidence(c, exportedSnippet(c)))
	}
	var out []draft
	for _, k := range sortedKeys(groups) {
		g := groups[k]
		parts := strings.SplitN(k, "\x00", 2)
		typ, owner := parts[0], parts[1]
		var own []string
		if owner == "app" || owner == "" {
			own = g.names // a newly exported component of the app is a new finding
		}
		out = append(out, draft{Severity: sev(exportedSeverity[typ]), Classes: own,
			Message:   fmt.Sprintf("%d exported %s(s) of %s have no permission: %s.", len(g.names), typ, e.ownerLabel(owner, false), strings.Join(g.names, ", ")),
			MessageZH: fmt.Sprintf("%s有%d个导出的%s未设置权限保护：%s。", e.ownerLabel(owner, true), len(g.names), componentZH(typ), strings.Join(g.names, "、")),
			Evidence:  g.ev, Owner: owner, Key: []string{"exported:" + typ, "owner:" + owner}})
	}
	return out
}

// exposedComponent reports whether an exported component without a permission is
// reachable by other apps in a way worth reporting. Providers and services always
// are. Receivers are not when every action they listen for is a protected broadcast
// only the system can send (BOOT_COMPLETED, PACKAGE_ADDED…). Activities are not when
// they are the launcher entry, a browsable deep link (meant to be opened by any app
// or page), accept only public platform actions (VIEW, SEND, PICK…), or are a
// callback entry an SDK requires to be exported (WeChat's
// WXEntryActivity, Alipay's ShareEntryActivity…).
func exposedComponent(c analyzer.Component) bool {
	switch c.Type {
	case "provider", "service":
		return true
	case "receiver":
		if len(c.IntentFilters) == 0 {
			return true // exported="true" without filters: any app may address it
		}
		for _, f := range c.IntentFilters {
			for _, a := range f.Actions {
				// Every app widget must receive APPWIDGET_UPDATE from the launcher.
				if !protectedBroadcasts[a] && a != "android.appwidget.action.APPWIDGET_UPDATE" {
					return true
				}
			}
		}
		return false
	case "activity", "activity-alias":
		if isSDKCallbackActivity(c.Name) {
			return false
		}
		for _, f := range c.IntentFilters {
			for _, cat := range f.Categories {
				if cat == "android.intent.category.LAUNCHER" || cat == "android.intent.category.BROWSABLE" || cat == "android.intent.category.LEANBACK_LAUNCHER" {
					return false
				}
			}
		}
		if len(c.IntentFilters) == 0 {
			return c.ExportedExplicit
		}
		for _, f := range c.IntentFilters {
			for _, a := range f.Actions {
				if !publicActivityActions[a] {
					return true
				}
			}
		}
		return false // only MAIN, VIEW, SEND…: an entry meant for other apps
	}
	return false
}

// publicActivityActions are the platform's actions for handing work to another app
// (open, share, pick, search): an activity that only accepts them is a public entry
// by design, like the launcher.
var publicActivityActions = map[string]bool{
	"android.intent.action.MAIN": true, "android.intent.action.VIEW": true, "android.intent.action.SEND": true,
	"android.intent.action.SEND_MULTIPLE": true, "android.intent.action.SENDTO": true, "android.intent.action.PICK": true,
	"android.intent.action.GET_CONTENT": true, "android.intent.action.SEARCH": true, "android.intent.action.EDIT": true,
	"android.intent.action.INSERT": true, "android.intent.action.DIAL": true, "android.intent.action.PROCESS_TEXT": true,
	"android.intent.action.OPEN_DOCUMENT": true, "android.intent.action.CREATE_DOCUMENT": true,
	"android.media.action.IMAGE_CAPTURE": true, "android.service.wallpaper.LIVE_WALLPAPER_CHOOSER": true,
	"android.intent.action.APPLICATION_PREFERENCES": true, "android.intent.action.MANAGE_NETWORK_USAGE": true,
}

// sdkCallbackActivities are activities an SDK's documentation requires the app to
// declare exported under its own package, so the SDK's app can call back into it.
var sdkCallbackActivities = []string{
	".wxapi.WXEntryActivity", ".wxapi.WXPayEntryActivity", ".apshare.ShareEntryActivity",
	".yxapi.YXEntryActivity", ".ddshare.DDShareActivity",
}

func isSDKCallbackActivity(name string) bool {
	for _, s := range sdkCallbackActivities {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return false
}

// exportedSnippet is the component's start tag as the manifest declares it, with
// the actions of its intent filters: android:exported appears only when the
// manifest sets it, so an export implied by an intent-filter (targetSdk < 31) shows
// as the filter that implies it.
func exportedSnippet(c analyzer.Component) string {
	s := componentTag(c)
	var actions []string
	for _, f := range c.IntentFilters {
		actions = append(actions, f.Actions...)
	}
	if len(actions) == 0 {
		return s
	}
	s += "<intent-filter>"
	for i, a := range actions {
		if i == 3 {
			return s + "…"
		}
		s += `<action android:name="` + a + `"/>`
	}
	return s
}

// componentTag is a component's start tag with the attributes the manifest sets.
func componentTag(c analyzer.Component) string {
	s := `<` + c.Type + ` android:name="` + c.Name + `"`
	if c.ExportedExplicit {
		s += ` android:exported="` + strconv.FormatBool(c.Exported) + `"`
	}
	return s + ">"
}

func (e *env) tlsFindings() []draft {
	ix := e.code()
	var out []draft
	seen := map[string]bool{}
	for id, m := range ix.methods {
		switch {
		case m.Name == "checkServerTrusted" && !m.NoCode && len(m.Calls) == 0 && len(m.Fields) == 0 && !strings.HasSuffix(m.Path, ".java") && !strings.HasSuffix(m.Path, ".kt") &&
			ix.isSubclass(m.Class, "javax.net.ssl.X509TrustManager", "javax.net.ssl.X509ExtendedTrustManager"):
			if seen["tm"+m.Class] {
				continue
			}
			seen["tm"+m.Class] = true
			o := e.owner(m.Class)
			out = append(out, draft{Severity: sev(High),
				Message:   fmt.Sprintf("%s implements X509TrustManager with an empty checkServerTrusted in %s: any certificate is accepted, so TLS can be intercepted.", m.Class, e.ownerLabel(o, false)),
				MessageZH: fmt.Sprintf("%s（%s）实现的X509TrustManager的checkServerTrusted为空，接受任意证书，TLS可被中间人截获。", m.Class, e.ownerLabel(o, true)),
				Evidence:  []Evidence{e.codeEvidenceZH(id, m.Line, "empty checkServerTrusted", "checkServerTrusted方法体为空")}, Owner: o,
				Key: []string{"trust-all:" + m.Class}})
		case m.Name == "onReceivedSslError" && callsAny(m, "android.webkit.SslErrorHandler", "proceed"):
			o := e.owner(m.Class)
			out = append(out, draft{Severity: sev(High),
				Message:   fmt.Sprintf("%s.onReceivedSslError calls SslErrorHandler.proceed() in %s: the WebView loads pages with invalid certificates.", m.Class, e.ownerLabel(o, false)),
				MessageZH: fmt.Sprintf("%s.onReceivedSslError（%s）调用SslErrorHandler.proceed()，WebView忽略证书错误继续加载。", m.Class, e.ownerLabel(o, true)),
				Evidence:  []Evidence{e.codeEvidence(id, m.Line, "android.webkit.SslErrorHandler.proceed")}, Owner: o,
				Key: []string{"ssl-proceed:" + m.Class}})
		}
	}
	for _, target := range []struct{ class, member string }{
		{"org.apache.http.conn.ssl.SSLSocketFactory", "ALLOW_ALL_HOSTNAME_VERIFIER"},
		{"org.apache.http.conn.ssl.AllowAllHostnameVerifier", "<init>"},
		{"org.apache.http.conn.ssl.NoopHostnameVerifier", "<init>"},
	} {
		for _, u := range ix.users(target.class, target.member) {
			m := ix.methods[u.Method]
			if seen["hv"+m.display()] {
				continue
			}
			seen["hv"+m.display()] = true
			o := e.owner(m.Class)
			out = append(out, draft{Severity: sev(Medium),
				Message:   fmt.Sprintf("%s uses a host-name verifier that accepts every host (%s.%s) in %s.", m.display(), target.class, target.member, e.ownerLabel(o, false)),
				MessageZH: fmt.Sprintf("%s（%s）使用接受任意主机名的校验器（%s.%s）。", m.display(), e.ownerLabel(o, true), target.class, target.member),
				Evidence:  []Evidence{e.codeEvidence(u.Method, u.Line, target.class+"."+target.member)}, Owner: o,
				Key: []string{"allow-all-hosts:" + m.display()}})
		}
	}
	return out
}
