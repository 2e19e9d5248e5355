package main

import (
	"context"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/sovereign-gov/sovereign/publicdata"
)

// reconcileCommand compares the consortium's decisions with the public chain.
func reconcileCommand() *cli.Command {
	return &cli.Command{
		Name:  "reconcile",
		Usage: "list approved decisions not yet on the public chain, releases without an approved decision, and refused releases",
		Description: `Reads every Decision of the consortium's ReviewBoard, every Published of the
public DataRegistry and every ReleaseRefused of the ReleaseBridge (block range
by block range) and prints:
  missing     approved, neither published nor refused by the registry
  refused     approved, refused by the registry (with its reason)
  undecided   published without an approved decision
  differing   published with other values than its decision
then a summary line. Exit status 0 when nothing is missing, undecided or
differing (refused releases are reported, not failed): the line then ends in
"nothing missing"; 1 otherwise, and on any error.`,
		Flags: readerFlags,
		Action: func(c *cli.Context) error {
			if c.NArg() != 0 {
				return fmt.Errorf("reconcile takes no arguments, got %q", c.Args().Slice())
			}
			return withReader(c, func(ctx context.Context, s *readerSetup) error {
				rec, err := s.reader.Reconcile(ctx)
				if err != nil {
					return err
				}
				if c.Bool("json") {
					if err := printJSON(c.App.Writer, struct {
						*publicdata.Reconciliation
						OK      bool   `json:"ok"`
						Summary string `json:"summary"`
					}{rec, rec.OK(), rec.Summary()}); err != nil {
						return err
					}
				} else {
					w := c.App.Writer
					for _, d := range rec.Missing {
						fmt.Fprintf(w, "missing    %s dataset %s v%d: approved in consortium block %d, not on the public chain\n",
							d.RecordID.Hex(), publicdata.Short(d.DatasetID), d.Version, d.Block)
					}
					for _, f := range rec.Refused {
						retry := "final"
						if f.Refusal.Retryable {
							retry = "retryable"
						}
						fmt.Fprintf(w, "refused    %s dataset %s v%d: %s (%s), consortium block %d\n",
							f.Decision.RecordID.Hex(), publicdata.Short(f.Decision.DatasetID), f.Decision.Version, f.Refusal.Reason, retry, f.Refusal.ConsortiumBlock)
					}
					for _, v := range rec.Undecided {
						fmt.Fprintf(w, "undecided  %s dataset %s v%d: published in public block %d without an approved decision\n",
							v.RecordID.Hex(), publicdata.Short(v.DatasetID), v.Version, v.Block)
					}
					for _, m := range rec.Mismatched {
						fmt.Fprintf(w, "differing  %s dataset %s v%d: published %s differs from the decision's\n",
							m.Published.RecordID.Hex(), publicdata.Short(m.Published.DatasetID), m.Published.Version, m.Field)
					}
					fmt.Fprintln(w, "reconcile:", rec.Summary())
				}
				if !rec.OK() {
					return fmt.Errorf("not reconciled: %d missing, %d published without an approved decision, %d differing from their decision",
						len(rec.Missing), len(rec.Undecided), len(rec.Mismatched))
				}
				return nil
			})
		},
	}
}
