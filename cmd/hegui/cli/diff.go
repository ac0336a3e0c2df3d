package cli

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/hegui-dev/hegui/pipeline"
	"github.com/hegui-dev/hegui/report"
)

func newDiffCmd() *cobra.Command {
	var f scanFlags
	var format string
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Show SDKs, permissions, components and findings added or removed between two releases",
		Long: `Scan two releases of an app with the same settings and list what changed:
SDKs, permissions, manifest components, and findings (matched by fingerprint).

Exit codes: 0 no new finding at or above --fail-on, 1 new findings at or above it,
2 usage or configuration error, 3 an input could not be analysed.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "table" && format != "json" {
				return usageErr("--format %q: diff writes table or json", format)
			}
			f.jobs = 2
			s, err := f.resolve(cmd)
			if err != nil {
				return err
			}
			targets, _, _, err := expandTargets(args[:1])
			if err == nil {
				var t2 []string
				t2, _, _, err = expandTargets(args[1:])
				targets = append(targets, t2...)
			}
			if err != nil {
				return err
			}
			if len(targets) != 2 {
				return usageErr("diff compares two apps; a directory of APKs is not one")
			}
			sc, err := pipeline.NewScanner(s.opts.SDKDBFiles...)
			if err != nil {
				return usageErr("%v", err)
			}
			// runBatch would sort nothing here: targets keep OLD, NEW order.
			reps, errs := runBatch(contextOf(cmd), sc, targets, s.opts, 2, cmd.ErrOrStderr())
			for i, e := range errs {
				if e != nil {
					return inputErr(fmt.Errorf("%s: %s", targets[i], trimTarget(e, targets[i])))
				}
			}
			for _, r := range reps {
				applySuppressions(r, s.cfg, nowFunc())
			}
			d := report.Compare(reps[0], reps[1])
			out := cmd.OutOrStdout()
			if format == "json" {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				err = enc.Encode(d)
			} else {
				err = report.WriteDiffTable(out, d, s.lang)
			}
			if err != nil {
				return err
			}
			for _, r := range reps {
				if r.Summary.Incomplete {
					fmt.Fprintf(cmd.ErrOrStderr(), "hegui: %s was only partly analysed: the diff is incomplete\n", r.Target.Path)
					return silentExit(ExitInput)
				}
			}
			if !s.never && d.NewAtOrAbove(s.failOn) > 0 {
				return silentExit(ExitFindings)
			}
			return nil
		},
	}
	f.register(cmd, false)
	cmd.Flags().StringVarP(&format, "format", "f", "table", "table or json")
	return cmd
}
