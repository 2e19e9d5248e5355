package qbft

import (
	"sync"
	"time"
)

// TimeoutKind says what a scheduled timeout is for.
type TimeoutKind uint8

const (
	// TimeoutRound ends a round without decision.
	TimeoutRound TimeoutKind = iota
	// TimeoutBlockPeriod ends the wait between blocks.
	TimeoutBlockPeriod
	// TimeoutValidators retries reading a height's validator set.
	TimeoutValidators
)

// Timeout is one scheduled tick; stale ticks (other height or round) are ignored.
type Timeout struct {
	Height uint64
	Round  uint64
	Kind   TimeoutKind
}

// Ticker schedules timeouts. Scheduling replaces the pending one, as in
// CometBFT's TimeoutTicker: the state machine only ever waits for one thing.
type Ticker interface {
	Schedule(t Timeout, d time.Duration)
	C() <-chan Timeout
	Stop()
}

// RoundTimeout is base·2^round, capped at max.
func RoundTimeout(base, max time.Duration, round uint64) time.Duration {
	d := base
	for i := uint64(0); i < round && d < max; i++ {
		d *= 2
	}
	return min(d, max)
}

// realTicker is the wall-clock Ticker.
type realTicker struct {
	mu    sync.Mutex
	timer *time.Timer
	ch    chan Timeout
}

// NewTicker returns a wall-clock Ticker.
func NewTicker() Ticker { return &realTicker{ch: make(chan Timeout, 1)} }

func (t *realTicker) Schedule(to Timeout, d time.Duration) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.timer != nil {
		t.timer.Stop()
	}
	t.timer = time.AfterFunc(d, func() {
		// Drop a pending older tick rather than block: only the newest matters.
		select {
		case <-t.ch:
		default:
		}
		t.ch <- to
	})
}

func (t *realTicker) C() <-chan Timeout { return t.ch }

func (t *realTicker) Stop() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.timer != nil {
		t.timer.Stop()
	}
}
