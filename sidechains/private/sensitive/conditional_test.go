package sensitive_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/sovereign-gov/sovereign/sidechains/private/envelope"
	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
	"github.com/sovereign-gov/sovereign/sidechains/private/sensitive"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultclient"
)

// Conditional envelopes follow their dataset's key life cycle: a rotation
// of the conditional key and a rewrap move them to the latest version and
// retire the old one, and an access grant made afterwards still opens them.
// The full records are not touched by it, nor it by theirs.
func TestConditionalRewrap(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, false)
	health := f.dept("health")
	ins := inputs("c", 3, 300)
	var conds []sensitive.Input
	for _, in := range ins {
		if _, err := health.Submit(ctx, "health", "stays", in); err != nil {
			t.Fatal(err)
		}
		c := in
		c.ID[0] ^= 0xff // an id of its own, as submission.ConditionalID makes
		rec, err := health.SealConditional(ctx, "health", "stays", c)
		if err != nil {
			t.Fatal(err)
		}
		if err := health.Store(ctx, *rec); err != nil {
			t.Fatal(err)
		}
		conds = append(conds, c)
	}
	ofc := f.login(naming.SecurityOfficerRole)
	officer := sensitive.New(ofc, f.store)
	if v, err := ofc.Conditional().Rotate(ctx, "health.stays"); err != nil || v != 2 {
		t.Fatalf("officer rotates the conditional key: v%d, %v", v, err)
	}
	res, err := officer.RewrapConditional(ctx, "health.stays", nil)
	if err != nil || res.Rewrapped != 3 || res.MinDecryptionVersion != 2 {
		t.Fatalf("conditional rewrap: %+v, %v", res, err)
	}
	// the full records were left alone
	if full, err := officer.Rewrap(ctx, "health.stays", nil); err != nil || full.Rewrapped != 0 {
		t.Fatalf("full records after the conditional rewrap: %+v, %v", full, err)
	}
	for _, c := range conds {
		rec, err := f.store.Get(ctx, c.ID)
		if err != nil || rec.KeyVersion != 2 || rec.TransitKey != naming.ConditionalStoreKey("health.stays") {
			t.Fatalf("conditional envelope after the rewrap: v%d %q, %v", rec.KeyVersion, rec.TransitKey, err)
		}
		wd, err := ofc.Conditional().DecryptWrapped(ctx, "health.stays", rec.WrappedKey, time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		dek, err := vaultclient.UnwrapDataKey(ctx, f.srv.Addr, wd.WrappingToken)
		if err != nil {
			t.Fatal(err)
		}
		pt, err := envelope.Open(dek, c.ID[:], rec.Ciphertext)
		if err != nil || !bytes.Equal(pt, c.Plaintext) {
			t.Fatalf("a grant after the rewrap: %v", err)
		}
	}
}
