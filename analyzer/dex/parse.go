package dex

import (
	"encoding/binary"
	"fmt"
	"hash/adler32"
	"strings"
)

const (
	headerLen     = 0x70
	noIndex       = 0xffffffff
	endianLittle  = 0x12345678
	endianSwapped = 0x78563412
	maxWarnings   = 64
)

// Parse reads one DEX file within lim. It is safe for concurrent use. A broken
// header or a table outside the file is an error; damage inside class data or
// code items is reported in File.Warnings and the rest of the file is still read.
func Parse(b []byte, lim Limits) (f *File, err error) {
	// Last line of defence only: the fuzz and mutation tests call parse directly,
	// so a panic there fails the test instead of being hidden here.
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("dex: internal error (please report): %v", r)
		}
	}()
	return parse(b, lim)
}

// parser holds the state of one Parse call; nothing is shared between calls.
type parser struct {
	b   []byte
	lim Limits
	f   *File

	types      []uint32 // type_ids: string index, or noIndex when invalid
	dotted     []string // lazily filled dotted names per type
	dottedDone []bool

	warnings   int
	suppressed int

	work       int // code units + encoded members still allowed (overlap defence)
	workOut    bool
	defsLeft   int // encoded methods still allowed (≤ method_ids)
	ifaceLeft  int // interface entries still allowed
	protoBytes int // bytes of proto descriptors still allowed

	refs    chunks[uint32]
	methods chunks[Method]
	ms      []Method
	inv     []uint32
	fld     []uint32
	strs    []uint32
}

func withDefaults(lim Limits) Limits {
	d := DefaultLimits
	if lim.MaxSize > 0 {
		d.MaxSize = lim.MaxSize
	}
	if lim.MaxStrings > 0 {
		d.MaxStrings = lim.MaxStrings
	}
	if lim.MaxStringLen > 0 {
		d.MaxStringLen = lim.MaxStringLen
	}
	if lim.MaxClasses > 0 {
		d.MaxClasses = lim.MaxClasses
	}
	if lim.MaxInsnsPerCode > 0 {
		d.MaxInsnsPerCode = lim.MaxInsnsPerCode
	}
	return d
}

func (p *parser) warnf(format string, args ...any) {
	if p.warnings >= maxWarnings {
		p.suppressed++
		return
	}
	p.warnings++
	p.f.Warnings = append(p.f.Warnings, fmt.Sprintf(format, args...))
}

func (p *parser) u16(off int) uint16 { return binary.LittleEndian.Uint16(p.b[off:]) }
func (p *parser) u32(off int) uint32 { return binary.LittleEndian.Uint32(p.b[off:]) }

// within reports whether n items of size bytes starting at off lie inside the file.
func (p *parser) within(off uint32, n uint64, size uint64) bool {
	return uint64(off)+n*size <= uint64(len(p.b))
}

// uleb reads an unsigned LEB128 value of at most 5 bytes at off.
func (p *parser) uleb(off int) (uint32, int, bool) {
	var v uint32
	for i := 0; i < 5; i++ {
		if off+i >= len(p.b) {
			return 0, off, false
		}
		c := p.b[off+i]
		v |= uint32(c&0x7f) << (7 * i)
		if c < 0x80 {
			return v, off + i + 1, true
		}
	}
	return 0, off, false
}

type section struct {
	name string
	size uint32
	off  uint32
	elem uint64
}

func parse(b []byte, lim Limits) (*File, error) {
	lim = withDefaults(lim)
	if int64(len(b)) > lim.MaxSize {
		return nil, fmt.Errorf("dex: file is %d bytes, over the %d-byte limit", len(b), lim.MaxSize)
	}
	if len(b) < headerLen {
		return nil, fmt.Errorf("dex: file is %d bytes, shorter than the %d-byte header", len(b), headerLen)
	}
	if string(b[:4]) != "dex\n" || b[7] != 0 {
		return nil, fmt.Errorf("dex: bad magic %q", b[:8])
	}
	ver := string(b[4:7])
	if ver < "035" || ver > "041" || strings.Trim(ver, "0123456789") != "" {
		return nil, fmt.Errorf("dex: unsupported version %q", ver)
	}
	p := &parser{b: b, lim: lim, f: &File{Version: ver}}
	switch p.u32(40) {
	case endianLittle:
	case endianSwapped:
		return nil, fmt.Errorf("dex: big-endian (byte-swapped) files are not supported")
	default:
		return nil, fmt.Errorf("dex: bad endian tag 0x%08x", p.u32(40))
	}
	fileSize := p.u32(32)
	if uint64(fileSize) > uint64(len(b)) {
		return nil, fmt.Errorf("dex: header file_size %d exceeds the %d bytes present (truncated?)", fileSize, len(b))
	}
	if fileSize < headerLen {
		return nil, fmt.Errorf("dex: header file_size %d is smaller than the header", fileSize)
	}
	if int(fileSize) < len(b) {
		p.f.Notes = append(p.f.Notes, fmt.Sprintf("%d bytes after file_size %d ignored", len(b)-int(fileSize), fileSize))
		p.b = b[:fileSize]
	}
	p.f.Size = int64(fileSize)
	if hs := p.u32(36); hs < headerLen || hs > fileSize {
		return nil, fmt.Errorf("dex: bad header_size %d", hs)
	}
	if sum := adler32.Checksum(p.b[12:]); sum != p.u32(8) {
		p.f.Notes = append(p.f.Notes, fmt.Sprintf("checksum mismatch: header 0x%08x, computed 0x%08x", p.u32(8), sum))
	}

	secs := []section{
		{"string_ids", p.u32(56), p.u32(60), 4},
		{"type_ids", p.u32(64), p.u32(68), 4},
		{"proto_ids", p.u32(72), p.u32(76), 12},
		{"field_ids", p.u32(80), p.u32(84), 8},
		{"method_ids", p.u32(88), p.u32(92), 8},
		{"class_defs", p.u32(96), p.u32(100), 32},
	}
	for _, s := range secs {
		if s.size > 0 && (s.off < headerLen || !p.within(s.off, uint64(s.size), s.elem)) {
			return nil, fmt.Errorf("dex: %s table (%d entries at offset 0x%x) lies outside the %d-byte file", s.name, s.size, s.off, len(p.b))
		}
	}
	if int(secs[0].size) > lim.MaxStrings {
		return nil, fmt.Errorf("dex: %d strings, over the limit of %d", secs[0].size, lim.MaxStrings)
	}
	if int(secs[5].size) > lim.MaxClasses {
		return nil, fmt.Errorf("dex: %d classes, over the limit of %d", secs[5].size, lim.MaxClasses)
	}

	p.work = len(p.b) + 4096
	p.ifaceLeft = len(p.b)/4 + 1<<16
	p.protoBytes = 2*len(p.b) + 1<<20
	p.defsLeft = int(secs[4].size)

	p.readStrings(int(secs[0].size), int(secs[0].off))
	p.readTypes(int(secs[1].size), int(secs[1].off))
	protos := p.readProtos(int(secs[2].size), int(secs[2].off))
	p.readFields(int(secs[3].size), int(secs[3].off))
	p.readMethods(int(secs[4].size), int(secs[4].off), protos)
	p.readClasses(int(secs[5].size), int(secs[5].off))

	if p.suppressed > 0 {
		p.f.Warnings = append(p.f.Warnings, fmt.Sprintf("%d more warnings suppressed", p.suppressed))
	}
	return p.f, nil
}

func (p *parser) str(idx uint32) string {
	if idx < uint32(len(p.f.Strings)) {
		return p.f.Strings[idx]
	}
	return ""
}

func (p *parser) readTypes(n, off int) {
	p.types = make([]uint32, n)
	p.dotted = make([]string, n)
	p.dottedDone = make([]bool, n)
	bad := 0
	for i := range n {
		s := p.u32(off + 4*i)
		if s >= uint32(len(p.f.Strings)) {
			s = noIndex
			bad++
		}
		p.types[i] = s
	}
	if bad > 0 {
		p.warnf("type_ids: %d entries point outside string_ids", bad)
	}
}

// typeDesc is the descriptor of type i ("" when invalid).
func (p *parser) typeDesc(i uint32) string {
	if i < uint32(len(p.types)) {
		return p.str(p.types[i])
	}
	return ""
}

// typeName is the dotted name of type i, computed once per type.
func (p *parser) typeName(i uint32) string {
	if i >= uint32(len(p.types)) {
		return ""
	}
	if !p.dottedDone[i] {
		p.dotted[i] = DescriptorToDotted(p.typeDesc(i))
		p.dottedDone[i] = true
	}
	return p.dotted[i]
}

func (p *parser) readProtos(n, off int) []string {
	protos := make([]string, n)
	var buf []byte
	bad := 0
	for i := range n {
		e := off + 12*i
		ret, params := p.u32(e+4), p.u32(e+8)
		buf = append(buf[:0], '(')
		if params != 0 {
			if !p.within(params, 4, 1) || p.u32(int(params)) > 0xffff ||
				!p.within(params+4, uint64(p.u32(int(params))), 2) {
				bad++
				continue
			}
			cnt := int(p.u32(int(params)))
			for k := range cnt {
				buf = append(buf, p.typeDesc(uint32(p.u16(int(params)+4+2*k)))...)
				if len(buf) > p.protoBytes {
					break
				}
			}
		}
		buf = append(buf, ')')
		buf = append(buf, p.typeDesc(ret)...)
		if len(buf) > p.protoBytes {
			p.warnf("proto_ids: descriptors exceed %d bytes in total; proto %d and later left empty", 2*len(p.b)+1<<20, i)
			break
		}
		p.protoBytes -= len(buf)
		protos[i] = string(buf)
	}
	if bad > 0 {
		p.warnf("proto_ids: %d parameter lists lie outside the file", bad)
	}
	return protos
}

func (p *parser) readFields(n, off int) {
	p.f.Fields = make([]FieldRef, n)
	for i := range n {
		e := off + 8*i
		p.f.Fields[i] = FieldRef{
			Class: p.typeName(uint32(p.u16(e))),
			Type:  p.typeDesc(uint32(p.u16(e + 2))),
			Name:  p.str(p.u32(e + 4)),
		}
	}
}

func (p *parser) readMethods(n, off int, protos []string) {
	p.f.Methods = make([]MethodRef, n)
	for i := range n {
		e := off + 8*i
		m := MethodRef{
			Class: p.typeName(uint32(p.u16(e))),
			Name:  p.str(p.u32(e + 4)),
		}
		if pi := int(p.u16(e + 2)); pi < len(protos) {
			m.Proto = protos[pi]
		}
		p.f.Methods[i] = m
	}
}

func (p *parser) readClasses(n, off int) {
	p.f.Classes = make([]Class, n)
	for i := range n {
		e := off + 32*i
		c := &p.f.Classes[i]
		c.Name = p.typeName(p.u32(e))
		c.AccessFlags = p.u32(e + 4)
		if s := p.u32(e + 8); s != noIndex {
			c.Super = p.typeName(s)
		}
		if io := p.u32(e + 12); io != 0 {
			c.Interfaces = p.interfaces(c.Name, io)
		}
		if s := p.u32(e + 16); s != noIndex {
			c.SourceFile = p.str(s)
		}
		if co := p.u32(e + 24); co != 0 {
			p.classData(c, co)
		}
	}
}

func (p *parser) interfaces(class string, off uint32) []string {
	if !p.within(off, 4, 1) || !p.within(off+4, uint64(p.u32(int(off))), 2) {
		p.warnf("class %s: interfaces list at 0x%x lies outside the file", class, off)
		return nil
	}
	n := int(p.u32(int(off)))
	if n > p.ifaceLeft {
		p.warnf("class %s: interface lists too large in total; interfaces dropped", class)
		return nil
	}
	p.ifaceLeft -= n
	out := make([]string, n)
	for k := range n {
		out[k] = p.typeName(uint32(p.u16(int(off) + 4 + 2*k)))
	}
	return out
}
