package deploy

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	gethnode "github.com/ethereum/go-ethereum/node"

	"github.com/sovereign-gov/sovereign/bindings/dataregistry"
	"github.com/sovereign-gov/sovereign/bindings/releasebridge"
	"github.com/sovereign-gov/sovereign/bindings/reviewboard"
	"github.com/sovereign-gov/sovereign/bindings/sensitivestore"
	"github.com/sovereign-gov/sovereign/contracts/predeploy"
	"github.com/sovereign-gov/sovereign/sidechains/qbft"
)

// sealingCerts certifies any consortium block with every key, as the
// validators of a QBFT consortium would (the simulated node has no QBFT).
type sealingCerts struct {
	b    Backend
	keys []*ecdsa.PrivateKey
}

func (s sealingCerts) Certificate(ctx context.Context, number uint64) (*qbft.Certificate, error) {
	hdr, err := s.b.HeaderByNumber(ctx, new(big.Int).SetUint64(number))
	if err != nil {
		return nil, err
	}
	id, err := s.b.ChainID(ctx)
	if err != nil {
		return nil, err
	}
	c := &qbft.Certificate{Number: number, Hash: hdr.Hash()}
	for _, k := range s.keys {
		seal, err := qbft.SignSeal(qbft.NewKeySigner(k), id, number, 0, c.Hash)
		if err != nil {
			return nil, err
		}
		c.Seals = append(c.Seals, seal)
	}
	return c, nil
}

// verifierAt is a stand-in verifier account (code STOP): deploying only
// needs code at the verifier's address.
var verifierAt = common.HexToAddress("0x00000000000000000000000000000000000c1a55")

// testOfficer is the security officer pinned in the test ReviewBoards.
var testOfficer = common.HexToAddress("0x0000000000000000000000000000000000000ff1")

func key(t *testing.T) (*ecdsa.PrivateKey, common.Address) {
	t.Helper()
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return k, crypto.PubkeyToAddress(k.PublicKey)
}

// node is a real geth node (ethclient/simulated) that seals a block every
// 20 ms while the test runs, like a chain with a short period.
func node(t *testing.T, alloc types.GenesisAlloc, extra ...byte) simulated.Client {
	t.Helper()
	sim := simulated.NewBackend(alloc, func(_ *gethnode.Config, ec *ethconfig.Config) { ec.Miner.ExtraData = extra })
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		tk := time.NewTicker(20 * time.Millisecond)
		defer tk.Stop()
		for {
			select {
			case <-done:
				return
			case <-tk.C:
				sim.Commit()
			}
		}
	}()
	t.Cleanup(func() { close(done); <-stopped; sim.Close() })
	return sim.Client()
}

// waitBlock waits until the node has sealed block 1.
func waitBlock(t *testing.T, c simulated.Client) {
	t.Helper()
	for i := 0; i < 200; i++ {
		if n, err := c.BlockNumber(context.Background()); err == nil && n >= 1 {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("no block 1")
}

func rich(a common.Address) types.Account {
	return types.Account{Balance: new(big.Int).Mul(big.NewInt(1e18), big.NewInt(100))}
}

func TestDeployAllThreeChains(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	k, from := key(t)
	var vals []common.Address
	var valKeys []*ecdsa.PrivateKey
	for i := 0; i < 4; i++ {
		vk, a := key(t)
		vals = append(vals, a)
		valKeys = append(valKeys, vk)
	}
	vs, err := predeploy.ValidatorSetAccount(vals)
	if err != nil {
		t.Fatal(err)
	}
	set, err := qbft.NewValidatorSet(vals)
	if err != nil {
		t.Fatal(err)
	}
	consortiumAlloc := types.GenesisAlloc{
		from:                          rich(from),
		predeploy.ValidatorSetAddress: vs,
		verifierAt:                    {Code: []byte{0x00}, Balance: new(big.Int)},
	}
	// blocks name their validator set in extra data, as QBFT blocks do
	consortium := node(t, consortiumAlloc, qbft.ValidatorSetHash(set).Bytes()...)
	// the public chain has the consortium's verifier code at one address
	// and other code at another
	otherVerifier := common.HexToAddress("0x00000000000000000000000000000000000c1a56")
	public := node(t, types.GenesisAlloc{from: rich(from), verifierAt: {Code: []byte{0x00}, Balance: new(big.Int)},
		otherVerifier: {Code: []byte{0x5f, 0x00}, Balance: new(big.Int)}})
	private := node(t, types.GenesisAlloc{from: rich(from)})

	cd, err := New(ctx, consortium, k)
	if err != nil {
		t.Fatal(err)
	}
	c, err := cd.DeployConsortium(ctx, predeploy.ValidatorSetAddress, verifierAt, big.NewInt(0x1234), testOfficer)
	if err != nil {
		t.Fatalf("DeployConsortium: %v", err)
	}
	rb := reviewboard.NewReviewBoard()
	policy, err := bind.Call(rb.Instance(consortium, c.ReviewBoard), nil, rb.PackPolicy(), rb.UnpackPolicy)
	if err != nil || policy.Int64() != 0x1234 {
		t.Fatalf("ReviewBoard.policy() = %v, %v; want 0x1234", policy, err)
	}
	if p, err := Policy(ctx, consortium, c.ReviewBoard); err != nil || p.Int64() != 0x1234 {
		t.Fatalf("Policy(ReviewBoard) = %v, %v", p, err)
	}
	if len(c.Validators) != 4 {
		t.Fatalf("consortium validators = %v", c.Validators)
	}

	cp, err := ReadCheckpoint(ctx, consortium, sealingCerts{consortium, valKeys}, predeploy.ValidatorSetAddress)
	if err != nil {
		t.Fatalf("ReadCheckpoint: %v", err)
	}
	if cp.Block == 0 || cp.Epoch != 0 || len(cp.Validators) != 4 || cp.Validators[0] != set.List()[0] {
		t.Fatalf("checkpoint = %+v, want epoch 0 with the 4 sorted validators", cp)
	}
	// refused: a certificate by others, a block that does not name the set
	if _, err := ReadCheckpoint(ctx, consortium, sealingCerts{consortium, valKeys[:2]}, predeploy.ValidatorSetAddress); !errors.Is(err, errBadCheckpoint) {
		t.Fatalf("checkpoint certified by 2 of 4: %v, want errBadCheckpoint", err)
	}
	unnamed := node(t, consortiumAlloc)
	waitBlock(t, unnamed)
	if _, err := ReadCheckpoint(ctx, unnamed, sealingCerts{unnamed, valKeys}, predeploy.ValidatorSetAddress); !errors.Is(err, errBadCheckpoint) {
		t.Fatalf("checkpoint of a block without the set hash: %v, want errBadCheckpoint", err)
	}
	c.Checkpoint = cp

	pd, err := New(ctx, public, k)
	if err != nil {
		t.Fatal(err)
	}
	sup, officer := common.Address{0x51}, common.Address{0x0f}
	if c.VerifierCodeHash != crypto.Keccak256Hash([]byte{0x00}) {
		t.Fatalf("consortium verifier code hash %s", c.VerifierCodeHash)
	}
	if code, err := AdoptedVerifierCode(ctx, consortium, c.ReviewBoard, 1); err != nil || code != c.VerifierCodeHash {
		t.Fatalf("AdoptedVerifierCode(1) = %s, %v; want %s", code, err, c.VerifierCodeHash)
	}
	// a public verifier of other code than the consortium's is refused
	if _, err := pd.DeployPublic(ctx, PublicParams{Supervisor: sup, SecurityOfficer: officer, Consortium: c, Verifier: otherVerifier}); !errors.Is(err, ErrVerifierCodeMismatch) {
		t.Fatalf("DeployPublic with another verifier's code: %v, want ErrVerifierCodeMismatch", err)
	}
	p, err := pd.DeployPublic(ctx, PublicParams{Supervisor: sup, SecurityOfficer: officer, Consortium: c, Verifier: verifierAt})
	if err != nil {
		t.Fatalf("DeployPublic: %v", err)
	}
	if got, err := bind.Call(dataregistry.NewDataRegistry().Instance(public, p.Registry), nil, dataregistry.NewDataRegistry().PackVerifierOf(1),
		dataregistry.NewDataRegistry().UnpackVerifierOf); err != nil || got.CodeHash != c.VerifierCodeHash || got.Verifier != verifierAt {
		t.Fatalf("registry.verifierOf(1) = %+v, %v; want the consortium's code, registered at %s", got, err, verifierAt)
	}
	dr := dataregistry.NewDataRegistry()
	pinned, err := bind.Call(dr.Instance(public, p.Registry), nil, dr.PackPolicy(), dr.UnpackPolicy)
	if err != nil || pinned.Int64() != 0x1234 {
		t.Fatalf("registry.policy() = %v, %v; want the consortium's 0x1234", pinned, err)
	}
	bridge, err := bind.Call(dr.Instance(public, p.Registry), nil, dr.PackBridge(), dr.UnpackBridge)
	if err != nil || bridge != p.Bridge {
		t.Fatalf("registry.bridge() = %s, %v; want %s", bridge, err, p.Bridge)
	}
	rbr := releasebridge.NewReleaseBridge()
	ep, err := bind.Call(rbr.Instance(public, p.Bridge), nil, rbr.PackEpoch(0), rbr.UnpackEpoch)
	if err != nil || ep.FirstBlock != cp.Block || ep.SetHash != qbft.ValidatorSetHash(set) {
		t.Fatalf("bridge.epoch(0) = %+v, %v; want block %d, set hash %s", ep, err, cp.Block, qbft.ValidatorSetHash(set))
	}
	id, err := bind.Call(rbr.Instance(public, p.Bridge), nil, rbr.PackConsortiumChainId(), rbr.UnpackConsortiumChainId)
	if err != nil || id.Cmp(c.ChainID) != 0 {
		t.Fatalf("bridge.consortiumChainId() = %v, %v; want %v", id, err, c.ChainID)
	}

	vd, err := New(ctx, private, k)
	if err != nil {
		t.Fatal(err)
	}
	writer := common.Address{0x77}
	// the public registry's security officer is the private store's officer too
	pr, err := vd.DeployPrivate(ctx, []common.Address{writer}, []common.Address{officer})
	if err != nil {
		t.Fatalf("DeployPrivate: %v", err)
	}
	ss := sensitivestore.NewSensitiveStore()
	if ok, err := bind.Call(ss.Instance(private, pr.Store), nil, ss.PackIsOfficer(officer), ss.UnpackIsOfficer); err != nil || !ok {
		t.Fatalf("isOfficer(%s) = %v, %v", officer, ok, err)
	}
	isWriter, err := bind.Call(ss.Instance(private, pr.Store), nil, ss.PackIsWriter(writer), ss.UnpackIsWriter)
	if err != nil || !isWriter {
		t.Fatalf("store.isWriter(writer) = %v, %v", isWriter, err)
	}
}

func TestDeployErrors(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	k, from := key(t)
	chain := node(t, types.GenesisAlloc{from: rich(from)})
	if _, err := New(ctx, chain, nil); err == nil || !strings.Contains(err.Error(), "no signing key") {
		t.Fatalf("New without key: %v", err)
	}
	d, err := New(ctx, chain, k)
	if err != nil {
		t.Fatal(err)
	}
	_, err = d.DeployConsortium(ctx, predeploy.ValidatorSetAddress, verifierAt, big.NewInt(1), testOfficer)
	if err == nil || !strings.Contains(err.Error(), "no contract code at address: ValidatorSet") && !strings.Contains(err.Error(), "no contract code at address: verifier") {
		t.Fatalf("DeployConsortium without a ValidatorSet: %v", err)
	}
	_, err = d.DeployConsortium(ctx, common.Address{}, verifierAt, big.NewInt(1), testOfficer)
	if err == nil || !strings.Contains(err.Error(), "required address is zero") {
		t.Fatalf("DeployConsortium with zero address: %v", err)
	}
	_, err = d.DeployPublic(ctx, PublicParams{Supervisor: common.Address{1}, SecurityOfficer: common.Address{2}})
	if err == nil || !strings.Contains(err.Error(), "consortium ReviewBoard, checkpoint and policy are required") {
		t.Fatalf("DeployPublic without consortium: %v", err)
	}
	_, err = d.DeployPublic(ctx, PublicParams{Supervisor: common.Address{1}, SecurityOfficer: common.Address{2},
		Consortium: &Consortium{ReviewBoard: common.Address{1}, Validators: []common.Address{{2}}, Policy: big.NewInt(1)}})
	if err == nil || !strings.Contains(err.Error(), "checkpoint") {
		t.Fatalf("DeployPublic without a checkpoint: %v", err)
	}
	_, err = d.DeployPublic(ctx, PublicParams{Consortium: &Consortium{ReviewBoard: common.Address{1}, Validators: []common.Address{{2}}, Policy: big.NewInt(1)}})
	if err == nil || !strings.Contains(err.Error(), "supervisor") {
		t.Fatalf("DeployPublic without supervisor: %v", err)
	}
}
