package record

import (
	"errors"
	"fmt"
	"math/big"
	"slices"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
)

// Circuit sizes: the number of column slots a record is padded to, one
// compiled circuit each.
const (
	SizeSmall = 16
	SizeLarge = 64
)

// Sizes lists the circuit sizes, smallest first.
var Sizes = []int{SizeSmall, SizeLarge}

// Packing of the category slots into the commitment (packSlots; the
// circuit packs the same way).
const (
	SlotBits     = 5  // bits of a category slot value, which is 0..16
	SlotsPerWord = 32 // slot values per packed field element (160 bits)
)

var (
	// ErrThreshold is returned for a release threshold outside 0..2.
	ErrThreshold = errors.New("threshold must be 0 (open), 1 (conditional) or 2 (sensitive)")
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
	Binding      fr.Element // the record the proof is for: Binding(datasetId, version, contentHash)
}

// NumPublicInputs is the number of the circuit's public inputs.
const NumPublicInputs = 6

// Inputs returns the public inputs as the Solidity verifier's uint256[6]:
// [commitment, level, policy, threshold, releasedRoot, binding].
func (p *PublicInputs) Inputs() [NumPublicInputs]*big.Int {
	return [NumPublicInputs]*big.Int{
		p.Commitment.BigInt(new(big.Int)),
		big.NewInt(int64(p.Level)),
		new(big.Int).Set(p.Policy),
		big.NewInt(int64(p.Threshold)),
		p.ReleasedRoot.BigInt(new(big.Int)),
		p.Binding.BigInt(new(big.Int)),
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
	bound      bool         // Bind was called
}

// NewStatement classifies rec by policy, redacts above threshold and commits
// with salt, exactly as the circuit checks it.
func NewStatement(rec *Record, policy Policy, threshold Level, salt fr.Element) (*Statement, error) {
	if !threshold.Valid() {
		return nil, ErrThreshold
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

// Bind sets the statement's binding (Public.Binding) to the record it is
// for, binding = Binding(datasetId, version, contentHash). The content hash
// is that of the released view, which depends on the statement's released
// columns, so the statement is made first and bound before it is proved;
// the commitment and released root do not depend on the binding.
func (s *Statement) Bind(binding fr.Element) {
	s.Public.Binding = binding
	s.bound = true
}

// Bound reports whether Bind was called: a proof of an unbound statement
// names no record.
func (s *Statement) Bound() bool { return s.bound }

// Salt returns the secret salt of the commitment.
func (s *Statement) Salt() fr.Element { return s.salt }

// Hashes returns the column hash of each slot, 0 in padding slots.
func (s *Statement) Hashes() []fr.Element { return slices.Clone(s.hashes) }

// Categories returns the category of each slot, 0 in padding slots.
func (s *Statement) Categories() []int { return slices.Clone(s.categories) }

// Used returns the number of used slots: the table's columns, a prefix.
func (s *Statement) Used() int { return s.active }

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
	out := make([]fr.Element, (len(slots)+SlotsPerWord-1)/SlotsPerWord)
	for k := range out {
		acc := new(big.Int)
		for i := SlotsPerWord - 1; i >= 0; i-- {
			acc.Lsh(acc, SlotBits)
			if j := k*SlotsPerWord + i; j < len(slots) {
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
	h.write(CommitTag(size), salt)
	h.write(hashes...)
	h.write(packSlots(slots)...)
	return h.sum()
}

// ReleasedRoot is the root of a released view (one entry per slot).
func ReleasedRoot(view []fr.Element) fr.Element {
	h := newHasher()
	h.write(ReleasedTag(len(view)))
	h.write(view...)
	return h.sum()
}
