package clique

import (
	"bytes"
	"crypto/ecdsa"
	"math/big"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	gethclique "github.com/ethereum/go-ethereum/consensus/clique"
	"github.com/ethereum/go-ethereum/consensus/misc/eip1559"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/sovereign-gov/sovereign/node"
)

// forkChain is an in-memory public chain with three signers and helpers to
// seal competing blocks by hand.
type forkChain struct {
	t     *testing.T
	n     *node.Node
	keys  map[common.Address]*ecdsa.PrivateKey
	order []common.Address // signers, address-sorted (in turn at n: order[n % 3])
}

func newForkChain(t *testing.T) *forkChain {
	t.Helper()
	fc := &forkChain{t: t, keys: map[common.Address]*ecdsa.PrivateKey{}}
	for range 3 {
		k, _ := crypto.GenerateKey()
		a := crypto.PubkeyToAddress(k.PublicKey)
		fc.keys[a] = k
		fc.order = append(fc.order, a)
	}
	slices.SortFunc(fc.order, func(a, b common.Address) int { return bytes.Compare(a[:], b[:]) })
	g, err := node.PublicGenesis(node.PublicSpec{Period: 0, Signers: fc.order, Time: 1})
	if err != nil {
		t.Fatal(err)
	}
	fc.n, err = node.New(node.Config{Genesis: g, GasCeil: g.GasLimit})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { fc.n.Close() })
	return fc
}

// seal makes a child of parent signed by signer (in-turn difficulty 2 when
// number % 3 is the signer's index, else 1); salt varies the hash.
func (fc *forkChain) seal(parent *types.Header, signer common.Address, salt byte) *types.Block {
	fc.t.Helper()
	number := new(big.Int).Add(parent.Number, common.Big1)
	diff := big.NewInt(1)
	if fc.order[number.Uint64()%3] == signer {
		diff = big.NewInt(2)
	}
	header := &types.Header{
		ParentHash: parent.Hash(), Number: number, Difficulty: diff, GasLimit: parent.GasLimit,
		Time: parent.Time + 1 + uint64(salt), Extra: make([]byte, extraVanity+extraSeal),
		UncleHash: types.EmptyUncleHash, TxHash: types.EmptyTxsHash, ReceiptHash: types.EmptyReceiptsHash,
		Root: parent.Root, BaseFee: eip1559.CalcBaseFee(fc.n.Eth.BlockChain().Config(), parent),
	}
	sig, err := crypto.Sign(gethclique.SealHash(header).Bytes(), fc.keys[signer])
	if err != nil {
		fc.t.Fatal(err)
	}
	copy(header.Extra[len(header.Extra)-extraSeal:], sig)
	return types.NewBlockWithHeader(header)
}

// TestForkChoiceHeavierAndTieBreak: on two competing blocks at one height
// the heavier (in-turn) wins whatever the order of arrival; on equal weight
// the lower hash wins on every node alike; a lighter branch stays a side
// chain and wins once it becomes heavier; a block with an unknown parent is
// refused as such.
func TestForkChoiceHeavierAndTieBreak(t *testing.T) {
	for _, inTurnFirst := range []bool{true, false} {
		fc := newForkChain(t)
		f := NewForkChoice(fc.n.Eth.BlockChain())
		genesis := fc.n.Eth.BlockChain().Genesis().Header()
		inTurn := fc.seal(genesis, fc.order[1], 0)  // block 1: signer 1 in turn (diff 2)
		outTurn := fc.seal(genesis, fc.order[0], 0) // signer 0 out of turn (diff 1)
		first, second := inTurn, outTurn
		if !inTurnFirst {
			first, second = outTurn, inTurn
		}
		if _, err := f.Import(types.Blocks{first}); err != nil {
			t.Fatal(err)
		}
		if _, err := f.Import(types.Blocks{second}); err != nil {
			t.Fatal(err)
		}
		if head := fc.n.Eth.BlockChain().CurrentBlock().Hash(); head != inTurn.Hash() {
			t.Fatalf("in-turn first %v: head %s, want the heavier in-turn block %s", inTurnFirst, head, inTurn.Hash())
		}
		// The lighter branch grows: out-of-turn block 1 + in-turn block 2
		// (signer 2's turn) weighs 3 against 2: it wins.
		two := fc.seal(outTurn.Header(), fc.order[2], 0)
		if two.Difficulty().Int64() != 2 {
			t.Fatalf("block 2 by signer 2 should be in turn")
		}
		if changed, err := f.Import(types.Blocks{two}); err != nil || !changed {
			t.Fatalf("heavier side branch not taken: %v %v", changed, err)
		}
		if head := fc.n.Eth.BlockChain().CurrentBlock().Hash(); head != two.Hash() {
			t.Fatalf("head %s after the side branch grew heavier, want %s", head, two.Hash())
		}
	}

	// Equal weight: two out-of-turn blocks at one height; the lower hash
	// wins in either order of arrival.
	for _, order := range [][2]int{{0, 1}, {1, 0}} {
		fc := newForkChain(t)
		f := NewForkChoice(fc.n.Eth.BlockChain())
		genesis := fc.n.Eth.BlockChain().Genesis().Header()
		a := fc.seal(genesis, fc.order[0], 0) // out of turn at 1
		b := fc.seal(genesis, fc.order[0], 1) // same signer, other time: other hash, same weight
		blocks := []*types.Block{a, b}
		for _, i := range order {
			if _, err := f.Import(types.Blocks{blocks[i]}); err != nil {
				t.Fatal(err)
			}
		}
		want := a
		if bytes.Compare(b.Hash().Bytes(), a.Hash().Bytes()) < 0 {
			want = b
		}
		if head := fc.n.Eth.BlockChain().CurrentBlock().Hash(); head != want.Hash() {
			t.Fatalf("order %v: head %s, want the lower hash %s", order, head, want.Hash())
		}
	}

	fc := newForkChain(t)
	f := NewForkChoice(fc.n.Eth.BlockChain())
	orphan := fc.seal(&types.Header{Number: big.NewInt(5), GasLimit: 30_000_000, Time: 10, BaseFee: big.NewInt(1)}, fc.order[0], 0)
	if _, err := f.Import(types.Blocks{orphan}); err == nil || !bytes.Contains([]byte(err.Error()), []byte(ErrUnknownParent.Error())) {
		t.Fatalf("block with an unknown parent: %v", err)
	}
}
