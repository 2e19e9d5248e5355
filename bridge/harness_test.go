package bridge_test

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

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"

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
// consortium (runtime code STOP): these tests are about the bridge.
var acceptAllVerifier = common.HexToAddress("0x00000000000000000000000000000000000c1a55")

func newKey(t *testing.T) *ecdsa.PrivateKey {
	t.Helper()
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func addr(k *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(k.PublicKey) }

func ether(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(params.Ether)) }

// consortium is a QBFT follower node served over HTTP (eth_*, qbft_*) whose
// blocks the test builds with the node's execution driver and certifies with
// the validators' keys it holds: the chain and the RPC are the real ones.
type consortium struct {
	t       *testing.T
	node    *service.Node
	client  *ethclient.Client
	url     string
	chainID *big.Int
	keys    map[common.Address]*ecdsa.PrivateKey
	pending int
}

func newConsortium(t *testing.T, validators []*ecdsa.PrivateKey, funded []*ecdsa.PrivateKey) *consortium {
	t.Helper()
	var addrs []common.Address
	keys := map[common.Address]*ecdsa.PrivateKey{}
	for _, v := range validators {
		addrs = append(addrs, addr(v))
		keys[addr(v)] = v
	}
	alloc := map[common.Address]*big.Int{}
	for _, k := range funded {
		alloc[addr(k)] = ether(1000)
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
	return &consortium{t: t, node: n, client: client, url: n.HTTPEndpoint(), chainID: g.Config.ChainID, keys: keys}
}

// send signs and sends a transaction over HTTP; it is mined by the next seal.
func (c *consortium) send(from *ecdsa.PrivateKey, to *common.Address, data []byte) common.Hash {
	c.t.Helper()
	ctx := context.Background()
	nonce, err := c.client.PendingNonceAt(ctx, addr(from))
	if err != nil {
		c.t.Fatal(err)
	}
	tx := types.MustSignNewTx(from, types.LatestSignerForChainID(c.chainID), &types.DynamicFeeTx{
		ChainID: c.chainID, Nonce: nonce, GasTipCap: big.NewInt(params.GWei), GasFeeCap: big.NewInt(100 * params.GWei),
		Gas: 5_000_000, To: to, Data: data,
	})
	if err := c.client.SendTransaction(ctx, tx); err != nil {
		c.t.Fatalf("consortium send: %v", err)
	}
	c.pending++
	return tx.Hash()
}

// seal builds the next block with the pooled transactions and imports it
// with a certificate of the first quorum of its validator set; it checks
// every transaction of it succeeded.
func (c *consortium) seal() uint64 {
	t := c.t
	t.Helper()
	d := c.node.Driver
	proctest.WaitFor(t, 10*time.Second, "consortium pool", func() bool {
		p, _ := c.node.Eth.TxPool().Stats()
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
		s, err := qbft.SignSeal(qbft.NewKeySigner(c.keys[a]), c.chainID, h, 0, hash)
		if err != nil {
			t.Fatal(err)
		}
		cert.Seals = append(cert.Seals, s)
	}
	if err := d.ImportCertified(value, cert); err != nil {
		t.Fatalf("importing consortium block %d: %v", h, err)
	}
	rcs, err := c.client.BlockReceipts(context.Background(), rpc.BlockNumberOrHashWithHash(hash, false))
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

// publicChain is a clique signer node of the public chain over HTTP.
type publicChain struct {
	node   *public.Node
	url    string
	client *ethclient.Client
}

func newPublic(t *testing.T, signer *ecdsa.PrivateKey, funded []*ecdsa.PrivateKey) *publicChain {
	t.Helper()
	alloc := map[common.Address]*big.Int{}
	for _, k := range funded {
		alloc[addr(k)] = ether(1000)
	}
	g, err := node.PublicGenesis(node.PublicSpec{Signers: []common.Address{addr(signer)}, Alloc: alloc})
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
	return &publicChain{node: n, url: n.HTTPEndpoint(), client: client}
}

// system: a consortium with ReviewBoard and a public chain with the
// registry and the bridge deployed from a checkpoint read over RPC.
type system struct {
	cons                *consortium
	pub                 *publicChain
	validators          []*ecdsa.PrivateKey
	newcomer, dept, dep *ecdsa.PrivateKey
	relayers            []*ecdsa.PrivateKey
	reviewBoard         common.Address
	deployed            *deploy.Public
}

func newSystem(t *testing.T, nRelayers int) *system {
	t.Helper()
	s := &system{newcomer: newKey(t), dept: newKey(t), dep: newKey(t)}
	for range 4 {
		s.validators = append(s.validators, newKey(t))
	}
	for range nRelayers {
		s.relayers = append(s.relayers, newKey(t))
	}
	s.cons = newConsortium(t, s.validators, append([]*ecdsa.PrivateKey{s.dept, s.newcomer}, s.validators...))
	s.cons.keys[addr(s.newcomer)] = s.newcomer
	s.pub = newPublic(t, newKey(t), append([]*ecdsa.PrivateKey{s.dep}, s.relayers...))

	rb := reviewboard.NewReviewBoard()
	tx := s.cons.send(s.dept, nil, append(common.FromHex(reviewboard.ReviewBoardMetaData.Bin),
		rb.PackConstructor(predeploy.ValidatorSetAddress, acceptAllVerifier, big.NewInt(0x5555))...))
	s.cons.seal()
	rc, err := s.cons.client.TransactionReceipt(context.Background(), tx)
	if err != nil {
		t.Fatal(err)
	}
	s.reviewBoard = rc.ContractAddress

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cp, err := deploy.ReadCheckpoint(ctx, s.cons.client, deploy.RPCCertificates{Client: s.cons.client.Client()}, predeploy.ValidatorSetAddress)
	if err != nil {
		t.Fatal(err)
	}
	d, err := deploy.New(ctx, s.pub.client, s.dep)
	if err != nil {
		t.Fatal(err)
	}
	s.deployed, err = d.DeployPublic(ctx, deploy.PublicParams{Supervisor: addr(s.dep), SecurityOfficer: addr(s.dep),
		Consortium: &deploy.Consortium{ChainID: s.cons.chainID, ValidatorSet: predeploy.ValidatorSetAddress,
			ReviewBoard: s.reviewBoard, Validators: cp.Validators, Policy: big.NewInt(0x5555), Checkpoint: cp}})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

var datasetID = crypto.Keccak256Hash([]byte("dataset: hospital waiting times"))

func recordID(version uint64) common.Hash {
	return crypto.Keccak256Hash(datasetID[:], common.LeftPadBytes(new(big.Int).SetUint64(version).Bytes(), 32))
}

// submit puts versions to review (mined by the next seal).
func (s *system) submit(versions ...uint64) {
	rb := reviewboard.NewReviewBoard()
	for _, v := range versions {
		s.cons.send(s.dept, &s.reviewBoard, rb.PackSubmit(reviewboard.IReviewBoardSubmission{
			DatasetId:    datasetID,
			Version:      v,
			Commitment:   new(big.Int).SetBytes(crypto.Keccak256([]byte("commitment"), []byte{byte(v)})[:31]),
			ReleasedRoot: new(big.Int).SetBytes(crypto.Keccak256([]byte("released root"), []byte{byte(v)})[:31]),
			ContentHash:  crypto.Keccak256Hash([]byte("content"), []byte{byte(v)}),
		}, []byte("proof bytes")))
	}
}

// vote sends votes on version v from voters (mined by the next seal).
func (s *system) vote(v uint64, approve bool, voters ...*ecdsa.PrivateKey) {
	rb := reviewboard.NewReviewBoard()
	for i, k := range voters {
		s.cons.send(k, &s.reviewBoard, rb.PackVote(recordID(v), approve, fmt.Sprintf("voter %d", i)))
	}
}

// proxy forwards JSON-RPC to target; tamper may rewrite the result of a
// method; down makes it answer 503.
type proxy struct {
	target string
	mu     sync.Mutex
	tamper map[string]func(json.RawMessage) json.RawMessage
	down   bool
	srv    *httptest.Server
}

func newProxy(t *testing.T, target string) *proxy {
	p := &proxy{target: target, tamper: map[string]func(json.RawMessage) json.RawMessage{}}
	p.srv = httptest.NewServer(http.HandlerFunc(p.serve))
	t.Cleanup(p.srv.Close)
	return p
}

func (p *proxy) setDown(b bool) { p.mu.Lock(); p.down = b; p.mu.Unlock() }

func (p *proxy) serve(w http.ResponseWriter, r *http.Request) {
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
	f := p.tamper[req.Method]
	p.mu.Unlock()
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
