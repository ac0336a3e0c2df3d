// Package cli wires hegui's packages into cobra commands. Run is the whole program
// as a function, so tests drive it like a user would.
package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"
)

// Exit codes: stable, documented in README and `hegui --help`.
const (
	ExitOK       = 0 // nothing at or above --fail-on
	ExitFindings = 1 // findings at or above --fail-on
	ExitUsage    = 2 // usage or configuration error
	ExitInput    = 3 // an input could not be analysed, or only partly
)

// Version is set at build time with -ldflags "-X .../cli.Version=...".
var Version = "dev"

// exitError carries an exit code through cobra's error return.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func withCode(code int, err error) error { return &exitError{code: code, err: err} }

func usageErr(format string, a ...any) error {
	return withCode(ExitUsage, fmt.Errorf(format, a...))
}

func inputErr(err error) error { return withCode(ExitInput, err) }

// silentExit ends the program with a code and no further message (the command has
// already said what it had to).
func silentExit(code int) error { return &exitError{code: code, err: errSilent} }

var errSilent = errors.New("")

const rootLong = `hegui (合规) checks an Android app against China's personal-information rules
(MIIT 侵害用户权益 notices, CVERC privacy notices, the 2019 认定方法, PIPL, GB/T 35273/41391)
statically and offline, and ties every finding to the clause it breaks.

Exit codes:
  0  nothing at or above --fail-on
  1  findings at or above --fail-on
  2  usage or configuration error
  3  an input could not be analysed, or only partly (the report says incomplete)`

// Run executes hegui with args and returns the process exit code.
func Run(args []string, stdout, stderr io.Writer) int {
	root := &cobra.Command{
		Use:           "hegui",
		Short:         "Static checker for China personal-information compliance of Android apps",
		Long:          rootLong,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return withCode(ExitUsage, err)
	})
	root.AddCommand(commands()...)

	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != errSilent {
			fmt.Fprintf(stderr, "hegui: %v\n", ee.err)
		}
		return ee.code
	}
	// cobra's own errors: unknown command, bad arguments.
	fmt.Fprintf(stderr, "hegui: %v\n", err)
	return ExitUsage
}

// commands is the explicit list of subcommands, one file each.
func commands() []*cobra.Command {
	return []*cobra.Command{
		newVersionCmd(),
		newInspectCmd(),
		newScanCmd(),
		newPolicyCmd(),
		newSDKCmd(),
		newRulesCmd(),
		newDiffCmd(),
		newSchemaCmd(),
	}
}
