// Package vaultsetup configures a Vault server for the private chain, as code
// and idempotently: run it again and it converges to the same state. It uses
// a privileged token (root or an equivalent admin) once; everything after
// works through the least-privilege AppRole roles it creates.
package vaultsetup

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"strings"
	"time"

	vault "github.com/hashicorp/vault/api"

	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
)

// Config is the desired state of the Vault server.
type Config struct {
	// Datasets lists each department's datasets; every pair gets a transit key.
	Datasets map[string][]string
	// Validators are the private-chain validators; each gets a role and a policy.
	Validators []string
	// AuditLogPath is the file audit device's log (on the Vault server's host).
	AuditLogPath string
	// TokenTTL and TokenMaxTTL bound the tokens of AppRole logins (default 20m / 1h).
	TokenTTL, TokenMaxTTL time.Duration
	// GrantMaxTTL caps single-dataset grants (default 24h).
	GrantMaxTTL time.Duration
}

// errNoAuditPath is returned when the config has no audit log path.
var errNoAuditPath = errors.New("vault set-up: an audit log path is required")

// Apply brings the server to the state of cfg.
func Apply(ctx context.Context, c *vault.Client, cfg Config, log *slog.Logger) error {
	if log == nil {
		log = slog.Default()
	}
	if cfg.AuditLogPath == "" {
		return errNoAuditPath
	}
	if cfg.TokenTTL == 0 {
		cfg.TokenTTL = 20 * time.Minute
	}
	if cfg.TokenMaxTTL == 0 {
		cfg.TokenMaxTTL = time.Hour
	}
	if cfg.GrantMaxTTL == 0 {
		cfg.GrantMaxTTL = 24 * time.Hour
	}
	for dept, sets := range cfg.Datasets {
		for _, ds := range sets {
			if _, err := naming.TransitKey(dept, ds); err != nil {
				return fmt.Errorf("vault set-up: %w", err)
			}
		}
	}
	for _, v := range cfg.Validators {
		if err := naming.Check("validator", v); err != nil {
			return fmt.Errorf("vault set-up: %w", err)
		}
	}
	steps := []struct {
		name string
		run  func() error
	}{
		{"audit device", func() error { return ensureAudit(ctx, c, cfg.AuditLogPath) }},
		{"transit mount", func() error { return ensureMount(ctx, c, naming.TransitMount, &vault.MountInput{Type: "transit"}) }},
		{"conditional transit mount", func() error {
			return ensureMount(ctx, c, naming.ConditionalMount, &vault.MountInput{Type: "transit"})
		}},
		{"kv mount", func() error {
			return ensureMount(ctx, c, naming.KVMount, &vault.MountInput{Type: "kv", Options: map[string]string{"version": "2"}})
		}},
		{"approle auth", func() error { return ensureAuth(ctx, c, naming.AppRoleMount, "approle") }},
		{"grant policies", func() error { return ensureGrantPolicies(ctx, c, cfg.Datasets) }},
		{"grant token roles", func() error { return ensureGrantRoles(ctx, c, cfg.Datasets, cfg.GrantMaxTTL) }},
		{"roles and policies", func() error { return ensureRoles(ctx, c, cfg) }},
		{"transit keys", func() error { return ensureKeys(ctx, c, cfg.Datasets, log) }},
	}
	for _, s := range steps {
		if err := s.run(); err != nil {
			return fmt.Errorf("vault set-up, %s: %w", s.name, err)
		}
		log.Debug("vault set-up step done", "step", s.name)
	}
	log.Info("vault set up", "departments", len(cfg.Datasets), "validators", len(cfg.Validators))
	return nil
}

func ensureAudit(ctx context.Context, c *vault.Client, path string) error {
	devices, err := c.Sys().ListAuditWithContext(ctx)
	if err != nil {
		return fmt.Errorf("sys/audit: %w", err)
	}
	if d, ok := devices[naming.AuditPath+"/"]; ok {
		if d.Options["file_path"] != path {
			return fmt.Errorf("sys/audit/%s already logs to %s, not %s", naming.AuditPath, d.Options["file_path"], path)
		}
		return nil
	}
	err = c.Sys().EnableAuditWithOptionsWithContext(ctx, naming.AuditPath, &vault.EnableAuditOptions{
		Type: "file", Options: map[string]string{"file_path": path, "mode": "0600"},
	})
	if err != nil {
		return fmt.Errorf("sys/audit/%s: %w", naming.AuditPath, err)
	}
	return nil
}

func ensureMount(ctx context.Context, c *vault.Client, path string, in *vault.MountInput) error {
	mounts, err := c.Sys().ListMountsWithContext(ctx)
	if err != nil {
		return fmt.Errorf("sys/mounts: %w", err)
	}
	if m, ok := mounts[path+"/"]; ok {
		if m.Type != in.Type {
			return fmt.Errorf("sys/mounts/%s is a %s mount, want %s", path, m.Type, in.Type)
		}
		if in.Options["version"] != "" && m.Options["version"] != in.Options["version"] {
			return fmt.Errorf("sys/mounts/%s has version %q, want %q", path, m.Options["version"], in.Options["version"])
		}
		return nil
	}
	if err := c.Sys().MountWithContext(ctx, path, in); err != nil {
		return fmt.Errorf("sys/mounts/%s: %w", path, err)
	}
	return nil
}

func ensureAuth(ctx context.Context, c *vault.Client, path, typ string) error {
	auths, err := c.Sys().ListAuthWithContext(ctx)
	if err != nil {
		return fmt.Errorf("sys/auth: %w", err)
	}
	if a, ok := auths[path+"/"]; ok {
		if a.Type != typ {
			return fmt.Errorf("sys/auth/%s is %s, want %s", path, a.Type, typ)
		}
		return nil
	}
	if err := c.Sys().EnableAuthWithOptionsWithContext(ctx, path, &vault.EnableAuthOptions{Type: typ}); err != nil {
		return fmt.Errorf("sys/auth/%s: %w", path, err)
	}
	return nil
}

// transitKeys lists every dataset's transit key, sorted.
func transitKeys(datasets map[string][]string) []string {
	var keys []string
	for dept, sets := range datasets {
		for _, ds := range sets {
			key, _ := naming.TransitKey(dept, ds)
			keys = append(keys, key)
		}
	}
	sort.Strings(keys)
	return keys
}

// ensureGrantPolicies writes the decrypt-only grant policy of every dataset.
// Only set-up writes them: the officer's policy has no sys/policies path.
func ensureGrantPolicies(ctx context.Context, c *vault.Client, datasets map[string][]string) error {
	for _, key := range transitKeys(datasets) {
		name := naming.GrantPolicy(key)
		if err := c.Sys().PutPolicyWithContext(ctx, name, GrantPolicy(key)); err != nil {
			return fmt.Errorf("sys/policies/acl/%s: %w", name, err)
		}
	}
	return nil
}

// legacyGrantRole is the single grant token role an older set-up made: it
// allowed every "sovereign-grant-*" policy, so one token could carry all.
const legacyGrantRole = "sovereign-grant"

// ensureGrantRoles writes one token role per dataset that hands out that
// dataset's grant policy only (a token minted without naming policies gets
// exactly it), orphan, not renewable, capped at maxTTL. The glob fields are
// written empty so that nothing left from an older set-up widens a role, and
// the older shared role is deleted.
func ensureGrantRoles(ctx context.Context, c *vault.Client, datasets map[string][]string, maxTTL time.Duration) error {
	for _, key := range transitKeys(datasets) {
		path := "auth/token/roles/" + naming.GrantTokenRole(key)
		_, err := c.Logical().WriteWithContext(ctx, path, map[string]any{
			"allowed_policies":         []string{naming.GrantPolicy(key)},
			"allowed_policies_glob":    []string{},
			"disallowed_policies":      []string{"root", naming.SecurityOfficerPolicy, naming.SupervisorPolicy},
			"disallowed_policies_glob": []string{"sovereign-dept-*", "sovereign-validator-*"},
			"orphan":                   true,
			"renewable":                false,
			"token_explicit_max_ttl":   maxTTL.String(),
			"token_type":               "service",
			"token_no_default_policy":  true,
		})
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	path := "auth/token/roles/" + legacyGrantRole
	if _, err := c.Logical().DeleteWithContext(ctx, path); err != nil {
		return fmt.Errorf("removing the old shared grant role %s: %w", path, err)
	}
	return nil
}

type role struct{ name, policy, rules string }

func ensureRoles(ctx context.Context, c *vault.Client, cfg Config) error {
	roles := []role{
		{naming.SecurityOfficerRole, naming.SecurityOfficerPolicy, SecurityOfficerPolicy(cfg.GrantMaxTTL)},
		{naming.SupervisorRole, naming.SupervisorPolicy, SupervisorPolicy()},
	}
	for dept := range cfg.Datasets {
		roles = append(roles, role{naming.DepartmentRole(dept), naming.DepartmentPolicy(dept), DepartmentPolicy(dept)})
	}
	for _, v := range cfg.Validators {
		roles = append(roles, role{naming.ValidatorRole(v), naming.ValidatorPolicy(v), ValidatorPolicy(v)})
	}
	for _, r := range roles {
		if err := c.Sys().PutPolicyWithContext(ctx, r.policy, r.rules); err != nil {
			return fmt.Errorf("sys/policies/acl/%s: %w", r.policy, err)
		}
		path := naming.AppRoleMount + "/role/" + r.name
		_, err := c.Logical().WriteWithContext(ctx, "auth/"+path, map[string]any{
			"token_policies":     []string{r.policy},
			"token_ttl":          cfg.TokenTTL.String(),
			"token_max_ttl":      cfg.TokenMaxTTL.String(),
			"secret_id_num_uses": 0,
			"bind_secret_id":     true,
		})
		if err != nil {
			return fmt.Errorf("auth/%s: %w", path, err)
		}
	}
	return nil
}

// ensureKeys creates every dataset's transit key once. Set-up records each
// key it creates (or finds) in KV; a key that is gone afterwards was
// destroyed, by a shred (its shred mark says when) or outside 'keys shred',
// and is never re-created: that would silently reopen a shredded dataset.
func ensureKeys(ctx context.Context, c *vault.Client, datasets map[string][]string, log *slog.Logger) error {
	for _, key := range transitKeys(datasets) {
		path := naming.TransitMount + "/keys/" + key
		sec, err := c.Logical().ReadWithContext(ctx, path)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		created, err := readKV(ctx, c, naming.CreatedMark(key))
		if err != nil {
			return err
		}
		switch {
		case sec != nil && created != nil:
			// datasets made before conditional keys existed get theirs now
			if err := ensureTransitKey(ctx, c, naming.ConditionalMount, key); err != nil {
				return err
			}
			continue
		case sec != nil: // made before set-up kept created marks
		case created != nil:
			mark, err := readKV(ctx, c, naming.ShredMark(key))
			if err != nil {
				return err
			}
			if mark != nil {
				log.Info("dataset shredded: its transit key is not re-created", "key", key, "shredded_at", mark["at"])
			} else {
				log.Warn("transit key deleted outside 'keys shred': not re-created, its data stays unreadable", "key", key, "created_at", created["at"])
			}
			continue
		default:
			if err := EnsureTransitKey(ctx, c, key); err != nil {
				return err
			}
		}
		if err := ensureTransitKey(ctx, c, naming.ConditionalMount, key); err != nil {
			return err
		}
		mp := naming.KVMount + "/data/" + naming.CreatedMark(key)
		if _, err := c.Logical().WriteWithContext(ctx, mp, map[string]any{
			"data": map[string]any{"transit_key": key, "at": time.Now().UTC().Format(time.RFC3339Nano)},
		}); err != nil {
			return fmt.Errorf("%s: %w", mp, err)
		}
	}
	return nil
}

// readKV returns the data of a KV v2 secret under KVMount, or nil without one.
func readKV(ctx context.Context, c *vault.Client, p string) (map[string]any, error) {
	path := naming.KVMount + "/data/" + p
	sec, err := c.Logical().ReadWithContext(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if sec == nil || sec.Data["data"] == nil {
		return nil, nil
	}
	m, _ := sec.Data["data"].(map[string]any)
	return m, nil
}

// EnsureTransitKey creates a transit key (AES-256-GCM, not exportable) if it
// does not exist yet.
func EnsureTransitKey(ctx context.Context, c *vault.Client, key string) error {
	return ensureTransitKey(ctx, c, naming.TransitMount, key)
}

func ensureTransitKey(ctx context.Context, c *vault.Client, mount, key string) error {
	path := mount + "/keys/" + key
	sec, err := c.Logical().ReadWithContext(ctx, path)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if sec != nil {
		return nil
	}
	if _, err := c.Logical().WriteWithContext(ctx, path, map[string]any{"type": "aes256-gcm96"}); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// Credentials returns a role's role ID and a fresh secret ID: what an operator
// hands to the department, validator or officer the role belongs to.
func Credentials(ctx context.Context, c *vault.Client, roleName string) (roleID, secretID string, err error) {
	base := "auth/" + naming.AppRoleMount + "/role/" + roleName
	sec, err := c.Logical().ReadWithContext(ctx, base+"/role-id")
	if err != nil {
		return "", "", fmt.Errorf("%s/role-id: %w", base, err)
	}
	if sec == nil {
		return "", "", fmt.Errorf("%s/role-id: no such role", base)
	}
	roleID, _ = sec.Data["role_id"].(string)
	sec, err = c.Logical().WriteWithContext(ctx, base+"/secret-id", nil)
	if err != nil {
		return "", "", fmt.Errorf("%s/secret-id: %w", base, err)
	}
	secretID, _ = sec.Data["secret_id"].(string)
	if roleID == "" || secretID == "" {
		return "", "", fmt.Errorf("%s: empty credentials in the response", base)
	}
	return strings.TrimSpace(roleID), strings.TrimSpace(secretID), nil
}
