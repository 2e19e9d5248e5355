package qbftbench

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/sovereign-gov/sovereign/internal/loadgen"
)

// counterCode is the runtime code of the "simple contract" of the call
// load: every call adds one to storage slot 0
// (PUSH1 1, PUSH1 0, SLOAD, ADD, PUSH1 0, SSTORE, STOP).
var counterCode = common.FromHex("0x600160005401600055" + "00")

// counterAddress is where both benchmark genesis files place the counter.
var counterAddress = common.HexToAddress("0x000000000000000000000000000000000000c0de")

// Kind of load.
type Kind int

const (
	Transfers Kind = iota
	Calls
)

func (k Kind) String() string {
	if k == Calls {
		return "contract calls"
	}
	return "ETH transfers"
}

// Result of one load run. Under QBFT a transaction's inclusion is its
// finality (the head moves only with a commit certificate); under clique it
// is inclusion only.
type Result struct {
	Sent, Included int
	SubmitPerSec   float64
	IncludedPerSec float64 // from first send to last inclusion
	P50, P99       time.Duration
	Blocks         int
	FirstError     string
}

func (r *Result) String() string {
	s := fmt.Sprintf("%d/%d included in %d blocks, %.0f tx/s, latency p50 %v p99 %v",
		r.Included, r.Sent, r.Blocks, r.IncludedPerSec, r.P50.Round(time.Millisecond), r.P99.Round(time.Millisecond))
	if r.FirstError != "" {
		s += " (first refusal: " + r.FirstError + ")"
	}
	return s
}

// runLoad signs txs transactions of kind, spread over senders, submits each
// sender's stream to urls[i%len(urls)] and watches watchURL for inclusion.
// rate paces the whole load (transactions per second; 0 = as fast as the
// nodes accept), as load generators like Hyperledger Caliper do: an
// unpaced flood overfills the pools of a multi-node chain, and evicted
// transactions leave nonce gaps that measure the pool, not consensus.
// window bounds each sender's transactions in flight (sent, not yet
// included; 0 = unbounded): a closed loop like Caliper's fixed-load
// controller, which measures what the chain sustains without overfilling
// the pools (geth's default pool holds 5,120 executable transactions and
// drops the newest nonces of the busiest senders beyond that).
func runLoad(ctx context.Context, urls []string, watchURL string, senders []*ecdsa.PrivateKey, txs int, kind Kind, rate, window int, timeout time.Duration) (*Result, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	clients := make([]*rpc.Client, len(urls))
	for i, u := range urls {
		c, err := loadgen.Dial(ctx, u)
		if err != nil {
			return nil, fmt.Errorf("dialing %s: %w", u, err)
		}
		defer c.Close()
		clients[i] = c
	}
	watch, err := loadgen.Dial(ctx, watchURL)
	if err != nil {
		return nil, err
	}
	defer watch.Close()
	var chainID hexutil.Big
	if err := watch.CallContext(ctx, &chainID, "eth_chainId"); err != nil {
		return nil, fmt.Errorf("eth_chainId: %w", err)
	}
	signer := types.LatestSignerForChainID(chainID.ToInt())
	streams := make([][][]byte, len(senders))
	hashes := make([][]common.Hash, len(senders))
	for i, key := range senders {
		from := crypto.PubkeyToAddress(key.PublicKey)
		var nonce hexutil.Uint64
		if err := watch.CallContext(ctx, &nonce, "eth_getTransactionCount", from, "pending"); err != nil {
			return nil, fmt.Errorf("nonce of %s: %w", from, err)
		}
		share := txs / len(senders)
		if i < txs%len(senders) {
			share++
		}
		to, gas := common.BytesToAddress(crypto.Keccak256(from[:])[:20]), params.TxGas
		if kind == Calls {
			to, gas = counterAddress, 60_000
		}
		for j := 0; j < share; j++ {
			tx := types.MustSignNewTx(key, signer, &types.DynamicFeeTx{
				ChainID: chainID.ToInt(), Nonce: uint64(nonce) + uint64(j), GasTipCap: big.NewInt(params.GWei),
				GasFeeCap: big.NewInt(100 * params.GWei), Gas: gas, To: &to, Value: big.NewInt(1),
			})
			raw, _ := tx.MarshalBinary()
			streams[i] = append(streams[i], raw)
			hashes[i] = append(hashes[i], tx.Hash())
		}
	}
	var head hexutil.Uint64
	if err := watch.CallContext(ctx, &head, "eth_blockNumber"); err != nil {
		return nil, err
	}
	w := loadgen.NewWatcher(watch, uint64(head))
	wctx, wcancel := context.WithCancel(ctx)
	wdone := make(chan struct{})
	go func() { defer close(wdone); w.Run(wctx) }()

	var (
		mu       sync.Mutex
		sentAt   = make(map[common.Hash]time.Time, txs)
		firstErr string
		wg       sync.WaitGroup
	)
	start := time.Now()
	for i, stream := range streams {
		wg.Add(1)
		go func(c *rpc.Client, stream [][]byte, hashes []common.Hash) {
			defer wg.Done()
			var interval time.Duration
			if rate > 0 {
				interval = time.Duration(float64(time.Second) * float64(len(streams)) / float64(rate))
			}
			for j, raw := range stream {
				if wait := time.Until(start.Add(time.Duration(j) * interval)); wait > 0 {
					time.Sleep(wait)
				}
				for window > 0 && j >= window && ctx.Err() == nil && !w.Has(hashes[j-window]) {
					time.Sleep(5 * time.Millisecond)
				}
				for {
					t0 := time.Now()
					var h common.Hash
					err := c.CallContext(ctx, &h, "eth_sendRawTransaction", hexutil.Bytes(raw))
					if err == nil {
						mu.Lock()
						sentAt[h] = t0
						mu.Unlock()
						break
					}
					if ctx.Err() != nil {
						return
					}
					if strings.Contains(err.Error(), "txpool is full") {
						time.Sleep(10 * time.Millisecond)
						continue
					}
					mu.Lock()
					if firstErr == "" {
						firstErr = err.Error()
					}
					mu.Unlock()
					return
				}
			}
		}(clients[i%len(clients)], stream, hashes[i])
	}
	wg.Wait()
	submitted := time.Since(start)
	w.WaitFor(ctx, func(seen map[common.Hash]time.Time) bool {
		mu.Lock()
		defer mu.Unlock()
		for h := range sentAt {
			if _, ok := seen[h]; !ok {
				return false
			}
		}
		return true
	})
	wcancel()
	<-wdone
	seen, blocks := w.Snapshot()
	res := &Result{Sent: txs, FirstError: firstErr, Blocks: blocks}
	if submitted > 0 {
		res.SubmitPerSec = float64(len(sentAt)) / submitted.Seconds()
	}
	var lat []time.Duration
	var last time.Time
	for h, t0 := range sentAt {
		if t1, ok := seen[h]; ok {
			lat = append(lat, t1.Sub(t0))
			if t1.After(last) {
				last = t1
			}
		}
	}
	res.Included = len(lat)
	if len(lat) > 0 {
		slices.Sort(lat)
		res.P50 = lat[len(lat)/2]
		res.P99 = lat[min(len(lat)-1, len(lat)*99/100)]
		res.IncludedPerSec = float64(len(lat)) / last.Sub(start).Seconds()
	}
	return res, nil
}
