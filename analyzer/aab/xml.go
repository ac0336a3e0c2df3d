package aab

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"google.golang.org/protobuf/encoding/protowire"

	"github.com/hegui-dev/hegui/analyzer/axml"
)

var errTooBig = errors.New("document exceeds the node or depth limit")

// maxText caps the character data kept per element, as axml does.
const maxText = 4096

// ParseXML decodes a protobuf XmlNode (an AndroidManifest.xml or res/xml file
// of a bundle) into the tree axml.Parse gives for binary XML: attributes keyed
// by local name, values rendered as apkparser renders compiled values, resource
// references kept as Attr.Ref.
func ParseXML(b []byte) (*axml.Node, error) {
	if len(b) == 0 {
		return nil, errors.New("empty file")
	}
	if strings.HasPrefix(strings.TrimLeft(string(b[:min(len(b), 64)]), " \t\r\n\ufeff"), "<") {
		return nil, errors.New("plain-text XML, not a protobuf XmlNode")
	}
	d := &xmlDecoder{}
	root, _, err := d.node(b, 0)
	if err != nil {
		return nil, err
	}
	if root == nil {
		return nil, errors.New("no element")
	}
	return root, nil
}

type xmlDecoder struct{ nodes int }

// node decodes an XmlNode {element = 1, text = 2, source = 3}: an element or text.
func (d *xmlDecoder) node(b []byte, depth int) (*axml.Node, string, error) {
	var el *axml.Node
	text := ""
	err := walk(b, func(f field) error {
		v, ok := f.bytes()
		if !ok {
			return nil
		}
		switch f.num {
		case 1:
			n, err := d.element(v, depth)
			if err != nil {
				return err
			}
			el, text = n, ""
		case 2:
			el, text = nil, string(v[:min(len(v), maxText)])
		}
		return nil
	})
	return el, text, err
}

// element decodes an XmlElement {namespace_declaration = 1, namespace_uri = 2,
// name = 3, attribute = 4, child = 5}.
func (d *xmlDecoder) element(b []byte, depth int) (*axml.Node, error) {
	d.nodes++
	if d.nodes > axml.MaxNodes || depth >= axml.MaxDepth {
		return nil, errTooBig
	}
	n := &axml.Node{Attrs: map[string]axml.Attr{}}
	err := walk(b, func(f field) error {
		v, ok := f.bytes()
		if !ok {
			return nil
		}
		switch f.num {
		case 3:
			n.Tag = string(v)
		case 4:
			name, a, err := attribute(v)
			if err != nil {
				return err
			}
			if _, dup := n.Attrs[name]; !dup && name != "" {
				n.Attrs[name] = a // Android reads the first
			}
		case 5:
			c, text, err := d.node(v, depth+1)
			if err != nil {
				return err
			}
			if c != nil {
				n.Children = append(n.Children, c)
			} else if text != "" && len(n.Text) < maxText {
				n.Text = strings.TrimSpace(n.Text + text)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return n, nil
}

// attribute decodes an XmlAttribute {namespace_uri = 1, name = 2, value = 3,
// source = 4, resource_id = 5, compiled_item = 6}.
func attribute(b []byte) (string, axml.Attr, error) {
	var name, raw string
	var item []byte
	hasItem := false
	err := walk(b, func(f field) error {
		v, ok := f.bytes()
		if !ok {
			return nil
		}
		switch f.num {
		case 2:
			name = string(v)
		case 3:
			raw = string(v)
		case 6:
			item, hasItem = v, true
		}
		return nil
	})
	if err != nil {
		return "", axml.Attr{}, fmt.Errorf("attribute: %w", err)
	}
	a := axml.Attr{Value: raw}
	if hasItem {
		if r, ok := renderItem(item); ok {
			a = r
		}
	}
	return name, a, nil
}

// renderItem renders a compiled Item {ref = 1, str = 2, raw_str = 3,
// styled_str = 4, file = 5, id = 6, prim = 7} the way apkparser renders the
// Res_value of binary XML; ok is false when the raw value should stand.
func renderItem(b []byte) (a axml.Attr, ok bool) {
	_ = walk(b, func(f field) error {
		v, isMsg := f.bytes()
		if !isMsg {
			return nil
		}
		switch f.num {
		case 1:
			typ, id := reference(v)
			switch {
			case typ == 1: // ?attr: Res_value TYPE_ATTRIBUTE, printed as a number
				a, ok = axml.Attr{Value: strconv.FormatInt(int64(int32(id)), 10)}, true
			case id != 0:
				a, ok = axml.Attr{Ref: id}, true
			default:
				ok = false
			}
		case 2, 3, 4, 5:
			// String, RawString, StyledString, FileReference: value/path is field 1.
			a, ok = axml.Attr{Value: stringField(v, 1)}, true
		case 7:
			a.Value, ok = primitive(v)
		default:
			ok = false
		}
		return nil
	})
	return a, ok
}

// reference decodes a Reference {type = 1, id = 2, name = 3, ...}.
func reference(b []byte) (typ, id uint32) {
	_ = walk(b, func(f field) error {
		if f.typ == protowire.VarintType {
			switch f.num {
			case 1:
				typ = uint32(f.x)
			case 2:
				id = uint32(f.x)
			}
		}
		return nil
	})
	return typ, id
}

// primitive renders a Primitive's oneof like apkparser renders the Res_value.
func primitive(b []byte) (s string, ok bool) {
	_ = walk(b, func(f field) error {
		ok = true
		switch f.num {
		case 1: // null: TYPE_NULL, data 0
			s = "0"
		case 2: // empty: TYPE_NULL, data 1
			s = "1"
		case 3, 4, 5: // float (and the deprecated float dimension/fraction)
			s = fmt.Sprintf("%g", math.Float32frombits(uint32(f.x)))
		case 7:
			s = fmt.Sprintf("0x%x", uint32(f.x))
		case 8:
			s = strconv.FormatBool(f.x != 0)
		case 6, 9, 10, 11, 12, 13, 14:
			s = strconv.FormatInt(int64(int32(uint32(f.x))), 10)
		default:
			ok = false
		}
		return nil
	})
	return s, ok
}
