package main

import "github.com/urfave/cli/v2"

// The command groups below gather one subcommand per chain or per component;
// each subcommand is defined in the file of the package it wires.

func genesisCommand() *cli.Command {
	return &cli.Command{
		Name:  "genesis",
		Usage: "write the genesis file of a chain",
		Subcommands: []*cli.Command{
			genesisPublicCommand(),
			genesisConsortiumCommand(),
			genesisPrivateCommand(),
		},
	}
}

func nodeCommand() *cli.Command {
	return &cli.Command{
		Name:  "node",
		Usage: "run a node of one of the chains",
		Subcommands: []*cli.Command{
			nodePublicCommand(),
			nodeConsortiumCommand(),
			nodePrivateCommand(),
		},
	}
}

func benchCommand() *cli.Command {
	return &cli.Command{
		Name:  "bench",
		Usage: "run a benchmark and print its figures next to a reference measured in the same run",
		Subcommands: []*cli.Command{
			benchPublicCommand(),
			benchQBFTCommand(),
			benchVaultCommand(),
			benchZKCommand(),
			benchPipelineCommand(),
		},
	}
}
