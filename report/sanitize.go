package report

import (
	"fmt"
	"strings"
	"unicode"
)

// isBidiControl reports the invisible characters that reorder displayed text
// (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates, and the marks
// U+200E, U+200F, U+061C): an APK label with U+202E can make "gpj.exe" read as
// "exe.jpg" in a report.
func isBidiControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x200E || r == 0x200F || r == 0x061C
}

// visible makes APK- and policy-derived text safe to show to a person: control
// characters (terminal escape sequences) and bidi controls become visible escapes
// (`\x1b`, `\u202E`); newlines and tabs stay. Table, Markdown, HTML and SARIF
// messages go through it. JSON and JSON Lines keep the exact values (their encoder
// escapes control characters): they are data, and consumers display them.
func visible(s string) string {
	if strings.IndexFunc(s, unsafeRune) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !unsafeRune(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04X`, r)
		}
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	if r == '\n' || r == '\t' {
		return false
	}
	return unicode.IsControl(r) || isBidiControl(r)
}

// plainText is visible for SARIF messages.
func plainText(s string) string { return visible(s) }
