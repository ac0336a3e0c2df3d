package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/spf13/cobra"

	"github.com/hegui-dev/hegui/sdkdb"
)

func newSDKCmd() *cobra.Command {
	var files []string
	cmd := &cobra.Command{
		Use:   "sdk",
		Short: "List and show the third-party SDKs hegui knows",
		Long: `The SDK knowledge base: what each SDK is, who runs it, whether personal data
leaves mainland China, and the signals that reveal it in an APK or source tree.
--sdkdb FILE adds entries (or overrides entries with the same id) from a YAML file
in the schema of docs/sdkdb.md.`,
		Args: cobra.NoArgs,
	}
	cmd.PersistentFlags().StringArrayVar(&files, "sdkdb", nil, "extra SDK database `FILE` (YAML; repeatable)")
	load := func() (*sdkdb.DB, error) {
		db, err := sdkdb.Load(files...)
		if err != nil {
			return nil, withCode(ExitUsage, err)
		}
		return db, nil
	}
	cmd.AddCommand(newSDKListCmd(load), newSDKShowCmd(load))
	return cmd
}

func newSDKListCmd(load func() (*sdkdb.DB, error)) *cobra.Command {
	var category, format string
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List known SDKs (id, name, 中文名, vendor, category, overseas)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if category != "" && !slices.Contains(sdkdb.Categories(), category) {
				return usageErr("unknown --category %q (one of %s)", category, strings.Join(sdkdb.Categories(), ", "))
			}
			if format != "table" && format != "json" {
				return usageErr("unknown --format %q (table or json)", format)
			}
			db, err := load()
			if err != nil {
				return err
			}
			entries := []sdkdb.Entry{}
			for _, e := range db.Entries {
				if category == "" || e.Category == category {
					entries = append(entries, e)
				}
			}
			out := cmd.OutOrStdout()
			if format == "json" {
				return writeSDKJSON(out, entries)
			}
			return sdkTable(out, entries)
		},
	}
	cmd.Flags().StringVar(&category, "category", "", "only this category ("+strings.Join(sdkdb.Categories(), ", ")+")")
	cmd.Flags().StringVar(&format, "format", "table", "output format: table or json")
	return cmd
}

func sdkTable(w io.Writer, entries []sdkdb.Entry) error {
	t := tablewriter.NewTable(w, tablewriter.WithHeaderAutoFormat(tw.Off))
	t.Header("ID", "Name", "中文名", "Vendor", "Category", "Overseas")
	for _, e := range entries {
		overseas := "no"
		if e.Overseas {
			overseas = "yes"
		}
		if err := t.Append(e.ID, e.Name, e.NameZH, e.Vendor, e.Category, overseas); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%d SDKs\n", len(entries))
	return err
}

func newSDKShowCmd(load func() (*sdkdb.DB, error)) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Show every field of one SDK entry",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return usageErr("unknown --format %q (text or json)", format)
			}
			db, err := load()
			if err != nil {
				return err
			}
			e := db.Get(args[0])
			if e == nil {
				return usageErr("unknown SDK id %q (see `hegui sdk list`)", args[0])
			}
			if format == "json" {
				return writeSDKJSON(cmd.OutOrStdout(), e)
			}
			return showEntry(cmd.OutOrStdout(), e, db.Source(e.ID))
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	return cmd
}

func showEntry(w io.Writer, e *sdkdb.Entry, source string) error {
	var b strings.Builder
	line := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, "%-12s %s\n", k+":", v)
		}
	}
	list := func(k string, v []string) { line(k, strings.Join(v, ", ")) }
	line("id", e.ID)
	line("name", e.Name)
	line("name_zh", e.NameZH)
	list("aliases", e.Aliases)
	line("vendor", e.Vendor)
	line("vendor_en", e.VendorEN)
	line("category", e.Category)
	line("country", e.Country)
	line("overseas", fmt.Sprint(e.Overseas))
	list("purposes", e.Purposes)
	list("pi", e.PI)
	line("policy_url", e.PolicyURL)
	line("website", e.Website)
	b.WriteString("signals:\n")
	s := e.Signals
	for _, kv := range []struct {
		k string
		v []string
	}{
		{"packages", s.Packages}, {"classes", s.Classes}, {"native_libs", s.NativeLibs},
		{"components", s.Components}, {"meta_data", s.MetaData}, {"assets", s.Assets},
		{"permissions", s.Permissions}, {"maven", s.Maven},
	} {
		if len(kv.v) > 0 {
			fmt.Fprintf(&b, "  %-12s %s\n", kv.k+":", strings.Join(kv.v, ", "))
		}
	}
	list("overlaps", e.Overlaps)
	line("verified", e.Verified)
	line("notes", e.Notes)
	line("source", source)
	_, err := io.WriteString(w, b.String())
	return err
}

func writeSDKJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
