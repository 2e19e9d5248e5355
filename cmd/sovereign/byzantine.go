//go:build byzantine

package main

import "github.com/urfave/cli/v2"

// byzantineFlags exist only in test binaries (byzantine build tag).
var byzantineFlags = []cli.Flag{
	&cli.BoolFlag{Name: "byzantine.equivocate", Usage: "TEST HARNESS ONLY: propose two blocks and double-sign", Hidden: true},
}
