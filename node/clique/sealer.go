package clique

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/rand/v2"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/beacon/engine"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/consensus/clique"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/event"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/miner"

	"github.com/sovereign-gov/sovereign/node"
)

// wiggleTime is the unit of random delay an out-of-turn signer waits, so the
// in-turn signer usually wins and concurrent out-of-turn blocks stay rare
// (the value geth used when it still sealed clique blocks).
const wiggleTime = 500 * time.Millisecond

// emptyRetry is how soon a period-0 signer tries again after a build that
// found nothing to include; it doubles with each empty build in a row up to
// maxEmptyRetry, so a pending transaction that can never be included (fee
// cap below the base fee) does not keep the sealer building.
const (
	emptyRetry    = 20 * time.Millisecond
	maxEmptyRetry = time.Second
)

// gatherTime is the least time between two blocks of one signer at period 0.
const gatherTime = 25 * time.Millisecond

// buildTimeout bounds how long the sealer waits for geth's miner to fill a
// block before giving up on this slot.
const buildTimeout = 10 * time.Second

// sealer produces blocks for one signer.
type sealer struct {
	chain   *core.BlockChain
	miner   *miner.Miner
	pending func() int
	subTxs  func(chan<- core.NewTxsEvent) event.Subscription
	snaps   *Snapshots
	votes   *Proposals
	fork    *ForkChoice
	key     *ecdsa.PrivateKey
	signer  common.Address
	period  uint64
	epoch   uint64
	log     log.Logger

	lastSealed time.Time // when this signer last sealed (period-0 pacing); run loop only

	sealed, outOfTurn atomic.Uint64 // blocks this signer sealed and imported; of them out of turn
}

// run seals blocks until ctx ends: it plans the next slot on every new head
// (and, at period 0, on every new transaction), and seals when the slot comes.
func (s *sealer) run(ctx context.Context) {
	heads := make(chan core.ChainHeadEvent, 64)
	headSub := s.chain.SubscribeChainHeadEvent(heads)
	defer headSub.Unsubscribe()
	txs := make(chan core.NewTxsEvent, 256)
	txSub := s.subTxs(txs)
	defer txSub.Unsubscribe()

	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	var (
		planned    common.Hash // parent of the block the timer is for
		waitForTx  bool        // period 0 and nothing to seal
		emptyBuilt int         // empty builds in a row at period 0
	)
	plan := func() {
		timer.Stop()
		head := s.chain.CurrentBlock()
		delay, ok, why := s.schedule(head)
		planned, waitForTx = common.Hash{}, why == waitTxs
		if !ok {
			return
		}
		planned = head.Hash()
		timer.Reset(delay)
	}
	plan()
	for {
		select {
		case <-ctx.Done():
			return
		case <-heads:
			plan()
		case <-txs:
			if waitForTx || emptyBuilt > 0 {
				emptyBuilt = 0
				plan()
			}
		case <-timer.C:
			head := s.chain.CurrentBlock()
			if head.Hash() != planned {
				plan()
				continue
			}
			sealed, err := s.sealOn(ctx, head, false)
			switch {
			case err != nil:
				s.log.Warn("Sealing failed", "parent", head.Number, "err", err)
				timer.Reset(time.Second) // retry the slot on the next tick
			case sealed == nil:
				// Period 0 and the build found nothing to include: the
				// pool has not yet dropped what the parent includes, or
				// holds transactions no block can take yet.
				timer.Reset(min(emptyRetry<<min(emptyBuilt, 6), maxEmptyRetry))
				emptyBuilt++
			default:
				s.lastSealed, emptyBuilt = time.Now(), 0
				plan()
			}
		}
	}
}

type waitReason int

const (
	waitNone waitReason = iota
	waitHead
	waitTxs
)

// schedule decides whether and when this signer seals on top of head.
func (s *sealer) schedule(head *types.Header) (time.Duration, bool, waitReason) {
	snap, err := s.snaps.At(head.Number.Uint64(), head.Hash())
	if err != nil {
		s.log.Warn("No voting snapshot for head", "number", head.Number, "err", err)
		return 0, false, waitHead
	}
	if !snap.IsSigner(s.signer) || snap.SignedRecently(s.signer) {
		return 0, false, waitHead
	}
	if s.period == 0 && s.pending() == 0 {
		return 0, false, waitTxs
	}
	delay := time.Until(time.Unix(int64(head.Time+s.period), 0))
	if s.period == 0 {
		// Let transactions gather for a moment: under load a block per
		// transaction would spend the time on per-block work instead.
		delay = time.Until(s.lastSealed.Add(gatherTime))
	}
	if !snap.InTurn(head.Number.Uint64()+1, s.signer) {
		wiggle := time.Duration(len(snap.Signers)/2+1) * wiggleTime
		delay += time.Duration(rand.Int64N(int64(wiggle)))
	}
	return max(delay, 0), true, waitNone
}

// sealOn builds a block on parent with geth's miner, casts a vote if one is
// proposed, signs it and imports it. Empty blocks are dropped at period 0
// unless allowEmpty.
func (s *sealer) sealOn(ctx context.Context, parent *types.Header, allowEmpty bool) (*types.Block, error) {
	args := &miner.BuildPayloadArgs{
		Parent:       parent.Hash(),
		Timestamp:    max(parent.Time+1, uint64(time.Now().Unix())),
		FeeRecipient: s.signer, // fees go to the block's author, as block validation credits them
		Version:      engine.PayloadV1,
	}
	payload, err := s.miner.BuildPayload(ctx, args, false)
	if err != nil {
		return nil, fmt.Errorf("building block: %w", err)
	}
	block, _, err := node.WaitFullPayload(ctx, payload, buildTimeout)
	if err != nil {
		return nil, err
	}
	if s.period == 0 && len(block.Transactions()) == 0 && !allowEmpty {
		return nil, nil // the transactions that woke us were already sealed by someone else
	}
	sealed, err := s.sign(block, parent)
	if err != nil {
		return nil, err
	}
	if _, err := s.fork.Import(types.Blocks{sealed}); err != nil {
		return nil, fmt.Errorf("importing own block: %w", err)
	}

	s.sealed.Add(1)
	if sealed.Difficulty().Uint64() != 2 { // clique: 2 in turn, 1 out of turn
		s.outOfTurn.Add(1)
	}
	s.log.Info("Sealed block", "number", sealed.Number(), "hash", sealed.Hash().TerminalString(),
		"txs", len(sealed.Transactions()), "gas", sealed.GasUsed(), "diff", sealed.Difficulty())
	return sealed, nil
}

// sign casts a pending vote into the header (coinbase and nonce do not touch
// the state: fees were credited to the signer) and fills in the seal.
func (s *sealer) sign(block *types.Block, parent *types.Header) (*types.Block, error) {
	header := block.Header()
	number := header.Number.Uint64()
	if number%s.epoch != 0 {
		snap, err := s.snaps.At(parent.Number.Uint64(), parent.Hash())
		if err != nil {
			return nil, fmt.Errorf("voting snapshot: %w", err)
		}
		if addr, auth, ok := s.votes.pick(snap); ok {
			header.Coinbase = addr
			header.Nonce = nonceDropVote
			if auth {
				header.Nonce = nonceAuthVote
			}
		}
	}
	if len(header.Extra) < extraVanity+extraSeal {
		return nil, fmt.Errorf("block #%d: extra data of %d bytes has no room for a seal", number, len(header.Extra))
	}
	sig, err := crypto.Sign(clique.SealHash(header).Bytes(), s.key)
	if err != nil {
		return nil, fmt.Errorf("signing block #%d: %w", number, err)
	}
	copy(header.Extra[len(header.Extra)-extraSeal:], sig)
	return block.WithSeal(header), nil
}
