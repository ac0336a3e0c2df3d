package dex

import "slices"

// chunks hands out small slices carved from large shared blocks, so a file with
// 50,000 methods does not make 150,000 tiny allocations. Each slice is capped
// (s[:n:n]) so a caller's append never writes into a neighbour.
type chunks[T any] struct{ block []T }

const chunkLen = 8192

func (c *chunks[T]) take(src []T) []T {
	if len(src) == 0 {
		return nil
	}
	if cap(c.block)-len(c.block) < len(src) {
		// blocks grow from 64 to chunkLen items so a tiny DEX stays tiny
		c.block = make([]T, 0, max(min(chunkLen, 2*cap(c.block)), 64, len(src)))
	}
	n := len(c.block)
	c.block = append(c.block, src...)
	return c.block[n : n+len(src) : n+len(src)]
}

// classData reads a class_data_item: it skips the fields and records each direct
// and virtual method with the references its code makes.
func (p *parser) classData(c *Class, off uint32) {
	pos := int(off)
	var cnt [4]uint32 // static fields, instance fields, direct methods, virtual methods
	for k := range cnt {
		v, next, ok := p.uleb(pos)
		if !ok {
			p.warnf("class %s: class_data at 0x%x is truncated", c.Name, off)
			return
		}
		cnt[k], pos = v, next
	}
	rest := uint64(len(p.b) - pos)
	nf, nm := uint64(cnt[0])+uint64(cnt[1]), uint64(cnt[2])+uint64(cnt[3])
	if nf*2+nm*3 > rest {
		p.warnf("class %s: class_data at 0x%x declares %d fields and %d methods, more than the file holds", c.Name, off, nf, nm)
		return
	}
	if !p.spend(int(nf + nm)) {
		return
	}
	for range nf * 2 {
		_, next, ok := p.uleb(pos)
		if !ok {
			p.warnf("class %s: field list at 0x%x is truncated", c.Name, off)
			return
		}
		pos = next
	}
	if int(nm) > p.defsLeft {
		p.warnf("class %s: more method definitions than method_ids; methods skipped", c.Name)
		p.defsLeft = 0
		return
	}
	p.defsLeft -= int(nm)
	ms := p.ms[:0]
	defer func() { p.ms = ms[:0] }()
	var idx uint64
	for k := range uint32(nm) {
		if k == cnt[2] {
			idx = 0 // the virtual list restarts its index deltas
		}
		var v [3]uint32
		for j := range v {
			x, next, ok := p.uleb(pos)
			if !ok {
				p.warnf("class %s: method list at 0x%x is truncated", c.Name, off)
				c.Methods = p.methods.take(ms)
				return
			}
			v[j], pos = x, next
		}
		idx += uint64(v[0])
		if idx >= uint64(len(p.f.Methods)) {
			p.warnf("class %s: method index %d outside method_ids", c.Name, idx)
			break
		}
		m := Method{Ref: uint32(idx), AccessFlags: v[1]}
		if v[2] != 0 {
			p.code(&m, c.Name, v[2])
		}
		ms = append(ms, m)
	}
	c.Methods = p.methods.take(ms)
}

// spend charges n units of work against the file's budget. Valid files never
// share code or class data, so the total is bounded by the file size; crafted
// files that point many classes at the same data hit the budget instead of
// multiplying the work.
func (p *parser) spend(n int) bool {
	if p.workOut {
		return false
	}
	if n > p.work {
		p.workOut = true
		p.warnf("class data and code items overlap beyond the file size; the remaining code was not read")
		return false
	}
	p.work -= n
	return true
}

// Kinds of reference an instruction carries in its second code unit.
const (
	refNone = iota
	refMethod
	refField
	refString
	refStringJumbo
)

// opLen is each opcode's size in 16-bit code units (0x00 is 1; payloads are
// sized separately); opRef is the reference kind the walker collects.
var opLen, opRef = opTables()

func opTables() (l, r [256]uint8) {
	set := func(from, to int, n, kind uint8) {
		for op := from; op <= to; op++ {
			l[op], r[op] = n, kind
		}
	}
	set(0x00, 0xff, 1, refNone) // 10x, 12x, 11n, 11x, 10t and unused opcodes
	set(0x02, 0x02, 2, refNone) // move/from16 22x
	set(0x03, 0x03, 3, refNone) // move/16 32x
	set(0x05, 0x05, 2, refNone)
	set(0x06, 0x06, 3, refNone)
	set(0x08, 0x08, 2, refNone)
	set(0x09, 0x09, 3, refNone)
	set(0x13, 0x13, 2, refNone) // const/16 21s
	set(0x14, 0x14, 3, refNone) // const 31i
	set(0x15, 0x16, 2, refNone) // const/high16 21h, const-wide/16 21s
	set(0x17, 0x17, 3, refNone) // const-wide/32 31i
	set(0x18, 0x18, 5, refNone) // const-wide 51l
	set(0x19, 0x19, 2, refNone) // const-wide/high16 21h
	set(0x1a, 0x1a, 2, refString)
	set(0x1b, 0x1b, 3, refStringJumbo)
	set(0x1c, 0x1c, 2, refNone) // const-class 21c
	set(0x1f, 0x20, 2, refNone) // check-cast 21c, instance-of 22c
	set(0x22, 0x23, 2, refNone) // new-instance 21c, new-array 22c
	set(0x24, 0x26, 3, refNone) // filled-new-array(/range) 35c/3rc, fill-array-data 31t
	set(0x29, 0x29, 2, refNone) // goto/16 20t
	set(0x2a, 0x2c, 3, refNone) // goto/32 30t, packed-switch, sparse-switch 31t
	set(0x2d, 0x3d, 2, refNone) // cmpkind 23x, if-test 22t, if-testz 21t
	set(0x44, 0x51, 2, refNone) // aget/aput 23x
	set(0x52, 0x6d, 2, refField)
	set(0x6e, 0x72, 3, refMethod)
	set(0x74, 0x78, 3, refMethod)
	set(0x90, 0xaf, 2, refNone) // binop 23x
	set(0xd0, 0xe2, 2, refNone) // binop/lit16 22s, binop/lit8 22b
	set(0xfa, 0xfb, 4, refMethod)
	set(0xfc, 0xfd, 3, refNone) // invoke-custom(/range): call sites, not methods
	set(0xfe, 0xff, 2, refNone) // const-method-handle, const-method-type 21c
	return
}

// code walks the code_item at off and records m's invoke targets, field and
// string references, sorted and unique.
func (p *parser) code(m *Method, class string, off uint32) {
	if !p.within(off, 16, 1) {
		p.warnf("class %s: code item at 0x%x lies outside the file", class, off)
		return
	}
	n := p.u32(int(off) + 12)
	if uint64(n) > uint64(p.lim.MaxInsnsPerCode) {
		p.warnf("class %s: code item at 0x%x has %d code units, over the limit of %d", class, off, n, p.lim.MaxInsnsPerCode)
		return
	}
	if !p.within(off+16, uint64(n), 2) {
		p.warnf("class %s: code item at 0x%x (%d code units) runs past the end of the file", class, off, n)
		return
	}
	if !p.spend(int(n)) {
		return
	}
	insns := p.b[int(off)+16 : int(off)+16+2*int(n)]
	unit := func(pc int) uint32 { return uint32(insns[2*pc]) | uint32(insns[2*pc+1])<<8 }
	inv, fld, str := p.inv[:0], p.fld[:0], p.strs[:0]
	end := int(n)
	for pc := 0; pc < end; {
		w := unit(pc)
		op := uint8(w)
		size := int(opLen[op])
		if op == 0 && w != 0 {
			if size = payloadSize(w, insns[2*pc:]); size == 0 {
				p.warnf("class %s: truncated payload in code item at 0x%x", class, off)
				break
			}
		}
		if size > end-pc {
			p.warnf("class %s: truncated instruction 0x%02x at unit %d of code item at 0x%x", class, op, pc, off)
			break
		}
		switch opRef[op] {
		case refMethod:
			inv = append(inv, unit(pc+1))
		case refField:
			fld = append(fld, unit(pc+1))
		case refString:
			str = append(str, unit(pc+1))
		case refStringJumbo:
			str = append(str, unit(pc+1)|unit(pc+2)<<16)
		}
		pc += size
	}
	m.Invokes = p.refList(inv, len(p.f.Methods), class, "method")
	m.FieldRefs = p.refList(fld, len(p.f.Fields), class, "field")
	m.StringRefs = p.refList(str, len(p.f.Strings), class, "string")
	p.inv, p.fld, p.strs = inv, fld, str
}

// payloadSize returns the size in code units of the pseudo-instruction whose first
// unit is w (a nop with a payload ident), 1 for a plain nop variant, or 0 when the
// payload header itself is cut off. u holds the bytes from the payload on.
func payloadSize(w uint32, u []byte) int {
	at := func(i int) uint64 { return uint64(u[2*i]) | uint64(u[2*i+1])<<8 }
	var size uint64
	switch w {
	case 0x0100: // packed-switch-payload: size, first_key(2), targets(2 each)
		if len(u) < 4 {
			return 0
		}
		size = at(1)*2 + 4
	case 0x0200: // sparse-switch-payload: size, keys(2 each), targets(2 each)
		if len(u) < 4 {
			return 0
		}
		size = at(1)*4 + 2
	case 0x0300: // fill-array-data-payload: width, size(2), data
		if len(u) < 8 {
			return 0
		}
		size = (at(1)*(at(2)|at(3)<<16)+1)/2 + 4
	default:
		return 1
	}
	if size > uint64(len(u)/2) {
		return int(min(size, 1<<40)) // caller reports the truncation
	}
	return int(size)
}

// refList validates, sorts and de-duplicates ids and copies them into the file's
// shared reference blocks.
func (p *parser) refList(ids []uint32, limit int, class, what string) []uint32 {
	if len(ids) == 0 {
		return nil
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	if k, _ := slices.BinarySearch(ids, uint32(limit)); k < len(ids) {
		p.warnf("class %s: %d %s indices outside their table", class, len(ids)-k, what)
		ids = ids[:k]
	}
	return p.refs.take(ids)
}
