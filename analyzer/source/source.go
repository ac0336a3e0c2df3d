// Package source reads an Android Gradle project (manifests, Gradle files, resources,
// local jars/aars, Java/Kotlin sources) into the same analyzer.Facts an APK gives,
// with file:line locations relative to the project root.
package source

import (
	"context"
	"fmt"
	"github.com/hegui-dev/hegui/internal/glob"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/hegui-dev/hegui/analyzer"
)

var projectMarkers = []string{"settings.gradle", "settings.gradle.kts", "build.gradle", "build.gradle.kts",
	"AndroidManifest.xml", "app/src/main/AndroidManifest.xml", "src/main/AndroidManifest.xml"}

// IsProject reports whether dir holds a Gradle project or an AndroidManifest.xml
// (at the top or in the usual module layout).
func IsProject(dir string) bool {
	fi, err := os.Stat(dir)
	if err != nil || !fi.IsDir() {
		return false
	}
	for _, m := range projectMarkers {
		if fi, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(m))); err == nil && fi.Mode().IsRegular() {
			return true
		}
	}
	return false
}

// Analyze reads the project at dir with DefaultLimits.
func Analyze(ctx context.Context, dir string) (*analyzer.Facts, error) {
	return AnalyzeWith(ctx, dir, DefaultLimits)
}

// project is the state of one analysis.
type project struct {
	ctx     context.Context
	t       *tree
	lim     Limits
	facts   *analyzer.Facts
	mods    map[string]*module // by name
	order   []*module          // sorted by name
	cat     *catalog
	vars    map[string]string
	coords  map[string]string // named coordinates from ext maps and buildSrc
	scanned int
	label   string // raw android:label of the merged application
	nscRef  string // raw android:networkSecurityConfig
}

func (p *project) diag(path, format string, a ...any) {
	p.facts.Diagnostics = append(p.facts.Diagnostics, analyzer.Diagnostic{Path: path, Message: fmt.Sprintf(format, a...)})
}

// AnalyzeWith reads the project at dir within lim.
func AnalyzeWith(ctx context.Context, dir string, lim Limits) (*analyzer.Facts, error) {
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("source: %v", err)
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("source: %s is not a directory", dir)
	}
	// The root itself may be a symlink (a CI checkout path); nothing under it is followed.
	root, err := filepath.EvalSymlinks(dir)
	if err == nil {
		root, err = filepath.Abs(root)
	}
	if err != nil {
		return nil, fmt.Errorf("source: %s: %v", dir, err)
	}
	t, err := listTree(ctx, root, lim)
	if err != nil {
		return nil, fmt.Errorf("source: %s: %v", dir, err)
	}
	p := &project{ctx: ctx, t: t, lim: lim, mods: map[string]*module{}, vars: map[string]string{}, coords: map[string]string{},
		facts: &analyzer.Facts{Source: analyzer.Source{Path: dir, Kind: "source", Size: t.size},
			Files: map[string][]byte{}, Code: &analyzer.SourceCode{}}}
	p.facts.Diagnostics = append(p.facts.Diagnostics, t.diags...)

	p.findModules()
	p.readGradle()
	p.readManifests()
	app := p.appModule()
	closure := p.closure(app)
	libDocs := p.readLocalLibs(closure)
	if app != nil {
		p.fillApp(app, closure, libDocs)
	} else {
		p.diag(".", "no Android application module found: manifest facts are empty")
	}
	p.readResources(closure)
	if err := p.readCode(closure); err != nil {
		return nil, err
	}
	p.finish(closure)
	return p.facts, nil
}

func (p *project) findModules() {
	declared, dirs := map[string]bool{}, map[string]string{}
	for _, s := range []string{"settings.gradle", "settings.gradle.kts"} {
		if !p.t.has(s) {
			continue
		}
		b, err := p.t.read(s, p.lim.MaxSourceFile)
		if err != nil {
			p.diag(s, "%v", err)
			continue
		}
		p.scanned++
		mods, d := parseSettings(b)
		for _, m := range mods {
			declared[m] = true
		}
		for k, v := range d {
			dirs[k] = path.Clean(v)
		}
	}
	add := func(name, dir string) *module {
		if m, ok := p.mods[name]; ok {
			return m
		}
		m := &module{name: name, dir: dir}
		for _, b := range []string{"build.gradle", "build.gradle.kts"} {
			if f := path.Join(dir, b); p.t.has(f) {
				m.buildFile = f
				break
			}
		}
		p.mods[name] = m
		return m
	}
	for name := range declared {
		dir, ok := dirs[name]
		if !ok {
			dir = strings.ReplaceAll(strings.TrimPrefix(name, ":"), ":", "/")
		}
		add(name, dir)
	}
	// Modules settings does not name (or no settings at all): any build file.
	byDir := map[string]bool{}
	for _, m := range p.mods {
		byDir[m.dir] = true
	}
	for _, f := range p.t.files {
		base := path.Base(f.rel)
		if base != "build.gradle" && base != "build.gradle.kts" && base != "AndroidManifest.xml" {
			continue
		}
		dir := path.Dir(f.rel)
		if base == "AndroidManifest.xml" {
			switch {
			case f.rel == "AndroidManifest.xml":
			case f.rel == "src/main/AndroidManifest.xml":
				dir = "."
			case strings.HasSuffix(f.rel, "/src/main/AndroidManifest.xml"):
				dir = strings.TrimSuffix(f.rel, "/src/main/AndroidManifest.xml")
			default:
				continue
			}
		}
		if byDir[dir] || dir == "buildSrc" || strings.HasPrefix(dir, "buildSrc/") {
			continue
		}
		byDir[dir] = true
		name := ":" + strings.ReplaceAll(dir, "/", ":")
		if dir == "." {
			name = ":"
		}
		add(name, dir)
	}
	for _, m := range p.mods {
		p.order = append(p.order, m)
	}
	sort.Slice(p.order, func(i, j int) bool { return p.order[i].name < p.order[j].name })
	for _, m := range p.order {
		if m.name != ":" {
			p.facts.Code.Modules = append(p.facts.Code.Modules, m.name)
		}
	}
}

func (p *project) readGradle() {
	for _, c := range []string{"gradle/libs.versions.toml"} {
		if !p.t.has(c) {
			continue
		}
		b, err := p.t.read(c, p.lim.MaxSourceFile)
		if err != nil {
			p.diag(c, "%v", err)
			continue
		}
		p.scanned++
		cat, err := parseCatalog(b)
		if err != nil {
			p.diag(c, "%v", err)
		}
		p.cat = cat
	}
	builds := map[string]bool{}
	for _, m := range p.order {
		builds[m.buildFile] = true
	}
	// Shared scripts (config.gradle, gradle/deps.gradle) and buildSrc constants.
	for _, f := range p.t.files {
		top := !strings.Contains(f.rel, "/")
		gradle := strings.HasSuffix(f.rel, ".gradle") || strings.HasSuffix(f.rel, ".gradle.kts")
		if builds[f.rel] || strings.HasPrefix(path.Base(f.rel), "settings.gradle") ||
			!(gradle && (top || strings.HasPrefix(f.rel, "gradle/")) ||
				strings.HasPrefix(f.rel, "buildSrc/src/") && (path.Ext(f.rel) == ".kt" || path.Ext(f.rel) == ".kts" || path.Ext(f.rel) == ".java")) {
			continue
		}
		b, err := p.t.read(f.rel, p.lim.MaxSourceFile)
		if err != nil {
			p.diag(f.rel, "%v", err)
			continue
		}
		p.scanned++
		gradleVars(stripComments(b), p.vars, p.coords)
	}
	texts := map[*module][]byte{}
	for _, m := range p.order { // root first: its ext variables feed the modules
		if m.buildFile == "" {
			continue
		}
		b, err := p.t.read(m.buildFile, p.lim.MaxSourceFile)
		if err != nil {
			p.diag(m.buildFile, "%v", err)
			continue
		}
		p.scanned++
		texts[m] = b
		gradleVars(stripComments(b), p.vars, p.coords)
	}
	for _, m := range p.order {
		if b, ok := texts[m]; ok {
			m.parseBuild(b, p.cat, p.vars, p.coords)
		}
	}
}

// sourceSetRank orders a module's manifests: variant sets before main, tests never.
func sourceSetRank(set string) int {
	switch {
	case set == "main":
		return 2
	case set == "debug" || strings.HasPrefix(set, "test") || strings.HasPrefix(set, "androidTest") || strings.HasSuffix(set, "Test"):
		return -1
	}
	return 1
}

func (p *project) readManifests() {
	for _, m := range p.order {
		type cand struct {
			rel  string
			rank int
		}
		var cands []cand
		for _, f := range p.t.under(m.dir) {
			r := f.rel
			if m.dir != "." {
				r = strings.TrimPrefix(r, m.dir+"/")
			}
			parts := strings.Split(r, "/")
			switch {
			case len(parts) == 3 && parts[0] == "src" && parts[2] == "AndroidManifest.xml":
				if rk := sourceSetRank(parts[1]); rk > 0 {
					cands = append(cands, cand{f.rel, rk})
				}
			case len(parts) == 1 && parts[0] == "AndroidManifest.xml":
				cands = append(cands, cand{f.rel, 3})
			}
		}
		sort.SliceStable(cands, func(i, j int) bool {
			if cands[i].rank != cands[j].rank {
				return cands[i].rank < cands[j].rank
			}
			return cands[i].rel < cands[j].rel
		})
		for _, c := range cands {
			b, err := p.t.read(c.rel, p.lim.MaxSourceFile)
			if err != nil {
				p.diag(c.rel, "%v", err)
				continue
			}
			p.scanned++
			root, err := parseXML(b)
			if err != nil {
				p.diag(c.rel, "manifest: %v", err)
			}
			if root == nil || root.name != "manifest" {
				continue
			}
			m.manifests = append(m.manifests, &manifestDoc{path: c.rel, root: root, mod: m})
		}
		if m.namespace == "" && len(m.manifests) > 0 {
			for _, d := range m.manifests {
				if pk := d.root.attr("package"); pk != "" {
					m.namespace = pk
					break
				}
			}
		}
	}
}

// appModule picks the application module: the com.android.application one (":app"
// first when several), else the one with an applicationId, else one with a manifest.
func (p *project) appModule() *module {
	var best *module
	score := func(m *module) int {
		s := 0
		switch {
		case m.isApp:
			s = 4
		case m.appID != "":
			s = 3
		case len(m.manifests) > 0 && !m.isLib:
			s = 2
		case len(m.manifests) > 0:
			s = 1
		}
		if s > 0 && m.name == ":app" {
			s++
		}
		return s
	}
	for _, m := range p.order {
		if score(m) > 0 && (best == nil || score(m) > score(best)) {
			best = m
		}
	}
	var others []string
	for _, m := range p.order {
		if m != best && m.isApp {
			others = append(others, m.name)
		}
	}
	if best != nil && len(others) > 0 {
		p.diag(".", "several application modules: %s analysed, %s not", best.name, strings.Join(others, ", "))
	}
	return best
}

// closure is the app module followed by the project modules it depends on,
// breadth first, each once. Without an app it is every module.
func (p *project) closure(app *module) []*module {
	if app == nil {
		return p.order
	}
	out := []*module{app}
	seen := map[*module]bool{app: true}
	for i := 0; i < len(out); i++ {
		for _, d := range out[i].projDeps {
			m := p.mods[d]
			if m == nil {
				p.diag(out[i].buildFile, "project(%q): no such module", d)
				continue
			}
			if !seen[m] {
				seen[m] = true
				out = append(out, m)
			}
		}
	}
	return out
}

// readLocalLibs reads the jars and aars the modules declare with fileTree/files,
// and the .so files under src/main/jniLibs. It returns the aars' manifests.
func (p *project) readLocalLibs(mods []*module) []*manifestDoc {
	var docs []*manifestDoc
	done := map[string]bool{}
	for _, m := range mods {
		for _, ref := range m.localLibs {
			dir := path.Clean(path.Join(m.dir, ref.dir))
			matched := false
			for _, f := range p.t.under(dir) {
				r := strings.TrimPrefix(f.rel, dir+"/")
				ext := path.Ext(f.rel)
				if ext != ".jar" && ext != ".aar" {
					continue
				}
				ok := false
				for _, inc := range ref.includes {
					if glob.Match(inc, r) {
						ok = true
					}
				}
				if !ok {
					continue
				}
				matched = true
				p.facts.Code.Dependencies = append(p.facts.Code.Dependencies, analyzer.Dependency{
					Artifact: f.rel, Location: analyzer.Location{Path: m.buildFile, Line: ref.line},
					Configuration: "file", Module: m.name})
				if done[f.rel] {
					continue
				}
				done[f.rel] = true
				if d := p.readArchiveFile(f, m); d != nil {
					docs = append(docs, d)
				}
			}
			if !matched {
				p.diag(m.buildFile, "line %d: no local library matches %s %v", ref.line, dir, ref.includes)
			}
		}
		// src/main/jniLibs/<abi>/, and libs/<abi>/ (jniLibs.srcDirs = ['libs'])
		jni := slices.Concat(p.t.under(path.Join(m.dir, "src/main/jniLibs")), p.t.under(path.Join(m.dir, "libs")))
		for _, f := range jni {
			if path.Ext(f.rel) == ".so" && knownABIs[path.Base(path.Dir(f.rel))] {
				p.facts.NativeLibs = append(p.facts.NativeLibs, analyzer.NativeLib{Path: f.rel,
					ABI: path.Base(path.Dir(f.rel)), Name: path.Base(f.rel), Size: f.size})
			}
		}
	}
	return docs
}

var knownABIs = setOf("armeabi", "armeabi-v7a", "arm64-v8a", "x86", "x86_64", "mips", "mips64", "riscv64")

func (p *project) readArchiveFile(f fileEntry, m *module) *manifestDoc {
	data, err := p.t.read(f.rel, p.lim.MaxArchive)
	if err != nil {
		p.diag(f.rel, "%v", err)
		return nil
	}
	af, err := readArchive(data, f.rel, p.lim, 0)
	if err != nil {
		p.diag(f.rel, "not a readable jar/aar: %v", err)
		return nil
	}
	for _, w := range af.warnings {
		p.diag(f.rel, "%s", w)
	}
	p.facts.Dex.Files = append(p.facts.Dex.Files, classesOnly(f.rel, f.size, af.classes))
	p.facts.NativeLibs = append(p.facts.NativeLibs, af.natives...)
	if af.manifest == nil {
		return nil
	}
	root, err := parseXML(af.manifest)
	if err != nil || root == nil || root.name != "manifest" {
		p.diag(f.rel+"!/AndroidManifest.xml", "not a text manifest")
		return nil
	}
	pseudo := &module{name: m.name, namespace: root.attr("package")}
	return &manifestDoc{path: f.rel + "!/AndroidManifest.xml", root: root, mod: pseudo}
}

func (p *project) fillApp(app *module, closure []*module, libDocs []*manifestDoc) {
	var docs []*manifestDoc
	for _, m := range closure {
		docs = append(docs, m.manifests...)
	}
	docs = append(docs, libDocs...)
	if len(docs) == 0 {
		p.diag(app.dir, "application module has no AndroidManifest.xml")
		return
	}
	mg := mergeManifests(docs, app)
	a := &mg.app
	if a.MinSDK == 0 {
		a.MinSDK = app.minSDK
	}
	if a.TargetSDK == 0 {
		a.TargetSDK = app.targetSDK
	}
	if a.TargetSDK == 0 {
		a.TargetSDK = a.MinSDK
	}
	a.CompileSDK = app.compileSDK
	if app.versionNm != "" {
		a.VersionName = app.versionNm
	}
	if app.versionCd != "" {
		a.VersionCode = app.versionCd
	}
	if a.Permissions == nil {
		a.Permissions = []analyzer.Permission{}
	}
	p.facts.App = *a
	p.facts.Components = mg.components
	p.facts.Resources.Package = a.Package
	p.label, p.nscRef = mg.label, mg.nscRef
}
