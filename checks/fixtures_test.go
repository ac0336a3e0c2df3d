package checks

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/hegui-dev/hegui/analyzer"
	"github.com/hegui-dev/hegui/policy"
	"github.com/hegui-dev/hegui/sdkdb"
)

var (
	dbOnce sync.Once
	db     *sdkdb.DB
	dbErr  error
)

// scanAPK runs the real stages on an APK the way the pipeline does: analyzer,
// sdkdb, policy (the given files, else what the APK bundles), checks.
func scanAPK(t testing.TB, path string, policyFiles ...string) ([]Finding, *Input) {
	t.Helper()
	return scanAPKAs(t, path, "", policyFiles...)
}

// scanAPKAs is scanAPK with --app-type appType.
func scanAPKAs(t testing.TB, path, appType string, policyFiles ...string) ([]Finding, *Input) {
	t.Helper()
	dbOnce.Do(func() { db, dbErr = loadDB() })
	if dbErr != nil {
		t.Fatalf("sdkdb: %v", dbErr)
	}
	f, err := analyzer.Analyze(context.Background(), path, analyzer.Options{})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	in := &Input{Facts: f, SDKs: db.Detect(f), AppType: appType}
	if len(policyFiles) > 0 {
		p, err := policy.FromFiles(policyFiles, db)
		if err != nil {
			t.Fatalf("policy: %v", err)
		}
		in.Policy = p
	} else {
		in.Policy = policy.FromAPK(f, db)
	}
	return Run(context.Background(), in).Findings, in
}

func fixture(t testing.TB, name string) string {
	p := filepath.Join(repoRoot(t), "testdata", name)
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("fixture %s missing (make fixtures): %v", name, err)
	}
	return p
}

func loadDB() (*sdkdb.DB, error) { return sdkdb.Load() }

type ruleOwner struct{ rule, owner string }

func index(fs []Finding) map[ruleOwner]int {
	m := map[ruleOwner]int{}
	for _, f := range fs {
		m[ruleOwner{f.Rule, f.Owner}]++
		m[ruleOwner{f.Rule, "*"}]++
	}
	return m
}

func TestFixtureDemo(t *testing.T) {
	fs, in := scanAPK(t, fixture(t, "apk/demo.apk"), fixture(t, "policy/demo-privacy.html"))
	got := index(fs)
	for _, f := range fs {
		t.Logf("%-6s %s %-16s %s", f.Severity, f.Rule, f.Owner, f.Message)
	}
	want := []ruleOwner{
		{"CNPI-CON-001", "jpush"}, {"CNPI-CON-001", "umeng_analytics"}, {"CNPI-CON-001", "app"},
		{"CNPI-SDK-004", "jpush"}, {"CNPI-SDK-004", "umeng_analytics"},
		{"CNPI-SDK-001", "jpush"}, {"CNPI-SDK-001", "umeng_analytics"}, {"CNPI-SDK-001", "tencent_bugly"},
		{"CNPI-POL-011", "umeng_analytics"}, {"CNPI-POL-012", "*"}, {"CNPI-POL-005", "*"},
		{"CNPI-MIN-009", "jpush"}, {"CNPI-MIN-009", "app"}, {"CNPI-MIN-010", "jpush"}, {"CNPI-MIN-011", "app"},
		{"CNPI-RGT-003", "*"}, {"CNPI-SEC-001", "app"}, {"CNPI-UX-001", "app"}, {"CNPI-UX-001", "jpush"},
	}
	for _, w := range want {
		if got[w] == 0 {
			t.Errorf("missing %s for %s", w.rule, w.owner)
		}
	}
	// What the demo does right must stay quiet: Bugly is initialised behind the
	// consent flag, the policy names JPush, Bugly and WeChat, and discloses location
	// and camera; no policy-absence finding when a policy was given.
	for _, no := range []ruleOwner{
		{"CNPI-SDK-004", "tencent_bugly"}, {"CNPI-POL-011", "jpush"}, {"CNPI-POL-011", "tencent_bugly"}, {"CNPI-POL-011", "wechat_opensdk"},
		{"CNPI-POL-001", "*"}, {"CNPI-RGT-001", "*"}, {"CNPI-CON-007", "*"}, {"CNPI-XB-001", "*"}, {"CNPI-ADM-001", "*"},
	} {
		if got[no] != 0 {
			t.Errorf("unexpected %s for %s", no.rule, no.owner)
		}
	}
	for _, f := range fs {
		if f.Rule == "CNPI-POL-012" && !strings.Contains(f.Message, "READ_PHONE_STATE") {
			t.Errorf("POL-012 on a disclosed permission: %s", f.Message)
		}
		if f.Rule == "CNPI-CON-001" && f.Owner == "jpush" && !strings.Contains(f.Evidence[0].Snippet, "com.hegui.demo.DemoApp.onCreate → cn.jpush.android.api.JPushInterface.init") {
			t.Errorf("CON-001 path: %s", f.Evidence[0].Snippet)
		}
	}
	if in.SDKs == nil || len(in.SDKs.SDKs) != 4 {
		t.Errorf("expected 4 SDKs in the demo")
	}
}

func TestFixtureClean(t *testing.T) {
	fs, in := scanAPK(t, fixture(t, "apk/clean.apk"))
	for _, f := range fs {
		t.Errorf("unexpected finding on the compliant fixture: %s %s %s", f.Severity, f.Rule, f.Message)
	}
	if in.Policy == nil || len(in.Policy.Documents) == 0 {
		t.Fatal("the bundled assets/privacy.html was not read")
	}
}

func TestFixtureLegacy(t *testing.T) {
	fs, _ := scanAPK(t, fixture(t, "apk/legacy.apk"))
	got := index(fs)
	for _, f := range fs {
		t.Logf("%-6s %s %-12s %s", f.Severity, f.Rule, f.Owner, f.Message)
	}
	for w, n := range map[ruleOwner]int{
		{"CNPI-POL-001", "*"}: 1, {"CNPI-MIN-008", "*"}: 1, {"CNPI-CON-001", "app"}: 1, {"CNPI-MIN-009", "app"}: 1,
		{"CNPI-SEC-001", "*"}: 2, {"CNPI-UX-002", "tencent_gdt"}: 1, {"CNPI-MIN-001", "*"}: 2,
	} {
		if got[w] != n {
			t.Errorf("%s/%s: %d findings, want %d", w.rule, w.owner, got[w], n)
		}
	}
	if len(fs) != 9 {
		t.Errorf("%d findings, want 9", len(fs))
	}
	if fs[0].Severity != High {
		t.Errorf("findings not sorted by severity")
	}
}

// fixtureScan is one scan of a committed fixture APK (testdata/apk), with the policy
// files of testdata/policy given as --policy (none: the policy the APK bundles) and
// --app-type.
type fixtureScan struct {
	APK     string
	Policy  []string
	AppType string
}

func (s fixtureScan) String() string {
	out := s.APK
	for _, p := range s.Policy {
		out += " --policy " + p
	}
	if s.AppType != "" {
		out += " --app-type " + s.AppType
	}
	return out
}

// The kids fixture is consent-gated like clean, so what fires on it comes from the
// policy it is scanned with, except background location, which no policy cures.
var (
	scanDemo     = fixtureScan{APK: "demo.apk", Policy: []string{"demo-privacy.html"}}
	scanClean    = fixtureScan{APK: "clean.apk"}
	scanCleanEdu = fixtureScan{APK: "clean.apk", AppType: "education"}
	scanLegacy   = fixtureScan{APK: "legacy.apk"}
	scanKidsBad  = fixtureScan{APK: "kids.apk", Policy: []string{"fixture-kids-deficient.txt"}}
	scanKidsGood = fixtureScan{APK: "kids.apk", Policy: []string{"fixture-kids-complete.html"}}
	scanKidsEdu  = fixtureScan{APK: "kids.apk", Policy: []string{"fixture-kids-complete.html"}, AppType: "education"}
	// kids-settings is kids plus the strings of a settings screen (撤回同意, 个性化广告, 注销账号).
	scanKidsSettingsBad = fixtureScan{APK: "kids-settings.apk", Policy: []string{"fixture-kids-deficient.txt"}}
	// clean.apk has no child-facing string: only the app type says it serves minors.
	scanCleanEduBad = fixtureScan{APK: "clean.apk", Policy: []string{"fixture-kids-deficient.txt"}, AppType: "education"}
)

// fixtureCase is one rule's coverage on fixture APKs. On Pos the rule fires: exactly
// Count findings when Count > 0, at least one owned by Owner when set, at least one
// whose message or evidence contains Has when set. On Neg it does not fire at all.
type fixtureCase struct {
	Rule  string
	Pos   fixtureScan
	Owner string
	Has   string
	Count int
	Neg   fixtureScan
}

// fixtureMatrix must hold a row for every registered rule (TestCatalogueComplete).
var fixtureMatrix = []fixtureCase{
	{Rule: "CNPI-POL-001", Pos: scanLegacy, Count: 1, Has: "No privacy policy was found", Neg: scanClean},
	{Rule: "CNPI-POL-005", Pos: scanDemo, Count: 5, Has: "android.content.ClipboardManager.getPrimaryClip", Neg: scanClean}, // 4 categories + the JPush row that omits IMEI/IMSI/MAC/app list
	{Rule: "CNPI-POL-005", Pos: scanDemo, Has: "installed apps", Neg: scanKidsGood},
	{Rule: "CNPI-POL-009", Pos: scanKidsBad, Count: 4, Has: "the retention period", Neg: scanKidsGood},
	{Rule: "CNPI-POL-010", Pos: scanKidsBad, Count: 2, Has: "第三方共享清单", Neg: scanKidsGood},
	{Rule: "CNPI-POL-011", Pos: scanDemo, Owner: "umeng_analytics", Count: 1, Has: "友盟同欣（北京）科技有限公司", Neg: scanClean},
	{Rule: "CNPI-POL-012", Pos: scanDemo, Count: 1, Has: "android.permission.READ_PHONE_STATE", Neg: scanClean},
	{Rule: "CNPI-POL-012", Pos: scanDemo, Count: 1, Neg: scanKidsBad}, // background location disclosed as 后台定位
	{Rule: "CNPI-CON-001", Pos: scanDemo, Owner: "jpush", Has: "com.hegui.demo.DemoApp.onCreate → cn.jpush.android.api.JPushInterface.init", Neg: scanClean},
	{Rule: "CNPI-CON-001", Pos: scanLegacy, Owner: "app", Count: 1, Has: "com.hegui.legacy.LegacyApp.<clinit>", Neg: scanKidsGood},
	{Rule: "CNPI-CON-007", Pos: scanKidsBad, Count: 1, Has: "withdraw consent", Neg: scanKidsGood},
	{Rule: "CNPI-CON-007", Pos: scanKidsSettingsBad, Count: 1, Has: "撤回同意", Neg: scanDemo},
	{Rule: "CNPI-CON-009", Pos: scanKidsBad, Count: 1, Has: "人脸信息、位置信息、后台位置", Neg: scanKidsGood},
	{Rule: "CNPI-MIN-001", Pos: scanLegacy, Count: 2, Has: "android.permission.READ_SMS", Neg: scanClean},
	{Rule: "CNPI-MIN-001", Pos: scanKidsEdu, Count: 2, Has: "android.permission.ACCESS_BACKGROUND_LOCATION", Neg: scanKidsGood},
	{Rule: "CNPI-MIN-008", Pos: scanLegacy, Count: 1, Has: "targetSdkVersion=22", Neg: scanClean},
	{Rule: "CNPI-MIN-009", Pos: scanDemo, Owner: "app", Has: "com.hegui.demo.DeviceUtil.getImei", Neg: scanClean},
	{Rule: "CNPI-MIN-010", Pos: scanDemo, Owner: "jpush", Count: 1, Has: "PackageManager.getInstalledPackages", Neg: scanClean},
	{Rule: "CNPI-MIN-011", Pos: scanDemo, Owner: "app", Count: 1, Has: "com.hegui.demo.MainActivity.onResume", Neg: scanClean},
	{Rule: "CNPI-MIN-012", Pos: scanKidsBad, Count: 2, Has: `android:foregroundServiceType="location"`, Neg: scanClean},
	{Rule: "CNPI-SDK-001", Pos: scanDemo, Owner: "tencent_bugly", Has: "CrashReport.initCrashReport", Neg: scanClean},
	{Rule: "CNPI-SDK-001", Pos: scanDemo, Owner: "jpush", Has: "cn.jpush.android.helper.DeviceHelper.collect", Neg: scanKidsGood},
	{Rule: "CNPI-SDK-004", Pos: scanDemo, Owner: "umeng_analytics", Has: "com.umeng.commonsdk.UMConfigure.init", Neg: scanClean},
	{Rule: "CNPI-SDK-004", Pos: scanDemo, Owner: "jpush", Has: "com.hegui.demo.BootReceiver.onReceive", Neg: scanKidsGood},
	{Rule: "CNPI-SDK-005", Pos: scanKidsBad, Owner: "tencent_gdt", Count: 3, Has: "vendor, purpose, PI types", Neg: scanKidsGood},
	{Rule: "CNPI-SDK-005", Pos: scanKidsBad, Owner: "megvii_faceid", Has: "本应用集成了优量汇、AppsFlyer和旷视FaceID", Neg: scanDemo},
	{Rule: "CNPI-ADM-001", Pos: scanKidsBad, Count: 1, Has: "Tencent GDT", Neg: scanKidsGood},
	{Rule: "CNPI-ADM-001", Pos: scanKidsSettingsBad, Count: 1, Has: "个性化广告", Neg: scanClean},
	{Rule: "CNPI-RGT-001", Pos: scanKidsBad, Count: 1, Has: "com.hegui.kids.ui.LoginActivity", Neg: scanKidsGood},
	{Rule: "CNPI-RGT-001", Pos: scanKidsBad, Count: 1, Neg: scanKidsSettingsBad}, // the app offers 注销账号, the policy still says nothing
	{Rule: "CNPI-RGT-003", Pos: scanDemo, Count: 1, Has: "30 working days", Neg: scanClean},
	{Rule: "CNPI-RGT-004", Pos: scanKidsBad, Count: 1, Has: "投诉、举报", Neg: scanKidsGood},
	{Rule: "CNPI-SEN-001", Pos: scanKidsBad, Count: 1, Has: "宝宝学堂", Neg: scanKidsGood},
	{Rule: "CNPI-SEN-001", Pos: scanCleanEduBad, Count: 1, Has: "app type", Neg: scanCleanEdu},
	{Rule: "CNPI-SEN-002", Pos: scanKidsBad, Owner: "megvii_faceid", Count: 1, Has: "face-information disclosure, separate consent, retention period", Neg: scanKidsGood},
	{Rule: "CNPI-SEC-001", Pos: scanDemo, Owner: "app", Has: "com.hegui.demo.net.TrustAllManager", Neg: scanClean},
	{Rule: "CNPI-SEC-001", Pos: scanLegacy, Has: `android:debuggable="true"`, Neg: scanKidsGood},
	{Rule: "CNPI-XB-001", Pos: scanKidsBad, Owner: "appsflyer", Count: 1, Neg: scanKidsGood},
	{Rule: "CNPI-UX-001", Pos: scanDemo, Owner: "app", Has: "com.hegui.demo.BootReceiver", Neg: scanClean},
	{Rule: "CNPI-UX-001", Pos: scanDemo, Owner: "jpush", Has: "cn.jpush.android.service.DActivity", Neg: scanKidsGood},
	{Rule: "CNPI-UX-002", Pos: scanLegacy, Owner: "tencent_gdt", Count: 1, Has: "SensorManager.registerListener", Neg: scanKidsGood}, // same SDK, no sensor listener
}

var (
	scanMu    sync.Mutex
	scanCache = map[string][]Finding{}
)

func scanFixture(t *testing.T, s fixtureScan) []Finding {
	t.Helper()
	scanMu.Lock()
	defer scanMu.Unlock()
	key := s.String()
	if fs, ok := scanCache[key]; ok {
		return fs
	}
	var pol []string
	for _, p := range s.Policy {
		pol = append(pol, fixture(t, filepath.Join("policy", p)))
	}
	fs, _ := scanAPKAs(t, fixture(t, filepath.Join("apk", s.APK)), s.AppType, pol...)
	scanCache[key] = fs
	return fs
}

func findingHas(f Finding, s string) bool {
	if strings.Contains(f.Message, s) || strings.Contains(f.MessageZH, s) {
		return true
	}
	for _, ev := range f.Evidence {
		if strings.Contains(ev.Locator, s) || strings.Contains(ev.Snippet, s) || strings.Contains(ev.Path, s) {
			return true
		}
	}
	return false
}

// TestFixtureMatrix scans the fixture APKs the way `hegui scan` does and checks, for
// every rule, the positive and the negative case of fixtureMatrix.
func TestFixtureMatrix(t *testing.T) {
	for _, c := range fixtureMatrix {
		t.Run(c.Rule+"/"+c.Pos.String(), func(t *testing.T) {
			var hits []Finding
			for _, f := range scanFixture(t, c.Pos) {
				if f.Rule == c.Rule {
					hits = append(hits, f)
				}
			}
			if len(hits) == 0 {
				t.Fatalf("%s does not fire on %s", c.Rule, c.Pos)
			}
			if c.Count > 0 && len(hits) != c.Count {
				t.Errorf("%s: %d findings on %s, want %d", c.Rule, len(hits), c.Pos, c.Count)
			}
			owned, has := c.Owner == "", c.Has == ""
			for _, f := range hits {
				ok := c.Owner == "" || f.Owner == c.Owner
				owned = owned || ok
				has = has || (ok && findingHas(f, c.Has))
			}
			if !owned {
				t.Errorf("%s: no finding owned by %s on %s", c.Rule, c.Owner, c.Pos)
			}
			if !has {
				for _, f := range hits {
					t.Logf("%s %s: %s %+v", f.Rule, f.Owner, f.Message, f.Evidence)
				}
				t.Errorf("%s: no finding (owner %q) on %s mentions %q", c.Rule, c.Owner, c.Pos, c.Has)
			}
			for _, f := range scanFixture(t, c.Neg) {
				if f.Rule == c.Rule {
					t.Errorf("%s fires on the negative %s: %s %s", c.Rule, c.Neg, f.Owner, f.Message)
				}
			}
		})
	}
}

// TestFixtureKids pins the whole result of the kids fixture with both policies: the
// deficient one breaks exactly the rules it was written to break, the complete one
// leaves only background location, which no policy text can cure.
func TestFixtureKids(t *testing.T) {
	rules := func(fs []Finding) map[string]int {
		m := map[string]int{}
		for _, f := range fs {
			m[f.Rule]++
		}
		return m
	}
	bad := rules(scanFixture(t, scanKidsBad))
	want := map[string]int{
		"CNPI-POL-009": 4, "CNPI-POL-010": 2, "CNPI-CON-007": 1, "CNPI-CON-009": 1, "CNPI-MIN-012": 2,
		"CNPI-SDK-005": 3, "CNPI-ADM-001": 1, "CNPI-RGT-001": 1, "CNPI-RGT-004": 1, "CNPI-SEN-001": 1,
		"CNPI-SEN-002": 1, "CNPI-XB-001": 1,
	}
	if !reflect.DeepEqual(bad, want) {
		t.Errorf("kids with the deficient policy:\n got %v\nwant %v", bad, want)
	}
	if good := rules(scanFixture(t, scanKidsGood)); !reflect.DeepEqual(good, map[string]int{"CNPI-MIN-012": 2}) {
		t.Errorf("kids with the complete policy: %v, want only CNPI-MIN-012 ×2", good)
	}
	// No in-app withdrawal entry or personalisation switch: both stay at the rule's severity.
	for _, f := range scanFixture(t, scanKidsBad) {
		if (f.Rule == "CNPI-CON-007" || f.Rule == "CNPI-ADM-001") && f.Severity != Medium {
			t.Errorf("%s at %s, want medium", f.Rule, f.Severity)
		}
		if f.Rule == "CNPI-XB-001" && f.Owner != "appsflyer" {
			t.Errorf("XB-001 on the domestic SDK %s", f.Owner)
		}
	}
	// With the settings screen the same policy gaps remain, but the app offers
	// cancellation (RGT-001 quiet) and has the withdrawal and personalisation entries
	// the policy fails to describe (low, with the string as evidence).
	delete(want, "CNPI-RGT-001")
	settings := scanFixture(t, scanKidsSettingsBad)
	if got := rules(settings); !reflect.DeepEqual(got, want) {
		t.Errorf("kids-settings with the deficient policy:\n got %v\nwant %v", got, want)
	}
	for _, f := range settings {
		if f.Rule != "CNPI-CON-007" && f.Rule != "CNPI-ADM-001" {
			continue
		}
		if f.Severity != Low {
			t.Errorf("%s at %s with the in-app entry, want low", f.Rule, f.Severity)
		}
		if last := f.Evidence[len(f.Evidence)-1]; last.Kind != "resource" || (last.Snippet != "撤回同意" && last.Snippet != "个性化广告") {
			t.Errorf("%s: last evidence %+v, want the app string", f.Rule, last)
		}
	}
}
