package record

import (
	"encoding/binary"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"golang.org/x/crypto/sha3"
)

// BindingBits is the width of a binding: it is below 2^248, so below the
// BN254 scalar field, and enters the circuit as it is.
const BindingBits = 248

// Binding names the record a classification proof is for; it is the
// circuit's sixth public input, so a proof made for one record does not
// verify for another. ReviewBoard.submit computes it from the submission:
//
//	binding = uint256(keccak256(abi.encode(datasetId, version, contentHash))) >> 8
//
// with datasetId (bytes32) = keccak256(abi.encode(departmentId, datasetKey)),
// which names the department, version a uint64 (abi.encode pads it to 32
// bytes, big-endian) and contentHash (bytes32) the sha256 of the released
// view. The shift keeps the top 248 bits of the hash.
func Binding(datasetID [32]byte, version uint64, contentHash [32]byte) fr.Element {
	var v [32]byte
	binary.BigEndian.PutUint64(v[24:], version)
	h := sha3.NewLegacyKeccak256()
	h.Write(datasetID[:])
	h.Write(v[:])
	h.Write(contentHash[:])
	n := new(big.Int).SetBytes(h.Sum(nil))
	n.Rsh(n, 256-BindingBits)
	var e fr.Element
	e.SetBigInt(n)
	return e
}
