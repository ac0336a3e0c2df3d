// Package axml turns Android binary XML (AndroidManifest.xml, res/xml/*.xml) into a
// small bounded element tree. Decoding is done by github.com/avast/apkparser, which
// reads malformed files the way Android does; this package bounds depth and size.
package axml

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/avast/apkparser"
)

// Limits on one document.
const (
	MaxNodes = 1 << 18
	MaxDepth = 64
)

// Node is an element. Attributes are keyed by local name ("name", "exported");
// an attribute whose value was a resource reference keeps it as Ref.
type Node struct {
	Tag      string
	Attrs    map[string]Attr
	Children []*Node
	Text     string // character data directly inside the element, trimmed
}

// Attr is one attribute value as decoded text, and the resource ID when the value
// was a reference (text then is "").
type Attr struct {
	Value string
	Ref   uint32
}

// Get returns the text of attribute name ("" when absent).
func (n *Node) Get(name string) string { return n.Attrs[name].Value }

// Has reports whether the attribute is present.
func (n *Node) Has(name string) bool { _, ok := n.Attrs[name]; return ok }

var errTooBig = errors.New("document exceeds the node or depth limit")

type builder struct {
	root  *Node
	stack []*Node
	nodes int
}

func (b *builder) EncodeToken(t xml.Token) error {
	switch t := t.(type) {
	case xml.StartElement:
		b.nodes++
		if b.nodes > MaxNodes || len(b.stack) >= MaxDepth {
			return errTooBig
		}
		n := &Node{Tag: t.Name.Local, Attrs: make(map[string]Attr, len(t.Attr))}
		for _, a := range t.Attr {
			if _, dup := n.Attrs[a.Name.Local]; dup {
				continue // Android reads the first
			}
			n.Attrs[a.Name.Local] = parseAttr(a.Value)
		}
		if len(b.stack) == 0 {
			if b.root != nil {
				return apkparser.ErrEndParsing // a second root: Android stops here too
			}
			b.root = n
		} else {
			p := b.stack[len(b.stack)-1]
			p.Children = append(p.Children, n)
		}
		b.stack = append(b.stack, n)
	case xml.CharData:
		if len(b.stack) > 0 {
			if n := b.stack[len(b.stack)-1]; len(n.Text) < 4096 {
				n.Text = strings.TrimSpace(n.Text + string(t))
			}
		}
	case xml.EndElement:
		if len(b.stack) > 0 {
			b.stack = b.stack[:len(b.stack)-1]
		}
	}
	return nil
}

func (b *builder) Flush() error { return nil }

// parseAttr recognises apkparser's rendering of an unresolved reference, "@7f0a0001".
func parseAttr(v string) Attr {
	if len(v) >= 2 && len(v) <= 9 && v[0] == '@' {
		if id, err := strconv.ParseUint(v[1:], 16, 32); err == nil && id != 0 {
			return Attr{Ref: uint32(id)}
		}
	}
	return Attr{Value: v}
}

// Parse decodes binary XML. It returns an error when no element could be read.
// A document cut short returns what was read along with a non-nil warn.
func Parse(b []byte) (root *Node, warn error, err error) {
	if len(b) == 0 {
		return nil, nil, errors.New("empty file")
	}
	if bytes.HasPrefix(bytes.TrimLeft(b, " \t\r\n\ufeff"), []byte("<")) {
		return nil, nil, errors.New("plain-text XML, not compiled binary XML")
	}
	bld := &builder{}
	perr := safeParse(b, bld)
	if errors.Is(perr, errTooBig) {
		return nil, nil, perr
	}
	if bld.root == nil {
		if perr == nil {
			perr = errors.New("no element")
		}
		return nil, nil, perr
	}
	return bld.root, perr, nil
}

func safeParse(b []byte, enc apkparser.ManifestEncoder) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("binary XML decoder panic: %v", r)
		}
	}()
	err = apkparser.ParseXmlWithConfig(bytes.NewReader(b), enc, nil, &apkparser.ParseConfig{MaxStringTableBytes: 16 << 20})
	if err != nil && strings.Contains(err.Error(), errTooBig.Error()) {
		return errTooBig
	}
	return err
}
