package devnet

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ethereum/go-ethereum/log"

	"github.com/sovereign-gov/sovereign/sidechains/private/devvault"
	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
)

// Devnet's Vault layout: one department with one dataset, so that
// `sovereign submit` and `sovereign keys …` work against the devnet out of
// the box, and the private chain's validators.
var devDatasets = map[string][]string{"health": {"stays"}}

// VaultOptions shape the devnet's Vault.
type VaultOptions struct {
	Dir        string   // data folder of the Vault server (raft storage, logs, dev-only unseal file)
	Validators []string // private-chain validator names: each gets a role and a key in KV
	Port       int      // Vault's loopback port (0: any free port)
	Logger     log.Logger
}

// VaultNet is the devnet's running Vault.
type VaultNet struct {
	*devvault.Vault
	Dir string
	// CredentialsDir holds the AppRole role and secret IDs of the department,
	// security officer and supervisor roles, for the CLI (dev only).
	CredentialsDir string
}

// Close stops the Vault server.
func (v *VaultNet) Close() {
	if v.Vault != nil {
		_ = v.Stop()
	}
}

// UnsealFile is where the dev-only unseal key and root token are kept.
func (v *VaultNet) UnsealFile() string { return filepath.Join(v.Dir, "dev-only-unseal.json") }

// StartVault starts (initialising on the first run, unsealing on every run)
// the devnet's Vault on disk and applies the set-up as code.
func StartVault(ctx context.Context, opts VaultOptions) (*VaultNet, error) {
	logger := opts.Logger
	if logger == nil {
		logger = log.Root()
	}
	slogger := slog.New(logger.With("service", "vault").Handler())
	v, err := devvault.Start(ctx, devvault.Config{Dir: opts.Dir, Datasets: devDatasets, Validators: opts.Validators, Port: opts.Port}, slogger)
	if err != nil {
		return nil, fmt.Errorf("devnet vault: %w", err)
	}
	net := &VaultNet{Vault: v, Dir: opts.Dir, CredentialsDir: filepath.Join(opts.Dir, "credentials-DEV-ONLY")}
	if err := net.writeCredentials(); err != nil {
		net.Close()
		return nil, err
	}
	return net, nil
}

// writeCredentials writes the CLI roles' role ID and secret ID to files, so
// that `sovereign submit --role-id … --secret-id-file …` works against the
// devnet. Validators' credentials stay in memory: their nodes run inside
// the devnet process. A real deployment hands each secret ID to its holder.
func (v *VaultNet) writeCredentials() error {
	if err := os.MkdirAll(v.CredentialsDir, 0o700); err != nil {
		return fmt.Errorf("devnet vault credentials: %w", err)
	}
	for role, cred := range v.Credentials {
		if strings.HasPrefix(role, naming.ValidatorRole("")) {
			continue
		}
		for name, val := range map[string]string{role + ".role-id": cred.RoleID, role + ".secret-id": cred.SecretID} {
			if err := os.WriteFile(filepath.Join(v.CredentialsDir, name), []byte(val+"\n"), 0o600); err != nil {
				return fmt.Errorf("devnet vault credentials: %w", err)
			}
		}
	}
	return nil
}

// CLIRoles lists the roles whose credentials are in CredentialsDir.
func (v *VaultNet) CLIRoles() []string {
	var out []string
	for role := range v.Credentials {
		if !strings.HasPrefix(role, naming.ValidatorRole("")) {
			out = append(out, role)
		}
	}
	sort.Strings(out)
	return out
}
