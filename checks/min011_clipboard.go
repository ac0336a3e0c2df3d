package checks

func newMIN011() *ruleCheck {
	return &ruleCheck{rule: Rule{
		ID: "CNPI-MIN-011", Title: "Reads the clipboard", TitleZH: "读取剪切板",
		Severity: Medium,
		Clauses: []Clause{
			rd("3.1/4.1", "同意前或与业务无关地收集个人信息（剪切板）"),
			miit164("2", "超范围收集个人信息"),
		},
		Rationale:      "Clipboard reads are on every MIIT tester's hook list: the clipboard may hold passwords, codes and addresses, and apps that read it on start-up or in the background are reported as over-collection.",
		RationaleZH:    "剪切板读取是工信部检测的必查项：剪切板可能包含密码、验证码、地址等，启动时或后台读取剪切板会被认定为超范围收集。",
		Fix:            "Read the clipboard only when the user pastes or taps a feature that needs it (e.g. a 口令 recognition button), never on start-up or onResume, and disclose it in the policy.",
		FixZH:          "仅在用户主动粘贴或点击需要的功能（如口令识别）时读取剪切板，不要在启动或onResume时读取，并在隐私政策中说明。",
		Detects:        "References to ClipboardManager.getPrimaryClip/getText (android.content and the legacy android.text class), one finding per owner. Wrappers in general-purpose libraries (androidx, android.support, blankj utilcode, …) count only when code outside those libraries calls them.",
		FalsePositives: "Paste handling in the app's own text fields is reported although it is user-initiated; check the calling method named in the finding.",
	}, fn: func(e *env, r *Rule) []draft { return e.apiByOwner("clipboard") }}
}
