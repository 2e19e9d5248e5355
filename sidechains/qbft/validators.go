package qbft

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"sort"

	"github.com/ethereum/go-ethereum/common"
)

// errEmptyValidatorSet is returned when a validator set has no member.
var errEmptyValidatorSet = errors.New("validator set is empty")

// ValidatorSet is the address-sorted set of validators of one height.
type ValidatorSet struct{ addrs []common.Address }

// NewValidatorSet sorts addrs and refuses an empty set or duplicates.
func NewValidatorSet(addrs []common.Address) (ValidatorSet, error) {
	if len(addrs) == 0 {
		return ValidatorSet{}, errEmptyValidatorSet
	}
	sorted := slices.Clone(addrs)
	slices.SortFunc(sorted, func(a, b common.Address) int { return bytes.Compare(a[:], b[:]) })
	for i := 1; i < len(sorted); i++ {
		if sorted[i] == sorted[i-1] {
			return ValidatorSet{}, fmt.Errorf("validator %s listed twice", sorted[i])
		}
	}
	return ValidatorSet{addrs: sorted}, nil
}

// Size is the number of validators.
func (v ValidatorSet) Size() int { return len(v.addrs) }

// List returns a copy of the sorted addresses.
func (v ValidatorSet) List() []common.Address { return slices.Clone(v.addrs) }

// Quorum is ⌈2n/3⌉.
func (v ValidatorSet) Quorum() int { return (2*len(v.addrs) + 2) / 3 }

// F is the number of faults tolerated, ⌊(n−1)/3⌋.
func (v ValidatorSet) F() int { return (len(v.addrs) - 1) / 3 }

// Contains reports whether a is a validator.
func (v ValidatorSet) Contains(a common.Address) bool {
	_, ok := slices.BinarySearchFunc(v.addrs, a, func(x, y common.Address) int { return bytes.Compare(x[:], y[:]) })
	return ok
}

// Proposer is the proposer of round r: the validator after the previous
// block's proposer, plus r, over the sorted set. A previous proposer that is
// not (or no longer) in the set counts from the first address above it.
func (v ValidatorSet) Proposer(prev common.Address, round uint64) common.Address {
	n := len(v.addrs)
	if n == 0 {
		return common.Address{} // nobody: an empty set decides nothing
	}
	start := sort.Search(n, func(i int) bool { return bytes.Compare(v.addrs[i][:], prev[:]) > 0 })
	return v.addrs[(uint64(start)+round%uint64(n))%uint64(n)]
}
