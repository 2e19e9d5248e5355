package chainstore_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"math/big"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
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
	old, err := c.store.Get(ctx, ins[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if res, err := sensitive.New(officer, c.store, sensitive.WithBatch(10)).Rewrap(ctx, "health.stays", nil); err != nil || res.Rewrapped != 30 || res.Retired != 1 {
		t.Fatalf("rewrap: %+v %v", res, err)
	}
	// The wrapped key the chain's history still holds (version 1) no longer
	// decrypts, even for the owning department.
	if _, err := dept.UnwrapKey(ctx, "health.stays", old.WrappedKey); err == nil || !strings.Contains(err.Error(), "transit/decrypt/health.stays") {
		t.Fatalf("an old wrapped key from chain history after rewrap: want a decrypt error, got %v", err)
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
		if err != nil || got != chainstore.ReceiptHash(rc.ShredReceipt) {
			t.Fatalf("shred receipt on chain: %x %v", got, err)
		}
		if _, err := health.Open(ctx, in.ID); !errors.Is(err, records.ErrShredded) {
			t.Fatalf("open after shred: %v", err)
		}
	}
	// Shredding again changes nothing: same receipt, the one on chain.
	again, err := sensitive.New(officer, c.store).Shred(ctx, "health.stays")
	if err != nil || !again.AlreadyShredded || chainstore.ReceiptHash(again.ShredReceipt) != chainstore.ReceiptHash(rc.ShredReceipt) {
		t.Fatalf("second shred: %+v %v, want the first receipt", again, err)
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

// An RPC endpoint that accepts connections and never answers (a hung node):
// every call ends at its deadline with an error instead of blocking.
func TestHungRPCEndsAtTheDeadline(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var (
		mu    sync.Mutex
		conns []net.Conn
	)
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c) // held open, never answered
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		l.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			c.Close()
		}
	})
	client, err := ethclient.Dial("http://" + l.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	key, _ := crypto.GenerateKey()
	store, err := chainstore.New(client, common.Address{1}, bind.NewKeyedTransactor(key, big.NewInt(1337)),
		filepath.Join(t.TempDir(), "blobs"), chainstore.WithTimeouts(300*time.Millisecond, time.Second))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for name, op := range map[string]func() error{
		"check": func() error { return store.Check(ctx) },
		"list":  func() error { _, err := store.ListByKey(ctx, "health.stays"); return err },
		"get":   func() error { _, err := store.Get(ctx, [32]byte{1}); return err },
		"update": func() error {
			return store.UpdateKeys(ctx, []records.KeyUpdate{{ID: [32]byte{1}, WrappedKey: "vault:v2:x", KeyVersion: 2}})
		},
	} {
		start := time.Now()
		err := op()
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("%s on a hung RPC: want a deadline error, got %v", name, err)
		}
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("%s on a hung RPC took %s", name, d)
		}
	}
}

// A chain that stops making blocks: the wait for a receipt ends at its
// deadline with an error that says the transaction may still be mined and
// the command can be re-run; once blocks resume, a retry finishes.
func TestStalledChainEndsAtTheDeadline(t *testing.T) {
	ctx := context.Background()
	key, _ := crypto.GenerateKey()
	from := crypto.PubkeyToAddress(key.PublicKey)
	sim := simulated.NewBackend(types.GenesisAlloc{from: {Balance: new(big.Int).Mul(big.NewInt(1000), big.NewInt(params.Ether))}})
	t.Cleanup(func() { sim.Close() })
	opts := bind.NewKeyedTransactor(key, big.NewInt(1337))
	deployed := make(chan error, 1)
	var addr common.Address
	go func() {
		var err error
		addr, err = chainstore.Deploy(ctx, sim.Client(), opts)
		deployed <- err
	}()
	for done := false; !done; {
		select {
		case err := <-deployed:
			if err != nil {
				t.Fatal(err)
			}
			done = true
		case <-time.After(20 * time.Millisecond):
			sim.Commit()
		}
	}
	store, err := chainstore.New(sim.Client(), addr, opts, filepath.Join(t.TempDir(), "blobs"), chainstore.WithTimeouts(time.Second, time.Second))
	if err != nil {
		t.Fatal(err)
	}
	rec := records.Record{ID: [32]byte{7}, TransitKey: "health.stays", Ciphertext: []byte("sealed"), WrappedKey: "vault:v1:x", KeyVersion: 1}
	rec.CiphertextRef = records.Ref(rec.Ciphertext)
	start := time.Now()
	err = store.Put(ctx, rec) // no block is made
	if !errors.Is(err, chainstore.ErrNoReceipt) || !strings.Contains(err.Error(), "re-run the command to finish") {
		t.Fatalf("put on a stalled chain: %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("put on a stalled chain took %s", d)
	}
	// Re-run while the first transaction is still pending: nothing is sent
	// twice; the run waits for it, then ends at the deadline.
	err = store.Put(ctx, rec)
	if !errors.Is(err, chainstore.ErrNoReceipt) || !strings.Contains(err.Error(), "1 earlier transactions of writer") {
		t.Fatalf("re-run with a pending transaction: %v", err)
	}
	pending, _ := sim.Client().PendingNonceAt(ctx, from)
	latest, _ := sim.Client().NonceAt(ctx, from, nil)
	if pending != latest+1 {
		t.Fatalf("%d transactions pending after the re-run, want 1", pending-latest)
	}
	sim.Commit()
	if err := store.Put(ctx, rec); err != nil {
		t.Fatalf("retry once the chain moves: %v", err)
	}
	if got, err := store.Get(ctx, rec.ID); err != nil || got.KeyVersion != 1 {
		t.Fatalf("record after the retry: %+v %v", got, err)
	}
}

// A batch is one transaction, all or none: a record the contract refuses
// in the middle of a batch leaves none of the batch stored; the batch put
// again once mended is stored whole, in one transaction; a batch bigger
// than MaxBatch, or than one transaction holds, goes in parts.
func TestBatchIsAllOrNone(t *testing.T) {
	ctx := context.Background()
	c := newChain(t)
	batch := func(prefix string, n int) []records.Record {
		out := make([]records.Record, n)
		for i, in := range inputs(prefix, n) {
			out[i] = records.Record{ID: in.ID, TransitKey: "health.stays", Ciphertext: in.Plaintext,
				CiphertextRef: records.Ref(in.Plaintext), WrappedKey: "vault:v1:d3JhcHBlZA==", KeyVersion: 1, Commitment: in.Commitment}
		}
		return out
	}
	nonce := func() uint64 {
		n, err := c.sim.Client().NonceAt(ctx, c.opts.From, nil)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	recs := batch("atomic", 5)
	bad := recs[2]
	recs[2].WrappedKey = "" // the contract refuses an entry without a wrapped key
	err := c.store.Put(ctx, recs...)
	if err == nil || !strings.Contains(err.Error(), "InvalidEntry") || !strings.Contains(err.Error(), "wrappedKey") {
		t.Fatalf("a batch with a refused record: got %v, want InvalidEntry(wrappedKey)", err)
	}
	if n := recordCount(t, c); n != 0 {
		t.Fatalf("%d records stored from a refused batch, want none", n)
	}
	for _, r := range recs {
		if _, err := c.store.Get(ctx, r.ID); !errors.Is(err, records.ErrNotFound) {
			t.Fatalf("record %x of a refused batch: %v, want not found", r.ID[:4], err)
		}
	}
	recs[2] = bad
	before := nonce()
	if err := c.store.Put(ctx, recs...); err != nil {
		t.Fatal(err)
	}
	if n, sent := recordCount(t, c), nonce()-before; n != 5 || sent != 1 {
		t.Fatalf("mended batch: %d records in %d transactions, want 5 in 1", n, sent)
	}
	big := batch("big", chainstore.MaxBatch+6)
	before = nonce()
	if err := c.store.Put(ctx, big...); err != nil {
		t.Fatal(err)
	}
	// (parts of at most MaxBatch that fit one transaction: the simulated
	// chain prices storage so that about 15 puts do)
	if n, sent := recordCount(t, c), nonce()-before; n != int64(5+len(big)) || sent < 2 || sent > 8 {
		t.Fatalf("batch of %d: %d records in %d transactions, want %d in 2 to 8", len(big), n-5, sent, len(big))
	}
	// Run again, the batch is already done: nothing is sent.
	before = nonce()
	if err := c.store.Put(ctx, big...); err != nil || nonce() != before {
		t.Fatalf("a finished batch put again: %v, %d transactions", err, nonce()-before)
	}
}

// logQueries is a Backend that records the log queries it is asked.
type logQueries struct {
	chainstore.Backend
	mu      sync.Mutex
	queries []ethereum.FilterQuery
}

func (b *logQueries) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	b.mu.Lock()
	b.queries = append(b.queries, q)
	b.mu.Unlock()
	return b.Backend.FilterLogs(ctx, q)
}

// ListByKey asks the node for the key's Stored events by their indexed
// transitKeyHash topic (issue 17: it read every record since genesis) and
// returns that key's records only.
func TestListByKeyAsksByTopic(t *testing.T) {
	ctx := context.Background()
	c := newChain(t)
	spy := &logQueries{Backend: c.sim.Client()}
	store, err := chainstore.New(spy, c.addr, c.opts, filepath.Join(t.TempDir(), "blobs"))
	if err != nil {
		t.Fatal(err)
	}
	var recs []records.Record
	for i, key := range []string{"health.stays", "health.other", "health.stays", "tax.stays"} {
		ct := []byte(fmt.Sprintf("ciphertext %d", i))
		dept, ds, _ := naming.SplitTransitKey(key)
		recs = append(recs, records.Record{
			ID: sha256.Sum256(ct), Department: dept, Dataset: ds, TransitKey: key, Ciphertext: ct,
			CiphertextRef: records.Ref(ct), WrappedKey: "vault:v1:AAAA", KeyVersion: 1,
		})
	}
	if err := store.Put(ctx, recs...); err != nil {
		t.Fatal(err)
	}
	// A reference without "/" (not written by Put) has the whole
	// reference's hash as its topic, the same as key health.stays: skipped.
	ss := sensitivestore.NewSensitiveStore()
	tx, err := bind.Transact(ss.Instance(c.sim.Client(), c.addr), c.opts, ss.PackPut([32]byte{9}, "health.stays", [32]byte{9}, []byte{1}, 1, new(big.Int)))
	if err != nil {
		t.Fatal(err)
	}
	if r, err := bind.WaitMined(ctx, c.sim.Client(), tx.Hash()); err != nil || r.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("put without '/': %v %v", r, err)
	}
	for key, want := range map[string][][32]byte{
		"health.stays": {recs[0].ID, recs[2].ID}, "health.other": {recs[1].ID}, "tax.stays": {recs[3].ID}, "none.here": nil,
	} {
		spy.mu.Lock()
		spy.queries = nil
		spy.mu.Unlock()
		got, err := store.ListByKey(ctx, key)
		if err != nil {
			t.Fatal(err)
		}
		var ids [][32]byte
		for _, r := range got {
			ids = append(ids, r.ID)
		}
		if fmt.Sprint(ids) != fmt.Sprint(want) {
			t.Fatalf("ListByKey(%q) = %x, want %x", key, ids, want)
		}
		spy.mu.Lock()
		qs := spy.queries
		spy.mu.Unlock()
		topic := crypto.Keccak256Hash([]byte(key))
		if len(qs) != 1 || len(qs[0].Topics) != 4 || len(qs[0].Topics[3]) != 1 || qs[0].Topics[3][0] != topic {
			t.Fatalf("ListByKey(%q) queried logs %+v, want one query by the key's topic %s", key, qs, topic)
		}
	}
}
