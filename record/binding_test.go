package record

import (
	"encoding/hex"
	"math/big"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"golang.org/x/crypto/sha3"
)

func keccak(s string) (h [32]byte) {
	k := sha3.NewLegacyKeccak256()
	k.Write([]byte(s))
	copy(h[:], k.Sum(nil))
	return h
}

// TestBindingVector pins Binding to the same known answer that
// contracts/test/Libraries.t.sol checks the Solidity computation (SubmissionBinding, used by ReviewBoard)
// against: department "health", dataset "hospital-admissions", version 1,
// contentHash keccak256("released view").
func TestBindingVector(t *testing.T) {
	datasetID := DatasetID("health", "hospital-admissions")
	if got := hex.EncodeToString(datasetID[:]); got != "c6a0200c088b3edd06a16916a82d221f543fa689e0ba571082914188a3138822" {
		t.Fatalf("DatasetID = %s", got)
	}
	b := Binding(datasetID, 1, keccak("released view"))
	const want = "0x" + bindingVector
	if got := HexElement(&b); got != want {
		t.Fatalf("Binding = %s, want %s", got, want)
	}
	if b.BigInt(new(big.Int)).BitLen() > BindingBits {
		t.Fatalf("binding has %d bits", b.BigInt(new(big.Int)).BitLen())
	}
	// every field of the identity changes it
	for _, o := range []fr.Element{
		Binding(keccak("other"), 1, keccak("released view")),
		Binding(datasetID, 2, keccak("released view")),
		Binding(datasetID, 1, keccak("other view")),
	} {
		if o.Equal(&b) {
			t.Fatal("binding does not depend on every field")
		}
	}
}

// bindingVector is the binding of TestBindingVector, without 0x (HexElement
// pads to 64 digits).
const bindingVector = "00d66518df79f1a184433f73f6674cfc4f885bb018b31f99d5263b0feb784f83"
