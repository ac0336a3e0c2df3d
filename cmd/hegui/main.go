// Command hegui checks Android apps against China's personal-information rules.
package main

import (
	"os"

	"github.com/hegui-dev/hegui/cmd/hegui/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}
