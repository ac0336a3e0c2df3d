package report

import "testing"

func TestURIPrefix(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{".", ""},
		{"./app", "app/"},
		{"apps/demo.apk", "apps/demo.apk/"},
		{"/work/main/testdata/src/groovy-app", "file:///work/main/testdata/src/groovy-app/"},
		{"/tmp/中文 dir", "file:///tmp/%E4%B8%AD%E6%96%87%20dir/"},
	} {
		if got := uriPrefix(c.in); got != c.want {
			t.Errorf("uriPrefix(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSARIFURIKeepsFragmentOutOfURI(t *testing.T) {
	uri, inner := sarifURI("resources.arsc#string/privacy_url")
	if uri != "resources.arsc" || inner != "string/privacy_url" {
		t.Fatalf("sarifURI = %q, %q", uri, inner)
	}
}
