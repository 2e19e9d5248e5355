package deploy

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/sovereign-gov/sovereign/bindings/reviewboard"
	"github.com/sovereign-gov/sovereign/contracts/predeploy"
	"github.com/sovereign-gov/sovereign/record"
)

// The ids as the contract computes them, written out byte by byte.
func TestRecordIdentifiers(t *testing.T) {
	dept := crypto.Keccak256([]byte("health"))
	key := crypto.Keccak256([]byte("hospital stays"))
	if DepartmentID("health") != [32]byte(dept) || DatasetKey("hospital stays") != [32]byte(key) {
		t.Fatal("department id or dataset key is not keccak256 of the name")
	}
	ds := crypto.Keccak256(append(append([]byte{}, dept...), key...))
	if DatasetID("health", "hospital stays") != [32]byte(ds) {
		t.Fatalf("DatasetID = %x, want keccak256(abi.encode(dept, key)) = %x", DatasetID("health", "hospital stays"), ds)
	}
	if record.DatasetID("health", "hospital stays") != [32]byte(ds) {
		t.Fatal("record.DatasetID (what a proof is bound to) is not deploy.DatasetID")
	}
	if DatasetID("tax", "hospital stays") == DatasetID("health", "hospital stays") {
		t.Fatal("two departments' datasets of one name share an id")
	}
	ver := make([]byte, 32)
	ver[31], ver[30] = 0x02, 0x01 // version 0x0102, abi.encode'd as uint256
	if RecordID([32]byte(ds), 0x0102) != [32]byte(crypto.Keccak256(append(append([]byte{}, ds...), ver...))) {
		t.Fatal("RecordID is not keccak256(abi.encode(datasetId, version))")
	}
}

// consortiumWithBoard is a simulated consortium with a funded ValidatorSet
// of four and a ReviewBoard deployed by deployer.
func consortiumWithBoard(t *testing.T, ctx context.Context, funded ...common.Address) (Backend, common.Address, []*ecdsa.PrivateKey) {
	t.Helper()
	k, from := key(t)
	alloc := types.GenesisAlloc{from: rich(from), verifierAt: {Code: []byte{0x00}, Balance: new(big.Int)}}
	var vals []common.Address
	var valKeys []*ecdsa.PrivateKey
	for i := 0; i < 4; i++ {
		vk, a := key(t)
		vals, valKeys = append(vals, a), append(valKeys, vk)
		alloc[a] = rich(a)
	}
	for _, a := range funded {
		alloc[a] = rich(a)
	}
	vs, err := predeploy.ValidatorSetAccount(vals)
	if err != nil {
		t.Fatal(err)
	}
	alloc[predeploy.ValidatorSetAddress] = vs
	chain := node(t, alloc)
	d, err := New(ctx, chain, k)
	if err != nil {
		t.Fatal(err)
	}
	c, err := d.DeployConsortium(ctx, predeploy.ValidatorSetAddress, verifierAt, big.NewInt(0x1234), testOfficer)
	if err != nil {
		t.Fatalf("DeployConsortium: %v", err)
	}
	return chain, c.ReviewBoard, valKeys
}

// RegisterDepartment registers through a quorum of validator votes, and the
// Go ids are the ones ReviewBoard.submit accepts from that department.
func TestRegisterDepartment(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	deptKey, dept := key(t)
	chain, board, valKeys := consortiumWithBoard(t, ctx, dept)

	// two of four votes are not a quorum: the error names the account and department
	err := RegisterDepartment(ctx, chain, board, valKeys[:2], dept, "health")
	if !errors.Is(err, errNoQuorum) || !strings.Contains(err.Error(), dept.Hex()) || !strings.Contains(err.Error(), `"health"`) {
		t.Fatalf("register with 2 of 4 validators: %v", err)
	}
	// all four keys: the two earlier votes still count, the repeated ones are refused and skipped
	if err := RegisterDepartment(ctx, chain, board, valKeys, dept, "health"); err != nil {
		t.Fatalf("RegisterDepartment: %v", err)
	}
	if got, err := DepartmentOf(ctx, chain, board, dept); err != nil || got != DepartmentID("health") {
		t.Fatalf("departmentOf = %x, %v; want %x", got, err, DepartmentID("health"))
	}
	// already registered: nothing to vote (no key needed)
	if err := RegisterDepartment(ctx, chain, board, nil, dept, "health"); err != nil {
		t.Fatalf("register again: %v", err)
	}
	if err := RegisterDepartment(ctx, chain, board, valKeys, dept, "Health"); !errors.Is(err, errDepartmentName) {
		t.Fatalf("upper-case name: %v", err)
	}
	outsider, _ := key(t)
	if err := RegisterDepartment(ctx, chain, board, []*ecdsa.PrivateKey{outsider}, common.Address{0x42}, "tax"); !errors.Is(err, errNoQuorum) {
		t.Fatalf("register by a non-validator: %v", err)
	}

	// the contract accepts the Go ids from the department and computes the same record id
	d, err := New(ctx, chain, deptKey)
	if err != nil {
		t.Fatal(err)
	}
	rb := reviewboard.NewReviewBoard()
	sub := reviewboard.IReviewBoardSubmission{
		Department: DepartmentID("health"), Dataset: DatasetKey("hospital stays"), DatasetId: DatasetID("health", "hospital stays"),
		Version: 3, Commitment: big.NewInt(1), ReleasedRoot: big.NewInt(2), ContentHash: common.Hash{0xc0},
	}
	if err := d.transact(ctx, board, rb.PackSubmit(sub, []byte("proof")), "ReviewBoard.submit"); err != nil {
		t.Fatalf("submit with the Go ids: %v", err)
	}
	st, err := bind.Call(rb.Instance(chain, board), nil, rb.PackReview(RecordID(sub.DatasetId, 3)), rb.UnpackReview)
	if err != nil || st.Status != 1 {
		t.Fatalf("review(RecordID) = %+v, %v; want pending", st, err)
	}
	// another department's dataset id is refused
	sub.DatasetId, sub.Version = DatasetID("tax", "hospital stays"), 4
	if err := d.transact(ctx, board, rb.PackSubmit(sub, []byte("proof")), "ReviewBoard.submit"); err == nil {
		t.Fatal("submit under another department's dataset id succeeded")
	}
}
