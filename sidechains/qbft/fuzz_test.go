package qbft

import (
	"bytes"
	"crypto/ecdsa"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rlp"
)

// Native fuzz targets for every decoder of bytes that come from peers
// (make test runs each briefly; `go test -fuzz` runs them for longer).

func fuzzSeedMessages(f *testing.F) [][]byte {
	s := NewKeySigner(mustKeyF(f))
	d := common.HexToHash("0x1234")
	var out [][]byte
	prep, _ := signMessage(body{Code: CodePrepare, Height: 3, Round: 1, Digest: d}, s)
	seal, _ := SignSeal(s, testChainID, 3, 1, d)
	com, _ := signMessage(body{Code: CodeCommit, Height: 3, Round: 1, Digest: d, CommitSeal: seal}, s)
	rc, _ := signMessage(body{Code: CodeRoundChange, Height: 3, Round: 2, HasPrepared: true, PreparedRound: 1, Digest: d, Value: []byte("v"), Justification: [][]byte{prep.Raw}}, s)
	prop, _ := signMessage(body{Code: CodeProposal, Height: 3, Round: 2, Digest: d, Value: []byte("v"), Justification: [][]byte{rc.Raw}, PreparedCert: [][]byte{prep.Raw}}, s)
	for _, m := range []*Message{prep, com, rc, prop} {
		out = append(out, m.Raw)
	}
	// Known bad shapes: truncated, high-S twin, unknown code.
	out = append(out, prep.Raw[:len(prep.Raw)-1])
	var env envelope
	if err := rlp.DecodeBytes(prep.Raw, &env); err == nil {
		env.Signature = highS(env.Signature, 0)
		bad, _ := rlp.EncodeToBytes(&env)
		out = append(out, bad)
	}
	unknown, _ := signMessage(body{Code: 0x16, Height: 1}, s)
	out = append(out, unknown.Raw, nil, []byte{0xc0})
	return out
}

func mustKeyF(f *testing.F) *ecdsa.PrivateKey {
	f.Helper()
	k, err := crypto.GenerateKey()
	if err != nil {
		f.Fatal(err)
	}
	return k
}

func FuzzDecodeMessage(f *testing.F) {
	for _, seed := range fuzzSeedMessages(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		m, err := DecodeMessage(raw)
		if err != nil {
			return
		}
		// What decodes is canonical: one message has one encoding, so
		// gossip deduplication by hash cannot be dodged by re-encoding.
		var env envelope
		if err := rlp.DecodeBytes(raw, &env); err != nil {
			t.Fatalf("decoded message whose envelope does not decode: %v", err)
		}
		again, err := rlp.EncodeToBytes(&env)
		if err != nil || !bytes.Equal(again, raw) {
			t.Fatalf("non-canonical envelope accepted")
		}
		if m.Code < CodeProposal || m.Code > CodeRoundChange {
			t.Fatalf("unknown code %#x accepted", m.Code)
		}
		if m.Source != m.Sender {
			t.Fatalf("source %s differs from claimed sender %s", m.Source, m.Sender)
		}
		if len(env.Signature) != 65 || new(big.Int).SetBytes(env.Signature[32:64]).Cmp(secp256k1HalfN) > 0 {
			t.Fatal("malformed or high-S signature accepted")
		}
		_ = m.String()
	})
}

func FuzzDecodeCertificate(f *testing.F) {
	s := NewKeySigner(mustKeyF(f))
	vs, _ := NewValidatorSet([]common.Address{s.Address()})
	d := common.HexToHash("0x99")
	seal, _ := SignSeal(s, testChainID, 7, 2, d)
	good := &Certificate{Number: 7, Hash: d, Round: 2, Seals: [][]byte{seal}}
	f.Add(good.Encode())
	f.Add(good.Encode()[:10])
	f.Add([]byte{0xc0})
	f.Fuzz(func(t *testing.T, raw []byte) {
		c, err := DecodeCertificate(raw)
		if err != nil {
			return
		}
		if !bytes.Equal(c.Encode(), raw) {
			t.Fatal("non-canonical certificate accepted")
		}
		if err := c.Verify(testChainID, vs); err == nil {
			// Only a certificate carrying this validator's real seal verifies.
			if c.Number != 7 || c.Hash != d || c.Round != 2 {
				t.Fatalf("forged certificate verified: %+v", c)
			}
		}
		_ = c.ID()
	})
}

// FuzzCoreHandleMessage signs arbitrary field values as a validator and
// hands them to a live state machine: no message may panic it or make it
// finalise without a quorum.
func FuzzCoreHandleMessage(f *testing.F) {
	f.Add(uint8(0), uint64(1), uint64(0), []byte("v"), false, uint64(0), []byte(nil))
	f.Add(uint8(3), uint64(1), uint64(1<<63), []byte(nil), true, uint64(1<<62), []byte{0xc0})
	f.Add(uint8(1), uint64(2), uint64(9), []byte{1}, false, uint64(0), []byte{0xc1, 0x80})
	f.Add(uint8(2), uint64(1), uint64(3), []byte{}, true, uint64(2), []byte(nil))
	f.Fuzz(func(t *testing.T, code uint8, height, round uint64, value []byte, hasPrepared bool, preparedRound uint64, just []byte) {
		net := newNetwork(t, 4)
		net.drop = func(delivery) bool { return true }
		net.fire()
		signer := NewKeySigner(net.nodes[1].key)
		b := body{Code: CodeProposal + uint64(code%4), Height: height, Round: round, Value: value,
			HasPrepared: hasPrepared, PreparedRound: preparedRound}
		if len(value) > 0 {
			b.Digest = common.BytesToHash(value)
		}
		if len(just) > 0 {
			b.Justification = [][]byte{just}
			b.PreparedCert = [][]byte{just}
		}
		if b.Code == CodeCommit {
			b.CommitSeal, _ = SignSeal(signer, testChainID, height, round, b.Digest)
		}
		m, err := signMessage(b, signer)
		if err != nil {
			return
		}
		dec, err := DecodeMessage(m.Raw)
		if err != nil {
			t.Fatalf("own message does not decode: %v", err)
		}
		net.nodes[0].core.HandleMessage(dec)
		net.nodes[0].core.Post(dec)
		if len(net.finalised(1)) != 0 {
			t.Fatal("one validator's message finalised a block")
		}
	})
}
