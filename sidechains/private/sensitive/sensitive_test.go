package sensitive_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/sovereign-gov/sovereign/sidechains/private/envelope"
	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
	"github.com/sovereign-gov/sovereign/sidechains/private/records"
	"github.com/sovereign-gov/sovereign/sidechains/private/sensitive"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultclient"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultserver"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultsetup"
)

func TestRoundTrip(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, false)
	health := f.dept("health")

	// One record with its own data key from transit, big enough to be chunked.
	big := inputs("big", 1, 3*envelope.DefaultChunkSize+123)[0]
	rec, err := health.Submit(ctx, "health", "stays", big)
	if err != nil {
		t.Fatal(err)
	}
	if rec.KeyVersion != 1 || !strings.HasPrefix(rec.WrappedKey, "vault:v1:") || rec.TransitKey != "health.stays" {
		t.Fatalf("unexpected record %+v", rec)
	}
	got, err := health.Open(ctx, big.ID)
	if err != nil || !bytes.Equal(got, big.Plaintext) {
		t.Fatalf("open: %v", err)
	}
	// Many small records with batched key wrapping.
	ins := inputs("small", 250, 1024)
	if _, err := health.SubmitBatch(ctx, "health", "births", ins); err != nil {
		t.Fatal(err)
	}
	for _, in := range ins {
		got, err := health.Open(ctx, in.ID)
		if err != nil || !bytes.Equal(got, in.Plaintext) {
			t.Fatalf("open %x: %v", in.ID[:4], err)
		}
	}
	// A record ID is written once.
	if _, err := health.Submit(ctx, "health", "stays", big); !errors.Is(err, records.ErrExists) {
		t.Fatalf("resubmitting an ID: want ErrExists, got %v", err)
	}
	// Bad names are refused before Vault is asked.
	if _, err := health.Submit(ctx, "Health", "stays", big); err == nil || !strings.Contains(err.Error(), `invalid department name "Health"`) {
		t.Fatalf("bad department: got %v", err)
	}
}

func TestOtherDepartmentIsForbidden(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, false)
	tax := f.dept("tax")
	in := inputs("tax", 1, 100)[0]
	if _, err := tax.Submit(ctx, "tax", "returns", in); err != nil {
		t.Fatal(err)
	}
	health := f.dept("health")
	_, err := health.Open(ctx, in.ID)
	if !errors.Is(err, vaultclient.ErrForbidden) || !strings.Contains(err.Error(), "transit/decrypt/tax.returns") {
		t.Fatalf("health opening tax's record: want 403 on transit/decrypt/tax.returns, got %v", err)
	}
	_, err = health.Submit(ctx, "tax", "returns", inputs("x", 1, 10)[0])
	if !errors.Is(err, vaultclient.ErrForbidden) || !strings.Contains(err.Error(), "Code: 403") {
		t.Fatalf("health submitting under tax's key: want 403, got %v", err)
	}
}

func TestRotateAndRewrap(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, false)
	health := f.dept("health")
	ins := inputs("r", 250, 1024)
	before, err := health.SubmitBatch(ctx, "health", "stays", ins)
	if err != nil {
		t.Fatal(err)
	}
	officer := f.login(naming.SecurityOfficerRole)
	v, err := officer.Rotate(ctx, "health.stays")
	if err != nil || v != 2 {
		t.Fatalf("rotate: version %d, %v", v, err)
	}
	var steps []int
	res, err := sensitive.New(officer, f.store, sensitive.WithBatch(100)).Rewrap(ctx, "health.stays", func(done, total int) {
		steps = append(steps, done)
		if total != 250 {
			t.Errorf("progress total %d, want 250", total)
		}
	})
	if err != nil || res.Rewrapped != 250 || res.Retired != 1 || res.MinDecryptionVersion != 2 {
		t.Fatalf("rewrap: %+v, %v", res, err)
	}
	if len(steps) != 3 || steps[2] != 250 {
		t.Fatalf("want 3 batches of progress, got %v", steps)
	}
	recs, _ := f.store.ListByKey(ctx, "health.stays")
	for _, r := range recs {
		if r.KeyVersion != 2 || !strings.HasPrefix(r.WrappedKey, "vault:v2:") {
			t.Fatalf("record %x still at version %d", r.ID[:4], r.KeyVersion)
		}
	}
	for _, in := range ins {
		if got, err := health.Open(ctx, in.ID); err != nil || !bytes.Equal(got, in.Plaintext) {
			t.Fatalf("open after rewrap: %v", err)
		}
	}
	// Version 1 is retired: a wrapped key from before the rotation (what
	// the chain's history keeps) no longer decrypts, for the owner or root.
	dept := f.login(naming.DepartmentRole("health"))
	if _, err := dept.UnwrapKey(ctx, "health.stays", before[0].WrappedKey); err == nil || !strings.Contains(err.Error(), "transit/decrypt/health.stays") {
		t.Fatalf("old wrapped key after the rewrap: want a decrypt error, got %v", err)
	}
	if _, err := f.root.Logical().Write("transit/decrypt/health.stays", map[string]any{"ciphertext": before[0].WrappedKey}); err == nil {
		t.Fatal("root still decrypts a retired version")
	}
	// Nothing left to do: a second run rewraps and retires nothing.
	if res, err := sensitive.New(officer, f.store).Rewrap(ctx, "health.stays", nil); err != nil || res.Rewrapped != 0 || res.Retired != 0 {
		t.Fatalf("second rewrap: %+v, %v", res, err)
	}
}

func TestShredMakesDecryptionFail(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, false)
	health := f.dept("health")
	ins := inputs("s", 5, 200)
	recs, err := health.SubmitBatch(ctx, "health", "stays", ins)
	if err != nil {
		t.Fatal(err)
	}
	other := inputs("keep", 1, 200)[0]
	if _, err := health.Submit(ctx, "health", "births", other); err != nil {
		t.Fatal(err)
	}
	cond, err := f.login(naming.DepartmentRole("health")).Conditional().NewDataKey(ctx, "health.stays")
	if err != nil {
		t.Fatal(err)
	}
	officer := sensitive.New(f.login(naming.SecurityOfficerRole), f.store)
	rc, err := officer.Shred(ctx, "health.stays")
	if err != nil || rc.Records != 5 {
		t.Fatalf("shred: %+v %v", rc, err)
	}
	if _, err := health.Open(ctx, ins[0].ID); !errors.Is(err, records.ErrShredded) {
		t.Fatalf("open after shred: want ErrShredded, got %v", err)
	}
	// Even with the wrapped key in hand, Vault can no longer unwrap it.
	dept := f.login(naming.DepartmentRole("health"))
	if _, err := dept.UnwrapKey(ctx, "health.stays", recs[0].WrappedKey); err == nil {
		t.Fatal("a shredded key still unwraps")
	}
	if _, err := f.root.Logical().Write("transit/decrypt/health.stays", map[string]any{"ciphertext": recs[0].WrappedKey}); err == nil {
		t.Fatal("even root decrypts under a shredded key")
	}
	// the conditional key (level <= 1 columns for access grants) goes with it
	if _, err := f.root.Logical().Write(naming.ConditionalMount+"/decrypt/health.stays", map[string]any{"ciphertext": cond.Wrapped}); err == nil {
		t.Fatal("root decrypts under a shredded dataset's conditional key")
	}
	receipts, _ := f.store.Receipts()
	if len(receipts) != 1 || receipts[0].TransitKey != "health.stays" {
		t.Fatalf("receipts: %+v", receipts)
	}
	// Other datasets are untouched, and shredding again is harmless.
	if got, err := health.Open(ctx, other.ID); err != nil || !bytes.Equal(got, other.Plaintext) {
		t.Fatalf("other dataset after shred: %v", err)
	}
	again, err := officer.Shred(ctx, "health.stays")
	if err != nil || !again.AlreadyShredded || again.Records != rc.Records || !again.At.Equal(rc.At) {
		t.Fatalf("second shred: want the first receipt again, got %+v, %v", again, err)
	}
	receipts, _ = f.store.Receipts()
	if len(receipts) != 1 {
		t.Fatalf("a second shred stored another receipt: %+v", receipts)
	}
	// Shredded stays shredded: no grant, and set-up run again (a devnet
	// restart) does not re-create the key.
	_, err = f.login(naming.SecurityOfficerRole).GrantDecrypt(ctx, "health.stays", time.Minute, 0)
	if !errors.Is(err, vaultclient.ErrShredded) || !strings.Contains(err.Error(), "grant on health.stays: dataset shredded at") {
		t.Fatalf("grant on a shredded key: %v", err)
	}
	if err := vaultsetup.Apply(ctx, f.root, f.cfg, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := dept.NewDataKey(ctx, "health.stays"); !errors.Is(err, vaultclient.ErrNotFound) && !errors.Is(err, vaultclient.ErrForbidden) {
		t.Fatalf("the shredded key is back after set-up ran again: %v", err)
	}
	if sec, err := f.root.Logical().Read("transit/keys/health.stays"); err != nil || sec != nil {
		t.Fatalf("transit/keys/health.stays after set-up ran again: %v %v", sec, err)
	}
}

func TestGrantExpires(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, false)
	health := f.dept("health")
	in := inputs("g", 1, 300)[0]
	if _, err := health.Submit(ctx, "health", "stays", in); err != nil {
		t.Fatal(err)
	}
	births := inputs("b", 1, 300)[0]
	if _, err := health.Submit(ctx, "health", "births", births); err != nil {
		t.Fatal(err)
	}
	officer := f.login(naming.SecurityOfficerRole)
	g, err := officer.GrantDecrypt(ctx, "health.stays", 3*time.Second, 0)
	if err != nil {
		t.Fatal(err)
	}
	gc, err := vaultclient.New(f.srv.Addr, vaultclient.WithToken(g.Token))
	if err != nil {
		t.Fatal(err)
	}
	reader := sensitive.New(gc, f.store)
	if got, err := reader.Open(ctx, in.ID); err != nil || !bytes.Equal(got, in.Plaintext) {
		t.Fatalf("grant holder opens its dataset: %v", err)
	}
	if _, err := reader.Open(ctx, births.ID); !errors.Is(err, vaultclient.ErrForbidden) {
		t.Fatalf("grant holder on another dataset: want 403, got %v", err)
	}
	if _, err := gc.NewDataKey(ctx, "health.stays"); !errors.Is(err, vaultclient.ErrForbidden) {
		t.Fatalf("grant holder making data keys: want 403, got %v", err)
	}
	time.Sleep(time.Until(g.ExpiresAt) + time.Second)
	if _, err := reader.Open(ctx, in.ID); !errors.Is(err, vaultclient.ErrForbidden) {
		t.Fatalf("expired grant: want 403, got %v", err)
	}

	// A response-wrapped grant unwraps once into a working token.
	wg, err := officer.GrantDecrypt(ctx, "health.stays", time.Minute, 30*time.Second)
	if err != nil || wg.WrappingToken == "" || wg.Token != "" {
		t.Fatalf("wrapped grant: %+v %v", wg, err)
	}
	anon, _ := vaultclient.New(f.srv.Addr)
	tok, err := anon.Unwrap(ctx, wg.WrappingToken)
	if err != nil {
		t.Fatal(err)
	}
	wc, _ := vaultclient.New(f.srv.Addr, vaultclient.WithToken(tok))
	if got, err := sensitive.New(wc, f.store).Open(ctx, in.ID); err != nil || !bytes.Equal(got, in.Plaintext) {
		t.Fatalf("unwrapped grant: %v", err)
	}
	if _, err := anon.Unwrap(ctx, wg.WrappingToken); err == nil {
		t.Fatal("a wrapping token unwrapped twice")
	}
	if _, err := officer.GrantDecrypt(ctx, "health.stays", 0, 0); err == nil || !strings.Contains(err.Error(), "TTL must be positive") {
		t.Fatalf("zero TTL: %v", err)
	}
	if _, err := health.Open(ctx, in.ID); err != nil {
		t.Fatalf("department still reads its data: %v", err)
	}
}

// The Vault CLI (the built binary) decrypts a wrapped key the project wrote,
// and that key opens the record: the format is Vault's own.
func TestVaultCLIDecryptsWrappedKey(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, false)
	health := f.dept("health")
	for _, batched := range []bool{false, true} {
		in := inputs("cli", 2, 500)[0]
		if batched {
			in = inputs("cli", 2, 500)[1]
			if _, err := health.SubmitBatch(ctx, "health", "stays", []sensitive.Input{in}); err != nil {
				t.Fatal(err)
			}
		} else if _, err := health.Submit(ctx, "health", "stays", in); err != nil {
			t.Fatal(err)
		}
		rec, err := f.store.Get(ctx, in.ID)
		if err != nil {
			t.Fatal(err)
		}
		bin, err := vaultserver.BinaryPath()
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(bin, "write", "-field=plaintext", "transit/decrypt/health.stays", "ciphertext="+rec.WrappedKey)
		cmd.Env = []string{"VAULT_ADDR=" + f.srv.Addr, "VAULT_TOKEN=" + f.srv.RootToken, "HOME=" + t.TempDir()}
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("vault write transit/decrypt: %v\n%s", err, out)
		}
		dek, err := base64.StdEncoding.DecodeString(strings.TrimSpace(string(out)))
		if err != nil || len(dek) != 32 {
			t.Fatalf("the CLI's plaintext is not a 32-byte key: %v", err)
		}
		got, err := envelope.Open(dek, in.ID[:], rec.Ciphertext)
		if err != nil || !bytes.Equal(got, in.Plaintext) {
			t.Fatalf("opening with the CLI's key (batched=%v): %v", batched, err)
		}
	}
}

// A record stored under the old version while a rewrap runs (its data key
// was made before the rotation) keeps the old version usable: the rewrap
// says so and retires nothing; run again, it rewraps that record and only
// then retires.
func TestRewrapLeavesOldVersionsForStragglers(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, false)
	dept := f.login(naming.DepartmentRole("health"))
	health := f.dept("health")
	if _, err := health.SubmitBatch(ctx, "health", "stays", inputs("early", 3, 100)); err != nil {
		t.Fatal(err)
	}
	late := inputs("late", 1, 100)[0]
	straggler, err := sensitive.EncryptOne(ctx, dept, "health.stays", late) // a v1 data key, stored later
	if err != nil {
		t.Fatal(err)
	}
	straggler.Department, straggler.Dataset = "health", "stays"
	officer := f.login(naming.SecurityOfficerRole)
	if _, err := officer.Rotate(ctx, "health.stays"); err != nil {
		t.Fatal(err)
	}
	res, err := sensitive.New(officer, f.store).Rewrap(ctx, "health.stays", func(done, total int) {
		if done == total {
			if err := f.store.Put(ctx, *straggler); err != nil {
				t.Error(err)
			}
		}
	})
	if err == nil || !strings.Contains(err.Error(), "1 records below v2; versions older than v2 stay usable: run the rewrap again") || res.Retired != 0 {
		t.Fatalf("rewrap with a straggler: %+v, %v", res, err)
	}
	if got, err := health.Open(ctx, late.ID); err != nil || !bytes.Equal(got, late.Plaintext) {
		t.Fatalf("the straggler after the first run: %v", err)
	}
	res, err = sensitive.New(officer, f.store).Rewrap(ctx, "health.stays", nil)
	if err != nil || res.Rewrapped != 1 || res.Retired != 1 {
		t.Fatalf("second rewrap: %+v, %v", res, err)
	}
	if got, err := health.Open(ctx, late.ID); err != nil || !bytes.Equal(got, late.Plaintext) {
		t.Fatalf("the straggler after the second run: %v", err)
	}
}
