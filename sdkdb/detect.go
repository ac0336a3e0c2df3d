package sdkdb

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hegui-dev/hegui/analyzer"
)

// Evidence kinds.
const (
	KindPackage    = "package"
	KindClass      = "class"
	KindNativeLib  = "native_lib"
	KindComponent  = "component"
	KindMetaData   = "meta_data"
	KindAsset      = "asset"
	KindMaven      = "maven"
	KindPermission = "permission"
	KindReference  = "reference"
)

// Confidence levels.
const (
	ConfHigh   = "high"
	ConfMedium = "medium"
	ConfLow    = "low"
)

// manyClasses is the class count from which code alone gives high confidence.
const manyClasses = 20

const maxSamples = 5

// Detect finds the SDKs and packers in f.
func (db *DB) Detect(f *analyzer.Facts) *Result {
	r := &Result{}
	if db == nil || db.idx == nil || f == nil {
		return r
	}
	d := &detection{
		db:   db,
		f:    f,
		r:    r,
		hits: map[string]*hitState{},
	}
	r.owners = ownerIndex{byPrefix: db.idx.prefixes, classes: db.idx.classes}
	d.packers()
	r.owners.appPrefixes = d.appPrefixes()
	d.code()
	d.manifest()
	d.files()
	d.sourceTree()
	d.finish()
	return r
}

// Owner attributes a dotted class name: "app", an SDK ID, or "" for unknown code.
func (r *Result) Owner(class string) string {
	if r == nil {
		return ""
	}
	o := &r.owners
	if id, ok := o.classes[outerClass(class)]; ok {
		return id
	}
	p, id := lookupPrefix(o.byPrefix, class)
	for _, a := range o.appPrefixes {
		if len(a) > len(p) && strings.HasPrefix(class, a) {
			return "app"
		}
	}
	return id
}

// AppPrefixes are the package prefixes Detect attributed to the app itself.
func (r *Result) AppPrefixes() []string {
	if r == nil {
		return nil
	}
	return append([]string(nil), r.owners.appPrefixes...)
}

type detection struct {
	db   *DB
	f    *analyzer.Facts
	r    *Result
	hits map[string]*hitState

	supers map[string]string // class → superclass, see superIndex
}

type hitState struct {
	ev      map[evKey]*Evidence
	weak    map[evKey]bool // support only: does not raise confidence
	classes int
	used    bool
	strong  bool // has a signal that can stand on its own (not only weak support)
}

type evKey struct{ kind, value, path string }

func (d *detection) state(id string) *hitState {
	h := d.hits[id]
	if h == nil {
		h = &hitState{ev: map[evKey]*Evidence{}, weak: map[evKey]bool{}}
		d.hits[id] = h
	}
	return h
}

// add records one observation; weak observations only support a hit found otherwise.
func (d *detection) add(id string, weak bool, e Evidence) *Evidence {
	h := d.state(id)
	if !weak {
		h.strong = true
	}
	k := evKey{e.Kind, e.Value, e.Path}
	if old, ok := h.ev[k]; ok {
		h.weak[k] = h.weak[k] && weak
		return old
	}
	ne := e
	h.ev[k] = &ne
	h.weak[k] = weak
	return &ne
}

// appPrefixes are the manifest package, the application class's package and the
// launcher activity's package, unless an SDK or packer owns them.
func (d *detection) appPrefixes() []string {
	var out []string
	if pkg := d.f.App.Package; javaName(pkg) && !tooBroad[pkg+"."] {
		out = append(out, pkg+".")
	}
	d.r.owners.appPrefixes = out
	// Other packages count as the app's only when no SDK, packer or the manifest
	// package already owns them (com.mob.MobApplication stays MobTech's). A launcher
	// activity may sit deeper inside an SDK's namespace: a vendor demo's
	// cn.jiguang.jmlinkdemo.MainActivity is the demo's, not JCore's.
	consider := func(class string, launcher bool) {
		class = d.resolve(class)
		i := strings.LastIndexByte(class, '.')
		if i <= 0 || !strings.Contains(class[:i], ".") || packerOfClass(class) != nil {
			return
		}
		pkg := class[:i+1]
		if owner := d.r.Owner(class); owner != "" {
			sdkPrefix, _ := lookupPrefix(d.r.owners.byPrefix, class)
			_, exact := d.r.owners.classes[outerClass(class)]
			if !launcher || owner == "app" || exact || len(pkg) <= len(sdkPrefix) {
				return
			}
		}
		if javaName(class[:i]) && !tooBroad[pkg] {
			out = appendUnique(out, pkg)
		}
	}
	if c := d.f.App.ApplicationClass; c != "" {
		consider(c, false)
	}
	for _, c := range d.f.Components {
		if (c.Type == "activity" || c.Type == "activity-alias") && isLauncher(c) {
			consider(c.Name, true)
		}
	}
	d.r.owners.appPrefixes = out
	out = append(out, d.sourcePackages()...)
	sort.Strings(out)
	return out
}

// sourcePackages are the packages a source tree's own files declare (the "sources"
// DEX entry the source analyser fills): the project's code, whatever its package,
// unless an SDK's prefix or class list claims the class (vendored SDK sources) or
// an app prefix already covers it.
func (d *detection) sourcePackages() []string {
	if d.f.Source.Kind != "source" {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	for _, df := range d.f.Dex.Files {
		if df.Name != "sources" || df.Parsed == nil {
			continue
		}
		for _, c := range df.Parsed.Classes {
			i := strings.LastIndexByte(c.Name, '.')
			if i <= 0 {
				continue
			}
			pkg := c.Name[:i+1]
			if seen[pkg] || !javaName(c.Name[:i]) || tooBroad[pkg] || d.r.Owner(c.Name) != "" || packerOfClass(c.Name) != nil {
				continue
			}
			seen[pkg] = true
			out = append(out, pkg)
		}
	}
	return out
}

// resolve expands manifest shorthand (".Main", "Main") against the app package.
func (d *detection) resolve(name string) string {
	if strings.HasPrefix(name, ".") {
		return d.f.App.Package + name
	}
	if !strings.Contains(name, ".") && d.f.App.Package != "" {
		return d.f.App.Package + "." + name
	}
	return name
}

func isLauncher(c analyzer.Component) bool {
	for _, f := range c.IntentFilters {
		main, launcher := false, false
		for _, a := range f.Actions {
			main = main || a == "android.intent.action.MAIN"
		}
		for _, cat := range f.Categories {
			launcher = launcher || cat == "android.intent.category.LAUNCHER"
		}
		if main && launcher {
			return true
		}
	}
	return false
}

// code attributes every DEX class and, for the app's own classes, records which
// SDKs they reference.
func (d *detection) code() {
	type key struct{ id, value, dex, kind string }
	agg := map[key]*Evidence{}
	for _, df := range d.f.Dex.Files {
		if df.Parsed == nil {
			continue
		}
		var appClasses []int
		for ci := range df.Parsed.Classes {
			name := df.Parsed.Classes[ci].Name
			id := d.r.Owner(name)
			switch id {
			case "":
				continue
			case "app":
				appClasses = append(appClasses, ci)
				continue
			}
			k := key{id, "", df.Name, KindClass}
			if _, ok := d.db.idx.classes[outerClass(name)]; ok {
				k.value = outerClass(name)
			} else {
				k.kind = KindPackage
				k.value, _ = lookupPrefix(d.db.idx.prefixes, name)
			}
			e := agg[k]
			if e == nil {
				e = &Evidence{Kind: k.kind, Value: k.value, Path: df.Name}
				agg[k] = e
			}
			e.Count++
			e.Samples = addSample(e.Samples, name)
			d.state(id).classes++
		}
		d.references(df, appClasses)
	}
	for k, e := range agg {
		d.add(k.id, false, *e)
	}
}

// references marks SDKs that the app's classes invoke, read, extend or implement.
func (d *detection) references(df analyzer.DexFile, appClasses []int) {
	p := df.Parsed
	owner := map[string]string{}
	ownerOf := func(class string) string {
		o, ok := owner[class]
		if !ok {
			o = d.r.Owner(class)
			owner[class] = o
		}
		return o
	}
	refs := map[string]*Evidence{}
	note := func(from, to string) {
		id := ownerOf(to)
		if id == "" || id == "app" {
			return
		}
		e := refs[id]
		if e == nil {
			e = &Evidence{Kind: KindReference, Path: df.Name}
			refs[id] = e
		}
		e.Count++
		e.Samples = addSample(e.Samples, from+" → "+to)
	}
	for _, ci := range appClasses {
		c := &p.Classes[ci]
		if c.Super != "" {
			note(c.Name, c.Super)
		}
		for _, in := range c.Interfaces {
			note(c.Name, in)
		}
		for _, m := range c.Methods {
			for _, mi := range m.Invokes {
				if int(mi) < len(p.Methods) {
					note(c.Name, p.Methods[mi].Class)
				}
			}
			for _, fi := range m.FieldRefs {
				if int(fi) < len(p.Fields) {
					note(c.Name, p.Fields[fi].Class)
				}
			}
		}
	}
	for id, e := range refs {
		e.Value = fmt.Sprintf("%d references from app code", e.Count)
		h := d.state(id)
		h.used = true
		// A reference proves the app calls the SDK, not that the SDK is bundled:
		// it supports a hit but does not create one.
		d.add(id, true, *e)
	}
}

// addSample keeps the maxSamples smallest names, sorted, so samples do not depend
// on iteration order.
func addSample(s []string, name string) []string {
	i := sort.SearchStrings(s, name)
	if i < len(s) && s[i] == name {
		return s
	}
	if i >= maxSamples {
		return s
	}
	s = append(s, "")
	copy(s[i+1:], s[i:])
	s[i] = name
	if len(s) > maxSamples {
		s = s[:maxSamples]
	}
	return s
}

func (d *detection) manifestPath() string { return d.f.ManifestPath() }

func (d *detection) manifest() {
	ix := d.db.idx
	mpath := d.manifestPath()
	pkg := d.f.App.Package
	meta := func(md []analyzer.MetaData) {
		for _, m := range md {
			ids := ix.metaData[m.Name]
			for _, id := range ids {
				// A key that several entries share cannot tell them apart.
				d.add(id, len(ids) > 1, Evidence{Kind: KindMetaData, Value: m.Name, Path: mpath})
			}
		}
	}
	meta(d.f.App.MetaData)
	for _, c := range d.f.Components {
		name := d.resolve(c.Name)
		id, ok := ix.components[name]
		weak := false
		if !ok && pkg != "" {
			if rest, found := strings.CutPrefix(name, pkg); found {
				for _, ac := range ix.appComps {
					if ac.key == rest {
						id, ok = ac.id, true
						weak = d.markerHandledElsewhere(id, c)
						break
					}
				}
			}
		}
		if !ok {
			if o := d.r.Owner(name); o != "app" {
				id = o
			}
		}
		if id != "" {
			d.add(id, weak, Evidence{Kind: KindComponent, Value: name, Path: orPath(c.Location.Path, mpath), Line: c.Location.Line})
		}
		meta(c.MetaData)
	}
	for _, p := range d.f.App.Permissions {
		ids := ix.perms[p.Name]
		if pkg != "" {
			if rest, ok := strings.CutPrefix(p.Name, pkg); ok {
				for _, ap := range ix.appPerms {
					if ap.key == rest {
						ids = appendUnique(append([]string(nil), ids...), ap.id)
					}
				}
			}
		}
		for _, id := range ids {
			d.add(id, true, Evidence{Kind: KindPermission, Value: p.Name, Path: orPath(p.Location.Path, mpath), Line: p.Location.Line})
		}
	}
}

// markerHandledElsewhere reports whether an <applicationId> marker component (say
// <pkg>.wxapi.WXEntryActivity) is implemented by another SDK's class while none of
// id's own code is present: ShareSDK answers WeChat through its own
// WechatHandlerActivity, without the WeChat OpenSDK. Such a marker only supports.
func (d *detection) markerHandledElsewhere(id string, c analyzer.Component) bool {
	e := d.db.byID[id]
	if e == nil || len(e.Signals.Packages)+len(e.Signals.Classes) == 0 || d.state(id).classes > 0 {
		return false
	}
	class := d.resolve(c.Name)
	if c.TargetActivity != "" {
		class = d.resolve(c.TargetActivity)
	}
	supers := d.superIndex()
	for range 16 { // bounded walk up the superclass chain
		if o := d.r.Owner(class); o != "" && o != "app" && o != id {
			return true
		}
		next, ok := supers[class]
		if !ok {
			return false
		}
		class = next
	}
	return false
}

// superIndex maps every DEX class to its superclass, built on first use.
func (d *detection) superIndex() map[string]string {
	if d.supers == nil {
		d.supers = map[string]string{}
		for _, df := range d.f.Dex.Files {
			if df.Parsed == nil {
				continue
			}
			for _, c := range df.Parsed.Classes {
				if c.Super != "" {
					d.supers[c.Name] = c.Super
				}
			}
		}
	}
	return d.supers
}

func orPath(p, fallback string) string {
	if p != "" {
		return p
	}
	return fallback
}

// files matches native libraries and assets.
func (d *detection) files() {
	ix := d.db.idx
	libs := append([]analyzer.NativeLib(nil), d.f.NativeLibs...)
	sort.Slice(libs, func(i, j int) bool { return libs[i].Path < libs[j].Path })
	for _, l := range libs {
		name := l.Name
		if name == "" {
			name = l.Path[strings.LastIndexByte(l.Path, '/')+1:]
		}
		ids := matchGlobs(ix.libs, name)
		for _, id := range ids {
			// One evidence per library name; the first path (sorted) locates it.
			d.add(id, len(ids) > 1, Evidence{Kind: KindNativeLib, Value: name, Path: firstPath(d.f.NativeLibs, name)})
		}
	}
	for _, a := range d.f.Assets {
		ids := matchGlobs(ix.assets, d.f.APKPath(a.Path))
		for _, id := range ids {
			d.add(id, len(ids) > 1, Evidence{Kind: KindAsset, Value: a.Path, Path: a.Path})
		}
	}
}

func firstPath(libs []analyzer.NativeLib, name string) string {
	best := ""
	for _, l := range libs {
		if (l.Name == name || strings.HasSuffix(l.Path, "/"+name)) && (best == "" || l.Path < best) {
			best = l.Path
		}
	}
	return best
}

// sourceTree matches Gradle dependencies and source references of a source tree.
func (d *detection) sourceTree() {
	c := d.f.Code
	if c == nil {
		return
	}
	for _, dep := range c.Dependencies {
		id, ok := d.db.idx.maven[dep.Group+":"+dep.Artifact]
		if !ok {
			id, ok = d.db.idx.maven[dep.Group+":*"]
		}
		if ok {
			v := dep.Group + ":" + dep.Artifact
			if dep.Version != "" {
				v += ":" + dep.Version
			}
			d.add(id, false, Evidence{Kind: KindMaven, Value: v, Path: dep.Location.Path, Line: dep.Location.Line})
		}
	}
	refs := map[string]*Evidence{}
	for _, call := range c.Calls {
		id := d.r.Owner(call.Class)
		if id == "" || id == "app" {
			continue
		}
		e := refs[id]
		if e == nil || call.Location.Path < e.Path || call.Location.Path == e.Path && call.Location.Line < e.Line {
			old := e
			e = &Evidence{Kind: KindReference, Path: call.Location.Path, Line: call.Location.Line}
			if old != nil {
				e.Count, e.Samples = old.Count, old.Samples
			}
			refs[id] = e
		}
		e.Count++
		e.Samples = addSample(e.Samples, call.Class+"."+call.Member)
		if d.r.Owner(call.InClass) != id {
			d.state(id).used = true
		}
	}
	for id, e := range refs {
		e.Value = fmt.Sprintf("%d references in source", e.Count)
		// In a source tree, code that imports an SDK's classes is as strong as the
		// classes themselves in a DEX.
		d.add(id, false, *e)
	}
}

// finish turns the collected evidence into sorted hits.
func (d *detection) finish() {
	ids := make([]string, 0, len(d.hits))
	for id, h := range d.hits {
		if h.strong && d.db.byID[id] != nil {
			ids = append(ids, id)
		}
	}
	for _, id := range ids {
		e := d.db.byID[id]
		h := d.hits[id]
		hit := Hit{
			Entry:      e,
			ID:         e.ID,
			Name:       e.Name,
			NameZH:     e.NameZH,
			Vendor:     e.Vendor,
			Category:   e.Category,
			Overseas:   e.Overseas,
			Used:       h.used,
			ClassCount: h.classes,
		}
		var strong []Evidence
		for k, ev := range h.ev {
			hit.Evidence = append(hit.Evidence, *ev)
			if !h.weak[k] {
				strong = append(strong, *ev)
			}
		}
		sortEvidence(hit.Evidence)
		hit.Confidence = confidence(strong, h.classes)
		d.r.SDKs = append(d.r.SDKs, hit)
	}
	sort.Slice(d.r.SDKs, func(i, j int) bool {
		a, b := d.r.SDKs[i], d.r.SDKs[j]
		if a.Category != b.Category {
			return a.Category < b.Category
		}
		return a.ID < b.ID
	})
}

var kindOrder = map[string]int{
	KindPackage: 0, KindClass: 1, KindReference: 2, KindMaven: 3, KindComponent: 4,
	KindMetaData: 5, KindNativeLib: 6, KindAsset: 7, KindPermission: 8,
}

func sortEvidence(ev []Evidence) {
	sort.Slice(ev, func(i, j int) bool {
		a, b := ev[i], ev[j]
		if a.Kind != b.Kind {
			return kindOrder[a.Kind] < kindOrder[b.Kind]
		}
		if a.Value != b.Value {
			return a.Value < b.Value
		}
		return a.Path < b.Path
	})
}

// confidence, from the evidence that is not mere support: high when code is backed by another kind of signal, when many classes
// match, or when three independent non-code signals agree; medium for code alone or
// one solid non-code signal; low for a single weak one (a meta-data key, an asset).
func confidence(ev []Evidence, classes int) string {
	kinds := map[string]bool{}
	for _, e := range ev {
		kinds[e.Kind] = true
	}
	code := kinds[KindPackage] || kinds[KindClass] || kinds[KindReference]
	other := 0
	for _, k := range []string{KindMaven, KindComponent, KindMetaData, KindNativeLib, KindAsset} {
		if kinds[k] {
			other++
		}
	}
	switch {
	case code && (other > 0 || classes >= manyClasses):
		return ConfHigh
	case other >= 3:
		return ConfHigh
	case code, other >= 2, kinds[KindMaven], kinds[KindComponent], kinds[KindNativeLib]:
		return ConfMedium
	default:
		return ConfLow
	}
}
