package portal

import (
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/p2p/enode"

	"github.com/sovereign-gov/sovereign/bindings/dataregistry"
	"github.com/sovereign-gov/sovereign/internal/proctest"
	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/node/public"
	"github.com/sovereign-gov/sovereign/publicdata"
	rt "github.com/sovereign-gov/sovereign/publicdata/readertest"
)

// TestIndexerCliqueReorg: a real clique chain of three signers, split into
// {A} and {B, C} from genesis (as node/public's partition test). Each side
// deploys the registry (same deployer, same nonce: same address) and
// publishes its own release: A alone seals one block and is then stopped by
// the recency limit, while B and C seal on. A portal follows A over JSON-RPC
// and indexes A's release. When the partition heals, A reorganises onto the
// heavier branch; the portal must drop A's release and index B's.
func TestIndexerCliqueReorg(t *testing.T) {
	if testing.Short() {
		t.Skip("multi-node test")
	}
	eachStore(t, testIndexerCliqueReorg)
}

func testIndexerCliqueReorg(t *testing.T, k storeKind) {
	ctx := testCtx(t)
	keys := make([]*ecdsa.PrivateKey, 4)
	for i := range keys {
		var err error
		if keys[i], err = crypto.GenerateKey(); err != nil {
			t.Fatal(err)
		}
	}
	deployer := keys[3]
	from := crypto.PubkeyToAddress(deployer.PublicKey)
	signers := []common.Address{crypto.PubkeyToAddress(keys[0].PublicKey), crypto.PubkeyToAddress(keys[1].PublicKey), crypto.PubkeyToAddress(keys[2].PublicKey)}
	// block 1 may not come before genesis time + period: room to have A's
	// transactions pending before A seals its only block
	spec := node.PublicSpec{Period: 1, Signers: signers, Time: uint64(time.Now().Unix()) + 4,
		Alloc: map[common.Address]*big.Int{from: new(big.Int).Mul(big.NewInt(1e18), big.NewInt(100))}}
	g, err := node.PublicGenesis(spec)
	if err != nil {
		t.Fatal(err)
	}
	start := func(name string, key *ecdsa.PrivateKey, static []string) *public.Node {
		t.Helper()
		n, err := public.New(public.Config{Signer: key, Logger: log.New("node", name), Node: node.Config{
			DataDir: t.TempDir(), Genesis: g, StaticNodes: static,
			P2PListenAddr: fmt.Sprintf("127.0.0.1:%d", proctest.FreePort(t)),
			HTTPHost:      "127.0.0.1", HTTPPort: proctest.FreePort(t),
		}})
		if err != nil {
			t.Fatal(err)
		}
		if err := n.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { n.Close() })
		return n
	}
	a := start("A", keys[0], nil)
	b := start("B", keys[1], nil)
	c := start("C", keys[2], []string{b.Enode()})
	dial := func(n *public.Node) *ethclient.Client {
		cl, err := ethclient.Dial(n.HTTPEndpoint())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(cl.Close)
		return cl
	}
	ca, cb := dial(a), dial(b)

	// each side: deploy the registry, make the deployer its bridge, publish
	registry := crypto.CreateAddress(from, 0)
	publish := func(cl *ethclient.Client, r dataregistry.IDataRegistryRelease) common.Hash {
		t.Helper()
		id, err := cl.ChainID(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for nonce, call := range []struct {
			to   *common.Address
			data []byte
		}{
			{nil, append(common.FromHex(dataregistry.DataRegistryMetaData.Bin), registryABI.PackConstructor(from, from, big.NewInt(7), crypto.Keccak256Hash([]byte("verifier v1")))...)},
			{&registry, registryABI.PackSetBridge(from)},
			{&registry, registryABI.PackPublish(r)},
		} {
			tx := types.MustSignNewTx(deployer, types.LatestSignerForChainID(id), &types.DynamicFeeTx{
				ChainID: id, Nonce: uint64(nonce), To: call.to, Data: call.data, Gas: 5_000_000,
				GasFeeCap: big.NewInt(100e9), GasTipCap: big.NewInt(1e9),
			})
			if err := cl.SendTransaction(ctx, tx); err != nil {
				t.Fatal(err)
			}
		}
		return publicdata.RecordID(r.DatasetId, r.Version)
	}
	idA := publish(ca, rt.Release(t, "roads", 1, 0, 0, roads1, 11))
	idB := publish(cb, rt.Release(t, "parks", 1, 0, 0, parks1, 12))
	proctest.WaitFor(t, 10*time.Second, "A's three transactions to be pending", func() bool {
		n, err := ca.PendingNonceAt(ctx, from)
		return err == nil && n == 3
	})
	head := func(n *public.Node) *types.Header { return n.Eth.BlockChain().CurrentBlock() }
	if h := head(a).Number.Uint64(); h != 0 {
		t.Fatalf("A sealed block %d before its transactions were pending: give the genesis more time", h)
	}

	// the portal follows A
	cfg := Config{Listen: "127.0.0.1:0", Public: ca, Registry: registry, Interval: 100 * time.Millisecond, Logger: quiet()}
	if k.name == "postgres" {
		cfg.IndexPostgres = k.place(t)
	} else {
		cfg.IndexDir = k.place(t)
	}
	svc, err := Start(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(svc.Close)
	indexed := func() map[common.Hash]string { return statuses(t, svc.Store) }
	proctest.WaitFor(t, 30*time.Second, "the portal to index A's release", func() bool { return indexed()[idA] == publicdata.StatusCurrent })
	proctest.WaitFor(t, 30*time.Second, "B and C to outgrow A with B's release", func() bool {
		n, err := cb.NonceAt(ctx, from, nil)
		return err == nil && n == 3 && head(b).Number.Uint64() >= 4 && head(c).Number.Uint64() >= 4
	})
	if h := head(a).Number.Uint64(); h != 1 {
		t.Fatalf("isolated signer A is at block %d; it should have sealed exactly one block, then been stopped by the recency limit", h)
	}
	if got := indexed(); !equal(got, map[common.Hash]string{idA: publicdata.StatusCurrent}) {
		t.Fatalf("before the partition heals, the portal has %v, want only A's release", got)
	}
	if r, err := svc.Store.Release(ctx, idA); err != nil || r.BlockHash != head(a).Hash() {
		t.Fatalf("A's release: %+v %v", r, err)
	}

	// heal: A joins the heavier chain, the portal follows it there
	a.Stack.Server().AddPeer(enode.MustParse(b.Enode()))
	proctest.WaitFor(t, 30*time.Second, "A to join the heavier chain", func() bool {
		h := head(b)
		return head(a).Number.Uint64() >= h.Number.Uint64() && a.Eth.BlockChain().GetCanonicalHash(h.Number.Uint64()) == h.Hash()
	})
	proctest.WaitFor(t, 30*time.Second, "the portal to drop A's release and index B's", func() bool {
		return equal(indexed(), map[common.Hash]string{idB: publicdata.StatusCurrent})
	})
	// what the index has is on A's canonical chain now
	r, err := svc.Store.Release(ctx, idB)
	if err != nil {
		t.Fatal(err)
	}
	if want := a.Eth.BlockChain().GetCanonicalHash(r.Block); r.BlockHash != want {
		t.Fatalf("B's release is indexed from block %d %s; A's canonical block there is %s", r.Block, r.BlockHash.Hex(), want.Hex())
	}
	if _, err := svc.Store.Release(ctx, idA); err == nil {
		t.Fatal("A's release, on the dropped branch, is still in the index")
	}
}
