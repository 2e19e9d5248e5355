// Package qbftbench is `sovereign bench qbft`: four QBFT validator
// processes with 1 s blocks under a load of ETH transfers and of simple
// contract calls, against the same load on the public clique chain (1 s
// blocks, one signer) in the same run.
package qbftbench

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/sovereign-gov/sovereign/internal/bench"
	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/sidechains/qbft/execution"
)

// Options of one run.
type Options struct {
	Sovereign string // the sovereign binary
	Transfers int
	Calls     int
	Senders   int
	Rate      int // offered load in transactions per second (0 = unpaced)
	Window    int // transactions in flight per sender (0 = unbounded)
	// PacedRate, if positive, adds a third run: the transfers again,
	// offered at this fixed rate (open loop), to read finality latency at a
	// given throughput rather than at saturation. PacedWindow bounds each
	// sender's transactions in flight there only as a guard against a
	// stalled chain overfilling the pools: it must stay above the sender's
	// rate times the latency (1,200 tx/s over 64 senders is ~19 tx/s each),
	// or the window, not the schedule, sets the pace and a sender that
	// fell behind catches up in bursts. Default 64.
	PacedRate, PacedWindow int
	// RoundTimeout is the validators' round-0 timeout (default 1 s).
	RoundTimeout time.Duration
	GasLimit     uint64
	Timeout      time.Duration // per load run
	Out          io.Writer
	// Keep leaves the processes' data and logs behind for inspection.
	Keep bool
}

// Report of one run.
type Report struct {
	Phases       []Phase
	QBFT, Clique []*Result // per phase
	// ProposerOutage is the longest gap between blocks after the next
	// proposer was killed, and Period the block period it compares with.
	ProposerOutage time.Duration
}

// Run measures both chains.
func Run(ctx context.Context, opts Options) (*Report, error) {
	if opts.Senders <= 0 || opts.Transfers <= 0 || opts.Calls <= 0 {
		return nil, errors.New("transfers, calls and senders must be positive")
	}
	dir, err := os.MkdirTemp("", "sovereign-bench-qbft-")
	if err != nil {
		return nil, err
	}
	if opts.Keep {
		fmt.Fprintf(opts.Out, "data and logs kept in %s\n", dir)
	} else {
		defer os.RemoveAll(dir)
	}
	senders := make([]*ecdsa.PrivateKey, opts.Senders)
	alloc := types.GenesisAlloc{counterAddress: {Code: counterCode, Balance: new(big.Int)}}
	for i := range senders {
		senders[i], _ = crypto.GenerateKey()
		alloc[crypto.PubkeyToAddress(senders[i].PublicKey)] = types.Account{Balance: new(big.Int).Mul(big.NewInt(1000), big.NewInt(params.Ether))}
	}
	rep := &Report{Phases: phases(opts)}
	fmt.Fprintf(opts.Out, "load: %d ETH transfers, then %d contract calls, from %d senders over HTTP JSON-RPC, offered at %d tx/s (0 = unpaced), at most %d in flight per sender (0 = unbounded); 1 s blocks, gas limit %d\n",
		opts.Transfers, opts.Calls, opts.Senders, opts.Rate, opts.Window, opts.GasLimit)
	if opts.PacedRate > 0 {
		fmt.Fprintf(opts.Out, "then the %d transfers again offered at a fixed %d tx/s (window %d per sender as a guard)\n", opts.Transfers, opts.PacedRate, rep.Phases[len(rep.Phases)-1].Window)
	}

	fmt.Fprintln(opts.Out, "QBFT consortium: 4 validator processes")
	if err := benchQBFT(ctx, filepath.Join(dir, "qbft"), opts, alloc, senders, rep); err != nil {
		return nil, fmt.Errorf("qbft: %w", err)
	}
	fmt.Fprintln(opts.Out, "public clique chain (reference, same run): 1 signer process")
	if err := benchClique(ctx, filepath.Join(dir, "clique"), opts, alloc, senders, rep); err != nil {
		return nil, fmt.Errorf("clique: %w", err)
	}
	printReport(opts.Out, opts, rep)
	return rep, nil
}

// Phase is one load run, made the same way on both chains.
type Phase struct {
	Name   string
	Kind   Kind
	Count  int
	Rate   int // offered tx/s, 0 = unpaced
	Window int // transactions in flight per sender, 0 = unbounded
}

func phases(opts Options) []Phase {
	ps := []Phase{
		{Name: fmt.Sprintf("%d ETH transfers", opts.Transfers), Kind: Transfers, Count: opts.Transfers, Rate: opts.Rate, Window: opts.Window},
		{Name: fmt.Sprintf("%d contract calls", opts.Calls), Kind: Calls, Count: opts.Calls, Rate: opts.Rate, Window: opts.Window},
	}
	if opts.PacedRate > 0 {
		window := opts.PacedWindow
		if window == 0 {
			window = 64
		}
		ps = append(ps, Phase{Name: fmt.Sprintf("%d ETH transfers offered at %d tx/s", opts.Transfers, opts.PacedRate), Kind: Transfers, Count: opts.Transfers, Rate: opts.PacedRate, Window: window})
	}
	return ps
}

func printReport(w io.Writer, opts Options, r *Report) {
	ms := func(d time.Duration) string { return strconv.FormatInt(d.Milliseconds(), 10) + " ms" }
	ratio := func(a, b float64) string {
		if b == 0 {
			return "n/a"
		}
		return fmt.Sprintf("%.2f×", a/b)
	}
	fmt.Fprintf(w, "\n| load (1 s blocks, %d senders, window %d) | chain | tx/s | latency p50 | latency p99 | blocks |\n| --- | --- | --- | --- | --- | --- |\n", opts.Senders, opts.Window)
	for i, ph := range r.Phases {
		q, c := r.QBFT[i], r.Clique[i]
		fmt.Fprintf(w, "| %s | QBFT, 4 validators (finality) | %.0f | %s | %s | %d |\n", ph.Name, q.IncludedPerSec, ms(q.P50), ms(q.P99), q.Blocks)
		fmt.Fprintf(w, "| %s | clique, 1 signer (inclusion, reference) | %.0f | %s | %s | %d |\n", ph.Name, c.IncludedPerSec, ms(c.P50), ms(c.P99), c.Blocks)
		fmt.Fprintf(w, "| | ratio QBFT/clique | %s | | | |\n", ratio(q.IncludedPerSec, c.IncludedPerSec))
	}
	fmt.Fprintf(w, "\noffline proposer: longest gap between blocks after killing the next proposer %v (block period 1 s, round-0 timeout %v)\n", r.ProposerOutage.Round(time.Millisecond), opts.RoundTimeout)
}

// makeChainDir creates a chain's bench folder with the keystore password
// file its nodes read, and returns that file's path.
func makeChainDir(dir string) (string, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	pw := filepath.Join(dir, "password")
	return pw, os.WriteFile(pw, []byte("bench\n"), 0o600)
}

// runPhases runs each load phase against urls (senders spread over them,
// inclusion watched on the first), printing each result.
func runPhases(ctx context.Context, opts Options, phases []Phase, urls []string, senders []*ecdsa.PrivateKey) ([]*Result, error) {
	var out []*Result
	for _, ph := range phases {
		fmt.Fprintf(opts.Out, "  %s ... ", ph.Name)
		r, err := runLoad(ctx, urls, urls[0], senders, ph.Count, ph.Kind, ph.Rate, ph.Window, opts.Timeout)
		if err != nil {
			return nil, err
		}
		fmt.Fprintln(opts.Out, r)
		out = append(out, r)
	}
	return out, nil
}

func benchQBFT(ctx context.Context, dir string, opts Options, alloc types.GenesisAlloc, senders []*ecdsa.PrivateKey, rep *Report) error {
	pw, err := makeChainDir(dir)
	if err != nil {
		return err
	}
	var vals []common.Address
	var keyFiles []string
	for i := 0; i < 4; i++ {
		k, _ := crypto.GenerateKey()
		f := filepath.Join(dir, fmt.Sprintf("key%d.json", i))
		if err := node.WriteKey(f, k, "bench", true); err != nil {
			return err
		}
		keyFiles = append(keyFiles, f)
		vals = append(vals, crypto.PubkeyToAddress(k.PublicKey))
	}
	predeploys := types.GenesisAlloc{}
	balances := map[common.Address]*big.Int{}
	for a, acc := range alloc {
		if len(acc.Code) > 0 {
			predeploys[a] = acc
		} else {
			balances[a] = acc.Balance
		}
	}
	g, err := execution.NewGenesis(execution.GenesisSpec{ChainID: 7100, Validators: vals, GasLimit: opts.GasLimit, Alloc: balances, Predeploys: predeploys})
	if err != nil {
		return err
	}
	genesis := filepath.Join(dir, "genesis.json")
	if err := node.WriteGenesis(genesis, g); err != nil {
		return err
	}
	var procs []*bench.Process
	defer func() {
		for _, p := range procs {
			p.Stop()
		}
	}()
	var urls, enodes []string
	for i := 0; i < 4; i++ {
		httpPort, err := bench.FreePort()
		if err != nil {
			return err
		}
		p2pPort, err := bench.FreePort()
		if err != nil {
			return err
		}
		d := filepath.Join(dir, fmt.Sprintf("v%d", i))
		args := []string{"node", "consortium", "--datadir", d, "--genesis", genesis,
			"--validator.keystore", keyFiles[i], "--validator.password", pw,
			"--p2p.addr", fmt.Sprintf("127.0.0.1:%d", p2pPort), "--http.port", strconv.Itoa(httpPort), "--verbosity", "3"}
		if opts.RoundTimeout > 0 {
			args = append(args, "--timeout", opts.RoundTimeout.String())
		}
		if len(enodes) > 0 {
			args = append(args, "--p2p.static", strings.Join(enodes, ","))
		}
		p, err := bench.StartProcess(fmt.Sprintf("validator%d", i), dir, opts.Sovereign, args...)
		if err != nil {
			return err
		}
		procs = append(procs, p)
		url := fmt.Sprintf("http://127.0.0.1:%d", httpPort)
		c, err := p.WaitRPC(ctx, url)
		if err != nil {
			return err
		}
		c.Close()
		var b []byte
		for k := 0; k < 100 && len(b) == 0; k++ { // written just after RPC starts
			b, _ = os.ReadFile(filepath.Join(d, "enode.url"))
			time.Sleep(50 * time.Millisecond)
		}
		if len(b) == 0 {
			return fmt.Errorf("validator %d wrote no enode.url", i)
		}
		enodes = append(enodes, strings.TrimSpace(string(b)))
		urls = append(urls, url)
	}
	if err := waitBlock(ctx, urls[0], 2, 60*time.Second); err != nil {
		return err
	}
	if rep.QBFT, err = runPhases(ctx, opts, rep.Phases, urls, senders); err != nil {
		return err
	}
	// Offline proposer: kill the validator proposing next, time the gaps.
	var st struct {
		Proposer common.Address `json:"proposer"`
	}
	c, err := rpc.DialContext(ctx, urls[0])
	if err != nil {
		return err
	}
	defer c.Close()
	if err := c.CallContext(ctx, &st, "qbft_status"); err != nil {
		return err
	}
	victim := 0
	for i, v := range vals {
		if v == st.Proposer {
			victim = i
		}
	}
	watchURL := urls[(victim+1)%4]
	procs[victim].Kill()
	rep.ProposerOutage, err = longestGap(ctx, watchURL, 8*time.Second)
	fmt.Fprintf(opts.Out, "  offline proposer: longest block gap %v\n", rep.ProposerOutage.Round(time.Millisecond))
	return err
}

func benchClique(ctx context.Context, dir string, opts Options, alloc types.GenesisAlloc, senders []*ecdsa.PrivateKey, rep *Report) error {
	pw, err := makeChainDir(dir)
	if err != nil {
		return err
	}
	k, _ := crypto.GenerateKey()
	keyFile := filepath.Join(dir, "signer.json")
	if err := node.WriteKey(keyFile, k, "bench", true); err != nil {
		return err
	}
	g, err := node.PublicGenesis(node.PublicSpec{Period: 1, GasLimit: opts.GasLimit, Signers: []common.Address{crypto.PubkeyToAddress(k.PublicKey)}})
	if err != nil {
		return err
	}
	for a, acc := range alloc {
		g.Alloc[a] = acc
	}
	genesis := filepath.Join(dir, "genesis.json")
	if err := node.WriteGenesis(genesis, g); err != nil {
		return err
	}
	httpPort, err := bench.FreePort()
	if err != nil {
		return err
	}
	p, err := bench.StartProcess("clique", dir, opts.Sovereign, "node", "public", "--datadir", filepath.Join(dir, "data"),
		"--genesis", genesis, "--signer.keystore", keyFile, "--signer.password", pw,
		"--p2p.addr", "127.0.0.1:0", "--http.port", strconv.Itoa(httpPort), "--ws.addr", "", "--verbosity", "2")
	if err != nil {
		return err
	}
	defer p.Stop()
	url := fmt.Sprintf("http://127.0.0.1:%d", httpPort)
	c, err := p.WaitRPC(ctx, url)
	if err != nil {
		return err
	}
	c.Close()
	if rep.Clique, err = runPhases(ctx, opts, rep.Phases, []string{url}, senders); err != nil {
		return err
	}
	return nil
}

// longestGap watches url for d and returns the longest time between two
// consecutive new heads (including the wait for the first).
func longestGap(ctx context.Context, url string, d time.Duration) (time.Duration, error) {
	c, err := rpc.DialContext(ctx, url)
	if err != nil {
		return 0, err
	}
	defer c.Close()
	var last hexutil.Uint64
	if err := c.CallContext(ctx, &last, "eth_blockNumber"); err != nil {
		return 0, err
	}
	start, prev, longest := time.Now(), time.Now(), time.Duration(0)
	for time.Since(start) < d {
		var h hexutil.Uint64
		if err := c.CallContext(ctx, &h, "eth_blockNumber"); err == nil && h > last {
			longest = max(longest, time.Since(prev))
			prev, last = time.Now(), h
		}
		time.Sleep(10 * time.Millisecond)
	}
	return max(longest, time.Since(prev)), nil
}

func waitBlock(ctx context.Context, url string, n uint64, timeout time.Duration) error {
	c, err := rpc.DialContext(ctx, url)
	if err != nil {
		return err
	}
	defer c.Close()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		var h hexutil.Uint64
		if err := c.CallContext(ctx, &h, "eth_blockNumber"); err == nil && uint64(h) >= n {
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fmt.Errorf("no block %d at %s within %v", n, url, timeout)
}
