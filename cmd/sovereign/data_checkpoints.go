package main

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/sovereign-gov/sovereign/publicdata"
)

func dataCheckpointsCommand() *cli.Command {
	return &cli.Command{
		Name:  "checkpoints",
		Usage: "consortium blocks the bridge anchored on the public chain, each checked against the consortium",
		Description: `Lists every consortium block whose certificate ReleaseBridge checked and
recorded (the relayer anchors one every --checkpoint.blocks blocks or
--checkpoint.every), oldest first: so the public chain carries the
consortium's history even when nothing is released. Each is checked
against the bridge's state and, when a consortium node is known, against
that node's block at the same height. Exit status 1 if any differs.`,
		Flags: readerFlags,
		Action: func(c *cli.Context) error {
			return withReader(c, func(ctx context.Context, s *readerSetup) error {
				cps, err := s.reader.Checkpoints(ctx)
				if err != nil {
					return err
				}
				if c.Bool("json") {
					if err := printJSON(c.App.Writer, cps); err != nil {
						return err
					}
				} else {
					printCheckpoints(c, cps)
				}
				for _, cp := range cps {
					if cp.OnConsortium != nil && !*cp.OnConsortium {
						return fmt.Errorf("checkpoint %d: %w", cp.Number, publicdata.ErrCheckpointMismatch)
					}
				}
				return nil
			})
		},
	}
}

func printCheckpoints(c *cli.Context, cps []*publicdata.Checkpoint) {
	if len(cps) == 0 {
		fmt.Fprintln(c.App.Writer, "no checkpoints yet (the relayer anchors them with --checkpoint.blocks or --checkpoint.every)")
		return
	}
	w := tabwriter.NewWriter(c.App.Writer, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "CONSORTIUM BLOCK\tHASH\tTIME\tPUBLIC BLOCK\tON THE CONSORTIUM")
	for _, cp := range cps {
		when, on := "-", "not asked"
		if !cp.Time.IsZero() {
			when = cp.Time.Format("2006-01-02 15:04:05Z")
		}
		if cp.OnConsortium != nil {
			on = "yes"
			if !*cp.OnConsortium {
				on = "NO: the consortium has another block"
			}
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%d\t%s\n", cp.Number, cp.Hash.Hex(), when, cp.PublicBlock, on)
	}
	w.Flush()
}
