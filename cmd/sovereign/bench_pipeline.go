package main

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/sovereign-gov/sovereign/internal/bench"
)

func benchPipelineCommand() *cli.Command {
	return &cli.Command{
		Name:  "pipeline",
		Usage: "records through the whole devnet (submit → prove → review → relay → publish), next to the prover alone",
		Description: `Starts a devnet in a temporary folder (4 consortium validators, its relayer),
has --departments departments submit --records records of 16 columns × --rows
rows at once while three validators approve them as they arrive, and times
each record from the start of its submission to its Published log on the
public chain. Reference, same run: the prover alone on the same records as
` + "`zk prove`" + ` runs it from a table (hash every cell, build the statement,
prove; hashing on every core while proving), with the proofs alone beside
it. Prints records/s end to end and once the pipeline is full, both as
ratios to the reference, latency p50/p99 and the bridge's gas per
published record.`,
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "records", Usage: "records in all", Value: 40},
			&cli.IntFlag{Name: "departments", Usage: "departments submitting at once (1–4)", Value: 4},
			&cli.IntFlag{Name: "rows", Usage: "rows per record", Value: 1000},
			&cli.IntFlag{Name: "http.port", Usage: "the devnet's first JSON-RPC port", Value: 28545},
			&cli.IntFlag{Name: "p2p.port", Usage: "the devnet's first devp2p port", Value: 28303},
			&cli.IntFlag{Name: "vault.port", Usage: "the devnet's Vault port", Value: 28200},
			&cli.DurationFlag{Name: "timeout", Usage: "give up after this long", Value: 15 * time.Minute},
			&cli.BoolFlag{Name: "keep", Usage: "keep the work folder (devnet data and logs)"},
			&cli.StringFlag{Name: "profile", Usage: "write CPU profiles of the end-to-end phase to this folder (this process and the devnet's; read them with `go tool pprof`)"},
			&cli.IntFlag{Name: "pprof.port", Usage: "the devnet's loopback pprof port, with --profile", Value: 28060},
		},
		Action: func(c *cli.Context) error {
			if c.Int("records") < 1 || c.Int("departments") < 1 || c.Int("departments") > 4 || c.Int("rows") < 1 {
				return errors.New("--records and --rows must be positive, --departments 1 to 4")
			}
			self, err := os.Executable()
			if err != nil {
				return fmt.Errorf("locating the sovereign binary: %w", err)
			}
			dir, err := os.MkdirTemp("", "sovereign-bench-pipeline-")
			if err != nil {
				return err
			}
			if c.Bool("keep") {
				fmt.Fprintf(c.App.ErrWriter, "work folder %s (kept)\n", dir)
			} else {
				defer os.RemoveAll(dir)
			}
			res, err := bench.Pipeline(c.Context, bench.PipelineConfig{
				Bin: self, Dir: dir, Records: c.Int("records"), Departments: c.Int("departments"), Columns: 16, Rows: c.Int("rows"),
				HTTPPort: c.Int("http.port"), P2PPort: c.Int("p2p.port"), VaultPort: c.Int("vault.port"),
				Timeout: c.Duration("timeout"), Log: c.App.ErrWriter,
				ProfileDir: c.String("profile"), PprofPort: c.Int("pprof.port"),
			})
			if err != nil {
				return err
			}
			fmt.Fprintln(c.App.Writer, res)
			return nil
		},
	}
}
