package checks

import (
	"context"
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/hegui-dev/hegui/analyzer"
)

var update = flag.Bool("update", false, "rewrite docs/rules from the catalogue")

func repoRoot(t testing.TB) string {
	t.Helper()
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found")
		}
		dir = parent
	}
}

var idRe = regexp.MustCompile(`^CNPI-(POL|CON|MIN|SDK|ADM|RGT|SEN|SEC|XB|UX|DST)-\d{3}$`)

// TestCatalogueComplete is the meta-test: every registered rule has a well-formed
// entry, a docs page identical to the generated one, and both a positive and a
// negative test (functions named Test<AREA><NNN>_Positive… and …_Negative…).
func TestCatalogueComplete(t *testing.T) {
	root := repoRoot(t)
	tests := map[string]bool{}
	fset := token.NewFileSet()
	files, _ := filepath.Glob("*_test.go")
	for _, fn := range files {
		f, err := parser.ParseFile(fset, fn, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && strings.HasPrefix(fd.Name.Name, "Test") {
				tests[fd.Name.Name] = true
			}
		}
	}
	// Fixture coverage (issue #5): a positive and a different negative fixture scan per
	// rule in fixtureMatrix, which TestFixtureMatrix runs.
	fixturePos, fixtureNeg := map[string]bool{}, map[string]bool{}
	for _, c := range fixtureMatrix {
		if r, ok := Lookup(c.Rule); !ok || r.ID != c.Rule {
			t.Errorf("fixtureMatrix names unregistered rule %q", c.Rule)
		}
		fixturePos[c.Rule] = fixturePos[c.Rule] || c.Pos.APK != ""
		fixtureNeg[c.Rule] = fixtureNeg[c.Rule] || (c.Neg.APK != "" && c.Neg.String() != c.Pos.String())
	}
	seen := map[string]bool{}
	for _, r := range Rules() {
		if !fixturePos[r.ID] || !fixtureNeg[r.ID] {
			t.Errorf("%s: needs a row in fixtureMatrix (checks/fixtures_test.go) with a positive and a different negative fixture scan (positive %v, negative %v)", r.ID, fixturePos[r.ID], fixtureNeg[r.ID])
		}
		if !idRe.MatchString(r.ID) || seen[r.ID] {
			t.Errorf("bad or duplicate ID %q", r.ID)
		}
		seen[r.ID] = true
		if r.Title == "" || r.TitleZH == "" || r.Rationale == "" || r.RationaleZH == "" || r.Fix == "" || r.FixZH == "" || r.Detects == "" || r.FalsePositives == "" || len(r.Clauses) == 0 {
			t.Errorf("%s: incomplete catalogue entry", r.ID)
		}
		if r.Doc != docPath(r.ID) {
			t.Errorf("%s: Doc = %q, want %q", r.ID, r.Doc, docPath(r.ID))
		}
		prefix := "Test" + strings.ReplaceAll(strings.TrimPrefix(r.ID, "CNPI-"), "-", "")
		var pos, neg bool
		for name := range tests {
			pos = pos || strings.HasPrefix(name, prefix+"_Positive")
			neg = neg || strings.HasPrefix(name, prefix+"_Negative")
		}
		if !pos || !neg {
			t.Errorf("%s: needs %s_Positive… and %s_Negative… tests (positive %v, negative %v)", r.ID, prefix, prefix, pos, neg)
		}
		path := filepath.Join(root, r.Doc)
		want := DocPage(r)
		if *update {
			os.MkdirAll(filepath.Dir(path), 0o755)
			if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != want {
			t.Errorf("%s: docs page %s missing or stale (run go test ./checks -run TestCatalogueComplete -update)", r.ID, r.Doc)
		}
	}
	idx := filepath.Join(root, "docs/rules/README.md")
	if *update {
		os.WriteFile(idx, []byte(DocIndex(Rules())), 0o644)
	}
	if got, err := os.ReadFile(idx); err != nil || string(got) != DocIndex(Rules()) {
		t.Errorf("docs/rules/README.md missing or stale")
	}
}

func TestRun_SortedDeterministicAndStableFingerprints(t *testing.T) {
	build := func(dexName string, line int) *Input {
		in := jpushSDKs()
		f := baseFacts(jpushApp())
		f.Dex.Files[0].Name = dexName
		f.App.TargetSDK = 22
		perms(f, "READ_PHONE_STATE", "ACCESS_FINE_LOCATION")
		f.App.Permissions[0].Location.Line = line
		f.Components = []analyzer.Component{{Type: "receiver", Name: "com.example.app.Boot",
			IntentFilters: []analyzer.IntentFilter{{Actions: []string{"android.intent.action.BOOT_COMPLETED"}}}}}
		in.Facts = f
		in.Policy = emptyPolicy()
		return &in
	}
	a := Run(context.Background(), build("classes.dex", 10)).Findings
	b := Run(context.Background(), build("classes.dex", 10)).Findings
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two runs on the same input differ")
	}
	if len(a) < 8 {
		t.Fatalf("only %d findings", len(a))
	}
	for i := 1; i < len(a); i++ {
		p, q := a[i-1], a[i]
		if p.Severity < q.Severity || (p.Severity == q.Severity && p.Rule > q.Rule) ||
			(p.Severity == q.Severity && p.Rule == q.Rule && p.Fingerprint >= q.Fingerprint) {
			t.Fatalf("not sorted at %d: %s/%s/%s then %s/%s/%s", i, p.Severity, p.Rule, p.Fingerprint, q.Severity, q.Rule, q.Fingerprint)
		}
	}
	// A new version: the code moved to classes2.dex and the manifest lines shifted.
	c := Run(context.Background(), build("classes2.dex", 42)).Findings
	fps := func(fs []Finding) map[string]bool {
		m := map[string]bool{}
		for _, f := range fs {
			m[f.Rule+"/"+f.Fingerprint] = true
		}
		return m
	}
	if !reflect.DeepEqual(fps(a), fps(c)) {
		t.Fatalf("fingerprints changed across versions:\n%v\n%v", fps(a), fps(c))
	}
}

func TestRun_CancelledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	in := jpushSDKs()
	in.Facts = baseFacts(jpushApp())
	if fs := Run(ctx, &in).Findings; len(fs) != 0 {
		t.Fatalf("cancelled run returned %d findings", len(fs))
	}
}

func TestRun_NilAndEmptyInputs(t *testing.T) {
	for _, in := range []*Input{nil, {}, {Facts: &analyzer.Facts{}}} {
		fs := Run(context.Background(), in).Findings
		// Only POL-001 can fire on nothing.
		for _, f := range fs {
			if f.Rule != "CNPI-POL-001" {
				t.Fatalf("unexpected %s on empty input", f.Rule)
			}
		}
	}
}

func TestAppTypes39(t *testing.T) {
	if len(AppTypes) != 39 {
		t.Fatalf("%d app types, want 39", len(AppTypes))
	}
	seen := map[string]bool{}
	for i, a := range AppTypes {
		if a.No != i+1 || seen[a.Key] || a.NameZH == "" {
			t.Fatalf("bad type %+v", a)
		}
		seen[a.Key] = true
	}
}
