package analyzer

import "github.com/hegui-dev/hegui/analyzer/aab"

// APKPath maps a path found in f (an asset, native library or DEX path) to
// where it sits in an installed APK. Bundle facts keep real entry paths
// (base/assets/privacy.html) so evidence points at real files; rules written
// for APK layouts ("assets/…", "res/raw/…") match against APKPath instead.
// For APKs and source trees the path is returned unchanged.
func (f *Facts) APKPath(p string) string {
	if f == nil || f.Source.Kind != "aab" {
		return p
	}
	return aab.LocalPath(p)
}

// ManifestPath is where manifest evidence points: the manifest that was read
// (base/manifest/AndroidManifest.xml in a bundle, a module's in a source tree).
func (f *Facts) ManifestPath() string {
	if p := f.App.Location.Path; p != "" {
		return p
	}
	return "AndroidManifest.xml"
}
