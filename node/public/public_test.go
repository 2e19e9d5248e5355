package public

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/params"

	"github.com/sovereign-gov/sovereign/internal/proctest"
	"github.com/sovereign-gov/sovereign/node"
)

func newKeys(t *testing.T, n int) []*ecdsa.PrivateKey {
	keys := make([]*ecdsa.PrivateKey, n)
	for i := range keys {
		k, err := crypto.GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		keys[i] = k
	}
	return keys
}

func addrs(keys []*ecdsa.PrivateKey) []common.Address {
	out := make([]common.Address, len(keys))
	for i, k := range keys {
		out[i] = crypto.PubkeyToAddress(k.PublicKey)
	}
	return out
}

// startNode starts a public node in dir (t.TempDir if empty), dialing static peers.
func startNode(t *testing.T, spec node.PublicSpec, dir string, signer *ecdsa.PrivateKey, static []string) *Node {
	t.Helper()
	return startNodeWith(t, spec, dir, signer, static, nil)
}

// startNodeWith is startNode with the node configuration changed by edit
// (if not nil) before the node is assembled.
func startNodeWith(t *testing.T, spec node.PublicSpec, dir string, signer *ecdsa.PrivateKey, static []string, edit func(*node.Config)) *Node {
	t.Helper()
	g, err := node.PublicGenesis(spec)
	if err != nil {
		t.Fatal(err)
	}
	if dir == "" {
		dir = t.TempDir()
	}
	cfg := node.Config{
		DataDir:       dir,
		Genesis:       g,
		P2PListenAddr: fmt.Sprintf("127.0.0.1:%d", proctest.FreePort(t)),
		StaticNodes:   static,
		HTTPHost:      "127.0.0.1",
		HTTPPort:      proctest.FreePort(t),
	}
	if edit != nil {
		edit(&cfg)
	}
	n, err := New(Config{Node: cfg, Signer: signer, Logger: log.New("node", dir[len(dir)-3:])})
	if err != nil {
		t.Fatal(err)
	}
	if err := n.Start(); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestSingleSignerSealsTransactions(t *testing.T) {
	keys := newKeys(t, 2)
	signer, user := keys[0], keys[1]
	spec := node.PublicSpec{
		Period:  0,
		Signers: addrs(keys[:1]),
		Alloc:   map[common.Address]*big.Int{crypto.PubkeyToAddress(user.PublicKey): big.NewInt(params.Ether)},
	}
	n := startNode(t, spec, "", signer, nil)
	defer n.Close()

	client, err := ethclient.Dial(n.HTTPEndpoint())
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	chainID, err := client.ChainID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The tip cast takes from eth_feeHistory on a quiet chain: 1 wei. The
	// pool admits it, so the sealer must include it (issue 17).
	tip := big.NewInt(1)
	tx := types.MustSignNewTx(user, types.LatestSignerForChainID(chainID), &types.DynamicFeeTx{
		ChainID: chainID, Nonce: 0, GasTipCap: tip, GasFeeCap: big.NewInt(10 * params.GWei),
		Gas: 21000, To: &common.Address{0x42}, Value: big.NewInt(1000),
	})
	// A fresh node answers a receipt query for an unknown (or pending)
	// transaction with null at once, not "transaction indexing is in
	// progress", which cast treats as fatal.
	var raw json.RawMessage
	if err := client.Client().CallContext(ctx, &raw, "eth_getTransactionReceipt", tx.Hash()); err != nil || string(raw) != "null" {
		t.Fatalf("receipt query on a fresh chain: %s, %v", raw, err)
	}
	if err := client.SendTransaction(ctx, tx); err != nil {
		t.Fatal(err)
	}
	var receipt *types.Receipt
	proctest.WaitFor(t, 20*time.Second, "receipt", func() bool {
		receipt, _ = client.TransactionReceipt(ctx, tx.Hash())
		return receipt != nil
	})
	if receipt.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("transfer failed: %+v", receipt)
	}
	bal, err := client.BalanceAt(ctx, common.Address{0x42}, nil)
	if err != nil || bal.Int64() != 1000 {
		t.Fatalf("recipient balance %v, err %v", bal, err)
	}
	// At period 0 nothing is sealed without transactions.
	head := n.Eth.BlockChain().CurrentBlock().Number.Uint64()
	time.Sleep(1500 * time.Millisecond)
	if now := n.Eth.BlockChain().CurrentBlock().Number.Uint64(); now != head {
		t.Fatalf("period 0 sealed empty blocks: head %d -> %d", head, now)
	}
}
