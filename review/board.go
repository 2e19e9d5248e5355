// Package review is the consortium side of a record's path: departments
// submit a record with its classification proof to the ReviewBoard, and
// validators list, inspect, test and vote on submissions. Every write is
// simulated first, so a refusal comes back as the contract's own error
// (NotDepartment, AlreadyVoted, …) before any gas is spent, and every write
// waits for its receipt: a command that returns has its effect on chain.
package review

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/sovereign-gov/sovereign/bindings/reviewboard"
	"github.com/sovereign-gov/sovereign/internal/ethtx"
)

// Status is a submission's review status, as the contract keeps it.
type Status uint8

// Review statuses (IReviewBoard.Status).
const (
	StatusNone Status = iota
	StatusPending
	StatusApproved
	StatusRejected
)

func (s Status) String() string {
	switch s {
	case StatusNone:
		return "none"
	case StatusPending:
		return "pending"
	case StatusApproved:
		return "approved"
	case StatusRejected:
		return "rejected"
	}
	return fmt.Sprintf("status(%d)", uint8(s))
}

// ParseStatus reads a status name.
func ParseStatus(s string) (Status, error) {
	for st := StatusNone; st <= StatusRejected; st++ {
		if s == st.String() {
			return st, nil
		}
	}
	return 0, fmt.Errorf("status %q: want pending, approved or rejected", s)
}

// Submission is what a department submits (the contract's struct).
type Submission = reviewboard.IReviewBoardSubmission

var (
	// ErrNotFound is returned for a record the board has no submission of.
	ErrNotFound = errors.New("review: no submission with this record id")
	// errConflict is returned when a record id was submitted with other values.
	errConflict = errors.New("was already submitted with other values")
	// errNoReason is returned for a vote without a reason.
	errNoReason = errors.New("review: every vote needs a reason")
)

// DefaultWait bounds the wait for one transaction's receipt.
const DefaultWait = 2 * time.Minute

// Board is a ReviewBoard on a consortium node.
type Board struct {
	client   *ethclient.Client
	addr     common.Address
	chainID  *big.Int
	abi      *reviewboard.ReviewBoard
	contract *bind.BoundContract
	poll     time.Duration
	wait     time.Duration
	span     uint64 // blocks per log query
}

// Dial connects to the ReviewBoard at addr through the consortium node at
// url, checking there is a contract there.
func Dial(ctx context.Context, url string, addr common.Address) (*Board, error) {
	client, err := ethclient.DialContext(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("consortium %s: %w", url, err)
	}
	b, err := New(ctx, client, addr)
	if err != nil {
		client.Close()
		return nil, fmt.Errorf("consortium %s: %w", url, err)
	}
	return b, nil
}

// New uses an open client.
func New(ctx context.Context, client *ethclient.Client, addr common.Address) (*Board, error) {
	id, err := ethtx.Contract(ctx, client, addr, "ReviewBoard")
	if err != nil {
		return nil, fmt.Errorf("review: %w", err)
	}
	rb := reviewboard.NewReviewBoard()
	return &Board{client: client, addr: addr, chainID: id, abi: rb, contract: rb.Instance(client, addr),
		poll: 200 * time.Millisecond, wait: DefaultWait, span: 5000}, nil
}

// Close closes the connection.
func (b *Board) Close() { b.client.Close() }

// Address is the board's address.
func (b *Board) Address() common.Address { return b.addr }

// Client is the consortium connection.
func (b *Board) Client() *ethclient.Client { return b.client }

// Policy is the policy pinned in the board.
func (b *Board) Policy(ctx context.Context) (*big.Int, error) {
	p, err := bind.Call(b.contract, &bind.CallOpts{Context: ctx}, b.abi.PackPolicy(), b.abi.UnpackPolicy)
	if err != nil {
		return nil, fmt.Errorf("review: policy(): %w", err)
	}
	return p, nil
}

// Verifier is the classification verifier the board checks proofs with.
func (b *Board) Verifier(ctx context.Context) (common.Address, error) {
	a, err := bind.Call(b.contract, &bind.CallOpts{Context: ctx}, b.abi.PackVerifier(), b.abi.UnpackVerifier)
	if err != nil {
		return common.Address{}, fmt.Errorf("review: verifier(): %w", err)
	}
	return a, nil
}

// ProvedWith is the verifier version a record's proof passed at submission
// and that version's contract.
func (b *Board) ProvedWith(ctx context.Context, id [32]byte) (uint32, common.Address, error) {
	opts := &bind.CallOpts{Context: ctx}
	v, err := bind.Call(b.contract, opts, b.abi.PackProvedWith(id), b.abi.UnpackProvedWith)
	if err != nil {
		return 0, common.Address{}, fmt.Errorf("review: provedWith(%x): %w", id, err)
	}
	if v == 0 {
		return 0, common.Address{}, fmt.Errorf("review: record %x: %w", id, ErrNotFound)
	}
	at, err := b.VerifierAt(ctx, v)
	return v, at, err
}

// VerifierAt is the verifier adopted as version (zero address: none).
func (b *Board) VerifierAt(ctx context.Context, version uint32) (common.Address, error) {
	at, err := bind.Call(b.contract, &bind.CallOpts{Context: ctx}, b.abi.PackVerifierAt(version), b.abi.UnpackVerifierAt)
	if err != nil {
		return common.Address{}, fmt.Errorf("review: verifierAt(%d): %w", version, err)
	}
	return at, nil
}

// VerifierVersion is the current verifier's version.
func (b *Board) VerifierVersion(ctx context.Context) (uint32, error) {
	v, err := bind.Call(b.contract, &bind.CallOpts{Context: ctx}, b.abi.PackVerifierVersion(), b.abi.UnpackVerifierVersion)
	if err != nil {
		return 0, fmt.Errorf("review: verifierVersion(): %w", err)
	}
	return v, nil
}

// VerifierVote is what a verifier vote did: decided (adopted) or counted.
type VerifierVote struct {
	Tx      common.Hash
	Block   uint64
	Adopted bool
}

// VoteVerifier votes, with a validator's key, to adopt the verifier at addr
// as version (the next one) with a reason.
func (b *Board) VoteVerifier(ctx context.Context, key *ecdsa.PrivateKey, version uint32, addr common.Address, reason string) (*VerifierVote, error) {
	if strings.TrimSpace(reason) == "" {
		return nil, errNoReason
	}
	rc, err := b.send(ctx, key, b.abi.PackVoteVerifier(version, addr, reason), "voteVerifier")
	if err != nil {
		return nil, err
	}
	out := &VerifierVote{Tx: rc.TxHash, Block: rc.BlockNumber.Uint64()}
	for _, l := range rc.Logs {
		if _, err := b.abi.UnpackVerifierAdoptedEvent(l); err == nil && l.Address == b.addr {
			out.Adopted = true
		}
	}
	return out, nil
}

// Tally is a record's status and counts of current validators' votes.
type Tally struct {
	Status                Status
	Approvals, Rejections uint64
}

// Review reads a record's tally.
func (b *Board) Review(ctx context.Context, id [32]byte) (Tally, error) {
	out, err := bind.Call(b.contract, &bind.CallOpts{Context: ctx}, b.abi.PackReview(id), b.abi.UnpackReview)
	if err != nil {
		return Tally{}, fmt.Errorf("review: review(%x): %w", id, err)
	}
	return Tally{Status: Status(out.Status), Approvals: out.Approvals.Uint64(), Rejections: out.Rejections.Uint64()}, nil
}

// Submission reads a record's submission (ErrNotFound if none).
func (b *Board) Submission(ctx context.Context, id [32]byte) (*Submission, error) {
	t, err := b.Review(ctx, id)
	if err != nil {
		return nil, err
	}
	if t.Status == StatusNone {
		return nil, fmt.Errorf("%w: %x", ErrNotFound, id)
	}
	s, err := bind.Call(b.contract, &bind.CallOpts{Context: ctx}, b.abi.PackSubmission(id), b.abi.UnpackSubmission)
	if err != nil {
		return nil, fmt.Errorf("review: submission(%x): %w", id, err)
	}
	return &s, nil
}

// Submitted is the result of a department's submission.
type Submitted struct {
	RecordID [32]byte
	Tx       common.Hash // zero when the submission was already on the board
	Block    uint64
	Already  bool // the same submission was on the board already (a run repeated after a crash)
}

// Submit puts a record up for review, signed by the department's key. A
// record already submitted with the same values is not an error (Already):
// a submission run again after a crash finishes instead of failing.
func (b *Board) Submit(ctx context.Context, key *ecdsa.PrivateKey, s Submission, proof []byte) (*Submitted, error) {
	subs, errs := b.SubmitAll(ctx, key, []Proved{{Submission: s, Proof: proof}})
	return subs[0], errs[0]
}

// Proved is a submission with its proof, for SubmitAll.
type Proved struct {
	Submission Submission
	Proof      []byte
}

// errRefused is returned for a write whose simulation reverts: nothing was sent.
var errRefused = errors.New("refused")

// errNotSent is given to the records after one whose transaction could
// not be sent: sending theirs would leave a gap in the nonces.
var errNotSent = errors.New("review: not sent (an earlier submission of the batch could not be sent): submit it again")

// SubmitAll submits several records signed by key as Submit does, their
// transactions sent back to back with consecutive nonces, so that they
// share a consortium block, and then waits for all of them. Each record
// gets its own result or error: one refused (its simulation reverts) does
// not stop the others.
func (b *Board) SubmitAll(ctx context.Context, key *ecdsa.PrivateKey, items []Proved) ([]*Submitted, []error) {
	out, errs := make([]*Submitted, len(items)), make([]error, len(items))
	from := crypto.PubkeyToAddress(key.PublicKey)
	nonce, err := b.client.PendingNonceAt(ctx, from)
	if err != nil {
		for i := range errs {
			errs[i] = fmt.Errorf("review: nonce of %s: %w", from, err)
		}
		return out, errs
	}
	txs := make([]*types.Transaction, len(items))
	stopped := false
	for i, it := range items {
		id := RecordID(it.Submission.DatasetId, it.Submission.Version)
		if stopped {
			errs[i] = fmt.Errorf("record %x: %w", id, errNotSent)
			continue
		}
		if out[i], errs[i] = b.already(ctx, id, &it.Submission); out[i] != nil || errs[i] != nil {
			continue
		}
		txs[i], errs[i] = b.sendAt(ctx, key, b.abi.PackSubmit(it.Submission, it.Proof), "submit", new(big.Int).SetUint64(nonce))
		switch {
		case errs[i] == nil:
			nonce++
		case !errors.Is(errs[i], errRefused):
			stopped = true // not sent: later nonces would leave a gap
		}
	}
	for i, tx := range txs {
		if tx == nil {
			continue
		}
		rc, err := b.receipt(ctx, tx, "submit")
		if err != nil {
			errs[i] = err
			continue
		}
		out[i] = &Submitted{RecordID: RecordID(items[i].Submission.DatasetId, items[i].Submission.Version), Tx: rc.TxHash, Block: rc.BlockNumber.Uint64()}
	}
	return out, errs
}

// already reports a record already submitted: with the same values it is
// done (Already), with other values an error; absent, both are nil.
func (b *Board) already(ctx context.Context, id [32]byte, s *Submission) (*Submitted, error) {
	existing, err := b.Submission(ctx, id)
	switch {
	case err == nil:
		if !sameSubmission(existing, s) {
			return nil, fmt.Errorf("review: record %x %w (commitment %x, content %x)", id, errConflict, existing.Commitment, existing.ContentHash)
		}
		return &Submitted{RecordID: id, Already: true}, nil
	case errors.Is(err, ErrNotFound):
		return nil, nil
	default:
		return nil, err
	}
}

func sameSubmission(a, b *Submission) bool {
	return a.Department == b.Department && a.Dataset == b.Dataset && a.DatasetId == b.DatasetId && a.Version == b.Version && a.Level == b.Level && a.Threshold == b.Threshold &&
		a.Commitment.Cmp(b.Commitment) == 0 && a.ReleasedRoot.Cmp(b.ReleasedRoot) == 0 &&
		a.ContentHash == b.ContentHash && a.Supersedes == b.Supersedes
}

// Ballot is one validator vote.
type Ballot struct {
	RecordID [32]byte
	Approve  bool
	Reason   string
}

// Vote sends ballots signed by a validator's key: one vote transaction, or
// one voteBatch for several. Every ballot needs a reason.
func (b *Board) Vote(ctx context.Context, key *ecdsa.PrivateKey, ballots []Ballot) (common.Hash, error) {
	if len(ballots) == 0 {
		return common.Hash{}, errors.New("review: nothing to vote on")
	}
	ids := make([][32]byte, len(ballots))
	approve := make([]bool, len(ballots))
	reasons := make([]string, len(ballots))
	for i, bl := range ballots {
		if strings.TrimSpace(bl.Reason) == "" {
			return common.Hash{}, fmt.Errorf("%w (record %x)", errNoReason, bl.RecordID)
		}
		ids[i], approve[i], reasons[i] = bl.RecordID, bl.Approve, bl.Reason
	}
	data := b.abi.PackVoteBatch(ids, approve, reasons)
	if len(ballots) == 1 {
		data = b.abi.PackVote(ids[0], approve[0], reasons[0])
	}
	rc, err := b.send(ctx, key, data, "vote")
	if err != nil {
		return common.Hash{}, err
	}
	return rc.TxHash, nil
}

// ErrShredReceiptDiffers is returned when a dataset's shred is already
// recorded on the board with another receipt than the one given.
var ErrShredReceiptDiffers = errors.New("review: the dataset's shred is recorded with another receipt")

// ShredReceipt is the receipt of a dataset's shred on the board (zero: not shredded).
func (b *Board) ShredReceipt(ctx context.Context, datasetID [32]byte) ([32]byte, error) {
	r, err := bind.Call(b.contract, &bind.CallOpts{Context: ctx}, b.abi.PackShredReceipt(datasetID), b.abi.UnpackShredReceipt)
	if err != nil {
		return [32]byte{}, fmt.Errorf("review: shredReceipt(%x): %w", datasetID, err)
	}
	return r, nil
}

// RecordShred records a dataset's shred receipt, signed by the security
// officer's key. Run again after a crash it finishes: a receipt already
// recorded is no error when it is the same one (already reports it), and
// ErrShredReceiptDiffers when it is not.
func (b *Board) RecordShred(ctx context.Context, key *ecdsa.PrivateKey, datasetID, receipt [32]byte) (tx common.Hash, already bool, err error) {
	switch have, err := b.ShredReceipt(ctx, datasetID); {
	case err != nil:
		return common.Hash{}, false, err
	case have == receipt:
		return common.Hash{}, true, nil
	case have != [32]byte{}:
		return common.Hash{}, false, fmt.Errorf("%w: dataset %x has 0x%x, not 0x%x", ErrShredReceiptDiffers, datasetID, have, receipt)
	}
	rc, err := b.send(ctx, key, b.abi.PackRecordShred(datasetID, receipt), "recordShred")
	if err != nil {
		return common.Hash{}, false, err
	}
	return rc.TxHash, false, nil
}

// send simulates data from key's account (a revert is returned as the
// contract's named error), sends it and waits for a successful receipt.
func (b *Board) send(ctx context.Context, key *ecdsa.PrivateKey, data []byte, what string) (*types.Receipt, error) {
	tx, err := b.sendAt(ctx, key, data, what, nil)
	if err != nil {
		return nil, err
	}
	return b.receipt(ctx, tx, what)
}

// sendAt simulates and sends data from key's account with the given nonce
// (nil: the pool's next), without waiting.
func (b *Board) sendAt(ctx context.Context, key *ecdsa.PrivateKey, data []byte, what string, nonce *big.Int) (*types.Transaction, error) {
	opts := bind.NewKeyedTransactor(key, b.chainID)
	opts.Context, opts.Nonce = ctx, nonce
	gas, err := b.client.EstimateGas(ctx, ethereum.CallMsg{From: opts.From, To: &b.addr, Data: data})
	if err != nil {
		return nil, fmt.Errorf("review: %s from %s %w: %w", what, opts.From, errRefused, b.decode(err))
	}
	// The estimate is for the board as it is now. Validators vote at once,
	// and whichever vote lands last in the block reaches the quorum and pays
	// for the decisions (their storage and Decision logs), which the
	// estimate did not: room for that, or the deciding vote runs out of gas.
	opts.GasLimit = 2*gas + 100_000
	tx, err := bind.Transact(b.contract, opts, data)
	if err != nil {
		return nil, fmt.Errorf("review: sending %s: %w", what, b.decode(err))
	}
	return tx, nil
}

// receipt waits for tx's successful receipt.
func (b *Board) receipt(ctx context.Context, tx *types.Transaction, what string) (*types.Receipt, error) {
	rc, err := ethtx.Wait{Poll: b.poll, Limit: b.wait}.Success(ctx, b.client, tx.Hash())
	if err != nil {
		return nil, fmt.Errorf("review: %s: %w", what, err)
	}
	return rc, nil
}

// decode names the board's custom error in a revert.
func (b *Board) decode(err error) error {
	return ethtx.Revert(err, b.abi.UnpackError, "ReviewBoard")
}

// AccessBallot is a validator's vote on an access request read from the
// public registry: the terms (record, requester, expiry) are what the
// registry checks when the decision is relayed, and a grant counts only
// with grants of the same terms.
type AccessBallot struct {
	RequestID [32]byte
	RecordID  [32]byte
	Requester common.Address
	Grant     bool
	ExpiresAt uint64 // unix seconds; 0 for a refusal
	Reason    string
}

// VoteAccess sends one reviewAccess vote signed by a validator's key.
func (b *Board) VoteAccess(ctx context.Context, key *ecdsa.PrivateKey, bl AccessBallot) (common.Hash, error) {
	if strings.TrimSpace(bl.Reason) == "" {
		return common.Hash{}, fmt.Errorf("%w (request %x)", errNoReason, bl.RequestID)
	}
	if !bl.Grant {
		bl.ExpiresAt = 0
	}
	rc, err := b.send(ctx, key, b.abi.PackReviewAccess(bl.RequestID, bl.RecordID, bl.Requester, bl.Grant, bl.ExpiresAt, bl.Reason), "access vote")
	if err != nil {
		return common.Hash{}, err
	}
	return rc.TxHash, nil
}

// AccessTally is the board's count on an access request.
func (b *Board) AccessTally(ctx context.Context, requestID [32]byte) (Tally, error) {
	out, err := bind.Call(b.contract, &bind.CallOpts{Context: ctx}, b.abi.PackAccessReview(requestID), b.abi.UnpackAccessReview)
	if err != nil {
		return Tally{}, fmt.Errorf("review: access request %x: %w", requestID, b.decode(err))
	}
	return Tally{Status: Status(out.Status), Approvals: out.Approvals.Uint64(), Rejections: out.Rejections.Uint64()}, nil
}
