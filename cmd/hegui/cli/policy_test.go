package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hegui-dev/hegui/policy"
)

func policyFixture(name string) string {
	return filepath.Join("..", "..", "..", "testdata", "policy", name)
}

func TestPolicyJSON(t *testing.T) {
	var out, errb bytes.Buffer
	code := Run([]string{"policy", "--format", "json", policyFixture("demo-privacy.html")}, &out, &errb)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var m map[string]any
	if err := json.Unmarshal(out.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	items := m["items"].(map[string]any)
	for _, k := range policy.ItemKeys {
		it, ok := items[k].(map[string]any)
		if !ok {
			t.Fatalf("item %s missing", k)
		}
		if _, ok := it["evidence"].([]any); !ok {
			t.Errorf("item %s evidence not an array", k)
		}
	}
	if items[policy.ItemCrossBorder].(map[string]any)["found"] != false || items[policy.ItemMinors].(map[string]any)["found"] != true {
		t.Error("demo: cross_border must be missing, minors found")
	}
	if d, _ := items[policy.ItemCrossBorder].(map[string]any)["denied"].([]any); len(d) != 1 || !strings.Contains(d[0].(map[string]any)["sentence"].(string), "不会向境外提供") {
		t.Errorf("demo: cross_border denial not recorded: %v", items[policy.ItemCrossBorder])
	}
	if m["account_cancellation_days"] != float64(30) {
		t.Errorf("account_cancellation_days = %v", m["account_cancellation_days"])
	}
	var ids []string
	for _, s := range m["sdks"].([]any) {
		sm := s.(map[string]any)
		if len(sm["evidence"].([]any)) == 0 {
			t.Errorf("sdk %v without evidence", sm["id"])
		}
		ids = append(ids, sm["id"].(string))
	}
	if got := strings.Join(ids, ","); !strings.Contains(got, "jpush") || strings.Contains(got, "umeng") {
		t.Errorf("sdks %s: JPush named, Umeng omitted by design", got)
	}
	if _, ok := m["pi_categories"].([]any); !ok {
		t.Error("pi_categories not an array")
	}
}

func TestPolicyTable(t *testing.T) {
	for _, c := range []struct{ lang, want, missing string }{
		// The demo policy denies both: "也不会收集您的人脸信息", "我们不会向境外提供".
		{"zh", "注销账号", "明确否认: 人脸信息、跨境传输"},
		{"en", "Account cancellation", "Denied: Face information, Cross-border transfer"},
	} {
		var out, errb bytes.Buffer
		if code := Run([]string{"policy", "--lang", c.lang, policyFixture("demo-privacy.html")}, &out, &errb); code != ExitOK {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		s := out.String()
		if !strings.Contains(s, c.want) || !strings.Contains(s, c.missing) || !strings.Contains(s, "jpush") || strings.Contains(s, "缺失") || strings.Contains(s, "MISSING") {
			t.Errorf("--lang %s output:\n%s", c.lang, s)
		}
	}
}

func TestPolicyErrors(t *testing.T) {
	var out, errb bytes.Buffer
	if code := Run([]string{"policy", policyFixture("demo-privacy.html"), "no-such-policy.html"}, &out, &errb); code != ExitInput || !strings.Contains(errb.String(), "no-such-policy.html") {
		t.Errorf("missing file: exit %d, stderr %q", code, errb.String())
	}
	errb.Reset()
	if code := Run([]string{"policy", "--format", "xml", policyFixture("demo-privacy.html")}, &out, &errb); code != ExitUsage {
		t.Errorf("bad format: exit %d", code)
	}
	if code := Run([]string{"policy"}, &out, &errb); code != ExitUsage {
		t.Errorf("no file: exit %d", code)
	}
}

// TestPolicyBinaryInput: an APK given as a policy is refused (exit 3, the file named)
// by `hegui policy` and by `hegui scan --policy`.
func TestPolicyBinaryInput(t *testing.T) {
	apk := filepath.Join("..", "..", "..", "testdata", "apk", "demo.apk")
	for _, args := range [][]string{{"policy", apk}, {"scan", apk, "--policy", apk}} {
		var out, errb bytes.Buffer
		code := Run(args, &out, &errb)
		if code != ExitInput || !strings.Contains(errb.String(), "policy file "+apk+": a ZIP archive") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errb.String())
		}
	}
}

// TestPolicyTableCancellationUnit: the table states the limit in the policy's own
// unit and quotes the sentence holding the number, not the one before it.
func TestPolicyTableCancellationUnit(t *testing.T) {
	p := filepath.Join(t.TempDir(), "p20.txt")
	doc := "某某App隐私政策\n本政策由北京某某科技有限公司运营。\n您可以在“设置-账号与安全-注销账号”中申请注销账号。我们将在收到申请后20天内完成注销。\n"
	if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := Run([]string{"policy", p}, &out, &errb); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "[20 天] 我们将在收到申请后20天内完成注销。") {
		t.Errorf("table:\n%s", out.String())
	}
	out.Reset()
	if code := Run([]string{"policy", "--lang", "en", policyFixture("demo-privacy.html")}, &out, &errb); code != ExitOK || !strings.Contains(out.String(), "[30 working days] 我们将在30个工作日内完成核查和处理。") {
		t.Errorf("demo table:\n%s", out.String())
	}
}

// TestPolicySDKDBErrorsCollapsed: a too-broad prefix in an --sdkdb file is one error
// line, not one per SDK it swallows; many bad entries are capped.
func TestPolicySDKDBErrorsCollapsed(t *testing.T) {
	entry := func(id, prefix string) string {
		return "- id: " + id + "\n  name: X\n  vendor: Y\n  category: push\n  signals:\n    packages: [" + prefix + "]\n"
	}
	many := ""
	for i := range 30 {
		many += entry(fmt.Sprintf("bad%02d", i), fmt.Sprintf("com.bad%02d", i)) // no trailing dot
	}
	dir := t.TempDir()
	for _, c := range []struct {
		name, yaml, want string
		maxLines         int
	}{
		{"root.yaml", entry("bad", "com."), "too broad", 1},
		{"umeng.yaml", entry("bad", "com.umeng."), `package prefix "com.umeng." swallows`, 1},
		{"many.yaml", many, "and 10 more problems", 21},
	} {
		p := filepath.Join(dir, c.name)
		if err := os.WriteFile(p, []byte(c.yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		var out, errb bytes.Buffer
		code := Run([]string{"policy", "--sdkdb", p, policyFixture("demo-privacy.html")}, &out, &errb)
		lines := strings.Count(strings.TrimSpace(errb.String()), "\n") + 1
		if code != ExitUsage || !strings.Contains(errb.String(), c.want) || lines > c.maxLines {
			t.Errorf("%s: exit %d, %d lines:\n%s", c.name, code, lines, errb.String())
		}
	}
}

// TestPolicyDeniedSDK: "我们未接入友盟统计SDK" lists Umeng as denied, not among the
// SDKs named, in the table and the JSON.
func TestPolicyDeniedSDK(t *testing.T) {
	demo, err := os.ReadFile(policyFixture("demo-privacy.html"))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "negsdk.html")
	doc := strings.Replace(string(demo), "</body>", "<p>我们未接入友盟统计SDK。</p></body>", 1)
	if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := Run([]string{"policy", p}, &out, &errb); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	named, denied, ok := strings.Cut(out.String(), "明确否认使用的SDK (1)")
	if !ok || strings.Contains(named, "umeng_analytics") || !strings.Contains(denied, "umeng_analytics") || !strings.Contains(denied, "我们未接入友盟统计SDK。") {
		t.Errorf("table:\n%s", out.String())
	}
	out.Reset()
	if code := Run([]string{"policy", "--format", "json", p}, &out, &errb); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var f policy.Facts
	if err := json.Unmarshal(out.Bytes(), &f); err != nil {
		t.Fatal(err)
	}
	if f.Names("umeng_analytics") || !f.DeniesSDK("umeng_analytics") {
		t.Errorf("json sdks %+v denied %+v", f.SDKs, f.DeniedSDKs)
	}
}

func TestPolicyTableEscapesHostileText(t *testing.T) {
	p := filepath.Join(t.TempDir(), "hostile.txt")
	text := "隐私政策\n北京示例科技有限公司\x1b[2J是本应用的运营者。\n如需注销账号，您可以联系我们\u202e，我们将在15个工作日内完成处理。\n"
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := Run([]string{"policy", p}, &out, &errb); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if strings.ContainsAny(out.String(), "\x1b\u202e") {
		t.Fatalf("raw control characters reached the terminal:\n%q", out.String())
	}
	if !strings.Contains(out.String(), `\x1b[2J`) {
		t.Fatalf("the escape sequence is not shown escaped:\n%s", out.String())
	}
}
