package node

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/beacon/engine"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/miner"
)

// ErrPayloadTimeout is returned when geth's miner built no full block in time.
var ErrPayloadTimeout = errors.New("building block: timed out waiting for transactions to be filled")

// payloadPoll is how often WaitFullPayload looks for the first full block.
const payloadPoll = time.Millisecond

// WaitFullPayload waits until geth's miner has built p's first full block,
// then stops its background rebuilding and returns that block and its
// envelope (execution requests included). Unlike Payload.ResolveFull it never
// blocks past ctx or timeout: ResolveFull waits on a condition that Resolve
// does not signal, so a caller that gave up left a goroutine blocked for ever
// (one per abandoned build, e.g. at every sealer stop).
func WaitFullPayload(ctx context.Context, p *miner.Payload, timeout time.Duration) (*types.Block, *engine.ExecutionPayloadEnvelope, error) {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	tick := time.NewTicker(payloadPoll)
	defer tick.Stop()
	for {
		if b, _, _, _ := p.FullBlockAndReceipts(); b != nil {
			break
		}
		select {
		case <-tick.C:
		case <-deadline.C:
			p.Resolve()
			return nil, nil, ErrPayloadTimeout
		case <-ctx.Done():
			p.Resolve()
			return nil, nil, fmt.Errorf("building block: %w", ctx.Err())
		}
	}
	// Stop rebuilding first: the full block no longer changes after this.
	env := p.Resolve()
	block, _, _, _ := p.FullBlockAndReceipts()
	if block == nil || env == nil {
		return nil, nil, errors.New("building block: miner returned no block")
	}
	return block, env, nil
}
