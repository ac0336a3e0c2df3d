package source

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hegui-dev/hegui/analyzer"
)

// tagLineBefore is the line of the last "<"+tag at or before the first line
// holding needle: where the element that carries needle starts.
func tagLineBefore(t *testing.T, dir, rel, tag, needle string) int {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	start := 0
	for i, l := range strings.Split(string(b), "\n") {
		if strings.Contains(l, "<"+tag) {
			start = i + 1
		}
		if strings.Contains(l, needle) {
			return start
		}
	}
	t.Fatalf("%q not in %s", needle, rel)
	return 0
}

// The <application> flags and meta-data carry file:line evidence in source trees.
func TestApplicationLocations(t *testing.T) {
	f, dir := analyzeFixture(t, "groovy-app")
	const man = "app/src/main/AndroidManifest.xml"
	a := f.App
	if want := (analyzer.Location{Path: man, Line: lineOf(t, dir, man, "<application")}); a.ApplicationLocation != want {
		t.Errorf("application location = %+v, want %+v", a.ApplicationLocation, want)
	}
	for _, k := range []string{"android:allowBackup", "android:networkSecurityConfig"} {
		if want := (analyzer.Location{Path: man, Line: lineOf(t, dir, man, k+"=")}); a.ApplicationAttrLocations[k] != want {
			t.Errorf("%s location = %+v, want %+v", k, a.ApplicationAttrLocations[k], want)
		}
	}
	if l, ok := a.ApplicationAttrLocations["android:debuggable"]; ok {
		t.Errorf("absent android:debuggable located at %+v", l)
	}
	for _, name := range []string{"JPUSH_APPKEY", "UMENG_APPKEY"} {
		want := analyzer.Location{Path: man, Line: tagLineBefore(t, dir, man, "meta-data", `"`+name+`"`)}
		found := false
		for _, m := range a.MetaData {
			if m.Name == name {
				found = true
				if m.Location != want {
					t.Errorf("meta-data %s location = %+v, want %+v", name, m.Location, want)
				}
			}
		}
		if !found {
			t.Errorf("meta-data %s missing", name)
		}
	}
}

// A flag set by a library manifest is located there; an attribute name quoted in
// another attribute's value (tools:replace) is not taken for the attribute.
func TestApplicationAttrFromLibrary(t *testing.T) {
	root := t.TempDir()
	mustWrite(t, filepath.Join(root, "settings.gradle"), "include ':app', ':lib'\n")
	mustWrite(t, filepath.Join(root, "app/build.gradle"), miniBuild+"dependencies { implementation project(':lib') }\n")
	const appMan = "app/src/main/AndroidManifest.xml"
	mustWrite(t, filepath.Join(root, appMan), `<manifest xmlns:android="http://schemas.android.com/apk/res/android"
    xmlns:tools="http://schemas.android.com/tools">
  <application
      tools:replace="android:debuggable"
      android:name=".MiniApp"
      android:debuggable
        =
        "true">
    <activity android:name=".Main">
      <meta-data android:name="screen" android:value="main"/>
    </activity>
  </application>
</manifest>`)
	mustWrite(t, filepath.Join(root, "lib/build.gradle"), "plugins { id 'com.android.library' }\nandroid { namespace 'com.mini.lib' }\n")
	const libMan = "lib/src/main/AndroidManifest.xml"
	mustWrite(t, filepath.Join(root, libMan), `<manifest xmlns:android="http://schemas.android.com/apk/res/android">

  <application android:usesCleartextTraffic="true"
      android:debuggable="false"/>
</manifest>`)
	f, err := Analyze(context.Background(), root)
	if err != nil {
		t.Fatal(err)
	}
	a := f.App
	if a.Debuggable == nil || !*a.Debuggable || a.UsesCleartext == nil || !*a.UsesCleartext {
		t.Fatalf("debuggable %v, cleartext %v", a.Debuggable, a.UsesCleartext)
	}
	want := map[string]analyzer.Location{
		"android:debuggable":           {Path: appMan, Line: 6},
		"android:usesCleartextTraffic": {Path: libMan, Line: 3},
	}
	if len(a.ApplicationAttrLocations) != len(want) {
		t.Errorf("attribute locations = %+v, want %+v", a.ApplicationAttrLocations, want)
	}
	for k, l := range want {
		if a.ApplicationAttrLocations[k] != l {
			t.Errorf("%s at %+v, want %+v", k, a.ApplicationAttrLocations[k], l)
		}
	}
	if a.ApplicationLocation != (analyzer.Location{Path: appMan, Line: 3}) {
		t.Errorf("application location = %+v", a.ApplicationLocation)
	}
	var c *analyzer.Component
	for i := range f.Components {
		if f.Components[i].Name == "com.mini.Main" {
			c = &f.Components[i]
		}
	}
	if c == nil || len(c.MetaData) != 1 || c.MetaData[0].Location != (analyzer.Location{Path: appMan, Line: 10}) {
		t.Errorf("component meta-data = %+v", c)
	}
}
