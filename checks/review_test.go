package checks

import (
	"testing"

	"github.com/hegui-dev/hegui/internal/testcorpus"
)

func TestIsPolicyURL(t *testing.T) {
	for u, want := range map[string]bool{
		// hosted policies and agreements seen in Chinese apps
		"https://m.example.com/h5/privacy.html":                   true,
		"https://www.example.cn/yinsi.html":                       true,
		"https://static.example.com/agreement/user_protocol.html": true,
		"https://h5.example.com/yonghuxieyi/index.html":           true,
		"https://example.com/policy.html":                         true,
		"https://example.com/legal/privacy-policy":                true,
		"www.example.com/privacy":                                 true,
		"https://example.com/app/隐私政策.html":                       true,
		// corpus false positives (review item 6)
		"http://jabber.org/protocol/compress":                         false,
		"https://cgi.connect.qq.com/qqconnectopen/openapi/policy_conf": false,
		// namespaces, licences, endpoints, generic policy words
		"http://schemas.microsoft.com/DRM/2007/03/protocols/AcquireLicense": false,
		"https://www.apache.org/licenses/LICENSE-2.0":                       false,
		"https://example.com/license":                                       false,
		"https://api.example.com/v2/policy":                                 false,
		"https://example.com/cache/policy/refresh":                          false,
		"https://example.com/protocol/v3":                                   false,
		"https://api.example.com/privacy/consent.json":                      false,
	} {
		if got := isPolicyURL(u); got != want {
			t.Errorf("isPolicyURL(%q) = %v, want %v", u, got, want)
		}
	}
}

// The two corpus APKs whose only "policy URL" was an XMPP namespace and a QQ
// Connect config endpoint have no policy at all: POL-001 is high, not low.
func TestPOL001_CorpusNamespaceAndEndpointAreNoPolicy(t *testing.T) {
	for _, name := range []string{"mob-sharesdk-sample-2.6.2.apk", "built/sdkmix-multidex.apk"} {
		fs, _ := scanAPK(t, testcorpus.Path(t, "apk", name))
		n := 0
		for _, f := range fs {
			if f.Rule != "CNPI-POL-001" {
				continue
			}
			n++
			if f.Severity != High {
				t.Errorf("%s: POL-001 %s: %s", name, f.Severity, f.Message)
			}
			for _, ev := range f.Evidence {
				if ev.Snippet == "http://jabber.org/protocol/compress" || ev.Snippet == "https://cgi.connect.qq.com/qqconnectopen/openapi/policy_conf" {
					t.Errorf("%s: POL-001 cites %s", name, ev.Snippet)
				}
			}
		}
		if n != 1 {
			t.Errorf("%s: %d POL-001 findings, want 1", name, n)
		}
	}
}
