package review_test

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/sovereign-gov/sovereign/bridge/relaytest"
	"github.com/sovereign-gov/sovereign/contracts/deploy"
	"github.com/sovereign-gov/sovereign/internal/proctest"
	"github.com/sovereign-gov/sovereign/review"
)

// sub is the submission of version v of relaytest's dataset.
func sub(v uint64) review.Submission {
	return review.Submission{
		Department:   deploy.DepartmentID(relaytest.Department),
		Dataset:      deploy.DatasetKey(relaytest.Dataset),
		DatasetId:    relaytest.DatasetID,
		Version:      v,
		Commitment:   new(big.Int).SetBytes(crypto.Keccak256([]byte("commitment"), []byte{byte(v)})[:31]),
		ReleasedRoot: new(big.Int).SetBytes(crypto.Keccak256([]byte("released root"), []byte{byte(v)})[:31]),
		ContentHash:  crypto.Keccak256Hash([]byte("content"), []byte{byte(v)}),
	}
}

// sealWhen seals the next consortium block once n transactions wait in the pool.
func sealWhen(t *testing.T, s *relaytest.System, n int) uint64 {
	t.Helper()
	proctest.WaitFor(t, 30*time.Second, fmt.Sprintf("%d transactions in the consortium pool", n), func() bool {
		p, _ := s.Cons.Node.Eth.TxPool().Stats()
		return p >= n
	})
	return s.Cons.Seal()
}

func board(t *testing.T, s *relaytest.System) *review.Board {
	t.Helper()
	b, err := review.New(context.Background(), s.Cons.Client, s.ReviewBoard)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestVotesInOneBlockAllSucceed: three validators vote the same batch at
// once, so each estimates its gas on a board where nobody has voted yet.
// The vote that lands last in the block reaches the quorum and pays for
// every Decision; it must have the gas for that (it once ran out, and
// the records waited for another round).
func TestVotesInOneBlockAllSucceed(t *testing.T) {
	s := relaytest.NewSystem(t, 0)
	b := board(t, s)
	ctx := context.Background()
	const n = 48
	items := make([]review.Proved, n)
	for i := range items {
		items[i] = review.Proved{Submission: sub(uint64(i + 1)), Proof: []byte("proof bytes")}
	}
	done := make(chan []error, 1)
	go func() { _, errs := b.SubmitAll(ctx, s.Dept, items); done <- errs }()
	sealWhen(t, s, n)
	for i, err := range <-done {
		if err != nil {
			t.Fatalf("submission %d: %v", i, err)
		}
	}

	ballots := make([]review.Ballot, n)
	for i := range ballots {
		ballots[i] = review.Ballot{RecordID: relaytest.RecordID(uint64(i + 1)), Approve: true, Reason: "columns hash to the commitment"}
	}
	votes := make(chan error, 3)
	for _, v := range s.Validators[:3] {
		go func() { _, err := b.Vote(ctx, v, ballots); votes <- err }()
	}
	// Seal fails the test if any of the three votes reverted (out of gas).
	h := sealWhen(t, s, 3)
	for range 3 {
		if err := <-votes; err != nil {
			t.Fatalf("vote: %v", err)
		}
	}
	for i := range n {
		tally, err := b.Review(ctx, relaytest.RecordID(uint64(i+1)))
		if err != nil {
			t.Fatal(err)
		}
		if tally.Status != review.StatusApproved {
			t.Fatalf("record %d is %s after three approvals in block %d", i+1, tally.Status, h)
		}
	}
}

// TestSubmitAllSkipsARefusedRecord: a record the board refuses in the
// middle of a batch takes no nonce, so the records after it are still
// mined, and the refusal names the contract's error.
func TestSubmitAllSkipsARefusedRecord(t *testing.T) {
	s := relaytest.NewSystem(t, 0)
	b := board(t, s)
	ctx := context.Background()
	bad := sub(2)
	bad.ContentHash = [32]byte{} // refused: InvalidSubmission("contentHash")
	items := []review.Proved{{Submission: sub(1)}, {Submission: bad}, {Submission: sub(3)}}
	for i := range items {
		items[i].Proof = []byte("proof bytes")
	}
	type result struct {
		subs []*review.Submitted
		errs []error
	}
	done := make(chan result, 1)
	go func() { subs, errs := b.SubmitAll(ctx, s.Dept, items); done <- result{subs, errs} }()
	sealWhen(t, s, 2)
	r := <-done
	if r.errs[0] != nil || r.errs[2] != nil {
		t.Fatalf("records around the refused one: %v, %v", r.errs[0], r.errs[2])
	}
	if r.subs[0].Block != r.subs[2].Block {
		t.Fatalf("records 1 and 3 in blocks %d and %d: want one block (consecutive nonces)", r.subs[0].Block, r.subs[2].Block)
	}
	if r.errs[1] == nil || !strings.Contains(r.errs[1].Error(), "contentHash") {
		t.Fatalf("refused record: %v, want the board's InvalidSubmission(contentHash)", r.errs[1])
	}
	if _, err := b.Submission(ctx, relaytest.RecordID(2)); !errors.Is(err, review.ErrNotFound) {
		t.Fatalf("refused record on the board: %v", err)
	}
	// the account's next nonce follows the two sent: nothing is stuck
	nonce, err := s.Cons.Client.PendingNonceAt(ctx, relaytest.Addr(s.Dept))
	if err != nil {
		t.Fatal(err)
	}
	mined, err := s.Cons.Client.NonceAt(ctx, relaytest.Addr(s.Dept), nil)
	if err != nil {
		t.Fatal(err)
	}
	if nonce != mined {
		t.Fatalf("pending nonce %d, mined %d: a transaction is stuck behind a gap", nonce, mined)
	}
}
