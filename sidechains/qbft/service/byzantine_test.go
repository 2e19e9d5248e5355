//go:build byzantine

package service

import (
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// Byzantine validators are the real node with its test-only behaviour
// switched on; that code is in binaries built with the byzantine tag only
// (make test builds the tests with it).

func TestByzantineEquivocatorCannotFork(t *testing.T) {
	c := newCluster(t, 4, common.HexToAddress("0x01"))
	c.byzantine = map[int]bool{2: true}
	for i := 0; i < 4; i++ {
		c.start(i)
	}
	// Two full rotations: the Byzantine validator proposes at least twice.
	waitFor(t, 60*time.Second, "eight blocks on the honest nodes", func() bool {
		for _, i := range []int{0, 1, 3} {
			if c.nodes[i].Driver.Head() < 8 {
				return false
			}
		}
		return true
	})
	var eq uint64
	for _, i := range []int{0, 1, 3} {
		eq += c.nodes[i].Core.Stats.Equivocations.Load()
	}
	if eq == 0 {
		t.Fatal("no equivocation logged by the honest validators")
	}
	for n := uint64(1); n <= 8; n++ {
		want := c.nodes[0].Eth.BlockChain().GetHeaderByNumber(n).Hash()
		for i := range c.nodes {
			if h := c.nodes[i].Eth.BlockChain().GetHeaderByNumber(n); h != nil && h.Hash() != want {
				t.Fatalf("two blocks finalised at %d: node %d %s, node 0 %s", n, i, h.Hash(), want)
			}
		}
		cert, err := c.nodes[0].Driver.Certificate(n)
		if err != nil || cert.Hash != want {
			t.Fatalf("certificate of %d: %v", n, err)
		}
	}
}
