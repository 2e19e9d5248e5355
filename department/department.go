// Package department is what a department runs to send a record on its
// path (DESIGN.md steps 1–3): the table is stored encrypted on the private
// chain, its classification is proved, its released view goes to the
// content store and the record is submitted to the consortium's
// ReviewBoard. Every step is idempotent, so a submission cut short at any
// instant is finished by running it again.
package department

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"net/http"
	"time"

	"github.com/sovereign-gov/sovereign/contentstore"
	"github.com/sovereign-gov/sovereign/contracts/deploy"
	"github.com/sovereign-gov/sovereign/record"
	"github.com/sovereign-gov/sovereign/review"
	"github.com/sovereign-gov/sovereign/sidechains/private/records/chainstore"
	"github.com/sovereign-gov/sovereign/sidechains/private/sensitive"
	"github.com/sovereign-gov/sovereign/sidechains/private/submission"
	"github.com/sovereign-gov/sovereign/zk"
)

// Steps is the number of steps of a full submission.
const Steps = 4

// Submitter submits a department's records.
type Submitter struct {
	Private *sensitive.Service // the department's Vault login and the private chain
	Key     *ecdsa.PrivateKey  // the department's key (from Vault): signs on the consortium
	Keys    func(size int) (*zk.Keys, error)
	Board   *review.Board
	Content string       // content store URL
	HTTP    *http.Client // nil: http.DefaultClient
	// storeFake, if set, replaces the private chain in unit tests.
	storeFake func(ctx context.Context, ps ...*submission.Prepared) error
	// Step, if set, is told as each step starts (by SubmitAll from several
	// goroutines: its stages run at once).
	Step func(n int, what string)
}

// Outcome is what a submission did.
type Outcome struct {
	Stored      *submission.Result
	Proof       *zk.Proof
	ProveTime   time.Duration
	ContentHash [32]byte // sha256 of the released view: its name in the content store, the on-chain contentHash
	ContentSize int
	Uploaded    bool // false for a sensitive record: its content stays private
	Review      *review.Submitted
}

func (s *Submitter) step(n int, what string) {
	if s.Step != nil {
		s.Step(n, what)
	}
}

// Submit runs every step for req; supersedes is the version it corrects (0: none).
func (s *Submitter) Submit(ctx context.Context, req submission.Request, supersedes uint64) (*Outcome, error) {
	out := &Outcome{}
	if err := s.store(ctx, req, supersedes, out); err != nil {
		return out, err
	}
	if err := s.prove(ctx, req, out); err != nil {
		return out, err
	}
	return out, s.review(ctx, req, supersedes, out)
}

// Job is one record of SubmitAll.
type Job struct {
	Request    submission.Request
	Supersedes uint64
	// Started, if set, is called when the job's first step starts.
	Started func()
}

// pipeDepth is how far the first stage runs ahead of the prover: records
// sealed but not proved yet. Deep enough to fill a private-chain batch
// while the prover works, shallow enough that a record's wait starts when
// the department's tool takes it up, not long before.
const pipeDepth = 4

// job is a record on its way through SubmitAll.
type job struct {
	i        int
	out      *Outcome
	prepared *submission.Prepared
	stored   chan error // the private chain's answer for its batch
	err      error
}

// SubmitAll submits many records as a pipeline of batches. Records are
// sealed one after another; whatever is sealed when the private chain is
// free goes in one SensitiveStore transaction (a multicall, all or none),
// while the prover proves them (a proof does not wait for the store); what
// is proved when the consortium is free goes to the ReviewBoard as one
// train of transactions, each record once its batch is stored. So a
// department's records share blocks instead of waiting one block each.
// done is called once per job, in order, with its outcome or the error
// that stopped it; a failed job does not stop the others.
func (s *Submitter) SubmitAll(ctx context.Context, jobs []Job, done func(i int, out *Outcome, err error)) {
	toStore := make(chan *job, len(jobs))
	toProve := make(chan *job, pipeDepth)
	proved := make(chan *job, len(jobs))
	go func() { // seal, in order
		defer close(toStore)
		defer close(toProve)
		for i, j := range jobs {
			if j.Started != nil {
				j.Started()
			}
			it := &job{i: i, out: &Outcome{}, stored: make(chan error, 1)}
			it.prepared, it.err = s.prepare(ctx, j.Request, j.Supersedes)
			if it.err == nil {
				it.out.Stored = it.prepared.Result
				toStore <- it
			}
			select {
			case toProve <- it:
			case <-ctx.Done():
				return
			}
		}
	}()
	go s.storeBatches(ctx, toStore)
	go func() {
		defer close(proved)
		for it := range toProve {
			if it.err == nil {
				it.err = s.prove(ctx, jobs[it.i].Request, it.out)
			}
			proved <- it
		}
	}()
	for batch := range batches(proved) {
		var ready []*job
		var items []review.Proved
		for _, it := range batch {
			if it.err == nil {
				it.err = <-it.stored
			}
			if it.err == nil {
				s.step(4, "submitting for review on the consortium")
				ready = append(ready, it)
				items = append(items, review.Proved{Submission: Submission(jobs[it.i].Request, it.out.Stored.Statement, jobs[it.i].Supersedes, it.out.ContentHash), Proof: it.out.Proof.Bytes})
			}
		}
		if len(items) > 0 {
			subs, errs := s.Board.SubmitAll(ctx, s.Key, items)
			for k, it := range ready {
				it.out.Review, it.err = subs[k], errs[k]
			}
		}
		for _, it := range batch {
			done(it.i, it.out, it.err)
		}
	}
}

// storeBatches stores sealed records: whatever is waiting when the private
// chain is free goes in one write; each record is told its batch's answer.
func (s *Submitter) storeBatches(ctx context.Context, in <-chan *job) {
	for batch := range batches(in) {
		for len(batch) > 0 {
			part := batch[:min(len(batch), chainstore.MaxBatch)]
			batch = batch[len(part):]
			ps := make([]*submission.Prepared, len(part))
			for k, it := range part {
				ps[k] = it.prepared
			}
			s.step(1, fmt.Sprintf("storing %d sealed records on the private chain", len(part)))
			err := s.storeAll(ctx, ps...)
			if err != nil && len(part) > 1 {
				// all or none refused the batch: store each alone, so a
				// record the chain refuses holds back only itself
				for _, it := range part {
					it.stored <- s.storeAll(ctx, it.prepared)
				}
				continue
			}
			for _, it := range part {
				it.stored <- err
			}
		}
	}
}

// storeAll stores prepared records in one write.
func (s *Submitter) storeAll(ctx context.Context, ps ...*submission.Prepared) error {
	if s.storeFake != nil {
		return s.storeFake(ctx, ps...)
	}
	return submission.StoreAll(ctx, s.Private, ps...)
}

// batches turns a channel of records into a channel of batches: each
// batch is whatever has arrived by the time the last one was taken.
func batches(in <-chan *job) <-chan []*job {
	out := make(chan []*job)
	go func() {
		defer close(out)
		for first := range in {
			batch := []*job{first}
		drain:
			for {
				select {
				case it, ok := <-in:
					if !ok {
						break drain
					}
					batch = append(batch, it)
				default:
					break drain
				}
			}
			out <- batch
		}
	}()
	return out
}

// store is step 1: the record encrypted on the private chain.
func (s *Submitter) store(ctx context.Context, req submission.Request, supersedes uint64, out *Outcome) error {
	p, err := s.prepare(ctx, req, supersedes)
	if err != nil {
		return err
	}
	if err := submission.StoreAll(ctx, s.Private, p); err != nil {
		return err
	}
	out.Stored = p.Result
	return nil
}

// prepare seals the record for step 1 (submission.Prepare).
func (s *Submitter) prepare(ctx context.Context, req submission.Request, supersedes uint64) (*submission.Prepared, error) {
	if supersedes >= req.Version && supersedes != 0 {
		return nil, fmt.Errorf("department: supersedes %d: a correction supersedes an earlier version (below %d)", supersedes, req.Version)
	}
	s.step(1, "encrypting and storing on the private chain")
	return submission.Prepare(ctx, s.Private, req)
}

// prove is steps 2 and 3: the proof, and the released view in the content store.
func (s *Submitter) prove(ctx context.Context, req submission.Request, out *Outcome) error {
	st := out.Stored.Statement
	s.step(2, fmt.Sprintf("proving the classification (%d-column circuit)", st.Size))
	keys, err := s.Keys(st.Size)
	if err != nil {
		return err
	}
	table, err := record.LoadTable(req.Table)
	if err != nil {
		return err
	}
	// The proof is bound to this record (dataset id, version, content hash of
	// the released view): the content comes first, then the proof.
	binding, content, err := record.ViewBinding(req.Department, req.Dataset, req.Version, table, st)
	if err != nil {
		return err
	}
	out.ContentHash, out.ContentSize = record.ContentHash(content), len(content)
	st.Bind(binding)
	start := time.Now()
	if out.Proof, err = zk.Prove(keys, st, table.Columns); err != nil {
		return fmt.Errorf("department: proving: %w", err)
	}
	out.ProveTime = time.Since(start)
	if st.Public.Level == record.LevelSensitive {
		s.step(3, "sensitive record: its content stays on the private chain (only its hash is submitted)")
		return nil
	}
	s.step(3, "uploading the released view to "+s.Content)
	client := s.HTTP
	if client == nil {
		client = http.DefaultClient
	}
	if _, err := contentstore.Put(ctx, client, s.Content, content); err != nil {
		return err
	}
	out.Uploaded = true
	return nil
}

// review is step 4: the submission to the ReviewBoard.
func (s *Submitter) review(ctx context.Context, req submission.Request, supersedes uint64, out *Outcome) error {
	s.step(4, "submitting for review on the consortium")
	sub := Submission(req, out.Stored.Statement, supersedes, out.ContentHash)
	var err error
	out.Review, err = s.Board.Submit(ctx, s.Key, sub, out.Proof.Bytes)
	return err
}

// Submission is the ReviewBoard submission of a record stored under req
// with statement st.
func Submission(req submission.Request, st *record.Statement, supersedes uint64, contentHash [32]byte) review.Submission {
	return review.Submission{
		Department:   deploy.DepartmentID(req.Department),
		Dataset:      deploy.DatasetKey(req.Dataset),
		DatasetId:    deploy.DatasetID(req.Department, req.Dataset),
		Version:      req.Version,
		Level:        uint8(st.Public.Level),
		Threshold:    uint8(st.Public.Threshold),
		Commitment:   st.Public.Commitment.BigInt(new(big.Int)),
		ReleasedRoot: st.Public.ReleasedRoot.BigInt(new(big.Int)),
		ContentHash:  contentHash,
		Supersedes:   supersedes,
	}
}
