package bridgetest

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/rawdb"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/rlp"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/ethereum/go-ethereum/trie"
	"github.com/ethereum/go-ethereum/triedb"

	"github.com/sovereign-gov/sovereign/bindings/dataregistry"
	"github.com/sovereign-gov/sovereign/bindings/releasebridge"
	"github.com/sovereign-gov/sovereign/bindings/reviewboard"
	"github.com/sovereign-gov/sovereign/bindings/validatorset"
	"github.com/sovereign-gov/sovereign/contracts/predeploy"
	"github.com/sovereign-gov/sovereign/sidechains/qbft"
)

// acceptAllVerifier stands in for the generated Groth16 verifier on the
// consortium: runtime code STOP answers every verifyProof call without
// reverting. This test is about the bridge, not the proof.
var acceptAllVerifier = common.HexToAddress("0x00000000000000000000000000000000000c1a55")

type actor struct {
	key  *ecdsa.PrivateKey
	addr common.Address
}

func newActor(t *testing.T) actor {
	t.Helper()
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return actor{k, crypto.PubkeyToAddress(k.PublicKey)}
}

func funded(as ...actor) types.GenesisAlloc {
	alloc := types.GenesisAlloc{}
	for _, a := range as {
		alloc[a.addr] = types.Account{Balance: new(big.Int).Mul(big.NewInt(1e18), big.NewInt(1000))}
	}
	return alloc
}

// chain is one real geth node (ethclient/simulated) with blocks committed on demand.
type chain struct {
	t       *testing.T
	sim     *simulated.Backend
	client  simulated.Client
	chainID *big.Int
}

func newChain(t *testing.T, alloc types.GenesisAlloc) *chain {
	t.Helper()
	sim := simulated.NewBackend(alloc)
	t.Cleanup(func() { sim.Close() })
	id, err := sim.Client().ChainID(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return &chain{t: t, sim: sim, client: sim.Client(), chainID: id}
}

// send signs calldata to `to` (nil: deploy), mines a block and returns the successful receipt.
func (c *chain) send(from actor, to *common.Address, data []byte) *types.Receipt {
	c.t.Helper()
	opts := bind.NewKeyedTransactor(from.key, c.chainID)
	var tx *types.Transaction
	var err error
	if to == nil {
		_, tx, err = bind.DeployContract(opts, data, c.client, nil)
	} else {
		tx, err = bind.Transact(bind.NewBoundContract(*to, reviewboard.NewReviewBoard().GetABI(), c.client, c.client, c.client), opts, data)
	}
	if err != nil {
		c.t.Fatalf("send: %v", err)
	}
	if c.sim != nil {
		c.sim.Commit()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	rc, err := bind.WaitMined(ctx, c.client, tx.Hash())
	if err != nil {
		c.t.Fatalf("wait mined: %v", err)
	}
	if rc.Status != types.ReceiptStatusSuccessful {
		c.t.Fatalf("transaction %s failed (gas used %d)", tx.Hash(), rc.GasUsed)
	}
	return rc
}

func (c *chain) deploy(from actor, bin string, args []byte) common.Address {
	c.t.Helper()
	rc := c.send(from, nil, append(common.FromHex(bin), args...))
	return rc.ContractAddress
}

// call runs calldata as eth_call from `from` and returns the revert data, if any.
func (c *chain) call(from actor, to common.Address, data []byte) ([]byte, error) {
	_, err := c.client.CallContract(context.Background(), ethereumCall(from.addr, to, data), nil)
	if err == nil {
		return nil, nil
	}
	var de rpc.DataError
	if errors.As(err, &de) {
		if s, ok := de.ErrorData().(string); ok {
			raw, derr := hexutil.Decode(s)
			if derr == nil {
				return raw, err
			}
		}
	}
	return nil, err
}

// proofWriter collects trie.Prove's nodes in the order written: root first.
type proofWriter struct{ nodes [][]byte }

func (w *proofWriter) Put(_ []byte, value []byte) error {
	w.nodes = append(w.nodes, common.CopyBytes(value))
	return nil
}
func (w *proofWriter) Delete([]byte) error { return nil }

// receiptProof rebuilds the block's receipt trie with go-ethereum's trie,
// checks its root against the header, and proves receipt `index`.
func receiptProof(t *testing.T, receipts types.Receipts, root common.Hash, index uint) [][]byte {
	t.Helper()
	tr := trie.NewEmpty(triedb.NewDatabase(rawdb.NewMemoryDatabase(), nil))
	for i, r := range receipts {
		enc, err := r.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		key, _ := rlp.EncodeToBytes(uint(i))
		if err := tr.Update(key, enc); err != nil {
			t.Fatal(err)
		}
	}
	if got := tr.Hash(); got != root {
		t.Fatalf("rebuilt receipt trie root %s != header receiptsRoot %s", got, root)
	}
	key, _ := rlp.EncodeToBytes(index)
	w := new(proofWriter)
	if err := tr.Prove(key, w); err != nil {
		t.Fatal(err)
	}
	return w.nodes
}

type fixture struct {
	consortium, public *chain
	validators         []actor
	department, relay  actor
	reviewBoard        common.Address
	registry, bridge   common.Address
	cert               releasebridge.IReleaseBridgeCertificate
	header             []byte
	proofs             []releasebridge.IReleaseBridgeLogProof
	recordID           common.Hash
	submission         reviewboard.IReviewBoardSubmission
}

// setup runs the consortium side for real: ValidatorSet in genesis,
// ReviewBoard deployed, a submission approved by three of four validators;
// then takes the Decision's block header and receipt proof from the node and
// seals the block with the validators' Go keys (sidechains/qbft seal format).
func setup(t *testing.T) *fixture {
	f := &fixture{department: newActor(t), relay: newActor(t)}
	var vals []common.Address
	for i := 0; i < 4; i++ {
		f.validators = append(f.validators, newActor(t))
		vals = append(vals, f.validators[i].addr)
	}
	vsAcc, err := predeploy.ValidatorSetAccount(vals)
	if err != nil {
		t.Fatal(err)
	}
	alloc := funded(append(f.validators, f.department)...)
	alloc[predeploy.ValidatorSetAddress] = vsAcc
	alloc[acceptAllVerifier] = types.Account{Code: []byte{0x00}, Balance: new(big.Int)}
	f.consortium = newChain(t, alloc)

	rb := reviewboard.NewReviewBoard()
	f.reviewBoard = f.consortium.deploy(f.department, reviewboard.ReviewBoardMetaData.Bin,
		rb.PackConstructor(predeploy.ValidatorSetAddress, acceptAllVerifier, big.NewInt(0x5555)))

	sub := reviewboard.IReviewBoardSubmission{
		DatasetId:    crypto.Keccak256Hash([]byte("dataset: hospital waiting times")),
		Version:      1,
		Level:        0,
		Threshold:    0,
		Commitment:   new(big.Int).SetBytes(crypto.Keccak256([]byte("commitment"))[:31]),
		ReleasedRoot: new(big.Int).SetBytes(crypto.Keccak256([]byte("released root"))[:31]),
		ContentHash:  crypto.Keccak256Hash([]byte("content")),
	}
	f.submission = sub
	f.consortium.send(f.department, &f.reviewBoard, rb.PackSubmit(sub, []byte("proof bytes")))
	f.recordID = crypto.Keccak256Hash(common.LeftPadBytes(sub.DatasetId[:], 32), common.LeftPadBytes([]byte{1}, 32))

	var decision *types.Receipt
	for i := 0; i < 3; i++ {
		decision = f.consortium.send(f.validators[i], &f.reviewBoard, rb.PackVote(f.recordID, true, fmt.Sprintf("checked by validator %d", i)))
	}
	f.cert, f.header, f.proofs = f.certifiedLog(t, decision, f.reviewBoard, rb.GetABI().Events["Decision"].ID, f.validators[:3])

	return f
}

// deployPublic puts registry + bridge (tracking the same four validators) on
// the public chain and wires them; deployer must be funded there.
func (f *fixture) deployPublic(t *testing.T, public *chain, deployer actor) {
	t.Helper()
	f.public = public
	vals := make([]common.Address, len(f.validators))
	for i, v := range f.validators {
		vals[i] = v.addr
	}
	f.department = deployer
	dr := dataregistry.NewDataRegistry()
	f.registry = f.public.deploy(f.department, dataregistry.DataRegistryMetaData.Bin,
		dr.PackConstructor(f.department.addr, f.department.addr, big.NewInt(0x5555)))
	f.bridge = f.public.deploy(f.department, releasebridge.ReleaseBridgeMetaData.Bin,
		releasebridge.NewReleaseBridge().PackConstructor(f.registry, f.consortium.chainID, f.reviewBoard, predeploy.ValidatorSetAddress, vals))
	f.public.send(f.department, &f.registry, dr.PackSetBridge(f.bridge))
}

// certifiedLog takes the block of rc from the consortium node: its header
// (checked to be a Prague header hashing to the block hash), a go-ethereum
// trie proof of rc among all the block's receipts, the index of the log of
// `emitter` with topic0, and a certificate sealed by `signers`.
func (f *fixture) certifiedLog(t *testing.T, rc *types.Receipt, emitter common.Address, topic0 common.Hash, signers []actor) (
	releasebridge.IReleaseBridgeCertificate, []byte, []releasebridge.IReleaseBridgeLogProof) {
	t.Helper()
	logIndex := -1
	for i, l := range rc.Logs {
		if l.Address == emitter && l.Topics[0] == topic0 {
			logIndex = i
		}
	}
	if logIndex < 0 {
		t.Fatalf("receipt %s has no log %s from %s", rc.TxHash, topic0, emitter)
	}
	ctx := context.Background()
	hdr, err := f.consortium.client.HeaderByHash(ctx, rc.BlockHash)
	if err != nil {
		t.Fatal(err)
	}
	if hdr.Hash() != rc.BlockHash {
		t.Fatalf("header from RPC hashes to %s, block is %s", hdr.Hash(), rc.BlockHash)
	}
	if hdr.RequestsHash == nil || hdr.ParentBeaconRoot == nil {
		t.Fatalf("expected a Prague header (requestsHash, parentBeaconRoot set), got %+v", hdr)
	}
	header, err := rlp.EncodeToBytes(hdr)
	if err != nil {
		t.Fatal(err)
	}
	blk, err := f.consortium.client.BlockByHash(ctx, rc.BlockHash)
	if err != nil {
		t.Fatal(err)
	}
	var receipts types.Receipts
	for _, tx := range blk.Transactions() {
		r, err := f.consortium.client.TransactionReceipt(ctx, tx.Hash())
		if err != nil {
			t.Fatal(err)
		}
		receipts = append(receipts, r)
	}
	proofs := []releasebridge.IReleaseBridgeLogProof{{
		ReceiptIndex: big.NewInt(int64(rc.TransactionIndex)),
		Nodes:        receiptProof(t, receipts, hdr.ReceiptHash, rc.TransactionIndex),
		LogIndex:     big.NewInt(int64(logIndex)),
	}}
	cert := releasebridge.IReleaseBridgeCertificate{Number: hdr.Number.Uint64(), BlockHash: rc.BlockHash}
	for _, v := range signers {
		cert.Seals = append(cert.Seals, sealBy(t, v, f.consortium.chainID, cert))
	}
	return cert, header, proofs
}

func sealBy(t *testing.T, v actor, chainID *big.Int, c releasebridge.IReleaseBridgeCertificate) []byte {
	t.Helper()
	s, err := qbft.SignSeal(qbft.NewKeySigner(v.key), chainID, c.Number, c.Round, c.BlockHash)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func cloneCert(c releasebridge.IReleaseBridgeCertificate) releasebridge.IReleaseBridgeCertificate {
	out := c
	out.Seals = make([][]byte, len(c.Seals))
	for i, s := range c.Seals {
		out.Seals[i] = common.CopyBytes(s)
	}
	return out
}

// revertName is the custom error a relay reverts with, or "" if it would succeed.
func (f *fixture) revertName(t *testing.T, cert releasebridge.IReleaseBridgeCertificate, header []byte, proofs []releasebridge.IReleaseBridgeLogProof) string {
	t.Helper()
	b := releasebridge.NewReleaseBridge()
	raw, err := f.public.call(f.relay, f.bridge, b.PackRelay(cert, header, proofs))
	if err == nil {
		return ""
	}
	if len(raw) < 4 {
		t.Fatalf("relay failed without revert data: %v", err)
	}
	e, uerr := b.UnpackError(raw)
	if uerr != nil {
		t.Fatalf("relay reverted with unknown data %x: %v", raw, uerr)
	}
	name := fmt.Sprintf("%T", e)
	return strings.TrimPrefix(name, "*releasebridge.ReleaseBridge")
}

func TestReleaseBridgeOnRealNodes(t *testing.T) {
	f := setup(t)
	f.deployPublic(t, newChain(t, funded(f.department, f.relay)), f.department)
	b := releasebridge.NewReleaseBridge()

	t.Run("rejects one seal missing", func(t *testing.T) {
		c := cloneCert(f.cert)
		c.Seals = c.Seals[:2]
		if got := f.revertName(t, c, f.header, f.proofs); got != "NotEnoughSeals" {
			t.Fatalf("revert = %q, want NotEnoughSeals", got)
		}
	})
	t.Run("rejects one header byte changed", func(t *testing.T) {
		h := common.CopyBytes(f.header)
		h[len(h)-1] ^= 0x01
		if got := f.revertName(t, f.cert, h, f.proofs); got != "HeaderHashMismatch" {
			t.Fatalf("revert = %q, want HeaderHashMismatch", got)
		}
	})
	t.Run("rejects one proof byte changed", func(t *testing.T) {
		p := []releasebridge.IReleaseBridgeLogProof{{ReceiptIndex: f.proofs[0].ReceiptIndex, LogIndex: f.proofs[0].LogIndex}}
		for _, n := range f.proofs[0].Nodes {
			p[0].Nodes = append(p[0].Nodes, common.CopyBytes(n))
		}
		last := p[0].Nodes[len(p[0].Nodes)-1]
		last[len(last)-50] ^= 0x01
		if got := f.revertName(t, f.cert, f.header, p); got != "ProofHashMismatch" {
			t.Fatalf("revert = %q, want ProofHashMismatch", got)
		}
	})
	t.Run("rejects one seal byte changed", func(t *testing.T) {
		c := cloneCert(f.cert)
		c.Seals[1][10] ^= 0x01
		if got := f.revertName(t, c, f.header, f.proofs); got != "SealNotValidator" && got != "BadSignature" {
			t.Fatalf("revert = %q, want SealNotValidator or BadSignature", got)
		}
	})
	t.Run("rejects a seal from a non-validator", func(t *testing.T) {
		c := cloneCert(f.cert)
		c.Seals[2] = sealBy(t, newActor(t), f.consortium.chainID, c)
		if got := f.revertName(t, c, f.header, f.proofs); got != "SealNotValidator" {
			t.Fatalf("revert = %q, want SealNotValidator", got)
		}
	})
	t.Run("rejects a seal for another chain id", func(t *testing.T) {
		c := cloneCert(f.cert)
		c.Seals[0] = sealBy(t, f.validators[0], big.NewInt(1), c)
		if got := f.revertName(t, c, f.header, f.proofs); got != "SealNotValidator" {
			t.Fatalf("revert = %q, want SealNotValidator", got)
		}
	})

	t.Run("accepts the real certificate and publishes", func(t *testing.T) {
		if got := f.revertName(t, f.cert, f.header, f.proofs); got != "" {
			t.Fatalf("valid relay reverts with %s", got)
		}
		rc := f.public.send(f.relay, &f.bridge, relayCalldata(f))
		t.Logf("relay of one release: %d gas, header %d bytes, %d proof nodes", rc.GasUsed, len(f.header), len(f.proofs[0].Nodes))
		dr := dataregistry.NewDataRegistry()
		inst := dr.Instance(f.public.client, f.registry)
		rec, err := bind.Call(inst, nil, dr.PackGetRecord(f.recordID), dr.UnpackGetRecord)
		if err != nil {
			t.Fatalf("getRecord after relay: %v", err)
		}
		// storage keeps the hash of the released values; the values are in
		// the Published event, which a reader checks against that hash
		sub := f.submission
		want := crypto.Keccak256Hash(common.LeftPadBytes(sub.Commitment.Bytes(), 32),
			common.LeftPadBytes(sub.ReleasedRoot.Bytes(), 32), sub.ContentHash[:])
		if rec.Version != 1 || rec.ValuesHash != want {
			t.Fatalf("published record = %+v, want valuesHash %x", rec, want)
		}
		var published *dataregistry.DataRegistryPublished
		for _, l := range rc.Logs {
			if ev, err := dr.UnpackPublishedEvent(l); err == nil && l.Address == f.registry {
				published = ev
			}
		}
		if published == nil {
			t.Fatal("relay receipt has no Published event")
		}
		if published.Commitment.Cmp(sub.Commitment) != 0 || published.ReleasedRoot.Cmp(sub.ReleasedRoot) != 0 ||
			published.ContentHash != sub.ContentHash || published.RecordId != f.recordID {
			t.Fatalf("Published event = %+v, want the submission's values %+v", published, sub)
		}
		onChain, err := bind.Call(inst, nil, dr.PackHashValues(published.Commitment, published.ReleasedRoot, published.ContentHash), dr.UnpackHashValues)
		if err != nil || onChain != rec.ValuesHash {
			t.Fatalf("hashValues(event values) = %x, %v; want the stored %x", onChain, err, rec.ValuesHash)
		}
	})
	t.Run("rejects the same relay twice", func(t *testing.T) {
		if got := f.revertName(t, f.cert, f.header, f.proofs); got != "AlreadyRelayed" {
			t.Fatalf("revert = %q, want AlreadyRelayed", got)
		}
	})
	t.Run("records a checkpoint of the certified block", func(t *testing.T) {
		f.public.send(f.relay, &f.bridge, b.PackCheckpoint(f.cert, f.header))
		inst := b.Instance(f.public.client, f.bridge)
		cp, err := bind.Call(inst, nil, b.PackLatestCheckpoint(), b.UnpackLatestCheckpoint)
		if err != nil || cp.Number != f.cert.Number || cp.BlockHash != f.cert.BlockHash {
			t.Fatalf("latestCheckpoint = %+v, %v; want block %d %x", cp, err, f.cert.Number, f.cert.BlockHash)
		}
	})
	t.Run("follows a validator added on the consortium", func(t *testing.T) {
		newcomer := newActor(t)
		vs := validatorset.NewValidatorSet()
		vsAddr := predeploy.ValidatorSetAddress
		var added *types.Receipt
		for i := 0; i < 3; i++ {
			added = f.consortium.send(f.validators[i], &vsAddr, vs.PackPropose(newcomer.addr, true))
		}
		cert, header, proofs := f.certifiedLog(t, added, vsAddr, vs.GetABI().Events["ValidatorAdded"].ID, f.validators[1:4])
		f.public.send(f.relay, &f.bridge, b.PackRelay(cert, header, proofs))
		inst := b.Instance(f.public.client, f.bridge)
		ok, err := bind.Call(inst, nil, b.PackIsValidator(newcomer.addr), b.UnpackIsValidator)
		if err != nil || !ok {
			t.Fatalf("bridge.isValidator(newcomer) = %v, %v; want true", ok, err)
		}
		q, err := bind.Call(inst, nil, b.PackQuorum(), b.UnpackQuorum)
		if err != nil || q.Int64() != 4 {
			t.Fatalf("bridge.quorum() = %v, %v; want 4 of 5", q, err)
		}
		// A later block is sealed by the new set: three old seals are below
		// the new quorum, three old plus the newcomer's are accepted.
		later := f.consortium.send(f.validators[0], &f.reviewBoard, reviewboard.NewReviewBoard().PackAnchorAudit(crypto.Keccak256Hash([]byte("audit")), 0, 9))
		hdr, err := f.consortium.client.HeaderByHash(context.Background(), later.BlockHash)
		if err != nil {
			t.Fatal(err)
		}
		enc, _ := rlp.EncodeToBytes(hdr)
		c := releasebridge.IReleaseBridgeCertificate{Number: hdr.Number.Uint64(), BlockHash: later.BlockHash}
		for _, v := range f.validators[:3] {
			c.Seals = append(c.Seals, sealBy(t, v, f.consortium.chainID, c))
		}
		raw, err := f.public.call(f.relay, f.bridge, b.PackCheckpoint(c, enc))
		if err == nil {
			t.Fatal("checkpoint with 3 of 5 seals accepted")
		}
		if e, _ := b.UnpackError(raw); fmt.Sprintf("%T", e) != "*releasebridge.ReleaseBridgeNotEnoughSeals" {
			t.Fatalf("checkpoint with 3 of 5 seals: %T %v, want NotEnoughSeals", e, err)
		}
		c.Seals = append(c.Seals, sealBy(t, newcomer, f.consortium.chainID, c))
		f.public.send(f.relay, &f.bridge, b.PackCheckpoint(c, enc))
	})
}

func ethereumCall(from, to common.Address, data []byte) ethereum.CallMsg {
	return ethereum.CallMsg{From: from, To: &to, Data: data}
}

func relayCalldata(f *fixture) []byte {
	return releasebridge.NewReleaseBridge().PackRelay(f.cert, f.header, f.proofs)
}
