package checks

import (
	"context"
	"strings"
	"testing"

	"github.com/hegui-dev/hegui/policy"
)

func TestPOL001_Positive_NothingAtAll(t *testing.T) {
	f := baseFacts(newDex())
	perms(f, "INTERNET")
	fs := runRule(t, "CNPI-POL-001", &Input{Facts: f})
	wantFindings(t, fs, 1)
	if fs[0].Severity != High {
		t.Fatalf("severity %s, want high", fs[0].Severity)
	}
	mustContain(t, fs[0].Message, "No privacy policy", "CNPI-POL-011", "CNPI-POL-012")
}

func TestPOL001_DisabledRulesNotListedAsUnchecked(t *testing.T) {
	f := baseFacts(newDex())
	perms(f, "INTERNET")
	res := Run(context.Background(), &Input{Facts: f, Disabled: []string{"cnpi-pol-011"}})
	var pol001 []Finding
	for _, x := range res.Findings {
		if x.Rule == "CNPI-POL-001" {
			pol001 = append(pol001, x)
		}
	}
	wantFindings(t, pol001, 1)
	mustContain(t, pol001[0].Message, "CNPI-POL-012")
	mustContain(t, pol001[0].MessageZH, "CNPI-POL-012")
	if strings.Contains(pol001[0].Message, "CNPI-POL-011") || strings.Contains(pol001[0].MessageZH, "CNPI-POL-011") {
		t.Fatalf("disabled CNPI-POL-011 listed as not evaluated: %s", pol001[0].Message)
	}
}

func TestPOL001_Positive_RemoteURLOnly(t *testing.T) {
	d := newDex().class("com.example.app.Splash", "android.app.Activity").method("onCreate", "str:https://m.example.com/h5/privacy.html")
	fs := runRule(t, "CNPI-POL-001", &Input{Facts: baseFacts(d)})
	wantFindings(t, fs, 1)
	if fs[0].Severity != Low {
		t.Fatalf("severity %s, want low", fs[0].Severity)
	}
	mustContain(t, fs[0].Message, "--policy", "https://m.example.com/h5/privacy.html")
}

func TestPOL001_Negative_PolicyRead(t *testing.T) {
	wantFindings(t, runRule(t, "CNPI-POL-001", &Input{Facts: baseFacts(nil), Policy: emptyPolicy()}), 0)
}

func TestPOL005_Positive_DeviceIDNotDisclosed(t *testing.T) {
	d := newDex().class("com.example.app.Device", "").method("imei", "call:android.telephony.TelephonyManager.getDeviceId()Ljava/lang/String;")
	p := emptyPolicy()
	discloses(p, "camera", "我们会申请相机权限用于拍照。", "android.permission.CAMERA")
	fs := runRule(t, "CNPI-POL-005", &Input{Facts: baseFacts(d), Policy: p})
	wantFindings(t, fs, 1)
	mustContain(t, fs[0].Message, "device identifiers", "the app's own code")
	mustContain(t, fs[0].Evidence[0].Locator, "com.example.app.Device.imei")
}

func TestPOL005_Negative_Disclosed(t *testing.T) {
	d := newDex().class("com.example.app.Device", "").method("imei", "call:android.telephony.TelephonyManager.getDeviceId()Ljava/lang/String;")
	p := emptyPolicy()
	discloses(p, "device_info", "我们会收集您的设备识别码（IMEI）用于安全风控。")
	wantFindings(t, runRule(t, "CNPI-POL-005", &Input{Facts: baseFacts(d), Policy: p}), 0)
}

func TestPOL009_Positive_AllMissing(t *testing.T) {
	fs := runRule(t, "CNPI-POL-009", &Input{Facts: baseFacts(nil), Policy: emptyPolicy()})
	wantFindings(t, fs, 4)
}

func TestPOL009_Negative_AllStated(t *testing.T) {
	wantFindings(t, runRule(t, "CNPI-POL-009", &Input{Facts: baseFacts(nil), Policy: fullPolicy()}), 0)
}

func TestPOL009_Negative_NoPolicySilent(t *testing.T) {
	// Without a policy text POL-001 speaks for every policy rule.
	wantFindings(t, runRule(t, "CNPI-POL-009", &Input{Facts: baseFacts(nil)}), 0)
}

func TestPOL010_Positive_NoSharingList(t *testing.T) {
	p := emptyPolicy()
	p.Items[policy.ItemCollectionList] = policy.Item{Found: true}
	fs := runRule(t, "CNPI-POL-010", &Input{Facts: baseFacts(nil), Policy: p})
	wantFindings(t, fs, 1)
	mustContain(t, fs[0].Message, "sharing list")
}

func TestPOL010_Negative_BothLists(t *testing.T) {
	wantFindings(t, runRule(t, "CNPI-POL-010", &Input{Facts: baseFacts(nil), Policy: fullPolicy()}), 0)
}

func TestPOL011_Positive_UmengNotNamed(t *testing.T) {
	p := emptyPolicy()
	p.SDKs = []policy.SDKMention{{ID: "jpush", Name: "JPush", Matched: "极光推送"}}
	in := &Input{Facts: baseFacts(nil), Policy: p, SDKs: sdks(
		hit("jpush", "JPush", "push", false, "cn.jpush."),
		hit("umeng_analytics", "Umeng Analytics", "analytics", false, "com.umeng."))}
	fs := runRule(t, "CNPI-POL-011", in)
	wantFindings(t, fs, 1)
	if fs[0].Owner != "umeng_analytics" {
		t.Fatalf("owner %q", fs[0].Owner)
	}
}

func TestPOL011_Negative_NamedByIDOrVendor(t *testing.T) {
	p := emptyPolicy()
	p.SDKs = []policy.SDKMention{
		{ID: "jpush", Name: "JPush", Matched: "极光推送"},
		{ID: "", Matched: "友盟同欣（北京）科技有限公司"},
	}
	u := hit("umeng_analytics", "Umeng Analytics", "analytics", false, "com.umeng.")
	u.Vendor = "Umeng (友盟同欣（北京）科技有限公司)"
	low := hit("x", "Weak", "analytics", false, "com.x.")
	low.Confidence = "low"
	in := &Input{Facts: baseFacts(nil), Policy: p, SDKs: sdks(hit("jpush", "JPush", "push", false, "cn.jpush."), u, low)}
	wantFindings(t, runRule(t, "CNPI-POL-011", in), 0)
}

func TestPOL012_Positive_PhoneStateNotDisclosed(t *testing.T) {
	f := baseFacts(nil)
	perms(f, "CAMERA", "READ_PHONE_STATE", "INTERNET")
	p := emptyPolicy()
	discloses(p, "camera", "拍照时申请相机权限。", "android.permission.CAMERA")
	fs := runRule(t, "CNPI-POL-012", &Input{Facts: f, Policy: p})
	wantFindings(t, fs, 1)
	mustContain(t, fs[0].Message, "READ_PHONE_STATE")
	if fs[0].Evidence[0].Locator != "android.permission.READ_PHONE_STATE" {
		t.Fatalf("locator %q", fs[0].Evidence[0].Locator)
	}
}

func TestPOL012_Negative_DisclosedByKeyword(t *testing.T) {
	f := baseFacts(nil)
	perms(f, "READ_PHONE_STATE", "ACCESS_FINE_LOCATION")
	p := emptyPolicy()
	discloses(p, "device", "我们会读取电话状态及设备识别码，用于账号安全。")
	discloses(p, "location", "地点标签功能会获取您的精确位置信息。")
	wantFindings(t, runRule(t, "CNPI-POL-012", &Input{Facts: f, Policy: p}), 0)
}

func TestPOL001_Positive_ConsentStringsOnly(t *testing.T) {
	p := &policy.Facts{ConsentDialog: []policy.Found{{Value: "同意并继续", Path: "resources.arsc#string/agree"}}}
	fs := runRule(t, "CNPI-POL-001", &Input{Facts: baseFacts(newDex()), Policy: p})
	wantFindings(t, fs, 1)
	if fs[0].Severity != Low || fs[0].Evidence[0].Snippet != "同意并继续" {
		t.Fatalf("%+v", fs[0])
	}
}

func TestPOL001_Negative_NoPIProcessingIsInfoOnly(t *testing.T) {
	fs := runRule(t, "CNPI-POL-001", &Input{Facts: baseFacts(newDex())})
	wantFindings(t, fs, 1)
	if fs[0].Severity != Info {
		t.Fatalf("an app with no permission, SDK or sensitive API: severity %s, want info", fs[0].Severity)
	}
}

// R3-5: every permission POL-012 judges has a PI category in the policy table (the
// report's permission column), so the column cannot say "not PI" for a finding.
func TestPrivacyPermissionsArePIInPolicyTable(t *testing.T) {
	for _, name := range privacyPermissions {
		c, ok := policy.CategoryByKey(policy.CategoryForPermission(name))
		if !ok || c.NotPI {
			t.Errorf("%s: policy table category %q (found %v, not PI %v)", name, c.Key, ok, c.NotPI)
		}
		if _, ok := lookupPrivacyPermission(name); !ok {
			t.Errorf("%s: no checks category", name)
		}
	}
	// CALL_PHONE disclosed as 拨打电话 is disclosed for POL-012 and the table alike.
	p := emptyPolicy()
	discloses(p, "call_phone", "为便于您联系客服，我们会申请拨打电话权限。", "android.permission.CALL_PHONE")
	if d, ok := DisclosureOf(p, "android.permission.CALL_PHONE"); !ok || !d.Disclosed || d.Evidence == nil {
		t.Errorf("CALL_PHONE: %+v %v", d, ok)
	}
	if d, ok := DisclosureOf(p, "android.permission.ANSWER_PHONE_CALLS"); !ok || !d.Disclosed {
		t.Errorf("ANSWER_PHONE_CALLS: %+v %v", d, ok)
	}
}
