package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
	"github.com/sovereign-gov/sovereign/sidechains/private/sensitive"
	"github.com/sovereign-gov/sovereign/sidechains/private/submission"
)

// submitCommand is a department's submission of a table to the private chain.
func submitCommand() *cli.Command {
	return &cli.Command{
		Name:  "submit",
		Usage: "departments: encrypt a table under the dataset's Vault key and store it on the private chain with its commitment",
		Flags: append(append([]cli.Flag{
			&cli.StringFlag{Name: "department", Usage: "your department (lower-case name)", Required: true},
			&cli.StringFlag{Name: "dataset", Usage: "dataset name (lower-case)", Required: true},
			&cli.StringFlag{Name: "version", Usage: "dataset version, e.g. 2026-11", Required: true},
			&cli.StringFlag{Name: "table", Usage: "the table: .csv (header row first) or .json", Required: true},
			&cli.StringFlag{Name: "columns", Usage: "column → category file (JSON)", Required: true},
			&cli.StringFlag{Name: "policy", Usage: "the published policy file (JSON)", Required: true},
			&cli.StringFlag{Name: "salt-file", Usage: "the record's salt file (keep it: it opens the commitment)", Required: true},
			&cli.BoolFlag{Name: "new-salt", Usage: "draw a fresh salt into --salt-file for a new record (the file must not exist)"},
		}, vaultFlags...), chainFlags...),
		Action: func(c *cli.Context) error {
			req := submission.Request{
				Department: c.String("department"), Dataset: c.String("dataset"), Version: c.String("version"),
				Table: c.String("table"), Columns: c.String("columns"), Policy: c.String("policy"), SaltFile: c.String("salt-file"),
				NewSalt: c.Bool("new-salt"), Progress: bytesProgress(),
			}
			if _, err := naming.TransitKey(req.Department, req.Dataset); err != nil {
				return err
			}
			ctx, cancel := signalContext()
			defer cancel()
			log := cmdLogger()
			v, err := vaultLogin(ctx, c, log)
			if err != nil {
				return err
			}
			defer v.Close()
			store, err := chainStore(ctx, c, v, naming.WriterKey(naming.DepartmentRole(req.Department)))
			if err != nil {
				return err
			}
			res, err := submission.Submit(ctx, sensitive.New(v, store, sensitive.WithLogger(log)), req)
			if err != nil {
				return err
			}
			fmt.Printf("record 0x%x stored: %d columns, %d rows, level %d, key %s v%d\n",
				res.Record.ID, res.Columns, res.Rows, res.Level, res.Record.TransitKey, res.Record.KeyVersion)
			fmt.Printf("commitment 0x%x\n", res.Commitment)
			return nil
		},
	}
}

// bytesProgress draws "phase [#####.....] 42% of 100.0 MB" on stderr, once
// per percent.
func bytesProgress() func(phase string, done, total int64) {
	lastPhase, lastPct := "", -1
	return func(phase string, done, total int64) {
		pct := 100
		if total > 0 {
			pct = int(100 * done / total)
		}
		if phase == lastPhase && pct == lastPct {
			return
		}
		lastPhase, lastPct = phase, pct
		const width = 30
		n := width * pct / 100
		fmt.Fprintf(os.Stderr, "\r%-16s [%s%s] %3d%% of %.1f MB", phase, strings.Repeat("#", n), strings.Repeat(".", width-n), pct, float64(total)/1e6)
		if done >= total {
			fmt.Fprintln(os.Stderr)
		}
	}
}
