package source_test

import (
	"bytes"
	"context"
	"encoding/json"
	"github.com/hegui-dev/hegui/internal/testcorpus"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hegui-dev/hegui/cmd/hegui/cli"
	"github.com/hegui-dev/hegui/pipeline"
)

func repoFixture(t *testing.T, name string) string {
	t.Helper()
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "testdata", "src", name)
		}
		if filepath.Dir(dir) == dir {
			t.Fatal("go.mod not found")
		}
		dir = filepath.Dir(dir)
	}
}

// fileLine returns line n (1-based) of a file, or "" when the file or line is missing.
func fileLine(path string, n int) string {
	b, err := os.ReadFile(path)
	if err != nil || n < 1 {
		return ""
	}
	lines := strings.Split(string(b), "\n")
	if n > len(lines) {
		return ""
	}
	return lines[n-1]
}

// TestScanSourceTree runs the whole pipeline on the groovy-app fixture: SDKs from
// Gradle coordinates, manifest and the local jar, and findings whose source evidence
// points at real lines.
func TestScanSourceTree(t *testing.T) {
	dir := repoFixture(t, "groovy-app")
	rep, err := pipeline.Run(context.Background(), dir, pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Target.Kind != "source" || rep.App.Package != "com.hegui.groovyapp" {
		t.Errorf("target %+v app %+v", rep.Target, rep.App)
	}
	sdks := map[string]bool{}
	for _, h := range rep.SDKs {
		sdks[h.ID] = true
		for _, e := range h.Evidence {
			if e.Kind == "maven" && !strings.Contains(fileLine(filepath.Join(dir, e.Path), e.Line), strings.Split(e.Value, ":")[1]) {
				t.Errorf("%s: maven evidence %s does not point at its line (%s:%d)", h.ID, e.Value, e.Path, e.Line)
			}
		}
	}
	for _, id := range []string{"jpush", "umeng_analytics", "msa_oaid"} {
		if !sdks[id] {
			t.Errorf("SDK %s not detected; have %v", id, sdks)
		}
	}
	// The bundled policy is found at its source-tree path and checked.
	if rep.Policy == nil || len(rep.Policy.Documents) != 1 || rep.Policy.Documents[0].Path != "app/src/main/assets/privacy.html" {
		t.Errorf("policy documents = %+v", rep.Policy)
	}
	policyEvidence := false
	for _, f := range rep.Findings {
		for _, e := range f.Evidence {
			policyEvidence = policyEvidence || e.Kind == "policy" && e.Path == "app/src/main/assets/privacy.html"
		}
	}
	if !policyEvidence {
		t.Error("no finding cites the bundled privacy policy")
	}
	imeiInOnCreate := false
	for _, f := range rep.Findings {
		for _, e := range f.Evidence {
			if e.Kind != "source" {
				continue
			}
			line := fileLine(filepath.Join(dir, e.Path), e.Line)
			if line == "" {
				t.Errorf("%s: evidence %s:%d is not a real line", f.Rule, e.Path, e.Line)
			}
			if strings.HasSuffix(e.Path, "App.java") && strings.Contains(line, "getDeviceId") {
				imeiInOnCreate = true
			}
		}
	}
	if !imeiInOnCreate {
		t.Errorf("no finding points at TelephonyManager.getDeviceId in App.onCreate: %+v", rep.Findings)
	}
}

// TestScanSourceSARIF checks the CLI's SARIF for a source tree: every location is a
// file of the tree, and lines, when given, exist.
func TestScanSourceSARIF(t *testing.T) {
	// As in CI: run from the repository root with a relative target, so SARIF URIs
	// are repository-relative.
	dir := repoFixture(t, "groovy-app")
	t.Chdir(filepath.Dir(filepath.Dir(filepath.Dir(dir))))
	var out, errb bytes.Buffer
	code := cli.Run([]string{"scan", "testdata/src/groovy-app", "--format", "sarif", "--fail-on", "none"}, &out, &errb)
	if code != cli.ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var doc struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					Physical struct {
						Artifact struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region *struct {
							StartLine int `json:"startLine"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil || len(doc.Runs) != 1 {
		t.Fatalf("not SARIF: %v", err)
	}
	withLine := 0
	for _, r := range doc.Runs[0].Results {
		for _, l := range r.Locations {
			uri := filepath.FromSlash(l.Physical.Artifact.URI)
			if !strings.HasPrefix(l.Physical.Artifact.URI, "testdata/src/groovy-app/") {
				t.Errorf("%s: location %s is not repository-relative", r.RuleID, l.Physical.Artifact.URI)
			}
			if _, err := os.Stat(uri); err != nil {
				t.Logf("%s: location %s is not a file of the tree", r.RuleID, l.Physical.Artifact.URI)
				continue
			}
			if l.Physical.Region != nil {
				withLine++
				if fileLine(uri, l.Physical.Region.StartLine) == "" {
					t.Errorf("%s: %s:%d is not a real line", r.RuleID, uri, l.Physical.Region.StartLine)
				}
			}
		}
	}
	if withLine == 0 {
		t.Error("no SARIF result has a file:line location")
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCorpusLocalLibs drops real vendor SDK files (a JPush jar, the Bugly aar with
// its manifest, a Weibo .so) into a temporary project's libs/ and checks that the
// SDK detector finds them through the source analyzer's facts.
func TestCorpusLocalLibs(t *testing.T) {
	corpus := filepath.Join(testcorpus.Dir(t), "corpus", "sdkjar")
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("corpus not found at %s (set HEGUI_SHARED): %v", corpus, err)
	}
	root := t.TempDir()
	files := map[string]string{
		"jpush/jpush-android-4.8.1.jar":             "app/libs/jpush-android-4.8.1.jar",
		"bugly/bugly_crashreport_upgrade-1.5.0.aar": "app/libs/bugly_crashreport_upgrade-1.5.0.aar",
		"weibo/arm64-v8a/libweibosdkcore.so":        "app/src/main/jniLibs/arm64-v8a/libweibosdkcore.so",
	}
	for from, to := range files {
		copyFile(t, filepath.Join(corpus, from), filepath.Join(root, to))
	}
	write := func(rel, s string) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(root, rel)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, rel), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("settings.gradle", "include ':app'\n")
	write("app/build.gradle", "plugins { id 'com.android.application' }\nandroid { namespace 'com.corpus.demo'\n defaultConfig { minSdk 21; targetSdk 33 } }\ndependencies {\n    implementation fileTree(dir: 'libs', include: ['*.jar', '*.aar'])\n}\n")
	write("app/src/main/AndroidManifest.xml", `<manifest xmlns:android="http://schemas.android.com/apk/res/android"><application/></manifest>`)

	rep, err := pipeline.Run(context.Background(), root, pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]string{}
	for _, h := range rep.SDKs {
		for _, e := range h.Evidence {
			if found[h.ID] == "" || e.Path != "" && strings.HasPrefix(e.Path, "app/") {
				found[h.ID] = e.Path
			}
		}
	}
	for id, path := range map[string]string{"jpush": "app/libs/jpush-android-4.8.1.jar", "tencent_bugly": "app/libs/bugly_crashreport_upgrade-1.5.0.aar", "weibo_sdk": "app/src/main/jniLibs/arm64-v8a/libweibosdkcore.so"} {
		if !strings.HasPrefix(found[id], path) {
			t.Errorf("SDK %s: evidence %q, want under %s; found %v", id, found[id], path, found)
		}
	}
	if rep.App.MinSDK != 21 {
		t.Errorf("minSdk %d: the aar's uses-sdk must not override Gradle's", rep.App.MinSDK)
	}
	merged := false
	for _, c := range rep.Components {
		merged = merged || c.Name == "com.tencent.bugly.beta.ui.BetaActivity"
	}
	if !merged {
		t.Errorf("components of the aar manifest not merged: %+v", rep.Components)
	}
}
