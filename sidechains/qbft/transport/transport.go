// Package transport carries QBFT between nodes over a devp2p sub-protocol:
// it decodes and checks consensus messages (signature, low S, sender is a
// validator, height) before queueing them for the state machine, gossips
// them on, and syncs finalised blocks with their certificates to validators
// that fell behind and to followers. It holds no consensus logic (CometBFT's
// reactor.go is the model).
package transport

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/p2p"
	"github.com/ethereum/go-ethereum/p2p/enode"

	"github.com/sovereign-gov/sovereign/internal/p2pmsg"
	"github.com/sovereign-gov/sovereign/sidechains/qbft"
)

// The sovqbft protocol, exported for tools and tests that speak it.
const (
	ProtocolName    = "sovqbft"
	ProtocolVersion = 1
	ProtocolLength  = 5

	StatusMsg    = 0x00 // StatusPacket, first message and every few seconds
	ConsensusMsg = 0x01 // a signed consensus message (RLP byte string)
	CertifiedMsg = 0x02 // a finalised block with its certificate

	getCertifiedMsg = 0x03
	certifiedBatch  = 0x04
)

const (
	maxBatch = 64
	// maxBatchBytes stops a sync answer well below devp2p's 16 MiB
	// message limit (a full 60M-gas block of transfers is ~300 KB; a
	// batch of 64 could exceed it, and a refused write drops the peer).
	maxBatchBytes  = 8 << 20
	statusInterval = 2 * time.Second
	seenCap        = 1 << 16
	importQueueLen = 256

	// certifiedPushDelay is how long a node waits after finalising a
	// block before pushing it, with its certificate, to the peers that
	// have not announced it yet. Validators finalise within a few tens of
	// milliseconds of each other and announce their head at once, so
	// the push reaches only followers and validators that fell behind,
	// instead of sending every block to every validator again.
	certifiedPushDelay = 150 * time.Millisecond
	// syncGrace is how long a node one block behind a peer waits before
	// asking for that block: it is usually finishing it through consensus
	// or receiving the push.
	syncGrace = 500 * time.Millisecond
)

var (
	// errNetworkMismatch is returned when a peer runs another network or genesis.
	errNetworkMismatch = errors.New("peer is on another network or genesis")
)

// Chain is what the transport needs from the execution driver.
type Chain interface {
	Head() uint64
	Validators(height uint64) (qbft.ValidatorSet, error)
	ImportCertified(value []byte, cert *qbft.Certificate) error
	CertifiedValue(number uint64) ([]byte, *qbft.Certificate, error)
}

// Consensus is the validator's state machine; nil on a follower.
type Consensus interface {
	Post(m *qbft.Message)
	Synced(height uint64)
	Status() qbft.Status
}

// Counters of refused input, for operators and tests.
type Counters struct {
	Forged       atomic.Uint64 // signature does not recover to the claimed sender
	HighS        atomic.Uint64 // non-canonical (high S) signature
	NonValidator atomic.Uint64 // signed by someone outside the validator set
	WrongHeight  atomic.Uint64 // for a height this node is not deciding
	Malformed    atomic.Uint64 // undecodable RLP or bad signature encoding
	BadBlocks    atomic.Uint64 // synced blocks refused (no valid certificate, or invalid)
}

// CounterValues is a plain copy of Counters.
type CounterValues struct {
	Forged, HighS, NonValidator, WrongHeight, Malformed, BadBlocks uint64
}

// StatusPacket is exchanged on connect and periodically.
type StatusPacket struct {
	NetworkID uint64
	Genesis   common.Hash
	Head      uint64
}

type certifiedPacket struct {
	Value []byte
	Cert  []byte
}

type getCertifiedPacket struct {
	From  uint64
	Count uint64
}

// Config of a Reactor.
type Config struct {
	NetworkID uint64
	Genesis   common.Hash
	Logger    log.Logger
}

// Reactor is the protocol handler of one node.
type Reactor struct {
	chain Chain
	cons  Consensus
	cfg   Config
	log   log.Logger
	Stats Counters

	mu    sync.Mutex
	peers map[enode.ID]*peer
	seen  map[common.Hash]struct{}

	// imports feeds the import loop. Blocks are executed there, never in
	// a peer's read loop: devp2p hands a connection's messages to its
	// protocols one at a time, so a read loop busy executing a block
	// holds back that peer's consensus messages and its eth traffic too.
	imports chan importJob

	quit chan struct{}
	wg   sync.WaitGroup
}

// importJob is certified blocks received from a peer; batch marks the
// answer to our own sync request.
type importJob struct {
	from  *peer
	pkts  []certifiedPacket
	batch bool
}

// New returns a reactor; cons may be nil (follower).
func New(chain Chain, cons Consensus, cfg Config) *Reactor {
	if cfg.Logger == nil {
		cfg.Logger = log.Root()
	}
	return &Reactor{
		chain: chain, cons: cons, cfg: cfg, log: cfg.Logger.With("proto", ProtocolName),
		peers: map[enode.ID]*peer{}, seen: map[common.Hash]struct{}{}, quit: make(chan struct{}),
		imports: make(chan importJob, importQueueLen),
	}
}

// SetConsensus attaches the state machine (it is created after the reactor).
func (r *Reactor) SetConsensus(c Consensus) { r.cons = c }

// Counters returns the refusal counters.
func (r *Reactor) Counters() CounterValues {
	return CounterValues{
		Forged: r.Stats.Forged.Load(), HighS: r.Stats.HighS.Load(), NonValidator: r.Stats.NonValidator.Load(),
		WrongHeight: r.Stats.WrongHeight.Load(), Malformed: r.Stats.Malformed.Load(), BadBlocks: r.Stats.BadBlocks.Load(),
	}
}

// PeerCount is the number of connected protocol peers.
func (r *Reactor) PeerCount() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.peers)
}

// Protocols returns the devp2p protocol to register on the node.
func (r *Reactor) Protocols() []p2p.Protocol {
	return []p2p.Protocol{{Name: ProtocolName, Version: ProtocolVersion, Length: ProtocolLength, Run: r.runPeer}}
}

// Start implements node.Lifecycle: the import loop, and periodic status to
// every peer so that lagging nodes learn to sync.
func (r *Reactor) Start() error {
	r.wg.Add(2)
	go r.importLoop()
	go func() {
		defer r.wg.Done()
		t := time.NewTicker(statusInterval)
		defer t.Stop()
		for {
			select {
			case <-r.quit:
				return
			case <-t.C:
				st := r.status()
				for _, p := range r.peerList() {
					p.send(StatusMsg, st)
				}
			}
		}
	}()
	return nil
}

// Stop implements node.Lifecycle.
func (r *Reactor) Stop() error {
	close(r.quit)
	r.wg.Wait()
	return nil
}

func (r *Reactor) status() *StatusPacket {
	return &StatusPacket{NetworkID: r.cfg.NetworkID, Genesis: r.cfg.Genesis, Head: r.chain.Head()}
}

func (r *Reactor) peerList() []*peer {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]*peer, 0, len(r.peers))
	for _, p := range r.peers {
		out = append(out, p)
	}
	return out
}

// markSeen reports whether h is new, remembering it.
func (r *Reactor) markSeen(h common.Hash) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.seen[h]; ok {
		return false
	}
	if len(r.seen) >= seenCap {
		clear(r.seen)
	}
	r.seen[h] = struct{}{}
	return true
}

// Broadcast sends an own consensus message to every peer.
func (r *Reactor) Broadcast(m *qbft.Message) {
	r.markSeen(m.Hash())
	for _, p := range r.peerList() {
		p.sendConsensus(m.Raw, m.Height, r.deciding)
	}
}

// BroadcastSplit sends a to half of the peers and b to the others: the
// behaviour of an equivocating proposer, for test harnesses.
func (r *Reactor) BroadcastSplit(a, b *qbft.Message) {
	r.markSeen(a.Hash())
	r.markSeen(b.Hash())
	for i, p := range r.peerList() {
		if i%2 == 0 {
			p.sendConsensus(a.Raw, a.Height, r.deciding)
		} else {
			p.sendConsensus(b.Raw, b.Height, r.deciding)
		}
	}
}

// BroadcastCertified is called once this node finalised a block: it
// announces the new head to every peer at once (a status message of a few
// bytes), and a moment later pushes the block with its certificate to the
// peers that still have not announced it.
func (r *Reactor) BroadcastCertified(value []byte, cert *qbft.Certificate) {
	r.announceHead()
	pkt := &certifiedPacket{Value: value, Cert: cert.Encode()}
	r.after(certifiedPushDelay, func() {
		for _, p := range r.peerList() {
			if p.head.Load() < cert.Number {
				p.sendCertified(pkt, cert.Number)
			}
		}
	})
}

// announceHead sends this node's status to every peer.
func (r *Reactor) announceHead() {
	st := r.status()
	for _, p := range r.peerList() {
		p.send(StatusMsg, st)
	}
}

// after runs f after d unless the reactor stops first.
func (r *Reactor) after(d time.Duration, f func()) {
	time.AfterFunc(d, func() {
		select {
		case <-r.quit:
		default:
			f()
		}
	})
}

func (r *Reactor) runPeer(pp *p2p.Peer, rw p2p.MsgReadWriter) error {
	p := newPeer(pp, rw)
	defer p.close()
	if err := r.handshake(p); err != nil {
		r.log.Debug("QBFT handshake failed", "peer", pp.ID(), "err", err)
		return err
	}
	r.mu.Lock()
	r.peers[pp.ID()] = p
	r.mu.Unlock()
	defer func() {
		r.mu.Lock()
		delete(r.peers, pp.ID())
		r.mu.Unlock()
	}()
	r.onPeerHead(p)
	for {
		msg, err := rw.ReadMsg()
		if err != nil {
			return err
		}
		err = r.handle(p, msg)
		msg.Discard()
		if err != nil {
			return err
		}
	}
}

func (r *Reactor) handshake(p *peer) error {
	errc := make(chan error, 1)
	go func() { errc <- p2p.Send(p.rw, StatusMsg, r.status()) }()
	msg, err := p2pmsg.ReadTimeout(p.rw, 5*time.Second)
	if err != nil {
		return fmt.Errorf("reading status: %w", err)
	}
	defer msg.Discard()
	if msg.Code != StatusMsg {
		return fmt.Errorf("first message %#x is not status", msg.Code)
	}
	var st StatusPacket
	if err := msg.Decode(&st); err != nil {
		return fmt.Errorf("status: %w", err)
	}
	if st.NetworkID != r.cfg.NetworkID || st.Genesis != r.cfg.Genesis {
		return errNetworkMismatch
	}
	p.head.Store(st.Head)
	if err := <-errc; err != nil {
		return err
	}
	go p.writeLoop()
	return nil
}

// handle processes one message; only a broken stream ends the peer,
// bad content is counted and dropped.
func (r *Reactor) handle(p *peer, msg p2p.Msg) error {
	switch msg.Code {
	case StatusMsg:
		var st StatusPacket
		if err := msg.Decode(&st); err != nil {
			r.Stats.Malformed.Add(1)
			return nil
		}
		p.head.Store(max(p.head.Load(), st.Head))
		r.onPeerHead(p)
	case ConsensusMsg:
		var raw []byte
		if err := msg.Decode(&raw); err != nil {
			r.Stats.Malformed.Add(1)
			return nil
		}
		r.handleConsensus(p, raw)
	case CertifiedMsg:
		var pkt certifiedPacket
		if err := msg.Decode(&pkt); err != nil {
			r.Stats.Malformed.Add(1)
			return nil
		}
		r.queueImport(importJob{from: p, pkts: []certifiedPacket{pkt}})
	case getCertifiedMsg:
		var req getCertifiedPacket
		if err := msg.Decode(&req); err != nil {
			r.Stats.Malformed.Add(1)
			return nil
		}
		r.serve(p, req)
	case certifiedBatch:
		var batch []certifiedPacket
		if err := msg.Decode(&batch); err != nil {
			r.Stats.Malformed.Add(1)
			return nil
		}
		r.queueImport(importJob{from: p, pkts: batch, batch: true})
	default:
		r.Stats.Malformed.Add(1)
	}
	return nil
}

// CheckConsensus decodes and checks a consensus message the way the
// transport does, counting refusals; exported for tests of the counters.
func (r *Reactor) CheckConsensus(raw []byte) (*qbft.Message, error) {
	m, err := qbft.DecodeMessage(raw)
	switch {
	case errors.Is(err, qbft.ErrForged):
		r.Stats.Forged.Add(1)
		return nil, err
	case errors.Is(err, qbft.ErrHighS):
		r.Stats.HighS.Add(1)
		return nil, err
	case err != nil:
		r.Stats.Malformed.Add(1)
		return nil, err
	}
	cur := r.deciding()
	if m.Height < cur || m.Height > cur+1 {
		r.Stats.WrongHeight.Add(1)
		return nil, fmt.Errorf("message for height %d, deciding %d", m.Height, cur)
	}
	vals, err := r.chain.Validators(min(m.Height, r.chain.Head()+1))
	if err != nil {
		return nil, err
	}
	if !vals.Contains(m.Source) {
		r.Stats.NonValidator.Add(1)
		return nil, fmt.Errorf("sender %s is not a validator", m.Source)
	}
	return m, nil
}

// deciding is the height this node is deciding (or, on a follower,
// waiting for): consensus messages below it are stale.
func (r *Reactor) deciding() uint64 {
	cur := r.chain.Head() + 1
	if r.cons != nil {
		cur = max(cur, r.cons.Status().Height)
	}
	return cur
}

func (r *Reactor) handleConsensus(from *peer, raw []byte) {
	m, err := r.CheckConsensus(raw)
	if err != nil {
		r.log.Trace("QBFT message refused", "peer", from.id, "err", err)
		return
	}
	if !r.markSeen(m.Hash()) {
		return
	}
	if r.cons != nil {
		r.cons.Post(m)
	}
	// Gossip on, so validators without a direct link still hear it.
	for _, p := range r.peerList() {
		if p != from {
			p.sendConsensus(raw, m.Height, r.deciding)
		}
	}
}

// queueImport hands certified blocks to the import loop; when it is full
// the blocks are dropped (status and sync fetch them again later).
func (r *Reactor) queueImport(job importJob) {
	select {
	case r.imports <- job:
	default:
		if job.batch {
			job.from.syncing.Store(false)
		}
		r.log.Debug("QBFT import queue full, dropping certified blocks", "peer", job.from.id, "count", len(job.pkts))
	}
}

func (r *Reactor) importLoop() {
	defer r.wg.Done()
	for {
		select {
		case <-r.quit:
			return
		case job := <-r.imports:
			r.importCertified(job.from, job.pkts)
			if job.batch {
				job.from.syncing.Store(false)
				r.maybeSync(job.from)
			}
		}
	}
}

// importCertified imports the blocks that extend the head, in order,
// passes each block on to peers still below it (followers relay to their
// own followers) and then announces the new head once.
func (r *Reactor) importCertified(from *peer, pkts []certifiedPacket) {
	imported := false
	defer func() {
		if imported {
			r.announceHead()
		}
	}()
	for _, pkt := range pkts {
		cert, err := qbft.DecodeCertificate(pkt.Cert)
		if err != nil {
			r.Stats.Malformed.Add(1)
			return
		}
		head := r.chain.Head()
		if cert.Number <= head {
			continue
		}
		if cert.Number > head+1 {
			from.head.Store(max(from.head.Load(), cert.Number))
			r.maybeSync(from)
			return
		}
		if err := r.chain.ImportCertified(pkt.Value, cert); err != nil {
			if r.chain.Head() >= cert.Number {
				continue // finalised meanwhile by consensus
			}
			r.Stats.BadBlocks.Add(1)
			r.log.Warn("QBFT refused synced block", "number", cert.Number, "peer", from.id, "err", err)
			return
		}
		r.log.Debug("QBFT imported certified block", "number", cert.Number, "hash", cert.Hash)
		imported = true
		if r.cons != nil {
			r.cons.Synced(cert.Number)
		}
		for _, p := range r.peerList() {
			if p != from && p.head.Load() < cert.Number {
				p.sendCertified(&pkt, cert.Number)
			}
		}
	}
}

// onPeerHead reacts to a peer's announced head: a node more than one block
// behind syncs at once; one block behind, it gives consensus and the push
// syncGrace to bring the block first.
func (r *Reactor) onPeerHead(p *peer) {
	head, ph := r.chain.Head(), p.head.Load()
	switch {
	case ph <= head:
	case ph == head+1:
		r.after(syncGrace, func() { r.maybeSync(p) })
	default:
		r.maybeSync(p)
	}
}

func (r *Reactor) maybeSync(p *peer) {
	head := r.chain.Head()
	ph := p.head.Load()
	if ph <= head || !p.syncing.CompareAndSwap(false, true) {
		return
	}
	p.send(getCertifiedMsg, &getCertifiedPacket{From: head + 1, Count: min(ph-head, maxBatch)})
	// A lost answer must not block syncing forever.
	r.after(5*time.Second, func() { p.syncing.Store(false) })
}

func (r *Reactor) serve(p *peer, req getCertifiedPacket) {
	var out []certifiedPacket
	size := 0
	for n := req.From; n < req.From+min(req.Count, maxBatch) && n <= r.chain.Head() && size < maxBatchBytes; n++ {
		v, c, err := r.chain.CertifiedValue(n)
		if err != nil {
			break
		}
		out = append(out, certifiedPacket{Value: v, Cert: c.Encode()})
		size += len(v)
	}
	p.send(certifiedBatch, out)
}

// peer is one connected node with a bounded send queue, so a slow peer
// never blocks consensus.
type peer struct {
	id      enode.ID
	rw      p2p.MsgReadWriter
	head    atomic.Uint64
	syncing atomic.Bool
	queue   chan outMsg
	done    chan struct{}
	once    sync.Once
}

type outMsg struct {
	code uint64
	data any
	// stale, if set, is asked just before writing: a message that has
	// become useless while queued (a vote for a height already decided
	// here, a block the peer has announced meanwhile) is dropped, so a
	// backlog drains at once instead of delaying current votes.
	stale func() bool
}

func newPeer(pp *p2p.Peer, rw p2p.MsgReadWriter) *peer {
	return &peer{id: pp.ID(), rw: rw, queue: make(chan outMsg, 1024), done: make(chan struct{})}
}

func (p *peer) send(code uint64, data any) { p.enqueue(outMsg{code: code, data: data}) }

// sendConsensus queues a consensus message for height; it is dropped
// unsent once deciding() is two heights past it (the peer then gets the
// block with its certificate instead). Votes for the height this node has
// just decided still go out: the last validators to decide need them, and
// a node usually decides a few microseconds after queueing its own COMMIT.
func (p *peer) sendConsensus(raw []byte, height uint64, deciding func() uint64) {
	p.enqueue(outMsg{code: ConsensusMsg, data: raw, stale: func() bool { return height+1 < deciding() }})
}

// sendCertified queues block number with its certificate; it is dropped
// unsent once the peer announced that block.
func (p *peer) sendCertified(pkt *certifiedPacket, number uint64) {
	p.enqueue(outMsg{code: CertifiedMsg, data: pkt, stale: func() bool { return p.head.Load() >= number }})
}

func (p *peer) enqueue(m outMsg) {
	select {
	case p.queue <- m:
	default: // peer too slow: it will catch up through sync
	}
}

func (p *peer) writeLoop() {
	for {
		select {
		case <-p.done:
			return
		case m := <-p.queue:
			if m.stale != nil && m.stale() {
				continue
			}
			if err := p2p.Send(p.rw, m.code, m.data); err != nil {
				return
			}
		}
	}
}

func (p *peer) close() { p.once.Do(func() { close(p.done) }) }
