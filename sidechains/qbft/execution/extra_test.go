package execution

import (
	"errors"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/log"

	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/sidechains/qbft"
)

// TestHeaderNamesItsValidatorSet: a built block's extra data is
// qbft.ValidatorSetHash of the set certifying it (what ReleaseBridge checks
// a certificate's set against); a block naming another set, or still
// carrying the parent certificate's ID there, is refused both as a proposal
// (VerifyValue) and in block sync (ImportCertified); the parent certificate
// stays bound through the beacon root and random.
func TestHeaderNamesItsValidatorSet(t *testing.T) {
	key, _ := crypto.GenerateKey()
	self := crypto.PubkeyToAddress(key.PublicKey)
	g, err := NewGenesis(GenesisSpec{ChainID: 7010, Validators: []common.Address{self}})
	if err != nil {
		t.Fatal(err)
	}
	n, err := node.New(node.Config{Genesis: g, GasCeil: g.GasLimit})
	if err != nil {
		t.Fatal(err)
	}
	if err := n.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { n.Close() })
	vals, err := qbft.NewValidatorSet([]common.Address{self})
	if err != nil {
		t.Fatal(err)
	}
	d := New(n.Eth, Config{Self: self, Validators: NewContractValidators(n.Eth.BlockChain(), vals), Logger: log.Root()})
	want := qbft.ValidatorSetHash(vals)

	certify := func(value []byte) *qbft.Certificate {
		t.Helper()
		v, err := DecodeValue(value)
		if err != nil {
			t.Fatal(err)
		}
		c := &qbft.Certificate{Number: v.Block.NumberU64(), Hash: v.Block.Hash()}
		s, err := qbft.SignSeal(qbft.NewKeySigner(key), d.ChainID(), c.Number, 0, c.Hash)
		if err != nil {
			t.Fatal(err)
		}
		c.Seals = [][]byte{s}
		return c
	}
	withExtra := func(value []byte, extra []byte) []byte {
		t.Helper()
		w, _ := DecodeValue(value)
		h := w.Block.Header()
		h.Extra = extra
		w.Block = types.NewBlockWithHeader(h).WithBody(*w.Block.Body())
		enc, err := w.Encode()
		if err != nil {
			t.Fatal(err)
		}
		return enc
	}

	for height := uint64(1); height <= 2; height++ {
		value, _, err := d.BuildValue(height, 0)
		if err != nil {
			t.Fatal(err)
		}
		v, _ := DecodeValue(value)
		if common.BytesToHash(v.Block.Extra()) != want || len(v.Block.Extra()) != 32 {
			t.Fatalf("block %d extra = %x, want the validator set hash %s", height, v.Block.Extra(), want)
		}
		var certID common.Hash
		if height > 1 {
			pc, _ := d.Certificate(height - 1)
			certID = pc.ID()
		}
		if *v.Block.BeaconRoot() != certID || v.Block.MixDigest() != certID {
			t.Fatalf("block %d beacon root %s random %s, want the parent certificate ID %s", height, v.Block.BeaconRoot(), v.Block.MixDigest(), certID)
		}
		other, _ := qbft.NewValidatorSet([]common.Address{self, common.HexToAddress("0x1234")})
		for name, extra := range map[string][]byte{
			"another set's hash":        qbft.ValidatorSetHash(other).Bytes(),
			"the parent certificate ID": certID.Bytes(),
			"empty":                     nil,
		} {
			bad := withExtra(value, extra)
			if _, err := d.VerifyValue(height, self, false, bad); !errors.Is(err, errBadExtra) {
				t.Fatalf("block %d with %s as extra: VerifyValue = %v, want errBadExtra", height, name, err)
			}
			if err := d.ImportCertified(bad, certify(bad)); !errors.Is(err, errBadExtra) {
				t.Fatalf("block %d with %s as extra: ImportCertified = %v, want errBadExtra", height, name, err)
			}
		}
		if height > 1 {
			w, _ := DecodeValue(value)
			h := w.Block.Header()
			h.MixDigest = common.Hash{1}
			w.Block = types.NewBlockWithHeader(h).WithBody(*w.Block.Body())
			bad, _ := w.Encode()
			if _, err := d.VerifyValue(height, self, false, bad); !errors.Is(err, errBadParentCert) {
				t.Fatalf("block %d with another random: VerifyValue = %v, want errBadParentCert", height, err)
			}
		}
		if err := d.ImportCertified(value, certify(value)); err != nil {
			t.Fatalf("block %d: %v", height, err)
		}
	}
	if d.Head() != 2 {
		t.Fatalf("head = %d, want 2", d.Head())
	}
}
