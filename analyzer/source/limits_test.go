package source

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const miniSettings = "include ':app'\n"
const miniBuild = "plugins { id 'com.android.application' }\nandroid { namespace 'com.mini'; defaultConfig { applicationId 'com.mini'; targetSdk 33 } }\n"
const miniManifest = `<manifest xmlns:android="http://schemas.android.com/apk/res/android">
  <uses-permission android:name="android.permission.INTERNET"/>
  <application android:name=".MiniApp" android:label="@string/app_name"/>
</manifest>`

const sensitiveJava = `package com.outside;
import android.telephony.TelephonyManager;
public class Leak {
    void leak(TelephonyManager tm) { tm.getDeviceId(); }
}
`

func miniProject(t *testing.T) string {
	root := t.TempDir()
	mustWrite(t, filepath.Join(root, "settings.gradle"), miniSettings)
	mustWrite(t, filepath.Join(root, "app/build.gradle"), miniBuild)
	mustWrite(t, filepath.Join(root, "app/src/main/AndroidManifest.xml"), miniManifest)
	mustWrite(t, filepath.Join(root, "app/src/main/java/com/mini/MiniApp.java"),
		"package com.mini;\nimport android.app.Application;\npublic class MiniApp extends Application {\n  public void onCreate() { super.onCreate(); }\n}\n")
	return root
}

func TestSymlinksNotFollowed(t *testing.T) {
	root := miniProject(t)
	outside := t.TempDir()
	mustWrite(t, filepath.Join(outside, "java/com/outside/Leak.java"), sensitiveJava)
	mustWrite(t, filepath.Join(outside, "strings.xml"), `<resources><string name="app_name">Outside</string></resources>`)
	mustWrite(t, filepath.Join(outside, "secret.txt"), "outside secret")
	links := map[string]string{
		"app/src/main/java/com/outside":          filepath.Join(outside, "java/com/outside"), // directory
		"app/src/main/res/values/strings.xml":    filepath.Join(outside, "strings.xml"),      // file
		"app/src/main/assets/secret.txt":         filepath.Join(outside, "secret.txt"),
		"app/src/main/java/com/mini/Leak.java":   filepath.Join(outside, "java/com/outside/Leak.java"),
		"app/src/main/assets/up":                 "../../../..", // a loop back up the tree
		"app/src/release/AndroidManifest.xml":    "/etc/passwd",
		"app/src/main/java/com/mini/Dangling.kt": filepath.Join(outside, "missing.kt"),
	}
	for l, target := range links {
		p := filepath.Join(root, filepath.FromSlash(l))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, p); err != nil {
			t.Skipf("symlinks unsupported here: %v", err)
		}
	}
	f, err := Analyze(context.Background(), root)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range f.Code.Calls {
		if strings.Contains(c.Location.Path, "outside") || strings.Contains(c.Location.Path, "Leak") || c.Member == "getDeviceId" {
			t.Errorf("code behind a symlink analysed: %+v", c)
		}
	}
	if f.App.Label == "Outside" || len(f.Resources.Named) != 0 {
		t.Errorf("strings.xml behind a symlink read: %q %v", f.App.Label, f.Resources.Named)
	}
	for p := range f.Files {
		if strings.Contains(p, "secret") || strings.Contains(p, "up/") {
			t.Errorf("file behind a symlink read: %s", p)
		}
	}
	if f.App.Package != "com.mini" || f.App.ApplicationClass != "com.mini.MiniApp" || findCall(f, "android.app.Application", "onCreate", "onCreate") == nil {
		t.Errorf("the real project was not read: %+v", f.App)
	}
	reported := 0
	for _, d := range f.Diagnostics {
		if strings.Contains(d.Message, "symbolic link") {
			reported++
		}
	}
	if reported != len(links) {
		t.Errorf("%d symlinks reported, want %d: %+v", reported, len(links), f.Diagnostics)
	}
	// The root itself may be a symlink (a CI checkout path); its contents are read.
	linkRoot := filepath.Join(t.TempDir(), "checkout")
	if err := os.Symlink(root, linkRoot); err != nil {
		t.Fatal(err)
	}
	g, err := Analyze(context.Background(), linkRoot)
	if err != nil || g.App.Package != "com.mini" {
		t.Errorf("symlinked root: %v %+v", err, g)
	}
}

func TestBoundedSizes(t *testing.T) {
	root := miniProject(t)
	lim := DefaultLimits
	lim.MaxSourceFile = 64 << 10
	lim.MaxFiles = 40
	// A source file just over the limit is skipped and reported, never read.
	big := "package com.mini;\nimport android.telephony.TelephonyManager;\nclass Big { void f(TelephonyManager tm) { tm.getImei(); } }\n" +
		strings.Repeat("// padding padding padding padding padding padding padding\n", 1200)
	mustWrite(t, filepath.Join(root, "app/src/main/java/com/mini/Big.java"), big)
	mustWrite(t, filepath.Join(root, "app/src/main/res/values/strings.xml"),
		"<resources>"+strings.Repeat(`<string name="x">y</string>`, 4000)+"</resources>")
	f, err := AnalyzeWith(context.Background(), root, lim)
	if err != nil {
		t.Fatal(err)
	}
	if findCall(f, "android.telephony.TelephonyManager", "getImei", "") != nil {
		t.Error("oversized source file analysed")
	}
	msgs := map[string]string{}
	for _, d := range f.Diagnostics {
		msgs[d.Path] = d.Message
	}
	if !strings.Contains(msgs["app/src/main/java/com/mini/Big.java"], "limit") || !strings.Contains(msgs["app/src/main/res/values/strings.xml"], "limit") {
		t.Errorf("oversized files not reported: %v", msgs)
	}

	// More files than MaxFiles: the walk stops and says so.
	for i := 0; i < 60; i++ {
		mustWrite(t, filepath.Join(root, fmt.Sprintf("app/src/main/assets/a%02d.txt", i)), "x")
	}
	f, err = AnalyzeWith(context.Background(), root, lim)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Assets) > lim.MaxFiles || !strings.Contains(fmt.Sprint(f.Diagnostics), "more than 40 files") {
		t.Errorf("file count not bounded: %d assets, %v", len(f.Assets), f.Diagnostics)
	}
}

// An aar whose classes.jar claims more bytes than the archive limit is refused with
// a diagnostic naming the entry; the rest of the project is still read.
func TestArchiveLimits(t *testing.T) {
	root := miniProject(t)
	mustWrite(t, filepath.Join(root, "app/build.gradle"), miniBuild+"dependencies { implementation fileTree(dir: 'libs', include: ['*.aar', '*.jar']) }\n")
	var inner bytes.Buffer
	zw := zip.NewWriter(&inner)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "com/umeng/analytics/MobclickAgent.class", Method: zip.Store})
	w.Write(bytes.Repeat([]byte{0}, 300<<10))
	zw.Close()
	var aar bytes.Buffer
	zw = zip.NewWriter(&aar)
	w, _ = zw.Create("classes.jar")
	w.Write(inner.Bytes())
	zw.Close()
	mustWrite(t, filepath.Join(root, "app/libs/big.aar"), aar.String())
	mustWrite(t, filepath.Join(root, "app/libs/broken.jar"), "PK\x03\x04 not really a zip")
	mustWrite(t, filepath.Join(root, "app/libs/arm64-v8a/libjcore412.so"), "\x7fELF")
	mustWrite(t, filepath.Join(root, "app/src/main/jniLibs/armeabi-v7a/libmsaoaidsec.so"), "\x7fELF")
	mustWrite(t, filepath.Join(root, "app/libs/notes/libnot-an-abi.so"), "\x7fELF")
	mustWrite(t, filepath.Join(root, "app/src/main/assets/plugin.apk"), "PK")
	lim := DefaultLimits
	lim.MaxArchive = 64 << 10 // classes.jar is ~300 KB uncompressed, the aar ~1 KB
	f, err := AnalyzeWith(context.Background(), root, lim)
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(f.Diagnostics)
	if !strings.Contains(got, "app/libs/big.aar!/classes.jar") || !strings.Contains(got, "app/libs/broken.jar") {
		t.Errorf("archive problems not reported: %s", got)
	}
	if f.App.Package != "com.mini" {
		t.Error("project not read after archive errors")
	}
	var libs []string
	for _, l := range f.NativeLibs {
		libs = append(libs, l.ABI+"/"+l.Name)
	}
	if strings.Join(libs, " ") != "arm64-v8a/libjcore412.so armeabi-v7a/libmsaoaidsec.so" {
		t.Errorf("native libs = %v", libs)
	}
	if len(f.Dex.Hidden) != 1 || f.Dex.Hidden[0].Path != "app/src/main/assets/plugin.apk" || f.Dex.Hidden[0].Kind != "apk" {
		t.Errorf("hidden code = %+v", f.Dex.Hidden)
	}
	lim.MaxArchive = DefaultLimits.MaxArchive
	f, _ = AnalyzeWith(context.Background(), root, lim)
	classes := 0
	for _, d := range f.Dex.Files {
		if d.Name == "app/libs/big.aar" {
			classes = d.ClassCount
		}
	}
	if classes != 1 {
		t.Errorf("aar classes.jar within limits not listed: %+v", f.Dex.Files)
	}
}

// Hostile source text: the lexer and walker must end quickly and never panic.
func TestHostileSource(t *testing.T) {
	inputs := []string{
		`class A { void f() { String s = "unterminated`,
		`/* never closed`,
		`val s = """raw ${ "nested ${ "deeper }` + "\n",
		strings.Repeat("{", 100000),
		strings.Repeat("}", 100000) + "class X { void f() { a.b(); } }",
		strings.Repeat("(", 50000) + "x.y(" + strings.Repeat(")", 10),
		strings.Repeat("a.", 50000) + "b()",
		`char c = '\''; char d = '{'; class B { void g() { h(); } void h() {} }`,
		"package\nimport\nimport static\nimport a.b.*\nclass",
		"fun <T> fun fun(fun: fun) = fun",
		strings.Repeat(`"${`, 200000),
		"x" + strings.Repeat("!!", 200000) + ".y()",
		"a" + strings.Repeat(".getInstance()", 100000) + ".b()",
	}
	r := rand.New(rand.NewSource(7))
	for i := 0; i < 200; i++ {
		b := make([]byte, r.Intn(4096))
		const alphabet = "{}()[]<>\"'`$.:;,=/* \n\tabcXYZ_09@!?"
		for j := range b {
			b[j] = alphabet[r.Intn(len(alphabet))]
		}
		inputs = append(inputs, string(b))
	}
	start := time.Now()
	for i, in := range inputs {
		for _, kt := range []bool{false, true} {
			f := &fileDecls{path: fmt.Sprintf("in%d", i), kotlin: kt, toks: lex([]byte(in), kt), methods: map[string]map[string]bool{}}
			parseHeader(f)
			(&walker{f: f}).walk(nil)
			ix := buildIndex([]*fileDecls{f})
			scanRefs(ix, f)
		}
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("hostile inputs took %v", d)
	}
}

func TestLexer(t *testing.T) {
	src := "a /* { */ b // }\n\"s{\\\"}\" 'c' '\\'' `q w` \"\"\"x\n{\"\"\" \"t${f(\"}\")}u\" z"
	var got []string
	for _, tk := range lex([]byte(src), true) {
		got = append(got, fmt.Sprintf("%d:%s", tk.line, tk.text))
	}
	want := "1:a 1:b 2:s{\"} 2:q w 2:x\n{ 3:f 3:( 3:} 3:) 3:tu 3:z"
	if strings.Join(got, " ") != want {
		t.Errorf("tokens = %q\nwant     %q", strings.Join(got, " "), want)
	}
}

// BenchmarkAnalyzeLargeTree analyses a generated project of 10,000 files: Java and
// Kotlin sources, resources and assets, in a temp dir.
func BenchmarkAnalyzeLargeTree(b *testing.B) {
	root := b.TempDir()
	mustWrite(b, filepath.Join(root, "settings.gradle"), miniSettings)
	mustWrite(b, filepath.Join(root, "app/build.gradle"), miniBuild+"dependencies { implementation 'cn.jiguang.sdk:jpush:5.2.0' }\n")
	mustWrite(b, filepath.Join(root, "app/src/main/AndroidManifest.xml"), miniManifest)
	const n = 10000
	for i := 0; i < n-3; i++ {
		pkg := fmt.Sprintf("com/mini/p%02d", i%50)
		switch i % 4 {
		case 0, 1:
			mustWrite(b, filepath.Join(root, "app/src/main/java", pkg, fmt.Sprintf("C%d.java", i)), fmt.Sprintf(`package %s;
import android.telephony.TelephonyManager;
import android.content.Context;
public class C%d {
    private final TelephonyManager tm;
    C%d(Context ctx) { tm = (TelephonyManager) ctx.getSystemService(Context.TELEPHONY_SERVICE); }
    String id() { /* { */ String s = "}"; return tm.getDeviceId() + s + helper(%d); }
    private String helper(int x) { for (int i = 0; i < x; i++) { if (i %% 2 == 0) { continue; } } return "content://x/" + x; }
}
`, strings.ReplaceAll(pkg, "/", "."), i, i, i))
		case 2:
			mustWrite(b, filepath.Join(root, "app/src/main/java", pkg, fmt.Sprintf("K%d.kt", i)), fmt.Sprintf(`package %s
import android.content.ClipboardManager
import android.content.Context
class K%d(private val ctx: Context) {
    fun clip(): String? {
        val cm = ctx.getSystemService(Context.CLIPBOARD_SERVICE) as ClipboardManager
        return cm.primaryClip?.getItemAt(0)?.text?.toString() + """{raw}"""
    }
}
`, strings.ReplaceAll(pkg, "/", "."), i))
		case 3:
			mustWrite(b, filepath.Join(root, fmt.Sprintf("app/src/main/assets/docs/d%d.txt", i)), "隐私政策 "+strings.Repeat("x", 200))
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f, err := Analyze(context.Background(), root)
		if err != nil {
			b.Fatal(err)
		}
		if f.Code.FilesScanned < n/2 || len(f.Code.Calls) < n {
			b.Fatalf("scanned %d files, %d calls", f.Code.FilesScanned, len(f.Code.Calls))
		}
	}
}
