package execution

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/beacon/engine"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/eth"
	"github.com/ethereum/go-ethereum/eth/catalyst"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/miner"

	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/sidechains/qbft"
)

// buildTimeout bounds the wait for geth's miner to fill a block.
const buildTimeout = 10 * time.Second

var (
	// errNotNext is returned for a block that does not extend the local head.
	errNotNext = errors.New("block does not extend the local head")
	// errBadParentCert is returned when a block does not carry its parent's
	// certificate or its beacon root / random is not that certificate's ID.
	errBadParentCert = errors.New("block does not commit to its parent certificate")
	// errBadExtra is returned when a block's extra data is not the hash of
	// the validator set certifying it (qbft.ValidatorSetHash).
	errBadExtra = errors.New("extra data is not the hash of the block's validator set")
	// errFutureBlock is returned for a block timestamped too far ahead of the local clock.
	errFutureBlock = errors.New("block timestamp too far in the future")
	// errWrongCoinbase is returned when a block's fee recipient is not its
	// proposer (or, for a reproposal, not a validator).
	errWrongCoinbase = errors.New("block fee recipient is not the proposer")
	// errPayloadRejected is returned when the execution layer refuses a block or forkchoiceUpdated does not answer VALID.
	errPayloadRejected = errors.New("execution layer rejected the block")
)

// maxFutureDrift bounds how far ahead of the local clock a proposal may be
// timestamped (header times have 1 s granularity).
const maxFutureDrift = 2 * time.Second

// ValidatorSource gives the validator set that decides the block after parent.
type ValidatorSource interface {
	ValidatorsAfter(parent *types.Header) (qbft.ValidatorSet, error)
}

// StaticValidators is a ValidatorSource that never changes (the genesis set).
type StaticValidators qbft.ValidatorSet

// ValidatorsAfter implements ValidatorSource.
func (s StaticValidators) ValidatorsAfter(*types.Header) (qbft.ValidatorSet, error) {
	return qbft.ValidatorSet(s), nil
}

// Config of a Driver.
type Config struct {
	// Self is this validator's address (the fee recipient of its blocks);
	// zero for a follower.
	Self        common.Address
	BlockPeriod time.Duration
	Validators  ValidatorSource
	Logger      log.Logger
}

// Driver is the qbft.Backend over a geth node, and the importer of
// certified blocks for block sync.
type Driver struct {
	eth     *eth.Ethereum
	api     *catalyst.ConsensusAPI
	certs   certStore
	chainID *big.Int
	cfg     Config
	log     log.Logger

	mu       sync.Mutex // serialises chain changes: consensus commits and sync imports
	verified map[common.Hash]bool

	// OnCommit is called after each finalised block (for gossip to followers).
	OnCommit func(value []byte, cert *qbft.Certificate)
	// OnBroadcast sends a consensus message to the validators.
	OnBroadcast func(m *qbft.Message)
	// OnBroadcastSplit sends a to half the peers and b to the rest.
	OnBroadcastSplit func(a, b *qbft.Message)
}

// New returns a driver over backend, which must run a QBFT genesis.
func New(backend *eth.Ethereum, cfg Config) *Driver {
	if cfg.Logger == nil {
		cfg.Logger = log.Root()
	}
	if cfg.BlockPeriod == 0 {
		cfg.BlockPeriod = time.Second
	}
	return &Driver{
		eth:      backend,
		api:      catalyst.NewConsensusAPI(backend),
		certs:    certStore{db: backend.ChainDb()},
		chainID:  backend.BlockChain().Config().ChainID,
		cfg:      cfg,
		log:      cfg.Logger,
		verified: map[common.Hash]bool{},
	}
}

var _ qbft.Backend = (*Driver)(nil)

// ChainID implements qbft.Backend.
func (d *Driver) ChainID() *big.Int { return d.chainID }

// Head is the number of the last finalised block.
func (d *Driver) Head() uint64 { return d.eth.BlockChain().CurrentBlock().Number.Uint64() }

// Validators implements qbft.Backend: the set deciding height, read after
// its parent (the local head when height is the next block).
func (d *Driver) Validators(height uint64) (qbft.ValidatorSet, error) {
	parent := d.eth.BlockChain().GetHeaderByNumber(height - 1)
	if parent == nil {
		return qbft.ValidatorSet{}, fmt.Errorf("no block %d to read the validators of block %d after", height-1, height)
	}
	return d.cfg.Validators.ValidatorsAfter(parent)
}

// LastProposer implements qbft.Backend: the fee recipient of block height-1.
func (d *Driver) LastProposer(height uint64) common.Address {
	if height <= 1 {
		return common.Address{}
	}
	h := d.eth.BlockChain().GetHeaderByNumber(height - 1)
	if h == nil {
		return common.Address{}
	}
	return h.Coinbase
}

// ProposalDelay implements qbft.PeriodClock: round 0 of height starts one
// block period after the parent's timestamp (at once if that has passed).
func (d *Driver) ProposalDelay(height uint64, period time.Duration) time.Duration {
	parent := d.eth.BlockChain().GetHeaderByNumber(height - 1)
	if parent == nil || height == 1 {
		return period
	}
	return min(max(time.Until(time.Unix(int64(parent.Time), 0).Add(period)), 0), period)
}

// HasPending implements qbft.Backend. The pool is first brought up to the
// head: right after a block, its transactions still count as pending.
func (d *Driver) HasPending() bool {
	if err := d.eth.TxPool().Sync(); err != nil {
		return false
	}
	pending, _ := d.eth.TxPool().Stats()
	return pending > 0
}

// Broadcast implements qbft.Backend.
func (d *Driver) Broadcast(m *qbft.Message) {
	if d.OnBroadcast != nil {
		d.OnBroadcast(m)
	}
}

// Certificate returns the stored certificate of a finalised block.
func (d *Driver) Certificate(number uint64) (*qbft.Certificate, error) {
	return d.certs.get(number)
}

// parentCert is the certificate of block number-1 and its ID, what block
// number's beacon root and random must hold (zero for block 1).
func (d *Driver) parentCert(number uint64) (*qbft.Certificate, common.Hash, error) {
	if number <= 1 {
		return nil, common.Hash{}, nil
	}
	c, err := d.certs.get(number - 1)
	if err != nil {
		return nil, common.Hash{}, err
	}
	return c, c.ID(), nil
}

// BuildValue implements qbft.Backend. The block is built on the head with
// the parent certificate's ID as beacon root and random (prevRandao), the
// hash of its own validator set (qbft.ValidatorSetHash of Validators(height),
// the set certifying it) as extra data — what a light client such as
// ReleaseBridge checks the certificate's set against — timestamped now
// (and strictly after the parent, waiting if blocks came faster than 1/s).
// It asks the miner directly and waits for the full payload: an in-process
// forkchoiceUpdated+getPayload pair would return the empty payload here,
// because the miner re-fills only every recommit interval (2 s).
func (d *Driver) BuildValue(height, round uint64) ([]byte, common.Hash, error) {
	return d.build(height, round, 0)
}

func (d *Driver) build(height, round, bump uint64) ([]byte, common.Hash, error) {
	head := d.eth.BlockChain().CurrentBlock()
	if head.Number.Uint64()+1 != height {
		return nil, common.Hash{}, fmt.Errorf("%w: head is %d, building %d", errNotNext, head.Number, height)
	}
	now := time.Now()
	ts := max(head.Time+1, uint64(now.Unix()))
	if wait := time.Unix(int64(ts), 0).Sub(now); wait > 0 {
		time.Sleep(wait)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	pc, certID, err := d.parentCert(height)
	if err != nil {
		return nil, common.Hash{}, err
	}
	vals, err := d.Validators(height)
	if err != nil {
		return nil, common.Hash{}, err
	}
	setHash := qbft.ValidatorSetHash(vals)
	if err := d.eth.Miner().SetExtra(setHash[:]); err != nil {
		return nil, common.Hash{}, fmt.Errorf("setting extra data: %w", err)
	}
	payload, err := d.eth.Miner().BuildPayload(context.Background(), &miner.BuildPayloadArgs{
		Parent:       head.Hash(),
		Timestamp:    ts + bump,
		FeeRecipient: d.cfg.Self,
		Random:       certID,
		Withdrawals:  []*types.Withdrawal{},
		BeaconRoot:   &certID,
		Version:      engine.PayloadV3,
	}, false)
	if err != nil {
		return nil, common.Hash{}, fmt.Errorf("building payload: %w", err)
	}
	block, env, err := node.WaitFullPayload(context.Background(), payload, buildTimeout)
	if err != nil {
		return nil, common.Hash{}, err
	}
	v := &Value{Block: block, Requests: env.Requests}
	if v.Requests == nil {
		v.Requests = [][]byte{}
	}
	if pc != nil {
		v.ParentCert = pc.Encode()
	}
	enc, err := v.Encode()
	if err != nil {
		return nil, common.Hash{}, err
	}
	pending, queued := d.eth.TxPool().Stats()
	d.log.Info("QBFT built block", "height", height, "round", round, "txs", len(block.Transactions()), "pending", pending, "queued", queued, "hash", block.Hash())
	return enc, block.Hash(), nil
}

// ValueDigest implements qbft.Backend.
func (d *Driver) ValueDigest(value []byte) (common.Hash, error) {
	v, err := DecodeValue(value)
	if err != nil {
		return common.Hash{}, err
	}
	return v.Block.Hash(), nil
}

// VerifyValue implements qbft.Backend: structural checks, then execution.
func (d *Driver) VerifyValue(height uint64, proposer common.Address, reproposal bool, value []byte) (common.Hash, error) {
	v, err := DecodeValue(value)
	if err != nil {
		return common.Hash{}, err
	}
	b := v.Block
	// The fee recipient is the validator that built the block, and the next
	// height's proposer order starts after it: a proposer that could write
	// another address there would choose who proposes next (Besu checks
	// the same, validateBlockCoinbaseMatchesMsgAuthor). A reproposal in a
	// round > 0 carries a block a quorum prepared in an earlier round,
	// checked then against the validator that built it.
	if !reproposal && b.Coinbase() != proposer {
		return b.Hash(), fmt.Errorf("%w: fee recipient %s, proposer %s", errWrongCoinbase, b.Coinbase(), proposer)
	}
	if vals, err := d.Validators(height); err != nil || !vals.Contains(b.Coinbase()) {
		return b.Hash(), fmt.Errorf("%w: %s is not a validator (proposer %s)", errWrongCoinbase, b.Coinbase(), proposer)
	}
	if time.Unix(int64(b.Time()), 0).After(time.Now().Add(maxFutureDrift)) {
		return b.Hash(), fmt.Errorf("%w: %d", errFutureBlock, b.Time())
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.checkAndExecute(height, v); err != nil {
		return b.Hash(), err
	}
	return b.Hash(), nil
}

// checkAndExecute checks that v extends the head, commits to the right
// parent certificate (beacon root and random = its ID) and names its own
// validator set (extra data = qbft.ValidatorSetHash of Validators(height)),
// and executes it. Both proposals (VerifyValue) and block sync
// (ImportCertified) come through here. Called with d.mu held.
//
// It inserts the block as engine_newPayload does after decoding (geth's
// InsertBlockWithoutSetHead runs the full header, body and state checks)
// but skips newPayload's round trip through ExecutableData, which decodes
// every transaction anew and so throws away the senders the pool already
// recovered (see withPoolTxs). The head still moves only through
// forkchoiceUpdated, in finalise.
func (d *Driver) checkAndExecute(height uint64, v *Value) error {
	b := v.Block
	head := d.eth.BlockChain().CurrentBlock()
	if b.NumberU64() != height || b.ParentHash() != head.Hash() || head.Number.Uint64()+1 != height {
		return fmt.Errorf("%w: block %d parent %s, head %d %s", errNotNext, b.NumberU64(), b.ParentHash(), head.Number, head.Hash())
	}
	var want common.Hash
	if height > 1 {
		pc, err := v.parentCert()
		if err != nil {
			return err
		}
		if pc == nil {
			return fmt.Errorf("%w: no parent certificate given", errBadParentCert)
		}
		if pc.Number != height-1 || pc.Hash != head.Hash() {
			return fmt.Errorf("%w: parent certificate is for block %d %s", errBadParentCert, pc.Number, pc.Hash)
		}
		vals, err := d.Validators(height - 1)
		if err != nil {
			return err
		}
		if err := pc.Verify(d.chainID, vals); err != nil {
			return fmt.Errorf("parent certificate: %w", err)
		}
		want = pc.ID()
	}
	if br := b.BeaconRoot(); br == nil || *br != want || b.MixDigest() != want {
		return fmt.Errorf("%w: beacon root %v, random %s, want %s", errBadParentCert, br, b.MixDigest(), want)
	}
	vals, err := d.Validators(height)
	if err != nil {
		return err
	}
	if setHash := qbft.ValidatorSetHash(vals); string(b.Extra()) != string(setHash[:]) {
		return fmt.Errorf("%w: extra %x, want %s", errBadExtra, b.Extra(), setHash)
	}
	if d.verified[b.Hash()] {
		return nil
	}
	if rh := b.RequestsHash(); rh == nil || types.CalcRequestsHash(v.Requests) != *rh {
		return fmt.Errorf("%w: execution requests do not match the header's requests hash", errPayloadRejected)
	}
	for _, tx := range b.Transactions() {
		// The chain carries no blob sidecars: newPayload would refuse a
		// blob transaction for want of its versioned hash.
		if tx.Type() == types.BlobTxType {
			return fmt.Errorf("%w: blob transaction %s", errPayloadRejected, tx.Hash())
		}
	}
	if _, err := d.eth.BlockChain().InsertBlockWithoutSetHead(context.Background(), d.withPoolTxs(b), false); err != nil {
		return fmt.Errorf("%w: %w", errPayloadRejected, err)
	}
	if len(d.verified) > 1024 {
		clear(d.verified)
	}
	d.verified[b.Hash()] = true
	return nil
}

// Commit implements qbft.Backend: store the certificates, then move head,
// safe and finalized to the block.
func (d *Driver) Commit(value []byte, cert *qbft.Certificate) error {
	v, err := DecodeValue(value)
	if err != nil {
		return err
	}
	if cert.Hash != v.Block.Hash() || cert.Number != v.Block.NumberU64() {
		return fmt.Errorf("certificate is for block %d %s, not %d %s", cert.Number, cert.Hash, v.Block.NumberU64(), v.Block.Hash())
	}
	d.mu.Lock()
	// The head moves only to a child of the head: block sync may have
	// imported this height (or a later one) meanwhile.
	if head := d.eth.BlockChain().CurrentBlock(); v.Block.ParentHash() != head.Hash() || v.Block.NumberU64() != head.Number.Uint64()+1 {
		d.mu.Unlock()
		return fmt.Errorf("%w: committing block %d (parent %s) on head %d %s", errNotNext, v.Block.NumberU64(), v.Block.ParentHash(), head.Number, head.Hash())
	}
	err = d.finalise(v, cert)
	d.mu.Unlock()
	if err == nil && d.OnCommit != nil {
		d.OnCommit(value, cert)
	}
	return err
}

// withPoolTxs returns b with each transaction the local pool holds replaced
// by the pool's copy. The bytes and hash are the same, but the pool's copy
// carries the sender it recovered on admission: a full block of transfers
// would otherwise cost every validator one ECDSA recovery per transaction
// again (about 80 ms of CPU for 1,400 transfers on this hardware), which
// is the largest single cost of validating a block after executing it.
func (d *Driver) withPoolTxs(b *types.Block) *types.Block {
	pool := d.eth.TxPool()
	txs := b.Transactions()
	swapped := make([]*types.Transaction, len(txs))
	hits := 0
	for i, tx := range txs {
		swapped[i] = tx
		if p := pool.Get(tx.Hash()); p != nil {
			swapped[i] = p
			hits++
		}
	}
	if hits == 0 {
		return b
	}
	return b.WithBody(types.Body{Transactions: swapped, Withdrawals: b.Withdrawals()})
}

// finalise records the certificates and sets the fork choice. Called with d.mu held.
func (d *Driver) finalise(v *Value, cert *qbft.Certificate) error {
	if pc, err := v.parentCert(); err == nil && pc != nil {
		// The proposer's version of the parent certificate is the canonical
		// one: it is the one the block's extra data commits to.
		if err := d.certs.put(pc); err != nil {
			return err
		}
	}
	if err := d.certs.put(cert); err != nil {
		return err
	}
	if err := d.certs.putRequests(cert.Number, v.Requests); err != nil {
		return err
	}
	// The block, its receipts and state (written when it was executed) and
	// its certificate reach the disk before it becomes head, hence before
	// any receipt of it is served: a crash after this point finds a final
	// block with its certificate, which Recover makes head again; a crash
	// before it finds a block nobody saw as final on this node.
	if err := d.certs.sync(); err != nil {
		return err
	}
	hash := v.Block.Hash()
	res, err := d.api.ForkchoiceUpdatedV3(context.Background(), engine.ForkchoiceStateV1{
		HeadBlockHash: hash, SafeBlockHash: hash, FinalizedBlockHash: hash,
	}, nil)
	if err != nil {
		return fmt.Errorf("forkchoiceUpdated: %w", err)
	}
	if res.PayloadStatus.Status != engine.VALID {
		return fmt.Errorf("%w: forkchoiceUpdated %s", errPayloadRejected, res.PayloadStatus.Status)
	}
	return nil
}

// Recover makes the chain's head the last block this node finalised, as
// recorded by the certificates on disk, and marks it safe and finalized.
// finalise writes a block's certificate (synced) before moving the head,
// whose markers geth writes without syncing; after a crash (kill -9, power
// loss) the head found on disk may therefore be a block or so behind the
// last final one. Call it before consensus or block sync starts.
func (d *Driver) Recover() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	bc := d.eth.BlockChain()
	head := bc.CurrentBlock()
	moved := 0
	for n := head.Number.Uint64() + 1; ; n++ {
		cert, err := d.certs.get(n)
		if err != nil {
			break
		}
		block := bc.GetBlock(cert.Hash, n)
		if block == nil || block.ParentHash() != bc.CurrentBlock().Hash() {
			d.log.Warn("QBFT certificate without its block on disk", "number", n, "hash", cert.Hash)
			break
		}
		if _, err := bc.SetCanonical(block); err != nil {
			return fmt.Errorf("making final block %d %s head again: %w", n, cert.Hash, err)
		}
		moved++
	}
	cur := bc.CurrentBlock()
	if cur.Number.Uint64() > 0 {
		if fin := bc.CurrentFinalBlock(); fin == nil || fin.Hash() != cur.Hash() {
			if _, err := d.certs.get(cur.Number.Uint64()); err == nil {
				bc.SetFinalized(cur)
				bc.SetSafe(cur)
			}
		}
	}
	if moved > 0 {
		d.log.Warn("QBFT head restored to the last final block after an unclean stop", "from", head.Number, "to", cur.Number, "hash", cur.Hash())
		return d.certs.sync()
	}
	return nil
}

// ImportCertified imports a block that arrived with its certificate (block
// sync): the certificate must verify against the block's validator set and
// the block must execute. It returns the new head number.
func (d *Driver) ImportCertified(value []byte, cert *qbft.Certificate) error {
	v, err := DecodeValue(value)
	if err != nil {
		return err
	}
	if cert.Hash != v.Block.Hash() || cert.Number != v.Block.NumberU64() {
		return fmt.Errorf("certificate is for block %d %s, not %d %s", cert.Number, cert.Hash, v.Block.NumberU64(), v.Block.Hash())
	}
	vals, err := d.Validators(cert.Number)
	if err != nil {
		return err
	}
	if err := cert.Verify(d.chainID, vals); err != nil {
		return fmt.Errorf("certificate of block %d: %w", cert.Number, err)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.checkAndExecute(cert.Number, v); err != nil {
		return err
	}
	return d.finalise(v, cert)
}

// CertifiedValue returns the stored block number with its execution
// requests and parent certificate, and its own certificate, for serving
// block sync.
func (d *Driver) CertifiedValue(number uint64) ([]byte, *qbft.Certificate, error) {
	block := d.eth.BlockChain().GetBlockByNumber(number)
	if block == nil {
		return nil, nil, fmt.Errorf("no block %d", number)
	}
	cert, err := d.certs.get(number)
	if err != nil {
		return nil, nil, err
	}
	v := &Value{Block: block, Requests: d.certs.requests(number)}
	if number > 1 {
		pc, err := d.certs.get(number - 1)
		if err != nil {
			return nil, nil, err
		}
		v.ParentCert = pc.Encode()
	}
	enc, err := v.Encode()
	if err != nil {
		return nil, nil, err
	}
	return enc, cert, nil
}
