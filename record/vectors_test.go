package record

import (
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/poseidon2"
)

// TestPoseidon2PublishedVector pins the permutation to the published
// known answer for the BN254 t=4 instance (barretenberg's
// Poseidon2Bn254ScalarFieldParams TEST_VECTOR_OUTPUT, also the HorizenLabs
// reference implementation's kat for t=4): permute([0, 1, 2, 3]). Agreement
// between our Go and circuit code alone would not catch both using other
// constants than everyone else.
func TestPoseidon2PublishedVector(t *testing.T) {
	perm := poseidon2.NewPermutation(PoseidonWidth, PoseidonFullRounds, PoseidonPartialRounds)
	state := make([]fr.Element, 4)
	for i := range state {
		state[i].SetUint64(uint64(i))
	}
	if err := perm.Permutation(state); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"0x01bd538c2ee014ed5141b29e9ae240bf8db3fe5b9a38629a9647cf8d76c01737",
		"0x239b62e7db98aa3a2a8f6a0d2fa1709e7a35959aa6c7034814d9daa90cbac662",
		"0x04cbb44c61d928ed06808456bf758cbf0c18d1e15a7b6dbc8245fa7515d5e3cb",
		"0x2e11c5cff2a22c64d01304b778d78f6998eff1ab73163a35603f54794c30847a",
	}
	for i, w := range want {
		var e fr.Element
		if _, err := e.SetString(w); err != nil {
			t.Fatal(err)
		}
		if !state[i].Equal(&e) {
			t.Fatalf("permute([0,1,2,3])[%d] = %#x, published %s", i, state[i].BigInt(nil), w)
		}
	}
}

// TestRecordFormatVectors writes out the record format of a small table:
// each column hash, the commitment with salt 42, the level, the released
// root at threshold 0 and the packed policy. Any other implementation (the
// portal's WebAssembly, a reviewer's own tool) can check itself against
// these; a change here is a change of the shared format (DESIGN.md).
func TestRecordFormatVectors(t *testing.T) {
	tab, err := ParseCSV(strings.NewReader("district,population,patient_id\nNorth,1200,P-1\nSouth,800,P-2\n"))
	if err != nil {
		t.Fatal(err)
	}
	wantCols := map[string]string{
		"district":   "2bb63dc1f53b2c8f1f7e48aea4e191018fefbbbb259e143bee368988b0c93a46",
		"population": "1c96244fcb6c73df0d7961e39a49f57bd371ee26e31abd0ca2e4d57c7d98d7b2",
		"patient_id": "e3743fffb2e1deafdb779f8a30f1b0098621dbae70a8936ebd31c09f8aa20f0",
	}
	for i, c := range tab.Columns {
		if h := ColumnHash(c, tab.Cells(i)); h.Text(16) != wantCols[c] {
			t.Errorf("ColumnHash(%q) = %s, want %s", c, h.Text(16), wantCols[c])
		}
	}
	pol, err := NewPolicy(map[int]Level{0: LevelSensitive, 3: LevelOpen})
	if err != nil {
		t.Fatal(err)
	}
	rec, err := NewRecord(tab, map[string]int{"district": 3, "population": 3, "patient_id": 0})
	if err != nil {
		t.Fatal(err)
	}
	var salt fr.Element
	salt.SetUint64(42)
	st, err := NewStatement(rec, pol, LevelOpen, salt)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, got, want string }{
		{"commitment", st.Public.Commitment.Text(16), "1ba66a46e4381510fd6e81a158b660c5e55f7d355e53195b118de9fff92ef969"},
		{"released root", st.Public.ReleasedRoot.Text(16), "29ac3f886d99a5ea04c8b274b5e2ed60501957b74eec77e539a44c11dfc33784"},
		{"policy", st.Public.Policy.Text(16), "ffffff3e"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %s, want %s", c.name, c.got, c.want)
		}
	}
	if st.Public.Level != LevelSensitive {
		t.Errorf("level %d, want 2 (patient_id is sensitive)", st.Public.Level)
	}
}
