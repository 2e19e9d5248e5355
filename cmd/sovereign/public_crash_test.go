package main

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/params"

	"github.com/sovereign-gov/sovereign/internal/proctest"
	"github.com/sovereign-gov/sovereign/internal/testbin"
)

// TestPublicChainCrashKeepsEveryReceipt (issue 12): a signer sealing at
// period 0 (a block as soon as transactions wait) and a follower are both
// killed with SIGKILL, twenty times, at a random moment — right as a receipt
// comes back, or while blocks are sealed, imported and gossiped with
// transactions in flight. After each restart every receipt either node ever
// returned is still there, in the same block, on both, and the chain goes on.
func TestPublicChainCrashKeepsEveryReceipt(t *testing.T) {
	t.Parallel() // a process test: mostly waiting on its own nodes
	if testing.Short() {
		t.Skip("multi-process test")
	}
	bin := testbin.Sovereign(t)
	dir := t.TempDir()
	password := writeFile(t, filepath.Join(dir, "password"), "correct horse\n")
	signer := newAccount(t, bin, filepath.Join(dir, "keys"), password)
	user, _ := crypto.GenerateKey()
	genesis := filepath.Join(dir, "genesis.json")
	if out, err := proctest.Run(bin, "genesis", "public", "--period", "0", "--out", genesis,
		"--signers", signer.addr.Hex(), "--alloc", crypto.PubkeyToAddress(user.PublicKey).Hex()+"=1000ether"); err != nil {
		t.Fatalf("genesis public: %v\n%s", err, out)
	}
	names := []string{"signer", "follower"}
	var ports [2]int
	var enodes, dirs [2]string
	for i := range names {
		dirs[i] = filepath.Join(dir, names[i])
		ports[i] = proctest.FreePort(t)
		enodes[i] = proctest.NodeKey(t, dirs[i], ports[i])
	}
	nodes := []*publicNode{
		startPublic(t, bin, names[0], dirs[0], genesis, ports[0], enodes[1:], &signer, password),
		startPublic(t, bin, names[1], dirs[1], genesis, ports[1], enodes[:1], nil, ""),
	}
	chainID, err := nodes[0].client.ChainID(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s := &publicSender{key: user, chainID: chainID, nodes: nodes, acked: map[common.Hash]common.Hash{}}
	t0 := time.Now()
	const rounds = 20
	for r := range rounds {
		ctx, cancel := context.WithCancel(context.Background())
		first := s.arm()
		done := make(chan struct{})
		go func() { s.run(ctx); close(done) }()
		how := "right after a receipt"
		if rand.IntN(2) == 0 {
			select {
			case <-first:
			case <-time.After(20 * time.Second):
				t.Fatalf("round %d: no receipt within 20 s", r)
			}
		} else {
			d := time.Duration(rand.Int64N(int64(1500 * time.Millisecond)))
			how = d.Round(time.Millisecond).String() + " into the round"
			time.Sleep(d)
		}
		for _, n := range nodes {
			n.Kill()
		}
		cancel()
		<-done
		s.mu.Lock()
		want := make(map[common.Hash]common.Hash, len(s.acked))
		for h, b := range s.acked {
			want[h] = b
		}
		s.mu.Unlock()
		for _, n := range nodes {
			n.Restart()
		}
		for _, n := range nodes {
			n.connect(t)
		}
		// A receipt the signer returned may be of a block the follower had
		// not received yet: it catches up first.
		s.mu.Lock()
		top := s.top
		s.mu.Unlock()
		proctest.WaitFor(t, 30*time.Second, "both nodes on one head after the restart", func() bool { return sameHead(t, top, nodes...) })
		for _, n := range nodes {
			for h, block := range want {
				var rc *types.Receipt
				proctest.WaitFor(t, 20*time.Second, "receipt lookups on "+n.Name, func() bool {
					var err error
					rc, err = n.client.TransactionReceipt(context.Background(), h)
					return err == nil || !strings.Contains(err.Error(), "indexing")
				})
				if rc == nil || rc.BlockHash != block {
					t.Fatalf("round %d (killed %s): %s lost the receipt of %s returned in block %s (got %+v)", r, how, n.Name, h, block, rc)
				}
			}
		}
		t.Logf("round %d: killed %s; %d receipts kept, head %d", r, how, len(want), nodes[0].head(t).Number)
	}
	if len(s.acked) < rounds {
		t.Fatalf("only %d receipts in %d rounds", len(s.acked), rounds)
	}
	// The chain goes on and both nodes agree.
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	s.batch(ctx, nodes[1].client)
	cancel()
	h := nodes[0].head(t).Number.Uint64()
	proctest.WaitFor(t, 30*time.Second, "both nodes on one head after the last crash", func() bool { return sameHead(t, h, nodes...) })
	for _, n := range nodes {
		if out := n.Output(); strings.Contains(out, "Head state missing") || strings.Contains(out, "SetHead invalidated") {
			t.Errorf("%s rewound its chain on restart", n.Name)
		}
	}
	t.Logf("%d rounds, %d receipts, %v", rounds, len(s.acked), time.Since(t0).Round(time.Second))
}

// publicSender sends transfers to either node and records every receipt
// returned (transaction hash → block hash).
type publicSender struct {
	key     *ecdsa.PrivateKey
	chainID *big.Int
	nodes   []*publicNode

	mu    sync.Mutex
	acked map[common.Hash]common.Hash
	top   uint64 // highest block of a receipt
	first chan struct{}
}

func (s *publicSender) arm() chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.first = make(chan struct{})
	return s.first
}

func (s *publicSender) run(ctx context.Context) {
	for i := 0; ctx.Err() == nil; i++ {
		n := s.nodes[i%len(s.nodes)]
		c, err := ethclient.DialContext(ctx, n.http)
		if err != nil {
			time.Sleep(50 * time.Millisecond)
			continue
		}
		s.batch(ctx, c)
		c.Close()
		time.Sleep(10 * time.Millisecond)
	}
}

func (s *publicSender) batch(ctx context.Context, c *ethclient.Client) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	from := crypto.PubkeyToAddress(s.key.PublicKey)
	nonce, err := c.NonceAt(ctx, from, nil)
	if err != nil {
		return
	}
	signer := types.LatestSignerForChainID(s.chainID)
	to := common.Address{0x42}
	var hashes []common.Hash
	for k := range 1 + rand.IntN(4) {
		tx := types.MustSignNewTx(s.key, signer, &types.DynamicFeeTx{
			ChainID: s.chainID, Nonce: nonce + uint64(k), GasTipCap: big.NewInt(params.GWei), GasFeeCap: big.NewInt(100 * params.GWei),
			Gas: params.TxGas, To: &to, Value: big.NewInt(1),
		})
		if err := c.SendTransaction(ctx, tx); err != nil {
			break
		}
		hashes = append(hashes, tx.Hash())
	}
	for _, h := range hashes {
		for ctx.Err() == nil {
			if r, err := c.TransactionReceipt(ctx, h); err == nil {
				s.mu.Lock()
				s.acked[h] = r.BlockHash
				s.top = max(s.top, r.BlockNumber.Uint64())
				if s.first != nil {
					close(s.first)
					s.first = nil
				}
				s.mu.Unlock()
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
}
