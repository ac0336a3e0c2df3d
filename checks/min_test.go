package checks

import (
	"testing"

	"github.com/hegui-dev/hegui/analyzer"
)

func TestMIN001_Positive_NewsAppWithLocation(t *testing.T) {
	d := newDex().class("com.example.app.Loc", "").
		method("where", "call:android.location.LocationManager.getLastKnownLocation(Ljava/lang/String;)Landroid/location/Location;", "call:android.hardware.Camera.open()Landroid/hardware/Camera;")
	f := baseFacts(d)
	perms(f, "ACCESS_FINE_LOCATION", "CAMERA", "INTERNET")
	fs := runRule(t, "CNPI-MIN-001", &Input{Facts: f, AppType: "news"})
	wantFindings(t, fs, 2)
	mustContain(t, fs[0].MessageZH+fs[1].MessageZH, "新闻资讯", "ACCESS_FINE_LOCATION", "CAMERA")
}

func TestMIN001_Positive_DeclaredButUnused(t *testing.T) {
	d := newDex().class("com.example.app.Main", "android.app.Activity").method("onCreate")
	f := baseFacts(d)
	perms(f, "READ_CONTACTS")
	fs := runRule(t, "CNPI-MIN-001", &Input{Facts: f})
	wantFindings(t, fs, 1)
	if fs[0].Severity != Low {
		t.Fatalf("severity %s", fs[0].Severity)
	}
	mustContain(t, fs[0].Message, "unused")
}

func TestMIN001_Negative_MapsUseLocation(t *testing.T) {
	d := newDex().class("com.example.app.Loc", "").
		method("where", "call:android.location.LocationManager.requestLocationUpdates(Ljava/lang/String;JFLandroid/location/LocationListener;)V")
	f := baseFacts(d)
	perms(f, "ACCESS_FINE_LOCATION", "ACCESS_COARSE_LOCATION")
	wantFindings(t, runRule(t, "CNPI-MIN-001", &Input{Facts: f, AppType: "map_navigation"}), 0)
}

func TestMIN001_Negative_IncompleteCodeNoUnusedClaim(t *testing.T) {
	d := newDex().class("com.example.app.Main", "android.app.Activity").method("onCreate")
	f := baseFacts(d)
	perms(f, "READ_CONTACTS")
	f.Dex.Hidden = []analyzer.HiddenCode{{Path: "assets/payload.jar", Kind: "jar", Reason: "jar with classes.dex"}}
	wantFindings(t, runRule(t, "CNPI-MIN-001", &Input{Facts: f}), 0)
}

func TestMIN008_Positive_Target22(t *testing.T) {
	f := baseFacts(nil)
	f.App.TargetSDK = 22
	wantFindings(t, runRule(t, "CNPI-MIN-008", &Input{Facts: f}), 1)
	f.App.TargetSDK, f.App.MinSDK = 0, 19
	fs := runRule(t, "CNPI-MIN-008", &Input{Facts: f})
	wantFindings(t, fs, 1)
	mustContain(t, fs[0].Message, "minSdkVersion")
}

func TestMIN008_Negative(t *testing.T) {
	f := baseFacts(nil)
	f.App.TargetSDK = 23
	wantFindings(t, runRule(t, "CNPI-MIN-008", &Input{Facts: f}), 0)
	f.App.TargetSDK, f.App.MinSDK = 0, 0
	wantFindings(t, runRule(t, "CNPI-MIN-008", &Input{Facts: f}), 0)
}

func TestMIN009_Positive_SDKAndAppAndReflection(t *testing.T) {
	d := jpushApp().
		class("com.example.app.Ids", "").method("serial", "field:android.os.Build.SERIAL").
		method("prop", "str:ro.serialno", "call:android.os.SystemProperties.get(Ljava/lang/String;)Ljava/lang/String;").
		class("com.example.app.Refl", "").method("imei", "str:getDeviceId", "call:java.lang.Class.getMethod(Ljava/lang/String;[Ljava/lang/Class;)Ljava/lang/reflect/Method;")
	in := jpushSDKs()
	in.Facts = baseFacts(d)
	fs := runRule(t, "CNPI-MIN-009", &in)
	// (app, imei via reflection), (app, serial: field + property), (jpush, imei)
	wantFindings(t, fs, 3)
	owners := map[string]int{}
	for _, f := range fs {
		owners[f.Owner]++
	}
	if owners["app"] != 2 || owners["jpush"] != 1 {
		t.Fatalf("owners %v", owners)
	}
}

func TestMIN009_Negative_AndroidIDOnly(t *testing.T) {
	d := newDex().class("com.example.app.Ids", "").method("aid", "call:android.provider.Settings$Secure.getString(Landroid/content/ContentResolver;Ljava/lang/String;)Ljava/lang/String;", "str:android_id")
	wantFindings(t, runRule(t, "CNPI-MIN-009", &Input{Facts: baseFacts(d)}), 0)
}

func TestMIN010_Positive(t *testing.T) {
	d := newDex().class("com.example.app.Apps", "").method("list", "call:android.content.pm.PackageManager.getInstalledPackages(I)Ljava/util/List;")
	f := baseFacts(d)
	perms(f, "QUERY_ALL_PACKAGES")
	wantFindings(t, runRule(t, "CNPI-MIN-010", &Input{Facts: f}), 2)
}

func TestMIN010_Negative_ResolveOneIntent(t *testing.T) {
	d := newDex().class("com.example.app.Share", "").method("targets", "call:android.content.pm.PackageManager.queryIntentActivities(Landroid/content/Intent;I)Ljava/util/List;")
	wantFindings(t, runRule(t, "CNPI-MIN-010", &Input{Facts: baseFacts(d)}), 0)
}

func TestMIN011_Positive(t *testing.T) {
	d := newDex().class("com.example.app.Main", "").method("onResume", "call:android.content.ClipboardManager.getPrimaryClip()Landroid/content/ClipData;")
	fs := runRule(t, "CNPI-MIN-011", &Input{Facts: baseFacts(d)})
	wantFindings(t, fs, 1)
	mustContain(t, fs[0].Message, "com.example.app.Main.onResume")
}

func TestMIN011_Negative_CopyOnly(t *testing.T) {
	d := newDex().class("com.example.app.Main", "").method("copy", "call:android.content.ClipboardManager.setPrimaryClip(Landroid/content/ClipData;)V")
	wantFindings(t, runRule(t, "CNPI-MIN-011", &Input{Facts: baseFacts(d)}), 0)
}

func TestMIN012_Positive(t *testing.T) {
	f := baseFacts(nil)
	perms(f, "ACCESS_BACKGROUND_LOCATION")
	f.Components = []analyzer.Component{{Type: "service", Name: "com.example.app.TrackService", ForegroundServiceType: "location"}}
	wantFindings(t, runRule(t, "CNPI-MIN-012", &Input{Facts: f}), 2)
}

func TestMIN012_Negative(t *testing.T) {
	f := baseFacts(nil)
	perms(f, "ACCESS_FINE_LOCATION")
	f.Components = []analyzer.Component{{Type: "service", Name: "com.example.app.Player", ForegroundServiceType: "mediaPlayback"}}
	wantFindings(t, runRule(t, "CNPI-MIN-012", &Input{Facts: f}), 0)
}

func TestMIN009_Negative_UnusedLibraryWrapper(t *testing.T) {
	// androidx's TelephonyManagerCompat wraps getImei; nothing calls the wrapper.
	d := newDex().class("androidx.core.telephony.TelephonyManagerCompat$Api26Impl", "").
		method("getImei(Landroid/telephony/TelephonyManager;)Ljava/lang/String;", "call:android.telephony.TelephonyManager.getImei()Ljava/lang/String;")
	wantFindings(t, runRule(t, "CNPI-MIN-009", &Input{Facts: baseFacts(d)}), 0)
}

func TestMIN009_Positive_LibraryWrapperCalledByApp(t *testing.T) {
	d := newDex().class("androidx.core.telephony.TelephonyManagerCompat$Api26Impl", "").
		method("getImei(Landroid/telephony/TelephonyManager;)Ljava/lang/String;", "call:android.telephony.TelephonyManager.getImei()Ljava/lang/String;").
		class("com.example.app.Ids", "").method("imei", "call:androidx.core.telephony.TelephonyManagerCompat$Api26Impl.getImei(Landroid/telephony/TelephonyManager;)Ljava/lang/String;")
	wantFindings(t, runRule(t, "CNPI-MIN-009", &Input{Facts: baseFacts(d)}), 1)
}

func TestMIN001_Negative_ContactsThroughPhoneLookupAndURI(t *testing.T) {
	d := newDex().class("com.example.app.CallerName", "").
		method("lookup", "field:android.provider.ContactsContract$PhoneLookup.CONTENT_FILTER_URI").
		method("sms", "str:content://sms/inbox", "call:android.net.Uri.parse(Ljava/lang/String;)Landroid/net/Uri;")
	f := baseFacts(d)
	perms(f, "READ_CONTACTS", "READ_SMS")
	wantFindings(t, runRule(t, "CNPI-MIN-001", &Input{Facts: f}), 0)
}

func TestMIN001_Negative_UsedOnlyInsideLibrary(t *testing.T) {
	// Leanback's search fragment records audio from a framework callback: the
	// permission is used even though no app code calls the library.
	d := newDex().class("androidx.leanback.app.SearchSupportFragment", "androidx.fragment.app.Fragment").
		method("startRecognition", "call:android.speech.SpeechRecognizer.startListening(Landroid/content/Intent;)V")
	f := baseFacts(d)
	perms(f, "RECORD_AUDIO")
	wantFindings(t, runRule(t, "CNPI-MIN-001", &Input{Facts: f}), 0)
}
