package main

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/urfave/cli/v2"

	"github.com/sovereign-gov/sovereign/bridge"
	"github.com/sovereign-gov/sovereign/node"
)

// relayCommand runs the bridge relayer: anyone may run it, as many as they
// like; it keeps no state of its own.
func relayCommand() *cli.Command {
	return &cli.Command{
		Name:  "relay",
		Usage: "relay certified consortium decisions, shred receipts, verifier adoptions and validator-set changes to the public ReleaseBridge",
		Description: `Follows the consortium's ReviewBoard Decision and AccessDecision logs and
ValidatorSet changes, builds the commit certificate, header and receipt proofs
of their blocks, checks them locally against the bridge's validator set, and
relays what the bridge has not seen (set changes before any later block),
simulating each batch first. What is missing is read from the public chain
on every pass, so it can be stopped, restarted or run by several people at
once. --once relays what is missing, prints a summary and exits.`,
		Flags: []cli.Flag{
			manifestFlag,
			&cli.StringFlag{Name: "consortium.rpc", Usage: "JSON-RPC URL of a consortium node (eth_*, qbft_getCertificate; default: the manifest's)"},
			&cli.StringFlag{Name: "public.rpc", Usage: "JSON-RPC URL of a public chain node (default: the manifest's)"},
			&cli.Uint64Flag{Name: "public.chainid", Usage: "chain id the key signs for; the public RPC must serve it (0: take the RPC's)"},
			&cli.StringFlag{Name: "bridge", Usage: "ReleaseBridge address on the public chain (default: the manifest's)"},
			&cli.StringFlag{Name: "keystore", Usage: "keystore file of the relaying key (pays the gas)", Required: true},
			&cli.StringFlag{Name: "password", Usage: "file holding the keystore password", Required: true},
			&cli.IntFlag{Name: "batch", Usage: "logs per relay transaction", Value: 32},
			&cli.DurationFlag{Name: "interval", Usage: "time between passes while following", Value: 5 * time.Second},
			&cli.BoolFlag{Name: "once", Usage: "relay what is missing, print a summary and exit"},
			&cli.BoolFlag{Name: "json", Usage: "with --once: print the summary as JSON"},
			&cli.Uint64Flag{Name: "checkpoint.blocks", Usage: "anchor the consortium head as a checkpoint once it is this many blocks past the latest (0: off)"},
			&cli.DurationFlag{Name: "checkpoint.every", Usage: "anchor the consortium head once its time is this far past the latest checkpoint's (0: off)"},
			&cli.DurationFlag{Name: "backoff.max", Usage: "longest wait while a chain is down", Value: time.Minute},
			&cli.StringFlag{Name: "metrics.addr", Usage: "serve Prometheus metrics (lag, pending decisions, gas per record, and geth's process metrics) at /metrics on this address, e.g. 127.0.0.1:6065 (\"\" disables)"},
			verbosityFlag,
		},
		Action: runRelay,
	}
}

func runRelay(c *cli.Context) error {
	setupLogging(c)
	ctx, cancel := signalContext()
	defer cancel()
	m, err := loadManifest(c)
	if err != nil {
		return err
	}
	consURL, pubURL, bridgeAddr := c.String("consortium.rpc"), c.String("public.rpc"), c.String("bridge")
	if m != nil {
		consURL = flagOr(c, "consortium.rpc", first(m.Consortium.RPC))
		pubURL = flagOr(c, "public.rpc", first(m.Public.RPC))
		bridgeAddr = flagOr(c, "bridge", m.Public.Bridge.Hex())
	}
	for flag, v := range map[string]string{"consortium.rpc": consURL, "public.rpc": pubURL, "bridge": bridgeAddr} {
		if v == "" {
			return fmt.Errorf("--%s is required (no manifest found)", flag)
		}
	}
	addr, err := parseAddress(bridgeAddr)
	if err != nil {
		return fmt.Errorf("--bridge: %w", err)
	}
	if c.Bool("json") && !c.Bool("once") {
		return errors.New("--json: only with --once (a following relayer logs its progress)")
	}
	if c.Int("batch") < 1 {
		return fmt.Errorf("--batch %d: at least 1", c.Int("batch"))
	}
	key, err := node.LoadKey(c.String("keystore"), c.String("password"))
	if err != nil {
		return err
	}
	cons, err := rpc.DialContext(ctx, consURL)
	if err != nil {
		return fmt.Errorf("--consortium.rpc %s: %w", consURL, err)
	}
	defer cons.Close()
	pub, err := rpc.DialContext(ctx, pubURL)
	if err != nil {
		return fmt.Errorf("--public.rpc %s: %w", pubURL, err)
	}
	defer pub.Close()
	cfg := bridge.Config{
		Consortium: cons, Public: pub, Bridge: addr, Key: key,
		Batch: c.Int("batch"), Interval: c.Duration("interval"),
		CheckpointEvery: c.Uint64("checkpoint.blocks"), CheckpointPeriod: c.Duration("checkpoint.every"),
		BackoffMax: c.Duration("backoff.max"),
	}
	if addr := c.String("metrics.addr"); addr != "" {
		m := node.NewMetrics()
		served, stop, err := serveMetricsFlag("metrics.addr", addr, m)
		if err != nil {
			return err
		}
		defer stop()
		log.Info("Serving metrics", "url", "http://"+served+node.MetricsPath)
		cfg.Metrics = bridge.NewMetrics(m.Registry)
	}
	if id := c.Uint64("public.chainid"); id != 0 {
		cfg.PublicChainID = new(big.Int).SetUint64(id)
	}
	r, err := newRelayer(ctx, c, cfg, map[string]string{"consortium": consURL, "public": pubURL})
	if err != nil {
		return err
	}
	if c.Bool("once") {
		s, err := r.Once(ctx)
		if c.Bool("json") {
			if perr := printJSON(c.App.Writer, newRelayJSON(s, err)); perr != nil {
				return perr
			}
		} else {
			fmt.Fprintln(c.App.Writer, s.String())
		}
		return err
	}
	return r.Run(ctx)
}

// relayJSON is the summary of `relay --once --json`.
type relayJSON struct {
	Summary       string `json:"summary"` // the line printed without --json
	Records       int    `json:"records"` // logs relayed: approved + rejected + access + setChanges + shreds + verifiers
	Approved      int    `json:"approved"`
	Rejected      int    `json:"rejected"`
	Access        int    `json:"access"`
	SetChanges    int    `json:"setChanges"`
	Shreds        int    `json:"shreds"`
	Verifiers     int    `json:"verifiers"`
	Refused       int    `json:"refused"`
	Skipped       int    `json:"skipped"`
	InFlight      int    `json:"inFlight"`
	Parked        int    `json:"parked"`
	Unrelayable   int    `json:"unrelayable"`
	FromBlock     uint64 `json:"fromBlock"`
	ToBlock       uint64 `json:"toBlock"`
	Txs           int    `json:"txs"`
	Reverted      int    `json:"reverted"`
	GasUsed       uint64 `json:"gasUsed"`
	GasPerRecord  uint64 `json:"gasPerRecord"`
	Checkpoint    uint64 `json:"checkpoint"`
	CheckpointGas uint64 `json:"checkpointGas"`
	Error         string `json:"error,omitempty"`
}

func newRelayJSON(s bridge.Summary, err error) relayJSON {
	out := relayJSON{Summary: s.String(), Records: s.Records(), Approved: s.Approved, Rejected: s.Rejected, Access: s.Access,
		SetChanges: s.SetChanges, Shreds: s.Shreds, Verifiers: s.Verifiers, Refused: s.Refused, Skipped: s.Skipped, InFlight: s.InFlight, Parked: s.Parked,
		Unrelayable: s.Unrelayable, FromBlock: s.FromBlock, ToBlock: s.ToBlock, Txs: s.Txs, Reverted: s.Reverted,
		GasUsed: s.GasUsed, Checkpoint: s.Checkpoint, CheckpointGas: s.CheckpointGas}
	if s.Records() > 0 {
		out.GasPerRecord = s.GasUsed / uint64(s.Records())
	}
	if err != nil {
		out.Error = err.Error()
	}
	return out
}

// newRelayer connects, naming the flag whose endpoint is wrong; while an
// endpoint is down at start it retries until ctx ends (not with --once).
func newRelayer(ctx context.Context, c *cli.Context, cfg bridge.Config, urls map[string]string) (*bridge.Relayer, error) {
	wait := time.Second
	for {
		r, err := bridge.New(ctx, cfg)
		if err == nil {
			return r, nil
		}
		var ce *bridge.ChainError
		var wc *bridge.WrongChainError
		switch {
		case errors.As(err, &wc):
			return nil, fmt.Errorf("--%s.rpc %s %w", wc.Chain, urls[wc.Chain], err)
		case errors.As(err, &ce) && ce.Chain == "consortium":
			err = fmt.Errorf("--consortium.rpc %s: %w", urls["consortium"], err)
		case errors.As(err, &ce) && ce.Chain == "public":
			err = fmt.Errorf("--public.rpc %s: %w", urls["public"], err)
		default:
			return nil, err
		}
		if c.Bool("once") || ctx.Err() != nil {
			return nil, err
		}
		fmt.Fprintf(c.App.ErrWriter, "%v; retrying in %s\n", err, wait)
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(wait):
		}
		wait = min(2*wait, cfg.BackoffMax)
	}
}
