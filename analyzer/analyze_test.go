package analyzer

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

const fixtureAPK = "testdata/fixture.apk" // built by testdata/build.sh from testdata/fixture/

func analyzeFixture(t *testing.T, opts Options) *Facts {
	t.Helper()
	f, err := Analyze(context.Background(), fixtureAPK, opts)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestFixtureManifest(t *testing.T) {
	f := analyzeFixture(t, Options{})
	a := f.App
	if a.Package != "com.hegui.fixture" || a.VersionCode != "42" || a.VersionName != "1.2.3" {
		t.Errorf("identity: %q %q %q", a.Package, a.VersionCode, a.VersionName)
	}
	if a.MinSDK != 21 || a.TargetSDK != 30 || a.CompileSDK != 29 {
		t.Errorf("sdk: %d %d %d", a.MinSDK, a.TargetSDK, a.CompileSDK)
	}
	if a.Label != "Fixture Notes" || a.LabelZH != "合规笔记" {
		t.Errorf("labels: %q %q", a.Label, a.LabelZH)
	}
	if a.ApplicationClass != "com.hegui.fixture.App" {
		t.Errorf("application class %q", a.ApplicationClass)
	}
	if a.Debuggable == nil || !*a.Debuggable || a.AllowBackup == nil || *a.AllowBackup || a.UsesCleartext == nil || !*a.UsesCleartext {
		t.Errorf("flags: debuggable %v allowBackup %v cleartext %v", yes(a.Debuggable), yes(a.AllowBackup), yes(a.UsesCleartext))
	}
	var perms []string
	for _, p := range a.Permissions {
		s := p.Name
		if p.MaxSDK > 0 {
			s += "<=" + itoa(p.MaxSDK)
		}
		if p.SDK23 {
			s += "(23)"
		}
		perms = append(perms, s)
	}
	want := []string{"android.permission.INTERNET", "android.permission.READ_PHONE_STATE",
		"android.permission.WRITE_EXTERNAL_STORAGE<=28", "android.permission.ACCESS_FINE_LOCATION(23)"}
	if !reflect.DeepEqual(perms, want) {
		t.Errorf("permissions %v, want %v", perms, want)
	}
	wantDef := []DefinedPermission{{"com.hegui.fixture.PUSH", "signature|privileged"}, {"com.hegui.fixture.OPEN", "normal"}}
	if !reflect.DeepEqual(a.DefinedPermissions, wantDef) {
		t.Errorf("defined permissions %v", a.DefinedPermissions)
	}
	if a.Queries == nil || strings.Join(a.Queries.Packages, ",") != "com.tencent.mm,com.eg.android.AlipayGphone" ||
		len(a.Queries.Intents) != 1 || a.Queries.Intents[0].Data[0].MimeType != "image/*" {
		t.Errorf("queries %+v", a.Queries)
	}
	if !reflect.DeepEqual(a.Features, []Feature{{"android.hardware.camera", false}, {"android.hardware.wifi", true}}) {
		t.Errorf("features %v", a.Features)
	}
	wantMD := []MetaData{{Name: "UMENG_APPKEY", Value: "5f0000000000000000000000"},
		{Name: "policy_url", Value: "https://example.com/privacy", Resource: "@string/policy_url"}}
	if !reflect.DeepEqual(a.MetaData, wantMD) {
		t.Errorf("meta-data %+v", a.MetaData)
	}
}

func yes(b *bool) any {
	if b == nil {
		return nil
	}
	return *b
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

func TestFixtureComponents(t *testing.T) {
	f := analyzeFixture(t, Options{})
	type c struct {
		typ, name          string
		exported, explicit bool
		enabled            bool
	}
	var got []c
	for _, x := range f.Components {
		got = append(got, c{x.Type, x.Name, x.Exported, x.ExportedExplicit, x.Enabled})
	}
	want := []c{
		{"activity", "com.hegui.fixture.MainActivity", true, false, true}, // intent-filter, targetSdk 30
		{"activity", "com.hegui.fixture.ui.Settings", false, true, false},
		{"activity-alias", "com.hegui.fixture.Alias", true, true, true},
		{"service", "com.hegui.fixture.PushService", false, false, true}, // no filter
		{"receiver", "com.hegui.fixture.BootReceiver", true, false, true},
		{"provider", "com.hegui.fixture.Files", true, true, true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("components\n got %+v\nwant %+v", got, want)
	}
	main := f.Components[0]
	if len(main.IntentFilters) != 2 || main.IntentFilters[0].Priority != 10 ||
		!reflect.DeepEqual(main.IntentFilters[1].Data, []IntentData{{Scheme: "hegui", Host: "open", Port: "8080", Path: "/p"}}) {
		t.Errorf("intent filters %+v", main.IntentFilters)
	}
	if f.Components[2].TargetActivity != "com.hegui.fixture.MainActivity" {
		t.Errorf("alias target %q", f.Components[2].TargetActivity)
	}
	svc := f.Components[3]
	if svc.Process != ":push" || svc.Permission != "com.hegui.fixture.PUSH" || len(svc.MetaData) != 1 || svc.MetaData[0].Value != "7" {
		t.Errorf("service %+v", svc)
	}
	prov := f.Components[5]
	if !reflect.DeepEqual(prov.Authorities, []string{"com.hegui.fixture.files", "com.hegui.fixture.more"}) || prov.InitOrder != 5 {
		t.Errorf("provider %+v", prov)
	}
}

func TestFixtureCodeAndFiles(t *testing.T) {
	f := analyzeFixture(t, Options{NativeStrings: true})
	if len(f.Dex.Files) != 2 || f.Dex.Files[0].Name != "classes.dex" || f.Dex.Files[1].Name != "classes2.dex" {
		t.Fatalf("dex files %+v", f.Dex.Files)
	}
	d := f.Dex.Files[0]
	if d.Error != "" || d.Parsed == nil || d.ClassCount != 2 || d.Version != "035" {
		t.Errorf("classes.dex %+v", d)
	}
	if f.Dex.Files[1].Error == "" || f.Dex.Files[1].Parsed != nil {
		t.Errorf("broken classes2.dex not reported: %+v", f.Dex.Files[1])
	}
	if !hasDiag(f, "classes2.dex") {
		t.Errorf("no diagnostic for classes2.dex: %+v", f.Diagnostics)
	}
	var hidden []string
	for _, h := range f.Dex.Hidden {
		hidden = append(hidden, h.Path+":"+h.Kind)
	}
	if strings.Join(hidden, " ") != "assets/payload.bin:dex classes4.dex:dex" {
		t.Errorf("hidden %v", hidden)
	}
	if len(f.NativeLibs) != 2 || f.NativeLibs[0].ABI != "arm64-v8a" || f.NativeLibs[1].ABI != "x86" ||
		!reflect.DeepEqual(f.NativeLibs[0].Strings, []string{"https://sdk.example.cn/collect", "getDeviceId"}) {
		t.Errorf("native libs %+v", f.NativeLibs)
	}
	var assets []string
	for _, a := range f.Assets {
		assets = append(assets, a.Path+":"+a.Type)
	}
	if strings.Join(assets, " ") != "assets/agreement.txt:text assets/payload.bin:dex res/raw/privacy.html:html" {
		t.Errorf("assets %v", assets)
	}
	if !strings.Contains(string(f.Files["res/raw/privacy.html"]), "设备标识符") || f.Files["assets/payload.bin"] != nil {
		t.Errorf("files kept: %v", keys(f.Files))
	}
	if f.Resources.Named["policy_url"] != "https://example.com/privacy" || f.Resources.NamedZH["consent"] != "继续使用即表示您同意《隐私政策》。" ||
		f.Resources.Named["consent"] != "By continuing you agree to the privacy policy." {
		t.Errorf("named strings %v / %v", f.Resources.Named, f.Resources.NamedZH)
	}
	n := f.Network
	if n == nil || n.Path != "res/xml/nsc.xml" || n.CleartextPermitted || !n.TrustsUserCAs || !n.DebugOverrides ||
		strings.Join(n.CleartextDomains, ",") != "api.example.cn,10.0.2.2" {
		t.Errorf("network security %+v", n)
	}
}

func hasDiag(f *Facts, path string) bool {
	for _, d := range f.Diagnostics {
		if d.Path == path {
			return true
		}
	}
	return false
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestDeterministicJSON(t *testing.T) {
	a, _ := json.Marshal(analyzeFixture(t, Options{NativeStrings: true}))
	b, _ := json.Marshal(analyzeFixture(t, Options{NativeStrings: true}))
	if string(a) != string(b) {
		t.Fatal("two runs gave different JSON")
	}
}

func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	fixture, err := os.ReadFile(fixtureAPK)
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]struct {
		path string
		want string
	}{
		"missing":   {filepath.Join(dir, "nope.apk"), "no such file"},
		"directory": {dir, "directory"},
		"text":      {write("text.apk", []byte("hello, not a zip")), "not a ZIP"},
		"empty":     {write("empty.apk", nil), "not a ZIP"},
		"aab":       {write("app.aab", zipOf(t, map[string][]byte{"base/manifest/AndroidManifest.xml": {8, 1}})), "AAB"},
		"no manifest": {write("nomani.apk", zipOf(t, map[string][]byte{"classes.dex": []byte("dex\n035\x00")})),
			"no AndroidManifest.xml"},
		"truncated manifest": {write("trunc.apk", zipOf(t, map[string][]byte{"AndroidManifest.xml": {3, 0, 8, 0, 0x20, 0, 0, 0}})),
			"AndroidManifest.xml"},
		"plain-text manifest": {write("plain.apk", zipOf(t, map[string][]byte{"AndroidManifest.xml": []byte(`<manifest package="a.b"/>`)})),
			"plain-text XML"},
		"cut APK": {write("cut.apk", fixture[:len(fixture)/3]), "cut.apk"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			f, err := Analyze(ctx, c.path, Options{})
			if err == nil {
				t.Fatalf("no error; facts %+v", f.App)
			}
			if !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), filepath.Base(c.path)) {
				t.Errorf("error %q should name the file and contain %q", err, c.want)
			}
		})
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Analyze(ctx, fixtureAPK, Options{}); err == nil || !strings.Contains(err.Error(), "canceled") {
		t.Errorf("cancelled context: %v", err)
	}
}
