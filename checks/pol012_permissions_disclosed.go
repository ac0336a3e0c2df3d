package checks

func newPOL012() *ruleCheck {
	return &ruleCheck{rule: Rule{
		ID: "CNPI-POL-012", Title: "Requested privacy permission not disclosed", TitleZH: "未向用户明示申请的全部隐私权限",
		Severity: High, NeedsPolicy: true,
		Clauses: []Clause{
			cverc("CV-05", "未向用户明示申请的全部隐私权限"),
			rd("2.1", "未逐一列出收集使用个人信息的目的、方式、范围"),
			rd("2.3", "申请打开可收集个人信息的权限时未同步告知用户其目的"),
		},
		Rationale:   "CVERC's most frequent finding: the manifest requests a permission that reaches personal information, but the policy never says so or why.",
		RationaleZH: "CVERC通报中最常见的问题：App申请了可收集个人信息的权限，但隐私政策未说明申请该权限及其目的。",
		Fix:         "List every privacy permission in the policy (and the permission-explanation page) with the feature and purpose it serves, or remove it from the manifest (also from SDK manifests merged into yours, with tools:node=\"remove\").",
		FixZH:       "在隐私政策（及权限说明页）中逐一列出每个隐私权限对应的功能和目的；不需要的权限从清单中删除（SDK合并进来的权限可用 tools:node=\"remove\" 移除）。",
		Detects: "Each requested permission of the privacy-permission table (TC260 dangerous groups, QUERY_ALL_PACKAGES, GET_INSTALLED_APPS) is looked up in the policy's disclosed categories: " +
			"through the permission itself, the category key, or a §7 keyword in the disclosure. One finding per undisclosed permission; when the policy denies collecting that information, the denial is quoted as the evidence.",
		FalsePositives: "A policy sentence denying collection of the permission's information (我们不会收集您的通讯录) is quoted as a contradiction, even when a later passage collects it under another name. A permission with maxSdkVersion below the devices the app supports is still reported; a policy that names the permission only in a screenshot is not read.",
	}, fn: runPOL012}
}

func runPOL012(e *env, r *Rule) []draft {
	var out []draft
	for _, p := range e.facts().App.Permissions {
		pp, ok := lookupPrivacyPermission(p.Name)
		if !ok {
			continue
		}
		cat := piCategoryByKey(pp.PI)
		d, _ := DisclosureOf(e.in.Policy, p.Name)
		if d.Disclosed {
			continue
		}
		if d.Denied {
			out = append(out, draft{
				Message:   "The app requests " + shortPerm(p.Name) + " (" + cat.Name + ") but the privacy policy says it does not collect this information: the policy contradicts the permission request.",
				MessageZH: "App申请了" + shortPerm(p.Name) + "权限（" + cat.NameZH + "），但隐私政策声明不收集该信息，与权限申请相矛盾。",
				Evidence:  []Evidence{e.permEvidence(p), policyEvidence(*d.Evidence)},
				Key:       []string{"perm:" + p.Name},
			})
			continue
		}
		out = append(out, draft{
			Message:   "The app requests " + shortPerm(p.Name) + " (" + cat.Name + ") but the privacy policy does not disclose this permission or the information it reaches.",
			MessageZH: "App申请了" + shortPerm(p.Name) + "权限（" + cat.NameZH + "），但隐私政策未明示该权限及其可收集的个人信息。",
			Evidence:  []Evidence{e.permEvidence(p), e.policyDocEvidence()},
			Key:       []string{"perm:" + p.Name},
		})
	}
	return out
}
