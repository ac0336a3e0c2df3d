package source

import (
	"fmt"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/hegui-dev/hegui/analyzer"
)

// srcFile is a file under a module's src/<set>/, with the set's rank.
type srcFile struct {
	fileEntry
	set  string
	rest string // path inside the source set: "res/values/strings.xml", "java/a/B.java"
	rank int
}

// moduleFiles lists the files of the modules' shipping source sets, the modules in
// order and, within one, variant sets before main; each file once.
func (p *project) moduleFiles(mods []*module) []srcFile {
	var out []srcFile
	seen := map[string]bool{}
	for _, m := range mods {
		prefix := "src/"
		if m.dir != "." {
			prefix = m.dir + "/src/"
		}
		var fs []srcFile
		for _, f := range p.t.under(path.Join(m.dir, "src")) {
			if seen[f.rel] {
				continue
			}
			set, rest, ok := strings.Cut(strings.TrimPrefix(f.rel, prefix), "/")
			if !ok {
				continue
			}
			rk := sourceSetRank(set)
			if rk < 0 {
				continue
			}
			seen[f.rel] = true
			fs = append(fs, srcFile{fileEntry: f, set: set, rest: rest, rank: rk})
		}
		sort.SliceStable(fs, func(i, j int) bool { return fs[i].rank < fs[j].rank })
		out = append(out, fs...)
	}
	return out
}

func (p *project) readResources(mods []*module) {
	r := &p.facts.Resources
	r.Named, r.NamedZH = map[string]string{}, map[string]string{}
	r.StringLocations = map[string]analyzer.Location{}
	var xmlFiles = map[string]string{} // "nsc" → first res/xml/nsc.xml path
	for _, f := range p.moduleFiles(mods) {
		parts := strings.Split(f.rest, "/")
		switch {
		case len(parts) == 3 && parts[0] == "res" && strings.HasPrefix(parts[1], "values") && path.Ext(parts[2]) == ".xml":
			b, err := p.t.read(f.rel, p.lim.MaxSourceFile)
			if err != nil {
				p.diag(f.rel, "%v", err)
				continue
			}
			p.scanned++
			vals, err := stringValues(b)
			if err != nil {
				p.diag(f.rel, "strings: %v", err)
			}
			target := r.Named
			if isZHValues(parts[1]) {
				target = r.NamedZH
			} else if parts[1] != "values" && !strings.HasPrefix(parts[1], "values-v") && !strings.HasPrefix(parts[1], "values-night") {
				target = nil // another locale
			}
			for _, v := range vals {
				if _, ok := target[v.name]; !ok && target != nil && v.name != "" {
					target[v.name] = v.value
				}
				if _, ok := r.StringLocations[v.value]; !ok {
					r.StringLocations[v.value] = analyzer.Location{Path: f.rel, Line: v.line}
				}
			}
		case len(parts) == 3 && parts[0] == "res" && parts[1] == "xml":
			name := strings.TrimSuffix(parts[2], path.Ext(parts[2]))
			if _, ok := xmlFiles[name]; !ok {
				xmlFiles[name] = f.rel
			}
			p.keepText(f.fileEntry)
		case len(parts) >= 3 && parts[0] == "res" && strings.HasPrefix(parts[1], "raw"),
			len(parts) >= 2 && parts[0] == "assets":
			t := analyzer.AssetType(f.rel, nil)
			p.facts.Assets = append(p.facts.Assets, analyzer.Asset{Path: f.rel, Size: f.size, Type: t})
			if t == "dex" || t == "jar" || t == "apk" {
				p.facts.Dex.Hidden = append(p.facts.Dex.Hidden, analyzer.HiddenCode{Path: f.rel, Kind: t, Size: f.size,
					Reason: "code shipped as an asset, loaded at run time"})
			}
			if analyzer.IsTextAsset(t) {
				p.keepText(f.fileEntry)
			}
		}
	}
	for s := range r.StringLocations {
		r.Strings = append(r.Strings, s)
	}
	sort.Strings(r.Strings)
	r.StringCount = len(r.Strings)

	a := &p.facts.App
	if name, ok := strings.CutPrefix(p.label, "@string/"); ok {
		a.Label = r.Named[name]
		a.LabelZH = r.NamedZH[name]
	} else if p.label != "" && !strings.HasPrefix(p.label, "@") {
		a.Label = p.label
	}
	if name, ok := strings.CutPrefix(p.nscRef, "@xml/"); ok {
		rel, found := xmlFiles[name]
		if !found {
			p.diag(a.Location.Path, "networkSecurityConfig %s: no such file in res/xml", p.nscRef)
			return
		}
		a.NetworkSecConfig = rel
		b := p.facts.Files[rel]
		root, err := parseXML(b)
		if err != nil || root == nil {
			p.diag(rel, "network security config: %v", err)
			return
		}
		p.facts.Network = analyzer.NetworkSecurityOf(rel, axmlTree(root), a.TargetSDK)
	}
}

func (p *project) keepText(f fileEntry) {
	if f.size > p.lim.MaxTextFile {
		return
	}
	b, err := p.t.read(f.rel, p.lim.MaxTextFile)
	if err != nil {
		p.diag(f.rel, "%v", err)
		return
	}
	p.scanned++
	p.facts.Files[f.rel] = b
}

// readCode analyses the modules' Java and Kotlin sources in two passes: declarations
// (own classes and methods, for resolution), then references.
func (p *project) readCode(mods []*module) error {
	var files []*fileDecls
	var total int64
	for _, f := range p.moduleFiles(mods) {
		ext := path.Ext(f.rel)
		if ext != ".java" && ext != ".kt" {
			continue
		}
		if f.size > p.lim.MaxSourceFile {
			p.diag(f.rel, "%d bytes, over the %d byte source limit: not analysed", f.size, p.lim.MaxSourceFile)
			continue
		}
		if total+f.size > p.lim.MaxSourceBytes {
			p.diag(f.rel, "source byte budget (%d) spent: this and later files not analysed", p.lim.MaxSourceBytes)
			break
		}
		total += f.size
		files = append(files, &fileDecls{path: f.rel, kotlin: ext == ".kt"})
	}
	errs := make([]error, len(files))
	parallel(len(files), func(i int) {
		f := files[i]
		if p.ctx.Err() != nil {
			return
		}
		b, err := p.t.read(f.path, p.lim.MaxSourceFile)
		if err != nil {
			errs[i] = err
			return
		}
		f.toks = lex(b, f.kotlin)
		parseHeader(f)
		if f.kotlin {
			base := strings.TrimSuffix(path.Base(f.path), ".kt")
			if base != "" {
				base = strings.ToUpper(base[:1]) + base[1:] + "Kt"
			}
			if f.pkg != "" {
				base = f.pkg + "." + base
			}
			f.fileClass = base
		}
		f.methods = map[string]map[string]bool{}
		(&walker{f: f}).walk(nil)
	})
	if err := p.ctx.Err(); err != nil {
		return err
	}
	var ok []*fileDecls
	for i, f := range files {
		if errs[i] != nil {
			p.diag(f.path, "%v", errs[i])
			continue
		}
		ok = append(ok, f)
	}
	ix := buildIndex(ok)
	calls := make([][]analyzer.SourceCall, len(ok))
	strs := make([][]analyzer.SourceString, len(ok))
	parallel(len(ok), func(i int) {
		if p.ctx.Err() == nil {
			calls[i], strs[i] = scanRefs(ix, ok[i])
			ok[i].toks = nil
		}
	})
	if err := p.ctx.Err(); err != nil {
		return err
	}
	c := p.facts.Code
	for i := range ok {
		c.Calls = append(c.Calls, calls[i]...)
		c.Strings = append(c.Strings, strs[i]...)
	}
	p.scanned += len(ok)
	var own []string
	for cl := range ix.classes {
		own = append(own, cl)
	}
	if len(own) > 0 {
		sort.Strings(own)
		df := classesOnly("sources", total, own)
		for i := range df.Parsed.Classes {
			df.Parsed.Classes[i].Super = ix.supers[own[i]]
		}
		p.facts.Dex.Files = append(p.facts.Dex.Files, df)
	}
	return nil
}

func parallel(n int, fn func(i int)) {
	workers := runtime.GOMAXPROCS(0)
	if workers > n {
		workers = n
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

func (p *project) finish(mods []*module) {
	f, c := p.facts, p.facts.Code
	for _, m := range mods {
		c.Dependencies = append(c.Dependencies, m.deps...)
	}
	c.FilesScanned = p.scanned
	sort.SliceStable(c.Dependencies, func(i, j int) bool {
		a, b := c.Dependencies[i], c.Dependencies[j]
		return fmt.Sprint(a.Location.Path, "\x00", pad(a.Location.Line), a.Group, "\x00", a.Artifact) <
			fmt.Sprint(b.Location.Path, "\x00", pad(b.Location.Line), b.Group, "\x00", b.Artifact)
	})
	if c.Dependencies == nil {
		c.Dependencies = []analyzer.Dependency{}
	}
	sort.SliceStable(c.Calls, func(i, j int) bool { return locLess(c.Calls[i].Location, c.Calls[j].Location) })
	sort.SliceStable(c.Strings, func(i, j int) bool { return locLess(c.Strings[i].Location, c.Strings[j].Location) })
	sort.SliceStable(f.NativeLibs, func(i, j int) bool { return f.NativeLibs[i].Path < f.NativeLibs[j].Path })
	sort.SliceStable(f.Assets, func(i, j int) bool { return f.Assets[i].Path < f.Assets[j].Path })
	sort.SliceStable(f.Dex.Files, func(i, j int) bool { return f.Dex.Files[i].Name < f.Dex.Files[j].Name })
	sort.SliceStable(f.Dex.Hidden, func(i, j int) bool { return f.Dex.Hidden[i].Path < f.Dex.Hidden[j].Path })
	sort.SliceStable(f.Diagnostics, func(i, j int) bool {
		if f.Diagnostics[i].Path != f.Diagnostics[j].Path {
			return f.Diagnostics[i].Path < f.Diagnostics[j].Path
		}
		return f.Diagnostics[i].Message < f.Diagnostics[j].Message
	})
	if f.Components == nil {
		f.Components = []analyzer.Component{}
	}
	if f.Dex.Files == nil {
		f.Dex.Files = []analyzer.DexFile{}
	}
	if f.NativeLibs == nil {
		f.NativeLibs = []analyzer.NativeLib{}
	}
	if f.Assets == nil {
		f.Assets = []analyzer.Asset{}
	}
	if f.App.Permissions == nil {
		f.App.Permissions = []analyzer.Permission{}
	}
	if c.Modules == nil {
		c.Modules = []string{}
	}
}

func pad(n int) string { return fmt.Sprintf("%09d", n) }

func locLess(a, b analyzer.Location) bool {
	if a.Path != b.Path {
		return a.Path < b.Path
	}
	return a.Line < b.Line
}
