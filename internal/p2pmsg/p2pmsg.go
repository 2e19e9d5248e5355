// Package p2pmsg holds the small devp2p helpers our sub-protocols (sov/1
// block sync, sovqbft consensus) share.
package p2pmsg

import (
	"errors"
	"time"

	"github.com/ethereum/go-ethereum/p2p"
)

// ErrTimeout is returned when no message arrived in time.
var ErrTimeout = errors.New("peer sent no message in time")

// ReadTimeout reads one message, giving up after d. devp2p's MsgReader has
// no deadline; a peer that stays silent would hold the handshake forever.
// The reader goroutine ends when the connection closes, which the caller's
// error return brings about.
func ReadTimeout(rw p2p.MsgReader, d time.Duration) (p2p.Msg, error) {
	type result struct {
		msg p2p.Msg
		err error
	}
	ch := make(chan result, 1)
	go func() {
		m, err := rw.ReadMsg()
		ch <- result{m, err}
	}()
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case r := <-ch:
		return r.msg, r.err
	case <-t.C:
		return p2p.Msg{}, ErrTimeout
	}
}
