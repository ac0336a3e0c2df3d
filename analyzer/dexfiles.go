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
	primary := "classes.dex"
	if an.bundle != nil {
		primary = "base/dex/classes.dex"
	}
	if an.a.serial && !an.a.has(primary) {
		an.incomplete(primary, "not found among the entries recovered from local headers: the app's code was not analysed")
	}
	files := make([]DexFile, len(names))
	unread := make([]bool, len(names)) // the bytes could not be had, as opposed to rejected by the reader
	workers := min(runtime.GOMAXPROCS(0), len(names))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				files[i], unread[i] = an.readOneDex(names[i])
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
		switch {
		case files[i].Error == "":
		case files[i].Name == primary || unread[i]:
			// Android loads every DEX of the sequence: without one, code findings are partial.
			an.incomplete(files[i].Name, "%s; its code was not analysed", files[i].Error)
		default: // a secondary file that is not valid DEX: reported, the rest stands
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

// readOneDex reads and parses one DEX; unread says its bytes could not be had.
func (an *apkAnalysis) readOneDex(name string) (df DexFile, unread bool) {
	df = DexFile{Name: name, Size: an.a.declaredSize(name)}
	if an.ctx.Err() != nil {
		df.Error = "not read: " + an.ctx.Err().Error()
		return df, true
	}
	b, err := an.a.read(name, maxDexSize)
	if err != nil {
		df.Error = err.Error()
		return df, true
	}
	// Many DEX files each under the per-file cap must not add up without bound.
	if total := an.dexBytes.Add(int64(len(b))); total > maxDexTotal {
		df.Error = fmt.Sprintf("not parsed: the APK's DEX files exceed %d bytes in all", int64(maxDexTotal))
		return df, true
	}
	df.Size = int64(len(b))
	headerCounts(&df, b)
	lim := dex.DefaultLimits
	lim.MaxSize = maxDexSize
	p, err := dex.Parse(b, lim) // recovers from its own panics
	if err != nil {
		df.Error = "DEX reader: " + err.Error()
		return df, false
	}
	df.Parsed = p
	df.Version = p.Version
	df.ClassCount = len(p.Classes)
	df.StringCount = len(p.Strings)
	df.MethodRefCount = len(p.Methods)
	df.FieldRefCount = len(p.Fields)
	return df, false
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
