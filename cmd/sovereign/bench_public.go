package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/sovereign-gov/sovereign/internal/bench"
	"github.com/sovereign-gov/sovereign/node"
)

func benchPublicCommand() *cli.Command {
	return &cli.Command{
		Name:  "public",
		Usage: "transfer load and follower catch-up on the public chain, against geth --dev in the same run",
		Description: `Runs a signer process (period 0: seals whenever transactions wait) and
sends it signed ETH transfers from several senders over HTTP JSON-RPC;
then the same load against "geth --dev" built from the same go-ethereum
version (make bench builds it into build/bin/geth). Reports accepted and
sealed transfers per second, inclusion latency p50/p99 and the ratios.
Then seals an empty chain and measures a follower catching up with it over
the sov protocol, against a direct InsertChain of the same blocks.`,
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "txs", Usage: "number of transfers", Value: 20000},
			&cli.IntFlag{Name: "senders", Usage: "number of sending accounts", Value: 16},
			&cli.DurationFlag{Name: "timeout", Usage: "bound on each load run", Value: 3 * time.Minute},
			&cli.Uint64Flag{Name: "gaslimit", Usage: "block gas limit of both chains", Value: node.DefaultGasLimit},
			&cli.IntFlag{Name: "blocks", Usage: "length of the chain the follower catches up with", Value: 10000},
			&cli.StringFlag{Name: "geth", Usage: "reference geth binary (default: build/bin/geth, then geth on PATH)"},
			&cli.IntFlag{Name: verbosityFlag.Name, Usage: verbosityFlag.Usage, Value: 2},
		},
		Action: func(c *cli.Context) error {
			setupLogging(c)
			self, err := os.Executable()
			if err != nil {
				return fmt.Errorf("locating the sovereign binary: %w", err)
			}
			geth, err := findGeth(c.String("geth"))
			if err != nil {
				return err
			}
			if c.Int("txs") <= 0 || c.Int("senders") <= 0 || c.Int("blocks") <= 0 {
				return errors.New("--txs, --senders and --blocks must be positive")
			}
			_, err = bench.Public(c.Context, bench.PublicOptions{
				Sovereign: self, Geth: geth, Txs: c.Int("txs"), Senders: c.Int("senders"),
				Timeout: c.Duration("timeout"), GasLimit: c.Uint64("gaslimit"), Blocks: c.Int("blocks"), Out: c.App.Writer,
			})
			return err
		},
	}
}

func findGeth(flag string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	if p, err := filepath.Abs(filepath.Join("build", "bin", "geth")); err == nil {
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	if p, err := exec.LookPath("geth"); err == nil {
		return p, nil
	}
	return "", errors.New("no reference geth binary: run `make geth` (builds go-ethereum's cmd/geth at the version in go.mod) or pass --geth")
}
