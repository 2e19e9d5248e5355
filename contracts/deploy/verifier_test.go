package deploy

import (
	"context"
	"errors"
	"math/big"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/sovereign-gov/sovereign/zk"
)

// TestCheckVerifier: deploy checks a verifier by a proof made with the
// keys it should verify. Stand-in contracts in raw EVM code play the three
// cases: the right verifier (accepts exactly that call), the verifier of
// other keys (refuses it), and a contract that accepts anything.
func TestCheckVerifier(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	proof := make([]byte, 256)
	for i := range proof {
		proof[i] = byte(i)
	}
	inputs := [6]*big.Int{big.NewInt(1), big.NewInt(2), big.NewInt(3), big.NewInt(0), big.NewInt(5), big.NewInt(6)}
	parsed, err := abi.JSON(strings.NewReader(verifierABI))
	if err != nil {
		t.Fatal(err)
	}
	call, err := parsed.Pack("verifyProof", proof, inputs)
	if err != nil {
		t.Fatal(err)
	}
	// CALLDATACOPY the call, KECCAK256 it, STOP if it is the good call, else REVERT.
	exact := append([]byte{0x36, 0x5f, 0x5f, 0x37, 0x36, 0x5f, 0x20, 0x7f}, crypto.Keccak256(call)...)
	exact = append(exact, 0x14, 0x60, 0x2f, 0x57, 0x5f, 0x5f, 0xfd, 0x5b, 0x00)
	right := common.HexToAddress("0x00000000000000000000000000000000000c1a01")
	other := common.HexToAddress("0x00000000000000000000000000000000000c1a02")
	anything := common.HexToAddress("0x00000000000000000000000000000000000c1a03")
	empty := common.HexToAddress("0x00000000000000000000000000000000000c1a04")
	chain := node(t, types.GenesisAlloc{
		right:    {Code: exact, Balance: new(big.Int)},
		other:    {Code: []byte{0x5f, 0x5f, 0xfd}, Balance: new(big.Int)}, // REVERT
		anything: {Code: []byte{0x00}, Balance: new(big.Int)},             // STOP
	})
	if err := CheckVerifier(ctx, chain, right, proof, inputs); err != nil {
		t.Fatalf("the right verifier refused: %v", err)
	}
	if err := CheckVerifier(ctx, chain, other, proof, inputs); !errors.Is(err, ErrNotTheVerifier) {
		t.Fatalf("verifier of other keys: got %v, want %v", err, ErrNotTheVerifier)
	}
	if err := CheckVerifier(ctx, chain, anything, proof, inputs); !errors.Is(err, ErrUnsoundVerifier) {
		t.Fatalf("contract accepting anything: got %v, want %v", err, ErrUnsoundVerifier)
	}
	if err := CheckVerifier(ctx, chain, empty, proof, inputs); !errors.Is(err, errNoCode) {
		t.Fatalf("no contract: got %v, want %v", err, errNoCode)
	}
}

// TestDeployDevVerifier: the bound dev verifier accepts the checked-in
// fixture proof made with the INSECURE dev keys and refuses it tampered.
func TestDeployDevVerifier(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	k, from := key(t)
	chain := node(t, types.GenesisAlloc{from: rich(from)})
	waitBlock(t, chain)
	// until the first pass of the transaction indexer, receipt lookups
	// fail with "transaction indexing is in progress" instead of not found
	for {
		_, err := chain.TransactionReceipt(ctx, common.Hash{1})
		if errors.Is(err, ethereum.NotFound) {
			break
		}
		if ctx.Err() != nil {
			t.Fatalf("transaction index not ready: %v", err)
		}
		time.Sleep(10 * time.Millisecond)
	}
	d, err := New(ctx, chain, k)
	if err != nil {
		t.Fatal(err)
	}
	d.poll = 10 * time.Millisecond
	addr, err := d.DeployDevVerifier(ctx)
	if err != nil {
		t.Fatal(err)
	}
	proof, err := zk.LoadProof(filepath.Join("..", "..", zk.GeneratedFixtureDir, "proof16.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := d.CheckVerifier(ctx, addr, proof.Bytes, proof.Public.Inputs()); err != nil {
		t.Fatal(err)
	}
}
