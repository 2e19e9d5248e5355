package public

import (
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/sovereign-gov/sovereign/internal/proctest"
	"github.com/sovereign-gov/sovereign/node"
)

// TestSignersFollowerConvergeAndSurviveRestart runs three signers and a
// follower in process over loopback TCP: they reach the same head, the chain
// goes on without one signer, the restarted signer catches up, and the
// signers vote a fourth signer in through clique_propose.
func TestSignersFollowerConvergeAndSurviveRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("multi-node test")
	}
	keys := newKeys(t, 4)
	spec := node.PublicSpec{Period: 1, Signers: addrs(keys[:3]), Time: uint64(time.Now().Unix())}

	dirs := []string{t.TempDir(), t.TempDir(), t.TempDir(), t.TempDir()}
	nodes := make([]*Node, 4)
	nodes[0] = startNode(t, spec, dirs[0], keys[0], nil)
	boot := []string{nodes[0].Enode()}
	nodes[1] = startNode(t, spec, dirs[1], keys[1], boot)
	nodes[2] = startNode(t, spec, dirs[2], keys[2], boot)
	nodes[3] = startNode(t, spec, dirs[3], nil, boot) // follower
	defer func() {
		for _, n := range nodes {
			if n != nil {
				n.Close()
			}
		}
	}()
	head := func(n *Node) uint64 { return n.Eth.BlockChain().CurrentBlock().Number.Uint64() }
	sameHead := func(min uint64, ns ...*Node) func() bool {
		return func() bool {
			h := ns[0].Eth.BlockChain().CurrentBlock()
			if h.Number.Uint64() < min {
				return false
			}
			for _, n := range ns[1:] {
				if n.Eth.BlockChain().GetCanonicalHash(h.Number.Uint64()) != h.Hash() {
					return false
				}
			}
			return true
		}
	}
	proctest.WaitFor(t, 30*time.Second, "all four nodes at the same block ≥ 5", sameHead(5, nodes...))

	// Kill one signer: two of three still seal (recency limit is 2 of 3).
	nodes[1].Close()
	nodes[1] = nil
	h := head(nodes[0])
	proctest.WaitFor(t, 30*time.Second, "chain to go on without signer 1", func() bool { return head(nodes[3]) >= h+4 })

	// Restart it from its datadir: it catches up.
	nodes[1] = startNode(t, spec, dirs[1], keys[1], boot)
	proctest.WaitFor(t, 40*time.Second, "restarted signer to catch up", sameHead(head(nodes[0]), nodes[0], nodes[1], nodes[2], nodes[3]))

	// Vote the fourth key in: a majority (2 of 3) must propose it.
	newSigner := addrs(keys[3:])[0]
	for _, n := range nodes[:2] {
		client := n.Stack.Attach()
		if err := client.Call(nil, "clique_propose", newSigner, true); err != nil {
			t.Fatalf("clique_propose: %v", err)
		}
	}
	proctest.WaitFor(t, 60*time.Second, "fourth signer voted in on every node", func() bool {
		for _, n := range nodes {
			var signers []common.Address
			if err := n.Stack.Attach().Call(&signers, "clique_getSigners", rpc.LatestBlockNumber); err != nil {
				t.Fatalf("clique_getSigners: %v", err)
			}
			if !slices.Contains(signers, newSigner) {
				return false
			}
		}
		return true
	})
}
