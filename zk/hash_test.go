package zk

import (
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/poseidon2"
	gnarkhash "github.com/consensys/gnark-crypto/hash"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/test"
)

// hashCircuit hashes its inputs in the circuit and compares with Go's digest.
type hashCircuit struct {
	In     []frontend.Variable
	Digest frontend.Variable `gnark:",public"`
}

func (c *hashCircuit) Define(api frontend.API) error {
	h, err := newCircuitHasher(api)
	if err != nil {
		return err
	}
	h.Write(c.In...)
	api.AssertIsEqual(c.Digest, h.Sum())
	return nil
}

func elements(vs ...int64) []fr.Element {
	out := make([]fr.Element, len(vs))
	for i, v := range vs {
		out[i].SetInt64(v) // negative values wrap: large field elements
	}
	return out
}

// TestPoseidon2GoMatchesCircuit checks that the Go hash and the circuit hash
// agree on BN254, for short, long and extreme inputs.
func TestPoseidon2GoMatchesCircuit(t *testing.T) {
	cases := [][]fr.Element{
		elements(0),
		elements(1, 2),
		elements(-1, -2, 3, 0, 0, 7),
		append(elements(5), commitTag(SizeSmall), releasedTag(SizeLarge)),
	}
	for i, in := range cases {
		h := newHasher()
		h.write(in...)
		digest := h.sum()

		assign := &hashCircuit{In: make([]frontend.Variable, len(in)), Digest: digest}
		for j := range in {
			assign.In[j] = in[j]
		}
		shape := &hashCircuit{In: make([]frontend.Variable, len(in))}
		if err := test.IsSolved(shape, assign, ecc.BN254.ScalarField()); err != nil {
			t.Fatalf("case %d: circuit hash differs from Go hash: %v", i, err)
		}
		// And a wrong digest must not pass, so the check above means something.
		var wrong fr.Element
		wrong.Add(&digest, new(fr.Element).SetOne())
		assign.Digest = wrong
		if err := test.IsSolved(shape, assign, ecc.BN254.ScalarField()); err == nil {
			t.Fatalf("case %d: circuit accepted a wrong digest", i)
		}
	}
}

// TestPoseidon2Parameters pins the BN254 Poseidon2 instance: explicit round
// counts in Go and in the circuit, equal round keys, a Merkle-Damgård
// construction equal to gnark-crypto's, and not gnark's default instance.
func TestPoseidon2Parameters(t *testing.T) {
	p := poseidon2.NewParameters(poseidonWidth, poseidonFullRounds, poseidonPartialRounds)
	if got, want := p.String(), "Poseidon2-BN254[t=2,rF=8,rP=56,d=5]"; got != want {
		t.Fatalf("parameters %s, want %s", got, want)
	}
	if len(p.RoundKeys) != 8+56 {
		t.Fatalf("%d rounds of keys, want 64", len(p.RoundKeys))
	}
	def := poseidon2.GetDefaultParameters()
	if def.NbFullRounds == poseidonFullRounds && def.NbPartialRounds == poseidonPartialRounds {
		t.Fatalf("gnark's default instance is now %s: revisit the explicit choice", def)
	}

	// The circuit side is NewPoseidon2FromParameters(api, 2, 8, 56): its
	// agreement with this Go instance is TestPoseidon2GoMatchesCircuit.

	// Our hasher is gnark-crypto's Merkle-Damgård hasher with this permutation.
	in := elements(3, 1, 4, 1, 5, 9, 2, 6)
	ref := gnarkhash.NewMerkleDamgardHasher(poseidon2.NewPermutation(2, 8, 56), make([]byte, fr.Bytes))
	for i := range in {
		b := in[i].Bytes()
		ref.Write(b[:])
	}
	h := newHasher()
	h.write(in...)
	got := h.sum()
	gb := got.Bytes()
	if string(ref.Sum(nil)) != string(gb[:]) {
		t.Fatal("hasher differs from gnark-crypto's Merkle-Damgård Poseidon2")
	}
	// …and differs from the default instance, so a silent switch would show.
	dh := poseidon2.NewMerkleDamgardHasher()
	for i := range in {
		b := in[i].Bytes()
		dh.Write(b[:])
	}
	if string(dh.Sum(nil)) == string(gb[:]) {
		t.Fatal("hash equals the default-parameter hash")
	}
}

func TestColumnHashEncoding(t *testing.T) {
	base := ColumnHash("name", []string{"a", "b"})
	for _, c := range []struct {
		name  string
		cells []string
	}{
		{"name", []string{"ab"}},         // concatenation
		{"name", []string{"a", "b", ""}}, // trailing empty cell
		{"nam", []string{"ea", "b"}},     // name/cell boundary
		{"name", []string{"b", "a"}},     // order
		{"Name", []string{"a", "b"}},     // name
	} {
		if h := ColumnHash(c.name, c.cells); h.Equal(&base) {
			t.Errorf("ColumnHash(%q, %q) collides with ColumnHash(\"name\", [a b])", c.name, c.cells)
		}
	}
	long := string(make([]byte, 31)) + "x"
	if a, b := ColumnHash("c", []string{long}), ColumnHash("c", []string{long[:31], "x"}); a.Equal(&b) {
		t.Error("31-byte chunk boundary collides")
	}
	if a, b := ColumnHash("c", []string{"v"}), ColumnHash("c", []string{"v"}); !a.Equal(&b) {
		t.Error("ColumnHash is not deterministic")
	}
}
