// Command sovereign is the one binary of the Sovereign government data-opening
// system: it runs the public, consortium and private chains, and carries the
// tools of every user (departments, reviewers, security officers, supervisors
// and the public).
//
// This file only assembles the command tree; each command lives in its own
// file and wires packages, it holds no logic of its own.
package main

import (
	"fmt"
	"os"

	"github.com/urfave/cli/v2"
)

func main() {
	if err := newApp().Run(os.Args); err != nil {
		fmt.Fprintln(os.Stderr, "sovereign:", err)
		os.Exit(1)
	}
}

// newApp builds the command tree. Tests call it to run commands in process.
func newApp() *cli.App {
	app := &cli.App{
		Name:  "sovereign",
		Usage: "open government data on three Ethereum chains: public, consortium and private",
		Description: `Sovereign runs a public proof-of-authority chain anyone can read, a
consortium QBFT chain where departments review every record, and a private
chain that keeps sensitive data under keys held in Vault.

Start a local system with "sovereign devnet"; see "sovereign <command> --help"
for the flags of each command.`,
		Commands: []*cli.Command{
			accountCommand(),
			genesisCommand(),
			nodeCommand(),
			devnetCommand(),
			benchCommand(),
			keysCommand(),
			submitCommand(),
			reviewCommand(),
			validatorsCommand(),
			zkCommand(),
			deployCommand(),
			relayCommand(),
			dataCommand(),
			superviseCommand(),
			reconcileCommand(),
			statusCommand(),
			portalCommand(),
		},
		EnableBashCompletion: true,
	}
	checkRequiredFirst(app)
	return app
}
