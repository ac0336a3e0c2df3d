package policy

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hegui-dev/hegui/analyzer"
	"github.com/hegui-dev/hegui/analyzer/dex"
	"github.com/hegui-dev/hegui/internal/testcorpus"
)

func TestFromAPK(t *testing.T) {
	demo, err := os.ReadFile(filepath.Join("..", "testdata", "policy", "demo-privacy.html"))
	if err != nil {
		t.Fatal(err)
	}
	var agreement []byte
	if p, err := findCorpusFile("app-assets/piceasy-customer_agreement.html"); err == nil {
		agreement, _ = os.ReadFile(p)
	}
	if len(agreement) == 0 {
		// The user agreement is only a negative case; a short one of our own does too.
		agreement = []byte("<h1>用户服务协议</h1><p>" + strings.Repeat("用户应遵守本协议的约定，不得利用本软件从事违法活动。", 30) + "</p>")
	}
	f := &analyzer.Facts{
		Files: map[string][]byte{
			"assets/privacy.html":     demo,
			"assets/agreement.html":   agreement,
			"assets/config.json":      []byte(`{"a":1}`),
			"res/raw/licenses.txt":    []byte(strings.Repeat("Licensed under the Apache License, Version 2.0. ", 20)),
			"assets/fonts/readme.txt": []byte("font"),
		},
		Resources: analyzer.Resources{
			Strings: []string{
				"同意并继续",
				"请您务必审慎阅读、充分理解《用户协议》和《隐私政策》各条款。",
				"Accept",
				"https://www.apache.org/licenses/LICENSE-2.0",
			},
			Named: map[string]string{
				"privacy_url":        "https://m.example.cn/h5/p.html",
				"privacy_btn_agree":  "Agree",
				"app_name":           "小记事",
				"user_agreement_url": "https://m.example.cn/agreement.html",
			},
		},
		Dex: analyzer.DexInfo{Files: []analyzer.DexFile{{
			Name: "classes.dex",
			Parsed: &dex.File{Strings: []string{
				"https://www.example.cn/yinsi.html",
				"http://jabber.org/protocol/compress",
				"Accept",
				"https://api.example.cn/v1/upload",
				"不同意",
			}},
		}}},
	}
	p := FromAPK(f, testDB())
	if p == nil {
		t.Fatal("nil")
	}
	if len(p.Documents) != 1 || p.Documents[0].Path != "assets/privacy.html" || p.Documents[0].Origin != "asset" {
		t.Fatalf("documents %+v (only the privacy policy counts)", p.Documents)
	}
	if !p.Names("jpush") || p.AccountCancellationDays != 30 {
		t.Errorf("policy facts not read: sdks %v days %d", sdkIDs(p), p.AccountCancellationDays)
	}
	var urls []string
	for _, u := range p.URLs {
		urls = append(urls, u.Value+"@"+u.Path)
	}
	want := "https://m.example.cn/agreement.html@resources.arsc#string/user_agreement_url," +
		"https://m.example.cn/h5/p.html@resources.arsc#string/privacy_url," +
		"https://www.example.cn/yinsi.html@classes.dex"
	if strings.Join(urls, ",") != want {
		t.Errorf("urls\n got %s\nwant %s", strings.Join(urls, ","), want)
	}
	var dialog []string
	for _, d := range p.ConsentDialog {
		dialog = append(dialog, d.Value+"@"+d.Path)
	}
	want = "Agree@resources.arsc#string/privacy_btn_agree,不同意@classes.dex,同意并继续@resources.arsc," +
		"请您务必审慎阅读、充分理解《用户协议》和《隐私政策》各条款。@resources.arsc"
	if strings.Join(dialog, ",") != want {
		t.Errorf("dialog\n got %s\nwant %s", strings.Join(dialog, ","), want)
	}

	if FromAPK(&analyzer.Facts{}, nil) != nil {
		t.Error("empty APK gives facts")
	}
	// A policy shipped only as a long string resource.
	r := FromAPK(&analyzer.Facts{Resources: analyzer.Resources{NamedZH: map[string]string{"privacy_text": string(demo)}}}, testDB())
	if r == nil || len(r.Documents) != 1 || r.Documents[0].Path != "resources.arsc#string/privacy_text" || r.Documents[0].Origin != "resource" {
		t.Fatalf("resource policy: %+v", r)
	}
	if !r.Discloses("location") {
		t.Error("resource policy not analysed")
	}
}

// TestFromAABPaths: a bundle has no resources.arsc; resource evidence names its
// table, base/resources.pb (the analyzer's own fixture bundle, and its base module
// built as an APK for comparison).
func TestFromAABPaths(t *testing.T) {
	for _, c := range []struct{ file, table string }{
		{"fixture.aab", "base/resources.pb"},
		{"fixture-aab.apk", "resources.arsc"},
	} {
		af, err := analyzer.Analyze(context.Background(), filepath.Join("..", "analyzer", "testdata", c.file), analyzer.Options{})
		if err != nil {
			t.Fatal(err)
		}
		p := FromAPK(af, testDB())
		if p == nil {
			t.Fatalf("%s: no policy facts", c.file)
		}
		var paths []string
		for _, l := range [][]Found{p.URLs, p.ConsentDialog} {
			for _, x := range l {
				if x.Path != "classes.dex" && !strings.HasSuffix(x.Path, "/classes.dex") {
					paths = append(paths, x.Path)
				}
			}
		}
		if len(paths) == 0 {
			t.Fatalf("%s: no resource evidence", c.file)
		}
		for _, path := range paths {
			if path != c.table && !strings.HasPrefix(path, c.table+"#string/") {
				t.Errorf("%s: evidence path %q, want in %s", c.file, path, c.table)
			}
		}
	}
}

// TestDialogHintKeepsDetections: the literal pre-filter of isDialog never drops a
// string the regexp would accept, over every DEX and resource string of the
// fixture APKs and corpus APKs with consent dialogs.
func TestDialogHintKeepsDetections(t *testing.T) {
	apks := []string{"demo.apk", "kids.apk", "kids-settings.apk", "legacy.apk", "clean.apk"}
	for i := range apks {
		apks[i] = filepath.Join("..", "testdata", "apk", apks[i])
	}
	if d, _ := testcorpus.Find(); d != "" {
		for _, rel := range []string{"jpush-jbox-release.apk", "xpush-xgdemo.apk", "built/sdkmix-multidex.apk", "mob-sharesdk-sample-v3-release.apk"} {
			apks = append(apks, filepath.Join(d, "corpus", "apk", rel))
		}
	}
	checked, matched := 0, 0
	for _, p := range apks {
		f, err := analyzer.Analyze(context.Background(), p, analyzer.Options{})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		strs := append([]string{}, f.Resources.Strings...)
		for _, df := range f.Dex.Files {
			if df.Parsed != nil {
				strs = append(strs, df.Parsed.Strings...)
			}
		}
		for _, s := range strs {
			s = strings.TrimSpace(s)
			checked++
			if dialogRe.MatchString(s) {
				matched++
				if !dialogHint(s) {
					t.Errorf("%s: %q matches the regexp but not the hint", p, s)
				}
			}
		}
	}
	if matched == 0 {
		t.Fatalf("no dialog string among %d: the test proves nothing", checked)
	}
	t.Logf("%d strings, %d dialog matches", checked, matched)
	for _, s := range []string{"I have read and AGREE to the terms", "By tapping Continue you accept our Privacy Policy", "阅读并同意《隐私政策》"} {
		if !isDialog(s) {
			t.Errorf("%q not a dialog", s)
		}
	}
}
