package publicdata

import (
	"context"
	"crypto/ecdsa"
	"crypto/sha256"
	"errors"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"

	"github.com/sovereign-gov/sovereign/bindings/dataregistry"
	"github.com/sovereign-gov/sovereign/contentstore"
)

// emitterCode emits any log: calldata is [n][topic 0..n-1][data…] with n 3
// or 4. It stands in for the bridge (Relayed, ReleaseRefused) and the
// ReviewBoard (Decision, Submitted): the reader only reads their logs.
var emitterCode = common.FromHex(
	"5f35" + "600414" + "601d57" + // n == 4 → LOG4
		"606035" + "604035" + "602035" + "60803603" + "80" + "60805f37" + "5fa300" + // LOG3
		"5b" + "608035" + "606035" + "604035" + "602035" + "60a03603" + "80" + "60a05f37" + "5fa400") // LOG4

// verifierCode accepts exactly the given calls (STOP) and refuses any
// other (REVERT): a stand-in verifier whose accepted proofs the test picks.
func verifierCode(calls ...[]byte) []byte {
	code := []byte{0x36, 0x5f, 0x5f, 0x37, 0x36, 0x5f, 0x20}
	ok := 7 + 39*len(calls) + 3
	for _, c := range calls {
		code = append(code, 0x80, 0x7f)
		code = append(code, crypto.Keccak256(c)...)
		code = append(code, 0x14, 0x61, byte(ok>>8), byte(ok), 0x57)
	}
	return append(code, 0x5f, 0x5f, 0xfd, 0x5b, 0x00)
}

var (
	bridgeAt   = common.HexToAddress("0x00000000000000000000000000000000000b1d9e")
	boardAt    = common.HexToAddress("0x0000000000000000000000000000000000000b0a")
	verifierAt = common.HexToAddress("0x00000000000000000000000000000000000c1a55")
)

// fixture is a chain with a DataRegistry whose bridge is the test's key.
type fixture struct {
	t        *testing.T
	sim      *simulated.Backend
	client   simulated.Client
	key      *ecdsa.PrivateKey
	from     common.Address
	nonce    uint64
	registry common.Address
	store    map[string][]byte // content store: name → bytes served
	reader   *Reader
}

func (f *fixture) send(to *common.Address, data []byte) {
	f.t.Helper()
	id, err := f.client.ChainID(context.Background())
	if err != nil {
		f.t.Fatal(err)
	}
	tx := types.MustSignNewTx(f.key, types.LatestSignerForChainID(id), &types.DynamicFeeTx{
		ChainID: id, Nonce: f.nonce, To: to, Data: data, Gas: 5_000_000,
		GasFeeCap: big.NewInt(100e9), GasTipCap: big.NewInt(1e9),
	})
	if err := f.client.SendTransaction(context.Background(), tx); err != nil {
		f.t.Fatal(err)
	}
	f.nonce++
}

// commit seals the sent transactions and checks none failed.
func (f *fixture) commit() {
	f.t.Helper()
	h := f.sim.Commit()
	blk, err := f.client.BlockByHash(context.Background(), h)
	if err != nil {
		f.t.Fatal(err)
	}
	for _, tx := range blk.Transactions() {
		rc, err := f.client.TransactionReceipt(context.Background(), tx.Hash())
		if err != nil {
			f.t.Fatal(err)
		}
		if rc.Status != types.ReceiptStatusSuccessful {
			f.t.Fatalf("transaction %s failed", tx.Hash())
		}
	}
}

func (f *fixture) emit(at common.Address, topics []common.Hash, data []byte) {
	f.t.Helper()
	call := common.LeftPadBytes(big.NewInt(int64(len(topics))).Bytes(), 32)
	for _, t := range topics {
		call = append(call, t[:]...)
	}
	f.send(&at, append(call, data...))
}

func word(v any) []byte {
	switch x := v.(type) {
	case uint64:
		return common.LeftPadBytes(new(big.Int).SetUint64(x).Bytes(), 32)
	case int:
		return common.LeftPadBytes(big.NewInt(int64(x)).Bytes(), 32)
	case bool:
		if x {
			return word(1)
		}
		return word(0)
	case *big.Int:
		return common.LeftPadBytes(x.Bytes(), 32)
	case common.Hash:
		return x[:]
	}
	panic("word")
}

func u64topic(v uint64) common.Hash { return common.BytesToHash(word(v)) }

// publish publishes r from the registry's bridge (the test key) and, in
// the same block, emits the bridge's Relayed for it from consortium block
// certifiedAt (0: no Relayed).
func (f *fixture) publish(r dataregistry.IDataRegistryRelease, certifiedAt uint64) common.Hash {
	f.t.Helper()
	f.send(&f.registry, registryABI.PackPublish(r))
	id := RecordID(r.DatasetId, r.Version)
	if certifiedAt != 0 {
		f.emit(bridgeAt, []common.Hash{RelayedTopic, u64topic(certifiedAt), crypto.Keccak256Hash(word(certifiedAt))},
			concat(word(3), word(1), word(LogKindRelease), word(common.Hash(id))))
	}
	f.commit()
	return id
}

// decide emits a ReviewBoard Decision for r.
func (f *fixture) decide(r dataregistry.IDataRegistryRelease, approved bool) {
	f.emit(boardAt, []common.Hash{DecisionTopic, RecordID(r.DatasetId, r.Version), r.DatasetId},
		concat(word(r.Version), word(int(r.Level)), word(int(r.Threshold)), word(r.Commitment), word(r.ReleasedRoot),
			word(common.Hash(r.ContentHash)), word(r.Supersedes), word(approved)))
}

// submitted emits a ReviewBoard Submitted carrying proof.
func (f *fixture) submitted(r dataregistry.IDataRegistryRelease, proof []byte) {
	f.emit(boardAt, []common.Hash{SubmittedTopic, RecordID(r.DatasetId, r.Version), r.DatasetId, common.BytesToHash(f.from[:])},
		concat(word(r.Version), word(64), word(len(proof)), common.RightPadBytes(proof, (len(proof)+31)/32*32)))
}

func concat(parts ...[]byte) []byte {
	var out []byte
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// release is a release of view (hashed for its content hash and root).
func release(t *testing.T, dataset string, version uint64, level uint8, supersedes uint64, view []byte, commitment int64) dataregistry.IDataRegistryRelease {
	t.Helper()
	v, err := parseView(view)
	if err != nil {
		t.Fatal(err)
	}
	root, err := v.root()
	if err != nil {
		t.Fatal(err)
	}
	return dataregistry.IDataRegistryRelease{DatasetId: crypto.Keccak256Hash([]byte(dataset)), Version: version, Level: level,
		Commitment: big.NewInt(commitment), ReleasedRoot: root, ContentHash: sha256.Sum256(view), Supersedes: supersedes}
}

func proofBytes(seed byte) []byte {
	p := make([]byte, 256)
	for i := range p {
		p[i] = seed + byte(i)
	}
	return p
}

func verifyCall(t *testing.T, proof []byte, inputs [5]*big.Int) []byte {
	t.Helper()
	data, err := verifierABI.Pack("verifyProof", proof, inputs)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func inputsOf(r dataregistry.IDataRegistryRelease, policy *big.Int) [5]*big.Int {
	return [5]*big.Int{r.Commitment, big.NewInt(int64(r.Level)), policy, big.NewInt(int64(r.Threshold)), r.ReleasedRoot}
}

func newFixture(t *testing.T, policy *big.Int, accept ...[]byte) *fixture {
	t.Helper()
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	from := crypto.PubkeyToAddress(key.PublicKey)
	sim := simulated.NewBackend(types.GenesisAlloc{
		from:       {Balance: new(big.Int).Mul(big.NewInt(1e18), big.NewInt(100))},
		bridgeAt:   {Code: emitterCode, Balance: new(big.Int)},
		boardAt:    {Code: emitterCode, Balance: new(big.Int)},
		verifierAt: {Code: verifierCode(accept...), Balance: new(big.Int)},
	})
	t.Cleanup(func() { sim.Close() })
	f := &fixture{t: t, sim: sim, client: sim.Client(), key: key, from: from, store: map[string][]byte{}}
	// DataRegistry with the test key as supervisor, security officer and bridge
	f.registry = crypto.CreateAddress(from, f.nonce)
	f.send(nil, append(common.FromHex(dataregistry.DataRegistryMetaData.Bin), registryABI.PackConstructor(from, from, policy)...))
	f.send(&f.registry, registryABI.PackSetBridge(from))
	f.commit()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, ok := f.store[strings.TrimPrefix(r.URL.Path, "/")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Write(b)
	}))
	t.Cleanup(srv.Close)
	f.reader = &Reader{Public: f.client, Registry: f.registry, Bridge: bridgeAt, Verifier: verifierAt,
		Consortium: f.client, ReviewBoard: boardAt, Content: srv.URL, LogRange: 2}
	return f
}

func (f *fixture) put(view []byte) { f.store[contentstore.Name(view)] = view }

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
	rel1 := release(t, "roads", 1, 0, 0, roads1, 11)
	rel2 := release(t, "roads", 2, 0, 1, roads2, 12)
	parks := release(t, "parks", 1, 1, 0, parks1, 13)
	p1, p2, pp := proofBytes(1), proofBytes(2), proofBytes(3)
	f := newFixture(t, policy, verifyCall(t, p1, inputsOf(rel1, policy)), verifyCall(t, p2, inputsOf(rel2, policy)), verifyCall(t, pp, inputsOf(parks, policy)))
	f.put(roads1)
	f.put(roads2)
	f.put(parks1)
	f.submitted(rel1, p1)
	f.submitted(rel2, p2)
	f.submitted(parks, pp)
	f.commit()
	id1 := f.publish(rel1, 7)
	id2 := f.publish(rel2, 9)
	idp := f.publish(parks, 9)
	f.send(&f.registry, registryABI.PackFreeze(idp, "court order 12/2026"))
	f.commit()
	r := f.reader
	c := ctx(t)

	// list: all, paged, filtered
	page, err := r.List(c, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 3 || len(page.Records) != 3 || page.Records[0].ID != id1 || page.Records[2].ID != idp {
		t.Fatalf("list: %+v", page)
	}
	page, err = r.List(c, Filter{Page: 2, PerPage: 2})
	if err != nil || page.Total != 3 || len(page.Records) != 1 || page.Records[0].ID != idp {
		t.Fatalf("list page 2 of 2: %+v %v", page, err)
	}
	want := map[string][]common.Hash{StatusSuperseded: {id1}, StatusCurrent: {id2}, StatusFrozen: {idp}}
	for status, ids := range want {
		page, err := r.List(c, Filter{Status: status})
		if err != nil || len(page.Records) != len(ids) || page.Records[0].ID != ids[0] {
			t.Fatalf("list --status %s: %+v %v", status, page, err)
		}
	}
	one := uint8(1)
	if page, err := r.List(c, Filter{Level: &one}); err != nil || len(page.Records) != 1 || page.Records[0].ID != idp {
		t.Fatalf("list --level conditional: %+v %v", page, err)
	}
	ds := rel1.DatasetId
	if page, err := r.List(c, Filter{Dataset: (*common.Hash)(&ds), PerPage: 1, Page: 2}); err != nil || page.Total != 2 || page.Records[0].ID != id2 {
		t.Fatalf("list --dataset roads --page 2 --per-page 1: %+v %v", page, err)
	}
	// every record's Department is zero until Published carries it: a filter on it finds none
	dep := DepartmentID("transport")
	if page, err := r.List(c, Filter{Department: &dep}); err != nil || page.Total != 0 {
		t.Fatalf("list --department: %+v %v", page, err)
	}
	if _, err := r.List(c, Filter{Status: "lost"}); !errors.Is(err, ErrBadFilter) || !strings.Contains(err.Error(), `"lost"`) {
		t.Fatalf("bad status: %v", err)
	}
	if _, err := ParseLevel("secret"); !errors.Is(err, ErrBadFilter) {
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
	if err != nil || len(d.Older) != 1 || d.Older[0].Version != 1 || !d.Older[0].Published || d.Older[0].Status != StatusSuperseded {
		t.Fatalf("show v2: %+v %v", d, err)
	}
	d, err = r.Show(c, idp)
	if err != nil || d.FrozenReason != "court order 12/2026" || d.Record.Status != StatusFrozen {
		t.Fatalf("show frozen: %+v %v", d, err)
	}
	unknown := RecordID(ds, 99)
	if _, err := r.Show(c, unknown); !errors.Is(err, ErrUnknownRecord) || !strings.Contains(err.Error(), unknown.Hex()) {
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
	rep, err := r.Verify(c, id1, &ProofFile{Bytes: proofBytes(9), Inputs: inputsOf(rel1, policy)})
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(rep.Err(), ErrVerify) || failed(rep) != "proof" || !strings.Contains(check(rep, "proof").Detail, "refused the proof") {
		t.Fatalf("wrong proof: %v", rep.Checks)
	}
	// a proof file of another release: its inputs are not the registry's
	rep, _ = r.Verify(c, id1, &ProofFile{Bytes: p2, Inputs: inputsOf(rel2, policy)})
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
	f.store[contentstore.Name(roads1)] = []byte("district,,count\nnorth,,300\nsouth,,5\n")
	rep, _ = r.Verify(c, id1, nil)
	if failed(rep) != "content hash,released root" || !strings.Contains(check(rep, "content hash").Detail, "does not hash to its name") {
		t.Fatalf("tampered content: %v", rep.Checks)
	}
	if _, err := r.Get(c, id1); !errors.Is(err, contentstore.ErrHashMismatch) {
		t.Fatalf("get tampered: %v", err)
	}
}

func failed(rep *Report) string {
	var out []string
	for _, c := range rep.Checks {
		if !c.OK && !c.Skipped {
			out = append(out, c.Name)
		}
	}
	return strings.Join(out, ",")
}

func check(rep *Report, name string) Check {
	for _, c := range rep.Checks {
		if c.Name == name {
			return c
		}
	}
	return Check{}
}

// TestContentRootMismatch: content that hashes right but whose released
// columns are not the ones the registry's root commits to.
func TestContentRootMismatch(t *testing.T) {
	policy := big.NewInt(7)
	rel := release(t, "roads", 1, 0, 0, roads1, 11)
	other := release(t, "roads", 1, 0, 0, roads2, 11)
	rel.ReleasedRoot = other.ReleasedRoot // the proof's root is roads2's; the file is roads1
	f := newFixture(t, policy)
	f.put(roads1)
	id := f.publish(rel, 0)
	c := ctx(t)
	if _, err := f.reader.Get(c, id); !errors.Is(err, ErrContent) || !strings.Contains(err.Error(), "the released columns hash to root") {
		t.Fatalf("get: %v", err)
	}
	rep, err := f.reader.Verify(c, id, nil)
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
	pf, err := LoadProofFile(path)
	if err != nil {
		t.Fatal(err)
	}
	policy := pf.Inputs[2]
	rel := dataregistry.IDataRegistryRelease{DatasetId: crypto.Keccak256Hash([]byte("patients")), Version: 1,
		Level: uint8(pf.Inputs[1].Uint64()), Threshold: uint8(pf.Inputs[3].Uint64()),
		Commitment: pf.Inputs[0], ReleasedRoot: pf.Inputs[4], ContentHash: sha256.Sum256([]byte("never public"))}
	if rel.Level != 2 {
		t.Fatalf("fixture level %d, want 2", rel.Level)
	}
	f := newFixture(t, policy, verifyCall(t, pf.Bytes, pf.Inputs))
	id := f.publish(rel, 4)
	c := ctx(t)
	if _, err := f.reader.Get(c, id); !errors.Is(err, ErrSensitive) || !strings.Contains(err.Error(), "never leaves the private chain") {
		t.Fatalf("get sensitive: %v", err)
	}
	rep, err := f.reader.Verify(c, id, pf)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Err() != nil || check(rep, "content hash").Skipped != true || !check(rep, "proof").OK {
		t.Fatalf("verify sensitive: %v", rep.Checks)
	}
	// malformed proof files
	dir := t.TempDir()
	for name, body := range map[string]string{"garbage.json": "not json", "short.json": `{"version":1}`} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := LoadProofFile(p); err == nil || !strings.Contains(err.Error(), "malformed proof file") {
			t.Fatalf("%s: %v", name, err)
		}
	}
	if _, err := LoadProofFile(filepath.Join(dir, "absent.json")); err == nil {
		t.Fatal("absent proof file accepted")
	}
}

func TestParseID(t *testing.T) {
	id := RecordID(common.Hash{1}, 2)
	for _, s := range []string{id.Hex(), strings.TrimPrefix(id.Hex(), "0x"), strings.ToUpper(id.Hex()[2:])} {
		if got, err := ParseID(s); err != nil || got != id {
			t.Fatalf("ParseID(%q) = %s, %v", s, got, err)
		}
	}
	for _, s := range []string{"", "0x1234", id.Hex() + "00", "0x" + strings.Repeat("g", 64)} {
		if _, err := ParseID(s); !errors.Is(err, ErrBadRecordID) {
			t.Fatalf("ParseID(%q): %v", s, err)
		}
	}
}

// TestReconcile: missing, refused and undecided releases are found; once
// the consortium decided and the registry published everything, nothing
// is missing.
func TestReconcile(t *testing.T) {
	policy := big.NewInt(7)
	a := release(t, "roads", 1, 0, 0, roads1, 11)
	b := release(t, "roads", 2, 0, 1, roads2, 12)
	missing := release(t, "parks", 1, 1, 0, parks1, 13)
	refused := release(t, "roads", 3, 0, 1, roads2, 14) // corrects v1, already corrected by v2
	rejected := release(t, "parks", 2, 0, 0, parks1, 15)
	undecided := release(t, "parks", 3, 0, 0, parks1, 16)
	f := newFixture(t, policy)
	for _, r := range []dataregistry.IDataRegistryRelease{a, b, missing, refused} {
		f.decide(r, true)
	}
	f.decide(rejected, false)
	f.commit()
	f.publish(a, 2)
	f.publish(b, 2)
	f.publish(undecided, 0)
	f.emit(bridgeAt, []common.Hash{ReleaseRefusedTopic, RecordID(refused.DatasetId, refused.Version), u64topic(2)},
		concat(word(common.Hash{2}), word(0), word(3), word(6), word(false)))
	f.commit()
	c := ctx(t)
	rec, err := f.reader.Reconcile(c)
	if err != nil {
		t.Fatal(err)
	}
	if rec.OK() || rec.Approved != 4 || rec.Rejected != 1 || rec.Published != 3 {
		t.Fatalf("reconcile: %s", rec.Summary())
	}
	if len(rec.Missing) != 1 || rec.Missing[0].RecordID != RecordID(missing.DatasetId, 1) {
		t.Fatalf("missing: %+v", rec.Missing)
	}
	if len(rec.Refused) != 1 || rec.Refused[0].Refusal.Reason != "AlreadySuperseded" || rec.Refused[0].Refusal.Retryable {
		t.Fatalf("refused: %+v", rec.Refused)
	}
	if len(rec.Undecided) != 1 || rec.Undecided[0].Version != 3 {
		t.Fatalf("undecided: %+v", rec.Undecided)
	}
	// the consortium decides the undecided one, the missing one is published
	f.decide(undecided, true)
	f.commit()
	f.publish(missing, 5)
	rec, err = f.reader.Reconcile(c)
	if err != nil {
		t.Fatal(err)
	}
	if !rec.OK() || !strings.HasSuffix(rec.Summary(), "nothing missing") || len(rec.Refused) != 1 {
		t.Fatalf("reconcile after: %s", rec.Summary())
	}
	// a publication with other values than its decision
	odd := release(t, "parks", 4, 0, 0, parks1, 17)
	f.decide(odd, true)
	f.commit()
	odd.Commitment = big.NewInt(18)
	f.publish(odd, 0)
	if rec, err = f.reader.Reconcile(c); err != nil || rec.OK() || len(rec.Mismatched) != 1 || rec.Mismatched[0].Field != "commitment" {
		t.Fatalf("mismatch: %+v %v", rec, err)
	}
	noCons := *f.reader
	noCons.Consortium = nil
	if _, err := noCons.Reconcile(c); !errors.Is(err, ErrNoConsortium) {
		t.Fatalf("no consortium: %v", err)
	}
}
