package vaultsetup_test

import (
	"bytes"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	vault "github.com/hashicorp/vault/api"

	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultclient"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultsetup"
)

// Issue 15 item 3: a record's level ≤ 1 columns are sealed apart under the
// dataset's conditional key. The officer can decrypt such a data key only
// response-wrapped (a single-use token it seals to the requester) and can
// never decrypt a full record's key, wrapped or not; nobody else decrypts
// under a conditional key at all.
func TestConditionalKeysLeastPrivilege(t *testing.T) {
	e := newEscalation(t)
	ofc := e.login(t, naming.SecurityOfficerRole)
	health := e.login(t, naming.DepartmentRole("health"))
	tax := e.login(t, naming.DepartmentRole("tax"))

	// the department makes conditional data keys under its own datasets only
	cdk, err := health.Conditional().NewDataKey(e.ctx, "health.stays")
	if err != nil {
		t.Fatalf("department makes a conditional data key: %v", err)
	}
	full, err := health.NewDataKey(e.ctx, "health.stays")
	if err != nil {
		t.Fatal(err)
	}
	taxCond, err := tax.Conditional().NewDataKey(e.ctx, "tax.returns")
	if err != nil {
		t.Fatal(err)
	}
	cm := naming.ConditionalMount
	assertRefused(t, e.ctx, "department health", health.API(), []attack{
		{"decrypt its own conditional key", "write", cm + "/decrypt/health.stays", map[string]any{"ciphertext": cdk.Wrapped}},
		{"conditional data key under tax's key", "write", cm + "/datakey/plaintext/tax.returns", nil},
		{"decrypt tax's conditional key", "write", cm + "/decrypt/tax.returns", map[string]any{"ciphertext": taxCond.Wrapped}},
		{"make a conditional key exportable", "write", cm + "/keys/health.stays/config", map[string]any{"exportable": true}},
		{"create a conditional key", "write", cm + "/keys/health.new", nil},
		{"delete a conditional key", "delete", cm + "/keys/health.stays", nil},
	})

	wrapTTL := func(ttl string) func(string, string) string { return func(string, string) string { return ttl } }
	wrapped := func(c *vault.Client, ttl string) *vault.Client {
		cl, err := c.Clone()
		if err != nil {
			t.Fatal(err)
		}
		cl.SetToken(c.Token())
		cl.SetWrappingLookupFunc(wrapTTL(ttl))
		return cl
	}
	officer := ofc.API()
	assertRefused(t, e.ctx, "officer", officer, []attack{
		{"decrypt a conditional key unwrapped", "write", cm + "/decrypt/health.stays", map[string]any{"ciphertext": cdk.Wrapped}},
		{"make a conditional data key", "write", cm + "/datakey/plaintext/health.stays", nil},
		{"encrypt under a conditional key", "write", cm + "/encrypt/health.stays", map[string]any{"plaintext": "AAAA"}},
		{"make a conditional key exportable", "write", cm + "/keys/health.stays/config", map[string]any{"exportable": true}},
		{"export a conditional key", "read", cm + "/export/encryption-key/health.stays", nil},
		{"back up a conditional key", "read", cm + "/backup/health.stays", nil},
		{"create a conditional key", "write", cm + "/keys/health.new", nil},
		{"tune the conditional mount", "write", "sys/mounts/" + cm + "/tune", map[string]any{"max_lease_ttl": "87600h"}},
		{"exportable beside an allowed field", "write", cm + "/keys/health.stays/config", map[string]any{"min_decryption_version": 1, "exportable": true}},
		{"plaintext backup of a conditional key", "write", cm + "/keys/health.stays/config", map[string]any{"allow_plaintext_backup": true}},
		{"min encryption version", "write", cm + "/keys/health.stays/config", map[string]any{"min_encryption_version": 1}},
		{"trim conditional key versions", "write", cm + "/keys/health.stays/trim", map[string]any{"min_available_version": 1}},
		{"import a conditional key", "write", cm + "/keys/health.evil/import", map[string]any{"ciphertext": "AAAA"}},
		{"restore a conditional key", "write", cm + "/restore/health.stays", map[string]any{"backup": "AAAA", "force": true}},
		{"data key wrapped", "write", cm + "/datakey/wrapped/health.stays", nil},
	})
	// its life-cycle rights on conditional keys: rotate and rewrap (never plaintext)
	if v, err := ofc.Conditional().Rotate(e.ctx, "health.stays"); err != nil || v != 2 {
		t.Fatalf("officer rotates a conditional key: v%d, %v", v, err)
	}
	if nw, err := ofc.Conditional().Rewrap(e.ctx, "health.stays", []string{cdk.Wrapped}); err != nil || !strings.HasPrefix(nw[0], "vault:v2:") {
		t.Fatalf("officer rewraps a conditional data key: %v", err)
	}
	assertRefused(t, e.ctx, "officer, response-wrapped", wrapped(officer, "60s"), []attack{
		{"decrypt a full record's key, wrapped", "write", "transit/decrypt/health.stays", map[string]any{"ciphertext": full.Wrapped}},
		{"make a full data key, wrapped", "write", "transit/datakey/plaintext/health.stays", nil},
	})
	if _, err := wrapped(officer, "25h").Logical().Write(cm+"/decrypt/health.stays", map[string]any{"ciphertext": cdk.Wrapped}); err == nil {
		t.Fatal("officer: a wrapped decrypt for longer than the grant cap (24h) was allowed")
	}

	// what the officer may do: a wrapped decrypt, unwrapped once by whoever holds the token
	wd, err := ofc.Conditional().DecryptWrapped(e.ctx, "health.stays", cdk.Wrapped, time.Minute)
	if err != nil {
		t.Fatalf("officer's wrapped decrypt: %v", err)
	}
	got, err := vaultclient.UnwrapDataKey(e.ctx, e.srv.Addr, wd.WrappingToken)
	if err != nil || !bytes.Equal(got, cdk.Plaintext) {
		t.Fatalf("unwrap: %v (same key %v)", err, bytes.Equal(got, cdk.Plaintext))
	}
	if _, err := vaultclient.UnwrapDataKey(e.ctx, e.srv.Addr, wd.WrappingToken); !errors.Is(err, vaultclient.ErrWrapGone) {
		t.Fatalf("second unwrap: want ErrWrapGone, got %v", err)
	}
	if _, err := ofc.DecryptWrapped(e.ctx, "health.stays", full.Wrapped, time.Minute); !errors.Is(err, vaultclient.ErrForbidden) {
		t.Fatalf("officer's wrapped decrypt of a full record's key: want ErrForbidden, got %v", err)
	}
	// a wrapping token past its TTL unwraps no more
	short, err := ofc.Conditional().DecryptWrapped(e.ctx, "health.stays", cdk.Wrapped, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(2500 * time.Millisecond)
	if _, err := vaultclient.UnwrapDataKey(e.ctx, e.srv.Addr, short.WrappingToken); !errors.Is(err, vaultclient.ErrWrapGone) {
		t.Fatalf("expired wrapping token: want ErrWrapGone, got %v", err)
	}

	// a dataset grant (review) token, the supervisor and validators do not reach conditional keys
	g, err := ofc.GrantDecrypt(e.ctx, "health.stays", time.Minute, 0)
	if err != nil {
		t.Fatal(err)
	}
	holder, _ := vaultclient.New(e.srv.Addr, vaultclient.WithToken(g.Token))
	cond := attack{"decrypt a conditional key", "write", cm + "/decrypt/health.stays", map[string]any{"ciphertext": cdk.Wrapped}}
	assertRefused(t, e.ctx, "grant holder", holder.API(), []attack{cond})
	assertRefused(t, e.ctx, "grant holder, wrapped", wrapped(holder.API(), "60s"), []attack{cond})
	assertRefused(t, e.ctx, "supervisor", wrapped(e.login(t, naming.SupervisorRole).API(), "60s"), []attack{cond})
	assertRefused(t, e.ctx, "validator", wrapped(e.login(t, naming.ValidatorRole("v1")).API(), "60s"), []attack{cond})

	// shredding destroys the conditional key too
	if err := ofc.Conditional().DeleteKey(e.ctx, "health.stays"); err != nil {
		t.Fatalf("officer deletes a conditional key: %v", err)
	}
	_, err = ofc.Conditional().DecryptWrapped(e.ctx, "health.stays", cdk.Wrapped, time.Minute)
	var re *vault.ResponseError
	if err == nil || (errors.As(err, &re) && re.StatusCode == http.StatusOK) {
		t.Fatal("a shredded conditional key still decrypts")
	}
}

// Set-up gives a dataset made before conditional keys existed its
// conditional key, and never re-creates the conditional key of a shredded
// dataset (that would open its future envelopes under a dataset that is
// gone, and is the same rule as for the dataset's own key).
func TestApplyConditionalKeys(t *testing.T) {
	e := newEscalation(t)
	del := func(mount, key string) {
		t.Helper()
		if _, err := e.root.Logical().Write(mount+"/keys/"+key+"/config", map[string]any{"deletion_allowed": true}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.root.Logical().Delete(mount + "/keys/" + key); err != nil {
			t.Fatal(err)
		}
	}
	cm := naming.ConditionalMount
	del(cm, "health.stays") // as before conditional keys existed
	del(cm, "tax.returns")  // tax.returns is then shredded: both keys gone
	del(naming.TransitMount, "tax.returns")
	if err := vaultsetup.Apply(e.ctx, e.root, e.cfg, nil); err != nil {
		t.Fatal(err)
	}
	if sec, err := e.root.Logical().Read(cm + "/keys/health.stays"); err != nil || sec == nil {
		t.Fatalf("a live dataset's conditional key was not made: %v", err)
	}
	if sec, err := e.root.Logical().Read(cm + "/keys/tax.returns"); err != nil || sec != nil {
		t.Fatalf("a destroyed dataset's conditional key is back: %v %v", sec, err)
	}
}
