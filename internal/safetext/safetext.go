// Package safetext makes text from an APK or a policy safe to show a person:
// control characters (terminal escape sequences), bidi controls and invalid UTF-8
// become visible escapes (`\x1b`, `\u202E`, `\xff`). An app label holding an escape
// sequence must not drive the terminal, nor a right-to-left override make
// "gpj.exe" read as "exe.jpg".
package safetext

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text escapes unsafe characters but keeps newlines and tabs: for reports.
func Text(s string) string { return escape(s, true) }

// Line escapes unsafe characters including newlines and tabs: for table cells,
// which must stay on one line.
func Line(s string) string { return escape(s, false) }

func escape(s string, keepLayout bool) string {
	unsafe := func(r rune) bool { return isUnsafe(r, keepLayout) }
	if !strings.ContainsFunc(s, unsafe) && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case !unsafe(r):
			b.WriteRune(r)
		case r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04X`, r)
		}
		i += n
	}
	return b.String()
}

func isUnsafe(r rune, keepLayout bool) bool {
	if keepLayout && (r == '\n' || r == '\t') {
		return false
	}
	return unicode.IsControl(r) || isBidiControl(r)
}

// isBidiControl: U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates,
// and the marks U+200E, U+200F, U+061C.
func isBidiControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x200E || r == 0x200F || r == 0x061C
}
