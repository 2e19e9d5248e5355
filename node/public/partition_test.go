package public

import (
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/p2p/enode"

	"github.com/sovereign-gov/sovereign/internal/proctest"
	"github.com/sovereign-gov/sovereign/node"
)

// TestPartitionHealsToHeavierChain splits three signers into {A} and {B, C}.
// A alone may seal one block in two (recency limit 2 of 3) and stalls; B and C
// keep sealing. When the partition heals, A reorganises onto the heavier
// chain and all three agree again.
func TestPartitionHealsToHeavierChain(t *testing.T) {
	if testing.Short() {
		t.Skip("multi-node test")
	}
	keys := newKeys(t, 3)
	spec := node.PublicSpec{Period: 1, Signers: addrs(keys), Time: uint64(time.Now().Unix())}
	a := startNode(t, spec, "", keys[0], nil)
	defer a.Close()
	b := startNode(t, spec, "", keys[1], nil)
	defer b.Close()
	c := startNode(t, spec, "", keys[2], []string{b.Enode()})
	defer c.Close()

	head := func(n *Node) uint64 { return n.Eth.BlockChain().CurrentBlock().Number.Uint64() }
	proctest.WaitFor(t, 30*time.Second, "the majority side to reach block 6", func() bool { return head(b) >= 6 && head(c) >= 6 })
	if head(a) != 1 {
		t.Fatalf("isolated signer A is at block %d; it should have sealed exactly one block, then been stopped by the recency limit", head(a))
	}

	a.Stack.Server().AddPeer(enode.MustParse(b.Enode()))
	proctest.WaitFor(t, 30*time.Second, "A to join the heavier chain", func() bool {
		h := b.Eth.BlockChain().CurrentBlock()
		return head(a) >= h.Number.Uint64() && a.Eth.BlockChain().GetCanonicalHash(h.Number.Uint64()) == h.Hash()
	})
	// Sealing goes on with all three.
	h := head(b)
	proctest.WaitFor(t, 20*time.Second, "all three to seal on", func() bool { return head(a) >= h+3 && head(c) >= h+3 })
}
