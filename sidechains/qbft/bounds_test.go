package qbft

import (
	"errors"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/log"
)

// A flooding validator fills only its own queue: votes of the others are
// still queued and served (issue 11 item 4).
func TestInboxFloodDropsOnlyTheFlooder(t *testing.T) {
	net := newNetwork(t, 4)
	c := net.nodes[0].core
	flooder := NewKeySigner(net.nodes[3].key)
	for i := 0; i < 10*inboxMessagesPerSource; i++ {
		m, _ := signMessage(body{Code: CodeRoundChange, Height: 1, Round: uint64(i + 1)}, flooder)
		c.Post(m)
	}
	if got := c.Stats.Dropped.Load(); got != 9*inboxMessagesPerSource {
		t.Fatalf("dropped %d of the flood, want %d", got, 9*inboxMessagesPerSource)
	}
	var honest []*Message
	for _, i := range []int{1, 2} {
		m, _ := signMessage(body{Code: CodePrepare, Height: 1, Round: 0}, NewKeySigner(net.nodes[i].key))
		honest = append(honest, m)
		c.Post(m)
	}
	if got := c.Stats.Dropped.Load(); got != 9*inboxMessagesPerSource {
		t.Fatal("an honest vote was dropped while another validator flooded")
	}
	// Round-robin: both honest votes come out within the first three pops.
	seen := 0
	for i := 0; i < 3; i++ {
		m, ok := c.in.pop()
		if !ok {
			t.Fatal("inbox empty")
		}
		for _, h := range honest {
			if m == h {
				seen++
			}
		}
	}
	if seen != 2 {
		t.Fatalf("%d of 2 honest votes served among the first 3 messages", seen)
	}
	// Non-validators share one queue and cannot take a validator's.
	for i := 0; i < 2*inboxMessagesPerSource; i++ {
		m, _ := signMessage(body{Code: CodePrepare, Height: 1}, NewKeySigner(mustKey(t)))
		c.Post(m)
	}
	m, _ := signMessage(body{Code: CodeCommit, Height: 1}, NewKeySigner(net.nodes[1].key))
	if !c.in.push(m) {
		t.Fatal("a validator's vote was refused after non-validators flooded")
	}
}

// Votes for far rounds are not kept: a Byzantine validator sending one for
// every round number leaves the per-round state bounded, yet f+1 honest
// round-changes far ahead still make the node jump.
func TestFarRoundVotesAreBounded(t *testing.T) {
	net := newNetwork(t, 4)
	net.drop = func(delivery) bool { return true }
	net.fire(0, 1, 2, 3)
	c := net.nodes[0].core
	byz := NewKeySigner(net.nodes[3].key)
	for r := uint64(1); r < 5000; r++ {
		for _, code := range []uint64{CodePrepare, CodeCommit, CodeRoundChange} {
			b := body{Code: code, Height: 1, Round: r}
			if code == CodeCommit {
				b.CommitSeal, _ = SignSeal(byz, testChainID, 1, r, b.Digest)
			}
			m, _ := signMessage(b, byz)
			c.HandleMessage(m)
		}
	}
	kept := len(c.prepares) + len(c.commits) + len(c.roundChanges)
	if kept > 3*(FutureRounds+1) {
		t.Fatalf("%d rounds of votes kept from one validator", kept)
	}
	if c.round != 0 {
		t.Fatalf("one validator moved the node to round %d", c.round)
	}
	// A second validator far ahead makes f+1: the node jumps to the lower
	// of the two highest rounds and can then use those round-changes.
	m, _ := signMessage(body{Code: CodeRoundChange, Height: 1, Round: 100}, NewKeySigner(net.nodes[2].key))
	c.HandleMessage(m)
	if c.round != 100 {
		t.Fatalf("after f+1 far round-changes node is in round %d, want 100", c.round)
	}
	if got := len(c.roundChanges[100]); got < 2 {
		t.Fatalf("round-changes for round 100 known after the jump: %d, want own + validator 2's", got)
	}
}

// A failed validator-set read neither panics (Proposer divided by zero)
// nor loses the height: the node retries and then decides.
func TestValidatorSetReadFailureRetries(t *testing.T) {
	net := newNetwork(t, 4)
	fails := 2
	flaky := &flakyBackend{fakeBackend: net.nodes[0].backend, fails: &fails}
	n := net.nodes[0]
	n.ticker = &mockTicker{}
	n.core = New(Config{Signer: NewKeySigner(n.key), Logger: log.New("node", 0)}, flaky, n.ticker, n.wal)
	n.core.Start(1)
	if n.core.Status().Proposer != ([20]byte{}) || n.ticker.pending == nil || n.ticker.pending.Kind != TimeoutValidators {
		t.Fatal("no retry scheduled after a failed validator-set read")
	}
	net.fire() // node 0 retries (fails again); the others start round 0
	net.fire() // node 0 reads the set; the others time out
	for i := 0; i < 4 && len(net.finalised(1)) < 4; i++ {
		net.fire()
	}
	if len(net.finalised(1)) != 4 {
		t.Fatalf("height 1 finalised on %d of 4 after a failed read", len(net.finalised(1)))
	}
	net.checkAgreement()
	if (ValidatorSet{}).Proposer([20]byte{}, 3) != ([20]byte{}) {
		t.Fatal("empty set has a proposer")
	}
}

type flakyBackend struct {
	*fakeBackend
	fails *int
}

func (b *flakyBackend) Validators(h uint64) (ValidatorSet, error) {
	if *b.fails > 0 {
		*b.fails--
		return ValidatorSet{}, errors.New("state unavailable")
	}
	return b.fakeBackend.Validators(h)
}

// A proposer that credits another validator (to choose who proposes next)
// is refused by every honest node.
func TestProposalCreditingAnotherRefused(t *testing.T) {
	net := newNetwork(t, 4)
	p := net.proposerIndex(0, 0)
	byz := net.byzantine(p)
	net.fire()
	v, _, _ := net.nodes[p].backend.BuildValue(1, 0)
	copy(v[16:36], net.nodes[(p+3)%4].addr[:]) // its predecessor in the rotation
	d := crypto.Keccak256Hash(v)
	prop := byz.sign(body{Code: CodeProposal, Height: 1, Round: 0, Digest: d, Value: v})
	for i, n := range net.nodes {
		if i == p {
			continue
		}
		before := n.core.Stats.Invalid.Load()
		byz.deliver(prop, i)
		if n.core.Stats.Invalid.Load() != before+1 || n.core.accepted != nil {
			t.Fatalf("node %d accepted a proposal crediting another validator", i)
		}
	}
}
