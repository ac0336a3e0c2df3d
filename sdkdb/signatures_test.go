package sdkdb_test

// These tests check the SDK data files against real vendor binaries in the shared
// corpus. An entry whose `verified` starts with "corpus:" names one or more corpus
// paths (jar, aar or directory), separated by ";", for example
//
//	verified: "corpus:sdkjar/jpush; corpus:sdkjar/jcore; unverified: cn.jiguang.push."
//
// Every package prefix must prefix at least one class found in those sources, every
// native_libs glob must match at least one .so file name, and every exact class must
// exist, except the signals listed after "public:" (confirmed from public code, with
// the evidence in parentheses) or "unverified:" (not confirmed anywhere yet). Only
// encoding/yaml and archive/zip are used on purpose: this test must not depend on the
// detector, which is developed separately.

import (
	"archive/zip"
	"bytes"
	"fmt"
	"github.com/hegui-dev/hegui/internal/testcorpus"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/hegui-dev/hegui/sdkdb"
)

// maxMember bounds how much of one archive member (a nested classes.jar) is read.
const maxMember = 256 << 20

type dataFile struct {
	name    string
	entries []sdkdb.Entry
}

func loadData(t *testing.T) []dataFile {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("data", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no sdkdb/data/*.yaml files")
	}
	sort.Strings(paths)
	var out []dataFile
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		dec := yaml.NewDecoder(bytes.NewReader(b))
		dec.KnownFields(true)
		var es []sdkdb.Entry
		if err := dec.Decode(&es); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		out = append(out, dataFile{name: p, entries: es})
	}
	return out
}

// binContent is what one corpus source holds: dotted class names and .so base names.
type binContent struct {
	classes []string // sorted
	libs    []string
}

type verification struct {
	sources    []string
	unverified map[string]bool
}

func parseVerified(v string) (verification, bool) {
	if !strings.HasPrefix(v, "corpus:") {
		return verification{}, false
	}
	res := verification{unverified: map[string]bool{}}
	for _, item := range strings.Split(v, ";") {
		item = strings.TrimSpace(item)
		switch {
		case strings.HasPrefix(item, "corpus:"):
			res.sources = append(res.sources, strings.TrimSpace(strings.TrimPrefix(item, "corpus:")))
		case strings.HasPrefix(item, "public:"):
			// Confirmed from public code, not corpus binaries: exempt here,
			// checked for shape by TestVerifiedNamesRealSignals.
			sigs, _, _ := strings.Cut(strings.TrimPrefix(item, "public:"), " (")
			for _, s := range strings.Split(sigs, ",") {
				if s = strings.TrimSpace(s); s != "" {
					res.unverified[s] = true
				}
			}
		case strings.HasPrefix(item, "unverified:"):
			for _, s := range strings.Split(strings.TrimPrefix(item, "unverified:"), ",") {
				if s = strings.TrimSpace(s); s != "" {
					res.unverified[s] = true
				}
			}
		}
	}
	return res, true
}

type corpusReader struct {
	root  string
	cache map[string]*binContent
}

func (r *corpusReader) load(rel string) (*binContent, error) {
	if c, ok := r.cache[rel]; ok {
		return c, nil
	}
	full := filepath.Join(r.root, filepath.FromSlash(rel))
	st, err := os.Stat(full)
	if err != nil {
		return nil, err
	}
	c := &binContent{}
	add := func(p string) error {
		switch strings.ToLower(filepath.Ext(p)) {
		case ".jar", ".aar":
			zr, err := zip.OpenReader(p)
			if err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
			defer zr.Close()
			return scanZip(&zr.Reader, p, c, 0)
		case ".so":
			c.libs = append(c.libs, filepath.Base(p))
		}
		return nil
	}
	if st.IsDir() {
		err = filepath.WalkDir(full, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			return add(p)
		})
	} else {
		err = add(full)
	}
	if err != nil {
		return nil, err
	}
	sort.Strings(c.classes)
	r.cache[rel] = c
	return c, nil
}

// scanZip collects classes and .so names from a jar/aar, descending into nested jars
// (an aar's classes.jar and libs/*.jar) one level deep.
func scanZip(zr *zip.Reader, name string, c *binContent, depth int) error {
	for _, f := range zr.File {
		switch {
		case strings.HasSuffix(f.Name, ".class"):
			cls := strings.ReplaceAll(strings.TrimSuffix(f.Name, ".class"), "/", ".")
			c.classes = append(c.classes, cls)
		case strings.HasSuffix(f.Name, ".so"):
			c.libs = append(c.libs, path.Base(f.Name))
		case strings.HasSuffix(f.Name, ".jar") && depth == 0:
			rc, err := f.Open()
			if err != nil {
				return fmt.Errorf("%s!%s: %w", name, f.Name, err)
			}
			b, err := io.ReadAll(io.LimitReader(rc, maxMember+1))
			rc.Close()
			if err != nil {
				return fmt.Errorf("%s!%s: %w", name, f.Name, err)
			}
			if len(b) > maxMember {
				return fmt.Errorf("%s!%s: nested jar larger than %d bytes", name, f.Name, maxMember)
			}
			inner, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
			if err != nil {
				return fmt.Errorf("%s!%s: %w", name, f.Name, err)
			}
			if err := scanZip(inner, name+"!"+f.Name, c, depth+1); err != nil {
				return err
			}
		}
	}
	return nil
}

func hasPrefix(sorted []string, prefix string) bool {
	i := sort.SearchStrings(sorted, prefix)
	return i < len(sorted) && strings.HasPrefix(sorted[i], prefix)
}

func hasExact(sorted []string, s string) bool {
	i := sort.SearchStrings(sorted, s)
	return i < len(sorted) && sorted[i] == s
}

func TestSignaturesAgainstCorpus(t *testing.T) {
	files := loadData(t)
	r := &corpusReader{root: filepath.Join(testcorpus.Dir(t), "corpus"), cache: map[string]*binContent{}}
	checked := 0
	for _, df := range files {
		for _, e := range df.entries {
			v, ok := parseVerified(e.Verified)
			if !ok {
				continue
			}
			checked++
			if len(v.sources) == 0 {
				t.Errorf("%s: %s: verified names no corpus source", df.name, e.ID)
				continue
			}
			var classes, libs []string
			for _, src := range v.sources {
				c, err := r.load(src)
				if err != nil {
					t.Errorf("%s: %s: corpus source %q: %v", df.name, e.ID, src, err)
					continue
				}
				classes = append(classes, c.classes...)
				libs = append(libs, c.libs...)
			}
			sort.Strings(classes)
			tested := 0
			for _, p := range e.Signals.Packages {
				if v.unverified[p] {
					continue
				}
				tested++
				if !hasPrefix(classes, p) {
					t.Errorf("%s: %s: package prefix %q matches no class in %v", df.name, e.ID, p, v.sources)
				}
			}
			for _, cl := range e.Signals.Classes {
				if v.unverified[cl] {
					continue
				}
				tested++
				if !hasExact(classes, cl) {
					t.Errorf("%s: %s: class %q not found in %v", df.name, e.ID, cl, v.sources)
				}
			}
			for _, g := range e.Signals.NativeLibs {
				if v.unverified[g] {
					continue
				}
				tested++
				matched := false
				for _, l := range libs {
					if ok, err := path.Match(g, l); err != nil {
						t.Errorf("%s: %s: bad native_libs glob %q: %v", df.name, e.ID, g, err)
						break
					} else if ok {
						matched = true
						break
					}
				}
				if !matched {
					t.Errorf("%s: %s: native_libs glob %q matches no .so in %v", df.name, e.ID, g, v.sources)
				}
			}
			if tested == 0 {
				t.Errorf("%s: %s: claims corpus verification but no signal was checked", df.name, e.ID)
			}
		}
	}
	if checked < 40 {
		t.Errorf("only %d entries are corpus-verified; expected the ~49 corpus SDK families to be covered", checked)
	}
	t.Logf("%d entries checked against corpus binaries", checked)
}

// TestPrefixesAreNotTooBroad guards against vendor roots that swallow other products.
func TestPrefixesAreNotTooBroad(t *testing.T) {
	banned := map[string]bool{
		"com.tencent.": true, "com.baidu.": true, "com.google.": true, "com.alibaba.": true,
		"com.bytedance.": true, "com.huawei.hms.": true, "com.facebook.": true, "com.alipay.": true,
		"com.huawei.": true, "com.xiaomi.": true, "com.taobao.": true, "com.ss.android.": true,
		"com.amap.api.": true, "com.alipay.mobile.": true, "com.amap.": true, "com.qq.": true,
		"com.sina.": true, "com.netease.": true, "com.umeng.": true,
	}
	owner := map[string]string{}
	for _, df := range loadData(t) {
		for _, e := range df.entries {
			for _, p := range e.Signals.Packages {
				if !strings.HasSuffix(p, ".") {
					t.Errorf("%s: %s: package prefix %q must end with '.'", df.name, e.ID, p)
				}
				if banned[p] {
					t.Errorf("%s: %s: package prefix %q is a vendor root that swallows other products", df.name, e.ID, p)
				}
				if strings.HasPrefix(p, "com.facebook.stetho") && e.ID != "stetho" {
					t.Errorf("%s: %s: com.facebook.stetho is a debug library, not the Facebook SDK", df.name, e.ID)
				}
				if o, dup := owner[p]; dup {
					t.Errorf("%s: package prefix %q claimed by both %s and %s", df.name, p, o, e.ID)
				}
				owner[p] = e.ID
			}
		}
	}
}

// TestDataShape checks file/category agreement and unique IDs, and reports the counts
// the project promises: at least 300 SDKs, at least 200 of them Chinese.
func TestDataShape(t *testing.T) {
	ids := map[string]string{}
	byCat := map[string]int{}
	var total, cn, overseas int
	for _, df := range loadData(t) {
		cat := strings.TrimSuffix(filepath.Base(df.name), ".yaml")
		for _, e := range df.entries {
			if e.Category != cat {
				t.Errorf("%s: %s: category %q does not match the file", df.name, e.ID, e.Category)
			}
			if e.ID == "" || e.Name == "" || e.Vendor == "" || e.Country == "" {
				t.Errorf("%s: entry %q lacks id, name, vendor or country", df.name, e.ID)
			}
			if prev, dup := ids[e.ID]; dup {
				t.Errorf("%s: duplicate id %q (also in %s)", df.name, e.ID, prev)
			}
			ids[e.ID] = df.name
			total++
			byCat[cat]++
			if e.Country == "CN" {
				cn++
			}
			if e.Overseas {
				overseas++
			}
		}
	}
	cats := make([]string, 0, len(byCat))
	for c := range byCat {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	var b strings.Builder
	for _, c := range cats {
		fmt.Fprintf(&b, " %s=%d", c, byCat[c])
	}
	t.Logf("entries=%d chinese(country CN)=%d overseas(PI leaves mainland)=%d by category:%s", total, cn, overseas, b.String())
	if total < 300 || cn < 200 {
		t.Errorf("sdkdb has %d entries (%d Chinese); want at least 300 and 200", total, cn)
	}
}
