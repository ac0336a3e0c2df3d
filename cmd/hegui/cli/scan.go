package cli

import (
	"context"
	"fmt"
	"io"
	"maps"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/hegui-dev/hegui/checks"
	"github.com/hegui-dev/hegui/pipeline"
	"github.com/hegui-dev/hegui/report"
)

const scanLong = `Scan APKs, app bundles (AAB) or Android source trees and report which Chinese
personal-information rules they break.

TARGET is an APK, an AAB, a directory holding an Android project (Gradle files or an
AndroidManifest.xml: scanned as source), or any other directory (its *.apk and *.aab
files are scanned recursively, without following symlinks out of it). Several targets run
concurrently (--jobs); outputs are ordered by input path.

Settings come from .hegui.yaml in the current directory (or --config FILE); flags
override it. See docs/ci.md and docs/report.md.

Exit codes:
  0  no finding at or above --fail-on (default high; "none" never fails)
  1  findings at or above --fail-on
  2  usage or configuration error
  3  an input could not be analysed, or only partly (a report is still written
     and says so: summary.incomplete). In a batch this wins over 1: the other
     inputs are still reported, but the run is incomplete.`

// scanFlags are the settings scan and diff share.
type scanFlags struct {
	appType       string
	policies      []string
	sdkdbs        []string
	lang          string
	failOn        string
	config        string
	baseline      string
	writeBaseline string
	formats       []string
	output        string
	jobs          int
	timeout       time.Duration
}

func (f *scanFlags) register(cmd *cobra.Command, batch bool) {
	fl := cmd.Flags()
	fl.StringVar(&f.appType, "app-type", "", "app type key (one of the 39 types), e.g. online_shopping")
	fl.StringArrayVar(&f.policies, "policy", nil, "privacy policy file (HTML, TXT, Markdown); repeatable")
	fl.StringArrayVar(&f.sdkdbs, "sdkdb", nil, "extra SDK database YAML file; repeatable")
	fl.StringVar(&f.lang, "lang", "", "report language: zh (default) or en")
	fl.StringVar(&f.failOn, "fail-on", "", "exit 1 at or above this severity: critical, high (default), medium, low, info, none")
	fl.StringVar(&f.config, "config", "", "config file (default: .hegui.yaml in the current directory, if present)")
	fl.DurationVar(&f.timeout, "timeout", 10*time.Minute, "give up on one input after this long")
	if batch {
		fl.StringVar(&f.baseline, "baseline", "", "hide findings whose fingerprint is in this baseline file")
		fl.StringVar(&f.writeBaseline, "write-baseline", "", "write every current finding to this baseline file and exit 0 (unless an input failed)")
		fl.StringArrayVarP(&f.formats, "format", "f", nil, formatHelp)
		fl.StringVarP(&f.output, "output", "o", "", "output file (or base name with several formats); default standard output")
		fl.IntVarP(&f.jobs, "jobs", "j", runtime.NumCPU(), "inputs analysed at once")
	}
}

// settings are flags merged over the config file.
type settings struct {
	opts     pipeline.Options
	failOn   checks.Severity
	never    bool // --fail-on none
	lang     string
	cfg      *Config
	baseline string
	rules    []checks.Rule
}

func (f *scanFlags) resolve(cmd *cobra.Command) (*settings, error) {
	cfg, err := loadConfig(f.config)
	if err != nil {
		return nil, err
	}
	changed := cmd.Flags().Changed
	s := &settings{cfg: cfg, lang: "zh"}
	s.opts = pipeline.Options{AppType: cfg.AppType, PolicyFiles: cfg.Policy, SDKDBFiles: cfg.SDKDB,
		Disabled: cfg.Disable, Severity: cfg.Severity, ToolVersion: version(), Timeout: f.timeout}
	if changed("app-type") {
		s.opts.AppType = f.appType
	}
	if err := checkAppType(s.opts.AppType, changed("app-type")); err != nil {
		return nil, err
	}
	if changed("policy") {
		s.opts.PolicyFiles = f.policies
	}
	if changed("sdkdb") {
		s.opts.SDKDBFiles = append(append([]string(nil), cfg.SDKDB...), f.sdkdbs...)
	}
	for _, p := range append(append([]string(nil), s.opts.PolicyFiles...), s.opts.SDKDBFiles...) {
		if _, err := os.Stat(p); err != nil {
			return nil, usageErr("%v", err)
		}
	}
	if cfg.Lang != "" {
		s.lang = cfg.Lang
	}
	if changed("lang") {
		s.lang = f.lang
	}
	if s.lang != "zh" && s.lang != "en" {
		return nil, usageErr("--lang %q: want zh or en", s.lang)
	}
	failOn := "high"
	if cfg.FailOn != "" {
		failOn = cfg.FailOn
	}
	if changed("fail-on") {
		failOn = f.failOn
	}
	if strings.EqualFold(failOn, "none") {
		s.never = true
	} else if sev, ok := report.ParseSeverity(failOn); ok {
		s.failOn = sev
	} else {
		return nil, usageErr("--fail-on %q: want critical, high, medium, low, info or none", failOn)
	}
	s.baseline = cfg.Baseline
	if changed("baseline") {
		s.baseline = f.baseline
	}
	if f.jobs < 1 {
		return nil, usageErr("--jobs must be at least 1")
	}
	s.rules = checks.Rules()
	known := map[string]bool{}
	for _, r := range s.rules {
		known[r.ID] = true
	}
	for _, id := range s.opts.Disabled {
		if !known[id] {
			return nil, usageErr("disable: unknown rule %s (see hegui rules)", id)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(s.opts.Severity)) {
		if !known[id] {
			return nil, usageErr("severity: unknown rule %s (see hegui rules)", id)
		}
	}
	for i, sup := range cfg.Suppress {
		if sup.Rule == "*" {
			// "*" waives any rule, so it must be narrowed to one finding or path.
			if sup.Fingerprint == "" && sup.Path == "" {
				return nil, usageErr("config %s: suppress[%d]: rule \"*\" needs a fingerprint or a path (it would hide every finding)", cfg.path, i)
			}
			continue
		}
		if !known[sup.Rule] {
			return nil, usageErr("config %s: suppress[%d]: unknown rule %s (see hegui rules)", cfg.path, i, sup.Rule)
		}
	}
	// The rules carry the effective severity, so SARIF's rule metadata matches
	// the findings the override lowered or raised.
	for i := range s.rules {
		v, ok := s.opts.Severity[s.rules[i].ID]
		if !ok {
			continue
		}
		sev, ok := report.ParseSeverity(v)
		if !ok {
			return nil, usageErr("severity of %s: %q is not critical, high, medium, low or info", s.rules[i].ID, v)
		}
		s.rules[i].Severity = sev
	}
	return s, nil
}

// checkAppType rejects an unknown app type: it would silently switch off the
// type-specific part of CNPI-MIN-001.
func checkAppType(key string, fromFlag bool) error {
	if key == "" {
		return nil
	}
	if _, ok := checks.LookupAppType(key); ok {
		return nil
	}
	where := "app_type in the config file"
	if fromFlag {
		where = "--app-type"
	}
	return usageErr("%s %q is not one of the 39 app types; valid keys: %s (see hegui rules app-types)",
		where, key, strings.Join(checks.AppTypeKeys(), ", "))
}

func (s *settings) fails(reps []*report.Report) bool {
	if s.never {
		return false
	}
	for _, r := range reps {
		if r.AtOrAbove(s.failOn) > 0 {
			return true
		}
	}
	return false
}

func newScanCmd() *cobra.Command {
	var f scanFlags
	cmd := &cobra.Command{
		Use:   "scan TARGET...",
		Short: "Scan APKs, AABs or source trees and report compliance findings",
		Long:  scanLong,
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runScan(cmd, &f, args)
		},
	}
	f.register(cmd, true)
	return cmd
}

func runScan(cmd *cobra.Command, f *scanFlags, args []string) error {
	s, err := f.resolve(cmd)
	if err != nil {
		return err
	}
	specs, err := parseOutputs(f.formats, f.output)
	if err != nil {
		return err
	}
	var baseline *baseline
	if s.baseline != "" {
		if baseline, err = readBaseline(s.baseline); err != nil {
			return err
		}
	}
	targets, many, skipped, err := expandTargets(args)
	if err != nil {
		return err
	}
	stderr := cmd.ErrOrStderr()
	for _, p := range skipped {
		fmt.Fprintf(stderr, "hegui: note: %s skipped: a symlink that leads outside the scanned directory (or nowhere)\n", p)
	}
	scanner, err := pipeline.NewScanner(s.opts.SDKDBFiles...)
	if err != nil {
		return usageErr("%v", err)
	}
	reps, errs := runBatch(contextOf(cmd), scanner, targets, s.opts, f.jobs, stderr)

	var failed []report.InputError
	var ok []*report.Report
	now := nowFunc()
	for i, t := range targets {
		if errs[i] != nil {
			msg := trimTarget(errs[i], t)
			failed = append(failed, report.InputError{SchemaVersion: report.SchemaVersion, Target: report.ErrorTarget{Path: t}, Error: msg})
			fmt.Fprintf(stderr, "hegui: %s: %v\n", t, msg)
			continue
		}
		applySuppressions(reps[i], s.cfg, now)
		ok = append(ok, reps[i])
	}
	if f.writeBaseline != "" {
		if err := writeBaseline(f.writeBaseline, ok); err != nil {
			return err
		}
	}
	if baseline != nil {
		for _, r := range ok {
			if pkgs := baseline.foreign(r.App.Package); pkgs != nil {
				fmt.Fprintf(stderr, "hegui: baseline %s is for %s, not %s: it hides nothing in %s\n",
					baseline.file, strings.Join(pkgs, ", "), r.App.Package, r.Target.Path)
			}
			applyBaseline(r, baseline)
		}
	}
	incomplete := 0
	for _, r := range ok {
		for _, d := range r.Diagnostics {
			if s.cfg.path != "" && d.Path == s.cfg.path {
				fmt.Fprintf(stderr, "hegui: warning: %s: %s\n", d.Path, d.Message)
			}
			if d.Incomplete || d.Fatal {
				fmt.Fprintf(stderr, "hegui: %s: incomplete analysis: %s: %s\n", r.Target.Path, d.Path, d.Message)
			}
		}
		if r.Summary.Incomplete {
			incomplete++
		}
	}
	if err := writeOutputs(cmd.OutOrStdout(), specs, ok, report.Options{Lang: s.lang, Rules: s.rules, Array: many, Failed: failed}); err != nil {
		return err
	}
	switch {
	case len(failed) > 0 || incomplete > 0:
		if len(targets) > 1 && len(failed) > 0 {
			fmt.Fprintf(stderr, "hegui: %d of %d inputs could not be analysed\n", len(failed), len(targets))
		}
		if incomplete > 0 && len(targets) > 1 {
			fmt.Fprintf(stderr, "hegui: %d of %d inputs were only partly analysed: their findings are a lower bound\n", incomplete, len(targets))
		} else if incomplete > 0 {
			fmt.Fprintln(stderr, "hegui: the input was only partly analysed: the findings are a lower bound")
		}
		return silentExit(ExitInput)
	case f.writeBaseline != "":
		return nil
	case s.fails(ok):
		return silentExit(ExitFindings)
	}
	return nil
}

// runBatch scans targets on a bounded worker pool; results keep the targets' order.
func runBatch(ctx context.Context, sc *pipeline.Scanner, targets []string, opts pipeline.Options, jobs int, stderr io.Writer) ([]*report.Report, []error) {
	reps := make([]*report.Report, len(targets))
	errs := make([]error, len(targets))
	if jobs > len(targets) {
		jobs = len(targets)
	}
	var bar *progressbar.ProgressBar
	if len(targets) > 1 && isTerminal(stderr) {
		bar = progressbar.NewOptions(len(targets), progressbar.OptionSetWriter(stderr),
			progressbar.OptionSetDescription("scanning"), progressbar.OptionShowCount(), progressbar.OptionClearOnFinish())
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				reps[i], errs[i] = sc.Scan(ctx, targets[i], opts)
				if bar != nil {
					_ = bar.Add(1)
				}
			}
		}()
	}
	for i := range targets {
		next <- i
	}
	close(next)
	wg.Wait()
	if bar != nil {
		_ = bar.Finish()
	}
	return reps, errs
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func contextOf(cmd *cobra.Command) context.Context {
	if ctx := cmd.Context(); ctx != nil {
		return ctx
	}
	return context.Background()
}

// trimTarget drops a leading "target: " the error already carries, since the
// message line names the target itself.
func trimTarget(err error, target string) string {
	return strings.TrimPrefix(err.Error(), target+": ")
}
