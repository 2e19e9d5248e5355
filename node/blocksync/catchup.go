package blocksync

import (
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/p2p"
)

// syncWithBest offers every peer a catch-up; maybeSync decides.
func (s *Syncer) syncWithBest() {
	s.mu.Lock()
	peers := make([]*peer, 0, len(s.peers))
	for _, p := range s.peers {
		peers = append(peers, p)
	}
	s.mu.Unlock()
	for _, p := range peers {
		s.maybeSync(p)
	}
}

// maybeSync starts a catch-up with p when no other catch-up runs and p is
// ahead, or at our height with a head we do not have: that block may be the
// heavier one (fork choice decides once it is imported), and without it
// signers stuck on competing blocks would wait for each other.
func (s *Syncer) maybeSync(p *peer) {
	head := s.chain.CurrentBlock()
	number, hash := p.headInfo()
	switch {
	case number < head.Number.Uint64():
		return
	case number == head.Number.Uint64() && (hash == head.Hash() || s.chain.HasBlock(hash, number)):
		return
	}
	if !s.syncing.CompareAndSwap(false, true) {
		return
	}
	s.mu.Lock()
	if s.stopped {
		s.mu.Unlock()
		s.syncing.Store(false)
		return
	}
	s.wg.Add(1)
	s.mu.Unlock()
	go func() {
		defer s.wg.Done()
		defer s.syncing.Store(false)
		if err := s.syncWith(p); err != nil {
			s.log.Warn("Catch-up failed", "peer", p.id, "err", err)
		}
	}()
}

// syncWith fetches and imports every block p has beyond our common ancestor.
// Fetching runs one batch ahead of importing.
func (s *Syncer) syncWith(p *peer) error {
	local := s.chain.CurrentBlock().Number.Uint64()
	ancestor, err := s.findAncestor(p, min(local, p.headNumber()))
	if err != nil {
		return err
	}
	start, target := time.Now(), p.headNumber()
	s.log.Info("Catching up", "peer", p.id, "from", ancestor+1, "to", target)

	type batch struct {
		blocks []*types.Block
		err    error
	}
	batches := make(chan batch, 2)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(batches)
		for from := ancestor + 1; from <= p.headNumber(); {
			blocks, err := p.requestBlocks(from, syncBatch)
			if err == nil && len(blocks) == 0 {
				return // the peer's chain moved; the next sync round picks it up
			}
			select {
			case batches <- batch{blocks, err}:
			case <-stop:
				return
			case <-s.quit:
				return
			}
			if err != nil {
				return
			}
			from += uint64(len(blocks))
		}
	}()
	imported, lastLog := 0, time.Now()
	for b := range batches {
		if b.err != nil {
			return b.err
		}
		if _, err := s.importer.Import(b.blocks); err != nil {
			s.reject(p, b.blocks[0], err)
			p.p.Disconnect(p2p.DiscUselessPeer)
			return fmt.Errorf("importing from #%d: %w", b.blocks[0].NumberU64(), err)
		}
		imported += len(b.blocks)
		if time.Since(lastLog) > 3*time.Second {
			s.log.Info("Catching up", "number", b.blocks[len(b.blocks)-1].NumberU64(), "target", p.headNumber(),
				"blocks/s", int(float64(imported)/time.Since(start).Seconds()))
			lastLog = time.Now()
		}
	}
	if imported > 0 {
		elapsed := time.Since(start)
		s.log.Info("Caught up", "peer", p.id, "blocks", imported, "head", s.chain.CurrentBlock().Number,
			"target", target, "elapsed", elapsed.Round(time.Millisecond), "blocks/s", int(float64(imported)/elapsed.Seconds()))
	}
	return nil
}

// hashSource answers "which block hashes do you have at these numbers" (a
// peer, or a test double); it returns one hash per number, zero for none.
type hashSource interface {
	requestHashes(numbers []uint64) ([]common.Hash, error)
	String() string
}

// canonicalChain is the local side of the ancestor search.
type canonicalChain interface {
	GetCanonicalHash(number uint64) common.Hash
}

// findAncestor is the Syncer's ancestor search with p.
func (s *Syncer) findAncestor(p *peer, top uint64) (uint64, error) {
	return findAncestor(s.chain, p, top)
}

// findAncestor returns the highest block number at most top where remote's
// canonical chain and ours agree: first probing top, top-1, top-2, top-4, …
// then bisecting between the highest match and the lowest mismatch above it.
// A lying or inconsistent peer cannot make it return a block we do not have:
// every candidate is checked against our own canonical hash, and the search
// ends after at most log2(top)+maxHashesServe+1 questions.
func findAncestor(local canonicalChain, remote hashSource, top uint64) (uint64, error) {
	var probes []uint64
	for step := uint64(0); ; step = max(1, step*2) {
		if step > top {
			probes = append(probes, 0)
			break
		}
		probes = append(probes, top-step)
		if len(probes) == maxHashesServe {
			probes = append(probes[:len(probes)-1], 0)
			break
		}
	}
	hashes, err := remote.requestHashes(probes)
	if err != nil {
		return 0, err
	}
	if len(hashes) != len(probes) {
		return 0, fmt.Errorf("%s answered %d hashes for %d numbers: %w", remote, len(hashes), len(probes), errBadResponse)
	}
	match, mismatch := -1, uint64(0)
	for i, n := range probes {
		if agrees(local, n, hashes[i]) {
			match = i
			break
		}
		mismatch = n
	}
	if match < 0 {
		return 0, fmt.Errorf("peer %s shares no block with us, not even genesis", remote)
	}
	lo, hi := probes[match], mismatch
	if match == 0 {
		return lo, nil
	}
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		h, err := remote.requestHashes([]uint64{mid})
		if err != nil {
			return 0, err
		}
		if len(h) != 1 {
			return 0, fmt.Errorf("%s answered %d hashes for 1 number: %w", remote, len(h), errBadResponse)
		}
		if agrees(local, mid, h[0]) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo, nil
}

func agrees(local canonicalChain, number uint64, hash common.Hash) bool {
	return hash != (common.Hash{}) && local.GetCanonicalHash(number) == hash
}
