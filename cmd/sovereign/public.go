package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

// Placeholders replaced in the next commits by the public chain wiring.
var errNotYet = errors.New("not built yet")

func genesisPublicCommand() *cli.Command {
	return &cli.Command{Name: "public", Action: func(*cli.Context) error { return errNotYet }}
}
func nodePublicCommand() *cli.Command {
	return &cli.Command{Name: "public", Action: func(*cli.Context) error { return errNotYet }}
}
func benchPublicCommand() *cli.Command {
	return &cli.Command{Name: "public", Action: func(*cli.Context) error { return errNotYet }}
}
func devnetCommand() *cli.Command {
	return &cli.Command{Name: "devnet", Action: func(*cli.Context) error { return errNotYet }}
}
