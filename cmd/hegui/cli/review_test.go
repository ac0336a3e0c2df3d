package cli

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

const demoAPK = "../../../testdata/apk/demo.apk"

// liarAPK is demo.apk whose central directory claims classes.dex is 4 GB: the
// analyzer skips the primary DEX, so the scan is incomplete.
func liarAPK(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(demoAPK)
	if err != nil {
		t.Skipf("demo fixture missing: %v", err)
	}
	sig := []byte("PK\x01\x02")
	patched := false
	for i := bytes.Index(data, sig); i >= 0 && i+46 < len(data); {
		nameLen := int(binary.LittleEndian.Uint16(data[i+28:]))
		if i+46+nameLen <= len(data) && string(data[i+46:i+46+nameLen]) == "classes.dex" {
			binary.LittleEndian.PutUint32(data[i+24:], 0xFFFFFFF0)
			patched = true
			break
		}
		j := bytes.Index(data[i+4:], sig)
		if j < 0 {
			break
		}
		i += 4 + j
	}
	if !patched {
		t.Fatal("classes.dex not in demo.apk's central directory")
	}
	p := filepath.Join(t.TempDir(), "liar.apk")
	mustWrite(t, p, data)
	return p
}

// A scan whose primary DEX was not read still writes its report, which says it is
// incomplete, and exits 3 even with --fail-on none.
func TestIncompleteScanExits3(t *testing.T) {
	apk := liarAPK(t)
	code, out, stderr := run(t, "scan", apk, "-f", "json", "--fail-on", "none")
	var r struct {
		Summary struct{ Incomplete bool }
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("no report: %v\n%s", err, stderr)
	}
	if code != ExitInput || !r.Summary.Incomplete || !strings.Contains(stderr, "classes.dex") || !strings.Contains(stderr, "lower bound") {
		t.Errorf("exit %d, incomplete %v, stderr %q; want 3, true, naming classes.dex", code, r.Summary.Incomplete, stderr)
	}
	code, out, _ = run(t, "scan", apk, "-f", "sarif", "--fail-on", "none")
	if code != ExitInput || !strings.Contains(out, `"executionSuccessful": false`) || !strings.Contains(out, "classes.dex") {
		t.Errorf("SARIF of an incomplete scan: exit %d, executionSuccessful not false or no notification", code)
	}
	if code, _, _ := run(t, "scan", demoAPK, "-f", "json", "--fail-on", "none"); code != ExitOK {
		t.Errorf("the intact demo exits %d", code)
	}
}

// One failed input: JSON is the error object (not "[]"), SARIF says the run failed.
func TestSingleFailedInput(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "garbage.apk")
	mustWrite(t, bad, []byte("this is not an APK at all"))
	code, out, _ := run(t, "scan", bad, "-f", "json")
	var e struct {
		SchemaVersion string `json:"schema_version"`
		Target        struct{ Path string }
		Error         string
	}
	if err := json.Unmarshal([]byte(out), &e); err != nil || code != ExitInput || e.Target.Path != bad || e.Error == "" || e.SchemaVersion == "" {
		t.Errorf("exit %d, JSON %q (%v); want 3 and an error object naming the file", code, out, err)
	}
	code, out, _ = run(t, "scan", bad, "-f", "sarif")
	if code != ExitInput || !strings.Contains(out, `"executionSuccessful": false`) || !strings.Contains(out, `"level": "error"`) || !strings.Contains(out, "garbage.apk") {
		t.Errorf("SARIF of a failed input: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, "scan", bad, "-f", "jsonl")
	if code != ExitInput || strings.Count(out, "\n") != 1 || !strings.Contains(out, `"error":`) {
		t.Errorf("JSON Lines of a failed input: exit %d %q", code, out)
	}
}

// Suppressions name known rules; "*" must be narrowed to a fingerprint or path.
func TestSuppressionRulesAreChecked(t *testing.T) {
	needFixture(t)
	dir := t.TempDir()
	for _, c := range []struct {
		yaml string
		code int
		want string
	}{
		{"suppress:\n  - rule: CNPI-NOPE-001\n    reason: typo\n", ExitUsage, "unknown rule CNPI-NOPE-001"},
		{"suppress:\n  - rule: \"*\"\n    reason: everything\n", ExitUsage, "needs a fingerprint or a path"},
		{"suppress:\n  - rule: \"*\"\n    path: \"classes*.dex\"\n    reason: vendored code\n", ExitOK, ""},
		{"suppress:\n  - rule: CNPI-MIN-009\n    reason: accepted\n", ExitOK, ""},
	} {
		cfg := filepath.Join(dir, "c.yaml")
		mustWrite(t, cfg, []byte(c.yaml))
		code, _, stderr := run(t, "scan", fixtureAPK, "--config", cfg, "-f", "json", "--fail-on", "none")
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%q: exit %d, stderr %q; want %d mentioning %q", c.yaml, code, stderr, c.code, c.want)
		}
	}
}

func TestVersionFallsBackToModuleVersion(t *testing.T) {
	info := &debug.BuildInfo{Main: debug.Module{Path: "github.com/hegui-dev/hegui", Version: "v0.4.1"}}
	if got := moduleVersion(info, true); got != "v0.4.1" {
		t.Errorf("moduleVersion = %q, want v0.4.1", got)
	}
	info.Main.Version = "(devel)"
	if got := moduleVersion(info, true); got != "dev" {
		t.Errorf("moduleVersion of a devel build = %q, want dev", got)
	}
	if got := moduleVersion(nil, false); got != "dev" {
		t.Errorf("moduleVersion without build info = %q", got)
	}
}
