package sdkdb_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/hegui-dev/hegui/sdkdb"
)

// verifiedLists splits an entry's `verified` text into the signals it says were
// confirmed from public code ("public: sig, sig (evidence)") and those still
// unconfirmed ("unverified: sig, sig"). Items are separated by ';'.
func verifiedLists(v string) (public, unverified []string) {
	for _, item := range strings.Split(v, ";") {
		item = strings.TrimSpace(item)
		var list *[]string
		switch {
		case strings.HasPrefix(item, "public:"):
			item, list = strings.TrimPrefix(item, "public:"), &public
			item, _, _ = strings.Cut(item, " (")
		case strings.HasPrefix(item, "unverified:"):
			item, list = strings.TrimPrefix(item, "unverified:"), &unverified
		default:
			continue
		}
		for _, s := range strings.Split(item, ",") {
			if s = strings.TrimSpace(s); s != "" {
				*list = append(*list, s)
			}
		}
	}
	return public, unverified
}

func allSignals(s sdkdb.Signals) map[string]bool {
	m := map[string]bool{}
	for _, l := range [][]string{s.Packages, s.Classes, s.NativeLibs, s.Components, s.MetaData, s.Assets, s.Permissions, s.Maven} {
		for _, v := range l {
			m[v] = true
		}
	}
	return m
}

// TestVerifiedNamesRealSignals keeps the verification record honest: every signal
// named under "public:" or "unverified:" must be one of the entry's signals (a renamed
// or deleted signal must not stay listed), a signal cannot be both, and a "public:"
// item must carry its evidence in parentheses.
func TestVerifiedNamesRealSignals(t *testing.T) {
	var entries, withPublic, withUnverified, publicSigs, unverifiedSigs int
	for _, df := range loadData(t) {
		for _, e := range df.entries {
			entries++
			for _, item := range strings.Split(e.Verified, ";") {
				item = strings.TrimSpace(item)
				if strings.HasPrefix(item, "public:") && (!strings.Contains(item, " (") || !strings.HasSuffix(item, ")")) {
					t.Errorf("%s: %s: %q: a public: item needs its evidence in parentheses", df.name, e.ID, item)
				}
			}
			pub, unv := verifiedLists(e.Verified)
			have := allSignals(e.Signals)
			seen := map[string]bool{}
			for _, s := range pub {
				if !have[s] {
					t.Errorf("%s: %s: public: names %q, which is not one of its signals", df.name, e.ID, s)
				}
				seen[s] = true
			}
			for _, s := range unv {
				if !have[s] {
					t.Errorf("%s: %s: unverified: names %q, which is not one of its signals", df.name, e.ID, s)
				}
				if seen[s] {
					t.Errorf("%s: %s: %q is listed both as public and as unverified", df.name, e.ID, s)
				}
			}
			if len(pub) > 0 {
				withPublic++
			}
			if len(unv) > 0 {
				withUnverified++
			}
			publicSigs += len(pub)
			unverifiedSigs += len(unv)
		}
	}
	t.Logf("entries=%d; with public-code evidence=%d (%d signals); with signals still unverified=%d (%d signals)",
		entries, withPublic, publicSigs, withUnverified, unverifiedSigs)
}

func TestVerifiedListsParse(t *testing.T) {
	pub, unv := verifiedLists("corpus:sdkjar/x; public: a.b., libx.so (keep rules, a; b); unverified: c.d.")
	// ';' inside the evidence splits the item; the fragment after it is ignored.
	sort.Strings(pub)
	if strings.Join(pub, "|") != "a.b.|libx.so" || strings.Join(unv, "|") != "c.d." {
		t.Fatalf("got public %v, unverified %v", pub, unv)
	}
}
