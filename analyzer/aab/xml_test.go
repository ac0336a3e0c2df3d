package aab

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"

	"google.golang.org/protobuf/encoding/protowire"

	"github.com/hegui-dev/hegui/analyzer/axml"
)

// dump renders a tree one element per line, attributes sorted, for diffs.
func dump(n *axml.Node, depth int, b *strings.Builder) {
	fmt.Fprintf(b, "%s<%s>", strings.Repeat("  ", depth), n.Tag)
	keys := make([]string, 0, len(n.Attrs))
	for k := range n.Attrs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(b, " %s=%q/%#x", k, n.Attrs[k].Value, n.Attrs[k].Ref)
	}
	if n.Text != "" {
		fmt.Fprintf(b, " text=%q", n.Text)
	}
	b.WriteByte('\n')
	for _, c := range n.Children {
		dump(c, depth+1, b)
	}
}

// The protobuf manifest and res/xml file aapt2 writes for a bundle decode to
// the very tree the binary XML of the same sources gives.
func TestParseXMLMatchesBinaryXML(t *testing.T) {
	for _, c := range []struct{ bundle, apk string }{
		{"base/manifest/AndroidManifest.xml", "AndroidManifest.xml"},
		{"base/res/xml/nsc.xml", "res/xml/nsc.xml"},
	} {
		got, err := ParseXML(entry(t, fixtureAAB, c.bundle))
		if err != nil {
			t.Fatalf("%s: %v", c.bundle, err)
		}
		want, warn, err := axml.Parse(entry(t, fixtureAPK, c.apk))
		if err != nil || warn != nil {
			t.Fatalf("%s: %v %v", c.apk, err, warn)
		}
		var g, w strings.Builder
		dump(got, 0, &g)
		dump(want, 0, &w)
		if g.String() != w.String() {
			t.Errorf("%s differs from the APK's %s:\n--- bundle\n%s--- apk\n%s", c.bundle, c.apk, g.String(), w.String())
		}
	}
}

func TestParseXMLValues(t *testing.T) {
	root, err := ParseXML(entry(t, fixtureAAB, "base/manifest/AndroidManifest.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if root.Tag != "manifest" || root.Get("package") != "com.hegui.fixture" || root.Get("versionCode") != "42" {
		t.Errorf("root = <%s package=%q versionCode=%q>", root.Tag, root.Get("package"), root.Get("versionCode"))
	}
	if a := root.Attrs["versionName"]; a.Ref>>24 != 0x7f || a.Value != "" {
		t.Errorf("versionName = %+v, want a reference into the app package", a)
	}
	var app *axml.Node
	for _, c := range root.Children {
		if c.Tag == "application" {
			app = c
		}
	}
	if app == nil {
		t.Fatal("no <application>")
	}
	if app.Get("debuggable") != "true" || app.Get("allowBackup") != "false" {
		t.Errorf("booleans: debuggable=%q allowBackup=%q", app.Get("debuggable"), app.Get("allowBackup"))
	}
}

// Hand-built messages: values the fixture lacks, and the encodings of both
// aapt2 generations for ids.
func msg(fields ...[]byte) []byte { return bytes.Join(fields, nil) }
func bytesField(n protowire.Number, v []byte) []byte {
	return protowire.AppendBytes(protowire.AppendTag(nil, n, protowire.BytesType), v)
}
func varintField(n protowire.Number, v uint64) []byte {
	return protowire.AppendVarint(protowire.AppendTag(nil, n, protowire.VarintType), v)
}
func fixed32Field(n protowire.Number, v uint32) []byte {
	return protowire.AppendFixed32(protowire.AppendTag(nil, n, protowire.Fixed32Type), v)
}
func attr(name, raw string, item []byte) []byte {
	f := msg(bytesField(2, []byte(name)), bytesField(3, []byte(raw)))
	if item != nil {
		f = msg(f, bytesField(6, item))
	}
	return bytesField(4, f)
}
func element(name string, parts ...[]byte) []byte {
	return bytesField(1, msg(append([][]byte{bytesField(3, []byte(name))}, parts...)...))
}

func TestParseXMLPrimitives(t *testing.T) {
	prim := func(f []byte) []byte { return bytesField(7, f) }
	doc := element("manifest",
		attr("hex", "0x10", prim(varintField(7, 0x10))),
		attr("neg", "-3", prim(varintField(6, uint64(0xfffffffffffffffd)))), // int32 -3 as protobuf writes it
		attr("f", "1.5", prim(fixed32Field(3, 0x3fc00000))),
		attr("off", "false", prim(varintField(8, 0))),
		attr("dim", "16dp", prim(varintField(13, 0x1001))),
		attr("ref", "@string/x", bytesField(1, varintField(2, 0x7f0b0001))),
		attr("theme", "?attr/x", bytesField(1, msg(varintField(1, 1), varintField(2, 0x01010000)))),
		attr("unres", "@string/y", bytesField(1, bytesField(3, []byte("string/y")))),
		attr("plain", "hello", nil),
		attr("plain", "second", nil), // Android reads the first
		bytesField(5, bytesField(2, []byte("  some text "))),
	)
	n, err := ParseXML(doc)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]axml.Attr{
		"hex": {Value: "0x10"}, "neg": {Value: "-3"}, "f": {Value: "1.5"}, "off": {Value: "false"},
		"dim": {Value: "4097"}, "ref": {Ref: 0x7f0b0001}, "theme": {Value: "16842752"},
		"unres": {Value: "@string/y"}, "plain": {Value: "hello"},
	}
	if !reflect.DeepEqual(n.Attrs, want) {
		t.Errorf("attrs = %v\nwant    %v", n.Attrs, want)
	}
	if n.Text != "some text" {
		t.Errorf("text = %q", n.Text)
	}
}

func TestParseXMLHostile(t *testing.T) {
	deep := element("x")
	for range axml.MaxDepth + 5 {
		deep = element("x", bytesField(5, deep))
	}
	wide := make([][]byte, 0, axml.MaxNodes+1)
	child := bytesField(5, element("c"))
	for range axml.MaxNodes + 1 {
		wide = append(wide, child)
	}
	good := entry(t, fixtureAAB, "base/manifest/AndroidManifest.xml")
	for name, c := range map[string]struct {
		in   []byte
		want string
	}{
		"empty":      {nil, "empty"},
		"text xml":   {[]byte("<?xml version='1.0'?><manifest/>"), "plain-text"},
		"binary xml": {entry(t, fixtureAPK, "AndroidManifest.xml"), "malformed"},
		"no element": {bytesField(2, []byte("just text")), "no element"},
		"deep":       {deep, "limit"},
		"wide":       {element("m", wide...), "limit"},
		"truncated":  {good[:len(good)/2], "malformed"},
		"group":      {protowire.AppendTag(nil, 1, protowire.StartGroupType), "malformed"},
	} {
		n, err := ParseXML(c.in)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, %v; want an error containing %q", name, n, err, c.want)
		}
	}
	if _, err := ParseXML(deep); !errors.Is(err, errTooBig) {
		t.Errorf("deep: %v is not errTooBig", err)
	}
}

func FuzzParseXML(f *testing.F) {
	for _, n := range []string{"base/manifest/AndroidManifest.xml", "base/res/xml/nsc.xml", "camera/manifest/AndroidManifest.xml"} {
		f.Add(entry(f, fixtureAAB, n))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		n, err := ParseXML(b)
		if err == nil && n == nil {
			t.Fatal("nil tree without an error")
		}
		if err != nil && n != nil {
			t.Fatal("tree with an error")
		}
	})
}
