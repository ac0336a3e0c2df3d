package source

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func fixtureFile(t testing.TB, rel string) []byte {
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "src", rel))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// FuzzAnalyzeProject writes a one-module project from the fuzzer's build script,
// version catalog, manifest, Java and Kotlin sources, and analyses it: a source
// tree from a pull request is as hostile as an APK.
func FuzzAnalyzeProject(f *testing.F) {
	f.Add(fixtureFile(f, "groovy-app/app/build.gradle"),
		fixtureFile(f, "kotlin-catalog/gradle/libs.versions.toml"),
		fixtureFile(f, "groovy-app/app/src/main/AndroidManifest.xml"),
		fixtureFile(f, "groovy-app/app/src/main/java/com/hegui/groovyapp/App.java"),
		fixtureFile(f, "kotlin-catalog/app/src/main/java/com/hegui/kcat/ui/HomeActivity.kt"))
	f.Add([]byte("dependencies {"), []byte("[libraries]\na = {"), []byte("<manifest"), []byte("class A { void f() { \"${"), []byte("fun f() = \"\"\"${{"))
	f.Fuzz(func(t *testing.T, gradle, toml, manifest, java, kotlin []byte) {
		dir := t.TempDir()
		files := map[string][]byte{
			"settings.gradle":                  []byte("include ':app'\n"),
			"gradle/libs.versions.toml":        toml,
			"app/build.gradle":                 gradle,
			"app/src/main/AndroidManifest.xml": manifest,
			"app/src/main/java/p/Main.java":    java,
			"app/src/main/java/p/Main.kt":      kotlin,
		}
		for rel, b := range files {
			p := filepath.Join(dir, filepath.FromSlash(rel))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		start := time.Now()
		facts, err := Analyze(ctx, dir)
		if d := time.Since(start); d > 5*time.Second {
			t.Fatalf("analysis of a %d-byte project took %v", len(gradle)+len(toml)+len(manifest)+len(java)+len(kotlin), d)
		}
		if err == nil && facts == nil {
			t.Fatal("no facts and no error")
		}
	})
}
