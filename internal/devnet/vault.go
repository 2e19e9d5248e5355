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

// Devnet's Vault layout: four departments with their datasets, so that
// `sovereign submit` and `sovereign keys …` work against the devnet out of
// the box, and the private chain's validators. Each department's Vault-held
// writer key is also its account on the consortium's department register.
var devDatasets = map[string][]string{
	"health":    {"stays", "wards"},
	"education": {"schools", "enrolment"},
	"transport": {"traffic", "ridership"},
	"finance":   {"budget", "spending"},
}

// DevDepartments lists the devnet's departments, sorted.
func DevDepartments() []string {
	out := make([]string, 0, len(devDatasets))
	for d := range devDatasets {
		out = append(out, d)
	}
	sort.Strings(out)
	return out
}

// DevDatasets lists a devnet department's datasets.
func DevDatasets(department string) []string {
	return append([]string(nil), devDatasets[department]...)
}

// DepartmentAccount is the address of a department's Vault-held writer key:
// it writes the department's records on the private chain and signs its
// submissions on the consortium.
func (v *VaultNet) DepartmentAccount(ctx context.Context, department string) (common.Address, error) {
	a, err := v.Address(ctx, naming.WriterKey(naming.DepartmentRole(department)))
	if err != nil {
		return common.Address{}, fmt.Errorf("devnet: writer key of department %s: %w", department, err)
	}
	return common.HexToAddress(a), nil
}

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
// that `sovereign submit --vault.role-id … --vault.secret-id-file …` works against the
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

// consortiumFunds is what each Vault-held writer key (security officer,
// departments) gets on the consortium chain: gas for years of audit anchors
// and submissions on a devnet.
var consortiumFunds = new(big.Int).Mul(big.NewInt(1000), big.NewInt(params.Ether))

// FundOfficerOnConsortium funds the security officer's and every
// department's Vault-held writer key on the consortium chain (at rpcURL),
// and the extra accounts (the validators, who vote), from the first
// development account, those that have nothing yet, so that `sovereign keys
// audit-anchor`, `sovereign submit` and `sovereign review` work on the
// devnet. The consortium's genesis predates the Vault's keys. It returns the
// officer's address.
func (v *VaultNet) FundOfficerOnConsortium(ctx context.Context, rpcURL string, accounts []Account, extra ...common.Address) (common.Address, error) {
	if len(accounts) == 0 {
		return common.Address{}, errNoDevAccount
	}
	a, err := v.Address(ctx, naming.WriterKey(naming.SecurityOfficerRole))
	if err != nil {
		return common.Address{}, fmt.Errorf("devnet: security officer's writer key: %w", err)
	}
	officer := common.HexToAddress(a)
	targets := append([]common.Address{officer}, extra...)
	for _, d := range DevDepartments() {
		acct, err := v.DepartmentAccount(ctx, d)
		if err != nil {
			return officer, err
		}
		targets = append(targets, acct)
	}
	return officer, FundAt(ctx, "consortium", rpcURL, accounts[0], targets)
}

// FundSupervisorOnPublic funds the supervisor's Vault-held key on the
// public chain at rpcURL (it signs freezes on DataRegistry) and returns
// its address.
func (v *VaultNet) FundSupervisorOnPublic(ctx context.Context, rpcURL string, accounts []Account) (common.Address, error) {
	if len(accounts) == 0 {
		return common.Address{}, errNoDevAccount
	}
	a, err := v.Address(ctx, naming.WriterKey(naming.SupervisorRole))
	if err != nil {
		return common.Address{}, fmt.Errorf("devnet: supervisor's key: %w", err)
	}
	supervisor := common.HexToAddress(a)
	return supervisor, FundAt(ctx, "public", rpcURL, accounts[0], []common.Address{supervisor})
}

// FundAt funds targets that have no balance yet from `from` on the chain at
// rpcURL (fund), within a minute: the devnet's Vault-held keys, and an
// account joining the devnet (a validator voted in needs gas to vote).
func FundAt(ctx context.Context, chain, rpcURL string, from Account, targets []common.Address) error {
	c, err := ethclient.DialContext(ctx, rpcURL)
	if err != nil {
		return fmt.Errorf("devnet: %s RPC: %w", chain, err)
	}
	defer c.Close()
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	return fund(ctx, c, from, targets, consortiumFunds)
}

// fund sends amount from `from` to each target that has no balance, and
// waits for every transfer.
func fund(ctx context.Context, c *ethclient.Client, from Account, targets []common.Address, amount *big.Int) error {
	chainID, err := c.ChainID(ctx)
	if err != nil {
		return fmt.Errorf("devnet: funding: chain id: %w", err)
	}
	price, err := c.SuggestGasPrice(ctx)
	if err != nil {
		return fmt.Errorf("devnet: funding: gas price: %w", err)
	}
	nonce, err := c.PendingNonceAt(ctx, from.Address)
	if err != nil {
		return fmt.Errorf("devnet: funding: nonce: %w", err)
	}
	var sent []*types.Transaction
	for _, to := range targets {
		bal, err := c.BalanceAt(ctx, to, nil)
		if err != nil {
			return fmt.Errorf("devnet: balance of %s on the consortium: %w", to, err)
		}
		if bal.Sign() > 0 {
			continue
		}
		tx, err := types.SignNewTx(from.Key, types.LatestSignerForChainID(chainID), &types.LegacyTx{
			Nonce: nonce, To: &to, Value: amount, Gas: params.TxGas, GasPrice: new(big.Int).Mul(price, big.NewInt(2)),
		})
		if err != nil {
			return fmt.Errorf("devnet: signing the funding of %s: %w", to, err)
		}
		if err := c.SendTransaction(ctx, tx); err != nil {
			return fmt.Errorf("devnet: funding %s on the consortium: %w", to, err)
		}
		sent = append(sent, tx)
		nonce++
	}
	for _, tx := range sent {
		for {
			if r, err := c.TransactionReceipt(ctx, tx.Hash()); err == nil && r.Status == types.ReceiptStatusSuccessful {
				break
			}
			select {
			case <-ctx.Done():
				return fmt.Errorf("devnet: funding %s on the consortium (tx %s): %w", tx.To(), tx.Hash(), ctx.Err())
			case <-time.After(200 * time.Millisecond):
			}
		}
	}
	return nil
}
