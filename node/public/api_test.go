package public

import (
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/sovereign-gov/sovereign/internal/proctest"
	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/node/clique"
)

// TestCliqueAPI calls every clique_* method over HTTP JSON-RPC.
func TestCliqueAPI(t *testing.T) {
	keys := newKeys(t, 2)
	spec := node.PublicSpec{Period: 1, Signers: addrs(keys[:1]), Time: uint64(time.Now().Unix())}
	n := startNode(t, spec, "", keys[0], nil)
	defer n.Close()
	c, err := rpc.Dial(n.HTTPEndpoint())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	me, other := addrs(keys)[0], addrs(keys)[1]
	proctest.WaitFor(t, 10*time.Second, "block 2", func() bool { return n.Eth.BlockChain().CurrentBlock().Number.Uint64() >= 2 })

	var signers []common.Address
	if err := c.Call(&signers, "clique_getSigners", "latest"); err != nil || !slices.Equal(signers, []common.Address{me}) {
		t.Fatalf("getSigners = %v, %v", signers, err)
	}
	genesis := n.Eth.BlockChain().Genesis().Hash()
	if err := c.Call(&signers, "clique_getSignersAtHash", genesis); err != nil || !slices.Equal(signers, []common.Address{me}) {
		t.Fatalf("getSignersAtHash(genesis) = %v, %v", signers, err)
	}
	var snap clique.Snapshot
	if err := c.Call(&snap, "clique_getSnapshot", "0x1"); err != nil || snap.Number != 1 || !snap.IsSigner(me) || snap.Recents[1] != me {
		t.Fatalf("getSnapshot(1) = %+v, %v", snap, err)
	}
	if err := c.Call(&snap, "clique_getSnapshotAtHash", genesis); err != nil || snap.Number != 0 || snap.Hash != genesis {
		t.Fatalf("getSnapshotAtHash(genesis) = %+v, %v", snap, err)
	}
	if err := c.Call(&snap, "clique_getSnapshot", "0xffffff"); err == nil {
		t.Fatal("getSnapshot of a block beyond the head succeeded")
	}

	// A proposal is listed, then discarded before it is cast.
	if err := c.Call(nil, "clique_propose", other, true); err != nil {
		t.Fatal(err)
	}
	var props map[common.Address]bool
	if err := c.Call(&props, "clique_proposals"); err != nil || !props[other] {
		t.Fatalf("proposals = %v, %v", props, err)
	}
	if err := c.Call(nil, "clique_discard", other); err != nil {
		t.Fatal(err)
	}
	var after map[common.Address]bool
	if err := c.Call(&after, "clique_proposals"); err != nil || len(after) != 0 {
		t.Fatalf("proposals after discard = %v, %v", after, err)
	}

	var st clique.Status
	if err := c.Call(&st, "clique_status"); err != nil {
		t.Fatal(err)
	}
	if st.NumBlocks == 0 || st.SealerActivity[me] != int(st.NumBlocks) || st.InturnPercent != 100 {
		t.Fatalf("status = %+v: a single signer seals every block in turn", st)
	}

	// A follower has no key: votes are refused with a clear error.
	f := startNode(t, spec, "", nil, []string{n.Enode()})
	defer f.Close()
	fc, _ := rpc.Dial(f.HTTPEndpoint())
	defer fc.Close()
	if err := fc.Call(nil, "clique_propose", other, true); err == nil || err.Error() != "this node has no signer key" {
		t.Fatalf("propose on a follower: %v", err)
	}
}

// TestLogQueriesServed checks eth_getLogs and the filter methods, which geth
// registers outside eth.New, are served by every node of the chain.
func TestLogQueriesServed(t *testing.T) {
	keys := newKeys(t, 1)
	n := startNode(t, node.PublicSpec{Period: 1, Signers: addrs(keys)}, "", keys[0], nil)
	defer n.Close()
	c, err := rpc.Dial(n.HTTPEndpoint())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var logs []any
	if err := c.Call(&logs, "eth_getLogs", map[string]any{"fromBlock": "0x0", "toBlock": "latest"}); err != nil {
		t.Fatalf("eth_getLogs: %v", err)
	}
	var id string
	if err := c.Call(&id, "eth_newBlockFilter"); err != nil || id == "" {
		t.Fatalf("eth_newBlockFilter: %q, %v", id, err)
	}
}
