package devnet

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/params"

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

// errNoDevAccount is returned when no funded development account can pay
// for the officer's gas.
var errNoDevAccount = errors.New("devnet: at least one development account is needed (--accounts) to fund the security officer on the consortium")

// officerFunds is what the security officer's writer key gets on the
// consortium chain: enough gas for years of audit anchors on a devnet.
var officerFunds = new(big.Int).Mul(big.NewInt(1000), big.NewInt(params.Ether))

// FundOfficerOnConsortium sends the security officer's Vault-held writer key
// gas money on the consortium chain (at rpcURL) from the first development
// account, unless it has some already, so that `sovereign keys
// audit-anchor` works on the devnet. The consortium's genesis predates the
// Vault's keys.
func (v *VaultNet) FundOfficerOnConsortium(ctx context.Context, rpcURL string, accounts []Account) (common.Address, error) {
	if len(accounts) == 0 {
		return common.Address{}, errNoDevAccount
	}
	from := accounts[0]
	a, err := v.Address(ctx, naming.WriterKey(naming.SecurityOfficerRole))
	if err != nil {
		return common.Address{}, fmt.Errorf("devnet: security officer's writer key: %w", err)
	}
	officer := common.HexToAddress(a)
	c, err := ethclient.DialContext(ctx, rpcURL)
	if err != nil {
		return officer, fmt.Errorf("devnet: consortium RPC: %w", err)
	}
	defer c.Close()
	bal, err := c.BalanceAt(ctx, officer, nil)
	if err != nil {
		return officer, fmt.Errorf("devnet: officer balance on the consortium: %w", err)
	}
	if bal.Sign() > 0 {
		return officer, nil
	}
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	chainID, err := c.ChainID(ctx)
	if err != nil {
		return officer, fmt.Errorf("devnet: consortium chain id: %w", err)
	}
	nonce, err := c.PendingNonceAt(ctx, from.Address)
	if err != nil {
		return officer, fmt.Errorf("devnet: consortium nonce: %w", err)
	}
	price, err := c.SuggestGasPrice(ctx)
	if err != nil {
		return officer, fmt.Errorf("devnet: consortium gas price: %w", err)
	}
	tx, err := types.SignNewTx(from.Key, types.LatestSignerForChainID(chainID), &types.LegacyTx{
		Nonce: nonce, To: &officer, Value: officerFunds, Gas: params.TxGas, GasPrice: new(big.Int).Mul(price, big.NewInt(2)),
	})
	if err != nil {
		return officer, fmt.Errorf("devnet: signing the officer's funding: %w", err)
	}
	if err := c.SendTransaction(ctx, tx); err != nil {
		return officer, fmt.Errorf("devnet: funding the officer on the consortium: %w", err)
	}
	for {
		if r, err := c.TransactionReceipt(ctx, tx.Hash()); err == nil && r.Status == types.ReceiptStatusSuccessful {
			return officer, nil
		}
		select {
		case <-ctx.Done():
			return officer, fmt.Errorf("devnet: funding the officer on the consortium (tx %s): %w", tx.Hash(), ctx.Err())
		case <-time.After(200 * time.Millisecond):
		}
	}
}
