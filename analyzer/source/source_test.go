package source

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hegui-dev/hegui/analyzer"
)

// fixture returns testdata/src/<name> under the repository root.
func fixture(t testing.TB, name string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "testdata", "src", name)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test directory")
		}
		dir = parent
	}
}

func analyzeFixture(t *testing.T, name string) (*analyzer.Facts, string) {
	t.Helper()
	dir := fixture(t, name)
	f, err := Analyze(context.Background(), dir)
	if err != nil {
		t.Fatalf("Analyze(%s): %v", name, err)
	}
	return f, dir
}

// lineOf finds the 1-based line of the first occurrence of needle in the fixture
// file, so expected locations follow the fixture instead of being typed in.
func lineOf(t *testing.T, dir, rel, needle string) int {
	t.Helper()
	fh, err := os.Open(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	for n := 1; sc.Scan(); n++ {
		if strings.Contains(sc.Text(), needle) {
			return n
		}
	}
	t.Fatalf("%q not in %s", needle, rel)
	return 0
}

func findDep(f *analyzer.Facts, group, artifact string) *analyzer.Dependency {
	for i, d := range f.Code.Dependencies {
		if d.Group == group && d.Artifact == artifact {
			return &f.Code.Dependencies[i]
		}
	}
	return nil
}

func wantDep(t *testing.T, f *analyzer.Facts, dir, group, artifact, version, conf, file, needle string) {
	t.Helper()
	d := findDep(f, group, artifact)
	if d == nil {
		t.Errorf("dependency %s:%s missing; have %+v", group, artifact, f.Code.Dependencies)
		return
	}
	want := analyzer.Location{Path: file, Line: lineOf(t, dir, file, needle)}
	if d.Version != version || d.Configuration != conf || d.Location != want {
		t.Errorf("%s:%s = version %q conf %q at %+v; want %q %q at %+v", group, artifact, d.Version, d.Configuration, d.Location, version, conf, want)
	}
}

func findCall(f *analyzer.Facts, class, member, inMethod string) *analyzer.SourceCall {
	for i, c := range f.Code.Calls {
		if c.Class == class && c.Member == member && (inMethod == "" || c.InMethod == inMethod) {
			return &f.Code.Calls[i]
		}
	}
	return nil
}

// wantCall checks a reference's resolved class, enclosing class/method and line.
func wantCall(t *testing.T, f *analyzer.Facts, dir, class, member, inClass, inMethod, file, needle string) *analyzer.SourceCall {
	t.Helper()
	c := findCall(f, class, member, inMethod)
	if c == nil {
		t.Errorf("no call %s.%s in %s", class, member, inMethod)
		return nil
	}
	want := analyzer.Location{Path: file, Line: lineOf(t, dir, file, needle)}
	if c.InClass != inClass || c.Location != want {
		t.Errorf("%s.%s: in %s.%s at %+v; want in %s.%s at %+v", class, member, c.InClass, c.InMethod, c.Location, inClass, inMethod, want)
	}
	return c
}

func permission(f *analyzer.Facts, name string) *analyzer.Permission {
	for i, p := range f.App.Permissions {
		if p.Name == name {
			return &f.App.Permissions[i]
		}
	}
	return nil
}

func findComponent(f *analyzer.Facts, name string) *analyzer.Component {
	for i, c := range f.Components {
		if c.Name == name {
			return &f.Components[i]
		}
	}
	return nil
}

func metaValue(f *analyzer.Facts, name string) (string, bool) {
	for _, m := range f.App.MetaData {
		if m.Name == name {
			return m.Value, true
		}
	}
	return "", false
}

func TestGroovyApp(t *testing.T) {
	f, dir := analyzeFixture(t, "groovy-app")
	const gradle = "app/build.gradle"
	const man = "app/src/main/AndroidManifest.xml"

	t.Run("dependencies", func(t *testing.T) {
		wantDep(t, f, dir, "cn.jiguang.sdk", "jpush", "5.2.0", "implementation", gradle, "cn.jiguang.sdk:jpush")
		wantDep(t, f, dir, "cn.jiguang.sdk", "jcore", "4.4.0", "implementation", gradle, "cn.jiguang.sdk:jcore")
		// version from the root build's ext block
		wantDep(t, f, dir, "com.umeng.umsdk", "common", "9.6.8", "implementation", gradle, "com.umeng.umsdk:common")
		// group:/name:/version: map form
		wantDep(t, f, dir, "com.umeng.umsdk", "asms", "1.8.0", "implementation", gradle, "name: 'asms'")
		wantDep(t, f, dir, "", "app/libs/msa-oaid-stub.jar", "", "file", gradle, "fileTree(dir: 'libs'")
		if findDep(f, "junit", "junit") != nil {
			t.Error("testImplementation dependency listed")
		}
		if findDep(f, "com.tencent.bugly", "crashreport") != nil {
			t.Error("dependency inside a /* comment */ listed")
		}
		if !slices.Equal(f.Code.Modules, []string{":app"}) {
			t.Errorf("modules = %v", f.Code.Modules)
		}
	})

	t.Run("local jar classes", func(t *testing.T) {
		var jar *analyzer.DexFile
		for i := range f.Dex.Files {
			if f.Dex.Files[i].Name == "app/libs/msa-oaid-stub.jar" {
				jar = &f.Dex.Files[i]
			}
		}
		if jar == nil || jar.Parsed == nil {
			t.Fatalf("jar not listed in Dex.Files: %+v", f.Dex.Files)
		}
		var names []string
		for _, c := range jar.Parsed.Classes {
			names = append(names, c.Name)
		}
		want := []string{"com.bun.miitmdid.core.MdidSdkHelper", "com.bun.miitmdid.interfaces.IIdentifierListener", "com.bun.miitmdid.interfaces.IdSupplier"}
		if !slices.Equal(names, want) || jar.ClassCount != 3 {
			t.Errorf("jar classes = %v", names)
		}
	})

	t.Run("manifest", func(t *testing.T) {
		a := f.App
		if a.Package != "com.hegui.groovyapp" || a.MinSDK != 21 || a.TargetSDK != 33 || a.CompileSDK != 34 ||
			a.VersionName != "1.2.0" || a.VersionCode != "12" || a.ApplicationClass != "com.hegui.groovyapp.App" {
			t.Errorf("app = %+v", a)
		}
		if a.Label != "Groovy Notes" || a.LabelZH != "随手记事" {
			t.Errorf("labels = %q / %q", a.Label, a.LabelZH)
		}
		if a.AllowBackup == nil || !*a.AllowBackup || a.Debuggable != nil {
			t.Errorf("allowBackup/debuggable = %v/%v", a.AllowBackup, a.Debuggable)
		}
		p := permission(f, "android.permission.READ_PHONE_STATE")
		if p == nil || p.Location != (analyzer.Location{Path: man, Line: lineOf(t, dir, man, "READ_PHONE_STATE")}) {
			t.Errorf("READ_PHONE_STATE = %+v", p)
		}
		if p := permission(f, "android.permission.WRITE_EXTERNAL_STORAGE"); p == nil || p.MaxSDK != 28 ||
			p.Location.Line != lineOf(t, dir, man, "WRITE_EXTERNAL_STORAGE")-1 {
			t.Errorf("WRITE_EXTERNAL_STORAGE (multi-line element, line of its start tag) = %+v", p)
		}
		if permission(f, "com.hegui.groovyapp.permission.JPUSH_MESSAGE") == nil {
			t.Error("placeholder in permission name not resolved")
		}
		if permission(f, "android.permission.READ_CONTACTS") != nil {
			t.Error("commented-out permission listed")
		}
		if len(a.DefinedPermissions) != 1 || a.DefinedPermissions[0].Name != "com.hegui.groovyapp.permission.JPUSH_MESSAGE" || a.DefinedPermissions[0].ProtectionLevel != "signature" {
			t.Errorf("defined permissions = %+v", a.DefinedPermissions)
		}
		if v, _ := metaValue(f, "JPUSH_APPKEY"); v != "0123456789abcdef01234567" {
			t.Errorf("JPUSH_APPKEY = %q (manifestPlaceholders)", v)
		}
		rc := findComponent(f, "cn.jpush.android.service.PushReceiver")
		if rc == nil || rc.Type != "receiver" || !rc.Exported || rc.ExportedExplicit ||
			rc.Location != (analyzer.Location{Path: man, Line: lineOf(t, dir, man, "PushReceiver")}) ||
			len(rc.IntentFilters) != 1 || rc.IntentFilters[0].Priority != 1000 || rc.IntentFilters[0].Categories[0] != "com.hegui.groovyapp" {
			t.Errorf("PushReceiver = %+v", rc)
		}
		pv := findComponent(f, "cn.jpush.android.service.DataProvider")
		if pv == nil || pv.Exported || !pv.ExportedExplicit || !slices.Equal(pv.Authorities, []string{"com.hegui.groovyapp.DataProvider"}) {
			t.Errorf("DataProvider = %+v", pv)
		}
		ma := findComponent(f, "com.hegui.groovyapp.MainActivity")
		if ma == nil || ma.Location.Line != lineOf(t, dir, man, "<activity") {
			t.Errorf("MainActivity (relative name, line of start tag) = %+v", ma)
		}
		if f.Network == nil || f.Network.CleartextPermitted || !f.Network.TrustsUserCAs ||
			!slices.Equal(f.Network.CleartextDomains, []string{"api.groovy-notes.example"}) ||
			a.NetworkSecConfig != "app/src/main/res/xml/network_security_config.xml" {
			t.Errorf("network = %+v (%s)", f.Network, a.NetworkSecConfig)
		}
	})

	t.Run("code", func(t *testing.T) {
		const app = "app/src/main/java/com/hegui/groovyapp/App.java"
		const dev = "app/src/main/java/com/hegui/groovyapp/DeviceInfo.java"
		const act = "app/src/main/java/com/hegui/groovyapp/MainActivity.java"
		wantCall(t, f, dir, "android.telephony.TelephonyManager", "getDeviceId", "com.hegui.groovyapp.App", "onCreate", app, "tm.getDeviceId()")
		wantCall(t, f, dir, "com.umeng.commonsdk.UMConfigure", "init", "com.hegui.groovyapp.App", "onCreate", app, "UMConfigure.init(")
		wantCall(t, f, dir, "cn.jpush.android.api.JPushInterface", "init", "com.hegui.groovyapp.App", "onCreate", app, "JPushInterface.init(")
		// own code, for reachability from Application.onCreate
		wantCall(t, f, dir, "com.hegui.groovyapp.DeviceInfo", "collect", "com.hegui.groovyapp.App", "onCreate", app, "DeviceInfo.collect(")
		wantCall(t, f, dir, "com.hegui.groovyapp.DeviceInfo", "readProperty", "com.hegui.groovyapp.DeviceInfo", "collect", dev, "readProperty();")
		// wildcard import + nested class, static import of a field, getter chain, fully qualified
		wantCall(t, f, dir, "android.provider.Settings$Secure", "getString", "com.hegui.groovyapp.DeviceInfo", "collect", dev, "Settings.Secure.getString")
		wantCall(t, f, dir, "android.provider.Settings$Secure", "ANDROID_ID", "com.hegui.groovyapp.DeviceInfo", "collect", dev, "Settings.Secure.ANDROID_ID")
		wantCall(t, f, dir, "android.os.Build", "SERIAL", "com.hegui.groovyapp.DeviceInfo", "collect", dev, "= SERIAL;")
		wantCall(t, f, dir, "android.net.wifi.WifiInfo", "getMacAddress", "com.hegui.groovyapp.DeviceInfo", "collect", dev, "getMacAddress()")
		wantCall(t, f, dir, "android.os.Build", "getSerial", "com.hegui.groovyapp.DeviceInfo", "collect", dev, "android.os.Build.getSerial()")
		// anonymous class body: attributed to the enclosing method
		wantCall(t, f, dir, "com.hegui.groovyapp.MainActivity", "showPrivacy", "com.hegui.groovyapp.MainActivity", "onCreate", act, "showPrivacy();")

		rp := wantCall(t, f, dir, "android.app.Activity", "requestPermissions", "com.hegui.groovyapp.MainActivity", "onCreate", act, "ActivityCompat.requestPermissions")
		if rp != nil && !slices.Equal(rp.Permissions, []string{"android.permission.READ_PHONE_STATE", "android.permission.ACCESS_WIFI_STATE"}) {
			t.Errorf("requestPermissions(PERMISSIONS) permissions = %v", rp.Permissions)
		}
		rp = wantCall(t, f, dir, "android.app.Activity", "requestPermissions", "com.hegui.groovyapp.MainActivity", "showPrivacy", act, "requestPermissions(new String[]")
		if rp != nil && !slices.Equal(rp.Permissions, []string{"android.permission.WRITE_EXTERNAL_STORAGE"}) {
			t.Errorf("requestPermissions(new String[]{…}) permissions = %v", rp.Permissions)
		}
		wantCall(t, f, dir, "android.telephony.TelephonyManager", "getLine1Number", "com.hegui.groovyapp.MainActivity", "showPrivacy", act, "this.phone.getLine1Number()")
		if findCall(f, "android.telephony.TelephonyManager", "getSubscriberId", "") != nil {
			t.Error("call from src/test listed")
		}
		for _, c := range f.Code.Calls {
			if c.Location.Line < 1 || c.Location.Path == "" || c.InClass == "" {
				t.Errorf("call without location or class: %+v", c)
			}
			if strings.HasPrefix(c.Class, "java.lang.String") && c.Member == "<init>" {
				t.Errorf("array creation recorded as constructor: %+v", c)
			}
		}
		var strs []string
		for _, s := range f.Code.Strings {
			strs = append(strs, s.Value)
		}
		for _, want := range []string{"ro.serialno", "android.os.SystemProperties", "content://sms/inbox", "file:///android_asset/privacy.html"} {
			if !slices.Contains(strs, want) {
				t.Errorf("string %q not kept; have %v", want, strs)
			}
		}
		if slices.Contains(strs, "}") || slices.Contains(strs, "official") {
			t.Errorf("unimportant strings kept: %v", strs)
		}
	})

	t.Run("resources", func(t *testing.T) {
		r := f.Resources
		if r.Named["privacy_summary"] != `We collect your device identifiers (IMEI) for push delivery. See "Privacy Policy".` {
			t.Errorf("escaped string = %q", r.Named["privacy_summary"])
		}
		if r.NamedZH["privacy_title"] != "隐私政策" || r.NamedZH["agree"] != "同意" {
			t.Errorf("zh strings = %v", r.NamedZH)
		}
		if !slices.Contains(r.Strings, "隐私政策") || r.StringCount != len(r.Strings) {
			t.Errorf("string pool = %v", r.Strings)
		}
		const zh = "app/src/main/res/values-zh-rCN/strings.xml"
		if loc := r.StringLocations["隐私政策"]; loc != (analyzer.Location{Path: zh, Line: lineOf(t, dir, zh, "privacy_title")}) {
			t.Errorf("location of 隐私政策 = %+v", loc)
		}
		if !strings.Contains(string(f.Files["app/src/main/assets/privacy.html"]), "极光推送SDK") {
			t.Error("assets/privacy.html not in Files")
		}
		if _, ok := f.Files["app/src/main/res/raw/terms.txt"]; !ok {
			t.Error("res/raw/terms.txt not in Files")
		}
		types := map[string]string{}
		for _, a := range f.Assets {
			types[a.Path] = a.Type
		}
		if types["app/src/main/assets/privacy.html"] != "html" || types["app/src/main/res/raw/terms.txt"] != "text" {
			t.Errorf("assets = %+v", f.Assets)
		}
	})
}

func TestKotlinCatalog(t *testing.T) {
	f, dir := analyzeFixture(t, "kotlin-catalog")
	const gradle = "app/build.gradle.kts"
	wantDep(t, f, dir, "com.umeng.umsdk", "common", "9.7.1", "implementation", gradle, "libs.bundles.umeng")
	wantDep(t, f, dir, "com.umeng.umsdk", "asms", "1.8.2", "implementation", gradle, "libs.bundles.umeng")
	wantDep(t, f, dir, "com.getui", "gtsdk", "3.3.5.0", "implementation", gradle, "libs.getui.sdk")
	wantDep(t, f, dir, "com.tencent.bugly", "crashreport", "4.1.9.3", "implementation", gradle, "libs.tencent.bugly")
	wantDep(t, f, dir, "com.amap.api", "location", "6.4.3", "releaseImplementation", gradle, "libs.amap.location")
	wantDep(t, f, dir, "com.google.firebase", "firebase-bom", "32.8.0", "platform", gradle, "platform(libs.firebase.bom)")
	wantDep(t, f, dir, "com.google.firebase", "firebase-analytics", "", "implementation", gradle, "libs.firebase.analytics")
	// a buildSrc constant, and a quoted configuration name
	wantDep(t, f, dir, "com.squareup.okhttp3", "okhttp", "4.12.0", "implementation", gradle, "Deps.okhttp")
	wantDep(t, f, dir, "com.tencent.mm.opensdk", "wechat-sdk-android", "6.8.24", "implementation", gradle, `"implementation"(`)
	wantDep(t, f, dir, "com.huawei.hms", "push", "6.12.0.300", "implementation", gradle, `group = "com.huawei.hms"`)
	if findDep(f, "junit", "junit") != nil {
		t.Error("test dependency from the catalog listed")
	}
	a := f.App
	if a.Package != "com.hegui.kcat" || a.MinSDK != 24 || a.TargetSDK != 34 || a.VersionName != "2.1.0" || a.ApplicationClass != "com.hegui.kcat.KcatApp" {
		t.Errorf("app = %+v", a)
	}
	if v, _ := metaValue(f, "GETUI_APPID"); v != "kcatGetuiAppId" {
		t.Errorf("manifestPlaceholders[\"GETUI_APPID\"] → %q", v)
	}
	if v, _ := metaValue(f, "com.amap.api.v2.apikey"); v != "amap-key-0001" {
		t.Errorf("manifestPlaceholders += mapOf(…) → %q", v)
	}
	if a.Queries == nil || !slices.Equal(a.Queries.Packages, []string{"com.tencent.mm"}) || len(a.Queries.Intents) != 1 {
		t.Errorf("queries = %+v", a.Queries)
	}
	if a.LabelZH != "喵读" || f.Resources.Named["consent_message"] != `Please read our <a href="https://kcat.example/privacy">Privacy Policy</a>.` ||
		f.Resources.NamedZH["consent_message"] != "请阅读并同意<隐私政策>后使用本应用" {
		t.Errorf("resources: %q %q %q", a.LabelZH, f.Resources.Named["consent_message"], f.Resources.NamedZH["consent_message"])
	}

	const home = "app/src/main/java/com/hegui/kcat/ui/HomeActivity.kt"
	const appKt = "app/src/main/java/com/hegui/kcat/KcatApp.kt"
	const dev = "app/src/main/java/com/hegui/kcat/util/Device.kt"
	const homeC = "com.hegui.kcat.ui.HomeActivity"
	// getSystemService(X::class.java), Kotlin property syntax
	wantCall(t, f, dir, "android.content.ClipboardManager", "getPrimaryClip", homeC, "onCreate", home, "clipboard.primaryClip")
	// `as ClipboardManager`
	wantCall(t, f, dir, "android.content.ClipboardManager", "hasPrimaryClip", homeC, "onCreate", home, "cm.hasPrimaryClip()")
	// getSystemService<T>() in an expression-bodied helper
	wantCall(t, f, dir, "android.content.ClipboardManager", "hasPrimaryClip", homeC, "checkClip", home, "board?.hasPrimaryClip()")
	wantCall(t, f, dir, "android.content.pm.PackageManager", "getInstalledPackages", homeC, "onCreate", home, "getInstalledPackages")
	wantCall(t, f, dir, "android.content.pm.PackageManager", "getInstalledApplications", homeC, "onCreate", home, "pm.getInstalledApplications")
	// import … as TM
	wantCall(t, f, dir, "android.telephony.TelephonyManager", "getSimOperator", homeC, "onCreate", home, "tm.simOperator")
	// val … by lazy { … as TM }
	wantCall(t, f, dir, "android.telephony.TelephonyManager", "getLine1Number", homeC, "onCreate", home, "telephony.line1Number")
	// top-level Kotlin function in another file
	wantCall(t, f, dir, "com.hegui.kcat.util.DeviceKt", "deviceModel", homeC, "onCreate", home, "log(deviceModel())")
	wantCall(t, f, dir, "android.os.Build", "MODEL", "com.hegui.kcat.util.DeviceKt", "deviceModel", dev, "Build.MODEL")
	wantCall(t, f, dir, "android.os.Build", "getSerial", "com.hegui.kcat.util.DeviceIds", "serial", dev, "Build.getSerial()")
	// a raw string full of braces and a template with a brace did not shift scopes
	wantCall(t, f, dir, homeC, "checkClip", homeC, "refresh", home, "fun refresh()")
	// SDK calls reachable from Application.onCreate through an own method
	wantCall(t, f, dir, "com.hegui.kcat.KcatApp", "initSdks", "com.hegui.kcat.KcatApp", "onCreate", appKt, "initSdks()")
	wantCall(t, f, dir, "com.igexin.sdk.PushManager", "initialize", "com.hegui.kcat.KcatApp", "initSdks", appKt, ".initialize(this)")
	wantCall(t, f, dir, "com.hegui.kcat.PrivacyStore", "agreed", "com.hegui.kcat.KcatApp", "onCreate", appKt, "PrivacyStore.agreed")
	for _, c := range f.Code.Calls {
		if c.Member == "<init>" && strings.HasSuffix(c.InClass, "Kt") {
			t.Errorf("supertype in a class header recorded as a call: %+v", c)
		}
	}
	found := false
	for _, s := range f.Code.Strings {
		found = found || s.Value == "android_id" && s.InMethod == "androidId" && s.InClass == "com.hegui.kcat.util.DeviceKt"
	}
	if !found {
		t.Errorf("\"android_id\" not kept with its method: %+v", f.Code.Strings)
	}
}

func TestMultiModule(t *testing.T) {
	f, dir := analyzeFixture(t, "multi-module")
	if !slices.Equal(f.Code.Modules, []string{":app", ":core", ":push", ":sample"}) {
		t.Errorf("modules = %v", f.Code.Modules)
	}
	a := f.App
	if a.Package != "com.hegui.multi.app" || a.MinSDK != 23 || a.TargetSDK != 30 || a.ApplicationClass != "com.hegui.multi.MultiApp" ||
		a.Location.Path != "app/src/main/AndroidManifest.xml" {
		t.Errorf("app = %+v", a)
	}
	var perms []string
	for _, p := range a.Permissions {
		perms = append(perms, p.Name)
	}
	want := []string{"android.permission.INTERNET", "android.permission.ACCESS_FINE_LOCATION", "android.permission.GET_ACCOUNTS", "android.permission.ACCESS_NETWORK_STATE"}
	if !slices.Equal(perms, want) {
		t.Errorf("merged permissions = %v; want %v (READ_PHONE_STATE removed by tools:node, debug and unrelated modules left out)", perms, want)
	}
	const push = "push/src/main/AndroidManifest.xml"
	if p := permission(f, "android.permission.ACCESS_FINE_LOCATION"); p == nil || p.Location != (analyzer.Location{Path: push, Line: lineOf(t, dir, push, "ACCESS_FINE_LOCATION")}) {
		t.Errorf("library permission location = %+v", p)
	}
	if p := permission(f, "android.permission.INTERNET"); p == nil || p.Location.Path != "app/src/main/AndroidManifest.xml" {
		t.Errorf("app declaration should win over the library's: %+v", p)
	}
	if p := permission(f, "android.permission.ACCESS_NETWORK_STATE"); p == nil || p.Location.Path != "app/libs/vendor-share.aar!/AndroidManifest.xml" {
		t.Errorf("aar manifest permission = %+v", p)
	}
	// relative names resolve against the declaring library's namespace
	if c := findComponent(f, "com.hegui.push.PushService"); c == nil || c.Location != (analyzer.Location{Path: push, Line: lineOf(t, dir, push, ".PushService") - 1}) {
		t.Errorf("PushService = %+v", c)
	}
	if c := findComponent(f, "com.hegui.push.PushProvider"); c == nil || !slices.Equal(c.Authorities, []string{"com.hegui.multi.app.push.provider"}) {
		t.Errorf("${applicationId} in a library = %+v", c)
	}
	if c := findComponent(f, "com.hegui.core.CoreService"); c == nil || c.Location.Path != "libraries/core/src/main/AndroidManifest.xml" {
		t.Errorf("projectDir override: CoreService = %+v", c)
	}
	if findComponent(f, "com.hegui.core.CoreActivity") != nil {
		t.Error("component removed with tools:node=\"remove\" still listed")
	}
	if findComponent(f, "com.umeng.socialize.media.WBShareCallBackActivity") == nil {
		t.Error("aar manifest component missing")
	}
	if v, _ := metaValue(f, "CHANNEL"); v != "release-huawei" {
		t.Errorf("CHANNEL = %q: release source set should override main", v)
	}
	if v, _ := metaValue(f, "com.amap.api.v2.apikey"); v != "multi-map-key" {
		t.Errorf("single-quoted placeholder = %q", v)
	}
	wantDep(t, f, dir, "com.getui", "gtsdk", "3.3.5.0", "api", "push/build.gradle", "com.getui:gtsdk")
	// entries of an ext map in a shared config.gradle
	wantDep(t, f, dir, "com.tencent.bugly", "crashreport", "4.1.9", "implementation", "libraries/core/build.gradle", "deps.bugly")
	wantDep(t, f, dir, "com.umeng.umsdk", "push", "6.6.3", "implementation", "push/build.gradle", `deps["umeng-push"]`)
	if findDep(f, "com.baidu.lbsyun", "BaiduMapSDK_Location") != nil {
		t.Error("dependency of a module the app does not use listed")
	}
	if len(f.NativeLibs) != 1 || f.NativeLibs[0].Name != "libumeng-share-stub.so" || f.NativeLibs[0].ABI != "arm64-v8a" {
		t.Errorf("native libs = %+v", f.NativeLibs)
	}
	const core = "libraries/core/src/main/java/com/hegui/core/Processes.java"
	wantCall(t, f, dir, "android.app.ActivityManager", "getRunningAppProcesses", "com.hegui.core.Processes", "running", core, "getRunningAppProcesses")
	wantCall(t, f, dir, "com.hegui.push.PushClient", "start", "com.hegui.multi.MultiApp", "onCreate", "app/src/main/java/com/hegui/multi/MultiApp.java", "PushClient.start")
	wantCall(t, f, dir, "com.hegui.core.Processes", "running", "com.hegui.push.PushClient", "start", "push/src/main/java/com/hegui/push/PushClient.java", "Processes.running")
	if findCall(f, "android.accounts.AccountManager", "getAccounts", "") != nil {
		t.Error("androidTest code analysed")
	}
	var diag bool
	for _, d := range f.Diagnostics {
		diag = diag || strings.Contains(d.Message, ":sample")
	}
	if !diag {
		t.Errorf("second application module not reported: %+v", f.Diagnostics)
	}
}

func TestDeterministic(t *testing.T) {
	for _, name := range []string{"groovy-app", "kotlin-catalog", "multi-module"} {
		a, _ := analyzeFixture(t, name)
		b, _ := analyzeFixture(t, name)
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if string(ja) != string(jb) {
			t.Errorf("%s: two runs differ", name)
		}
	}
}

func TestIsProject(t *testing.T) {
	if !IsProject(fixture(t, "groovy-app")) || !IsProject(fixture(t, "kotlin-catalog")) {
		t.Error("Gradle fixtures not recognised")
	}
	plain := t.TempDir()
	if IsProject(plain) {
		t.Error("empty dir is a project")
	}
	mustWrite(t, filepath.Join(plain, "app/src/main/AndroidManifest.xml"), `<manifest package="a.b"/>`)
	if !IsProject(plain) {
		t.Error("module-layout manifest not recognised")
	}
	if IsProject(filepath.Join(plain, "missing")) {
		t.Error("missing dir is a project")
	}
}

func mustWrite(t testing.TB, p, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
