// Package analyzer turns an APK (or, through analyzer/source, an Android source tree)
// into Facts: everything later stages (sdkdb, policy, checks, report) need, extracted
// once, completely and within hard resource limits.
package analyzer

import "github.com/hegui-dev/hegui/analyzer/dex"

// Facts is the analyzer's whole picture of one input. Its JSON form is the contract of
// `hegui inspect --format json`; fields tagged `json:"-"` are bulk data kept for checks.
type Facts struct {
	Source      Source           `json:"source"`
	App         App              `json:"app"`
	Components  []Component      `json:"components"`
	Dex         DexInfo          `json:"dex"`
	NativeLibs  []NativeLib      `json:"native_libs"`
	Assets      []Asset          `json:"assets"` // assets/** and res/raw/** files
	Resources   Resources        `json:"resources"`
	Signing     *Signing         `json:"signing,omitempty"`
	Network     *NetworkSecurity `json:"network_security,omitempty"`
	Diagnostics []Diagnostic     `json:"diagnostics,omitempty"`

	// Files gives later stages bounded access to the raw bytes of small text files
	// (assets, res/raw, res/xml): path → content. Only files under the text size limit.
	Files map[string][]byte `json:"-"`
	// Code holds source-tree facts (file:line references); nil for APKs.
	Code *SourceCode `json:"source_code,omitempty"`
}

// Source describes the scanned input.
type Source struct {
	Path   string `json:"path"`
	Kind   string `json:"kind"` // "apk", "aab", "source"
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256,omitempty"`
}

// App holds manifest-level facts.
type App struct {
	Package            string              `json:"package"`
	VersionCode        string              `json:"version_code,omitempty"`
	VersionName        string              `json:"version_name,omitempty"`
	MinSDK             int                 `json:"min_sdk,omitempty"`
	TargetSDK          int                 `json:"target_sdk,omitempty"`
	CompileSDK         int                 `json:"compile_sdk,omitempty"`
	Label              string              `json:"label,omitempty"`    // default locale, resolved
	LabelZH            string              `json:"label_zh,omitempty"` // zh / zh-CN / zh-Hans, resolved
	ApplicationClass   string              `json:"application_class,omitempty"`
	Debuggable         *bool               `json:"debuggable,omitempty"` // nil: attribute absent
	AllowBackup        *bool               `json:"allow_backup,omitempty"`
	UsesCleartext      *bool               `json:"uses_cleartext_traffic,omitempty"`
	NetworkSecConfig   string              `json:"network_security_config,omitempty"` // resource path, e.g. res/xml/nsc.xml
	Permissions        []Permission        `json:"permissions"`
	DefinedPermissions []DefinedPermission `json:"defined_permissions,omitempty"`
	Queries            *Queries            `json:"queries,omitempty"`
	Features           []Feature           `json:"features,omitempty"`
	MetaData           []MetaData          `json:"meta_data,omitempty"` // on <application>
	Location           Location            `json:"location"`            // where the manifest is
	// ApplicationLocation is the app's own <application> tag; zero when unknown
	// (APKs: binary XML has no lines).
	ApplicationLocation Location `json:"application_location,omitzero"`
	// ApplicationAttrLocations says where the <application> attributes behind
	// Debuggable, AllowBackup, UsesCleartext and NetworkSecConfig were written,
	// keyed "android:debuggable", "android:allowBackup",
	// "android:usesCleartextTraffic", "android:networkSecurityConfig". In a
	// source tree the value that wins may come from any merged manifest; only
	// source trees fill it.
	ApplicationAttrLocations map[string]Location `json:"application_attr_locations,omitempty"`
}

// Permission is a <uses-permission> or <uses-permission-sdk-23>.
type Permission struct {
	Name     string   `json:"name"`
	MaxSDK   int      `json:"max_sdk,omitempty"`
	SDK23    bool     `json:"sdk23,omitempty"` // declared with <uses-permission-sdk-23>
	Location Location `json:"location"`
}

type DefinedPermission struct {
	Name            string `json:"name"`
	ProtectionLevel string `json:"protection_level,omitempty"` // "normal", "dangerous", "signature", ...
}

type Queries struct {
	Packages  []string       `json:"packages,omitempty"`
	Intents   []IntentFilter `json:"intents,omitempty"`
	Providers []string       `json:"providers,omitempty"`
}

type Feature struct {
	Name     string `json:"name"`
	Required bool   `json:"required"`
}

type MetaData struct {
	Name     string   `json:"name"`
	Value    string   `json:"value,omitempty"`
	Resource string   `json:"resource,omitempty"`
	Location Location `json:"location,omitzero"` // source trees only
}

// Component is an activity, activity-alias, service, receiver or provider.
type Component struct {
	Type                  string         `json:"type"` // "activity", "activity-alias", "service", "receiver", "provider"
	Name                  string         `json:"name"` // fully qualified
	Exported              bool           `json:"exported"`
	ExportedExplicit      bool           `json:"exported_explicit"` // false: implied by intent-filters/targetSdk
	Enabled               bool           `json:"enabled"`
	Permission            string         `json:"permission,omitempty"`
	Process               string         `json:"process,omitempty"`
	TargetActivity        string         `json:"target_activity,omitempty"` // activity-alias
	Authorities           []string       `json:"authorities,omitempty"`     // provider
	InitOrder             int            `json:"init_order,omitempty"`      // provider
	ForegroundServiceType string         `json:"foreground_service_type,omitempty"`
	IntentFilters         []IntentFilter `json:"intent_filters,omitempty"`
	MetaData              []MetaData     `json:"meta_data,omitempty"`
	Location              Location       `json:"location"`
}

type IntentFilter struct {
	Actions    []string     `json:"actions,omitempty"`
	Categories []string     `json:"categories,omitempty"`
	Data       []IntentData `json:"data,omitempty"`
	Priority   int          `json:"priority,omitempty"`
}

type IntentData struct {
	Scheme   string `json:"scheme,omitempty"`
	Host     string `json:"host,omitempty"`
	Port     string `json:"port,omitempty"`
	Path     string `json:"path,omitempty"`
	MimeType string `json:"mime_type,omitempty"`
}

// DexInfo lists every DEX of the APK plus code hidden elsewhere.
type DexInfo struct {
	Files  []DexFile    `json:"files"`
	Hidden []HiddenCode `json:"hidden,omitempty"`
}

// DexFile is one classesN.dex. Parsed holds the full tables for checks.
type DexFile struct {
	Name           string    `json:"name"` // "classes.dex", "classes2.dex", ...
	Size           int64     `json:"size"`
	Version        string    `json:"version,omitempty"`
	ClassCount     int       `json:"class_count"`
	StringCount    int       `json:"string_count"`
	MethodRefCount int       `json:"method_ref_count"`
	FieldRefCount  int       `json:"field_ref_count"`
	Error          string    `json:"error,omitempty"`
	Parsed         *dex.File `json:"-"`
}

// HiddenCode is DEX bytecode found outside the top-level classesN.dex: in assets,
// in nested jars/apks, or with an unusual name (packers, plugin frameworks).
type HiddenCode struct {
	Path   string `json:"path"`
	Kind   string `json:"kind"` // "dex", "jar", "apk", "zip", "encrypted?"
	Size   int64  `json:"size"`
	Reason string `json:"reason"`
}

type NativeLib struct {
	Path    string   `json:"path"` // lib/arm64-v8a/libfoo.so
	ABI     string   `json:"abi"`
	Name    string   `json:"name"` // libfoo.so
	Size    int64    `json:"size"`
	Strings []string `json:"strings,omitempty"` // printable strings, only with Options.NativeStrings
}

type Asset struct {
	Path string `json:"path"`
	Size int64  `json:"size"`
	Type string `json:"type"` // "html", "text", "json", "xml", "image", "dex", "jar", "apk", "so", "font", "audio", "other"
}

// Resources holds resources.arsc facts.
type Resources struct {
	Package     string   `json:"package,omitempty"`
	StringCount int      `json:"string_count"`
	Strings     []string `json:"-"` // the global string pool, complete
	// Named holds string resources by name for the default and zh locales
	// (e.g. "app_name" → value): what consent-dialog and policy detection need.
	Named   map[string]string `json:"-"`
	NamedZH map[string]string `json:"-"`
	// StringLocations says, for source trees, where each string of Strings is
	// defined (values*/strings.xml and line); nil for APKs.
	StringLocations map[string]Location `json:"-"`
}

type Signing struct {
	V1           bool          `json:"v1"`
	V2           bool          `json:"v2"`
	V3           bool          `json:"v3"`
	Certificates []Certificate `json:"certificates,omitempty"`
}

type Certificate struct {
	Subject   string `json:"subject"`
	Issuer    string `json:"issuer"`
	SHA256    string `json:"sha256"`
	NotBefore string `json:"not_before,omitempty"`
	NotAfter  string `json:"not_after,omitempty"`
}

// NetworkSecurity summarises res/xml network_security_config.
type NetworkSecurity struct {
	Path               string   `json:"path"`
	CleartextPermitted bool     `json:"cleartext_permitted"` // base-config (or default when absent)
	CleartextDomains   []string `json:"cleartext_domains,omitempty"`
	TrustsUserCAs      bool     `json:"trusts_user_cas"`
	DebugOverrides     bool     `json:"debug_overrides,omitempty"`
}

// Diagnostic is a problem met while reading one part; the rest was still read.
type Diagnostic struct {
	Path    string `json:"path"` // entry inside the APK, or file in a source tree
	Message string `json:"message"`
	Fatal   bool   `json:"fatal,omitempty"` // the input as a whole could not be analysed
	// Incomplete: this part's absence makes the results incomplete (an unread
	// primary DEX, a truncated archive); the scan then exits 3.
	Incomplete bool `json:"incomplete,omitempty"`
}

// Location says where a fact came from, precisely enough for SARIF.
type Location struct {
	Path string `json:"path,omitempty"` // "AndroidManifest.xml", "app/src/main/AndroidManifest.xml"
	Line int    `json:"line,omitempty"` // 1-based; 0 when unknown (binary XML)
}

// SourceCode holds what source-tree mode reads from Java/Kotlin and Gradle files.
type SourceCode struct {
	Modules      []string     `json:"modules"`
	Dependencies []Dependency `json:"dependencies"`
	Calls        []SourceCall `json:"calls,omitempty"`
	FilesScanned int          `json:"files_scanned"`
	// Strings are string literals that matter to privacy checks (URIs, URLs,
	// "android_id", "ro.serialno", /sys and /proc paths, reflection targets).
	Strings []SourceString `json:"strings,omitempty"`
}

// SourceString is one such literal and where it appears.
type SourceString struct {
	Value    string   `json:"value"`
	InClass  string   `json:"in_class"`
	InMethod string   `json:"in_method"`
	Location Location `json:"location"`
}

type Dependency struct {
	Group    string   `json:"group"`
	Artifact string   `json:"artifact"`
	Version  string   `json:"version,omitempty"`
	Location Location `json:"location"`
	// Configuration is the Gradle configuration ("implementation", "api", "kapt",
	// "releaseImplementation", "platform" for BOMs, "file" for local jars/aars).
	Configuration string `json:"configuration,omitempty"`
	Module        string `json:"module,omitempty"` // declaring module, e.g. ":app"
}

// SourceCall is a reference in source code to a framework or SDK member, resolved
// through imports: Class is dotted, Member the method or field name.
type SourceCall struct {
	Class    string   `json:"class"`
	Member   string   `json:"member"`
	InClass  string   `json:"in_class"`  // enclosing class, dotted (for SDK attribution)
	InMethod string   `json:"in_method"` // enclosing method name, "" if unknown
	Location Location `json:"location"`
	// Permissions are the permissions a requestPermissions call asks for
	// (Class "android.app.Activity", Member "requestPermissions"), when resolvable.
	Permissions []string `json:"permissions,omitempty"`
	// IfLines are the lines where the conditions of the if statements whose
	// braced branch encloses the reference begin, outermost first: what lets checks
	// see that a call sits inside `if (consented) { … }`. A line is negative when
	// the branch runs with the condition false (`if (!c) {` or the else of `if (c)`).
	IfLines []int `json:"if_lines,omitempty"`
}
