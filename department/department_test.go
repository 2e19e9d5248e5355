package department

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/sovereign-gov/sovereign/record"
	"github.com/sovereign-gov/sovereign/sidechains/private/submission"
	"github.com/sovereign-gov/sovereign/zk"
)

// TestSubmissionCarriesTheBinding: the binding Submit proves (from the
// request's identity and the released view it uploads) is the one the
// ReviewBoard computes from the submission it sends (datasetId, version,
// contentHash), so its own proof verifies there, and another
// department's or version's does not.
func TestSubmissionCarriesTheBinding(t *testing.T) {
	tab, cats := zk.FixtureTable(record.SizeSmall)
	rec, err := record.NewRecord(tab, cats)
	if err != nil {
		t.Fatal(err)
	}
	var salt fr.Element
	salt.SetUint64(7)
	st, err := record.NewStatement(rec, zk.FixturePolicy(), record.LevelOpen, salt)
	if err != nil {
		t.Fatal(err)
	}
	req := submission.Request{Department: "health", Dataset: "stays", Version: 3}
	binding, content, err := record.ViewBinding(req.Department, req.Dataset, req.Version, tab, st)
	if err != nil {
		t.Fatal(err)
	}
	st.Bind(binding)
	sub := Submission(req, st, 0, record.ContentHash(content))
	if got := record.Binding(sub.DatasetId, sub.Version, sub.ContentHash); !got.Equal(&st.Public.Binding) {
		t.Fatalf("the board would compute binding %s, the proof has %s", record.HexElement(&got), record.HexElement(&st.Public.Binding))
	}
	other := Submission(submission.Request{Department: "tax", Dataset: "stays", Version: 3}, st, 0, record.ContentHash(content))
	if got := record.Binding(other.DatasetId, other.Version, other.ContentHash); got.Equal(&st.Public.Binding) {
		t.Fatal("another department's submission has the same binding")
	}
}

// A batch the private chain refuses (all or none) is stored record by
// record, so one record it refuses holds back only itself.
func TestStoreBatchesIsolatesARefusedRecord(t *testing.T) {
	bad := &submission.Prepared{Result: &submission.Result{}}
	var jobs []*job
	for i := range 5 {
		p := &submission.Prepared{Result: &submission.Result{}}
		if i == 2 {
			p = bad
		}
		jobs = append(jobs, &job{i: i, prepared: p, stored: make(chan error, 1)})
	}
	var writes [][]*submission.Prepared
	s := &Submitter{storeFake: func(_ context.Context, ps ...*submission.Prepared) error {
		writes = append(writes, ps)
		if slices.Contains(ps, bad) {
			return errors.New("InvalidEntry{Field:wrappedKey}")
		}
		return nil
	}}
	in := make(chan *job, len(jobs))
	for _, j := range jobs {
		in <- j
	}
	close(in)
	s.storeBatches(context.Background(), in)
	for _, j := range jobs {
		err := <-j.stored
		if (j.i == 2) != (err != nil) {
			t.Errorf("record %d: stored with error %v", j.i, err)
		}
	}
	if len(writes[0]) != 5 {
		t.Fatalf("first write of %d records, want the whole batch of 5", len(writes[0]))
	}
	if len(writes) != 6 {
		t.Fatalf("%d writes, want the batch and then each of its 5 records", len(writes))
	}
}

// batches hands on whatever has arrived, in order, as one batch.
func TestBatchesTakeWhatHasArrived(t *testing.T) {
	in := make(chan *job, 10)
	for i := range 7 {
		in <- &job{i: i}
	}
	close(in)
	var got []int
	n := 0
	for b := range batches(in) {
		n++
		for _, j := range b {
			got = append(got, j.i)
		}
	}
	if !slices.Equal(got, []int{0, 1, 2, 3, 4, 5, 6}) || n < 1 || n > 2 {
		t.Fatalf("batches: %v in %d batches, want 0…6 in order in one or two", got, n)
	}
}
