package aab

import (
	"reflect"
	"testing"
)

func TestLayout(t *testing.T) {
	names := []string{
		"BundleConfig.pb", "BUNDLE-METADATA/com.android.tools.build.obfuscation/proguard.map", "META-INF/A.RSA",
		"zfeat/manifest/AndroidManifest.xml", "zfeat/dex/classes.dex", "base/manifest/AndroidManifest.xml",
		"afeat/manifest/AndroidManifest.xml", "notamodule/dex/classes.dex", "base/dex/classes.dex",
		"base/dex/classes2.dex", "base/dex/classes4.dex",
	}
	l := NewLayout(names)
	if want := []string{"base", "afeat", "zfeat"}; !reflect.DeepEqual(l.Modules, want) {
		t.Errorf("modules %q, want %q", l.Modules, want)
	}
	has := map[string]bool{}
	for _, n := range names {
		has[n] = true
	}
	if got := Dex("base", func(n string) bool { return has[n] }); !reflect.DeepEqual(got, []string{"base/dex/classes.dex", "base/dex/classes2.dex"}) {
		t.Errorf("base DEX %q", got)
	}
	if got := Dex("afeat", func(n string) bool { return has[n] }); got != nil {
		t.Errorf("afeat DEX %q", got)
	}
	for in, want := range map[string]string{
		"base/dex/classes4.dex":             "classes4.dex",
		"base/lib/x86/libx.so":              "lib/x86/libx.so",
		"zfeat/assets/a/b.txt":              "assets/a/b.txt",
		"base/res/raw/p.html":               "res/raw/p.html",
		"base/root/com/x.properties":        "com/x.properties",
		"META-INF/A.RSA":                    "META-INF/A.RSA",
		"base/resources.pb":                 "",
		"base/manifest/AndroidManifest.xml": "",
		"base/native.pb":                    "",
		"BundleConfig.pb":                   "",
		"BUNDLE-METADATA/x/y":               "",
		"notamodule/assets/a.txt":           "", // no manifest: not a module
		"base/dex/sub/classes.dex":          "",
	} {
		if got := l.APKPath(in); got != want {
			t.Errorf("APKPath(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"base/assets/privacy.html": "assets/privacy.html", "feat/res/raw/p.txt": "res/raw/p.txt",
		"base/dex/classes2.dex": "classes2.dex", "assets/x": "assets/x", "AndroidManifest.xml": "AndroidManifest.xml",
		"META-INF/assets/x": "META-INF/assets/x",
	} {
		if got := LocalPath(in); got != want {
			t.Errorf("LocalPath(%q) = %q, want %q", in, got, want)
		}
	}
}
