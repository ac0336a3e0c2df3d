// Package arsc reads resources.arsc: the global string pool and, per resource ID,
// the simple values of every configuration. It is a small bounded reader written
// for hostile input: every offset is checked against the chunk that holds it and
// Limits caps what a file can make it allocate.
package arsc

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// Limits bounds one table. Zero fields take the defaults.
type Limits struct {
	MaxStrings   int // entries of one string pool
	MaxStringLen int // decoded bytes of one string
	MaxValues    int // (resource, configuration) values kept in all
}

// DefaultLimits fit the largest real-world tables.
var DefaultLimits = Limits{MaxStrings: 1 << 21, MaxStringLen: 1 << 20, MaxValues: 1 << 22}

const (
	typeStringPool = 0x0001
	typeTable      = 0x0002
	typePackage    = 0x0200
	typeType       = 0x0201
	typeSpec       = 0x0202

	// Res_value data types.
	TypeReference = 0x01
	TypeString    = 0x03
	TypeFloat     = 0x04
	TypeIntDec    = 0x10
	TypeIntHex    = 0x11
	TypeIntBool   = 0x12
)

// Config is the part of ResTable_config that hegui cares about: the locale.
type Config struct {
	Language string // "zh", "" for the default
	Country  string // "CN"
	Script   string // "Hans"
	Plain    bool   // no qualifier at all: the true default configuration
}

// Locale renders the config the way resource directories name it ("zh-rCN", "b+zh+Hans").
func (c Config) Locale() string {
	s := c.Language
	if c.Script != "" {
		s += "+" + c.Script
	}
	if c.Country != "" {
		s += "-r" + c.Country
	}
	return s
}

// Value is one resource value in one configuration.
type Value struct {
	Config  int // index into Table.Configs
	Type    uint8
	Data    uint32
	Complex bool // a bag (style, array, plurals): Type and Data are unset
}

// Table is a parsed resources.arsc.
type Table struct {
	Package string   // name of the first package
	Strings []string // global string pool, complete
	Configs []Config
	// Warnings are non-fatal problems; the rest of the table was still read.
	Warnings []string

	values map[uint32][]Value
	names  map[uint32]string // resource ID → "type/name"
	lim    Limits
	nvals  int
}

// Parse reads a resources.arsc held in b.
func Parse(b []byte, lim Limits) (t *Table, err error) {
	t = NewTable("", lim)
	typ, hdr, size, err := chunkHeader(b, 0)
	if err != nil {
		return nil, err
	}
	if typ != typeTable {
		return nil, fmt.Errorf("not a resource table (chunk type 0x%04x)", typ)
	}
	if size > len(b) {
		t.warn("table claims %d bytes, file has %d", size, len(b))
		size = len(b)
	}
	sawPool := false
	for off := hdr; off+8 <= size; {
		ct, _, cs, err := chunkHeader(b[:size], off)
		if err != nil {
			t.warn("chunk at 0x%x: %v", off, err)
			break
		}
		chunk := b[off : off+cs]
		switch ct {
		case typeStringPool:
			if !sawPool {
				sawPool = true
				var damaged string
				t.Strings, damaged, err = ReadStringPool(chunk, t.lim)
				if err != nil {
					return nil, fmt.Errorf("global string pool: %w", err)
				}
				if damaged != "" {
					t.warn("global string pool: %s", damaged)
				}
			}
		case typePackage:
			if err := t.readPackage(chunk); err != nil {
				t.warn("package at 0x%x: %v", off, err)
			}
		}
		off += cs
	}
	if !sawPool {
		return nil, errors.New("no global string pool")
	}
	return t, nil
}

func (t *Table) warn(format string, a ...any) {
	if len(t.Warnings) < 100 {
		t.Warnings = append(t.Warnings, fmt.Sprintf(format, a...))
	}
}

// chunkHeader reads the ResChunk_header at off and checks it fits in b.
func chunkHeader(b []byte, off int) (typ uint16, hdr, size int, err error) {
	if off < 0 || off+8 > len(b) {
		return 0, 0, 0, errors.New("truncated chunk header")
	}
	typ = binary.LittleEndian.Uint16(b[off:])
	hdr = int(binary.LittleEndian.Uint16(b[off+2:]))
	sz := binary.LittleEndian.Uint32(b[off+4:])
	if hdr < 8 || uint64(sz) < uint64(hdr) || uint64(sz) > uint64(len(b)-off) {
		return 0, 0, 0, fmt.Errorf("bad chunk 0x%04x: header %d, size %d, %d bytes left", typ, hdr, sz, len(b)-off)
	}
	return typ, hdr, int(sz), nil
}

func u32(b []byte, off int) (uint32, bool) {
	if off < 0 || off+4 > len(b) {
		return 0, false
	}
	return binary.LittleEndian.Uint32(b[off:]), true
}

func u16(b []byte, off int) (uint16, bool) {
	if off < 0 || off+2 > len(b) {
		return 0, false
	}
	return binary.LittleEndian.Uint16(b[off:]), true
}

// ReadStringPool decodes a ResStringPool chunk (header included). Styles are ignored.
// A string that cannot be decoded becomes "" so indices stay aligned, as Android
// tolerates it; damaged then says how many and why the first one failed ("" when
// none). err is set only when the pool as a whole cannot be read.
func ReadStringPool(chunk []byte, lim Limits) (strs []string, damaged string, err error) {
	if lim.MaxStrings <= 0 {
		lim.MaxStrings = DefaultLimits.MaxStrings
	}
	if lim.MaxStringLen <= 0 {
		lim.MaxStringLen = DefaultLimits.MaxStringLen
	}
	if len(chunk) < 28 {
		return nil, "", errors.New("string pool header truncated")
	}
	hdr := int(binary.LittleEndian.Uint16(chunk[2:]))
	count := binary.LittleEndian.Uint32(chunk[8:])
	flags := binary.LittleEndian.Uint32(chunk[16:])
	start := binary.LittleEndian.Uint32(chunk[20:])
	if count > uint32(lim.MaxStrings) {
		return nil, "", fmt.Errorf("%d strings exceed the limit of %d", count, lim.MaxStrings)
	}
	if hdr < 28 || uint64(hdr)+4*uint64(count) > uint64(len(chunk)) {
		return nil, "", fmt.Errorf("%d string offsets do not fit in %d bytes", count, len(chunk))
	}
	if count > 0 && uint64(start) >= uint64(len(chunk)) {
		return nil, "", fmt.Errorf("strings start 0x%x outside the %d-byte pool", start, len(chunk))
	}
	utf8Pool := flags&0x100 != 0
	// Offsets may overlap: cap the total decoded size so a small pool cannot
	// expand into gigabytes.
	budget := 4*len(chunk) + 1<<20
	out := make([]string, count)
	bad := 0
	var firstBad string
	fail := func(format string, a ...any) {
		if bad++; bad == 1 {
			firstBad = fmt.Sprintf(format, a...)
		}
	}
	for i := range out {
		rel := binary.LittleEndian.Uint32(chunk[hdr+4*i:])
		pos := uint64(start) + uint64(rel)
		if pos >= uint64(len(chunk)) {
			fail("string %d: offset 0x%x outside the pool", i, pos)
			continue
		}
		var s string
		var err error
		if utf8Pool {
			s, err = decodeUTF8(chunk[pos:], lim.MaxStringLen)
		} else {
			s, err = decodeUTF16(chunk[pos:], lim.MaxStringLen)
		}
		if err != nil {
			fail("string %d: %v", i, err)
			continue
		}
		budget -= len(s)
		if budget < 0 {
			return out, "", errors.New("decoded strings exceed the pool's size budget (overlapping offsets)")
		}
		out[i] = s
	}
	if bad > 0 {
		damaged = fmt.Sprintf("%d of %d strings unreadable, read as empty (first: %s)", bad, count, firstBad)
	}
	return out, damaged, nil
}

func decodeUTF8(b []byte, max int) (string, error) {
	_, n1, ok := len8(b)
	if !ok {
		return "", errors.New("truncated length")
	}
	blen, n2, ok := len8(b[n1:])
	if !ok {
		return "", errors.New("truncated length")
	}
	p := n1 + n2
	if blen > max {
		return "", fmt.Errorf("string of %d bytes exceeds the limit", blen)
	}
	if p+blen > len(b) {
		return "", errors.New("string runs past the pool")
	}
	s := b[p : p+blen]
	if !utf8.Valid(s) {
		return string([]rune(string(s))), nil // replaces invalid bytes
	}
	return string(s), nil
}

func len8(b []byte) (int, int, bool) {
	if len(b) < 1 {
		return 0, 0, false
	}
	if b[0]&0x80 == 0 {
		return int(b[0]), 1, true
	}
	if len(b) < 2 {
		return 0, 0, false
	}
	return int(b[0]&0x7f)<<8 | int(b[1]), 2, true
}

func decodeUTF16(b []byte, max int) (string, error) {
	if len(b) < 2 {
		return "", errors.New("truncated length")
	}
	n := int(binary.LittleEndian.Uint16(b))
	p := 2
	if n&0x8000 != 0 {
		if len(b) < 4 {
			return "", errors.New("truncated length")
		}
		n = (n&0x7fff)<<16 | int(binary.LittleEndian.Uint16(b[2:]))
		p = 4
	}
	if n*2 > max {
		return "", fmt.Errorf("string of %d units exceeds the limit", n)
	}
	if p+2*n > len(b) {
		return "", errors.New("string runs past the pool")
	}
	u := make([]uint16, n)
	for i := range u {
		u[i] = binary.LittleEndian.Uint16(b[p+2*i:])
	}
	return string(utf16.Decode(u)), nil
}

func (t *Table) readPackage(chunk []byte) error {
	hdr := int(binary.LittleEndian.Uint16(chunk[2:]))
	if hdr < 284 || hdr > len(chunk) {
		return fmt.Errorf("package header of %d bytes", hdr)
	}
	id := binary.LittleEndian.Uint32(chunk[8:])
	if id > 0xff {
		return fmt.Errorf("package id 0x%x", id)
	}
	if t.Package == "" {
		u := make([]uint16, 0, 128)
		for i := 0; i < 128; i++ {
			c := binary.LittleEndian.Uint16(chunk[12+2*i:])
			if c == 0 {
				break
			}
			u = append(u, c)
		}
		t.Package = string(utf16.Decode(u))
	}
	typeStrOff := binary.LittleEndian.Uint32(chunk[268:])
	keyStrOff := binary.LittleEndian.Uint32(chunk[276:])
	var typeIDOffset uint32
	if hdr >= 288 {
		typeIDOffset = binary.LittleEndian.Uint32(chunk[284:])
	}
	pool := func(off uint32) []string {
		if off == 0 || uint64(off) >= uint64(len(chunk)) {
			return nil
		}
		_, _, size, err := chunkHeader(chunk, int(off))
		if err != nil {
			t.warn("package pool at 0x%x: %v", off, err)
			return nil
		}
		s, damaged, err := ReadStringPool(chunk[off:int(off)+size], t.lim)
		if err != nil {
			t.warn("package pool at 0x%x: %v", off, err)
		} else if damaged != "" {
			t.warn("package pool at 0x%x: %s", off, damaged)
		}
		return s
	}
	typeNames, keys := pool(typeStrOff), pool(keyStrOff)

	for off := hdr; off+8 <= len(chunk); {
		ct, _, cs, err := chunkHeader(chunk, off)
		if err != nil {
			return err
		}
		if ct == typeType {
			if err := t.readType(chunk[off:off+cs], id, typeIDOffset, typeNames, keys); err != nil {
				t.warn("type chunk at 0x%x: %v", off, err)
			}
		}
		off += cs
	}
	return nil
}

func (t *Table) readType(c []byte, pkg, typeIDOffset uint32, typeNames, keys []string) error {
	hdr := int(binary.LittleEndian.Uint16(c[2:]))
	if len(c) < 20 || hdr < 20 {
		return errors.New("type header truncated")
	}
	tid := uint32(c[8])
	flags := c[9]
	count := binary.LittleEndian.Uint32(c[12:])
	entriesStart := binary.LittleEndian.Uint32(c[16:])
	if tid == 0 {
		return errors.New("type id 0")
	}
	if uint64(entriesStart) > uint64(len(c)) {
		return fmt.Errorf("entries start 0x%x past the chunk", entriesStart)
	}
	cfg := t.config(c[20:hdr])
	tname := ""
	if i := int(tid) - 1 - int(typeIDOffset); i >= 0 && i < len(typeNames) {
		tname = typeNames[i]
	}
	const sparse, offset16 = 0x01, 0x02
	var width uint64 = 4
	if flags&(sparse|offset16) != 0 {
		width = 2
		if flags&sparse != 0 {
			width = 4
		}
	}
	if uint64(hdr)+width*uint64(count) > uint64(len(c)) {
		return fmt.Errorf("%d entry offsets do not fit", count)
	}
	for i := uint32(0); i < count; i++ {
		p := hdr + int(width)*int(i)
		var idx, off uint32
		switch {
		case flags&sparse != 0:
			idx = uint32(binary.LittleEndian.Uint16(c[p:]))
			off = uint32(binary.LittleEndian.Uint16(c[p+2:])) * 4
		case flags&offset16 != 0:
			v := binary.LittleEndian.Uint16(c[p:])
			if v == 0xffff {
				continue
			}
			idx, off = i, uint32(v)*4
		default:
			idx, off = i, binary.LittleEndian.Uint32(c[p:])
			if off == 0xffffffff {
				continue
			}
		}
		if idx > 0xffff {
			continue
		}
		e := int(entriesStart) + int(off)
		if uint64(entriesStart)+uint64(off) > uint64(len(c)) {
			continue
		}
		v, key, ok := readEntry(c, e)
		if !ok {
			continue
		}
		v.Config = cfg
		rid := pkg<<24 | tid<<16 | idx
		if _, seen := t.names[rid]; !seen && int(key) < len(keys) {
			t.names[rid] = tname + "/" + keys[key]
		}
		if t.nvals >= t.lim.MaxValues {
			return fmt.Errorf("more than %d values", t.lim.MaxValues)
		}
		t.nvals++
		t.values[rid] = append(t.values[rid], v)
	}
	return nil
}

// readEntry reads a ResTable_entry (plain, complex or compact) at e.
func readEntry(c []byte, e int) (Value, uint32, bool) {
	size, ok1 := u16(c, e)
	flags, ok2 := u16(c, e+2)
	key, ok3 := u32(c, e+4)
	if !ok1 || !ok2 || !ok3 {
		return Value{}, 0, false
	}
	const complexFlag, compact = 0x0001, 0x0008
	if flags&compact != 0 {
		return Value{Type: uint8(flags >> 8), Data: key}, uint32(size), true
	}
	if flags&complexFlag != 0 {
		return Value{Complex: true}, key, true
	}
	vt := e + int(size)
	if size < 8 || vt+8 > len(c) {
		return Value{}, 0, false
	}
	return Value{Type: c[vt+3], Data: binary.LittleEndian.Uint32(c[vt+4:])}, key, true
}

// config interns the locale of a ResTable_config.
func (t *Table) config(b []byte) int {
	var cfg Config
	if len(b) >= 12 {
		cfg.Language = unpackLang(b[8], b[9], 'a')
		cfg.Country = unpackLang(b[10], b[11], '0')
	}
	if len(b) >= 40 {
		cfg.Script = printable(b[36:40])
	}
	cfg.Plain = true
	size := len(b)
	if len(b) >= 4 {
		if s := int(binary.LittleEndian.Uint32(b)); s < size {
			size = s
		}
	}
	for _, x := range b[min(4, size):size] {
		if x != 0 {
			cfg.Plain = false
			break
		}
	}
	for i, c := range t.Configs {
		if c == cfg {
			return i
		}
	}
	t.Configs = append(t.Configs, cfg)
	return len(t.Configs) - 1
}

// unpackLang decodes a 2-byte language or region code; 3-letter codes are packed
// into 15 bits when the high bit is set.
func unpackLang(a, b byte, base byte) string {
	if a == 0 {
		return ""
	}
	if a&0x80 == 0 {
		return printable([]byte{a, b})
	}
	first := b & 0x1f
	second := (b&0xe0)>>5 | (a&0x03)<<3
	third := (a & 0x7c) >> 2
	return string([]byte{first + base, second + base, third + base})
}

func printable(b []byte) string {
	out := make([]byte, 0, len(b))
	for _, c := range b {
		if c == 0 {
			break
		}
		if c < 0x20 || c > 0x7e {
			return ""
		}
		out = append(out, c)
	}
	return string(out)
}

// Name returns "type/name" of a resource ID ("string/app_name").
func (t *Table) Name(id uint32) (string, bool) {
	n, ok := t.names[id]
	return n, ok
}

// Values returns every configuration's value of id.
func (t *Table) Values(id uint32) []Value { return t.values[id] }

// Pick chooses the value of id for a locale ("" for the default, "zh" for
// Chinese), following references up to a small depth. ok is false when the
// resource has no value in a matching configuration.
func (t *Table) Pick(id uint32, lang string) (Value, bool) {
	for depth := 0; depth < 8; depth++ {
		v, ok := t.best(t.values[id], lang)
		if !ok {
			return Value{}, false
		}
		if v.Type != TypeReference || v.Data == 0 || v.Data == id {
			return v, true
		}
		id = v.Data
	}
	return Value{}, false
}

func (t *Table) best(vs []Value, lang string) (Value, bool) {
	bestScore, best := -1, Value{}
	for _, v := range vs {
		if s := t.score(v.Config, lang); s > bestScore {
			bestScore, best = s, v
		}
	}
	return best, bestScore >= 0
}

// score ranks a configuration for lang; -1 means unusable. For "zh", simplified
// Chinese (zh-rCN, zh-Hans) beats plain zh, which beats other Chinese variants, which
// beat the default; for "", the plain default config wins.
func (t *Table) score(ci int, lang string) int {
	if ci < 0 || ci >= len(t.Configs) {
		return -1
	}
	c := t.Configs[ci]
	base := 0
	if c.Plain {
		base = 1
	}
	if c.Language == "" {
		return base
	}
	if lang != "zh" || c.Language != "zh" {
		return -1
	}
	switch {
	case c.Country == "CN" || c.Script == "Hans" || c.Country == "SG":
		return 30
	case c.Country == "" && c.Script == "":
		return 20
	default:
		return 10
	}
}

// Format renders a simple value as text: strings from the pool, numbers in
// decimal, booleans, "@type/name" for unresolved references.
func (t *Table) Format(v Value) string {
	switch v.Type {
	case TypeString:
		if int(v.Data) < len(t.Strings) {
			return t.Strings[v.Data]
		}
		return ""
	case TypeIntBool:
		return strconv.FormatBool(v.Data != 0)
	case TypeIntHex:
		return "0x" + strconv.FormatUint(uint64(v.Data), 16)
	case TypeReference:
		if n, ok := t.names[v.Data]; ok {
			return "@" + n
		}
		return "@0x" + strconv.FormatUint(uint64(v.Data), 16)
	case TypeFloat:
		return strconv.FormatFloat(float64(float32frombits(v.Data)), 'g', -1, 32)
	}
	if v.Complex {
		return ""
	}
	return strconv.FormatInt(int64(int32(v.Data)), 10)
}

// NamedStrings returns every string resource by name for lang ("" or "zh"):
// only resources that have a value in a configuration matching lang, with the
// default included as fallback for "zh" only when includeDefault is set.
func (t *Table) NamedStrings(lang string) map[string]string {
	out := map[string]string{}
	for id, n := range t.names {
		if len(n) < 7 || n[:7] != "string/" {
			continue
		}
		vs := t.values[id]
		if lang == "zh" {
			hasZH := false
			for _, v := range vs {
				if t.Configs[v.Config].Language == "zh" {
					hasZH = true
					break
				}
			}
			if !hasZH {
				continue
			}
		}
		v, ok := t.Pick(id, lang)
		if !ok || v.Complex {
			continue
		}
		out[n[7:]] = t.Format(v)
	}
	return out
}

func float32frombits(b uint32) float32 { return math.Float32frombits(b) }
