package clique

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
)

// ErrUnknownParent is returned by Import when the first block's parent is not
// in the local chain: the caller has to fetch the missing ancestors first.
var ErrUnknownParent = errors.New("unknown parent")

// ForkChoice imports blocks and keeps the heaviest chain canonical: the one
// with the highest total difficulty (in-turn blocks weigh 2, out-of-turn 1),
// the lower block hash on a tie. geth v1.17 dropped total-difficulty fork choice,
// so it is decided here and geth is told with InsertChain (becomes head) or
// InsertBlockWithoutSetHead (kept as a side chain that may win later).
type ForkChoice struct {
	mu    sync.Mutex
	chain *core.BlockChain
}

// NewForkChoice returns an importer for chain.
func NewForkChoice(chain *core.BlockChain) *ForkChoice { return &ForkChoice{chain: chain} }

// headKey holds the hash of the head fork choice chose last, synced before
// the block becomes head. It sits beside geth's data under a prefix geth
// never uses.
var headKey = []byte("sov-clique-head")

// Recover makes the block fork choice chose last head again if geth's own
// head markers, written without syncing, were lost in a crash (kill -9,
// power loss): that block may already have been sealed, gossiped and its
// receipts served. Call it before sealing or block sync starts.
func (f *ForkChoice) Recover() (bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	db := f.chain.TrieDB().Disk()
	b, err := db.Get(headKey)
	if err != nil || len(b) != common.HashLength {
		return false, nil // never chose a head (new chain, or made before this record)
	}
	hash := common.BytesToHash(b)
	var block *types.Block
	if h := f.chain.GetHeaderByHash(hash); h != nil {
		if f.chain.GetCanonicalHash(h.Number.Uint64()) == hash && h.Number.Uint64() <= f.chain.CurrentBlock().Number.Uint64() {
			return false, nil // on the head chain: nothing was lost (a catch-up batch records it after)
		}
		block = f.chain.GetBlock(hash, h.Number.Uint64())
	}
	if block == nil {
		return false, fmt.Errorf("the last head chosen, %s, is not in the database", hash.TerminalString())
	}
	if _, err := f.chain.SetCanonical(block); err != nil {
		return false, fmt.Errorf("making the last head chosen, #%d %s, head again: %w", block.NumberU64(), hash.TerminalString(), err)
	}
	return true, nil
}

// Import verifies and stores contiguous blocks, reorganising to them when
// they make a heavier chain. It reports whether the head changed.
func (f *ForkChoice) Import(blocks types.Blocks) (bool, error) {
	if len(blocks) == 0 {
		return false, nil
	}
	f.mu.Lock()
	defer f.mu.Unlock()

	first := blocks[0]
	parent := f.chain.GetHeader(first.ParentHash(), first.NumberU64()-1)
	if parent == nil {
		return false, fmt.Errorf("block #%d %s: %w %s", first.NumberU64(), first.Hash().TerminalString(), ErrUnknownParent, first.ParentHash().TerminalString())
	}
	head := f.chain.CurrentBlock()
	last := blocks[len(blocks)-1]
	if f.chain.HasBlock(last.Hash(), last.NumberU64()) && f.chain.GetCanonicalHash(last.NumberU64()) == last.Hash() {
		return false, nil // already canonical
	}
	heavier := first.ParentHash() == head.Hash()
	if !heavier {
		gain, err := f.weightGain(head, parent, blocks)
		if err != nil {
			return false, err
		}
		// Equal weight goes to the lower hash: every node breaks the tie the
		// same way, so signers that each sealed a competing out-of-turn block
		// (and may not seal again soon: recency) converge instead of waiting
		// on each other forever.
		heavier = gain > 0 || gain == 0 && bytes.Compare(last.Hash().Bytes(), head.Hash().Bytes()) < 0
	}
	db := f.chain.TrieDB().Disk()
	if heavier && len(blocks) > 1 && first.ParentHash() == head.Hash() {
		// Catch-up: a batch fetched from a peer, extending the head. Each of
		// these blocks was synced by the signer that sealed it before anyone
		// saw it, so the batch is inserted as one (geth verifies and
		// recovers senders for the whole batch at once) and synced after.
		if n, err := f.chain.InsertChain(blocks); err != nil {
			return false, fmt.Errorf("importing block #%d %s: %w", blocks[n].NumberU64(), blocks[n].Hash().TerminalString(), err)
		}
		if err := db.Put(headKey, last.Hash().Bytes()); err != nil {
			return false, fmt.Errorf("recording the head: %w", err)
		}
		if err := db.SyncKeyValue(); err != nil {
			return false, fmt.Errorf("syncing the chain database: %w", err)
		}
		return true, nil
	}
	for _, b := range blocks {
		if _, err := f.chain.InsertBlockWithoutSetHead(context.Background(), b, false); err != nil {
			if heavier {
				return false, fmt.Errorf("importing block #%d %s: %w", b.NumberU64(), b.Hash().TerminalString(), err)
			}
			return false, fmt.Errorf("importing side block #%d %s: %w", b.NumberU64(), b.Hash().TerminalString(), err)
		}
	}
	if !heavier {
		return false, nil
	}
	// The blocks, their receipts and state (archive: written at insert) and
	// the choice of head are synced to disk before they become canonical,
	// hence before any of their receipts is served or the block is
	// gossiped: a block this node sealed and acknowledged survives a crash
	// (README, "Crash safety"). geth writes its own head markers without
	// syncing; Recover restores the head from headKey if they were lost.
	if err := db.Put(headKey, last.Hash().Bytes()); err != nil {
		return false, fmt.Errorf("recording the head: %w", err)
	}
	if err := db.SyncKeyValue(); err != nil {
		return false, fmt.Errorf("syncing the chain database: %w", err)
	}
	if _, err := f.chain.SetCanonical(last); err != nil {
		return false, fmt.Errorf("making block #%d %s head: %w", last.NumberU64(), last.Hash().TerminalString(), err)
	}
	return true, nil
}

// weightGain returns TD(parent + blocks) − TD(head), counted from their
// common ancestor.
func (f *ForkChoice) weightGain(head, parent *types.Header, blocks types.Blocks) (int64, error) {
	gain := new(big.Int)
	for _, b := range blocks {
		gain.Add(gain, b.Difficulty())
	}
	a, b := parent, head
	for a.Hash() != b.Hash() {
		switch {
		case a.Number.Uint64() >= b.Number.Uint64():
			gain.Add(gain, a.Difficulty)
			a = f.chain.GetHeader(a.ParentHash, a.Number.Uint64()-1)
		default:
			gain.Sub(gain, b.Difficulty)
			b = f.chain.GetHeader(b.ParentHash, b.Number.Uint64()-1)
		}
		if a == nil || b == nil {
			return 0, errors.New("fork choice: missing ancestor header")
		}
	}
	return gain.Int64(), nil
}
