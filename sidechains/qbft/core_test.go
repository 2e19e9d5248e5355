package qbft

import (
	"testing"
	"time"
)

func TestSteadyFinalityAndRotation(t *testing.T) {
	net := newNetwork(t, 4)
	for h := uint64(1); h <= 8; h++ {
		want := net.proposerIndex(0, 0)
		net.fire() // block period over: round 0 starts, proposer proposes
		got := net.finalised(h)
		if len(got) != 4 {
			t.Fatalf("height %d finalised on %d of 4 nodes", h, len(got))
		}
		c := got[0]
		if c.Round != 0 {
			t.Fatalf("height %d decided in round %d, want 0", h, c.Round)
		}
		if err := c.Verify(testChainID, net.vals); err != nil {
			t.Fatalf("certificate of height %d: %v", h, err)
		}
		if p := net.nodes[0].backend.proposers[h]; p != net.nodes[want].addr {
			t.Fatalf("height %d proposed by %s, want validator %d", h, p, want)
		}
	}
	// Rotation visits every validator in address order.
	seen := map[int]bool{}
	for h := uint64(1); h <= 4; h++ {
		for i, n := range net.nodes {
			if n.addr == net.nodes[0].backend.proposers[h] {
				seen[i] = true
				if want := int(h-1) % 4; i != want {
					t.Fatalf("height %d proposer is validator %d, want %d", h, i, want)
				}
			}
		}
	}
	if len(seen) != 4 {
		t.Fatalf("rotation reached %d of 4 validators", len(seen))
	}
	net.checkAgreement()
}

func TestOfflineProposerCostsOneRoundTimeout(t *testing.T) {
	net := newNetwork(t, 4)
	p := net.proposerIndex(0, 0)
	net.nodes[p].down = true
	net.fire() // block period: nobody proposes
	if len(net.finalised(1)) != 0 {
		t.Fatal("finalised without the proposer")
	}
	for i, n := range net.nodes {
		if !n.down && n.ticker.dur != time.Second {
			t.Fatalf("node %d round-0 timeout %v, want 1s", i, n.ticker.dur)
		}
	}
	net.fire() // round 0 times out: round-changes, round-1 proposer proposes
	got := net.finalised(1)
	if len(got) != 3 {
		t.Fatalf("height 1 finalised on %d of 3 live nodes", len(got))
	}
	for _, c := range got {
		if c.Round != 1 {
			t.Fatalf("decided in round %d, want 1", c.Round)
		}
	}
	net.checkAgreement()
}

func TestRoundTimeoutGrowsAndIsCapped(t *testing.T) {
	base, max := time.Second, 10*time.Second
	want := []time.Duration{1, 2, 4, 8, 10, 10, 10}
	for r, w := range want {
		if got := RoundTimeout(base, max, uint64(r)); got != w*time.Second {
			t.Fatalf("round %d timeout %v, want %v", r, got, w*time.Second)
		}
	}
	if got := RoundTimeout(base, max, 1<<62); got != max {
		t.Fatalf("huge round timeout %v, want cap", got)
	}
	// Two live nodes of four cannot decide; their timers grow round by round.
	net := newNetwork(t, 4)
	net.nodes[2].down, net.nodes[3].down = true, true
	net.fire()
	for r := 1; r <= 4; r++ {
		net.fire()
		n := net.nodes[0]
		if n.core.round != uint64(r) {
			t.Fatalf("after %d timeouts node is in round %d", r, n.core.round)
		}
		if want := RoundTimeout(time.Second, 30*time.Second, uint64(r)); n.ticker.dur != want {
			t.Fatalf("round %d timer %v, want %v", r, n.ticker.dur, want)
		}
	}
	if len(net.finalised(1)) != 0 {
		t.Fatal("two of four validators finalised a block")
	}
}

func TestStaleTimeoutIgnored(t *testing.T) {
	net := newNetwork(t, 4)
	net.fire()
	n := net.nodes[1]
	n.core.HandleTimeout(Timeout{Height: 1, Round: 0, Kind: TimeoutRound})
	n.core.HandleTimeout(Timeout{Height: 2, Round: 5, Kind: TimeoutRound})
	if n.core.height != 2 || n.core.round != 0 {
		t.Fatalf("stale timeout moved node to height %d round %d", n.core.height, n.core.round)
	}
	if len(net.queue) != 0 {
		t.Fatalf("stale timeout sent %d messages", len(net.queue))
	}
}

func TestFPlusOneRoundChangesJump(t *testing.T) {
	net := newNetwork(t, 4)
	net.drop = func(delivery) bool { return true } // nobody decides
	net.fire(0, 1, 2, 3)                           // into round 0
	// Nodes 0 and 1 time out three times, reaching round 3; node 3 hears
	// nothing of it (dropped).
	for i := 0; i < 3; i++ {
		net.fire(0, 1)
	}
	net.drop = nil
	n := net.nodes[3]
	if n.core.round != 0 {
		t.Fatalf("node 3 in round %d before hearing round-changes", n.core.round)
	}
	// One round-change above its round is not enough (f = 1)...
	rc := func(from int, r uint64) *Message {
		m, err := signMessage(body{Code: CodeRoundChange, Height: 1, Round: r}, NewKeySigner(net.nodes[from].key))
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	n.core.HandleMessage(rc(0, 3))
	if n.core.round != 0 {
		t.Fatalf("node jumped to round %d on one round-change", n.core.round)
	}
	// ...f+1 are: it jumps to round 3 and announces it.
	net.queue = nil
	n.core.HandleMessage(rc(1, 3))
	if n.core.round != 3 {
		t.Fatalf("node in round %d after f+1 round-changes for round 3", n.core.round)
	}
	if len(net.queue) == 0 || net.queue[0].m.Code != CodeRoundChange || net.queue[0].m.Round != 3 {
		t.Fatal("node did not announce its round jump")
	}
}

func TestPreparedValueIsReproposed(t *testing.T) {
	net := newNetwork(t, 4)
	p0 := net.proposerIndex(0, 0)
	a := (p0 + 1) % 4 // the only node that will see the prepare quorum
	// Round 0: PREPAREs reach only node a; no COMMIT gets anywhere.
	net.drop = func(d delivery) bool {
		return (d.m.Code == CodePrepare && d.to != a) || d.m.Code == CodeCommit
	}
	net.fire()
	if net.nodes[a].core.prepared == nil {
		t.Fatal("node a is not prepared")
	}
	lockedOn := net.nodes[a].core.prepared.Digest
	// Round change: the round-1 proposer must see a's round-change.
	p1 := net.proposerIndex(0, 1)
	other := -1
	for i := range net.nodes {
		if i != a && i != p1 {
			other = i
			break
		}
	}
	net.drop = func(d delivery) bool { return d.m.Code == CodeRoundChange && d.from == other && d.to == p1 }
	net.fire()
	net.drop = nil
	net.fire() // anything still pending
	got := net.finalised(1)
	if len(got) == 0 {
		t.Fatal("nothing finalised")
	}
	for i, c := range got {
		if c.Hash != lockedOn {
			t.Fatalf("node %d finalised %s, not the prepared value %s", i, c.Hash, lockedOn)
		}
	}
	net.checkAgreement()
}

func TestProposalIgnoringPreparedValueRejected(t *testing.T) {
	net := newNetwork(t, 4)
	p0 := net.proposerIndex(0, 0)
	a := (p0 + 1) % 4
	net.drop = func(d delivery) bool {
		return (d.m.Code == CodePrepare && d.to != a) || d.m.Code == CodeCommit || d.m.Code == CodeRoundChange
	}
	net.fire() // round 0: a prepared
	net.fire() // timeouts: round-changes all dropped
	// Collect a quorum of signed round-changes for round 1, a's included.
	var just [][]byte
	for i, n := range net.nodes {
		if i == p0 && len(just) >= 3 {
			continue
		}
		b := body{Code: CodeRoundChange, Height: 1, Round: 1}
		if pr := n.core.prepared; pr != nil {
			b.HasPrepared, b.PreparedRound, b.Digest, b.Value, b.Justification = true, pr.Round, pr.Digest, pr.Value, pr.Cert
		}
		m, err := signMessage(b, NewKeySigner(n.key))
		if err != nil {
			t.Fatal(err)
		}
		just = append(just, m.Raw)
	}
	// The round-1 proposer (Byzantine here) proposes a fresh value instead.
	p1 := net.proposerIndex(0, 1)
	net.nodes[p1].backend.salt = 99
	v, d, _ := net.nodes[p1].backend.BuildValue(1, 1)
	prop, err := signMessage(body{Code: CodeProposal, Height: 1, Round: 1, Digest: d, Value: v, Justification: just}, NewKeySigner(net.nodes[p1].key))
	if err != nil {
		t.Fatal(err)
	}
	victim := net.nodes[(p1+1)%4]
	before := victim.core.Stats.Invalid.Load()
	net.queue = nil
	victim.core.HandleMessage(prop)
	if victim.core.Stats.Invalid.Load() != before+1 {
		t.Fatal("proposal ignoring the prepared value was not refused")
	}
	for _, q := range net.queue {
		if q.m.Code == CodePrepare {
			t.Fatal("victim prepared an unjustified proposal")
		}
	}
	// Without the justification at all it is refused too.
	prop2, _ := signMessage(body{Code: CodeProposal, Height: 1, Round: 1, Digest: d, Value: v}, NewKeySigner(net.nodes[p1].key))
	victim.core.HandleMessage(prop2)
	if victim.core.Stats.Invalid.Load() != before+2 {
		t.Fatal("proposal without justification was not refused")
	}
}

func TestWrongProposerAndNonValidatorRefused(t *testing.T) {
	net := newNetwork(t, 4)
	net.fire(1) // only node 1 leaves the block period; no one else acts
	net.queue = nil
	p := net.proposerIndex(1, 0)
	notP := (p + 1) % 4
	v, d, _ := net.nodes[notP].backend.BuildValue(1, 0)
	m, _ := signMessage(body{Code: CodeProposal, Height: 1, Digest: d, Value: v}, NewKeySigner(net.nodes[notP].key))
	target := net.nodes[(p+2)%4].core
	target.HandleMessage(m)
	if target.Stats.Invalid.Load() != 1 || target.accepted != nil {
		t.Fatal("proposal from a non-proposer accepted")
	}
	outsider := NewKeySigner(mustKey(t))
	m2, _ := signMessage(body{Code: CodePrepare, Height: 1, Digest: d}, outsider)
	target.HandleMessage(m2)
	if target.Stats.Invalid.Load() != 2 {
		t.Fatal("prepare from a non-validator not counted as invalid")
	}
	// A COMMIT whose seal is another validator's is a forgery.
	seal, _ := SignSeal(NewKeySigner(net.nodes[0].key), testChainID, 1, 0, d)
	m3, _ := signMessage(body{Code: CodeCommit, Height: 1, Digest: d, CommitSeal: seal}, NewKeySigner(net.nodes[1].key))
	target.HandleMessage(m3)
	if target.Stats.Invalid.Load() != 3 {
		t.Fatal("commit with a forged seal not refused")
	}
}

func TestByzantineEquivocatingProposer(t *testing.T) {
	for _, split := range [][]int{{1, 2}, {1}, {1, 2, 3}} {
		net := newNetwork(t, 4)
		byz := net.proposerIndex(0, 0)
		// Honest nodes enter round 0; the Byzantine proposer does not run
		// its state machine: the test speaks for it.
		var honest []int
		for i := range net.nodes {
			if i != byz {
				honest = append(honest, i)
			}
		}
		net.nodes[byz].down = true
		net.fire()
		signer := NewKeySigner(net.nodes[byz].key)
		vx, dx, _ := net.nodes[byz].backend.BuildValue(1, 0)
		net.nodes[byz].backend.salt = 77
		vy, dy, _ := net.nodes[byz].backend.BuildValue(1, 0)
		px, _ := signMessage(body{Code: CodeProposal, Height: 1, Digest: dx, Value: vx}, signer)
		py, _ := signMessage(body{Code: CodeProposal, Height: 1, Digest: dy, Value: vy}, signer)
		// It double-signs PREPAREs and COMMITs for both values, to everyone.
		var extra []*Message
		for _, d := range []struct {
			digest [32]byte
		}{{dx}, {dy}} {
			prep, _ := signMessage(body{Code: CodePrepare, Height: 1, Digest: d.digest}, signer)
			seal, _ := SignSeal(signer, testChainID, 1, 0, d.digest)
			com, _ := signMessage(body{Code: CodeCommit, Height: 1, Digest: d.digest, CommitSeal: seal}, signer)
			extra = append(extra, prep, com)
		}
		for j, i := range honest {
			p := py
			if j < len(split) && split[j] == 1 {
				p = px
			}
			_ = i
			net.queue = append(net.queue, delivery{byz, i, p})
		}
		net.nodes[byz].down = false // let its messages out, its core stays idle
		net.nodes[byz].core = New(Config{Signer: signer}, &idleBackend{net.nodes[byz].backend}, &mockTicker{}, net.nodes[byz].wal)
		for _, m := range extra {
			for _, i := range honest {
				net.queue = append(net.queue, delivery{byz, i, m})
			}
		}
		net.run()
		// Let the honest nodes time out and recover as long as needed.
		for k := 0; k < 6 && len(net.finalised(1)) < 3; k++ {
			net.fire(honest...)
		}
		net.checkAgreement()
		got := net.finalised(1)
		var eq uint64
		for _, i := range honest {
			eq += net.nodes[i].core.Stats.Equivocations.Load()
		}
		if eq == 0 {
			t.Fatalf("split %v: no equivocation logged", split)
		}
		for _, i := range honest {
			if _, ok := got[i]; !ok {
				t.Fatalf("split %v: honest node %d never finalised height 1", split, i)
			}
		}
	}
}

// idleBackend lets a Byzantine node's messages through without it acting.
type idleBackend struct{ *fakeBackend }

func (idleBackend) Broadcast(*Message) {}

func TestRestartNeverSignsSecondProposal(t *testing.T) {
	net := newNetwork(t, 4)
	p := net.proposerIndex(0, 0)
	net.drop = func(delivery) bool { return true }
	net.fire(p) // proposer proposes value X (dropped), WAL records it
	net.drop = nil
	first := net.nodes[p].core.proposed[0]
	if !first {
		t.Fatal("proposer did not propose")
	}
	// Crash and restart with a builder that now makes a different block.
	net.nodes[p].backend.salt = 42
	net.restart(p)
	net.queue = nil
	net.fire(p)
	for _, q := range net.queue {
		if q.m.Code == CodeProposal {
			t.Fatal("restarted proposer signed a second block at height 1 round 0")
		}
	}
	// The others time out and finalise in round 1 with the proposer's help.
	net.fire(0, 1, 2, 3)
	net.fire()
	if len(net.finalised(1)) != 4 {
		for i, n := range net.nodes {
			t.Logf("node %d (proposer %v): height %d round %d waiting %v", i, i == p, n.core.height, n.core.round, n.core.waiting)
		}
		t.Fatalf("height 1 finalised on %d of 4 after restart", len(net.finalised(1)))
	}
	net.checkAgreement()
}

func TestRestartKeepsPreparedLock(t *testing.T) {
	net := newNetwork(t, 4)
	p0 := net.proposerIndex(0, 0)
	a := (p0 + 1) % 4
	net.drop = func(d delivery) bool {
		return (d.m.Code == CodePrepare && d.to != a) || d.m.Code == CodeCommit
	}
	net.fire()
	lock := net.nodes[a].core.prepared
	if lock == nil {
		t.Fatal("node a not prepared")
	}
	net.restart(a)
	if got := net.nodes[a].core.prepared; got == nil || got.Digest != lock.Digest || len(got.Cert) != len(lock.Cert) {
		t.Fatal("prepared lock lost on restart")
	}
}

func TestSkipEmptyWaitsForTransactions(t *testing.T) {
	net := newNetwork(t, 4)
	for _, n := range net.nodes {
		n.core.cfg.SkipEmpty = true
		n.core.cfg.EmptyInterval = 3 * time.Second
	}
	net.fire()
	net.fire()
	if len(net.finalised(1)) != 0 {
		t.Fatal("empty block produced with skip-empty")
	}
	for _, n := range net.nodes {
		n.backend.pending = true
	}
	net.fire()
	if len(net.finalised(1)) != 4 {
		t.Fatal("block with pending transactions not produced")
	}
	// With nothing pending, the empty interval still forces a block.
	for _, n := range net.nodes {
		n.backend.pending = false
	}
	for k := 0; k < 4; k++ {
		net.fire()
	}
	if len(net.finalised(2)) != 4 {
		t.Fatal("no block after the empty interval")
	}
}

func TestCrashTwoHaltsThenResumes(t *testing.T) {
	net := newNetwork(t, 4)
	net.fire()
	net.nodes[1].down, net.nodes[2].down = true, true
	for k := 0; k < 5; k++ {
		net.fire()
	}
	if len(net.finalised(2)) != 0 {
		t.Fatal("finalised with two of four validators down")
	}
	net.restart(2)
	// Rounds differ now: node 2 is at round 0, the others far ahead; f+1
	// round-changes pull it up on their next timeout.
	for k := 0; k < 6 && len(net.finalised(2)) < 3; k++ {
		net.fire()
	}
	if len(net.finalised(2)) != 3 {
		t.Fatalf("height 2 finalised on %d of 3 live nodes after restart", len(net.finalised(2)))
	}
	net.checkAgreement()
}
