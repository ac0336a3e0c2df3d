package checks

import "github.com/hegui-dev/hegui/policy"

func newPOL010() *ruleCheck {
	return &ruleCheck{rule: Rule{
		ID: "CNPI-POL-010", Title: "No collected-PI list or third-party sharing list", TitleZH: "未提供个人信息收集清单或第三方共享清单",
		Severity: Medium, NeedsPolicy: true,
		Clauses: []Clause{
			miit292("已收集个人信息清单、与第三方共享个人信息清单"),
			ndsmr("第21条", "收集和向其他处理者提供个人信息的目的、方式、种类及接收方信息应当以清单等形式予以列明"),
		},
		Rationale:      "MIIT's 2021 notice (292号) requires two lists in a second-level menu, and the Network Data Security Regulations (Art. 21) codify them: what the app collects, and what it shares with whom.",
		RationaleZH:    "工信部2021年292号文要求在二级菜单提供“双清单”，《网络数据安全管理条例》第二十一条要求以清单等形式列明收集和向他人提供个人信息的情况。",
		Fix:            "Publish a 已收集个人信息清单 (PI type, purpose, scenario) and a 第三方共享清单 / SDK list (recipient, purpose, PI types, method), and link both from the settings screen.",
		FixZH:          "提供已收集个人信息清单（信息类型、目的、场景）和与第三方共享个人信息清单/第三方SDK目录（接收方、目的、信息类型、共享方式），并在设置页提供入口。",
		Detects:        "One finding for each of the policy items collection_list and sharing_list that the policy reader did not find (list titles and table headings of §7, such as 个人信息收集清单, 第三方共享清单, 第三方SDK目录).",
		FalsePositives: "Lists published as separate web pages are not seen unless given with --policy (several files may be given).",
	}, fn: func(e *env, r *Rule) []draft {
		return missingItems(e, []itemNeed{
			{policy.ItemCollectionList, "a collected personal-information list (已收集个人信息清单)", "已收集个人信息清单"},
			{policy.ItemSharingList, "a third-party sharing list or SDK list (第三方共享清单)", "与第三方共享个人信息清单（第三方SDK目录）"},
		})
	}}
}
