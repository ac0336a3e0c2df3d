package source

import (
	"archive/zip"
	"bytes"
	"context"
	"path/filepath"
	"testing"
)

// TestFileTreeIncludeWithInnerDoubleStar: a Gradle include with "**" between
// directories ("vendor/**/*.jar") reaches jars at any depth, as Gradle's does.
func TestFileTreeIncludeWithInnerDoubleStar(t *testing.T) {
	root := miniProject(t)
	mustWrite(t, filepath.Join(root, "app/build.gradle"), miniBuild+
		"dependencies { implementation fileTree(dir: 'libs', include: ['vendor/**/*.jar']) }\n")
	var jar bytes.Buffer
	zw := zip.NewWriter(&jar)
	w, err := zw.Create("com/umeng/analytics/MobclickAgent.class")
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte{0xca, 0xfe, 0xba, 0xbe})
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(root, "app/libs/vendor/umeng/v9/umeng.jar"), jar.String())
	f, err := Analyze(context.Background(), root)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range f.Dex.Files {
		if d.Name == "app/libs/vendor/umeng/v9/umeng.jar" {
			return
		}
	}
	var names []string
	for _, d := range f.Dex.Files {
		names = append(names, d.Name)
	}
	t.Fatalf("the jar two directories below vendor/ is not read; class sources: %v", names)
}
