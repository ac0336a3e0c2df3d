package sdkdb

import (
	"bytes"
	"context"
	"github.com/hegui-dev/hegui/internal/testcorpus"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/hegui-dev/hegui/analyzer"
)

func corpusAPKDir(t testing.TB) string { return testcorpus.Path(t, "apk") }

// label is the ground truth for one corpus APK.
type label struct {
	APK  string   `yaml:"apk"`  // relative to corpus/apk
	SDKs []string `yaml:"sdks"` // entry IDs truly present
	Why  string   `yaml:"why"`  // how the truth was decided
}

func readLabels(t *testing.T) []label {
	data, err := os.ReadFile("testdata/labels.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var labels []label
	if err := dec.Decode(&labels); err != nil {
		t.Fatalf("testdata/labels.yaml: %v", err)
	}
	return labels
}

// TestAccuracyOnCorpus runs the analyzer and the detector on every labelled corpus
// APK and measures precision and recall over (APK, SDK) pairs.
func TestAccuracyOnCorpus(t *testing.T) {
	apkDir := corpusAPKDir(t)
	db, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	labels := readLabels(t)
	if len(labels) < 20 {
		t.Fatalf("only %d labelled APKs", len(labels))
	}
	var tp, fp, fn int
	for _, l := range labels {
		for _, id := range l.SDKs {
			if db.Get(id) == nil {
				t.Errorf("%s: label %q is not a database entry (a present SDK the database lacks counts as missed)", l.APK, id)
			}
		}
		f, err := analyzer.Analyze(context.Background(), filepath.Join(apkDir, l.APK), analyzer.Options{})
		if err != nil {
			t.Errorf("%s: %v", l.APK, err)
			fn += len(l.SDKs)
			continue
		}
		r := db.Detect(f)
		var got []string
		conf := map[string]string{}
		for _, h := range r.SDKs {
			got = append(got, h.ID)
			conf[h.ID] = h.Confidence
		}
		var fps, fns []string
		for _, h := range r.SDKs {
			if slices.Contains(l.SDKs, h.ID) {
				tp++
				continue
			}
			fp++
			fps = append(fps, h.ID+"("+conf[h.ID]+")")
			for _, e := range h.Evidence {
				t.Logf("  false+ %s evidence: %s %s @%s count=%d %v", h.ID, e.Kind, e.Value, e.Path, e.Count, e.Samples)
			}
		}
		for _, id := range l.SDKs {
			if !slices.Contains(got, id) {
				fn++
				fns = append(fns, id)
			}
		}
		sort.Strings(fps)
		sort.Strings(fns)
		if len(fps)+len(fns) > 0 {
			t.Logf("%-55s false+ %v  false- %v", l.APK, fps, fns)
		}
		if len(r.Packers) > 0 {
			t.Logf("%s: packers %v", l.APK, r.Packers)
		}
	}
	precision := ratio(tp, tp+fp)
	recall := ratio(tp, tp+fn)
	t.Logf("labelled APKs %d, (apk,sdk) pairs: true+ %d false+ %d false- %d; precision %.3f recall %.3f",
		len(labels), tp, fp, fn, precision, recall)
	if precision < 0.95 || recall < 0.95 {
		t.Errorf("precision %.3f / recall %.3f below 0.95", precision, recall)
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// TestLabelsCoverCorpus keeps labels.yaml in step with the corpus: every APK the
// analyzer can read is labelled (an unlabelled APK would hide false positives).
func TestLabelsCoverCorpus(t *testing.T) {
	apkDir := corpusAPKDir(t)
	labelled := map[string]bool{}
	for _, l := range readLabels(t) {
		if labelled[l.APK] {
			t.Errorf("%s labelled twice", l.APK)
		}
		labelled[l.APK] = true
		if _, err := os.Stat(filepath.Join(apkDir, l.APK)); err != nil {
			t.Errorf("labelled APK missing: %v", err)
		}
	}
	err := filepath.WalkDir(apkDir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".apk") {
			return err
		}
		rel, _ := filepath.Rel(apkDir, p)
		if !labelled[filepath.ToSlash(rel)] {
			if _, aerr := analyzer.Analyze(context.Background(), p, analyzer.Options{}); aerr == nil {
				t.Errorf("%s is readable but not in testdata/labels.yaml", rel)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// BenchmarkDetectLargeAPK times Detect alone (not the analyzer) on the corpus's
// largest APK: 16 DEX files, ~20k classes.
func BenchmarkDetectLargeAPK(b *testing.B) {
	apkDir := corpusAPKDir(b)
	db, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	f, err := analyzer.Analyze(context.Background(), filepath.Join(apkDir, "appium-uiautomator2-server-v10.6.6.apk"), analyzer.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		db.Detect(f)
	}
}
