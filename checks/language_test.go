package checks_test

import (
	"context"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/hegui-dev/hegui/pipeline"
)

// englishProse is three lower-case English words in a row: hegui's own words, not
// code (TelephonyManager.getDeviceId, <uses-permission …>) or a name.
var englishProse = regexp.MustCompile(`\b[a-z]{2,}[ ,]+[a-z]{2,}[ ,]+[a-z]{2,}\b`)

// R2-13: a Chinese report shows no English sentences: every zh message and every
// snippet that is hegui's own words has a zh form, and English messages start with
// a capital letter.
func TestMessagesOneLanguage(t *testing.T) {
	type scan struct{ target, policy string }
	var scans []scan
	for _, a := range []string{"clean.apk", "demo.apk", "kids-settings.apk", "kids.apk", "legacy.apk"} {
		for _, p := range []string{"", "negations-zh.md", "deficient-zh.txt", "english.md"} {
			scans = append(scans, scan{filepath.Join("apk", a), p})
		}
	}
	for _, s := range []string{"groovy-app", "kotlin-catalog", "multi-module"} {
		scans = append(scans, scan{filepath.Join("src", s), ""}, scan{filepath.Join("src", s), "complete-zh.html"})
	}
	seen := map[string]bool{}
	for _, s := range scans {
		var pol []string
		if s.policy != "" {
			pol = append(pol, filepath.Join("..", "testdata", "policy", s.policy))
		}
		r, err := pipeline.Run(context.Background(), filepath.Join("..", "testdata", s.target), pipeline.Options{ToolVersion: "TEST", PolicyFiles: pol})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range r.Findings {
			where := s.target + " " + s.policy + " " + f.Rule
			if m := englishProse.FindString(f.MessageZH); m != "" {
				t.Errorf("%s: English %q in zh message %q", where, m, f.MessageZH)
			}
			if c := f.Message[0]; c >= 'a' && c <= 'z' && !seen[f.Message] && englishProse.MatchString(f.Message[:min(len(f.Message), 24)]) {
				t.Errorf("%s: English message starts lower-case: %q", where, f.Message)
			}
			seen[f.Message] = true
			for _, ev := range f.Evidence {
				if m := englishProse.FindString(ev.SnippetZH); m != "" {
					t.Errorf("%s: zh snippet %q has English prose (%q)", where, ev.SnippetZH, m)
				}
				if ev.SnippetZH != "" || ev.Kind == "resource" || ev.Kind == "asset" || (ev.Kind == "policy" && ev.Locator != "") {
					continue // quoted text: the app's own strings, the policy's sentences
				}
				if m := englishProse.FindString(ev.Snippet); m != "" {
					t.Errorf("%s: snippet %q is English prose (%q) without a zh form", where, ev.Snippet, m)
				}
			}
		}
	}
}
