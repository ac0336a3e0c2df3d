// Package pipeline runs analyzer → sdkdb/policy → checks for one target and builds
// the report object; cmd/hegui calls it, the report encoders render its result.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/hegui-dev/hegui/analyzer"
	"github.com/hegui-dev/hegui/analyzer/source"
	"github.com/hegui-dev/hegui/checks"
	"github.com/hegui-dev/hegui/policy"
	"github.com/hegui-dev/hegui/report"
	"github.com/hegui-dev/hegui/sdkdb"
)

// Options are the scan settings that shape the result (not the output format).
type Options struct {
	AppType     string            // --app-type
	PolicyFiles []string          // --policy
	SDKDBFiles  []string          // --sdkdb
	Disabled    []string          // rule IDs not to run
	Severity    map[string]string // rule ID → severity override
	ToolVersion string            // written into report.Tool
	Timeout     time.Duration     // per target; 0: none beyond ctx
	Analyzer    analyzer.Options  // passed to analyzer.Analyze
}

// Scanner holds what every scan of a batch shares: the loaded SDK database and the
// policy reader built on it (nil: one is built per scan).
type Scanner struct {
	DB     *sdkdb.DB
	Policy *policy.Reader
}

var (
	dbMu    sync.Mutex
	dbCache = map[string]*Scanner{}
)

// NewScanner loads the SDK database (embedded plus extra files) once per process
// and set of files; later calls with the same files reuse it.
func NewScanner(sdkdbFiles ...string) (*Scanner, error) {
	key := strings.Join(sdkdbFiles, "\x00")
	dbMu.Lock()
	defer dbMu.Unlock()
	if s, ok := dbCache[key]; ok {
		return &Scanner{DB: s.DB, Policy: s.Policy}, nil
	}
	db, err := sdkdb.Load(sdkdbFiles...)
	if err != nil {
		return nil, fmt.Errorf("sdk database: %w", err)
	}
	s := &Scanner{DB: db, Policy: policy.NewReader(db)}
	dbCache[key] = s
	return &Scanner{DB: s.DB, Policy: s.Policy}, nil
}

func (s *Scanner) policyReader() *policy.Reader {
	if s.Policy != nil {
		return s.Policy
	}
	return policy.NewReader(s.DB)
}

// Run scans one target (an APK, or an Android source tree).
func Run(ctx context.Context, target string, opts Options) (*report.Report, error) {
	s, err := NewScanner(opts.SDKDBFiles...)
	if err != nil {
		return nil, err
	}
	return s.Scan(ctx, target, opts)
}

// Scan analyses target and builds its report. A panic in any stage becomes an error
// naming the target, so one hostile input never takes a batch down.
func (s *Scanner) Scan(ctx context.Context, target string, opts Options) (rep *report.Report, err error) {
	defer func() {
		if p := recover(); p != nil {
			rep, err = nil, fmt.Errorf("%s: internal error while analysing: %v\n%s", target, p, firstFrames(debug.Stack()))
		}
	}()
	overrides, err := parseOverrides(opts.Severity)
	if err != nil {
		return nil, err
	}
	if opts.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, opts.Timeout)
		defer cancel()
	}
	facts, err := analyze(ctx, target, opts)
	if err != nil {
		return nil, timedOut(ctx, target, opts, err)
	}
	if ctx.Err() != nil {
		return nil, timedOut(ctx, target, opts, ctx.Err())
	}
	hits := s.DB.Detect(facts)
	var pol *policy.Facts
	if len(opts.PolicyFiles) > 0 {
		pol, err = s.policyReader().FromFiles(opts.PolicyFiles)
		if err != nil {
			return nil, fmt.Errorf("policy: %w", err)
		}
	} else {
		pol = s.policyReader().FromAPK(facts)
	}
	in := &checks.Input{Facts: facts, SDKs: hits, Policy: pol, AppType: opts.AppType, Disabled: opts.Disabled}
	res := checks.Run(ctx, in)
	findings := res.Findings
	if ctx.Err() != nil {
		return nil, timedOut(ctx, target, opts, ctx.Err())
	}
	applyOverrides(findings, overrides)

	rep = &report.Report{
		Tool:   report.Tool{Name: "hegui", Version: opts.ToolVersion},
		Target: facts.Source,
		App: report.App{
			Package: facts.App.Package, Label: facts.App.Label, LabelZH: facts.App.LabelZH,
			VersionName: facts.App.VersionName, VersionCode: facts.App.VersionCode,
			MinSDK: facts.App.MinSDK, TargetSDK: facts.App.TargetSDK, AppType: opts.AppType,
		},
		SDKs:        hits.SDKs,
		Packers:     hits.Packers,
		Permissions: permissions(facts, res.PermissionUsers, pol),
		Policy:      pol,
		Findings:    findings,
		Diagnostics: facts.Diagnostics,
	}
	for _, c := range facts.Components {
		rep.Components = append(rep.Components, report.Component{Type: c.Type, Name: c.Name, Exported: c.Exported})
	}
	sort.Slice(rep.Components, func(i, j int) bool {
		a, b := rep.Components[i], rep.Components[j]
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		return a.Name < b.Name
	})
	if rep.Target.Path == "" {
		rep.Target.Path = target
	}
	rep.SharingList = report.BuildSharingList(hits.SDKs, policyOrNil(pol))
	rep.Finalize()
	return rep, nil
}

// timedOut names --timeout when the per-target deadline is why the scan stopped
// ("context deadline exceeded" says nothing to a user), and otherwise returns err
// naming the target.
func timedOut(ctx context.Context, target string, opts Options, err error) error {
	if opts.Timeout > 0 && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("%s: analysis stopped after --timeout %s; raise --timeout to analyse it fully: %w", target, opts.Timeout, context.DeadlineExceeded)
	}
	if !strings.Contains(err.Error(), target) {
		return fmt.Errorf("%s: %w", target, err)
	}
	return err
}

// Analyze reads one target's facts: the source-tree reader for an Android project
// directory, the APK/AAB reader for a file. scan and inspect share it, so both
// take the same view of what a target is.
func Analyze(ctx context.Context, target string, opts analyzer.Options) (*analyzer.Facts, error) {
	st, err := os.Stat(target)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		if !source.IsProject(target) {
			return nil, fmt.Errorf("%s: directory is neither an Android project (no Gradle files or AndroidManifest.xml) nor an APK", target)
		}
		return source.Analyze(ctx, target)
	}
	return analyzer.Analyze(ctx, target, opts)
}

// analyze is Analyze with errors naming the target and a fatal diagnostic as an error.
func analyze(ctx context.Context, target string, opts Options) (*analyzer.Facts, error) {
	facts, err := Analyze(ctx, target, opts.Analyzer)
	if err != nil {
		if !strings.Contains(err.Error(), target) {
			err = fmt.Errorf("%s: %w", target, err)
		}
		return nil, err
	}
	if facts == nil {
		return nil, fmt.Errorf("%s: analyzer returned no facts", target)
	}
	for _, d := range facts.Diagnostics {
		if d.Fatal {
			return nil, fmt.Errorf("%s: %s: %s", target, d.Path, d.Message)
		}
	}
	return facts, nil
}

// policyOrNil treats a Facts without documents as "no policy" for disclosure columns.
func policyOrNil(p *policy.Facts) *policy.Facts {
	if p == nil || len(p.Documents) == 0 {
		return nil
	}
	return p
}

func parseOverrides(m map[string]string) (map[string]checks.Severity, error) {
	out := map[string]checks.Severity{}
	for id, name := range m {
		s, ok := report.ParseSeverity(name)
		if !ok {
			return nil, fmt.Errorf("severity override for %s: %q is not one of %s", id, name, strings.Join(report.SeverityNames, ", "))
		}
		out[id] = s
	}
	return out, nil
}

// applyOverrides sets the configured severity of each overridden rule's findings.
func applyOverrides(fs []checks.Finding, overrides map[string]checks.Severity) {
	for i := range fs {
		if s, ok := overrides[fs[i].Rule]; ok {
			fs[i].Severity = s
		}
	}
}

func firstFrames(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	if len(lines) > 16 {
		lines = lines[:16]
	}
	return strings.Join(lines, "\n")
}
