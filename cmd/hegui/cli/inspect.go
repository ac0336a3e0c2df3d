package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/spf13/cobra"

	"github.com/hegui-dev/hegui/analyzer"
	"github.com/hegui-dev/hegui/internal/safetext"
	"github.com/hegui-dev/hegui/pipeline"
)

func newInspectCmd() *cobra.Command {
	var format string
	var nativeStrings bool
	cmd := &cobra.Command{
		Use:   "inspect TARGET [TARGET...]",
		Short: "Show what hegui reads from an APK, AAB or source tree: manifest, components, DEX, native libs, assets, signing",
		Long: `Show the facts hegui extracts from each TARGET: an APK, an AAB, or an Android
source tree (a directory holding Gradle files or an AndroidManifest.xml).`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "table" && format != "json" {
				return usageErr("inspect: --format must be table or json, not %q", format)
			}
			out, errw := cmd.OutOrStdout(), cmd.ErrOrStderr()
			failed := 0
			for i, path := range args {
				facts, err := inspectTarget(cmd.Context(), path, nativeStrings)
				if err != nil {
					failed++
					fmt.Fprintf(errw, "hegui: inspect: %s\n", termSafe(err.Error()))
					continue
				}
				if format == "json" {
					enc := json.NewEncoder(out)
					enc.SetIndent("", "  ")
					if err := enc.Encode(facts); err != nil {
						return err
					}
					continue
				}
				if i > 0 {
					fmt.Fprintln(out)
				}
				if err := printFacts(out, facts); err != nil {
					return err
				}
			}
			if failed > 0 {
				return inputErrSilent()
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table or json")
	cmd.Flags().BoolVar(&nativeStrings, "strings", false, "extract printable strings from native libraries")
	return cmd
}

// inspectTarget reads a target the way scan does: a source tree, an APK or an AAB.
func inspectTarget(ctx context.Context, path string, nativeStrings bool) (*analyzer.Facts, error) {
	return pipeline.Analyze(ctx, path, analyzer.Options{NativeStrings: nativeStrings})
}

// inputErrSilent exits with ExitInput after the per-file messages were printed.
func inputErrSilent() error { return silentExit(ExitInput) }

func table(w io.Writer, title string, header []string, rows [][]string) error {
	fmt.Fprintf(w, "%s\n", title)
	if len(rows) == 0 {
		_, err := fmt.Fprintln(w, "  (none)")
		return err
	}
	t := tablewriter.NewTable(w)
	t.Header(header)
	for _, r := range rows {
		safe := make([]string, len(r))
		for i, c := range r {
			safe[i] = termSafe(c)
		}
		if err := t.Append(safe); err != nil {
			return err
		}
	}
	return t.Render()
}

// termSafe keeps APK-derived text from driving the terminal: each cell is one
// line with control characters, bidi overrides and invalid UTF-8 escaped.
func termSafe(s string) string { return safetext.Line(s) }

func yesNo(b *bool) string {
	if b == nil {
		return "-"
	}
	return strconv.FormatBool(*b)
}

func printFacts(w io.Writer, f *analyzer.Facts) error {
	a := f.App
	app := [][]string{
		{"file", f.Source.Path},
		{"sha256", f.Source.SHA256},
		{"package", a.Package},
		{"version", a.VersionName + " (" + a.VersionCode + ")"},
		{"sdk min/target/compile", fmt.Sprintf("%d / %d / %d", a.MinSDK, a.TargetSDK, a.CompileSDK)},
		{"label", a.Label},
		{"label (zh)", a.LabelZH},
		{"application class", a.ApplicationClass},
		{"debuggable", yesNo(a.Debuggable)},
		{"allowBackup", yesNo(a.AllowBackup)},
		{"usesCleartextTraffic", yesNo(a.UsesCleartext)},
		{"networkSecurityConfig", a.NetworkSecConfig},
		{"resource strings", strconv.Itoa(f.Resources.StringCount)},
	}
	if err := table(w, "App", []string{"field", "value"}, app); err != nil {
		return err
	}
	var rows [][]string
	for _, p := range a.Permissions {
		max := ""
		if p.MaxSDK > 0 {
			max = strconv.Itoa(p.MaxSDK)
		}
		rows = append(rows, []string{p.Name, max})
	}
	if err := table(w, "\nPermissions", []string{"name", "max sdk"}, rows); err != nil {
		return err
	}
	rows = nil
	for _, c := range f.Components {
		exp := strconv.FormatBool(c.Exported)
		if c.Exported && !c.ExportedExplicit {
			exp += " (implied)"
		}
		rows = append(rows, []string{c.Type, c.Name, exp, c.Permission})
	}
	if err := table(w, "\nComponents", []string{"type", "name", "exported", "permission"}, rows); err != nil {
		return err
	}
	rows = nil
	for _, d := range f.Dex.Files {
		rows = append(rows, []string{d.Name, strconv.FormatInt(d.Size, 10), d.Version, strconv.Itoa(d.ClassCount),
			strconv.Itoa(d.MethodRefCount), d.Error})
	}
	for _, h := range f.Dex.Hidden {
		rows = append(rows, []string{h.Path, strconv.FormatInt(h.Size, 10), "hidden " + h.Kind, "", "", h.Reason})
	}
	if err := table(w, "\nDEX", []string{"file", "size", "version", "classes", "method refs", "note"}, rows); err != nil {
		return err
	}
	rows = nil
	for _, l := range f.NativeLibs {
		rows = append(rows, []string{l.ABI, l.Name, strconv.FormatInt(l.Size, 10), strconv.Itoa(len(l.Strings))})
	}
	if err := table(w, "\nNative libraries", []string{"abi", "name", "size", "strings"}, rows); err != nil {
		return err
	}
	rows = nil
	for _, as := range f.Assets {
		rows = append(rows, []string{as.Path, strconv.FormatInt(as.Size, 10), as.Type})
	}
	if err := table(w, "\nAssets", []string{"path", "size", "type"}, rows); err != nil {
		return err
	}
	rows = nil
	if s := f.Signing; s != nil {
		schemes := []string{}
		for _, x := range []struct {
			on   bool
			name string
		}{{s.V1, "v1"}, {s.V2, "v2"}, {s.V3, "v3"}} {
			if x.on {
				schemes = append(schemes, x.name)
			}
		}
		rows = append(rows, []string{"schemes", strings.Join(schemes, ", ")})
		for _, c := range s.Certificates {
			rows = append(rows, []string{"certificate", c.Subject}, []string{"", "sha256 " + c.SHA256},
				[]string{"", c.NotBefore + " .. " + c.NotAfter})
		}
	}
	if err := table(w, "\nSigning", []string{"field", "value"}, rows); err != nil {
		return err
	}
	rows = nil
	for _, d := range f.Diagnostics {
		msg := d.Message
		if d.Incomplete {
			msg = "(results incomplete) " + msg
		}
		rows = append(rows, []string{d.Path, msg})
	}
	return table(w, "\nDiagnostics", []string{"part", "problem"}, rows)
}
