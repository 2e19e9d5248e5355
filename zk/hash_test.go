package zk

import (
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/test"
	"github.com/sovereign-gov/sovereign/record"
)

// hashCircuit hashes its inputs in the circuit and compares with Go's digest.
type hashCircuit struct {
	In     []frontend.Variable
	Digest frontend.Variable `gnark:",public"`
}

func (c *hashCircuit) Define(api frontend.API) error {
	perm, err := newCircuitPermutation(api)
	if err != nil {
		return err
	}
	api.AssertIsEqual(c.Digest, spongeVariables(api, perm, c.In))
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
		{},
		elements(0),
		elements(0, 0, 0),
		elements(1, 2, 3, 4),
		elements(1, 2),
		elements(-1, -2, 3, 0, 0, 7),
		append(elements(5), record.CommitTag(record.SizeSmall), record.ReleasedTag(record.SizeLarge)),
	}
	for i, in := range cases {
		digest := record.Hash(in...)

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
