package checks

import (
	"strconv"
	"strings"

	"github.com/hegui-dev/hegui/policy"
	"github.com/hegui-dev/hegui/sdkdb"
)

func newPOL011() *ruleCheck {
	return &ruleCheck{rule: Rule{
		ID: "CNPI-POL-011", Title: "Embedded SDK not disclosed", TitleZH: "SDK信息公示不到位",
		Severity: High, NeedsPolicy: true,
		Clauses: []Clause{
			miitLabel("SDK信息公示不到位"),
			rd("2.1", "未逐一列出App（包括委托的第三方或嵌入的第三方代码、插件）收集使用个人信息的目的、方式、范围"),
			cverc("CV-04", "未逐一列出嵌入的第三方代码、插件收集使用个人信息的情况"),
			gb35273("§9.7", "第三方接入管理"),
			gb41391("§6.6", "第三方收集管理"),
		},
		Rationale:   "MIIT notices list 'SDK信息公示不到位' on its own: every third-party SDK in the app must be named in the policy or its SDK list, with its vendor, purpose and the PI it collects.",
		RationaleZH: "工信部通报将“SDK信息公示不到位”单独列出：App内每个第三方SDK都应在隐私政策或第三方SDK目录中列明名称、公司、目的和收集的个人信息。",
		Fix:         "Add each SDK of the finding to the third-party SDK list: SDK name, vendor (full legal name), purpose, PI types collected, and a link to the vendor's privacy policy — or remove the SDK.",
		FixZH:       "将发现中的每个SDK加入第三方SDK目录：SDK名称、第三方公司全称、使用目的、收集的个人信息类型及其隐私政策链接；或移除该SDK。",
		Detects: "Every SDK the detector found (except low-confidence hits and pure frameworks) is compared with the SDKs the policy mentions: by SDK ID, product name, alias, or the vendor's name appearing in a mention. " +
			"An SDK with no mention is one finding.",
		FalsePositives: "A mention the policy reader could not tie to one product counts for every SDK of the vendor it names; SDK code that is bundled but never called is still an embedded SDK and is reported.",
	}, fn: runPOL011}
}

func runPOL011(e *env, r *Rule) []draft {
	var out []draft
	for _, h := range e.sdks() {
		if h.Confidence == "low" || h.Category == sdkdb.CatFramework {
			continue
		}
		if _, ok := policyMentions(e.in.Policy, &h); ok {
			continue
		}
		ev := e.sdkEvidence(h)
		ev = append(ev, e.policyDocEvidence())
		vendor := h.Vendor
		out = append(out, draft{
			Message:   "The app embeds " + sdkName(h, false) + " by " + vendorName(h, false) + ", but the privacy policy and SDK list do not mention it.",
			MessageZH: "App嵌入了" + sdkName(h, true) + "（" + vendor + "），但隐私政策及第三方SDK目录未提及该SDK。",
			Evidence:  ev,
			Owner:     h.ID,
			Key:       []string{"sdk:" + h.ID},
		})
	}
	return out
}

// policyMentions finds the policy's mention of a detected SDK: same ID, or a name,
// alias or vendor of the SDK appearing in what the mention matched.
func policyMentions(p *policy.Facts, h *sdkdb.Hit) (*policy.SDKMention, bool) {
	if p == nil {
		return nil, false
	}
	for i := range p.SDKs {
		if p.SDKs[i].ID == h.ID {
			return &p.SDKs[i], true
		}
	}
	names := []string{h.Name, h.NameZH}
	if h.Entry != nil {
		names = append(names, h.Entry.Aliases...)
		names = append(names, h.Entry.NameZH)
	}
	// A mention the policy reader could not tie to one product (ID "") counts when
	// it names this SDK or its vendor: "我们接入了深圳市和讯华谷信息技术有限公司提供的推送服务".
	// Mentions tied to another product never count, even when they share a vendor.
	vendors := vendorNames(h)
	for i := range p.SDKs {
		m := &p.SDKs[i]
		if m.ID != "" {
			continue
		}
		text := strings.ToLower(m.Matched + " " + m.Name)
		for _, n := range append(names, vendors...) {
			if len([]rune(n)) >= 2 && strings.Contains(text, strings.ToLower(n)) {
				return m, true
			}
		}
	}
	return nil, false
}

// vendorNames returns the legal-entity names of an SDK's vendor: the text in
// parentheses of "Tencent (深圳市腾讯计算机系统有限公司)" and the whole string.
func vendorNames(h *sdkdb.Hit) []string {
	var out []string
	for _, v := range []string{h.Vendor} {
		if v == "" {
			continue
		}
		if i := strings.IndexAny(v, "(（"); i >= 0 {
			inner := strings.TrimRight(v[i:], ")）")
			inner = strings.TrimLeft(inner, "(（")
			if strings.Contains(inner, "公司") {
				out = append(out, inner)
			}
		} else if strings.Contains(v, "公司") {
			out = append(out, v)
		}
	}
	return out
}

// vendorName is the vendor's legal name in Chinese messages and its English name,
// when sdkdb has one, in English messages.
func vendorName(h sdkdb.Hit, zh bool) string {
	if !zh && h.Entry != nil && h.Entry.VendorEN != "" {
		return h.Entry.VendorEN
	}
	return h.Vendor
}

func sdkName(h sdkdb.Hit, zh bool) string {
	if zh && h.NameZH != "" {
		return h.NameZH
	}
	return h.Name
}

// sdkEvidence turns the detector's evidence into finding evidence (at most four).
// Code evidence is "dex" in APKs; in source trees "source" for a Java/Kotlin file
// and "sdk" for a library archive (a jar or aar under libs/, which has no lines).
func (e *env) sdkEvidence(h sdkdb.Hit) []Evidence {
	src := e.facts().Source.Kind == "source"
	var out []Evidence
	for _, ev := range h.Evidence {
		if len(out) == 4 {
			break
		}
		kind := "sdk"
		switch ev.Kind {
		case "component", "meta_data", "permission":
			kind = "manifest"
		case "native_lib":
			kind = "native"
		case "package", "class", "reference":
			kind = "dex"
			if src {
				kind = "sdk"
				if k := kindOfPath(ev.Path); k == "source" {
					kind = k
				}
			}
		case "asset":
			kind = "asset"
		case "maven":
			kind = "source"
		}
		if ev.Kind == sdkdb.KindMetaData && ev.Line == 0 {
			if loc, ok := e.metaDataLocation(ev.Value); ok {
				ev.Path, ev.Line = loc.Path, loc.Line
			}
		}
		out = append(out, Evidence{Kind: kind, Path: ev.Path, Line: ev.Line, Locator: h.ID, Snippet: ev.Kind + ": " + ev.Value,
			SnippetZH: sdkEvidenceZH(ev)})
	}
	if len(out) == 0 {
		out = append(out, Evidence{Kind: "sdk", Locator: h.ID, Snippet: h.Name})
	}
	return out
}

// sdkEvidenceZH is an SDK detection's evidence in Chinese; a reference count is
// sdkdb's English ("3 references from app code").
func sdkEvidenceZH(ev sdkdb.Evidence) string {
	v := ev.Value
	if ev.Kind == "reference" && ev.Count > 0 {
		where := "App代码中"
		if strings.HasSuffix(v, "in source") {
			where = "源码中"
		}
		v = where + strconv.Itoa(ev.Count) + "处引用"
	}
	return sdkEvidenceKindZH[ev.Kind] + "：" + v
}

// sdkEvidenceKindZH names sdkdb's evidence kinds in Chinese.
var sdkEvidenceKindZH = map[string]string{
	"package": "包名", "class": "类", "native_lib": "原生库", "component": "组件", "meta_data": "meta-data",
	"asset": "资源文件", "maven": "依赖", "permission": "权限", "reference": "引用",
}
