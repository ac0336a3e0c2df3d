package checks

import (
	"testing"

	"github.com/hegui-dev/hegui/analyzer"
	"github.com/hegui-dev/hegui/policy"
)

// jpushApp: Application.onCreate → JPushInterface.init → DeviceInfo.collect → getDeviceId.
func jpushApp(guard ...string) *dexBuilder {
	body := append([]string{"call:cn.jpush.android.api.JPushInterface.init(Landroid/content/Context;)V", "call:android.app.Application.onCreate()V"}, guard...)
	return newDex().
		class("com.example.app.App", "android.app.Application").method("onCreate", body...).
		class("cn.jpush.android.api.JPushInterface", "").method("init(Landroid/content/Context;)V", "call:cn.jpush.android.helper.DeviceInfo.collect()V").
		class("cn.jpush.android.helper.DeviceInfo", "").method("collect", "call:android.telephony.TelephonyManager.getDeviceId()Ljava/lang/String;")
}

func jpushSDKs() Input {
	return Input{SDKs: sdks(hit("jpush", "JPush", "push", false, "cn.jpush."))}
}

func TestCON001_Positive_ApplicationPath(t *testing.T) {
	in := jpushSDKs()
	in.Facts = baseFacts(jpushApp())
	fs := runRule(t, "CNPI-CON-001", &in)
	wantFindings(t, fs, 1)
	f := fs[0]
	if f.Owner != "jpush" {
		t.Fatalf("owner %q", f.Owner)
	}
	mustContain(t, f.Evidence[0].Snippet, "com.example.app.App.onCreate → cn.jpush.android.api.JPushInterface.init → cn.jpush.android.helper.DeviceInfo.collect → android.telephony.TelephonyManager.getDeviceId")
	mustContain(t, f.Message, "Application onCreate", "cn.jpush.android.helper.DeviceInfo.collect")
}

func TestCON001_Positive_ProviderAndThread(t *testing.T) {
	d := newDex().
		class("com.example.app.AutoInit", "android.content.ContentProvider").method("onCreate()Z", "call:com.example.app.Worker.<init>()V").
		class("com.example.app.Worker", "java.lang.Object", "java.lang.Runnable").method("<init>").method("run", "call:android.content.pm.PackageManager.getInstalledPackages(I)Ljava/util/List;")
	f := baseFacts(d)
	f.App.ApplicationClass = ""
	f.Components = []analyzer.Component{{Type: "provider", Name: "com.example.app.AutoInit"}}
	fs := runRule(t, "CNPI-CON-001", &Input{Facts: f})
	wantFindings(t, fs, 1)
	mustContain(t, fs[0].Message, "ContentProvider onCreate", "installed-app list")
}

func TestCON001_Negative_ConsentFlagChecked(t *testing.T) {
	in := jpushSDKs()
	in.Facts = baseFacts(jpushApp("call:android.content.SharedPreferences.getBoolean(Ljava/lang/String;Z)Z", "str:privacy_agreed"))
	wantFindings(t, runRule(t, "CNPI-CON-001", &in), 0)
}

func TestCON001_Negative_GuardInHelper(t *testing.T) {
	d := jpushApp("call:com.example.app.Consent.isAgreed()Z")
	d.class("com.example.app.Consent", "").method("isAgreed()Z", "call:android.content.SharedPreferences.getBoolean(Ljava/lang/String;Z)Z", "str:用户同意隐私政策")
	in := jpushSDKs()
	in.Facts = baseFacts(d)
	wantFindings(t, runRule(t, "CNPI-CON-001", &in), 0)
}

func TestCON001_Negative_OnlyAfterUserAction(t *testing.T) {
	d := newDex().
		class("com.example.app.App", "android.app.Application").method("onCreate").
		class("com.example.app.MainActivity", "android.app.Activity").method("onClick", "call:android.telephony.TelephonyManager.getDeviceId()Ljava/lang/String;")
	wantFindings(t, runRule(t, "CNPI-CON-001", &Input{Facts: baseFacts(d)}), 0)
}

func TestCON001_Positive_SourceMode(t *testing.T) {
	f := baseFacts(nil)
	f.Source.Kind = "source"
	f.Code = &analyzer.SourceCode{Calls: []analyzer.SourceCall{
		{Class: "com.example.app.Ids", Member: "read", InClass: "com.example.app.App", InMethod: "onCreate", Location: analyzer.Location{Path: "app/src/main/java/com/example/app/App.java", Line: 12}},
		{Class: "android.telephony.TelephonyManager", Member: "getImei", InClass: "com.example.app.Ids", InMethod: "read", Location: analyzer.Location{Path: "app/src/main/java/com/example/app/Ids.java", Line: 30}},
	}}
	fs := runRule(t, "CNPI-CON-001", &Input{Facts: f})
	wantFindings(t, fs, 1)
	ev := fs[0].Evidence[0]
	if ev.Kind != "source" || ev.Line != 30 || ev.Path != "app/src/main/java/com/example/app/Ids.java" {
		t.Fatalf("evidence %+v", ev)
	}
}

func TestCON007_Positive_NoWithdrawal(t *testing.T) {
	fs := runRule(t, "CNPI-CON-007", &Input{Facts: baseFacts(nil), Policy: emptyPolicy()})
	wantFindings(t, fs, 1)
	if fs[0].Severity != Medium {
		t.Fatalf("severity %s", fs[0].Severity)
	}
	f := baseFacts(nil)
	f.Resources.Strings = []string{"撤回同意"}
	fs = runRule(t, "CNPI-CON-007", &Input{Facts: f, Policy: emptyPolicy()})
	wantFindings(t, fs, 1)
	if fs[0].Severity != Low {
		t.Fatalf("with an in-app entry: severity %s, want low", fs[0].Severity)
	}
}

func TestCON007_Negative_Described(t *testing.T) {
	wantFindings(t, runRule(t, "CNPI-CON-007", &Input{Facts: baseFacts(nil), Policy: fullPolicy()}), 0)
}

func TestCON009_Positive_LocationWithoutSeparateConsent(t *testing.T) {
	f := baseFacts(nil)
	perms(f, "ACCESS_FINE_LOCATION", "CAMERA")
	fs := runRule(t, "CNPI-CON-009", &Input{Facts: f, Policy: emptyPolicy()})
	wantFindings(t, fs, 1)
	mustContain(t, fs[0].MessageZH, "位置信息")
}

func TestCON009_Negative(t *testing.T) {
	f := baseFacts(nil)
	perms(f, "CAMERA")
	wantFindings(t, runRule(t, "CNPI-CON-009", &Input{Facts: f, Policy: emptyPolicy()}), 0)
	perms(f, "READ_CONTACTS")
	p := emptyPolicy()
	p.Items[policy.ItemSensitiveSeparateConsent] = policy.Item{Found: true}
	wantFindings(t, runRule(t, "CNPI-CON-009", &Input{Facts: f, Policy: p}), 0)
}
