package record

import (
	"crypto/sha256"
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
	h := keccak256(datasetID[:], v[:], contentHash[:])
	n := new(big.Int).SetBytes(h[:])
	n.Rsh(n, 256-BindingBits)
	var e fr.Element
	e.SetBigInt(n)
	return e
}

// keccak256 of the concatenation of b.
func keccak256(b ...[]byte) (h [32]byte) {
	k := sha3.NewLegacyKeccak256()
	for _, x := range b {
		k.Write(x)
	}
	copy(h[:], k.Sum(nil))
	return h
}

// DatasetID is the ReviewBoard's dataset id of a dataset of a department
// (lower-case names, e.g. "health"): keccak256(abi.encode(keccak256(department),
// keccak256(dataset))), as contracts/deploy.DatasetID.
func DatasetID(department, dataset string) [32]byte {
	d, k := keccak256([]byte(department)), keccak256([]byte(dataset))
	return keccak256(d[:], k[:])
}

// ContentHash is the on-chain content hash of a released view file: its
// sha256 (the content store's name for it).
func ContentHash(view []byte) [32]byte { return sha256.Sum256(view) }

// ViewBinding is the binding of version of dataset of department whose
// released view is the CSV of NewReleasedView(t, st): what a department
// binds its statement to before proving.
func ViewBinding(department, dataset string, version uint64, t *Table, st *Statement) (fr.Element, []byte, error) {
	v, err := NewReleasedView(t, st)
	if err != nil {
		return fr.Element{}, nil, err
	}
	content, err := v.CSV()
	if err != nil {
		return fr.Element{}, nil, err
	}
	return Binding(DatasetID(department, dataset), version, ContentHash(content)), content, nil
}
