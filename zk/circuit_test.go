package zk

import (
	"fmt"
	"math/big"
	"strings"
	"sync"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/test"
	"github.com/sovereign-gov/sovereign/record"
)

var (
	devKeysOnce sync.Once
	devKeys16   *Keys
	devKeysErr  error
)

// testKeys returns the 16-column dev keys, made once per test process.
func testKeys(t *testing.T) *Keys {
	t.Helper()
	devKeysOnce.Do(func() { devKeys16, devKeysErr = DevSetup(record.SizeSmall, []byte(DevSeed)) })
	if devKeysErr != nil {
		t.Fatal(devKeysErr)
	}
	return devKeys16
}

func fixtureStatement(t *testing.T, size int, threshold record.Level) (*record.Record, *record.Statement) {
	t.Helper()
	tab, cats := FixtureTable(size)
	rec, err := record.NewRecord(tab, cats)
	if err != nil {
		t.Fatal(err)
	}
	st, err := record.NewStatement(rec, FixturePolicy(), threshold, elements(42)[0])
	if err != nil {
		t.Fatal(err)
	}
	binding, _, err := record.ViewBinding(FixtureDepartment, FixtureDataset, FixtureVersion, tab, st)
	if err != nil {
		t.Fatal(err)
	}
	st.Bind(binding)
	return rec, st
}

func solved(size int, a *Circuit) error {
	return test.IsSolved(newCircuit(size), a, ecc.BN254.ScalarField())
}

// TestHonestStatementsSatisfyCircuit checks that Go and the circuit agree on
// commitment, level, released view and root, over table widths and
// thresholds (a failure here means the two encodings drifted apart).
func TestHonestStatementsSatisfyCircuit(t *testing.T) {
	policy := FixturePolicy()
	for _, n := range []int{1, 2, 5, 16} {
		for th := record.LevelOpen; th <= record.LevelSensitive; th++ {
			tab := &record.Table{}
			cats := map[string]int{}
			for i := range n {
				name := fmt.Sprintf("c%d", i)
				tab.Columns = append(tab.Columns, name)
				cats[name] = []int{3, 2, 1, 0}[(i+n)%4]
			}
			tab.Rows = [][]string{make([]string, n)}
			for i := range n {
				tab.Rows[0][i] = strings.Repeat("v", i)
			}
			rec, err := record.NewRecord(tab, cats)
			if err != nil {
				t.Fatal(err)
			}
			st, err := record.NewStatement(rec, policy, th, elements(int64(n))[0])
			if err != nil {
				t.Fatal(err)
			}
			if err := solved(record.SizeSmall, Assignment(st)); err != nil {
				t.Fatalf("n=%d threshold=%d: honest statement rejected: %v", n, th, err)
			}
		}
	}
}

// TestHonestStatement64 is the one 64-column test: the solver only, no setup.
func TestHonestStatement64(t *testing.T) {
	_, st := fixtureStatement(t, record.SizeLarge, record.LevelConditional)
	if st.Size != record.SizeLarge || st.Public.Level != record.LevelSensitive {
		t.Fatalf("size %d level %d", st.Size, st.Public.Level)
	}
	if err := solved(record.SizeLarge, Assignment(st)); err != nil {
		t.Fatalf("honest 64-column statement rejected: %v", err)
	}
}

func TestStatementClassifiesAndRedacts(t *testing.T) {
	rec, st := fixtureStatement(t, record.SizeSmall, record.LevelOpen)
	if st.Public.Level != record.LevelSensitive {
		t.Fatalf("level %d, want 2", st.Public.Level)
	}
	// patient_id 0 sensitive, ward 2 conditional, age_band 3 open, diagnosis 1 sensitive, admissions 3 open
	wantReleased := []bool{false, false, true, false, true}
	var zero fr.Element
	for j, want := range wantReleased {
		if got := !st.Released[j].IsZero(); got != want {
			t.Errorf("column %s released=%v, want %v", rec.Names[j], got, want)
		}
		if want && !st.Released[j].Equal(&rec.Hashes[j]) {
			t.Errorf("column %s: released entry is not its hash", rec.Names[j])
		}
	}
	for j := len(wantReleased); j < st.Size; j++ {
		if !st.Released[j].Equal(&zero) {
			t.Errorf("padding slot %d released", j)
		}
	}
	if want := big.NewInt(2 | 2<<2 | 1<<4 | 0<<6 | 0xffffff00); st.Public.Policy.Cmp(want) != 0 {
		t.Errorf("policy element %x, want %x", st.Public.Policy, want)
	}
}

// viewRoot is the released root of the statement's view with slot j replaced.
func viewRoot(st *record.Statement, j int, v fr.Element) fr.Element {
	view := append([]fr.Element(nil), st.Released...)
	view[j] = v
	return record.ReleasedRoot(view)
}

// TestSoundness: for each lie, the witness does not satisfy the circuit and
// the real Groth16 prover refuses to make a proof.
func TestSoundness(t *testing.T) {
	keys := testKeys(t)
	rec, st := fixtureStatement(t, record.SizeSmall, record.LevelOpen)
	var zero fr.Element

	otherPolicy, _ := record.NewPolicy(map[int]record.Level{0: record.LevelSensitive, 1: record.LevelOpen, 2: record.LevelConditional, 3: record.LevelOpen})
	policy7, _ := record.NewPolicy(map[int]record.Level{0: record.LevelSensitive, 1: record.LevelSensitive, 2: record.LevelConditional, 3: record.LevelOpen, 7: record.LevelOpen})
	rec7 := &record.Record{Names: append([]string{}, rec.Names...), Hashes: append([]fr.Element{}, rec.Hashes...), Categories: append([]int{}, rec.Categories...)}
	rec7.Categories[4] = 7
	st7, err := record.NewStatement(rec7, policy7, record.LevelOpen, elements(42)[0])
	if err != nil {
		t.Fatal(err)
	}
	// Same policy but with category 7's field set to 3, "not in the policy".
	absent7 := new(big.Int).Or(policy7.Element(), big.NewInt(3<<14))

	otherRec := &record.Record{Names: rec.Names, Hashes: append([]fr.Element{}, rec.Hashes...), Categories: rec.Categories}
	otherRec.Hashes[2] = record.ColumnHash("age_band", []string{"forged"})
	otherSt, err := record.NewStatement(otherRec, FixturePolicy(), record.LevelOpen, elements(42)[0])
	if err != nil {
		t.Fatal(err)
	}

	lies := []struct {
		name  string
		tweak func(a *Circuit)
	}{
		{"wrong level", func(a *Circuit) { a.Level = 1 }},
		{"level 0 for a sensitive record", func(a *Circuit) { a.Level = 0 }},
		{"sensitive column left in the released view", func(a *Circuit) { a.ReleasedRoot = viewRoot(st, 0, rec.Hashes[0]) }},
		{"conditional column released at threshold 0", func(a *Circuit) { a.ReleasedRoot = viewRoot(st, 1, rec.Hashes[1]) }},
		{"released view drops an open column", func(a *Circuit) { a.ReleasedRoot = viewRoot(st, 2, zero) }},
		{"commitment of other data", func(a *Circuit) { a.Commitment = otherSt.Public.Commitment }},
		{"witness of other data", func(a *Circuit) { a.ColumnHashes[2] = otherRec.Hashes[2] }},
		{"other salt", func(a *Circuit) { a.Salt = 43 }},
		{"another policy", func(a *Circuit) { a.Policy = otherPolicy.Element() }},
		{"category relabelled", func(a *Circuit) { a.Categories[0] = 3 }},
		{"sensitive column hidden as padding", func(a *Circuit) { a.Used[4] = 0 }},
		{"used slots not a prefix", func(a *Circuit) { a.Used[5] = 1 }},
		{"threshold 3", func(a *Circuit) { a.Threshold = 3 }},
		{"policy wider than 32 bits", func(a *Circuit) {
			a.Policy = new(big.Int).Add(st.Public.Policy, new(big.Int).Lsh(big.NewInt(1), 32))
		}},
	}
	check := func(t *testing.T, a *Circuit) {
		if err := solved(record.SizeSmall, a); err == nil {
			t.Fatal("circuit satisfied by a dishonest witness")
		}
		w, err := frontend.NewWitness(a, ecc.BN254.ScalarField())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := groth16.Prove(keys.CS, keys.PK, w); err == nil {
			t.Fatal("prover made a proof for a dishonest witness")
		}
	}
	for _, lie := range lies {
		t.Run(lie.name, func(t *testing.T) {
			a := Assignment(st)
			lie.tweak(a)
			check(t, a)
		})
	}
	t.Run("category outside the policy", func(t *testing.T) {
		if err := solved(record.SizeSmall, Assignment(st7)); err != nil {
			t.Fatalf("control: honest statement with category 7 in the policy rejected: %v", err)
		}
		a := Assignment(st7)
		a.Policy = absent7
		check(t, a)
		if _, err := record.NewStatement(rec7, FixturePolicy(), record.LevelOpen, elements(42)[0]); err == nil ||
			!strings.Contains(err.Error(), `column "admissions": category 7: category is not in the policy`) {
			t.Fatalf("NewStatement error %v", err)
		}
	})
}
