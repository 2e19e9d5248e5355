// Package qbft is the QBFT consensus state machine of the consortium and
// private chains (PROPOSAL, PREPARE, COMMIT, ROUND-CHANGE with prepared
// certificates and justification), its messages, commit seals and
// certificates, and the write-ahead record of what a validator signed.
//
// The state machine knows nothing of blocks, sockets or databases: blocks are
// opaque values behind Backend, time is behind Ticker, and persistence behind
// WAL, so tests drive it deterministically (CometBFT's consensus/state.go is
// the model: one receive loop, one method per step).
package qbft

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/log"
)

// Backend is what the state machine needs from the chain.
type Backend interface {
	ChainID() *big.Int
	// Validators is the validator set deciding height.
	Validators(height uint64) (ValidatorSet, error)
	// LastProposer is the proposer of block height-1 (zero after genesis).
	LastProposer(height uint64) common.Address
	// BuildValue builds a new block for height on this node (the proposer).
	BuildValue(height, round uint64) (value []byte, digest common.Hash, err error)
	// VerifyValue validates a value proposed by proposer for height and
	// returns its digest (the block hash). A fresh value must credit its
	// proposer (the block's fee recipient, from which the next proposer is
	// derived); a reproposal is a value a quorum already prepared in an
	// earlier round, which credits the validator that first proposed it.
	VerifyValue(height uint64, proposer common.Address, reproposal bool, value []byte) (common.Hash, error)
	// ValueDigest returns a value's digest without validating it.
	ValueDigest(value []byte) (common.Hash, error)
	// HasPending reports whether a new block would carry transactions.
	HasPending() bool
	// Commit finalises value with its certificate.
	Commit(value []byte, cert *Certificate) error
	// Broadcast sends a message to the other validators.
	Broadcast(m *Message)
}

// PeriodClock is an optional Backend extension: how long to wait before
// round 0 of height so that blocks follow the parent's timestamp by one
// block period (rather than the local decision time by one period).
type PeriodClock interface {
	ProposalDelay(height uint64, period time.Duration) time.Duration
}

// Config holds the parameters of one validator's state machine.
type Config struct {
	Signer      Signer
	BaseTimeout time.Duration // round 0 timeout; round r waits base·2^r
	MaxTimeout  time.Duration // cap of the round timeout
	BlockPeriod time.Duration // wait between a decision and the next proposal
	// SkipEmpty delays a block until there are transactions, but never
	// beyond EmptyInterval.
	SkipEmpty     bool
	EmptyInterval time.Duration
	// Equivocate makes this validator Byzantine, for test harnesses only:
	// as proposer it signs two different blocks for one round, sends each
	// to half of its peers, and double-signs PREPARE and COMMIT for both.
	// It has effect only in a binary built with the byzantine tag
	// (ByzantineBuild); production builds leave that code out.
	Equivocate bool
	Logger     log.Logger
	// Observer, if set, is told of round changes and decisions (metrics);
	// it is called from the state machine's loop and must not block.
	Observer Observer
}

// Observer follows the state machine's progress for operators.
type Observer interface {
	// RoundChanged: this validator moved to round > 0 of height (after a
	// timeout or a jump to a round f+1 validators are in).
	RoundChanged(height, round uint64)
	// Decided: height was finalised in round, took after round 0 began
	// (after the block period), or after the height began if it was
	// decided before that.
	Decided(height, round uint64, took time.Duration)
}

// Equivocator is what a backend offers a Byzantine test validator.
type Equivocator interface {
	// BuildAlternative builds a second, different valid block for height.
	BuildAlternative(height, round uint64) (value []byte, digest common.Hash, err error)
	// BroadcastSplit sends a to half of the peers and b to the others.
	BroadcastSplit(a, b *Message)
}

// Defaults fills zero fields.
func (c *Config) Defaults() {
	if c.BaseTimeout == 0 {
		c.BaseTimeout = time.Second
	}
	if c.MaxTimeout == 0 {
		c.MaxTimeout = 30 * time.Second
	}
	if c.BlockPeriod == 0 {
		c.BlockPeriod = time.Second
	}
	if c.EmptyInterval == 0 {
		c.EmptyInterval = 60 * time.Second
	}
	if c.Logger == nil {
		c.Logger = log.Root()
	}
}

// FutureRounds is how many rounds ahead of its own a validator keeps votes
// for; beyond it only each validator's highest ROUND-CHANGE is kept.
const FutureRounds = 8

const (
	// futurePerSource bounds the messages kept per signer for the next height.
	futurePerSource = 64
	// validatorsRetry is the wait before reading a validator set again.
	validatorsRetry = 500 * time.Millisecond
)

var (
	// errNotValidator is returned for a message whose signer is not a validator of its height.
	errNotValidator = errors.New("sender is not a validator of this height")
	// errWrongProposer is returned for a proposal not signed by the round's proposer.
	errWrongProposer = errors.New("proposal not from the round's proposer")
	// errBadJustification is returned for a round > 0 proposal whose round-change justification does not hold.
	errBadJustification = errors.New("proposal justification invalid")
	// errBadPreparedCert is returned when a prepared certificate does not hold.
	errBadPreparedCert = errors.New("prepared certificate invalid")
	// errForgedSeal is returned for a COMMIT whose seal is not its sender's.
	errForgedSeal = errors.New("commit seal does not match the sender")
	// errDigestMismatch is returned when a message's digest is not its value's.
	errDigestMismatch = errors.New("digest does not match the value")
)

// Stats counts what the state machine refused or noticed.
type Stats struct {
	Equivocations atomic.Uint64 // two different values from one signer at one height/round/step
	Invalid       atomic.Uint64 // messages that failed a consensus rule
	Dropped       atomic.Uint64 // inbox overflow
}

// Status is a snapshot for the qbft_status RPC.
type Status struct {
	Height   uint64         `json:"height"`
	Round    uint64         `json:"round"`
	Proposer common.Address `json:"proposer"`
	Waiting  bool           `json:"waitingForBlockPeriod"`
}

// Core is one validator's QBFT state machine.
type Core struct {
	cfg     Config
	backend Backend
	ticker  Ticker
	wal     WAL
	self    common.Address
	log     log.Logger
	Stats   Stats

	in     *inbox
	synced chan uint64

	statusMu sync.Mutex
	status   Status

	// Height state, reset by startHeight.
	height       uint64
	round        uint64
	waiting      bool // between blocks
	emptyWaited  time.Duration
	vals         ValidatorSet
	lastProposer common.Address
	accepted     *Message               // proposal accepted in the current round
	values       map[common.Hash][]byte // verified values of this height
	proposals    map[uint64]*Message    // first proposal seen per round
	prepares     map[uint64]map[common.Address]*Message
	commits      map[uint64]map[common.Address]*Message
	roundChanges map[uint64]map[common.Address]*Message
	maxRC        map[common.Address]uint64   // highest round-change round per validator
	farRC        map[common.Address]*Message // its round-change, while beyond FutureRounds
	proposed     map[uint64]bool
	sentCommit   map[uint64]bool
	prepared     *Prepared
	future       []*Message // messages of height+1
	futureCount  map[common.Address]int
	outbox       []*Message // own messages still to process locally
	begun        time.Time  // when round 0 (or the height) began, for Observer
}

// New assembles a state machine; call Start before Run.
func New(cfg Config, backend Backend, ticker Ticker, wal WAL) *Core {
	cfg.Defaults()
	return &Core{
		cfg:         cfg,
		backend:     backend,
		ticker:      ticker,
		wal:         wal,
		self:        cfg.Signer.Address(),
		log:         cfg.Logger,
		in:          newInbox(),
		futureCount: map[common.Address]int{},
		synced:      make(chan uint64, 16),
	}
}

// Post queues a decoded message from the transport; never blocks. A
// source whose queue is full loses its own message, nobody else's.
func (c *Core) Post(m *Message) {
	if !c.in.push(m) {
		c.Stats.Dropped.Add(1)
	}
}

// Synced tells the state machine that block height was imported with a
// valid certificate by another path (block sync).
func (c *Core) Synced(height uint64) {
	select {
	case c.synced <- height:
	default:
	}
}

// Status returns the current height, round and proposer.
func (c *Core) Status() Status {
	c.statusMu.Lock()
	defer c.statusMu.Unlock()
	return c.status
}

// Run is the receive loop: messages, timeouts and sync notices are handled
// one at a time until ctx ends.
func (c *Core) Run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			c.ticker.Stop()
			return
		case <-c.in.ready:
			if m, ok := c.in.pop(); ok {
				c.HandleMessage(m)
			}
		case t := <-c.ticker.C():
			c.HandleTimeout(t)
		case h := <-c.synced:
			c.HandleSynced(h)
		}
	}
}

// Start enters height (the first block not yet final).
func (c *Core) Start(height uint64) { c.startHeight(height) }

// HandleMessage processes one message and then this node's own messages it caused.
func (c *Core) HandleMessage(m *Message) {
	c.handle(m)
	c.drain()
}

// HandleTimeout processes one timeout.
func (c *Core) HandleTimeout(t Timeout) {
	if t.Height != c.height {
		return
	}
	switch t.Kind {
	case TimeoutBlockPeriod:
		if c.waiting {
			c.endBlockPeriod()
		}
	case TimeoutValidators:
		if c.vals.Size() == 0 {
			c.startHeight(c.height)
		}
	case TimeoutRound:
		if !c.waiting && t.Round == c.round {
			c.log.Info("QBFT round timed out", "height", c.height, "round", c.round)
			c.enterRound(c.round+1, true)
		}
	}
	c.drain()
}

// HandleSynced moves past a height that was imported by block sync.
func (c *Core) HandleSynced(height uint64) {
	if height >= c.height {
		c.startHeight(height + 1)
		c.drain()
	}
}

func (c *Core) drain() {
	for len(c.outbox) > 0 {
		m := c.outbox[0]
		c.outbox = c.outbox[1:]
		c.handle(m)
	}
}

func (c *Core) setStatus() {
	c.statusMu.Lock()
	c.status = Status{Height: c.height, Round: c.round, Waiting: c.waiting}
	if c.vals.Size() > 0 {
		c.status.Proposer = c.proposer(c.round)
	}
	c.statusMu.Unlock()
}

func (c *Core) proposer(round uint64) common.Address {
	return c.vals.Proposer(c.lastProposer, round)
}

// startHeight resets the per-height state and waits one block period.
func (c *Core) startHeight(h uint64) {
	c.height, c.round, c.begun = h, 0, time.Now()
	c.accepted, c.prepared = nil, nil
	c.values = map[common.Hash][]byte{}
	c.proposals = map[uint64]*Message{}
	c.prepares = map[uint64]map[common.Address]*Message{}
	c.commits = map[uint64]map[common.Address]*Message{}
	c.roundChanges = map[uint64]map[common.Address]*Message{}
	c.maxRC = map[common.Address]uint64{}
	c.farRC = map[common.Address]*Message{}
	c.proposed = map[uint64]bool{}
	c.sentCommit = map[uint64]bool{}
	c.outbox = nil
	vals, err := c.backend.Validators(h)
	if err == nil && vals.Size() == 0 {
		err = errEmptyValidatorSet
	}
	if err != nil {
		// Without the set nothing can be checked or proposed: keep this
		// height's messages and try again shortly.
		c.log.Error("QBFT cannot read the validator set; retrying", "height", h, "err", err)
		c.vals = ValidatorSet{}
		c.waiting = true
		c.ticker.Schedule(Timeout{Height: h, Kind: TimeoutValidators}, validatorsRetry)
		c.setStatus()
		return
	}
	c.vals = vals
	c.in.setMembers(vals)
	c.lastProposer = c.backend.LastProposer(h)
	if p, ok := c.wal.Prepared(h); ok {
		c.prepared = &p
		// The locked value was verified before this node prepared it.
		c.values[p.Digest] = p.Value
		c.log.Info("QBFT restored prepared value from the WAL", "height", h, "round", p.Round, "digest", p.Digest)
	}
	if err := c.wal.Prune(h); err != nil {
		c.log.Warn("QBFT WAL prune failed", "err", err)
	}
	c.outbox = append(c.outbox, c.future...)
	c.future, c.futureCount = nil, map[common.Address]int{}
	if r := c.wal.Round(h); r > 0 {
		// A restart in the middle of a height resumes in the round this
		// validator had reached: coming back in round 0 would let a replayed
		// old proposal collect its vote again below its lock.
		c.log.Info("QBFT resuming in the round recorded in the WAL", "height", h, "round", r)
		c.enterRound(r, true)
		return
	}
	c.waiting, c.emptyWaited = true, 0
	delay := c.cfg.BlockPeriod
	if pc, ok := c.backend.(PeriodClock); ok {
		delay = pc.ProposalDelay(h, c.cfg.BlockPeriod)
	}
	c.ticker.Schedule(Timeout{Height: h, Kind: TimeoutBlockPeriod}, delay)
	c.setStatus()
}

// endBlockPeriod starts round 0 once the block period is over (and, with
// SkipEmpty, once there is something to include).
func (c *Core) endBlockPeriod() {
	if c.cfg.SkipEmpty && !c.backend.HasPending() && c.emptyWaited < c.cfg.EmptyInterval && c.accepted == nil {
		c.emptyWaited += c.cfg.BlockPeriod
		c.ticker.Schedule(Timeout{Height: c.height, Kind: TimeoutBlockPeriod}, c.cfg.BlockPeriod)
		return
	}
	c.waiting, c.begun = false, time.Now()
	c.ticker.Schedule(Timeout{Height: c.height, Round: 0, Kind: TimeoutRound}, RoundTimeout(c.cfg.BaseTimeout, c.cfg.MaxTimeout, 0))
	c.setStatus()
	if c.proposer(0) == c.self && !c.proposed[0] {
		c.propose(0, nil, nil)
	}
}

// enterRound moves to round r, restarts the round timer and, on a timeout
// or a round jump, announces it with a ROUND-CHANGE.
func (c *Core) enterRound(r uint64, announce bool) {
	// Recorded before anything of round r is signed: after a crash the
	// validator comes back here, never below (see startHeight).
	if err := c.wal.EnterRound(c.height, r); err != nil {
		c.log.Error("QBFT cannot record the round; staying in the current one", "height", c.height, "round", r, "err", err)
		return
	}
	c.round, c.waiting, c.accepted = r, false, nil
	if r > 0 && c.cfg.Observer != nil {
		c.cfg.Observer.RoundChanged(c.height, r)
	}
	for src, m := range c.farRC {
		if m.Round <= r+FutureRounds {
			delete(c.farRC, src)
			c.outbox = append(c.outbox, m)
		}
	}
	c.ticker.Schedule(Timeout{Height: c.height, Round: r, Kind: TimeoutRound}, RoundTimeout(c.cfg.BaseTimeout, c.cfg.MaxTimeout, r))
	c.setStatus()
	if announce {
		b := body{Code: CodeRoundChange, Height: c.height, Round: r}
		if c.prepared != nil {
			b.HasPrepared, b.PreparedRound, b.Digest = true, c.prepared.Round, c.prepared.Digest
			b.Value, b.Justification = c.prepared.Value, c.prepared.Cert
		}
		c.send(b)
	}
	c.tryProposeAfterRoundChange()
}

// send signs b, records it in the WAL first when it commits this validator
// to a value, broadcasts it and queues it for local processing.
func (c *Core) send(b body) {
	if b.Code != CodeRoundChange {
		if err := c.wal.Sign(b.Height, b.Round, b.Code, b.Digest); err != nil {
			c.log.Error("QBFT not signing", "err", err)
			return
		}
	}
	m, err := signMessage(b, c.cfg.Signer)
	if err != nil {
		c.log.Error("QBFT signing failed", "err", err)
		return
	}
	c.backend.Broadcast(m)
	c.outbox = append(c.outbox, m)
}

func (c *Core) invalid(m *Message, err error) {
	c.Stats.Invalid.Add(1)
	if m.Code == CodeProposal {
		c.log.Warn("QBFT proposal refused", "msg", m, "err", err)
		return
	}
	c.log.Debug("QBFT message refused", "msg", m, "err", err)
}

func (c *Core) equivocation(m, prev *Message) {
	c.Stats.Equivocations.Add(1)
	c.log.Warn("QBFT equivocation", "signer", m.Source, "code", CodeName(m.Code), "height", m.Height, "round", m.Round, "first", prev.Digest, "second", m.Digest)
}

func (c *Core) handle(m *Message) {
	switch {
	case m.Height < c.height:
		return
	case m.Height == c.height+1 || (m.Height == c.height && c.vals.Size() == 0):
		c.keepForLater(m)
		return
	case m.Height > c.height:
		return
	}
	if !c.vals.Contains(m.Source) {
		c.invalid(m, errNotValidator)
		return
	}
	if m.Round > c.round+FutureRounds {
		// Votes for far rounds are not kept (a Byzantine validator could
		// send one for every round number); only the highest round-change
		// of each validator counts, for the round jump.
		if m.Code == CodeRoundChange {
			if err := c.handleFarRoundChange(m); err != nil {
				c.invalid(m, err)
			}
		}
		return
	}
	var err error
	switch m.Code {
	case CodeProposal:
		err = c.handleProposal(m)
	case CodePrepare:
		err = c.handlePrepare(m)
	case CodeCommit:
		err = c.handleCommit(m)
	case CodeRoundChange:
		err = c.handleRoundChange(m)
	}
	if err != nil {
		c.invalid(m, err)
	}
}

func (c *Core) handleProposal(m *Message) error {
	if m.Source != c.proposer(m.Round) {
		return errWrongProposer
	}
	if prev, ok := c.proposals[m.Round]; ok {
		if prev.Digest != m.Digest {
			c.equivocation(m, prev)
		}
		return nil
	}
	reproposal, err := c.verifyJustification(m)
	if err != nil {
		return err
	}
	digest, err := c.backend.VerifyValue(c.height, m.Source, reproposal, m.Value)
	if err != nil {
		return fmt.Errorf("proposed block: %w", err)
	}
	if digest != m.Digest {
		return errDigestMismatch
	}
	c.proposals[m.Round] = m
	c.values[digest] = m.Value
	if m.Round < c.round {
		// A late proposal of a past round: this node no longer votes in
		// that round, but keeps the value in case that round decides.
		c.tryDecide(m.Round)
		return nil
	}
	if m.Round > c.round {
		// A justified proposal of a later round moves this node there.
		c.enterRound(m.Round, false)
	}
	c.accepted = m
	c.send(body{Code: CodePrepare, Height: c.height, Round: m.Round, Digest: digest})
	c.tryPrepared()
	c.tryDecide(m.Round)
	return nil
}

func (c *Core) handlePrepare(m *Message) error {
	if m.Round < c.round {
		return nil // a past round prepares nothing any more
	}
	if !c.store(c.prepares, m) {
		return nil
	}
	c.tryPrepared()
	return nil
}

func (c *Core) handleCommit(m *Message) error {
	signer, err := RecoverSeal(c.backend.ChainID(), m.Height, m.Round, m.Digest, m.CommitSeal)
	if err != nil || signer != m.Source {
		return errForgedSeal
	}
	if !c.store(c.commits, m) {
		return nil
	}
	c.tryDecide(m.Round)
	return nil
}

// store keeps the first message per round and signer, logging a second
// one with a different digest as equivocation. It reports whether m is new.
func (c *Core) store(set map[uint64]map[common.Address]*Message, m *Message) bool {
	byRound := set[m.Round]
	if byRound == nil {
		byRound = map[common.Address]*Message{}
		set[m.Round] = byRound
	}
	if prev, ok := byRound[m.Source]; ok {
		if prev.Digest != m.Digest {
			c.equivocation(m, prev)
		}
		return false
	}
	byRound[m.Source] = m
	return true
}

func matching(set map[common.Address]*Message, digest common.Hash) []*Message {
	var out []*Message
	for _, m := range set {
		if m.Digest == digest {
			out = append(out, m)
		}
	}
	return out
}

// tryPrepared sends COMMIT once the accepted proposal of this round has a
// quorum of PREPAREs.
func (c *Core) tryPrepared() {
	p := c.accepted
	if p == nil || p.Round != c.round || c.sentCommit[c.round] {
		return
	}
	if c.prepared != nil && c.prepared.Round > c.round {
		return // never lower the lock
	}
	prep := matching(c.prepares[c.round], p.Digest)
	if len(prep) < c.vals.Quorum() {
		return
	}
	cert := make([][]byte, 0, len(prep))
	for _, m := range prep {
		cert = append(cert, m.Raw)
	}
	pr := Prepared{Height: c.height, Round: c.round, Digest: p.Digest, Value: p.Value, Cert: cert}
	if err := c.wal.SavePrepared(pr); err != nil {
		c.log.Error("QBFT cannot record prepared value", "err", err)
		return
	}
	c.prepared = &pr
	seal, err := SignSeal(c.cfg.Signer, c.backend.ChainID(), c.height, c.round, p.Digest)
	if err != nil {
		c.log.Error("QBFT cannot seal", "err", err)
		return
	}
	c.sentCommit[c.round] = true
	c.send(body{Code: CodeCommit, Height: c.height, Round: c.round, Digest: p.Digest, CommitSeal: seal})
}

// tryDecide finalises the block once one round has a quorum of COMMITs for
// one digest whose value this node has verified.
func (c *Core) tryDecide(round uint64) {
	byDigest := map[common.Hash][]*Message{}
	for _, m := range c.commits[round] {
		byDigest[m.Digest] = append(byDigest[m.Digest], m)
	}
	for digest, msgs := range byDigest {
		if len(msgs) < c.vals.Quorum() {
			continue
		}
		value, ok := c.values[digest]
		if !ok {
			continue // wait for the proposal, or for block sync
		}
		cert := newCertificate(c.height, digest, round, msgs)
		if err := c.backend.Commit(value, cert); err != nil {
			c.log.Error("QBFT commit failed", "height", c.height, "hash", digest, "err", err)
			return
		}
		c.log.Info("QBFT block finalised", "height", c.height, "round", round, "hash", digest, "seals", len(cert.Seals))
		if c.cfg.Observer != nil {
			c.cfg.Observer.Decided(c.height, round, time.Since(c.begun))
		}
		c.startHeight(c.height + 1)
		return
	}
}

// keepForLater holds a message of the next height (or of this one while its
// validator set is unknown) until startHeight replays it, at most
// futurePerSource per signer so that one flooding signer cannot crowd out
// the others.
func (c *Core) keepForLater(m *Message) {
	if c.futureCount[m.Source] >= futurePerSource {
		c.Stats.Dropped.Add(1)
		return
	}
	c.futureCount[m.Source]++
	c.future = append(c.future, m)
}

// handleFarRoundChange records a ROUND-CHANGE beyond FutureRounds as its
// sender's highest, replacing any earlier one, and jumps when f+1 are
// ahead. It is replayed once its round is within reach.
func (c *Core) handleFarRoundChange(m *Message) error {
	if err := c.verifyRoundChange(m); err != nil {
		return err
	}
	if m.Round <= c.maxRC[m.Source] {
		return nil
	}
	c.maxRC[m.Source] = m.Round
	c.farRC[m.Source] = m
	c.tryRoundJump()
	return nil
}

func (c *Core) handleRoundChange(m *Message) error {
	if m.Round == 0 {
		return fmt.Errorf("round-change to round 0")
	}
	if m.Round < c.round {
		return nil // a past round: neither a quorum nor a jump needs it
	}
	if err := c.verifyRoundChange(m); err != nil {
		return err
	}
	byRound := c.roundChanges[m.Round]
	if byRound == nil {
		byRound = map[common.Address]*Message{}
		c.roundChanges[m.Round] = byRound
	}
	if _, ok := byRound[m.Source]; ok {
		return nil
	}
	byRound[m.Source] = m
	if m.Round > c.maxRC[m.Source] {
		c.maxRC[m.Source] = m.Round
	}
	if c.tryRoundJump() {
		return nil
	}
	if m.Round == c.round {
		c.tryProposeAfterRoundChange()
	}
	return nil
}

// tryRoundJump moves to a higher round when f+1 validators announced one:
// at least one honest node is there, so jump to the highest round that f+1
// of them reached.
func (c *Core) tryRoundJump() bool {
	var higher []uint64
	for _, r := range c.maxRC {
		if r > c.round {
			higher = append(higher, r)
		}
	}
	f := c.vals.F()
	if len(higher) < f+1 {
		return false
	}
	sort.Slice(higher, func(i, j int) bool { return higher[i] > higher[j] })
	target := higher[f]
	c.log.Info("QBFT round jump", "height", c.height, "from", c.round, "to", target)
	c.enterRound(target, true)
	return true
}

// tryProposeAfterRoundChange proposes in round > 0 once this node is the
// proposer and holds a quorum of ROUND-CHANGEs for the round.
func (c *Core) tryProposeAfterRoundChange() {
	r := c.round
	if r == 0 || c.waiting || c.proposed[r] || c.proposer(r) != c.self {
		return
	}
	rcs := c.roundChanges[r]
	if len(rcs) < c.vals.Quorum() {
		return
	}
	var just [][]byte
	var best *Message
	for _, m := range rcs {
		just = append(just, m.Raw)
		if m.HasPrepared && (best == nil || m.PreparedRound > best.PreparedRound) {
			best = m
		}
	}
	c.propose(r, just, best)
}

// propose builds (or re-proposes the highest prepared) value for round r.
func (c *Core) propose(r uint64, just [][]byte, best *Message) {
	b := body{Code: CodeProposal, Height: c.height, Round: r, Justification: just}
	if best != nil {
		b.Value, b.Digest, b.PreparedCert = best.Value, best.Digest, best.Justification
	} else {
		value, digest, err := c.backend.BuildValue(c.height, r)
		if err != nil {
			c.log.Error("QBFT cannot build a block", "height", c.height, "round", r, "err", err)
			return
		}
		b.Value, b.Digest = value, digest
	}
	c.proposed[r] = true
	if eq, ok := c.backend.(Equivocator); ok && ByzantineBuild && c.cfg.Equivocate && best == nil {
		c.equivocate(b, eq)
		return
	}
	c.log.Debug("QBFT proposing", "height", c.height, "round", r, "digest", b.Digest, "reproposal", best != nil)
	c.send(b)
}

// verifyRoundChange checks a ROUND-CHANGE's prepared value and certificate.
func (c *Core) verifyRoundChange(m *Message) error {
	if !m.HasPrepared {
		return nil
	}
	if m.PreparedRound >= m.Round {
		return fmt.Errorf("prepared round %d not below round %d", m.PreparedRound, m.Round)
	}
	d, err := c.backend.ValueDigest(m.Value)
	if err != nil || d != m.Digest {
		return errDigestMismatch
	}
	return c.verifyPreparedCert(m.Justification, m.PreparedRound, m.Digest)
}

// verifyPreparedCert checks a quorum of PREPAREs from distinct validators for
// (height, round, digest).
func (c *Core) verifyPreparedCert(cert [][]byte, round uint64, digest common.Hash) error {
	seen := map[common.Address]bool{}
	for _, raw := range cert {
		p, err := DecodeMessage(raw)
		if err != nil {
			return fmt.Errorf("%w: %v", errBadPreparedCert, err)
		}
		if p.Code != CodePrepare || p.Height != c.height || p.Round != round || p.Digest != digest {
			return fmt.Errorf("%w: %s does not match round %d", errBadPreparedCert, p, round)
		}
		if !c.vals.Contains(p.Source) {
			return fmt.Errorf("%w: %v", errBadPreparedCert, errNotValidator)
		}
		seen[p.Source] = true
	}
	if len(seen) < c.vals.Quorum() {
		return fmt.Errorf("%w: %d distinct prepares of %d needed", errBadPreparedCert, len(seen), c.vals.Quorum())
	}
	return nil
}

// verifyJustification checks a proposal of round > 0: a quorum of
// ROUND-CHANGEs for its round and, if any of them carries a prepared value,
// that the proposal re-proposes the highest one with its certificate
// (reproposal is then true).
func (c *Core) verifyJustification(m *Message) (bool, error) {
	if m.Round == 0 {
		return false, nil
	}
	seen := map[common.Address]bool{}
	var best *Message
	for _, raw := range m.Justification {
		rc, err := DecodeMessage(raw)
		if err != nil {
			return false, fmt.Errorf("%w: %v", errBadJustification, err)
		}
		if rc.Code != CodeRoundChange || rc.Height != c.height || rc.Round != m.Round {
			return false, fmt.Errorf("%w: %s is not a round-change for round %d", errBadJustification, rc, m.Round)
		}
		if !c.vals.Contains(rc.Source) {
			return false, fmt.Errorf("%w: %v", errBadJustification, errNotValidator)
		}
		if err := c.verifyRoundChange(rc); err != nil {
			return false, fmt.Errorf("%w: %v", errBadJustification, err)
		}
		seen[rc.Source] = true
		if rc.HasPrepared && (best == nil || rc.PreparedRound > best.PreparedRound) {
			best = rc
		}
	}
	if len(seen) < c.vals.Quorum() {
		return false, fmt.Errorf("%w: %d round-changes of %d needed", errBadJustification, len(seen), c.vals.Quorum())
	}
	if best == nil {
		return false, nil
	}
	if m.Digest != best.Digest {
		return false, fmt.Errorf("%w: proposal ignores the value prepared in round %d", errBadJustification, best.PreparedRound)
	}
	if err := c.verifyPreparedCert(m.PreparedCert, best.PreparedRound, best.Digest); err != nil {
		return false, fmt.Errorf("%w: %v", errBadJustification, err)
	}
	return true, nil
}
