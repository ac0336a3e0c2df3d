package dex

import (
	"encoding/binary"
	"hash/adler32"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func loadFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func parseFixture(t *testing.T, name string) *File {
	t.Helper()
	f, err := parse(loadFixture(t, name), Limits{})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(f.Warnings)+len(f.Notes) > 0 {
		t.Fatalf("%s: unexpected warnings %q, notes %q", name, f.Warnings, f.Notes)
	}
	return f
}

func class(t *testing.T, f *File, name string) *Class {
	t.Helper()
	for i := range f.Classes {
		if f.Classes[i].Name == name {
			return &f.Classes[i]
		}
	}
	t.Fatalf("class %s not found", name)
	return nil
}

func method(t *testing.T, f *File, c *Class, name string) *Method {
	t.Helper()
	for i := range c.Methods {
		if f.Methods[c.Methods[i].Ref].Name == name {
			return &c.Methods[i]
		}
	}
	t.Fatalf("method %s.%s not found", c.Name, name)
	return nil
}

func sortedUnique(t *testing.T, what string, ids []uint32) {
	t.Helper()
	for i := 1; i < len(ids); i++ {
		if ids[i-1] >= ids[i] {
			t.Fatalf("%s not sorted and unique: %v", what, ids)
		}
	}
}

// refs renders a method's references as smali strings, sorted, for exact comparison.
func refs(t *testing.T, f *File, m *Method) (inv, fld, str []string) {
	t.Helper()
	sortedUnique(t, "invokes", m.Invokes)
	sortedUnique(t, "fields", m.FieldRefs)
	sortedUnique(t, "strings", m.StringRefs)
	for _, i := range m.Invokes {
		inv = append(inv, f.Methods[i].Smali())
	}
	for _, i := range m.FieldRefs {
		fld = append(fld, f.Fields[i].Smali())
	}
	for _, i := range m.StringRefs {
		str = append(str, f.Strings[i])
	}
	slices.Sort(inv)
	slices.Sort(fld)
	slices.Sort(str)
	return
}

func eq(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n got %q\nwant %q", what, got, want)
	}
}

func TestBasicFixture(t *testing.T) {
	f := parseFixture(t, "basic.dex")
	if f.Version != "035" || f.Size != int64(len(loadFixture(t, "basic.dex"))) {
		t.Errorf("version %q size %d", f.Version, f.Size)
	}
	var names []string
	for _, c := range f.Classes {
		names = append(names, c.Name)
	}
	eq(t, "classes", names, []string{"com.example.Empty", "com.example.Listener", "com.example.Main$Inner", "com.example.Main", "com.example.Strings"})

	main := class(t, f, "com.example.Main")
	if main.Super != "android.app.Activity" || main.SourceFile != "Main.java" || main.AccessFlags != 0x1 {
		t.Errorf("Main: super %q source %q flags %#x", main.Super, main.SourceFile, main.AccessFlags)
	}
	eq(t, "Main interfaces", main.Interfaces, []string{"java.lang.Runnable", "com.example.Listener"})
	if len(main.Methods) != 6 {
		t.Errorf("Main has %d methods, want 6", len(main.Methods))
	}
	// direct methods come first, in method_ids order, then the virtual ones
	var order []string
	for _, m := range main.Methods {
		order = append(order, f.Methods[m.Ref].Name)
	}
	eq(t, "Main method order", order, []string{"<init>", "many", "rangeInterface", "onEvent", "run", "switches"})

	inv, fld, str := refs(t, f, method(t, f, main, "run"))
	eq(t, "run invokes", inv, []string{
		"Landroid/app/Activity;->onResume()V",
		"Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;",
		"Landroid/util/Log;->d(Ljava/lang/String;Ljava/lang/String;)I",
		"Lcom/example/Main;->many(Ljava/lang/Object;Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;IJ)V",
	})
	eq(t, "run fields", fld, []string{"Lcom/example/Main;->sCount:I", "Lcom/example/Main;->tm:Landroid/telephony/TelephonyManager;"})
	eq(t, "run strings", str, []string{"imei", "jumbo string"})

	inv, fld, str = refs(t, f, method(t, f, main, "switches"))
	eq(t, "switches invokes", inv, []string{"Ljava/lang/Integer;->parseInt(Ljava/lang/String;)I", "Ljava/lang/Throwable;->printStackTrace()V"})
	eq(t, "switches fields", fld, nil)
	eq(t, "switches strings (the code after the payloads is read too)", str, []string{"after payloads", "tail"})

	inv, fld, _ = refs(t, f, method(t, f, main, "rangeInterface"))
	eq(t, "rangeInterface invokes", inv, []string{"Lcom/example/Listener;->wide(IIIIIIII)V", "Lcom/example/Main$Inner;-><init>(Lcom/example/Main;)V"})
	eq(t, "rangeInterface fields", fld, []string{"Lcom/example/Main;->tm:Landroid/telephony/TelephonyManager;"})

	inv, _, _ = refs(t, f, method(t, f, main, "onEvent"))
	eq(t, "onEvent invokes", inv, []string{"Lcom/example/Listener;->onEvent(Ljava/lang/String;)V"})
	if m := method(t, f, main, "many"); m.Invokes != nil || m.FieldRefs != nil || m.StringRefs != nil || m.AccessFlags != 0x9 {
		t.Errorf("many: %+v", m)
	}

	inner := class(t, f, "com.example.Main$Inner")
	_, fld, _ = refs(t, f, method(t, f, inner, "<init>"))
	eq(t, "Inner fields", fld, []string{"Lcom/example/Main$Inner;->this$0:Lcom/example/Main;"})

	empty := class(t, f, "com.example.Empty")
	if empty.Methods != nil || empty.Super != "java.lang.Object" || empty.AccessFlags != 0x11 || empty.SourceFile != "" {
		t.Errorf("Empty: %+v", empty)
	}
	lis := class(t, f, "com.example.Listener")
	if lis.AccessFlags != 0x601 || len(lis.Methods) != 2 || lis.Methods[0].Invokes != nil {
		t.Errorf("Listener: %+v", lis)
	}

	_, _, str = refs(t, f, method(t, f, class(t, f, "com.example.Strings"), "all"))
	eq(t, "unicode strings", str, []string{"", "café", "nul\x00inside", "smile \U0001F600", "隐私政策"})
}

func TestPolyFixture(t *testing.T) {
	f := parseFixture(t, "poly.dex")
	if f.Version != "039" {
		t.Errorf("version %q", f.Version)
	}
	inv, _, _ := refs(t, f, method(t, f, class(t, f, "com.example.Poly"), "call"))
	// invoke-custom references call sites, so only the two invoke-polymorphic targets count.
	eq(t, "poly invokes", inv, []string{
		"Ljava/lang/invoke/MethodHandle;->invoke([Ljava/lang/Object;)Ljava/lang/Object;",
		"Ljava/lang/invoke/MethodHandle;->invokeExact([Ljava/lang/Object;)Ljava/lang/Object;",
	})
}

func TestNames(t *testing.T) {
	for _, c := range []struct{ desc, dotted string }{
		{"Lcom/a/B$C;", "com.a.B$C"},
		{"Ljava/lang/Object;", "java.lang.Object"},
		{"LFoo;", "Foo"},
		{"[Ljava/lang/String;", "[Ljava/lang/String;"},
		{"[I", "[I"},
		{"I", "I"},
	} {
		if got := DescriptorToDotted(c.desc); got != c.dotted {
			t.Errorf("DescriptorToDotted(%q) = %q, want %q", c.desc, got, c.dotted)
		}
		if got := DottedToDescriptor(c.dotted); got != c.desc {
			t.Errorf("DottedToDescriptor(%q) = %q, want %q", c.dotted, got, c.desc)
		}
	}
	if got := DottedToDescriptor("int"); got != "I" {
		t.Errorf("int → %q", got)
	}
	if got := DescriptorToDotted("L;"); got != "L;" {
		t.Errorf("malformed descriptor changed: %q", got)
	}
	m := MethodRef{Class: "android.telephony.TelephonyManager", Name: "getDeviceId", Proto: "()Ljava/lang/String;"}
	if got := m.Smali(); got != "Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;" {
		t.Errorf("Smali() = %q", got)
	}
}

func TestMUTF8(t *testing.T) {
	for _, c := range []struct {
		in   []byte
		want string
		cut  bool
	}{
		{[]byte("abc\x00rest"), "abc", false},
		{[]byte{0xc0, 0x80, 'x', 0}, "\x00x", false},                                // embedded NUL
		{[]byte{0xc3, 0xa9, 0}, "é", false},                                         // 2-byte form
		{[]byte{0xe9, 0x9a, 0x90, 0}, "隐", false},                                   // 3-byte form
		{[]byte{0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80, 0}, "\U0001F600", false},        // surrogate pair
		{[]byte{0xed, 0xa0, 0xbd, 'a', 0}, "\uFFFDa", false},                        // lone high surrogate
		{[]byte{0xed, 0xb8, 0x80, 0}, "\uFFFD", false},                              // lone low surrogate
		{[]byte{0xff, 0x80, 'a', 0}, "\uFFFD\uFFFDa", false},                        // invalid bytes
		{[]byte{0xe9, 0x9a}, "\uFFFD\uFFFD", true},                                  // cut mid-sequence
		{[]byte("no terminator"), "no terminator", true},                            // end of file
		{append([]byte(strings.Repeat("x", 40)), 0), strings.Repeat("x", 32), true}, // maxLen
	} {
		got, _, cut := decodeMUTF8(nil, c.in, 32)
		if string(got) != c.want || cut != c.cut {
			t.Errorf("decode(% x) = %q cut=%v, want %q cut=%v", c.in, got, cut, c.want, c.cut)
		}
	}
}

// patch returns a copy of b with the u32 at off set to v and the checksum fixed.
func patch(b []byte, off int, v uint32) []byte {
	c := slices.Clone(b)
	binary.LittleEndian.PutUint32(c[off:], v)
	binary.LittleEndian.PutUint32(c[8:], adler32.Checksum(c[12:]))
	return c
}

func TestHeaderErrors(t *testing.T) {
	b := loadFixture(t, "basic.dex")
	bad := map[string][]byte{
		"short":           b[:0x40],
		"magic":           append([]byte("dey\n035\x00"), b[8:]...),
		"version":         append([]byte("dex\n099\x00"), b[8:]...),
		"truncated":       b[:len(b)-1],
		"file_size small": patch(b, 32, 0x10),
		"header_size":     patch(b, 36, 0x10),
		"endian":          patch(b, 40, endianSwapped),
		"string_ids":      patch(b, 60, uint32(len(b)-8)),
		"method_ids":      patch(b, 88, 0x10000000),
		"class_defs":      patch(b, 100, 0x20),
	}
	for name, in := range bad {
		if f, err := parse(in, Limits{}); err == nil {
			t.Errorf("%s: no error, got %d classes", name, len(f.Classes))
		} else if !strings.HasPrefix(err.Error(), "dex: ") {
			t.Errorf("%s: error %q lacks the package prefix", name, err)
		}
	}
	if _, err := parse(b, Limits{MaxClasses: 2}); err == nil || !strings.Contains(err.Error(), "limit") {
		t.Errorf("MaxClasses not enforced: %v", err)
	}
	if _, err := parse(b, Limits{MaxSize: 100}); err == nil {
		t.Errorf("MaxSize not enforced")
	}
}

func TestChecksumAndTrailingAreNotes(t *testing.T) {
	b := slices.Clone(loadFixture(t, "basic.dex"))
	b[8] ^= 0xff
	f, err := parse(b, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Warnings) != 0 || len(f.Notes) != 1 || !strings.Contains(f.Notes[0], "checksum mismatch") || len(f.Classes) != 5 {
		t.Errorf("warnings %q, notes %q, %d classes", f.Warnings, f.Notes, len(f.Classes))
	}
	f, err = parse(append(slices.Clone(loadFixture(t, "basic.dex")), 0, 0, 0), Limits{})
	if err != nil || len(f.Notes) != 1 || !strings.Contains(f.Notes[0], "3 bytes after file_size") || f.Size != int64(len(b)) {
		t.Errorf("trailing bytes: %v, notes %q", err, f.Notes)
	}
}

func TestLimits(t *testing.T) {
	b := loadFixture(t, "basic.dex")
	f, err := parse(b, Limits{MaxInsnsPerCode: 8})
	if err != nil {
		t.Fatal(err)
	}
	main := class(t, f, "com.example.Main")
	if m := method(t, f, main, "run"); m.Invokes != nil {
		t.Errorf("run (34 units) was walked despite MaxInsnsPerCode 8")
	}
	if m := method(t, f, main, "<init>"); len(m.Invokes) != 1 {
		t.Errorf("<init> (4 units) lost its invoke")
	}
	if len(f.Warnings) == 0 {
		t.Errorf("no warning for skipped code items")
	}
	f, err = parse(b, Limits{MaxStringLen: 4})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range f.Strings {
		if len(s) > 4 {
			t.Fatalf("string %q longer than MaxStringLen", s)
		}
	}
}
