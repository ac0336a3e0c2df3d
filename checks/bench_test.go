package checks

import (
	"context"
	"github.com/hegui-dev/hegui/internal/testcorpus"
	"os"
	"testing"

	"github.com/hegui-dev/hegui/analyzer"
	"github.com/hegui-dev/hegui/policy"
)

// BenchmarkRunLargestCorpusAPK measures the whole check suite (code index, call
// graph, every rule) on the corpus's largest APK (16 DEX files):
//
//	HEGUI_SHARED=/work/shared go test ./checks -run '^$' -bench RunLargest -benchtime 5x
func BenchmarkRunLargestCorpusAPK(b *testing.B) {
	p := testcorpus.Path(b, "apk", "appium-uiautomator2-server-v10.6.6.apk")
	if _, err := os.Stat(p); err != nil {
		b.Skipf("corpus APK not found (set HEGUI_SHARED): %v", err)
	}
	dbOnce.Do(func() { db, dbErr = loadDB() })
	if dbErr != nil {
		b.Fatal(dbErr)
	}
	f, err := analyzer.Analyze(context.Background(), p, analyzer.Options{})
	if err != nil {
		b.Fatal(err)
	}
	in := &Input{Facts: f, SDKs: db.Detect(f), Policy: policy.FromAPK(f, db)}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Run(context.Background(), in)
	}
}
