package transport

import (
	"bytes"
	"crypto/ecdsa"
	"math/big"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/p2p"
	"github.com/ethereum/go-ethereum/p2p/enode"
	"github.com/ethereum/go-ethereum/rlp"

	"github.com/sovereign-gov/sovereign/sidechains/qbft"
)

// fuzzHead is the head of fuzzChain; the node decides fuzzHead+1.
const fuzzHead = 5

var fuzzChainID = big.NewInt(7100)

// fuzzChain is a Chain at height fuzzHead with one validator; it records
// the certified blocks handed to it and serves made-up certified values.
type fuzzChain struct {
	vals    qbft.ValidatorSet
	imports []*qbft.Certificate
}

func (c *fuzzChain) Head() uint64                                 { return fuzzHead }
func (c *fuzzChain) Validators(uint64) (qbft.ValidatorSet, error) { return c.vals, nil }
func (c *fuzzChain) ImportCertified(_ []byte, cert *qbft.Certificate) error {
	c.imports = append(c.imports, cert)
	return nil
}
func (c *fuzzChain) CertifiedValue(n uint64) ([]byte, *qbft.Certificate, error) {
	return []byte{byte(n)}, &qbft.Certificate{Number: n, Hash: common.Hash{byte(n)}}, nil
}

// postedConsensus records the messages handed to the state machine.
type postedConsensus struct{ posted []*qbft.Message }

func (c *postedConsensus) Post(m *qbft.Message) { c.posted = append(c.posted, m) }
func (c *postedConsensus) Synced(uint64)        {}
func (c *postedConsensus) Status() qbft.Status  { return qbft.Status{Height: fuzzHead + 1} }

// wireBody mirrors the signed part of a QBFT message field for field, so
// the seeds are written here without the qbft package's private encoder.
type wireBody struct {
	Sender                     common.Address
	Code, Height, Round        uint64
	Digest                     common.Hash
	Value, CommitSeal          []byte
	HasPrepared                bool
	PreparedRound              uint64
	Justification, PreparedCrt [][]byte
}

func signedWire(f *testing.F, key *ecdsa.PrivateKey, b wireBody) []byte {
	b.Sender = crypto.PubkeyToAddress(key.PublicKey)
	enc, err := rlp.EncodeToBytes(&b)
	if err != nil {
		f.Fatal(err)
	}
	sig, err := crypto.Sign(crypto.Keccak256(enc), key)
	if err != nil {
		f.Fatal(err)
	}
	raw, err := rlp.EncodeToBytes(&struct{ Body, Signature []byte }{enc, sig})
	if err != nil {
		f.Fatal(err)
	}
	return raw
}

// FuzzTransportHandle feeds one arbitrary "sovqbft" message from a peer to
// a validator's reactor. Bad content never ends the peer and is counted;
// only a message signed by a validator for the height being decided (or
// the next) reaches the state machine, byte for byte; only a decodable
// certificate for the next block reaches the chain; sync answers stay in
// their bounds.
func FuzzTransportHandle(f *testing.F) {
	key, _ := crypto.GenerateKey()
	other, _ := crypto.GenerateKey()
	vals, err := qbft.NewValidatorSet([]common.Address{crypto.PubkeyToAddress(key.PublicKey)})
	if err != nil {
		f.Fatal(err)
	}
	enc := func(v any) []byte {
		b, err := rlp.EncodeToBytes(v)
		if err != nil {
			f.Fatal(err)
		}
		return b
	}
	d := common.Hash{0x42}
	prepare := signedWire(f, key, wireBody{Code: qbft.CodePrepare, Height: fuzzHead + 1, Digest: d})
	seal, _ := qbft.SignSeal(qbft.NewKeySigner(key), fuzzChainID, fuzzHead+1, 0, d)
	cert := &qbft.Certificate{Number: fuzzHead + 1, Hash: d, Seals: [][]byte{seal}}
	f.Add(uint8(ConsensusMsg), enc(prepare))
	f.Add(uint8(ConsensusMsg), enc(signedWire(f, key, wireBody{Code: qbft.CodeCommit, Height: fuzzHead + 1, Digest: d, CommitSeal: seal})))
	f.Add(uint8(ConsensusMsg), enc(signedWire(f, other, wireBody{Code: qbft.CodePrepare, Height: fuzzHead + 1, Digest: d})))
	f.Add(uint8(ConsensusMsg), enc(signedWire(f, key, wireBody{Code: qbft.CodePrepare, Height: fuzzHead + 9, Digest: d})))
	f.Add(uint8(ConsensusMsg), enc(prepare[:len(prepare)-2]))
	f.Add(uint8(StatusMsg), enc(&StatusPacket{NetworkID: 1, Head: fuzzHead + 40}))
	f.Add(uint8(CertifiedMsg), enc(&certifiedPacket{Value: []byte("block"), Cert: cert.Encode()}))
	f.Add(uint8(certifiedBatch), enc([]certifiedPacket{{Value: []byte("a"), Cert: cert.Encode()}, {Cert: []byte{0xc0}}}))
	f.Add(uint8(getCertifiedMsg), enc(&getCertifiedPacket{From: 1, Count: 1 << 40}))
	f.Add(uint8(getCertifiedMsg), enc(&getCertifiedPacket{From: 1<<64 - 2, Count: 9}))
	f.Add(uint8(7), []byte{0x80})

	f.Fuzz(func(t *testing.T, code uint8, payload []byte) {
		chain := &fuzzChain{vals: vals}
		cons := &postedConsensus{}
		r := New(chain, cons, Config{NetworkID: 1})
		defer r.Stop()
		p := newPeer(p2p.NewPeer(enode.ID{1}, "fuzz", nil), nil)
		if err := r.handle(p, p2p.Msg{Code: uint64(code), Size: uint32(len(payload)), Payload: bytes.NewReader(payload)}); err != nil {
			t.Fatalf("message %#x ended the peer: %v", code, err)
		}
		// The import loop is not running: import what was queued here.
		for len(r.imports) > 0 {
			job := <-r.imports
			r.importCertified(job.from, job.pkts)
		}
		malformed := r.Counters().Malformed

		// As the handler decodes (p2p.Msg.Decode: one value, the rest ignored).
		decodes := func(v any) bool {
			return (p2p.Msg{Size: uint32(len(payload)), Payload: bytes.NewReader(payload)}).Decode(v) == nil
		}
		switch code {
		case ConsensusMsg:
			var raw []byte
			if !decodes(&raw) {
				if malformed != 1 {
					t.Fatalf("undecodable consensus payload counted %d times", malformed)
				}
				return
			}
			m, err := qbft.DecodeMessage(raw)
			accept := err == nil && vals.Contains(m.Source) && (m.Height == fuzzHead+1 || m.Height == fuzzHead+2)
			if accept != (len(cons.posted) == 1) || len(cons.posted) > 1 {
				t.Fatalf("consensus message (decode err %v) posted %d times", err, len(cons.posted))
			}
			if accept && !bytes.Equal(cons.posted[0].Raw, raw) {
				t.Fatal("posted message differs from the bytes received")
			}
		case CertifiedMsg, certifiedBatch:
			var one certifiedPacket
			var batch []certifiedPacket
			if code == CertifiedMsg && !decodes(&one) || code == certifiedBatch && !decodes(&batch) {
				if malformed != 1 {
					t.Fatalf("undecodable certified payload counted %d times", malformed)
				}
				return
			}
			if code == CertifiedMsg {
				batch = []certifiedPacket{one}
			}
			// Imported: the certificates for the next block, in the order
			// sent, up to the first that does not decode.
			var want []*qbft.Certificate
			for _, pkt := range batch {
				c, err := qbft.DecodeCertificate(pkt.Cert)
				if err != nil || c.Number > fuzzHead+1 {
					break
				}
				if c.Number == fuzzHead+1 {
					want = append(want, c)
				}
			}
			if !slices.EqualFunc(chain.imports, want, func(a, b *qbft.Certificate) bool { return bytes.Equal(a.Encode(), b.Encode()) }) {
				t.Fatalf("imported %d certificates, want %d", len(chain.imports), len(want))
			}
		case getCertifiedMsg:
			var req getCertifiedPacket
			if !decodes(&req) {
				if malformed != 1 {
					t.Fatalf("undecodable sync request counted %d times", malformed)
				}
				return
			}
			if len(p.queue) != 1 {
				t.Fatalf("%d answers queued, want 1", len(p.queue))
			}
			ans := (<-p.queue).data.([]certifiedPacket)
			if len(ans) > maxBatch || len(ans) > int(min(req.Count, maxBatch)) {
				t.Fatalf("asked %d from %d, answered %d", req.Count, req.From, len(ans))
			}
			for i, pkt := range ans {
				c, err := qbft.DecodeCertificate(pkt.Cert)
				if err != nil || c.Number != req.From+uint64(i) || c.Number > fuzzHead {
					t.Fatalf("answer %d: certificate %+v (%v) for a request from %d", i, c, err, req.From)
				}
			}
		case StatusMsg:
			var st StatusPacket
			if !decodes(&st) && malformed != 1 {
				t.Fatalf("undecodable status counted %d times", malformed)
			}
		default:
			if malformed != 1 {
				t.Fatalf("unknown code %#x counted %d times", code, malformed)
			}
		}
	})
}
