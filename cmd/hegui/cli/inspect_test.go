package cli

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var inspectFixture = filepath.Join("..", "..", "..", "analyzer", "testdata", "fixture.apk")

func TestInspectJSON(t *testing.T) {
	var out, errb bytes.Buffer
	if code := Run([]string{"inspect", "--format", "json", inspectFixture}, &out, &errb); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var v struct {
		App struct {
			Package     string `json:"package"`
			VersionName string `json:"version_name"`
			TargetSDK   int    `json:"target_sdk"`
			Permissions []struct {
				Name string `json:"name"`
			} `json:"permissions"`
		} `json:"app"`
		Components []struct {
			Type     string `json:"type"`
			Name     string `json:"name"`
			Exported *bool  `json:"exported"`
		} `json:"components"`
		Dex struct {
			Files []struct {
				Name       string `json:"name"`
				ClassCount *int   `json:"class_count"`
			} `json:"files"`
		} `json:"dex"`
		NativeLibs []json.RawMessage `json:"native_libs"`
	}
	if err := json.Unmarshal(out.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	if v.App.Package != "com.hegui.fixture" || v.App.VersionName != "1.2.3" || v.App.TargetSDK != 30 ||
		len(v.App.Permissions) != 4 || v.App.Permissions[0].Name != "android.permission.INTERNET" {
		t.Errorf("app %+v", v.App)
	}
	if len(v.Components) != 6 || v.Components[0].Type != "activity" || v.Components[0].Exported == nil || !*v.Components[0].Exported {
		t.Errorf("components %+v", v.Components)
	}
	if len(v.Dex.Files) != 2 || v.Dex.Files[0].Name != "classes.dex" || v.Dex.Files[0].ClassCount == nil || *v.Dex.Files[0].ClassCount != 2 {
		t.Errorf("dex %+v", v.Dex)
	}
	if len(v.NativeLibs) != 2 {
		t.Errorf("native libs %d", len(v.NativeLibs))
	}
	if !strings.HasPrefix(out.String(), "{\n  \"source\"") {
		t.Errorf("not indented by 2: %.40q", out.String())
	}
}

func TestInspectTableAndBadInput(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "broken.apk")
	var out, errb bytes.Buffer
	code := Run([]string{"inspect", bad, inspectFixture}, &out, &errb)
	if code != ExitInput {
		t.Errorf("exit %d, want %d", code, ExitInput)
	}
	if !strings.Contains(errb.String(), "broken.apk") {
		t.Errorf("stderr does not name the bad file: %q", errb.String())
	}
	for _, want := range []string{"com.hegui.fixture", "合规笔记", "android.permission.READ_PHONE_STATE",
		"com.hegui.fixture.BootReceiver", "classes4.dex", "libfixture.so", "res/raw/privacy.html", "classes2.dex"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("table output lacks %q", want)
		}
	}
	if code := Run([]string{"inspect", "--format", "yaml", inspectFixture}, &out, &errb); code != ExitUsage {
		t.Errorf("bad --format: exit %d", code)
	}
}

func TestInspectSourceTree(t *testing.T) {
	var out, errb bytes.Buffer
	tree := "../../../testdata/src/groovy-app"
	if code := Run([]string{"inspect", "--format", "json", tree}, &out, &errb); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var facts struct {
		Source struct{ Kind string } `json:"source"`
		App    struct {
			Package     string `json:"package"`
			Permissions []struct {
				Name     string `json:"name"`
				Location struct {
					Path string `json:"path"`
					Line int    `json:"line"`
				} `json:"location"`
			} `json:"permissions"`
		} `json:"app"`
	}
	if err := json.Unmarshal(out.Bytes(), &facts); err != nil {
		t.Fatal(err)
	}
	if facts.Source.Kind != "source" || facts.App.Package != "com.hegui.groovyapp" {
		t.Fatalf("source kind %q, package %q", facts.Source.Kind, facts.App.Package)
	}
	found := false
	for _, p := range facts.App.Permissions {
		if p.Name == "android.permission.READ_PHONE_STATE" {
			found = p.Location.Line > 0 && strings.HasSuffix(p.Location.Path, "AndroidManifest.xml")
		}
	}
	if !found {
		t.Fatalf("READ_PHONE_STATE with a manifest file:line not in %+v", facts.App.Permissions)
	}
}

// hostileFixture rewrites the fixture APK with labels carrying an ANSI escape
// sequence and a right-to-left override, as a hostile APK would.
func hostileFixture(t *testing.T) string {
	t.Helper()
	zr, err := zip.OpenReader(inspectFixture)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	patched := 0
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == "resources.arsc" {
			// Same lengths in bytes and characters, so the string pool stays valid.
			for old, evil := range map[string]string{"Fixture Notes": "\x1b[31mEvil!\x1b[m", "合规笔记": "\u202e记笔规"} {
				if bytes.Count(b, []byte(old)) != 1 {
					t.Fatalf("resources.arsc holds %q %d times", old, bytes.Count(b, []byte(old)))
				}
				b = bytes.Replace(b, []byte(old), []byte(evil), 1)
				patched++
			}
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: f.Method})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	if err := zw.Close(); err != nil || patched != 2 {
		t.Fatalf("close %v, patched %d", err, patched)
	}
	p := filepath.Join(t.TempDir(), "evil.apk")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestInspectTableEscapesControls(t *testing.T) {
	apk := hostileFixture(t)
	var out, errb bytes.Buffer
	if code := Run([]string{"inspect", apk}, &out, &errb); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	s := out.String()
	for _, raw := range []string{"\x1b", "\u202e"} {
		if strings.Contains(s, raw) {
			t.Errorf("table output holds raw %q", raw)
		}
	}
	for _, want := range []string{`\x1b[31mEvil!\x1b[m`, `\u202E记笔规`, "com.hegui.fixture"} {
		if !strings.Contains(s, want) {
			t.Errorf("table output lacks %q", want)
		}
	}
	// JSON keeps the real value (encoding/json escapes the ESC itself).
	out.Reset()
	if code := Run([]string{"inspect", "--format", "json", apk}, &out, &errb); code != ExitOK {
		t.Fatalf("json: exit %d", code)
	}
	var v struct {
		App struct {
			LabelZH string `json:"label_zh"`
		} `json:"app"`
	}
	if strings.Contains(out.String(), "\x1b") {
		t.Error("JSON holds a raw ESC")
	}
	if err := json.Unmarshal(out.Bytes(), &v); err != nil || v.App.LabelZH != "\u202e记笔规" {
		t.Errorf("json label_zh %q (%v)", v.App.LabelZH, err)
	}
}

func TestTermSafe(t *testing.T) {
	for in, want := range map[string]string{
		"合规笔记":           "合规笔记",
		"a\x1b[2Jb":      `a\x1b[2Jb`,
		"x\u009by":       `x\u009By`,
		"l\u2067r\u2069": `l\u2067r\u2069`,
		"bad\xffutf8":    `bad\xffutf8`,
		"two\nlines\t":   `two\x0alines\x09`,
	} {
		if got := termSafe(in); got != want {
			t.Errorf("termSafe(%q) = %q, want %q", in, got, want)
		}
	}
}

// A download cut inside the fixture's classes.dex: the table names the DEX and says
// the results are incomplete.
func TestInspectTruncatedAPK(t *testing.T) {
	b, err := os.ReadFile(inspectFixture)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(b, []byte("PK\x03\x04"))
	for i >= 0 && !bytes.HasPrefix(b[i+30:], []byte("classes.dex")) {
		j := bytes.Index(b[i+4:], []byte("PK\x03\x04"))
		if j < 0 {
			t.Fatal("no local header for classes.dex")
		}
		i += 4 + j
	}
	p := filepath.Join(t.TempDir(), "cut.apk")
	if err := os.WriteFile(p, b[:i+100], 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := Run([]string{"inspect", p}, &out, &errb); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, want := range []string{"│ classes.dex ", "(results incomplete) cut short", "│ cut.apk ", "central directory missing"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("table lacks %q", want)
		}
	}
}
