package checks

import (
	"regexp"
	"strings"

	"github.com/hegui-dev/hegui/policy"
	"github.com/hegui-dev/hegui/sdkdb"
)

func newRGT001() *ruleCheck {
	return &ruleCheck{rule: Rule{
		ID: "CNPI-RGT-001", Title: "No account cancellation", TitleZH: "未提供注销账号功能",
		Severity: High, NeedsPolicy: true,
		Clauses: []Clause{
			rd("6.1", "未提供有效的更正、删除个人信息及注销用户账号功能"),
			miit337("8", "账号注销难"),
			cverc("CV-09", "未提供有效的更正、删除个人信息及注销用户账号功能"),
			pipl("第47条", "删除个人信息"),
			ndsmr("第23条", "注销账号请求应及时受理"),
			gb35273("§8.5", "个人信息主体注销账户"),
		},
		Rationale:   "An app with user accounts must let users cancel them; 账号注销难 is one of MIIT's original eight items.",
		RationaleZH: "有用户账号的App必须提供注销账号功能；“账号注销难”是工信部最初八类问题之一。",
		Fix:         "Offer account cancellation in the app (settings → account & security → 注销账号), describe the path and the handling time (at most 15 working days) in the policy.",
		FixZH:       "在App中提供注销账号入口（设置-账号与安全-注销账号），并在隐私政策中说明注销路径和处理时限（不超过15个工作日）。",
		Detects: "Only for apps with accounts: a login/register activity (class name containing Login, Register, SignIn, SignUp), a login/register string (登录, 注册, 手机号登录), or a social-login SDK. " +
			"Fires when the policy reader found no account_cancellation statement and no app string mentions 注销账号/注销账户/账号注销.",
		FalsePositives: "Apps whose only accounts are third-party logins without a stored profile still need cancellation according to MIIT practice; apps with no accounts at all are not reported.",
	}, fn: runRGT001}
}

var loginClassRe = regexp.MustCompile(`(?i)(login|register|signin|signup|logon)[a-z]*activity`)

func runRGT001(e *env, r *Rule) []draft {
	if e.item(policy.ItemAccountCancellation).Found {
		return nil
	}
	if _, ok := e.findString(func(s string) bool {
		return containsFold(s, []string{"注销账号", "注销账户", "账号注销", "账户注销", "注销帐号"})
	}); ok {
		return nil
	}
	why, whyZH, ev := e.accountSignal()
	if why == "" {
		return nil
	}
	ev = append(ev, e.policyDocEvidence())
	return []draft{{
		Message:   "The app has user accounts (" + why + ") but neither the policy nor the app mentions account cancellation.",
		MessageZH: "App存在用户账号（" + whyZH + "），但隐私政策和App中均未提及注销账号。",
		Evidence:  ev,
		Key:       []string{"no-cancellation"},
	}}
}

// accountSignal says, in English and Chinese, why the app is believed to have accounts.
func (e *env) accountSignal() (string, string, []Evidence) {
	for _, c := range e.facts().Components {
		if c.Type == "activity" && loginClassRe.MatchString(c.Name) && e.owner(c.Name) == "app" {
			return "login screen " + c.Name, "登录页面" + c.Name, []Evidence{e.componentEvidence(c, componentTag(c))}
		}
	}
	if s, ok := e.findString(func(s string) bool {
		n := len([]rune(s))
		return n <= 12 && (strings.Contains(s, "登录") || strings.Contains(s, "注册") || strings.Contains(s, "登錄"))
	}); ok {
		return "string \"" + s + "\"", "字符串“" + s + "”", []Evidence{e.resourceEvidence(s, "")}
	}
	for _, h := range e.sdks() {
		if h.Category == sdkdb.CatSocial && h.Confidence != "low" {
			return "login SDK " + h.Name, "登录SDK" + sdkName(h, true), e.sdkEvidence(h)[:1]
		}
	}
	return "", "", nil
}
