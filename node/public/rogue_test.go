package public

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/beacon/engine"
	gethclique "github.com/ethereum/go-ethereum/consensus/clique"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/miner"
	"github.com/ethereum/go-ethereum/p2p"
	"github.com/ethereum/go-ethereum/p2p/enode"

	"github.com/sovereign-gov/sovereign/internal/proctest"
	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/node/blocksync"
)

// TestBlockFromNonSignerRejected pushes, over a real devp2p connection, a
// well-formed block sealed by a key outside the signer set: the node refuses
// it as an unauthorized signer, counts it, and its chain does not move.
func TestBlockFromNonSignerRejected(t *testing.T) {
	keys := newKeys(t, 2)
	signer, rogue := keys[0], keys[1]
	spec := node.PublicSpec{Period: 0, Signers: addrs(keys[:1]), Time: uint64(time.Now().Unix()) - 10}
	victim := startNode(t, spec, "", signer, nil)
	defer victim.Close()

	// The forger runs the same genesis without sealing rights and builds
	// block 1 with geth's miner, then seals it with its own key.
	forger, err := New(Config{Node: node.Config{DataDir: t.TempDir(), Genesis: mustGenesis(t, spec)}, Signer: rogue, AwaitVote: true})
	if err != nil {
		t.Fatal(err)
	}
	defer forger.Close()
	genesis := forger.Eth.BlockChain().CurrentBlock()
	payload, err := forger.Eth.Miner().BuildPayload(context.Background(), &miner.BuildPayloadArgs{
		Parent: genesis.Hash(), Timestamp: genesis.Time + 1, FeeRecipient: crypto.PubkeyToAddress(rogue.PublicKey), Version: engine.PayloadV1,
	}, false)
	if err != nil {
		t.Fatal(err)
	}
	payload.ResolveFull()
	block, _, _, _ := payload.FullBlockAndReceipts()
	header := block.Header()
	sig, err := crypto.Sign(gethclique.SealHash(header).Bytes(), rogue)
	if err != nil {
		t.Fatal(err)
	}
	copy(header.Extra[len(header.Extra)-65:], sig)
	forged := block.WithSeal(header)

	sent := make(chan error, 1)
	srv := &p2p.Server{Config: p2p.Config{
		PrivateKey: rogue, MaxPeers: 1, NoDiscovery: true, ListenAddr: "",
		Protocols: []p2p.Protocol{{
			Name: blocksync.ProtocolName, Version: blocksync.ProtocolVersion, Length: blocksync.ProtocolLength,
			Run: func(p *p2p.Peer, rw p2p.MsgReadWriter) error {
				if err := p2p.Send(rw, blocksync.StatusMsg, &blocksync.StatusPacket{
					NetworkID: node.DefaultPublicChainID, Genesis: genesis.Hash(), Head: genesis.Hash(),
				}); err != nil {
					sent <- err
					return err
				}
				if _, err := rw.ReadMsg(); err != nil { // the victim's status
					sent <- err
					return err
				}
				sent <- p2p.Send(rw, blocksync.NewBlockMsg, forged)
				_, err := rw.ReadMsg() // held open until the victim drops us
				return err
			},
		}},
	}}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer srv.Stop()
	srv.AddPeer(enode.MustParse(victim.Enode()))
	select {
	case err := <-sent:
		if err != nil {
			t.Fatalf("pushing forged block: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("never connected to the victim")
	}
	proctest.WaitFor(t, 10*time.Second, "rejection to be counted", func() bool { return victim.Sync.Stats().RejectedBlocks == 1 })
	if reason := victim.Sync.Stats().LastRejectReason; !strings.Contains(reason, "unauthorized signer") {
		t.Fatalf("rejection reason %q does not name the unauthorized signer", reason)
	}
	if head := victim.Eth.BlockChain().CurrentBlock(); head.Number.Uint64() != 0 {
		t.Fatalf("victim head moved to #%d on a forged block", head.Number)
	}
	if victim.Eth.BlockChain().HasBlock(forged.Hash(), 1) {
		t.Fatal("forged block was stored")
	}
}

func mustGenesis(t *testing.T, spec node.PublicSpec) *core.Genesis {
	t.Helper()
	g, err := node.PublicGenesis(spec)
	if err != nil {
		t.Fatal(err)
	}
	return g
}
