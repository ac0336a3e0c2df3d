package checks

import (
	"net/url"
	"regexp"
	"sort"
	"strings"
)

func newPOL001() *ruleCheck {
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
		Detects: "Fires at high severity when the APK holds no policy text, no policy-like URL and no consent-dialog strings. " +
			"A policy-like URL names privacy (privacy, yinsi, yszc, 隐私), is a document named like a policy (policy.html), or names an agreement (agreement, protocol, xieyi) together with the user or a service (user_protocol, yonghuxieyi); " +
			"XML and XMPP namespaces (schemas.microsoft.com, jabber.org/protocol/…) and API endpoints (/api/, /openapi/…_conf, api.… hosts, .json) are not policies. " +
			"When only a URL or consent strings are found, the policy is probably hosted remotely: it fires at low severity and says which policy rules were not evaluated until the text is supplied with --policy. " +
			"It never fires once a policy document has been read, and only at info severity when the app shows no sign of processing PI (no privacy or INTERNET permission, no SDK, no sensitive API).",
		FalsePositives: "A policy fetched from a server at run time through an obfuscated or computed URL is invisible to static analysis; supply it with --policy.",
	}, fn: runPOL001}
}

type found struct{ value, path, kind string }

// policyURLRe is the first cut: a URL with a policy-ish word. isPolicyURL decides.
var policyURLRe = regexp.MustCompile(`(?i)^https?://[^\s"'<>]+(privacy|yinsi|yszc|agreement|protocol|policy|xieyi|隐私|协议)[^\s"'<>]*$`)

var (
	// privacyWordRe names privacy itself: enough on its own.
	privacyWordRe = regexp.MustCompile(`(?i)(privacy|yinsi|yszc|隐私|个人信息)`)
	// agreementWordRe names an agreement, which is only the policy's neighbour when
	// the URL also speaks of the user or a service (user_protocol, yonghuxieyi).
	agreementWordRe = regexp.MustCompile(`(?i)(agreement|protocol|xieyi|协议)`)
	userContextRe   = regexp.MustCompile(`(?i)(user|yonghu|用户|service|fuwu|服务|register|zhuce|注册)`)
	// policyFileRe is a document named like a policy: policy.html, privacy_policy.htm.
	policyFileRe = regexp.MustCompile(`(?i)^[a-z0-9_-]*polic(y|ies)[a-z0-9_-]*\.(html?|pdf|txt|md)$`)
	// apiSegmentRe marks endpoints rather than pages: /openapi/policy_conf, /cgi-bin/…
	apiSegmentRe = regexp.MustCompile(`(?i)^(api|apis|openapi|cgi-bin|rest|gateway|rpc|sdk|config|conf)$|_conf$|\.(json|do|action|jsp|aspx)$`)
	apiHostRe    = regexp.MustCompile(`(?i)^(api|apis|openapi|cgi|gw|gateway|rpc|log|report|stat|config)[0-9-]*\.`)
)

// xmppHosts publish XMPP namespaces (http://jabber.org/protocol/compress): identifiers,
// not documents.
var xmppHosts = []string{"jabber.org", "www.jabber.org", "xmpp.org", "www.xmpp.org"}

// isPolicyURL reports whether u looks like a hosted privacy policy or user agreement:
// a privacy word anywhere (or a document named policy.html), or an agreement word
// together with a user/service word; never an XML or XMPP namespace, nor an API
// endpoint (a path under /api/, /openapi/, a host named api.…, a .json or _conf
// resource) unless the last segment is an HTML page.
func isPolicyURL(u string) bool {
	if strings.HasPrefix(strings.ToLower(u), "www.") {
		u = "http://" + u
	}
	if !policyURLRe.MatchString(u) {
		return false
	}
	pu, err := url.Parse(u)
	if err != nil || pu.Host == "" {
		return false
	}
	host := strings.ToLower(pu.Hostname())
	for _, h := range append(append([]string(nil), schemaHosts...), xmppHosts...) {
		if host == h {
			return false
		}
	}
	segs := strings.Split(strings.Trim(pu.EscapedPath(), "/"), "/")
	if p, err := url.PathUnescape(pu.EscapedPath()); err == nil {
		segs = strings.Split(strings.Trim(p, "/"), "/")
	}
	last := strings.ToLower(segs[len(segs)-1])
	page := strings.HasSuffix(last, ".html") || strings.HasSuffix(last, ".htm")
	api := apiHostRe.MatchString(host)
	for _, s := range segs {
		if apiSegmentRe.MatchString(s) {
			api = true
		}
	}
	if api && !page {
		return false
	}
	rest := strings.ToLower(host + " " + strings.Join(segs, "/") + " " + pu.RawQuery + " " + pu.Fragment)
	if uq, err := url.QueryUnescape(pu.RawQuery); err == nil {
		rest += " " + uq
	}
	switch {
	case privacyWordRe.MatchString(rest):
		return true
	case policyFileRe.MatchString(last):
		return true
	case agreementWordRe.MatchString(rest) && userContextRe.MatchString(strings.Join(segs, "/")+" "+pu.RawQuery+" "+pu.Fragment):
		return true
	}
	return false
}

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
	urls = keepPolicyURLs(urls)
	if len(urls) == 0 {
		urls = e.policyURLsFallback()
	}
	var skipped []string
	for _, c := range All() {
		if c.Rule().NeedsPolicy && !e.in.disabled(c.Rule().ID) {
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
				Evidence:  []Evidence{e.noPolicyEvidence()},
				Key:       []string{"none"},
			}}
		}
		return []draft{{
			Message:   "No privacy policy was found: no policy text in assets or resources, no policy URL in code or resources, and no consent-dialog strings. Rules that read the policy were not evaluated: " + list + ".",
			MessageZH: "未发现隐私政策：assets和资源中没有隐私政策文本，代码和资源中没有隐私政策链接，也没有隐私政策同意弹窗文字。依赖隐私政策的规则未执行：" + list + "。",
			Evidence:  []Evidence{e.noPolicyEvidence()},
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
		if len(s) < 512 && isPolicyURL(s) {
			set[s] = found{s, "resources.arsc", "resource"}
		}
	}
	ix := e.code()
	for s, ids := range ix.strIndex {
		if len(s) < 512 && isPolicyURL(s) {
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

// keepPolicyURLs keeps the URLs isPolicyURL accepts: the policy reader's URL list is
// broader (it feeds `hegui policy`), POL-001 only trusts the privacy-specific ones.
func keepPolicyURLs(in []found) []found {
	var out []found
	for _, u := range in {
		if isPolicyURL(u.value) {
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
