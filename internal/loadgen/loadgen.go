// Package loadgen drives a JSON-RPC endpoint with signed ETH transfers from
// several senders and measures what the chain does with them: how fast they
// are accepted, how fast they are sealed, and how long each waits for its
// block. The same generator measures our chains and the reference nodes, so
// their figures compare.
package loadgen

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"net/http"
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
)

// Config of one load run.
type Config struct {
	URL     string              // HTTP JSON-RPC endpoint
	Senders []*ecdsa.PrivateKey // funded accounts; one goroutine each
	Txs     int                 // total transfers, split over the senders
	Timeout time.Duration       // bound on the whole run
	// GasFeeCap and GasTipCap default to 100 gwei and 1 gwei.
	GasFeeCap, GasTipCap *big.Int
}

// Result of a load run.
type Result struct {
	Sent, Accepted, Sealed int
	AcceptedPerSec         float64 // accepted transfers / time to submit them all
	SealedPerSec           float64 // sealed transfers / time from first send to last inclusion
	LatencyP50, LatencyP99 time.Duration
	Blocks                 int    // blocks that carried the load
	FirstError             string // first refusal, if any
}

func (r *Result) String() string {
	return fmt.Sprintf("sent %d, accepted %d (%.0f tx/s), sealed %d in %d blocks (%.0f tx/s), inclusion p50 %v p99 %v",
		r.Sent, r.Accepted, r.AcceptedPerSec, r.Sealed, r.Blocks, r.SealedPerSec,
		r.LatencyP50.Round(time.Millisecond), r.LatencyP99.Round(time.Millisecond))
}

// Dial connects to a JSON-RPC endpoint for load: over HTTP with a
// connection pool as large as the load's concurrency. geth's default
// client keeps two idle connections per host, so dozens of concurrent
// senders open and close a TCP connection per request; over tens of
// thousands of requests the TIME_WAIT sockets pile up and sending slows
// down on whatever chain is measured, which then looks slower than it is.
func Dial(ctx context.Context, url string) (*rpc.Client, error) {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.MaxIdleConns = 1024
	transport.MaxIdleConnsPerHost = 1024
	return rpc.DialOptions(ctx, url, rpc.WithHTTPClient(&http.Client{Transport: transport}))
}

// pollInterval is how often the watcher asks for new blocks.
const pollInterval = 5 * time.Millisecond

// Run signs every transfer up front, submits them concurrently (one stream
// per sender, retrying while the pool is full) and watches blocks until all
// accepted transfers are sealed or the timeout passes.
func Run(ctx context.Context, cfg Config) (*Result, error) {
	if len(cfg.Senders) == 0 || cfg.Txs <= 0 {
		return nil, errors.New("loadgen: need at least one sender and one transfer")
	}
	ctx, cancel := context.WithTimeout(ctx, cfg.Timeout)
	defer cancel()
	client, err := Dial(ctx, cfg.URL)
	if err != nil {
		return nil, fmt.Errorf("dialing %s: %w", cfg.URL, err)
	}
	defer client.Close()
	streams, err := signAll(ctx, client, cfg)
	if err != nil {
		return nil, err
	}
	var startBlock hexutil.Uint64
	if err := client.CallContext(ctx, &startBlock, "eth_blockNumber"); err != nil {
		return nil, fmt.Errorf("eth_blockNumber: %w", err)
	}

	var (
		mu       sync.Mutex
		sentAt   = make(map[common.Hash]time.Time, cfg.Txs)
		firstErr string
	)
	w := NewWatcher(client, uint64(startBlock))
	watchDone := make(chan struct{})
	go func() { defer close(watchDone); w.Run(ctx) }()

	start := time.Now()
	var wg sync.WaitGroup
	for _, txs := range streams {
		wg.Add(1)
		go func(txs []*types.Transaction) {
			defer wg.Done()
			for _, tx := range txs {
				raw, _ := tx.MarshalBinary()
				for {
					t0 := time.Now()
					err := client.CallContext(ctx, nil, "eth_sendRawTransaction", hexutil.Bytes(raw))
					if err == nil {
						mu.Lock()
						sentAt[tx.Hash()] = t0
						mu.Unlock()
						break
					}
					if ctx.Err() != nil {
						return
					}
					if strings.Contains(err.Error(), "txpool is full") || strings.Contains(err.Error(), "future transaction tries to replace") {
						time.Sleep(10 * time.Millisecond) // back-pressure: wait for the sealer
						continue
					}
					mu.Lock()
					if firstErr == "" {
						firstErr = err.Error()
					}
					mu.Unlock()
					return // later nonces of this sender cannot be included
				}
			}
		}(txs)
	}
	wg.Wait()
	submitted := time.Since(start)
	accepted := len(sentAt)
	w.WaitFor(ctx, func(seen map[common.Hash]time.Time) bool {
		n := 0
		for h := range sentAt {
			if _, ok := seen[h]; ok {
				n++
			}
		}
		return n == accepted
	})
	cancel()
	<-watchDone

	res := &Result{Sent: cfg.Txs, Accepted: accepted, FirstError: firstErr}
	if submitted > 0 {
		res.AcceptedPerSec = float64(accepted) / submitted.Seconds()
	}
	var (
		lat  []time.Duration
		last time.Time
	)
	seen, blocks := w.Snapshot()
	for h, t0 := range sentAt {
		t1, ok := seen[h]
		if !ok {
			continue
		}
		lat = append(lat, t1.Sub(t0))
		if t1.After(last) {
			last = t1
		}
	}
	res.Sealed, res.Blocks = len(lat), blocks
	if len(lat) > 0 {
		slices.Sort(lat)
		res.LatencyP50 = lat[len(lat)/2]
		res.LatencyP99 = lat[min(len(lat)-1, len(lat)*99/100)]
		res.SealedPerSec = float64(len(lat)) / last.Sub(start).Seconds()
	}
	return res, nil
}

// signAll signs each sender's share of transfers with consecutive nonces.
func signAll(ctx context.Context, client *rpc.Client, cfg Config) ([][]*types.Transaction, error) {
	var chainID hexutil.Big
	if err := client.CallContext(ctx, &chainID, "eth_chainId"); err != nil {
		return nil, fmt.Errorf("eth_chainId: %w", err)
	}
	feeCap, tip := cfg.GasFeeCap, cfg.GasTipCap
	if feeCap == nil {
		feeCap = big.NewInt(100 * params.GWei)
	}
	if tip == nil {
		tip = big.NewInt(params.GWei)
	}
	signer := types.LatestSignerForChainID(chainID.ToInt())
	streams := make([][]*types.Transaction, len(cfg.Senders))
	for i, key := range cfg.Senders {
		from := crypto.PubkeyToAddress(key.PublicKey)
		var nonce hexutil.Uint64
		if err := client.CallContext(ctx, &nonce, "eth_getTransactionCount", from, "pending"); err != nil {
			return nil, fmt.Errorf("nonce of %s: %w", from, err)
		}
		share := cfg.Txs / len(cfg.Senders)
		if i < cfg.Txs%len(cfg.Senders) {
			share++
		}
		to := common.BytesToAddress(crypto.Keccak256(from[:])[:20]) // a fresh recipient per sender
		for j := 0; j < share; j++ {
			tx, err := types.SignNewTx(key, signer, &types.DynamicFeeTx{
				ChainID: chainID.ToInt(), Nonce: uint64(nonce) + uint64(j), GasTipCap: tip, GasFeeCap: feeCap,
				Gas: params.TxGas, To: &to, Value: big.NewInt(1),
			})
			if err != nil {
				return nil, err
			}
			streams[i] = append(streams[i], tx)
		}
	}
	return streams, nil
}

// Watcher records when each transaction's block was first seen on one
// node, polling every 5 ms. Benchmarks of other loads reuse it.
type Watcher struct {
	client *rpc.Client
	next   uint64

	mu     sync.Mutex
	cond   chan struct{}
	seen   map[common.Hash]time.Time
	blocks int
}

// NewWatcher watches the blocks after head through c.
func NewWatcher(c *rpc.Client, head uint64) *Watcher {
	return &Watcher{client: c, next: head + 1, seen: make(map[common.Hash]time.Time), cond: make(chan struct{}, 1)}
}

// Run polls until ctx ends.
func (w *Watcher) Run(ctx context.Context) {
	for ctx.Err() == nil {
		var head hexutil.Uint64
		if err := w.client.CallContext(ctx, &head, "eth_blockNumber"); err != nil {
			time.Sleep(pollInterval)
			continue
		}
		for ; w.next <= uint64(head); w.next++ {
			var block struct {
				Transactions []common.Hash `json:"transactions"`
			}
			if err := w.client.CallContext(ctx, &block, "eth_getBlockByNumber", hexutil.Uint64(w.next), false); err != nil {
				break
			}
			now := time.Now()
			w.mu.Lock()
			for _, h := range block.Transactions {
				w.seen[h] = now
			}
			if len(block.Transactions) > 0 {
				w.blocks++
			}
			w.mu.Unlock()
		}
		select {
		case w.cond <- struct{}{}:
		default:
		}
		time.Sleep(pollInterval)
	}
}

// Has reports whether transaction h was seen in a block.
func (w *Watcher) Has(h common.Hash) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	_, ok := w.seen[h]
	return ok
}

// WaitFor blocks until done holds over the seen set or ctx ends.
func (w *Watcher) WaitFor(ctx context.Context, done func(map[common.Hash]time.Time) bool) {
	for {
		w.mu.Lock()
		ok := done(w.seen)
		w.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-w.cond:
		}
	}
}

// Snapshot returns the seen set and the number of blocks that carried
// transactions; call it once Run has ended.
func (w *Watcher) Snapshot() (map[common.Hash]time.Time, int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.seen, w.blocks
}
