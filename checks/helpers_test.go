package checks

import (
	"context"
	"strings"
	"testing"

	"github.com/hegui-dev/hegui/analyzer"
	"github.com/hegui-dev/hegui/analyzer/dex"
	"github.com/hegui-dev/hegui/policy"
	"github.com/hegui-dev/hegui/sdkdb"
)

// dexBuilder assembles a dex.File by hand: what the DEX reader would return for a
// small app, without needing the reader.
type dexBuilder struct {
	f     dex.File
	meth  map[string]uint32
	field map[string]uint32
	str   map[string]uint32
}

func newDex() *dexBuilder {
	return &dexBuilder{meth: map[string]uint32{}, field: map[string]uint32{}, str: map[string]uint32{}}
}

// ref parses "pkg.Class.method(proto)" (proto defaults to "()V").
func (b *dexBuilder) ref(s string) uint32 {
	proto := "()V"
	if i := strings.IndexByte(s, '('); i >= 0 {
		s, proto = s[:i], s[i:]
	}
	i := strings.LastIndexByte(s, '.')
	key := s + proto
	if id, ok := b.meth[key]; ok {
		return id
	}
	id := uint32(len(b.f.Methods))
	b.f.Methods = append(b.f.Methods, dex.MethodRef{Class: s[:i], Name: s[i+1:], Proto: proto})
	b.meth[key] = id
	return id
}

func (b *dexBuilder) fieldRef(s string) uint32 {
	if id, ok := b.field[s]; ok {
		return id
	}
	i := strings.LastIndexByte(s, '.')
	id := uint32(len(b.f.Fields))
	b.f.Fields = append(b.f.Fields, dex.FieldRef{Class: s[:i], Name: s[i+1:], Type: "Ljava/lang/String;"})
	b.field[s] = id
	return id
}

func (b *dexBuilder) strRef(s string) uint32 {
	if id, ok := b.str[s]; ok {
		return id
	}
	id := uint32(len(b.f.Strings))
	b.f.Strings = append(b.f.Strings, s)
	b.str[s] = id
	return id
}

// class adds a class; super may be "".
func (b *dexBuilder) class(name, super string, ifaces ...string) *dexBuilder {
	b.f.Classes = append(b.f.Classes, dex.Class{Name: name, Super: super, Interfaces: ifaces})
	return b
}

// method adds a method to the last class. Body items: "call:pkg.C.m(proto)",
// "field:pkg.C.F", "str:text", "abstract".
func (b *dexBuilder) method(name string, body ...string) *dexBuilder {
	c := &b.f.Classes[len(b.f.Classes)-1]
	proto := "()V"
	if i := strings.IndexByte(name, '('); i >= 0 {
		name, proto = name[:i], name[i:]
	}
	m := dex.Method{Ref: b.ref(c.Name + "." + name + proto)}
	for _, it := range body {
		switch {
		case strings.HasPrefix(it, "call:"):
			m.Invokes = append(m.Invokes, b.ref(it[5:]))
		case strings.HasPrefix(it, "field:"):
			m.FieldRefs = append(m.FieldRefs, b.fieldRef(it[6:]))
		case strings.HasPrefix(it, "str:"):
			m.StringRefs = append(m.StringRefs, b.strRef(it[4:]))
		case it == "abstract":
			m.AccessFlags |= accAbstract
		}
	}
	c.Methods = append(c.Methods, m)
	return b
}

func (b *dexBuilder) file() analyzer.DexFile {
	f := b.f
	return analyzer.DexFile{Name: "classes.dex", ClassCount: len(f.Classes), Parsed: &f}
}

// baseFacts is a small app com.example.app with an Application class.
func baseFacts(d *dexBuilder) *analyzer.Facts {
	f := &analyzer.Facts{
		Source: analyzer.Source{Path: "app.apk", Kind: "apk"},
		App:    analyzer.App{Package: "com.example.app", TargetSDK: 33, MinSDK: 21, ApplicationClass: "com.example.app.App"},
	}
	if d != nil {
		f.Dex.Files = []analyzer.DexFile{d.file()}
	}
	return f
}

func perms(f *analyzer.Facts, names ...string) {
	for _, n := range names {
		if !strings.Contains(n, ".") {
			n = "android.permission." + n
		}
		f.App.Permissions = append(f.App.Permissions, analyzer.Permission{Name: n})
	}
}

// hit is a detected SDK with package evidence, as finding evidence shows it; who
// owns a class is sdkdb's answer (see sdks), not these packages.
func hit(id, name, cat string, overseas bool, packages ...string) sdkdb.Hit {
	h := sdkdb.Hit{ID: id, Name: name, Vendor: name + " Inc.", Category: cat, Overseas: overseas, Confidence: "high"}
	for _, p := range packages {
		h.Evidence = append(h.Evidence, sdkdb.Evidence{Kind: "package", Value: p, Path: "classes.dex"})
	}
	return h
}

// sdks is a detection result listing hits, built through the embedded database's
// Detect so that class attribution (Result.Owner) is sdkdb's own, as in production:
// the hits' IDs must be the database's for their code to be attributed to them.
func sdks(hits ...sdkdb.Hit) *sdkdb.Result {
	dbOnce.Do(func() { db, dbErr = loadDB() })
	if dbErr != nil {
		panic(dbErr)
	}
	r := db.Detect(&analyzer.Facts{})
	r.SDKs = hits
	return r
}

// fullPolicy is a policy in which every item is found, for negative tests.
func fullPolicy() *policy.Facts {
	p := &policy.Facts{
		Documents: []policy.Document{{Path: "privacy.html", Origin: "user"}},
		Items:     map[string]policy.Item{},
	}
	for _, k := range policy.ItemKeys {
		p.Items[k] = policy.Item{Found: true, Evidence: []policy.Evidence{{Path: "privacy.html", Sentence: "stated: " + k}}}
	}
	return p
}

// emptyPolicy is a policy text in which nothing was recognised.
func emptyPolicy() *policy.Facts {
	return &policy.Facts{Documents: []policy.Document{{Path: "privacy.html", Origin: "user"}}, Items: map[string]policy.Item{}}
}

func discloses(p *policy.Facts, key, sentence string, perms ...string) {
	p.PICategories = append(p.PICategories, policy.PIDisclosure{Category: key, Name: key, Permissions: perms,
		Evidence: []policy.Evidence{{Path: "privacy.html", Sentence: sentence}}})
}

// runRule runs one rule by ID.
func runRule(t *testing.T, id string, in *Input) []Finding {
	t.Helper()
	for _, c := range catalogue() {
		if c.Rule().ID == id {
			fs := runEnv(context.Background(), newEnv(context.Background(), in), []*ruleCheck{c})
			for _, f := range fs {
				if f.Rule != id || f.Fingerprint == "" || f.Message == "" || f.MessageZH == "" || len(f.Evidence) == 0 {
					t.Fatalf("%s: incomplete finding %+v", id, f)
				}
			}
			return fs
		}
	}
	t.Fatalf("rule %s not registered", id)
	return nil
}

func wantFindings(t *testing.T, fs []Finding, n int) {
	t.Helper()
	if len(fs) != n {
		for _, f := range fs {
			t.Logf("%s %s %s", f.Rule, f.Severity, f.Message)
		}
		t.Fatalf("got %d findings, want %d", len(fs), n)
	}
}

func mustContain(t *testing.T, s string, subs ...string) {
	t.Helper()
	for _, x := range subs {
		if !strings.Contains(s, x) {
			t.Fatalf("%q does not contain %q", s, x)
		}
	}
}
