package dex

import (
	"archive/zip"
	"encoding/binary"
	"github.com/hegui-dev/hegui/internal/testcorpus"
	"hash/adler32"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"
)

// checkInvariants asserts what every caller relies on: every index is inside its
// table, every reference list is sorted and unique, warnings are capped.
func checkInvariants(t *testing.T, f *File) {
	t.Helper()
	if len(f.Warnings) > maxWarnings+1 {
		t.Fatalf("%d warnings, cap is %d", len(f.Warnings), maxWarnings+1)
	}
	for _, c := range f.Classes {
		for _, m := range c.Methods {
			if int(m.Ref) >= len(f.Methods) {
				t.Fatalf("class %s: method ref %d of %d", c.Name, m.Ref, len(f.Methods))
			}
			for _, l := range []struct {
				ids []uint32
				n   int
			}{{m.Invokes, len(f.Methods)}, {m.FieldRefs, len(f.Fields)}, {m.StringRefs, len(f.Strings)}} {
				for i, id := range l.ids {
					if int(id) >= l.n || (i > 0 && l.ids[i-1] >= id) {
						t.Fatalf("class %s: bad reference list %v (table of %d)", c.Name, l.ids, l.n)
					}
				}
				if cap(l.ids) != len(l.ids) {
					t.Fatalf("reference list has spare capacity: a caller's append would overwrite a neighbour")
				}
			}
		}
	}
}

// smallCorpusDex returns up to n corpus DEX files under 8 KB (from the appium
// server APK), for seeding; nil without the corpus. Nothing is committed.
func smallCorpusDex(n int) [][]byte {
	shared, _ := testcorpus.Find()
	if shared == "" {
		return nil
	}
	zr, err := zip.OpenReader(filepath.Join(shared, "corpus", "apk", "appium-uiautomator2-server-v10.6.6.apk"))
	if err != nil {
		return nil
	}
	defer zr.Close()
	var out [][]byte
	for _, e := range zr.File {
		if len(out) < n && dexEntry.MatchString(e.Name) && e.UncompressedSize64 < 8<<10 {
			if rc, err := e.Open(); err == nil {
				if b, err := io.ReadAll(io.LimitReader(rc, 8<<10)); err == nil {
					out = append(out, b)
				}
				rc.Close()
			}
		}
	}
	return out
}

// FuzzParse calls parse, not Parse: the recover in Parse must never be what keeps
// a hostile file from crashing the process.
func FuzzParse(f *testing.F) {
	f.Add(loadFixture(f, "basic.dex"))
	f.Add(loadFixture(f, "poly.dex"))
	for _, b := range smallCorpusDex(3) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		file, err := parse(b, Limits{MaxInsnsPerCode: 1 << 16})
		if err == nil {
			checkInvariants(t, file)
		}
	})
}

// mutate applies 1–4 random damages to a copy of b and usually re-seals the
// header (file_size, checksum) so the damage reaches the tables and code.
func mutate(r *rand.Rand, b []byte) []byte {
	m := slices.Clone(b)
	for range 1 + r.IntN(4) {
		if len(m) == 0 {
			break
		}
		switch r.IntN(6) {
		case 0: // flip bits of one byte
			m[r.IntN(len(m))] ^= byte(1 + r.IntN(255))
		case 1: // overwrite an aligned word with an awkward value
			if len(m) >= 8 {
				vals := []uint32{0, 1, 0x7f, 0x80, 0xffff, 0x10000, 0x7fffffff, 0xffffffff, uint32(len(m)), uint32(len(m) - 4), r.Uint32()}
				binary.LittleEndian.PutUint32(m[r.IntN(len(m)/4)*4:], vals[r.IntN(len(vals))])
			}
		case 2: // same, inside the header's section table
			if len(m) >= headerLen {
				vals := []uint32{0, 0xffff, 0x7fffffff, 0xffffffff, uint32(len(m)), r.Uint32N(uint32(len(m)))}
				binary.LittleEndian.PutUint32(m[32+4*r.IntN(20):], vals[r.IntN(len(vals))])
			}
		case 3: // truncate
			m = m[:r.IntN(len(m)+1)]
		case 4: // ULEB128 continuation bits everywhere in a run
			if len(m) > 16 {
				at := r.IntN(len(m) - 16)
				for i := range 16 {
					m[at+i] |= 0x80
				}
			}
		case 5: // copy a random run elsewhere (duplicates offsets and code)
			if len(m) > 64 {
				from, to, n := r.IntN(len(m)-32), r.IntN(len(m)-32), 1+r.IntN(32)
				copy(m[to:to+n], m[from:from+n])
			}
		}
	}
	if len(m) >= headerLen && r.IntN(4) != 0 {
		binary.LittleEndian.PutUint32(m[32:], uint32(len(m)))
		binary.LittleEndian.PutUint32(m[8:], adler32.Checksum(m[12:]))
	}
	return m
}

func TestMutations(t *testing.T) {
	inputs := map[string][]byte{"basic.dex": loadFixture(t, "basic.dex"), "poly.dex": loadFixture(t, "poly.dex")}
	if shared, _ := testcorpus.Find(); shared != "" {
		if b, err := os.ReadFile(filepath.Join(shared, "corpus", "dex", "okhttp.d8.038.dex")); err == nil {
			inputs["okhttp.d8.038.dex"] = b
		}
	}
	n := 3000
	if testing.Short() {
		n = 300
	}
	names := []string{"basic.dex", "poly.dex", "okhttp.d8.038.dex"}
	r := rand.New(rand.NewPCG(20261123, 1))
	var ms runtime.MemStats
	var parsed, failed int
	for _, name := range names {
		orig := inputs[name]
		if orig == nil {
			t.Logf("%s: corpus absent, skipped", name)
			continue
		}
		runs := n
		if len(orig) > 64<<10 {
			runs = n / 3 // a 0.5 MB file costs ~1 ms a parse
		}
		for i := range runs {
			m := mutate(r, orig)
			runtime.ReadMemStats(&ms)
			before := ms.TotalAlloc
			start := time.Now()
			f, err := parse(m, Limits{})
			took := time.Since(start)
			runtime.ReadMemStats(&ms)
			alloc := ms.TotalAlloc - before
			if err != nil {
				failed++
			} else {
				parsed++
				checkInvariants(t, f)
			}
			// Worst case by construction is ~25 bytes per input byte; real files use ~3.
			if limit := uint64(32*len(m) + 1<<20); alloc > limit {
				t.Errorf("%s mutation %d: allocated %d bytes for a %d-byte input (limit %d)", name, i, alloc, len(m), limit)
			}
			if took > 2*time.Second {
				t.Errorf("%s mutation %d: took %v", name, i, took)
			}
		}
	}
	t.Logf("%d mutated files parsed (with warnings as needed), %d rejected with an error, 0 panics", parsed, failed)
}
