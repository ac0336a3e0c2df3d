package analyzer

import (
	"fmt"
	"strconv"

	"github.com/hegui-dev/hegui/analyzer/aab"
	"github.com/hegui-dev/hegui/analyzer/arsc"
	"github.com/hegui-dev/hegui/analyzer/axml"
)

// maxModules bounds the modules of one bundle read (real ones have a few dozen).
const maxModules = 256

// local maps an entry name to its path in an APK ("" for bundle metadata).
func (an *apkAnalysis) local(name string) string {
	if an.bundle == nil {
		return name
	}
	return an.bundle.APKPath(name)
}

// entry maps a path inside the base APK (res/xml/nsc.xml) to its entry name.
func (an *apkAnalysis) entry(apkPath string) string {
	if an.bundle == nil {
		return apkPath
	}
	return "base/" + apkPath
}

// dexNames lists the DEX files Android loads, in order: for a bundle, each
// module's contiguous classesN.dex, base first.
func (an *apkAnalysis) dexNames() []string {
	if an.bundle == nil {
		return dexOrder(an.a)
	}
	var out []string
	for _, m := range an.bundle.Modules {
		out = append(out, aab.Dex(m, an.a.has)...)
	}
	return out
}

// parseXML decodes a compiled XML file: binary in APKs, protobuf in bundles.
func (an *apkAnalysis) parseXML(b []byte) (root *axml.Node, warn, err error) {
	if an.bundle == nil {
		return axml.Parse(b)
	}
	defer func() {
		if r := recover(); r != nil {
			root, warn, err = nil, nil, fmt.Errorf("protobuf XML decoder panic: %v", r)
		}
	}()
	root, err = aab.ParseXML(b)
	return root, nil, err
}

// readBundleManifests reads every module's resources.pb into one table, then
// the base manifest, then merges the components, permissions and meta-data of
// the other modules' manifests, as installing the splits together would.
func (an *apkAnalysis) readBundleManifests() error {
	mods := an.bundle.Modules
	if len(mods) > maxModules {
		an.diag(an.archiveName(), "%d modules, only the first %d read", len(mods), maxModules)
		mods = mods[:maxModules]
	}
	an.readBundleResources(mods)
	base, err := an.bundleManifest("base", nil)
	if err != nil {
		return fmt.Errorf("%s: Android App Bundle (AAB): %s: %v", an.path, aab.Manifest("base"), err)
	}
	an.facts.App = base.App
	if base.Components != nil {
		an.facts.Components = base.Components
	}
	for _, m := range mods[1:] {
		if an.ctx.Err() != nil {
			return fmt.Errorf("%s: %w", an.path, an.ctx.Err())
		}
		if !an.a.has(aab.Manifest(m)) {
			continue
		}
		fm, err := an.bundleManifest(m, &base.App)
		if err != nil {
			an.diag(aab.Manifest(m), "%v", err)
			continue
		}
		mergeModule(&an.facts.App, &an.facts.Components, fm)
	}
	return nil
}

func (an *apkAnalysis) readBundleResources(mods []string) {
	res := &an.facts.Resources
	res.Named, res.NamedZH = map[string]string{}, map[string]string{}
	tb := aab.NewTableBuilder(arsc.DefaultLimits)
	read := false
	for _, m := range mods {
		name := aab.Resources(m)
		if !an.a.has(name) {
			continue
		}
		b, err := an.a.read(name, maxArscSize)
		if err != nil {
			an.diag(name, "%v", err)
			continue
		}
		if err := addTable(tb, b); err != nil {
			an.diag(name, "%v", err)
		}
		for _, w := range tb.Warnings {
			an.diag(name, "%s", w)
		}
		tb.Warnings = nil
		read = true
	}
	if !read {
		return
	}
	t := tb.Table()
	an.tab = t
	res.Package = t.Package
	res.Strings = t.Strings
	res.StringCount = len(t.Strings)
	res.Named = t.NamedStrings("")
	res.NamedZH = t.NamedStrings("zh")
}

// addTable guards the protobuf table reader: a bug there must cost the
// resources, not the run.
func addTable(tb *aab.TableBuilder, b []byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("resource table reader panic: %v", r)
		}
	}()
	return tb.Add(b)
}

// bundleManifest reads module m's manifest. Feature manifests without
// <uses-sdk> take the base's SDK levels, which decide implied exported flags.
func (an *apkAnalysis) bundleManifest(m string, base *App) (*manifest, error) {
	p := aab.Manifest(m)
	b, err := an.a.read(p, maxManifestSize)
	if err != nil {
		return nil, err
	}
	root, _, err := an.parseXML(b)
	if err != nil {
		return nil, err
	}
	if base != nil && root.Tag == "manifest" && !hasChild(root, "uses-sdk") {
		sdk := &axml.Node{Tag: "uses-sdk", Attrs: map[string]axml.Attr{
			"minSdkVersion":    {Value: strconv.Itoa(base.MinSDK)},
			"targetSdkVersion": {Value: strconv.Itoa(base.TargetSDK)},
		}}
		root.Children = append([]*axml.Node{sdk}, root.Children...)
	}
	man, err := manifestFromTree(root, nil, an.tab)
	if err != nil {
		return nil, err
	}
	for _, w := range man.Warnings {
		an.diag(p, "%s", w)
	}
	relocate(man, p)
	return man, nil
}

func hasChild(n *axml.Node, tag string) bool {
	for _, c := range n.Children {
		if c.Tag == tag {
			return true
		}
	}
	return false
}

// relocate points the manifest's locations at the module's manifest entry.
func relocate(m *manifest, p string) {
	fix := func(l *Location) {
		if l.Path == manifestPath {
			l.Path = p
		}
	}
	fix(&m.App.Location)
	for i := range m.App.Permissions {
		fix(&m.App.Permissions[i].Location)
	}
	for i := range m.Components {
		fix(&m.Components[i].Location)
	}
}

// mergeModule adds what a feature module's manifest declares beyond the base:
// the first declaration of a permission, component or meta-data name stays.
func mergeModule(app *App, comps *[]Component, fm *manifest) {
	seen := map[string]bool{}
	for _, p := range app.Permissions {
		seen["p:"+p.Name] = true
	}
	for _, p := range app.DefinedPermissions {
		seen["d:"+p.Name] = true
	}
	for _, f := range app.Features {
		seen["f:"+f.Name] = true
	}
	for _, md := range app.MetaData {
		seen["m:"+md.Name] = true
	}
	for _, c := range *comps {
		seen["c:"+c.Type+":"+c.Name] = true
	}
	add := func(key string) bool {
		if seen[key] {
			return false
		}
		seen[key] = true
		return true
	}
	f := &fm.App
	for _, p := range f.Permissions {
		if add("p:" + p.Name) {
			app.Permissions = append(app.Permissions, p)
		}
	}
	for _, p := range f.DefinedPermissions {
		if add("d:" + p.Name) {
			app.DefinedPermissions = append(app.DefinedPermissions, p)
		}
	}
	for _, x := range f.Features {
		if add("f:" + x.Name) {
			app.Features = append(app.Features, x)
		}
	}
	for _, md := range f.MetaData {
		if add("m:" + md.Name) {
			app.MetaData = append(app.MetaData, md)
		}
	}
	for _, c := range fm.Components {
		if add("c:" + c.Type + ":" + c.Name) {
			*comps = append(*comps, c)
		}
	}
	if q := f.Queries; q != nil {
		if app.Queries == nil {
			app.Queries = &Queries{}
		}
		app.Queries.Packages = append(app.Queries.Packages, q.Packages...)
		app.Queries.Intents = append(app.Queries.Intents, q.Intents...)
		app.Queries.Providers = append(app.Queries.Providers, q.Providers...)
	}
}
