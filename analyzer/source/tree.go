package source

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hegui-dev/hegui/analyzer"
)

// Limits bound what one tree may cost.
type Limits struct {
	MaxFiles       int   // files listed in the whole tree
	MaxDepth       int   // directory nesting
	MaxSourceFile  int64 // one .java/.kt/.gradle/.xml/.toml file
	MaxTextFile    int64 // one asset kept in Facts.Files
	MaxArchive     int64 // one local .jar/.aar (and a classes.jar inside an aar)
	MaxSourceBytes int64 // all .java/.kt read together
}

// DefaultLimits are generous for real projects and small enough for CI machines.
var DefaultLimits = Limits{
	MaxFiles:       200_000,
	MaxDepth:       40,
	MaxSourceFile:  2 << 20,
	MaxTextFile:    1 << 20,
	MaxArchive:     128 << 20,
	MaxSourceBytes: 1 << 30,
}

var skipDirs = setOf("build", ".gradle", ".git", "node_modules", ".idea", ".cxx", ".externalNativeBuild", ".svn", ".hg")

// tree is the list of regular files under the root, symlinks never followed.
type tree struct {
	root  string
	files []fileEntry // sorted by rel
	size  int64
	diags []analyzer.Diagnostic
	byRel map[string]int64
}

type fileEntry struct {
	rel  string // slash-separated, relative to root
	size int64
}

func listTree(ctx context.Context, root string, lim Limits) (*tree, error) {
	t := &tree{root: root, byRel: map[string]int64{}}
	truncated := false
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return err
			}
			t.diags = append(t.diags, analyzer.Diagnostic{Path: rel(root, p), Message: err.Error()})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if d.Type()&fs.ModeSymlink != 0 {
			t.diags = append(t.diags, analyzer.Diagnostic{Path: rel(root, p), Message: "symbolic link not followed"})
			return nil
		}
		if d.IsDir() {
			if p != root && (skipDirs[d.Name()] || strings.Count(rel(root, p), "/") >= lim.MaxDepth) {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		if len(t.files) >= lim.MaxFiles {
			truncated = true
			return fs.SkipAll
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		r := rel(root, p)
		t.files = append(t.files, fileEntry{rel: r, size: info.Size()})
		t.byRel[r] = info.Size()
		t.size += info.Size()
		return nil
	})
	if err != nil {
		return nil, err
	}
	if truncated {
		t.diags = append(t.diags, analyzer.Diagnostic{Path: ".", Message: fmt.Sprintf("more than %d files: the rest of the tree was not read", lim.MaxFiles)})
	}
	sort.Slice(t.files, func(i, j int) bool { return t.files[i].rel < t.files[j].rel })
	return t, nil
}

func rel(root, p string) string {
	r, err := filepath.Rel(root, p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	return filepath.ToSlash(r)
}

// read returns a listed file's bytes, refusing files over max. It opens with
// O_NOFOLLOW semantics by re-checking with Lstat, so a file swapped for a symlink
// after listing is not followed.
func (t *tree) read(r string, max int64) ([]byte, error) {
	full := filepath.Join(t.root, filepath.FromSlash(r))
	fi, err := os.Lstat(full)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file")
	}
	if fi.Size() > max {
		return nil, fmt.Errorf("%d bytes, over the %d byte limit", fi.Size(), max)
	}
	f, err := os.Open(full)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, max+1))
}

// under lists files whose path starts with dir+"/" (all files for ".").
func (t *tree) under(dir string) []fileEntry {
	if dir == "." || dir == "" {
		return t.files[:len(t.files):len(t.files)]
	}
	prefix := dir + "/"
	i := sort.Search(len(t.files), func(i int) bool { return t.files[i].rel >= prefix })
	j := i
	for j < len(t.files) && strings.HasPrefix(t.files[j].rel, prefix) {
		j++
	}
	return t.files[i:j:j] // capacity capped: appending never writes into t.files
}

func (t *tree) has(r string) bool { _, ok := t.byRel[path.Clean(r)]; return ok }
