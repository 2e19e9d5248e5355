package zkbench

import (
	"bytes"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/sovereign-gov/sovereign/record"
	"github.com/sovereign-gov/sovereign/zk"
)

// TestVerifyProofCalldata checks the call the gas figure is measured with:
// the selector of verifyProof(bytes,uint256[6]) and the ABI layout.
func TestVerifyProofCalldata(t *testing.T) {
	p := &zk.Proof{Size: record.SizeSmall, Bytes: bytes.Repeat([]byte{0xab}, zk.ProofSize)}
	p.Public.Policy = big.NewInt(0x1234)
	p.Public.Level = record.LevelSensitive
	p.Public.Commitment.SetUint64(7)
	p.Public.Binding.SetUint64(9)
	in, err := verifyProofCalldata(p)
	if err != nil {
		t.Fatal(err)
	}
	if sel := crypto.Keccak256([]byte("verifyProof(bytes,uint256[6])"))[:4]; !bytes.Equal(in[:4], sel) {
		t.Fatalf("selector %x, want %x", in[:4], sel)
	}
	word := func(i int) *big.Int { return new(big.Int).SetBytes(in[4+32*i : 4+32*(i+1)]) }
	// head: offset of bytes, then the six inputs inline; tail: length, data.
	if word(0).Int64() != 7*32 || word(1).Int64() != 7 || word(2).Int64() != 2 || word(3).Int64() != 0x1234 {
		t.Fatalf("layout: %v %v %v %v", word(0), word(1), word(2), word(3))
	}
	if word(6).Int64() != 9 {
		t.Fatalf("binding word: %v", word(6))
	}
	if word(7).Int64() != zk.ProofSize || !bytes.Equal(in[4+8*32:4+8*32+zk.ProofSize], p.Bytes) {
		t.Fatal("proof bytes not in the tail")
	}
	if len(in) != 4+8*32+zk.ProofSize {
		t.Fatalf("calldata is %d bytes", len(in))
	}
}
