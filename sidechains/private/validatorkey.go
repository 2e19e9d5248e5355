package private

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"

	"github.com/ethereum/go-ethereum/metrics"

	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultclient"
)

// VaultKeySource names a validator signing key held in Vault KV
// (validator-keys/<Key>) and the AppRole login that may read it.
type VaultKeySource struct {
	Addr         string // Vault address, e.g. http://127.0.0.1:8200
	RoleIDFile   string // file holding the AppRole role ID
	SecretIDFile string // file holding the AppRole secret ID
	Key          string // validator name: the key is read from validator-keys/<Key>
	Logger       *slog.Logger
	// Metrics, when set, counts the Vault client's errors by kind
	// (vaultclient.WithMetrics).
	Metrics metrics.Registry
}

var (
	// errVaultKeyInput is returned when a Vault key source lacks one of its parts.
	errVaultKeyInput = errors.New("validator key from Vault")
	// errValidatorKeyForbidden is returned when Vault answers 403 for the key:
	// the AppRole login belongs to another validator or role.
	errValidatorKeyForbidden = errors.New("vault refused the validator key (403 permission denied): the AppRole role may read only its own validator key")
)

// Check validates the source's inputs without touching Vault.
func (s VaultKeySource) Check() error {
	var missing []string
	for _, f := range []struct{ name, v string }{
		{"--vault.addr", s.Addr}, {"--vault.role-id-file", s.RoleIDFile},
		{"--vault.secret-id-file", s.SecretIDFile}, {"--vault.key", s.Key},
	} {
		if f.v == "" {
			missing = append(missing, f.name)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("%w: missing %s", errVaultKeyInput, strings.Join(missing, ", "))
	}
	if err := naming.Check("validator", s.Key); err != nil {
		return fmt.Errorf("%w: --vault.key: %w", errVaultKeyInput, err)
	}
	return nil
}

// LoadValidatorKey logs in to Vault with the AppRole credentials and reads
// the validator's signing key into memory. The key is never written
// anywhere; the Vault token is dropped once the key is read, since a
// validator needs Vault only at start.
func LoadValidatorKey(ctx context.Context, s VaultKeySource) (*ecdsa.PrivateKey, error) {
	if err := s.Check(); err != nil {
		return nil, err
	}
	roleID, err := readCredential(s.RoleIDFile, "role ID")
	if err != nil {
		return nil, err
	}
	secretID, err := readCredential(s.SecretIDFile, "secret ID")
	if err != nil {
		return nil, err
	}
	opts := []vaultclient.Option{}
	if s.Logger != nil {
		opts = append(opts, vaultclient.WithLogger(s.Logger))
	}
	if s.Metrics != nil {
		opts = append(opts, vaultclient.WithMetrics(s.Metrics))
	}
	c, err := vaultclient.New(s.Addr, opts...)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	if err := c.LoginAppRole(ctx, roleID, secretID); err != nil {
		return nil, fmt.Errorf("validator key %q: vault login at %s: %w", s.Key, s.Addr, err)
	}
	key, err := c.SigningKey(ctx, s.Key)
	if errors.Is(err, vaultclient.ErrForbidden) {
		return nil, fmt.Errorf("validator key %q at %s: %w (%w)", s.Key, s.Addr, errValidatorKeyForbidden, err)
	}
	if err != nil {
		return nil, fmt.Errorf("validator key %q at %s: %w", s.Key, s.Addr, err)
	}
	// Stop renewal and revoke the token: nothing else in this process needs Vault.
	c.Close()
	if err := c.API().Auth().Token().RevokeSelfWithContext(ctx, ""); err != nil && s.Logger != nil {
		s.Logger.Warn("revoking the vault token after reading the validator key", "err", err)
	}
	return key, nil
}

func readCredential(path, what string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("%w: reading the AppRole %s: %w", errVaultKeyInput, what, err)
	}
	v := strings.TrimSpace(string(b))
	if v == "" {
		return "", fmt.Errorf("%w: the AppRole %s file %s is empty", errVaultKeyInput, what, path)
	}
	return v, nil
}
