package zk

import (
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/std/permutation/poseidon2"
	"github.com/sovereign-gov/sovereign/record"
)

// Circuit proves that a released view is a record redacted by a policy at a
// threshold, that the record's level is the highest level of its columns,
// and that the record is the one committed to; its binding names the record
// the proof is for (see Define). See the package doc for the encoding; Go
// (package record) computes the same values.
type Circuit struct {
	// Public inputs, in the order the Solidity verifier takes them.
	Commitment   frontend.Variable `gnark:",public"` // H(commitTag, salt, hashes, packed category slots)
	Level        frontend.Variable `gnark:",public"` // the record's level: max over its columns
	Policy       frontend.Variable `gnark:",public"` // Σ level_i · 4^i over categories i < 16
	Threshold    frontend.Variable `gnark:",public"` // columns with level ≤ threshold are released
	ReleasedRoot frontend.Variable `gnark:",public"` // H(releasedTag, released view)
	Binding      frontend.Variable `gnark:",public"` // record.Binding(datasetId, version, contentHash)

	// Secret inputs, one entry per column slot.
	Salt         frontend.Variable
	ColumnHashes []frontend.Variable // 0 in padding slots
	Categories   []frontend.Variable // 0..15; 0 in padding slots
	Used         []frontend.Variable // 1 for a column of the table, 0 for padding; a prefix
}

// Define declares the constraints.
func (c *Circuit) Define(api frontend.API) error {
	size := len(c.ColumnHashes)

	// The policy: 2 bits per category. ToBinary also bounds it to 32 bits.
	policyBits := api.ToBinary(c.Policy, 2*record.MaxCategories)
	levels := make([]frontend.Variable, record.MaxCategories)
	for i := range levels {
		levels[i] = api.Add(policyBits[2*i], api.Mul(policyBits[2*i+1], 2))
	}

	// threshold ∈ {0,1,2}: two bits, not both set.
	th := api.ToBinary(c.Threshold, 2)
	api.AssertIsEqual(api.Mul(th[0], th[1]), 0)
	thIsZero := api.Sub(1, th[0], th[1]) // linear since not both set
	thBelowSensitive := api.Sub(1, th[1])

	var sumSensitive, sumConditional frontend.Variable = 0, 0
	released := make([]frontend.Variable, size)
	slots := make([]frontend.Variable, size)
	for j := range size {
		used := c.Used[j]
		api.AssertIsBoolean(used)
		if j > 0 { // used slots form a prefix
			api.AssertIsEqual(api.Mul(used, api.Sub(1, c.Used[j-1])), 0)
		}
		// Padding slots carry nothing.
		notUsed := api.Sub(1, used)
		api.AssertIsEqual(api.Mul(notUsed, c.ColumnHashes[j]), 0)
		api.AssertIsEqual(api.Mul(notUsed, c.Categories[j]), 0)
		slots[j] = api.Add(c.Categories[j], used) // category+1, or 0 for padding

		catBits := api.ToBinary(c.Categories[j], 4)
		level := api.Mul(used, mux16(api, catBits, levels))
		// Level 3 ("not in the policy") has both bits set: unsatisfiable.
		lb := api.ToBinary(level, 2)
		api.AssertIsEqual(api.Mul(lb[0], lb[1]), 0)
		conditional, sensitive := lb[0], lb[1]
		sumSensitive = api.Add(sumSensitive, sensitive)
		sumConditional = api.Add(sumConditional, conditional)

		// Withheld iff level > threshold: sensitive above 0/1, conditional above 0.
		withheld := api.Add(api.Mul(sensitive, thBelowSensitive), api.Mul(conditional, thIsZero))
		released[j] = api.Mul(c.ColumnHashes[j], api.Sub(1, withheld))
	}

	// Record level = max: 2 if any column is sensitive, else 1 if any is
	// conditional, else 0. The sums are at most 64, far from wrapping.
	anySensitive := api.Sub(1, api.IsZero(sumSensitive))
	anyConditional := api.Sub(1, api.IsZero(sumConditional))
	level := api.Add(api.Mul(anySensitive, 2), api.Mul(api.Sub(1, anySensitive), anyConditional))
	api.AssertIsEqual(c.Level, level)

	perm, err := newCircuitPermutation(api)
	if err != nil {
		return err
	}
	commit := []frontend.Variable{tagVariable(record.CommitTag(size)), c.Salt}
	commit = append(commit, c.ColumnHashes...)
	commit = append(commit, packSlotVariables(api, slots)...)
	api.AssertIsEqual(c.Commitment, spongeVariables(api, perm, commit))

	root := append([]frontend.Variable{tagVariable(record.ReleasedTag(size))}, released...)
	api.AssertIsEqual(c.ReleasedRoot, spongeVariables(api, perm, root))

	// The binding only has to be part of the statement: nothing inside the
	// circuit depends on it. A public input in no constraint would have a
	// zero verifying-key point, so any value would verify with the same
	// proof; one multiplication gate puts it in the A and B columns (an R1CS
	// constraint binding*binding = sq with sq a fresh internal wire), so a
	// proof made for one binding fails for any other (TestBindingIsBound).
	// gnark compiles a circuit with such a free input without complaint;
	// TestBindingIsBound checks the binding's verifying-key point is not zero.
	_ = api.Mul(c.Binding, c.Binding)
	return nil
}

// newCircuitPermutation is the Poseidon2 permutation of package record (record.Hash) in the circuit.
func newCircuitPermutation(api frontend.API) (*poseidon2.Permutation, error) {
	return poseidon2.NewPoseidon2FromParameters(api, record.PoseidonWidth, record.PoseidonFullRounds, record.PoseidonPartialRounds)
}

// spongeVariables is hasher.sum in the circuit: capacity initialised to the
// input length, blocks of 3 added to the rate part, digest state[1].
func spongeVariables(api frontend.API, perm *poseidon2.Permutation, in []frontend.Variable) frontend.Variable {
	state := []frontend.Variable{len(in), 0, 0, 0}
	for i := 0; i < len(in) || i == 0; i += record.SpongeRate {
		for j := range record.SpongeRate {
			if i+j < len(in) {
				state[1+j] = api.Add(state[1+j], in[i+j])
			}
		}
		if err := perm.Permutation(state); err != nil {
			panic(err) // width is fixed: cannot fail
		}
	}
	return state[1]
}

// tagVariable is a domain tag as a circuit constant.
func tagVariable(e fr.Element) *big.Int { return e.BigInt(new(big.Int)) }

// mux16 returns table[index] where index is given by its 4 bits (LSB
// first): a binary tree of 15 selects, one constraint each. It adds no
// commitment to the proof, unlike logderivlookup.
func mux16(api frontend.API, bits []frontend.Variable, table []frontend.Variable) frontend.Variable {
	layer := table
	for _, b := range bits {
		next := make([]frontend.Variable, len(layer)/2)
		for k := range next {
			next[k] = api.Select(b, layer[2*k+1], layer[2*k])
		}
		layer = next
	}
	return layer[0]
}

// packSlotVariables packs slot values (each < 2^5, by construction) as packSlots.
func packSlotVariables(api frontend.API, slots []frontend.Variable) []frontend.Variable {
	out := make([]frontend.Variable, (len(slots)+record.SlotsPerWord-1)/record.SlotsPerWord)
	for k := range out {
		var acc frontend.Variable = 0
		for i := range record.SlotsPerWord {
			j := k*record.SlotsPerWord + i
			if j >= len(slots) {
				break
			}
			coeff := new(big.Int).Lsh(big.NewInt(1), uint(record.SlotBits*i))
			acc = api.Add(acc, api.Mul(slots[j], coeff))
		}
		out[k] = acc
	}
	return out
}
