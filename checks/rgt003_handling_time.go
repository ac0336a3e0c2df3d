package checks

import (
	"strconv"

	"github.com/hegui-dev/hegui/policy"
)

// Account-cancellation limits: 认定方法 6.3 says 15 working days, which is three
// calendar weeks; a limit stated in calendar days (天, 日, 自然日) is compared with 21.
const (
	maxWorkingDays  = 15
	maxCalendarDays = 21
)

func newRGT003() *ruleCheck {
	return &ruleCheck{rule: Rule{
		ID: "CNPI-RGT-003", Title: "Cancellation handling time over 15 working days", TitleZH: "承诺的注销处理时限超过15个工作日",
		Severity: Medium, NeedsPolicy: true,
		Clauses: []Clause{
			rd("6.3", "需人工处理的，未在承诺时限内（承诺时限不得超过15个工作日）完成核查和处理"),
			cverc("CV-09", "注销用户账号的人工处理（承诺）时限超过15个工作日"),
		},
		Rationale:   "认定方法 6.3 caps the promised handling time for correction, deletion and account cancellation at 15 working days.",
		RationaleZH: "认定方法6.3规定更正、删除个人信息及注销账号的承诺处理时限不得超过15个工作日。",
		Fix:         "Promise — and deliver — handling within 15 working days, and update the policy text.",
		FixZH:       "将承诺时限缩短至15个工作日以内并按时完成，同时更新隐私政策。",
		Detects: "The account-cancellation handling time the policy reader extracted, with its unit: a limit in working days (工作日) is reported above 15; " +
			"a limit in calendar days (天, 日, 自然日) is reported above 21, since 15 working days are about three weeks. The evidence is the sentence that states the limit. " +
			"A policy that states no time is not reported here (15 working days then apply by default).",
		FalsePositives: "A limit in calendar days between 16 and 21 may exceed 15 working days around public holidays; it is not reported.",
	}, fn: runRGT003}
}

func runRGT003(e *env, r *Rule) []draft {
	p := e.in.Policy
	days := p.AccountCancellationDays
	calendar := p.AccountCancellationUnit == "days"
	if days <= maxWorkingDays || calendar && days <= maxCalendarDays {
		return nil
	}
	var ev []Evidence
	if p.AccountCancellationEvidence != nil {
		ev = append(ev, policyEvidence(*p.AccountCancellationEvidence))
	} else {
		for _, pe := range e.item(policy.ItemAccountCancellation).Evidence {
			ev = append(ev, policyEvidence(pe))
		}
	}
	if len(ev) == 0 {
		ev = append(ev, e.policyDocEvidence())
	}
	n := strconv.Itoa(days)
	if calendar {
		return []draft{{
			Message:   "The policy promises to handle account cancellation within " + n + " calendar days; 15 working days are about 3 weeks (21 calendar days), so this exceeds the limit.",
			MessageZH: "隐私政策承诺在" + n + "天（自然日）内处理注销申请；15个工作日约合3周（21个自然日），超过上限。",
			Evidence:  ev,
			Key:       []string{"over-15-days"},
		}}
	}
	return []draft{{
		Message:   "The policy promises to handle account cancellation within " + n + " working days; the limit is 15.",
		MessageZH: "隐私政策承诺在" + n + "个工作日内处理注销申请，超过15个工作日的上限。",
		Evidence:  ev,
		Key:       []string{"over-15-days"},
	}}
}
