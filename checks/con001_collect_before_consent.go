package checks

import (
	"fmt"
	"strings"
)

func newCON001() *ruleCheck {
	return &ruleCheck{rule: Rule{
		ID: "CNPI-CON-001", Title: "Personal information collected before consent", TitleZH: "征得用户同意前收集个人信息",
		Severity: High,
		Clauses: []Clause{
			rd("3.1", "征得用户同意前就开始收集个人信息或打开可收集个人信息的权限"),
			miit164("1", "违规收集个人信息"),
			miit337("1", "私自收集个人信息"),
			cverc("CV-06", "App在征得用户同意前就开始收集个人信息"),
		},
		Rationale:   "Code that runs when the process starts — Application.attachBaseContext/onCreate, every ContentProvider.onCreate (providers start even before Application.onCreate), static initialisers, boot receivers — runs before any consent dialog can be answered. A sensitive read reachable from there is collection before consent, the most common finding in MIIT tests.",
		RationaleZH: "进程启动即执行的代码（Application.attachBaseContext/onCreate、所有ContentProvider.onCreate（早于Application.onCreate）、静态初始化、开机广播接收器）在用户同意隐私政策之前运行；从这些入口可达的敏感信息读取即“同意前收集”，是工信部检测中最常见的问题。",
		Fix:         "Move the call behind the consent check: show the policy dialog first, persist the user's choice, and only then initialise SDKs and read device information (e.g. in the dialog's agree callback). Remove SDK auto-init providers or switch them to the SDK's compliance mode.",
		FixZH:       "将调用移到同意判断之后：先展示隐私政策弹窗并持久化用户选择，用户同意后（如在同意回调中）再初始化SDK、读取设备信息；移除SDK自动初始化Provider或启用SDK合规模式。",
		Detects: "Builds the intra-app call graph from DEX invokes (all DEX files; calls resolved through super classes; constructing a Runnable/Thread/Callable/AsyncTask/Handler also reaches its run/call/doInBackground/handleMessage; using a class reaches its <clinit>) or from source-mode references. " +
			"Starting from the pre-consent entry points (application class from the manifest, every provider, BOOT_COMPLETED receivers) it walks at most 14 calls deep and 60,000 methods, and reports each sensitive API of §9 it reaches with the path (entry → … → call) and the owner of the calling code. " +
			"A method that reads a boolean preference (SharedPreferences.getBoolean, MMKV.decodeBool) and loads a string naming consent (agree, privacy, consent, protocol, policy, 隐私, 同意, 协议, 授权) — or calls a boolean method that does — is treated as a consent guard: nothing beyond it is reported. " +
			"In source mode (Gradle projects) the evidence is file:line, and a consent helper (a method named for consent that reads preferences) guards only what comes after the line that calls it. " +
			"SDK initialisation calls on the same paths are reported by CNPI-SDK-004, not here.",
		FalsePositives: "The DEX index keeps no instruction order, so a guard anywhere in a method guards the whole method; a call before the check in the same method is missed. " +
			"Virtual calls through interfaces are not resolved, so paths through callbacks and listeners are missed (false negatives). A consent flag stored under a name without any of the consent words is not recognised, which yields a false positive.",
	}, fn: runCON001}
}

func runCON001(e *env, r *Rule) []draft {
	reach := e.preConsent()
	if len(reach.order) == 0 {
		return nil
	}
	reached := map[int]bool{}
	for _, id := range reach.order {
		reached[id] = true
	}
	ix := e.code()
	type group struct {
		hits []apiHit
	}
	groups := map[string]*group{}
	for _, h := range e.findAPIs(func(s *apiSpec) bool { return s.PI != "" }) {
		if !reached[h.Method] || !reach.before(h.Method, h.Line) {
			continue
		}
		k := h.Spec.Key + "\x00" + ix.methods[h.Method].display()
		if groups[k] == nil {
			groups[k] = &group{}
		}
		groups[k].hits = append(groups[k].hits, h)
	}
	var out []draft
	for _, k := range sortedKeys(groups) {
		g := groups[k]
		h := g.hits[0]
		m := ix.methods[h.Method]
		path := reach.path(ix, h.Method)
		ep := reach.entryOf(h.Method)
		owner := e.owner(m.Class)
		chain := strings.Join(append(path, h.Target), " → ")
		ev := []Evidence{e.codeEvidence(h.Method, h.Line, chain)}
		for _, x := range g.hits[1:] {
			ev = append(ev, e.codeEvidence(x.Method, x.Line, x.Target))
		}
		how := fmt.Sprintf("it is reached from %s (%s) in %d call(s)", ep.label(), ep.Component, len(path)-1)
		howZH := fmt.Sprintf("从%s（%s）经%d层调用可达", ep.labelZH(), ep.Component, len(path)-1)
		if len(path) <= 1 {
			how = fmt.Sprintf("it is read directly in %s (%s)", ep.label(), ep.Component)
			howZH = fmt.Sprintf("直接在入口方法%s（%s）中读取", ep.labelZH(), ep.Component)
		}
		out = append(out, draft{
			Message: fmt.Sprintf("%s reads %s before the user can consent: %s; the call is in %s, method %s.",
				e.ownerLabel(owner, false), h.Spec.nameEN(), how, e.ownerLabel(owner, false), m.display()),
			MessageZH: fmt.Sprintf("%s在用户同意前读取%s：%s；调用位于%s的方法%s。",
				e.ownerLabel(owner, true), h.Spec.NameZH, howZH, e.ownerLabel(owner, true), m.display()),
			Evidence: ev,
			Owner:    owner,
			Key:      []string{"api:" + h.Spec.Key, "caller:" + m.display()},
		})
	}
	return out
}
