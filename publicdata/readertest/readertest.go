// Package readertest is a public chain for the reader's tests: a real
// DataRegistry (on go-ethereum's simulated backend) whose bridge is the
// test's key, so the test publishes directly; stand-in contracts for the
// ReleaseBridge and the ReviewBoard that emit whatever events the test
// gives them (the reader only reads their logs); a stand-in verifier that
// accepts exactly the calls the test picks; and a content store.
package readertest

import (
	"context"
	"crypto/ecdsa"
	"crypto/sha256"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	gethnode "github.com/ethereum/go-ethereum/node"

	"github.com/sovereign-gov/sovereign/bindings/dataregistry"
	"github.com/sovereign-gov/sovereign/bindings/reviewboard"
	"github.com/sovereign-gov/sovereign/contentstore"
	"github.com/sovereign-gov/sovereign/publicdata"
	"github.com/sovereign-gov/sovereign/record"
)

// emitterCode emits any log: calldata is [n][topic 0..n-1][data…] with n 3
// or 4.
var emitterCode = common.FromHex(
	"5f35" + "600414" + "601d57" + // n == 4 → LOG4
		"606035" + "604035" + "602035" + "60803603" + "80" + "60805f37" + "5fa300" + // LOG3
		"5b" + "608035" + "606035" + "604035" + "602035" + "60a03603" + "80" + "60a05f37" + "5fa400") // LOG4

// verifierCode accepts exactly the given calls (STOP) and refuses any
// other (REVERT).
func verifierCode(calls ...[]byte) []byte {
	code := []byte{0x36, 0x5f, 0x5f, 0x37, 0x36, 0x5f, 0x20}
	ok := 7 + 39*len(calls) + 3
	for _, c := range calls {
		code = append(code, 0x80, 0x7f)
		code = append(code, crypto.Keccak256(c)...)
		code = append(code, 0x14, 0x61, byte(ok>>8), byte(ok), 0x57)
	}
	return append(code, 0x5f, 0x5f, 0xfd, 0x5b, 0x00)
}

// Addresses of the stand-ins.
var (
	Bridge      = common.HexToAddress("0x00000000000000000000000000000000000b1d9e")
	ReviewBoard = common.HexToAddress("0x0000000000000000000000000000000000000b0a")
	Verifier    = common.HexToAddress("0x00000000000000000000000000000000000c1a55")
)

var registryABI = dataregistry.NewDataRegistry()

// Chain is the test's public chain (which also plays the consortium).
type Chain struct {
	t        testing.TB
	sim      *simulated.Backend
	Client   simulated.Client
	key      *ecdsa.PrivateKey
	From     common.Address // the registry's bridge, supervisor and security officer
	nonce    uint64
	Registry common.Address
	// Store is the content store: name → the bytes served under it.
	Store   map[string][]byte
	Content string // its URL
	RPC     string // the chain's HTTP JSON-RPC URL (only with New(…, true, …))
}

// New starts a chain with a DataRegistry pinning policy whose verifier
// accepts exactly the calls accept (see VerifyCall); withHTTP also serves
// JSON-RPC over HTTP (Chain.RPC).
func New(t testing.TB, policy *big.Int, withHTTP bool, accept ...[]byte) *Chain {
	t.Helper()
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	from := crypto.PubkeyToAddress(key.PublicKey)
	port := 0
	if withHTTP {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		port = l.Addr().(*net.TCPAddr).Port
		l.Close()
	}
	sim := simulated.NewBackend(types.GenesisAlloc{
		from:        {Balance: new(big.Int).Mul(big.NewInt(1e18), big.NewInt(100))},
		Bridge:      {Code: emitterCode, Balance: new(big.Int)},
		ReviewBoard: {Code: emitterCode, Balance: new(big.Int)},
		Verifier:    {Code: verifierCode(accept...), Balance: new(big.Int)},
	}, func(nc *gethnode.Config, _ *ethconfig.Config) {
		if withHTTP {
			nc.HTTPHost, nc.HTTPPort, nc.HTTPModules = "127.0.0.1", port, []string{"eth"}
		}
	})
	t.Cleanup(func() { sim.Close() })
	c := &Chain{t: t, sim: sim, Client: sim.Client(), key: key, From: from, Store: map[string][]byte{}}
	if withHTTP {
		c.RPC = fmt.Sprintf("http://127.0.0.1:%d", port)
	}
	c.Registry = crypto.CreateAddress(from, c.nonce)
	// the chain's verifier is version 1, pinned and registered
	c.send(nil, append(common.FromHex(dataregistry.DataRegistryMetaData.Bin),
		registryABI.PackConstructor(from, from, policy, crypto.Keccak256Hash(verifierCode(accept...)))...))
	c.send(&c.Registry, registryABI.PackRegisterVerifier(1, Verifier))
	c.send(&c.Registry, registryABI.PackSetBridge(from))
	c.Commit()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, ok := c.Store[strings.TrimPrefix(r.URL.Path, "/")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Write(b)
	}))
	t.Cleanup(srv.Close)
	c.Content = srv.URL
	return c
}

// Reader is a reader of the chain, which also plays the consortium.
func (c *Chain) Reader() *publicdata.Reader {
	return &publicdata.Reader{Public: c.Client, Registry: c.Registry, Bridge: Bridge, Verifier: Verifier,
		Consortium: c.Client, ReviewBoard: ReviewBoard, Content: c.Content, LogRange: 2}
}

func (c *Chain) send(to *common.Address, data []byte) { c.sendGas(to, data, 5_000_000) }

func (c *Chain) sendGas(to *common.Address, data []byte, gas uint64) {
	c.t.Helper()
	id, err := c.Client.ChainID(context.Background())
	if err != nil {
		c.t.Fatal(err)
	}
	tx := types.MustSignNewTx(c.key, types.LatestSignerForChainID(id), &types.DynamicFeeTx{
		ChainID: id, Nonce: c.nonce, To: to, Data: data, Gas: gas,
		GasFeeCap: big.NewInt(100e9), GasTipCap: big.NewInt(1e9),
	})
	if err := c.Client.SendTransaction(context.Background(), tx); err != nil {
		c.t.Fatal(err)
	}
	c.nonce++
}

// Commit seals the sent transactions and checks none failed.
func (c *Chain) Commit() {
	c.t.Helper()
	// The pool promotes sent transactions in the background: seal only once
	// every one is pending, so transactions meant for one block share it.
	for i := 0; ; i++ {
		n, err := c.Client.PendingNonceAt(context.Background(), c.From)
		if err != nil {
			c.t.Fatal(err)
		}
		if n == c.nonce {
			break
		}
		if i == 500 {
			c.t.Fatalf("sent transactions up to nonce %d, the pool has %d pending", c.nonce, n)
		}
		time.Sleep(10 * time.Millisecond)
	}
	h := c.sim.Commit()
	blk, err := c.Client.BlockByHash(context.Background(), h)
	if err != nil {
		c.t.Fatal(err)
	}
	for _, tx := range blk.Transactions() {
		rc, err := c.Client.TransactionReceipt(context.Background(), tx.Hash())
		if err != nil {
			c.t.Fatal(err)
		}
		if rc.Status != types.ReceiptStatusSuccessful {
			c.t.Fatalf("transaction %s failed", tx.Hash())
		}
	}
}

// Emit sends a transaction that makes the stand-in at emits a log.
func (c *Chain) Emit(at common.Address, topics []common.Hash, data []byte) {
	c.t.Helper()
	call := Word(len(topics))
	for _, t := range topics {
		call = append(call, t[:]...)
	}
	c.send(&at, append(call, data...))
}

// Word is v ABI-encoded as one word (uint64, int, bool, *big.Int, common.Hash).
func Word(v any) []byte {
	switch x := v.(type) {
	case uint64:
		return common.LeftPadBytes(new(big.Int).SetUint64(x).Bytes(), 32)
	case int:
		return common.LeftPadBytes(big.NewInt(int64(x)).Bytes(), 32)
	case bool:
		if x {
			return Word(1)
		}
		return Word(0)
	case *big.Int:
		return common.LeftPadBytes(x.Bytes(), 32)
	case common.Hash:
		return x[:]
	}
	panic(fmt.Sprintf("readertest.Word(%T)", v))
}

// Concat joins byte slices.
func Concat(parts ...[]byte) []byte {
	var out []byte
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func u64topic(v uint64) common.Hash { return common.BytesToHash(Word(v)) }

// Publish publishes r from the registry's bridge (the test key) and, in
// the same block, has the bridge emit Relayed for it from consortium block
// certifiedAt (0: no Relayed). It returns the record id.
func (c *Chain) Publish(r dataregistry.IDataRegistryRelease, certifiedAt uint64) common.Hash {
	c.t.Helper()
	c.send(&c.Registry, registryABI.PackPublish(r))
	id := publicdata.RecordID(r.DatasetId, r.Version)
	if certifiedAt != 0 {
		c.Emit(Bridge, []common.Hash{publicdata.RelayedTopic, u64topic(certifiedAt), crypto.Keccak256Hash(Word(certifiedAt))},
			Concat(Word(3), Word(1), Word(publicdata.LogKindRelease), Word(id)))
	}
	c.Commit()
	return id
}

// Freeze freezes a record (the test key is the supervisor).
func (c *Chain) Freeze(id common.Hash, reason string) {
	c.send(&c.Registry, registryABI.PackFreeze(id, reason))
	c.Commit()
}

// boardEvents are the ReviewBoard's events: the stand-in emits their exact encoding.
var boardEvents = reviewboard.NewReviewBoard().GetABI().Events

// Decide has the ReviewBoard emit a Decision for r (commit to seal it).
func (c *Chain) Decide(r dataregistry.IDataRegistryRelease, approved bool) {
	data, err := boardEvents["Decision"].Inputs.NonIndexed().Pack(r.Department, r.Version, r.Level, r.Threshold,
		r.Commitment, r.ReleasedRoot, r.ContentHash, r.Supersedes, approved, r.VerifierVersion)
	if err != nil {
		panic(err)
	}
	c.Emit(ReviewBoard, []common.Hash{publicdata.DecisionTopic, publicdata.RecordID(r.DatasetId, r.Version), r.DatasetId}, data)
}

// Submitted has the ReviewBoard emit a Submitted carrying proof (commit to seal it).
func (c *Chain) Submitted(r dataregistry.IDataRegistryRelease, proof []byte) {
	data, err := boardEvents["Submitted"].Inputs.NonIndexed().Pack(r.Department, r.Version, proof)
	if err != nil {
		panic(err)
	}
	c.Emit(ReviewBoard, []common.Hash{publicdata.SubmittedTopic, publicdata.RecordID(r.DatasetId, r.Version), r.DatasetId, common.BytesToHash(c.From[:])}, data)
}

// Refuse has the bridge emit ReleaseRefused for r with PublishOutcome
// reason (commit to seal it).
func (c *Chain) Refuse(r dataregistry.IDataRegistryRelease, reason uint8, retryable bool) {
	c.Emit(Bridge, []common.Hash{publicdata.ReleaseRefusedTopic, publicdata.RecordID(r.DatasetId, r.Version), u64topic(2)},
		Concat(Word(common.Hash{2}), Word(0), Word(3), Word(int(reason)), Word(retryable)))
}

// Put serves view from the content store under its sha256.
func (c *Chain) Put(view []byte) { c.Store[contentstore.Name(view)] = view }

// Release is a release of view: its content hash and released root are view's.
func Release(t testing.TB, dataset string, version uint64, level uint8, supersedes uint64, view []byte, commitment int64) dataregistry.IDataRegistryRelease {
	t.Helper()
	root, err := publicdata.ViewRoot(view)
	if err != nil {
		t.Fatal(err)
	}
	return dataregistry.IDataRegistryRelease{DatasetId: crypto.Keccak256Hash([]byte(dataset)), Version: version, Level: level,
		Commitment: big.NewInt(commitment), ReleasedRoot: root, ContentHash: sha256.Sum256(view), Supersedes: supersedes, VerifierVersion: 1}
}

// ProofBytes are 256 made-up proof bytes.
func ProofBytes(seed byte) []byte {
	p := make([]byte, 256)
	for i := range p {
		p[i] = seed + byte(i)
	}
	return p
}

// Inputs are r's public inputs under policy, the binding computed from r's
// dataset id, version and content hash.
func Inputs(r dataregistry.IDataRegistryRelease, policy *big.Int) [record.NumPublicInputs]*big.Int {
	return publicdata.Inputs(r.DatasetId, r.Version, r.Level, r.Threshold, policy, r.Commitment, r.ReleasedRoot, r.ContentHash)
}

// VerifyCall is the verifier call that checks proof for inputs: pass it to
// New for the verifier to accept it.
func VerifyCall(t testing.TB, proof []byte, inputs [record.NumPublicInputs]*big.Int) []byte {
	t.Helper()
	data, err := publicdata.VerifierCall(proof, inputs)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// Fork makes block parent the head, as a reorganisation does: the blocks
// after it leave the chain (their transactions are not sent again) and the
// next Commit builds on parent.
func (c *Chain) Fork(parent common.Hash) {
	c.t.Helper()
	if err := c.sim.Fork(parent); err != nil {
		c.t.Fatalf("fork at %s: %v", parent, err)
	}
	// the pool takes the dropped blocks' transactions back in the
	// background: drop them until none comes back
	ctx := context.Background()
	for stable := 0; stable < 5; {
		c.sim.Rollback()
		time.Sleep(10 * time.Millisecond)
		n, err := c.Client.NonceAt(ctx, c.From, nil)
		if err != nil {
			c.t.Fatal(err)
		}
		p, err := c.Client.PendingNonceAt(ctx, c.From)
		if err != nil {
			c.t.Fatal(err)
		}
		if c.nonce = n; p == n {
			stable++
		} else {
			stable = 0
		}
	}
}

// Head is the hash of the head block.
func (c *Chain) Head() common.Hash {
	c.t.Helper()
	h, err := c.Client.HeaderByNumber(context.Background(), nil)
	if err != nil {
		c.t.Fatal(err)
	}
	return h.Hash()
}

// Shred records a dataset's shred receipt (the test key is the bridge).
func (c *Chain) Shred(datasetID, receipt common.Hash) {
	c.send(&c.Registry, registryABI.PackRecordShred(datasetID, receipt))
	c.Commit()
}

// DeployVerifier deploys a verifier accepting exactly the calls accept
// (see New) and returns its address.
func (c *Chain) DeployVerifier(accept ...[]byte) common.Address {
	c.t.Helper()
	code := verifierCode(accept...)
	// PUSH2 len, DUP1, PUSH1 10, PUSH0, CODECOPY, PUSH0, RETURN: returns
	// the runtime that follows these 10 bytes
	initCode := []byte{0x61, byte(len(code) >> 8), byte(len(code)), 0x80, 0x60, 10, 0x5f, 0x39, 0x5f, 0xf3}
	at := crypto.CreateAddress(c.From, c.nonce)
	c.send(nil, append(initCode, code...))
	c.Commit()
	return at
}

// VerifierCodeHash is the code hash of DeployVerifier(accept...)'s contract.
func VerifierCodeHash(accept ...[]byte) common.Hash {
	return crypto.Keccak256Hash(verifierCode(accept...))
}

// AnnounceVerifier announces a verifier version's code hash (the test key is the bridge).
func (c *Chain) AnnounceVerifier(version uint32, code common.Hash) {
	c.send(&c.Registry, registryABI.PackAnnounceVerifier(version, code))
	c.Commit()
}

// RegisterVerifier registers the contract at as verifier version.
func (c *Chain) RegisterVerifier(version uint32, at common.Address) {
	c.send(&c.Registry, registryABI.PackRegisterVerifier(version, at))
	c.Commit()
}

// RequestAccess asks for access to a record from the test key.
func (c *Chain) RequestAccess(id common.Hash, purpose string) {
	c.send(&c.Registry, registryABI.PackRequestAccess(id, purpose))
	c.Commit()
}

// ResolveAccess answers an access request as the bridge (the test key).
func (c *Chain) ResolveAccess(request, id common.Hash, granted bool, expiresAt uint64) {
	c.send(&c.Registry, registryABI.PackResolveAccess(request, id, c.From, granted, expiresAt))
	c.Commit()
}

// PublishMany publishes releases from the registry's bridge, perBlock to a
// block (a bench's bulk load; no Relayed events). Keep perBlock × 1.2M gas
// under half the block gas limit, or the base fee climbs block by block.
func (c *Chain) PublishMany(rels []dataregistry.IDataRegistryRelease, perBlock int) {
	c.t.Helper()
	for i, r := range rels {
		c.sendGas(&c.Registry, registryABI.PackPublish(r), 1_200_000)
		if (i+1)%perBlock == 0 || i == len(rels)-1 {
			c.Commit()
		}
	}
}
