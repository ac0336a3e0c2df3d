package analyzer

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/hegui-dev/hegui/analyzer/aab"
)

const (
	fixtureAAB    = "testdata/fixture.aab"
	fixtureAABAPK = "testdata/fixture-aab.apk" // the bundle's base module built as an APK
)

func analyzeFile(t *testing.T, p string) *Facts {
	t.Helper()
	f, err := Analyze(context.Background(), p, Options{NativeStrings: true})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// apkView rewrites a bundle's facts to APK paths and drops what only the
// bundle has (the camera feature module), so they compare with the APK's.
func apkView(f *Facts) *Facts {
	g := *f
	g.App.Location.Path = aabManifestToAPK(g.App.Location.Path)
	g.App.Permissions = []Permission{}
	for _, p := range f.App.Permissions {
		if p.Location.Path == aab.ManifestPath {
			p.Location.Path = manifestPath
			g.App.Permissions = append(g.App.Permissions, p)
		}
	}
	g.App.MetaData = nil // omitempty: nil and empty encode alike
	for _, md := range f.App.MetaData {
		if md.Name != "BUGLY_APPID" {
			g.App.MetaData = append(g.App.MetaData, md)
		}
	}
	g.Components = []Component{}
	for _, c := range f.Components {
		if c.Location.Path == aab.ManifestPath {
			c.Location.Path = manifestPath
			g.Components = append(g.Components, c)
		}
	}
	g.Dex.Files = []DexFile{}
	for _, d := range f.Dex.Files {
		if strings.HasPrefix(d.Name, "base/") {
			d.Name = f.APKPath(d.Name)
			g.Dex.Files = append(g.Dex.Files, d)
		}
	}
	g.NativeLibs = []NativeLib{}
	for _, l := range f.NativeLibs {
		l.Path = f.APKPath(l.Path)
		g.NativeLibs = append(g.NativeLibs, l)
	}
	g.Assets = []Asset{}
	for _, a := range f.Assets {
		a.Path = f.APKPath(a.Path)
		g.Assets = append(g.Assets, a)
	}
	g.Files = map[string][]byte{}
	for p, b := range f.Files {
		g.Files[f.APKPath(p)] = b
	}
	if f.Network != nil {
		n := *f.Network
		n.Path = f.APKPath(n.Path)
		g.Network = &n
	}
	return &g
}

func aabManifestToAPK(p string) string {
	if p == aab.ManifestPath {
		return manifestPath
	}
	return p
}

// A bundle and the APK built from the same sources give the same facts, but
// for the entry paths, the signature scheme and what the feature module adds.
func TestBundleMatchesAPK(t *testing.T) {
	bundle, apk := analyzeFile(t, fixtureAAB), analyzeFile(t, fixtureAABAPK)
	if bundle.Source.Kind != "aab" || apk.Source.Kind != "apk" {
		t.Fatalf("kinds %q %q", bundle.Source.Kind, apk.Source.Kind)
	}
	got := apkView(bundle)
	if got.App.Label != "Fixture Notes" || got.App.LabelZH != "合规笔记" || got.App.VersionName != "1.2.3" {
		t.Errorf("label %q / %q, version %q", got.App.Label, got.App.LabelZH, got.App.VersionName)
	}
	same := func(what string, g, w any) {
		t.Helper()
		gj, _ := json.MarshalIndent(g, "", " ")
		wj, _ := json.MarshalIndent(w, "", " ")
		if !bytes.Equal(gj, wj) {
			t.Errorf("%s differs:\n--- bundle\n%s\n--- apk\n%s", what, gj, wj)
		}
	}
	same("app", got.App, apk.App)
	same("components", got.Components, apk.Components)
	same("dex", got.Dex, apk.Dex)
	same("native libs", got.NativeLibs, apk.NativeLibs)
	same("assets", got.Assets, apk.Assets)
	same("resources", got.Resources, apk.Resources)
	same("network", got.Network, apk.Network)
	if !reflect.DeepEqual(got.Resources.Named, apk.Resources.Named) || !reflect.DeepEqual(got.Resources.NamedZH, apk.Resources.NamedZH) {
		t.Errorf("named strings:\n%v %v\n%v %v", got.Resources.Named, got.Resources.NamedZH, apk.Resources.Named, apk.Resources.NamedZH)
	}
	if !reflect.DeepEqual(got.Files, apk.Files) {
		t.Errorf("files %q, apk %q", keys(got.Files), keys(apk.Files))
	}
	for i, d := range apk.Dex.Files {
		if d.ClassCount == 0 || got.Dex.Files[i].Parsed == nil || len(got.Dex.Files[i].Parsed.Classes) != d.ClassCount {
			t.Errorf("%s: %d classes, bundle parsed %v", d.Name, d.ClassCount, got.Dex.Files[i].Parsed != nil)
		}
	}
	// Jar-signed with the same key the APK's v2/v3 signature uses.
	if s := bundle.Signing; s == nil || !s.V1 || s.V2 || len(s.Certificates) != 1 ||
		apk.Signing == nil || s.Certificates[0].SHA256 != apk.Signing.Certificates[0].SHA256 {
		t.Errorf("signing: bundle %+v, apk %+v", bundle.Signing, apk.Signing)
	}
	for _, d := range bundle.Diagnostics {
		t.Errorf("unexpected diagnostic %s: %s", d.Path, d.Message)
	}
}

// Paths in a bundle's facts are real entries of the .aab.
func TestBundlePaths(t *testing.T) {
	f := analyzeFile(t, fixtureAAB)
	var paths []string
	for _, d := range f.Dex.Files {
		paths = append(paths, d.Name)
	}
	for _, l := range f.NativeLibs {
		paths = append(paths, l.Path)
	}
	for _, a := range f.Assets {
		paths = append(paths, a.Path)
	}
	for p := range f.Files {
		paths = append(paths, p)
	}
	paths = append(paths, f.Network.Path, f.App.Location.Path)
	for _, c := range f.Components {
		paths = append(paths, c.Location.Path)
	}
	want := []string{"base/dex/classes.dex", "base/dex/classes2.dex", "camera/dex/classes.dex",
		"base/lib/arm64-v8a/libfixture.so", "base/assets/agreement.txt", "base/res/raw/privacy.html",
		"base/res/xml/nsc.xml", "camera/manifest/AndroidManifest.xml"}
	for _, w := range want {
		found := false
		for _, p := range paths {
			found = found || p == w
		}
		if !found {
			t.Errorf("no fact at %s (have %q)", w, paths)
		}
	}
	real := map[string]bool{}
	for _, n := range zipNames(t, fixtureAAB) {
		real[n] = true
	}
	for _, p := range paths {
		if !real[p] {
			t.Errorf("%s is not an entry of the bundle", p)
		}
	}
}

func zipNames(t *testing.T, p string) []string {
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range splitZip(t, b) {
		out = append(out, e.name)
	}
	return out
}

// The camera feature module's permission, components, meta-data and DEX join
// the app; its duplicate of a base permission and component does not.
func TestBundleFeatureModule(t *testing.T) {
	f := analyzeFile(t, fixtureAAB)
	const cam = "camera/manifest/AndroidManifest.xml"
	var perms []string
	for _, p := range f.App.Permissions {
		if p.Location.Path == cam {
			perms = append(perms, p.Name)
		}
	}
	if !reflect.DeepEqual(perms, []string{"android.permission.CAMERA"}) {
		t.Errorf("feature permissions %q, want CAMERA only (INTERNET is the base's)", perms)
	}
	var scan *Component
	mains := 0
	for i, c := range f.Components {
		if c.Name == "com.hegui.fixture.camera.ScanActivity" {
			scan = &f.Components[i]
		}
		if c.Name == "com.hegui.fixture.MainActivity" {
			mains++
			if c.Location.Path != aab.ManifestPath {
				t.Errorf("MainActivity from %s, want the base's declaration", c.Location.Path)
			}
		}
	}
	// targetSdk 30 comes from the base: an intent-filter without android:exported exports.
	if scan == nil || !scan.Exported || scan.ExportedExplicit || scan.Location.Path != cam ||
		len(scan.IntentFilters) != 1 || scan.IntentFilters[0].Actions[0] != "com.hegui.fixture.SCAN" {
		t.Errorf("ScanActivity = %+v", scan)
	}
	if mains != 1 {
		t.Errorf("MainActivity listed %d times", mains)
	}
	last := f.Dex.Files[len(f.Dex.Files)-1]
	if last.Name != "camera/dex/classes.dex" || last.ClassCount != 2 {
		t.Errorf("feature DEX %+v", last)
	}
	md := map[string]string{}
	for _, m := range f.App.MetaData {
		md[m.Name] = m.Value
	}
	if md["BUGLY_APPID"] != "abc123" || md["UMENG_APPKEY"] == "" {
		t.Errorf("meta-data %v", md)
	}
}

func TestBundleDeterministic(t *testing.T) {
	a, _ := json.Marshal(analyzeFile(t, fixtureAAB))
	b, _ := json.Marshal(analyzeFile(t, fixtureAAB))
	if !bytes.Equal(a, b) {
		t.Error("two runs differ")
	}
}

type zipEntry struct {
	name string
	data []byte
}

// splitZip reads every entry of a ZIP (test input only).
func splitZip(t *testing.T, b []byte) []zipEntry {
	t.Helper()
	zr, err := zipReader(b)
	if err != nil {
		t.Fatal(err)
	}
	var out []zipEntry
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		buf.ReadFrom(rc)
		rc.Close()
		out = append(out, zipEntry{f.Name, buf.Bytes()})
	}
	return out
}

// Damaged bundles: every entry of the fixture cut, flipped or emptied in turn.
// Analysis never panics; it fails only when the base manifest is unreadable, and
// then names the file.
func TestBundleMutations(t *testing.T) {
	b, err := os.ReadFile(fixtureAAB)
	if err != nil {
		t.Fatal(err)
	}
	entries := splitZip(t, b)
	dir := t.TempDir()
	mutations := map[string]func([]byte) []byte{
		"empty": func([]byte) []byte { return nil },
		"half":  func(d []byte) []byte { return d[:len(d)/2] },
		"flipped": func(d []byte) []byte {
			d = bytes.Clone(d)
			for i := 0; i < len(d); i += 7 {
				d[i] ^= 0xa5
			}
			return d
		},
		"tail-cut": func(d []byte) []byte { return d[:max(0, len(d)-3)] },
	}
	runs := 0
	for i, e := range entries {
		for mname, mut := range mutations {
			files := map[string][]byte{}
			for j, o := range entries {
				files[o.name] = o.data
				if j == i {
					files[o.name] = mut(o.data)
				}
			}
			p := filepath.Join(dir, "m.aab")
			if err := os.WriteFile(p, zipOf(t, files), 0o644); err != nil {
				t.Fatal(err)
			}
			f, err := Analyze(context.Background(), p, Options{})
			runs++
			switch {
			case err != nil:
				if e.name != aab.ManifestPath || !strings.Contains(err.Error(), p) || !strings.Contains(err.Error(), "AAB") {
					t.Errorf("%s %s: %v", e.name, mname, err)
				}
			case f.Source.Kind != "aab" || f.App.Package == "":
				t.Errorf("%s %s: kind %q package %q", e.name, mname, f.Source.Kind, f.App.Package)
			}
		}
	}
	if runs < 40 {
		t.Errorf("only %d mutated bundles", runs)
	}
	// Cancellation is honoured.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Analyze(ctx, fixtureAAB, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

func zipReader(b []byte) (*zip.Reader, error) {
	return zip.NewReader(bytes.NewReader(b), int64(len(b)))
}
