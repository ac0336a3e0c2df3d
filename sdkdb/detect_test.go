package sdkdb

import (
	"encoding/json"
	"math/rand"
	"path"
	"reflect"
	"strings"
	"testing"

	"github.com/hegui-dev/hegui/analyzer"
	"github.com/hegui-dev/hegui/analyzer/dex"
)

// factsWith builds Facts whose single classes.dex defines classes, plus native libs.
func factsWith(classes []string, libs ...string) *analyzer.Facts {
	f := &analyzer.Facts{App: analyzer.App{Package: "com.example.shop"}}
	if classes != nil {
		f.Dex.Files = []analyzer.DexFile{mkDex("classes.dex", classes, nil)}
	}
	for _, l := range libs {
		f.NativeLibs = append(f.NativeLibs, analyzer.NativeLib{Path: l, Name: path.Base(l), ABI: path.Base(path.Dir(l))})
	}
	return f
}

// mkDex builds a parsed DEX defining classes; refs maps a defined class to the
// classes whose methods it invokes (one method ref per target).
func mkDex(name string, classes []string, refs map[string][]string) analyzer.DexFile {
	p := &dex.File{Version: "035"}
	for _, c := range classes {
		cls := dex.Class{Name: c, Super: "java.lang.Object"}
		var m dex.Method
		for _, target := range refs[c] {
			p.Methods = append(p.Methods, dex.MethodRef{Class: target, Name: "call", Proto: "()V"})
			m.Invokes = append(m.Invokes, uint32(len(p.Methods)-1))
		}
		if len(m.Invokes) > 0 {
			cls.Methods = []dex.Method{m}
		}
		p.Classes = append(p.Classes, cls)
	}
	return analyzer.DexFile{Name: name, ClassCount: len(classes), Parsed: p}
}

// Real class names from corpus/sdkjar (jpush-android-4.8.1.jar, jcore-android-3.3.2.jar,
// umeng-analytics-9.0.4.jar, umeng-common-2.2.5.jar, the WeChat OpenSDK and stetho).
var (
	jpushClasses = []string{
		"cn.jpush.android.api.JPushInterface", "cn.jpush.android.api.BasicPushNotificationBuilder",
		"cn.jpush.android.service.PushService", "cn.jpush.android.service.JPushMessageReceiver",
		"cn.jpush.android.ui.PopWinActivity", "cn.jpush.android.au.a", "cn.jpush.android.bv.b",
	}
	jcoreClasses = []string{"cn.jiguang.dy.FileLocker", "cn.jiguang.dy.a", "cn.jiguang.api.JCoreInterface"}
	umengClasses = []string{
		"com.umeng.analytics.MobclickAgent", "com.umeng.analytics.vshelper.PageNameMonitor",
		"com.umeng.commonsdk.UMConfigure", "com.umeng.commonsdk.statistics.common.DeviceConfig",
	}
	wechatClasses = []string{
		"com.tencent.mm.opensdk.openapi.WXAPIFactory", "com.tencent.mm.opensdk.openapi.IWXAPI",
		"com.tencent.mm.opensdk.modelmsg.SendAuth$Req",
	}
	stethoClasses = []string{"com.facebook.stetho.Stetho", "com.facebook.stetho.inspector.ChromeDevtoolsServer"}
)

func concat(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

func hitByID(r *Result, id string) *Hit {
	for i := range r.SDKs {
		if r.SDKs[i].ID == id {
			return &r.SDKs[i]
		}
	}
	return nil
}

func ids(r *Result) []string {
	var out []string
	for _, h := range r.SDKs {
		out = append(out, h.ID)
	}
	return out
}

func shopFacts() *analyzer.Facts {
	app := []string{"com.example.shop.MainActivity", "com.example.shop.wxapi.WXEntryActivity", "com.example.shop.ShopApp"}
	f := &analyzer.Facts{
		App: analyzer.App{
			Package:          "com.example.shop",
			ApplicationClass: "com.example.shop.ShopApp",
			MetaData:         []analyzer.MetaData{{Name: "UMENG_APPKEY", Value: "5f0c"}, {Name: "JPUSH_APPKEY", Value: "abc"}},
			Permissions: []analyzer.Permission{
				{Name: "android.permission.INTERNET"},
				{Name: "com.example.shop.permission.JPUSH_MESSAGE"},
			},
		},
		Components: []analyzer.Component{
			{Type: "activity", Name: "com.example.shop.MainActivity"},
			{Type: "activity", Name: "com.example.shop.wxapi.WXEntryActivity", Exported: true},
			{Type: "service", Name: "cn.jpush.android.service.PushService"},
		},
		Dex: analyzer.DexInfo{Files: []analyzer.DexFile{
			mkDex("classes.dex", concat(app, wechatClasses, stethoClasses), map[string][]string{
				"com.example.shop.ShopApp":               {"com.umeng.commonsdk.UMConfigure", "com.facebook.stetho.Stetho", "com.example.shop.MainActivity"},
				"com.example.shop.wxapi.WXEntryActivity": {"com.tencent.mm.opensdk.openapi.WXAPIFactory"},
			}),
			mkDex("classes2.dex", concat(jpushClasses, jcoreClasses, umengClasses), nil),
		}},
		NativeLibs: []analyzer.NativeLib{
			{Path: "lib/armeabi-v7a/libjcore332.so", Name: "libjcore332.so", ABI: "armeabi-v7a"},
			{Path: "lib/arm64-v8a/libjcore332.so", Name: "libjcore332.so", ABI: "arm64-v8a"},
		},
	}
	return f
}

func TestDetectAttributesEveryClass(t *testing.T) {
	db := loadTest(t)
	r := db.Detect(shopFacts())
	want := []string{"umeng_analytics", "jcore", "jpush", "wechat_opensdk"} // analytics, push, push, social
	if got := ids(r); !reflect.DeepEqual(got, want) {
		t.Fatalf("SDKs = %v, want %v (stetho is not the Facebook SDK)", got, want)
	}
	owners := map[string]string{
		"com.example.shop.MainActivity":                   "app",
		"cn.jpush.android.api.JPushInterface":             "jpush",
		"cn.jiguang.dy.FileLocker":                        "jcore",
		"cn.jiguang.verifysdk.api.JVerificationInterface": "jverification",
		"com.tencent.mm.opensdk.modelmsg.SendAuth$Req":    "wechat_opensdk",
		"com.facebook.stetho.Stetho":                      "",
		"com.facebook.FacebookSdk":                        "facebook_core",
		"com.facebook.FacebookSdk$1":                      "facebook_core",
		"com.facebook.FacebookSdkX":                       "",
		"a.b.c":                                           "",
		"com.example.shopping.Other":                      "",
	}
	for class, want := range owners {
		if got := r.Owner(class); got != want {
			t.Errorf("Owner(%q) = %q, want %q", class, got, want)
		}
	}

	jp := hitByID(r, "jpush")
	if jp.ClassCount != len(jpushClasses) || jp.Confidence != ConfHigh || jp.Used {
		t.Errorf("jpush: classes %d conf %s used %v", jp.ClassCount, jp.Confidence, jp.Used)
	}
	var kinds []string
	for _, e := range jp.Evidence {
		kinds = append(kinds, e.Kind+":"+e.Value+"@"+e.Path)
	}
	wantKinds := []string{
		"package:cn.jpush.android.@classes2.dex",
		"component:cn.jpush.android.service.PushService@AndroidManifest.xml",
		"meta_data:JPUSH_APPKEY@AndroidManifest.xml",
		"permission:com.example.shop.permission.JPUSH_MESSAGE@AndroidManifest.xml",
	}
	if !reflect.DeepEqual(kinds, wantKinds) {
		t.Errorf("jpush evidence\n got %v\nwant %v", kinds, wantKinds)
	}
	if s := jp.Evidence[0].Samples; len(s) != maxSamples || s[0] != "cn.jpush.android.api.BasicPushNotificationBuilder" || jp.Evidence[0].Count != 7 {
		t.Errorf("package evidence samples %v count %d", s, jp.Evidence[0].Count)
	}

	jc := hitByID(r, "jcore")
	if jc.Confidence != ConfHigh {
		t.Errorf("jcore: code + native lib should be high, got %s", jc.Confidence)
	}
	var lib *Evidence
	for i := range jc.Evidence {
		if jc.Evidence[i].Kind == KindNativeLib {
			lib = &jc.Evidence[i]
		}
	}
	if lib == nil || lib.Path != "lib/arm64-v8a/libjcore332.so" || lib.Value != "libjcore332.so" {
		t.Errorf("jcore native evidence %+v", lib)
	}

	wx := hitByID(r, "wechat_opensdk")
	if !wx.Used || wx.Confidence != ConfHigh {
		t.Errorf("wechat: used %v conf %s (app's WXEntryActivity calls WXAPIFactory; marker component present)", wx.Used, wx.Confidence)
	}
	um := hitByID(r, "umeng_analytics")
	if !um.Used {
		t.Error("umeng: ShopApp calls UMConfigure, should be used")
	}
	for _, e := range um.Evidence {
		if e.Kind == KindReference && (e.Count != 1 || e.Samples[0] != "com.example.shop.ShopApp → com.umeng.commonsdk.UMConfigure") {
			t.Errorf("reference evidence %+v", e)
		}
	}
}

func TestDetectObfuscatedCode(t *testing.T) {
	db := loadTest(t)
	f := shopFacts()
	// R8 with repackaging: every class, SDK or not, flattened to short names.
	for i := range f.Dex.Files {
		p := f.Dex.Files[i].Parsed
		for j := range p.Classes {
			p.Classes[j].Name = "a." + string(rune('a'+j%26)) + strings.Repeat("a", j/26)
		}
		for j := range p.Methods {
			p.Methods[j].Class = "a.z"
		}
	}
	f.Assets = []analyzer.Asset{{Path: "assets/supplierconfig.json", Type: "json"}}
	r := db.Detect(f)
	want := []string{"umeng_analytics", "jcore", "jpush", "msa_oaid", "wechat_opensdk"}
	if got := ids(r); !reflect.DeepEqual(got, want) {
		t.Fatalf("SDKs from manifest, .so and assets = %v, want %v", got, want)
	}
	conf := map[string]string{}
	for _, h := range r.SDKs {
		conf[h.ID] = h.Confidence
		if h.ClassCount != 0 || h.Used {
			t.Errorf("%s: no class is attributable after obfuscation (classes %d, used %v)", h.ID, h.ClassCount, h.Used)
		}
	}
	wantConf := map[string]string{
		"jpush":           ConfMedium, // component + meta-data
		"jcore":           ConfMedium, // native lib alone
		"umeng_analytics": ConfLow,    // one meta-data key
		"msa_oaid":        ConfLow,    // one asset
		"wechat_opensdk":  ConfMedium, // <applicationId>.wxapi.WXEntryActivity
	}
	if !reflect.DeepEqual(conf, wantConf) {
		t.Errorf("confidence %v, want %v", conf, wantConf)
	}
}

func TestWeakSignalsOnlySupport(t *testing.T) {
	db := loadTest(t)
	f := factsWith(nil)
	f.App.Permissions = []analyzer.Permission{{Name: "com.example.shop.permission.JPUSH_MESSAGE"}}
	// A meta-data key two entries share (HMS Core and Push) cannot create a hit.
	f.App.MetaData = []analyzer.MetaData{{Name: "com.huawei.hms.client.appid", Value: "123"}}
	// The app calling an SDK whose classes are not bundled proves nothing about presence.
	f.Dex.Files = []analyzer.DexFile{mkDex("classes.dex", []string{"com.example.shop.Main"},
		map[string][]string{"com.example.shop.Main": {"com.umeng.analytics.MobclickAgent"}})}
	if r := db.Detect(f); len(r.SDKs) != 0 {
		t.Errorf("weak signals alone created hits: %v", ids(r))
	}
	f.Dex.Files = append(f.Dex.Files, mkDex("classes2.dex", []string{"com.huawei.hms.push.HmsMessaging"}, nil))
	r := db.Detect(f)
	if got := ids(r); !reflect.DeepEqual(got, []string{"huawei_push"}) {
		t.Fatalf("got %v, want huawei_push only", got)
	}
	if h := r.SDKs[0]; h.Confidence != ConfMedium || len(h.Evidence) != 2 {
		t.Errorf("huawei_push: %s with %+v; want medium, package + shared meta-data as support", h.Confidence, h.Evidence)
	}
}

func TestAppPrefixesAndVendorDemos(t *testing.T) {
	db := loadTest(t)
	// A vendor demo whose package sits inside the SDK's namespace, with the SDK's
	// Application class: the demo code is the app's, the SDK code is the SDK's.
	f := &analyzer.Facts{App: analyzer.App{Package: "cn.sharesdk.demo", ApplicationClass: "com.mob.MobApplication"}}
	f.Dex.Files = []analyzer.DexFile{mkDex("classes.dex",
		[]string{"cn.sharesdk.demo.MainActivity", "cn.sharesdk.framework.ShareSDK", "com.mob.MobApplication", "com.mob.tools.utils.Data"},
		map[string][]string{"cn.sharesdk.demo.MainActivity": {"cn.sharesdk.framework.ShareSDK"}})}
	r := db.Detect(f)
	if got := r.AppPrefixes(); !reflect.DeepEqual(got, []string{"cn.sharesdk.demo."}) {
		t.Errorf("app prefixes %v: com.mob. must stay MobTech's", got)
	}
	h := hitByID(r, "mob_sharesdk")
	if h == nil || h.ClassCount != 3 || !h.Used {
		t.Fatalf("sharesdk hit %+v", h)
	}
	// An application class outside the manifest package adds its package.
	f = &analyzer.Facts{App: analyzer.App{Package: "com.shop.release", ApplicationClass: "com.shop.core.App"}}
	f.Components = []analyzer.Component{{Type: "activity", Name: ".ui.Home", IntentFilters: []analyzer.IntentFilter{{
		Actions: []string{"android.intent.action.MAIN"}, Categories: []string{"android.intent.category.LAUNCHER"}}}}}
	r = db.Detect(f)
	if got := r.AppPrefixes(); !reflect.DeepEqual(got, []string{"com.shop.core.", "com.shop.release."}) {
		t.Errorf("app prefixes %v", got)
	}
}

func TestPackers(t *testing.T) {
	db := loadTest(t)
	cases := []struct {
		name string
		f    *analyzer.Facts
		want string
	}{
		{"360 stub application", &analyzer.Facts{
			App:    analyzer.App{Package: "com.shop", ApplicationClass: "com.stub.StubApp"},
			Dex:    analyzer.DexInfo{Files: []analyzer.DexFile{mkDex("classes.dex", []string{"com.stub.StubApp", "com.stub.StubApp$1"}, nil)}},
			Assets: []analyzer.Asset{{Path: "assets/libjiagu.so"}, {Path: "assets/libjiagu_a64.so"}},
		}, "qihoo_jiagu"},
		{"legu", &analyzer.Facts{
			App:    analyzer.App{Package: "com.shop", ApplicationClass: "com.tencent.StubShell.TxAppEntry"},
			Assets: []analyzer.Asset{{Path: "assets/tosversion"}},
		}, "tencent_legu"},
		{"bangcle", factsWith(nil, "lib/armeabi-v7a/libSecShell.so"), "bangcle"},
		{"ijiami", &analyzer.Facts{Dex: analyzer.DexInfo{Hidden: []analyzer.HiddenCode{{Path: "assets/ijiami.dat", Kind: "encrypted?"}}}}, "ijiami"},
		{"baidu", factsWith(nil, "lib/armeabi/libbaiduprotect.so"), "baidu_protect"},
		{"yidun", factsWith(nil, "lib/arm64-v8a/libnesec.so"), "netease_yidun_protect"},
		{"dingxiang", factsWith(nil, "lib/arm64-v8a/libx3g.so"), "dingxiang_protect"},
		{"naga", factsWith(nil, "lib/armeabi-v7a/libchaosvmp.so"), "nagapt"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := db.Detect(c.f)
			if len(r.Packers) != 1 || r.Packers[0].ID != c.want {
				t.Fatalf("packers %+v, want %s", r.Packers, c.want)
			}
			if len(r.Notes) != 1 || !strings.Contains(r.Notes[0], "encrypted") || !strings.Contains(r.Notes[0], "limited") {
				t.Errorf("notes %q do not say the results are limited", r.Notes)
			}
		})
	}
	r := db.Detect(shopFacts())
	if len(r.Packers) != 0 || len(r.Notes) != 0 {
		t.Errorf("packer found in a plain app: %+v", r.Packers)
	}
	// The packer's stub Application must not make com.stub. the app's package.
	r = db.Detect(cases[0].f)
	if got := r.Owner("com.stub.StubApp"); got != "" {
		t.Errorf("Owner(com.stub.StubApp) = %q, want unknown", got)
	}
}

func TestDetectSourceTree(t *testing.T) {
	db := loadTest(t)
	f := &analyzer.Facts{
		Source: analyzer.Source{Kind: "source"},
		App:    analyzer.App{Package: "com.example.shop"},
		Code: &analyzer.SourceCode{
			Dependencies: []analyzer.Dependency{
				{Group: "com.umeng.umsdk", Artifact: "common", Version: "9.6.8", Location: analyzer.Location{Path: "app/build.gradle", Line: 41}},
				{Group: "com.tencent.mm.opensdk", Artifact: "wechat-sdk-android", Version: "6.8.0", Location: analyzer.Location{Path: "app/build.gradle", Line: 44}},
				{Group: "androidx.core", Artifact: "core", Version: "1.12.0", Location: analyzer.Location{Path: "app/build.gradle", Line: 30}},
			},
			Calls: []analyzer.SourceCall{
				{Class: "com.umeng.commonsdk.UMConfigure", Member: "init", InClass: "com.example.shop.ShopApp",
					Location: analyzer.Location{Path: "app/src/main/java/com/example/shop/ShopApp.java", Line: 12}},
			},
		},
	}
	r := db.Detect(f)
	if got := ids(r); !reflect.DeepEqual(got, []string{"umeng_analytics", "wechat_opensdk"}) {
		t.Fatalf("SDKs %v", got)
	}
	um := r.SDKs[0]
	if um.Confidence != ConfHigh || !um.Used {
		t.Errorf("umeng: %s used=%v; want high (maven + source reference) and used", um.Confidence, um.Used)
	}
	if e := um.Evidence[1]; e.Kind != KindMaven || e.Value != "com.umeng.umsdk:common:9.6.8" || e.Line != 41 {
		t.Errorf("maven evidence %+v", e)
	}
	if wx := r.SDKs[1]; wx.Confidence != ConfMedium || wx.Used {
		t.Errorf("wechat via group:* → %s used=%v", wx.Confidence, wx.Used)
	}
}

func TestDetectIsDeterministic(t *testing.T) {
	db := loadTest(t)
	a, _ := json.Marshal(db.Detect(shopFacts()))
	f := shopFacts()
	rng := rand.New(rand.NewSource(1))
	for _, df := range f.Dex.Files {
		rng.Shuffle(len(df.Parsed.Classes), func(i, j int) {
			df.Parsed.Classes[i], df.Parsed.Classes[j] = df.Parsed.Classes[j], df.Parsed.Classes[i]
		})
	}
	rng.Shuffle(len(f.NativeLibs), func(i, j int) { f.NativeLibs[i], f.NativeLibs[j] = f.NativeLibs[j], f.NativeLibs[i] })
	rng.Shuffle(len(f.Components), func(i, j int) { f.Components[i], f.Components[j] = f.Components[j], f.Components[i] })
	b, _ := json.Marshal(db.Detect(f))
	if string(a) != string(b) {
		t.Errorf("output depends on input order:\n%s\n%s", a, b)
	}
}

func TestDetectNilAndHostileIndices(t *testing.T) {
	db := loadTest(t)
	if r := db.Detect(nil); r == nil || len(r.SDKs) != 0 || r.Owner("cn.jpush.android.A") != "" {
		t.Error("nil facts")
	}
	var nilDB *DB
	if r := nilDB.Detect(shopFacts()); len(r.SDKs) != 0 {
		t.Error("nil DB")
	}
	var nilRes *Result
	if nilRes.Owner("x.y") != "" {
		t.Error("nil result")
	}
	f := factsWith([]string{"com.example.shop.Main"})
	p := f.Dex.Files[0].Parsed
	p.Classes[0].Methods = []dex.Method{{Invokes: []uint32{99}, FieldRefs: []uint32{1 << 31}}}
	f.Dex.Files = append(f.Dex.Files, analyzer.DexFile{Name: "classes2.dex", Error: "bad header"})
	db.Detect(f) // must not panic on out-of-range indices or unparsed files
}

func BenchmarkOwner(b *testing.B) {
	db, err := loadFS(testFS)
	if err != nil {
		b.Fatal(err)
	}
	r := db.Detect(shopFacts())
	names := concat(jpushClasses, jcoreClasses, umengClasses, wechatClasses, stethoClasses,
		[]string{"com.example.shop.MainActivity", "a.b.c", "androidx.appcompat.app.AppCompatActivity"})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.Owner(names[i%len(names)])
	}
}

func TestLauncherInsideSDKNamespace(t *testing.T) {
	db := loadTest(t)
	// corpus jiguang-jmlink-demo: package com.jiguang.jmlinkdemo, code in cn.jiguang.jmlinkdemo.
	launcher := []analyzer.IntentFilter{{Actions: []string{"android.intent.action.MAIN"}, Categories: []string{"android.intent.category.LAUNCHER"}}}
	f := &analyzer.Facts{App: analyzer.App{Package: "com.jiguang.jmlinkdemo"},
		Components: []analyzer.Component{{Type: "activity", Name: "cn.jiguang.jmlinkdemo.MainActivity", IntentFilters: launcher}}}
	f.Dex.Files = []analyzer.DexFile{mkDex("classes.dex", []string{"cn.jiguang.jmlinkdemo.MainActivity", "cn.jiguang.jmlinkdemo.R$id"}, nil)}
	r := db.Detect(f)
	if len(r.SDKs) != 0 || r.Owner("cn.jiguang.jmlinkdemo.R$id") != "app" {
		t.Errorf("demo code attributed to an SDK: %v", ids(r))
	}
	// A launcher that is an SDK's own class at the SDK's package level stays the SDK's.
	f.Components[0].Name = "cn.jiguang.Launcher"
	f.Dex.Files = []analyzer.DexFile{mkDex("classes.dex", []string{"cn.jiguang.Launcher", "cn.jiguang.api.JCoreInterface"}, nil)}
	r = db.Detect(f)
	if got := ids(r); !reflect.DeepEqual(got, []string{"jcore"}) {
		t.Errorf("got %v, want jcore", got)
	}
}

func TestMarkerImplementedByAnotherSDK(t *testing.T) {
	db := loadTest(t)
	// corpus mob-sharesdk-sample-v3: <pkg>.wxapi.WXEntryActivity is an alias to ShareSDK's
	// own WeChat handler; the WeChat OpenSDK is not in the APK.
	f := &analyzer.Facts{App: analyzer.App{Package: "cn.sharesdk.demo"}}
	f.Components = []analyzer.Component{{Type: "activity-alias", Name: "cn.sharesdk.demo.wxapi.WXEntryActivity",
		TargetActivity: "cn.sharesdk.wechat.utils.WechatHandlerActivity"}}
	f.Dex.Files = []analyzer.DexFile{mkDex("classes.dex", []string{"cn.sharesdk.wechat.utils.WechatHandlerActivity", "cn.sharesdk.framework.ShareSDK"}, nil)}
	if got := ids(db.Detect(f)); !reflect.DeepEqual(got, []string{"mob_sharesdk"}) {
		t.Errorf("alias to ShareSDK: got %v, want only mob_sharesdk", got)
	}
	// ShareSDK 2.6.2: a real class in the app that extends ShareSDK's handler.
	f.Components = []analyzer.Component{{Type: "activity", Name: ".wxapi.WXEntryActivity"}}
	d := mkDex("classes.dex", []string{"cn.sharesdk.demo.wxapi.WXEntryActivity", "cn.sharesdk.wechat.utils.WechatHandlerActivity"}, nil)
	d.Parsed.Classes[0].Super = "cn.sharesdk.wechat.utils.WechatHandlerActivity"
	f.Dex.Files = []analyzer.DexFile{d}
	if got := ids(db.Detect(f)); !reflect.DeepEqual(got, []string{"mob_sharesdk"}) {
		t.Errorf("subclass of ShareSDK's handler: got %v", got)
	}
	// The app's own WXEntryActivity (no SDK super) is the WeChat marker, even with
	// every WeChat class renamed by R8.
	d.Parsed.Classes[0].Super = "android.app.Activity"
	if got := ids(db.Detect(f)); !reflect.DeepEqual(got, []string{"mob_sharesdk", "wechat_opensdk"}) {
		t.Errorf("app's own handler: got %v", got)
	}
}
