package blocksync

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/p2p"
	"github.com/ethereum/go-ethereum/p2p/enode"

	"github.com/sovereign-gov/sovereign/internal/p2pmsg"
)

// Importer stores blocks under the chain's fork-choice rule. It returns
// ErrUnknownParent (wrapped) when the first block's parent is missing.
type Importer interface {
	Import(blocks types.Blocks) (headChanged bool, err error)
}

// Stats counts what the syncer refused, for operators and tests.
type Stats struct {
	RejectedBlocks   uint64 // blocks a peer sent that failed import
	MalformedMsgs    uint64 // messages that did not decode
	LastRejectReason string
}

// Syncer is the "sov" protocol handler and the catch-up driver of one node.
type Syncer struct {
	chain       *core.BlockChain
	importer    Importer
	networkID   uint64
	unknownPrnt error // sentinel for "parent missing", from the importer's package
	log         log.Logger

	mu      sync.Mutex
	peers   map[enode.ID]*peer
	stats   Stats
	stopped bool // set by Stop; no catch-up starts after it (guards wg.Add)

	syncing atomic.Bool
	quit    chan struct{}
	wg      sync.WaitGroup
}

// Config of a Syncer.
type Config struct {
	NetworkID uint64
	// UnknownParent is the error (matched with errors.Is) the importer returns
	// for a block whose parent is missing: it triggers a catch-up.
	UnknownParent error
	Logger        log.Logger
}

// New returns a syncer for chain that imports through importer.
func New(chain *core.BlockChain, importer Importer, cfg Config) *Syncer {
	logger := cfg.Logger
	if logger == nil {
		logger = log.Root()
	}
	return &Syncer{
		chain:       chain,
		importer:    importer,
		networkID:   cfg.NetworkID,
		unknownPrnt: cfg.UnknownParent,
		log:         logger.With("proto", ProtocolName),
		peers:       make(map[enode.ID]*peer),
		quit:        make(chan struct{}),
	}
}

// Protocols returns the devp2p protocol to register on the node.
func (s *Syncer) Protocols() []p2p.Protocol {
	return []p2p.Protocol{{
		Name:    ProtocolName,
		Version: ProtocolVersion,
		Length:  ProtocolLength,
		Run:     s.runPeer,
	}}
}

// Stats returns a copy of the rejection counters.
func (s *Syncer) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stats
}

// PeerCount is the number of connected "sov" peers.
func (s *Syncer) PeerCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.peers)
}

// Start implements node.Lifecycle: new heads are pushed to peers, and
// peers ahead of us are caught up with.
func (s *Syncer) Start() error {
	heads := make(chan core.ChainHeadEvent, 64)
	sub := s.chain.SubscribeChainHeadEvent(heads)
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		defer sub.Unsubscribe()
		tick := time.NewTicker(2 * time.Second)
		defer tick.Stop()
		for {
			select {
			case <-s.quit:
				return
			case ev := <-heads:
				if b := s.chain.GetBlock(ev.Header.Hash(), ev.Header.Number.Uint64()); b != nil {
					s.broadcast(b)
				}
			case <-tick.C:
				s.syncWithBest()
			}
		}
	}()
	return nil
}

// Stop implements node.Lifecycle. geth stops lifecycles before devp2p, so
// peers may still ask for a catch-up meanwhile: stopped refuses them.
func (s *Syncer) Stop() error {
	s.mu.Lock()
	s.stopped = true
	s.mu.Unlock()
	close(s.quit)
	s.wg.Wait()
	return nil
}

// broadcast pushes a block to every peer not known to have it.
func (s *Syncer) broadcast(b *types.Block) {
	s.mu.Lock()
	targets := make([]*peer, 0, len(s.peers))
	for _, p := range s.peers {
		if p.markKnown(b.Hash()) {
			targets = append(targets, p)
		}
	}
	s.mu.Unlock()
	for _, p := range targets {
		if err := p.sendBlock(b); err != nil {
			s.log.Debug("Block push failed", "peer", p.id, "err", err)
		}
	}
}

func (s *Syncer) runPeer(p2pPeer *p2p.Peer, rw p2p.MsgReadWriter) error {
	p := newPeer(p2pPeer, rw)
	if err := s.handshake(p); err != nil {
		s.log.Debug("Handshake failed", "peer", p.id, "err", err)
		return err
	}
	s.mu.Lock()
	s.peers[p2pPeer.ID()] = p
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.peers, p2pPeer.ID())
		s.mu.Unlock()
	}()
	s.log.Debug("Peer connected", "peer", p.id, "head", p.headNumber())
	s.maybeSync(p)
	for {
		msg, err := rw.ReadMsg()
		if err != nil {
			return err
		}
		err = s.handle(p, msg)
		msg.Discard()
		if err != nil {
			s.log.Debug("Dropping peer", "peer", p.id, "err", err)
			return err
		}
	}
}

func (s *Syncer) handshake(p *peer) error {
	head := s.chain.CurrentBlock()
	errc := make(chan error, 1)
	go func() {
		errc <- p2p.Send(p.rw, StatusMsg, &StatusPacket{
			NetworkID: s.networkID, Genesis: s.chain.Genesis().Hash(), Head: head.Hash(), Number: head.Number.Uint64(),
		})
	}()
	msg, err := p2pmsg.ReadTimeout(p.rw, 10*time.Second)
	if err != nil {
		return fmt.Errorf("reading status: %w", err)
	}
	defer msg.Discard()
	if msg.Code != StatusMsg {
		return fmt.Errorf("first message is 0x%02x, not status", msg.Code)
	}
	var st StatusPacket
	if err := decode(msg, &st); err != nil {
		return err
	}
	if st.NetworkID != s.networkID {
		return fmt.Errorf("%w: ours %d, peer %d", errNetworkMismatch, s.networkID, st.NetworkID)
	}
	if st.Genesis != s.chain.Genesis().Hash() {
		return fmt.Errorf("%w: ours %s, peer %s", errGenesisMismatch, s.chain.Genesis().Hash().TerminalString(), st.Genesis.TerminalString())
	}
	p.setHead(st.Head, st.Number)
	return <-errc
}

func (s *Syncer) handle(p *peer, msg p2p.Msg) error {
	if msg.Size > maxMessageSize {
		return fmt.Errorf("message 0x%02x of %d bytes exceeds %d", msg.Code, msg.Size, maxMessageSize)
	}
	switch msg.Code {
	case StatusMsg:
		return errUnexpectedStatus
	case NewBlockMsg:
		b := new(types.Block)
		if err := decode(msg, b); err != nil {
			s.countMalformed()
			return err
		}
		return s.handleNewBlock(p, b)
	case GetBlocksMsg:
		var req getBlocksPacket
		if err := decode(msg, &req); err != nil {
			s.countMalformed()
			return err
		}
		return p2p.Send(p.rw, BlocksMsg, &blocksPacket{ReqID: req.ReqID, Blocks: s.serveBlocks(req.Origin, req.Amount)})
	case BlocksMsg:
		var res blocksPacket
		if err := decode(msg, &res); err != nil {
			s.countMalformed()
			return err
		}
		p.deliver(res.ReqID, res.Blocks)
	case GetHashesMsg:
		var req getHashesPacket
		if err := decode(msg, &req); err != nil {
			s.countMalformed()
			return err
		}
		if len(req.Numbers) > maxHashesServe {
			return fmt.Errorf("asked %d hashes, at most %d served", len(req.Numbers), maxHashesServe)
		}
		hashes := make([]common.Hash, len(req.Numbers))
		for i, n := range req.Numbers {
			hashes[i] = s.chain.GetCanonicalHash(n)
		}
		return p2p.Send(p.rw, HashesMsg, &hashesPacket{ReqID: req.ReqID, Hashes: hashes})
	case HashesMsg:
		var res hashesPacket
		if err := decode(msg, &res); err != nil {
			s.countMalformed()
			return err
		}
		p.deliver(res.ReqID, res.Hashes)
	default:
		return fmt.Errorf("unknown message code 0x%02x", msg.Code)
	}
	return nil
}

func (s *Syncer) handleNewBlock(p *peer, b *types.Block) error {
	p.setHead(b.Hash(), b.NumberU64())
	if s.chain.HasBlock(b.Hash(), b.NumberU64()) {
		return nil
	}
	_, err := s.importer.Import(types.Blocks{b})
	switch {
	case err == nil:
		return nil
	case s.unknownPrnt != nil && errors.Is(err, s.unknownPrnt):
		s.maybeSync(p)
		return nil
	default:
		s.reject(p, b, err)
		return fmt.Errorf("invalid block #%d: %w", b.NumberU64(), err)
	}
}

func (s *Syncer) reject(p *peer, b *types.Block, err error) {
	s.mu.Lock()
	s.stats.RejectedBlocks++
	s.stats.LastRejectReason = err.Error()
	s.mu.Unlock()
	s.log.Warn("Rejected block from peer", "peer", p.id, "number", b.NumberU64(), "hash", b.Hash().TerminalString(), "err", err)
}

func (s *Syncer) countMalformed() {
	s.mu.Lock()
	s.stats.MalformedMsgs++
	s.mu.Unlock()
}

// serveBlocks returns up to amount canonical blocks from origin, capped in
// count and size.
func (s *Syncer) serveBlocks(origin, amount uint64) []*types.Block {
	amount = min(amount, maxBlocksServe)
	var (
		out  []*types.Block
		size uint64
	)
	for n := origin; n < origin+amount && size < maxBytesServe; n++ {
		b := s.chain.GetBlockByNumber(n)
		if b == nil {
			break
		}
		out = append(out, b)
		size += b.Size()
	}
	return out
}
