package aab

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"google.golang.org/protobuf/encoding/protowire"

	"github.com/hegui-dev/hegui/analyzer/arsc"
)

// TableBuilder collects the resources.pb of every module into one arsc.Table,
// as the installed base and split APKs would resolve them together.
type TableBuilder struct {
	t       *arsc.Table
	strings map[string]uint32
	configs map[arsc.Config]int
	// Warnings are non-fatal problems; the rest was still read.
	Warnings []string
}

// NewTableBuilder starts an empty table bounded by lim.
func NewTableBuilder(lim arsc.Limits) *TableBuilder {
	return &TableBuilder{t: arsc.NewTable("", lim), strings: map[string]uint32{}, configs: map[arsc.Config]int{}}
}

// Table returns the table built so far.
func (tb *TableBuilder) Table() *arsc.Table { return tb.t }

var errFull = errors.New("resource table limit reached")

// Add decodes one ResourceTable {source_pool = 1, package = 2, ...}. On error
// the values read before it are kept.
func (tb *TableBuilder) Add(b []byte) error {
	err := walk(b, func(f field) error {
		if v, ok := f.bytes(); ok && f.num == 2 {
			return tb.pkg(v)
		}
		return nil
	})
	if errors.Is(err, errFull) {
		tb.warn("%v: later resources dropped", err)
		return nil
	}
	return err
}

func (tb *TableBuilder) warn(format string, a ...any) {
	if len(tb.Warnings) < 100 {
		tb.Warnings = append(tb.Warnings, fmt.Sprintf(format, a...))
	}
}

// pkg decodes a Package {package_id = 1, package_name = 2, type = 3}. Types
// are decoded after the whole message, since the ID may come last.
func (tb *TableBuilder) pkg(b []byte) error {
	id, name, types, err := namedList(b)
	if err != nil {
		return fmt.Errorf("package: %w", err)
	}
	if tb.t.Package == "" {
		tb.t.Package = name
	}
	for _, t := range types {
		if err := tb.typ(id&0xff, t); err != nil {
			return err
		}
	}
	return nil
}

// typ decodes a Type {type_id = 1, name = 2, entry = 3}.
func (tb *TableBuilder) typ(pkg uint32, b []byte) error {
	id, name, entries, err := namedList(b)
	if err != nil {
		return fmt.Errorf("type %q: %w", name, err)
	}
	for _, e := range entries {
		if err := tb.entry(pkg<<24|(id&0xff)<<16, name, e); err != nil {
			return err
		}
	}
	return nil
}

// namedList reads the shape Package and Type share: {id = 1, name = 2,
// repeated child = 3}.
func namedList(b []byte) (id uint32, name string, children [][]byte, err error) {
	err = walk(b, func(f field) error {
		switch f.num {
		case 1:
			id, _ = f.id()
		case 2:
			if v, ok := f.bytes(); ok {
				name = string(v)
			}
		case 3:
			if v, ok := f.bytes(); ok {
				children = append(children, v)
			}
		}
		return nil
	})
	return id, name, children, err
}

// entry decodes an Entry {entry_id = 1, name = 2, ..., config_value = 6}; each
// ConfigValue is {config = 1, value = 2}.
func (tb *TableBuilder) entry(base uint32, typeName string, b []byte) error {
	var id uint32
	var name string
	var cvs [][]byte
	err := walk(b, func(f field) error {
		switch f.num {
		case 1:
			id, _ = f.id()
		case 2:
			if v, ok := f.bytes(); ok {
				name = string(v)
			}
		case 6:
			if v, ok := f.bytes(); ok {
				cvs = append(cvs, v)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("entry %s/%s: %w", typeName, name, err)
	}
	rid := base | id&0xffff
	full := typeName + "/" + name
	for _, cv := range cvs {
		var cfg, val []byte
		if err := walk(cv, func(f field) error {
			if v, ok := f.bytes(); ok {
				switch f.num {
				case 1:
					cfg = v
				case 2:
					val = v
				}
			}
			return nil
		}); err != nil {
			return fmt.Errorf("entry %s: %w", full, err)
		}
		v, err := tb.value(val)
		if err != nil {
			return fmt.Errorf("entry %s: %w", full, err)
		}
		v.Config = tb.config(cfg)
		if !tb.t.Add(rid, full, v) {
			return fmt.Errorf("%w (%d values)", errFull, tb.t.Limits().MaxValues)
		}
	}
	return nil
}

// Res_value data types that arsc does not name.
const (
	typeNull       = 0x00
	typeAttribute  = 0x02
	typeDimension  = 0x05
	typeFraction   = 0x06
	typeColorARGB8 = 0x1c
)

// value decodes a Value {source = 1, comment = 2, weak = 3, item = 4,
// compound_value = 5} into the Res_value aapt2 would have written to
// resources.arsc.
func (tb *TableBuilder) value(b []byte) (arsc.Value, error) {
	var v arsc.Value
	var ierr error
	err := walk(b, func(f field) error {
		m, ok := f.bytes()
		if !ok {
			return nil
		}
		switch f.num {
		case 4:
			v, ierr = tb.item(m)
		case 5:
			v = arsc.Value{Complex: true}
		}
		return nil
	})
	if err == nil {
		err = ierr
	}
	return v, err
}

func (tb *TableBuilder) item(b []byte) (arsc.Value, error) {
	var v arsc.Value
	var serr error
	err := walk(b, func(f field) error {
		m, ok := f.bytes()
		if !ok {
			return nil
		}
		switch f.num {
		case 1:
			typ, id := reference(m)
			v = arsc.Value{Type: arsc.TypeReference, Data: id}
			if typ == 1 {
				v.Type = typeAttribute
			}
		case 2, 3, 4, 5:
			v.Type = arsc.TypeString
			v.Data, serr = tb.intern(stringField(m, 1))
		case 6: // Id: aapt2 flattens it to a false boolean
			v = arsc.Value{Type: arsc.TypeIntBool}
		case 7:
			v = primitiveValue(m)
		}
		return nil
	})
	if err == nil {
		err = serr
	}
	return v, err
}

func primitiveValue(b []byte) arsc.Value {
	var v arsc.Value
	_ = walk(b, func(f field) error {
		d := uint32(f.x)
		switch f.num {
		case 1:
			v = arsc.Value{Type: typeNull}
		case 2:
			v = arsc.Value{Type: typeNull, Data: 1}
		case 3:
			v = arsc.Value{Type: arsc.TypeFloat, Data: d}
		case 4: // deprecated float dimension: keep it readable as a float
			v = arsc.Value{Type: arsc.TypeFloat, Data: d}
		case 5:
			v = arsc.Value{Type: arsc.TypeFloat, Data: d}
		case 6:
			v = arsc.Value{Type: arsc.TypeIntDec, Data: d}
		case 7:
			v = arsc.Value{Type: arsc.TypeIntHex, Data: d}
		case 8:
			if d != 0 {
				d = math.MaxUint32
			}
			v = arsc.Value{Type: arsc.TypeIntBool, Data: d}
		case 9, 10, 11, 12:
			v = arsc.Value{Type: uint8(typeColorARGB8 + f.num - 9), Data: d}
		case 13:
			v = arsc.Value{Type: typeDimension, Data: d}
		case 14:
			v = arsc.Value{Type: typeFraction, Data: d}
		}
		return nil
	})
	return v
}

// intern adds s to the global string list once.
func (tb *TableBuilder) intern(s string) (uint32, error) {
	lim := tb.t.Limits()
	if len(s) > lim.MaxStringLen {
		s = s[:lim.MaxStringLen]
	}
	if i, ok := tb.strings[s]; ok {
		return i, nil
	}
	if len(tb.t.Strings) >= lim.MaxStrings {
		return 0, fmt.Errorf("%w (%d strings)", errFull, lim.MaxStrings)
	}
	i := uint32(len(tb.t.Strings))
	tb.t.Strings = append(tb.t.Strings, s)
	tb.strings[s] = i
	return i, nil
}

// config decodes the locale of a Configuration {mcc = 1, mnc = 2, locale = 3,
// ..., product = 25} and interns it. Any qualifier but the build-time product
// makes it not Plain.
func (tb *TableBuilder) config(b []byte) int {
	c := arsc.Config{Plain: true}
	_ = walk(b, func(f field) error {
		switch {
		case f.num == 3:
			c.Language, c.Script, c.Country = splitLocale(string(f.v))
			if f.typ != protowire.BytesType || len(f.v) > 0 {
				c.Plain = false
			}
		case f.num == 25:
		case f.typ == protowire.BytesType && len(f.v) == 0, f.typ != protowire.BytesType && f.x == 0:
		default:
			c.Plain = false
		}
		return nil
	})
	if i, ok := tb.configs[c]; ok {
		return i
	}
	tb.t.Configs = append(tb.t.Configs, c)
	tb.configs[c] = len(tb.t.Configs) - 1
	return len(tb.t.Configs) - 1
}

// splitLocale splits a BCP-47 tag as aapt2 writes it ("zh-CN", "zh-Hans-CN",
// "b+sr+Latn") into language, script and region.
func splitLocale(tag string) (lang, script, region string) {
	tag = strings.TrimPrefix(tag, "b+")
	parts := strings.FieldsFunc(tag, func(r rune) bool { return r == '-' || r == '+' || r == '_' })
	for i, p := range parts {
		if len(p) > 8 {
			continue
		}
		switch {
		case i == 0:
			lang = strings.ToLower(p)
		case len(p) == 4 && script == "" && region == "":
			script = strings.ToUpper(p[:1]) + strings.ToLower(p[1:])
		case (len(p) == 2 || len(p) == 3 && p[0] >= '0' && p[0] <= '9') && region == "":
			region = strings.ToUpper(p)
		}
	}
	return lang, script, region
}
