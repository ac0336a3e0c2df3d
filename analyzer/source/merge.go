package source

import (
	"slices"
	"strconv"
	"strings"

	"github.com/hegui-dev/hegui/analyzer"
)

// merged is the outcome of merging an application module's manifests.
type merged struct {
	app        analyzer.App
	components []analyzer.Component
	label      string // raw android:label, resolved later against strings
	nscRef     string // raw android:networkSecurityConfig
}

var componentTags = setOf("activity", "activity-alias", "service", "receiver", "provider")

// mergeManifests merges docs, highest priority first (the app's source sets, then
// libraries), as the manifest merger would for what hegui reads.
func mergeManifests(docs []*manifestDoc, app *module) *merged {
	values := map[string]string{}
	for k, v := range app.holders {
		values[k] = v
	}
	pkg := app.appID
	if pkg == "" {
		pkg = app.namespace
	}
	for _, d := range docs {
		if d.mod == app && pkg == "" {
			pkg = d.root.attr("package")
		}
	}
	if pkg != "" {
		values["applicationId"] = pkg
		values["packageName"] = pkg
	}
	lookup := func(d *manifestDoc) map[string]string {
		if d.mod == app || len(d.mod.holders) == 0 {
			return values
		}
		v := map[string]string{}
		for k, x := range d.mod.holders {
			v[k] = x
		}
		for k, x := range values {
			v[k] = x
		}
		return v
	}

	m := &merged{}
	a := &m.app
	a.Package = pkg
	removed := map[string]bool{} // "perm:NAME", "comp:NAME", "meta:NAME"
	for _, d := range docs {
		for _, e := range d.root.children {
			if e.attr("tools:node") == "remove" {
				vals := lookup(d)
				removed[e.name+":"+resolveName(substitute(e.attr("android:name"), vals), docPackage(d))] = true
			}
			if app := e; app.name == "application" {
				for _, c := range app.children {
					if c.attr("tools:node") == "remove" {
						removed[c.name+":"+resolveName(substitute(c.attr("android:name"), lookup(d)), docPackage(d))] = true
					}
				}
			}
		}
	}

	seenPerm, seenComp, seenMeta, seenFeat, seenDef := map[string]bool{}, map[string]int{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, d := range docs {
		vals := lookup(d)
		dpkg := docPackage(d)
		sub := func(e *elem, k string) string { return substitute(e.attr(k), vals) }
		if d.mod == app && (a.Location.Path == "" || strings.HasSuffix(d.path, "src/main/AndroidManifest.xml")) {
			a.Location = analyzer.Location{Path: d.path, Line: d.root.line}
		}
		if a.VersionCode == "" {
			a.VersionCode = sub(d.root, "android:versionCode")
		}
		if a.VersionName == "" {
			a.VersionName = sub(d.root, "android:versionName")
		}
		for _, e := range d.root.children {
			if e.attr("tools:node") == "remove" {
				continue
			}
			switch e.name {
			case "uses-permission", "uses-permission-sdk-23":
				name := sub(e, "android:name")
				if name == "" || seenPerm[name] || removed["uses-permission:"+name] || removed["uses-permission-sdk-23:"+name] {
					continue
				}
				seenPerm[name] = true
				maxSDK, _ := strconv.Atoi(sub(e, "android:maxSdkVersion"))
				a.Permissions = append(a.Permissions, analyzer.Permission{Name: name, MaxSDK: maxSDK,
					SDK23: e.name == "uses-permission-sdk-23", Location: analyzer.Location{Path: d.path, Line: e.line}})
			case "permission":
				name := resolveName(sub(e, "android:name"), dpkg)
				if name != "" && !seenDef[name] {
					seenDef[name] = true
					a.DefinedPermissions = append(a.DefinedPermissions, analyzer.DefinedPermission{Name: name, ProtectionLevel: sub(e, "android:protectionLevel")})
				}
			case "uses-sdk":
				if a.MinSDK == 0 && d.mod == app {
					a.MinSDK, _ = strconv.Atoi(sub(e, "android:minSdkVersion"))
				}
				if a.TargetSDK == 0 && d.mod == app {
					a.TargetSDK, _ = strconv.Atoi(sub(e, "android:targetSdkVersion"))
				}
			case "uses-feature":
				name := sub(e, "android:name")
				if name != "" && !seenFeat[name] {
					seenFeat[name] = true
					a.Features = append(a.Features, analyzer.Feature{Name: name, Required: sub(e, "android:required") != "false"})
				}
			case "queries":
				mergeQueries(a, e, vals)
			case "application":
				if a.ApplicationLocation.Path == "" || d.path == a.Location.Path {
					a.ApplicationLocation = analyzer.Location{Path: d.path, Line: e.line}
				}
				m.mergeApplication(d, e, vals, removed, seenComp, seenMeta)
			}
		}
	}
	return m
}

func docPackage(d *manifestDoc) string {
	if d.mod != nil && d.mod.namespace != "" {
		return d.mod.namespace
	}
	if p := d.root.attr("package"); p != "" {
		return p
	}
	if d.mod != nil {
		return d.mod.appID
	}
	return ""
}

func parseBool(s string) *bool {
	switch s {
	case "true":
		b := true
		return &b
	case "false":
		b := false
		return &b
	}
	return nil
}

func (m *merged) mergeApplication(d *manifestDoc, e *elem, vals map[string]string, removed map[string]bool, seenComp map[string]int, seenMeta map[string]bool) {
	a := &m.app
	dpkg := docPackage(d)
	sub := func(x *elem, k string) string { return substitute(x.attr(k), vals) }
	if a.ApplicationClass == "" {
		a.ApplicationClass = resolveName(sub(e, "android:name"), dpkg)
	}
	if m.label == "" {
		m.label = sub(e, "android:label")
	}
	at := func(k string) {
		if a.ApplicationAttrLocations == nil {
			a.ApplicationAttrLocations = map[string]analyzer.Location{}
		}
		a.ApplicationAttrLocations[k] = analyzer.Location{Path: d.path, Line: e.attrLine(k)}
	}
	for _, f := range []struct {
		dst **bool
		k   string
	}{{&a.Debuggable, "android:debuggable"}, {&a.AllowBackup, "android:allowBackup"}, {&a.UsesCleartext, "android:usesCleartextTraffic"}} {
		if *f.dst == nil {
			if *f.dst = parseBool(sub(e, f.k)); *f.dst != nil {
				at(f.k)
			}
		}
	}
	if m.nscRef == "" {
		if m.nscRef = sub(e, "android:networkSecurityConfig"); m.nscRef != "" {
			at("android:networkSecurityConfig")
		}
	}
	for _, c := range e.children {
		if c.attr("tools:node") == "remove" {
			continue
		}
		if c.name == "meta-data" {
			md := metaData(c, vals, d.path)
			if md.Name != "" && !seenMeta[md.Name] && !removed["meta-data:"+resolveName(md.Name, dpkg)] {
				seenMeta[md.Name] = true
				a.MetaData = append(a.MetaData, md)
			}
			continue
		}
		if !componentTags[c.name] {
			continue
		}
		name := resolveName(sub(c, "android:name"), dpkg)
		if name == "" || removed[c.name+":"+name] {
			continue
		}
		comp := component(c, name, dpkg, vals, d.path)
		if i, ok := seenComp[name]; ok {
			// Lower priority declaration: add its intent filters and meta-data.
			prev := &m.components[i]
			prev.IntentFilters = append(prev.IntentFilters, comp.IntentFilters...)
			prev.MetaData = append(prev.MetaData, comp.MetaData...)
			if !prev.ExportedExplicit && comp.ExportedExplicit {
				prev.Exported, prev.ExportedExplicit = comp.Exported, true
			}
			continue
		}
		seenComp[name] = len(m.components)
		m.components = append(m.components, comp)
	}
}

func metaData(c *elem, vals map[string]string, path string) analyzer.MetaData {
	return analyzer.MetaData{Name: substitute(c.attr("android:name"), vals),
		Value: substitute(c.attr("android:value"), vals), Resource: substitute(c.attr("android:resource"), vals),
		Location: analyzer.Location{Path: path, Line: c.line}}
}

func component(c *elem, name, pkg string, vals map[string]string, path string) analyzer.Component {
	sub := func(k string) string { return substitute(c.attr(k), vals) }
	comp := analyzer.Component{Type: c.name, Name: name, Enabled: sub("android:enabled") != "false",
		Permission: sub("android:permission"), Process: sub("android:process"),
		ForegroundServiceType: sub("android:foregroundServiceType"),
		Location:              analyzer.Location{Path: path, Line: c.line}}
	if t := sub("android:targetActivity"); t != "" {
		comp.TargetActivity = resolveName(t, pkg)
	}
	if auth := sub("android:authorities"); auth != "" {
		comp.Authorities = strings.Split(auth, ";")
	}
	comp.InitOrder, _ = strconv.Atoi(sub("android:initOrder"))
	for _, f := range c.all("intent-filter") {
		comp.IntentFilters = append(comp.IntentFilters, intentFilter(f, vals))
	}
	for _, md := range c.all("meta-data") {
		comp.MetaData = append(comp.MetaData, metaData(md, vals, path))
	}
	if b := parseBool(sub("android:exported")); b != nil {
		comp.Exported, comp.ExportedExplicit = *b, true
	} else {
		comp.Exported = len(comp.IntentFilters) > 0
	}
	return comp
}

func intentFilter(f *elem, vals map[string]string) analyzer.IntentFilter {
	var out analyzer.IntentFilter
	out.Priority, _ = strconv.Atoi(substitute(f.attr("android:priority"), vals))
	for _, c := range f.children {
		sub := func(k string) string { return substitute(c.attr(k), vals) }
		switch c.name {
		case "action":
			out.Actions = append(out.Actions, sub("android:name"))
		case "category":
			out.Categories = append(out.Categories, sub("android:name"))
		case "data":
			out.Data = append(out.Data, analyzer.IntentData{Scheme: sub("android:scheme"), Host: sub("android:host"),
				Port: sub("android:port"), Path: sub("android:path") + sub("android:pathPrefix") + sub("android:pathPattern"),
				MimeType: sub("android:mimeType")})
		}
	}
	return out
}

func mergeQueries(a *analyzer.App, e *elem, vals map[string]string) {
	if a.Queries == nil {
		a.Queries = &analyzer.Queries{}
	}
	q := a.Queries
	for _, c := range e.children {
		switch c.name {
		case "package":
			q.Packages = append(q.Packages, substitute(c.attr("android:name"), vals))
		case "intent":
			q.Intents = append(q.Intents, intentFilter(c, vals))
		case "provider":
			q.Providers = append(q.Providers, substitute(c.attr("android:authorities"), vals))
		}
	}
	slices.Sort(q.Packages)
	q.Packages = slices.Compact(q.Packages)
	slices.Sort(q.Providers)
	q.Providers = slices.Compact(q.Providers)
}
