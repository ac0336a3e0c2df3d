package report

import (
	"github.com/hegui-dev/hegui/analyzer"
	"github.com/hegui-dev/hegui/checks"
	"github.com/hegui-dev/hegui/policy"
	"github.com/hegui-dev/hegui/sdkdb"
)

func boolp(b bool) *bool { return &b }

// fixtureRules is a hand-made catalogue slice so the goldens do not churn while the
// checks package evolves.
func fixtureRules() []checks.Rule {
	return []checks.Rule{
		{ID: "CNPI-SDK-001", Title: "Third-party SDK not disclosed in the privacy policy", TitleZH: "隐私政策未说明第三方SDK",
			Severity: checks.High, NeedsPolicy: true,
			Clauses:   []checks.Clause{{Source: "认定方法", Item: "3.1", Text: "未逐一列出第三方SDK"}, {Source: "PIPL", Item: "第23条", URL: "http://www.npc.gov.cn/npc/c30834/202108/a8c4e3672c74491a80b53a172bb753fe.shtml"}},
			Rationale: "Each SDK that receives personal information must be named with its purpose and PI.", RationaleZH: "每个接收个人信息的SDK都应写明名称、目的和收集的个人信息。",
			Fix: "Add the SDK to the third-party sharing list.", FixZH: "在第三方SDK共享清单中补充该SDK的名称、公司、目的、个人信息类型和隐私政策链接。", Doc: "docs/rules/CNPI-SDK-001.md"},
		{ID: "CNPI-PERM-003", Title: "Permission's personal information not disclosed", TitleZH: "权限对应的个人信息未在政策中说明",
			Severity: checks.Medium, NeedsPolicy: true, Clauses: []checks.Clause{{Source: "GB/T 41391-2022", Item: "§4"}},
			Fix: "Describe the PI the permission reaches and why.", FixZH: "在隐私政策中说明该权限收集的个人信息及用途。", Doc: "docs/rules/CNPI-PERM-003.md"},
		{ID: "CNPI-POL-001", Title: "No privacy policy found", TitleZH: "未找到隐私政策", Severity: checks.Critical,
			Clauses: []checks.Clause{{Source: "认定方法", Item: "1.1"}}, Fix: "Bundle the policy or pass --policy.", FixZH: "在应用内提供隐私政策。"},
		{ID: "CNPI-CFG-002", Title: "Cleartext traffic allowed", TitleZH: "允许明文传输", Severity: checks.Low,
			Clauses: []checks.Clause{{Source: "GB/T 35273-2020", Item: "§6.3"}}, Fix: "Set usesCleartextTraffic=false.", FixZH: "关闭明文流量。"},
	}
}

// fixtureReport is a realistic report of a Chinese novel-reading app: several SDKs,
// one overseas, a policy with a hostile sentence, findings of every level.
func fixtureReport() *Report {
	jpush := &sdkdb.Entry{ID: "jpush", Name: "JPush", NameZH: "极光推送", Vendor: "深圳市和讯华谷信息技术有限公司", Category: sdkdb.CatPush,
		Purposes: []string{"消息推送"}, PI: []string{"设备标识符（IMEI、Android ID、OAID）", "网络信息", "应用列表"}, PolicyURL: "https://www.jiguang.cn/license/privacy"}
	umeng := &sdkdb.Entry{ID: "umeng_analytics", Name: "Umeng Analytics", NameZH: "友盟统计", Vendor: "友盟同欣（北京）科技有限公司", Category: sdkdb.CatAnalytics,
		Purposes: []string{"统计分析"}, PI: []string{"设备信息", "OAID", "IP地址"}, PolicyURL: "https://www.umeng.com/page/policy"}
	pangle := &sdkdb.Entry{ID: "pangle", Name: "Pangle", NameZH: "穿山甲", Vendor: "北京巨量引擎网络技术有限公司", Category: sdkdb.CatAds,
		Purposes: []string{"广告投放", "广告监测"}, PI: []string{"设备标识符", "粗略位置", "应用列表"}, PolicyURL: "https://www.csjplatform.com/privacy"}
	firebase := &sdkdb.Entry{ID: "firebase_analytics", Name: "Firebase Analytics", Vendor: "Google LLC", Category: sdkdb.CatAnalytics, Overseas: true,
		Purposes: []string{"统计分析"}, PI: []string{"应用实例ID", "广告标识符"}, PolicyURL: "https://firebase.google.com/support/privacy"}
	hit := func(e *sdkdb.Entry, used bool, ev ...sdkdb.Evidence) sdkdb.Hit {
		return sdkdb.Hit{Entry: e, ID: e.ID, Name: e.Name, NameZH: e.NameZH, Vendor: e.Vendor, Category: e.Category, Overseas: e.Overseas,
			Confidence: "high", Used: used, Evidence: ev, ClassCount: 40}
	}
	sdks := []sdkdb.Hit{
		hit(firebase, true, sdkdb.Evidence{Kind: "package", Value: "com.google.firebase.analytics.", Path: "classes2.dex", Count: 31}),
		hit(jpush, true, sdkdb.Evidence{Kind: "package", Value: "cn.jpush.android.", Path: "classes.dex", Count: 212}, sdkdb.Evidence{Kind: "native_lib", Value: "libjcore*.so", Path: "lib/arm64-v8a/libjcore400.so"}),
		hit(pangle, false, sdkdb.Evidence{Kind: "package", Value: "com.bytedance.sdk.openadsdk.", Path: "classes3.dex", Count: 1460}),
		hit(umeng, true, sdkdb.Evidence{Kind: "package", Value: "com.umeng.analytics.", Path: "classes.dex", Count: 97}),
	}
	hostile := `我们会收集您的设备信息<script>alert("x")</script>用于推送 | 见"附录"`
	pol := &policy.Facts{
		Documents: []policy.Document{{Path: "assets/privacy.html", Origin: "asset", Encoding: "utf-8", Chars: 8800, Sentences: 140}},
		Language:  "zh",
		SDKs: []policy.SDKMention{{ID: "jpush", Name: "JPush", Matched: "极光推送", InList: true,
			Evidence:  []policy.Evidence{{Path: "assets/privacy.html", Section: "第三方SDK", Sentence: hostile}},
			Described: policy.Described{Vendor: true, Purpose: true, PITypes: true}}},
		PICategories: []policy.PIDisclosure{{Category: "device_id", Name: "设备标识", Permissions: []string{"android.permission.READ_PHONE_STATE"},
			Evidence: []policy.Evidence{{Path: "assets/privacy.html", Sentence: "我们会收集您的设备标识（IMEI、Android ID）。"}}}},
		Items: map[string]policy.Item{
			policy.ItemOperator:        {Found: true, Evidence: []policy.Evidence{{Path: "assets/privacy.html", Sentence: "本政策由杭州悦读网络科技有限公司制定。"}}},
			policy.ItemSharingList:     {Found: true, Evidence: []policy.Evidence{{Path: "assets/privacy.html", Sentence: "第三方SDK共享清单"}}},
			policy.ItemCrossBorder:     {Found: false, Evidence: []policy.Evidence{}},
			policy.ItemEffectiveDate:   {Found: true, Evidence: []policy.Evidence{{Path: "assets/privacy.html", Sentence: "更新日期：2025年3月1日"}}},
			policy.ItemWithdrawConsent: {Found: false, Evidence: []policy.Evidence{}},
		},
	}
	r := &Report{
		Tool:   Tool{Name: "hegui", Version: "TEST"},
		Target: analyzer.Source{Path: "testdata/yuedu-3.2.1.apk", Kind: "apk", Size: 48213990, SHA256: "9f2c4f1e0d3b8a7c6e5d4c3b2a19080706050403020100ffeeddccbbaa998877"},
		App: App{Package: "com.yuedu.reader", Label: "Yuedu Reader", LabelZH: "悦读小说", VersionName: "3.2.1", VersionCode: "321",
			MinSDK: 21, TargetSDK: 34, AppType: "online_literature"},
		SDKs:    sdks,
		Packers: []sdkdb.Packer{},
		Permissions: []Permission{
			{Name: "android.permission.READ_PHONE_STATE", Dangerous: true, PI: "设备标识 / 电话状态", Disclosed: boolp(true), Evidence: "我们会收集您的设备标识（IMEI、Android ID）。", UsedBy: []string{"jpush", "umeng_analytics"}},
			{Name: "android.permission.ACCESS_FINE_LOCATION", Dangerous: true, PI: "精确位置", Disclosed: boolp(false), UsedBy: []string{"pangle"}},
			{Name: "android.permission.INTERNET"},
			{Name: "android.permission.QUERY_ALL_PACKAGES", Special: true, PI: "应用列表", Disclosed: boolp(false), UsedBy: []string{"jpush"}},
		},
		Policy: pol,
		Findings: []checks.Finding{
			{Rule: "CNPI-CFG-002", Severity: checks.Low, Title: "Cleartext traffic allowed", TitleZH: "允许明文传输",
				Message: "android:usesCleartextTraffic is true.", MessageZH: "android:usesCleartextTraffic 为 true。",
				Evidence: []checks.Evidence{{Kind: "manifest", Path: "AndroidManifest.xml", Locator: "application", Snippet: `android:usesCleartextTraffic="true"`}},
				Clauses:  []checks.Clause{{Source: "GB/T 35273-2020", Item: "§6.3"}}, Fingerprint: "c0ffee0000000004"},
			{Rule: "CNPI-SDK-001", Severity: checks.High, Title: "Third-party SDK not disclosed in the privacy policy", TitleZH: "隐私政策未说明第三方SDK",
				Message: "Pangle (北京巨量引擎网络技术有限公司) is in the app but the policy does not name it.", MessageZH: "应用集成了穿山甲（北京巨量引擎网络技术有限公司），但隐私政策未提及。",
				Evidence: []checks.Evidence{{Kind: "sdk", Path: "classes3.dex", Locator: "com.bytedance.sdk.openadsdk", Snippet: "1460 classes"},
					{Kind: "policy", Path: "assets/privacy.html", Line: 88, Locator: "第三方SDK", Snippet: hostile}},
				Clauses: []checks.Clause{{Source: "认定方法", Item: "3.1"}, {Source: "PIPL", Item: "第23条"}}, Owner: "pangle", Fingerprint: "c0ffee0000000002"},
			{Rule: "CNPI-SDK-001", Severity: checks.High, Title: "Third-party SDK not disclosed in the privacy policy", TitleZH: "隐私政策未说明第三方SDK",
				Message: "Firebase Analytics (Google LLC) sends PI overseas and the policy does not name it.", MessageZH: "Firebase Analytics（Google LLC）会向境外传输个人信息，但隐私政策未提及。",
				Evidence: []checks.Evidence{{Kind: "sdk", Path: "classes2.dex", Locator: "com.google.firebase.analytics"}},
				Clauses:  []checks.Clause{{Source: "PIPL", Item: "第39条"}}, Owner: "firebase_analytics", Fingerprint: "c0ffee0000000001"},
			{Rule: "CNPI-PERM-003", Severity: checks.Medium, Title: "Permission's personal information not disclosed", TitleZH: "权限对应的个人信息未在政策中说明",
				Message: "ACCESS_FINE_LOCATION reaches precise location; the policy does not mention it.", MessageZH: "ACCESS_FINE_LOCATION 可获取精确位置，政策未说明。",
				Evidence: []checks.Evidence{{Kind: "manifest", Path: "AndroidManifest.xml", Locator: "android.permission.ACCESS_FINE_LOCATION"},
					{Kind: "dex", Path: "classes3.dex", Locator: "com.bytedance.sdk.openadsdk.core.l.a()", Snippet: "LocationManager.getLastKnownLocation"}},
				Clauses: []checks.Clause{{Source: "GB/T 41391-2022", Item: "§4"}}, Owner: "pangle", Fingerprint: "c0ffee0000000003"},
		},
		Diagnostics: []analyzer.Diagnostic{{Path: "assets/plugin.jar", Message: "nested archive not read: encrypted"}},
		Suppressed:  []SuppressedFinding{{Rule: "CNPI-CFG-002", Fingerprint: "c0ffee00000000ff", By: "config", Reason: "调试包，发布前关闭"}},
	}
	r.SharingList = BuildSharingList(r.SDKs, r.Policy)
	r.Finalize()
	return r
}
