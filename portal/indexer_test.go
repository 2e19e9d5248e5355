package portal

import (
	"context"
	"io"
	"log/slog"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/sovereign-gov/sovereign/publicdata"
	rt "github.com/sovereign-gov/sovereign/publicdata/readertest"
)

// The released views of the tests (as in publicdata's tests).
var (
	roads1 = []byte("district,,count\nnorth,,3\nsouth,,5\n")
	roads2 = []byte("district,,count\nnorth,,4\nsouth,,5\n")
	parks1 = []byte("park,visitors\ncentral,120\n")
)

func testCtx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return c
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// newIndex is an index of the fixture chain (playing both chains) in a
// fresh store of kind k.
func newIndex(t *testing.T, k storeKind, f *rt.Chain) (*Store, *Indexer) {
	t.Helper()
	s := openStore(t, k, k.place(t), f.Registry)
	ix, err := NewIndexer(s, IndexerConfig{Public: f.Client, Registry: f.Registry, Bridge: rt.Bridge,
		Consortium: f.Client, ReviewBoard: rt.ReviewBoard, LogRange: 3, Logger: quiet()})
	if err != nil {
		t.Fatal(err)
	}
	return s, ix
}

func statuses(t *testing.T, s *Store) map[common.Hash]string {
	t.Helper()
	all, err := s.All(testCtx(t))
	if err != nil {
		t.Fatal(err)
	}
	out := map[common.Hash]string{}
	for _, r := range all {
		out[r.RecordID] = r.Status
	}
	return out
}

func syncIndex(t *testing.T, ix *Indexer) {
	t.Helper()
	if err := ix.Sync(testCtx(t)); err != nil {
		t.Fatal(err)
	}
}

// TestIndexerFollows: releases, supersede links, freezes, shreds, relays and
// the consortium's proofs and votes land in the index, and agree with what
// the registry itself says (publicdata's reader).
func TestIndexerFollows(t *testing.T) { eachStore(t, testIndexerFollows) }

func testIndexerFollows(t *testing.T, k storeKind) {
	policy := big.NewInt(0x5555)
	rel1 := rt.Release(t, "roads", 1, 0, 0, roads1, 11)
	rel2 := rt.Release(t, "roads", 2, 0, 1, roads2, 12)
	parks := rt.Release(t, "parks", 1, 1, 0, parks1, 13)
	rel2.Department = DepartmentID("transport")
	f := rt.New(t, policy, false)
	s, ix := newIndex(t, k, f)
	f.Submitted(rel1, rt.ProofBytes(1))
	f.Commit()
	id1 := f.Publish(rel1, 7)
	syncIndex(t, ix)
	if got := statuses(t, s); len(got) != 1 || got[id1] != publicdata.StatusCurrent {
		t.Fatalf("after v1: %v", got)
	}
	id2 := f.Publish(rel2, 9)
	idp := f.Publish(parks, 0)
	f.Freeze(idp, "court order 12/2026")
	syncIndex(t, ix)
	want := map[common.Hash]string{id1: publicdata.StatusSuperseded, id2: publicdata.StatusCurrent, idp: publicdata.StatusFrozen}
	if got := statuses(t, s); !equal(got, want) {
		t.Fatalf("statuses %v, want %v", got, want)
	}
	// the registry agrees
	page, err := f.Reader().List(testCtx(t), publicdata.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range page.Records {
		if want[r.ID] != r.Status {
			t.Fatalf("registry says %s is %s, the index %s", r.ID, r.Status, want[r.ID])
		}
	}
	r, err := s.Release(testCtx(t), idp)
	if err != nil || r.FrozenReason != "court order 12/2026" || r.Level != 1 {
		t.Fatalf("frozen release: %+v %v", r, err)
	}
	r2, err := s.Release(testCtx(t), id2)
	if err != nil || r2.Supersedes != 1 || r2.Department != rel2.Department || r2.Commitment.Int64() != 12 || r2.ContentHash != rel2.ContentHash {
		t.Fatalf("release v2: %+v %v", r2, err)
	}
	c, err := s.Certification(testCtx(t), id1)
	if err != nil || !c.Relayed || c.Number != 7 || !c.HasProof {
		t.Fatalf("certification v1: %+v %v", c, err)
	}
	if p, err := s.Proof(testCtx(t), id1); err != nil || string(p) != string(rt.ProofBytes(1)) {
		t.Fatalf("proof: %x %v", p, err)
	}
	// shred and unfreeze
	f.Shred(rel2.DatasetId, common.Hash{9})
	f.Freeze(idp, "second order")
	syncIndex(t, ix)
	// a shred covers every version of the dataset
	if got := statuses(t, s); got[id2] != publicdata.StatusShredded || got[id1] != publicdata.StatusShredded {
		t.Fatalf("after shred: %v", got)
	}
	// the index can be rebuilt from the chain: a fresh one says the same
	s2, ix2 := newIndex(t, k, f)
	syncIndex(t, ix2)
	if a, b := statuses(t, s), statuses(t, s2); !equal(a, b) {
		t.Fatalf("rebuilt index %v, followed index %v", b, a)
	}
}

// TestIndexerReorg: blocks the chain drops take their releases, freezes and
// supersede links with them; the index then follows the new branch.
func TestIndexerReorg(t *testing.T) { eachStore(t, testIndexerReorg) }

func testIndexerReorg(t *testing.T, k storeKind) {
	policy := big.NewInt(7)
	rel1 := rt.Release(t, "roads", 1, 0, 0, roads1, 11)
	rel2 := rt.Release(t, "roads", 2, 0, 1, roads2, 12)
	parks := rt.Release(t, "parks", 1, 0, 0, parks1, 13)
	f := rt.New(t, policy, false)
	s, ix := newIndex(t, k, f)
	id1 := f.Publish(rel1, 3)
	fork := f.Head()
	id2 := f.Publish(rel2, 4)
	f.Freeze(id1, "wrong figures")
	syncIndex(t, ix)
	if got := statuses(t, s); got[id1] != publicdata.StatusFrozen || got[id2] != publicdata.StatusCurrent {
		t.Fatalf("before the reorg: %v", got)
	}

	// a longer branch from v1's block: v2 and the freeze are gone, parks is in
	f.Fork(fork)
	idp := f.Publish(parks, 0)
	f.Commit()
	f.Commit()
	syncIndex(t, ix)
	want := map[common.Hash]string{id1: publicdata.StatusCurrent, idp: publicdata.StatusCurrent}
	if got := statuses(t, s); !equal(got, want) {
		t.Fatalf("after the reorg: %v, want %v", got, want)
	}
	if r, err := s.Release(testCtx(t), id1); err != nil || r.SupersededBy != 0 || r.Frozen || r.FrozenReason != "" {
		t.Fatalf("v1 after the reorg: %+v %v", r, err)
	}
	if c, err := s.Certification(testCtx(t), id2); err != nil || c.Relayed {
		t.Fatalf("v2's relay survived the reorg: %+v %v", c, err)
	}

	// a shorter branch (the head goes back below the index's): parks goes
	f.Fork(fork)
	syncIndex(t, ix)
	if got := statuses(t, s); !equal(got, map[common.Hash]string{id1: publicdata.StatusCurrent}) {
		t.Fatalf("after going back: %v", got)
	}
	// and the chain grows again from there: v2 published anew
	id2 = f.Publish(rel2, 5)
	syncIndex(t, ix)
	if got := statuses(t, s); !equal(got, map[common.Hash]string{id1: publicdata.StatusSuperseded, id2: publicdata.StatusCurrent}) {
		t.Fatalf("after growing again: %v", got)
	}
	// a reorg that replaces every indexed block: the index starts over
	genesis, err := f.Client.HeaderByNumber(testCtx(t), big.NewInt(0))
	if err != nil {
		t.Fatal(err)
	}
	f.Fork(genesis.Hash())
	f.Commit()
	f.Commit()
	f.Commit()
	f.Commit()
	syncIndex(t, ix)
	if got := statuses(t, s); len(got) != 0 {
		t.Fatalf("after a reorg to genesis: %v", got)
	}
}

func equal(a, b map[common.Hash]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestStoreOfAnotherRegistry: an index folder made for another registry is
// emptied, cursors included, so the new registry is indexed from its start.
func TestStoreOfAnotherRegistry(t *testing.T) { eachStore(t, testStoreOfAnotherRegistry) }

func testStoreOfAnotherRegistry(t *testing.T, k storeKind) {
	f := rt.New(t, big.NewInt(7), false)
	f.Publish(rt.Release(t, "roads", 1, 0, 0, roads1, 11), 0)
	dir := k.place(t)
	open := func(f *rt.Chain) *Store {
		s, err := k.open(testCtx(t), dir, f.Registry)
		if err != nil {
			t.Fatal(err)
		}
		ix, err := NewIndexer(s, IndexerConfig{Public: f.Client, Registry: f.Registry, Logger: quiet()})
		if err != nil {
			t.Fatal(err)
		}
		syncIndex(t, ix)
		return s
	}
	s := open(f)
	if st, err := s.Stats(testCtx(t)); err != nil || st.Releases != 1 {
		t.Fatalf("first registry: %+v %v", st, err)
	}
	s.Close()
	g := rt.New(t, big.NewInt(7), false)
	g.Publish(rt.Release(t, "parks", 1, 0, 0, parks1, 12), 0)
	g.Publish(rt.Release(t, "parks", 2, 0, 1, parks1, 13), 0)
	s = open(g)
	defer s.Close()
	if st, err := s.Stats(testCtx(t)); err != nil || st.Releases != 2 {
		t.Fatalf("second registry in the same folder: %+v %v", st, err)
	}
}
