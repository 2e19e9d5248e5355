package deploy

import (
	"context"
	"crypto/ecdsa"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/sovereign-gov/sovereign/bindings/reviewboard"
)

// The record identifiers of IReviewBoard, computed as the contract does
// (keccak256 over abi.encode of 32-byte words):
//
//	department id = keccak256(bytes(departmentName))
//	dataset key   = keccak256(bytes(datasetName))
//	datasetId     = keccak256(abi.encode(departmentId, datasetKey))
//	recordId      = keccak256(abi.encode(datasetId, uint64 version))

// DepartmentID is the id of a department (its lower-case name, e.g. "health").
func DepartmentID(name string) [32]byte { return crypto.Keccak256Hash([]byte(name)) }

// DatasetKey is the key of a dataset name within its department.
func DatasetKey(name string) [32]byte { return crypto.Keccak256Hash([]byte(name)) }

// DatasetID is the id of dataset of department: it belongs to that
// department by construction (ReviewBoard accepts it from no other).
func DatasetID(department, dataset string) [32]byte {
	d, k := DepartmentID(department), DatasetKey(dataset)
	return crypto.Keccak256Hash(d[:], k[:])
}

// RecordID is the id of version of the dataset datasetID.
func RecordID(datasetID [32]byte, version uint64) [32]byte {
	var v [32]byte
	binary.BigEndian.PutUint64(v[24:], version)
	return crypto.Keccak256Hash(datasetID[:], v[:])
}

var (
	// errDepartmentName is returned for a department name that is empty or not lower-case.
	errDepartmentName = errors.New("deploy: department name must be non-empty and lower-case")
	// errNoQuorum is returned if the votes sent did not register the department.
	errNoQuorum = errors.New("deploy: the votes sent did not reach the ReviewBoard's quorum")
)

// DepartmentOf reads departmentOf(account) of the ReviewBoard at board.
func DepartmentOf(ctx context.Context, b Backend, board, account common.Address) ([32]byte, error) {
	rb := reviewboard.NewReviewBoard()
	id, err := bind.Call(rb.Instance(b, board), &bind.CallOpts{Context: ctx}, rb.PackDepartmentOf(account), rb.UnpackDepartmentOf)
	if err != nil {
		return [32]byte{}, fmt.Errorf("deploy: departmentOf(%s) of ReviewBoard %s: %w", account, board, err)
	}
	return id, nil
}

// RegisterDepartment registers account under department name on the
// ReviewBoard at board: each validator key in turn votes voteDepartment
// (waiting for its receipt) until departmentOf(account) is the department's
// id, so a quorum of the keys must be current validators. An account already
// registered there needs no vote. A vote that fails (e.g. the key is no
// longer a validator, or already voted these terms) is kept and reported if
// the quorum is not reached.
func RegisterDepartment(ctx context.Context, backend Backend, board common.Address, validatorKeys []*ecdsa.PrivateKey, account common.Address, name string) error {
	if name == "" || name != strings.ToLower(name) {
		return fmt.Errorf("%w: %q", errDepartmentName, name)
	}
	if account == (common.Address{}) || board == (common.Address{}) {
		return fmt.Errorf("%w: account %s, ReviewBoard %s", errZeroAddress, account, board)
	}
	id := DepartmentID(name)
	got, err := DepartmentOf(ctx, backend, board, account)
	if err != nil {
		return err
	}
	if got == id {
		return nil
	}
	rb := reviewboard.NewReviewBoard()
	data := rb.PackVoteDepartment(account, id, true, "register department "+name)
	var failed []error
	for _, k := range validatorKeys {
		d, err := New(ctx, backend, k)
		if err != nil {
			return err
		}
		voter := crypto.PubkeyToAddress(k.PublicKey)
		what := fmt.Sprintf("ReviewBoard.voteDepartment(%s, %q) by %s", account, name, voter)
		if err := d.transact(ctx, board, data, what); err != nil {
			if ctx.Err() != nil {
				return err
			}
			failed = append(failed, err)
			continue
		}
		if got, err = DepartmentOf(ctx, backend, board, account); err != nil {
			return err
		}
		if got == id {
			d.log.Info("Registered department", "account", account, "department", name, "id", common.Hash(id))
			return nil
		}
	}
	return fmt.Errorf("deploy: account %s not registered as department %q (%s) after votes of %d validator keys (departmentOf = %s): %w",
		account, name, common.Hash(id), len(validatorKeys), common.Hash(got), errors.Join(append([]error{errNoQuorum}, failed...)...))
}
