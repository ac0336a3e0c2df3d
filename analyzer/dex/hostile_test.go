package dex

import (
	"encoding/binary"
	"hash/adler32"
	"runtime"
	"strings"
	"testing"
	"time"
)

// hostileDex builds a DEX whose nClasses class_defs all share one class_data
// item defining nMethods methods that all share one code item of nUnits code
// units (invoke-static method@0, repeated). Valid files never share these, so
// naive walking would cost nClasses × nMethods × nUnits.
func hostileDex(nClasses, nMethods, nUnits int) []byte {
	le := binary.LittleEndian
	b := make([]byte, headerLen)
	u32 := func(v uint32) { b = le.AppendUint32(b, v) }
	uleb := func(v uint32) {
		for v >= 0x80 {
			b = append(b, byte(v)|0x80)
			v >>= 7
		}
		b = append(b, byte(v))
	}
	strIDs := len(b)
	u32(0)
	u32(0)
	typeIDs := len(b)
	u32(0)
	protoIDs := len(b)
	u32(1)
	u32(0)
	u32(0)
	methodIDs := len(b)
	for range nMethods {
		b = le.AppendUint16(b, 0)
		b = le.AppendUint16(b, 0)
		u32(1)
	}
	classDefs := len(b)
	b = append(b, make([]byte, 32*nClasses)...)
	classData := len(b)
	uleb(0)
	uleb(0)
	uleb(uint32(nMethods))
	uleb(0)
	codeAt := len(b) + nMethods*(1+1+3) // fixed-width entries below
	for i := range nMethods {
		b = append(b, byte(min(i, 1)), 0x01)                                          // diff, ACC_PUBLIC
		b = append(b, byte(codeAt)|0x80, byte(codeAt>>7)|0x80, byte(codeAt>>14)&0x7f) // 3-byte uleb
	}
	for len(b) < codeAt {
		b = append(b, 0)
	}
	b = le.AppendUint16(b, 1) // registers
	b = le.AppendUint16(b, 0)
	b = le.AppendUint16(b, 0)
	b = le.AppendUint16(b, 0)
	u32(0)
	u32(uint32(nUnits))
	for i := 0; i < nUnits; i++ {
		b = le.AppendUint16(b, 0x0071) // invoke-static {}, method@0000
		if i+2 < nUnits {
			b = le.AppendUint16(b, 0)
			b = le.AppendUint16(b, 0)
			i += 2
		}
	}
	s0 := len(b)
	b = append(b, 3, 'L', 'A', ';', 0)
	s1 := len(b)
	b = append(b, 1, 'm', 0)
	le.PutUint32(b[strIDs:], uint32(s0))
	le.PutUint32(b[strIDs+4:], uint32(s1))
	for i := range nClasses {
		e := classDefs + 32*i
		le.PutUint32(b[e+8:], noIndex)
		le.PutUint32(b[e+16:], noIndex)
		le.PutUint32(b[e+24:], uint32(classData))
	}
	copy(b, "dex\n035\x00")
	for i, v := range []uint32{uint32(len(b)), headerLen, endianLittle, 0, 0, 0,
		2, uint32(strIDs), 1, uint32(typeIDs), 1, uint32(protoIDs), 0, 0,
		uint32(nMethods), uint32(methodIDs), uint32(nClasses), uint32(classDefs)} {
		le.PutUint32(b[32+4*i:], v)
	}
	le.PutUint32(b[8:], adler32.Checksum(b[12:]))
	return b
}

func TestHostileBuilderIsValid(t *testing.T) {
	f, err := parse(hostileDex(1, 3, 9), Limits{})
	if err != nil || len(f.Warnings) != 0 || len(f.Notes) != 0 {
		t.Fatalf("%v %q %q", err, f.Warnings, f.Notes)
	}
	c := f.Classes[0]
	if c.Name != "A" || len(c.Methods) != 3 || c.Methods[2].Ref != 2 || len(c.Methods[2].Invokes) != 1 {
		t.Fatalf("%+v", c)
	}
}

// Regression: shared class data and code must cost work bounded by the file size.
func TestSharedCodeIsBounded(t *testing.T) {
	b := hostileDex(200, 20000, 30000) // naive cost: 20000 × 30000 units per class
	start := time.Now()
	f, err := parse(b, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("took %v", took)
	}
	walked := 0
	for _, c := range f.Classes {
		walked += len(c.Methods)
	}
	if walked > 20000 {
		t.Errorf("%d method definitions kept, more than the 20000 method_ids", walked)
	}
	if len(f.Warnings) == 0 || !strings.Contains(f.Warnings[0], "overlap") {
		t.Errorf("warnings %q", f.Warnings)
	}
}

// Regression: string_ids that all point at one long string must not multiply
// memory (naively 100,000 × 100 KB = 10 GB).
func TestSharedStringDataIsBounded(t *testing.T) {
	const n, long = 100000, 100000
	le := binary.LittleEndian
	b := make([]byte, headerLen+4*n)
	at := len(b)
	b = append(b, 0xa0, 0x8d, 0x06) // uleb128 100000
	b = append(b, strings.Repeat("x", long)...)
	b = append(b, 0)
	for i := range n {
		le.PutUint32(b[headerLen+4*i:], uint32(at))
	}
	copy(b, "dex\n035\x00")
	for i, v := range []uint32{uint32(len(b)), headerLen, endianLittle, 0, 0, 0, n, headerLen} {
		le.PutUint32(b[32+4*i:], v)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	before := ms.TotalAlloc
	f, err := parse(b, Limits{})
	runtime.ReadMemStats(&ms)
	if err != nil {
		t.Fatal(err)
	}
	if alloc := ms.TotalAlloc - before; alloc > 8*uint64(len(b))+1<<20 {
		t.Errorf("allocated %d bytes for a %d-byte file", alloc, len(b))
	}
	if len(f.Strings) != n || f.Strings[0] != strings.Repeat("x", long) || f.Strings[n-1] != "" {
		t.Errorf("first string %d bytes, last %d bytes", len(f.Strings[0]), len(f.Strings[n-1]))
	}
	if len(f.Warnings) != 1 || !strings.Contains(f.Warnings[0], "overlaps") {
		t.Errorf("warnings %q", f.Warnings)
	}
}
