package cli

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/hegui-dev/hegui/checks"
	"github.com/hegui-dev/hegui/report"
)

// A path suppression matches the finding's primary location: the manifest waiver
// of the docs example must not also hide policy findings that merely quote the
// manifest's permission as secondary evidence, and "**" works past the first segment.
func TestSuppressionPathPrimaryLocation(t *testing.T) {
	r := &report.Report{App: report.App{Package: "com.example"}, Findings: []checks.Finding{
		{Rule: "CNPI-SEC-001", Severity: checks.High, Fingerprint: "sec", Evidence: []checks.Evidence{
			{Kind: "manifest", Path: "AndroidManifest.xml", Locator: "application", Snippet: `android:allowBackup="true"`}}},
		{Rule: "CNPI-POL-012", Severity: checks.Medium, Fingerprint: "pol12", Evidence: []checks.Evidence{
			{Kind: "policy", Path: "assets/privacy.html", Snippet: "我们会收集您的位置信息。"},
			{Kind: "manifest", Path: "AndroidManifest.xml", Locator: "android.permission.ACCESS_FINE_LOCATION"}}},
		{Rule: "CNPI-MIN-009", Severity: checks.High, Fingerprint: "min9", Evidence: []checks.Evidence{
			{Kind: "source", Path: "app/src/main/java/com/example/util/DeviceInfo.java", Line: 12, Locator: "com.example.util.DeviceInfo.imei"}}},
		{Rule: "CNPI-MIN-009", Severity: checks.High, Fingerprint: "min9b", Evidence: []checks.Evidence{
			{Kind: "source", Path: "lib/src/main/java/com/example/DeviceInfo.java", Line: 3, Locator: "com.example.DeviceInfo.imei"}}},
	}}
	r.Finalize()
	cfg := &Config{path: ".hegui.yaml", Suppress: []Suppression{
		{Rule: "*", Path: "AndroidManifest.xml", Reason: "manifest reviewed"},
		{Rule: "CNPI-MIN-009", Path: "app/src/**/DeviceInfo.java", Reason: "debug screen"},
	}}
	applySuppressions(r, cfg, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
	var kept []string
	for _, f := range r.Findings {
		kept = append(kept, f.Fingerprint)
	}
	if strings.Join(kept, ",") != "min9b,pol12" {
		t.Errorf("kept %v; want min9b (other module) and pol12 (its primary location is the policy)", kept)
	}
}

// A config or baseline that never ends (/dev/zero, a FIFO) is refused after its
// size limit instead of being read until memory runs out.
func TestEndlessConfigAndBaseline(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	needFixture(t)
	for _, args := range [][]string{{"--config", "/dev/zero"}, {"--baseline", "/dev/zero"}} {
		code, _, stderr := run(t, append([]string{"scan", fixtureAPK}, args...)...)
		if code != ExitUsage || !strings.Contains(stderr, "/dev/zero: larger than") {
			t.Errorf("%v: exit %d, %q; want a usage error naming the file and the limit", args, code, stderr)
		}
	}
}
