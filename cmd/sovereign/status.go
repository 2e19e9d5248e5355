package main

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/urfave/cli/v2"

	"github.com/sovereign-gov/sovereign/contracts/deploy"
	"github.com/sovereign-gov/sovereign/internal/status"
	"github.com/sovereign-gov/sovereign/publicdata"
)

// statusReport is what `sovereign status --json` prints.
type statusReport struct {
	Nodes   []status.Node `json:"nodes"`
	Vault   *status.Vault `json:"vault,omitempty"`
	Content *struct {
		URL string `json:"url"`
		Err string `json:"error,omitempty"`
	} `json:"content,omitempty"`
	Bridge *bridgeStatus `json:"bridge,omitempty"`
}

// bridgeStatus is how far the public chain is behind the consortium.
type bridgeStatus struct {
	ConsortiumHead uint64 `json:"consortiumHead"`
	LastRelayed    uint64 `json:"lastRelayedBlock"` // the latest consortium block relayed
	Approved       int    `json:"approved"`
	Published      int    `json:"published"`
	Missing        int    `json:"missing"` // approved decisions not yet on the public chain
	// Checkpoint is the newest consortium block anchored on the public
	// chain (nil: none yet), checked against the consortium's own block.
	Checkpoint    *publicdata.Checkpoint `json:"checkpoint,omitempty"`
	CheckpointErr string                 `json:"checkpointError,omitempty"`
	Err           string                 `json:"error,omitempty"`
}

func statusCommand() *cli.Command {
	return &cli.Command{
		Name:  "status",
		Usage: "heads, peers and staleness of every node, Vault sealed or not, the content store, and the bridge's lag",
		Description: `With a manifest (--manifest, the devnet's by default) it asks every node the
manifest names, Vault's seal status, the content store, and compares the
consortium's approved decisions with the public registry (decisions not yet
published, the latest consortium block relayed). With --rpc it asks only the
nodes given. Exit status 1 when a node does not answer, Vault is sealed or
the content store is down; 0 otherwise (a bridge behind is reported, not
failed: the relayer catches up).`,
		Flags: []cli.Flag{
			manifestFlag,
			&cli.StringSliceFlag{Name: "rpc", Usage: "JSON-RPC URLs to ask instead of the manifest's (repeatable or comma-separated)"},
			&cli.DurationFlag{Name: "timeout", Usage: "how long each node may take to answer", Value: 5 * time.Second},
			&cli.BoolFlag{Name: "json", Usage: "print JSON"},
		},
		Action: func(c *cli.Context) error {
			ctx, cancel := signalContext()
			defer cancel()
			rep, err := collectStatus(ctx, c)
			if err != nil {
				return err
			}
			if c.Bool("json") {
				if err := printJSON(c.App.Writer, rep); err != nil {
					return err
				}
			} else {
				printStatus(c, rep)
			}
			return rep.problem()
		},
	}
}

func collectStatus(ctx context.Context, c *cli.Context) (*statusReport, error) {
	timeout := c.Duration("timeout")
	if urls := splitList(c.StringSlice("rpc")); len(urls) > 0 {
		var targets []status.Target
		for _, u := range urls {
			targets = append(targets, status.Target{Chain: u, URL: u})
		}
		return &statusReport{Nodes: status.Nodes(ctx, targets, timeout)}, nil
	}
	m, err := loadManifest(c)
	if err != nil {
		return nil, err
	}
	if m == nil {
		return nil, errors.New("no manifest found (.devnet/" + deploy.ManifestFile + "): give --manifest or --rpc")
	}
	var targets []status.Target
	for _, site := range []struct {
		name string
		urls []string
	}{{"public", m.Public.RPC}, {"consortium", m.Consortium.RPC}, {"private", m.Private.RPC}} {
		for _, u := range site.urls {
			targets = append(targets, status.Target{Chain: site.name, URL: u})
		}
	}
	rep := &statusReport{Nodes: status.Nodes(ctx, targets, timeout)}
	hc := &http.Client{Timeout: timeout}
	vctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	v := status.VaultState(vctx, hc, m.Vault)
	rep.Vault = &v
	rep.Content = &struct {
		URL string `json:"url"`
		Err string `json:"error,omitempty"`
	}{URL: m.Content, Err: status.Reachable(vctx, hc, strings.TrimSuffix(m.Content, "/")+"/")}
	rep.Bridge = bridgeLag(ctx, m)
	return rep, nil
}

// bridgeLag compares the consortium's approved decisions with the registry.
func bridgeLag(ctx context.Context, m *deploy.Manifest) *bridgeStatus {
	b := &bridgeStatus{}
	fail := func(err error) *bridgeStatus { b.Err = err.Error(); return b }
	pub, err := ethclient.DialContext(ctx, first(m.Public.RPC))
	if err != nil {
		return fail(err)
	}
	defer pub.Close()
	cons, err := ethclient.DialContext(ctx, first(m.Consortium.RPC))
	if err != nil {
		return fail(err)
	}
	defer cons.Close()
	if b.ConsortiumHead, err = cons.BlockNumber(ctx); err != nil {
		return fail(err)
	}
	r := &publicdata.Reader{Public: pub, Registry: m.Public.Registry, Bridge: m.Public.Bridge, Verifier: m.Public.Verifier,
		Consortium: cons, ReviewBoard: m.Consortium.ReviewBoard, Content: m.Content, LogRange: 5000}
	rec, err := r.Reconcile(ctx)
	if err != nil {
		return fail(err)
	}
	b.Approved, b.Published, b.Missing = rec.Approved, rec.Published, len(rec.Missing)
	if b.Checkpoint, err = r.LatestCheckpoint(ctx); err != nil {
		b.CheckpointErr = err.Error()
	}
	logs, err := pub.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: new(big.Int), Addresses: []common.Address{m.Public.Bridge},
		Topics: [][]common.Hash{{publicdata.RelayedTopic}}})
	if err != nil {
		return fail(err)
	}
	for _, l := range logs {
		if n := new(big.Int).SetBytes(l.Topics[1][:]).Uint64(); n > b.LastRelayed {
			b.LastRelayed = n
		}
	}
	return b
}

func printStatus(c *cli.Context, rep *statusReport) {
	w := tabwriter.NewWriter(c.App.Writer, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "CHAIN\tURL\tCHAIN ID\tHEAD\tHEAD AGE\tPEERS\tSTATE")
	for _, n := range rep.Nodes {
		state := "ok"
		switch {
		case n.Err != "":
			state = "DOWN: " + n.Err
		case n.Syncing:
			state = "syncing"
		}
		fmt.Fprintf(w, "%s\t%s\t%d\t%d\t%s\t%d\t%s\n", n.Chain, n.URL, n.ChainID, n.Head, n.HeadAge, n.Peers, state)
	}
	w.Flush()
	if v := rep.Vault; v != nil {
		state := "unsealed"
		switch {
		case v.Err != "":
			state = "DOWN: " + v.Err
		case !v.Initialized:
			state = "NOT INITIALISED"
		case v.Sealed:
			state = "SEALED"
		}
		fmt.Fprintf(c.App.Writer, "\nvault          %s  %s\n", v.URL, state)
	}
	if s := rep.Content; s != nil {
		state := "ok"
		if s.Err != "" {
			state = "DOWN: " + s.Err
		}
		fmt.Fprintf(c.App.Writer, "content store  %s  %s\n", s.URL, state)
	}
	if b := rep.Bridge; b != nil {
		if b.Err != "" {
			fmt.Fprintf(c.App.Writer, "bridge         unknown: %s\n", b.Err)
			return
		}
		fmt.Fprintf(c.App.Writer, "bridge         %d approved decisions, %d published, %d not yet on the public chain; last relayed consortium block %d of %d\n",
			b.Approved, b.Published, b.Missing, b.LastRelayed, b.ConsortiumHead)
		switch cp := b.Checkpoint; {
		case b.CheckpointErr != "":
			fmt.Fprintf(c.App.Writer, "checkpoint     %s\n", b.CheckpointErr)
		case cp == nil:
			fmt.Fprintln(c.App.Writer, "checkpoint     none yet (the relayer anchors them with --checkpoint.blocks or --checkpoint.every)")
		default:
			fmt.Fprintf(c.App.Writer, "checkpoint     consortium block %d (%s) anchored on the public chain, %s old, the consortium has the same block\n",
				cp.Number, publicdata.Short(cp.Hash), time.Since(cp.Time).Round(time.Second))
		}
	}
}

// problem is the first component that is down, as an error.
func (rep *statusReport) problem() error {
	for _, n := range rep.Nodes {
		if n.Err != "" {
			return fmt.Errorf("%s node %s does not answer: %s", n.Chain, n.URL, n.Err)
		}
	}
	if v := rep.Vault; v != nil && (v.Err != "" || v.Sealed || !v.Initialized) {
		if v.Err != "" {
			return fmt.Errorf("vault %s does not answer: %s", v.URL, v.Err)
		}
		return fmt.Errorf("vault %s is not serving (sealed %v, initialised %v)", v.URL, v.Sealed, v.Initialized)
	}
	if s := rep.Content; s != nil && s.Err != "" {
		return fmt.Errorf("content store %s is down: %s", s.URL, s.Err)
	}
	if b := rep.Bridge; b != nil && b.CheckpointErr != "" {
		return fmt.Errorf("bridge checkpoint: %s", b.CheckpointErr)
	}
	return nil
}
