package execution

import (
	"fmt"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rlp"

	"github.com/sovereign-gov/sovereign/sidechains/qbft"
)

// Value is what a QBFT proposal carries: the block, its execution requests
// (not part of the block body; the header commits to them and validation
// checks they match), and the parent's
// certificate, whose ID the block's beacon root and random commit to.
type Value struct {
	Block      *types.Block
	Requests   [][]byte
	ParentCert []byte // empty for block 1
}

type valueRLP struct {
	Block      []byte
	Requests   [][]byte
	ParentCert []byte
}

// Encode is the value's wire form.
func (v *Value) Encode() ([]byte, error) {
	blk, err := rlp.EncodeToBytes(v.Block)
	if err != nil {
		return nil, fmt.Errorf("encoding block: %w", err)
	}
	return rlp.EncodeToBytes(&valueRLP{Block: blk, Requests: v.Requests, ParentCert: v.ParentCert})
}

// DecodeValue parses a value.
func DecodeValue(b []byte) (*Value, error) {
	var r valueRLP
	if err := rlp.DecodeBytes(b, &r); err != nil {
		return nil, fmt.Errorf("malformed proposal value: %w", err)
	}
	blk := new(types.Block)
	if err := rlp.DecodeBytes(r.Block, blk); err != nil {
		return nil, fmt.Errorf("malformed block: %w", err)
	}
	if r.Requests == nil {
		r.Requests = [][]byte{}
	}
	return &Value{Block: blk, Requests: r.Requests, ParentCert: r.ParentCert}, nil
}

// parentCert decodes the parent certificate, nil for block 1.
func (v *Value) parentCert() (*qbft.Certificate, error) {
	if len(v.ParentCert) == 0 {
		return nil, nil
	}
	return qbft.DecodeCertificate(v.ParentCert)
}
