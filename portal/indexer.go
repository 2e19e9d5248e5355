package portal

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/sovereign-gov/sovereign/bindings/dataregistry"
	"github.com/sovereign-gov/sovereign/bindings/reviewboard"
	"github.com/sovereign-gov/sovereign/publicdata"
)

// Backend is what the indexer needs of a chain's JSON-RPC (ethclient.Client
// and the simulated backend's client are Backends).
type Backend interface {
	ethereum.LogFilterer
	BlockNumber(ctx context.Context) (uint64, error)
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// The chains the index follows.
const (
	chainPublic     = "public"
	chainConsortium = "consortium"
)

var (
	registryABI = dataregistry.NewDataRegistry()
	boardABI    = reviewboard.NewReviewBoard()
	votedTopic  = boardABI.GetABI().Events["Voted"].ID

	accessRequestedTopic = registryABI.GetABI().Events["AccessRequested"].ID
	accessResolvedTopic  = registryABI.GetABI().Events["AccessResolved"].ID
	grantRefusedTopic    = registryABI.GetABI().Events["AccessGrantRefused"].ID
)

// errReorgDuringPass is returned when a block changed under a pass: the
// next pass finds the common ancestor.
var errReorgDuringPass = errors.New("a block changed during the pass")

// IndexerConfig says what the indexer follows.
type IndexerConfig struct {
	Public   Backend
	Registry common.Address
	Bridge   common.Address
	// Consortium (optional): the ReviewBoard's Submitted (proofs), Voted
	// and Decision events.
	Consortium  Backend
	ReviewBoard common.Address
	// FromBlock is the first public block indexed (the registry's deploy
	// block, or 0); ConsortiumFrom the first consortium block.
	FromBlock, ConsortiumFrom uint64
	// LogRange is the most blocks one eth_getLogs covers (0: 2000).
	LogRange uint64
	// Interval between passes when caught up (0: 1 s).
	Interval time.Duration
	Logger   *slog.Logger
}

// Indexer follows the chains into a Store.
type Indexer struct {
	store     *Store
	cfg       IndexerConfig
	followers []*follower

	mu      sync.Mutex
	waiters []chan struct{}
}

// follower indexes one chain's logs of some contracts.
type follower struct {
	chain   string
	backend Backend
	from    uint64
	addrs   []common.Address
	topics  [][]common.Hash
	handle  func(ctx context.Context, tx *txn, l *types.Log, h *types.Header) error
}

// NewIndexer makes an indexer of cfg's chains into s.
func NewIndexer(s *Store, cfg IndexerConfig) (*Indexer, error) {
	if cfg.Public == nil {
		return nil, errors.New("indexer: no public chain backend")
	}
	if cfg.Registry == (common.Address{}) {
		return nil, errors.New("indexer: no registry address")
	}
	if cfg.LogRange == 0 {
		cfg.LogRange = 2000
	}
	if cfg.Interval == 0 {
		cfg.Interval = time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	ix := &Indexer{store: s, cfg: cfg}
	pub := &follower{chain: chainPublic, backend: cfg.Public, from: cfg.FromBlock,
		addrs: []common.Address{cfg.Registry},
		topics: [][]common.Hash{{publicdata.PublishedTopic, publicdata.FrozenTopic, publicdata.UnfrozenTopic, publicdata.ShreddedTopic, publicdata.RelayedTopic,
			accessRequestedTopic, accessResolvedTopic, grantRefusedTopic}},
		handle: ix.handlePublic}
	if cfg.Bridge != (common.Address{}) {
		pub.addrs = append(pub.addrs, cfg.Bridge)
	}
	ix.followers = append(ix.followers, pub)
	if cfg.Consortium != nil && cfg.ReviewBoard != (common.Address{}) {
		ix.followers = append(ix.followers, &follower{chain: chainConsortium, backend: cfg.Consortium, from: cfg.ConsortiumFrom,
			addrs:  []common.Address{cfg.ReviewBoard},
			topics: [][]common.Hash{{publicdata.SubmittedTopic, votedTopic, publicdata.DecisionTopic}},
			handle: ix.handleConsortium})
	}
	return ix, nil
}

// Run indexes until ctx ends; a failed pass is logged and retried.
func (ix *Indexer) Run(ctx context.Context) error {
	for {
		if err := ix.Sync(ctx); err != nil && ctx.Err() == nil {
			ix.cfg.Logger.Warn("Portal index pass failed; retrying", "err", err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(ix.cfg.Interval):
		}
	}
}

// Sync indexes every chain up to its current head, first rolling back
// blocks the chain no longer has.
func (ix *Indexer) Sync(ctx context.Context) error {
	changed := false
	for _, f := range ix.followers {
		c, err := ix.sync(ctx, f)
		changed = changed || c
		if err != nil {
			return fmt.Errorf("%s chain: %w", f.chain, err)
		}
	}
	if changed {
		ix.notify()
	}
	return nil
}

// Changed returns a channel closed at the next change of the index.
func (ix *Indexer) Changed() <-chan struct{} {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ch := make(chan struct{})
	ix.waiters = append(ix.waiters, ch)
	return ch
}

func (ix *Indexer) notify() {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for _, ch := range ix.waiters {
		close(ch)
	}
	ix.waiters = nil
}

func (ix *Indexer) sync(ctx context.Context, f *follower) (bool, error) {
	changed, err := ix.unwind(ctx, f)
	if err != nil {
		return changed, err
	}
	head, err := f.backend.BlockNumber(ctx)
	if err != nil {
		return changed, fmt.Errorf("block number: %w", err)
	}
	next, err := ix.store.cursor(ctx, f.chain)
	if err != nil {
		return changed, err
	}
	next = max(next, f.from)
	total := 0
	for lo := next; lo <= head; {
		hi := min(head, lo+ix.cfg.LogRange-1)
		n, err := ix.pass(ctx, f, lo, hi)
		if err != nil {
			return changed, err
		}
		changed = changed || n > 0
		total += n
		lo = hi + 1
	}
	if total >= bulkRows {
		// a catch-up: refresh the database's statistics (a failure only slows reads)
		if err := ix.store.afterBulk(ctx); err != nil {
			ix.cfg.Logger.Warn("Portal index: maintenance after a catch-up failed", "chain", f.chain, "logs", total, "err", err)
		}
	}
	return changed, nil
}

// unwind checks the newest indexed block against the chain; on a mismatch
// it rolls back to the newest indexed block the chain still has (a common
// ancestor: a block's hash commits to all before it), or to the start.
func (ix *Indexer) unwind(ctx context.Context, f *follower) (bool, error) {
	n, h, err := ix.store.head(ctx, f.chain)
	if err != nil || h == (common.Hash{}) {
		return false, err
	}
	if ok, err := canonical(ctx, f.backend, n, h); err != nil || ok {
		return false, err
	}
	at := n
	for {
		below, err := ix.store.blocksBelow(ctx, f.chain, at, 64)
		if err != nil {
			return false, err
		}
		if len(below) == 0 {
			ix.cfg.Logger.Warn("Portal index: no indexed block is on the chain any more; reindexing", "chain", f.chain, "from", f.from)
			return true, ix.store.rollback(ctx, f.chain, f.from)
		}
		for _, b := range below {
			ok, err := canonical(ctx, f.backend, b.number, b.hash)
			if err != nil {
				return false, err
			}
			if ok {
				ix.cfg.Logger.Warn("Portal index: chain reorganised; rolled back", "chain", f.chain, "ancestor", b.number, "was", n)
				return true, ix.store.rollback(ctx, f.chain, b.number+1)
			}
			at = b.number - 1
		}
		if at+1 == 0 {
			return true, ix.store.rollback(ctx, f.chain, f.from)
		}
	}
}

// canonical tells whether the chain's block n is h.
func canonical(ctx context.Context, b Backend, n uint64, h common.Hash) (bool, error) {
	hdr, err := b.HeaderByNumber(ctx, new(big.Int).SetUint64(n))
	if errors.Is(err, ethereum.NotFound) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("header %d: %w", n, err)
	}
	return hdr.Hash() == h, nil
}

// pass indexes blocks lo..hi in one transaction; it returns the number of
// logs indexed.
func (ix *Indexer) pass(ctx context.Context, f *follower, lo, hi uint64) (int, error) {
	last, err := f.backend.HeaderByNumber(ctx, new(big.Int).SetUint64(hi))
	if err != nil {
		return 0, fmt.Errorf("header %d: %w", hi, err)
	}
	logs, err := f.backend.FilterLogs(ctx, ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(lo), ToBlock: new(big.Int).SetUint64(hi), Addresses: f.addrs, Topics: f.topics,
	})
	if err != nil {
		return 0, fmt.Errorf("eth_getLogs %d–%d: %w", lo, hi, err)
	}
	// every block with a log: its header (time, and its hash must be the log's)
	headers := map[uint64]*types.Header{hi: last}
	for i := range logs {
		l := &logs[i]
		h := headers[l.BlockNumber]
		if h == nil {
			if h, err = f.backend.HeaderByNumber(ctx, new(big.Int).SetUint64(l.BlockNumber)); err != nil {
				return 0, fmt.Errorf("header %d: %w", l.BlockNumber, err)
			}
			headers[l.BlockNumber] = h
		}
		if h.Hash() != l.BlockHash {
			return 0, fmt.Errorf("%w: log of block %d is from %s, the chain's block is %s", errReorgDuringPass, l.BlockNumber, l.BlockHash.Hex(), h.Hash().Hex())
		}
	}
	n := 0
	err = ix.store.tx(ctx, func(tx *txn) error {
		if err := touch(ctx, tx); err != nil {
			return err
		}
		for i := range logs {
			l := &logs[i]
			if l.Removed {
				continue
			}
			if err := f.handle(ctx, tx, l, headers[l.BlockNumber]); err != nil {
				return err
			}
			n++
		}
		for num, h := range headers {
			withLogs := num != hi || len(logs) > 0 && logs[len(logs)-1].BlockNumber == hi
			if _, err := tx.exec(ctx, `INSERT INTO blocks(chain, number, hash, logs) VALUES(?, ?, ?, ?)
				ON CONFLICT(chain, number) DO UPDATE SET hash = excluded.hash, logs = excluded.logs`, f.chain, num, h.Hash().Hex(), withLogs); err != nil {
				return err
			}
		}
		// keep a window of pass ends; blocks with logs stay
		if _, err := tx.exec(ctx, `DELETE FROM blocks WHERE chain = ? AND NOT logs AND number < ?`, f.chain, int64(hi)-256); err != nil {
			return err
		}
		if err := setCursor(ctx, tx, f.chain, hi+1); err != nil {
			return err
		}
		return recompute(ctx, tx)
	})
	if err != nil {
		return 0, fmt.Errorf("indexing blocks %d–%d: %w", lo, hi, err)
	}
	if n > 0 {
		ix.cfg.Logger.Debug("Portal indexed", "chain", f.chain, "from", lo, "to", hi, "logs", n)
	}
	return n, nil
}

func (ix *Indexer) handlePublic(ctx context.Context, tx *txn, l *types.Log, h *types.Header) error {
	if len(l.Topics) == 0 {
		return nil
	}
	touch := func(record common.Hash) error {
		_, err := tx.exec(ctx, `INSERT INTO touched SELECT dataset_id FROM releases WHERE record_id = ? ON CONFLICT DO NOTHING`, record.Hex())
		return err
	}
	// govern keeps a governance event of subject: a record, or for a
	// shred the dataset (a shred covers every version, published or to come)
	govern := func(subject common.Hash, kind, reason string, receipt common.Hash) error {
		if _, err := tx.exec(ctx, `INSERT INTO govern(block, log_index, tx, record_id, kind, reason, receipt) VALUES(?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT(block, log_index) DO UPDATE SET tx = excluded.tx, record_id = excluded.record_id, kind = excluded.kind, reason = excluded.reason, receipt = excluded.receipt`,
			l.BlockNumber, l.Index, l.TxHash.Hex(), subject.Hex(), kind, reason, receipt.Hex()); err != nil {
			return err
		}
		if kind == "shredded" {
			_, err := tx.exec(ctx, `INSERT INTO touched VALUES(?) ON CONFLICT DO NOTHING`, subject.Hex())
			return err
		}
		return touch(subject)
	}
	switch {
	case l.Address == ix.cfg.Registry && l.Topics[0] == publicdata.PublishedTopic:
		v, err := publicdata.DecodePublished(l)
		if err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `INSERT INTO releases(record_id, dataset_id, department, version, seq, level, threshold,
			supersedes, commitment, released_root, content_hash, verifier_version, block, block_hash, tx, log_index, time) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(record_id) DO UPDATE SET dataset_id = excluded.dataset_id, department = excluded.department, version = excluded.version, seq = excluded.seq, level = excluded.level, threshold = excluded.threshold, supersedes = excluded.supersedes, commitment = excluded.commitment, released_root = excluded.released_root, content_hash = excluded.content_hash, verifier_version = excluded.verifier_version, block = excluded.block, block_hash = excluded.block_hash, tx = excluded.tx, log_index = excluded.log_index, time = excluded.time`,
			v.RecordID.Hex(), v.DatasetID.Hex(), v.Department.Hex(), v.Version, v.Seq, v.Level, v.Threshold, v.Supersedes,
			bigHex(v.Commitment), bigHex(v.ReleasedRoot), v.ContentHash.Hex(), v.VerifierVersion, l.BlockNumber, l.BlockHash.Hex(), l.TxHash.Hex(), l.Index, h.Time); err != nil {
			return fmt.Errorf("release %s: %w", v.RecordID.Hex(), err)
		}
		_, err = tx.exec(ctx, `INSERT INTO touched VALUES(?) ON CONFLICT DO NOTHING`, v.DatasetID.Hex())
		return err
	case l.Address == ix.cfg.Registry && l.Topics[0] == publicdata.FrozenTopic:
		e, err := registryABI.UnpackFrozenEvent(l)
		if err != nil {
			return fmt.Errorf("event Frozen in block %d: %w", l.BlockNumber, err)
		}
		return govern(e.RecordId, "frozen", e.Reason, common.Hash{})
	case l.Address == ix.cfg.Registry && l.Topics[0] == publicdata.UnfrozenTopic:
		e, err := registryABI.UnpackUnfrozenEvent(l)
		if err != nil {
			return fmt.Errorf("event Unfrozen in block %d: %w", l.BlockNumber, err)
		}
		return govern(e.RecordId, "unfrozen", e.Reason, common.Hash{})
	case l.Address == ix.cfg.Registry && l.Topics[0] == publicdata.ShreddedTopic:
		e, err := registryABI.UnpackShreddedEvent(l)
		if err != nil {
			return fmt.Errorf("event Shredded in block %d: %w", l.BlockNumber, err)
		}
		return govern(e.DatasetId, "shredded", "", e.Receipt)
	case l.Address == ix.cfg.Registry && (l.Topics[0] == accessRequestedTopic || l.Topics[0] == accessResolvedTopic || l.Topics[0] == grantRefusedTopic):
		return ix.handleAccess(ctx, tx, l)
	case l.Address == ix.cfg.Bridge && l.Topics[0] == publicdata.RelayedTopic:
		kind, subject, c, err := publicdata.DecodeRelayed(l)
		if err != nil {
			return err
		}
		if kind != publicdata.LogKindRelease {
			return nil
		}
		_, err = tx.exec(ctx, `INSERT INTO relayed(block, log_index, tx, record_id, number, block_hash, receipt_index, c_log_index) VALUES(?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT(block, log_index) DO UPDATE SET tx = excluded.tx, record_id = excluded.record_id, number = excluded.number, block_hash = excluded.block_hash, receipt_index = excluded.receipt_index, c_log_index = excluded.c_log_index`,
			l.BlockNumber, l.Index, l.TxHash.Hex(), subject.Hex(), c.Number, c.BlockHash.Hex(), c.ReceiptIndex, c.LogIndex)
		return err
	}
	return nil
}

func (ix *Indexer) handleConsortium(ctx context.Context, tx *txn, l *types.Log, _ *types.Header) error {
	if len(l.Topics) == 0 || l.Address != ix.cfg.ReviewBoard {
		return nil
	}
	var err error
	switch l.Topics[0] {
	case publicdata.SubmittedTopic:
		id, proof, derr := publicdata.DecodeSubmitted(l)
		if derr != nil {
			return derr
		}
		_, err = tx.exec(ctx, `INSERT INTO submitted(block, log_index, tx, record_id, proof) VALUES(?, ?, ?, ?, ?)
			ON CONFLICT(block, log_index) DO UPDATE SET tx = excluded.tx, record_id = excluded.record_id, proof = excluded.proof`,
			l.BlockNumber, l.Index, l.TxHash.Hex(), id.Hex(), proof)
	case votedTopic:
		e, derr := boardABI.UnpackVotedEvent(l)
		if derr != nil {
			return fmt.Errorf("event Voted in consortium block %d: %w", l.BlockNumber, derr)
		}
		_, err = tx.exec(ctx, `INSERT INTO votes(block, log_index, tx, record_id, validator, approve, reason) VALUES(?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT(block, log_index) DO UPDATE SET tx = excluded.tx, record_id = excluded.record_id, validator = excluded.validator, approve = excluded.approve, reason = excluded.reason`,
			l.BlockNumber, l.Index, l.TxHash.Hex(), common.Hash(e.RecordId).Hex(), e.Validator.Hex(), e.Approve, e.Reason)
	case publicdata.DecisionTopic:
		d, derr := publicdata.DecodeDecision(l)
		if derr != nil {
			return derr
		}
		_, err = tx.exec(ctx, `INSERT INTO decisions(block, log_index, tx, record_id, approved) VALUES(?, ?, ?, ?, ?)
			ON CONFLICT(block, log_index) DO UPDATE SET tx = excluded.tx, record_id = excluded.record_id, approved = excluded.approved`,
			l.BlockNumber, l.Index, l.TxHash.Hex(), d.RecordID.Hex(), d.Approved)
	}
	return err
}

// bigHex is a uint256 as 0x + 64 hex digits (so text order is numeric order).
func bigHex(v *big.Int) string {
	if v == nil {
		v = new(big.Int)
	}
	return fmt.Sprintf("%#066x", v)
}

// handleAccess indexes the registry's access-request events.
func (ix *Indexer) handleAccess(ctx context.Context, tx *txn, l *types.Log) error {
	var a struct {
		request, record common.Hash
		kind            string
		requester       common.Address
		purpose, reason string
		granted         bool
		expires         uint64
	}
	switch l.Topics[0] {
	case accessRequestedTopic:
		e, err := registryABI.UnpackAccessRequestedEvent(l)
		if err != nil {
			return fmt.Errorf("event AccessRequested in block %d: %w", l.BlockNumber, err)
		}
		a.request, a.record, a.kind, a.requester, a.purpose = e.RequestId, e.RecordId, "requested", e.Requester, e.Purpose
	case accessResolvedTopic:
		e, err := registryABI.UnpackAccessResolvedEvent(l)
		if err != nil {
			return fmt.Errorf("event AccessResolved in block %d: %w", l.BlockNumber, err)
		}
		a.request, a.record, a.kind, a.granted, a.expires = e.RequestId, e.RecordId, "resolved", e.Granted, e.ExpiresAt
	default:
		e, err := registryABI.UnpackAccessGrantRefusedEvent(l)
		if err != nil {
			return fmt.Errorf("event AccessGrantRefused in block %d: %w", l.BlockNumber, err)
		}
		a.request, a.kind, a.reason = e.RequestId, "refused", e.Reason
	}
	_, err := tx.exec(ctx, `INSERT INTO access(block, log_index, tx, request_id, record_id, kind, requester, purpose, granted, expires_at, reason) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT(block, log_index) DO UPDATE SET tx = excluded.tx, request_id = excluded.request_id, record_id = excluded.record_id, kind = excluded.kind, requester = excluded.requester, purpose = excluded.purpose, granted = excluded.granted, expires_at = excluded.expires_at, reason = excluded.reason`, l.BlockNumber, l.Index, l.TxHash.Hex(), a.request.Hex(), a.record.Hex(), a.kind,
		a.requester.Hex(), a.purpose, a.granted, a.expires, a.reason)
	return err
}
