//go:build !byzantine

package main

import "github.com/urfave/cli/v2"

// byzantineFlags: none in a production binary (see byzantine.go).
var byzantineFlags []cli.Flag
