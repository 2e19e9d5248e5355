//go:build byzantine

package qbft

import "github.com/ethereum/go-ethereum/common"

// ByzantineBuild reports whether this binary carries the test-only Byzantine
// behaviour (Config.Equivocate): only test binaries are built with the
// byzantine tag.
const ByzantineBuild = true

// equivocate is the Byzantine proposer of Config.Equivocate. It bypasses
// the WAL on purpose.
func (c *Core) equivocate(a body, eq Equivocator) {
	value, digest, err := eq.BuildAlternative(a.Height, a.Round)
	if err != nil {
		c.log.Error("QBFT (byzantine) cannot build a second block", "err", err)
		c.send(a)
		return
	}
	b := a
	b.Value, b.Digest = value, digest
	pa, errA := signMessage(a, c.cfg.Signer)
	pb, errB := signMessage(b, c.cfg.Signer)
	if errA != nil || errB != nil {
		return
	}
	c.log.Warn("QBFT (byzantine) equivocating", "height", a.Height, "round", a.Round, "a", a.Digest, "b", b.Digest)
	eq.BroadcastSplit(pa, pb)
	for _, d := range []common.Hash{a.Digest, b.Digest} {
		prep, _ := signMessage(body{Code: CodePrepare, Height: a.Height, Round: a.Round, Digest: d}, c.cfg.Signer)
		seal, _ := SignSeal(c.cfg.Signer, c.backend.ChainID(), a.Height, a.Round, d)
		com, _ := signMessage(body{Code: CodeCommit, Height: a.Height, Round: a.Round, Digest: d, CommitSeal: seal}, c.cfg.Signer)
		c.backend.Broadcast(prep)
		c.backend.Broadcast(com)
	}
	c.outbox = append(c.outbox, pa)
}
