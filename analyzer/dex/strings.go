package dex

import (
	"unicode/utf8"
	"unsafe"
)

// readStrings decodes every string_data_item into one shared buffer and slices
// File.Strings out of it, so n strings cost two allocations instead of n.
// Valid files never share string data, so the bytes scanned in total are capped at
// the file size: overlapping string_ids cannot multiply the work.
func (p *parser) readStrings(n, off int) {
	ends := make([]int, n)
	buf := make([]byte, 0, min(len(p.b), 16*n+64))
	budget := len(p.b)
	badOff, truncated, overBudget := 0, 0, false
	for i := range n {
		so := int(p.u32(off + 4*i))
		_, q, ok := p.uleb(so) // utf16_size: not needed to decode
		if !ok {
			badOff++
			ends[i] = len(buf)
			continue
		}
		if budget <= 0 {
			overBudget = true
			ends[i] = len(buf)
			continue
		}
		var used int
		var cut bool
		end := min(len(p.b), q+budget)
		buf, used, cut = decodeMUTF8(buf, p.b[q:end], p.lim.MaxStringLen)
		budget -= used + 1
		switch {
		case cut && end < len(p.b) && used == end-q:
			overBudget = true
		case cut:
			truncated++
		}
		ends[i] = len(buf)
	}
	if badOff > 0 {
		p.warnf("string_ids: %d entries point outside the file", badOff)
	}
	if truncated > 0 {
		p.warnf("string_ids: %d strings cut at %d bytes or at the end of the file", truncated, p.lim.MaxStringLen)
	}
	if overBudget {
		p.warnf("string_ids: string data overlaps; later strings left empty")
	}
	var all string
	if len(buf) > 0 {
		// buf is never written again, so the string may share its memory.
		all = unsafe.String(&buf[0], len(buf))
	}
	p.f.Strings = make([]string, n)
	start := 0
	for i, e := range ends {
		p.f.Strings[i] = all[start:e]
		start = e
	}
}

// decodeMUTF8 appends the UTF-8 form of the NUL-terminated MUTF-8 string at the
// start of src to dst. It returns the source bytes consumed (without the NUL) and
// whether the string was cut short by maxLen or by the end of src. Encoding
// errors and unpaired surrogates become U+FFFD.
func decodeMUTF8(dst, src []byte, maxLen int) ([]byte, int, bool) {
	start := len(dst)
	i := 0
	for i < len(src) {
		c := src[i]
		if c == 0 {
			return dst, i, false
		}
		if len(dst)-start >= maxLen {
			return dst, i, true
		}
		if c < 0x80 {
			j := i + 1
			lim := min(len(src), i+maxLen-(len(dst)-start))
			for j < lim && src[j] != 0 && src[j] < 0x80 {
				j++
			}
			dst = append(dst, src[i:j]...)
			i = j
			continue
		}
		r, n := runeAt(src[i:])
		if len(dst)-start+utf8.RuneLen(r) > maxLen {
			return dst, i, true
		}
		dst = utf8.AppendRune(dst, r)
		i += n
	}
	return dst, i, true
}

// runeAt decodes one non-ASCII character: a UTF-16 unit or a surrogate pair.
// It always consumes at least one byte; malformed input and unpaired surrogates
// yield U+FFFD.
func runeAt(s []byte) (rune, int) {
	u, n := utf16At(s)
	switch {
	case n == 0:
		return utf8.RuneError, 1
	case u >= 0xd800 && u <= 0xdbff:
		if lo, m := utf16At(s[n:]); m > 0 && lo >= 0xdc00 && lo <= 0xdfff {
			return 0x10000 + (rune(u)-0xd800)<<10 + (rune(lo) - 0xdc00), n + m
		}
		return utf8.RuneError, n
	case u >= 0xdc00 && u <= 0xdfff:
		return utf8.RuneError, n
	}
	return rune(u), n
}

// utf16At decodes one 1-, 2- or 3-byte MUTF-8 sequence (a UTF-16 code unit) and
// returns it with its length, or length 0 when the bytes are malformed.
func utf16At(s []byte) (uint16, int) {
	if len(s) == 0 {
		return 0, 0
	}
	c := s[0]
	switch {
	case c > 0 && c < 0x80:
		return uint16(c), 1
	case c&0xe0 == 0xc0:
		if len(s) < 2 || s[1]&0xc0 != 0x80 {
			return 0, 0
		}
		return uint16(c&0x1f)<<6 | uint16(s[1]&0x3f), 2
	case c&0xf0 == 0xe0:
		if len(s) < 3 || s[1]&0xc0 != 0x80 || s[2]&0xc0 != 0x80 {
			return 0, 0
		}
		return uint16(c&0x0f)<<12 | uint16(s[1]&0x3f)<<6 | uint16(s[2]&0x3f), 3
	}
	return 0, 0
}
