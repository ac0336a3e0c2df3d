package checks

import (
	"fmt"
	"strings"

	"github.com/hegui-dev/hegui/sdkdb"
)

func newSDK004() *ruleCheck {
	return &ruleCheck{rule: Rule{
		ID: "CNPI-SDK-004", Title: "SDK initialised before consent", TitleZH: "SDK在用户同意前初始化",
		Severity: High,
		Clauses: []Clause{
			miit164("1", "违规收集个人信息（App、SDK）"),
			miit164("3", "违规使用个人信息"),
			rd("3.1", "征得用户同意前就开始收集个人信息"),
			gb41391("§6.6", "第三方收集管理：SDK不应在同意前收集"),
		},
		Rationale:   "Most SDKs start collecting device information as soon as they are initialised. Initialising them in Application.onCreate, or letting their auto-init ContentProvider run, means collection before the user has seen the policy.",
		RationaleZH: "多数SDK初始化后即开始采集设备信息。在Application.onCreate中初始化、或其自动初始化ContentProvider随进程启动运行，即在用户阅读隐私政策前开始收集。",
		Fix:         "Initialise SDKs only after the user agrees (use the SDK's pre-init/compliance API before consent, e.g. Umeng UMConfigure.preInit, JPush JCollectionAuth.setAuth(false)); remove or disable SDK auto-init providers (tools:node=\"remove\") and initialise manually after consent.",
		FixZH:       "用户同意后再初始化SDK（同意前仅调用SDK的合规预初始化接口，如友盟UMConfigure.preInit、极光JCollectionAuth.setAuth(false)）；删除或禁用SDK自动初始化Provider（tools:node=\"remove\"），在同意后手动初始化。",
		Detects: "On the pre-consent call graph of CNPI-CON-001, every call from app or unattributed code (not from another SDK) into an SDK's class whose method name is an initialiser (init*, *init, initialize, start (not Thread.start), register, setup; not preInit, is*, get*) is reported with its path. " +
			"An SDK's ContentProvider in the manifest is reported when its onCreate reaches, within six calls, a sensitive API or an initialiser-named method (or its name contains Init): it runs at process start, before Application.onCreate. Calls behind a stored-consent check are not reported.",
		FalsePositives: "SDKs whose init is itself consent-aware (compliance builds) are reported: document the SDK version and its mode. Providers whose name contains Init are reported even if their onCreate is not in the DEX.",
	}, fn: runSDK004}
}

func runSDK004(e *env, r *Rule) []draft {
	ix := e.code()
	reach := e.preConsent()
	var out []draft
	seen := map[string]bool{}
	for _, id := range reach.order {
		m := ix.methods[id]
		caller := e.owner(m.Class)
		for _, c := range m.Calls {
			if !reach.before(id, c.Line) {
				continue
			}
			o := e.owner(c.Class)
			// Only the boundary counts: app (or unattributed) code starting an SDK.
			// SDK-internal and SDK-to-SDK calls follow from that first call.
			if o == "" || o == "app" || (caller != "app" && caller != "") || !isSDKInit(c.Member) {
				continue
			}
			if c.Member == "start" && ix.isSubclass(c.Class, "java.lang.Thread", "android.os.HandlerThread") {
				continue
			}
			k := o + "\x00" + m.display() + "\x00" + c.Member
			if seen[k] {
				continue
			}
			seen[k] = true
			path := reach.path(ix, id)
			ep := reach.entryOf(id)
			chain := strings.Join(append(path, c.Class+"."+c.Member), " → ")
			out = append(out, draft{
				Message: fmt.Sprintf("%s is initialised before consent: %s calls %s.%s, reached from %s (%s).",
					e.ownerLabel(o, false), m.display(), c.Class, c.Member, ep.label(), ep.Component),
				MessageZH: fmt.Sprintf("%s在用户同意前初始化：%s调用%s.%s，入口为%s（%s）。",
					e.ownerLabel(o, true), m.display(), c.Class, c.Member, ep.labelZH(), ep.Component),
				Evidence: []Evidence{e.codeEvidence(id, c.Line, chain)},
				Owner:    o,
				Key:      []string{"sdk:" + o, "caller:" + m.display(), "init:" + c.Class + "." + c.Member},
			})
		}
	}
	sensitive := map[int]bool{}
	for _, h := range e.findAPIs(func(s *apiSpec) bool { return s.PI != "" }) {
		sensitive[h.Method] = true
	}
	for _, c := range e.facts().Components {
		if c.Type != "provider" {
			continue
		}
		o := e.owner(c.Name)
		if o == "" || o == "app" {
			continue
		}
		if h := e.hit(o); h != nil && h.Category == sdkdb.CatFramework {
			continue
		}
		active := strings.Contains(c.Name, "Init") || e.providerStartsWork(c.Name, sensitive)
		if !active {
			continue
		}
		out = append(out, draft{
			Message:   fmt.Sprintf("%s declares the ContentProvider %s: it is created at process start, before Application.onCreate and any consent dialog, and its onCreate starts SDK work (an initialiser or a sensitive read).", e.ownerLabel(o, false), c.Name),
			MessageZH: fmt.Sprintf("%s声明了ContentProvider %s：它在进程启动时、早于Application.onCreate和隐私弹窗创建，其onCreate会执行SDK初始化或敏感信息读取。", e.ownerLabel(o, true), c.Name),
			Evidence:  []Evidence{e.componentEvidence(c, componentTag(c))},
			Owner:     o,
			Key:       []string{"sdk:" + o, "provider:" + c.Name},
		})
	}
	return out
}

// providerStartsWork reports whether a provider's onCreate reaches (within six calls)
// a sensitive API or an initialiser-named method.
func (e *env) providerStartsWork(class string, sensitive map[int]bool) bool {
	ix := e.code()
	var frontier []int
	for _, id := range ix.methodsOf(class, "onCreate") {
		if ix.methods[id].Class == class {
			frontier = append(frontier, id)
		}
	}
	seen := map[int]bool{}
	for depth := 0; depth < 6 && len(frontier) > 0 && len(seen) < 2000; depth++ {
		var next []int
		for _, id := range frontier {
			if seen[id] {
				continue
			}
			seen[id] = true
			if sensitive[id] {
				return true
			}
			for _, c := range ix.methods[id].Calls {
				if isSDKInit(c.Member) && !strings.HasPrefix(c.Class, "android.") && !strings.HasPrefix(c.Class, "java.") {
					return true
				}
			}
			next = append(next, ix.callees(id)...)
		}
		frontier = next
	}
	return false
}
