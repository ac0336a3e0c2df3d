package sdkdb

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var testFS = os.DirFS("testdata/db")

func loadTest(t *testing.T, extra ...string) *DB {
	t.Helper()
	db, err := loadFS(testFS, extra...)
	if err != nil {
		t.Fatalf("loading test database: %v", err)
	}
	return db
}

func TestEmbeddedDatabaseIsValid(t *testing.T) {
	db, err := Load()
	if err != nil {
		t.Fatalf("embedded database: %v", err)
	}
	if len(db.Entries) < 100 {
		t.Fatalf("embedded database has %d entries; sdkdb/data/*.yaml not embedded?", len(db.Entries))
	}
	counts := map[string]int{}
	for i, e := range db.Entries {
		counts[e.Category]++
		if i > 0 {
			p := db.Entries[i-1]
			if p.Category > e.Category || p.Category == e.Category && p.ID >= e.ID {
				t.Errorf("entries not sorted by category then id: %s/%s before %s/%s", p.Category, p.ID, e.Category, e.ID)
			}
		}
		if db.Get(e.ID) != &db.Entries[i] {
			t.Errorf("Get(%q) does not return the entry", e.ID)
		}
	}
	for _, c := range Categories() {
		t.Logf("category %-9s %3d SDKs", c, counts[c])
	}
	t.Logf("total %d SDKs", len(db.Entries))
}

func TestLoadSortsAndIndexes(t *testing.T) {
	db := loadTest(t)
	if len(db.Entries) != 11 {
		t.Fatalf("got %d entries, want the 11 of testdata/db", len(db.Entries))
	}
	if db.Entries[0].Category != CatAnalytics || db.Entries[len(db.Entries)-1].Category != CatSocial {
		t.Errorf("first/last categories %q/%q, want analytics/social", db.Entries[0].Category, db.Entries[len(db.Entries)-1].Category)
	}
	if got := db.Source("jpush"); got != "sdkdb/data/testdb.yaml" {
		t.Errorf("Source(jpush) = %q", got)
	}
}

func TestUserFileOverridesAndAdds(t *testing.T) {
	db := loadTest(t, "testdata/user/override.yaml")
	if len(db.Entries) != 12 {
		t.Fatalf("got %d entries, want 11 embedded + 1 new", len(db.Entries))
	}
	jp := db.Get("jpush")
	if jp.Name != "JPush (internal build)" || len(jp.Signals.Components) != 0 {
		t.Errorf("jpush not replaced by the user entry: %+v", jp)
	}
	if db.Source("jpush") != "testdata/user/override.yaml" {
		t.Errorf("jpush source %q", db.Source("jpush"))
	}
	if db.Get("acme_tracker") == nil || db.Get("umeng_analytics") == nil {
		t.Fatal("user entry not added or embedded entry lost")
	}
	r := db.Detect(factsWith(nil, "lib/arm64-v8a/libacmetrack.so"))
	if len(r.SDKs) != 1 || r.SDKs[0].ID != "acme_tracker" {
		t.Errorf("user entry not used by Detect: %+v", r.SDKs)
	}
}

func TestUserFileErrors(t *testing.T) {
	const good = `
- id: acme
  name: ACME
  vendor: ACME Ltd.
  category: analytics
  country: US
  signals:
    packages: [com.acme.]
`
	cases := []struct {
		name, yaml string
		want       []string // substrings of the error
	}{
		{"unknown field", strings.Replace(good, "country: US", "country: US\n  homepage: x", 1), []string{"bad.yaml", "homepage", "not found"}},
		{"not a sequence", "id: acme\nname: x\n", []string{"bad.yaml", "cannot unmarshal"}},
		{"syntax", "- id: [unclosed\n", []string{"bad.yaml", "yaml"}},
		{"empty", "", []string{"bad.yaml", "no entries"}},
		{"two documents", good + "---\n" + good, []string{"bad.yaml", "more than one YAML document"}},
		{"bad category", strings.Replace(good, "analytics", "tracking", 1), []string{"bad.yaml", `entry "acme"`, `category "tracking"`}},
		{"prefix without dot", strings.Replace(good, "com.acme.", "com.acme", 1), []string{`entry "acme"`, `"com.acme" must end with '.'`}},
		{"too broad", strings.Replace(good, "com.acme.", "com.tencent.", 1), []string{`entry "acme"`, "too broad"}},
		{"bad glob", strings.Replace(good, "packages: [com.acme.]", "native_libs: [\"libacme[.so\"]", 1), []string{`entry "acme"`, "native_libs glob"}},
		{"no signals", strings.Replace(good, "packages: [com.acme.]", "permissions: [android.permission.INTERNET]", 1), []string{`entry "acme"`, "no signal"}},
		{"missing id", strings.Replace(good, "id: acme", "id: \"\"", 1), []string{"entry #1", "lowercase slug"}},
		{"duplicate id", good + strings.TrimPrefix(good, "\n"), []string{`entry "acme"`, "duplicate id"}},
		{"bad maven", strings.Replace(good, "packages: [com.acme.]", "maven: [com.acme]", 1), []string{"group:artifact"}},
		{"swallows another vendor", strings.Replace(good, "com.acme.", "cn.jpush.", 1), []string{`entry "acme"`, `"cn.jpush." swallows "cn.jpush.android."`, "overlaps"}},
		{"same prefix twice", strings.Replace(good, "com.acme.", "com.umeng.analytics.", 1), []string{`"com.umeng.analytics." is also claimed by "umeng_analytics"`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "bad.yaml")
			if err := os.WriteFile(file, []byte(c.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := loadFS(testFS, file)
			if err == nil {
				t.Fatalf("no error for %s", c.name)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
	if _, err := loadFS(testFS, "testdata/user/missing.yaml"); err == nil || !strings.Contains(err.Error(), "missing.yaml") {
		t.Errorf("missing file: %v", err)
	}
}

func TestOverlapsAllowsDeliberateNesting(t *testing.T) {
	const y = `
- id: acme
  name: ACME
  vendor: ACME Ltd.
  category: analytics
  country: US
  overlaps: [jpush]
  signals:
    packages: [cn.jpush.]
`
	file := filepath.Join(t.TempDir(), "nest.yaml")
	if err := os.WriteFile(file, []byte(y), 0o644); err != nil {
		t.Fatal(err)
	}
	db, err := loadFS(testFS, file)
	if err != nil {
		t.Fatalf("overlaps did not allow the nesting: %v", err)
	}
	r := db.Detect(factsWith([]string{"cn.jpush.android.api.JPushInterface", "cn.jpush.other.Thing"}))
	if got := r.Owner("cn.jpush.android.api.JPushInterface"); got != "jpush" {
		t.Errorf("longest prefix must still win: Owner = %q", got)
	}
	if got := r.Owner("cn.jpush.other.Thing"); got != "acme" {
		t.Errorf("Owner(cn.jpush.other.Thing) = %q, want acme", got)
	}
}
