package qbft

import (
	"sync"
	"sync/atomic"

	"github.com/ethereum/go-ethereum/common"
)

// Bounds of one source's queue in the inbox. A proposal carries a block, so
// bytes are bounded as well as messages.
const (
	inboxMessagesPerSource = 512
	inboxBytesPerSource    = 32 << 20
)

// inbox queues decoded messages from the transport for the receive loop,
// one queue per validator and one shared by every other signer, served
// round-robin. A validator that floods fills and overflows only its own
// queue: the votes of the others still get through (a single FIFO with
// drop-on-full let one peer's flood push honest votes out).
type inbox struct {
	members atomic.Pointer[ValidatorSet] // validators of the current height
	ready   chan struct{}                // signalled when a queue becomes non-empty

	mu     sync.Mutex
	queues map[common.Address]*sourceQueue
	order  []common.Address // sources with queued messages, in service order
}

type sourceQueue struct {
	msgs  []*Message
	bytes int
}

func newInbox() *inbox {
	return &inbox{ready: make(chan struct{}, 1), queues: map[common.Address]*sourceQueue{}}
}

// setMembers sets whose messages get a queue of their own.
func (q *inbox) setMembers(vs ValidatorSet) { q.members.Store(&vs) }

// push queues m, or reports false when its source's queue is full.
func (q *inbox) push(m *Message) bool {
	key := m.Source
	if vs := q.members.Load(); vs == nil || !vs.Contains(key) {
		key = common.Address{} // every non-validator shares one queue
	}
	q.mu.Lock()
	sq := q.queues[key]
	if sq == nil {
		sq = &sourceQueue{}
		q.queues[key] = sq
	}
	if len(sq.msgs) >= inboxMessagesPerSource || sq.bytes+len(m.Raw) > inboxBytesPerSource {
		q.mu.Unlock()
		return false
	}
	if len(sq.msgs) == 0 {
		q.order = append(q.order, key)
	}
	sq.msgs = append(sq.msgs, m)
	sq.bytes += len(m.Raw)
	q.mu.Unlock()
	select {
	case q.ready <- struct{}{}:
	default:
	}
	return true
}

// pop takes the next message, one source after the other; ok is false when
// every queue is empty. It re-signals ready while messages remain, so the
// receive loop serves timeouts and sync notices between messages.
func (q *inbox) pop() (m *Message, ok bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.order) == 0 {
		return nil, false
	}
	key := q.order[0]
	q.order = q.order[1:]
	sq := q.queues[key]
	m = sq.msgs[0]
	sq.msgs[0] = nil
	sq.msgs = sq.msgs[1:]
	sq.bytes -= len(m.Raw)
	if len(sq.msgs) == 0 {
		delete(q.queues, key)
	} else {
		q.order = append(q.order, key)
	}
	if len(q.order) > 0 {
		select {
		case q.ready <- struct{}{}:
		default:
		}
	}
	return m, true
}
