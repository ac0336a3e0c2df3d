package policy

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestSDKDenial: the review's negsdk.html (the demo policy plus "我们未接入友盟统计
// SDK") must not count Umeng as named; the denial is kept as evidence.
func TestSDKDenial(t *testing.T) {
	demo, err := os.ReadFile(filepath.Join("..", "testdata", "policy", "demo-privacy.html"))
	if err != nil {
		t.Fatal(err)
	}
	doc := strings.Replace(string(demo), "</body>", "<p>我们未接入友盟统计SDK，也不会收集您的人脸信息。</p></body>", 1)
	f, err := Analyze("negsdk.html", []byte(doc), testDB())
	if err != nil {
		t.Fatal(err)
	}
	if f.Names("umeng_analytics") || mention(f, "umeng_analytics") != nil {
		t.Errorf("denied Umeng counted as named: %v", sdkIDs(f))
	}
	if !f.DeniesSDK("umeng_analytics") || len(f.DeniedSDKs) != 1 || f.DeniedSDKs[0].Denied[0].Sentence != "我们未接入友盟统计SDK，也不会收集您的人脸信息。" {
		t.Errorf("denial not recorded: %+v", f.DeniedSDKs)
	}
	if !f.Names("jpush") || f.DeniesSDK("jpush") {
		t.Errorf("JPush (listed) lost: %v", sdkIDs(f))
	}

	// Named in the list and denied elsewhere: still named, the contradiction kept.
	both := strings.Replace(string(demo), "</body>", "<p>我们没有使用极光推送SDK。</p></body>", 1)
	f, err = Analyze("both.html", []byte(both), testDB())
	if err != nil {
		t.Fatal(err)
	}
	if m := mention(f, "jpush"); m == nil || !m.InList || len(m.Denied) != 1 || f.DeniesSDK("jpush") {
		t.Errorf("jpush listed and denied: %+v", m)
	}
}

func TestSDKPolarity(t *testing.T) {
	cases := []struct {
		s, name string
		want    int
	}{
		{"我们未接入友盟统计sdk", "友盟", denied},
		{"本应用不包含极光推送sdk", "极光", denied},
		{"我们不会向友盟提供您的个人信息", "友盟", denied},
		{"we do not use umeng analytics", "umeng", denied},
		{"we will never share your data with umeng analytics", "umeng", denied},
		// The SDK is the subject: it is there.
		{"友盟统计sdk不会收集您的通讯录", "友盟", stated},
		// The user's choice.
		{"如您不使用微信sdk登录,可以使用手机号登录", "微信", stated},
		{"当您不使用qq登录时", "qq", stated},
		// A condition names the recipient.
		{"未经您的同意,我们不会向友盟提供您的个人信息", "友盟", conditional},
		{"我们接入了友盟统计sdk", "友盟", stated},
		{"我们不会收集您的通讯录,我们使用友盟统计sdk", "友盟", stated},
	}
	for _, c := range cases {
		if got := sdkPolarity(c.s, strings.Index(c.s, c.name)); got != c.want {
			t.Errorf("sdkPolarity(%q) = %d, want %d", c.s, got, c.want)
		}
	}
}

// TestSDKPICategories: what the policy says each SDK collects, as category keys: the
// demo's JPush row lists Android ID and OAID in its PI column; a text record states
// its own; a sentence naming an SDK states what it says; denials and the SDK's own
// name ("…定位SDK") do not count.
func TestSDKPICategories(t *testing.T) {
	f := load(t, "demo-privacy.html")
	if m := mention(f, "jpush"); m == nil || !reflect.DeepEqual(m.PICategories, []string{"android_id", "advertising_id"}) {
		t.Errorf("demo jpush: %+v", m)
	}
	doc := `# 隐私政策
## 第三方SDK目录
| SDK名称 | 使用目的 | 收集的信息 |
| --- | --- | --- |
| 友盟统计 | 统计分析,提供定位相关报表 | 设备标识(IMEI)、MAC地址 |

为发现崩溃问题,我们使用腾讯Bugly收集崩溃日志和IP地址,腾讯Bugly不会收集您的通讯录。
`
	f, err := Analyze("p.md", []byte(doc), testDB())
	if err != nil {
		t.Fatal(err)
	}
	if m := mention(f, "umeng_analytics"); m == nil || !reflect.DeepEqual(m.PICategories, []string{"device_id", "mac"}) {
		t.Errorf("umeng row (purpose column mentions 定位, not a PI type): %+v", m)
	}
	if m := mention(f, "tencent_bugly"); m == nil || !reflect.DeepEqual(m.PICategories, []string{"ip"}) {
		t.Errorf("bugly sentence: %+v", m)
	}
}

// TestReaderReusesIndex: one Reader builds its SDK matcher once for every document it
// reads; a Reader without a database names no SDKs.
func TestReaderReusesIndex(t *testing.T) {
	r := NewReader(realDB(t))
	doc := []byte("我们接入了友盟统计SDK,用于统计分析。我们收集您的设备信息。")
	a, err := r.Analyze("a.txt", doc)
	if err != nil {
		t.Fatal(err)
	}
	first := r.index()
	b, _ := r.Analyze("b.txt", doc)
	if r.index() != first || !a.Names("umeng_analytics") || !b.Names("umeng_analytics") {
		t.Errorf("index rebuilt or SDK missed: %v %v", sdkIDs(a), sdkIDs(b))
	}
	if f, _ := NewReader(nil).Analyze("c.txt", doc); len(f.SDKs) != 0 {
		t.Errorf("no database, yet SDKs %v", sdkIDs(f))
	}
}

// TestSharedVendorName: 广东欢太科技有限公司 (HeyTap) makes OPPO's push, ads, OpenID
// and game SDKs. Its name alone names none of them; in an SDK table row whose
// purpose says 推送 it names the push SDK.
func TestSharedVendorName(t *testing.T) {
	db := realDB(t)
	doc := "## 第三方SDK清单\n\n推送通知消息(OPPO推送SDK)\n\n第三方名称:广东欢太科技有限公司\n\n使用目的:用于在OPPO设备上推送消息\n\n" +
		"欢太账号由广东欢太科技有限公司提供。\n\n" +
		"| 第三方名称 | 使用目的 | 收集信息 |\n|---|---|---|\n| 广东欢太科技有限公司 | 消息推送 | 设备标识 |\n| 广东欢太科技有限公司 | 运营活动 | 设备标识 |\n"
	f, err := NewReader(db).Analyze("list.md", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"oppo_ads", "heytap_openid", "oppo_game"} {
		if f.Names(id) {
			t.Errorf("%s named by the vendor's name: %+v", id, mention(f, id))
		}
	}
	m := mention(f, "oppo_push")
	if m == nil || !m.InList {
		t.Fatalf("oppo_push not listed: %v", sdkIDs(f))
	}
	rowNamed := false
	for _, e := range m.Evidence {
		rowNamed = rowNamed || strings.Contains(e.Sentence, "消息推送")
	}
	if !rowNamed {
		t.Errorf("the 消息推送 row does not name oppo_push: %+v", m.Evidence)
	}
}
