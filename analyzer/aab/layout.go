package aab

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// ManifestPath is the base module's manifest; its presence makes a ZIP a bundle.
const ManifestPath = "base/manifest/AndroidManifest.xml"

// Layout is the module structure of a bundle: base first, then the feature
// and asset-pack modules in name order.
type Layout struct {
	Modules []string
	set     map[string]bool
}

var moduleName = regexp.MustCompile(`^[A-Za-z0-9_.-]{1,200}$`)

// NewLayout finds the modules among the entry names: every top-level directory
// holding manifest/AndroidManifest.xml.
func NewLayout(names []string) *Layout {
	seen := map[string]bool{}
	var feats []string
	for _, n := range names {
		m, rest, ok := strings.Cut(n, "/")
		if !ok || rest != "manifest/AndroidManifest.xml" || seen[m] || !moduleName.MatchString(m) ||
			m == "BUNDLE-METADATA" || m == "META-INF" {
			continue
		}
		seen[m] = true
		if m != "base" {
			feats = append(feats, m)
		}
	}
	sort.Strings(feats)
	seen["base"] = true
	return &Layout{Modules: append([]string{"base"}, feats...), set: seen}
}

// Manifest returns the manifest entry of module m.
func Manifest(m string) string { return m + "/manifest/AndroidManifest.xml" }

// Resources returns the resource table entry of module m.
func Resources(m string) string { return m + "/resources.pb" }

// Dex returns the DEX entries Android would load for module m: classes.dex,
// classes2.dex … while the sequence is contiguous.
func Dex(m string, has func(string) bool) []string {
	first := m + "/dex/classes.dex"
	if !has(first) {
		return nil
	}
	out := []string{first}
	for i := 2; ; i++ {
		n := m + "/dex/classes" + strconv.Itoa(i) + ".dex"
		if !has(n) {
			return out
		}
		out = append(out, n)
	}
}

// APKPath maps a bundle entry to where bundletool puts it in the module's APK:
// base/dex/classes2.dex → classes2.dex, base/lib/x86/a.so → lib/x86/a.so,
// feature/assets/a.txt → assets/a.txt, base/root/x → x. Bundle metadata
// (manifests, resources.pb, *.pb, BundleConfig.pb, BUNDLE-METADATA/) maps to "".
// META-INF/ stays as it is: the bundle's own jar signature.
func (l *Layout) APKPath(name string) string {
	if strings.HasPrefix(name, "META-INF/") {
		return name
	}
	m, rest, ok := strings.Cut(name, "/")
	if !ok || !l.set[m] {
		return ""
	}
	dir, sub, _ := strings.Cut(rest, "/")
	switch dir {
	case "dex":
		if sub != "" && !strings.Contains(sub, "/") {
			return sub
		}
	case "lib", "assets", "res":
		return rest
	case "root":
		return sub
	}
	return ""
}

// LocalPath maps a path of a bundle's Facts to its APK equivalent without a
// Layout: "<module>/assets/…", "<module>/res/…", "<module>/lib/…",
// "<module>/dex/…" and "<module>/root/…" lose the module part. Other paths are
// returned unchanged.
func LocalPath(p string) string {
	m, rest, ok := strings.Cut(p, "/")
	if !ok || !moduleName.MatchString(m) || m == "META-INF" {
		return p
	}
	dir, sub, _ := strings.Cut(rest, "/")
	switch dir {
	case "assets", "res", "lib":
		return rest
	case "dex", "root":
		if sub != "" {
			return sub
		}
	}
	return p
}
