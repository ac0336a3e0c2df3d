package checks

import (
	"testing"

	"github.com/hegui-dev/hegui/analyzer"
	"github.com/hegui-dev/hegui/policy"
)

func TestADM001_Positive_AdsWithoutOptOut(t *testing.T) {
	in := Input{Facts: baseFacts(nil), Policy: emptyPolicy(), SDKs: sdks(hit("tencent_gdt", "Tencent GDT", "ads", false, "com.qq.e."))}
	fs := runRule(t, "CNPI-ADM-001", &in)
	wantFindings(t, fs, 1)
	if fs[0].Severity != Medium {
		t.Fatalf("severity %s", fs[0].Severity)
	}
	in.Facts.Resources.Strings = []string{"个性化广告"}
	fs = runRule(t, "CNPI-ADM-001", &in)
	wantFindings(t, fs, 1)
	if fs[0].Severity != Low {
		t.Fatalf("with a switch string: severity %s", fs[0].Severity)
	}
}

func TestADM001_Negative(t *testing.T) {
	in := Input{Facts: baseFacts(nil), Policy: emptyPolicy(), SDKs: sdks(hit("tencent_bugly", "Bugly", "crash", false, "com.tencent.bugly."))}
	wantFindings(t, runRule(t, "CNPI-ADM-001", &in), 0)
	in = Input{Facts: baseFacts(nil), Policy: fullPolicy(), SDKs: sdks(hit("tencent_gdt", "Tencent GDT", "ads", false, "com.qq.e."))}
	wantFindings(t, runRule(t, "CNPI-ADM-001", &in), 0)
}

func TestRGT001_Positive_LoginWithoutCancellation(t *testing.T) {
	f := baseFacts(nil)
	f.Components = []analyzer.Component{{Type: "activity", Name: "com.example.app.ui.LoginActivity"}}
	fs := runRule(t, "CNPI-RGT-001", &Input{Facts: f, Policy: emptyPolicy()})
	wantFindings(t, fs, 1)
	mustContain(t, fs[0].Message, "LoginActivity")
}

func TestRGT001_Negative(t *testing.T) {
	// no accounts at all
	wantFindings(t, runRule(t, "CNPI-RGT-001", &Input{Facts: baseFacts(nil), Policy: emptyPolicy()}), 0)
	// accounts and an in-app cancellation entry
	f := baseFacts(nil)
	f.Resources.Strings = []string{"手机号登录", "注销账号"}
	wantFindings(t, runRule(t, "CNPI-RGT-001", &Input{Facts: f, Policy: emptyPolicy()}), 0)
}

func TestRGT003_Positive_30Days(t *testing.T) {
	p := emptyPolicy()
	p.AccountCancellationDays = 30
	p.Items[policy.ItemAccountCancellation] = policy.Item{Found: true, Evidence: []policy.Evidence{{Path: "privacy.html", Sentence: "我们将在30个工作日内完成核查和处理。"}}}
	fs := runRule(t, "CNPI-RGT-003", &Input{Facts: baseFacts(nil), Policy: p})
	wantFindings(t, fs, 1)
	mustContain(t, fs[0].Evidence[0].Snippet, "30个工作日")
}

func TestRGT003_Negative(t *testing.T) {
	p := emptyPolicy()
	p.AccountCancellationDays = 15
	wantFindings(t, runRule(t, "CNPI-RGT-003", &Input{Facts: baseFacts(nil), Policy: p}), 0)
}

func TestRGT004_Positive(t *testing.T) {
	wantFindings(t, runRule(t, "CNPI-RGT-004", &Input{Facts: baseFacts(nil), Policy: emptyPolicy()}), 1)
}

func TestRGT004_Negative(t *testing.T) {
	wantFindings(t, runRule(t, "CNPI-RGT-004", &Input{Facts: baseFacts(nil), Policy: fullPolicy()}), 0)
}

func TestSEN001_Positive(t *testing.T) {
	wantFindings(t, runRule(t, "CNPI-SEN-001", &Input{Facts: baseFacts(nil), Policy: emptyPolicy(), AppType: "education"}), 1)
	f := baseFacts(nil)
	f.App.LabelZH = "宝宝识字"
	wantFindings(t, runRule(t, "CNPI-SEN-001", &Input{Facts: f, Policy: emptyPolicy()}), 1)
}

func TestSEN001_Negative(t *testing.T) {
	wantFindings(t, runRule(t, "CNPI-SEN-001", &Input{Facts: baseFacts(nil), Policy: emptyPolicy(), AppType: "news"}), 0)
	wantFindings(t, runRule(t, "CNPI-SEN-001", &Input{Facts: baseFacts(nil), Policy: fullPolicy(), AppType: "education"}), 0)
}

func TestSEN002_Positive(t *testing.T) {
	in := Input{Facts: baseFacts(nil), Policy: emptyPolicy(), SDKs: sdks(hit("megvii_faceid", "Megvii FaceID", "face", false, "com.megvii."))}
	fs := runRule(t, "CNPI-SEN-002", &in)
	wantFindings(t, fs, 1)
	mustContain(t, fs[0].Message, "separate consent", "retention")
}

func TestSEN002_Negative(t *testing.T) {
	in := Input{Facts: baseFacts(nil), Policy: fullPolicy(), SDKs: sdks(hit("megvii_faceid", "Megvii FaceID", "face", false, "com.megvii."))}
	wantFindings(t, runRule(t, "CNPI-SEN-002", &in), 0)
	in = Input{Facts: baseFacts(nil), Policy: emptyPolicy(), SDKs: sdks(hit("tencent_bugly", "Bugly", "crash", false, "com.tencent.bugly."))}
	wantFindings(t, runRule(t, "CNPI-SEN-002", &in), 0)
}

func TestSEC001_Positive(t *testing.T) {
	yes := true
	d := newDex().
		class("com.example.app.net.TrustAll", "java.lang.Object", "javax.net.ssl.X509TrustManager").
		method("checkServerTrusted([Ljava/security/cert/X509Certificate;Ljava/lang/String;)V").
		class("com.example.app.web.Client", "android.webkit.WebViewClient").
		method("onReceivedSslError(Landroid/webkit/WebView;Landroid/webkit/SslErrorHandler;Landroid/net/http/SslError;)V", "call:android.webkit.SslErrorHandler.proceed()V").
		class("com.example.app.net.Http", "").method("client", "field:org.apache.http.conn.ssl.SSLSocketFactory.ALLOW_ALL_HOSTNAME_VERIFIER")
	f := baseFacts(d)
	f.App.Debuggable, f.App.UsesCleartext, f.App.AllowBackup = &yes, &yes, &yes
	f.Components = []analyzer.Component{{Type: "provider", Name: "com.example.app.Data", Exported: true, Enabled: true}}
	fs := runRule(t, "CNPI-SEC-001", &Input{Facts: f})
	wantFindings(t, fs, 7)
	if fs[0].Severity != High {
		t.Fatalf("first finding should be high: %+v", fs[0])
	}
}

func TestSEC001_Negative(t *testing.T) {
	no := false
	d := newDex().
		class("com.example.app.net.Pinning", "java.lang.Object", "javax.net.ssl.X509TrustManager").
		method("checkServerTrusted([Ljava/security/cert/X509Certificate;Ljava/lang/String;)V", "call:javax.net.ssl.X509TrustManager.checkServerTrusted([Ljava/security/cert/X509Certificate;Ljava/lang/String;)V").
		class("com.example.app.web.Client", "android.webkit.WebViewClient").
		method("onReceivedSslError(Landroid/webkit/WebView;Landroid/webkit/SslErrorHandler;Landroid/net/http/SslError;)V", "call:android.webkit.SslErrorHandler.cancel()V")
	f := baseFacts(d)
	f.App.Debuggable, f.App.UsesCleartext, f.App.AllowBackup = &no, &no, &no
	f.Components = []analyzer.Component{{Type: "provider", Name: "com.example.app.Data", Exported: true, Enabled: true, Permission: "com.example.app.READ"}}
	wantFindings(t, runRule(t, "CNPI-SEC-001", &Input{Facts: f}), 0)
}

func TestUX001_Positive(t *testing.T) {
	d := newDex().class("cn.jpush.android.service.Waker", "").method("wake", "call:android.content.pm.PackageManager.getLaunchIntentForPackage(Ljava/lang/String;)Landroid/content/Intent;")
	f := baseFacts(d)
	f.Components = []analyzer.Component{
		{Type: "receiver", Name: "com.example.app.BootReceiver", IntentFilters: []analyzer.IntentFilter{{Actions: []string{"android.intent.action.BOOT_COMPLETED"}}}},
		{Type: "activity", Name: "cn.jpush.android.service.DActivity", Exported: true, IntentFilters: []analyzer.IntentFilter{{Actions: []string{"cn.jpush.android.intent.DActivity"}}}},
	}
	in := jpushSDKs()
	in.Facts = f
	fs := runRule(t, "CNPI-UX-001", &in)
	wantFindings(t, fs, 3)
}

func TestUX001_Negative(t *testing.T) {
	f := baseFacts(nil)
	f.Components = []analyzer.Component{{Type: "receiver", Name: "com.example.app.Alarm", IntentFilters: []analyzer.IntentFilter{{Actions: []string{"com.example.app.ALARM"}}}}}
	wantFindings(t, runRule(t, "CNPI-UX-001", &Input{Facts: f}), 0)
}

func TestUX002_Positive(t *testing.T) {
	d := newDex().class("com.qq.e.ads.splash.Shake", "").method("start", "call:android.hardware.SensorManager.registerListener(Landroid/hardware/SensorEventListener;Landroid/hardware/Sensor;I)Z")
	fs := runRule(t, "CNPI-UX-002", &Input{Facts: baseFacts(d), SDKs: sdks(hit("tencent_gdt", "Tencent GDT", "ads", false, "com.qq.e."))})
	wantFindings(t, fs, 1)
	if fs[0].Owner != "tencent_gdt" {
		t.Fatalf("owner %q", fs[0].Owner)
	}
}

func TestUX002_Negative_AppOwnSensor(t *testing.T) {
	d := newDex().class("com.example.app.Steps", "").method("start", "call:android.hardware.SensorManager.registerListener(Landroid/hardware/SensorEventListener;Landroid/hardware/Sensor;I)Z")
	wantFindings(t, runRule(t, "CNPI-UX-002", &Input{Facts: baseFacts(d), SDKs: sdks(hit("tencent_gdt", "Tencent GDT", "ads", false, "com.qq.e."))}), 0)
}

func TestSEC001_Negative_AbstractTrustManager(t *testing.T) {
	d := newDex().class("com.example.app.net.BaseTrust", "java.lang.Object", "javax.net.ssl.X509TrustManager").
		method("checkServerTrusted([Ljava/security/cert/X509Certificate;Ljava/lang/String;)V", "abstract")
	wantFindings(t, runRule(t, "CNPI-SEC-001", &Input{Facts: baseFacts(d)}), 0)
}

func TestUX001_Negative_LaunchOwnPackage(t *testing.T) {
	d := newDex().class("com.example.app.Restart", "").method("restart",
		"call:android.content.Context.getPackageName()Ljava/lang/String;",
		"call:android.content.pm.PackageManager.getLaunchIntentForPackage(Ljava/lang/String;)Landroid/content/Intent;")
	wantFindings(t, runRule(t, "CNPI-UX-001", &Input{Facts: baseFacts(d)}), 0)
}

func TestUX001_Positive_WakesOtherAppsService(t *testing.T) {
	d := newDex().class("com.igexin.push.core.Waker", "").method("wake",
		"str:com.other.news", "str:com.igexin.sdk.PushService", "str:com.google.android.gms",
		"call:android.content.Intent.setClassName(Ljava/lang/String;Ljava/lang/String;)Landroid/content/Intent;",
		"call:android.content.Context.startService(Landroid/content/Intent;)Landroid/content/ComponentName;")
	in := Input{Facts: baseFacts(d), SDKs: sdks(hit("getui_push", "Getui", "push", false, "com.igexin."))}
	fs := runRule(t, "CNPI-UX-001", &in)
	wantFindings(t, fs, 1)
	mustContain(t, fs[0].Message, "com.other.news")
	if fs[0].Owner != "getui_push" {
		t.Fatalf("owner %q", fs[0].Owner)
	}
}

func TestUX001_Negative_OwnService(t *testing.T) {
	d := newDex().class("com.example.app.Sync", "").method("start",
		"str:com.example.app", "str:com.example.app.SyncService",
		"call:android.content.Intent.setClassName(Ljava/lang/String;Ljava/lang/String;)Landroid/content/Intent;",
		"call:android.content.Context.startService(Landroid/content/Intent;)Landroid/content/ComponentName;")
	wantFindings(t, runRule(t, "CNPI-UX-001", &Input{Facts: baseFacts(d)}), 0)
}

func TestUX001_Negative_PlayServicesBinding(t *testing.T) {
	d := newDex().class("com.umeng.commonsdk.AdId", "").method("get",
		"str:com.google.android.gms", "str:com.google.android.gms.ads.identifier.service.START",
		"call:android.content.Intent.setPackage(Ljava/lang/String;)Landroid/content/Intent;",
		"call:android.content.Context.bindService(Landroid/content/Intent;Landroid/content/ServiceConnection;I)Z")
	wantFindings(t, runRule(t, "CNPI-UX-001", &Input{Facts: baseFacts(d)}), 0)
}
