package consortium

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/params"

	"github.com/sovereign-gov/sovereign/internal/proctest"
)

// Issue 12: a kill -9 of every validator must never lose a final block or a
// transaction whose receipt was returned. Each round sends transfers, waits
// for receipts, kills every validator at once (SIGKILL) at a random moment —
// right as a receipt comes back, or while blocks are being decided and
// transactions are in flight — restarts them all and checks that every
// receipt ever returned is still there, in the same block, and that the
// chain goes on.

func TestCrashAllValidatorsKeepsEveryReceipt(t *testing.T) {
	crashRounds(t, "consortium", 4, 12)
}

func TestCrashSinglePrivateValidatorKeepsEveryReceipt(t *testing.T) {
	crashRounds(t, "private", 1, 20)
}

// ack is a receipt a node returned.
type ack struct {
	number uint64
	block  common.Hash
}

// sender sends transfers from one funded key and records every receipt it is
// given. It keeps going across crashes: a failed call is retried on the next
// node after a short pause.
type sender struct {
	m     *mpNet
	key   *ecdsa.PrivateKey
	to    common.Address
	chain *big.Int

	mu    sync.Mutex
	acked map[common.Hash]ack
	first chan struct{} // closed at the first receipt after arm
}

func (s *sender) arm() chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.first = make(chan struct{})
	return s.first
}

func (s *sender) record(h common.Hash, r *types.Receipt) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.acked[h] = ack{number: r.BlockNumber.Uint64(), block: r.BlockHash}
	if s.first != nil {
		close(s.first)
		s.first = nil
	}
}

// run sends batches of transfers to validator i and waits for their
// receipts until ctx ends. It works on whichever node answers and starts
// over (fresh nonce from the chain) after any error: the nodes die under it.
func (s *sender) run(ctx context.Context) {
	from := crypto.PubkeyToAddress(s.key.PublicKey)
	signer := types.LatestSignerForChainID(s.chain)
	for i := 0; ctx.Err() == nil; i++ {
		p := s.m.procs[i%len(s.m.procs)]
		c, err := ethclient.DialContext(ctx, fmt.Sprintf("http://%s:%d", p.httpHost, p.httpPort))
		if err != nil {
			time.Sleep(50 * time.Millisecond)
			continue
		}
		s.batch(ctx, c, from, signer)
		c.Close()
		time.Sleep(20 * time.Millisecond)
	}
}

func (s *sender) batch(ctx context.Context, c *ethclient.Client, from common.Address, signer types.Signer) {
	cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	nonce, err := c.NonceAt(cctx, from, nil)
	if err != nil {
		return
	}
	var hashes []common.Hash
	for k := range 1 + rand.IntN(4) {
		tx, err := types.SignNewTx(s.key, signer, &types.DynamicFeeTx{
			ChainID: s.chain, Nonce: nonce + uint64(k), To: &s.to, Value: big.NewInt(1),
			Gas: params.TxGas, GasFeeCap: big.NewInt(10 * params.GWei), GasTipCap: big.NewInt(params.GWei),
		})
		if err != nil {
			panic(err)
		}
		if err := c.SendTransaction(cctx, tx); err != nil {
			break
		}
		hashes = append(hashes, tx.Hash())
	}
	for _, h := range hashes {
		for cctx.Err() == nil {
			r, err := c.TransactionReceipt(cctx, h)
			if err == nil {
				s.record(h, r)
				break
			}
			time.Sleep(25 * time.Millisecond)
		}
	}
}

func crashRounds(t *testing.T, chain string, validators, rounds int) {
	key, _ := crypto.GenerateKey()
	from := crypto.PubkeyToAddress(key.PublicKey)
	m := newChainNet(t, chain, validators, from.Hex()+"=1000ether")
	all := make([]int, validators)
	for i := range all {
		all[i] = i
	}
	// After the first start every enode is known: all restart at once.
	startAll := func() {
		for i := range m.procs {
			m.launch(i)
		}
		for i := range m.procs {
			m.waitStarted(i)
		}
	}
	m.startAll() // one by one the first time: each dials those started before it
	m.waitHeads("first blocks", 60*time.Second, all, 1)
	var chainID hexutil.Big
	if err := m.call(0, &chainID, "eth_chainId"); err != nil {
		t.Fatal(err)
	}
	s := &sender{m: m, key: key, to: common.HexToAddress("0x5e5e5e"), chain: chainID.ToInt(), acked: map[common.Hash]ack{}}
	t0 := time.Now()
	afterReceipt := 0 // rounds killed right after a receipt: each acknowledged one more
	for r := range rounds {
		ctx, cancel := context.WithCancel(context.Background())
		first := s.arm()
		done := make(chan struct{})
		go func() { s.run(ctx); close(done) }()
		// Half the rounds die the moment a receipt is returned, the others
		// at a random moment up to 2.5 s into the round (mid-block,
		// mid-commit, between blocks, with transactions in flight).
		how := "right after a receipt"
		if rand.IntN(2) == 0 {
			select {
			case <-first:
				afterReceipt++
			case <-time.After(20 * time.Second):
				t.Fatalf("round %d: no receipt within 20 s", r)
			}
		} else {
			d := time.Duration(rand.Int64N(int64(2500 * time.Millisecond)))
			how = fmt.Sprintf("%v into the round", d.Round(time.Millisecond))
			time.Sleep(d)
		}
		var ps []*proctest.Proc
		for _, p := range m.procs {
			ps = append(ps, p.proc)
		}
		proctest.KillAll(ps...)
		cancel()
		<-done
		s.mu.Lock()
		want, top := make(map[common.Hash]ack, len(s.acked)), uint64(0)
		for h, a := range s.acked {
			want[h] = a
			top = max(top, a.number)
		}
		s.mu.Unlock()
		startAll()
		m.waitHeads(fmt.Sprintf("round %d: every validator back at least at block %d", r, top), 60*time.Second, all, top)
		for _, i := range all {
			for h, a := range want {
				var got struct {
					BlockNumber string      `json:"blockNumber"`
					BlockHash   common.Hash `json:"blockHash"`
				}
				err := m.call(i, &got, "eth_getTransactionReceipt", h)
				for tries := 0; err != nil && tries < 50; tries++ { // "transaction indexing is in progress"
					time.Sleep(100 * time.Millisecond)
					err = m.call(i, &got, "eth_getTransactionReceipt", h)
				}
				if err != nil || got.BlockHash != a.block {
					t.Fatalf("round %d (killed %s): validator %d lost the receipt of %s returned in block %d %s: got %+v, %v",
						r, how, i, h, a.number, a.block, got, err)
				}
			}
		}
		t.Logf("round %d: killed %s; %d receipts kept, head %d", r, how, len(want), m.head(0))
	}
	h := m.head(0)
	m.waitHeads("the chain goes on after the last crash", 30*time.Second, all, h+2)
	m.checkNoFork()
	// A round killed a few hundred ms in may end before its first block (on
	// a loaded machine, often): only the rounds killed after a receipt are
	// sure to have added one.
	if len(s.acked) < max(afterReceipt, 1) {
		t.Fatalf("only %d receipts in %d rounds, %d of them killed right after a receipt", len(s.acked), rounds, afterReceipt)
	}
	for i := range m.procs {
		out := m.procs[i].output()
		if strings.Contains(out, "SetHead invalidated finalized block") || strings.Contains(out, "Head state missing") {
			t.Errorf("validator %d rewound its chain on restart", i)
		}
	}
	t.Logf("%d rounds, %d receipts, %v", rounds, len(s.acked), time.Since(t0).Round(time.Second))
}

func quorum(n int) int { return (2*n + 2) / 3 }
