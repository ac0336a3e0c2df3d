package checks

import (
	"testing"

	"github.com/hegui-dev/hegui/analyzer"
	"github.com/hegui-dev/hegui/policy"
)

func TestSDK001_Positive_PreConsentIsHigh(t *testing.T) {
	in := jpushSDKs()
	in.Facts = baseFacts(jpushApp())
	fs := runRule(t, "CNPI-SDK-001", &in)
	wantFindings(t, fs, 1)
	if fs[0].Owner != "jpush" || fs[0].Severity != High {
		t.Fatalf("%+v", fs[0])
	}
	in.Facts = baseFacts(jpushApp("call:android.content.SharedPreferences.getBoolean(Ljava/lang/String;Z)Z", "str:agree_privacy"))
	fs = runRule(t, "CNPI-SDK-001", &in)
	wantFindings(t, fs, 1)
	if fs[0].Severity != Medium {
		t.Fatalf("guarded init: severity %s, want medium", fs[0].Severity)
	}
}

func TestSDK001_Negative_AppCodeOnly(t *testing.T) {
	d := newDex().class("com.example.app.Ids", "").method("imei", "call:android.telephony.TelephonyManager.getImei()Ljava/lang/String;")
	in := jpushSDKs()
	in.Facts = baseFacts(d)
	wantFindings(t, runRule(t, "CNPI-SDK-001", &in), 0)
}

func TestSDK004_Positive_InitInOnCreateAndProvider(t *testing.T) {
	d := newDex().
		class("com.example.app.App", "android.app.Application").method("onCreate", "call:com.umeng.commonsdk.UMConfigure.init(Landroid/content/Context;Ljava/lang/String;Ljava/lang/String;ILjava/lang/String;)V").
		class("com.umeng.commonsdk.UMConfigure", "").method("init(Landroid/content/Context;Ljava/lang/String;Ljava/lang/String;ILjava/lang/String;)V").
		class("com.umeng.commonsdk.UMInitProvider", "android.content.ContentProvider").method("onCreate()Z", "call:com.umeng.commonsdk.UMConfigure.preInit()V", "call:android.content.ContentProvider.onCreate()Z")
	f := baseFacts(d)
	f.Components = []analyzer.Component{{Type: "provider", Name: "com.umeng.commonsdk.UMInitProvider"}}
	fs := runRule(t, "CNPI-SDK-004", &Input{Facts: f, SDKs: sdks(hit("umeng_analytics", "Umeng", "analytics", false, "com.umeng."))})
	wantFindings(t, fs, 2)
	mustContain(t, fs[0].Message+fs[1].Message, "UMConfigure.init", "ContentProvider com.umeng.commonsdk.UMInitProvider")
}

func TestSDK004_Negative_PreInitThenGuardedInit(t *testing.T) {
	d := newDex().
		class("com.example.app.App", "android.app.Application").method("onCreate", "call:com.umeng.commonsdk.UMConfigure.preInit()V", "call:com.example.app.App.initAfterConsent()V").
		method("initAfterConsent", "call:android.content.SharedPreferences.getBoolean(Ljava/lang/String;Z)Z", "str:privacy_agreed", "call:com.umeng.commonsdk.UMConfigure.init()V")
	fs := runRule(t, "CNPI-SDK-004", &Input{Facts: baseFacts(d), SDKs: sdks(hit("umeng_analytics", "Umeng", "analytics", false, "com.umeng."))})
	wantFindings(t, fs, 0)
}

func TestSDK005_Positive_PurposeMissing(t *testing.T) {
	p := emptyPolicy()
	p.SDKs = []policy.SDKMention{{ID: "jpush", Name: "JPush", Matched: "极光推送", Described: policy.Described{Vendor: true},
		Evidence: []policy.Evidence{{Path: "privacy.html", Sentence: "我们使用极光推送（深圳市和讯华谷信息技术有限公司）。"}}}}
	in := jpushSDKs()
	in.Facts, in.Policy = baseFacts(nil), p
	fs := runRule(t, "CNPI-SDK-005", &in)
	wantFindings(t, fs, 1)
	mustContain(t, fs[0].Message, "purpose, PI types")
	if fs[0].Evidence[0].Kind != "policy" {
		t.Fatalf("first evidence should be the policy sentence: %+v", fs[0].Evidence[0])
	}
}

func TestSDK005_Negative_FullyDescribedOrUnmentioned(t *testing.T) {
	p := emptyPolicy()
	p.SDKs = []policy.SDKMention{{ID: "jpush", Described: policy.Described{Vendor: true, Purpose: true, PITypes: true}}}
	in := Input{Facts: baseFacts(nil), Policy: p, SDKs: sdks(hit("jpush", "JPush", "push", false, "cn.jpush."), hit("tencent_bugly", "Bugly", "crash", false, "com.tencent.bugly."))}
	wantFindings(t, runRule(t, "CNPI-SDK-005", &in), 0)
}

func TestXB001_Positive_OverseasSDK(t *testing.T) {
	in := Input{Facts: baseFacts(nil), Policy: emptyPolicy(), SDKs: sdks(hit("firebase_analytics", "Firebase Analytics", "analytics", true, "com.google.firebase.analytics."))}
	wantFindings(t, runRule(t, "CNPI-XB-001", &in), 1)
	// A policy that says it never transfers abroad does not disclose the transfer.
	in.Policy.Items[policy.ItemCrossBorder] = policy.Item{Found: true, Evidence: []policy.Evidence{{Sentence: "我们不会向境外提供您的个人信息。"}}}
	wantFindings(t, runRule(t, "CNPI-XB-001", &in), 1)
}

func TestXB001_Negative(t *testing.T) {
	in := Input{Facts: baseFacts(nil), Policy: fullPolicy(), SDKs: sdks(hit("firebase_analytics", "Firebase Analytics", "analytics", true, "com.google.firebase.analytics."))}
	wantFindings(t, runRule(t, "CNPI-XB-001", &in), 0)
	in = Input{Facts: baseFacts(nil), Policy: emptyPolicy(), SDKs: sdks(hit("jpush", "JPush", "push", false, "cn.jpush."))}
	wantFindings(t, runRule(t, "CNPI-XB-001", &in), 0)
}

func TestSDK004_Negative_SDKInternalThreadStart(t *testing.T) {
	// moblink's code starting a mob_commons thread is SDK-internal, not an app init.
	d := newDex().
		class("com.example.app.App", "android.app.Application").method("onCreate", "call:com.mob.moblink.MobLink.setup()V").
		class("com.mob.moblink.MobLink", "").method("setup", "call:com.mob.tools.MobHandlerThread.start()V").
		class("com.mob.tools.MobHandlerThread", "android.os.HandlerThread").method("start")
	in := Input{Facts: baseFacts(d), SDKs: sdks(hit("mob_moblink", "MobLink", "other", false, "com.mob.moblink."), hit("mob_commons", "MobSDK", "other", false, "com.mob."))}
	fs := runRule(t, "CNPI-SDK-004", &in)
	// Only the app's own call into MobLink.setup is reported.
	wantFindings(t, fs, 1)
	mustContain(t, fs[0].Message, "com.example.app.App.onCreate calls com.mob.moblink.MobLink.setup")
}

func srcCall(class, member, inClass, inMethod, path string, line int) analyzer.SourceCall {
	return analyzer.SourceCall{Class: class, Member: member, InClass: inClass, InMethod: inMethod, Location: analyzer.Location{Path: path, Line: line}}
}

func TestSDK004_Positive_SourceModeBeforeCheck(t *testing.T) {
	const app = "app/src/main/java/com/example/app/App.kt"
	f := baseFacts(nil)
	f.Source.Kind = "source"
	f.Code = &analyzer.SourceCode{Calls: []analyzer.SourceCall{
		srcCall("cn.jpush.android.api.JPushInterface", "init", "com.example.app.App", "onCreate", app, 10),
		srcCall("com.example.app.PrivacyStore", "agreed", "com.example.app.App", "onCreate", app, 11),
		srcCall("com.tencent.bugly.crashreport.CrashReport", "initCrashReport", "com.example.app.App", "onCreate", app, 12),
		srcCall("android.app.Application", "getSharedPreferences", "com.example.app.PrivacyStore", "agreed", app, 30),
	}}
	in := Input{Facts: f, SDKs: sdks(hit("jpush", "JPush", "push", false, "cn.jpush."), hit("tencent_bugly", "Bugly", "crash", false, "com.tencent.bugly."))}
	fs := runRule(t, "CNPI-SDK-004", &in)
	// JPush is initialised on line 10, before the consent check on line 11; Bugly after it.
	wantFindings(t, fs, 1)
	if fs[0].Owner != "jpush" || fs[0].Evidence[0].Line != 10 || fs[0].Evidence[0].Kind != "source" {
		t.Fatalf("%+v", fs[0])
	}
}

func TestSDK004_Negative_SourceModeGuardedHelper(t *testing.T) {
	const app = "app/src/main/java/com/example/app/App.kt"
	f := baseFacts(nil)
	f.Source.Kind = "source"
	f.Code = &analyzer.SourceCode{Calls: []analyzer.SourceCall{
		srcCall("com.umeng.commonsdk.UMConfigure", "preInit", "com.example.app.App", "onCreate", app, 12),
		srcCall("com.example.app.PrivacyStore", "agreed", "com.example.app.App", "onCreate", app, 13),
		srcCall("com.example.app.App", "initSdks", "com.example.app.App", "onCreate", app, 14),
		srcCall("com.igexin.sdk.PushManager", "initialize", "com.example.app.App", "initSdks", app, 19),
		srcCall("android.app.Application", "getSharedPreferences", "com.example.app.PrivacyStore", "agreed", app, 30),
	}}
	in := Input{Facts: f, SDKs: sdks(hit("getui_push", "Getui", "push", false, "com.igexin."), hit("umeng_analytics", "Umeng", "analytics", false, "com.umeng."))}
	wantFindings(t, runRule(t, "CNPI-SDK-004", &in), 0)
}
