package checks

import (
	"strconv"

	"github.com/hegui-dev/hegui/policy"
)

func newRGT003() Check {
	return &ruleCheck{rule: Rule{
		ID: "CNPI-RGT-003", Title: "Cancellation handling time over 15 working days", TitleZH: "承诺的注销处理时限超过15个工作日",
		Severity: Medium, NeedsPolicy: true,
		Clauses: []Clause{
			rd("6.3", "需人工处理的，未在承诺时限内（承诺时限不得超过15个工作日）完成核查和处理"),
			cverc("CV-09", "注销用户账号的人工处理（承诺）时限超过15个工作日"),
		},
		Rationale:      "认定方法 6.3 caps the promised handling time for correction, deletion and account cancellation at 15 working days.",
		RationaleZH:    "认定方法6.3规定更正、删除个人信息及注销账号的承诺处理时限不得超过15个工作日。",
		Fix:            "Promise — and deliver — handling within 15 working days, and update the policy text.",
		FixZH:          "将承诺时限缩短至15个工作日以内并按时完成，同时更新隐私政策。",
		Detects:        "The account-cancellation handling time the policy reader extracted (account_cancellation_days), reported when above 15. A policy that states no time is not reported here (15 working days then apply by default).",
		FalsePositives: "Calendar days written as 日 rather than 工作日 are read as stated by the policy reader.",
	}, fn: func(e *env, r *Rule) []draft {
		days := e.in.Policy.AccountCancellationDays
		if days <= 15 {
			return nil
		}
		ev := []Evidence{}
		for _, pe := range e.item(policy.ItemAccountCancellation).Evidence {
			ev = append(ev, policyEvidence(pe))
		}
		if len(ev) == 0 {
			ev = append(ev, e.policyDocEvidence())
		}
		n := strconv.Itoa(days)
		return []draft{{
			Message:   "The policy promises to handle account cancellation within " + n + " working days; the limit is 15.",
			MessageZH: "隐私政策承诺在" + n + "个工作日内处理注销申请，超过15个工作日的上限。",
			Evidence:  ev,
			Key:       []string{"over-15-days"},
		}}
	}}
}
