package analyzer

import (
	"archive/zip"
	"bufio"
	"context"
	"fmt"
	"github.com/hegui-dev/hegui/internal/testcorpus"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"text/tabwriter"
	"time"
)

func needTools(t *testing.T, tools ...string) {
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed (make tools); oracle test skipped", tool)
		}
	}
}

var (
	aaptPackage = regexp.MustCompile(`(?m)^package: name='([^']*)'`)
	aaptPerm    = regexp.MustCompile(`(?m)^uses-permission(?:-sdk-23)?: name='([^']*)'`)
)

// aaptFacts returns the package name and requested permissions aapt sees.
func aaptFacts(apk string) (pkg string, perms []string, err error) {
	b, err := exec.Command("aapt", "dump", "badging", apk).Output()
	if err != nil {
		return "", nil, fmt.Errorf("aapt dump badging: %v", err)
	}
	m := aaptPackage.FindSubmatch(b)
	if m == nil {
		return "", nil, fmt.Errorf("aapt printed no package")
	}
	pkg = string(m[1])
	b, err = exec.Command("aapt", "dump", "permissions", apk).Output()
	if err != nil {
		return "", nil, fmt.Errorf("aapt dump permissions: %v", err)
	}
	for _, m := range aaptPerm.FindAllSubmatch(b, -1) {
		perms = append(perms, string(m[1]))
	}
	return pkg, uniqSorted(perms), nil
}

func uniqSorted(s []string) []string {
	sort.Strings(s)
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// dexdumpHeader returns class_defs_size and method_ids_size from `dexdump -f`.
func dexdumpHeader(path string) (classes, methods int, err error) {
	cmd := exec.Command("dexdump", "-f", path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return 0, 0, err
	}
	if err := cmd.Start(); err != nil {
		return 0, 0, err
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	sc := bufio.NewScanner(out)
	classes, methods = -1, -1
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 3 {
			continue
		}
		switch f[0] {
		case "method_ids_size":
			methods, _ = strconv.Atoi(f[2])
		case "class_defs_size":
			classes, _ = strconv.Atoi(f[2])
			return classes, methods, nil
		}
	}
	return 0, 0, fmt.Errorf("dexdump printed no class_defs_size")
}

// extractDex copies the top-level classes*.dex entries into dir.
func extractDex(apk, dir string) (map[string]string, error) {
	zr, err := zip.OpenReader(apk)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	out := map[string]string{}
	for _, f := range zr.File {
		if !topDex.MatchString(f.Name) {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		p := filepath.Join(dir, f.Name)
		w, err := os.Create(p)
		if err == nil {
			_, err = io.Copy(w, io.LimitReader(rc, maxDexSize))
			w.Close()
		}
		rc.Close()
		if err != nil {
			return nil, err
		}
		out[f.Name] = p
	}
	return out, nil
}

func TestOracleAapt(t *testing.T) {
	apks := corpusAPKs(t)
	needTools(t, "aapt", "dexdump")
	var sum strings.Builder
	tw := tabwriter.NewWriter(&sum, 0, 0, 1, ' ', 0)
	fmt.Fprintln(tw, "apk\tpackage\tperms hegui/aapt\tdex files\tclasses hegui/dexdump\tresult")
	var nAPK, nPkg, nPerm, nDex, nDexOK, nAaptFail int
	for _, apk := range apks {
		name, _ := filepath.Rel(filepath.Join(testcorpus.Dir(t), "corpus", "apk"), apk)
		nAPK++
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		facts, err := Analyze(ctx, apk, Options{})
		cancel()
		pkg, perms, aerr := aaptFacts(apk)
		if aerr != nil {
			nAaptFail++
			// aapt cannot read it: hegui must give facts or an error naming the file.
			switch {
			case err != nil && !strings.Contains(err.Error(), apk):
				t.Errorf("%s: error does not name the file: %v", name, err)
			case err == nil && facts.App.Package == "":
				t.Errorf("%s: no error and no package", name)
			}
			res := "aapt fails; hegui: "
			if err != nil {
				res += "error " + strings.TrimPrefix(err.Error(), apk+": ")
			} else {
				res += "facts, package " + facts.App.Package
			}
			fmt.Fprintf(tw, "%s\t-\t-\t-\t-\t%s\n", name, res)
			continue
		}
		if err != nil {
			t.Errorf("%s: aapt reads it, hegui fails: %v", name, err)
			fmt.Fprintf(tw, "%s\t%s\t-\t-\t-\thegui error\n", name, pkg)
			continue
		}
		ok := true
		if facts.App.Package != pkg {
			t.Errorf("%s: package %q, aapt %q", name, facts.App.Package, pkg)
			ok = false
		} else {
			nPkg++
		}
		var got []string
		for _, p := range facts.App.Permissions {
			got = append(got, p.Name)
		}
		got = uniqSorted(got)
		if strings.Join(got, ",") != strings.Join(perms, ",") {
			t.Errorf("%s: permissions\n hegui %v\n aapt  %v", name, got, perms)
			ok = false
		} else {
			nPerm++
		}
		dir := t.TempDir()
		paths, err := extractDex(apk, dir)
		if err != nil {
			t.Logf("%s: cannot extract DEX for dexdump (%v); DEX check skipped", name, err)
		}
		classes := []string{}
		for _, d := range facts.Dex.Files {
			nDex++
			p, found := paths[d.Name]
			if !found {
				t.Errorf("%s: %s reported but not in the ZIP", name, d.Name)
				continue
			}
			wantC, wantM, err := dexdumpHeader(p)
			if err != nil {
				t.Errorf("%s: %s: %v", name, d.Name, err)
				continue
			}
			if d.ClassCount != wantC || d.MethodRefCount != wantM || d.Parsed == nil {
				t.Errorf("%s: %s: classes %d methods %d parsed=%v, dexdump %d/%d (%s)",
					name, d.Name, d.ClassCount, d.MethodRefCount, d.Parsed != nil, wantC, wantM, d.Error)
				ok = false
			} else {
				nDexOK++
			}
			classes = append(classes, fmt.Sprintf("%d/%d", d.ClassCount, wantC))
		}
		if len(facts.Dex.Files) != len(paths) {
			t.Logf("%s: %d DEX entries in the ZIP, %d loaded (rest reported hidden: %d)", name, len(paths), len(facts.Dex.Files), len(facts.Dex.Hidden))
		}
		res := "ok"
		if !ok {
			res = "MISMATCH"
		}
		cl := strings.Join(classes, " ")
		if len(cl) > 40 {
			cl = cl[:37] + "..."
		}
		fmt.Fprintf(tw, "%s\t%s\t%d/%d\t%d\t%s\t%s\n", name, pkg, len(got), len(perms), len(facts.Dex.Files), cl, res)
	}
	tw.Flush()
	t.Logf("oracle summary (aapt dump badging/permissions, dexdump -f):\n%s\nAPKs %d; aapt failed on %d; package equal %d/%d; permission sets equal %d/%d; DEX class+method counts equal %d/%d",
		sum.String(), nAPK, nAaptFail, nPkg, nAPK-nAaptFail, nPerm, nAPK-nAaptFail, nDexOK, nDex)
}
