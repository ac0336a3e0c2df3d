package source

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"github.com/hegui-dev/hegui/analyzer"
	"github.com/hegui-dev/hegui/analyzer/dex"
)

const (
	maxArchiveEntries = 200_000
	maxNestedDepth    = 2
)

// archiveFacts is what a local .jar or .aar contributes.
type archiveFacts struct {
	classes  []string
	natives  []analyzer.NativeLib
	manifest []byte // an aar's AndroidManifest.xml
	warnings []string
}

// readArchive lists the classes (and for an aar its jars, .so files and manifest)
// of a jar or aar held in data. name is its path relative to the scanned root.
func readArchive(data []byte, name string, lim Limits, depth int) (*archiveFacts, error) {
	budget := lim.MaxArchive // bytes all nested jars may inflate to, together
	return readArchiveBudget(data, name, lim, depth, &budget)
}

func readArchiveBudget(data []byte, name string, lim Limits, depth int, budget *int64) (*archiveFacts, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	if len(zr.File) > maxArchiveEntries {
		return nil, fmt.Errorf("%d entries, over the %d limit", len(zr.File), maxArchiveEntries)
	}
	out := &archiveFacts{}
	for _, f := range zr.File {
		n := f.Name
		switch {
		case strings.HasSuffix(n, ".class") && !strings.HasPrefix(n, "META-INF/"):
			c := strings.ReplaceAll(strings.TrimSuffix(n, ".class"), "/", ".")
			if c != "module-info" && !strings.HasSuffix(c, "package-info") {
				out.classes = append(out.classes, c)
			}
		case strings.HasSuffix(n, ".jar") && depth < maxNestedDepth:
			inner, err := readEntry(f, min(lim.MaxArchive, *budget))
			if err == nil {
				*budget -= int64(len(inner))
			}
			if err != nil {
				out.warnings = append(out.warnings, fmt.Sprintf("%s!/%s: %v", name, n, err))
				continue
			}
			sub, err := readArchiveBudget(inner, name+"!/"+n, lim, depth+1, budget)
			if err != nil {
				out.warnings = append(out.warnings, fmt.Sprintf("%s!/%s: %v", name, n, err))
				continue
			}
			out.classes = append(out.classes, sub.classes...)
			out.warnings = append(out.warnings, sub.warnings...)
		case strings.HasSuffix(n, ".so"):
			parts := strings.Split(n, "/")
			abi := ""
			if len(parts) >= 3 {
				abi = parts[len(parts)-2]
			}
			out.natives = append(out.natives, analyzer.NativeLib{Path: name + "!/" + n, ABI: abi,
				Name: path.Base(n), Size: int64(f.UncompressedSize64)})
		case n == "AndroidManifest.xml" && depth == 0:
			if b, err := readEntry(f, maxXMLSize); err == nil {
				out.manifest = b
			}
		}
	}
	sort.Strings(out.classes)
	return out, nil
}

func readEntry(f *zip.File, max int64) ([]byte, error) {
	if f.UncompressedSize64 > uint64(max) {
		return nil, fmt.Errorf("%d bytes uncompressed, over the %d limit", f.UncompressedSize64, max)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("over the %d byte limit", max)
	}
	return b, nil
}

// classesOnly builds the synthetic DEX-like entry the SDK detector matches on.
func classesOnly(name string, size int64, classes []string) analyzer.DexFile {
	p := &dex.File{Size: size, Classes: make([]dex.Class, len(classes))}
	for i, c := range classes {
		p.Classes[i] = dex.Class{Name: c}
	}
	return analyzer.DexFile{Name: name, Size: size, ClassCount: len(classes), Parsed: p}
}
