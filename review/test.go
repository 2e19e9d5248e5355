package review

import (
	"bytes"
	"context"
	"fmt"
	"math/big"
	"net/http"

	"github.com/sovereign-gov/sovereign/contentstore"
	"github.com/sovereign-gov/sovereign/contracts/deploy"
	"github.com/sovereign-gov/sovereign/record"
	"github.com/sovereign-gov/sovereign/sidechains/private/sensitive"
	"github.com/sovereign-gov/sovereign/sidechains/private/submission"
)

// Check is one reviewer check and its outcome.
type Check struct {
	Name   string
	OK     bool
	Detail string
}

// Report is the outcome of testing one submission.
type Report struct {
	RecordID [32]byte
	Checks   []Check
}

// Passed says whether every check passed.
func (r *Report) Passed() bool {
	for _, c := range r.Checks {
		if !c.OK {
			return false
		}
	}
	return len(r.Checks) > 0
}

func (r *Report) add(name string, err error, okDetail string) bool {
	c := Check{Name: name, OK: err == nil, Detail: okDetail}
	if err != nil {
		c.Detail = err.Error()
	}
	r.Checks = append(r.Checks, c)
	return c.OK
}

// Tester runs what a reviewer can check of a submission.
type Tester struct {
	Board *Board
	// Private opens records on the private chain under a Vault grant for
	// the record's dataset (nil: the private checks are reported failed).
	Private *sensitive.Service
	// Content is the content store the released view is fetched from.
	Content string
	Client  *http.Client
	// Policy, if set, is the published policy file the board's pinned
	// policy must equal.
	Policy *record.Policy
}

// MaxContent bounds a released view fetched for review.
const MaxContent = contentstore.MaxSize

// Test checks record id: the proof with the board's verifier, schema and
// policy, and (under a grant) that the decrypted record opens the reviewed
// commitment, which is also the one stored on the private chain, and that
// the released view in the content store is the record's cut at its
// threshold with the reviewed released root.
func (t *Tester) Test(ctx context.Context, id [32]byte) (*Report, error) {
	s, err := t.Board.Submission(ctx, id)
	if err != nil {
		return nil, err
	}
	rep := &Report{RecordID: id}
	policy, err := t.Board.Policy(ctx)
	if err != nil {
		return nil, err
	}
	pol, perr := record.PolicyFromElement(policy)
	if t.Policy != nil && perr == nil && t.Policy.Element().Cmp(policy) != 0 {
		perr = fmt.Errorf("the board pins policy %#x, the published policy file packs to %#x", policy, t.Policy.Element())
	}
	if perr == nil && (s.Level > uint8(record.LevelSensitive) || s.Threshold > uint8(record.LevelConditional)) {
		perr = fmt.Errorf("level %d, threshold %d out of range", s.Level, s.Threshold)
	}
	rep.add("schema and policy", perr, fmt.Sprintf("level %s, threshold %s, policy %#x", record.Level(s.Level), record.Level(s.Threshold), policy))

	entry, err := t.Board.Entry(ctx, id)
	if err != nil {
		return nil, err
	}
	// the verifier the proof passed at submission, which may be older than the current one
	version, verifier, err := t.Board.ProvedWith(ctx, id)
	if err != nil {
		return nil, err
	}
	// the binding is computed from the submission (as ReviewBoard.submit does), not read from anywhere
	binding := record.Binding(s.DatasetId, s.Version, s.ContentHash)
	inputs := [record.NumPublicInputs]*big.Int{s.Commitment, big.NewInt(int64(s.Level)), policy, big.NewInt(int64(s.Threshold)), s.ReleasedRoot, binding.BigInt(new(big.Int))}
	verr := deploy.VerifyProof(ctx, t.Board.Client(), verifier, entry.Proof, inputs)
	if verr != nil {
		verr = fmt.Errorf("the verifier %s refuses the proof: %v", verifier, verr)
	}
	rep.add("proof accepted on chain", verr, fmt.Sprintf("verifier version %d at %s", version, verifier.Hex()))

	st, table := t.private(ctx, rep, id, s, pol)
	t.content(ctx, rep, s, st, table)
	return rep, nil
}

// private opens the record under the grant and checks its commitment,
// level and released root against the submission.
func (t *Tester) private(ctx context.Context, rep *Report, id [32]byte, s *Submission, pol record.Policy) (*record.Statement, *record.Table) {
	const name = "private record opens the commitment"
	if t.Private == nil {
		rep.add(name, fmt.Errorf("no Vault grant given: the decrypted record cannot be checked"), "")
		return nil, nil
	}
	stored, err := t.Private.Stored(ctx, id)
	if err != nil {
		rep.add(name, fmt.Errorf("not on the private chain: %w", err), "")
		return nil, nil
	}
	want := s.Commitment.FillBytes(make([]byte, 32))
	if !bytes.Equal(stored.Commitment[:], want) {
		rep.add(name, fmt.Errorf("the private chain stores commitment %x, the board reviews %x: not the same record", stored.Commitment, want), "")
		return nil, nil
	}
	plain, err := t.Private.Open(ctx, id)
	if err != nil {
		rep.add(name, fmt.Errorf("decrypting under the grant: %w", err), "")
		return nil, nil
	}
	sealed, err := submission.OpenSealed(plain)
	if err != nil {
		rep.add(name, err, "")
		return nil, nil
	}
	st, table, err := sealed.Statement(pol, record.Level(s.Threshold))
	if err != nil {
		rep.add(name, err, "")
		return nil, nil
	}
	var got [32]byte = st.Public.Commitment.Bytes()
	switch {
	case !bytes.Equal(got[:], want):
		err = fmt.Errorf("the decrypted record commits to %x, not %x", got, want)
	case uint8(st.Public.Level) != s.Level:
		err = fmt.Errorf("the decrypted record is level %s, the submission says %s", st.Public.Level, record.Level(s.Level))
	case st.Public.ReleasedRoot.BigInt(new(big.Int)).Cmp(s.ReleasedRoot) != 0:
		err = fmt.Errorf("the record's columns at threshold %s give another released root", record.Level(s.Threshold))
	}
	if !rep.add(name, err, fmt.Sprintf("%d columns, %d rows; commitment, level and released root match", len(table.Columns), len(table.Rows))) {
		return nil, nil
	}
	return st, table
}

// content checks the released view in the content store.
func (t *Tester) content(ctx context.Context, rep *Report, s *Submission, st *record.Statement, table *record.Table) {
	const name = "released view in the content store"
	if s.Level == uint8(record.LevelSensitive) {
		rep.add(name, nil, "sensitive record: no content is released")
		return
	}
	client := t.Client
	if client == nil {
		client = http.DefaultClient
	}
	b, err := contentstore.Get(ctx, client, t.Content, fmt.Sprintf("%x", s.ContentHash), MaxContent)
	if err != nil {
		rep.add(name, err, "")
		return
	}
	view, err := record.ParseReleasedView(b)
	if err != nil {
		rep.add(name, err, "")
		return
	}
	root, err := view.Root()
	if err == nil && root.BigInt(new(big.Int)).Cmp(s.ReleasedRoot) != 0 {
		err = fmt.Errorf("the released view's columns give another released root than the submission's")
	}
	if err == nil && st != nil {
		// the view must be exactly the record's cut, not merely a file
		// with the right column hashes in another encoding
		var want *record.ReleasedView
		if want, err = record.NewReleasedView(table, st); err == nil {
			var wb []byte
			if wb, err = want.CSV(); err == nil && !bytes.Equal(wb, b) {
				err = fmt.Errorf("the released view is not the decrypted record's released columns")
			}
		}
	}
	rep.add(name, err, fmt.Sprintf("%d bytes, %d released columns, released root matches", len(b), len(view.ReleasedColumns().Columns)))
}
