package main

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"
)

// checkRequiredFirst replaces urfave/cli's own check of required flags,
// which prints the command's whole help before the error, with one that
// prints only the error, naming every missing flag and where the help is.
// Each command's required flags are replaced by optional copies (the
// package-level flags several commands share stay untouched, so every app
// built gets the same checks) and checked in the command's Before.
func checkRequiredFirst(app *cli.App) {
	var walk func(cmds []*cli.Command, parent string)
	walk = func(cmds []*cli.Command, parent string) {
		for _, c := range cmds {
			path := strings.TrimSpace(parent + " " + c.Name)
			var names []string
			flags := make([]cli.Flag, len(c.Flags))
			for i, f := range c.Flags {
				flags[i] = f
				if rf, ok := f.(cli.RequiredFlag); ok && rf.IsRequired() {
					if opt := optionalCopy(f); opt != nil {
						names = append(names, f.Names()[0])
						flags[i] = opt
					}
				}
			}
			c.Flags = flags
			if len(names) > 0 {
				c.Before = requireBefore(names, path, c.Before)
			}
			walk(c.Subcommands, path)
		}
	}
	walk(app.Commands, app.Name)
}

// requireBefore checks names are set, then runs prev.
func requireBefore(names []string, path string, prev cli.BeforeFunc) cli.BeforeFunc {
	return func(c *cli.Context) error {
		var missing []string
		for _, n := range names {
			if !c.IsSet(n) {
				missing = append(missing, "--"+n)
			}
		}
		if len(missing) > 0 {
			return fmt.Errorf("missing %s (see '%s --help')", strings.Join(missing, ", "), path)
		}
		if prev != nil {
			return prev(c)
		}
		return nil
	}
}

// optionalCopy is a copy of a required flag of a type the commands use,
// not required and saying "(required)" in its usage; nil for other types
// (urfave/cli then checks them itself).
func optionalCopy(f cli.Flag) cli.Flag {
	const req = " (required)"
	switch f := f.(type) {
	case *cli.StringFlag:
		cp := *f
		cp.Required, cp.Usage = false, cp.Usage+req
		return &cp
	case *cli.StringSliceFlag:
		cp := *f
		cp.Required, cp.Usage = false, cp.Usage+req
		return &cp
	case *cli.Uint64Flag:
		cp := *f
		cp.Required, cp.Usage = false, cp.Usage+req
		return &cp
	case *cli.IntFlag:
		cp := *f
		cp.Required, cp.Usage = false, cp.Usage+req
		return &cp
	}
	return nil
}
