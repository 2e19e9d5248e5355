package bridge

import (
	"bytes"
	"crypto/ecdsa"
	"math/big"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rlp"

	"github.com/sovereign-gov/sovereign/sidechains/qbft"
)

// FuzzCertify runs the checks Certify makes on what a consortium endpoint
// returns (a header, the validator list, a certificate) over arbitrary
// bytes. Seals cannot be forged, so the only block that may pass is the one
// the seed validators signed, under the set the bridge's anchor names, with
// a quorum of distinct seals from that set.
func FuzzCertify(f *testing.F) {
	chainID := big.NewInt(7100)
	keys := make([]*ecdsa.PrivateKey, 4)
	addrs := make([]common.Address, len(keys))
	for i := range keys {
		keys[i], _ = crypto.GenerateKey()
		addrs[i] = crypto.PubkeyToAddress(keys[i].PublicKey)
	}
	set, err := qbft.NewValidatorSet(addrs)
	if err != nil {
		f.Fatal(err)
	}
	anchor := Anchor{Epoch: 2, SetHash: qbft.ValidatorSetHash(set)}
	signed := &types.Header{Number: big.NewInt(9), Difficulty: common.Big0, Extra: anchor.SetHash[:], GasLimit: 30e6, BaseFee: big.NewInt(7)}
	cert := &qbft.Certificate{Number: 9, Hash: signed.Hash(), Round: 1}
	for _, k := range keys[:set.Quorum()] {
		seal, err := qbft.SignSeal(qbft.NewKeySigner(k), chainID, 9, 1, signed.Hash())
		if err != nil {
			f.Fatal(err)
		}
		cert.Seals = append(cert.Seals, seal)
	}
	hdr, _ := rlp.EncodeToBytes(signed)
	list := bytes.Join(func() [][]byte {
		var out [][]byte
		for _, a := range addrs {
			out = append(out, a[:])
		}
		return out
	}(), nil)
	short := &qbft.Certificate{Number: 9, Hash: signed.Hash(), Round: 1, Seals: cert.Seals[:set.Quorum()-1]}
	twice := &qbft.Certificate{Number: 9, Hash: signed.Hash(), Round: 1, Seals: append(slices.Clone(cert.Seals[:set.Quorum()-1]), cert.Seals[0])}
	// The first seed passes every check, so the fuzzer starts on the
	// accepting path.
	seedBlock := &Block{Header: signed, HeaderRLP: hdr, Hash: signed.Hash(), Number: 9}
	if err := checkCertificate(chainID, seedBlock, set, cert); err != nil || checkSetNamed(seedBlock, anchor) != nil {
		f.Fatalf("the signed seed block is refused: %v", err)
	}
	f.Add(hdr, list, cert.Encode())
	f.Add(hdr, list, short.Encode())
	f.Add(hdr, list, twice.Encode())
	f.Add(hdr, list[:len(list)-20], cert.Encode())
	f.Add(hdr[:len(hdr)-1], list, cert.Encode())
	f.Add(hdr, append(list, list[:20]...), cert.Encode())

	f.Fuzz(func(t *testing.T, headerRLP, addrList, certRLP []byte) {
		var h types.Header
		if rlp.DecodeBytes(headerRLP, &h) != nil || h.Number == nil || !h.Number.IsUint64() || len(addrList)%20 != 0 {
			return
		}
		b := &Block{Header: &h, HeaderRLP: headerRLP, Hash: h.Hash(), Number: h.Number.Uint64()}
		var named []common.Address
		for i := 0; i < len(addrList); i += 20 {
			named = append(named, common.BytesToAddress(addrList[i:i+20]))
		}
		if checkSetNamed(b, anchor) != nil {
			return
		}
		got, err := checkSet(b, anchor, named)
		if err != nil {
			return
		}
		c, err := qbft.DecodeCertificate(certRLP)
		if err != nil || checkCertificate(chainID, b, got, c) != nil {
			return
		}
		// Accepted: it must be the signed block under the anchored set.
		if b.Hash != signed.Hash() || !slices.Equal(got.List(), set.List()) || c.Number != b.Number || c.Hash != b.Hash {
			t.Fatalf("accepted block %d %s under %v", b.Number, b.Hash, got.List())
		}
		signers, err := c.Signers(chainID)
		if err != nil {
			t.Fatal(err)
		}
		distinct := map[common.Address]bool{}
		for _, s := range signers {
			if !set.Contains(s) {
				t.Fatalf("accepted a seal from %s, not a validator", s)
			}
			distinct[s] = true
		}
		if len(distinct) < set.Quorum() {
			t.Fatalf("accepted %d distinct seals, quorum %d", len(distinct), set.Quorum())
		}
	})
}
