package analyzer

import "testing"

func TestFlagDecoding(t *testing.T) {
	for in, want := range map[string]string{
		"":           "normal",
		"1":          "dangerous",
		"0x12":       "signature|privileged",
		"0x3":        "signatureOrSystem",
		"0x1000":     "normal|instant",
		"0x40000002": "signature|0x40000000",
		"signature":  "signature",
	} {
		if got := protectionLevel(in); got != want {
			t.Errorf("protectionLevel(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"0x48":       "location|camera",
		"-1":         "manifest",
		"0":          "none",
		"1073741824": "specialUse",
		"0x10000":    "0x10000",
	} {
		if got := foregroundTypes(in); got != want {
			t.Errorf("foregroundTypes(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		".App": "com.a.App", "App": "com.a.App", "org.x.Y": "org.x.Y", "": "",
	} {
		if got := className("com.a", in); got != want {
			t.Errorf("className(%q) = %q, want %q", in, got, want)
		}
	}
}
