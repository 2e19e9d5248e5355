package department

import (
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
