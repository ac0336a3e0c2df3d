package analyzer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"

	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"sync/atomic"

	"github.com/avast/apkparser"

	"github.com/hegui-dev/hegui/analyzer/aab"
	"github.com/hegui-dev/hegui/analyzer/arsc"
)

// Options tunes one analysis. The zero value is the default.
type Options struct {
	NativeStrings bool // extract printable strings of every .so
}

// Limits on what one APK may make the analyzer read.
const (
	maxDexSize      = 512 << 20
	maxDexTotal     = 1 << 30
	maxManifestSize = 64 << 20
	maxArscSize     = 64 << 20
	maxXMLSize      = 4 << 20  // res/xml files
	maxTextFile     = 2 << 20  // one file kept in Facts.Files
	maxTextTotal    = 64 << 20 // all of Facts.Files
	maxNativeSize   = 256 << 20
	maxNestedSize   = 64 << 20 // archives in assets peeked for DEX
	maxSigFile      = 4 << 20
	maxEntries      = 200000
	maxDiagnostics  = 500
)

// Analyze reads the APK or Android App Bundle (.aab) at path. An error means the input as a whole is not an
// analysable APK; damage to single parts is reported in Facts.Diagnostics.
func Analyze(ctx context.Context, path string, opts Options) (*Facts, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s: is a directory, not an APK", path)
	}
	// Hash on the side: it reads the file once more, while the ZIP is being inflated.
	var digest string
	hashed := make(chan struct{})
	go func() {
		defer close(hashed)
		h := sha256.New()
		if _, err := io.Copy(h, io.NewSectionReader(f, 0, st.Size())); err == nil {
			digest = hex.EncodeToString(h.Sum(nil))
		}
	}()
	defer func() { <-hashed }() // never close f under the hashing goroutine
	facts := &Facts{
		Source:     Source{Path: path, Kind: "apk", Size: st.Size()},
		Components: []Component{},
		Dex:        DexInfo{Files: []DexFile{}},
		NativeLibs: []NativeLib{},
		Assets:     []Asset{},
		Files:      map[string][]byte{},
	}
	z, err := apkparser.OpenZipReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: not a ZIP archive: %v", path, err)
	}
	defer z.Close()
	a := newArchive(z, f, st.Size())
	if len(a.names) > maxEntries {
		return nil, fmt.Errorf("%s: %d ZIP entries, over the limit of %d", path, len(a.names), maxEntries)
	}
	an := &apkAnalysis{ctx: ctx, a: a, f: f, facts: facts, opts: opts, path: path}
	if !a.has(manifestPath) && a.has(aab.ManifestPath) {
		facts.Source.Kind = "aab"
		an.bundle = aab.NewLayout(a.names)
	} else if !a.has(manifestPath) {
		if len(a.names) == 0 {
			return nil, fmt.Errorf("%s: not a ZIP archive or no readable entry", path)
		}
		return nil, fmt.Errorf("%s: no AndroidManifest.xml: not an APK", path)
	}
	if err := an.run(); err != nil {
		return nil, err
	}
	<-hashed
	if facts.Source.SHA256 = digest; digest == "" {
		return nil, fmt.Errorf("%s: read error while hashing", path)
	}
	return facts, nil
}

type apkAnalysis struct {
	ctx   context.Context
	a     *archive
	f     *os.File
	facts *Facts
	opts  Options
	path  string
	tab   *arsc.Table

	bundle *aab.Layout // nil for an APK

	dexBytes atomic.Int64 // inflated DEX bytes so far
}

func (an *apkAnalysis) diag(path, format string, args ...any) {
	d := &an.facts.Diagnostics
	if len(*d) < maxDiagnostics {
		*d = append(*d, Diagnostic{Path: path, Message: fmt.Sprintf(format, args...)})
	}
}

// incomplete records a diagnostic for a part whose absence leaves the results incomplete.
// Past the diagnostics cap, one such diagnostic is still kept so the flag is never lost.
func (an *apkAnalysis) incomplete(path, format string, args ...any) {
	d := &an.facts.Diagnostics
	if len(*d) >= maxDiagnostics && slices.ContainsFunc(*d, func(x Diagnostic) bool { return x.Incomplete }) {
		return
	}
	*d = append(*d, Diagnostic{Path: path, Message: fmt.Sprintf(format, args...), Incomplete: true})
}

// archiveName names the input itself in diagnostics about the archive as a whole.
func (an *apkAnalysis) archiveName() string { return filepath.Base(an.path) }

// damage reports an archive read from its local headers. If the file also ends
// inside an entry it is a truncated download: later entries (DEX files,
// resources) are lost and the results incomplete.
func (an *apkAnalysis) damage() {
	if !an.a.serial {
		return
	}
	cut := an.a.cutEntries()
	n := len(an.a.names)
	if len(cut) == 0 {
		an.diag(an.archiveName(), "ZIP central directory missing or damaged: %d entries recovered from their local headers (Android's installer needs the central directory)", n)
		return
	}
	an.incomplete(an.archiveName(), "ZIP central directory missing and the file ends inside an entry: the archive is truncated; %d entries recovered from their local headers, entries stored after the cut are lost", n)
	dex := map[string]bool{}
	for _, name := range an.dexNames() {
		dex[name] = true
	}
	for _, c := range cut {
		if !dex[c.name] { // readDex reports those
			an.diag(c.name, "%v", c.err)
		}
	}
}

func (an *apkAnalysis) run() error {
	an.damage()
	if an.bundle != nil {
		if err := an.readBundleManifests(); err != nil {
			return err
		}
	} else if err := an.readManifest(); err != nil {
		return err
	}
	an.readNetworkConfig()
	stages := []func(){an.readDex, an.readEntries, an.readSigning}
	for _, stage := range stages {
		if err := an.ctx.Err(); err != nil {
			return fmt.Errorf("%s: %w", an.path, err)
		}
		stage()
	}
	if err := an.ctx.Err(); err != nil {
		return fmt.Errorf("%s: %w", an.path, err)
	}
	sort.SliceStable(an.facts.Diagnostics, func(i, j int) bool {
		return an.facts.Diagnostics[i].Path < an.facts.Diagnostics[j].Path
	})
	return nil
}

func (an *apkAnalysis) readManifest() error {
	an.readResources()
	b, err := an.a.read(manifestPath, maxManifestSize)
	if err != nil {
		return fmt.Errorf("%s: %s: %v", an.path, manifestPath, err)
	}
	m, err := extractManifest(b, an.tab)
	if err != nil {
		return fmt.Errorf("%s: %s: %v", an.path, manifestPath, err)
	}
	for _, w := range m.Warnings {
		an.diag(manifestPath, "%s", w)
	}
	an.facts.App = m.App
	if m.Components != nil {
		an.facts.Components = m.Components
	}
	return nil
}

func (an *apkAnalysis) readResources() {
	const name = "resources.arsc"
	res := &an.facts.Resources
	res.Named, res.NamedZH = map[string]string{}, map[string]string{}
	if !an.a.has(name) {
		return
	}
	b, err := an.a.read(name, maxArscSize)
	if err != nil {
		an.diag(name, "%v", err)
		return
	}
	t, err := parseTable(b)
	if err != nil {
		an.diag(name, "%v", err)
		return
	}
	for _, w := range t.Warnings {
		an.diag(name, "%s", w)
	}
	an.tab = t
	res.Package = t.Package
	res.Strings = t.Strings
	res.StringCount = len(t.Strings)
	res.Named = t.NamedStrings("")
	res.NamedZH = t.NamedStrings("zh")
}

// parseTable guards the arsc reader: a bug there must cost the resources, not the run.
func parseTable(b []byte) (t *arsc.Table, err error) {
	defer func() {
		if r := recover(); r != nil {
			t, err = nil, fmt.Errorf("resource table reader panic: %v", r)
		}
	}()
	return arsc.Parse(b, arsc.DefaultLimits)
}
