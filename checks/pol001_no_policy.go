package checks

import (
	"regexp"
	"sort"
	"strings"
)

func newPOL001() Check {
	return &ruleCheck{rule: Rule{
		ID: "CNPI-POL-001", Title: "No privacy policy", TitleZH: "无隐私政策或无收集使用规则",
		Severity: High,
		Clauses: []Clause{
			rd("1.1", "在App中没有隐私政策，或者隐私政策中没有收集使用个人信息规则"),
			cverc("CV-01", "无隐私政策"),
			pipl("第17条", "处理前告知处理者名称、目的、方式、种类、保存期限、行权方式"),
			gb35273("§5.5", "个人信息保护政策"),
		},
		Rationale:   "An app that processes personal information must publish its collection and use rules; CVERC and MIIT list apps without any policy first.",
		RationaleZH: "处理个人信息的App必须公开收集使用规则；没有隐私政策是CVERC和工信部通报的首要问题。",
		Fix:         "Bundle the privacy policy (assets/ or res/raw) or link it from a first-run consent dialog, and pass the hosted policy to hegui with --policy so the policy rules can run.",
		FixZH:       "在App内置隐私政策（assets或res/raw），或在首次运行的同意弹窗中提供隐私政策链接；扫描时用 --policy 提供线上隐私政策全文，以便检查其内容。",
		Detects: "Fires at high severity when the APK holds no policy text, no policy-like URL (privacy, yinsi, agreement, protocol, policy) and no consent-dialog strings. " +
			"When only a URL or consent strings are found, the policy is probably hosted remotely: it fires at low severity and says which policy rules were not evaluated until the text is supplied with --policy. " +
			"It never fires once a policy document has been read, and only at info severity when the app shows no sign of processing PI (no privacy or INTERNET permission, no SDK, no sensitive API).",
		FalsePositives: "A policy fetched from a server at run time through an obfuscated or computed URL is invisible to static analysis; supply it with --policy.",
	}, fn: runPOL001}
}

type found struct{ value, path, kind string }

var policyURLRe = regexp.MustCompile(`(?i)^https?://[^\s"'<>]+(privacy|yinsi|agreement|protocol|policy|xieyi|license)[^\s"'<>]*$`)

func runPOL001(e *env, r *Rule) []draft {
	if e.hasPolicy() {
		return nil
	}
	var urls, dialog []found
	if p := e.in.Policy; p != nil {
		for _, u := range p.URLs {
			urls = append(urls, found{u.Value, u.Path, kindOfPath(u.Path)})
		}
		for _, d := range p.ConsentDialog {
			dialog = append(dialog, found{d.Value, d.Path, kindOfPath(d.Path)})
		}
	}
	urls = dropSchemaURLs(urls)
	if len(urls) == 0 {
		urls = dropSchemaURLs(e.policyURLsFallback())
	}
	var skipped []string
	for _, c := range All() {
		if c.Rule().NeedsPolicy {
			skipped = append(skipped, c.Rule().ID)
		}
	}
	list := strings.Join(skipped, ", ")
	if len(urls) == 0 && len(dialog) == 0 {
		if !e.mayProcessPI() {
			return []draft{{
				Severity:  sev(Info),
				Message:   "No privacy policy was found, but the app shows no sign of processing personal information (no privacy permission, no INTERNET permission, no SDK, no sensitive API): a policy is only required once it does.",
				MessageZH: "未发现隐私政策，但App未显示处理个人信息的迹象（无隐私权限、无网络权限、无第三方SDK、无敏感接口调用）；处理个人信息时才须提供隐私政策。",
				Evidence:  []Evidence{{Kind: "manifest", Path: e.manifestPath(), Line: e.facts().App.Location.Line, Locator: e.facts().App.Package, Snippet: e.noPolicySnippet()}},
				Key:       []string{"none"},
			}}
		}
		return []draft{{
			Message:   "No privacy policy was found: no policy text in assets or resources, no policy URL in code or resources, and no consent-dialog strings. Rules that read the policy were not evaluated: " + list + ".",
			MessageZH: "未发现隐私政策：assets和资源中没有隐私政策文本，代码和资源中没有隐私政策链接，也没有隐私政策同意弹窗文字。依赖隐私政策的规则未执行：" + list + "。",
			Evidence:  []Evidence{{Kind: "manifest", Path: e.manifestPath(), Line: e.facts().App.Location.Line, Locator: e.facts().App.Package, Snippet: e.noPolicySnippet()}},
			Key:       []string{"none"},
		}}
	}
	var ev []Evidence
	for _, u := range append(urls, dialog...) {
		if u.kind == "resource" {
			ev = append(ev, e.resourceEvidence(u.value, u.path))
			continue
		}
		ev = append(ev, Evidence{Kind: u.kind, Path: u.path, Snippet: u.value})
	}
	what, whatZH := "consent-dialog strings", "隐私政策同意弹窗文字"
	if len(urls) > 0 {
		what, whatZH = "a policy URL ("+urls[0].value+")", "隐私政策链接（"+urls[0].value+"）"
	}
	return []draft{{
		Severity:  sev(Low),
		Message:   "No policy text is bundled, but the app has " + what + ": the policy is probably hosted remotely. Save it and pass it with --policy FILE; until then these rules were not evaluated: " + list + ".",
		MessageZH: "App未内置隐私政策文本，但存在" + whatZH + "，隐私政策可能在线托管。请保存后用 --policy FILE 提供；在此之前以下规则未执行：" + list + "。",
		Evidence:  ev,
		Key:       []string{"remote"},
	}}
}

// policyURLsFallback looks for policy-like URLs in DEX and resource strings when the
// policy stage reported none.
func (e *env) policyURLsFallback() []found {
	set := map[string]found{}
	for _, s := range e.appStrings() {
		if len(s) < 512 && policyURLRe.MatchString(s) {
			set[s] = found{s, "resources.arsc", "resource"}
		}
	}
	ix := e.code()
	for s, ids := range ix.strIndex {
		if len(s) < 512 && policyURLRe.MatchString(s) {
			if _, ok := set[s]; !ok {
				set[s] = found{s, ix.methods[ids[0]].Path, kindOfPath(ix.methods[ids[0]].Path)}
			}
		}
	}
	var out []found
	for _, k := range sortedKeys(set) {
		out = append(out, set[k])
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].value < out[b].value })
	if len(out) > 5 {
		out = out[:5]
	}
	return out
}

// schemaHosts publish XML namespaces and protocol identifiers, not policies
// (http://schemas.microsoft.com/DRM/2007/03/protocols/AcquireLicense in ExoPlayer).
var schemaHosts = []string{"schemas.microsoft.com", "schemas.android.com", "www.w3.org", "ns.adobe.com", "schemas.xmlsoap.org", "xmlns.com", "purl.org"}

func dropSchemaURLs(in []found) []found {
	var out []found
	for _, u := range in {
		drop := false
		for _, h := range schemaHosts {
			if strings.Contains(u.value, "://"+h+"/") {
				drop = true
			}
		}
		if !drop {
			out = append(out, u)
		}
	}
	return out
}

// mayProcessPI reports whether anything in the app can reach personal information
// or send data off the device.
func (e *env) mayProcessPI() bool {
	for _, p := range e.facts().App.Permissions {
		if _, ok := lookupPrivacyPermission(p.Name); ok || p.Name == "android.permission.INTERNET" {
			return true
		}
	}
	if len(e.sdks()) > 0 {
		return true
	}
	return len(e.findAPIs(func(s *apiSpec) bool { return s.PI != "" })) > 0
}

// kindOfPath names the evidence kind of an APK entry or source file.
func kindOfPath(p string) string {
	switch {
	case strings.HasSuffix(p, ".dex"):
		return "dex"
	case strings.HasPrefix(p, "resources.arsc"), strings.HasPrefix(p, "res/"), strings.Contains(p, "/res/"):
		return "resource"
	case strings.HasPrefix(p, "assets/"):
		return "asset"
	case strings.HasSuffix(p, ".java"), strings.HasSuffix(p, ".kt"):
		return "source"
	}
	return "resource"
}
