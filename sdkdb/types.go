// Package sdkdb is hegui's knowledge base of third-party SDKs (Chinese first) and the
// detector that finds them in analyzer.Facts, with the evidence for each finding.
package sdkdb

// Category values. Keep in sync with docs/sdkdb.md.
const (
	CatPush      = "push"
	CatAnalytics = "analytics"
	CatAds       = "ads"
	CatCrash     = "crash"
	CatMap       = "map" // map and location
	CatPayment   = "payment"
	CatSocial    = "social" // login, share, OAuth
	CatFace      = "face"   // face, biometric, real-name (OCR)
	CatRisk      = "risk"   // risk control, device fingerprint, device id (OAID), captcha
	CatWebView   = "webview"
	CatIM        = "im"    // IM, RTC, live, media players
	CatCloud     = "cloud" // storage, httpdns, cloud services
	CatFramework = "framework"
	CatOther     = "other"
)

// Entry is one SDK product. IDs are stable slugs (reuse sdk_facts.tsv's sdk_id).
type Entry struct {
	ID        string   `yaml:"id" json:"id"`
	Name      string   `yaml:"name" json:"name"` // English product name
	NameZH    string   `yaml:"name_zh,omitempty" json:"name_zh,omitempty"`
	Aliases   []string `yaml:"aliases,omitempty" json:"aliases,omitempty"` // names a policy would use
	Vendor    string   `yaml:"vendor" json:"vendor"`                       // legal entity, 公司全称 where known
	VendorEN  string   `yaml:"vendor_en,omitempty" json:"vendor_en,omitempty"`
	Category  string   `yaml:"category" json:"category"`
	Country   string   `yaml:"country" json:"country"`                       // "CN" or ISO code of the vendor
	Overseas  bool     `yaml:"overseas" json:"overseas"`                     // PI normally leaves mainland China
	Purposes  []string `yaml:"purposes,omitempty" json:"purposes,omitempty"` // zh, as the vendor states them
	PI        []string `yaml:"pi,omitempty" json:"pi,omitempty"`             // PI the vendor says it collects (zh)
	PolicyURL string   `yaml:"policy_url,omitempty" json:"policy_url,omitempty"`
	Website   string   `yaml:"website,omitempty" json:"website,omitempty"`
	Signals   Signals  `yaml:"signals" json:"signals"`
	Verified  string   `yaml:"verified,omitempty" json:"verified,omitempty"` // how signals were checked, e.g. "corpus:sdkjar/jpush"
	Notes     string   `yaml:"notes,omitempty" json:"notes,omitempty"`
	// Overlaps lists IDs of other vendors' entries whose package prefixes lie inside
	// one of this entry's prefixes, on purpose (longest prefix still wins).
	Overlaps []string `yaml:"overlaps,omitempty" json:"overlaps,omitempty"`
}

// Signals are the ways an SDK shows itself. Package prefixes end with "." and are
// matched against dotted class names; Classes are exact class names; NativeLibs are
// globs over the .so file name; Components are manifest component class names (an
// "<applicationId>" prefix stands for the app's own package); MetaData are meta-data
// names; Assets are asset path globs relative to the APK root ("assets/supplierconfig.json").
type Signals struct {
	Packages    []string `yaml:"packages,omitempty" json:"packages,omitempty"`
	Classes     []string `yaml:"classes,omitempty" json:"classes,omitempty"`
	NativeLibs  []string `yaml:"native_libs,omitempty" json:"native_libs,omitempty"`
	Components  []string `yaml:"components,omitempty" json:"components,omitempty"`
	MetaData    []string `yaml:"meta_data,omitempty" json:"meta_data,omitempty"`
	Assets      []string `yaml:"assets,omitempty" json:"assets,omitempty"`
	Permissions []string `yaml:"permissions,omitempty" json:"permissions,omitempty"`
	Maven       []string `yaml:"maven,omitempty" json:"maven,omitempty"` // "group:artifact" or "group:*"
}

// Hit is one SDK found in an input.
type Hit struct {
	Entry      *Entry     `json:"-"`
	ID         string     `json:"id"`
	Name       string     `json:"name"`
	NameZH     string     `json:"name_zh,omitempty"`
	Vendor     string     `json:"vendor"`
	Category   string     `json:"category"`
	Overseas   bool       `json:"overseas"`
	Confidence string     `json:"confidence"` // "high", "medium", "low"
	Used       bool       `json:"used"`       // the app's own code references it
	Evidence   []Evidence `json:"evidence"`
	ClassCount int        `json:"class_count"` // DEX classes attributed to it
}

// Evidence is one observation supporting a Hit.
type Evidence struct {
	Kind    string   `json:"kind"` // "package", "class", "native_lib", "component", "meta_data", "asset", "maven", "permission", "reference"
	Value   string   `json:"value"`
	Path    string   `json:"path,omitempty"` // classes2.dex, lib/arm64-v8a/libx.so, AndroidManifest.xml, build.gradle
	Line    int      `json:"line,omitempty"`
	Count   int      `json:"count,omitempty"`   // classes under a prefix
	Samples []string `json:"samples,omitempty"` // example class names
}

// Packer is a detected code protector; when present, DEX-based results are partial.
type Packer struct {
	ID       string     `json:"id"`
	Name     string     `json:"name"`
	Vendor   string     `json:"vendor"`
	Evidence []Evidence `json:"evidence"`
}

// Result is everything Detect finds.
type Result struct {
	SDKs    []Hit    `json:"sdks"`
	Packers []Packer `json:"packers,omitempty"`
	// Notes say, in plain words, what limits the result (e.g. a packer hides the code).
	Notes []string `json:"notes,omitempty"`
	// The detector also keeps a prefix index so that Owner(class) attributes any
	// dotted class name to "app", an SDK ID, or "" (unknown third-party code):
	// checks use it to say whether a sensitive call sits in the app or in which SDK.
	owners ownerIndex
}

// ownerIndex is filled by Detect; its zero value attributes nothing.
type ownerIndex struct {
	appPrefixes []string
	byPrefix    map[string]string // "com.umeng." → "umeng_analytics"
	classes     map[string]string // exact class names → SDK ID
}
