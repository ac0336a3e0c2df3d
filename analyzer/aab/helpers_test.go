package aab

import (
	"archive/zip"
	"io"
	"testing"
)

const (
	fixtureAAB = "../testdata/fixture.aab"
	fixtureAPK = "../testdata/fixture-aab.apk" // the same base module built as an APK
)

// entry reads one entry of a ZIP with archive/zip.
func entry(t testing.TB, zipPath, name string) []byte {
	t.Helper()
	zr, err := zip.OpenReader(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, 8<<20))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	t.Fatalf("%s: no entry %s", zipPath, name)
	return nil
}
