package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hegui-dev/hegui/checks"
	"github.com/hegui-dev/hegui/report"
)

// fixtureAPK is the analyzer's own test APK (built from smali in the repo).
const fixtureAPK = "../../../analyzer/testdata/fixture.apk"

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = Run(args, &o, &e)
	return code, o.String(), e.String()
}

func needFixture(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(fixtureAPK); err != nil {
		t.Skipf("analyzer fixture APK missing: %v", err)
	}
}

func TestScanUsageErrors(t *testing.T) {
	needFixture(t)
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"unknown format", []string{"scan", fixtureAPK, "--format", "pdf"}, "unknown format"},
		{"bad fail-on", []string{"scan", fixtureAPK, "--fail-on", "urgent"}, "--fail-on"},
		{"bad lang", []string{"scan", fixtureAPK, "--lang", "fr"}, "--lang"},
		{"missing input", []string{"scan", "no-such.apk"}, "no-such.apk"},
		{"two formats to stdout", []string{"scan", fixtureAPK, "-f", "json,sarif"}, "standard output"},
		{"missing policy", []string{"scan", fixtureAPK, "--policy", "no-such.html"}, "no-such.html"},
		{"missing config", []string{"scan", fixtureAPK, "--config", "no-such.yaml"}, "no-such.yaml"},
		{"no args", []string{"scan"}, "arg"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := run(t, c.args...)
			if code != ExitUsage || !strings.Contains(stderr, c.want) {
				t.Errorf("exit %d, stderr %q; want %d mentioning %q", code, stderr, ExitUsage, c.want)
			}
		})
	}
}

func TestScanExitCodeFollowsFindings(t *testing.T) {
	needFixture(t)
	code, out, stderr := run(t, "scan", fixtureAPK, "-f", "json", "--fail-on", "low")
	var r report.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("exit %d, stderr %s: %v", code, stderr, err)
	}
	if err := report.Validate([]byte(out)); err != nil {
		t.Errorf("scan JSON does not validate against the schema: %v", err)
	}
	want := ExitOK
	if r.AtOrAbove(checks.Low) > 0 {
		want = ExitFindings
	}
	if code != want {
		t.Errorf("exit %d with %d findings at or above low; want %d", code, r.AtOrAbove(checks.Low), want)
	}
	if r.App.Package == "" || r.Target.Path != fixtureAPK || len(r.Permissions) == 0 {
		t.Errorf("report lacks app facts: package %q, target %q, %d permissions", r.App.Package, r.Target.Path, len(r.Permissions))
	}
	if code, _, _ := run(t, "scan", fixtureAPK, "-f", "json", "--fail-on", "none"); code != ExitOK {
		t.Errorf("--fail-on none: exit %d", code)
	}
	// Same input, same bytes.
	_, again, _ := run(t, "scan", fixtureAPK, "-f", "json", "--fail-on", "low")
	if again != out {
		t.Error("two scans of the same APK differ")
	}
}

func TestBatchBadInputDoesNotStopOthers(t *testing.T) {
	needFixture(t)
	dir := t.TempDir()
	apk, err := os.ReadFile(fixtureAPK)
	if err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(dir, "a", "good.apk"), apk)
	mustWrite(t, filepath.Join(dir, "b", "broken.apk"), []byte("PK\x03\x04 this is not a zip"))
	mustWrite(t, filepath.Join(dir, "notes.txt"), []byte("ignored"))
	outside := filepath.Join(t.TempDir(), "outside.apk")
	mustWrite(t, outside, apk)
	if err := os.Symlink(outside, filepath.Join(dir, "link-out.apk")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "a", "good.apk"), filepath.Join(dir, "link-in.apk")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Dir(outside), filepath.Join(dir, "releases")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "a"), filepath.Join(dir, "a-again")); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := run(t, "scan", dir, "-f", "json", "--fail-on", "none", "-j", "3")
	if code != ExitInput {
		t.Errorf("exit %d, want %d (one input failed)", code, ExitInput)
	}
	if !strings.Contains(stderr, "broken.apk") || !strings.Contains(stderr, "1 of 3 inputs") {
		t.Errorf("stderr does not name the bad file and the count: %q", stderr)
	}
	if !strings.Contains(stderr, "link-out.apk skipped") || !strings.Contains(stderr, "releases skipped") {
		t.Errorf("stderr does not note the file and directory symlinks leading out of the directory: %q", stderr)
	}
	if strings.Contains(stderr, "a-again") {
		t.Errorf("a directory symlink within the scanned directory is noted as leading out: %q", stderr)
	}
	var entries []struct {
		Target struct{ Path string }
		Error  string
	}
	if err := json.Unmarshal([]byte(out), &entries); err != nil {
		t.Fatalf("batch JSON is not an array: %v\n%s", err, out)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Target.Path)
	}
	want := []string{filepath.Join(dir, "a", "good.apk"), filepath.Join(dir, "b", "broken.apk"), filepath.Join(dir, "link-in.apk")}
	if strings.Join(got, ",") != strings.Join(want, ",") || entries[0].Error != "" || entries[1].Error == "" || entries[2].Error != "" {
		t.Errorf("entries %v; want good.apk, broken.apk as an error entry, link-in.apk (sorted, symlink out of the dir skipped)", got)
	}
}

func TestMultipleFormatsToFiles(t *testing.T) {
	needFixture(t)
	base := filepath.Join(t.TempDir(), "out", "report") // out/ does not exist yet
	code, out, stderr := run(t, "scan", fixtureAPK, "-f", "json,sarif", "-f", "html", "-f", "markdown="+base+"-pr.md", "-o", base, "--fail-on", "none")
	if code != ExitOK || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	for _, f := range []string{base + ".json", base + ".sarif", base + ".html", base + "-pr.md"} {
		if st, err := os.Stat(f); err != nil || st.Size() == 0 {
			t.Errorf("%s not written: %v", f, err)
		}
	}
	js, _ := os.ReadFile(base + ".json")
	if err := report.Validate(js); err != nil {
		t.Error(err)
	}
	var sarif struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Rules []json.RawMessage `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
		} `json:"runs"`
	}
	sb, _ := os.ReadFile(base + ".sarif")
	if err := json.Unmarshal(sb, &sarif); err != nil || sarif.Version != "2.1.0" || len(sarif.Runs) != 1 {
		t.Fatalf("SARIF: %v, version %q", err, sarif.Version)
	}
	if got, want := len(sarif.Runs[0].Tool.Driver.Rules), len(checks.All()); got < want {
		t.Errorf("SARIF has %d rules, want one per check (%d)", got, want)
	}
}

func TestParseOutputs(t *testing.T) {
	specs, err := parseOutputs([]string{"json,sarif", "html=r.html"}, "out.json")
	if err != nil {
		t.Fatal(err)
	}
	want := []outputSpec{{"json", "out.json"}, {"sarif", "out.sarif"}, {"html", "r.html"}}
	if len(specs) != len(want) {
		t.Fatalf("%v", specs)
	}
	for i := range want {
		if specs[i] != want[i] {
			t.Errorf("spec %d = %v, want %v", i, specs[i], want[i])
		}
	}
	if s, _ := parseOutputs(nil, ""); len(s) != 1 || s[0] != (outputSpec{"table", ""}) {
		t.Errorf("default = %v, want table on stdout", s)
	}
	if s, _ := parseOutputs([]string{"sarif"}, "x.out"); s[0].File != "x.out" {
		t.Errorf("one format with --output writes the file as named, got %v", s)
	}
	if _, err := parseOutputs([]string{"json=a", "sarif=a"}, ""); err == nil {
		t.Error("two formats to one file accepted")
	}
}

func TestConfigFile(t *testing.T) {
	needFixture(t)
	abs, _ := filepath.Abs(fixtureAPK)
	dir := t.TempDir()
	t.Chdir(dir)
	mustWrite(t, ".hegui.yaml", []byte("app_type: utilities\nfail_on: none\nbogus_key: 1\n"))
	if code, _, stderr := run(t, "scan", abs); code != ExitUsage || !strings.Contains(stderr, "bogus_key") {
		t.Errorf("unknown key: exit %d, %q", code, stderr)
	}
	mustWrite(t, ".hegui.yaml", []byte("suppress:\n  - rule: CNPI-SDK-001\n"))
	if code, _, stderr := run(t, "scan", abs); code != ExitUsage || !strings.Contains(stderr, "reason is required") {
		t.Errorf("suppression without reason: exit %d, %q", code, stderr)
	}
	mustWrite(t, ".hegui.yaml", []byte("suppress:\n  - rule: CNPI-SDK-001\n    reason: x\n    expires: 31/12/2025\n"))
	if code, _, _ := run(t, "scan", abs); code != ExitUsage {
		t.Errorf("bad expiry date: exit %d", code)
	}
	mustWrite(t, ".hegui.yaml", []byte("app_type: utilities\nfail_on: none\nlang: en\nsuppress:\n  - rule: CNPI-SDK-001\n    reason: vendor contract pending\n    expires: 2020-01-31\n"))
	code, out, stderr := run(t, "scan", abs, "-f", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var r report.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.App.AppType != "utilities" {
		t.Errorf("app_type from config not applied: %q", r.App.AppType)
	}
	if !strings.Contains(stderr, "expired on 2020-01-31") {
		t.Errorf("expired suppression not reported: %q", stderr)
	}
	// Flags override the config.
	if _, out, _ := run(t, "scan", abs, "-f", "json", "--app-type", "news"); !strings.Contains(out, `"app_type": "news"`) {
		t.Error("--app-type did not override the config")
	}
}

func TestSuppressionsAndBaseline(t *testing.T) {
	mk := func() *report.Report {
		r := &report.Report{App: report.App{Package: "com.example"}, Findings: []checks.Finding{
			{Rule: "CNPI-SDK-001", Severity: checks.High, Message: "Pangle not in policy", Fingerprint: "fp1",
				Evidence: []checks.Evidence{{Path: "classes3.dex"}}},
			{Rule: "CNPI-SDK-001", Severity: checks.High, Message: "Umeng not in policy", Fingerprint: "fp2",
				Evidence: []checks.Evidence{{Path: "lib/arm64-v8a/libumeng.so"}}},
			{Rule: "CNPI-CFG-002", Severity: checks.Low, Message: "cleartext", Fingerprint: "fp3"},
			{Rule: "CNPI-PERM-003", Severity: checks.Medium, Message: "location", Fingerprint: "fp4"},
		}}
		r.Finalize()
		return r
	}
	day := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	cfg := &Config{path: ".hegui.yaml", Suppress: []Suppression{
		{Rule: "CNPI-SDK-001", Path: "lib/**/*.so", Reason: "native only"},
		{Rule: "CNPI-CFG-002", Fingerprint: "other", Reason: "not this one"},
		{Rule: "CNPI-PERM-003", Reason: "expired", Expires: "2026-02-28", expires: time.Date(2026, 2, 28, 0, 0, 0, 0, time.UTC)},
		{Rule: "CNPI-CFG-002", Reason: "until today", Expires: "2026-03-01", expires: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)},
	}}
	r := mk()
	applySuppressions(r, cfg, day)
	var kept []string
	for _, f := range r.Findings {
		kept = append(kept, f.Fingerprint)
	}
	if strings.Join(kept, ",") != "fp1,fp4" {
		t.Errorf("kept %v, want fp1 (path glob does not match) and fp4 (suppression expired)", kept)
	}
	if r.Summary.Suppressed != 2 || r.Summary.Findings != 2 {
		t.Errorf("summary %+v", r.Summary)
	}
	if len(r.Diagnostics) != 1 || !strings.Contains(r.Diagnostics[0].Message, "CNPI-PERM-003") {
		t.Errorf("diagnostics %v, want the expired suppression", r.Diagnostics)
	}

	file := filepath.Join(t.TempDir(), "baseline.json")
	if err := writeBaseline(file, []*report.Report{mk()}); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(file)
	if !strings.Contains(string(data), `"rule": "CNPI-CFG-002"`) || !strings.Contains(string(data), "Pangle not in policy") {
		t.Errorf("baseline lacks rule or message:\n%s", data)
	}
	fps, err := readBaseline(file)
	if err != nil {
		t.Fatal(err)
	}
	r = mk()
	r.Findings = append(r.Findings, checks.Finding{Rule: "CNPI-NEW-001", Severity: checks.Critical, Fingerprint: "fp9"})
	applyBaseline(r, fps)
	if len(r.Findings) != 1 || r.Findings[0].Fingerprint != "fp9" || r.Summary.Suppressed != 4 {
		t.Errorf("after baseline: %d findings, %d suppressed; want only the new one", len(r.Findings), r.Summary.Suppressed)
	}
	// The same fingerprints in another app are not accepted by this app's baseline.
	r = mk()
	r.App.Package = "com.other"
	if got := fps.foreign("com.other"); strings.Join(got, ",") != "com.example" {
		t.Errorf("foreign(com.other) = %v, want [com.example]", got)
	}
	applyBaseline(r, fps)
	if len(r.Findings) != 4 || r.Summary.Suppressed != 0 {
		t.Errorf("baseline of com.example hid %d findings of com.other", r.Summary.Suppressed)
	}
}

// A baseline written for one APK hides nothing in another and says so; in the same
// APK it hides everything it recorded.
func TestBaselineIsPerApp(t *testing.T) {
	needFixture(t)
	demo := "../../../testdata/apk/demo.apk"
	bl := filepath.Join(t.TempDir(), "bl.json")
	if code, _, stderr := run(t, "scan", demo, "--write-baseline", bl, "-f", "json"); code != ExitOK {
		t.Fatalf("write baseline: exit %d: %s", code, stderr)
	}
	code, out, stderr := run(t, "scan", demo, "--baseline", bl, "-f", "json")
	var r report.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil || code != ExitOK || r.Summary.Findings != 0 || r.Summary.Suppressed == 0 {
		t.Errorf("same app: exit %d, %d findings, %d suppressed (%v, %s)", code, r.Summary.Findings, r.Summary.Suppressed, err, stderr)
	}
	code, out, stderr = run(t, "scan", fixtureAPK, "--baseline", bl, "-f", "json", "--fail-on", "none")
	r = report.Report{}
	if err := json.Unmarshal([]byte(out), &r); err != nil || code != ExitOK || r.Summary.Suppressed != 0 || r.Summary.Findings == 0 {
		t.Errorf("other app: exit %d, %d findings, %d suppressed (%v)", code, r.Summary.Findings, r.Summary.Suppressed, err)
	}
	if !strings.Contains(stderr, "com.hegui.demo") || !strings.Contains(stderr, "hides nothing") {
		t.Errorf("stderr %q does not say the baseline belongs to another app", stderr)
	}
}

func TestSchemaCommand(t *testing.T) {
	code, out, _ := run(t, "schema")
	want, err := os.ReadFile("../../../report/schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if code != 0 || out != string(want) {
		t.Errorf("hegui schema differs from report/schema.json (exit %d)", code)
	}
}

func TestDiff(t *testing.T) {
	needFixture(t)
	code, out, stderr := run(t, "diff", fixtureAPK, fixtureAPK, "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var d report.Diff
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.NewFindings)+len(d.FixedFindings)+len(d.SDKs.Added)+len(d.Permissions.Added)+len(d.Components.Removed) != 0 {
		t.Errorf("an APK differs from itself: %+v", d)
	}
	if code, _, _ := run(t, "diff", fixtureAPK); code != ExitUsage {
		t.Errorf("one argument: exit %d", code)
	}
	bad := filepath.Join(t.TempDir(), "bad.apk")
	mustWrite(t, bad, []byte("junk"))
	if code, _, stderr := run(t, "diff", fixtureAPK, bad); code != ExitInput || !strings.Contains(stderr, "bad.apk") {
		t.Errorf("bad input: exit %d, %q", code, stderr)
	}
}

func mustWrite(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestBatchDirectoryIncludesBundles(t *testing.T) {
	bundle, err := os.ReadFile(filepath.Join("..", "..", "..", "analyzer", "testdata", "fixture.aab"))
	if err != nil {
		t.Fatalf("AAB fixture: %v", err)
	}
	dir := t.TempDir()
	mustWrite(t, filepath.Join(dir, "release", "app.aab"), bundle)
	code, out, stderr := run(t, "scan", dir, "-f", "json", "--fail-on", "none")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var reps []report.Report
	if err := json.Unmarshal([]byte(out), &reps); err != nil {
		t.Fatalf("batch JSON: %v", err)
	}
	if len(reps) != 1 || reps[0].Target.Kind != "aab" || reps[0].App.Package == "" {
		t.Fatalf("want one AAB report with a package, got %+v", reps)
	}
}
