package zk

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/frontend"
)

// Circuit sizes: the number of column slots of each compiled circuit.
const (
	SizeSmall = 16
	SizeLarge = 64
)

// Sizes lists the circuit sizes, smallest first.
var Sizes = []int{SizeSmall, SizeLarge}

const (
	slotBits     = 5  // a category slot value is 0..16
	slotsPerWord = 32 // 160 bits per packed field element
)

var (
	// errThreshold is returned for a release threshold outside 0..2.
	errThreshold = errors.New("threshold must be 0 (open), 1 (conditional) or 2 (sensitive)")
	// errNotInPolicy is returned for a column whose category has no level.
	errNotInPolicy = errors.New("category is not in the policy")
)

// SizeFor returns the circuit size for a table of n columns.
func SizeFor(n int) (int, error) {
	switch {
	case n <= 0:
		return 0, errNoColumns
	case n <= SizeSmall:
		return SizeSmall, nil
	case n <= SizeLarge:
		return SizeLarge, nil
	}
	return 0, fmt.Errorf("table has %d columns: %w", n, errTooManyColumns)
}

// Record is what a proof is about: each column's name, hash and category.
type Record struct {
	Names      []string
	Hashes     []fr.Element
	Categories []int
}

// NewRecord hashes the columns of t and labels them with their categories
// (column name → category id); every column needs a category.
func NewRecord(t *Table, categories map[string]int) (*Record, error) {
	if err := t.validate(); err != nil {
		return nil, err
	}
	hashes := make([]fr.Element, len(t.Columns))
	for i, name := range t.Columns {
		hashes[i] = ColumnHash(name, t.Cells(i))
	}
	return NewRecordFromHashes(t.Columns, hashes, categories)
}

// NewRecordFromHashes labels already hashed columns (HashCSVFile) with their
// categories, as NewRecord does.
func NewRecordFromHashes(names []string, hashes []fr.Element, categories map[string]int) (*Record, error) {
	if err := (&Table{Columns: names}).validate(); err != nil {
		return nil, err
	}
	if len(hashes) != len(names) {
		return nil, fmt.Errorf("%d column hashes for %d columns", len(hashes), len(names))
	}
	known := make(map[string]bool, len(names))
	r := &Record{}
	for i, name := range names {
		known[name] = true
		c, ok := categories[name]
		if !ok {
			return nil, fmt.Errorf("column %q has no category", name)
		}
		if c < 0 || c >= MaxCategories {
			return nil, fmt.Errorf("column %q: unknown category %d (categories are 0..%d)", name, c, MaxCategories-1)
		}
		r.Names = append(r.Names, name)
		r.Hashes = append(r.Hashes, hashes[i])
		r.Categories = append(r.Categories, c)
	}
	for name := range categories {
		if !known[name] {
			return nil, fmt.Errorf("the category file names column %q, which the table does not have", name)
		}
	}
	return r, nil
}

// PublicInputs are the circuit's public inputs, in the verifier's order.
type PublicInputs struct {
	Commitment   fr.Element
	Level        Level
	Policy       *big.Int
	Threshold    Level
	ReleasedRoot fr.Element
}

// Inputs returns the public inputs as the Solidity verifier's uint256[5].
func (p *PublicInputs) Inputs() [5]*big.Int {
	return [5]*big.Int{
		p.Commitment.BigInt(new(big.Int)),
		big.NewInt(int64(p.Level)),
		new(big.Int).Set(p.Policy),
		big.NewInt(int64(p.Threshold)),
		p.ReleasedRoot.BigInt(new(big.Int)),
	}
}

// Statement is everything the prover knows: the public inputs, the released
// view, and the secret witness.
type Statement struct {
	Size     int
	Public   PublicInputs
	Released []fr.Element // one per slot: the column hash, or 0 if withheld

	salt       fr.Element
	hashes     []fr.Element // padded to Size
	categories []int        // padded to Size with 0
	active     int          // number of used slots
}

// NewStatement classifies rec by policy, redacts above threshold and commits
// with salt, exactly as the circuit checks it.
func NewStatement(rec *Record, policy Policy, threshold Level, salt fr.Element) (*Statement, error) {
	if !threshold.valid() {
		return nil, errThreshold
	}
	size, err := SizeFor(len(rec.Hashes))
	if err != nil {
		return nil, err
	}
	s := &Statement{
		Size:       size,
		salt:       salt,
		hashes:     make([]fr.Element, size),
		categories: make([]int, size),
		Released:   make([]fr.Element, size),
		active:     len(rec.Hashes),
	}
	copy(s.hashes, rec.Hashes)
	copy(s.categories, rec.Categories)
	level := LevelOpen
	for j := range rec.Hashes {
		l, ok := policy.Level(rec.Categories[j])
		if !ok {
			return nil, fmt.Errorf("column %q: category %d: %w", rec.columnName(j), rec.Categories[j], errNotInPolicy)
		}
		level = max(level, l)
		if l <= threshold {
			s.Released[j] = rec.Hashes[j]
		}
	}
	s.Public = PublicInputs{
		Commitment:   commitment(size, salt, s.hashes, s.slots()),
		Level:        level,
		Policy:       policy.Element(),
		Threshold:    threshold,
		ReleasedRoot: ReleasedRoot(s.Released),
	}
	return s, nil
}

func (r *Record) columnName(j int) string {
	if j < len(r.Names) {
		return r.Names[j]
	}
	return fmt.Sprintf("#%d", j)
}

// slots returns the category slot values: category+1 if used, 0 if padding.
func (s *Statement) slots() []uint64 {
	out := make([]uint64, s.Size)
	for j := range s.active {
		out[j] = uint64(s.categories[j]) + 1
	}
	return out
}

// packSlots packs slot values 32 to a field element, 5 bits each.
func packSlots(slots []uint64) []fr.Element {
	out := make([]fr.Element, (len(slots)+slotsPerWord-1)/slotsPerWord)
	for k := range out {
		acc := new(big.Int)
		for i := slotsPerWord - 1; i >= 0; i-- {
			acc.Lsh(acc, slotBits)
			if j := k*slotsPerWord + i; j < len(slots) {
				acc.Or(acc, new(big.Int).SetUint64(slots[j]))
			}
		}
		out[k].SetBigInt(acc)
	}
	return out
}

// commitment is H(commitTag, salt, column hashes, packed category slots).
func commitment(size int, salt fr.Element, hashes []fr.Element, slots []uint64) fr.Element {
	h := newHasher()
	h.write(commitTag(size), salt)
	h.write(hashes...)
	h.write(packSlots(slots)...)
	return h.sum()
}

// ReleasedRoot is the root of a released view (one entry per slot).
func ReleasedRoot(view []fr.Element) fr.Element {
	h := newHasher()
	h.write(releasedTag(len(view)))
	h.write(view...)
	return h.sum()
}

// Assignment returns the full witness (public and secret) for the circuit.
// Tests change its fields to check that dishonest witnesses fail.
func (s *Statement) Assignment() *Circuit {
	c := newCircuit(s.Size)
	c.Commitment = s.Public.Commitment
	c.Level = uint64(s.Public.Level)
	c.Policy = new(big.Int).Set(s.Public.Policy)
	c.Threshold = uint64(s.Public.Threshold)
	c.ReleasedRoot = s.Public.ReleasedRoot
	c.Salt = s.salt
	for j := range s.Size {
		c.ColumnHashes[j] = s.hashes[j]
		c.Categories[j] = s.categories[j]
		c.Used[j] = 0
		if j < s.active {
			c.Used[j] = 1
		}
	}
	return c
}

// publicAssignment is the public part of a witness, secret slots zeroed.
func publicAssignment(size int, p *PublicInputs) *Circuit {
	c := newCircuit(size)
	c.Commitment = p.Commitment
	c.Level = uint64(p.Level)
	c.Policy = new(big.Int).Set(p.Policy)
	c.Threshold = uint64(p.Threshold)
	c.ReleasedRoot = p.ReleasedRoot
	c.Salt = 0
	for j := range size {
		c.ColumnHashes[j], c.Categories[j], c.Used[j] = 0, 0, 0
	}
	return c
}

// newCircuit returns a circuit of size slots, for compiling or assigning.
func newCircuit(size int) *Circuit {
	return &Circuit{
		ColumnHashes: make([]frontend.Variable, size),
		Categories:   make([]frontend.Variable, size),
		Used:         make([]frontend.Variable, size),
	}
}
