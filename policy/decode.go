package policy

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// MaxDocBytes bounds one policy document; real policies are well under 1 MB.
const MaxDocBytes = 8 << 20

var errTooLarge = errors.New("larger than 8 MB, not a policy document")

// decode turns raw bytes into UTF-8 text and names the encoding it found. kind is
// "html", "md" or "text" and only steers the <meta charset> lookup.
func decode(b []byte, kind string) (string, string, error) {
	if len(b) > MaxDocBytes {
		return "", "", errTooLarge
	}
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return string(b[3:]), "utf-8-bom", nil
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), b, "utf-16le")
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), b, "utf-16be")
	}
	if le, be := utf16Guess(b); le {
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), b, "utf-16le")
	} else if be {
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), b, "utf-16be")
	}
	if utf8.Valid(b) {
		return string(b), "utf-8", nil
	}
	if kind == "html" {
		// DetermineEncoding falls back to windows-1252 when nothing is declared; any
		// other answer comes from a <meta> charset.
		if enc, name, _ := charset.DetermineEncoding(b, "text/html"); name != "utf-8" && name != "windows-1252" {
			return decodeWith(enc, b, name)
		}
	}
	// Not UTF-8 and undeclared: Chinese documents are then almost always GBK/GB18030.
	return decodeWith(simplifiedchinese.GB18030, b, "gb18030")
}

func decodeWith(enc encoding.Encoding, b []byte, name string) (string, string, error) {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return "", "", fmt.Errorf("not valid %s: %w", name, err)
	}
	return strings.ToValidUTF8(string(out), "\uFFFD"), name, nil
}

// utf16Guess recognises BOM-less UTF-16 by its NUL bytes: ASCII-heavy UTF-16 text
// has a zero in every other byte.
func utf16Guess(b []byte) (le, be bool) {
	n := len(b)
	if n < 16 || n%2 != 0 {
		return false, false
	}
	if n > 4096 {
		n = 4096
	}
	var evenZero, oddZero int
	for i := 0; i+1 < n; i += 2 {
		if b[i] == 0 {
			evenZero++
		}
		if b[i+1] == 0 {
			oddZero++
		}
	}
	pairs := n / 2
	return oddZero*3 > pairs && evenZero*10 < pairs, evenZero*3 > pairs && oddZero*10 < pairs
}
