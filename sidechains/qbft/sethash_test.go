package qbft

import (
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// TestValidatorSetHashIsABIEncode pins ValidatorSetHash to Solidity's
// keccak256(abi.encode(address[])) over the sorted list, whatever order the
// set was given in.
func TestValidatorSetHashIsABIEncode(t *testing.T) {
	addrT, err := abi.NewType("address[]", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	args := abi.Arguments{{Type: addrT}}
	for _, n := range []int{1, 2, 4, 7, 300} {
		var addrs []common.Address
		for i := 0; i < n; i++ {
			addrs = append(addrs, common.BytesToAddress(crypto.Keccak256([]byte{byte(i), byte(i >> 8), 0x5e})))
		}
		vs, err := NewValidatorSet(addrs) // sorts
		if err != nil {
			t.Fatal(err)
		}
		enc, err := args.Pack(vs.List())
		if err != nil {
			t.Fatal(err)
		}
		if got, want := ValidatorSetHash(vs), crypto.Keccak256Hash(enc); got != want {
			t.Fatalf("n=%d: ValidatorSetHash = %s, keccak256(abi.encode(sorted)) = %s", n, got, want)
		}
	}
	// a fixed vector, the same as ReleaseBridge.validatorSetHash([0x…01, 0x…02])
	vs, _ := NewValidatorSet([]common.Address{common.HexToAddress("0x02"), common.HexToAddress("0x01")})
	want := crypto.Keccak256Hash(common.FromHex(
		"0000000000000000000000000000000000000000000000000000000000000020" +
			"0000000000000000000000000000000000000000000000000000000000000002" +
			"0000000000000000000000000000000000000000000000000000000000000001" +
			"0000000000000000000000000000000000000000000000000000000000000002"))
	if got := ValidatorSetHash(vs); got != want {
		t.Fatalf("ValidatorSetHash(0x01, 0x02) = %s, want %s", got, want)
	}
}
