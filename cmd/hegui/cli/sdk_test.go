package cli

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

const userDB = "../../../sdkdb/testdata/user/override.yaml"

func runCLI(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = Run(args, &o, &e)
	return code, o.String(), e.String()
}

func TestSDKList(t *testing.T) {
	code, out, errOut := runCLI("sdk", "list", "--sdkdb", userDB, "--category", "analytics")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "acme_tracker") || !strings.Contains(out, "ACME Ltd.") || !strings.Contains(out, "中文名") {
		t.Errorf("table lacks the user entry or header:\n%s", out)
	}
	if strings.Contains(out, "jpush") {
		t.Errorf("--category analytics listed a push SDK:\n%s", out)
	}
	code, out, _ = runCLI("sdk", "list", "--sdkdb", userDB, "--format", "json")
	var entries []struct {
		ID, Category string
		Overseas     bool
	}
	if code != ExitOK || json.Unmarshal([]byte(out), &entries) != nil {
		t.Fatalf("json list: exit %d\n%s", code, out)
	}
	found := false
	for _, e := range entries {
		found = found || e.ID == "acme_tracker" && e.Overseas
	}
	if !found {
		t.Errorf("json list lacks acme_tracker: %s", out)
	}
}

func TestSDKShow(t *testing.T) {
	code, out, errOut := runCLI("sdk", "show", "jpush", "--sdkdb", userDB)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"JPush (internal build)", "packages:", "cn.jpush.android.", "source:", "override.yaml"} {
		if !strings.Contains(out, want) {
			t.Errorf("show output lacks %q:\n%s", want, out)
		}
	}
	code, _, errOut = runCLI("sdk", "show", "no_such_sdk", "--sdkdb", userDB)
	if code != ExitUsage || !strings.Contains(errOut, "no_such_sdk") {
		t.Errorf("unknown id: exit %d, %q", code, errOut)
	}
	code, _, errOut = runCLI("sdk", "list", "--sdkdb", "does-not-exist.yaml")
	if code != ExitUsage || !strings.Contains(errOut, "does-not-exist.yaml") {
		t.Errorf("missing --sdkdb file: exit %d, %q", code, errOut)
	}
	code, _, _ = runCLI("sdk", "list", "--category", "nonsense")
	if code != ExitUsage {
		t.Errorf("bad category: exit %d", code)
	}
}
