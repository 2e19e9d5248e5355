package qbft

import (
	"testing"
)

// Attacks on finality with one Byzantine validator of four and adversarial
// delivery (issue 11). Each test plays the attack message by message and
// asserts what must never happen: two blocks certified at one height.

// TestCrossRoundSealsMakeNoSecondCertificate: honest validators seal
// different blocks of one height in different rounds, as QBFT allows
// (r0: node0 seals H; r1: node1 seals H'; r2: node2 re-proposes H from
// node0's r0 prepared certificate and seals it; r3: the Byzantine proposer
// re-proposes H' from node1's r1 certificate and node0 seals H'). With seals
// that did not bind the round, {node0@r0, node2@r2, byz} certified H and
// {node1@r1, node0@r3, byz} certified H'. Seal v2 binds the round, so
// neither mix is a certificate.
func TestCrossRoundSealsMakeNoSecondCertificate(t *testing.T) {
	net := newNetwork(t, 4)
	for r := uint64(0); r < 4; r++ {
		if p := net.proposerIndex(0, r); p != int(r) {
			t.Fatalf("harness: proposer of round %d is node %d", r, p)
		}
	}
	const h = 1
	byz := net.byzantine(3)
	prop, prep, rc := CodeProposal, CodePrepare, CodeRoundChange

	// Round 0: node0 proposes H; only node2 sees it; node0 alone reaches a
	// prepare quorum {0, 2, byz} and seals H in round 0.
	net.drop = only([3]uint64{0, 2, prop}, [3]uint64{2, 0, prep})
	net.fire(0, 1, 2)
	pH := net.sentBy(0, prop, h, 0)
	if pH == nil {
		t.Fatal("node0 did not propose")
	}
	H := pH.Digest
	byz.deliver(byz.sign(body{Code: prep, Height: h, Round: 0, Digest: H}), 0)
	c0r0 := net.sentBy(0, CodeCommit, h, 0)
	if c0r0 == nil || c0r0.Digest != H {
		t.Fatal("node0 did not seal H in round 0")
	}

	// Round 1: node1 proposes H' on round-changes {1, 2, byz} (node0's,
	// which carries H, is kept from it) and seals H' with prepares {1, 2, byz}.
	net.drop = only([3]uint64{2, 1, rc}, [3]uint64{1, 2, prop}, [3]uint64{2, 1, prep})
	net.fire(0, 1, 2)
	byz.deliver(byz.sign(body{Code: rc, Height: h, Round: 1}), 1)
	pH2 := net.sentBy(1, prop, h, 1)
	if pH2 == nil || pH2.Digest == H {
		t.Fatal("node1 did not propose a new block in round 1")
	}
	H2 := pH2.Digest
	byz.deliver(byz.sign(body{Code: prep, Height: h, Round: 1, Digest: H2}), 1)
	c1r1 := net.sentBy(1, CodeCommit, h, 1)
	if c1r1 == nil || c1r1.Digest != H2 {
		t.Fatal("node1 did not seal H' in round 1")
	}

	// Round 2: node2 gets round-changes {0, 2, byz}; the highest prepared
	// value among them is node0's H, so it re-proposes H and seals it.
	net.drop = only([3]uint64{0, 2, rc}, [3]uint64{2, 0, prop}, [3]uint64{0, 2, prep})
	net.fire(0, 1, 2)
	byz.deliver(byz.sign(body{Code: rc, Height: h, Round: 2}), 2)
	if p := net.sentBy(2, prop, h, 2); p == nil || p.Digest != H {
		t.Fatal("node2 did not re-propose H in round 2")
	}
	byz.deliver(byz.sign(body{Code: prep, Height: h, Round: 2, Digest: H}), 2)
	c2r2 := net.sentBy(2, CodeCommit, h, 2)
	if c2r2 == nil || c2r2.Digest != H {
		t.Fatal("node2 did not seal H in round 2")
	}

	// Round 3: the Byzantine proposer justifies H' with the round-changes
	// of node0 (prepared H in r0) and node1 (prepared H' in r1), leaving
	// out node2's (H in r2), and node0 seals H'.
	net.drop = only([3]uint64{1, 0, prep})
	net.fire(0, 1, 2)
	rc0, rc1 := net.sentBy(0, rc, h, 3), net.sentBy(1, rc, h, 3)
	if rc0 == nil || rc1 == nil || !rc1.HasPrepared || rc1.Digest != H2 {
		t.Fatal("round-changes for round 3 missing")
	}
	rcByz := byz.sign(body{Code: rc, Height: h, Round: 3})
	p3 := byz.sign(body{Code: prop, Height: h, Round: 3, Digest: H2, Value: pH2.Value,
		Justification: [][]byte{rc0.Raw, rc1.Raw, rcByz.Raw}, PreparedCert: rc1.Justification})
	byz.deliver(p3, 0, 1)
	byz.deliver(byz.sign(body{Code: prep, Height: h, Round: 3, Digest: H2}), 0)
	c0r3 := net.sentBy(0, CodeCommit, h, 3)
	if c0r3 == nil || c0r3.Digest != H2 {
		t.Fatal("node0 did not seal H' in round 3")
	}

	// The attacker now holds two honest seals for each block, from
	// different rounds, and adds its own.
	certH := &Certificate{Number: h, Hash: H, Round: 2, Seals: [][]byte{c0r0.CommitSeal, c2r2.CommitSeal, byz.seal(h, 2, H)}}
	certH2 := &Certificate{Number: h, Hash: H2, Round: 3, Seals: [][]byte{c1r1.CommitSeal, c0r3.CommitSeal, byz.seal(h, 3, H2)}}
	errH, errH2 := certH.Verify(testChainID, net.vals), certH2.Verify(testChainID, net.vals)
	if errH == nil && errH2 == nil {
		t.Fatalf("two certificates at height %d: %s and %s", h, H, H2)
	}
	if errH == nil || errH2 == nil {
		t.Fatalf("a certificate mixing rounds verified (H: %v, H': %v)", errH, errH2)
	}
	net.checkAgreement()
}
