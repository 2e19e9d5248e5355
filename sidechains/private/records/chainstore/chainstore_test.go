package chainstore_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"math/big"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/params"

	"github.com/sovereign-gov/sovereign/bindings/sensitivestore"
	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
	"github.com/sovereign-gov/sovereign/sidechains/private/records"
	"github.com/sovereign-gov/sovereign/sidechains/private/records/chainstore"
	"github.com/sovereign-gov/sovereign/sidechains/private/sensitive"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultclient"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultserver"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultsetup"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaulttest"
)

// chain is an in-process geth node (ethclient/simulated) that seals a block
// every few milliseconds, with SensitiveStore deployed by a funded writer.
type chain struct {
	sim   *simulated.Backend
	addr  common.Address
	opts  *bind.TransactOpts
	store *chainstore.Store
}

func newChain(t *testing.T) *chain {
	t.Helper()
	key, _ := crypto.GenerateKey()
	from := crypto.PubkeyToAddress(key.PublicKey)
	sim := simulated.NewBackend(types.GenesisAlloc{from: {Balance: new(big.Int).Mul(big.NewInt(1000), big.NewInt(params.Ether))}})
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() { // seal blocks while the test runs
		defer close(done)
		for {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
				sim.Commit()
			}
		}
	}()
	t.Cleanup(func() { close(stop); <-done; sim.Close() })
	opts := bind.NewKeyedTransactor(key, big.NewInt(1337))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	addr, err := chainstore.Deploy(ctx, sim.Client(), opts)
	if err != nil {
		t.Fatal(err)
	}
	store, err := chainstore.New(sim.Client(), addr, opts, filepath.Join(t.TempDir(), "blobs"))
	if err != nil {
		t.Fatal(err)
	}
	return &chain{sim: sim, addr: addr, opts: opts, store: store}
}

func newVault(t *testing.T, onDisk bool) (*vaultserver.Server, *vaultclient.Client, *vaultclient.Client) {
	t.Helper()
	ctx := context.Background()
	var srv *vaultserver.Server
	if onDisk {
		srv = vaulttest.File(t, filepath.Join(t.TempDir(), "vault"))
	} else {
		srv = vaulttest.Dev(t)
	}
	root, _ := srv.Client()
	if err := vaultsetup.Apply(ctx, root, vaultsetup.Config{
		Datasets: map[string][]string{"health": {"stays"}}, AuditLogPath: filepath.Join(t.TempDir(), "audit.log"),
	}, nil); err != nil {
		t.Fatal(err)
	}
	login := func(role string) *vaultclient.Client {
		id, secret, err := vaultsetup.Credentials(ctx, root, role)
		if err != nil {
			t.Fatal(err)
		}
		c, _ := vaultclient.New(srv.Addr)
		if err := c.LoginAppRole(ctx, id, secret); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(c.Close)
		return c
	}
	return srv, login(naming.DepartmentRole("health")), login(naming.SecurityOfficerRole)
}

func inputs(prefix string, n int) []sensitive.Input {
	out := make([]sensitive.Input, n)
	for i := range out {
		out[i].ID = sha256.Sum256([]byte(fmt.Sprintf("%s/%d", prefix, i)))
		out[i].Plaintext = bytes.Repeat([]byte(fmt.Sprintf("%s-%d;", prefix, i)), 100)
		out[i].Commitment = sha256.Sum256(out[i].Plaintext)
		out[i].Commitment[0] = 0 // a BN254 field element, as the zk commitment is
	}
	return out
}

func recordCount(t *testing.T, c *chain) int64 {
	t.Helper()
	n, err := c.sim.Client().CallContract(context.Background(), ethereumCall(c.addr, sensitivestore.NewSensitiveStore().PackRecordCount()), nil)
	if err != nil {
		t.Fatal(err)
	}
	return new(big.Int).SetBytes(n).Int64()
}

// Round trip, rotation + rewrap with key versions updated on chain, and
// shredding with the receipt on chain, all on a real geth node and Vault.
func TestOnChainLifecycle(t *testing.T) {
	ctx := context.Background()
	c := newChain(t)
	_, dept, officer := newVault(t, false)
	health := sensitive.New(dept, c.store)
	ins := inputs("chain", 30)
	if _, err := health.SubmitBatch(ctx, "health", "stays", ins[:25]); err != nil {
		t.Fatal(err)
	}
	for _, in := range ins[25:] {
		if _, err := health.Submit(ctx, "health", "stays", in); err != nil {
			t.Fatal(err)
		}
	}
	if n := recordCount(t, c); n != 30 {
		t.Fatalf("recordCount %d, want 30", n)
	}
	for _, in := range ins {
		got, err := health.Open(ctx, in.ID)
		if err != nil || !bytes.Equal(got, in.Plaintext) {
			t.Fatalf("open from chain: %v", err)
		}
		r, _ := c.store.Get(ctx, in.ID)
		if r.Commitment != in.Commitment || r.Department != "health" || r.Dataset != "stays" {
			t.Fatalf("record fields from chain: %+v", r)
		}
	}
	if _, err := officer.Rotate(ctx, "health.stays"); err != nil {
		t.Fatal(err)
	}
	if n, err := sensitive.New(officer, c.store, sensitive.WithBatch(10)).Rewrap(ctx, "health.stays", nil); err != nil || n != 30 {
		t.Fatalf("rewrap: %d %v", n, err)
	}
	for _, in := range ins {
		r, err := c.store.Get(ctx, in.ID)
		if err != nil || r.KeyVersion != 2 || !strings.HasPrefix(r.WrappedKey, "vault:v2:") {
			t.Fatalf("key version on chain after rewrap: %+v %v", r.KeyVersion, err)
		}
		if got, err := health.Open(ctx, in.ID); err != nil || !bytes.Equal(got, in.Plaintext) {
			t.Fatalf("open after rewrap: %v", err)
		}
	}
	rc, err := sensitive.New(officer, c.store).Shred(ctx, "health.stays")
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range ins {
		got, err := c.store.ShredReceipt(ctx, in.ID)
		if err != nil || got != chainstore.ReceiptHash(*rc) {
			t.Fatalf("shred receipt on chain: %x %v", got, err)
		}
		if _, err := health.Open(ctx, in.ID); !errors.Is(err, records.ErrShredded) {
			t.Fatalf("open after shred: %v", err)
		}
	}
	// Even with a wrapped key copied before the shred, Vault cannot unwrap it.
	if _, err := dept.UnwrapKey(ctx, "health.stays", "vault:v2:AAAA"); err == nil {
		t.Fatal("unwrap under a shredded key succeeded")
	}
}

// Vault sealed or stopped in the middle of a submission: nothing reaches the
// chain, and the retry stores every record.
func TestVaultDownWritesNothingOnChain(t *testing.T) {
	for _, mode := range []string{"sealed", "stopped"} {
		t.Run(mode, func(t *testing.T) {
			ctx := context.Background()
			c := newChain(t)
			srv, dept, _ := newVault(t, true)
			ins := inputs(mode, 40)
			down := false
			svc := sensitive.New(dept, c.store, sensitive.WithBatch(10), sensitive.WithProgress(func(done, _ int) {
				if done == 20 && !down {
					down = true
					var err error
					if mode == "sealed" {
						err = srv.Seal(ctx)
					} else {
						err = srv.Stop()
					}
					if err != nil {
						t.Error(err)
					}
				}
			}))
			_, err := svc.SubmitBatch(ctx, "health", "stays", ins)
			want := map[string]error{"sealed": vaultclient.ErrSealed, "stopped": vaultclient.ErrUnavailable}[mode]
			if !errors.Is(err, want) {
				t.Fatalf("want %v, got %v", want, err)
			}
			if n := recordCount(t, c); n != 0 {
				t.Fatalf("%d records on chain after a failed submission", n)
			}
			if mode == "sealed" {
				err = srv.Unseal(ctx)
			} else {
				err = srv.Restart(ctx)
			}
			if err != nil {
				t.Fatal(err)
			}
			if _, err := sensitive.New(dept, c.store).SubmitBatch(ctx, "health", "stays", ins); err != nil {
				t.Fatalf("retry: %v", err)
			}
			if n := recordCount(t, c); n != 40 {
				t.Fatalf("recordCount %d after retry, want 40", n)
			}
		})
	}
}
