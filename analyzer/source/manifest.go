package source

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

const (
	nsAndroid = "http://schemas.android.com/apk/res/android"
	nsTools   = "http://schemas.android.com/tools"
)

// elem is an XML element with its attributes keyed "android:name", "tools:node",
// "package", and the line its start tag begins on.
type elem struct {
	name     string
	attrs    map[string]string
	line     int
	tag      []byte // the start tag as written, for attrLine
	children []*elem
}

func (e *elem) attr(k string) string { return e.attrs[k] }

// attrLine is the line attribute k ("android:allowBackup") is written on: the
// tag's first line plus the line breaks before it. encoding/xml gives no
// attribute positions, so the raw tag is searched for the local name followed by
// "="; when that fails the tag's line stands.
func (e *elem) attrLine(k string) int {
	local := k[strings.IndexByte(k, ':')+1:]
	for i := 0; i < len(e.tag); {
		j := bytes.Index(e.tag[i:], []byte(local))
		if j < 0 {
			break
		}
		at, end := i+j, i+j+len(local)
		rest := bytes.TrimLeft(e.tag[end:], " \t\r\n")
		if at > 0 && (e.tag[at-1] == ':' || isSpace(e.tag[at-1])) && len(rest) > 0 && rest[0] == '=' {
			return e.line + bytes.Count(e.tag[:at], []byte("\n"))
		}
		i = end
	}
	return e.line
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func (e *elem) all(name string) []*elem {
	var out []*elem
	for _, c := range e.children {
		if c.name == name {
			out = append(out, c)
		}
	}
	return out
}

func (e *elem) first(name string) *elem {
	for _, c := range e.children {
		if c.name == name {
			return c
		}
	}
	return nil
}

// Bounds for a text XML document: manifests and resource files.
const (
	maxXMLSize     = 8 << 20
	maxXMLElements = 200_000
	maxXMLDepth    = 64
)

// parseXML reads a text XML document into an element tree with line numbers.
func parseXML(src []byte) (*elem, error) {
	if len(src) > maxXMLSize {
		return nil, fmt.Errorf("%d bytes, over the %d limit", len(src), maxXMLSize)
	}
	d := xml.NewDecoder(bytes.NewReader(src))
	d.Strict = false
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) { return r, nil }
	var root *elem
	var stack []*elem
	n := 0
	for {
		line, _ := d.InputPos()
		start := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if root != nil {
				return root, fmt.Errorf("line %d: %v", line, err)
			}
			return nil, fmt.Errorf("line %d: %v", line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n++
			if n > maxXMLElements || len(stack) >= maxXMLDepth {
				return root, fmt.Errorf("line %d: too many or too deeply nested elements", line)
			}
			e := &elem{name: t.Name.Local, attrs: make(map[string]string, len(t.Attr)), line: line}
			if end := d.InputOffset(); start >= 0 && start <= end && end <= int64(len(src)) {
				e.tag = src[start:end]
			}
			for _, a := range t.Attr {
				key := a.Name.Local
				switch a.Name.Space {
				case nsAndroid, "android":
					key = "android:" + key
				case nsTools, "tools":
					key = "tools:" + key
				case "xmlns":
					continue
				}
				e.attrs[key] = a.Value
			}
			if len(stack) == 0 {
				if root == nil {
					root = e
				}
			} else {
				p := stack[len(stack)-1]
				p.children = append(p.children, e)
			}
			stack = append(stack, e)
		case xml.CharData:
			if len(stack) > 0 {
				if top := stack[len(stack)-1]; len(top.attrs["#text"]) < 4096 {
					top.attrs["#text"] += string(t)
				}
			}
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	if root == nil {
		return nil, fmt.Errorf("no root element")
	}
	return root, nil
}

// manifestDoc is one AndroidManifest.xml of a module's source set.
type manifestDoc struct {
	path string // relative to the scanned root
	root *elem
	mod  *module
}

// resolveName expands ".Foo" and "Foo" against pkg as the manifest merger does.
func resolveName(name, pkg string) string {
	switch {
	case name == "" || pkg == "":
		return name
	case strings.HasPrefix(name, "."):
		return pkg + name
	case !strings.Contains(name, "."):
		return pkg + "." + name
	}
	return name
}

// substitute replaces ${key} placeholders; unknown keys stay as written.
func substitute(s string, values map[string]string) string {
	if !strings.Contains(s, "${") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		key := s[i+2 : i+j]
		b.WriteString(s[:i])
		if v, ok := values[key]; ok {
			b.WriteString(v)
		} else {
			b.WriteString(s[i : i+j+1])
		}
		s = s[i+j+1:]
	}
}
