package source

import (
	"encoding/xml"
	"path"
	"strings"

	"github.com/hegui-dev/hegui/analyzer"
)

// stringValues returns the <string name="...">value</string> entries of a values
// file, with Android's escapes (\' \" \n and surrounding quotes) undone.
func stringValues(src []byte) (map[string]string, []string, error) {
	var doc struct {
		Strings []struct {
			Name  string `xml:"name,attr"`
			Inner string `xml:",innerxml"`
		} `xml:"string"`
		Arrays []struct {
			Items []string `xml:"item"`
		} `xml:"string-array"`
	}
	if len(src) > maxXMLSize {
		return nil, nil, errTooBig
	}
	d := xml.NewDecoder(strings.NewReader(string(src)))
	d.Strict = false
	if err := d.Decode(&doc); err != nil {
		return nil, nil, err
	}
	named := map[string]string{}
	var all []string
	for _, s := range doc.Strings {
		v := androidText(s.Inner)
		named[s.Name] = v
		all = append(all, v)
	}
	for _, a := range doc.Arrays {
		for _, it := range a.Items {
			all = append(all, androidText(it))
		}
	}
	return named, all, nil
}

type sizeError struct{}

func (sizeError) Error() string { return "file over the size limit" }

var errTooBig error = sizeError{}

// androidText turns a string resource's inner XML into the text the app shows:
// markup and CDATA markers dropped, escapes undone.
func androidText(inner string) string {
	var b strings.Builder
	in := inner
	for len(in) > 0 {
		switch {
		case strings.HasPrefix(in, "<![CDATA["):
			end := strings.Index(in, "]]>")
			if end < 0 {
				b.WriteString(in[9:])
				in = ""
				continue
			}
			b.WriteString(in[9:end])
			in = in[end+3:]
		case in[0] == '<':
			end := strings.IndexByte(in, '>')
			if end < 0 {
				in = ""
				continue
			}
			in = in[end+1:]
		default:
			end := strings.IndexByte(in, '<')
			if end < 0 {
				end = len(in)
			}
			b.WriteString(xmlUnescape(in[:end]))
			in = in[end:]
		}
	}
	s := strings.TrimSpace(b.String())
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		s = s[1 : len(s)-1]
	}
	r := strings.NewReplacer(`\'`, `'`, `\"`, `"`, `\n`, "\n", `\t`, "\t", `\@`, "@", `\?`, "?", `\\`, `\`)
	return r.Replace(s)
}

func xmlUnescape(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	var v struct {
		S string `xml:",chardata"`
	}
	if err := xml.Unmarshal([]byte("<x>"+s+"</x>"), &v); err != nil {
		return s
	}
	return v.S
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
	ns.CleartextDomains = sortedUnique(ns.CleartextDomains)
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
