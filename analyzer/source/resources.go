package source

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"

	"github.com/hegui-dev/hegui/analyzer"
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

// networkSecurity summarises a network_security_config document.
func networkSecurity(root *elem, relPath string, defaultCleartext bool) *analyzer.NetworkSecurity {
	ns := &analyzer.NetworkSecurity{Path: relPath, CleartextPermitted: defaultCleartext}
	for _, c := range root.children {
		switch c.name {
		case "base-config":
			if b := parseBool(c.attr("cleartextTrafficPermitted")); b != nil {
				ns.CleartextPermitted = *b
			}
			if trustsUser(c) {
				ns.TrustsUserCAs = true
			}
		case "domain-config":
			if c.attr("cleartextTrafficPermitted") == "true" {
				for _, d := range c.all("domain") {
					ns.CleartextDomains = append(ns.CleartextDomains, strings.TrimSpace(textOf(d)))
				}
			}
			if trustsUser(c) {
				ns.TrustsUserCAs = true
			}
		case "debug-overrides":
			ns.DebugOverrides = true
		}
	}
	slices.Sort(ns.CleartextDomains)
	ns.CleartextDomains = slices.Compact(ns.CleartextDomains)
	return ns
}

func trustsUser(c *elem) bool {
	for _, ta := range c.all("trust-anchors") {
		for _, cert := range ta.all("certificates") {
			if cert.attr("src") == "user" {
				return true
			}
		}
	}
	return false
}

// textOf: the XML tree keeps no text; domain names are re-read from attributes
// stored by parseXML under "#text".
func textOf(e *elem) string { return e.attrs["#text"] }

var assetTypes = map[string]string{
	".html": "html", ".htm": "html", ".txt": "text", ".md": "text", ".json": "json", ".xml": "xml",
	".png": "image", ".jpg": "image", ".jpeg": "image", ".gif": "image", ".webp": "image", ".svg": "image",
	".dex": "dex", ".jar": "jar", ".apk": "apk", ".so": "so", ".ttf": "font", ".otf": "font",
	".mp3": "audio", ".ogg": "audio", ".wav": "audio", ".pdf": "other",
}

func assetType(p string) string {
	if t, ok := assetTypes[strings.ToLower(path.Ext(p))]; ok {
		return t
	}
	return "other"
}

func isText(t string) bool { return t == "html" || t == "text" || t == "json" || t == "xml" }
