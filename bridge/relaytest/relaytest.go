// Package relaytest stands up what relayer tests need over real sockets: a
// QBFT consortium node served over HTTP (eth_*, qbft_*) whose blocks the
// test builds with the node's execution driver and certifies with validator
// keys it holds, a clique public chain node, ReviewBoard on the first and
// DataRegistry + ReleaseBridge on the second (deployed from a checkpoint read
// over RPC), and a JSON-RPC proxy that can go down or tamper with answers.
package relaytest

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/sovereign-gov/sovereign/bindings/dataregistry"
	"github.com/sovereign-gov/sovereign/bindings/reviewboard"
	"github.com/sovereign-gov/sovereign/contracts/deploy"
	"github.com/sovereign-gov/sovereign/contracts/predeploy"
	"github.com/sovereign-gov/sovereign/internal/proctest"
	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/node/public"
	"github.com/sovereign-gov/sovereign/sidechains/qbft"
	"github.com/sovereign-gov/sovereign/sidechains/qbft/execution"
	"github.com/sovereign-gov/sovereign/sidechains/qbft/service"
)

// acceptAllVerifier stands in for the classification verifier on the
// Consortium (runtime code STOP): these tests are about the bridge.
var acceptAllVerifier = common.HexToAddress("0x00000000000000000000000000000000000c1a55")

func NewKey(t *testing.T) *ecdsa.PrivateKey {
	t.Helper()
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func Addr(k *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(k.PublicKey) }

func Ether(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(params.Ether)) }

// Consortium is a QBFT follower node served over HTTP (eth_*, qbft_*) whose
// blocks the test builds with the node's execution driver and certifies with
// the validators' keys it holds: the chain and the RPC are the real ones.
type Consortium struct {
	t       *testing.T
	Node    *service.Node
	Client  *ethclient.Client
	URL     string
	ChainID *big.Int
	Keys    map[common.Address]*ecdsa.PrivateKey
	pending int
}

func NewConsortium(t *testing.T, validators []*ecdsa.PrivateKey, funded []*ecdsa.PrivateKey) *Consortium {
	t.Helper()
	var addrs []common.Address
	keys := map[common.Address]*ecdsa.PrivateKey{}
	for _, v := range validators {
		addrs = append(addrs, Addr(v))
		keys[Addr(v)] = v
	}
	alloc := map[common.Address]*big.Int{}
	for _, k := range funded {
		alloc[Addr(k)] = Ether(1000)
	}
	g, err := execution.NewGenesis(execution.GenesisSpec{ChainID: 4242, Validators: addrs, Alloc: alloc,
		Predeploys: types.GenesisAlloc{acceptAllVerifier: {Code: []byte{0x00}, Balance: new(big.Int)}}})
	if err != nil {
		t.Fatal(err)
	}
	n, err := service.New(service.Config{Node: node.Config{Genesis: g, HTTPHost: "127.0.0.1", HTTPPort: proctest.FreePort(t)},
		Logger: log.New("chain", "consortium")})
	if err != nil {
		t.Fatal(err)
	}
	if err := n.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { n.Close() })
	client, err := ethclient.Dial(n.HTTPEndpoint())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(client.Close)
	return &Consortium{t: t, Node: n, Client: client, URL: n.HTTPEndpoint(), ChainID: g.Config.ChainID, Keys: keys}
}

// Send signs and sends a transaction over HTTP; it is mined by the next seal.
func (c *Consortium) Send(from *ecdsa.PrivateKey, to *common.Address, data []byte) common.Hash {
	c.t.Helper()
	ctx := context.Background()
	nonce, err := c.Client.PendingNonceAt(ctx, Addr(from))
	if err != nil {
		c.t.Fatal(err)
	}
	tx := types.MustSignNewTx(from, types.LatestSignerForChainID(c.ChainID), &types.DynamicFeeTx{
		ChainID: c.ChainID, Nonce: nonce, GasTipCap: big.NewInt(params.GWei), GasFeeCap: big.NewInt(100 * params.GWei),
		Gas: 5_000_000, To: to, Data: data,
	})
	if err := c.Client.SendTransaction(ctx, tx); err != nil {
		c.t.Fatalf("consortium send: %v", err)
	}
	c.pending++
	return tx.Hash()
}

// Seal builds the next block with the pooled transactions and imports it
// with a certificate of the first quorum of its validator set; it checks
// every transaction of it succeeded.
func (c *Consortium) Seal() uint64 {
	t := c.t
	t.Helper()
	d := c.Node.Driver
	proctest.WaitFor(t, 10*time.Second, "consortium pool", func() bool {
		p, _ := c.Node.Eth.TxPool().Stats()
		return p >= c.pending
	})
	c.pending = 0
	h := d.Head() + 1
	value, hash, err := d.BuildValue(h, 0)
	if err != nil {
		t.Fatal(err)
	}
	vals, err := d.Validators(h)
	if err != nil {
		t.Fatal(err)
	}
	cert := &qbft.Certificate{Number: h, Hash: hash}
	for _, a := range vals.List()[:vals.Quorum()] {
		s, err := qbft.SignSeal(qbft.NewKeySigner(c.Keys[a]), c.ChainID, h, 0, hash)
		if err != nil {
			t.Fatal(err)
		}
		cert.Seals = append(cert.Seals, s)
	}
	if err := d.ImportCertified(value, cert); err != nil {
		t.Fatalf("importing consortium block %d: %v", h, err)
	}
	rcs, err := c.Client.BlockReceipts(context.Background(), rpc.BlockNumberOrHashWithHash(hash, false))
	if err != nil {
		t.Fatal(err)
	}
	for _, rc := range rcs {
		if rc.Status != types.ReceiptStatusSuccessful {
			t.Fatalf("consortium tx %s in block %d failed", rc.TxHash, h)
		}
	}
	return h
}

// Public is a clique signer node of the public chain over HTTP.
type Public struct {
	Node   *public.Node
	URL    string
	Client *ethclient.Client
}

func NewPublic(t *testing.T, signer *ecdsa.PrivateKey, funded []*ecdsa.PrivateKey) *Public {
	t.Helper()
	alloc := map[common.Address]*big.Int{}
	for _, k := range funded {
		alloc[Addr(k)] = Ether(1000)
	}
	g, err := node.PublicGenesis(node.PublicSpec{Signers: []common.Address{Addr(signer)}, Alloc: alloc})
	if err != nil {
		t.Fatal(err)
	}
	n, err := public.New(public.Config{Node: node.Config{DataDir: t.TempDir(), Genesis: g,
		HTTPHost: "127.0.0.1", HTTPPort: proctest.FreePort(t)}, Signer: signer, Logger: log.New("chain", "public")})
	if err != nil {
		t.Fatal(err)
	}
	if err := n.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { n.Close() })
	client, err := ethclient.Dial(n.HTTPEndpoint())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(client.Close)
	return &Public{Node: n, URL: n.HTTPEndpoint(), Client: client}
}

// System: a consortium with ReviewBoard and a public chain with the
// registry and the bridge deployed from a checkpoint read over RPC.
type System struct {
	Cons                     *Consortium
	Pub                      *Public
	Validators               []*ecdsa.PrivateKey
	Newcomer, Dept, Deployer *ecdsa.PrivateKey
	Officer                  *ecdsa.PrivateKey // records shred receipts on ReviewBoard
	Relayers                 []*ecdsa.PrivateKey
	ReviewBoard              common.Address
	Deployed                 *deploy.Public
}

func NewSystem(t *testing.T, nRelayers int) *System {
	t.Helper()
	s := &System{Newcomer: NewKey(t), Dept: NewKey(t), Deployer: NewKey(t), Officer: NewKey(t)}
	for range 4 {
		s.Validators = append(s.Validators, NewKey(t))
	}
	for range nRelayers {
		s.Relayers = append(s.Relayers, NewKey(t))
	}
	s.Cons = NewConsortium(t, s.Validators, append([]*ecdsa.PrivateKey{s.Dept, s.Newcomer, s.Officer}, s.Validators...))
	s.Cons.Keys[Addr(s.Newcomer)] = s.Newcomer
	s.Pub = NewPublic(t, NewKey(t), append([]*ecdsa.PrivateKey{s.Deployer}, s.Relayers...))

	rb := reviewboard.NewReviewBoard()
	tx := s.Cons.Send(s.Dept, nil, append(common.FromHex(reviewboard.ReviewBoardMetaData.Bin),
		rb.PackConstructor(predeploy.ValidatorSetAddress, acceptAllVerifier, big.NewInt(0x5555), Addr(s.Officer))...))
	s.Cons.Seal()
	rc, err := s.Cons.Client.TransactionReceipt(context.Background(), tx)
	if err != nil {
		t.Fatal(err)
	}
	s.ReviewBoard = rc.ContractAddress
	// the department submitting in the tests is registered by a quorum (3 of 4)
	for _, v := range s.Validators[:3] {
		s.Cons.Send(v, &s.ReviewBoard, rb.PackVoteDepartment(Addr(s.Dept), deploy.DepartmentID(Department), true, "test department"))
	}
	s.Cons.Seal()

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cp, err := deploy.ReadCheckpoint(ctx, s.Cons.Client, deploy.RPCCertificates{Client: s.Cons.Client.Client()}, predeploy.ValidatorSetAddress)
	if err != nil {
		t.Fatal(err)
	}
	d, err := deploy.New(ctx, s.Pub.Client, s.Deployer)
	if err != nil {
		t.Fatal(err)
	}
	// the public chain's twin of acceptAllVerifier (runtime code STOP), version 1
	pubID, err := s.Pub.Client.ChainID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	opts := bind.NewKeyedTransactor(s.Deployer, pubID)
	opts.Context = ctx
	verifier, vtx, err := bind.DeployContract(opts, common.FromHex("0x6001600c60003960016000f300"), s.Pub.Client, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bind.WaitDeployed(ctx, s.Pub.Client, vtx.Hash()); err != nil {
		t.Fatal(err)
	}
	s.Deployed, err = d.DeployPublic(ctx, deploy.PublicParams{Supervisor: Addr(s.Deployer), SecurityOfficer: Addr(s.Deployer),
		Verifier: verifier,
		Consortium: &deploy.Consortium{ChainID: s.Cons.ChainID, ValidatorSet: predeploy.ValidatorSetAddress,
			ReviewBoard: s.ReviewBoard, Validators: cp.Validators, Policy: big.NewInt(0x5555), Checkpoint: cp,
			VerifierCodeHash: crypto.Keccak256Hash([]byte{0x00})}})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// The department System.Dept is registered as, and the dataset it submits.
const (
	Department = "health"
	Dataset    = "hospital waiting times"
)

// DatasetID is the id of Dataset of Department.
var DatasetID common.Hash = deploy.DatasetID(Department, Dataset)

func RecordID(version uint64) common.Hash { return deploy.RecordID(DatasetID, version) }

// submission is what every Submit* puts to review for version v.
func submission(v uint64) reviewboard.IReviewBoardSubmission {
	return reviewboard.IReviewBoardSubmission{
		Department:   deploy.DepartmentID(Department),
		Dataset:      deploy.DatasetKey(Dataset),
		DatasetId:    DatasetID,
		Version:      v,
		Commitment:   new(big.Int).SetBytes(crypto.Keccak256([]byte("commitment"), []byte{byte(v)})[:31]),
		ReleasedRoot: new(big.Int).SetBytes(crypto.Keccak256([]byte("released root"), []byte{byte(v)})[:31]),
		ContentHash:  crypto.Keccak256Hash([]byte("content"), []byte{byte(v)}),
	}
}

// Submit puts versions to review (mined by the next seal).
func (s *System) Submit(versions ...uint64) {
	rb := reviewboard.NewReviewBoard()
	for _, v := range versions {
		s.Cons.Send(s.Dept, &s.ReviewBoard, rb.PackSubmit(submission(v), []byte("proof bytes")))
	}
}

// SubmitConditional puts version v to review as conditional data (level 1,
// released on an approved access request).
func (s *System) SubmitConditional(v uint64) {
	rb := reviewboard.NewReviewBoard()
	sub := submission(v)
	sub.Level, sub.Threshold = 1, 1
	s.Cons.Send(s.Dept, &s.ReviewBoard, rb.PackSubmit(sub, []byte("proof bytes")))
}

// PublicTransact sends calldata to a public contract from key and waits for
// its successful receipt.
func (s *System) PublicTransact(t *testing.T, key *ecdsa.PrivateKey, to common.Address, data []byte) *types.Receipt {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	chainID, err := s.Pub.Client.ChainID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	opts := bind.NewKeyedTransactor(key, chainID)
	opts.Context = ctx
	tx, err := bind.Transact(bind.NewBoundContract(to, dataregistry.NewDataRegistry().GetABI(), s.Pub.Client, s.Pub.Client, s.Pub.Client), opts, data)
	if err != nil {
		t.Fatal(err)
	}
	rc, err := bind.WaitMined(ctx, s.Pub.Client, tx.Hash())
	if err != nil || rc.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("public transaction: %v %+v", err, rc)
	}
	return rc
}

// SubmitCorrection puts version v, correcting version supersedes, to review.
func (s *System) SubmitCorrection(v, supersedes uint64) {
	rb := reviewboard.NewReviewBoard()
	sub := submission(v)
	sub.Supersedes = supersedes
	s.Cons.Send(s.Dept, &s.ReviewBoard, rb.PackSubmit(sub, []byte("proof bytes")))
}

// Freeze has the supervisor (the deployer here) freeze a published record.
func (s *System) Freeze(t *testing.T, id common.Hash) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	chainID, err := s.Pub.Client.ChainID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	opts := bind.NewKeyedTransactor(s.Deployer, chainID)
	opts.Context = ctx
	dr := dataregistry.NewDataRegistry()
	tx, err := bind.Transact(dr.Instance(s.Pub.Client, s.Deployed.Registry), opts, dr.PackFreeze(id, "under review by the supervisor"))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := bind.WaitMined(ctx, s.Pub.Client, tx.Hash())
	if err != nil || rc.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("freeze: %v %+v", err, rc)
	}
}

// Vote sends votes on version v from voters (mined by the next seal).
func (s *System) Vote(v uint64, approve bool, voters ...*ecdsa.PrivateKey) {
	rb := reviewboard.NewReviewBoard()
	for i, k := range voters {
		s.Cons.Send(k, &s.ReviewBoard, rb.PackVote(RecordID(v), approve, fmt.Sprintf("voter %d", i)))
	}
}

// Proxy forwards JSON-RPC to target; tamper may rewrite the result of a
// method; down makes it answer 503.
type Proxy struct {
	target string
	mu     sync.Mutex
	Tamper map[string]func(json.RawMessage) json.RawMessage
	// After, when set, is called with each method once its answer is back
	// (before it is passed on).
	After func(method string)
	down  bool
	Srv   *httptest.Server
}

func NewProxy(t *testing.T, target string) *Proxy {
	p := &Proxy{target: target, Tamper: map[string]func(json.RawMessage) json.RawMessage{}}
	p.Srv = httptest.NewServer(http.HandlerFunc(p.serve))
	t.Cleanup(p.Srv.Close)
	return p
}

// SetDown makes the proxy answer 503 (true) or forward again (false).
func (p *Proxy) SetDown(b bool) { p.mu.Lock(); p.down = b; p.mu.Unlock() }

// SetAfter sets After.
func (p *Proxy) SetAfter(f func(method string)) { p.mu.Lock(); p.After = f; p.mu.Unlock() }

func (p *Proxy) serve(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	down := p.down
	p.mu.Unlock()
	if down {
		http.Error(w, "down", http.StatusServiceUnavailable)
		return
	}
	body, _ := io.ReadAll(r.Body)
	var req struct {
		Method string `json:"method"`
	}
	_ = json.Unmarshal(body, &req)
	resp, err := http.Post(p.target, "application/json", bytes.NewReader(body))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	p.mu.Lock()
	f, after := p.Tamper[req.Method], p.After
	p.mu.Unlock()
	if after != nil {
		after(req.Method)
	}
	if f != nil {
		var msg map[string]json.RawMessage
		if json.Unmarshal(out, &msg) == nil && msg["result"] != nil {
			msg["result"] = f(msg["result"])
			out, _ = json.Marshal(msg)
		}
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(out)
}

// WaitPublished waits until the registry holds record id.
func WaitPublished(t *testing.T, client *ethclient.Client, registry common.Address, id common.Hash) {
	t.Helper()
	dr := dataregistry.NewDataRegistry()
	proctest.WaitFor(t, 20*time.Second, "record "+id.Hex()+" published", func() bool {
		_, err := bind.Call(dr.Instance(client, registry), nil, dr.PackGetRecord(id), dr.UnpackGetRecord)
		return err == nil
	})
}
