package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files and schema.json")

// checkGolden compares got with testdata/golden/name, or rewrites it with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from golden file; run go test ./report -update and review the diff\n--- got (first 600 bytes):\n%s", name, head(got, 600))
	}
}

func head(b []byte, n int) string {
	if len(b) > n {
		return string(b[:n]) + "…"
	}
	return string(b)
}

func render(t *testing.T, format string, o Options, reps ...*Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, format, reps, o); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	// Rendering twice must give the same bytes (maps are sorted everywhere).
	var again bytes.Buffer
	if err := Write(&again, format, reps, o); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Fatalf("%s: output is not deterministic", format)
	}
	return buf.Bytes()
}

func TestGoldenFormats(t *testing.T) {
	rules := fixtureRules()
	cases := []struct{ file, format, lang string }{
		{"fixture.zh.txt", "table", "zh"},
		{"fixture.en.txt", "table", "en"},
		{"fixture.json", "json", "zh"},
		{"fixture.jsonl", "jsonl", "zh"},
		{"fixture.zh.sarif", "sarif", "zh"},
		{"fixture.en.sarif", "sarif", "en"},
		{"fixture.zh.html", "html", "zh"},
		{"fixture.en.html", "html", "en"},
		{"fixture.zh.md", "markdown", "zh"},
		{"fixture.en.md", "markdown", "en"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			got := render(t, c.format, Options{Lang: c.lang, Rules: rules}, fixtureReport())
			checkGolden(t, c.file, got)
		})
	}
}

func TestJSONValidatesAgainstSchema(t *testing.T) {
	got := render(t, "json", Options{}, fixtureReport())
	if err := Validate(got); err != nil {
		t.Fatalf("fixture report does not validate: %v", err)
	}
	var m map[string]any
	if err := json.Unmarshal(got, &m); err != nil {
		t.Fatal(err)
	}
	if m["schema_version"] != SchemaVersion {
		t.Errorf("schema_version = %v", m["schema_version"])
	}
	// A report that breaks the schema must be rejected: the validator is live.
	bad := bytes.Replace(got, []byte(`"severity": "high"`), []byte(`"severity": "urgent"`), 1)
	if bytes.Equal(bad, got) {
		t.Fatal("fixture has no high finding to corrupt")
	}
	if Validate(bad) == nil {
		t.Error("schema accepted severity \"urgent\"")
	}
	for i, line := range bytes.Split(bytes.TrimSpace(render(t, "jsonl", Options{}, fixtureReport(), fixtureReport())), []byte("\n")) {
		if err := Validate(line); err != nil {
			t.Errorf("jsonl line %d: %v", i+1, err)
		}
	}
}

func TestSchemaUpToDate(t *testing.T) {
	got, err := SchemaJSON()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("schema.json", got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("report/schema.json is stale: run `go generate ./report` (or go test ./report -run TestSchemaUpToDate -update)")
	}
}

func TestHTMLEscapesAPKText(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		out := string(render(t, "html", Options{Lang: lang, Rules: fixtureRules()}, fixtureReport()))
		if strings.Contains(out, "<script") {
			t.Errorf("%s: policy text reached the page unescaped", lang)
		}
		if !strings.Contains(out, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;") {
			t.Errorf("%s: escaped policy sentence missing", lang)
		}
		for _, external := range []string{"<link", "src=\"http", "@import"} {
			if strings.Contains(out, external) {
				t.Errorf("%s: page loads an external resource (%s)", lang, external)
			}
		}
		// The sharing-list draft lists every SDK with vendor and policy link.
		for _, want := range []string{"北京巨量引擎网络技术有限公司", "https://www.csjplatform.com/privacy", "Google LLC"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: sharing list lacks %q", lang, want)
			}
		}
	}
}

func TestMarkdownEscapes(t *testing.T) {
	r := fixtureReport()
	r.Findings[0].MessageZH = `<img src=x onerror=alert(1)> | [link](http://evil)`
	out := string(render(t, "markdown", Options{Rules: fixtureRules()}, r))
	if strings.Contains(out, "<img") || strings.Contains(out, "[link](") {
		t.Error("markdown passes raw HTML or a link from APK text through")
	}
	if !strings.Contains(out, "&lt;img src=x onerror=alert(1)&gt; \\| \\[link\\](http://evil)") {
		t.Errorf("escaped message missing:\n%s", out)
	}
	if !strings.Contains(out, "<details>") {
		t.Error("markdown lacks the collapsible details")
	}
}

func TestSARIFShape(t *testing.T) {
	out := render(t, "sarif", Options{Rules: fixtureRules()}, fixtureReport())
	var doc struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID         string         `json:"id"`
						Help       map[string]any `json:"help"`
						Properties map[string]any `json:"properties"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID              string            `json:"ruleId"`
				RuleIndex           int               `json:"ruleIndex"`
				Level               string            `json:"level"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
				Message             struct{ Text string }
				Locations           []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string } `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != "2.1.0" || len(doc.Runs) != 1 {
		t.Fatalf("version %q, %d runs", doc.Version, len(doc.Runs))
	}
	run := doc.Runs[0]
	if len(run.Tool.Driver.Rules) != len(fixtureRules()) {
		t.Errorf("%d rules, want one per check (%d)", len(run.Tool.Driver.Rules), len(fixtureRules()))
	}
	for _, r := range run.Tool.Driver.Rules {
		if r.Help["markdown"] == nil || r.Properties["security-severity"] == nil {
			t.Errorf("rule %s lacks help markdown or security-severity", r.ID)
		}
	}
	if len(run.Results) != 4 {
		t.Fatalf("%d results, want 4", len(run.Results))
	}
	for _, res := range run.Results {
		if run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %s points at rule index %d", res.RuleID, res.RuleIndex)
		}
		if res.PartialFingerprints["hegui/v1"] == "" || len(res.Locations) != 1 || res.Locations[0].PhysicalLocation.ArtifactLocation.URI == "" {
			t.Errorf("result %s lacks fingerprint or location", res.RuleID)
		}
	}
	levels, quoted := map[string]int{}, 0
	for _, res := range run.Results {
		levels[res.Level]++
		if strings.Contains(res.Message.Text, "assets/privacy.html: 「") {
			quoted++
		}
	}
	if levels["error"] != 2 || levels["warning"] != 1 || levels["note"] != 1 {
		t.Errorf("levels %v, want 2 error (high), 1 warning (medium), 1 note (low)", levels)
	}
	if quoted != 1 {
		t.Errorf("%d results quote the policy sentence, want 1", quoted)
	}
}

func TestSARIFURIs(t *testing.T) {
	for _, c := range []struct{ in, uri, inner string }{
		{"AndroidManifest.xml", "AndroidManifest.xml", ""},
		{"resources.arsc#string/privacy_url", "resources.arsc", "string/privacy_url"},
		{"assets/隐私 政策.html", "assets/%E9%9A%90%E7%A7%81%20%E6%94%BF%E7%AD%96.html", ""},
		{"", ".", ""},
	} {
		uri, inner := sarifURI(c.in)
		if uri != c.uri || inner != c.inner {
			t.Errorf("sarifURI(%q) = %q, %q; want %q, %q", c.in, uri, inner, c.uri, c.inner)
		}
	}
}
