package public

import (
	"context"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/rawdb"

	"github.com/sovereign-gov/sovereign/node"
)

// TestRestartRestoresTheChosenHead: geth writes its head markers without
// syncing, so a crash right after a block was sealed may lose them while
// the block, its state and fork choice's record (synced before the block
// became head, and before anyone saw it) are on disk. On restart the node
// makes that block head again.
func TestRestartRestoresTheChosenHead(t *testing.T) {
	keys := newKeys(t, 1)
	spec := node.PublicSpec{Period: 0, Signers: addrs(keys)}
	dir := t.TempDir()
	n := startNode(t, spec, dir, keys[0], nil)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var last [3]string
	for i := 1; i <= 2; i++ {
		b, err := n.Clique.SealNow(ctx)
		if err != nil {
			t.Fatal(err)
		}
		last[i] = b.Hash().Hex()
	}
	bc := n.Eth.BlockChain()
	if bc.CurrentBlock().Number.Uint64() != 2 {
		t.Fatalf("head %d after sealing two blocks", bc.CurrentBlock().Number)
	}
	// The crash: block 2's head markers never reached the disk.
	db, one := n.Eth.ChainDb(), bc.GetHeaderByNumber(1).Hash()
	rawdb.WriteHeadHeaderHash(db, one)
	rawdb.WriteHeadFastBlockHash(db, one)
	rawdb.WriteHeadBlockHash(db, one)
	rawdb.DeleteCanonicalHash(db, 2)
	n.Close()

	n = startNode(t, spec, dir, nil, nil) // a follower now: nothing seals
	defer n.Close()
	head := n.Eth.BlockChain().CurrentBlock()
	if head.Number.Uint64() != 2 || head.Hash().Hex() != last[2] {
		t.Fatalf("head after the restart: %d %s, want 2 %s", head.Number, head.Hash(), last[2])
	}
}
