package cli

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hegui-dev/hegui/analyzer/source"
)

// maxTargets bounds one batch.
const maxTargets = 100000

// expandTargets turns arguments into scan targets, sorted by path: files as given;
// a directory holding an Android project is one source-tree target; any other
// directory contributes its *.apk and *.aab files, recursively, never following a symlink to
// a place outside it (skipped lists those, for a note). many reports whether the
// result is a batch (JSON then writes an array).
func expandTargets(args []string) (targets []string, many bool, skipped []string, err error) {
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			targets = append(targets, p)
		}
	}
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, false, nil, usageErr("%v", err)
		}
		if !st.IsDir() {
			add(a)
			continue
		}
		if source.IsProject(a) {
			add(a)
			continue
		}
		many = true
		apks, out, err := findAPKs(a)
		if err != nil {
			return nil, false, nil, err
		}
		skipped = append(skipped, out...)
		if len(apks) == 0 {
			return nil, false, nil, usageErr("%s: no .apk or .aab files and no Android project (AndroidManifest.xml or Gradle files)", a)
		}
		for _, p := range apks {
			add(p)
		}
	}
	if len(targets) > maxTargets {
		return nil, false, nil, usageErr("%d inputs: more than %d in one batch", len(targets), maxTargets)
	}
	sort.Strings(targets)
	sort.Strings(skipped)
	return targets, many || len(args) > 1, skipped, nil
}

// isAppFile reports whether a file name is an APK or an app bundle.
func isAppFile(p string) bool {
	ext := filepath.Ext(p)
	return strings.EqualFold(ext, ".apk") || strings.EqualFold(ext, ".aab")
}

func findAPKs(root string) (out, skipped []string, err error) {
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil, nil, usageErr("%v", err)
	}
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // unreadable subdirectory: skip it, keep the rest
		}
		if d.IsDir() {
			return nil
		}
		if !isAppFile(p) {
			// WalkDir does not follow a directory symlink; one that leads out of
			// the directory is named like an APK symlink would be.
			if d.Type()&fs.ModeSymlink != 0 {
				if st, err := os.Stat(p); err == nil && st.IsDir() {
					if real, err := filepath.EvalSymlinks(p); err == nil && !within(realRoot, real) {
						skipped = append(skipped, p)
					}
				}
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			real, err := filepath.EvalSymlinks(p)
			if err != nil || !within(realRoot, real) {
				skipped = append(skipped, p)
				return nil
			}
			if st, err := os.Stat(real); err != nil || !st.Mode().IsRegular() {
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		out = append(out, p)
		if len(out) > maxTargets {
			return fs.SkipAll
		}
		return nil
	})
	return out, skipped, err
}

func within(root, p string) bool {
	rel, err := filepath.Rel(root, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
