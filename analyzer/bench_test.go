package analyzer

import (
	"context"
	"github.com/hegui-dev/hegui/internal/testcorpus"
	"path/filepath"
	"testing"

	"github.com/avast/apkparser"
)

func appiumAPK(b *testing.B) string {
	p := filepath.Join(testcorpus.Dir(b), "corpus", "apk", "appium-uiautomator2-server-v10.6.6.apk")
	return p
}

// BenchmarkAnalyzeAppium is full extraction of an 18 MB APK with 16 DEX files.
func BenchmarkAnalyzeAppium(b *testing.B) {
	p := appiumAPK(b)
	b.ReportAllocs()
	for b.Loop() {
		f, err := Analyze(context.Background(), p, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(f.Dex.Files) != 16 {
			b.Fatalf("%d DEX files", len(f.Dex.Files))
		}
	}
}

// BenchmarkInflateFloor only inflates the entries Analyze reads in bulk (every
// DEX, the manifest, resources.arsc), one after another: the floor to compare with.
func BenchmarkInflateFloor(b *testing.B) {
	p := appiumAPK(b)
	b.ReportAllocs()
	for b.Loop() {
		z, err := apkparser.OpenZip(p)
		if err != nil {
			b.Fatal(err)
		}
		a := newArchive(z, nil, 0) // an intact archive: the local-header index is not needed
		names := append(dexOrder(a), manifestPath, "resources.arsc")
		total := 0
		for _, n := range names {
			data, err := a.read(n, maxDexSize)
			if err != nil {
				b.Fatal(err)
			}
			total += len(data)
		}
		z.Close()
		b.SetBytes(int64(total))
	}
}
