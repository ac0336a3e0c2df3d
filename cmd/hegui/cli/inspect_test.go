package cli

import (
	"bytes"
	"encoding/json"
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
