package publicdata_test

import (
	"context"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/sovereign-gov/sovereign/bindings/dataregistry"
	"github.com/sovereign-gov/sovereign/contentstore"
	"github.com/sovereign-gov/sovereign/publicdata"
	rt "github.com/sovereign-gov/sovereign/publicdata/readertest"
	"github.com/sovereign-gov/sovereign/record"
	"github.com/sovereign-gov/sovereign/zk"
)

var newFixture = rt.New

// The released views of the tests: roads v1 and its correction v2 (a
// column withheld), a conditional record.
var (
	roads1 = []byte("district,,count\nnorth,,3\nsouth,,5\n")
	roads2 = []byte("district,,count\nnorth,,4\nsouth,,5\n")
	parks1 = []byte("park,visitors\ncentral,120\n")
)

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	return c
}

func TestListShowGetVerify(t *testing.T) {
	policy := big.NewInt(0x5555)
	rel1 := rt.Release(t, "roads", 1, 0, 0, roads1, 11)
	rel2 := rt.Release(t, "roads", 2, 0, 1, roads2, 12)
	parks := rt.Release(t, "parks", 1, 1, 0, parks1, 13)
	p1, p2, pp := rt.ProofBytes(1), rt.ProofBytes(2), rt.ProofBytes(3)
	f := newFixture(t, policy, false, rt.VerifyCall(t, p1, rt.Inputs(rel1, policy)), rt.VerifyCall(t, p2, rt.Inputs(rel2, policy)), rt.VerifyCall(t, pp, rt.Inputs(parks, policy)))
	f.Put(roads1)
	f.Put(roads2)
	f.Put(parks1)
	f.Submitted(rel1, p1)
	f.Submitted(rel2, p2)
	f.Submitted(parks, pp)
	f.Commit()
	id1 := f.Publish(rel1, 7)
	id2 := f.Publish(rel2, 9)
	idp := f.Publish(parks, 9)
	f.Freeze(idp, "court order 12/2026")
	r := f.Reader()
	c := ctx(t)

	// list: all, paged, filtered
	page, err := r.List(c, publicdata.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 3 || len(page.Records) != 3 || page.Records[0].ID != id1 || page.Records[2].ID != idp {
		t.Fatalf("list: %+v", page)
	}
	page, err = r.List(c, publicdata.Filter{Page: 2, PerPage: 2})
	if err != nil || page.Total != 3 || len(page.Records) != 1 || page.Records[0].ID != idp {
		t.Fatalf("list page 2 of 2: %+v %v", page, err)
	}
	want := map[string][]common.Hash{publicdata.StatusSuperseded: {id1}, publicdata.StatusCurrent: {id2}, publicdata.StatusFrozen: {idp}}
	for status, ids := range want {
		page, err := r.List(c, publicdata.Filter{Status: status})
		if err != nil || len(page.Records) != len(ids) || page.Records[0].ID != ids[0] {
			t.Fatalf("list --status %s: %+v %v", status, page, err)
		}
	}
	one := uint8(1)
	if page, err := r.List(c, publicdata.Filter{Level: &one}); err != nil || len(page.Records) != 1 || page.Records[0].ID != idp {
		t.Fatalf("list --level conditional: %+v %v", page, err)
	}
	ds := rel1.DatasetId
	if page, err := r.List(c, publicdata.Filter{Dataset: (*common.Hash)(&ds), PerPage: 1, Page: 2}); err != nil || page.Total != 2 || page.Records[0].ID != id2 {
		t.Fatalf("list --dataset roads --page 2 --per-page 1: %+v %v", page, err)
	}
	// every record's Department is zero until Published carries it: a filter on it finds none
	dep := publicdata.DepartmentID("transport")
	if page, err := r.List(c, publicdata.Filter{Department: &dep}); err != nil || page.Total != 0 {
		t.Fatalf("list --department: %+v %v", page, err)
	}
	if _, err := r.List(c, publicdata.Filter{Status: "lost"}); !errors.Is(err, publicdata.ErrBadFilter) || !strings.Contains(err.Error(), `"lost"`) {
		t.Fatalf("bad status: %v", err)
	}
	if _, err := publicdata.ParseLevel("secret"); !errors.Is(err, publicdata.ErrBadFilter) {
		t.Fatalf("bad level: %v", err)
	}

	// show: versions, chain both ways, frozen reason, certified block
	d, err := r.Show(c, id1)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Versions) != 2 || d.Versions[0].ID != id1 || len(d.Newer) != 1 || d.Newer[0].RecordID != id2 || len(d.Older) != 0 {
		t.Fatalf("show v1: %+v", d)
	}
	if d.Certified == nil || d.Certified.Number != 7 || d.Record.Published.Commitment.Int64() != 11 {
		t.Fatalf("show v1 certified/published: %+v %+v", d.Certified, d.Record.Published)
	}
	d, err = r.Show(c, id2)
	if err != nil || len(d.Older) != 1 || d.Older[0].Version != 1 || !d.Older[0].Published || d.Older[0].Status != publicdata.StatusSuperseded {
		t.Fatalf("show v2: %+v %v", d, err)
	}
	d, err = r.Show(c, idp)
	if err != nil || d.FrozenReason != "court order 12/2026" || d.Record.Status != publicdata.StatusFrozen {
		t.Fatalf("show frozen: %+v %v", d, err)
	}
	unknown := publicdata.RecordID(ds, 99)
	if _, err := r.Show(c, unknown); !errors.Is(err, publicdata.ErrUnknownRecord) || !strings.Contains(err.Error(), unknown.Hex()) {
		t.Fatalf("show unknown: %v", err)
	}

	// get: the view as stored, or its released columns only
	got, err := r.Get(c, id2)
	if err != nil {
		t.Fatal(err)
	}
	if string(got.View) != string(roads2) {
		t.Fatalf("get: %q", got.View)
	}
	cols, err := got.ReleasedColumns()
	if err != nil || string(cols) != "district,count\nnorth,4\nsouth,5\n" {
		t.Fatalf("released columns: %q %v", cols, err)
	}

	// verify: every check passes, proofs from the consortium's Submitted events
	for _, id := range []common.Hash{id1, id2, idp} {
		rep, err := r.Verify(c, id, nil)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Err() != nil {
			t.Fatalf("verify %s: %v\n%v", id, rep.Err(), rep.Checks)
		}
		if len(rep.Checks) != 5 || rep.Certified == nil {
			t.Fatalf("verify %s: %v", id, rep.Checks)
		}
	}
	// a proof file of the right release with wrong bytes: the verifier refuses it
	rep, err := r.Verify(c, id1, &publicdata.ProofFile{Bytes: rt.ProofBytes(9), Inputs: rt.Inputs(rel1, policy)})
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(rep.Err(), publicdata.ErrVerify) || failed(rep) != "proof" || !strings.Contains(check(rep, "proof").Detail, "refused the proof") {
		t.Fatalf("wrong proof: %v", rep.Checks)
	}
	// a proof file of another release: its inputs are not the registry's
	rep, _ = r.Verify(c, id1, &publicdata.ProofFile{Bytes: p2, Inputs: rt.Inputs(rel2, policy)})
	if failed(rep) != "proof" || !strings.Contains(check(rep, "proof").Detail, "the proof file's commitment") {
		t.Fatalf("proof of another release: %v", rep.Checks)
	}
	// no consortium and no proof file
	noCons := *r
	noCons.Consortium = nil
	rep, _ = noCons.Verify(c, id1, nil)
	if !strings.Contains(check(rep, "proof").Detail, "--proof FILE") {
		t.Fatalf("no consortium: %v", rep.Checks)
	}
	// a mirror serving other bytes under the name: content hash FAIL
	f.Store[contentstore.Name(roads1)] = []byte("district,,count\nnorth,,300\nsouth,,5\n")
	rep, _ = r.Verify(c, id1, nil)
	if failed(rep) != "content hash,released root" || !strings.Contains(check(rep, "content hash").Detail, "does not hash to its name") {
		t.Fatalf("tampered content: %v", rep.Checks)
	}
	if _, err := r.Get(c, id1); !errors.Is(err, contentstore.ErrHashMismatch) {
		t.Fatalf("get tampered: %v", err)
	}
}

func failed(rep *publicdata.Report) string {
	var out []string
	for _, c := range rep.Checks {
		if !c.OK && !c.Skipped {
			out = append(out, c.Name)
		}
	}
	return strings.Join(out, ",")
}

func check(rep *publicdata.Report, name string) publicdata.Check {
	for _, c := range rep.Checks {
		if c.Name == name {
			return c
		}
	}
	return publicdata.Check{}
}

// TestContentRootMismatch: content that hashes right but whose released
// columns are not the ones the registry's root commits to.
func TestContentRootMismatch(t *testing.T) {
	policy := big.NewInt(7)
	rel := rt.Release(t, "roads", 1, 0, 0, roads1, 11)
	other := rt.Release(t, "roads", 1, 0, 0, roads2, 11)
	rel.ReleasedRoot = other.ReleasedRoot // the proof's root is roads2's; the file is roads1
	f := newFixture(t, policy, false)
	f.Put(roads1)
	id := f.Publish(rel, 0)
	c := ctx(t)
	if _, err := f.Reader().Get(c, id); !errors.Is(err, publicdata.ErrContent) || !strings.Contains(err.Error(), "the released columns hash to root") {
		t.Fatalf("get: %v", err)
	}
	rep, err := f.Reader().Verify(c, id, nil)
	if err != nil {
		t.Fatal(err)
	}
	// root differs, no Submitted proof on the consortium, no Relayed event
	if failed(rep) != "released root,proof,certified block" {
		t.Fatalf("verify: %v", rep.Checks)
	}
	if !strings.Contains(check(rep, "certified block").Detail, "no Relayed event") {
		t.Fatalf("certified: %v", rep.Checks)
	}
}

// TestSensitiveRecord: a level-2 record is metadata, commitment and proof
// only — the real fixture proof, checked against the registry's inputs.
func TestSensitiveRecord(t *testing.T) {
	path := filepath.Join("..", "contracts", "test", "zk", "fixtures", "proof16.json")
	pf, err := publicdata.LoadProofFile(path)
	if err != nil {
		t.Fatal(err)
	}
	policy := pf.Inputs[2]
	// the record the fixture proof is bound to: the reader computes the
	// binding from the registry's dataset id, version and content hash
	_, contentHash, err := zk.FixtureContent(record.SizeSmall)
	if err != nil {
		t.Fatal(err)
	}
	rel := dataregistry.IDataRegistryRelease{DatasetId: record.DatasetID(zk.FixtureDepartment, zk.FixtureDataset), Version: zk.FixtureVersion,
		Level: uint8(pf.Inputs[1].Uint64()), Threshold: uint8(pf.Inputs[3].Uint64()),
		Commitment: pf.Inputs[0], ReleasedRoot: pf.Inputs[4], ContentHash: contentHash, VerifierVersion: 1}
	if rel.Level != 2 {
		t.Fatalf("fixture level %d, want 2", rel.Level)
	}
	// the same proof published under another dataset id (or another
	// department's): the binding the reader computes is not the proof's
	other := rel
	other.DatasetId = record.DatasetID("tax", zk.FixtureDataset)
	f := newFixture(t, policy, false, rt.VerifyCall(t, pf.Bytes, pf.Inputs))
	id := f.Publish(rel, 4)
	c := ctx(t)
	if _, err := f.Reader().Get(c, id); !errors.Is(err, publicdata.ErrSensitive) || !strings.Contains(err.Error(), "never leaves the private chain") {
		t.Fatalf("get sensitive: %v", err)
	}
	rep, err := f.Reader().Verify(c, id, pf)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Err() != nil || check(rep, "content hash").Skipped != true || !check(rep, "proof").OK {
		t.Fatalf("verify sensitive: %v", rep.Checks)
	}
	otherID := f.Publish(other, 5)
	if rep, err = f.Reader().Verify(c, otherID, pf); err != nil {
		t.Fatal(err)
	}
	if failed(rep) != "proof" || !strings.Contains(check(rep, "proof").Detail, "the proof file's binding") {
		t.Fatalf("proof file of another record: %v", rep.Checks)
	}
	// malformed proof files
	dir := t.TempDir()
	for name, body := range map[string]string{"garbage.json": "not json", "short.json": `{"version":1}`} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := publicdata.LoadProofFile(p); err == nil || !strings.Contains(err.Error(), "malformed proof file") {
			t.Fatalf("%s: %v", name, err)
		}
	}
	if _, err := publicdata.LoadProofFile(filepath.Join(dir, "absent.json")); err == nil {
		t.Fatal("absent proof file accepted")
	}
}

// TestVerifierVersions: each release is checked with the public chain's
// verifier of the version its proof passed on the consortium. A release of
// version 2 fails until version 2 is announced and a contract of its code
// is registered (the version-1 verifier is not taken for it); then it
// verifies with version 2, and a release of version 1 still verifies with
// version 1.
func TestVerifierVersions(t *testing.T) {
	policy := big.NewInt(0x5555)
	old := rt.Release(t, "roads", 1, 0, 0, roads1, 11)
	next := rt.Release(t, "roads", 2, 0, 0, roads2, 12)
	next.VerifierVersion = 2
	pOld, pNext := rt.ProofBytes(1), rt.ProofBytes(2)
	callOld, callNext := rt.VerifyCall(t, pOld, rt.Inputs(old, policy)), rt.VerifyCall(t, pNext, rt.Inputs(next, policy))
	f := newFixture(t, policy, false, callOld) // version 1 accepts the old keys' proof only
	f.Put(roads1)
	f.Put(roads2)
	f.Submitted(old, pOld)
	f.Submitted(next, pNext)
	f.Commit()
	idOld, idNext := f.Publish(old, 7), f.Publish(next, 8)
	r := f.Reader()
	c := ctx(t)
	proof := func(id common.Hash) publicdata.Check {
		rep, err := r.Verify(c, id, nil)
		if err != nil {
			t.Fatal(err)
		}
		return check(rep, "proof")
	}
	if p := proof(idNext); p.OK || !strings.Contains(p.Detail, "version 2 is not announced") {
		t.Fatalf("version 2 before its announcement: %+v", p)
	}
	f.AnnounceVerifier(2, rt.VerifierCodeHash(callNext))
	if p := proof(idNext); p.OK || !strings.Contains(p.Detail, "is not verifier version 2") {
		t.Fatalf("version 2 announced, none registered (the reader's version-1 verifier must not do): %+v", p)
	}
	f.RegisterVerifier(2, f.DeployVerifier(callNext))
	if p := proof(idNext); !p.OK || !strings.Contains(p.Detail, "verifier version 2") {
		t.Fatalf("version 2 registered: %+v", p)
	}
	if p := proof(idOld); !p.OK || !strings.Contains(p.Detail, "verifier version 1") {
		t.Fatalf("a version-1 release after version 2: %+v", p)
	}
}

func TestParseID(t *testing.T) {
	id := publicdata.RecordID(common.Hash{1}, 2)
	for _, s := range []string{id.Hex(), strings.TrimPrefix(id.Hex(), "0x"), strings.ToUpper(id.Hex()[2:])} {
		if got, err := publicdata.ParseID(s); err != nil || got != id {
			t.Fatalf("publicdata.ParseID(%q) = %s, %v", s, got, err)
		}
	}
	for _, s := range []string{"", "0x1234", id.Hex() + "00", "0x" + strings.Repeat("g", 64)} {
		if _, err := publicdata.ParseID(s); !errors.Is(err, publicdata.ErrBadRecordID) {
			t.Fatalf("publicdata.ParseID(%q): %v", s, err)
		}
	}
}

// TestReconcile: missing, refused and undecided releases are found; once
// the consortium decided and the registry published everything, nothing
// is missing.
func TestReconcile(t *testing.T) {
	policy := big.NewInt(7)
	a := rt.Release(t, "roads", 1, 0, 0, roads1, 11)
	b := rt.Release(t, "roads", 2, 0, 1, roads2, 12)
	missing := rt.Release(t, "parks", 1, 1, 0, parks1, 13)
	refused := rt.Release(t, "roads", 3, 0, 1, roads2, 14) // corrects v1, already corrected by v2
	rejected := rt.Release(t, "parks", 2, 0, 0, parks1, 15)
	undecided := rt.Release(t, "parks", 3, 0, 0, parks1, 16)
	f := newFixture(t, policy, false)
	for _, r := range []dataregistry.IDataRegistryRelease{a, b, missing, refused} {
		f.Decide(r, true)
	}
	f.Decide(rejected, false)
	f.Commit()
	f.Publish(a, 2)
	f.Publish(b, 2)
	f.Publish(undecided, 0)
	f.Refuse(refused, 6, false) // AlreadySuperseded, final
	f.Commit()
	c := ctx(t)
	rec, err := f.Reader().Reconcile(c)
	if err != nil {
		t.Fatal(err)
	}
	if rec.OK() || rec.Approved != 4 || rec.Rejected != 1 || rec.Published != 3 {
		t.Fatalf("reconcile: %s", rec.Summary())
	}
	if len(rec.Missing) != 1 || rec.Missing[0].RecordID != publicdata.RecordID(missing.DatasetId, 1) {
		t.Fatalf("missing: %+v", rec.Missing)
	}
	if len(rec.Refused) != 1 || rec.Refused[0].Refusal.Reason != "AlreadySuperseded" || rec.Refused[0].Refusal.Retryable {
		t.Fatalf("refused: %+v", rec.Refused)
	}
	if len(rec.Undecided) != 1 || rec.Undecided[0].Version != 3 {
		t.Fatalf("undecided: %+v", rec.Undecided)
	}
	// the consortium decides the undecided one, the missing one is published
	f.Decide(undecided, true)
	f.Commit()
	f.Publish(missing, 5)
	rec, err = f.Reader().Reconcile(c)
	if err != nil {
		t.Fatal(err)
	}
	if !rec.OK() || !strings.HasSuffix(rec.Summary(), "nothing missing") || len(rec.Refused) != 1 {
		t.Fatalf("reconcile after: %s", rec.Summary())
	}
	// a publication with other values than its decision
	odd := rt.Release(t, "parks", 4, 0, 0, parks1, 17)
	f.Decide(odd, true)
	f.Commit()
	odd.Commitment = big.NewInt(18)
	f.Publish(odd, 0)
	if rec, err = f.Reader().Reconcile(c); err != nil || rec.OK() || len(rec.Mismatched) != 1 || rec.Mismatched[0].Field != "commitment" {
		t.Fatalf("mismatch: %+v %v", rec, err)
	}
	noCons := *f.Reader()
	noCons.Consortium = nil
	if _, err := noCons.Reconcile(c); !errors.Is(err, publicdata.ErrNoConsortium) {
		t.Fatalf("no consortium: %v", err)
	}
}
