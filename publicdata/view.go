package publicdata

// This file is the only one that uses the record format (the released view
// file and the proof file), today in package zk; when it moves to package
// record, only the import and the qualifiers here change.

import (
	"fmt"
	"math/big"

	"github.com/sovereign-gov/sovereign/record"
	"github.com/sovereign-gov/sovereign/zk"
)

// releasedView is a parsed released view file.
type releasedView struct{ v *record.ReleasedView }

// parseView parses a released view file.
func parseView(b []byte) (*releasedView, error) {
	v, err := record.ParseReleasedView(b)
	if err != nil {
		return nil, err
	}
	return &releasedView{v}, nil
}

// root recomputes the released root from the released columns.
func (r *releasedView) root() (*big.Int, error) {
	e, err := r.v.Root()
	if err != nil {
		return nil, err
	}
	return e.BigInt(new(big.Int)), nil
}

// releasedCSV is the view without its withheld columns, as CSV.
func (r *releasedView) releasedCSV() ([]byte, error) {
	t := r.v.ReleasedColumns()
	return (&record.ReleasedView{Table: t, Released: allTrue(len(t.Columns))}).CSV()
}

func allTrue(n int) []bool {
	b := make([]bool, n)
	for i := range b {
		b[i] = true
	}
	return b
}

// ProofFile is a proof file's proof bytes and public inputs.
type ProofFile struct {
	Bytes  []byte
	Inputs [record.NumPublicInputs]*big.Int // [commitment, level, policy, threshold, releasedRoot, binding]
}

// LoadProofFile reads a zk proof file.
func LoadProofFile(path string) (*ProofFile, error) {
	p, err := zk.LoadProof(path)
	if err != nil {
		return nil, err
	}
	if len(p.Bytes) != zk.ProofSize {
		return nil, fmt.Errorf("malformed proof file %s: %d proof bytes, want %d", path, len(p.Bytes), zk.ProofSize)
	}
	return &ProofFile{Bytes: p.Bytes, Inputs: p.Public.Inputs()}, nil
}

// ViewRoot is the released root of a released view file, recomputed from
// its released columns.
func ViewRoot(b []byte) (*big.Int, error) {
	v, err := parseView(b)
	if err != nil {
		return nil, err
	}
	return v.root()
}
