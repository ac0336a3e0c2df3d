package arsc

import (
	"encoding/binary"
	"strings"
	"testing"
	"unicode/utf16"
)

// pool builds a ResStringPool chunk holding strs, UTF-8 or UTF-16.
func pool(strs []string, utf8 bool) []byte {
	var data []byte
	var offs []uint32
	for _, s := range strs {
		offs = append(offs, uint32(len(data)))
		if utf8 {
			n := len([]rune(s))
			data = append(data, len8Bytes(n)...)
			data = append(data, len8Bytes(len(s))...)
			data = append(data, s...)
			data = append(data, 0)
		} else {
			u := utf16.Encode([]rune(s))
			if len(u) > 0x7fff {
				data = binary.LittleEndian.AppendUint16(data, uint16(len(u)>>16)|0x8000)
			}
			data = binary.LittleEndian.AppendUint16(data, uint16(len(u)))
			for _, c := range u {
				data = binary.LittleEndian.AppendUint16(data, c)
			}
			data = append(data, 0, 0)
		}
	}
	for len(data)%4 != 0 {
		data = append(data, 0)
	}
	hdr := 28
	start := hdr + 4*len(strs)
	b := make([]byte, start, start+len(data))
	binary.LittleEndian.PutUint16(b, typeStringPool)
	binary.LittleEndian.PutUint16(b[2:], uint16(hdr))
	binary.LittleEndian.PutUint32(b[8:], uint32(len(strs)))
	if utf8 {
		binary.LittleEndian.PutUint32(b[16:], 0x100)
	}
	binary.LittleEndian.PutUint32(b[20:], uint32(start))
	for i, o := range offs {
		binary.LittleEndian.PutUint32(b[hdr+4*i:], o)
	}
	b = append(b, data...)
	binary.LittleEndian.PutUint32(b[4:], uint32(len(b)))
	return b
}

func len8Bytes(n int) []byte {
	if n < 0x80 {
		return []byte{byte(n)}
	}
	return []byte{byte(n>>8) | 0x80, byte(n)}
}

func TestStringPoolEncodings(t *testing.T) {
	long := strings.Repeat("隐私", 100)   // 600 UTF-8 bytes: two-byte lengths
	huge := strings.Repeat("x", 0x8100) // UTF-16 length needs the high-bit form
	want := []string{"app_name", "", "用户协议与隐私政策", long, "emoji 😀"}
	for _, u8 := range []bool{true, false} {
		got, damaged, err := ReadStringPool(pool(want, u8), DefaultLimits)
		if err != nil {
			t.Fatalf("utf8=%v: %v", u8, err)
		}
		if strings.Join(got, "|") != strings.Join(want, "|") || damaged != "" {
			t.Errorf("utf8=%v: got %q, damaged %q", u8, got, damaged)
		}
	}
	got, _, err := ReadStringPool(pool([]string{huge}, false), DefaultLimits)
	if err != nil || len(got) != 1 || got[0] != huge {
		t.Errorf("long UTF-16 string: %v, %d strings", err, len(got))
	}
}

func TestStringPoolHostile(t *testing.T) {
	b := pool([]string{"a", "b"}, true)
	// Offset of string 1 far outside the pool: that string is dropped, not a panic.
	binary.LittleEndian.PutUint32(b[28+4:], 0xfffffff0)
	got, damaged, err := ReadStringPool(b, DefaultLimits)
	if err != nil || got[0] != "a" || got[1] != "" {
		t.Errorf("bad offset: %q %v", got, err)
	}
	if want := "1 of 2 strings unreadable, read as empty (first: string 1: offset"; !strings.HasPrefix(damaged, want) {
		t.Errorf("bad offset reported as %q, want prefix %q", damaged, want)
	}
	// A count larger than the chunk can hold is refused.
	b = pool([]string{"a"}, true)
	binary.LittleEndian.PutUint32(b[8:], 1<<20)
	if _, _, err := ReadStringPool(b, DefaultLimits); err == nil {
		t.Error("count past the chunk accepted")
	}
	if _, _, err := ReadStringPool(pool([]string{"a", "b", "c"}, true), Limits{MaxStrings: 2}); err == nil {
		t.Error("count past MaxStrings accepted")
	}
	// Many offsets pointing at one long string: the decoded total is capped.
	s := strings.Repeat("z", 4000)
	strs := make([]string, 2000)
	for i := range strs {
		strs[i] = s
	}
	b = pool(strs, true)
	// make every offset point at the first string, then cut the duplicates' data
	for i := range strs {
		binary.LittleEndian.PutUint32(b[28+4*i:], 0)
	}
	start := 28 + 4*len(strs)
	b = b[:start+4010]
	binary.LittleEndian.PutUint32(b[4:], uint32(len(b)))
	if _, _, err := ReadStringPool(b, DefaultLimits); err == nil || !strings.Contains(err.Error(), "budget") {
		t.Errorf("overlapping offsets: %v", err)
	}
	// Length runs past the end.
	b = pool([]string{"abc"}, false)
	binary.LittleEndian.PutUint16(b[32:], 0x7000)
	if got, _, _ := ReadStringPool(b, DefaultLimits); got[0] != "" {
		t.Errorf("overlong UTF-16 length gave %q", got[0])
	}
}

// table wraps a global string pool in a resource table chunk with no packages.
func table(pool []byte) []byte {
	b := make([]byte, 12, 12+len(pool))
	binary.LittleEndian.PutUint16(b, typeTable)
	binary.LittleEndian.PutUint16(b[2:], 12)
	b = append(b, pool...)
	binary.LittleEndian.PutUint32(b[4:], uint32(len(b)))
	return b
}

// Strings Android would read as empty must not vanish silently: the table
// carries a warning the analyzer turns into a diagnostic.
func TestParseWarnsOfDamagedStrings(t *testing.T) {
	p := pool([]string{"app_name", "隐私政策", "abc"}, false)
	tab, err := Parse(table(p), DefaultLimits)
	if err != nil || len(tab.Warnings) != 0 {
		t.Fatalf("intact table: %v, warnings %q", err, tab.Warnings)
	}
	binary.LittleEndian.PutUint32(p[28+4:], 0xfffffff0) // string 1 outside the pool
	start := int(binary.LittleEndian.Uint32(p[20:]))
	rel := binary.LittleEndian.Uint32(p[28+8:])
	binary.LittleEndian.PutUint16(p[start+int(rel):], 0x7000) // string 2 runs past the pool
	tab, err = Parse(table(p), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if tab.Strings[0] != "app_name" || tab.Strings[1] != "" || tab.Strings[2] != "" {
		t.Errorf("strings %q", tab.Strings)
	}
	want := "global string pool: 2 of 3 strings unreadable, read as empty (first: string 1: offset 0x"
	if len(tab.Warnings) != 1 || !strings.HasPrefix(tab.Warnings[0], want) {
		t.Errorf("warnings %q, want one starting %q", tab.Warnings, want)
	}
}

func TestParseRejects(t *testing.T) {
	for name, b := range map[string][]byte{
		"empty":     nil,
		"pool only": pool([]string{"a"}, true),
		"short":     {2, 0, 12, 0, 200, 0, 0, 0},
	} {
		if _, err := Parse(b, DefaultLimits); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestUnpackLang(t *testing.T) {
	if got := unpackLang('z', 'h', 'a'); got != "zh" {
		t.Errorf("zh: %q", got)
	}
	// "fil" packed: Android packs 3-letter codes into 15 bits with the high bit set.
	f, i, l := byte('f'-'a'), byte('i'-'a'), byte('l'-'a')
	a := 0x80 | l<<2 | i>>3
	b := (i&7)<<5 | f
	if got := unpackLang(a, b, 'a'); got != "fil" {
		t.Errorf("packed: %q", got)
	}
}
