package record

import (
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/poseidon2"
)

func elements(vs ...int64) []fr.Element {
	out := make([]fr.Element, len(vs))
	for i, v := range vs {
		out[i].SetInt64(v) // negative values wrap: large field elements
	}
	return out
}

// TestPoseidon2Parameters pins the BN254 Poseidon2 instance: width 4,
// rF = 8, rP = 56, with the constants gnark-crypto ships from the Poseidon2
// authors' parameter script (not seed-derived keys), and not gnark's default
// instance. The circuit builds the same instance with
// NewPoseidon2FromParameters(api, 4, 8, 56); zk's
// TestPoseidon2GoMatchesCircuit shows they agree.
func TestPoseidon2Parameters(t *testing.T) {
	p := poseidon2.NewParameters(PoseidonWidth, PoseidonFullRounds, PoseidonPartialRounds)
	if got, want := p.String(), "Poseidon2-BN254[t=4,rF=8,rP=56,d=5]"; got != want {
		t.Fatalf("parameters %s, want %s", got, want)
	}
	if len(p.RoundKeys) != 8+56 || len(p.DiagM1) != 4 {
		t.Fatalf("%d rounds of keys, %d diagonal entries", len(p.RoundKeys), len(p.DiagM1))
	}
	// First round key and first internal diagonal entry of the published table.
	var k0, d0 fr.Element
	k0.SetString("0x19b849f69450b06848da1d39bd5e4a4302bb86744edc26238b0878e269ed23e5")
	d0.SetString("0x10dc6e9c006ea38b04b1e03b4bd9490c0d03f98929ca1d7fb56821fd19d3b6e7")
	if !p.RoundKeys[0][0].Equal(&k0) || !p.DiagM1[0].Equal(&d0) {
		t.Fatal("round keys are not the published BN254 t=4 constants")
	}
	if def := poseidon2.GetDefaultParameters(); def.Width == PoseidonWidth {
		t.Fatalf("gnark's default instance is now %s: revisit the explicit choice", def)
	}

	// The input length sits in the capacity: zero padding is unambiguous.
	a, b := newHasher(), newHasher()
	a.write(elements(7)...)
	b.write(elements(7, 0)...)
	if x, y := a.sum(), b.sum(); x.Equal(&y) {
		t.Fatal("[7] and [7, 0] hash the same")
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
