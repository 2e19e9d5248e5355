package deploy

import (
	"encoding/binary"

	"github.com/ethereum/go-ethereum/crypto"
)

// DepartmentID is a department's id on the ReviewBoard: keccak256(bytes(name)).
func DepartmentID(name string) [32]byte { return crypto.Keccak256Hash([]byte(name)) }

// DatasetKey is a dataset name's key: keccak256(bytes(name)).
func DatasetKey(name string) [32]byte { return crypto.Keccak256Hash([]byte(name)) }

// DatasetID is keccak256(abi.encode(departmentId, datasetKey)): a dataset
// id belongs by construction to one department.
func DatasetID(department, dataset string) [32]byte {
	d, k := DepartmentID(department), DatasetKey(dataset)
	return crypto.Keccak256Hash(d[:], k[:])
}

// RecordID is keccak256(abi.encode(datasetId, uint64 version)): one id for
// a record on every chain.
func RecordID(datasetID [32]byte, version uint64) [32]byte {
	var v [32]byte
	binary.BigEndian.PutUint64(v[24:], version)
	return crypto.Keccak256Hash(datasetID[:], v[:])
}
