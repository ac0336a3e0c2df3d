package policy

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/hegui-dev/hegui/sdkdb"
)

func simplifiedEncode(s string) ([]byte, error) {
	out, err := simplifiedchinese.GBK.NewEncoder().String(s)
	return []byte(out), err
}

// testDB is a small SDK database with the traps real names set: a product whose
// name extends another's ("Bugly Pro" / "Bugly"), a two-letter alias ("QQ"), a
// vendor with several products (Tencent) and one with a single product (JIGUANG).
func testDB() *sdkdb.DB {
	return &sdkdb.DB{Entries: []sdkdb.Entry{
		{ID: "jpush", Name: "JPush", NameZH: "极光推送", Aliases: []string{"极光推送SDK", "JIGUANG"}, Vendor: "深圳市和讯华谷信息技术有限公司", Category: sdkdb.CatPush},
		{ID: "umeng_analytics", Name: "Umeng Analytics", NameZH: "友盟统计", Aliases: []string{"友盟+", "U-App"}, Vendor: "友盟同欣(北京)科技有限公司", Category: sdkdb.CatAnalytics},
		{ID: "wechat_opensdk", Name: "WeChat OpenSDK", NameZH: "微信开放平台SDK", Aliases: []string{"微信OpenSDK", "微信SDK"}, Vendor: "深圳市腾讯计算机系统有限公司", Category: sdkdb.CatSocial},
		{ID: "tencent_bugly", Name: "Tencent Bugly", NameZH: "腾讯Bugly", Aliases: []string{"Bugly"}, Vendor: "深圳市腾讯计算机系统有限公司", Category: sdkdb.CatCrash},
		{ID: "bugly_pro", Name: "Bugly Pro", Vendor: "深圳市腾讯计算机系统有限公司", Category: sdkdb.CatCrash},
		{ID: "qq_connect", Name: "QQ Connect", NameZH: "QQ互联", Aliases: []string{"QQ"}, Vendor: "深圳市腾讯计算机系统有限公司", Category: sdkdb.CatSocial},
		{ID: "msa_oaid", Name: "MSA OAID", NameZH: "移动安全联盟OAID", Aliases: []string{"OAID", "MSA"}, Vendor: "移动安全联盟", Category: sdkdb.CatRisk},
		{ID: "firebase_crashlytics", Name: "Firebase Crashlytics", Vendor: "Google LLC", Category: sdkdb.CatCrash, Overseas: true},
	}}
}

func load(t *testing.T, name string) *Facts {
	t.Helper()
	f, err := FromFiles([]string{filepath.Join("..", "testdata", "policy", name)}, testDB())
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func sdkIDs(f *Facts) []string {
	var ids []string
	for _, s := range f.SDKs {
		ids = append(ids, s.ID)
	}
	return ids
}

func mention(f *Facts, id string) *SDKMention {
	for i := range f.SDKs {
		if f.SDKs[i].ID == id {
			return &f.SDKs[i]
		}
	}
	return nil
}

func category(f *Facts, key string) *PIDisclosure {
	for i := range f.PICategories {
		if f.PICategories[i].Category == key {
			return &f.PICategories[i]
		}
	}
	return nil
}

func wantItems(t *testing.T, f *Facts, found bool, keys ...string) {
	t.Helper()
	for _, k := range keys {
		it, ok := f.Items[k]
		if !ok {
			t.Errorf("item %s absent from Items", k)
			continue
		}
		if it.Found != found {
			t.Errorf("item %s: found=%v, want %v (evidence %v)", k, it.Found, found, it.Evidence)
		}
		if found && len(it.Evidence) == 0 {
			t.Errorf("item %s found without evidence", k)
		}
	}
}

func TestCompleteChinesePolicy(t *testing.T) {
	f := load(t, "complete-zh.html")
	wantItems(t, f, true, ItemKeys...)
	if f.AccountCancellationDays != 15 {
		t.Errorf("account cancellation days = %d, want 15 (十五个工作日)", f.AccountCancellationDays)
	}
	if f.Language != "zh" || f.Documents[0].Encoding != "utf-8" {
		t.Errorf("language %q encoding %q", f.Language, f.Documents[0].Encoding)
	}
	// "Bugly Pro" is its own product, not Bugly; the Tencent legal name alone names no SDK.
	if got := strings.Join(sdkIDs(f), ","); got != "bugly_pro,jpush,umeng_analytics" {
		t.Errorf("SDKs = %s, want bugly_pro,jpush,umeng_analytics", got)
	}
	jp := mention(f, "jpush")
	if jp == nil || !jp.InList || jp.Described != (Described{Vendor: true, Purpose: true, PITypes: true, Contact: true}) {
		t.Fatalf("jpush mention = %+v", jp)
	}
	// The table row stays together as one piece of evidence.
	if s := jp.Evidence[0].Sentence; !strings.Contains(s, "极光推送 | 深圳市和讯华谷信息技术有限公司 | 推送消息 | 设备标识符") {
		t.Errorf("jpush evidence %q does not keep the row", s)
	}
	if jp.Evidence[0].Section != "二、第三方SDK目录" {
		t.Errorf("jpush section %q", jp.Evidence[0].Section)
	}
	if bp := mention(f, "bugly_pro"); bp.Described.PITypes || bp.Described.Contact || !bp.Described.Purpose {
		t.Errorf("Bugly Pro row has '-' for PI and link: %+v", bp.Described)
	}
	for _, k := range []string{"location", "device_id", "android_id", "advertising_id", "camera", "face"} {
		if !f.Discloses(k) {
			t.Errorf("category %s not disclosed", k)
		}
	}
	if c := category(f, "location"); len(c.Purposes) == 0 || !strings.Contains(c.Purposes[0], "展示附近的线下活动") {
		t.Errorf("location purposes %v", c.Purposes)
	}
	if f.Discloses("contacts") || f.Discloses("sms") {
		t.Error("contacts/sms disclosed but never mentioned")
	}
}

func TestDemoPolicy(t *testing.T) {
	f := load(t, "demo-privacy.html")
	if f.AccountCancellationDays != 30 {
		t.Errorf("days = %d, want 30", f.AccountCancellationDays)
	}
	if got := strings.Join(sdkIDs(f), ","); got != "jpush,tencent_bugly,wechat_opensdk" {
		t.Errorf("SDKs = %s (Umeng must be missing: the demo omits it on purpose)", got)
	}
	for _, k := range []string{"location", "camera", "storage"} {
		if !f.Discloses(k) {
			t.Errorf("%s not disclosed", k)
		}
	}
	if f.Discloses("device_id") {
		t.Errorf("device_id (READ_PHONE_STATE) disclosed: %+v", category(f, "device_id"))
	}
	if c := category(f, "contacts"); c == nil || len(c.Denied) == 0 || len(c.Evidence) != 0 {
		t.Errorf("contacts should be denied only: %+v", c)
	}
	wantItems(t, f, false, ItemCrossBorder, ItemFace)
	wantItems(t, f, true, ItemOperator, ItemContact, ItemComplaintChannel, ItemEffectiveDate, ItemWithdrawConsent,
		ItemAccountCancellation, ItemRightsAccess, ItemRightsDeletion, ItemMinors, ItemPersonalizationOptOut,
		ItemSensitiveSeparateConsent, ItemRetention, ItemCollectionList, ItemSharingList)
	// "账号注销后…15日内删除" is about deletion after cancellation, not its handling time.
	if ev := f.Items[ItemAccountCancellation].Evidence[0].Sentence; strings.Contains(ev, "注销后") {
		t.Errorf("account cancellation evidence %q", ev)
	}
}

func TestDeficientPolicy(t *testing.T) {
	f := load(t, "deficient-zh.txt")
	wantItems(t, f, false, ItemOperator, ItemContact, ItemComplaintChannel, ItemEffectiveDate, ItemWithdrawConsent,
		ItemAccountCancellation, ItemRightsAccess, ItemRightsDeletion, ItemMinors, ItemPersonalizationOptOut,
		ItemSensitiveSeparateConsent, ItemFace, ItemCrossBorder, ItemRetention, ItemCollectionList, ItemSharingList)
	if f.AccountCancellationDays != 0 || len(f.SDKs) != 0 {
		t.Errorf("days %d sdks %v", f.AccountCancellationDays, sdkIDs(f))
	}
	for _, k := range []string{"camera", "device_id", "location"} {
		if !f.Discloses(k) {
			t.Errorf("%s not disclosed", k)
		}
	}
}

func TestEnglishPolicy(t *testing.T) {
	f := load(t, "english.md")
	if f.Language != "en" {
		t.Errorf("language %q", f.Language)
	}
	wantItems(t, f, true, ItemOperator, ItemContact, ItemComplaintChannel, ItemEffectiveDate, ItemWithdrawConsent,
		ItemAccountCancellation, ItemRightsAccess, ItemRightsDeletion, ItemMinors, ItemPersonalizationOptOut,
		ItemSensitiveSeparateConsent, ItemCrossBorder, ItemRetention, ItemSharingList)
	wantItems(t, f, false, ItemFace, ItemCollectionList)
	if f.AccountCancellationDays != 15 {
		t.Errorf("days = %d, want 15 (fifteen working days)", f.AccountCancellationDays)
	}
	if m := mention(f, "firebase_crashlytics"); m == nil || !m.InList || !m.Described.Vendor || !m.Described.Contact {
		t.Errorf("crashlytics mention %+v", m)
	}
	for _, k := range []string{"location", "camera", "android_id", "advertising_id", "device_id"} {
		if !f.Discloses(k) {
			t.Errorf("%s not disclosed", k)
		}
	}
	for _, k := range []string{"contacts", "call_log"} {
		if c := category(f, k); c == nil || len(c.Denied) == 0 || f.Discloses(k) {
			t.Errorf("%s should be denied: %+v", k, c)
		}
	}
}

func TestNegations(t *testing.T) {
	f := load(t, "negations-zh.md")
	for _, k := range []string{"contacts", "sms", "call_log", "face", "location", "app_list"} {
		c := category(f, k)
		if c == nil || len(c.Denied) == 0 || len(c.Evidence) != 0 {
			t.Errorf("%s: want denied only, got %+v", k, c)
		}
	}
	// Stated, even next to a negation or as the user's condition.
	for _, k := range []string{"phone_number", "device_id", "camera"} {
		if !f.Discloses(k) {
			t.Errorf("%s not disclosed", k)
		}
	}
	// "除非…单独同意" and "未经您的同意" neither state nor deny.
	for _, k := range []string{"id_card", "clipboard"} {
		if c := category(f, k); c == nil || len(c.Evidence) != 0 || len(c.Denied) != 0 {
			t.Errorf("%s: want conditional (no evidence, no denial), got %+v", k, c)
		}
	}
	wantItems(t, f, false, ItemCrossBorder, ItemFace)
	for k, want := range map[string]string{ItemFace: "本应用不会收集您的人脸信息。", ItemCrossBorder: "我们不会向境外提供您的个人信息。"} {
		if d := f.Items[k].Denied; len(d) != 1 || d[0].Sentence != want {
			t.Errorf("%s: denial %+v, want %q", k, d, want)
		}
	}
	// A stated item records no denial.
	if d := load(t, "complete-zh.html").Items[ItemFace].Denied; len(d) != 0 {
		t.Errorf("complete-zh face denied: %+v", d)
	}
}

func TestPolarity(t *testing.T) {
	cases := []struct {
		s, kw string
		want  int
	}{
		{"我们不会收集您的通讯录", "通讯录", denied},
		{"我们会收集位置信息,不会收集通讯录", "位置信息", stated},
		{"我们会收集位置信息而不会收集通讯录", "位置信息", stated},
		{"我们会收集位置信息而不会收集通讯录", "通讯录", denied},
		{"如您不提供手机号码,将无法注册", "手机号码", stated},
		{"除非取得您的单独同意,我们不会收集您的人脸信息", "人脸", conditional},
		{"我们不会向境外提供您的个人信息", "境外", denied},
		{"we do not collect your contacts", "contacts", denied},
		{"if you do not share your location, some features will not work", "location", stated},
		{"we will never sell your location unless you agree", "location", conditional},
	}
	for _, c := range cases {
		low := lowerASCII(c.s)
		if got := polarity(low, strings.Index(low, c.kw)); got != c.want {
			t.Errorf("polarity(%q, %q) = %d, want %d", c.s, c.kw, got, c.want)
		}
	}
}

func TestEncodings(t *testing.T) {
	g := load(t, "gbk.txt")
	if g.Documents[0].Encoding != "gb18030" {
		t.Errorf("gbk.txt read as %s", g.Documents[0].Encoding)
	}
	if !g.Discloses("location") || !g.Discloses("camera") || g.AccountCancellationDays != 7 {
		t.Errorf("gbk.txt: location %v camera %v days %d", g.Discloses("location"), g.Discloses("camera"), g.AccountCancellationDays)
	}
	wantItems(t, g, true, ItemOperator, ItemContact, ItemComplaintChannel, ItemEffectiveDate, ItemAccountCancellation)

	u := load(t, "utf16le.txt")
	if u.Documents[0].Encoding != "utf-16le" {
		t.Errorf("utf16le.txt read as %s", u.Documents[0].Encoding)
	}
	if !u.Discloses("microphone") || u.Discloses("contacts") {
		t.Errorf("utf16: microphone %v contacts %v", u.Discloses("microphone"), u.Discloses("contacts"))
	}
	wantItems(t, u, true, ItemWithdrawConsent, ItemEffectiveDate)

	// The same text in every encoding gives the same facts.
	src, _ := os.ReadFile(filepath.Join("..", "testdata", "policy", "negations-zh.md"))
	ref, _ := Analyze("p.md", src, testDB())
	for name, b := range map[string][]byte{
		"utf-8-bom": append([]byte{0xEF, 0xBB, 0xBF}, src...),
		"utf-16be":  utf16(src, true, true),
		"utf-16le":  append([]byte{0xFF, 0xFE}, utf16(src, false, false)...),
	} {
		got, err := Analyze("p.md", b, testDB())
		if err != nil {
			t.Fatal(err)
		}
		if got.Documents[0].Encoding != name {
			t.Errorf("%s read as %s", name, got.Documents[0].Encoding)
		}
		got.Documents, ref.Documents = nil, nil
		a, _ := json.Marshal(got)
		b, _ := json.Marshal(ref)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: facts differ from UTF-8", name)
		}
	}
}

func utf16(b []byte, big, bom bool) []byte {
	var out []byte
	if bom {
		out = append(out, 0xFE, 0xFF)
	}
	for _, r := range string(b) {
		if r > 0xFFFF {
			continue
		}
		if big {
			out = append(out, byte(r>>8), byte(r))
		} else {
			out = append(out, byte(r), byte(r>>8))
		}
	}
	return out
}

func TestGBKWithMetaCharset(t *testing.T) {
	html := "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><p>我们会收集您的通讯录，用于好友推荐。</p></body></html>"
	enc, _ := simplifiedEncode(html)
	f, err := Analyze("p.html", enc, nil)
	if err != nil {
		t.Fatal(err)
	}
	if f.Documents[0].Encoding != "gbk" || !f.Discloses("contacts") {
		t.Errorf("encoding %s contacts %v", f.Documents[0].Encoding, f.Discloses("contacts"))
	}
}

func TestCancellationDays(t *testing.T) {
	type want struct {
		days int
		unit string
	}
	cases := map[string]want{
		"我们将在15个工作日内完成注销":                                    {15, UnitWorkingDays},
		"注销账号将在十五个工作日内处理完毕":                                  {15, UnitWorkingDays},
		"申请注销账号后,我们会在7日内完成":                                  {7, UnitDays},
		"注销账户的审核时间为二十个工作日":                                   {20, UnitWorkingDays},
		"我们将在收到申请后20天内完成注销":                                  {20, UnitDays},
		"我们将在15个自然日内完成注销":                                    {15, UnitDays},
		"账号注销后我们将在15日内删除您的信息":                                {0, ""},
		"we will delete your account within thirty days":     {30, UnitDays},
		"we will close your account within 10 business days": {10, UnitWorkingDays},
		"we will close your account within 10 calendar days": {10, UnitDays},
	}
	for s, w := range cases {
		if days, unit, _ := cancellationDays(lowerASCII(s)); days != w.days || unit != w.unit {
			t.Errorf("cancellationDays(%q) = %d %s, want %d %s", s, days, unit, w.days, w.unit)
		}
	}
}

// TestCancellationEvidence: the limit carries its unit and the sentence stating it,
// also when that sentence follows the one naming account cancellation (p20.txt of
// the review and the demo policy: the number is in the second sentence).
func TestCancellationEvidence(t *testing.T) {
	for _, c := range []struct {
		doc, sentence, unit string
		days                int
	}{
		{"某某App隐私政策\n本政策由北京某某科技有限公司运营。\n您可以在“设置-账号与安全-注销账号”中申请注销账号。我们将在收到申请后20天内完成注销。\n",
			"我们将在收到申请后20天内完成注销。", UnitDays, 20},
		{"您可以通过客服申请注销账户,我们会在15个工作日内完成审核。", "您可以通过客服申请注销账户,我们会在15个工作日内完成审核。", UnitWorkingDays, 15},
	} {
		f, err := Analyze("p.txt", []byte(c.doc), nil)
		if err != nil {
			t.Fatal(err)
		}
		e := f.AccountCancellationEvidence
		if f.AccountCancellationDays != c.days || f.AccountCancellationUnit != c.unit || e == nil || e.Sentence != c.sentence || e.Path != "p.txt" {
			t.Errorf("%q: days %d %s, evidence %+v", c.doc, f.AccountCancellationDays, f.AccountCancellationUnit, e)
		}
	}
	f := load(t, "demo-privacy.html")
	if e := f.AccountCancellationEvidence; f.AccountCancellationDays != 30 || f.AccountCancellationUnit != UnitWorkingDays || e == nil || !strings.Contains(e.Sentence, "30个工作日") {
		t.Errorf("demo: %d %s %+v", f.AccountCancellationDays, f.AccountCancellationUnit, e)
	}
}

func TestMatcherBoundaries(t *testing.T) {
	x := buildIndex(testDB())
	cases := map[string][]string{
		"我们接入了 bugly pro 进行监控":      {"bugly_pro"},
		"我们接入了 Bugly 进行监控":          {"tencent_bugly"},
		"BuglyX 不是 Bugly":           {"tencent_bugly"},
		"使用QQ登录":                    {"qq_connect"},
		"QQQ 与 faq 无关":              nil,
		"我们会收集OAID":                 nil, // a PI type, not the MSA SDK
		"深圳市腾讯计算机系统有限公司":            nil,
		"极光推送SDK | 深圳市和讯华谷信息技术有限公司": {"jpush"},
		"腾讯 Bugly":                  {"tencent_bugly"},
		"接入BuglySDK":                {"tencent_bugly"},
		"极光PUSH":                    {"jpush"},
	}
	for s, want := range cases {
		var got []string
		for _, h := range x.find(lowerASCII(normalise(s))) {
			for _, e := range x.names.vals[h.pat] {
				got = append(got, x.entries[e].ID)
			}
		}
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%q: got %v want %v", s, got, want)
		}
	}
}

func TestCategoryForPermission(t *testing.T) {
	cases := map[string]string{
		"android.permission.READ_PHONE_STATE":       "device_id",
		"CAMERA":                                    "camera",
		"android.permission.ACCESS_COARSE_LOCATION": "location",
		"android.permission.READ_MEDIA_IMAGES":      "storage",
		"android.permission.QUERY_ALL_PACKAGES":     "app_list",
		"com.google.android.gms.permission.AD_ID":   "advertising_id",
		"android.permission.INTERNET":               "",
	}
	for p, want := range cases {
		if got := CategoryForPermission(p); got != want {
			t.Errorf("CategoryForPermission(%s) = %q, want %q", p, got, want)
		}
	}
	seen := map[string]bool{}
	for _, c := range Categories() {
		if seen[c.Key] || len(c.Keywords) == 0 {
			t.Errorf("category %q duplicated or without keywords", c.Key)
		}
		seen[c.Key] = true
	}
}

func TestJSONContract(t *testing.T) {
	f, err := Analyze("empty.txt", []byte("无关文本。"), nil)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(f)
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	items := m["items"].(map[string]any)
	for _, k := range ItemKeys {
		it, ok := items[k].(map[string]any)
		if !ok {
			t.Fatalf("item %s missing from JSON", k)
		}
		if ev, ok := it["evidence"].([]any); !ok || ev == nil {
			t.Errorf("item %s evidence is %v, want []", k, it["evidence"])
		}
	}
	for _, k := range []string{"sdks", "pi_categories", "documents"} {
		if _, ok := m[k].([]any); !ok {
			t.Errorf("%s is %v, want an array", k, m[k])
		}
	}
	if _, ok := m["account_cancellation_days"]; ok {
		t.Error("account_cancellation_days present without a promise")
	}
}

func TestDeterministic(t *testing.T) {
	paths := []string{filepath.Join("..", "testdata", "policy", "complete-zh.html"), filepath.Join("..", "testdata", "policy", "english.md")}
	var prev []byte
	for i := 0; i < 3; i++ {
		f, err := FromFiles(paths, testDB())
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(f)
		if prev != nil && !bytes.Equal(prev, b) {
			t.Fatal("output differs between runs")
		}
		prev = b
	}
}

func TestFromFilesErrors(t *testing.T) {
	_, err := FromFiles([]string{"../testdata/policy/nope.html"}, nil)
	if err == nil || !strings.Contains(err.Error(), "nope.html") {
		t.Errorf("missing file: %v", err)
	}
	_, err = FromFiles([]string{"../testdata/policy"}, nil)
	if err == nil || !strings.Contains(err.Error(), "directory") {
		t.Errorf("directory: %v", err)
	}
}

func TestHostileInput(t *testing.T) {
	inputs := [][]byte{
		bytes.Repeat([]byte("<div>"), 100000),
		bytes.Repeat([]byte("|"), 50000),
		bytes.Repeat([]byte{0xFF, 0xFE, 0x00}, 1000),
		[]byte("<table><tr><td>" + strings.Repeat("<table><tr><td>x", 2000)),
		bytes.Repeat([]byte("# \n"), 10000),
		{},
	}
	for i, in := range inputs {
		for _, name := range []string{"x.html", "x.md", "x.txt", "x.json"} {
			if _, err := Analyze(name, in, testDB()); err != nil && i != 2 {
				t.Errorf("input %d as %s: %v", i, name, err)
			}
		}
	}
	if _, err := Analyze("big.txt", make([]byte, MaxDocBytes+1), nil); err == nil {
		t.Error("oversized document accepted")
	}
}

// FuzzAnalyze: any bytes, under any name, give facts with every item key and no
// panic.
func FuzzAnalyze(f *testing.F) {
	for _, n := range []string{"complete-zh.html", "english.md", "negations-zh.md", "gbk.txt", "utf16le.txt"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "policy", n))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(n, b)
	}
	db := testDB()
	f.Fuzz(func(t *testing.T, name string, b []byte) {
		facts, err := Analyze(name, b, db)
		if err != nil {
			return
		}
		if len(facts.Items) != len(ItemKeys) {
			t.Fatalf("%d items", len(facts.Items))
		}
	})
}

// TestRetentionWordings: retention stated as a period the purpose needs, a number of
// days, or a section title, as real policies write it; storage place or a verb alone
// is not a retention period.
func TestRetentionWordings(t *testing.T) {
	yes := []string{
		"我们基于本隐私政策中所述的信息收集的目的所必需的期间,或者遵守适用的相关法律要求保留个人信息。",
		"一般情况下,我们只会在为实现本指引所述目的所必需的90天内(根据第三方开发者特殊要求的可以延长到180天)或法律法规规定的条件内存储终端用户的个人信息。",
		"为个性化内容推荐和展示而收集的信息将在服务器保存 30 天。",
		"游戏加速功能收集的数据将保存六个月。",
		"我们仅在为酷安提供服务只必须的期间内保留您的个人信息。",
		"We keep your data only as long as necessary for these purposes.",
	}
	no := []string{
		"此部分数据仅保存在本地。",
		"我们会以加密的方式存储,您也可以随时删除这些信息。",
		"7、根据您的要求签订合同所必需的;",
		"本公司保留随时修改本政策的权利。",
		"我们将在15个工作日内完成处理。",
	}
	for _, s := range yes {
		f, err := Analyze("p.txt", []byte(s), nil)
		if err != nil {
			t.Fatal(err)
		}
		if it := f.Items[ItemRetention]; !it.Found || it.Evidence[0].Sentence != s {
			t.Errorf("retention not found in %q: %+v", s, it)
		}
	}
	for _, s := range no {
		f, err := Analyze("p.txt", []byte(s), nil)
		if err != nil {
			t.Fatal(err)
		}
		if it := f.Items[ItemRetention]; it.Found {
			t.Errorf("retention wrongly found in %q", s)
		}
	}
}
