package checks

// Clause constructors. Text is a short label or paraphrase of the item (from
// regulations.md), never presented as a verbatim quotation; MIIT notice labels are
// the exact labels used in MIIT's notices.

func rd(item, label string) Clause {
	return Clause{Source: "认定方法", Item: item, Text: label, URL: "http://www.cac.gov.cn/2019-12/27/c_1578986455686625.htm"}
}

func miit164(item, label string) Clause {
	return Clause{Source: "MIIT 164号文", Item: item, Text: label, URL: "http://www.cac.gov.cn/2020-07/28/c_1597492913060262.htm"}
}

func miit337(item, label string) Clause {
	return Clause{Source: "MIIT 337号文", Item: item, Text: label}
}

func miitLabel(label string) Clause {
	return Clause{Source: "MIIT 通报", Item: "所涉问题", Text: label}
}

func miit292(label string) Clause {
	return Clause{Source: "MIIT 292号文", Item: "双清单", Text: label}
}

func miit26(label string) Clause {
	return Clause{Source: "MIIT 26号文", Item: "26条措施", Text: label}
}

func cverc(item, label string) Clause { return Clause{Source: "CVERC", Item: item, Text: label} }

func pipl(item, label string) Clause {
	return Clause{Source: "PIPL", Item: item, Text: label, URL: "http://www.npc.gov.cn/npc/c30834/202108/a8c4e3672c74491a80b53a172bb753fe.shtml"}
}

func gb35273(item, label string) Clause {
	return Clause{Source: "GB/T 35273-2020", Item: item, Text: label}
}

func gb41391(item, label string) Clause {
	return Clause{Source: "GB/T 41391-2022", Item: item, Text: label}
}

func tc260(item, label string) Clause {
	return Clause{Source: "TC260-PG-20204A", Item: item, Text: label, URL: "https://www.tc260.org.cn/front/postDetail.html?id=20200918163359"}
}

func ndsmr(item, label string) Clause {
	return Clause{Source: "网络数据安全管理条例", Item: item, Text: label}
}

func faceRules(item, label string) Clause {
	return Clause{Source: "人脸识别技术应用安全管理办法", Item: item, Text: label}
}

func necessaryPI(item, label string) Clause {
	return Clause{Source: "常见类型移动互联网应用程序必要个人信息范围规定", Item: item, Text: label, URL: "http://www.cac.gov.cn/2021-03/22/c_1617990997054277.htm"}
}
