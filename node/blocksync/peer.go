package blocksync

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/lru"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/p2p"
)

// requestTimeout bounds every request to a peer.
const requestTimeout = 15 * time.Second

// peer is one connected node speaking "sov": what it is known to have, and
// its outstanding requests.
type peer struct {
	id string
	p  *p2p.Peer
	rw p2p.MsgReadWriter

	mu     sync.Mutex
	head   common.Hash
	number uint64
	known  *lru.BasicLRU[common.Hash, struct{}]

	nextID  atomic.Uint64
	pending sync.Map // reqID -> chan any
}

func newPeer(p *p2p.Peer, rw p2p.MsgReadWriter) *peer {
	known := lru.NewBasicLRU[common.Hash, struct{}](knownBlocksCache)
	return &peer{id: p.ID().TerminalString(), p: p, rw: rw, known: &known}
}

// String names the peer in errors and logs.
func (p *peer) String() string { return p.id }

func (p *peer) setHead(hash common.Hash, number uint64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.known.Add(hash, struct{}{})
	if number >= p.number {
		p.head, p.number = hash, number
	}
}

func (p *peer) headInfo() (uint64, common.Hash) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.number, p.head
}

func (p *peer) headNumber() uint64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.number
}

// markKnown records that the peer has hash and reports whether it was new.
func (p *peer) markKnown(hash common.Hash) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.known.Contains(hash) {
		return false
	}
	p.known.Add(hash, struct{}{})
	return true
}

func (p *peer) sendBlock(b *types.Block) error {
	return p2p.Send(p.rw, NewBlockMsg, b)
}

// request sends a request and waits for the answer with the same id.
func (p *peer) request(code uint64, build func(id uint64) any) (any, error) {
	id := p.nextID.Add(1)
	ch := make(chan any, 1)
	p.pending.Store(id, ch)
	defer p.pending.Delete(id)
	if err := p2p.Send(p.rw, code, build(id)); err != nil {
		return nil, fmt.Errorf("sending request to %s: %w", p.id, err)
	}
	select {
	case res := <-ch:
		return res, nil
	case <-time.After(requestTimeout):
		return nil, fmt.Errorf("%s: %w", p.id, errTimeout)
	}
}

// deliver hands an answer to the request waiting for it; answers nobody
// waits for (late, or never asked) are dropped.
func (p *peer) deliver(id uint64, res any) {
	if ch, ok := p.pending.Load(id); ok {
		select {
		case ch.(chan any) <- res:
		default:
		}
	}
}

func (p *peer) requestBlocks(origin, amount uint64) ([]*types.Block, error) {
	res, err := p.request(GetBlocksMsg, func(id uint64) any {
		return &getBlocksPacket{ReqID: id, Origin: origin, Amount: amount}
	})
	if err != nil {
		return nil, err
	}
	blocks := res.([]*types.Block)
	for i, b := range blocks {
		if b.NumberU64() != origin+uint64(i) || (i > 0 && b.ParentHash() != blocks[i-1].Hash()) {
			return nil, fmt.Errorf("%s sent block #%d at position %d of a range from #%d: %w", p.id, b.NumberU64(), i, origin, errBadResponse)
		}
	}
	return blocks, nil
}

func (p *peer) requestHashes(numbers []uint64) ([]common.Hash, error) {
	res, err := p.request(GetHashesMsg, func(id uint64) any {
		return &getHashesPacket{ReqID: id, Numbers: numbers}
	})
	if err != nil {
		return nil, err
	}
	hashes := res.([]common.Hash)
	if len(hashes) != len(numbers) {
		return nil, fmt.Errorf("%s answered %d hashes for %d numbers: %w", p.id, len(hashes), len(numbers), errBadResponse)
	}
	return hashes, nil
}

// decode reads a message payload into v, naming the message on failure.
func decode(msg p2p.Msg, v any) error {
	if err := msg.Decode(v); err != nil {
		return fmt.Errorf("malformed message 0x%02x: %w", msg.Code, err)
	}
	return nil
}
