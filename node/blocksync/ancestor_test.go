package blocksync

import (
	"encoding/binary"
	"errors"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

// fakeChain is a canonical chain of 0..head whose blocks above fork belong
// to branch (blocks at or below fork are shared by every branch).
type fakeChain struct {
	head, fork uint64
	branch     byte
}

func (c fakeChain) hash(n uint64) common.Hash {
	var h common.Hash
	binary.BigEndian.PutUint64(h[:8], n+1)
	if n > c.fork {
		h[31] = c.branch
	}
	return h
}

func (c fakeChain) GetCanonicalHash(n uint64) common.Hash {
	if n > c.head {
		return common.Hash{}
	}
	return c.hash(n)
}

// fakePeer answers from its own chain, optionally lying, and counts questions.
type fakePeer struct {
	chain     fakeChain
	lie       func(n uint64, honest common.Hash) common.Hash
	short     bool // answers one hash too few
	err       error
	questions int
}

func (p *fakePeer) String() string { return "fake" }

// claim is what the peer answers for n.
func (p *fakePeer) claim(n uint64) common.Hash {
	h := p.chain.GetCanonicalHash(n)
	if p.lie != nil {
		h = p.lie(n, h)
	}
	return h
}

func (p *fakePeer) requestHashes(numbers []uint64) ([]common.Hash, error) {
	p.questions++
	if p.err != nil {
		return nil, p.err
	}
	out := make([]common.Hash, 0, len(numbers))
	for _, n := range numbers {
		out = append(out, p.claim(n))
	}
	if p.short {
		out = out[:len(out)-1]
	}
	return out, nil
}

func TestFindAncestorHonestPeers(t *testing.T) {
	for _, c := range []struct {
		name            string
		local, remote   fakeChain
		top, want       uint64
		maxQuestionsLog int
	}{
		{"same chain", fakeChain{head: 1000, fork: 1000, branch: 1}, fakeChain{head: 1500, fork: 1000, branch: 2}, 1000, 1000, 1},
		{"fork 1 back", fakeChain{head: 1000, fork: 999, branch: 1}, fakeChain{head: 1000, fork: 999, branch: 2}, 1000, 999, 1},
		{"fork deep", fakeChain{head: 100000, fork: 12345, branch: 1}, fakeChain{head: 100000, fork: 12345, branch: 2}, 100000, 12345, 20},
		{"fork at genesis", fakeChain{head: 5000, fork: 0, branch: 1}, fakeChain{head: 6000, fork: 0, branch: 2}, 5000, 0, 15},
		{"empty chain", fakeChain{head: 0, fork: 0, branch: 1}, fakeChain{head: 9, fork: 0, branch: 2}, 0, 0, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := &fakePeer{chain: c.remote}
			got, err := findAncestor(c.local, p, c.top)
			if err != nil || got != c.want {
				t.Fatalf("ancestor %d, %v; want %d", got, err, c.want)
			}
			if p.questions > c.maxQuestionsLog {
				t.Fatalf("%d questions, want at most %d (probe then bisection)", p.questions, c.maxQuestionsLog)
			}
		})
	}
}

// A lying or broken peer never makes the search return a block we do not
// have, never panics, and is bounded in questions.
func TestFindAncestorLyingPeers(t *testing.T) {
	local := fakeChain{head: 100000, fork: 50000, branch: 1}
	remote := fakeChain{head: 100000, fork: 50000, branch: 2}
	for _, c := range []struct {
		name string
		peer *fakePeer
		ok   bool
	}{
		// Claims to agree at the top probes but not below: non-monotonic answers.
		{"agrees high, disagrees low", &fakePeer{chain: remote, lie: func(n uint64, h common.Hash) common.Hash {
			if n > 90000 {
				return local.hash(n)
			}
			return common.Hash{0xba, 0xd}
		}}, true},
		// Answers our hashes everywhere except bisection midpoints.
		{"random disagreement", &fakePeer{chain: remote, lie: func(n uint64, h common.Hash) common.Hash {
			if n%7 == 3 {
				return common.Hash{0x77}
			}
			return h
		}}, true},
		{"zero hashes everywhere", &fakePeer{chain: remote, lie: func(uint64, common.Hash) common.Hash { return common.Hash{} }}, false},
		{"short answer", &fakePeer{chain: remote, short: true}, false},
		{"timeout", &fakePeer{chain: remote, err: errTimeout}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := findAncestor(local, c.peer, local.head)
			if c.peer.questions > 1+20 {
				t.Fatalf("%d questions to a lying peer", c.peer.questions)
			}
			if !c.ok {
				if err == nil {
					t.Fatalf("ancestor %d accepted from a broken peer", got)
				}
				if c.peer.err != nil && !errors.Is(err, c.peer.err) {
					t.Fatalf("error %v does not wrap %v", err, c.peer.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			// Whatever the peer said, the answer is a block of our chain
			// that the peer claimed too.
			if claim := c.peer.claim(got); claim != local.GetCanonicalHash(got) || claim == (common.Hash{}) {
				t.Fatalf("ancestor %d: peer claims %s, we have %s", got, claim, local.GetCanonicalHash(got))
			}
		})
	}
}
