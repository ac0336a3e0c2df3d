package analyzer

import (
	"encoding/binary"
	"fmt"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/hegui-dev/hegui/analyzer/dex"
)

// dexOrder returns the DEX files Android loads: classes.dex, then classes2.dex,
// classes3.dex … while the sequence is contiguous.
func dexOrder(a *archive) []string {
	if !a.has("classes.dex") {
		return nil
	}
	out := []string{"classes.dex"}
	for i := 2; ; i++ {
		n := "classes" + strconv.Itoa(i) + ".dex"
		if !a.has(n) {
			return out
		}
		out = append(out, n)
	}
}

func (an *apkAnalysis) readDex() {
	names := an.dexNames()
	files := make([]DexFile, len(names))
	workers := min(runtime.GOMAXPROCS(0), len(names))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				files[i] = an.readOneDex(names[i])
			}
		}()
	}
	// Largest first, so the biggest DEX does not start last and leave a core idle.
	order := make([]int, len(names))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool {
		return an.a.declaredSize(names[order[x]]) > an.a.declaredSize(names[order[y]])
	})
	for _, i := range order {
		if an.ctx.Err() != nil {
			break
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	for i := range files {
		if files[i].Name == "" { // cancelled before it ran
			files[i] = DexFile{Name: names[i], Error: "not read: " + an.ctx.Err().Error()}
		}
		if files[i].Error != "" {
			an.diag(files[i].Name, "%s", files[i].Error)
		}
		if p := files[i].Parsed; p != nil && len(p.Warnings) > 0 {
			for j, w := range p.Warnings {
				if j == 5 {
					an.diag(files[i].Name, "%d more DEX warnings", len(p.Warnings)-5)
					break
				}
				an.diag(files[i].Name, "%s", w)
			}
		}
	}
	an.facts.Dex.Files = files
}

func (an *apkAnalysis) readOneDex(name string) DexFile {
	df := DexFile{Name: name, Size: an.a.declaredSize(name)}
	if an.ctx.Err() != nil {
		df.Error = "not read: " + an.ctx.Err().Error()
		return df
	}
	b, err := an.a.read(name, maxDexSize)
	if err != nil {
		df.Error = err.Error()
		return df
	}
	// Many DEX files each under the per-file cap must not add up without bound.
	if total := an.dexBytes.Add(int64(len(b))); total > maxDexTotal {
		df.Error = fmt.Sprintf("not parsed: the APK's DEX files exceed %d bytes in all", int64(maxDexTotal))
		return df
	}
	df.Size = int64(len(b))
	headerCounts(&df, b)
	lim := dex.DefaultLimits
	lim.MaxSize = maxDexSize
	p, err := parseDex(b, lim)
	if err != nil {
		df.Error = "DEX reader: " + err.Error()
		return df
	}
	df.Parsed = p
	df.Version = p.Version
	df.ClassCount = len(p.Classes)
	df.StringCount = len(p.Strings)
	df.MethodRefCount = len(p.Methods)
	df.FieldRefCount = len(p.Fields)
	return df
}

// parseDex guards the DEX reader: one hostile file must not end the whole run.
func parseDex(b []byte, lim dex.Limits) (f *dex.File, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("panic: %v", r)
		}
	}()
	return dex.Parse(b, lim)
}

// headerCounts fills the counts from the DEX header, so a file the reader rejects
// still shows its size; the full parse overwrites them.
func headerCounts(df *DexFile, b []byte) {
	if len(b) < 0x70 || !strings.HasPrefix(string(b[:4]), "dex\n") {
		return
	}
	df.Version = strings.TrimRight(string(b[4:7]), "\x00")
	u := func(off int) int { return int(binary.LittleEndian.Uint32(b[off:])) }
	df.StringCount, df.FieldRefCount, df.MethodRefCount, df.ClassCount = u(0x38), u(0x50), u(0x58), u(0x60)
}
