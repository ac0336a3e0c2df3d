package source

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/hegui-dev/hegui/analyzer/axml"
)

// valueString is one <string> or string-array <item> of a values file.
type valueString struct {
	name  string // "" for array items
	value string
	line  int
}

// stringValues reads the strings of a values file in document order, with
// Android's escapes (\' \" \n and surrounding quotes) undone and markup dropped.
func stringValues(src []byte) ([]valueString, error) {
	if len(src) > maxXMLSize {
		return nil, errTooBig
	}
	d := xml.NewDecoder(bytes.NewReader(src))
	d.Strict = false
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) { return r, nil }
	var out []valueString
	var cur *valueString
	var text strings.Builder
	depth, curDepth := 0, 0
	for n := 0; n < maxXMLElements; n++ {
		line, _ := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return out, fmt.Errorf("line %d: %v", line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if cur == nil && (t.Name.Local == "string" || t.Name.Local == "item") {
				cur, curDepth = &valueString{line: line}, depth
				for _, a := range t.Attr {
					if a.Name.Local == "name" && t.Name.Local == "string" {
						cur.name = a.Value
					}
				}
				text.Reset()
			}
		case xml.CharData:
			if cur != nil && text.Len() < maxLiteral*4 {
				text.Write(t)
			}
		case xml.EndElement:
			if cur != nil && depth == curDepth {
				cur.value = androidEscapes(text.String())
				out = append(out, *cur)
				cur = nil
			}
			depth--
		}
	}
	return out, nil
}

type sizeError struct{}

func (sizeError) Error() string { return "file over the size limit" }

var errTooBig error = sizeError{}

var androidUnescaper = strings.NewReplacer(`\'`, `'`, `\"`, `"`, `\n`, "\n", `\t`, "\t", `\@`, "@", `\?`, "?", `\\`, `\`)

// androidEscapes undoes aapt's string escapes and surrounding quotes.
func androidEscapes(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		s = s[1 : len(s)-1]
	}
	return androidUnescaper.Replace(s)
}

// isZHValues: values-zh, values-zh-rCN, values-zh-rTW, values-b+zh+Hans...
func isZHValues(dir string) bool {
	return strings.HasPrefix(dir, "values-zh") || strings.HasPrefix(dir, "values-b+zh")
}

// axmlTree gives a parsed text-XML document the shape the APK reader produces, so
// that both read it with the same code (analyzer.NetworkSecurityOf).
func axmlTree(e *elem) *axml.Node {
	n := &axml.Node{Tag: e.name, Attrs: make(map[string]axml.Attr, len(e.attrs))}
	for k, v := range e.attrs {
		if k == "#text" {
			n.Text = strings.TrimSpace(v)
			continue
		}
		n.Attrs[k] = axml.Attr{Value: v}
	}
	for _, c := range e.children {
		n.Children = append(n.Children, axmlTree(c))
	}
	return n
}
