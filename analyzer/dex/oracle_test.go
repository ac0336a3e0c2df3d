package dex

import (
	"bufio"
	"github.com/hegui-dev/hegui/internal/testcorpus"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// dexdumpView is what the oracle reads back from `dexdump -f [-d]`.
type dexdumpView struct {
	counts  map[string]int // header *_size fields
	classes []dexdumpClass
	methods map[string]*dexdumpMethod // "pkg.Class.name:(proto)ret" → references
	dups    map[string]bool
}

type dexdumpClass struct {
	desc, super string
	ifaces      []string
}

type dexdumpMethod struct{ inv, fld, str []uint32 }

// disasmLimit bounds which DEX files are also disassembled: `dexdump -d` writes
// ~18 bytes per DEX byte, so only the smaller files' methods form the sample.
const disasmLimit = 1 << 20

func runDexdump(t *testing.T, bin, path string, disasm bool) (*dexdumpView, bool) {
	args := []string{"-f", path}
	if disasm {
		args = []string{"-f", "-d", path}
	}
	cmd := exec.Command(bin, args...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	v := &dexdumpView{counts: map[string]int{}, methods: map[string]*dexdumpMethod{}, dups: map[string]bool{}}
	sc := bufio.NewScanner(out)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var cur *dexdumpMethod
	inIfaces, pendingStr := false, false
	quoted := func(s string) string {
		if i, j := strings.IndexByte(s, '\''), strings.LastIndexByte(s, '\''); i >= 0 && j > i {
			return s[i+1 : j]
		}
		return ""
	}
	hexAfter := func(line, key string) (uint32, bool) {
		i := strings.LastIndex(line, key)
		if i < 0 {
			return 0, false
		}
		s := line[i+len(key):]
		j := 0
		for j < len(s) && strings.IndexByte("0123456789abcdef", s[j]) >= 0 {
			j++
		}
		n, err := strconv.ParseUint(s[:j], 16, 32)
		return uint32(n), err == nil
	}
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "  Class descriptor  : "):
			v.classes = append(v.classes, dexdumpClass{desc: quoted(line)})
			cur = nil
		case strings.HasPrefix(line, "  Superclass        : ") && len(v.classes) > 0:
			v.classes[len(v.classes)-1].super = quoted(line)
		case strings.HasPrefix(line, "  Interfaces        -"):
			inIfaces = true
		case strings.HasPrefix(line, "  Static fields     -"):
			inIfaces = false
		case inIfaces && strings.HasPrefix(line, "    #") && len(v.classes) > 0:
			c := &v.classes[len(v.classes)-1]
			c.ifaces = append(c.ifaces, quoted(line))
		case isMethodHeader(line):
			key := line[strings.Index(line, "] ")+2:]
			if v.methods[key] != nil {
				v.dups[key] = true
			}
			cur = &dexdumpMethod{}
			v.methods[key] = cur
		case pendingStr:
			// a string with embedded newlines spans several output lines
			if n, ok := hexAfter(line, "// string@"); ok {
				cur.str = append(cur.str, n)
				pendingStr = false
			}
		case cur != nil && strings.Contains(line, "|"):
			_, insn, _ := strings.Cut(line, ": ")
			_, insn, _ = strings.Cut(insn, "|")
			_, insn, _ = strings.Cut(insn, ": ")
			switch {
			case strings.HasPrefix(insn, "invoke-custom"):
			case strings.HasPrefix(insn, "invoke-"):
				if n, ok := hexAfter(line, "// method@"); ok {
					cur.inv = append(cur.inv, n)
				}
			case len(insn) > 4 && strings.Contains("iget iput sget sput", insn[:4]):
				if n, ok := hexAfter(line, "// field@"); ok {
					cur.fld = append(cur.fld, n)
				}
			case strings.HasPrefix(insn, "const-string"):
				if n, ok := hexAfter(line, "// string@"); ok {
					cur.str = append(cur.str, n)
				} else {
					pendingStr = true
				}
			}
		default:
			if k, val, ok := strings.Cut(line, "_size"); ok && !strings.Contains(k, " ") {
				if fs := strings.Fields(strings.TrimPrefix(strings.TrimSpace(val), ":")); len(fs) > 0 {
					if n, err := strconv.Atoi(fs[0]); err == nil {
						v.counts[k] = n
					}
				}
			}
		}
	}
	if err := cmd.Wait(); err != nil || sc.Err() != nil || len(v.counts) == 0 {
		return nil, false
	}
	return v, true
}

// isMethodHeader matches dexdump's "0129fc:     |[0129fc] pkg.Class.name:(…)V"; in
// instruction lines the first '|' is followed by the code-unit offset instead.
func isMethodHeader(line string) bool {
	i := strings.IndexByte(line, '|')
	return i > 0 && i+1 < len(line) && line[i+1] == '[' && strings.Contains(line[i:], "] ")
}

func TestDexdumpOracle(t *testing.T) {
	shared := testcorpus.Dir(t)
	bin, err := exec.LookPath("dexdump")
	if err != nil {
		t.Skip("dexdump not installed (apt-get install dexdump)")
	}
	tmp := filepath.Join(t.TempDir(), "x.dex")
	var files, rejected, classes, sampled int
	forEachCorpusDex(t, shared, func(name string, b []byte) {
		if err := os.WriteFile(tmp, b, 0o600); err != nil {
			t.Fatal(err)
		}
		disasm := len(b) <= disasmLimit && (!testing.Short() || len(b) <= disasmLimit/8)
		want, ok := runDexdump(t, bin, tmp, disasm)
		if !ok {
			rejected++
			t.Logf("%s: dexdump rejects it; skipped", name)
			return
		}
		files++
		f, err := Parse(b, Limits{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			return
		}
		if len(f.Warnings) > 0 {
			t.Errorf("%s: a valid file gave warnings %q", name, f.Warnings)
		}
		for k, got := range map[string]int{"string_ids": len(f.Strings), "method_ids": len(f.Methods), "field_ids": len(f.Fields), "class_defs": len(f.Classes)} {
			if want.counts[k] != got {
				t.Errorf("%s: %s = %d, dexdump says %d", name, k, got, want.counts[k])
			}
		}
		if len(want.classes) != len(f.Classes) {
			t.Errorf("%s: %d classes, dexdump lists %d", name, len(f.Classes), len(want.classes))
			return
		}
		classes += len(f.Classes)
		bad := 0
		for i, c := range f.Classes {
			w := want.classes[i]
			var wi []string
			for _, d := range w.ifaces {
				wi = append(wi, DescriptorToDotted(d))
			}
			if c.Name != DescriptorToDotted(w.desc) || c.Super != DescriptorToDotted(w.super) || !slices.Equal(c.Interfaces, wi) {
				if bad++; bad <= 3 {
					t.Errorf("%s: class %d = %q super %q ifaces %q; dexdump: %q super %q ifaces %q",
						name, i, c.Name, c.Super, c.Interfaces, w.desc, w.super, w.ifaces)
				}
			}
		}
		if disasm {
			sampled += compareMethods(t, name, f, want)
		}
	})
	t.Logf("%d DEX files agree with dexdump (%d classes, %d disassembled methods compared); %d rejected by dexdump", files, classes, sampled, rejected)
	if files == 0 {
		t.Fatal("no corpus DEX file was checked")
	}
}

// compareMethods checks every method dexdump disassembled against our
// invoke/field/string lists, and that no method with references went unprinted.
func compareMethods(t *testing.T, name string, f *File, want *dexdumpView) int {
	norm := func(ids []uint32) []uint32 {
		ids = slices.Clone(ids)
		slices.Sort(ids)
		return slices.Compact(ids)
	}
	n, bad := 0, 0
	for _, c := range f.Classes {
		for i := range c.Methods {
			m := &c.Methods[i]
			ref := f.Methods[m.Ref]
			key := c.Name + "." + ref.Name + ":" + ref.Proto
			w := want.methods[key]
			if w == nil {
				if m.Invokes != nil || m.FieldRefs != nil || m.StringRefs != nil {
					if bad++; bad <= 3 {
						t.Errorf("%s: %s has references but dexdump shows no code", name, key)
					}
				}
				continue
			}
			if want.dups[key] {
				continue
			}
			n++
			if !slices.Equal(m.Invokes, norm(w.inv)) || !slices.Equal(m.FieldRefs, norm(w.fld)) || !slices.Equal(m.StringRefs, norm(w.str)) {
				if bad++; bad <= 3 {
					t.Errorf("%s: %s\n got inv %v fld %v str %v\nwant inv %v fld %v str %v",
						name, key, m.Invokes, m.FieldRefs, m.StringRefs, norm(w.inv), norm(w.fld), norm(w.str))
				}
			}
		}
	}
	if n == 0 && len(want.methods) > 0 {
		t.Errorf("%s: none of dexdump's %d disassembled methods matched ours by name", name, len(want.methods))
	}
	return n
}
