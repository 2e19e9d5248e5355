package execution

import (
	"crypto/ecdsa"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/rawdb"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/params"

	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/sidechains/qbft"
)

// testDriver runs one in-memory geth node on a one-validator QBFT genesis
// with sender funded, and a driver building as that validator.
func testDriver(t *testing.T, sender common.Address) *Driver {
	t.Helper()
	key, _ := crypto.GenerateKey()
	self := crypto.PubkeyToAddress(key.PublicKey)
	g, err := NewGenesis(GenesisSpec{
		ChainID: 7009, Validators: []common.Address{self},
		Alloc: map[common.Address]*big.Int{sender: new(big.Int).Mul(big.NewInt(1000), big.NewInt(params.Ether))},
	})
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
	vals, err := qbft.NewValidatorSet([]common.Address{self})
	if err != nil {
		t.Fatal(err)
	}
	return New(n.Eth, Config{Self: self, Validators: StaticValidators(vals), Logger: log.Root()})
}

// addTransfers puts count signed transfers from key into the driver's pool.
func addTransfers(t *testing.T, d *Driver, key *ecdsa.PrivateKey, count int) {
	t.Helper()
	signer := types.LatestSignerForChainID(d.ChainID())
	var txs []*types.Transaction
	to := common.HexToAddress("0x1234")
	for i := 0; i < count; i++ {
		txs = append(txs, types.MustSignNewTx(key, signer, &types.DynamicFeeTx{
			ChainID: d.ChainID(), Nonce: uint64(i), GasTipCap: big.NewInt(params.GWei),
			GasFeeCap: big.NewInt(100 * params.GWei), Gas: params.TxGas, To: &to, Value: big.NewInt(1),
		}))
	}
	for _, err := range d.eth.TxPool().Add(txs, true) {
		if err != nil {
			t.Fatal(err)
		}
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		if pending, _ := d.eth.TxPool().Stats(); pending == count {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("pool never held the %d transfers", count)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestVerifyUsesPoolSendersAndRefusesTampering builds block 1 with ten
// pooled transfers, checks that validation takes the pool's transaction
// copies (same hash, sender already recovered), that a valid block is
// inserted without moving the head, and that a block with another state
// root, a dropped transaction or execution requests that do not match the
// header are refused with the execution layer's reason.
func TestVerifyUsesPoolSendersAndRefusesTampering(t *testing.T) {
	key, _ := crypto.GenerateKey()
	d := testDriver(t, crypto.PubkeyToAddress(key.PublicKey))
	addTransfers(t, d, key, 10)

	value, hash, err := d.BuildValue(1, 0)
	if err != nil {
		t.Fatal(err)
	}
	v, err := DecodeValue(value)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(v.Block.Transactions()); got != 10 {
		t.Fatalf("built block holds %d transactions, want 10", got)
	}

	swapped := d.withPoolTxs(v.Block)
	if swapped.Hash() != v.Block.Hash() {
		t.Fatal("swapping in the pool's transactions changed the block hash")
	}
	for i, tx := range swapped.Transactions() {
		if tx != d.eth.TxPool().Get(tx.Hash()) {
			t.Fatalf("transaction %d is not the pool's copy", i)
		}
	}

	bad := func(name string, mutate func(*Value), want string) {
		t.Helper()
		w, _ := DecodeValue(value)
		mutate(w)
		enc, err := w.Encode()
		if err != nil {
			t.Fatal(err)
		}
		_, err = d.VerifyValue(1, d.cfg.Self, false, enc)
		if !errors.Is(err, errPayloadRejected) || !strings.Contains(err.Error(), want) {
			t.Fatalf("%s: got %v, want a refusal mentioning %q", name, err, want)
		}
	}
	bad("other state root", func(w *Value) {
		h := w.Block.Header()
		h.Root = common.HexToHash("0xbad")
		w.Block = types.NewBlockWithHeader(h).WithBody(*w.Block.Body())
	}, "invalid merkle root")
	bad("dropped transaction", func(w *Value) {
		body := *w.Block.Body()
		body.Transactions = body.Transactions[1:]
		w.Block = w.Block.WithBody(body)
	}, "transaction root hash mismatch")
	bad("extra execution request", func(w *Value) {
		w.Requests = append(w.Requests, []byte{0x00, 0x01})
	}, "requests hash")

	got, err := d.VerifyValue(1, d.cfg.Self, false, value)
	if err != nil {
		t.Fatalf("valid block refused: %v", err)
	}
	if got != hash {
		t.Fatalf("verified digest %s, built %s", got, hash)
	}
	if d.Head() != 0 {
		t.Fatalf("validation moved the head to %d; only a commit certificate may", d.Head())
	}
	if !d.eth.BlockChain().HasBlockAndState(hash, 1) {
		t.Fatal("validated block and its state were not stored")
	}
}

// TestProposerMustCreditItself: the next proposer is derived from the fee
// recipient, so a fresh proposal crediting anyone but its author is refused
// (a proposer writing its predecessor's address would stay proposer for
// ever); a reproposal of a block a quorum prepared credits its builder.
func TestProposerMustCreditItself(t *testing.T) {
	key, _ := crypto.GenerateKey()
	d := testDriver(t, crypto.PubkeyToAddress(key.PublicKey))
	value, hash, err := d.BuildValue(1, 0)
	if err != nil {
		t.Fatal(err)
	}
	other := common.HexToAddress("0x00000000000000000000000000000000000000aa")
	if _, err := d.VerifyValue(1, other, false, value); !errors.Is(err, errWrongCoinbase) {
		t.Fatalf("block crediting %s proposed by %s: got %v, want %v", d.cfg.Self, other, err, errWrongCoinbase)
	}
	if got, err := d.VerifyValue(1, other, true, value); err != nil || got != hash {
		t.Fatalf("reproposal of a block its builder credited: %v", err)
	}
	if got, err := d.VerifyValue(1, d.cfg.Self, false, value); err != nil || got != hash {
		t.Fatalf("own block: %v", err)
	}
}

// TestCommitOnlyExtendsTheHead: a decision that arrives after block sync
// moved the head (or for a block of another parent) must not move it.
func TestCommitOnlyExtendsTheHead(t *testing.T) {
	key, _ := crypto.GenerateKey()
	d := testDriver(t, crypto.PubkeyToAddress(key.PublicKey))
	value, hash, err := d.BuildValue(1, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.VerifyValue(1, d.cfg.Self, false, value); err != nil {
		t.Fatal(err)
	}
	// The state machine checked the seals; the driver stores what it gets.
	cert := &qbft.Certificate{Number: 1, Hash: hash, Seals: [][]byte{make([]byte, 65)}}
	if err := d.Commit(value, &qbft.Certificate{Number: 1, Hash: common.HexToHash("0x01"), Seals: cert.Seals}); err == nil {
		t.Fatal("commit with another block's certificate accepted")
	}
	if err := d.Commit(value, cert); err != nil {
		t.Fatalf("commit of the head's child: %v", err)
	}
	if d.Head() != 1 {
		t.Fatalf("head %d after commit, want 1", d.Head())
	}
	if err := d.Commit(value, cert); !errors.Is(err, errNotNext) {
		t.Fatalf("second commit of block 1 on head 1: got %v, want %v", err, errNotNext)
	}
	if d.eth.BlockChain().CurrentBlock().Hash() != hash {
		t.Fatal("head moved")
	}
}

// TestRecoverRestoresTheLastFinalHead: geth writes its head markers without
// syncing, so a crash right after a block became final may lose them while
// the block, its state and its certificate (synced before the head moved)
// are on disk. Recover makes that block head, safe and finalized again.
func TestRecoverRestoresTheLastFinalHead(t *testing.T) {
	key, _ := crypto.GenerateKey()
	self := crypto.PubkeyToAddress(key.PublicKey)
	sender, _ := crypto.GenerateKey()
	g, err := NewGenesis(GenesisSpec{
		ChainID: 7009, Validators: []common.Address{self},
		Alloc: map[common.Address]*big.Int{crypto.PubkeyToAddress(sender.PublicKey): big.NewInt(params.Ether)},
	})
	if err != nil {
		t.Fatal(err)
	}
	vals, err := qbft.NewValidatorSet([]common.Address{self})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	open := func() (*node.Node, *Driver) {
		t.Helper()
		n, err := node.New(node.Config{DataDir: dir, Genesis: g, GasCeil: g.GasLimit})
		if err != nil {
			t.Fatal(err)
		}
		if err := n.Start(); err != nil {
			t.Fatal(err)
		}
		return n, New(n.Eth, Config{Self: self, Validators: StaticValidators(vals), Logger: log.Root()})
	}
	n, d := open()
	addTransfers(t, d, sender, 3)
	value, hash, err := d.BuildValue(1, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.VerifyValue(1, self, false, value); err != nil {
		t.Fatal(err)
	}
	// Commit stores the certificate it is given (consensus verified it).
	if err := d.Commit(value, &qbft.Certificate{Number: 1, Hash: hash, Seals: [][]byte{make([]byte, 65)}}); err != nil {
		t.Fatal(err)
	}
	// The crash: the head markers of block 1 never reached the disk.
	db, genesis := n.Eth.ChainDb(), n.Eth.BlockChain().Genesis().Hash()
	rawdb.WriteHeadHeaderHash(db, genesis)
	rawdb.WriteHeadFastBlockHash(db, genesis)
	rawdb.WriteHeadBlockHash(db, genesis)
	rawdb.WriteFinalizedBlockHash(db, genesis)
	rawdb.DeleteCanonicalHash(db, 1)
	n.Close()

	n, d = open()
	defer n.Close()
	if d.Head() != 0 {
		t.Fatalf("the test did not lose the head markers: head %d", d.Head())
	}
	if err := d.Recover(); err != nil {
		t.Fatal(err)
	}
	bc := n.Eth.BlockChain()
	if d.Head() != 1 || bc.CurrentBlock().Hash() != hash {
		t.Fatalf("head after Recover: %d %s, want 1 %s", d.Head(), bc.CurrentBlock().Hash(), hash)
	}
	if f := bc.CurrentFinalBlock(); f == nil || f.Hash() != hash {
		t.Fatalf("finalized after Recover: %v, want block 1", f)
	}
	if bc.GetCanonicalHash(1) != hash || len(bc.GetBlockByNumber(1).Transactions()) != 3 {
		t.Fatal("block 1 is not canonical with its transactions after Recover")
	}
	if err := d.Recover(); err != nil || d.Head() != 1 {
		t.Fatalf("a second Recover: head %d, %v", d.Head(), err)
	}
}
