//go:build byzantine

package execution

import (
	"github.com/ethereum/go-ethereum/common"

	"github.com/sovereign-gov/sovereign/sidechains/qbft"
)

// BuildAlternative implements qbft.Equivocator (Byzantine test validators
// only, byzantine build tag): the same block one second later, hence a
// different hash.
func (d *Driver) BuildAlternative(height, round uint64) ([]byte, common.Hash, error) {
	return d.build(height, round, 1)
}

// BroadcastSplit implements qbft.Equivocator.
func (d *Driver) BroadcastSplit(a, b *qbft.Message) {
	if d.OnBroadcastSplit != nil {
		d.OnBroadcastSplit(a, b)
	}
}
