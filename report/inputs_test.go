package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/hegui-dev/hegui/analyzer"
	"github.com/hegui-dev/hegui/checks"
	"github.com/hegui-dev/hegui/sdkdb"
)

type sarifDoc struct {
	Runs []struct {
		Results []struct {
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct{ URI string } `json:"artifactLocation"`
				} `json:"physicalLocation"`
			} `json:"locations"`
		} `json:"results"`
		Invocations []struct {
			ExecutionSuccessful *bool `json:"executionSuccessful"`
			Notes               []struct {
				Level     string
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string } `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
	} `json:"runs"`
}

func parseSARIF(t *testing.T, out []byte) sarifDoc {
	t.Helper()
	var d sarifDoc
	if err := json.Unmarshal(out, &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Runs) != 1 || len(d.Runs[0].Invocations) != 1 || d.Runs[0].Invocations[0].ExecutionSuccessful == nil {
		t.Fatalf("SARIF lacks one run with one invocation stating executionSuccessful:\n%s", head(out, 800))
	}
	return d
}

// A single input that failed still gives a SARIF log, one that says it failed
// (uploading it must not look like a clean scan).
func TestSARIFFailedInput(t *testing.T) {
	failed := []InputError{NewInputError("build/garbage.apk", errors.New("not a zip file"))}
	d := parseSARIF(t, render(t, "sarif", Options{Rules: fixtureRules(), Failed: failed}))
	inv := d.Runs[0].Invocations[0]
	if *inv.ExecutionSuccessful || len(d.Runs[0].Results) != 0 || len(inv.Notes) != 1 {
		t.Fatalf("invocation %+v, %d results; want failed, no results, one notification", inv, len(d.Runs[0].Results))
	}
	n := inv.Notes[0]
	if n.Level != "error" || !strings.Contains(n.Message.Text, "not a zip file") || n.Locations[0].PhysicalLocation.ArtifactLocation.URI != "build/garbage.apk" {
		t.Errorf("notification %+v", n)
	}
	// A clean report: successful, its diagnostic a warning.
	d = parseSARIF(t, render(t, "sarif", Options{Rules: fixtureRules()}, fixtureReport()))
	inv = d.Runs[0].Invocations[0]
	if !*inv.ExecutionSuccessful || len(inv.Notes) != 1 || inv.Notes[0].Level != "warning" {
		t.Errorf("clean run: invocation %+v", inv)
	}
}

// A report whose primary DEX was not read is incomplete: the summary, table,
// Markdown and SARIF all say so.
func TestIncompleteReport(t *testing.T) {
	r := fixtureReport()
	r.Diagnostics = append(r.Diagnostics, analyzer.Diagnostic{Path: "classes.dex", Message: "central directory missing: primary DEX not read", Incomplete: true})
	r.Finalize()
	if !r.Summary.Incomplete || fixtureReport().Summary.Incomplete {
		t.Fatalf("Summary.Incomplete = %v (and %v without the diagnostic)", r.Summary.Incomplete, fixtureReport().Summary.Incomplete)
	}
	d := parseSARIF(t, render(t, "sarif", Options{Rules: fixtureRules()}, r))
	inv := d.Runs[0].Invocations[0]
	errs := 0
	for _, n := range inv.Notes {
		if n.Level == "error" && strings.Contains(n.Message.Text, "primary DEX not read") {
			errs++
		}
	}
	if *inv.ExecutionSuccessful || errs != 1 {
		t.Errorf("SARIF invocation %+v; want unsuccessful with the DEX error", inv)
	}
	for _, f := range []string{"table", "markdown", "html"} {
		for _, lang := range []string{"zh", "en"} {
			out := string(render(t, f, Options{Rules: fixtureRules(), Lang: lang}, r))
			if !strings.Contains(out, tr(lang == "zh", "incomplete")) || !strings.Contains(out, "primary DEX not read") {
				t.Errorf("%s/%s does not say the analysis is incomplete", f, lang)
			}
		}
	}
}

// Every human-readable batch format names the inputs that failed.
func TestReadableFormatsListFailedInputs(t *testing.T) {
	failed := []InputError{NewInputError("apps/broken.apk", errors.New("ZIP central directory missing"))}
	for _, f := range []string{"table", "markdown", "html"} {
		out := string(render(t, f, Options{Rules: fixtureRules(), Failed: failed}, fixtureReport()))
		if !strings.Contains(out, "apps/broken.apk") || !strings.Contains(out, "ZIP central directory missing") {
			t.Errorf("%s does not name the failed input", f)
		}
	}
}

// Absolute targets with spaces and CJK are percent-encoded once in SARIF.
func TestSARIFAbsoluteURIEncodedOnce(t *testing.T) {
	a, b := fixtureReport(), fixtureReport()
	a.Target.Path = "/tmp/rv/源码 项目/a.apk"
	b.Target.Path = "批量 目录/b.apk"
	d := parseSARIF(t, render(t, "sarif", Options{Rules: fixtureRules()}, a, b))
	var uris []string
	for _, res := range d.Runs[0].Results {
		uris = append(uris, res.Locations[0].PhysicalLocation.ArtifactLocation.URI)
	}
	all := strings.Join(uris, "\n")
	if strings.Contains(all, "%25") {
		t.Errorf("double-encoded URIs:\n%s", all)
	}
	for _, want := range []string{
		"file:///tmp/rv/%E6%BA%90%E7%A0%81%20%E9%A1%B9%E7%9B%AE/a.apk/AndroidManifest.xml",
		"%E6%89%B9%E9%87%8F%20%E7%9B%AE%E5%BD%95/b.apk/classes3.dex",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no URI %s in\n%s", want, all)
		}
	}
}

// Failed inputs are entries of JSON and JSON Lines, in input order, each valid
// against the schema; a single failed input is one object, not "[]".
func TestJSONFailedInputs(t *testing.T) {
	a, c := fixtureReport(), fixtureReport()
	a.Target.Path, c.Target.Path = "apps/a.apk", "apps/c.apk"
	failed := []InputError{NewInputError("apps/b.apk", errors.New("apps/b.apk: not a zip file"))}
	var arr []json.RawMessage
	if err := json.Unmarshal(render(t, "json", Options{Failed: failed}, a, c), &arr); err != nil || len(arr) != 3 {
		t.Fatalf("batch JSON: %v, %d entries", err, len(arr))
	}
	for i, want := range []string{"apps/a.apk", "apps/b.apk", "apps/c.apk"} {
		if err := Validate(arr[i]); err != nil {
			t.Errorf("entry %d does not validate: %v", i, err)
		}
		var e struct {
			Target struct{ Path string }
			Error  string
		}
		_ = json.Unmarshal(arr[i], &e)
		if e.Target.Path != want || (e.Error != "") != (i == 1) {
			t.Errorf("entry %d = %s (error %q), want %s", i, e.Target.Path, e.Error, want)
		}
	}
	one := render(t, "json", Options{Failed: failed})
	if err := Validate(one); err != nil || !bytes.HasPrefix(one, []byte("{")) || !strings.Contains(string(one), `"error": "apps/b.apk: not a zip file"`) {
		t.Errorf("single failed input: %v\n%s", err, one)
	}
	sc := bufio.NewScanner(bytes.NewReader(render(t, "jsonl", Options{Failed: failed}, a, c)))
	sc.Buffer(nil, 1<<20)
	var lines []string
	for sc.Scan() {
		if err := Validate(sc.Bytes()); err != nil {
			t.Errorf("JSON Lines line does not validate: %v", err)
		}
		lines = append(lines, sc.Text())
	}
	if len(lines) != 3 || !strings.Contains(lines[1], `"error":`) {
		t.Errorf("JSON Lines: %d lines, second %.80s", len(lines), lines[1])
	}
	if err := Validate([]byte(`{"schema_version":"1","target":{"path":"x"}}`)); err == nil {
		t.Error("schema accepts an error entry without the error")
	}
}

// Terminal escapes and bidi overrides from an APK label are shown, not obeyed.
func TestHostileTextIsVisible(t *testing.T) {
	r := fixtureReport()
	r.App.LabelZH = "\x1b[2J\x1b]0;pwned\x07悦读\u202Egpj.exe"
	r.Findings[0].MessageZH = "证据\u2066隔离\u2069\x1b[31m红"
	r.Finalize()
	for _, f := range []string{"table", "markdown", "html", "sarif"} {
		out := string(render(t, f, Options{Rules: fixtureRules()}, r))
		if strings.ContainsAny(out, "\x1b\x07\u202E\u2066\u2069") {
			t.Errorf("%s passes a raw control or bidi character", f)
		}
		// Markdown escapes the "[" after it; the reader still sees \x1b[2J.
		if f != "sarif" && (!strings.Contains(out, `\x1b`) || !strings.Contains(out, `\u202E`)) {
			t.Errorf("%s does not show the escapes visibly", f)
		}
		if !strings.Contains(out, `\u2066`) {
			t.Errorf("%s does not show the finding's isolate visibly", f)
		}
	}
}

// A large batch stays under GitHub's comment limit, and says what it left out.
func TestMarkdownStaysUnderCommentLimit(t *testing.T) {
	var reps []*Report
	for i := 0; i < 400; i++ {
		r := fixtureReport()
		r.Target.Path = fmt.Sprintf("apps/%03d.apk", i)
		reps = append(reps, r)
	}
	failed := []InputError{NewInputError("apps/zzz.apk", errors.New("truncated"))}
	for _, lang := range []string{"zh", "en"} {
		out := string(render(t, "markdown", Options{Rules: fixtureRules(), Lang: lang, Failed: failed}, reps...))
		if n := utf16Len(out); n > 65536 {
			t.Errorf("%s: %d characters, over GitHub's limit", lang, n)
		}
		zh := lang == "zh"
		for _, want := range []string{fmt.Sprintf(tr(zh, "batch_apps"), 400), "apps/zzz.apk", "truncated", fmt.Sprintf("%s %d", tr(zh, "findings"), 1600)} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: batch comment lacks %q", lang, want)
			}
		}
		if !strings.Contains(out, strings.SplitN(tr(zh, "md_truncated"), "%d", 2)[0]) {
			t.Errorf("%s: no note about the apps left out", lang)
		}
	}
	// A small batch keeps its details.
	if out := string(render(t, "markdown", Options{Rules: fixtureRules()}, reps[:2]...)); !strings.Contains(out, "<details>") {
		t.Error("a two-app batch lost its details")
	}
}

// Every APK-derived table cell is escaped, not only messages: a manifest
// permission name holding a terminal escape and a bidi override, an SDK category,
// and the permissions a diff lists.
func TestHostileCellsAreVisible(t *testing.T) {
	r := fixtureReport()
	evil := "android.permission.X\x1b[2J\u202Egpj.exe"
	r.Permissions = append(r.Permissions, Permission{Name: evil, Dangerous: true, UsedBy: []string{"app\x1b[31m"}})
	r.SDKs[0].Category = "ads\x1b]0;pwned\x07"
	r.Finalize()
	for _, f := range []string{"table", "markdown", "html"} {
		out := string(render(t, f, Options{Rules: fixtureRules()}, r))
		if strings.ContainsAny(out, "\x1b\x07\u202E") {
			t.Errorf("%s passes a raw control or bidi character from a permission or SDK cell", f)
		}
	}
	var buf bytes.Buffer
	if err := WriteDiffTable(&buf, Compare(fixtureReport(), r), "en"); err != nil {
		t.Fatal(err)
	}
	if out := buf.String(); strings.ContainsAny(out, "\x1b\u202E") || !strings.Contains(out, `X\x1b[2J\u202Egpj.exe`) {
		t.Errorf("diff table shows the added permission unescaped or not at all:\n%s", out)
	}
}

// sdkdb's purposes and PI are the vendors' Chinese wording: the English HTML SDK
// table leaves them out, and the sharing list (a draft to paste into the Chinese
// policy) labels them as the vendor's zh text.
func TestEnglishHTMLSDKTable(t *testing.T) {
	out := string(render(t, "html", Options{Lang: "en", Rules: fixtureRules()}, fixtureReport()))
	start := strings.Index(out, "<h2>Third-party SDKs")
	end := strings.Index(out[start+1:], "<h2>")
	if start < 0 || end < 0 {
		t.Fatal("no SDK section")
	}
	if sdks := out[start : start+1+end]; strings.Contains(sdks, "消息推送") || strings.Contains(sdks, "<th>Purpose") {
		t.Errorf("English SDK table shows the vendors' Chinese purposes:\n%s", sdks)
	}
	if !strings.Contains(out, "<th>Purpose (vendor&#39;s zh text)</th>") || !strings.Contains(out, "消息推送") {
		t.Error("the sharing list lost its purposes or their label")
	}
	zh := string(render(t, "html", Options{Rules: fixtureRules()}, fixtureReport()))
	if strings.Count(zh, "<th>使用目的</th>") != 2 {
		t.Error("the Chinese report should keep purposes in both SDK tables")
	}
}

// Evidence in hegui's own words carries a Chinese form (snippet_zh): Chinese
// reports show it, English ones the English snippet.
func TestEvidenceSnippetLanguage(t *testing.T) {
	r := fixtureReport()
	r.Findings = append(r.Findings, checks.Finding{Rule: "CNPI-PERM-003", Severity: checks.Medium, Title: "t", TitleZH: "标题",
		Message: "m", MessageZH: "消息", Fingerprint: "c0ffee0000000006",
		Evidence: []checks.Evidence{{Kind: "policy", Path: "p.html",
			Snippet: "no matching statement in the policy text", SnippetZH: "隐私政策中未找到相应陈述"}}})
	r.Finalize()
	for _, f := range []string{"table", "markdown", "html", "sarif"} {
		zh := string(render(t, f, Options{Rules: fixtureRules()}, r))
		en := string(render(t, f, Options{Lang: "en", Rules: fixtureRules()}, r))
		if strings.Contains(zh, "no matching statement") || !strings.Contains(zh, "隐私政策中未找到相应陈述") {
			t.Errorf("%s zh: English evidence or no Chinese evidence", f)
		}
		if !strings.Contains(en, "no matching statement") || strings.Contains(en, "隐私政策中未找到相应陈述") {
			t.Errorf("%s en: Chinese evidence or no English evidence", f)
		}
	}
}

// Chinese reports name SDK categories in Chinese (推送, not push).
func TestCategoryLabels(t *testing.T) {
	for _, c := range sdkdb.Categories() {
		if categoryZH[c] == "" {
			t.Errorf("sdkdb category %q has no Chinese label", c)
		}
	}
	for _, f := range []string{"table", "html"} {
		zh := string(render(t, f, Options{Rules: fixtureRules()}, fixtureReport()))
		if strings.Contains(zh, " push ") || strings.Contains(zh, "<td>push</td>") || !strings.Contains(zh, "推送") {
			t.Errorf("%s zh shows the category key push instead of 推送", f)
		}
	}
}
