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

// TestRestartResumesAtItsRound: node0 decides Y in round 1; nodes 1 and 2,
// locked on Y in round 1, crash and restart. The Byzantine validator then
// replays the round-0 proposal X and node0's round-0 PREPARE. A node that
// came back in round 0 would prepare X, and {1, 2, byz} would certify X:
// a fork. Restarted nodes must resume in round 1 and never vote below it.
func TestRestartResumesAtItsRound(t *testing.T) {
	net := newNetwork(t, 4)
	const h = 1
	byz := net.byzantine(3)
	if net.proposerIndex(0, 0) != 0 || net.proposerIndex(0, 1) != 1 {
		t.Fatal("harness: unexpected proposer order")
	}

	// Round 0: node0 proposes X; nobody hears it (the attacker keeps it).
	net.drop = func(delivery) bool { return true }
	net.fire(0, 1, 2)
	pX := net.sentBy(0, CodeProposal, h, 0)
	prepX := net.sentBy(0, CodePrepare, h, 0)
	if pX == nil || prepX == nil {
		t.Fatal("node0 did not propose and prepare X")
	}

	// Round 1: everyone times out; node1 proposes Y; 0, 1 and 2 prepare and
	// commit Y; only node0 receives the commits and decides.
	net.drop = func(d delivery) bool { return d.m.Code == CodeCommit && d.to != 0 }
	net.fire(0, 1, 2)
	byz.deliver(byz.sign(body{Code: CodeRoundChange, Height: h, Round: 1}), 0, 1, 2)
	if c, ok := net.nodes[0].backend.committed[h]; !ok || c.Round != 1 {
		t.Fatal("node0 did not decide in round 1")
	}
	Y := net.nodes[0].backend.committed[h].Hash
	for _, i := range []int{1, 2} {
		if p := net.nodes[i].core.prepared; p == nil || p.Digest != Y || p.Round != 1 {
			t.Fatalf("node %d not locked on Y in round 1", i)
		}
		if _, ok := net.nodes[i].backend.committed[h]; ok {
			t.Fatalf("node %d decided already", i)
		}
	}

	// Nodes 1 and 2 crash and restart.
	net.drop = nil
	net.restart(1)
	net.restart(2)
	for _, i := range []int{1, 2} {
		if r := net.nodes[i].core.round; r != 1 {
			t.Errorf("node %d restarted in round %d, want the round it had entered (1)", i, r)
		}
	}
	net.fire(1, 2)
	before := len(net.sent)

	// The replay: round-0 proposal X, node0's round-0 PREPARE, and the
	// Byzantine validator's PREPARE and COMMIT for X in round 0.
	byz.deliver(pX, 1, 2)
	byz.deliver(prepX, 1, 2)
	byz.deliver(byz.sign(body{Code: CodePrepare, Height: h, Round: 0, Digest: pX.Digest}), 1, 2)
	byz.deliver(byz.sign(body{Code: CodeCommit, Height: h, Round: 0, Digest: pX.Digest, CommitSeal: byz.seal(h, 0, pX.Digest)}), 1, 2)

	for _, d := range net.sent[before:] {
		if d.m.Round == 0 && (d.m.Code == CodePrepare || d.m.Code == CodeCommit) {
			t.Errorf("node %d signed %s in round 0 after restarting from round 1", d.from, CodeName(d.m.Code))
		}
	}
	for _, i := range []int{1, 2} {
		if c, ok := net.nodes[i].backend.committed[h]; ok && c.Hash != Y {
			t.Fatalf("fork: node %d finalised %s, node0 finalised %s", i, c.Hash, Y)
		}
	}
	// Liveness: the round-1 COMMITs for Y, retransmitted, finalise Y on the
	// restarted nodes (their locked value is known to them from the WAL).
	for _, from := range []int{0, 1, 2} {
		c := net.sentBy(from, CodeCommit, h, 1)
		if c == nil {
			t.Fatalf("node %d sent no round-1 commit", from)
		}
		byz.deliver(c, 1, 2)
	}
	for _, i := range []int{0, 1, 2} {
		if c, ok := net.nodes[i].backend.committed[h]; !ok || c.Hash != Y {
			t.Fatalf("node %d did not finalise Y after the attack", i)
		}
	}
	net.checkAgreement()
}
