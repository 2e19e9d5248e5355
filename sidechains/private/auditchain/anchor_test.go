package auditchain_test

import (
	"context"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/params"

	"github.com/sovereign-gov/sovereign/sidechains/private/auditchain"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultsetup"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaulttest"
)

// The head of a real Vault audit log anchored on an in-process geth node:
// the anchor read back from the chain matches the log, and no longer does
// once the log is edited.
func TestAnchorMatchesAuditLog(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	srv := vaulttest.Dev(t)
	root, _ := srv.Client()
	logPath := filepath.Join(t.TempDir(), "audit.log")
	if err := vaultsetup.Apply(ctx, root, vaultsetup.Config{
		Datasets: map[string][]string{"health": {"stays"}}, AuditLogPath: logPath,
	}, nil); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		if _, err := root.Logical().Write("transit/datakey/plaintext/health.stays", nil); err != nil {
			t.Fatal(err)
		}
	}
	head, err := auditchain.ExtendFile(auditchain.Genesis(), logPath)
	if err != nil {
		t.Fatal(err)
	}

	key, _ := crypto.GenerateKey()
	from := crypto.PubkeyToAddress(key.PublicKey)
	sim := simulated.NewBackend(types.GenesisAlloc{from: {Balance: big.NewInt(params.Ether)}})
	stop, stopped := make(chan struct{}), make(chan struct{})
	go func() { // seal a block every 20 ms until the test ends
		defer close(stopped)
		for {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
				sim.Commit()
			}
		}
	}()
	defer func() { close(stop); <-stopped; sim.Close() }()
	txHash, err := auditchain.Anchor(ctx, sim.Client(), key, head)
	if err != nil {
		t.Fatal(err)
	}
	tx, _, err := sim.Client().TransactionByHash(ctx, txHash)
	if err != nil {
		t.Fatal(err)
	}
	anchored, err := auditchain.ParseAnchor(tx.Data())
	if err != nil || anchored != head {
		t.Fatalf("anchor on chain %v, want %v (%v)", anchored, head, err)
	}
	if err := auditchain.Verify(logPath, anchored); err != nil {
		t.Fatalf("the log does not match its anchor: %v", err)
	}
	// More requests append to the log: the anchored prefix still verifies.
	if _, err := root.Logical().Write("transit/datakey/plaintext/health.stays", nil); err != nil {
		t.Fatal(err)
	}
	if err := auditchain.Verify(logPath, anchored); err != nil {
		t.Fatalf("appending broke the anchored prefix: %v", err)
	}
	data, _ := os.ReadFile(logPath)
	data[10] ^= 1
	if err := os.WriteFile(logPath, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := auditchain.Verify(logPath, anchored); err == nil {
		t.Fatal("an edited log still matches the anchor")
	}
	if _, err := auditchain.ParseAnchor([]byte("hello")); err == nil {
		t.Fatal("parsed junk as an anchor")
	}
}
