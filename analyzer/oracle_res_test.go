package analyzer

import (
	"bufio"
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var (
	aaptPool  = regexp.MustCompile(`^String pool of \d+ unique .*?, (\d+) entries and (\d+) styles`)
	aaptStr   = regexp.MustCompile(`^String #(\d+): (.*)$`)
	aaptLabel = regexp.MustCompile(`(?m)^application-label(-[a-zA-Z-]+)?:'(.*)'$`)
)

// TestOracleResources compares the resources.arsc string pool with `aapt dump
// strings` and the resolved application labels with `aapt dump badging`.
func TestOracleResources(t *testing.T) {
	apks := corpusAPKs(t)
	needTools(t, "aapt")
	var nPool, nPoolOK, nStr, nStrOK, nLabel, nLabelOK int
	for _, apk := range apks {
		name := filepath.Base(apk)
		out, err := exec.Command("aapt", "dump", "strings", apk).Output()
		if err != nil {
			continue
		}
		facts, err := Analyze(context.Background(), apk, Options{})
		if err != nil {
			if exec.Command("aapt", "dump", "badging", apk).Run() == nil {
				t.Errorf("%s: aapt reads it, hegui fails: %v", name, err)
			}
			continue
		}
		sc := bufio.NewScanner(bytes.NewReader(out))
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		styles := 0
		for sc.Scan() {
			line := sc.Text()
			if m := aaptPool.FindStringSubmatch(line); m != nil {
				nPool++
				want, _ := strconv.Atoi(m[1])
				styles, _ = strconv.Atoi(m[2])
				if facts.Resources.StringCount == want {
					nPoolOK++
				} else {
					t.Errorf("%s: %d pool strings, aapt %d", name, facts.Resources.StringCount, want)
				}
				continue
			}
			m := aaptStr.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			i, _ := strconv.Atoi(m[1])
			// aapt renders styled strings with their spans; and a value with a
			// line break spans several lines here: compare the rest.
			if i < styles || i >= len(facts.Resources.Strings) || strings.ContainsAny(facts.Resources.Strings[i], "\r\n") {
				continue
			}
			nStr++
			if facts.Resources.Strings[i] == m[2] {
				nStrOK++
			} else if nStr-nStrOK <= 5 {
				t.Errorf("%s: string #%d %q, aapt %q", name, i, facts.Resources.Strings[i], m[2])
			}
		}
		badging, err := exec.Command("aapt", "dump", "badging", apk).Output()
		if err != nil {
			continue
		}
		labels := map[string]string{}
		for _, m := range aaptLabel.FindAllSubmatch(badging, -1) {
			labels[string(m[1])] = string(m[2])
		}
		check := func(what, got string, keys ...string) {
			for _, k := range keys {
				if want, ok := labels[k]; ok {
					nLabel++
					if got == want {
						nLabelOK++
					} else {
						t.Errorf("%s: %s %q, aapt application-label%s %q", name, what, got, k, want)
					}
					return
				}
			}
		}
		check("label", facts.App.Label, "")
		check("label_zh", facts.App.LabelZH, "-zh-CN", "-zh-Hans", "-zh")
	}
	t.Logf("string pools equal %d/%d; strings equal %d/%d; labels equal %d/%d",
		nPoolOK, nPool, nStrOK, nStr, nLabelOK, nLabel)
	if nPool == 0 {
		t.Error("aapt dumped no string pool")
	}
}
