package policy

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// nfkcMap normalises s (NFKC: full-width to half-width, circled digits to digits)
// and returns, for every byte of the result, the offset in s of the character it
// comes from, so a match in the normalised text can be quoted in the original.
func nfkcMap(s string) (string, []int32) {
	if norm.NFKC.IsNormalString(s) {
		return s, nil
	}
	out := make([]byte, 0, len(s)+len(s)/8)
	off := make([]int32, 0, cap(out))
	var it norm.Iter
	it.InitString(norm.NFKC, s)
	for !it.Done() {
		at := it.Pos()
		seg := it.Next()
		out = append(out, seg...)
		for range seg {
			off = append(off, int32(at))
		}
	}
	return string(out), off
}

// originalSpan is the original wording of normalised bytes [a, b), with Markdown
// marks removed and whitespace tidied as sentences are.
func originalSpan(orig string, off []int32, a, b int) string {
	if off == nil {
		return tidy(stripInline(orig[a:b]))
	}
	from, to := int(off[a]), len(orig)
	if b < len(off) {
		to = int(off[b])
	}
	if from >= to {
		return ""
	}
	return tidy(stripInline(orig[from:to]))
}

// locate finds sentence t in the normalised document text from byte offset from:
// t's characters in order, where the text may also hold whitespace and Markdown or
// table marks that the sentence lost (a wrapped line's newline, "**", "| "), and
// a space of t may be missing from the text. The sentence starts within a few bytes
// of from (after a heading's "## ", a list mark or a table's "| "). A Markdown
// link's target, "[text](url)", is skipped when the sentence only kept its text.
//
// window is how far after from it may start; a caller that could not locate the
// sentences before widens it by their length.
func locate(text string, from, window int, t string) (a, b int, ok bool) {
	if t == "" || from >= len(text) {
		return 0, 0, false
	}
	first, _ := utf8.DecodeRuneInString(t)
	for start := from; start < len(text) && start < from+window; start++ {
		if !utf8.RuneStart(text[start]) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(text[start:]); r != first {
			continue
		}
		if end, ok := align(text, start, t); ok {
			return start, end, true
		}
	}
	return 0, 0, false
}

func align(text string, i int, t string) (int, bool) {
	for j := 0; j < len(t); {
		tr, ts := utf8.DecodeRuneInString(t[j:])
		if i >= len(text) {
			return 0, false
		}
		sr, ss := utf8.DecodeRuneInString(text[i:])
		switch {
		case sr == tr:
			i, j = i+ss, j+ts
		case tr == ' ':
			j += ts
		case sr == ']' && strings.HasPrefix(text[i+1:], "(") && tr != '(':
			k := strings.IndexByte(text[i+1:min(len(text), i+400)], ')')
			if k < 0 {
				return 0, false
			}
			i += k + 2
		case unicode.IsSpace(sr) || markupRune(sr):
			i += ss
		default:
			return 0, false
		}
	}
	return i, true
}

func markupRune(r rune) bool {
	switch r {
	case '*', '_', '`', '[', ']', '>', '#', '|', '\\', '!', '(', ')':
		return true
	}
	return false
}
