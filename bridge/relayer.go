package bridge

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/sovereign-gov/sovereign/bindings/releasebridge"
	"github.com/sovereign-gov/sovereign/internal/ethtx"
)

// Config of a Relayer.
type Config struct {
	Consortium *rpc.Client // a consortium node's JSON-RPC (eth_*, qbft_getCertificate)
	Public     *rpc.Client // a public chain node's JSON-RPC
	Bridge     common.Address
	Key        *ecdsa.PrivateKey // pays for relays; one relayer per key
	// PublicChainID, when set, is the chain the key signs for: the public
	// endpoint must serve it.
	PublicChainID *big.Int

	Batch    int           // logs per relay transaction (default 32)
	Interval time.Duration // between passes while following (default 5 s)
	LogRange uint64        // blocks per eth_getLogs query (default 2,000)
	// CheckpointEvery anchors the consortium head on the bridge once it is
	// this many blocks past the latest checkpoint (0: by blocks never).
	CheckpointEvery uint64
	// CheckpointPeriod anchors it once the head's time is this far past the
	// latest checkpoint's (0: by time never).
	CheckpointPeriod time.Duration
	// ParkFor is how long a release the registry refused as retryable
	// (SupersedesFrozen) is left alone before it is tried again (default 10 min).
	ParkFor time.Duration

	BackoffMin time.Duration // first wait after a failure (default 1 s)
	BackoffMax time.Duration // longest wait (default 1 min)
	Poll       time.Duration // receipt polling (default 250 ms)
	TxTimeout  time.Duration // wait for a receipt at most this long (default 2 min)
	Logger     log.Logger
	Metrics    *Metrics // lag, pending decisions and gas per record (nil: none)
}

// Summary says what a pass or a run did.
type Summary struct {
	FromBlock, ToBlock uint64 // consortium blocks whose logs were relayed (0 if none)
	Approved           int    // approved decisions relayed (published, or refused by the registry: see Refused)
	Rejected           int    // rejected decisions relayed (they publish nothing)
	Access             int    // access decisions relayed
	SetChanges         int    // validator set changes relayed
	Shreds             int    // shred receipts relayed
	Verifiers          int    // verifier adoptions relayed
	Refused            int    // releases the registry refused (ReleaseRefused)
	Skipped            int    // logs found relayed by someone else before we sent them
	Txs                int    // relay and checkpoint transactions mined
	Reverted           int    // of which reverted (another relayer was first)
	Batches            int    // relay batches attempted (one transaction each)
	GasUsed            uint64 // by relays
	InFlight           int    // logs left alone because another relayer's transaction for them is pending
	Parked             int    // logs left alone until ParkFor has passed (refused as retryable, or unrelayable)
	Unrelayable        int    // logs whose relay would revert (not sent; parked)
	Checkpoint         uint64 // consortium block anchored as a checkpoint (0: none)
	CheckpointGas      uint64
}

// Records is the number of logs relayed.
func (s Summary) Records() int {
	return s.Approved + s.Rejected + s.Access + s.SetChanges + s.Shreds + s.Verifiers
}

func (s Summary) String() string {
	if s.Records() == 0 {
		out := fmt.Sprintf("nothing to relay (%d found relayed by others, %d txs, %d reverted)", s.Skipped, s.Txs, s.Reverted)
		if s.Parked > 0 {
			out += fmt.Sprintf("; %d parked", s.Parked)
		}
		return out + s.tail()
	}
	perRecord := s.GasUsed / uint64(s.Records())
	out := fmt.Sprintf("relayed %d decisions (%d approved, %d rejected), %d access decisions, %d set changes, %d shred receipts, %d verifier adoptions from consortium blocks %d–%d in %d txs (%d reverted), %dk gas/record",
		s.Approved+s.Rejected, s.Approved, s.Rejected, s.Access, s.SetChanges, s.Shreds, s.Verifiers, s.FromBlock, s.ToBlock, s.Txs, s.Reverted, (perRecord+500)/1000)
	if s.Refused > 0 {
		out += fmt.Sprintf("; the registry refused %d releases (ReleaseRefused)", s.Refused)
	}
	if s.Skipped > 0 {
		out += fmt.Sprintf("; %d found relayed by others", s.Skipped)
	}
	if s.InFlight > 0 {
		out += fmt.Sprintf("; %d pending in another relayer's transaction", s.InFlight)
	}
	return out + s.tail()
}

// tail is what both forms of the summary end with.
func (s Summary) tail() string {
	var out string
	if s.Unrelayable > 0 {
		out += fmt.Sprintf("; %d logs the bridge would refuse (not sent)", s.Unrelayable)
	}
	if s.Checkpoint != 0 {
		out += fmt.Sprintf("; checkpoint at consortium block %d (%dk gas)", s.Checkpoint, (s.CheckpointGas+500)/1000)
	}
	return out
}

func (s *Summary) add(o Summary) {
	if o.FromBlock != 0 && (s.FromBlock == 0 || o.FromBlock < s.FromBlock) {
		s.FromBlock = o.FromBlock
	}
	s.ToBlock = max(s.ToBlock, o.ToBlock)
	s.Approved += o.Approved
	s.Rejected += o.Rejected
	s.Access += o.Access
	s.SetChanges += o.SetChanges
	s.Shreds += o.Shreds
	s.Verifiers += o.Verifiers
	s.Refused += o.Refused
	s.Skipped += o.Skipped
	s.Txs += o.Txs
	s.Reverted += o.Reverted
	s.Batches += o.Batches
	s.GasUsed += o.GasUsed
	s.InFlight += o.InFlight
	s.Parked += o.Parked
	s.Unrelayable += o.Unrelayable
	s.Checkpoint = max(s.Checkpoint, o.Checkpoint)
	s.CheckpointGas += o.CheckpointGas
}

// ChainError is a failure to reach one of the two chains (Chain is
// "consortium" or "public"): the relayer backs off and tries again.
type ChainError struct {
	Chain string
	Err   error
}

func (e *ChainError) Error() string { return e.Chain + " RPC: " + e.Err.Error() }
func (e *ChainError) Unwrap() error { return e.Err }

func consortiumErr(err error) error {
	if err == nil || errors.Is(err, ErrForged) {
		return err
	}
	return &ChainError{"consortium", err}
}

func publicErr(err error) error {
	if err == nil {
		return nil
	}
	return &ChainError{"public", err}
}

// ErrWrongChain is wrapped when an endpoint serves another chain than the
// bridge follows or the key signs for.
var ErrWrongChain = errors.New("wrong chain")

// WrongChainError names the endpoint ("consortium" or "public") that serves
// the wrong chain; Msg reads after the endpoint ("has chain id …").
type WrongChainError struct {
	Chain string
	Msg   string
}

func (e *WrongChainError) Error() string        { return e.Msg }
func (e *WrongChainError) Is(target error) bool { return target == ErrWrongChain }

// ErrWouldRevert is wrapped when a relay's simulation reverts for another
// reason than a log already relayed: it is not sent.
var ErrWouldRevert = errors.New("relay would revert")

// Relayer relays every consortium Decision, AccessDecision, Shredded,
// VerifierAdopted and ValidatorSetChanged log the bridge has not seen, in block order. It keeps
// no state that matters: the cursor is an optimisation re-derived from the
// bridge's start block on restart.
type Relayer struct {
	cfg          Config
	log          log.Logger
	public       *ethclient.Client
	consortium   *ethclient.Client
	proofs       *Proofs
	bridge       *releasebridge.ReleaseBridge
	from         common.Address
	publicID     *big.Int
	consortiumID *big.Int
	watch        Watch
	startBlock   uint64

	cursor uint64               // lowest block that may hold unrelayed work (0: the bridge's start)
	parked map[logKey]time.Time // retryable refusals, until
	down   string               // the failing state last logged ("" when healthy)
}

type logKey struct {
	block common.Hash
	ri    uint
	li    uint
}

// New connects the relayer and checks the chains: the consortium endpoint
// must serve the chain whose id the bridge pins (consortiumChainId()), the
// public endpoint must hold the bridge and, when cfg.PublicChainID is set,
// serve that chain.
func New(ctx context.Context, cfg Config) (*Relayer, error) {
	if cfg.Key == nil {
		return nil, errors.New("relayer: no key")
	}
	if cfg.Batch <= 0 {
		cfg.Batch = 32
	}
	if cfg.Interval <= 0 {
		cfg.Interval = 5 * time.Second
	}
	if cfg.LogRange == 0 {
		cfg.LogRange = 2000
	}
	if cfg.ParkFor <= 0 {
		cfg.ParkFor = 10 * time.Minute
	}
	if cfg.BackoffMin <= 0 {
		cfg.BackoffMin = time.Second
	}
	if cfg.BackoffMax < cfg.BackoffMin {
		cfg.BackoffMax = max(time.Minute, cfg.BackoffMin)
	}
	if cfg.Poll <= 0 {
		cfg.Poll = 250 * time.Millisecond
	}
	if cfg.TxTimeout <= 0 {
		cfg.TxTimeout = 2 * time.Minute
	}
	if cfg.Logger == nil {
		cfg.Logger = log.Root()
	}
	r := &Relayer{cfg: cfg, public: ethclient.NewClient(cfg.Public), consortium: ethclient.NewClient(cfg.Consortium),
		bridge: releasebridge.NewReleaseBridge(), from: crypto.PubkeyToAddress(cfg.Key.PublicKey), parked: map[logKey]time.Time{}}
	r.log = cfg.Logger.New("bridge", cfg.Bridge, "relayer", r.from)
	var err error
	if r.publicID, err = r.public.ChainID(ctx); err != nil {
		return nil, publicErr(fmt.Errorf("chain id: %w", err))
	}
	if cfg.PublicChainID != nil && cfg.PublicChainID.Cmp(r.publicID) != 0 {
		return nil, &WrongChainError{"public", fmt.Sprintf("has chain id %s, the key is to sign for chain %s", r.publicID, cfg.PublicChainID)}
	}
	code, err := r.public.CodeAt(ctx, cfg.Bridge, nil)
	if err != nil {
		return nil, publicErr(err)
	}
	if len(code) == 0 {
		return nil, &WrongChainError{"public", fmt.Sprintf("has no contract at bridge address %s (chain id %s)", cfg.Bridge, r.publicID)}
	}
	if r.consortiumID, err = r.callBig(ctx, r.bridge.PackConsortiumChainId(), r.bridge.UnpackConsortiumChainId); err != nil {
		var ce *ChainError
		if errors.As(err, &ce) && (isRevert(ce.Err) || strings.Contains(ce.Err.Error(), "bridge answer")) {
			return nil, &WrongChainError{"public", fmt.Sprintf("has no ReleaseBridge at %s (consortiumChainId(): %v)", cfg.Bridge, ce.Err)}
		}
		return nil, err
	}
	got, err := r.consortium.ChainID(ctx)
	if err != nil {
		return nil, consortiumErr(fmt.Errorf("chain id: %w", err))
	}
	if got.Cmp(r.consortiumID) != 0 {
		return nil, &WrongChainError{"consortium", fmt.Sprintf("has chain id %s, the bridge %s follows consortium chain %s", got, cfg.Bridge, r.consortiumID)}
	}
	if r.watch.ReviewBoard, err = callPublic(ctx, r, r.bridge.PackReviewBoard(), r.bridge.UnpackReviewBoard); err != nil {
		return nil, err
	}
	if r.watch.ValidatorSet, err = callPublic(ctx, r, r.bridge.PackValidatorSet(), r.bridge.UnpackValidatorSet); err != nil {
		return nil, err
	}
	if r.startBlock, err = callPublic(ctx, r, r.bridge.PackStartBlock(), r.bridge.UnpackStartBlock); err != nil {
		return nil, err
	}
	bal, err := r.public.BalanceAt(ctx, r.from, nil)
	if err != nil {
		return nil, publicErr(err)
	}
	if bal.Sign() == 0 {
		return nil, fmt.Errorf("relayer account %s has no funds on the public chain (chain id %s) to pay for relays", r.from, r.publicID)
	}
	r.proofs = NewProofs(cfg.Consortium, r.consortiumID, r.watch)
	r.log.Info("relayer ready", "balance", bal, "public", r.publicID, "consortium", r.consortiumID, "reviewBoard", r.watch.ReviewBoard,
		"validatorSet", r.watch.ValidatorSet, "startBlock", r.startBlock, "batch", cfg.Batch)
	return r, nil
}

// Address is the relayer's account on the public chain.
func (r *Relayer) Address() common.Address { return r.from }

func (r *Relayer) callBig(ctx context.Context, data []byte, unpack func([]byte) (*big.Int, error)) (*big.Int, error) {
	return callPublic(ctx, r, data, unpack)
}

// callPublic runs a view call on the bridge at the latest public block.
func callPublic[T any](ctx context.Context, r *Relayer, data []byte, unpack func([]byte) (T, error)) (T, error) {
	var zero T
	out, err := r.public.CallContract(ctx, callMsg(r.cfg.Bridge, data), nil)
	if err != nil {
		return zero, publicErr(fmt.Errorf("bridge call: %w", err))
	}
	v, err := unpack(out)
	if err != nil {
		return zero, publicErr(fmt.Errorf("bridge answer %x: %w", out, err))
	}
	return v, nil
}

func callMsg(to common.Address, data []byte) ethereum.CallMsg {
	return ethereum.CallMsg{To: &to, Data: data}
}

// Once relays everything the bridge is missing up to the consortium's head
// and returns. A batch that reverted (another relayer was first) is looked
// at again in a next pass, at most a few.
func (r *Relayer) Once(ctx context.Context) (Summary, error) {
	var total Summary
	for range 10 {
		s, err := r.pass(ctx)
		total.add(s)
		if err != nil {
			return total, err
		}
		if s.Reverted == 0 && s.InFlight == 0 {
			break
		}
		// let the competing transactions land, then look again
		select {
		case <-ctx.Done():
			return total, ctx.Err()
		case <-time.After(4 * r.cfg.Poll):
		}
	}
	return total, nil
}

// Run follows the consortium until ctx ends: a pass every Interval, and
// while a chain is down, waits growing from BackoffMin to BackoffMax with
// jitter. It logs each change of state once and a progress line per pass
// that relayed anything.
func (r *Relayer) Run(ctx context.Context) error {
	failures := 0
	for {
		s, err := r.pass(ctx)
		if err != nil && ctx.Err() != nil {
			return nil
		}
		wait := r.cfg.Interval
		if err != nil {
			failures++
			wait = backoff(r.cfg.BackoffMin, r.cfg.BackoffMax, failures)
			state := stateOf(err)
			if state != r.down {
				r.log.Warn("relaying paused", "reason", state, "err", err, "retry", wait.Round(time.Millisecond))
				r.down = state
			} else {
				r.log.Debug("still failing", "err", err, "retry", wait.Round(time.Millisecond))
			}
		} else {
			if r.down != "" {
				r.log.Info("relaying resumed", "after", r.down)
				r.down = ""
			}
			failures = 0
		}
		if s.Records() > 0 || s.Checkpoint != 0 || s.Reverted > 0 {
			r.log.Info(s.String())
		}
		if err == nil && s.Txs > 0 {
			// a pass that sent took a public block or more: decisions made
			// meanwhile are relayed at once, not an interval later
			wait = 0
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(wait):
		}
	}
}

// stateOf names what is failing, for logging changes only.
func stateOf(err error) string {
	var ce *ChainError
	switch {
	case errors.As(err, &ce):
		return ce.Chain + " unreachable"
	case errors.Is(err, ErrForged):
		return "consortium data does not verify"
	case errors.Is(err, ErrWouldRevert):
		return "relay would revert"
	}
	return "error"
}

// backoff is min·2^(n−1) capped at max, with ±25 % jitter so that several
// relayers do not retry in step.
func backoff(lo, hi time.Duration, n int) time.Duration {
	d := lo
	for i := 1; i < n && d < hi; i++ {
		d *= 2
	}
	d = min(d, hi)
	j := time.Duration(rand.Int64N(int64(d)/2+1)) - d/4
	return max(d+j, time.Millisecond)
}

// pass scans the consortium from the cursor to its head and relays what the
// bridge is missing, block by block (a set change before any later block).
func (r *Relayer) pass(ctx context.Context) (sum Summary, err error) {
	var head uint64
	defer func() { r.observePass(ctx, head, sum, err) }()
	head, err = r.consortium.BlockNumber(ctx)
	if err != nil {
		return sum, consortiumErr(fmt.Errorf("head: %w", err))
	}
	from := max(r.cursor, r.startBlock)
	next := head + 1 // the cursor after this pass
	if from <= head {
		blocks, err := r.blocksWithLogs(ctx, from, head)
		if err != nil {
			return sum, err
		}
		for _, n := range blocks {
			left, blocking, err := r.relayBlock(ctx, n, &sum)
			if err != nil {
				r.cursor = min(next, n)
				return sum, err
			}
			if left {
				next = min(next, n)
			}
			if blocking {
				// a set change of this block is not on the bridge yet: no
				// later block can be relayed before it
				break
			}
		}
		r.cursor = next
	}
	if err := r.maybeCheckpoint(ctx, head, &sum); err != nil {
		return sum, err
	}
	return sum, nil
}

// blocksWithLogs lists, ascending, the blocks in [from, to] where the
// consortium says the bridge's logs are. Only a hint: the logs relayed are
// read from each block's verified receipts.
func (r *Relayer) blocksWithLogs(ctx context.Context, from, to uint64) ([]uint64, error) {
	var out []uint64
	for lo := from; lo <= to; lo += r.cfg.LogRange {
		hi := min(to, lo+r.cfg.LogRange-1)
		logs, err := r.consortium.FilterLogs(ctx, ethereum.FilterQuery{
			FromBlock: new(big.Int).SetUint64(lo), ToBlock: new(big.Int).SetUint64(hi),
			Addresses: []common.Address{r.watch.ReviewBoard, r.watch.ValidatorSet},
			Topics:    [][]common.Hash{{DecisionTopic, AccessDecisionTopic, SetChangedTopic, ShreddedTopic, VerifierTopic}},
		})
		if err != nil {
			return nil, consortiumErr(fmt.Errorf("eth_getLogs %d–%d: %w", lo, hi, err))
		}
		for _, l := range logs {
			if l.BlockNumber < lo || l.BlockNumber > hi {
				continue
			}
			if len(out) == 0 || out[len(out)-1] != l.BlockNumber {
				out = append(out, l.BlockNumber)
			}
		}
		if hi == to {
			break
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// unrelayed filters items to those the bridge has not marked relayed.
func (r *Relayer) unrelayed(ctx context.Context, b *Block, items []Item) ([]Item, error) {
	// one JSON-RPC batch per block: a restart re-reads every log's state
	var out []Item
	for chunk := range slices.Chunk(items, 100) {
		answers := make([]hexutil.Bytes, len(chunk))
		reqs := make([]rpc.BatchElem, len(chunk))
		for i, it := range chunk {
			data := r.bridge.PackIsRelayed(b.Hash, new(big.Int).SetUint64(uint64(it.ReceiptIndex)), new(big.Int).SetUint64(uint64(it.LogIndex)))
			reqs[i] = rpc.BatchElem{Method: "eth_call", Args: []any{map[string]any{"to": r.cfg.Bridge, "data": hexutil.Bytes(data)}, "latest"}, Result: &answers[i]}
		}
		if err := r.cfg.Public.BatchCallContext(ctx, reqs); err != nil {
			return nil, publicErr(fmt.Errorf("isRelayed: %w", err))
		}
		for i, it := range chunk {
			if reqs[i].Error != nil {
				return nil, publicErr(fmt.Errorf("isRelayed: %w", reqs[i].Error))
			}
			done, err := r.bridge.UnpackIsRelayed(answers[i])
			if err != nil {
				return nil, publicErr(fmt.Errorf("isRelayed answer %x: %w", answers[i], err))
			}
			if !done {
				out = append(out, it)
			}
		}
	}
	return out, nil
}

// relayBlock relays block n's missing logs in batches; left reports work
// that remains (a reverted batch, another relayer's pending one, parked
// refusals), blocking that a set change is among it.
func (r *Relayer) relayBlock(ctx context.Context, n uint64, sum *Summary) (left, blocking bool, err error) {
	b, err := r.proofs.Block(ctx, n)
	if err != nil {
		return false, false, consortiumErr(err)
	}
	missing, err := r.unrelayed(ctx, b, b.Items)
	if err != nil {
		return false, false, err
	}
	left, err = r.relayItems(ctx, b, missing, sum)
	if err != nil {
		return left, false, err
	}
	for _, it := range missing {
		if _, ok := r.parked[logKey{b.Hash, it.ReceiptIndex, it.LogIndex}]; ok {
			left = true // refused as retryable just now: keep the cursor here
		}
	}
	if !left {
		return false, false, nil
	}
	still, err := r.unrelayed(ctx, b, missing)
	if err != nil {
		return true, false, err
	}
	for _, it := range still {
		if it.Kind == KindSetChange {
			return true, true, nil
		}
	}
	return true, false, nil
}

// relayItems relays the missing items of b that are not parked.
func (r *Relayer) relayItems(ctx context.Context, b *Block, missing []Item, sum *Summary) (left bool, err error) {
	n := b.Number
	var todo []Item
	for _, it := range missing {
		key := logKey{b.Hash, it.ReceiptIndex, it.LogIndex}
		if until, ok := r.parked[key]; ok {
			if time.Now().Before(until) {
				left = true
				sum.Parked++
				continue
			}
			delete(r.parked, key) // tried again now
		}
		todo = append(todo, it)
	}
	if len(todo) == 0 {
		return left, nil
	}
	a, err := r.anchor(ctx, n)
	if err != nil {
		return false, err
	}
	if err := r.proofs.Certify(ctx, b, a); err != nil {
		return false, consortiumErr(err)
	}
	for chunk := range slices.Chunk(todo, r.cfg.Batch) {
		reverted, err := r.relayBatch(ctx, b, chunk, sum)
		if err != nil {
			return false, err
		}
		if reverted {
			// at most one reverted transaction per batch: the rest of
			// this block waits for the next pass, re-read from the bridge
			return true, nil
		}
	}
	return left, nil
}

// relayEach relays items one per transaction (after their batch would revert).
func (r *Relayer) relayEach(ctx context.Context, b *Block, items []Item, sum *Summary) (reverted bool, err error) {
	for _, it := range items {
		rev, err := r.relayBatch(ctx, b, []Item{it}, sum)
		if err != nil || rev {
			return rev, err
		}
	}
	return false, nil
}

// refuse handles a single log whose relay would revert for another reason
// than being relayed already. A set change is an error: nothing after it
// can be relayed. Any other log is parked (tried again after ParkFor), so
// that it holds back no other log, and reported.
func (r *Relayer) refuse(b *Block, it Item, revert string, sum *Summary) error {
	if it.Kind == KindSetChange {
		return fmt.Errorf("%w: set change in block %d (receipt %d, log %d): %s; not sent", ErrWouldRevert, b.Number, it.ReceiptIndex, it.LogIndex, revert)
	}
	r.log.Error("the bridge would refuse this log: not sent, tried again later", "block", b.Number, "receipt", it.ReceiptIndex, "log", it.LogIndex, "kind", it.Kind, "revert", revert, "retry", r.cfg.ParkFor)
	r.parked[logKey{b.Hash, it.ReceiptIndex, it.LogIndex}] = time.Now().Add(r.cfg.ParkFor)
	sum.Unrelayable++
	return nil
}

// anchor is the bridge's epoch covering block n and its set hash.
func (r *Relayer) anchor(ctx context.Context, n uint64) (Anchor, error) {
	e, err := callPublic(ctx, r, r.bridge.PackEpochAt(n), r.bridge.UnpackEpochAt)
	if err != nil {
		return Anchor{}, err
	}
	rec, err := callPublic(ctx, r, r.bridge.PackEpoch(e), r.bridge.UnpackEpoch)
	if err != nil {
		return Anchor{}, err
	}
	return Anchor{Epoch: e, SetHash: rec.SetHash}, nil
}

// relayBatch simulates the relay of items, drops those someone else
// relayed meanwhile, sends it and accounts for its receipt. reverted is set
// when the mined transaction reverted (another relayer's landed first).
func (r *Relayer) relayBatch(ctx context.Context, b *Block, items []Item, sum *Summary) (reverted bool, err error) {
	for attempt := 0; len(items) > 0; attempt++ {
		proofs, err := b.LogProofs(items)
		if err != nil {
			return false, err
		}
		data := r.bridge.PackRelay(b.BridgeCert(), b.HeaderRLP, b.Set, proofs)
		gas, revert, err := r.simulate(ctx, data)
		if err != nil {
			return false, err
		}
		if revert != "" {
			if !strings.HasPrefix(revert, "AlreadyRelayed") && len(items) > 1 {
				// one log may be what the bridge refuses (e.g. an access
				// decision for a request the registry does not have): relay
				// them one by one, so it holds back only itself
				return r.relayEach(ctx, b, items, sum)
			}
			if !strings.HasPrefix(revert, "AlreadyRelayed") {
				return false, r.refuse(b, items[0], revert, sum)
			}
			if attempt >= 3 {
				return false, fmt.Errorf("%w: block %d (%d logs): %s; not sent", ErrWouldRevert, b.Number, len(items), revert)
			}
			still, err := r.unrelayed(ctx, b, items)
			if err != nil {
				return false, err
			}
			sum.Skipped += len(items) - len(still)
			items = still
			continue
		}
		// a competing relay already in the pool: leave its logs to it
		// (re-checked next pass) rather than race it into a revert
		if busy := r.inFlight(ctx, b.Hash); len(busy) > 0 {
			var free []Item
			for _, it := range items {
				if !busy[logKey{b.Hash, it.ReceiptIndex, it.LogIndex}] {
					free = append(free, it)
				}
			}
			if len(free) < len(items) {
				sum.InFlight += len(items) - len(free)
				if len(free) == 0 {
					return true, nil
				}
				items = free
				continue
			}
		}
		sum.Batches++
		r.log.Debug("relaying", "block", b.Number, "logs", len(items), "epoch", b.Set.Epoch, "gasEstimate", gas)
		rc, err := r.send(ctx, data, gas)
		if err != nil {
			return false, err
		}
		sum.Txs++
		sum.GasUsed += rc.GasUsed
		if rc.Status != types.ReceiptStatusSuccessful {
			sum.Reverted++
			still, err := r.unrelayed(ctx, b, items)
			if err != nil {
				return true, err
			}
			sum.Skipped += len(items) - len(still)
			r.log.Info("relay reverted: another relayer was first", "block", b.Number, "tx", rc.TxHash, "logs", len(items), "stillMissing", len(still))
			return true, nil
		}
		r.account(b, rc, sum)
		return false, nil
	}
	return false, nil
}

// inFlight lists the logs of block that other relayers' transactions
// waiting in the public node's pool carry (txpool_content).
// Best effort: an endpoint without the txpool namespace gives none.
func (r *Relayer) inFlight(ctx context.Context, block common.Hash) map[logKey]bool {
	// a busy public pool is not worth downloading for this: skip the check
	var status map[string]hexutil.Uint
	if err := r.cfg.Public.CallContext(ctx, &status, "txpool_status"); err != nil || status["pending"]+status["queued"] > maxPoolScan {
		return nil
	}
	var pool map[string]map[string]map[string]*rpcTx
	if err := r.cfg.Public.CallContext(ctx, &pool, "txpool_content"); err != nil {
		return nil
	}
	relay := r.bridge.GetABI().Methods["relay"]
	out := map[logKey]bool{}
	for _, byFrom := range pool {
		for from, txs := range byFrom {
			if common.HexToAddress(from) == r.from {
				continue // ours is replaced by the next send (same nonce)
			}
			for _, tx := range txs {
				if tx == nil || tx.To == nil || *tx.To != r.cfg.Bridge || len(tx.Input) < 4 || !bytes.Equal(tx.Input[:4], relay.ID) {
					continue
				}
				args, err := relay.Inputs.Unpack(tx.Input[4:])
				if err != nil || len(args) != 4 {
					continue
				}
				cert := *abi.ConvertType(args[0], new(releasebridge.IReleaseBridgeCertificate)).(*releasebridge.IReleaseBridgeCertificate)
				if cert.BlockHash != block {
					continue
				}
				proofs := *abi.ConvertType(args[3], new([]releasebridge.IReleaseBridgeLogProof)).(*[]releasebridge.IReleaseBridgeLogProof)
				for _, p := range proofs {
					out[logKey{block, uint(p.ReceiptIndex.Uint64()), uint(p.LogIndex.Uint64())}] = true
				}
			}
		}
	}
	return out
}

// maxPoolScan is the largest public pool inFlight reads.
const maxPoolScan = 4096

// rpcTx is the part of a txpool_content transaction the relayer reads.
type rpcTx struct {
	To        *common.Address `json:"to"`
	Input     hexutil.Bytes   `json:"input"`
	Nonce     hexutil.Uint64  `json:"nonce"`
	GasPrice  *hexutil.Big    `json:"gasPrice"`
	GasTipCap *hexutil.Big    `json:"maxPriorityFeePerGas"`
	GasFeeCap *hexutil.Big    `json:"maxFeePerGas"`
}

// ownPending is our transaction waiting in the pool at nonce, if any
// (txpool_contentFrom; best effort).
func (r *Relayer) ownPending(ctx context.Context, nonce uint64) *rpcTx {
	var pool map[string]map[string]*rpcTx
	if err := r.cfg.Public.CallContext(ctx, &pool, "txpool_contentFrom", r.from); err != nil {
		return nil
	}
	for _, txs := range pool {
		for _, tx := range txs {
			if tx != nil && uint64(tx.Nonce) == nonce {
				return tx
			}
		}
	}
	return nil
}

// account counts what a mined relay did from its Relayed and ReleaseRefused events.
func (r *Relayer) account(b *Block, rc *types.Receipt, sum *Summary) {
	if sum.FromBlock == 0 || b.Number < sum.FromBlock {
		sum.FromBlock = b.Number
	}
	sum.ToBlock = max(sum.ToBlock, b.Number)
	for _, l := range rc.Logs {
		if l.Address != r.cfg.Bridge {
			continue
		}
		if ev, err := r.bridge.UnpackRelayedEvent(l); err == nil {
			switch ev.Kind {
			case 0: // Release
				sum.Approved++
			case 1: // Rejection
				sum.Rejected++
			case 2:
				sum.Access++
			case 3:
				sum.SetChanges++
			case 4: // ReleaseRefused, final
				sum.Approved++
			case 5:
				sum.Shreds++
			case 6:
				sum.Verifiers++
			}
			continue
		}
		if ev, err := r.bridge.UnpackReleaseRefusedEvent(l); err == nil {
			sum.Refused++
			r.log.Warn("the registry refused a release", "record", common.Hash(ev.RecordId), "block", ev.Number, "reason", ev.Reason, "retryable", ev.Retryable)
			if ev.Retryable {
				sum.Approved++
				r.parked[logKey{b.Hash, uint(ev.ReceiptIndex.Uint64()), uint(ev.LogIndex.Uint64())}] = time.Now().Add(r.cfg.ParkFor)
			}
		}
	}
}

// simulate runs calldata against the bridge in the pending state (so a
// competing relay already in the pool shows up): gas estimate, or the name
// of the custom error it reverts with.
func (r *Relayer) simulate(ctx context.Context, data []byte) (gas uint64, revert string, err error) {
	arg := map[string]any{"from": r.from, "to": r.cfg.Bridge, "data": hexutil.Bytes(data)}
	var out hexutil.Uint64
	err = r.cfg.Public.CallContext(ctx, &out, "eth_estimateGas", arg, "pending")
	if err != nil && !isRevert(err) {
		// an endpoint without a pending state: the latest will do
		err = r.cfg.Public.CallContext(ctx, &out, "eth_estimateGas", arg, "latest")
	}
	if err == nil {
		return uint64(out), "", nil
	}
	var de rpc.DataError
	if errors.As(err, &de) {
		if s, ok := de.ErrorData().(string); ok {
			if raw, derr := hexutil.Decode(s); derr == nil && len(raw) >= 4 {
				if name, ok := ethtx.RevertName(raw, r.bridge.UnpackError, "ReleaseBridge"); ok {
					return 0, name, nil
				}
				return 0, fmt.Sprintf("revert %x", raw), nil
			}
		}
		return 0, err.Error(), nil
	}
	var re rpc.Error
	if errors.As(err, &re) && strings.Contains(err.Error(), "revert") {
		return 0, err.Error(), nil
	}
	return 0, "", publicErr(fmt.Errorf("simulating relay: %w", err))
}

// isRevert says whether an RPC error is an execution revert.
func isRevert(err error) bool {
	var de rpc.DataError
	return errors.As(err, &de) || strings.Contains(err.Error(), "revert")
}

// send signs calldata to the bridge, sends it and waits for its receipt.
func (r *Relayer) send(ctx context.Context, data []byte, gas uint64) (*types.Receipt, error) {
	// the mined nonce: a transaction of ours still waiting (sent before a
	// restart, or stuck under a fee rise) is replaced, never doubled
	nonce, err := r.public.NonceAt(ctx, r.from, nil)
	if err != nil {
		return nil, publicErr(err)
	}
	tip, err := r.public.SuggestGasTipCap(ctx)
	if err != nil {
		return nil, publicErr(err)
	}
	head, err := r.public.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, publicErr(err)
	}
	feeCap := new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2)))
	if old := r.ownPending(ctx, nonce); old != nil {
		// a replacement must raise both fees by 10 % or more
		oldTip, oldCap := old.GasTipCap, old.GasFeeCap
		if oldTip == nil {
			oldTip, oldCap = old.GasPrice, old.GasPrice
		}
		if oldTip != nil && oldCap != nil {
			tip = bigMax(tip, bump((*big.Int)(oldTip)))
			feeCap = bigMax(feeCap, bump((*big.Int)(oldCap)))
			feeCap = bigMax(feeCap, tip)
		}
		r.log.Info("replacing our pending transaction", "nonce", nonce, "tip", tip, "feeCap", feeCap)
	}
	to := r.cfg.Bridge
	tx, err := types.SignNewTx(r.cfg.Key, types.LatestSignerForChainID(r.publicID), &types.DynamicFeeTx{
		ChainID: r.publicID, Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap,
		Gas: gas + gas/4 + 20_000, To: &to, Data: data,
	})
	if err != nil {
		return nil, err
	}
	if err := r.public.SendTransaction(ctx, tx); err != nil {
		return nil, publicErr(fmt.Errorf("sending relay: %w", err))
	}
	ctx, cancel := context.WithTimeout(ctx, r.cfg.TxTimeout)
	defer cancel()
	t := time.NewTicker(r.cfg.Poll)
	defer t.Stop()
	for {
		rc, err := r.public.TransactionReceipt(ctx, tx.Hash())
		if err == nil {
			return rc, nil
		}
		select {
		case <-ctx.Done():
			return nil, publicErr(fmt.Errorf("no receipt for %s: %w", tx.Hash(), ctx.Err()))
		case <-t.C:
		}
	}
}

// bump is x raised by a quarter (and one), enough for a pool replacement.
func bump(x *big.Int) *big.Int {
	out := new(big.Int).Mul(x, big.NewInt(5))
	out.Div(out, big.NewInt(4))
	return out.Add(out, big.NewInt(1))
}

func bigMax(a, b *big.Int) *big.Int {
	if a.Cmp(b) >= 0 {
		return a
	}
	return b
}

// maybeCheckpoint anchors the consortium head on the bridge when the latest
// checkpoint is CheckpointEvery blocks or CheckpointPeriod behind it.
func (r *Relayer) maybeCheckpoint(ctx context.Context, head uint64, sum *Summary) error {
	if r.cfg.CheckpointEvery == 0 && r.cfg.CheckpointPeriod == 0 {
		return nil
	}
	if head < r.startBlock {
		return nil
	}
	cp, err := callPublic(ctx, r, r.bridge.PackLatestCheckpoint(), r.bridge.UnpackLatestCheckpoint)
	if err != nil {
		return err
	}
	b, err := r.proofs.Header(ctx, head)
	if err != nil {
		return consortiumErr(err)
	}
	due := cp.Number == 0
	if r.cfg.CheckpointEvery > 0 && head >= cp.Number+r.cfg.CheckpointEvery {
		due = true
	}
	if r.cfg.CheckpointPeriod > 0 && cp.Number != 0 && head > cp.Number {
		old, err := r.consortium.HeaderByNumber(ctx, new(big.Int).SetUint64(cp.Number))
		if err != nil {
			return consortiumErr(err)
		}
		if time.Duration(b.Header.Time-old.Time)*time.Second >= r.cfg.CheckpointPeriod {
			due = true
		}
	}
	if !due || head <= cp.Number {
		return nil
	}
	a, err := r.anchor(ctx, head)
	if err != nil {
		return err
	}
	if err := r.proofs.Certify(ctx, b, a); err != nil {
		return consortiumErr(err)
	}
	data := r.bridge.PackCheckpoint(b.BridgeCert(), b.HeaderRLP, b.Set)
	gas, revert, err := r.simulate(ctx, data)
	if err != nil {
		return err
	}
	if revert != "" {
		if strings.HasPrefix(revert, "CheckpointNotNewer") {
			return nil // another relayer anchored one
		}
		return fmt.Errorf("%w: checkpoint of block %d: %s; not sent", ErrWouldRevert, head, revert)
	}
	rc, err := r.send(ctx, data, gas)
	if err != nil {
		return err
	}
	sum.Txs++
	sum.CheckpointGas += rc.GasUsed
	if rc.Status != types.ReceiptStatusSuccessful {
		sum.Reverted++
		return nil
	}
	sum.Checkpoint = head
	r.log.Info("anchored a consortium checkpoint", "block", head, "hash", b.Hash, "gas", rc.GasUsed)
	return nil
}
