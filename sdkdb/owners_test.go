package sdkdb

import (
	"context"
	"testing"

	"github.com/hegui-dev/hegui/analyzer"
	"github.com/hegui-dev/hegui/analyzer/source"
	"github.com/hegui-dev/hegui/internal/testcorpus"
)

// Review item 14a: every package the project's own sources declare is the app's,
// whatever the manifest package (com.hegui.push beside com.hegui.multi).
func TestOwnerSourceTreePackagesAreApp(t *testing.T) {
	db, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	f, err := source.Analyze(context.Background(), "../testdata/src/multi-module")
	if err != nil {
		t.Fatal(err)
	}
	r := db.Detect(f)
	for class, want := range map[string]string{
		"com.hegui.push.PushReceiver":       "app",
		"com.hegui.push.PushClient":         "app",
		"com.hegui.multi.MultiApp":          "app",
		"com.igexin.sdk.PushManager":        "getui_push",
		"com.example.unknown.ThirdParty":    "",
		"com.umeng.analytics.MobclickAgent": "umeng_analytics",
	} {
		if got := r.Owner(class); got != want {
			t.Errorf("Owner(%s) = %q, want %q", class, got, want)
		}
	}
}

// Review item 14b: old or obfuscated SDK packages found in corpus APKs are
// attributed to their SDK, and the apps' own packages stay the app's.
func TestOwnerCorpusSDKPackages(t *testing.T) {
	db, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for apk, owners := range map[string]map[string]string{
		"weibo-sdk-demo-2013.apk": {
			"com.weibo.sdk.android.net.HttpManager":   "weibo_sdk",
			"com.weibo.sdk.android.sso.SsoHandler":    "weibo_sdk",
			"com.weibo.sdk.android.demo.MainActivity": "app",
		},
		"amap-gaode-demo-debug.apk": {"com.aps.k": "amap_location", "com.amap.map3d.demo.MainActivity": "app"},
		"built/sdkmix-multidex.apk": {
			"com.sina.deviceidjnisdk.DeviceId":     "weibo_sdk",
			"com.baidu.lbsapi.auth.LBSAuthManager": "baidu_location",
			"com.loc.a":                            "amap_location",
		},
		"overseas-firebase-lab-release.apk": {
			"com.google.android.gms.common.GoogleApiAvailability":      "gms_base",
			"com.google.android.gms.tasks.Task":                        "gms_base",
			"com.google.android.gms.measurement.AppMeasurementService": "firebase_analytics",
		},
	} {
		f, err := analyzer.Analyze(context.Background(), testcorpus.Path(t, "apk", apk), analyzer.Options{})
		if err != nil {
			t.Fatalf("%s: %v", apk, err)
		}
		defined := map[string]bool{}
		for _, df := range f.Dex.Files {
			if df.Parsed != nil {
				for _, c := range df.Parsed.Classes {
					defined[c.Name] = true
				}
			}
		}
		r := db.Detect(f)
		for class, want := range owners {
			if !defined[class] && want != "app" {
				t.Errorf("%s: %s is not a class of the APK; pick one that is", apk, class)
			}
			if got := r.Owner(class); got != want {
				t.Errorf("%s: Owner(%s) = %q, want %q", apk, class, got, want)
			}
		}
	}
}
