package checks

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/hegui-dev/hegui/analyzer"
)

func comp(typ, name string, explicit bool, filters ...analyzer.IntentFilter) analyzer.Component {
	return analyzer.Component{Type: typ, Name: name, Exported: true, ExportedExplicit: explicit, Enabled: true,
		IntentFilters: filters, Location: analyzer.Location{Path: "AndroidManifest.xml", Line: 40}}
}

func filter(actions []string, cats ...string) analyzer.IntentFilter {
	return analyzer.IntentFilter{Actions: actions, Categories: cats}
}

func TestSEC001_ExportedReceiversAndActivities(t *testing.T) {
	f := baseFacts(nil)
	f.Components = []analyzer.Component{
		// Only system-protected broadcasts: nobody else can trigger it.
		comp("receiver", "com.example.app.BootReceiver", false, filter([]string{"android.intent.action.BOOT_COMPLETED", "android.intent.action.PACKAGE_ADDED"})),
		// A push SDK receiver with its own action: any app can send it.
		comp("receiver", "cn.jpush.android.service.PushReceiver", false, filter([]string{"android.intent.action.BOOT_COMPLETED", "cn.jpush.android.intent.NOTIFICATION_RECEIVED_PROXY"})),
		// exported="true" with no filter: addressable by component name.
		comp("receiver", "com.example.app.DebugReceiver", true),
		// Launcher, deep link and the WeChat callback are meant to be opened.
		comp("activity", "com.example.app.MainActivity", false, filter([]string{"android.intent.action.MAIN"}, "android.intent.category.LAUNCHER")),
		comp("activity", "com.example.app.LinkActivity", false, filter([]string{"android.intent.action.VIEW"}, "android.intent.category.DEFAULT", "android.intent.category.BROWSABLE")),
		comp("activity", "com.example.app.wxapi.WXEntryActivity", true),
		// An internal screen reachable by any app through its action.
		comp("activity", "com.example.app.PayResultActivity", false, filter([]string{"com.example.app.action.PAY_RESULT"}, "android.intent.category.DEFAULT")),
		// Exported but protected by a permission.
		func() analyzer.Component {
			c := comp("activity", "com.example.app.AdminActivity", true)
			c.Permission = "com.example.app.permission.ADMIN"
			return c
		}(),
	}
	in := Input{Facts: f, SDKs: sdks(hit("jpush", "JPush", "push", false, "cn.jpush."))}
	fs := runRule(t, "CNPI-SEC-001", &in)
	got := map[string]string{}
	for _, fd := range fs {
		got[fd.Owner+" "+fd.Severity.String()] += fd.Message
		for _, ev := range fd.Evidence {
			if ev.Line != 40 || ev.Path != "AndroidManifest.xml" || ev.Locator == "" {
				t.Errorf("evidence without file and line: %+v", ev)
			}
		}
	}
	if len(fs) != 3 {
		t.Fatalf("want app receivers, app activities and the JPush receiver; got %v", got)
	}
	mustContain(t, got["jpush low"], "exported receiver", "cn.jpush.android.service.PushReceiver")
	mustContain(t, got["app low"], "com.example.app.DebugReceiver", "com.example.app.PayResultActivity")
	for _, not := range []string{"BootReceiver", "MainActivity", "LinkActivity", "WXEntryActivity", "AdminActivity"} {
		for _, m := range got {
			if strings.Contains(m, not) {
				t.Errorf("%s reported: %s", not, m)
			}
		}
	}
}

func TestPermissionUsers(t *testing.T) {
	d := newDex().
		class("com.example.app.Loc", "java.lang.Object").
		method("where", "call:android.location.LocationManager.getLastKnownLocation(Ljava/lang/String;)Landroid/location/Location;").
		class("cn.jpush.android.helper.Dev", "java.lang.Object").
		method("imei", "call:android.telephony.TelephonyManager.getDeviceId()Ljava/lang/String;").
		class("com.example.app.Dev", "java.lang.Object").
		method("imei", "call:android.telephony.TelephonyManager.getImei()Ljava/lang/String;").
		// A utility wrapper nobody calls uses nothing.
		class("com.blankj.utilcode.util.PhoneUtils", "java.lang.Object").
		method("getIMSI", "call:android.telephony.TelephonyManager.getSubscriberId()Ljava/lang/String;")
	f := baseFacts(d)
	perms(f, "ACCESS_FINE_LOCATION", "READ_PHONE_STATE", "CAMERA", "INTERNET")
	in := &Input{Facts: f, SDKs: sdks(hit("jpush", "JPush", "push", false, "cn.jpush."))}
	got := Run(context.Background(), in).PermissionUsers
	want := map[string][]string{
		"android.permission.ACCESS_FINE_LOCATION": {"app"},
		"android.permission.READ_PHONE_STATE":     {"app", "jpush"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	// Disabling every rule still reports who uses which permission.
	in.Disabled = []string{}
	for _, r := range Rules() {
		in.Disabled = append(in.Disabled, strings.ToLower(r.ID))
	}
	res := Run(context.Background(), in)
	if len(res.Findings) != 0 || !reflect.DeepEqual(res.PermissionUsers, want) {
		t.Fatalf("all rules disabled: %d findings, users %v", len(res.Findings), res.PermissionUsers)
	}
}

// Source-mode literals feed the code index as DEX const-strings do.
func TestSourceStringsIndexed(t *testing.T) {
	const path = "app/src/main/java/com/example/app/DeviceInfo.java"
	f := baseFacts(nil)
	f.Source.Kind = "source"
	f.Code = &analyzer.SourceCode{
		Calls: []analyzer.SourceCall{
			srcCall("java.lang.Class", "getMethod", "com.example.app.DeviceInfo", "serial", path, 26),
			srcCall("android.provider.Settings$Secure", "getString", "com.example.app.DeviceInfo", "androidId", path, 31),
		},
		Strings: []analyzer.SourceString{
			{Value: "ro.serialno", InClass: "com.example.app.DeviceInfo", InMethod: "serial", Location: analyzer.Location{Path: path, Line: 27}},
			{Value: "android_id", InClass: "com.example.app.DeviceInfo", InMethod: "androidId", Location: analyzer.Location{Path: path, Line: 31}},
			{Value: "content://sms/inbox", InClass: "com.example.app.DeviceInfo", InMethod: "sms", Location: analyzer.Location{Path: path, Line: 40}},
		},
	}
	in := &Input{Facts: f}
	e := newEnv(context.Background(), in)
	lines := map[string]int{}
	for _, h := range e.findAPIs(nil) {
		lines[h.Spec.Key] = h.Line
		if ev := e.codeEvidence(h.Method, h.Line, ""); ev.Kind != "source" || ev.Path != path {
			t.Errorf("%s: evidence %+v", h.Spec.Key, ev)
		}
	}
	want := map[string]int{"serial": 27, "android_id": 31, "sms": 40}
	if !reflect.DeepEqual(lines, want) {
		t.Fatalf("hits %v, want %v", lines, want)
	}
}

func TestSEC001_PublicEntriesNotReported(t *testing.T) {
	f := baseFacts(nil)
	f.Components = []analyzer.Component{
		comp("activity", "com.example.app.Wallpaper", false, filter([]string{"android.intent.action.MAIN"})),
		comp("activity", "com.example.app.OpenFile", false, filter([]string{"android.intent.action.VIEW", "android.intent.action.SEND"}, "android.intent.category.DEFAULT")),
		comp("receiver", "com.example.app.Widget", false, filter([]string{"android.appwidget.action.APPWIDGET_UPDATE"})),
		// A misspelled system action is not protected: any app can send it.
		comp("receiver", "com.example.app.Power", false, filter([]string{"android.intent.action.ACTION_POWER_CONNECTED", "android.intent.action.ACTION_BATTERY_LOW"})),
	}
	fs := runRule(t, "CNPI-SEC-001", &Input{Facts: f})
	wantFindings(t, fs, 1)
	mustContain(t, fs[0].Message, "com.example.app.Power")
}

func TestOwnerSameVendorProject(t *testing.T) {
	f := baseFacts(nil)
	f.App.Package = "io.appium.uiautomator2.server"
	e := newEnv(context.Background(), &Input{Facts: f})
	for class, want := range map[string]string{
		"io.appium.uiautomator2.handler.GetPackages": "app",
		"io.appium.uiautomator2.server.Main":         "app",
		"io.appium.settings.Settings":                "",
		"io.netty.util.internal.SocketUtils":         "",
	} {
		if got := e.owner(class); got != want {
			t.Errorf("owner(%s) = %q, want %q", class, got, want)
		}
	}
}

func TestPOL001_SchemaURLIsNoPolicy(t *testing.T) {
	d := newDex().class("com.google.android.exoplayer2.drm.Wv", "java.lang.Object").
		method("a", "str:http://schemas.microsoft.com/DRM/2007/03/protocols/AcquireLicense")
	f := baseFacts(d)
	perms(f, "INTERNET")
	fs := runRule(t, "CNPI-POL-001", &Input{Facts: f})
	wantFindings(t, fs, 1)
	if fs[0].Severity != High || strings.Contains(fs[0].Message, "schemas.microsoft.com") {
		t.Fatalf("%s %s", fs[0].Severity, fs[0].Message)
	}
}
