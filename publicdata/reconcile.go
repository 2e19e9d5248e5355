package publicdata

import (
	"context"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reconciliation compares the consortium's decisions with the public chain.
type Reconciliation struct {
	Approved  int `json:"approved"`  // approved decisions on the consortium
	Rejected  int `json:"rejected"`  // rejected decisions (never published)
	Published int `json:"published"` // Published events on the registry
	// Missing: approved, neither published nor refused by the registry.
	Missing []*Decision `json:"missing"`
	// Refused: approved, refused by the registry (and not published since).
	Refused []RefusedRelease `json:"refused"`
	// Undecided: published without an approved decision.
	Undecided []*Values `json:"undecided"`
	// Mismatched: published with values other than its approved decision's.
	Mismatched []Mismatch `json:"mismatched"`
}

// RefusedRelease is an approved decision the registry refused.
type RefusedRelease struct {
	Decision *Decision `json:"decision"`
	Refusal  *Refusal  `json:"refusal"`
}

// Mismatch is a release published with other values than its decision's.
type Mismatch struct {
	Decision  *Decision `json:"decision"`
	Published *Values   `json:"published"`
	Field     string    `json:"field"`
}

// OK is true when nothing is missing, nothing was published without an
// approved decision and every publication matches its decision. Refused
// releases are accounted for (the registry said why) and do not count.
func (r *Reconciliation) OK() bool {
	return len(r.Missing) == 0 && len(r.Undecided) == 0 && len(r.Mismatched) == 0
}

// Summary is the one-line summary reconcile ends with.
func (r *Reconciliation) Summary() string {
	s := fmt.Sprintf("%d approved, %d rejected, %d published, %d refused: %d missing, %d published without an approved decision, %d differing from their decision",
		r.Approved, r.Rejected, r.Published, len(r.Refused), len(r.Missing), len(r.Undecided), len(r.Mismatched))
	if r.OK() {
		s += " — nothing missing"
	}
	return s
}

// Reconcile reads every Decision of the consortium's ReviewBoard, every
// Published of the registry and every ReleaseRefused of the bridge, block
// range by block range, and reports what does not match.
func (r *Reader) Reconcile(ctx context.Context) (*Reconciliation, error) {
	if r.Consortium == nil || r.ReviewBoard == (common.Address{}) {
		return nil, fmt.Errorf("%w: reconcile reads the consortium's ReviewBoard decisions", ErrNoConsortium)
	}
	out := &Reconciliation{Missing: []*Decision{}, Refused: []RefusedRelease{}, Undecided: []*Values{}, Mismatched: []Mismatch{}}
	approved := map[common.Hash]*Decision{}
	var order []common.Hash
	err := r.scan(ctx, r.Consortium, r.ReviewBoard, [][]common.Hash{{DecisionTopic}}, func(l *types.Log) error {
		d, err := DecodeDecision(l)
		if err != nil {
			return err
		}
		if !d.Approved {
			out.Rejected++
			return nil
		}
		if approved[d.RecordID] == nil {
			order = append(order, d.RecordID)
			out.Approved++
		}
		approved[d.RecordID] = d
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("consortium: %w", err)
	}
	published := map[common.Hash]*Values{}
	var pubOrder []common.Hash
	err = r.scan(ctx, r.Public, r.Registry, [][]common.Hash{{PublishedTopic}}, func(l *types.Log) error {
		v, err := DecodePublished(l)
		if err != nil {
			return err
		}
		if published[v.RecordID] == nil {
			pubOrder = append(pubOrder, v.RecordID)
		}
		published[v.RecordID] = v
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("public: %w", err)
	}
	out.Published = len(published)
	refused := map[common.Hash]*Refusal{}
	if r.Bridge != (common.Address{}) {
		err = r.scan(ctx, r.Public, r.Bridge, [][]common.Hash{{ReleaseRefusedTopic}}, func(l *types.Log) error {
			f, err := decodeRefused(l)
			if err != nil {
				return err
			}
			refused[f.RecordID] = f // the latest
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("public: %w", err)
		}
	}
	for _, id := range order {
		d := approved[id]
		p := published[id]
		switch {
		case p != nil:
			if f := differs(d, p); f != "" {
				out.Mismatched = append(out.Mismatched, Mismatch{Decision: d, Published: p, Field: f})
			}
		case refused[id] != nil:
			out.Refused = append(out.Refused, RefusedRelease{Decision: d, Refusal: refused[id]})
		default:
			out.Missing = append(out.Missing, d)
		}
	}
	for _, id := range pubOrder {
		if approved[id] == nil {
			out.Undecided = append(out.Undecided, published[id])
		}
	}
	return out, nil
}

// differs names the first value a publication has other than its decision.
func differs(d *Decision, p *Values) string {
	switch {
	case d.DatasetID != p.DatasetID:
		return "datasetId"
	case d.Version != p.Version:
		return "version"
	case d.Level != p.Level:
		return "level"
	case d.Threshold != p.Threshold:
		return "threshold"
	case d.Supersedes != p.Supersedes:
		return "supersedes"
	case d.Commitment.Cmp(p.Commitment) != 0:
		return "commitment"
	case d.ReleasedRoot.Cmp(p.ReleasedRoot) != 0:
		return "releasedRoot"
	case d.ContentHash != p.ContentHash:
		return "contentHash"
	case d.Department != p.Department:
		return "department"
	}
	return ""
}
