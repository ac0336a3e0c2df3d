package safetext

import "testing"

func TestEscapes(t *testing.T) {
	for _, c := range []struct{ in, text, line string }{
		{"小记事", "小记事", "小记事"},
		{"Evil\x1b[31mRED\x1b[0m", `Evil\x1b[31mRED\x1b[0m`, `Evil\x1b[31mRED\x1b[0m`},
		{"1\u202e0", `1\u202E0`, `1\u202E0`},
		{"a\nb\tc", "a\nb\tc", `a\x0ab\x09c`},
		{"bad\xffutf8", `bad\xffutf8`, `bad\xffutf8`},
		{"c1\u0085", `c1\u0085`, `c1\u0085`},
		{"del\x7f", `del\x7f`, `del\x7f`},
	} {
		if got := Text(c.in); got != c.text {
			t.Errorf("Text(%q) = %q, want %q", c.in, got, c.text)
		}
		if got := Line(c.in); got != c.line {
			t.Errorf("Line(%q) = %q, want %q", c.in, got, c.line)
		}
	}
}
