// Package devvault runs the local system's Vault: a real server with its data
// on disk under the devnet folder, initialised and unsealed on start (the
// unseal key is kept beside the data, marked dev-only), set up as code, with
// a signing key generated inside Vault KV for every validator and writer
// role. Nothing here is for production: a real deployment keeps unseal
// shares with the security officers.
package devvault

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/ethereum/go-ethereum/crypto"
	vault "github.com/hashicorp/vault/api"

	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultclient"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultserver"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultsetup"
)

// Config is the devnet's Vault layout.
type Config struct {
	Dir        string              // e.g. .devnet/vault
	Datasets   map[string][]string // department → datasets
	Validators []string            // private-chain validators
	Port       int                 // loopback port; 0 = any free port
}

// Credential is an AppRole login, held in memory only.
type Credential struct{ RoleID, SecretID string }

// Vault is the running devnet Vault.
type Vault struct {
	Server      *vaultserver.Server
	AuditLog    string
	Credentials map[string]Credential // by role name
	root        *vault.Client
}

// errNoDir is returned without a folder.
var errNoDir = errors.New("devvault: a folder is required")

// Start starts (or restarts) the devnet Vault in cfg.Dir and brings it to cfg.
func Start(ctx context.Context, cfg Config, log *slog.Logger) (*Vault, error) {
	if cfg.Dir == "" {
		return nil, errNoDir
	}
	if log == nil {
		log = slog.Default()
	}
	auditDir := filepath.Join(cfg.Dir, "audit")
	if err := ensureAuditDir(auditDir); err != nil {
		return nil, err
	}
	srv, err := vaultserver.StartFileAt(ctx, cfg.Dir, cfg.Port)
	if err != nil {
		return nil, err
	}
	v := &Vault{Server: srv, AuditLog: filepath.Join(auditDir, "vault-audit.log"), Credentials: map[string]Credential{}}
	if err := v.setUp(ctx, cfg, log); err != nil {
		_ = srv.Stop()
		return nil, err
	}
	log.Warn("DEV ONLY vault: unseal key kept beside the data", "addr", srv.Addr, "dir", cfg.Dir)
	return v, nil
}

func (v *Vault) setUp(ctx context.Context, cfg Config, log *slog.Logger) error {
	root, err := v.Server.Client()
	if err != nil {
		return err
	}
	v.root = root
	if err := vaultsetup.Apply(ctx, root, vaultsetup.Config{Datasets: cfg.Datasets, Validators: cfg.Validators, AuditLogPath: v.AuditLog}, log); err != nil {
		return err
	}
	admin, err := vaultclient.New(v.Server.Addr, vaultclient.WithToken(v.Server.RootToken), vaultclient.WithLogger(log))
	if err != nil {
		return err
	}
	roles := []string{naming.SecurityOfficerRole, naming.SupervisorRole}
	keyPaths := []string{naming.WriterKey(naming.SecurityOfficerRole), naming.WriterKey(naming.SupervisorRole)}
	for dept := range cfg.Datasets {
		roles = append(roles, naming.DepartmentRole(dept))
		keyPaths = append(keyPaths, naming.WriterKey(naming.DepartmentRole(dept)))
	}
	for _, val := range cfg.Validators {
		roles = append(roles, naming.ValidatorRole(val))
		keyPaths = append(keyPaths, val)
	}
	for _, p := range keyPaths {
		if err := ensureKey(ctx, admin, p); err != nil {
			return err
		}
	}
	for _, r := range roles {
		id, secret, err := vaultsetup.Credentials(ctx, root, r)
		if err != nil {
			return err
		}
		v.Credentials[r] = Credential{RoleID: id, SecretID: secret}
	}
	return nil
}

// ensureAuditDir creates the audit log's folder as 0700. Vault's file audit
// device would create it with the log's file mode (0600): a folder without
// the x bit, which only root can write into, so the devnet failed for every
// other user ("audit/vault-audit.log: permission denied"). A folder left
// that way by an earlier run is repaired.
func ensureAuditDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("devvault: audit folder: %w", err)
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		return fmt.Errorf("devvault: audit folder: %w", err)
	}
	return nil
}

// ensureKey generates a signing key in KV unless one is there already, so a
// restarted devnet keeps its validator and writer addresses.
func ensureKey(ctx context.Context, admin *vaultclient.Client, path string) error {
	_, err := admin.SigningKey(ctx, path)
	if err == nil {
		return nil
	}
	if !errors.Is(err, vaultclient.ErrNotFound) {
		return err
	}
	key, err := crypto.GenerateKey()
	if err != nil {
		return fmt.Errorf("devvault: generating %s: %w", path, err)
	}
	return admin.PutSigningKey(ctx, path, key)
}

// Login returns a client logged in as role.
func (v *Vault) Login(ctx context.Context, role string, opts ...vaultclient.Option) (*vaultclient.Client, error) {
	cred, ok := v.Credentials[role]
	if !ok {
		return nil, fmt.Errorf("devvault: no role %q", role)
	}
	c, err := vaultclient.New(v.Server.Addr, opts...)
	if err != nil {
		return nil, err
	}
	if err := c.LoginAppRole(ctx, cred.RoleID, cred.SecretID); err != nil {
		return nil, err
	}
	return c, nil
}

// Address returns the Ethereum address of the signing key at a KV path,
// read with the root token (the key itself stays inside this call).
func (v *Vault) Address(ctx context.Context, path string) (string, error) {
	admin, err := vaultclient.New(v.Server.Addr, vaultclient.WithToken(v.Server.RootToken))
	if err != nil {
		return "", err
	}
	key, err := admin.SigningKey(ctx, path)
	if err != nil {
		return "", err
	}
	return addressOf(key), nil
}

func addressOf(k *ecdsa.PrivateKey) string { return crypto.PubkeyToAddress(k.PublicKey).Hex() }

// Stop stops the server.
func (v *Vault) Stop() error { return v.Server.Stop() }
