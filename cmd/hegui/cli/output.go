package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hegui-dev/hegui/report"
)

// outputSpec is one rendering: a format and where it goes ("" = stdout).
type outputSpec struct {
	Format string
	File   string
}

const formatHelp = `output format(s): table, json, sarif, html, markdown, jsonl.
Comma-separate or repeat for several. NAME=FILE writes that format to FILE.
With --output BASE and several formats, each goes to BASE.<ext> (.txt .json
.sarif .html .md .jsonl); with one format, to BASE itself.`

// parseOutputs turns --format values and --output into specs. At most one spec may
// write to stdout.
func parseOutputs(formats []string, output string) ([]outputSpec, error) {
	var specs []outputSpec
	for _, v := range formats {
		for _, item := range strings.Split(v, ",") {
			item = strings.TrimSpace(item)
			if item == "" {
				continue
			}
			name, file, _ := strings.Cut(item, "=")
			name = strings.ToLower(strings.TrimSpace(name))
			if name == "md" {
				name = "markdown"
			}
			if !slices.Contains(report.Formats, name) {
				return nil, usageErr("--format %q: unknown format (want %s)", name, strings.Join(report.Formats, ", "))
			}
			specs = append(specs, outputSpec{Format: name, File: strings.TrimSpace(file)})
		}
	}
	if len(specs) == 0 {
		specs = []outputSpec{{Format: "table"}}
	}
	bare := 0
	for _, s := range specs {
		if s.File == "" {
			bare++
		}
	}
	if output != "" {
		base := output
		if bare > 1 {
			// "out.json" with json,sarif → out.json, out.sarif.
			if ext := filepath.Ext(output); ext != "" {
				for _, e := range report.Extension {
					if e == ext {
						base = strings.TrimSuffix(output, ext)
					}
				}
			}
		}
		for i := range specs {
			if specs[i].File != "" {
				continue
			}
			if bare == 1 {
				specs[i].File = output
			} else {
				specs[i].File = base + report.Extension[specs[i].Format]
			}
		}
	} else if bare > 1 {
		return nil, usageErr("%d formats would all go to standard output: give --output BASE or NAME=FILE", bare)
	}
	seen := map[string]bool{}
	for _, s := range specs {
		if s.File != "" && seen[s.File] {
			return nil, usageErr("two formats write to %s", s.File)
		}
		seen[s.File] = true
	}
	return specs, nil
}

// writeOutputs renders reps in every spec. Files are written whole or not at all.
func writeOutputs(stdout io.Writer, specs []outputSpec, reps []*report.Report, o report.Options) error {
	for _, s := range specs {
		var buf bytes.Buffer
		if err := report.Write(&buf, s.Format, reps, o); err != nil {
			return fmt.Errorf("render %s: %w", s.Format, err)
		}
		if s.File == "" || s.File == "-" {
			if _, err := stdout.Write(buf.Bytes()); err != nil {
				return err
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(s.File), 0o755); err != nil {
			return usageErr("write %s output: %v", s.Format, err)
		}
		if err := writeFileAtomic(s.File, buf.Bytes()); err != nil {
			return usageErr("write %s output: %v", s.Format, err)
		}
	}
	return nil
}

// writeFileAtomic replaces file with data through a temporary file in the same
// directory and a rename, so a reader (or a failed write: disk full, killed run)
// never sees half a report. A file that exists and is not a regular file
// (/dev/stdout, a FIFO) is written in place.
func writeFileAtomic(file string, data []byte) error {
	if st, err := os.Stat(file); err == nil && !st.Mode().IsRegular() {
		return os.WriteFile(file, data, 0o644)
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".*.tmp")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), file)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
