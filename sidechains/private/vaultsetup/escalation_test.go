package vaultsetup_test

import (
	"context"
	"errors"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	vault "github.com/hashicorp/vault/api"

	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultclient"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultserver"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultsetup"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaulttest"
)

// attack is one request an attacker holding a role's token tries.
type attack struct {
	name string
	op   string // read, write, list, delete
	path string
	data map[string]any
}

// escalation is a Vault set up like a deployment, with keys in KV, and a
// logged-in client per role.
type escalation struct {
	ctx  context.Context
	srv  *vaultserver.Server
	root *vault.Client
	cfg  vaultsetup.Config
}

func newEscalation(t *testing.T) *escalation {
	t.Helper()
	ctx := context.Background()
	srv := vaulttest.Dev(t)
	root, err := srv.Client()
	if err != nil {
		t.Fatal(err)
	}
	cfg := vaultsetup.Config{
		Datasets:     map[string][]string{"health": {"stays"}, "tax": {"returns"}},
		Validators:   []string{"v1", "v2"},
		AuditLogPath: filepath.Join(t.TempDir(), "audit.log"),
	}
	if err := vaultsetup.Apply(ctx, root, cfg, nil); err != nil {
		t.Fatal(err)
	}
	admin, err := vaultclient.New(srv.Addr, vaultclient.WithToken(srv.RootToken))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"v1", "v2", naming.WriterKey(naming.SecurityOfficerRole),
		naming.WriterKey(naming.DepartmentRole("health")), naming.WriterKey(naming.DepartmentRole("tax"))} {
		k, _ := crypto.GenerateKey()
		if err := admin.PutSigningKey(ctx, p, k); err != nil {
			t.Fatal(err)
		}
	}
	return &escalation{ctx: ctx, srv: srv, root: root, cfg: cfg}
}

func (e *escalation) login(t *testing.T, role string) *vaultclient.Client {
	t.Helper()
	id, secret, err := vaultsetup.Credentials(e.ctx, e.root, role)
	if err != nil {
		t.Fatal(err)
	}
	c, err := vaultclient.New(e.srv.Addr)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.LoginAppRole(e.ctx, id, secret); err != nil {
		t.Fatalf("login %s: %v", role, err)
	}
	t.Cleanup(c.Close)
	return c
}

// do runs one attack and returns Vault's HTTP status (200 for success).
func do(ctx context.Context, c *vault.Client, a attack) (int, error) {
	var err error
	switch a.op {
	case "read":
		_, err = c.Logical().ReadWithContext(ctx, a.path)
	case "write":
		_, err = c.Logical().WriteWithContext(ctx, a.path, a.data)
	case "list":
		_, err = c.Logical().ListWithContext(ctx, a.path)
	case "delete":
		_, err = c.Logical().DeleteWithContext(ctx, a.path)
	default:
		panic("unknown op " + a.op)
	}
	if err == nil {
		return http.StatusOK, nil
	}
	var re *vault.ResponseError
	if errors.As(err, &re) {
		return re.StatusCode, err
	}
	return 0, err
}

// assertRefused runs every attack as c and wants a 403 for each.
func assertRefused(t *testing.T, ctx context.Context, who string, c *vault.Client, attacks []attack) {
	t.Helper()
	for _, a := range attacks {
		code, err := do(ctx, c, a)
		if code != http.StatusForbidden {
			t.Errorf("%s: %s (%s %s): want 403, got %d (%v)", who, a.name, a.op, a.path, code, err)
		}
	}
}

// The security officer's AppRole is the attacker: every way it could give
// itself a right it does not need, reach data or keys, or weaken Vault is
// refused with 403.
func TestOfficerCannotEscalate(t *testing.T) {
	e := newEscalation(t)
	officer := e.login(t, naming.SecurityOfficerRole).API()
	evilPolicy := `path "transit/decrypt/*" { capabilities = ["update"] }
path "sys/policies/acl/*" { capabilities = ["create", "update", "read", "delete", "list"] }
`
	assertRefused(t, e.ctx, "officer", officer, []attack{
		// Policies: the officer authors none, and reads none.
		{"write a grant-named policy granting decrypt everywhere", "write", "sys/policies/acl/sovereign-grant-evil", map[string]any{"policy": evilPolicy}},
		{"overwrite an existing grant policy", "write", "sys/policies/acl/" + naming.GrantPolicy("health.stays"), map[string]any{"policy": evilPolicy}},
		{"delete a grant policy", "delete", "sys/policies/acl/" + naming.GrantPolicy("health.stays"), nil},
		{"overwrite its own policy", "write", "sys/policies/acl/" + naming.SecurityOfficerPolicy, map[string]any{"policy": evilPolicy}},
		{"read its own policy", "read", "sys/policies/acl/" + naming.SecurityOfficerPolicy, nil},
		{"list policies", "list", "sys/policies/acl", nil},
		{"legacy sys/policy write", "write", "sys/policy/evil", map[string]any{"policy": evilPolicy}},
		// Tokens: only the grant role, and only with set-up's grant policies.
		{"rewrite a grant token role", "write", "auth/token/roles/" + naming.GrantTokenRole("health.stays"), map[string]any{"allowed_policies_glob": []string{"*"}}},
		{"create a grant-named token role", "write", "auth/token/roles/" + naming.GrantTokenRole("evil.all"), map[string]any{"allowed_policies": []string{"sovereign-grant-health.stays", "sovereign-grant-tax.returns"}}},
		{"mint through the old shared grant role", "write", "auth/token/create/" + legacyGrantRole, map[string]any{}},
		{"create a token role", "write", "auth/token/roles/evil", map[string]any{"allowed_policies": []string{"root"}}},
		{"read a grant token role", "read", "auth/token/roles/" + naming.GrantTokenRole("health.stays"), nil},
		{"create an orphan token", "write", "auth/token/create-orphan", map[string]any{"policies": []string{naming.SecurityOfficerPolicy}}},
		{"create a token with policies", "write", "auth/token/create", map[string]any{"policies": []string{naming.DepartmentPolicy("health")}}},
		{"create a token with no policies", "write", "auth/token/create", map[string]any{}},
		// AppRole: no other role's credentials, no role changes.
		{"read a department's role ID", "read", "auth/approle/role/" + naming.DepartmentRole("health") + "/role-id", nil},
		{"mint a department secret ID", "write", "auth/approle/role/" + naming.DepartmentRole("health") + "/secret-id", nil},
		{"mint a validator secret ID", "write", "auth/approle/role/" + naming.ValidatorRole("v1") + "/secret-id", nil},
		{"mint its own secret ID", "write", "auth/approle/role/" + naming.SecurityOfficerRole + "/secret-id", nil},
		{"list secret ID accessors", "list", "auth/approle/role/" + naming.DepartmentRole("health") + "/secret-id", nil},
		{"add a policy to its role", "write", "auth/approle/role/" + naming.SecurityOfficerRole, map[string]any{"token_policies": []string{"root"}}},
		{"list roles", "list", "auth/approle/role", nil},
		// Mounts, auth methods, audit.
		{"tune the transit mount", "write", "sys/mounts/transit/tune", map[string]any{"max_lease_ttl": "87600h"}},
		{"mount a new engine", "write", "sys/mounts/evil", map[string]any{"type": "kv"}},
		{"disable the transit mount", "delete", "sys/mounts/transit", nil},
		{"enable an auth method", "write", "sys/auth/evil", map[string]any{"type": "userpass"}},
		{"disable the audit device", "delete", "sys/audit/" + naming.AuditPath, nil},
		{"list mounts", "read", "sys/mounts", nil},
		// Transit: no data, no key material, no weakening of a key.
		{"decrypt a data key", "write", "transit/decrypt/health.stays", map[string]any{"ciphertext": "vault:v1:AAAA"}},
		{"make a data key", "write", "transit/datakey/plaintext/health.stays", nil},
		{"encrypt", "write", "transit/encrypt/health.stays", map[string]any{"plaintext": "AAAA"}},
		{"make a key exportable", "write", "transit/keys/health.stays/config", map[string]any{"exportable": true}},
		{"allow plaintext backup", "write", "transit/keys/health.stays/config", map[string]any{"allow_plaintext_backup": true}},
		{"exportable beside an allowed field", "write", "transit/keys/health.stays/config", map[string]any{"min_decryption_version": 1, "exportable": true}},
		{"min encryption version", "write", "transit/keys/health.stays/config", map[string]any{"min_encryption_version": 1}},
		{"export a key", "read", "transit/export/encryption-key/health.stays", nil},
		{"export a key version", "read", "transit/export/encryption-key/health.stays/1", nil},
		{"back up a key", "read", "transit/backup/health.stays", nil},
		{"restore a key from a backup", "write", "transit/restore/health.stays", map[string]any{"backup": "AAAA", "force": true}},
		{"restore a new key", "write", "transit/restore", map[string]any{"backup": "AAAA"}},
		{"import a key version it knows", "write", "transit/keys/health.stays/import_version", map[string]any{"ciphertext": "AAAA"}},
		{"import a key it knows", "write", "transit/keys/health.evil/import", map[string]any{"ciphertext": "AAAA"}},
		{"fetch the import wrapping key", "read", "transit/wrapping_key", nil},
		{"byok export", "read", "transit/byok-export/health.stays/tax.returns", nil},
		{"create a key (exportable)", "write", "transit/keys/health.evil", map[string]any{"exportable": true}},
		{"create a key", "write", "transit/keys/health.new", map[string]any{"type": "aes256-gcm96"}},
		{"trim key versions", "write", "transit/keys/health.stays/trim", map[string]any{"min_available_version": 1}},
		{"change transit's upsert config", "write", "transit/config/keys", map[string]any{"disable_upsert": false}},
		{"change transit's cache", "write", "transit/cache-config", map[string]any{"size": 0}},
		// KV: validator and writer keys belong to their own role only.
		{"read the private validator key", "read", naming.KVMount + "/data/v1", nil},
		{"read a department's writer key", "read", naming.KVMount + "/data/" + naming.WriterKey(naming.DepartmentRole("health")), nil},
		{"replace a department's writer key", "write", naming.KVMount + "/data/" + naming.WriterKey(naming.DepartmentRole("health")), map[string]any{"data": map[string]any{"private_key": "00"}}},
		{"replace a validator key", "write", naming.KVMount + "/data/v1", map[string]any{"data": map[string]any{"private_key": "00"}}},
		{"replace its own writer key", "write", naming.KVMount + "/data/" + naming.WriterKey(naming.SecurityOfficerRole), map[string]any{"data": map[string]any{"private_key": "00"}}},
		{"read an old version of a validator key", "read", naming.KVMount + "/data/v1?version=1", nil},
		{"delete a validator key's metadata", "delete", naming.KVMount + "/metadata/v1", nil},
		{"destroy validator key versions", "write", naming.KVMount + "/destroy/v1", map[string]any{"versions": []int{1}}},
		{"list keys", "list", naming.KVMount + "/metadata", nil},
		{"forge a created mark", "write", naming.KVMount + "/data/" + naming.CreatedMark("health.new"), map[string]any{"data": map[string]any{"transit_key": "health.new"}}},
		{"erase a created mark", "delete", naming.KVMount + "/metadata/" + naming.CreatedMark("health.stays"), nil},
		{"erase a shred mark", "delete", naming.KVMount + "/metadata/" + naming.ShredMark("health.stays"), nil},
		// Identity: no entity or group carrying policies.
		{"create an identity group with policies", "write", "identity/group", map[string]any{"name": "evil", "policies": []string{"root"}}},
	})

	// A grant-named policy that exists (written by an old set-up or by
	// mistake) still cannot be minted through a grant role: each dataset's
	// role allows its own grant policy only. Vault answers 400 for a policy
	// outside the role's list.
	if err := e.root.Sys().PutPolicy("sovereign-grant-evil", evilPolicy); err != nil {
		t.Fatal(err)
	}
	for _, pols := range [][]string{{"sovereign-grant-evil"}, {naming.SecurityOfficerPolicy}, {naming.DepartmentPolicy("tax")}, {"root"},
		{naming.GrantPolicy("tax.returns")}, {naming.GrantPolicy("health.stays"), naming.GrantPolicy("tax.returns")}} {
		_, err := officer.Logical().Write("auth/token/create/"+naming.GrantTokenRole("health.stays"), map[string]any{"policies": pols, "no_default_policy": true})
		var re *vault.ResponseError
		if !errors.As(err, &re) || (re.StatusCode != http.StatusBadRequest && re.StatusCode != http.StatusForbidden) {
			t.Errorf("officer mints a health.stays grant token with %v: want it refused, got %v", pols, err)
		}
	}
	// A token minted without naming policies gets its role's one grant
	// policy, not every dataset's (one shared role handed out all of them).
	sec, err := officer.Logical().Write("auth/token/create/"+naming.GrantTokenRole("health.stays"), map[string]any{})
	if err != nil {
		t.Fatal(err)
	}
	if got := sec.Auth.Policies; len(got) != 1 || got[0] != naming.GrantPolicy("health.stays") {
		t.Fatalf("a policy-less grant token carries %v, want only %s", got, naming.GrantPolicy("health.stays"))
	}
	if sec.Auth.Renewable || sec.Auth.LeaseDuration > 24*3600 {
		t.Fatalf("grant token renewable %v, ttl %d s: want not renewable, at most 24 h", sec.Auth.Renewable, sec.Auth.LeaseDuration)
	}
}

// What the officer does need still works: rotate, read metadata, retire old
// versions, rewrap, allow deletion and delete (shred), read its own writer
// key, issue a grant on one dataset. The grant decrypts that dataset only and
// cannot be turned into more.
func TestOfficerKeepsItsJob(t *testing.T) {
	e := newEscalation(t)
	ofc := e.login(t, naming.SecurityOfficerRole)
	health := e.login(t, naming.DepartmentRole("health"))
	tax := e.login(t, naming.DepartmentRole("tax"))

	dk, err := health.NewDataKey(e.ctx, "health.stays")
	if err != nil {
		t.Fatal(err)
	}
	taxKey, err := tax.NewDataKey(e.ctx, "tax.returns")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ofc.Rotate(e.ctx, "health.stays"); err != nil {
		t.Fatalf("rotate: %v", err)
	}
	nw, err := ofc.Rewrap(e.ctx, "health.stays", []string{dk.Wrapped})
	if err != nil {
		t.Fatalf("rewrap: %v", err)
	}
	if _, err := ofc.SigningKey(e.ctx, naming.WriterKey(naming.SecurityOfficerRole)); err != nil {
		t.Fatalf("officer reads its writer key: %v", err)
	}
	g, err := ofc.GrantDecrypt(e.ctx, "health.stays", time.Minute, 0)
	if err != nil {
		t.Fatalf("grant: %v", err)
	}
	holder, _ := vaultclient.New(e.srv.Addr, vaultclient.WithToken(g.Token))
	if _, err := holder.UnwrapKey(e.ctx, "health.stays", nw[0]); err != nil {
		t.Fatalf("grant decrypts its dataset: %v", err)
	}
	assertRefused(t, e.ctx, "grant holder", holder.API(), []attack{
		{"decrypt another dataset", "write", "transit/decrypt/tax.returns", map[string]any{"ciphertext": taxKey.Wrapped}},
		{"make a data key", "write", "transit/datakey/plaintext/health.stays", nil},
		{"create a child token", "write", "auth/token/create", map[string]any{}},
		{"mint another grant", "write", "auth/token/create/" + naming.GrantTokenRole("tax.returns"), map[string]any{}},
		{"read its own policy", "read", "sys/policies/acl/" + naming.GrantPolicy("health.stays"), nil},
	})
	if err := ofc.RetireOldVersions(e.ctx, "health.stays", 2); err != nil {
		t.Fatalf("retire: %v", err)
	}
	if _, err := health.UnwrapKey(e.ctx, "health.stays", dk.Wrapped); err == nil {
		t.Fatal("the old wrapped key still decrypts after the officer retired version 1")
	}
	if err := ofc.DeleteKey(e.ctx, "health.stays"); err != nil {
		t.Fatalf("shred: %v", err)
	}
}

// A department reaches its own datasets only: no other department's keys,
// no key material, no weakening of its own keys, no re-creating a key.
func TestDepartmentCannotEscalate(t *testing.T) {
	e := newEscalation(t)
	health := e.login(t, naming.DepartmentRole("health")).API()
	assertRefused(t, e.ctx, "department health", health, []attack{
		{"decrypt under tax's key", "write", "transit/decrypt/tax.returns", map[string]any{"ciphertext": "vault:v1:AAAA"}},
		{"encrypt under tax's key", "write", "transit/encrypt/tax.returns", map[string]any{"plaintext": "AAAA"}},
		{"data key under tax's key", "write", "transit/datakey/plaintext/tax.returns", nil},
		{"read tax's key metadata", "read", "transit/keys/tax.returns", nil},
		{"rewrap under tax's key", "write", "transit/rewrap/tax.returns", map[string]any{"ciphertext": "vault:v1:AAAA"}},
		{"read tax's writer key", "read", naming.KVMount + "/data/" + naming.WriterKey(naming.DepartmentRole("tax")), nil},
		{"read the officer's writer key", "read", naming.KVMount + "/data/" + naming.WriterKey(naming.SecurityOfficerRole), nil},
		{"read a validator key", "read", naming.KVMount + "/data/v1", nil},
		{"replace its own writer key", "write", naming.KVMount + "/data/" + naming.WriterKey(naming.DepartmentRole("health")), map[string]any{"data": map[string]any{"private_key": "00"}}},
		{"make its key exportable", "write", "transit/keys/health.stays/config", map[string]any{"exportable": true}},
		{"export its key", "read", "transit/export/encryption-key/health.stays", nil},
		{"back up its key", "read", "transit/backup/health.stays", nil},
		{"create a key by encrypting (upsert)", "write", "transit/encrypt/health.new", map[string]any{"plaintext": "AAAA"}},
		{"create a key", "write", "transit/keys/health.new", nil},
		{"delete its key", "delete", "transit/keys/health.stays", nil},
		{"mint a grant", "write", "auth/token/create/" + naming.GrantTokenRole("tax.returns"), map[string]any{}},
		{"create a token", "write", "auth/token/create", map[string]any{}},
		{"write a policy", "write", "sys/policies/acl/sovereign-grant-evil", map[string]any{"policy": `path "*" { capabilities = ["sudo"] }`}},
		{"mint a secret ID for tax", "write", "auth/approle/role/" + naming.DepartmentRole("tax") + "/secret-id", nil},
	})
	// Validators and supervisors stay in their lanes too.
	v1 := e.login(t, naming.ValidatorRole("v1")).API()
	assertRefused(t, e.ctx, "validator v1", v1, []attack{
		{"read v2's key", "read", naming.KVMount + "/data/v2", nil},
		{"read a writer key", "read", naming.KVMount + "/data/" + naming.WriterKey(naming.DepartmentRole("health")), nil},
		{"replace its own key", "write", naming.KVMount + "/data/v1", map[string]any{"data": map[string]any{"private_key": "00"}}},
		{"decrypt", "write", "transit/decrypt/health.stays", map[string]any{"ciphertext": "vault:v1:AAAA"}},
	})
	sup := e.login(t, naming.SupervisorRole).API()
	assertRefused(t, e.ctx, "supervisor", sup, []attack{
		{"write a policy", "write", "sys/policies/acl/sovereign-grant-evil", map[string]any{"policy": `path "*" { capabilities = ["sudo"] }`}},
		{"decrypt", "write", "transit/decrypt/health.stays", map[string]any{"ciphertext": "vault:v1:AAAA"}},
		{"read a validator key", "read", naming.KVMount + "/data/v1", nil},
		{"read a department's writer key", "read", naming.KVMount + "/data/" + naming.WriterKey(naming.DepartmentRole("health")), nil},
		{"read the officer's writer key", "read", naming.KVMount + "/data/" + naming.WriterKey(naming.SecurityOfficerRole), nil},
		{"replace its own key", "write", naming.KVMount + "/data/" + naming.WriterKey(naming.SupervisorRole), map[string]any{"data": map[string]any{"private_key": "00"}}},
		{"mint a grant", "write", "auth/token/create/" + naming.GrantTokenRole("tax.returns"), map[string]any{}},
	})
}

// legacyGrantRole is the one token role an older set-up made for every
// grant (allowed_policies_glob "sovereign-grant-*").
const legacyGrantRole = "sovereign-grant"

// A Vault set up by the old code (one grant role for every dataset, with a
// glob) converges: that role is gone, each dataset has its own role that
// allows its own grant policy only.
func TestApplyTightensAnOldGrantRole(t *testing.T) {
	e := newEscalation(t)
	if _, err := e.root.Logical().Write("auth/token/roles/"+legacyGrantRole, map[string]any{
		"allowed_policies_glob": []string{"sovereign-grant-*"}, "orphan": true,
	}); err != nil {
		t.Fatal(err)
	}
	if err := vaultsetup.Apply(e.ctx, e.root, e.cfg, nil); err != nil {
		t.Fatal(err)
	}
	if role, err := e.root.Logical().Read("auth/token/roles/" + legacyGrantRole); err != nil || role != nil {
		t.Fatalf("the old shared grant role is still there: %v %v", role, err)
	}
	for _, key := range []string{"health.stays", "tax.returns"} {
		role, err := e.root.Logical().Read("auth/token/roles/" + naming.GrantTokenRole(key))
		if err != nil || role == nil {
			t.Fatalf("read the %s grant role: %v", key, err)
		}
		if g, _ := role.Data["allowed_policies_glob"].([]any); len(g) != 0 {
			t.Fatalf("%s: allowed_policies_glob %v", key, g)
		}
		pols, _ := role.Data["allowed_policies"].([]any)
		if len(pols) != 1 || pols[0] != naming.GrantPolicy(key) {
			t.Fatalf("%s: allowed_policies = %v, want [%s]", key, pols, naming.GrantPolicy(key))
		}
	}
}
