package dex

import (
	"archive/zip"
	"github.com/hegui-dev/hegui/internal/testcorpus"
	"io"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

const appiumAPK = "appium-uiautomator2-server-v10.6.6.apk" // 18 MB, 16 DEX files

func benchInputs(b *testing.B) (names []string, sets map[string][][]byte) {
	shared, why := testcorpus.Find()
	if shared == "" {
		b.Skip(why)
	}
	sets = map[string][][]byte{}
	loose, _ := filepath.Glob(filepath.Join(shared, "corpus", "dex", "*.dex"))
	sort.Strings(loose)
	for _, p := range loose {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		names = append(names, filepath.Base(p))
		sets[filepath.Base(p)] = [][]byte{data}
	}
	zr, err := zip.OpenReader(filepath.Join(shared, "corpus", "apk", appiumAPK))
	if err != nil {
		b.Fatal(err)
	}
	defer zr.Close()
	for _, e := range zr.File {
		if dexEntry.MatchString(e.Name) {
			rc, err := e.Open()
			if err != nil {
				b.Fatal(err)
			}
			data, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				b.Fatal(err)
			}
			sets[appiumAPK] = append(sets[appiumAPK], data)
		}
	}
	return append(names, appiumAPK), sets
}

// BenchmarkParse reports ns/op and MB/s (of DEX bytes) for each corpus DEX and for
// all 16 DEX files of the appium APK parsed one after another.
func BenchmarkParse(b *testing.B) {
	names, sets := benchInputs(b)
	for _, name := range names {
		set := sets[name]
		var size int64
		for _, d := range set {
			size += int64(len(d))
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, d := range set {
					if _, err := Parse(d, Limits{}); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkInflateFloor is the bare cost of inflating the appium APK's DEX
// entries: the floor that full fact extraction is compared against.
func BenchmarkInflateFloor(b *testing.B) {
	shared, why := testcorpus.Find()
	if shared == "" {
		b.Skip(why)
	}
	zr, err := zip.OpenReader(filepath.Join(shared, "corpus", "apk", appiumAPK))
	if err != nil {
		b.Fatal(err)
	}
	defer zr.Close()
	var size int64
	for _, e := range zr.File {
		if dexEntry.MatchString(e.Name) {
			size += int64(e.UncompressedSize64)
		}
	}
	b.SetBytes(size)
	for b.Loop() {
		for _, e := range zr.File {
			if dexEntry.MatchString(e.Name) {
				rc, err := e.Open()
				if err != nil {
					b.Fatal(err)
				}
				if _, err := io.ReadAll(rc); err != nil {
					b.Fatal(err)
				}
				rc.Close()
			}
		}
	}
}
