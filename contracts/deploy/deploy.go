// Package deploy puts Sovereign's contracts on running chains over JSON-RPC:
// ReviewBoard on the consortium chain (next to the ValidatorSet of its
// genesis), DataRegistry + ReleaseBridge on the public chain (the bridge
// starts with the consortium's current validator set), SensitiveStore on the
// private chain. Each step waits for its receipt and checks the code landed.
// The bridge starts from a Checkpoint read and checked on the consortium
// (ReadCheckpoint): a certified block and the validator set naming it.
package deploy

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/log"

	"github.com/sovereign-gov/sovereign/bindings/dataregistry"
	"github.com/sovereign-gov/sovereign/bindings/releasebridge"
	"github.com/sovereign-gov/sovereign/bindings/reviewboard"
	"github.com/sovereign-gov/sovereign/bindings/sensitivestore"
	"github.com/sovereign-gov/sovereign/bindings/validatorset"
	"github.com/sovereign-gov/sovereign/internal/ethtx"
)

// Backend is what deploying needs from a chain: ethclient.Client and
// go-ethereum's simulated client both satisfy it.
type Backend interface {
	bind.ContractBackend
	bind.DeployBackend
	ChainID(ctx context.Context) (*big.Int, error)
}

var (
	// errNoKey is returned if a Deployer is built without a signing key.
	errNoKey = errors.New("deploy: no signing key")
	// errNoCode is returned if an address that must hold a contract has none.
	errNoCode = errors.New("deploy: no contract code at address")
	// errNoValidators is returned if the consortium's ValidatorSet is empty.
	errNoValidators = errors.New("deploy: consortium ValidatorSet returned no validators")
	// errZeroAddress is returned for a required address left zero.
	errZeroAddress = errors.New("deploy: required address is zero")
)

// Deployer sends deployment transactions to one chain from one key.
type Deployer struct {
	backend Backend
	key     *ecdsa.PrivateKey
	chainID *big.Int
	poll    time.Duration
	log     log.Logger
}

// New reads the chain id and returns a Deployer signing with key.
func New(ctx context.Context, backend Backend, key *ecdsa.PrivateKey) (*Deployer, error) {
	if key == nil {
		return nil, errNoKey
	}
	id, err := backend.ChainID(ctx)
	if err != nil {
		return nil, fmt.Errorf("deploy: reading chain id: %w", err)
	}
	from := crypto.PubkeyToAddress(key.PublicKey)
	return &Deployer{backend: backend, key: key, chainID: id, poll: 200 * time.Millisecond,
		log: log.New("chain", id, "from", from)}, nil
}

// ChainID is the chain the Deployer sends to.
func (d *Deployer) ChainID() *big.Int { return new(big.Int).Set(d.chainID) }

func (d *Deployer) opts(ctx context.Context) *bind.TransactOpts {
	o := bind.NewKeyedTransactor(d.key, d.chainID)
	o.Context = ctx
	return o
}

// wait polls for the receipt of tx and requires success.
func (d *Deployer) wait(ctx context.Context, tx *types.Transaction, what string) (*types.Receipt, error) {
	rc, err := ethtx.Wait{Poll: d.poll}.Success(ctx, d.backend, tx.Hash())
	if err != nil {
		return nil, fmt.Errorf("deploy: %s: %w", what, err)
	}
	return rc, nil
}

func (d *Deployer) deploy(ctx context.Context, name, bin string, args []byte) (common.Address, error) {
	addr, tx, err := bind.DeployContract(d.opts(ctx), common.FromHex(bin), d.backend, args)
	if err != nil {
		return common.Address{}, fmt.Errorf("deploy: sending %s: %w", name, err)
	}
	rc, err := d.wait(ctx, tx, name)
	if err != nil {
		return common.Address{}, err
	}
	if err := d.requireCode(ctx, addr, name); err != nil {
		return common.Address{}, err
	}
	d.log.Info("Deployed contract", "name", name, "address", addr, "gas", rc.GasUsed, "block", rc.BlockNumber)
	return addr, nil
}

func (d *Deployer) transact(ctx context.Context, to common.Address, data []byte, what string) error {
	c := bind.NewBoundContract(to, dataregistry.NewDataRegistry().GetABI(), d.backend, d.backend, d.backend)
	tx, err := bind.Transact(c, d.opts(ctx), data)
	if err != nil {
		return fmt.Errorf("deploy: sending %s: %w", what, err)
	}
	_, err = d.wait(ctx, tx, what)
	return err
}

func (d *Deployer) requireCode(ctx context.Context, addr common.Address, name string) error {
	_, err := CodeHash(ctx, d.backend, addr, name)
	return err
}

// CodeHash is keccak256 of the runtime code at addr (what EXTCODEHASH
// returns), which must not be empty: name says what should be there.
func CodeHash(ctx context.Context, b bind.ContractCaller, addr common.Address, name string) (common.Hash, error) {
	code, err := b.CodeAt(ctx, addr, nil)
	if err != nil {
		return common.Hash{}, fmt.Errorf("deploy: reading code of %s at %s: %w", name, addr, err)
	}
	if len(code) == 0 {
		return common.Hash{}, fmt.Errorf("%w: %s at %s", errNoCode, name, addr)
	}
	return crypto.Keccak256Hash(code), nil
}

// ErrVerifierCodeMismatch is returned when a public chain's verifier is not
// the code the consortium adopted for its version.
var ErrVerifierCodeMismatch = errors.New("deploy: the verifier's code is not the one the consortium adopted")

// AdoptedVerifierCode is the code hash of the verifier ReviewBoard (at
// board) adopted as version (IReviewBoard.verifierAt).
func AdoptedVerifierCode(ctx context.Context, b bind.ContractBackend, board common.Address, version uint32) (common.Hash, error) {
	rb := reviewboard.NewReviewBoard()
	at, err := bind.Call(rb.Instance(b, board), &bind.CallOpts{Context: ctx}, rb.PackVerifierAt(version), rb.UnpackVerifierAt)
	if err != nil {
		return common.Hash{}, fmt.Errorf("deploy: verifierAt(%d) of ReviewBoard %s: %w", version, board, err)
	}
	if at == (common.Address{}) {
		return common.Hash{}, fmt.Errorf("deploy: ReviewBoard %s has no verifier version %d", board, version)
	}
	return CodeHash(ctx, b, at, fmt.Sprintf("verifier version %d", version))
}

// Consortium is what DeployConsortium put on the consortium chain.
type Consortium struct {
	ChainID      *big.Int         `json:"chainId"`
	ValidatorSet common.Address   `json:"validatorSet"`
	Verifier     common.Address   `json:"verifier"`
	ReviewBoard  common.Address   `json:"reviewBoard"`
	Validators   []common.Address `json:"validators"`
	Policy       *big.Int         `json:"policy"`
	// SecurityOfficer records shred receipts on ReviewBoard.
	SecurityOfficer common.Address `json:"securityOfficer"`
	// VerifierCodeHash is the code hash of Verifier, version 1 of ReviewBoard's verifiers.
	VerifierCodeHash common.Hash `json:"verifierCodeHash"`
	// Checkpoint is where the public bridge starts (DeployPublic requires it).
	Checkpoint *Checkpoint `json:"checkpoint,omitempty"`
}

// DeployConsortium deploys ReviewBoard against the ValidatorSet at
// validatorSet (the genesis predeploy) and the classification verifier at
// verifier (generated by the zk package and deployed before), pinning policy,
// with the security officer who records shred receipts.
func (d *Deployer) DeployConsortium(ctx context.Context, validatorSet, verifier common.Address, policy *big.Int, securityOfficer common.Address) (*Consortium, error) {
	if validatorSet == (common.Address{}) || verifier == (common.Address{}) || securityOfficer == (common.Address{}) {
		return nil, fmt.Errorf("%w: validator set %s, verifier %s, security officer %s", errZeroAddress, validatorSet, verifier, securityOfficer)
	}
	if err := d.requireCode(ctx, validatorSet, "ValidatorSet"); err != nil {
		return nil, err
	}
	code, err := CodeHash(ctx, d.backend, verifier, "verifier")
	if err != nil {
		return nil, err
	}
	vals, err := Validators(ctx, d.backend, validatorSet)
	if err != nil {
		return nil, err
	}
	rb, err := d.deploy(ctx, "ReviewBoard", reviewboard.ReviewBoardMetaData.Bin,
		reviewboard.NewReviewBoard().PackConstructor(validatorSet, verifier, policy, securityOfficer))
	if err != nil {
		return nil, err
	}
	return &Consortium{ChainID: d.ChainID(), ValidatorSet: validatorSet, Verifier: verifier, ReviewBoard: rb,
		Validators: vals, Policy: new(big.Int).Set(policy), SecurityOfficer: securityOfficer, VerifierCodeHash: code}, nil
}

// Validators reads getValidators() of the ValidatorSet at addr.
func Validators(ctx context.Context, b Backend, addr common.Address) ([]common.Address, error) {
	vs := validatorset.NewValidatorSet()
	vals, err := bind.Call(vs.Instance(b, addr), &bind.CallOpts{Context: ctx}, vs.PackGetValidators(), vs.UnpackGetValidators)
	if err != nil {
		return nil, fmt.Errorf("deploy: getValidators() of %s: %w", addr, err)
	}
	if len(vals) == 0 {
		return nil, errNoValidators
	}
	return vals, nil
}

// Policy reads the policy pinned in the ReviewBoard at addr.
func Policy(ctx context.Context, b Backend, addr common.Address) (*big.Int, error) {
	rb := reviewboard.NewReviewBoard()
	p, err := bind.Call(rb.Instance(b, addr), &bind.CallOpts{Context: ctx}, rb.PackPolicy(), rb.UnpackPolicy)
	if err != nil {
		return nil, fmt.Errorf("deploy: policy() of ReviewBoard %s: %w", addr, err)
	}
	return p, nil
}

// Public is what DeployPublic put on the public chain.
type Public struct {
	ChainID  *big.Int       `json:"chainId"`
	Registry common.Address `json:"dataRegistry"`
	Bridge   common.Address `json:"releaseBridge"`
}

// PublicParams wires the public contracts to the consortium's.
type PublicParams struct {
	Supervisor, SecurityOfficer common.Address
	Consortium                  *Consortium
	// Verifier is the classification verifier on the public chain with the
	// code of the consortium's version 1 (Consortium.VerifierCodeHash): it
	// is registered as version 1, for readers to check releases with.
	Verifier common.Address
}

// DeployPublic deploys DataRegistry (pinning the consortium's policy) and
// ReleaseBridge (starting at the consortium checkpoint: its epoch, block and
// validator set) and wires the registry to the bridge.
func (d *Deployer) DeployPublic(ctx context.Context, p PublicParams) (*Public, error) {
	if p.Supervisor == (common.Address{}) || p.SecurityOfficer == (common.Address{}) {
		return nil, fmt.Errorf("%w: supervisor %s, security officer %s", errZeroAddress, p.Supervisor, p.SecurityOfficer)
	}
	c := p.Consortium
	if c == nil || c.ReviewBoard == (common.Address{}) || c.Checkpoint == nil || len(c.Checkpoint.Validators) == 0 || c.Policy == nil {
		return nil, fmt.Errorf("%w: consortium ReviewBoard, checkpoint and policy are required", errZeroAddress)
	}
	if c.VerifierCodeHash == (common.Hash{}) {
		return nil, fmt.Errorf("%w: the consortium's verifier code hash is required", errZeroAddress)
	}
	code, err := CodeHash(ctx, d.backend, p.Verifier, "the public chain's verifier")
	if err != nil {
		return nil, err
	}
	if code != c.VerifierCodeHash {
		return nil, fmt.Errorf("%w: %s has code %s, the consortium's version 1 %s", ErrVerifierCodeMismatch, p.Verifier, code, c.VerifierCodeHash)
	}
	cp := c.Checkpoint
	dr := dataregistry.NewDataRegistry()
	reg, err := d.deploy(ctx, "DataRegistry", dataregistry.DataRegistryMetaData.Bin,
		dr.PackConstructor(p.Supervisor, p.SecurityOfficer, c.Policy, c.VerifierCodeHash))
	if err != nil {
		return nil, err
	}
	if err := d.transact(ctx, reg, dr.PackRegisterVerifier(1, p.Verifier), "DataRegistry.registerVerifier(1)"); err != nil {
		return nil, err
	}
	br, err := d.deploy(ctx, "ReleaseBridge", releasebridge.ReleaseBridgeMetaData.Bin,
		releasebridge.NewReleaseBridge().PackConstructor(reg, c.ChainID, c.ReviewBoard, c.ValidatorSet, cp.Epoch, cp.Block, cp.Validators))
	if err != nil {
		return nil, err
	}
	if err := d.transact(ctx, reg, dataregistry.NewDataRegistry().PackSetBridge(br), "DataRegistry.setBridge"); err != nil {
		return nil, err
	}
	return &Public{ChainID: d.ChainID(), Registry: reg, Bridge: br}, nil
}

// Private is what DeployPrivate put on the private chain.
type Private struct {
	ChainID *big.Int       `json:"chainId"`
	Store   common.Address `json:"sensitiveStore"`
}

// DeployPrivate deploys SensitiveStore owned by the deploying key, allows
// writers (department tools: each acts on its own records) and officers
// (security officers: rewrap and shred any record).
func (d *Deployer) DeployPrivate(ctx context.Context, writers, officers []common.Address) (*Private, error) {
	ss := sensitivestore.NewSensitiveStore()
	owner := crypto.PubkeyToAddress(d.key.PublicKey)
	store, err := d.deploy(ctx, "SensitiveStore", sensitivestore.SensitiveStoreMetaData.Bin, ss.PackConstructor(owner))
	if err != nil {
		return nil, err
	}
	for _, w := range writers {
		if err := d.transact(ctx, store, ss.PackSetWriter(w, true), "SensitiveStore.setWriter "+w.Hex()); err != nil {
			return nil, err
		}
	}
	for _, o := range officers {
		if err := d.transact(ctx, store, ss.PackSetOfficer(o, true), "SensitiveStore.setOfficer "+o.Hex()); err != nil {
			return nil, err
		}
	}
	return &Private{ChainID: d.ChainID(), Store: store}, nil
}
