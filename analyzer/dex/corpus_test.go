package dex

import (
	"archive/zip"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

var dexEntry = regexp.MustCompile(`^classes[0-9]*\.dex$`)

// forEachCorpusDex calls fn with every corpus/dex/*.dex and every classesN.dex
// inside every APK under corpus/apk, in a stable order.
func forEachCorpusDex(t testing.TB, shared string, fn func(name string, b []byte)) {
	t.Helper()
	corpus := filepath.Join(shared, "corpus")
	loose, _ := filepath.Glob(filepath.Join(corpus, "dex", "*.dex"))
	sort.Strings(loose)
	for _, p := range loose {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		fn(strings.TrimPrefix(p, corpus+"/"), b)
	}
	var apks []string
	filepath.WalkDir(filepath.Join(corpus, "apk"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".apk") {
			apks = append(apks, p)
		}
		return nil
	})
	sort.Strings(apks)
	for _, p := range apks {
		zr, err := zip.OpenReader(p)
		if err != nil {
			continue // deliberately broken APKs in the corpus
		}
		for _, e := range zr.File {
			if !dexEntry.MatchString(e.Name) || e.UncompressedSize64 > 64<<20 {
				continue
			}
			rc, err := e.Open()
			if err != nil {
				continue
			}
			b, err := io.ReadAll(io.LimitReader(rc, 64<<20))
			rc.Close()
			if err != nil {
				continue // bad compression method or CRC: not a DEX question
			}
			fn(strings.TrimPrefix(p, corpus+"/")+"!"+e.Name, b)
		}
		zr.Close()
	}
}
