package public

import (
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/p2p/enode"

	"github.com/sovereign-gov/sovereign/internal/proctest"
	"github.com/sovereign-gov/sovereign/node"
)

// TestCompetingBlocksConverge starts three signers that cannot see each
// other: each seals its own block 1 and then may not seal block 2 on top of
// it (recency limit 2 of 3). Once connected they must agree on one block 1 —
// the heavier, or the lower hash on equal weight — and go on sealing, even
// though all heads are at the same height.
func TestCompetingBlocksConverge(t *testing.T) {
	if testing.Short() {
		t.Skip("multi-node test")
	}
	keys := newKeys(t, 3)
	spec := node.PublicSpec{Period: 1, Signers: addrs(keys), Time: uint64(time.Now().Unix()) - 60}
	nodes := make([]*Node, 3)
	for i := range nodes {
		nodes[i] = startNode(t, spec, "", keys[i], nil)
		defer nodes[i].Close()
	}
	head := func(n *Node) uint64 { return n.Eth.BlockChain().CurrentBlock().Number.Uint64() }
	proctest.WaitFor(t, 10*time.Second, "each isolated signer to seal its own block 1", func() bool {
		return head(nodes[0]) == 1 && head(nodes[1]) == 1 && head(nodes[2]) == 1
	})
	time.Sleep(2 * time.Second) // isolated, nobody can go further
	for _, n := range nodes {
		if head(n) != 1 {
			t.Fatalf("an isolated signer reached block %d", head(n))
		}
	}
	for i := range nodes {
		for j := i + 1; j < len(nodes); j++ {
			nodes[i].Stack.Server().AddPeer(enode.MustParse(nodes[j].Enode()))
		}
	}
	proctest.WaitFor(t, 30*time.Second, "the three signers to agree and reach block 4", func() bool {
		h := nodes[0].Eth.BlockChain().CurrentBlock()
		if h.Number.Uint64() < 4 {
			return false
		}
		for _, n := range nodes[1:] {
			if n.Eth.BlockChain().GetCanonicalHash(h.Number.Uint64()) != h.Hash() {
				return false
			}
		}
		return true
	})
}
