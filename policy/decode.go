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

// binaryMagic are file signatures of formats users pass by mistake (an APK for its
// policy); decoding them as GB18030 would yield thousands of junk "sentences".
var binaryMagic = []struct {
	magic []byte
	what  string
}{
	{[]byte("PK\x03\x04"), "a ZIP archive (APK, AAB, JAR or DOCX)"},
	{[]byte("PK\x05\x06"), "an empty ZIP archive"},
	{[]byte("\x7fELF"), "an ELF binary (native library or executable)"},
	{[]byte("\x89PNG"), "a PNG image"},
	{[]byte("\xff\xd8\xff"), "a JPEG image"},
	{[]byte("GIF8"), "a GIF image"},
	{[]byte("dex\n"), "a DEX file"},
	{[]byte("%PDF-"), "a PDF document (save it as text or HTML first)"},
	{[]byte("\x1f\x8b"), "a gzip archive"},
	{[]byte("\x03\x00\x08\x00"), "a compiled Android XML file"},
	{[]byte("\x02\x00\x0c\x00"), "a compiled Android resource table"},
}

// checkBinary refuses raw bytes that are not text: a known binary signature, or a
// NUL byte in the first 8 KB (the test git and grep use) unless the text is UTF-16.
func checkBinary(b []byte) error {
	for _, m := range binaryMagic {
		if bytes.HasPrefix(b, m.magic) {
			return fmt.Errorf("%s, not a policy text", m.what)
		}
	}
	if bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) {
		return nil
	}
	if le, be := utf16Guess(b); le || be {
		return nil
	}
	if bytes.IndexByte(b[:min(len(b), 8192)], 0) >= 0 {
		return errors.New("a binary file (NUL bytes in its first 8 KB), not a policy text")
	}
	return nil
}

// checkText refuses decoded text that is mostly control characters or undecodable
// bytes: binary data that has no NUL in its first 8 KB, or text in a wrong encoding.
func checkText(s string) error {
	var n, bad int
	for _, r := range s {
		if n == 64<<10 {
			break
		}
		n++
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v':
		case r < 0x20 || r == 0x7f || r == '\uFFFD' || r >= 0x80 && r < 0xa0:
			bad++
		}
	}
	if n >= 64 && bad*10 > n {
		return fmt.Errorf("a binary file (%d%% of its characters are control codes or undecodable), not a policy text", bad*100/n)
	}
	return nil
}

// decode turns raw bytes into UTF-8 text and names the encoding it found. kind is
// "html", "md" or "text" and only steers the <meta charset> lookup.
func decode(b []byte, kind string) (string, string, error) {
	if len(b) > MaxDocBytes {
		return "", "", errTooLarge
	}
	if err := checkBinary(b); err != nil {
		return "", "", err
	}
	text, enc, err := decodeText(b, kind)
	if err != nil {
		return "", "", err
	}
	if err := checkText(text); err != nil {
		return "", "", err
	}
	return text, enc, nil
}

func decodeText(b []byte, kind string) (string, string, error) {
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
