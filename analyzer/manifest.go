package analyzer

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/hegui-dev/hegui/analyzer/arsc"
	"github.com/hegui-dev/hegui/analyzer/axml"
)

const manifestPath = "AndroidManifest.xml"

// manifest is what extractManifest reads from AndroidManifest.xml.
type manifest struct {
	App        App
	Components []Component
	Warnings   []string
}

// resolver resolves attribute values through resources.arsc (nil-safe).
type resolver struct{ t *arsc.Table }

// text renders attribute name of n for the default locale.
func (r resolver) text(n *axml.Node, name string) string {
	a, ok := n.Attrs[name]
	if !ok {
		return ""
	}
	if a.Ref == 0 {
		return a.Value
	}
	return r.ref(a.Ref, "")
}

func (r resolver) ref(id uint32, lang string) string {
	s, _ := r.resolve(id, lang)
	return s
}

// resolve renders resource id for lang; ok is false when the table lacks a value
// and s is then the reference itself ("@string/app_name", "@0x7f060014").
func (r resolver) resolve(id uint32, lang string) (s string, ok bool) {
	if r.t == nil {
		return fmt.Sprintf("@0x%08x", id), false
	}
	v, ok := r.t.Pick(id, lang)
	if !ok {
		if n, ok := r.t.Name(id); ok {
			return "@" + n, false
		}
		return fmt.Sprintf("@0x%08x", id), false
	}
	return r.t.Format(v), true
}

func (r resolver) boolean(n *axml.Node, name string) *bool {
	if !n.Has(name) {
		return nil
	}
	s := r.text(n, name)
	b, err := strconv.ParseBool(s)
	if err != nil {
		return nil
	}
	return &b
}

func (r resolver) integer(n *axml.Node, name string) int {
	v, _ := parseInt(r.text(n, name))
	return int(v)
}

func parseInt(s string) (int64, bool) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X") {
		v, err := strconv.ParseUint(s[2:], 16, 32)
		return int64(int32(uint32(v))), err == nil
	}
	v, err := strconv.ParseInt(s, 10, 64)
	return v, err == nil
}

// className resolves a component or application name relative to the package.
func className(pkg, name string) string {
	switch {
	case name == "":
		return ""
	case strings.HasPrefix(name, "."):
		return pkg + name
	case !strings.Contains(name, "."):
		return pkg + "." + name
	}
	return name
}

// extractManifest reads binary AndroidManifest.xml bytes. tab may be nil.
func extractManifest(b []byte, tab *arsc.Table) (*manifest, error) {
	root, warn, err := axml.Parse(b)
	if err != nil {
		return nil, err
	}
	return manifestFromTree(root, warn, tab)
}

// manifestFromTree reads a decoded manifest (binary XML, or protobuf XML in bundles).
func manifestFromTree(root *axml.Node, warn error, tab *arsc.Table) (*manifest, error) {
	if root.Tag != "manifest" {
		return nil, fmt.Errorf("root element is <%s>, not <manifest>", root.Tag)
	}
	r := resolver{tab}
	m := &manifest{}
	if warn != nil {
		m.Warnings = append(m.Warnings, warn.Error())
	}
	app := &m.App
	app.Package = root.Get("package")
	if app.Package == "" {
		return nil, errors.New("<manifest package> missing: truncated or not a manifest")
	}
	app.Location = Location{Path: manifestPath}
	app.VersionCode = r.text(root, "versionCode")
	if v, ok := parseInt(app.VersionCode); ok {
		app.VersionCode = strconv.FormatUint(uint64(uint32(v)), 10)
	}
	app.VersionName = r.text(root, "versionName")
	app.CompileSDK = r.integer(root, "compileSdkVersion")
	if app.CompileSDK == 0 {
		app.CompileSDK = r.integer(root, "platformBuildVersionCode")
	}
	app.Permissions = []Permission{}
	seenPerm := map[string]bool{}
	var application *axml.Node
	for _, c := range root.Children {
		switch c.Tag {
		case "uses-sdk":
			if app.MinSDK == 0 {
				app.MinSDK = r.integer(c, "minSdkVersion")
				app.TargetSDK = r.integer(c, "targetSdkVersion")
			}
		case "uses-permission", "uses-permission-sdk-23", "uses-permission-sdk-m":
			name := r.text(c, "name")
			if name == "" || seenPerm[name] {
				continue
			}
			seenPerm[name] = true
			app.Permissions = append(app.Permissions, Permission{
				Name: name, MaxSDK: r.integer(c, "maxSdkVersion"),
				SDK23: c.Tag != "uses-permission", Location: app.Location,
			})
		case "permission":
			if name := r.text(c, "name"); name != "" {
				app.DefinedPermissions = append(app.DefinedPermissions, DefinedPermission{
					Name: name, ProtectionLevel: protectionLevel(r.text(c, "protectionLevel")),
				})
			}
		case "uses-feature":
			if name := r.text(c, "name"); name != "" {
				req := r.boolean(c, "required")
				app.Features = append(app.Features, Feature{Name: name, Required: req == nil || *req})
			}
		case "queries":
			app.Queries = readQueries(r, c, app.Queries)
		case "application":
			if application == nil {
				application = c
			}
		}
	}
	if app.MinSDK == 0 {
		app.MinSDK = 1
	}
	if application != nil {
		readApplication(r, application, app, m)
	}
	return m, nil
}

func readQueries(r resolver, n *axml.Node, q *Queries) *Queries {
	if q == nil {
		q = &Queries{}
	}
	for _, c := range n.Children {
		switch c.Tag {
		case "package":
			if s := r.text(c, "name"); s != "" {
				q.Packages = append(q.Packages, s)
			}
		case "intent":
			q.Intents = append(q.Intents, readIntentFilter(r, c))
		case "provider":
			if s := r.text(c, "authorities"); s != "" {
				q.Providers = append(q.Providers, splitAuthorities(s)...)
			}
		}
	}
	return q
}

func readApplication(r resolver, n *axml.Node, app *App, m *manifest) {
	pkg := app.Package
	if a, ok := n.Attrs["label"]; ok {
		if a.Ref != 0 {
			// An unresolved reference is no label: shown as one, it would read as the app's name.
			var ok bool
			if app.Label, ok = r.resolve(a.Ref, ""); !ok {
				m.Warnings = append(m.Warnings, fmt.Sprintf("application label %s not resolved: the resource table is missing or lacks it", app.Label))
				app.Label = ""
			}
			if app.LabelZH, ok = r.resolve(a.Ref, "zh"); !ok {
				app.LabelZH = ""
			}
		} else {
			app.Label, app.LabelZH = a.Value, a.Value
		}
	}
	app.ApplicationClass = className(pkg, r.text(n, "name"))
	app.Debuggable = r.boolean(n, "debuggable")
	app.AllowBackup = r.boolean(n, "allowBackup")
	app.UsesCleartext = r.boolean(n, "usesCleartextTraffic")
	app.NetworkSecConfig = r.text(n, "networkSecurityConfig")
	target := app.TargetSDK
	if target == 0 {
		target = app.MinSDK
	}
	for _, c := range n.Children {
		switch c.Tag {
		case "meta-data":
			if md, ok := readMetaData(r, c); ok {
				app.MetaData = append(app.MetaData, md)
			}
		case "activity", "activity-alias", "service", "receiver", "provider":
			m.Components = append(m.Components, readComponent(r, c, pkg, target))
		}
	}
}

func readMetaData(r resolver, n *axml.Node) (MetaData, bool) {
	md := MetaData{Name: r.text(n, "name")}
	if md.Name == "" {
		return md, false
	}
	md.Value = r.text(n, "value")
	if a, ok := n.Attrs["resource"]; ok {
		if a.Ref != 0 && r.t != nil {
			if name, ok := r.t.Name(a.Ref); ok {
				md.Resource = "@" + name
			}
			if md.Value == "" {
				if v, ok := r.t.Pick(a.Ref, ""); ok && !v.Complex {
					md.Value = r.t.Format(v)
				}
			}
		}
		if md.Resource == "" {
			md.Resource = r.text(n, "resource")
		}
	}
	return md, true
}

func readComponent(r resolver, n *axml.Node, pkg string, target int) Component {
	c := Component{
		Type:     n.Tag,
		Name:     className(pkg, r.text(n, "name")),
		Location: Location{Path: manifestPath},
		Enabled:  true,
	}
	if e := r.boolean(n, "enabled"); e != nil {
		c.Enabled = *e
	}
	c.Permission = r.text(n, "permission")
	c.Process = r.text(n, "process")
	if n.Tag == "activity-alias" {
		c.TargetActivity = className(pkg, r.text(n, "targetActivity"))
	}
	if n.Tag == "provider" {
		c.Authorities = splitAuthorities(r.text(n, "authorities"))
		c.InitOrder = r.integer(n, "initOrder")
		if c.Permission == "" {
			c.Permission = r.text(n, "readPermission")
		}
	}
	if n.Tag == "service" && n.Has("foregroundServiceType") {
		c.ForegroundServiceType = foregroundTypes(r.text(n, "foregroundServiceType"))
	}
	for _, ch := range n.Children {
		switch ch.Tag {
		case "intent-filter":
			c.IntentFilters = append(c.IntentFilters, readIntentFilter(r, ch))
		case "meta-data":
			if md, ok := readMetaData(r, ch); ok {
				c.MetaData = append(c.MetaData, md)
			}
		}
	}
	if e := r.boolean(n, "exported"); e != nil {
		c.Exported, c.ExportedExplicit = *e, true
	} else if len(c.IntentFilters) > 0 {
		// Since Android 12 (API 31) an intent-filter without android:exported
		// fails installation; before, it implied exported.
		c.Exported = target < 31
	} else if n.Tag == "provider" {
		c.Exported = target < 17
	}
	return c
}

func splitAuthorities(s string) []string {
	var out []string
	for _, a := range strings.Split(s, ";") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

func readIntentFilter(r resolver, n *axml.Node) IntentFilter {
	f := IntentFilter{Priority: r.integer(n, "priority")}
	for _, c := range n.Children {
		switch c.Tag {
		case "action":
			if s := r.text(c, "name"); s != "" {
				f.Actions = append(f.Actions, s)
			}
		case "category":
			if s := r.text(c, "name"); s != "" {
				f.Categories = append(f.Categories, s)
			}
		case "data":
			d := IntentData{
				Scheme: r.text(c, "scheme"), Host: r.text(c, "host"), Port: r.text(c, "port"),
				MimeType: r.text(c, "mimeType"),
			}
			for _, p := range []string{"path", "pathPrefix", "pathPattern", "pathAdvancedPattern", "pathSuffix"} {
				if d.Path = r.text(c, p); d.Path != "" {
					break
				}
			}
			if d != (IntentData{}) {
				f.Data = append(f.Data, d)
			}
		}
	}
	return f
}

var protectionBases = []string{"normal", "dangerous", "signature", "signatureOrSystem", "internal"}

// flagName names one bit of a flags attribute.
type flagName struct {
	bit  uint32
	name string
}

// joinFlags appends the names of u's bits to parts, then whatever bits have no
// name in hex, and joins them with "|".
func joinFlags(parts []string, u uint32, names []flagName) string {
	for _, f := range names {
		if u&f.bit != 0 {
			parts = append(parts, f.name)
			u &^= f.bit
		}
	}
	if u != 0 {
		parts = append(parts, fmt.Sprintf("0x%x", u))
	}
	return strings.Join(parts, "|")
}

var protectionFlags = []flagName{
	{0x10, "privileged"}, {0x20, "development"}, {0x40, "appop"}, {0x80, "pre23"},
	{0x100, "installer"}, {0x200, "verifier"}, {0x400, "preinstalled"}, {0x800, "setup"},
	{0x1000, "instant"}, {0x2000, "runtime"}, {0x4000, "oem"}, {0x8000, "vendorPrivileged"},
	{0x10000, "textClassifier"}, {0x80000, "configurator"}, {0x100000, "incidentReportApprover"},
	{0x200000, "appPredictor"}, {0x800000, "companion"}, {0x1000000, "retailDemo"},
	{0x2000000, "recents"}, {0x4000000, "role"}, {0x8000000, "knownSigner"},
}

// protectionLevel decodes android:protectionLevel ("0x12" → "dangerous|privileged").
func protectionLevel(s string) string {
	if s == "" {
		return "normal"
	}
	v, ok := parseInt(s)
	if !ok {
		return s // already symbolic
	}
	u := uint32(v)
	var parts []string
	if b := u & 0xf; int(b) < len(protectionBases) {
		parts = append(parts, protectionBases[b])
	} else {
		parts = append(parts, fmt.Sprintf("0x%x", b))
	}
	return joinFlags(parts, u&^0xf, protectionFlags)
}

var fgsTypes = []flagName{
	{0x1, "dataSync"}, {0x2, "mediaPlayback"}, {0x4, "phoneCall"}, {0x8, "location"},
	{0x10, "connectedDevice"}, {0x20, "mediaProjection"}, {0x40, "camera"}, {0x80, "microphone"},
	{0x100, "health"}, {0x200, "remoteMessaging"}, {0x400, "systemExempted"}, {0x800, "shortService"},
	{0x1000, "fileManagement"}, {0x2000, "mediaProcessing"}, {0x40000000, "specialUse"},
}

// foregroundTypes decodes android:foregroundServiceType flags to "camera|location".
func foregroundTypes(s string) string {
	v, ok := parseInt(s)
	if !ok {
		return s
	}
	u := uint32(v)
	if u == 0xffffffff {
		return "manifest"
	}
	if u == 0 {
		return "none"
	}
	return joinFlags(nil, u, fgsTypes)
}
