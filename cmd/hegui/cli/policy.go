package cli

import (
	"errors"

	"github.com/spf13/cobra"
)

// TODO(issue): replaced by the owner of this command.
func newPolicyCmd() *cobra.Command {
	return &cobra.Command{
		Use:    "policy",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return withCode(ExitUsage, errors.New("policy: not built yet"))
		},
	}
}
