// Package aab reads the parts of an Android App Bundle that differ from an APK:
// the protobuf encodings aapt2 writes with --proto-format (XmlNode for
// AndroidManifest.xml and res/xml, ResourceTable for resources.pb), decoded
// into the trees the APK path uses (axml.Node, arsc.Table), and the module
// layout of the archive. Field numbers follow frameworks/base
// tools/aapt2/Resources.proto and Configuration.proto.
package aab

import (
	"errors"
	"fmt"

	"google.golang.org/protobuf/encoding/protowire"
)

var errMalformed = errors.New("malformed protobuf")

// field is one decoded field: v holds length-delimited contents, x scalars.
type field struct {
	num protowire.Number
	typ protowire.Type
	v   []byte
	x   uint64
}

// walk calls fn for every field of message b, in order. Groups (unused by
// aapt2) are refused, so nesting depth is only what the callers recurse into.
func walk(b []byte, fn func(f field) error) error {
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return fmt.Errorf("%w: bad tag", errMalformed)
		}
		b = b[n:]
		f := field{num: num, typ: typ}
		switch typ {
		case protowire.VarintType:
			f.x, n = protowire.ConsumeVarint(b)
		case protowire.Fixed32Type:
			var x uint32
			x, n = protowire.ConsumeFixed32(b)
			f.x = uint64(x)
		case protowire.Fixed64Type:
			f.x, n = protowire.ConsumeFixed64(b)
		case protowire.BytesType:
			f.v, n = protowire.ConsumeBytes(b)
		default:
			return fmt.Errorf("%w: wire type %d of field %d", errMalformed, typ, num)
		}
		if n < 0 {
			return fmt.Errorf("%w: field %d cut short", errMalformed, num)
		}
		b = b[n:]
		if err := fn(f); err != nil {
			return err
		}
	}
	return nil
}

// bytes reports f's contents when it is length-delimited.
func (f field) bytes() ([]byte, bool) { return f.v, f.typ == protowire.BytesType }

// id reads a uint32 ID field written either as a plain varint (older aapt2) or
// as a one-field wrapper message {uint32 id = 1} (PackageId, TypeId, EntryId).
func (f field) id() (uint32, bool) {
	switch f.typ {
	case protowire.VarintType:
		return uint32(f.x), true
	case protowire.BytesType:
		var id uint32
		ok := false
		_ = walk(f.v, func(g field) error {
			if g.num == 1 && g.typ == protowire.VarintType {
				id, ok = uint32(g.x), true
			}
			return nil
		})
		if !ok && len(f.v) == 0 {
			return 0, true // proto3 drops a zero id
		}
		return id, ok
	}
	return 0, false
}

// stringField returns the string in field num of message b ("" if absent).
func stringField(b []byte, num protowire.Number) string {
	s := ""
	_ = walk(b, func(f field) error {
		if v, ok := f.bytes(); ok && f.num == num {
			s = string(v)
		}
		return nil
	})
	return s
}
