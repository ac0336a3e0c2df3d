package checks

func newMIN010() *ruleCheck {
	return &ruleCheck{rule: Rule{
		ID: "CNPI-MIN-010", Title: "Reads the list of installed apps", TitleZH: "读取软件安装列表",
		Severity: Medium,
		Clauses: []Clause{
			miit337("3", "私自共享给第三方（常用软件应用列表）"),
			gb41391("§6.3", "特定类型个人信息：软件安装列表"),
			miit164("2", "超范围收集个人信息"),
		},
		Rationale:   "The installed-app list reveals religion, health, finances and habits; MIIT names it explicitly, and SDKs that upload it are a recurring notice item.",
		RationaleZH: "软件安装列表可反映宗教、健康、财务和习惯；工信部明确点名，SDK上传安装列表是通报的常见问题。",
		Fix:         "Query only the packages a feature needs (getPackageInfo for a named package, <queries> with explicit packages), drop QUERY_ALL_PACKAGES, and turn off app-list collection in SDKs.",
		FixZH:       "只查询功能需要的特定包（按包名getPackageInfo，<queries>中列出具体包名），删除QUERY_ALL_PACKAGES权限，并关闭SDK的应用列表采集。",
		Detects: "References to PackageManager.getInstalledPackages/getInstalledApplications (one finding per owner), and the QUERY_ALL_PACKAGES or com.android.permission.GET_INSTALLED_APPS permissions (one finding each). " +
			"queryIntentActivities is not reported: it is usually used to resolve a single intent. Wrappers in general-purpose libraries (androidx, android.support, blankj utilcode, …) count only when code outside those libraries calls them.",
		FalsePositives: "Security and app-store apps need the list for their basic function; launchers and package managers too.",
	}, fn: func(e *env, r *Rule) []draft {
		out := e.apiByOwner("app_list")
		for _, name := range []string{"android.permission.QUERY_ALL_PACKAGES", "com.android.permission.GET_INSTALLED_APPS"} {
			if p, ok := e.permission(name); ok {
				out = append(out, draft{
					Message:   "The app requests " + shortPerm(name) + ", which gives it the full list of installed apps.",
					MessageZH: "App申请了" + shortPerm(name) + "权限，可获取完整的软件安装列表。",
					Evidence:  []Evidence{e.permEvidence(p)},
					Key:       []string{"perm:" + name},
				})
			}
		}
		return out
	}}
}
