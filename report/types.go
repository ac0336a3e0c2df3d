// Package report holds the report object every output format renders, and one
// encoder per format (table, JSON, SARIF, HTML, Markdown).
package report

import (
	"github.com/hegui-dev/hegui/analyzer"
	"github.com/hegui-dev/hegui/checks"
	"github.com/hegui-dev/hegui/policy"
	"github.com/hegui-dev/hegui/sdkdb"
)

// SchemaVersion is bumped on any incompatible change of the JSON form.
const SchemaVersion = "1"

// Report is one scanned input. Its JSON is versioned (schema_version) and described by
// the JSON Schema `hegui schema` prints.
type Report struct {
	SchemaVersion string                `json:"schema_version"`
	Tool          Tool                  `json:"tool"`
	Target        analyzer.Source       `json:"target"`
	App           App                   `json:"app"`
	SDKs          []sdkdb.Hit           `json:"sdks"`
	Packers       []sdkdb.Packer        `json:"packers,omitempty"`
	Permissions   []Permission          `json:"permissions"`
	Policy        *policy.Facts         `json:"policy,omitempty"`
	Findings      []checks.Finding      `json:"findings"`
	Summary       Summary               `json:"summary"`
	Diagnostics   []analyzer.Diagnostic `json:"diagnostics,omitempty"`
	// Components are the manifest components, for `hegui diff` and reviewers.
	Components []Component `json:"components,omitempty"`
	// SharingList is the draft 第三方SDK共享清单 built from the detected SDKs.
	SharingList []SharingEntry `json:"sharing_list,omitempty"`
	// Suppressed lists findings hidden by the configuration or a baseline, so a
	// reviewer can still see what was waived and why.
	Suppressed []SuppressedFinding `json:"suppressed,omitempty"`
}

// Component is a manifest component in brief.
type Component struct {
	Type     string `json:"type"` // "activity", "service", "receiver", "provider", "activity-alias"
	Name     string `json:"name"`
	Exported bool   `json:"exported"`
}

// SharingEntry is one row of the draft third-party SDK sharing list (第三方SDK共享清单).
type SharingEntry struct {
	SDK       string   `json:"sdk"` // sdkdb ID
	Name      string   `json:"name"`
	NameZH    string   `json:"name_zh,omitempty"`
	Vendor    string   `json:"vendor"`
	Category  string   `json:"category"`
	Purposes  []string `json:"purposes,omitempty"`
	PI        []string `json:"pi,omitempty"`
	PolicyURL string   `json:"policy_url,omitempty"`
	Overseas  bool     `json:"overseas"`
	Disclosed *bool    `json:"disclosed,omitempty"` // nil when there is no policy to compare with
}

// SuppressedFinding is a finding hidden from the results, with the reason.
type SuppressedFinding struct {
	Rule        string `json:"rule"`
	Fingerprint string `json:"fingerprint"`
	By          string `json:"by"` // "config" or "baseline"
	Reason      string `json:"reason,omitempty"`
}

type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// App is the summary of the scanned app.
type App struct {
	Package     string `json:"package"`
	Label       string `json:"label,omitempty"`
	LabelZH     string `json:"label_zh,omitempty"`
	VersionName string `json:"version_name,omitempty"`
	VersionCode string `json:"version_code,omitempty"`
	MinSDK      int    `json:"min_sdk,omitempty"`
	TargetSDK   int    `json:"target_sdk,omitempty"`
	AppType     string `json:"app_type,omitempty"`
}

// Permission is a requested permission with what it reaches and whether the policy
// discloses it (Disclosed is nil when there is no policy to compare with).
type Permission struct {
	Name      string `json:"name"`
	Dangerous bool   `json:"dangerous"`
	Special   bool   `json:"special,omitempty"`
	PI        string `json:"pi,omitempty"` // zh category name
	// PICategory is the policy package's category key ("location", "device_id").
	PICategory string `json:"pi_category,omitempty"`
	Disclosed  *bool  `json:"disclosed,omitempty"`
	// Denied is true when the policy says it does not collect this PI (Disclosed is
	// then false and Evidence is the denial): a contradiction with the request.
	Denied   bool     `json:"denied,omitempty"`
	Evidence string   `json:"evidence,omitempty"` // policy sentence
	UsedBy   []string `json:"used_by,omitempty"`  // "app" and/or SDK IDs whose code uses it
}

// Summary counts findings by severity name.
type Summary struct {
	Findings   int            `json:"findings"`
	BySeverity map[string]int `json:"by_severity"`
	SDKs       int            `json:"sdks"`
	Overseas   int            `json:"overseas_sdks"`
	Suppressed int            `json:"suppressed,omitempty"`
	// Incomplete is true when a part of the input that should have been analysed
	// (see the diagnostics marked incomplete) was not: the findings are a lower
	// bound and `hegui scan` exits 3.
	Incomplete bool `json:"incomplete,omitempty"`
}
