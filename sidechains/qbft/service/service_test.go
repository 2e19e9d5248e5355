package service

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"math/big"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/sovereign-gov/sovereign/bindings/validatorset"
	"github.com/sovereign-gov/sovereign/contracts/predeploy"
	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/sidechains/qbft"
	"github.com/sovereign-gov/sovereign/sidechains/qbft/execution"
)

func waitFor(t *testing.T, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if cond() {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("timed out after %v waiting for %s", timeout, what)
}

type cluster struct {
	t         *testing.T
	byzantine map[int]bool
	skipEmpty bool
	metrics   bool     // serve metrics on a free loopback port
	noLogIdx  bool     // node.Config.NoLogIndex
	httpAPI   []string // the APIs served over HTTP (nil: the default)
	genesis   *core.Genesis
	keys      []*ecdsa.PrivateKey
	dirs      []string
	nodes     []*Node
}

func newCluster(t *testing.T, validators int, funded common.Address) *cluster {
	c := &cluster{t: t}
	var addrs []common.Address
	for i := 0; i < validators; i++ {
		k, _ := crypto.GenerateKey()
		c.keys = append(c.keys, k)
		addrs = append(addrs, crypto.PubkeyToAddress(k.PublicKey))
	}
	g, err := execution.NewGenesis(execution.GenesisSpec{
		ChainID: 7001, Validators: addrs,
		Alloc: map[common.Address]*big.Int{funded: new(big.Int).Mul(big.NewInt(1000), big.NewInt(params.Ether))},
	})
	if err != nil {
		t.Fatal(err)
	}
	c.genesis = g
	return c
}

// start runs node i (a validator for i < len(keys), else a follower) dialing
// every running node.
func (c *cluster) start(i int) *Node {
	c.t.Helper()
	for len(c.dirs) <= i {
		c.dirs = append(c.dirs, c.t.TempDir())
		c.nodes = append(c.nodes, nil)
	}
	var static []string
	for j, n := range c.nodes {
		if n != nil && j != i {
			static = append(static, n.Enode())
		}
	}
	cfg := Config{
		Node: node.Config{
			DataDir: c.dirs[i], Genesis: c.genesis, P2PListenAddr: "127.0.0.1:0",
			StaticNodes: static, HTTPHost: "127.0.0.1", HTTPPort: 0,
		},
		BlockPeriod: 500 * time.Millisecond,
		BaseTimeout: time.Second,
		SkipEmpty:   c.skipEmpty,
		Logger:      log.New("node", i),
	}
	if c.metrics {
		cfg.Node.MetricsAddr = "127.0.0.1:0"
	}
	cfg.Node.NoLogIndex = c.noLogIdx
	cfg.Node.HTTPAPI = c.httpAPI
	if i < len(c.keys) {
		cfg.Signer = qbft.NewKeySigner(c.keys[i])
		cfg.Equivocate = c.byzantine[i]
	}
	n, err := New(cfg)
	if err != nil {
		c.t.Fatal(err)
	}
	if err := n.Start(); err != nil {
		c.t.Fatal(err)
	}
	c.nodes[i] = n
	c.t.Cleanup(func() {
		if c.nodes[i] == n {
			n.Close()
		}
	})
	return n
}

func (c *cluster) stop(i int) {
	c.nodes[i].Close()
	c.nodes[i] = nil
}

func TestValidatorsFinaliseAndFollowerSyncs(t *testing.T) {
	if testing.Verbose() {
		log.SetDefault(log.NewLogger(log.NewTerminalHandlerWithLevel(os.Stderr, log.LevelInfo, false)))
	}
	userKey, _ := crypto.GenerateKey()
	user := crypto.PubkeyToAddress(userKey.PublicKey)
	c := newCluster(t, 4, user)
	for i := 0; i < 4; i++ {
		c.start(i)
	}
	waitFor(t, 30*time.Second, "block 3 finalised on every validator", func() bool {
		for _, n := range c.nodes {
			if n.Driver.Head() < 3 {
				return false
			}
		}
		return true
	})

	// A transfer is included and finalised.
	cl, err := ethclient.Dial(c.nodes[1].HTTPEndpoint())
	if err != nil {
		t.Fatal(err)
	}
	signer := types.LatestSignerForChainID(c.genesis.Config.ChainID)
	to := common.HexToAddress("0x1234")
	tx := types.MustSignNewTx(userKey, signer, &types.DynamicFeeTx{
		ChainID: c.genesis.Config.ChainID, Nonce: 0, GasTipCap: big.NewInt(params.GWei), GasFeeCap: big.NewInt(params.GWei * 10),
		Gas: 21000, To: &to, Value: big.NewInt(12345),
	})
	if err := cl.SendTransaction(context.Background(), tx); err != nil {
		t.Fatal(err)
	}
	var rcpt *types.Receipt
	waitFor(t, 20*time.Second, "transfer receipt", func() bool {
		rcpt, _ = cl.TransactionReceipt(context.Background(), tx.Hash())
		return rcpt != nil
	})
	for i, n := range c.nodes {
		waitFor(t, 10*time.Second, "transfer on every validator", func() bool {
			return n.Eth.BlockChain().GetHeaderByNumber(rcpt.BlockNumber.Uint64()) != nil
		})
		got := n.Eth.BlockChain().GetHeaderByNumber(rcpt.BlockNumber.Uint64()).Hash()
		if got != rcpt.BlockHash {
			t.Fatalf("validator %d has %s at %d, want %s", i, got, rcpt.BlockNumber, rcpt.BlockHash)
		}
	}
	// Finalized equals head: nothing is final before its certificate.
	fin, err := cl.HeaderByNumber(context.Background(), big.NewInt(int64(rpc.FinalizedBlockNumber)))
	if err != nil || fin.Number.Uint64() < rcpt.BlockNumber.Uint64() {
		t.Fatalf("finalized header %v: %v", fin, err)
	}

	// Certificates over JSON-RPC, and each block commits to its parent's (beacon root, random).
	rc, _ := rpc.Dial(c.nodes[2].HTTPEndpoint())
	var cert CertificateJSON
	if err := rc.Call(&cert, "qbft_getCertificate", hexutil.EncodeBig(rcpt.BlockNumber)); err != nil {
		t.Fatalf("qbft_getCertificate: %v", err)
	}
	if cert.Hash != rcpt.BlockHash || len(cert.Signers) < 3 {
		t.Fatalf("certificate %+v", cert)
	}
	decoded, _ := qbft.DecodeCertificate(cert.RLP)
	vs, _ := execution.GenesisValidators(c.genesis)
	if err := decoded.Verify(c.genesis.Config.ChainID, vs); err != nil {
		t.Fatalf("served certificate does not verify: %v", err)
	}
	var byHash CertificateJSON
	if err := rc.Call(&byHash, "qbft_getCertificate", rcpt.BlockHash); err != nil || byHash.ID != cert.ID {
		t.Fatalf("certificate by hash: %v", err)
	}
	waitFor(t, 10*time.Second, "child block", func() bool { return c.nodes[2].Driver.Head() > rcpt.BlockNumber.Uint64() })
	child := c.nodes[2].Eth.BlockChain().GetHeaderByNumber(rcpt.BlockNumber.Uint64() + 1)
	stored, _ := c.nodes[2].Driver.Certificate(rcpt.BlockNumber.Uint64())
	// the child commits to the certificate by beacon root and random, and
	// names its validator set in extra data (what the bridge checks)
	if child.ParentBeaconRoot == nil || *child.ParentBeaconRoot != stored.ID() || child.MixDigest != stored.ID() {
		t.Fatalf("child beacon root %v / random %s is not the certificate id %s", child.ParentBeaconRoot, child.MixDigest, stored.ID())
	}
	if common.BytesToHash(child.Extra) != qbft.ValidatorSetHash(vs) {
		t.Fatalf("child extra %x is not the validator set hash %s", child.Extra, qbft.ValidatorSetHash(vs))
	}
	// eth_getLogs is served (the relayer reads ReviewBoard events with it).
	var logs []types.Log
	if err := rc.Call(&logs, "eth_getLogs", map[string]any{"fromBlock": "0x0", "toBlock": "latest"}); err != nil {
		t.Fatalf("eth_getLogs: %v", err)
	}
	var vals []common.Address
	if err := rc.Call(&vals, "qbft_getValidators", "0x1"); err != nil || len(vals) != 4 {
		t.Fatalf("qbft_getValidators: %v %v", vals, err)
	}
	var st StatusJSON
	if err := rc.Call(&st, "qbft_status"); err != nil || !st.Validator || st.Peers < 3 {
		t.Fatalf("qbft_status: %+v %v", st, err)
	}

	// A follower started late syncs every block with its certificate.
	f := c.start(4)
	target := c.nodes[0].Driver.Head()
	waitFor(t, 30*time.Second, "follower catch-up", func() bool { return f.Driver.Head() >= target })
	for n := uint64(1); n <= target; n++ {
		a := f.Eth.BlockChain().GetHeaderByNumber(n).Hash()
		b := c.nodes[0].Eth.BlockChain().GetHeaderByNumber(n).Hash()
		if a != b {
			t.Fatalf("follower block %d %s differs from validator's %s", n, a, b)
		}
		if _, err := f.Driver.Certificate(n); err != nil {
			t.Fatalf("follower has no certificate for %d: %v", n, err)
		}
	}
	if f.Reactor.Counters().BadBlocks != 0 {
		t.Fatalf("follower refused %d blocks", f.Reactor.Counters().BadBlocks)
	}
}

func TestCrashedProposerRestartAndFullRestart(t *testing.T) {
	c := newCluster(t, 4, common.HexToAddress("0x01"))
	for i := 0; i < 4; i++ {
		c.start(i)
	}
	waitFor(t, 30*time.Second, "block 2", func() bool { return c.nodes[0].Driver.Head() >= 2 })
	// Stop the validator that proposes next.
	st := c.nodes[0].Core.Status()
	next := -1
	for i, k := range c.keys {
		if crypto.PubkeyToAddress(k.PublicKey) == st.Proposer {
			next = i
		}
	}
	c.stop(next)
	live := (next + 1) % 4
	from := c.nodes[live].Driver.Head()
	waitFor(t, 20*time.Second, "blocks without the proposer", func() bool { return c.nodes[live].Driver.Head() >= from+3 })
	// It comes back, catches up through block sync and votes again.
	c.start(next)
	waitFor(t, 30*time.Second, "restarted validator catches up", func() bool {
		return c.nodes[next].Driver.Head() >= c.nodes[live].Driver.Head()-1 && c.nodes[next].Driver.Head() > from+3
	})
	// All four stop and start again: the chain resumes from disk.
	for i := range c.nodes {
		c.stop(i)
	}
	for i := range c.nodes {
		c.start(i)
	}
	h := c.nodes[0].Driver.Head()
	waitFor(t, 30*time.Second, "chain resumes after a full restart", func() bool {
		for _, n := range c.nodes {
			if n.Driver.Head() < h+2 {
				return false
			}
		}
		return true
	})
	for n := uint64(1); n <= h+2; n++ {
		want := c.nodes[0].Eth.BlockChain().GetHeaderByNumber(n).Hash()
		for i, node := range c.nodes {
			if got := node.Eth.BlockChain().GetHeaderByNumber(n).Hash(); got != want {
				t.Fatalf("fork at %d: node %d has %s, node 0 %s", n, i, got, want)
			}
		}
	}
}

func TestValidatorVotedInThroughContract(t *testing.T) {
	c := &cluster{t: t}
	var addrs []common.Address
	for i := 0; i < 5; i++ {
		k, _ := crypto.GenerateKey()
		c.keys = append(c.keys, k)
		addrs = append(addrs, crypto.PubkeyToAddress(k.PublicKey))
	}
	alloc := map[common.Address]*big.Int{}
	for _, a := range addrs {
		alloc[a] = big.NewInt(params.Ether)
	}
	g, err := execution.NewGenesis(execution.GenesisSpec{ChainID: 7002, Validators: addrs[:4], Alloc: alloc})
	if err != nil {
		t.Fatal(err)
	}
	c.genesis = g
	for i := 0; i < 5; i++ { // the fifth runs as a validator-to-be
		c.start(i)
	}
	waitFor(t, 30*time.Second, "block 1", func() bool { return c.nodes[0].Driver.Head() >= 1 })
	if vs, _ := c.nodes[0].Driver.Validators(c.nodes[0].Driver.Head() + 1); vs.Size() != 4 {
		t.Fatalf("genesis set has %d validators", vs.Size())
	}
	cl, _ := ethclient.Dial(c.nodes[0].HTTPEndpoint())
	signer := types.LatestSignerForChainID(g.Config.ChainID)
	data := validatorset.NewValidatorSet().PackPropose(addrs[4], true)
	vsAddr := predeploy.ValidatorSetAddress
	var votes []*types.Transaction
	for i := 0; i < 3; i++ { // quorum of 4 is 3
		tx := types.MustSignNewTx(c.keys[i], signer, &types.DynamicFeeTx{
			ChainID: g.Config.ChainID, Nonce: 0, GasTipCap: big.NewInt(params.GWei), GasFeeCap: big.NewInt(10 * params.GWei),
			Gas: 300_000, To: &vsAddr, Data: data,
		})
		if err := cl.SendTransaction(context.Background(), tx); err != nil {
			t.Fatal(err)
		}
		votes = append(votes, tx)
	}
	// The vote that reaches the quorum executes the change: the last block
	// holding a vote.
	var decided uint64
	for _, tx := range votes {
		var rcpt *types.Receipt
		waitFor(t, 30*time.Second, "vote included", func() bool {
			rcpt, _ = cl.TransactionReceipt(context.Background(), tx.Hash())
			return rcpt != nil
		})
		if rcpt.Status != types.ReceiptStatusSuccessful {
			t.Fatal("vote reverted")
		}
		decided = max(decided, rcpt.BlockNumber.Uint64())
	}
	next := decided + 1
	waitFor(t, 20*time.Second, "block after the vote", func() bool { return c.nodes[0].Driver.Head() >= next+3 })
	vs, err := c.nodes[0].Driver.Validators(next)
	if err != nil || vs.Size() != 5 {
		t.Fatalf("validators of block %d: %v %v", next, vs.List(), err)
	}
	// The new validator signs: its seal shows up in certificates. A
	// certificate holds a quorum (4 of 5) of seals, so on a loaded machine
	// the newcomer's may miss a few blocks: look at blocks as they come.
	fifth := addrs[4]
	scanned := next
	waitFor(t, 30*time.Second, "a certificate sealed by the voted-in validator", func() bool {
		for ; scanned <= c.nodes[0].Driver.Head(); scanned++ {
			cert, _ := c.nodes[0].Driver.Certificate(scanned)
			signers, _ := cert.Signers(g.Config.ChainID)
			if slices.Contains(signers, fifth) {
				return true
			}
		}
		return false
	})
}

func TestSkipEmptyMakesBlocksOnlyForTransactions(t *testing.T) {
	userKey, _ := crypto.GenerateKey()
	c := newCluster(t, 4, crypto.PubkeyToAddress(userKey.PublicKey))
	c.skipEmpty = true
	for i := 0; i < 4; i++ {
		c.start(i)
	}
	time.Sleep(4 * time.Second)
	if h := c.nodes[0].Driver.Head(); h != 0 {
		t.Fatalf("%d empty blocks made with skip-empty", h)
	}
	cl, _ := ethclient.Dial(c.nodes[3].HTTPEndpoint())
	to := common.HexToAddress("0x1234")
	// cast's tip on a quiet chain is 1 wei: the proposer must include what
	// the pool admits (issue 17).
	tx := types.MustSignNewTx(userKey, types.LatestSignerForChainID(c.genesis.Config.ChainID), &types.DynamicFeeTx{
		ChainID: c.genesis.Config.ChainID, Nonce: 0, GasTipCap: big.NewInt(1), GasFeeCap: big.NewInt(params.GWei * 10),
		Gas: 21000, To: &to, Value: big.NewInt(1),
	})
	// A fresh chain serves receipt queries at once (null for an unknown
	// transaction, not "transaction indexing is in progress").
	var raw json.RawMessage
	if err := cl.Client().CallContext(context.Background(), &raw, "eth_getTransactionReceipt", tx.Hash()); err != nil || string(raw) != "null" {
		t.Fatalf("receipt query on a fresh chain: %s, %v", raw, err)
	}
	if err := cl.SendTransaction(context.Background(), tx); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 20*time.Second, "a block for the transaction", func() bool { return c.nodes[0].Driver.Head() >= 1 })
	if n := len(c.nodes[0].Eth.BlockChain().GetBlockByNumber(1).Transactions()); n != 1 {
		t.Fatalf("block 1 has %d transactions", n)
	}
	time.Sleep(3 * time.Second)
	if h := c.nodes[0].Driver.Head(); h != 1 {
		t.Fatalf("head %d: empty blocks after the transaction", h)
	}
}
