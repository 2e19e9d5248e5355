package bridgetest

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rlp"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/sovereign-gov/sovereign/bindings/dataregistry"
	"github.com/sovereign-gov/sovereign/bindings/releasebridge"
	"github.com/sovereign-gov/sovereign/bindings/reviewboard"
	"github.com/sovereign-gov/sovereign/bindings/validatorset"
	"github.com/sovereign-gov/sovereign/bridge"
	"github.com/sovereign-gov/sovereign/contracts/deploy"
	"github.com/sovereign-gov/sovereign/contracts/predeploy"
	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/sidechains/qbft"
	"github.com/sovereign-gov/sovereign/sidechains/qbft/execution"
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

// chain is one real geth node with blocks committed on demand: the public
// chain on ethclient/simulated, the consortium a QBFT node (newConsortium).
type chain struct {
	t       *testing.T
	sim     *simulated.Backend
	client  simulated.Client
	chainID *big.Int
	// commit seals the next block (nil: the node seals by itself, e.g. anvil)
	commit func()
	onSend func()
}

func newChain(t *testing.T, alloc types.GenesisAlloc) *chain {
	t.Helper()
	sim := simulated.NewBackend(alloc)
	t.Cleanup(func() { sim.Close() })
	id, err := sim.Client().ChainID(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return &chain{t: t, sim: sim, client: sim.Client(), chainID: id, commit: func() { sim.Commit() }}
}

// consortium is a one-node QBFT consortium chain run the way a validator
// runs it: the QBFT genesis (ValidatorSet predeployed with the validators),
// a sovereign node, and the execution driver building every block (header
// extra data = the hash of the set read from the ValidatorSet contract
// before it) and importing it with a commit certificate sealed by a quorum
// of that set's keys, which the test holds.
type consortium struct {
	*chain
	driver *execution.Driver
	eth    *eth.Ethereum
	keys   map[common.Address]actor
	// pending counts transactions sent since the last block
	pending int
}

func newConsortium(t *testing.T, validators []actor, funded []actor, predeploys types.GenesisAlloc) *consortium {
	t.Helper()
	var addrs []common.Address
	keys := map[common.Address]actor{}
	for _, v := range validators {
		addrs = append(addrs, v.addr)
		keys[v.addr] = v
	}
	balances := map[common.Address]*big.Int{}
	for _, a := range funded {
		balances[a.addr] = new(big.Int).Mul(big.NewInt(1e18), big.NewInt(1000))
	}
	g, err := execution.NewGenesis(execution.GenesisSpec{ChainID: 4242, Validators: addrs, Alloc: balances, Predeploys: predeploys})
	if err != nil {
		t.Fatal(err)
	}
	n, err := node.New(node.Config{Genesis: g, GasCeil: g.GasLimit})
	if err != nil {
		t.Fatal(err)
	}
	if err := n.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { n.Close() })
	set, err := execution.GenesisValidators(g)
	if err != nil {
		t.Fatal(err)
	}
	d := execution.New(n.Eth, execution.Config{Self: addrs[0],
		Validators: execution.NewContractValidators(n.Eth.BlockChain(), set), Logger: log.Root()})
	c := &consortium{driver: d, eth: n.Eth, keys: keys}
	c.chain = &chain{t: t, client: ethclient.NewClient(n.Stack.Attach()), chainID: g.Config.ChainID, commit: c.seal}
	c.chain.onSend = func() { c.pending++ }
	return c
}

// seal builds the next block with the pooled transactions and imports it
// with a certificate from the first quorum of its validators.
func (c *consortium) seal() {
	t := c.t
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if pending, _ := c.eth.TxPool().Stats(); pending >= c.pending {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("pool never held the %d sent transactions", c.pending)
		}
		time.Sleep(5 * time.Millisecond)
	}
	c.pending = 0
	h := c.driver.Head() + 1
	value, hash, err := c.driver.BuildValue(h, 0)
	if err != nil {
		t.Fatal(err)
	}
	vals, err := c.driver.Validators(h)
	if err != nil {
		t.Fatal(err)
	}
	cert := &qbft.Certificate{Number: h, Hash: hash}
	for _, a := range vals.List()[:vals.Quorum()] {
		s, err := qbft.SignSeal(qbft.NewKeySigner(c.keys[a].key), c.chainID, h, 0, hash)
		if err != nil {
			t.Fatal(err)
		}
		cert.Seals = append(cert.Seals, s)
	}
	if err := c.driver.ImportCertified(value, cert); err != nil {
		t.Fatalf("importing consortium block %d: %v", h, err)
	}
}

// send signs calldata to `to` (nil: deploy), mines a block and returns the successful receipt.
func (c *chain) send(from actor, to *common.Address, data []byte) *types.Receipt {
	c.t.Helper()
	return c.sendAll(call{from, to, data})[0]
}

// call is one transaction of sendAll: calldata from `from` to `to` (nil: deploy).
type call struct {
	from actor
	to   *common.Address
	data []byte
}

// sendAll sends the calls in order, seals one block holding them all and
// returns their successful receipts.
func (c *chain) sendAll(calls ...call) []*types.Receipt {
	c.t.Helper()
	var txs []*types.Transaction
	for _, k := range calls {
		opts := bind.NewKeyedTransactor(k.from.key, c.chainID)
		opts.GasTipCap = big.NewInt(params.GWei)
		if len(calls) > 1 {
			// estimates run on the state before the block: a later call
			// (the deciding vote) may need more than its estimate
			opts.GasLimit = 3_000_000
		}
		var tx *types.Transaction
		var err error
		if k.to == nil {
			_, tx, err = bind.DeployContract(opts, k.data, c.client, nil)
		} else {
			tx, err = bind.Transact(bind.NewBoundContract(*k.to, reviewboard.NewReviewBoard().GetABI(), c.client, c.client, c.client), opts, k.data)
		}
		if err != nil {
			c.t.Fatalf("send: %v", err)
		}
		if c.onSend != nil {
			c.onSend()
		}
		txs = append(txs, tx)
	}
	if c.commit != nil {
		c.commit()
	}
	var out []*types.Receipt
	for _, tx := range txs {
		out = append(out, c.waitMined(tx))
	}
	return out
}

func (c *chain) waitMined(tx *types.Transaction) *types.Receipt {
	c.t.Helper()
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

// receiptProof proves receipt index among the block's receipts with the
// relayer's proof builder (bridge.ReceiptProof: go-ethereum's trie, root
// checked against the header's).
func receiptProof(t *testing.T, receipts types.Receipts, root common.Hash, index uint) [][]byte {
	t.Helper()
	nodes, err := bridge.ReceiptProof(receipts, root, index)
	if err != nil {
		t.Fatal(err)
	}
	return nodes
}

type fixture struct {
	consortium        *consortium
	public            *chain
	validators        []actor
	newcomer          actor // joins the validators in TestReleaseBridgeOnRealNodes
	department, relay actor
	reviewBoard       common.Address
	registry, bridge  common.Address
	start             *deploy.Checkpoint
	// the Decision of version 1 (block 6, epoch 0), relayable
	cert     releasebridge.IReleaseBridgeCertificate
	header   []byte
	set      releasebridge.IReleaseBridgeEpochSet
	proofs   []releasebridge.IReleaseBridgeLogProof
	recordID common.Hash
	// its submission
	submission reviewboard.IReviewBoardSubmission
}

// setup runs the consortium side for real on a QBFT node: ValidatorSet in
// genesis, ReviewBoard deployed (block 1, the bridge's checkpoint), the
// department registered by three of four validators (block 2), a
// submission (block 3) approved by three of four validators (blocks 4–6,
// the Decision in block 6); each block built by the execution driver and
// certified by its validator set.
func setup(t *testing.T) *fixture {
	f := &fixture{department: newActor(t), relay: newActor(t), newcomer: newActor(t)}
	for i := 0; i < 4; i++ {
		f.validators = append(f.validators, newActor(t))
	}
	f.consortium = newConsortium(t, f.validators, append(slices.Clone(f.validators), f.department, f.newcomer),
		types.GenesisAlloc{acceptAllVerifier: {Code: []byte{0x00}, Balance: new(big.Int)}})

	rb := reviewboard.NewReviewBoard()
	f.reviewBoard = f.consortium.deploy(f.department, reviewboard.ReviewBoardMetaData.Bin,
		rb.PackConstructor(predeploy.ValidatorSetAddress, acceptAllVerifier, big.NewInt(0x5555), f.newcomer.addr))
	var err error
	f.start, err = deploy.CheckpointAt(context.Background(), f.consortium.client, driverCerts{f.consortium.driver},
		predeploy.ValidatorSetAddress, f.consortium.driver.Head())
	if err != nil {
		t.Fatalf("checkpoint: %v", err)
	}
	var votes []call
	for _, v := range f.validators[:3] {
		votes = append(votes, call{v, &f.reviewBoard, rb.PackVoteDepartment(f.department.addr, deploy.DepartmentID(department), true, "test department")})
	}
	f.consortium.sendAll(votes...)

	f.submission = f.submit(t, 1)
	f.recordID = recordID(f.submission.DatasetId, 1)
	var decision *types.Receipt
	for i := 0; i < 3; i++ { // one block each: the Decision's block holds one receipt
		decision = f.consortium.send(f.validators[i], &f.reviewBoard, rb.PackVote(f.recordID, true, fmt.Sprintf("checked by validator %d", i)))
	}
	f.cert, f.header, f.set, f.proofs = f.certifiedLog(t, decision, f.reviewBoard, rb.GetABI().Events["Decision"].ID, nil)
	return f
}

// driverCerts serves the certificates the consortium driver stored.
type driverCerts struct{ d *execution.Driver }

func (c driverCerts) Certificate(_ context.Context, number uint64) (*qbft.Certificate, error) {
	return c.d.Certificate(number)
}

// The department of the fixture's submissions and its dataset.
const (
	department = "health"
	dataset    = "hospital waiting times"
)

var datasetID common.Hash = deploy.DatasetID(department, dataset)

func recordID(ds common.Hash, version uint64) common.Hash { return deploy.RecordID(ds, version) }

// submit puts version v of the dataset to review (one block).
func (f *fixture) submit(t *testing.T, v uint64) reviewboard.IReviewBoardSubmission {
	t.Helper()
	sub := reviewboard.IReviewBoardSubmission{
		Department:   deploy.DepartmentID(department),
		Dataset:      deploy.DatasetKey(dataset),
		DatasetId:    datasetID,
		Version:      v,
		Commitment:   new(big.Int).SetBytes(crypto.Keccak256([]byte("commitment"), []byte{byte(v)})[:31]),
		ReleasedRoot: new(big.Int).SetBytes(crypto.Keccak256([]byte("released root"), []byte{byte(v)})[:31]),
		ContentHash:  crypto.Keccak256Hash([]byte("content"), []byte{byte(v)}),
	}
	f.consortium.send(f.department, &f.reviewBoard, reviewboard.NewReviewBoard().PackSubmit(sub, []byte("proof bytes")))
	return sub
}

// deployPublic puts registry + bridge on the public chain, the bridge
// starting at the consortium checkpoint, and wires them; deployer must be
// funded there.
func (f *fixture) deployPublic(t *testing.T, public *chain, deployer actor) {
	t.Helper()
	f.public = public
	dr := dataregistry.NewDataRegistry()
	f.registry = f.public.deploy(deployer, dataregistry.DataRegistryMetaData.Bin,
		dr.PackConstructor(deployer.addr, deployer.addr, big.NewInt(0x5555), crypto.Keccak256Hash([]byte{0x00}))) // acceptAllVerifier's code
	f.bridge = f.public.deploy(deployer, releasebridge.ReleaseBridgeMetaData.Bin,
		releasebridge.NewReleaseBridge().PackConstructor(f.registry, f.consortium.chainID, f.reviewBoard,
			predeploy.ValidatorSetAddress, f.start.Epoch, f.start.Block, f.start.Validators))
	f.public.send(deployer, &f.registry, dr.PackSetBridge(f.bridge))
}

// certifiedLog takes the block of rc from the consortium node: its header
// (checked to be a Prague header hashing to the block hash, naming its
// validator set), a go-ethereum trie proof of rc among all the block's
// receipts, the index of the log of `emitter` with topic0, the block's
// certificate (the stored one, or sealed by `signers` when given) and the
// epoch set that certified it (the bridge epoch numbers are ValidatorSet's).
func (f *fixture) certifiedLog(t *testing.T, rc *types.Receipt, emitter common.Address, topic0 common.Hash, signers []actor) (
	releasebridge.IReleaseBridgeCertificate, []byte, releasebridge.IReleaseBridgeEpochSet, []releasebridge.IReleaseBridgeLogProof) {
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
	number := hdr.Number.Uint64()
	cert := releasebridge.IReleaseBridgeCertificate{Number: number, BlockHash: rc.BlockHash}
	if signers == nil {
		stored, err := f.consortium.driver.Certificate(number)
		if err != nil {
			t.Fatal(err)
		}
		cert.Round, cert.Seals = stored.Round, stored.Seals
	}
	for _, v := range signers {
		cert.Seals = append(cert.Seals, sealBy(t, v, f.consortium.chainID, cert))
	}
	return cert, header, f.epochSetOf(t, number), proofs
}

// epochSetOf is the bridge's EpochSet for consortium block number: the
// ValidatorSet's epoch and validators in the state before it; the header
// names the same set.
func (f *fixture) epochSetOf(t *testing.T, number uint64) releasebridge.IReleaseBridgeEpochSet {
	t.Helper()
	vs := validatorset.NewValidatorSet()
	inst := vs.Instance(f.consortium.client, predeploy.ValidatorSetAddress)
	before := &bind.CallOpts{BlockNumber: new(big.Int).SetUint64(number - 1)}
	e, err := bind.Call(inst, before, vs.PackEpoch(), vs.UnpackEpoch)
	if err != nil {
		t.Fatal(err)
	}
	vals, err := f.consortium.driver.Validators(number)
	if err != nil {
		t.Fatal(err)
	}
	hdr, err := f.consortium.client.HeaderByNumber(context.Background(), new(big.Int).SetUint64(number))
	if err != nil {
		t.Fatal(err)
	}
	if common.BytesToHash(hdr.Extra) != qbft.ValidatorSetHash(vals) {
		t.Fatalf("block %d extra %x does not name its validator set %s", number, hdr.Extra, qbft.ValidatorSetHash(vals))
	}
	return releasebridge.IReleaseBridgeEpochSet{Epoch: e, Validators: vals.List()}
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
	return f.revertNameSet(t, cert, header, f.set, proofs)
}

func (f *fixture) revertNameSet(t *testing.T, cert releasebridge.IReleaseBridgeCertificate, header []byte, set releasebridge.IReleaseBridgeEpochSet, proofs []releasebridge.IReleaseBridgeLogProof) string {
	t.Helper()
	return f.revertOf(t, releasebridge.NewReleaseBridge().PackRelay(cert, header, set, proofs))
}

func (f *fixture) revertOf(t *testing.T, data []byte) string {
	t.Helper()
	b := releasebridge.NewReleaseBridge()
	raw, err := f.public.call(f.relay, f.bridge, data)
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
	inst := b.Instance(f.public.client, f.bridge)
	if f.start.Block != 1 || f.start.Epoch != 0 || f.set.Epoch != 0 {
		t.Fatalf("checkpoint %+v, decision's epoch %d; want block 1 epoch 0", f.start, f.set.Epoch)
	}

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
	t.Run("rejects a validator list that is not the epoch's", func(t *testing.T) {
		set := f.set
		set.Validators = slices.Clone(set.Validators[:3])
		if got := f.revertNameSet(t, f.cert, f.header, set, f.proofs); got != "ValidatorSetHashMismatch" {
			t.Fatalf("revert = %q, want ValidatorSetHashMismatch", got)
		}
	})

	// A key rotation through the real ValidatorSet contract, in one block:
	// three validators add a newcomer (epoch 1), then three of them and the
	// newcomer remove validator 3 (epoch 2). From the next block on the
	// driver builds headers naming epoch 2's set and certifies them with it.
	newcomer := f.newcomer
	f.consortium.keys[newcomer.addr] = newcomer
	vs := validatorset.NewValidatorSet()
	vsAddr := predeploy.ValidatorSetAddress
	var rotation []call
	for i := 0; i < 3; i++ {
		rotation = append(rotation, call{f.validators[i], &vsAddr, vs.PackPropose(newcomer.addr, true)})
	}
	for _, v := range []actor{f.validators[0], f.validators[1], f.validators[2]} {
		rotation = append(rotation, call{v, &vsAddr, vs.PackPropose(f.validators[3].addr, false)})
	}
	// the newcomer votes as the fourth of five (quorum 4)
	rotation = append(rotation, call{newcomer, &vsAddr, vs.PackPropose(f.validators[3].addr, false)})
	rcs := f.consortium.sendAll(rotation...)
	changed := vs.GetABI().Events["ValidatorSetChanged"].ID
	c1, h1, s1, p1 := f.certifiedLog(t, rcs[2], vsAddr, changed, nil) // epoch 1
	c2, _, _, p2 := f.certifiedLog(t, rcs[6], vsAddr, changed, nil)   // epoch 2, same block
	if c1.Number != c2.Number || s1.Epoch != 0 {
		t.Fatalf("rotation in blocks %d and %d certified by epoch %d; want one block of epoch 0", c1.Number, c2.Number, s1.Epoch)
	}

	// version 2, decided by the new set after the rotation
	f.submit(t, 2)
	rb := reviewboard.NewReviewBoard()
	rid2 := recordID(datasetID, 2)
	votes := f.consortium.sendAll(
		call{f.validators[0], &f.reviewBoard, rb.PackVote(rid2, true, "ok")},
		call{f.validators[1], &f.reviewBoard, rb.PackVote(rid2, true, "ok")},
		call{newcomer, &f.reviewBoard, rb.PackVote(rid2, true, "ok")},
	)
	cV2, hV2, sV2, pV2 := f.certifiedLog(t, votes[2], f.reviewBoard, rb.GetABI().Events["Decision"].ID, nil)
	if sV2.Epoch != 2 || len(sV2.Validators) != 4 || !slices.Contains(sV2.Validators, newcomer.addr) || slices.Contains(sV2.Validators, f.validators[3].addr) {
		t.Fatalf("version 2's block certified by epoch %d %v; want epoch 2 with the newcomer, without validator 3", sV2.Epoch, sV2.Validators)
	}

	t.Run("refuses a block after an unrelayed change, naming it", func(t *testing.T) {
		// claimed with the bridge's only epoch: the header names another set
		if got := f.revertNameSet(t, cV2, hV2, f.set, pV2); got != "HeaderValidatorSetMismatch" {
			t.Fatalf("revert = %q, want HeaderValidatorSetMismatch", got)
		}
		if got := f.revertNameSet(t, cV2, hV2, sV2, pV2); got != "UnknownEpoch" {
			t.Fatalf("revert = %q, want UnknownEpoch", got)
		}
	})
	t.Run("refuses the removal relayed without the addition", func(t *testing.T) {
		if got := f.revertNameSet(t, c2, h1, s1, p2); got != "EpochOutOfOrder" {
			t.Fatalf("revert = %q, want EpochOutOfOrder", got)
		}
	})
	t.Run("follows the rotation relayed in order", func(t *testing.T) {
		both := []releasebridge.IReleaseBridgeLogProof{p1[0], p2[0]}
		f.public.send(f.relay, &f.bridge, b.PackRelay(c1, h1, s1, both))
		latest, err := bind.Call(inst, nil, b.PackLatestEpoch(), b.UnpackLatestEpoch)
		if err != nil || latest != 2 {
			t.Fatalf("latestEpoch = %d, %v; want 2", latest, err)
		}
		ep, err := bind.Call(inst, nil, b.PackEpoch(2), b.UnpackEpoch)
		set2, _ := qbft.NewValidatorSet(sV2.Validators)
		if err != nil || ep.FirstBlock != c1.Number+1 || ep.SetHash != qbft.ValidatorSetHash(set2) {
			t.Fatalf("epoch(2) = %+v, %v; want first block %d, hash %s", ep, err, c1.Number+1, qbft.ValidatorSetHash(set2))
		}
		if got := f.revertNameSet(t, c1, h1, s1, both); got != "AlreadyRelayed" {
			t.Fatalf("replayed rotation: revert = %q, want AlreadyRelayed", got)
		}
	})
	t.Run("refuses old-epoch seals on a new block", func(t *testing.T) {
		c := cloneCert(cV2)
		c.Seals = nil
		for _, v := range f.validators[1:4] { // validator 3 was removed
			c.Seals = append(c.Seals, sealBy(t, v, f.consortium.chainID, c))
		}
		if got := f.revertNameSet(t, c, hV2, sV2, pV2); got != "SealNotValidator" {
			t.Fatalf("revert = %q, want SealNotValidator", got)
		}
	})
	t.Run("publishes version 2, then the older block's version 1", func(t *testing.T) {
		rc := f.public.send(f.relay, &f.bridge, b.PackRelay(cV2, hV2, sV2, pV2))
		t.Logf("relay of version 2 (epoch 2, after the rotation): %d gas (dev-chain rules)", rc.GasUsed)
		// block 6 was certified by epoch 0: still relayable after epochs 1 and 2
		if got := f.revertName(t, f.cert, f.header, f.proofs); got != "" {
			t.Fatalf("old block's relay reverts with %s", got)
		}
		rc = f.public.send(f.relay, &f.bridge, relayCalldata(f))
		t.Logf("relay of one release: %d gas, header %d bytes, %d proof nodes", rc.GasUsed, len(f.header), len(f.proofs[0].Nodes))
		dr := dataregistry.NewDataRegistry()
		reg := dr.Instance(f.public.client, f.registry)
		rec, err := bind.Call(reg, nil, dr.PackGetRecord(f.recordID), dr.UnpackGetRecord)
		if err != nil {
			t.Fatalf("getRecord after relay: %v", err)
		}
		// storage keeps the hash of the released values; the values are in
		// the Published event, which a reader checks against that hash
		sub := f.submission
		want := crypto.Keccak256Hash(common.LeftPadBytes(sub.Commitment.Bytes(), 32),
			common.LeftPadBytes(sub.ReleasedRoot.Bytes(), 32), sub.ContentHash[:], common.LeftPadBytes([]byte{1}, 32)) // verifier version 1
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
			published.ContentHash != sub.ContentHash || published.RecordId != f.recordID ||
			published.Department != deploy.DepartmentID(department) {
			t.Fatalf("Published event = %+v, want the submission's values %+v", published, sub)
		}
		onChain, err := bind.Call(reg, nil, dr.PackHashValues(published.Commitment, published.ReleasedRoot, published.ContentHash, published.VerifierVersion), dr.UnpackHashValues)
		if err != nil || onChain != rec.ValuesHash {
			t.Fatalf("hashValues(event values) = %x, %v; want the stored %x", onChain, err, rec.ValuesHash)
		}
		ds, err := bind.Call(reg, nil, dr.PackDataset(datasetID), dr.UnpackDataset)
		if err != nil || ds.Count != 2 || ds.LatestVersion != 2 {
			t.Fatalf("dataset = %+v, %v; want 2 versions, latest 2", ds, err)
		}
	})
	t.Run("rejects the same relay twice", func(t *testing.T) {
		if got := f.revertName(t, f.cert, f.header, f.proofs); got != "AlreadyRelayed" {
			t.Fatalf("revert = %q, want AlreadyRelayed", got)
		}
	})
	t.Run("records a checkpoint of the certified block", func(t *testing.T) {
		f.public.send(f.relay, &f.bridge, b.PackCheckpoint(cV2, hV2, sV2))
		cp, err := bind.Call(inst, nil, b.PackLatestCheckpoint(), b.UnpackLatestCheckpoint)
		if err != nil || cp.Number != cV2.Number || cp.BlockHash != cV2.BlockHash {
			t.Fatalf("latestCheckpoint = %+v, %v; want block %d %x", cp, err, cV2.Number, cV2.BlockHash)
		}
	})
}

func ethereumCall(from, to common.Address, data []byte) ethereum.CallMsg {
	return ethereum.CallMsg{From: from, To: &to, Data: data}
}

func relayCalldata(f *fixture) []byte {
	return releasebridge.NewReleaseBridge().PackRelay(f.cert, f.header, f.set, f.proofs)
}
