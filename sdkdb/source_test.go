package sdkdb

import (
	"context"
	"testing"

	"github.com/hegui-dev/hegui/analyzer/source"
)

// TestDetectSourceFixture runs the source-tree analyzer on the repository's
// groovy-app fixture (Gradle deps on JPush/JCore/Umeng, a local MSA jar, Java code
// that calls JPushInterface and UMConfigure) and checks what the detector makes of it.
func TestDetectSourceFixture(t *testing.T) {
	db, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	f, err := source.Analyze(context.Background(), "../testdata/src/groovy-app")
	if err != nil {
		t.Fatal(err)
	}
	r := db.Detect(f)
	got := map[string]Hit{}
	for _, h := range r.SDKs {
		got[h.ID] = h
		t.Logf("%s %s used=%v classes=%d", h.ID, h.Confidence, h.Used, h.ClassCount)
		for _, e := range h.Evidence {
			t.Logf("    %s %s @%s:%d count=%d %v", e.Kind, e.Value, e.Path, e.Line, e.Count, e.Samples)
		}
	}
	want := map[string]struct {
		conf string
		used bool
	}{
		"jpush":           {ConfHigh, true},    // Gradle + JPushInterface calls + manifest
		"umeng_analytics": {ConfHigh, true},    // Gradle + UMConfigure.init
		"jcore":           {ConfMedium, false}, // Gradle only (its meta-data keys are shared with jpush)
		"msa_oaid":        {ConfMedium, false}, // 3 classes of a local jar, never called
	}
	if len(got) != len(want) {
		t.Errorf("got %d SDKs, want %d", len(got), len(want))
	}
	for id, w := range want {
		h, ok := got[id]
		if !ok || h.Confidence != w.conf || h.Used != w.used {
			t.Errorf("%s: found=%v confidence %q used %v, want %q %v", id, ok, h.Confidence, h.Used, w.conf, w.used)
		}
	}
	for _, e := range got["jpush"].Evidence {
		if e.Kind == KindComponent && (e.Path != "app/src/main/AndroidManifest.xml" || e.Line == 0) {
			t.Errorf("component evidence without its source line: %+v", e)
		}
		if e.Kind == KindMaven && (e.Path != "app/build.gradle" || e.Line == 0) {
			t.Errorf("maven evidence without its line: %+v", e)
		}
	}
}
