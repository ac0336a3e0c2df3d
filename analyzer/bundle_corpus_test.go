package analyzer

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// bundleOf lays out an APK converted to aapt2's protobuf format as a bundle's
// base module: what bundletool would have been given to build that APK.
func bundleOf(t *testing.T, protoAPK, out string) {
	t.Helper()
	zr, err := zip.OpenReader(protoAPK)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	seen := map[string]bool{}
	for _, f := range zr.File {
		if f.FileInfo().IsDir() || seen[f.Name] {
			continue
		}
		seen[f.Name] = true
		name := f.Name
		switch {
		case name == "AndroidManifest.xml":
			name = "base/manifest/AndroidManifest.xml"
		case name == "resources.pb":
			name = "base/resources.pb"
		case topDex.MatchString(name):
			name = "base/dex/" + name
		case strings.HasPrefix(name, "META-INF/"):
		case strings.HasPrefix(name, "lib/"), strings.HasPrefix(name, "assets/"), strings.HasPrefix(name, "res/"):
			name = "base/" + name
		default:
			name = "base/root/" + name
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		fw, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(fw, rc); err != nil {
			t.Fatalf("%s %s: %v", protoAPK, f.Name, err)
		}
		rc.Close()
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Real APKs of the corpus, converted with `aapt2 convert --output-format proto`
// and laid out as bundles, give the facts of the APK itself.
func TestCorpusBundlesMatchAPKs(t *testing.T) {
	if testing.Short() {
		t.Skip("converts and analyses ~40 APKs twice; skipped with -short")
	}
	apks := corpusAPKs(t)
	if _, err := exec.LookPath("aapt2"); err != nil {
		t.Skip("aapt2 not installed; bundle corpus test skipped")
	}
	dir := t.TempDir()
	compared := 0
	for _, apk := range apks {
		if st, err := os.Stat(apk); err != nil || st.Size() > 5<<20 {
			continue
		}
		name := filepath.Base(apk)
		proto := filepath.Join(dir, name+".proto.apk")
		if out, err := exec.Command("aapt2", "convert", "--output-format", "proto", "-o", proto, apk).CombinedOutput(); err != nil {
			t.Logf("%s: aapt2 convert failed, skipped: %s", name, firstLine(string(out)))
			continue
		}
		aabPath := filepath.Join(dir, name+".aab")
		bundleOf(t, proto, aabPath)
		want, err := Analyze(context.Background(), apk, Options{})
		if err != nil {
			t.Logf("%s: %v", name, err)
			continue
		}
		got, err := Analyze(context.Background(), aabPath, Options{})
		if err != nil {
			t.Errorf("%s as a bundle: %v", name, err)
			continue
		}
		g := apkView(got)
		for what, pair := range map[string][2]any{
			"app": {g.App, want.App}, "components": {g.Components, want.Components},
			"native libs": {g.NativeLibs, want.NativeLibs}, "assets": {g.Assets, want.Assets},
			"labels":        {[2]string{g.App.Label, g.App.LabelZH}, [2]string{want.App.Label, want.App.LabelZH}},
			"named strings": {[2]any{g.Resources.Named, g.Resources.NamedZH}, [2]any{want.Resources.Named, want.Resources.NamedZH}},
		} {
			gj, _ := json.Marshal(pair[0])
			wj, _ := json.Marshal(pair[1])
			if !bytes.Equal(gj, wj) {
				t.Errorf("%s: %s differ:\nbundle %.600s\napk    %.600s", name, what, gj, wj)
			}
		}
		if len(g.Dex.Files) != len(want.Dex.Files) {
			t.Errorf("%s: %d DEX files, APK %d", name, len(g.Dex.Files), len(want.Dex.Files))
		} else {
			for i := range g.Dex.Files {
				if g.Dex.Files[i].ClassCount != want.Dex.Files[i].ClassCount {
					t.Errorf("%s: %s has %d classes, APK %d", name, g.Dex.Files[i].Name, g.Dex.Files[i].ClassCount, want.Dex.Files[i].ClassCount)
				}
			}
		}
		compared++
	}
	t.Logf("%d corpus APKs compared as bundles", compared)
	if compared == 0 {
		t.Skip("no corpus APK could be converted")
	}
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}
