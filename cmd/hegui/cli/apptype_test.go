package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hegui-dev/hegui/checks"
)

// An unknown app type used to switch off the type part of CNPI-MIN-001 silently.
func TestScanRejectsUnknownAppType(t *testing.T) {
	needFixture(t)
	abs, _ := filepath.Abs(fixtureAPK)
	code, _, stderr := run(t, "scan", abs, "--app-type", "tools")
	if code != ExitUsage || !strings.Contains(stderr, `--app-type "tools"`) || !strings.Contains(stderr, "utilities") || !strings.Contains(stderr, "womens_health") {
		t.Errorf("--app-type tools: exit %d, %q", code, stderr)
	}
	if code, _, stderr := run(t, "diff", abs, abs, "--app-type", "shopping"); code != ExitUsage || !strings.Contains(stderr, "online_shopping") {
		t.Errorf("diff --app-type shopping: exit %d, %q", code, stderr)
	}
	t.Chdir(t.TempDir())
	mustWrite(t, ".hegui.yaml", []byte("app_type: Ebook\n"))
	if code, _, stderr := run(t, "scan", abs); code != ExitUsage || !strings.Contains(stderr, "app_type in the config file") {
		t.Errorf("config app_type Ebook: exit %d, %q", code, stderr)
	}
	// A valid flag overrides a bad config value only if the flag is valid itself.
	if code, _, stderr := run(t, "scan", abs, "--app-type", "ebook", "--fail-on", "none"); code != ExitOK {
		t.Errorf("--app-type ebook over a bad config: exit %d, %q", code, stderr)
	}
}

func TestRulesAppTypes(t *testing.T) {
	code, out, stderr := runCLI("rules", "app-types")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, at := range checks.AppTypes {
		if !strings.Contains(out, at.Key) || !strings.Contains(out, at.NameZH) {
			t.Errorf("table lacks %s %s", at.Key, at.NameZH)
		}
	}
	for _, want := range []string{"必要个人信息", "无须个人信息", "ACCESS_FINE_LOCATION", "收货人姓名"} {
		if !strings.Contains(out, want) {
			t.Errorf("zh table lacks %q", want)
		}
	}
	_, en, _ := runCLI("rules", "app-types", "--lang", "en")
	if !strings.Contains(en, "Necessary PI") || !strings.Contains(en, "no personal information") || strings.Contains(en, "必要个人信息") {
		t.Errorf("en table:\n%s", en)
	}
	_, js, _ := runCLI("rules", "app-types", "--format", "json")
	var types []checks.AppType
	if err := json.Unmarshal([]byte(js), &types); err != nil {
		t.Fatal(err)
	}
	if len(types) != 39 || types[0].Key != "map_navigation" || types[0].NecessaryPI == "" || !types[20].NoPI {
		t.Fatalf("json: %d types, first %+v", len(types), types[0])
	}
	for _, at := range types {
		if at.NecessaryPI == "" || at.NecessaryPIEN == "" {
			t.Errorf("%s has no necessary-PI summary", at.Key)
		}
	}
	if code, _, _ := runCLI("rules", "app-types", "--format", "xml"); code != ExitUsage {
		t.Errorf("--format xml: exit %d", code)
	}
}
