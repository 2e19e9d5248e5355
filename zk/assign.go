package zk

import (
	"math/big"

	"github.com/consensys/gnark/frontend"
	"github.com/sovereign-gov/sovereign/record"
)

// Assignment returns the full witness (public and secret) of s for the
// circuit. Tests change its fields to check that dishonest witnesses fail.
func Assignment(s *record.Statement) *Circuit {
	c := newCircuit(s.Size)
	c.Commitment = s.Public.Commitment
	c.Level = uint64(s.Public.Level)
	c.Policy = new(big.Int).Set(s.Public.Policy)
	c.Threshold = uint64(s.Public.Threshold)
	c.ReleasedRoot = s.Public.ReleasedRoot
	c.Binding = s.Public.Binding
	c.Salt = s.Salt()
	hashes, categories := s.Hashes(), s.Categories()
	for j := range s.Size {
		c.ColumnHashes[j] = hashes[j]
		c.Categories[j] = categories[j]
		c.Used[j] = 0
		if j < s.Used() {
			c.Used[j] = 1
		}
	}
	return c
}

// publicAssignment is the public part of a witness, secret slots zeroed.
func publicAssignment(size int, p *record.PublicInputs) *Circuit {
	c := newCircuit(size)
	c.Commitment = p.Commitment
	c.Level = uint64(p.Level)
	c.Policy = new(big.Int).Set(p.Policy)
	c.Threshold = uint64(p.Threshold)
	c.ReleasedRoot = p.ReleasedRoot
	c.Binding = p.Binding
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
