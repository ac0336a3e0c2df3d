// Package checks is hegui's rule catalogue: one check per file, each a pure function
// of the facts that returns findings tied to the clauses they break. Rule IDs follow
// CNPI-<AREA>-<NNN> and never change once published.
package checks

import (
	"context"

	"github.com/hegui-dev/hegui/analyzer"
	"github.com/hegui-dev/hegui/policy"
	"github.com/hegui-dev/hegui/sdkdb"
)

// Severity orders findings; its JSON form is the lower-case name.
type Severity int

const (
	Info Severity = iota
	Low
	Medium
	High
	Critical
)

// Clause is one regulatory source a rule mirrors.
type Clause struct {
	Source string `json:"source"`         // "认定方法", "MIIT 164号文", "CVERC", "PIPL", "GB/T 35273-2020", "GB/T 41391-2022", "TC260-PG-20204A", "人脸识别技术应用安全管理办法", "网络数据安全管理条例"
	Item   string `json:"item"`           // "3.1", "第23条", "§6.3", "CV-06"
	Text   string `json:"text,omitempty"` // short quotation or label, zh
	URL    string `json:"url,omitempty"`
}

// Rule is a catalogue entry.
type Rule struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	TitleZH     string   `json:"title_zh"`
	Severity    Severity `json:"severity"`
	Clauses     []Clause `json:"clauses"`
	NeedsPolicy bool     `json:"needs_policy"`
	Rationale   string   `json:"rationale"`
	RationaleZH string   `json:"rationale_zh"`
	Fix         string   `json:"fix"`
	FixZH       string   `json:"fix_zh"`
	Doc         string   `json:"doc"` // repository path of the docs page, e.g. docs/rules/CNPI-POL-011.md
	// Detects says what the check looks at and when it fires; FalsePositives what it
	// cannot tell apart. Both feed `hegui rules explain` and the docs page.
	Detects        string `json:"detects,omitempty"`
	FalsePositives string `json:"false_positives,omitempty"`
}

// Input is everything a check may look at. Policy is nil when no policy text was
// found or given; checks that need it then say so instead of guessing.
type Input struct {
	Facts   *analyzer.Facts
	SDKs    *sdkdb.Result
	Policy  *policy.Facts
	AppType string // one of the 39 types' keys, "" when unknown
	// Disabled are rule IDs (case-insensitive) Run does not run.
	Disabled []string
}

// Check is one rule's implementation.
type Check interface {
	Rule() Rule
	Run(ctx context.Context, in *Input) []Finding
}

// Finding is one violation with its evidence.
type Finding struct {
	Rule        string     `json:"rule"`
	Severity    Severity   `json:"severity"`
	Title       string     `json:"title"`
	TitleZH     string     `json:"title_zh"`
	Message     string     `json:"message"`
	MessageZH   string     `json:"message_zh"`
	Evidence    []Evidence `json:"evidence"`
	Clauses     []Clause   `json:"clauses"`
	Owner       string     `json:"owner,omitempty"` // "app", an SDK ID, or "" when not about code
	Fingerprint string     `json:"fingerprint"`     // stable across runs and versions
}

// Evidence says where: a file inside the APK or tree, and a locator within it.
type Evidence struct {
	Kind    string `json:"kind"`              // "manifest", "dex", "native", "asset", "resource", "policy", "source", "sdk"
	Path    string `json:"path"`              // AndroidManifest.xml, classes2.dex, assets/privacy.html, app/src/main/java/.../App.java
	Line    int    `json:"line,omitempty"`    // 1-based, source files and policy documents when known
	Locator string `json:"locator,omitempty"` // class, component, method, permission, sdk id, section
	Snippet string `json:"snippet,omitempty"` // the policy sentence, the call, the attribute
	// SnippetZH is Snippet in Chinese when Snippet is hegui's own words (negative
	// evidence, a description) rather than literal code or quoted text.
	SnippetZH string `json:"snippet_zh,omitempty"`
}
