package devnet

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/sovereign-gov/sovereign/contracts/deploy"
	"github.com/sovereign-gov/sovereign/contracts/predeploy"
	"github.com/sovereign-gov/sovereign/examples"
	"github.com/sovereign-gov/sovereign/record"
)

// Roles of the development accounts on the devnet (indexes into
// DevAccounts; every one is funded on the three chains).
const (
	// DeployerAccount deploys every contract on the three chains (and funds
	// the security officer's Vault-held key on the consortium).
	DeployerAccount = 0
	// RelayerAccount is the key of the relayer the devnet runs.
	RelayerAccount = 2
)

// MinAccounts is the fewest development accounts the roles above need
// (departments sign with their Vault-held keys, not development accounts).
const MinAccounts = 3

// SystemSteps is the number of progress steps DeploySystem reports.
const SystemSteps = 5

// PolicyFile is the devnet's policy in its data folder: examples/policy.json,
// copied on the first run, and pinned in ReviewBoard and DataRegistry.
const PolicyFile = "policy.json"

// errTooFewAccounts is returned when --accounts leaves a devnet role without an account.
var errTooFewAccounts = fmt.Errorf("devnet: at least %d development accounts are needed (deployer, supervisor, relayer)", MinAccounts)

// SystemOptions are the running chains DeploySystem deploys to.
type SystemOptions struct {
	Dir        string // the devnet's data folder: the policy and the manifest are there
	Public     *PublicNet
	Consortium *ConsortiumNet
	Private    *PrivateNet
	Officer    common.Address // the security officer (its Vault-held writer key)
	Supervisor common.Address // DataRegistry's supervisor (its Vault-held key)
	// Departments are the departments to register on ReviewBoard, each
	// with its Vault-held writer key's address (Departments of the Vault).
	Departments []deploy.Department
	Content     string // content store URL
	Vault       string // Vault address
	// Step, if set, is called when a step starts; the function it returns
	// when the step is done, with its result.
	Step func(what string) (done func(result string))
}

// Departments are the devnet's departments, each with the address of its
// Vault-held writer key: the key that writes its records on the private
// chain and signs its submissions on the consortium.
func (v *VaultNet) Departments(ctx context.Context) ([]deploy.Department, error) {
	var out []deploy.Department
	for _, name := range DevDepartments() {
		a, err := v.DepartmentAccount(ctx, name)
		if err != nil {
			return nil, err
		}
		out = append(out, deploy.Department{Name: name, Account: a})
	}
	return out, nil
}

// DeploySystem deploys, on the first run, what the three chains need beyond
// SensitiveStore: on the consortium the dev classification verifier
// (INSECURE keys) and ReviewBoard pinning the devnet's policy, with the
// departments registered; on the public chain the dev verifier,
// DataRegistry and ReleaseBridge (from a certified consortium checkpoint).
// Only when all is deployed does it write the manifest (<Dir>/sovereign.json):
// a crash before leaves no manifest, and the next run deploys afresh. On
// later runs it reads the manifest, checks the code is still at its
// addresses and deploys nothing; the manifest is rewritten with the
// current endpoints.
func DeploySystem(ctx context.Context, o SystemOptions) (*deploy.Manifest, error) {
	accounts := o.Public.Accounts
	if len(accounts) < MinAccounts {
		return nil, fmt.Errorf("%w, got %d (--accounts)", errTooFewAccounts, len(accounts))
	}
	step := o.Step
	if step == nil {
		step = func(string) func(string) { return func(string) {} }
	}
	policy, err := devPolicy(o.Dir)
	if err != nil {
		return nil, err
	}
	m := &deploy.Manifest{Content: o.Content, Vault: o.Vault}
	m.Consortium.RPC = append(m.Consortium.RPC, o.Consortium.RPC...)
	m.Public.RPC = []string{o.Public.SignerRPC, o.Public.Follower.HTTPEndpoint()}
	for _, v := range o.Private.Validators {
		m.Private.RPC = append(m.Private.RPC, v.HTTPEndpoint())
	}
	m.Private.Private = o.Private.Contracts
	if m.Private.Blobs, err = filepath.Abs(o.Private.BlobsDir); err != nil {
		return nil, fmt.Errorf("devnet blob folder: %w", err)
	}

	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	cons, err := ethclient.DialContext(ctx, m.Consortium.RPC[0])
	if err != nil {
		return nil, fmt.Errorf("devnet consortium RPC: %w", err)
	}
	defer cons.Close()
	pub, err := ethclient.DialContext(ctx, m.Public.RPC[0])
	if err != nil {
		return nil, fmt.Errorf("devnet public RPC: %w", err)
	}
	defer pub.Close()

	path := filepath.Join(o.Dir, deploy.ManifestFile)
	if _, err := os.Stat(path); err == nil {
		old, err := deploy.LoadManifest(path)
		if err != nil {
			return nil, fmt.Errorf("devnet: %w (delete it to deploy every contract afresh; the old ones stay unused on the chains)", err)
		}
		if err := checkSystem(ctx, old, cons, pub, policy, path, step); err != nil {
			return nil, err
		}
		m.Consortium.Consortium, m.Public.Public, m.Public.Verifier, m.Departments = old.Consortium.Consortium, old.Public.Public, old.Public.Verifier, old.Departments
		return m, m.Save(path)
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("devnet manifest: %w", err)
	}

	if err := waitTxIndexed(ctx, "consortium", o.Consortium.Validators[0].Node); err != nil {
		return nil, err
	}
	if o.Public.Signer != nil {
		if err := waitTxIndexed(ctx, "public chain", o.Public.Signer.Node); err != nil {
			return nil, err
		}
	}
	key := accounts[DeployerAccount].Key
	cd, err := deploy.New(ctx, cons, key)
	if err != nil {
		return nil, err
	}
	done := step("deploying the dev classification verifier on the consortium (INSECURE dev keys)")
	verifier, err := cd.DeployDevVerifier(ctx)
	if err != nil {
		return nil, fmt.Errorf("devnet consortium: %w", err)
	}
	done(verifier.Hex())
	done = step("deploying ReviewBoard on the consortium")
	c, err := cd.DeployConsortium(ctx, predeploy.ValidatorSetAddress, verifier, policy, o.Officer)
	if err != nil {
		return nil, fmt.Errorf("devnet consortium: %w", err)
	}
	done(fmt.Sprintf("%s (policy %#x)", c.ReviewBoard.Hex(), c.Policy))
	done = step("registering the departments on ReviewBoard")
	m.Departments = o.Departments
	if err := registerDepartments(ctx, cons, c.ReviewBoard, o.Consortium.Keys, m.Departments); err != nil {
		return nil, fmt.Errorf("devnet consortium: registering the departments: %w", err)
	}
	done(departmentNames(m.Departments))

	pd, err := deploy.New(ctx, pub, key)
	if err != nil {
		return nil, err
	}
	done = step("deploying the dev classification verifier on the public chain (INSECURE dev keys)")
	if m.Public.Verifier, err = pd.DeployDevVerifier(ctx); err != nil {
		return nil, fmt.Errorf("devnet public chain: %w", err)
	}
	done(m.Public.Verifier.Hex())
	done = step("deploying DataRegistry and ReleaseBridge on the public chain")
	// The bridge starts at the consortium's latest block, checked against
	// its commit certificate and the validator set it names.
	if c.Checkpoint, err = deploy.ReadCheckpoint(ctx, cons, deploy.RPCCertificates{Client: cons.Client()}, predeploy.ValidatorSetAddress); err != nil {
		return nil, fmt.Errorf("devnet: consortium checkpoint: %w", err)
	}
	if m.Public.Public, err = pd.DeployPublic(ctx, deploy.PublicParams{
		Supervisor:      o.Supervisor,
		SecurityOfficer: o.Officer,
		Consortium:      c,
		Verifier:        m.Public.Verifier,
	}); err != nil {
		return nil, fmt.Errorf("devnet public chain: %w", err)
	}
	m.Consortium.Consortium = c
	done(fmt.Sprintf("%s, %s (from consortium block %d)", m.Public.Registry.Hex(), m.Public.Bridge.Hex(), c.Checkpoint.Block))
	return m, m.Save(path)
}

// registerDepartments registers each department's account on ReviewBoard at
// board: every consortium validator votes voteDepartment with its key until
// a quorum has registered it.
func registerDepartments(ctx context.Context, backend deploy.Backend, board common.Address, validatorKeys []*ecdsa.PrivateKey, departments []deploy.Department) error {
	for _, d := range departments {
		if err := deploy.RegisterDepartment(ctx, backend, board, validatorKeys, d.Account, d.Name); err != nil {
			return fmt.Errorf("department %s: %w", d.Name, err)
		}
	}
	return nil
}

func departmentNames(ds []deploy.Department) string {
	names := make([]string, len(ds))
	for i, d := range ds {
		names[i] = d.Name
	}
	return strings.Join(names, ", ")
}

// devPolicy copies examples/policy.json to <dir>/policy.json on the first
// run and returns the policy that file packs to.
func devPolicy(dir string) (*big.Int, error) {
	path := filepath.Join(dir, PolicyFile)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		if err := os.WriteFile(path, examples.Policy, 0o644); err != nil {
			return nil, fmt.Errorf("devnet policy: %w", err)
		}
	}
	pf, err := record.LoadPolicyFile(path)
	if err != nil {
		return nil, fmt.Errorf("devnet: %w", err)
	}
	p, _, err := pf.Policy()
	if err != nil {
		return nil, fmt.Errorf("devnet policy %s: %w", path, err)
	}
	return p.Element(), nil
}

// errLostContract is returned when the manifest names a contract whose code
// is not on its chain.
var errLostContract = errors.New("devnet: a contract of the manifest has no code on its chain")

// checkSystem checks, on a restart, that the manifest's contracts are on
// the running chains, reporting the same steps as a first deployment.
func checkSystem(ctx context.Context, m *deploy.Manifest, cons, pub *ethclient.Client, policy *big.Int, path string, step func(string) func(string)) error {
	for _, c := range []struct {
		name   string
		client *ethclient.Client
		want   *big.Int
	}{{"consortium", cons, m.Consortium.ChainID}, {"public", pub, m.Public.ChainID}} {
		id, err := c.client.ChainID(ctx)
		if err != nil {
			return fmt.Errorf("devnet %s chain id: %w", c.name, err)
		}
		if id.Cmp(c.want) != 0 {
			return fmt.Errorf("devnet: %s records %s chain id %s, the running chain is %s: delete %s to deploy afresh", path, c.name, c.want, id, path)
		}
	}
	has := func(client *ethclient.Client, chain, name string, a common.Address) error {
		code, err := client.CodeAt(ctx, a, nil)
		if err != nil {
			return fmt.Errorf("devnet %s: reading the code of %s at %s: %w", chain, name, a, err)
		}
		if len(code) == 0 {
			return fmt.Errorf("%w: %s at %s on the %s chain, recorded in %s: the chain lost blocks (restored from an older copy?); "+
				"delete %s to deploy every contract afresh", errLostContract, name, a, chain, path, path)
		}
		return nil
	}
	const from = "(from " + deploy.ManifestFile + ")"
	done := step("checking the dev classification verifier on the consortium (INSECURE dev keys)")
	if err := has(cons, "consortium", "ValidatorSet", m.Consortium.ValidatorSet); err != nil {
		return err
	}
	if err := has(cons, "consortium", "the classification verifier", m.Consortium.Verifier); err != nil {
		return err
	}
	done(m.Consortium.Verifier.Hex() + " " + from)
	done = step("checking ReviewBoard on the consortium")
	if err := has(cons, "consortium", "ReviewBoard", m.Consortium.ReviewBoard); err != nil {
		return err
	}
	pinned, err := deploy.Policy(ctx, cons, m.Consortium.ReviewBoard)
	if err != nil {
		return err
	}
	note := ""
	if pinned.Cmp(policy) != 0 {
		note = fmt.Sprintf("; WARNING: %s packs to %#x, not the pinned policy (the pinned one stays)", PolicyFile, policy)
	}
	done(fmt.Sprintf("%s (policy %#x) %s%s", m.Consortium.ReviewBoard.Hex(), pinned, from, note))
	done = step("checking the departments on ReviewBoard")
	done(departmentNames(m.Departments) + " " + from)
	done = step("checking the dev classification verifier on the public chain (INSECURE dev keys)")
	if err := has(pub, "public", "the classification verifier", m.Public.Verifier); err != nil {
		return err
	}
	done(m.Public.Verifier.Hex() + " " + from)
	done = step("checking DataRegistry and ReleaseBridge on the public chain")
	if err := has(pub, "public", "DataRegistry", m.Public.Registry); err != nil {
		return err
	}
	if err := has(pub, "public", "ReleaseBridge", m.Public.Bridge); err != nil {
		return err
	}
	done(fmt.Sprintf("%s, %s %s", m.Public.Registry.Hex(), m.Public.Bridge.Hex(), from))
	return nil
}
