package checks

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hegui-dev/hegui/internal/testcorpus"
	"github.com/hegui-dev/hegui/policy"
)

func TestIsPolicyURL(t *testing.T) {
	for u, want := range map[string]bool{
		// hosted policies and agreements seen in Chinese apps
		"https://m.example.com/h5/privacy.html":                   true,
		"https://www.example.cn/yinsi.html":                       true,
		"https://static.example.com/agreement/user_protocol.html": true,
		"https://h5.example.com/yonghuxieyi/index.html":           true,
		"https://example.com/policy.html":                         true,
		"https://example.com/legal/privacy-policy":                true,
		"www.example.com/privacy":                                 true,
		"https://example.com/app/隐私政策.html":                       true,
		// corpus false positives (review item 6)
		"http://jabber.org/protocol/compress":                          false,
		"https://cgi.connect.qq.com/qqconnectopen/openapi/policy_conf": false,
		// namespaces, licences, endpoints, generic policy words
		"http://schemas.microsoft.com/DRM/2007/03/protocols/AcquireLicense": false,
		"https://www.apache.org/licenses/LICENSE-2.0":                       false,
		"https://example.com/license":                                       false,
		"https://api.example.com/v2/policy":                                 false,
		"https://example.com/cache/policy/refresh":                          false,
		"https://example.com/protocol/v3":                                   false,
		"https://api.example.com/privacy/consent.json":                      false,
	} {
		if got := isPolicyURL(u); got != want {
			t.Errorf("isPolicyURL(%q) = %v, want %v", u, got, want)
		}
	}
}

// The two corpus APKs whose only "policy URL" was an XMPP namespace and a QQ
// Connect config endpoint have no policy at all: POL-001 is high, not low.
func TestPOL001_CorpusNamespaceAndEndpointAreNoPolicy(t *testing.T) {
	for _, name := range []string{"mob-sharesdk-sample-2.6.2.apk", "built/sdkmix-multidex.apk"} {
		fs, _ := scanAPK(t, testcorpus.Path(t, "apk", name))
		n := 0
		for _, f := range fs {
			if f.Rule != "CNPI-POL-001" {
				continue
			}
			n++
			if f.Severity != High {
				t.Errorf("%s: POL-001 %s: %s", name, f.Severity, f.Message)
			}
			for _, ev := range f.Evidence {
				if ev.Snippet == "http://jabber.org/protocol/compress" || ev.Snippet == "https://cgi.connect.qq.com/qqconnectopen/openapi/policy_conf" {
					t.Errorf("%s: POL-001 cites %s", name, ev.Snippet)
				}
			}
		}
		if n != 1 {
			t.Errorf("%s: %d POL-001 findings, want 1", name, n)
		}
	}
}

// policyFromText reads a crafted policy text the way `--policy FILE` does.
func policyFromText(t *testing.T, text string) *policy.Facts {
	t.Helper()
	path := filepath.Join(t.TempDir(), "privacy.txt")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	dbOnce.Do(func() { db, dbErr = loadDB() })
	if dbErr != nil {
		t.Fatal(dbErr)
	}
	p, err := policy.FromFiles([]string{path}, db)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

const cancellationPolicy = "某某App隐私政策\n更新日期：2025年1月1日\n本政策由北京某某科技有限公司运营。联系方式：privacy@example.cn。\n" +
	"您可以在“设置-账号与安全-注销账号”中申请注销账号。我们将在收到申请后%s内完成注销。\n"

// Review item 8: calendar days are compared with three weeks, named as days, and the
// evidence is the sentence stating the limit, not the one before it.
func TestRGT003_Positive_CalendarAndWorkingDaysEndToEnd(t *testing.T) {
	for _, c := range []struct {
		limit   string
		want    int
		message string
	}{
		{"20天", 0, ""},
		{"21个自然日", 0, ""},
		{"15个工作日", 0, ""},
		{"30天", 1, "30天（自然日）"},
		{"16个工作日", 1, "16个工作日"},
	} {
		p := policyFromText(t, fmt.Sprintf(cancellationPolicy, c.limit))
		fs := runRule(t, "CNPI-RGT-003", &Input{Facts: baseFacts(nil), Policy: p})
		if len(fs) != c.want {
			t.Errorf("%s: %d findings, want %d (%d %s)", c.limit, len(fs), c.want, p.AccountCancellationDays, p.AccountCancellationUnit)
			continue
		}
		if c.want == 0 {
			continue
		}
		mustContain(t, fs[0].MessageZH, c.message)
		if strings.Contains(c.limit, "天") && strings.Contains(fs[0].MessageZH, "个工作日内") {
			t.Errorf("%s: calendar days called working days: %s", c.limit, fs[0].MessageZH)
		}
		if len(fs[0].Evidence) != 1 || !strings.Contains(fs[0].Evidence[0].Snippet, c.limit) {
			t.Errorf("%s: evidence %+v does not quote the limit", c.limit, fs[0].Evidence)
		}
	}
}

func TestRGT003_Negative_CalendarWithinThreeWeeks(t *testing.T) {
	p := emptyPolicy()
	p.AccountCancellationDays, p.AccountCancellationUnit = 20, "days"
	wantFindings(t, runRule(t, "CNPI-RGT-003", &Input{Facts: baseFacts(nil), Policy: p}), 0)
	p.AccountCancellationDays = 22
	p.AccountCancellationEvidence = &policy.Evidence{Path: "p.txt", Sentence: "我们将在22天内完成注销。"}
	p.Items[policy.ItemAccountCancellation] = policy.Item{Found: true, Evidence: []policy.Evidence{{Path: "p.txt", Sentence: "您可以申请注销账号。"}}}
	fs := runRule(t, "CNPI-RGT-003", &Input{Facts: baseFacts(nil), Policy: p})
	wantFindings(t, fs, 1)
	if fs[0].Evidence[0].Snippet != "我们将在22天内完成注销。" {
		t.Errorf("evidence %q, want the sentence with the limit", fs[0].Evidence[0].Snippet)
	}
}

// Review item 13: UX-001 quotes the manifest's own action names.
func TestUX001_Positive_LiteralActionInDemo(t *testing.T) {
	fs, in := scanAPK(t, fixture(t, "apk/demo.apk"))
	var actions []string
	for _, c := range in.Facts.Components {
		if c.Name == "com.hegui.demo.BootReceiver" {
			for _, f := range c.IntentFilters {
				actions = append(actions, f.Actions...)
			}
		}
	}
	found := false
	for _, f := range fs {
		if f.Rule != "CNPI-UX-001" || f.Evidence[0].Locator != "com.hegui.demo.BootReceiver" {
			continue
		}
		found = true
		snip := f.Evidence[0].Snippet
		if snip != `<action android:name="android.intent.action.BOOT_COMPLETED"/>` {
			t.Errorf("snippet %q", snip)
		}
		for _, a := range strings.Split(strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(snip, `<action android:name="`), `"/>`), `"/> <action android:name="`, "\n"), "\n") {
			ok := false
			for _, m := range actions {
				ok = ok || m == a
			}
			if !ok {
				t.Errorf("snippet action %q is not in the manifest (%v)", a, actions)
			}
		}
	}
	if !found {
		t.Fatal("no UX-001 finding for the demo's BootReceiver")
	}
}

// Review item 13: the storage permission is proved by the sentence that asks for the
// storage permission, not by "您可以在笔记中插入图片。".
func TestDisclosureEvidence_PrefersSentenceNamingThePermission(t *testing.T) {
	p, err := policy.FromFiles([]string{fixture(t, "policy/demo-privacy.html")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for perm, want := range map[string]string{
		"android.permission.READ_EXTERNAL_STORAGE": "存储权限",
		"android.permission.CAMERA":                "相机权限",
		"android.permission.ACCESS_FINE_LOCATION":  "位置权限",
	} {
		key := policy.CategoryForPermission(perm)
		var got policy.Evidence
		ok := false
		for i := range p.PICategories {
			if p.PICategories[i].Category == key {
				got, ok = DisclosureEvidence(&p.PICategories[i], perm)
			}
		}
		if !ok || !strings.Contains(got.Sentence, want) {
			t.Errorf("%s: evidence %q, want a sentence with %s", perm, got.Sentence, want)
		}
	}
}

// Review item 13: a bundle's resource evidence names base/resources.pb, which it has,
// not resources.arsc, which it does not.
func TestPOL001_Positive_BundleResourceEvidence(t *testing.T) {
	for kind, want := range map[string]string{"aab": "base/resources.pb", "apk": "resources.arsc"} {
		f := baseFacts(newDex())
		f.Source.Kind = kind
		perms(f, "INTERNET")
		f.Resources.Strings = []string{"https://m.example.com/h5/privacy.html"}
		fs := runRule(t, "CNPI-POL-001", &Input{Facts: f})
		wantFindings(t, fs, 1)
		if fs[0].Evidence[0].Path != want {
			t.Errorf("%s: evidence path %q, want %q", kind, fs[0].Evidence[0].Path, want)
		}
	}
}

// Review item 15: a clipboard read in a new activity of the app is a new finding
// for baselines and diff, and the same finding in two apps has two fingerprints.
func TestMIN011_Positive_NewCallSiteNewFingerprint(t *testing.T) {
	fs, in := scanAPK(t, fixture(t, "apk/demo.apk"))
	before := ownedFingerprint(t, fs, "CNPI-MIN-011", "app")

	// The next version: a new activity reads the clipboard too.
	in.Facts.Dex.Files = append(in.Facts.Dex.Files, newDex().class("com.hegui.demo.ShareActivity", "android.app.Activity").
		method("onResume", "call:android.content.ClipboardManager.getPrimaryClip()Landroid/content/ClipData;").file())
	after := ownedFingerprint(t, Run(context.Background(), in).Findings, "CNPI-MIN-011", "app")
	if before == after {
		t.Errorf("a new call site kept fingerprint %s", before)
	}

	// The same finding in another app differs only by the package.
	in.Facts.Dex.Files = in.Facts.Dex.Files[:len(in.Facts.Dex.Files)-1]
	in.Facts.App.Package = "com.example.other"
	for _, f := range Run(context.Background(), in).Findings {
		if f.Fingerprint == before {
			t.Errorf("%s keeps demo's fingerprint %s in another app", f.Rule, before)
		}
	}
	// …and it is stable when nothing changed.
	in.Facts.App.Package = "com.hegui.demo"
	if again := ownedFingerprint(t, Run(context.Background(), in).Findings, "CNPI-MIN-011", "app"); again != before {
		t.Errorf("fingerprint not stable: %s then %s", before, again)
	}
}

func ownedFingerprint(t *testing.T, fs []Finding, rule, owner string) string {
	t.Helper()
	for _, f := range fs {
		if f.Rule == rule && f.Owner == owner {
			return f.Fingerprint
		}
	}
	t.Fatalf("no %s finding owned by %s", rule, owner)
	return ""
}

// Review item 16: in sdkmix no SDK is referenced by the app's code. SDKs whose code
// no entry point reaches (Umeng, Alipay) drop one level and say why; SDKs whose own
// manifest components run them (Getui's services) keep their severity; in demo the
// app calls Umeng, which stays high.
func TestMIN009_Positive_DormantSDKOneLevelLower(t *testing.T) {
	fs, _ := scanAPK(t, testcorpus.Path(t, "apk", "built/sdkmix-multidex.apk"))
	got := map[string]Severity{}
	for _, f := range fs {
		switch {
		case f.Rule == "CNPI-MIN-009" && (f.Owner == "umeng_analytics" || f.Owner == "alipay"):
			if f.Severity != Medium || !strings.Contains(f.Message, "bundled but not referenced by the app's code") || !strings.Contains(f.MessageZH, "App代码未引用") {
				t.Errorf("dormant %s: %s %s / %s", f.Owner, f.Severity, f.Message, f.MessageZH)
			}
		case f.Rule == "CNPI-MIN-009" && f.Owner == "getui_push":
			if f.Severity != High || strings.Contains(f.Message, "not referenced") {
				t.Errorf("getui (manifest services) lowered: %s %s", f.Severity, f.Message)
			}
		case f.Rule == "CNPI-SDK-001" && f.Owner == "umeng_analytics":
			if f.Severity != Low || strings.Contains(f.MessageZH, "App即向该SDK厂商提供了") || strings.Contains(f.Message, "the app provides") {
				t.Errorf("dormant SDK-001: %s %s / %s", f.Severity, f.Message, f.MessageZH)
			}
		}
		got[f.Rule+" "+f.Owner] = f.Severity
	}
	for _, k := range []string{"CNPI-MIN-009 umeng_analytics", "CNPI-MIN-009 getui_push", "CNPI-SDK-001 umeng_analytics"} {
		if _, ok := got[k]; !ok {
			t.Errorf("no %s finding", k)
		}
	}
	demo, _ := scanAPK(t, fixture(t, "apk/demo.apk"))
	for _, f := range demo {
		if f.Rule == "CNPI-MIN-009" && f.Owner == "umeng_analytics" && (f.Severity != High || strings.Contains(f.Message, "not referenced")) {
			t.Errorf("demo calls Umeng: %s %s", f.Severity, f.Message)
		}
	}
}

// Review item 21: Chinese messages carry no English phrases of our own making and
// English messages no Chinese category names; a read in the entry method itself is
// said so, not "经0层调用可达".
func TestMessagesKeepToOneLanguage(t *testing.T) {
	english := []string{"login screen", "app label", "app type", "login SDK", "string \"", "经0层", "receiver onReceive", "call(s)", "Tencent GDT"}
	hanRe := regexp.MustCompile(`\p{Han}`)
	n := 0
	legacyNeg := fixtureScan{APK: "legacy.apk", Policy: []string{"negations-zh.md"}} // ADM-001 on GDT
	for _, s := range []fixtureScan{scanDemo, scanLegacy, legacyNeg, scanKidsBad, scanKidsEdu, scanKidsSettingsBad, scanCleanEduBad} {
		for _, f := range scanFixture(t, s) {
			n++
			for _, w := range english {
				if strings.Contains(f.MessageZH, w) {
					t.Errorf("%s %s: zh message has %q: %s", s, f.Rule, w, f.MessageZH)
				}
			}
			if f.Rule == "CNPI-CON-009" && hanRe.MatchString(f.Message) {
				t.Errorf("%s %s: English message has Chinese: %s", s, f.Rule, f.Message)
			}
		}
	}
	if n < 30 {
		t.Fatalf("only %d findings checked", n)
	}
}

func TestCON001_Positive_ReadInEntryMethodItself(t *testing.T) {
	d := newDex().class("com.example.app.App", "android.app.Application").
		method("onCreate", "call:android.telephony.TelephonyManager.getDeviceId()Ljava/lang/String;")
	fs := runRule(t, "CNPI-CON-001", &Input{Facts: baseFacts(d)})
	wantFindings(t, fs, 1)
	mustContain(t, fs[0].MessageZH, "直接在入口方法Application的onCreate")
	mustContain(t, fs[0].Message, "directly in Application onCreate")
	if strings.Contains(fs[0].MessageZH, "0层") {
		t.Errorf("%s", fs[0].MessageZH)
	}
}

// Review item 17: the demo policy says "我们不会向境外提供您的个人信息"; the Firebase
// corpus app embeds overseas SDKs. XB-001 reports the contradiction, quoting the
// denial, instead of saying the policy is silent.
func TestXB001_Positive_PolicyDeniesButOverseasSDK(t *testing.T) {
	fs, _ := scanAPK(t, testcorpus.Path(t, "apk", "overseas-firebase-lab-release.apk"), fixture(t, "policy/demo-privacy.html"))
	n := 0
	for _, f := range fs {
		if f.Rule != "CNPI-XB-001" {
			continue
		}
		n++
		mustContain(t, f.MessageZH, "矛盾", "不会向境外提供")
		mustContain(t, f.Message, "contradicts")
		if strings.Contains(f.MessageZH, "未说明") {
			t.Errorf("says the policy is silent: %s", f.MessageZH)
		}
		last := f.Evidence[len(f.Evidence)-1]
		if last.Kind != "policy" || !strings.Contains(last.Snippet, "不会向境外提供") {
			t.Errorf("evidence does not quote the denial: %+v", last)
		}
	}
	if n == 0 {
		t.Fatal("no XB-001 finding for the Firebase app")
	}
}

// Review item 17: the demo policy's JPush row lists Android ID and OAID; JPush's code
// reads IMEI, IMSI, MAC and the app list. POL-005 names what the row leaves out.
func TestPOL005_Positive_SDKRowOmitsWhatItsCodeReads(t *testing.T) {
	var got *Finding
	fs := scanFixture(t, scanDemo)
	for i := range fs {
		if fs[i].Rule == "CNPI-POL-005" && fs[i].Owner == "jpush" {
			got = &fs[i]
		}
	}
	if got == nil {
		t.Fatal("no per-SDK POL-005 finding for JPush")
	}
	mustContain(t, got.MessageZH, "极光推送", "Android ID", "IMEI", "IMSI", "MAC地址", "软件安装列表")
	if strings.Contains(strings.SplitN(got.MessageZH, "还读取", 2)[1], "Android ID") {
		t.Errorf("Android ID is listed in the row: %s", got.MessageZH)
	}
	// Umeng has no row at all (POL-011 reports it), Bugly's row lists no PI types.
	for _, f := range fs {
		if f.Rule == "CNPI-POL-005" && (f.Owner == "umeng_analytics" || f.Owner == "tencent_bugly") {
			t.Errorf("unexpected per-SDK finding: %s", f.MessageZH)
		}
	}
}
