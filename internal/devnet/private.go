package devnet

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/params"

	"github.com/sovereign-gov/sovereign/contracts/deploy"
	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/sidechains/private"
	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultserver"
	"github.com/sovereign-gov/sovereign/sidechains/qbft"
	"github.com/sovereign-gov/sovereign/sidechains/qbft/execution"
	"github.com/sovereign-gov/sovereign/sidechains/qbft/service"
)

// PrivateOptions shape the devnet's private chain.
type PrivateOptions struct {
	Dir        string
	Vault      *VaultNet
	Validators []string // validator names in Vault (1 to 3); keys at validator-keys/<name>
	Accounts   []Account
	// BlobsDir is the folder of the encrypted ciphertext blobs that
	// `sovereign submit` and `keys` use (--blobs); created, and printed.
	BlobsDir string
	HTTPPort int // first validator's HTTP port; validator i uses +10·i, WS +1
	P2PPort  int // first validator's devp2p port; validator i uses +i
	Logger   log.Logger
}

// PrivateNet is the running private chain of a devnet.
type PrivateNet struct {
	Validators []*service.Node
	Names      []string
	Addresses  []common.Address
	Genesis    *core.Genesis
	// Contracts is what `sovereign deploy private` put on the chain.
	Contracts *deploy.Private
	// Writers are the roles whose Vault-held keys may write to SensitiveStore.
	Writers map[string]common.Address
	// BlobsDir is the ciphertext blob folder (empty: none was asked for).
	BlobsDir string
}

// Close stops every validator.
func (p *PrivateNet) Close() {
	for _, v := range p.Validators {
		v.Close()
	}
}

var (
	// errNoVault is returned when the private chain is started without the devnet's Vault.
	errNoVault = errors.New("devnet private chain: the devnet Vault is required (validator keys live there)")
	// errValidatorCount is returned for a private chain outside 1..3 validators.
	errValidatorCount = fmt.Errorf("devnet private chain: want 1 to %d validators", private.MaxValidators)
	// errValidatorsChanged is returned when the validators asked for are not
	// those of the chain already in the data folder.
	errValidatorsChanged = errors.New("devnet private chain: the validators differ from the existing chain's")
)

// PrivateValidatorNames names the devnet's n private validators (their
// Vault roles and KV paths): private0, private1, …
func PrivateValidatorNames(n int) ([]string, error) {
	if n < 1 || n > private.MaxValidators {
		return nil, fmt.Errorf("%w, got %d", errValidatorCount, n)
	}
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprintf("private%d", i)
	}
	return names, nil
}

// StartPrivate starts the private chain: each validator logs in to Vault
// with its own AppRole role and reads its signing key from KV into memory
// (never written to disk); RPC listens on loopback only. On the first run
// it writes the genesis and deploys SensitiveStore (owned by the security
// officer's Vault-held key, the department and officer writer keys allowed)
// and records its address in contracts.json.
func StartPrivate(ctx context.Context, opts PrivateOptions) (*PrivateNet, error) {
	if opts.Vault == nil {
		return nil, errNoVault
	}
	if n := len(opts.Validators); n < 1 || n > private.MaxValidators {
		return nil, fmt.Errorf("%w, got %d", errValidatorCount, n)
	}
	if err := os.MkdirAll(opts.Dir, 0o700); err != nil {
		return nil, fmt.Errorf("devnet folder: %w", err)
	}
	if opts.BlobsDir != "" {
		if err := os.MkdirAll(opts.BlobsDir, 0o700); err != nil {
			return nil, fmt.Errorf("devnet blob folder: %w", err)
		}
	}
	logger := opts.Logger
	if logger == nil {
		logger = log.Root()
	}
	net := &PrivateNet{Names: opts.Validators, Writers: map[string]common.Address{}, BlobsDir: opts.BlobsDir}
	keys := make([]*ecdsa.PrivateKey, len(opts.Validators))
	for i, name := range opts.Validators {
		k, err := vaultKey(ctx, opts.Vault, naming.ValidatorRole(name), name)
		if err != nil {
			return nil, err
		}
		keys[i] = k
		net.Addresses = append(net.Addresses, crypto.PubkeyToAddress(k.PublicKey))
	}
	officer, err := vaultKey(ctx, opts.Vault, naming.SecurityOfficerRole, naming.WriterKey(naming.SecurityOfficerRole))
	if err != nil {
		return nil, err
	}
	net.Writers[naming.SecurityOfficerRole] = crypto.PubkeyToAddress(officer.PublicKey)
	for dept := range devDatasets {
		role := naming.DepartmentRole(dept)
		a, err := opts.Vault.Address(ctx, naming.WriterKey(role))
		if err != nil {
			return nil, fmt.Errorf("devnet private chain: writer key of %s: %w", role, err)
		}
		net.Writers[role] = common.HexToAddress(a)
	}
	if net.Genesis, err = privateGenesis(opts, net); err != nil {
		return nil, err
	}
	var enodes []string
	for i, key := range keys {
		n, err := private.StartChainNode(service.Config{
			Node: node.Config{
				DataDir:       filepath.Join(opts.Dir, opts.Validators[i]),
				Genesis:       net.Genesis,
				P2PListenAddr: fmt.Sprintf("127.0.0.1:%d", opts.P2PPort+i),
				StaticNodes:   enodes,
				HTTPHost:      node.DefaultHTTPHost,
				HTTPPort:      opts.HTTPPort + 10*i,
				WSHost:        node.DefaultHTTPHost,
				WSPort:        opts.HTTPPort + 10*i + 1,
			},
			Signer: qbft.NewKeySigner(key),
			Logger: logger.With("chain", "private", "node", opts.Validators[i]),
		})
		if err != nil {
			net.Close()
			return nil, fmt.Errorf("private validator %s: %w", opts.Validators[i], err)
		}
		net.Validators = append(net.Validators, n)
		enodes = append(enodes, n.Enode())
	}
	if net.Contracts, err = privateContracts(ctx, opts.Dir, opts.Vault.Dir, net, officer); err != nil {
		net.Close()
		return nil, err
	}
	return net, nil
}

// vaultKey logs in as role and reads the signing key at path into memory.
func vaultKey(ctx context.Context, v *VaultNet, role, path string) (*ecdsa.PrivateKey, error) {
	c, err := v.Login(ctx, role)
	if err != nil {
		return nil, fmt.Errorf("devnet private chain: vault login as %s: %w", role, err)
	}
	defer c.Close()
	k, err := c.SigningKey(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("devnet private chain: key of %s: %w", role, err)
	}
	return k, nil
}

// privateGenesis reads the private chain's genesis, writing it on the first
// run with the development accounts and the writer keys funded.
func privateGenesis(opts PrivateOptions, net *PrivateNet) (*core.Genesis, error) {
	path := filepath.Join(opts.Dir, "genesis.json")
	if _, err := os.Stat(path); err == nil {
		g, err := node.ReadGenesis(path)
		if err != nil {
			return nil, err
		}
		set, err := execution.GenesisValidators(g)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if set.Size() != len(net.Addresses) {
			return nil, fmt.Errorf("%w: %s has %d validator(s), asked for %d: run with --private.validators %d "+
				"(or delete %s to start the private chain over: the records stored on it are lost; Vault's data stays)",
				errValidatorsChanged, path, set.Size(), len(net.Addresses), set.Size(), opts.Dir)
		}
		for _, a := range net.Addresses {
			if !set.Contains(a) {
				return nil, fmt.Errorf("%w: validator %s is not in %s", errValidatorsChanged, a, path)
			}
		}
		return g, nil
	}
	million := new(big.Int).Mul(big.NewInt(1_000_000), big.NewInt(params.Ether))
	alloc := make(map[common.Address]*big.Int, len(opts.Accounts)+len(net.Writers))
	for _, a := range opts.Accounts {
		alloc[a.Address] = million
	}
	for _, w := range net.Writers {
		alloc[w] = million
	}
	g, err := private.ChainGenesis(execution.GenesisSpec{Validators: net.Addresses, Alloc: alloc, Time: uint64(time.Now().Unix())})
	if err != nil {
		return nil, err
	}
	return g, node.WriteGenesis(path, g)
}

// privateContracts deploys SensitiveStore on the first run (the same
// package call as `sovereign deploy private`) and checks it on later runs.
func privateContracts(ctx context.Context, dir, vaultDir string, net *PrivateNet, owner *ecdsa.PrivateKey) (*deploy.Private, error) {
	path := filepath.Join(dir, "contracts.json")
	client, err := ethclient.DialContext(ctx, net.Validators[0].HTTPEndpoint())
	if err != nil {
		return nil, fmt.Errorf("devnet private chain RPC: %w", err)
	}
	defer client.Close()
	if b, err := os.ReadFile(path); err == nil {
		var p deploy.Private
		if err := json.Unmarshal(b, &p); err != nil {
			return nil, fmt.Errorf("reading %s: %w", path, err)
		}
		code, err := client.CodeAt(ctx, p.Store, nil)
		if err != nil {
			return nil, fmt.Errorf("devnet private chain: reading SensitiveStore code at %s: %w", p.Store, err)
		}
		if len(code) == 0 {
			// Blocks are written crash-safely (README, "Crash safety"):
			// a kill -9 cannot cause this, and a restart cannot repair it.
			head, _ := client.BlockNumber(ctx)
			return nil, fmt.Errorf("devnet private chain: no SensitiveStore code at %s, which %s records as deployed, "+
				"at block %d of the private chain in %s: its chain data lost blocks (restored from an older copy, or "+
				"a folder made before crash-safe storage that was killed); a restart cannot bring them back. "+
				"Restore the folder from a backup to keep the records, or delete %s to start the private chain over "+
				"(its records are lost; Vault's data in %s stays). Do not delete the whole data folder: Vault's data goes "+
				"with it, and with it every key, validator key and audit log",
				p.Store, path, head, dir, dir, vaultDir)
		}
		return &p, nil
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	if err := waitTxIndexed(ctx, "private chain", net.Validators[0].Node); err != nil {
		return nil, err
	}
	d, err := deploy.New(ctx, client, owner)
	if err != nil {
		return nil, err
	}
	roles := make([]string, 0, len(net.Writers))
	for r := range net.Writers {
		roles = append(roles, r)
	}
	sort.Strings(roles)
	writers := make([]common.Address, len(roles))
	for i, r := range roles {
		writers[i] = net.Writers[r]
	}
	// The security officer rewraps and shreds every department's records;
	// each department's writer acts on its own only.
	p, err := d.DeployPrivate(ctx, writers, []common.Address{net.Writers[naming.SecurityOfficerRole]})
	if err != nil {
		return nil, fmt.Errorf("devnet private chain: %w", err)
	}
	b, _ := json.MarshalIndent(p, "", "  ")
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return nil, fmt.Errorf("writing %s: %w", path, err)
	}
	return p, nil
}

// waitTxIndexed waits until a fresh node's transaction indexer has caught
// up with the first block: until then geth answers receipt queries with
// "transaction indexing is in progress", which the deployer would take for
// a failure.
func waitTxIndexed(ctx context.Context, chain string, n *node.Node) error {
	for !n.Eth.BlockChain().TxIndexDone() {
		select {
		case <-ctx.Done():
			return fmt.Errorf("devnet %s: transaction index not ready: %w", chain, ctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
	return nil
}

// WritePrivateSummary prints the Vault and private-chain part of the devnet summary.
func WritePrivateSummary(w io.Writer, v *VaultNet, p *PrivateNet) {
	fmt.Fprintf(w, "\nVault (HashiCorp Vault %s, raft storage in %s)\n", vaultserver.Version, v.Dir)
	fmt.Fprintf(w, "  address  %s  (unsealed)\n", v.Server.Addr)
	fmt.Fprintf(w, "  DEV ONLY unseal key and root token: %s\n", v.UnsealFile())
	fmt.Fprintf(w, "  DEV ONLY AppRole credentials (%s): %s\n", strings.Join(v.CLIRoles(), ", "), v.CredentialsDir)
	fmt.Fprintf(w, "  audit log %s\n", v.AuditLog)
	fmt.Fprintf(w, "\nPrivate chain (QBFT, chain id %d, 1 s blocks, validator keys from Vault KV, RPC on loopback only)\n", p.Genesis.Config.ChainID)
	for i, n := range p.Validators {
		fmt.Fprintf(w, "  %s %s  http %s  ws %s  (key: vault validator-keys/%s)\n", p.Names[i], p.Addresses[i].Hex(), n.HTTPEndpoint(), n.WSEndpoint(), p.Names[i])
	}
	fmt.Fprintf(w, "  SensitiveStore %s\n", p.Contracts.Store.Hex())
	if p.BlobsDir != "" {
		fmt.Fprintf(w, "  ciphertext blobs %s  (--blobs of submit and keys)\n", p.BlobsDir)
	}
	roles := make([]string, 0, len(p.Writers))
	for r := range p.Writers {
		roles = append(roles, r)
	}
	sort.Strings(roles)
	for _, r := range roles {
		fmt.Fprintf(w, "  writer %-16s %s  (key: vault validator-keys/%s)\n", r, p.Writers[r].Hex(), naming.WriterKey(r))
	}
}
