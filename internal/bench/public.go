package bench

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/sovereign-gov/sovereign/internal/loadgen"
	"github.com/sovereign-gov/sovereign/node"
)

// PublicOptions of `sovereign bench public`.
type PublicOptions struct {
	Sovereign string // the sovereign binary to run the measured node
	Geth      string // the reference geth binary (same go-ethereum version)
	Txs       int
	Senders   int
	Timeout   time.Duration
	GasLimit  uint64
	Blocks    int // length of the chain the follower catches up with
	Out       io.Writer
}

// PublicReport holds the figures of one run.
type PublicReport struct {
	Ours, Geth       *loadgen.Result
	SyncBlocksPerS   float64
	ImportBlocksPerS float64
}

// Public measures the public chain against geth --dev on the same transfer
// load, then follower catch-up against a direct import of the same blocks.
func Public(ctx context.Context, opts PublicOptions) (*PublicReport, error) {
	dir, err := os.MkdirTemp("", "sovereign-bench-public-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)

	senders := make([]*ecdsa.PrivateKey, opts.Senders)
	for i := range senders {
		if senders[i], err = crypto.GenerateKey(); err != nil {
			return nil, err
		}
	}
	load := loadgen.Config{Senders: senders, Txs: opts.Txs, Timeout: opts.Timeout}
	rep := new(PublicReport)

	fmt.Fprintf(opts.Out, "transfer load: %d transfers from %d senders over HTTP JSON-RPC, gas limit %d, seal on pending transactions (period 0)\n", opts.Txs, opts.Senders, opts.GasLimit)
	fmt.Fprintf(opts.Out, "  sovereign public node ... ")
	if rep.Ours, err = benchOurs(ctx, dir, opts, load); err != nil {
		return nil, err
	}
	fmt.Fprintln(opts.Out, rep.Ours)
	fmt.Fprintf(opts.Out, "  geth --dev (reference) ... ")
	if rep.Geth, err = benchGethDev(ctx, dir, opts, load); err != nil {
		return nil, err
	}
	fmt.Fprintln(opts.Out, rep.Geth)

	fmt.Fprintf(opts.Out, "follower catch-up over %d empty blocks ...\n", opts.Blocks)
	if rep.SyncBlocksPerS, rep.ImportBlocksPerS, err = benchCatchUp(ctx, filepath.Join(dir, "catchup"), opts.Blocks, opts.Out); err != nil {
		return nil, err
	}
	printPublic(opts.Out, opts, rep)
	return rep, nil
}

func printPublic(w io.Writer, opts PublicOptions, r *PublicReport) {
	ratio := func(a, b float64) string {
		if b == 0 {
			return "n/a"
		}
		return fmt.Sprintf("%.2f×", a/b)
	}
	ms := func(d time.Duration) string { return strconv.FormatInt(d.Milliseconds(), 10) + " ms" }
	fmt.Fprintf(w, "\n| public chain, %d transfers, %d senders | accepted tx/s | sealed tx/s | inclusion p50 | inclusion p99 |\n", opts.Txs, opts.Senders)
	fmt.Fprintf(w, "| --- | --- | --- | --- | --- |\n")
	fmt.Fprintf(w, "| sovereign (clique, project sealer) | %.0f | %.0f | %s | %s |\n", r.Ours.AcceptedPerSec, r.Ours.SealedPerSec, ms(r.Ours.LatencyP50), ms(r.Ours.LatencyP99))
	fmt.Fprintf(w, "| geth --dev (reference, same run) | %.0f | %.0f | %s | %s |\n", r.Geth.AcceptedPerSec, r.Geth.SealedPerSec, ms(r.Geth.LatencyP50), ms(r.Geth.LatencyP99))
	fmt.Fprintf(w, "| ratio ours/geth | %s | %s | | |\n\n", ratio(r.Ours.AcceptedPerSec, r.Geth.AcceptedPerSec), ratio(r.Ours.SealedPerSec, r.Geth.SealedPerSec))
	fmt.Fprintf(w, "| follower catch-up, %d empty blocks | blocks/s |\n| --- | --- |\n", opts.Blocks)
	fmt.Fprintf(w, "| sync from a peer over the sov protocol | %.0f |\n", r.SyncBlocksPerS)
	fmt.Fprintf(w, "| direct InsertChain of the same blocks (reference, same run) | %.0f |\n", r.ImportBlocksPerS)
	fmt.Fprintf(w, "| ratio sync/import | %s |\n", ratio(r.SyncBlocksPerS, r.ImportBlocksPerS))
}

// benchOurs runs one signer process at period 0 and drives it with load.
func benchOurs(ctx context.Context, dir string, opts PublicOptions, load loadgen.Config) (*loadgen.Result, error) {
	d := filepath.Join(dir, "ours")
	if err := os.MkdirAll(d, 0o700); err != nil {
		return nil, err
	}
	key, err := crypto.GenerateKey()
	if err != nil {
		return nil, err
	}
	keyFile, pwFile := filepath.Join(d, "signer.json"), filepath.Join(d, "password")
	if err := os.WriteFile(pwFile, []byte("bench\n"), 0o600); err != nil {
		return nil, err
	}
	if err := node.WriteKey(keyFile, key, "bench", true); err != nil {
		return nil, err
	}
	alloc := make(map[common.Address]*big.Int)
	for _, s := range load.Senders {
		alloc[crypto.PubkeyToAddress(s.PublicKey)] = new(big.Int).Mul(big.NewInt(1000), big.NewInt(params.Ether))
	}
	g, err := node.PublicGenesis(node.PublicSpec{Period: 0, GasLimit: opts.GasLimit, Signers: []common.Address{crypto.PubkeyToAddress(key.PublicKey)}, Alloc: alloc})
	if err != nil {
		return nil, err
	}
	genesis := filepath.Join(d, "genesis.json")
	if err := node.WriteGenesis(genesis, g); err != nil {
		return nil, err
	}
	httpPort, err := FreePort()
	if err != nil {
		return nil, err
	}
	p, err := StartProcess("sovereign", d, opts.Sovereign, "node", "public", "--datadir", filepath.Join(d, "data"),
		"--genesis", genesis, "--signer.keystore", keyFile, "--signer.password", pwFile,
		"--p2p.addr", "127.0.0.1:0", "--http.port", strconv.Itoa(httpPort), "--ws.addr", "", "--verbosity", "2")
	if err != nil {
		return nil, err
	}
	defer p.Stop()
	url := fmt.Sprintf("http://127.0.0.1:%d", httpPort)
	c, err := p.WaitRPC(ctx, url)
	if err != nil {
		return nil, err
	}
	c.Close()
	load.URL = url
	return loadgen.Run(ctx, load)
}

// benchGethDev runs geth --dev built from the same go-ethereum version,
// funds the senders from its developer account, and drives it with load.
func benchGethDev(ctx context.Context, dir string, opts PublicOptions, load loadgen.Config) (*loadgen.Result, error) {
	d := filepath.Join(dir, "geth")
	if err := os.MkdirAll(d, 0o700); err != nil {
		return nil, err
	}
	httpPort, err := FreePort()
	if err != nil {
		return nil, err
	}
	authPort, err := FreePort()
	if err != nil {
		return nil, err
	}
	gl := strconv.FormatUint(opts.GasLimit, 10)
	p, err := StartProcess("geth", d, opts.Geth, "--dev", "--dev.period", "0", "--dev.gaslimit", gl, "--miner.gaslimit", gl,
		"--datadir", filepath.Join(d, "data"), "--http", "--http.addr", "127.0.0.1", "--http.port", strconv.Itoa(httpPort),
		"--http.api", "eth,net,web3,txpool", "--authrpc.port", strconv.Itoa(authPort), "--port", "0", "--nodiscover",
		"--maxpeers", "0", "--verbosity", "2")
	if err != nil {
		return nil, err
	}
	defer p.Stop()
	url := fmt.Sprintf("http://127.0.0.1:%d", httpPort)
	c, err := p.WaitRPC(ctx, url)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	if err := fundFromDevAccount(ctx, c, load.Senders); err != nil {
		return nil, fmt.Errorf("funding senders on geth --dev: %w", err)
	}
	load.URL = url
	return loadgen.Run(ctx, load)
}

func fundFromDevAccount(ctx context.Context, c *rpc.Client, senders []*ecdsa.PrivateKey) error {
	var accounts []common.Address
	if err := c.CallContext(ctx, &accounts, "eth_accounts"); err != nil || len(accounts) == 0 {
		return fmt.Errorf("no developer account (eth_accounts: %v)", err)
	}
	amount := (*hexutil.Big)(new(big.Int).Mul(big.NewInt(1000), big.NewInt(params.Ether)))
	for _, s := range senders {
		to := crypto.PubkeyToAddress(s.PublicKey)
		if err := c.CallContext(ctx, nil, "eth_sendTransaction", map[string]any{"from": accounts[0], "to": to, "value": amount}); err != nil {
			return err
		}
	}
	last := crypto.PubkeyToAddress(senders[len(senders)-1].PublicKey)
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		var bal hexutil.Big
		if err := c.CallContext(ctx, &bal, "eth_getBalance", last, "latest"); err == nil && bal.ToInt().Sign() > 0 {
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("funding transfers not mined within 30s")
}
