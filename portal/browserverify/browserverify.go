// Package browserverify is what the portal's Verify button runs in the
// browser, compiled to WebAssembly (./wasm): the project's own record
// format (package record) recomputes the released root of a downloaded
// file, and the verifier's calldata is built with the binding computed
// from the values the registry published. It imports no chain client, so
// the WebAssembly stays small; the browser's JavaScript only moves bytes
// between this code, the file and JSON-RPC.
package browserverify

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"golang.org/x/crypto/sha3"

	"github.com/sovereign-gov/sovereign/record"
)

// Published are the values of a DataRegistry Published log.
type Published struct {
	RecordID     string `json:"recordId"`
	DatasetID    string `json:"datasetId"`
	Version      uint64 `json:"version"`
	Department   string `json:"department"`
	Seq          uint64 `json:"seq"`
	Level        uint8  `json:"level"`
	Threshold    uint8  `json:"threshold"`
	Supersedes   uint64 `json:"supersedes"`
	Commitment   string `json:"commitment"`
	ReleasedRoot string `json:"releasedRoot"`
	ContentHash  string `json:"contentHash"`
	// VerifierVersion is the verifier the consortium checked the proof with.
	VerifierVersion uint32 `json:"verifierVersion"`
}

// PublishedTopic is topic 0 of Published(bytes32,bytes32,uint64,bytes32,uint64,uint8,uint8,uint64,uint256,uint256,bytes32,uint32).
var PublishedTopic = "0x" + hex.EncodeToString(keccak([]byte("Published(bytes32,bytes32,uint64,bytes32,uint64,uint8,uint8,uint64,uint256,uint256,bytes32,uint32)")))

// errLog is wrapped by every malformed-log error.
var errLog = errors.New("Published log")

// DecodePublished decodes a Published log from its JSON-RPC fields.
func DecodePublished(topics []string, data string) (*Published, error) {
	if len(topics) != 4 {
		return nil, fmt.Errorf("%w: %d topics, want 4", errLog, len(topics))
	}
	if !strings.EqualFold(topics[0], PublishedTopic) {
		return nil, fmt.Errorf("%w: topic 0 is %s, not Published", errLog, topics[0])
	}
	var t [4][]byte
	for i, s := range topics {
		b, err := word(s)
		if err != nil {
			return nil, fmt.Errorf("%w: topic %d: %w", errLog, i, err)
		}
		t[i] = b
	}
	d, err := hexBytes(data)
	if err != nil {
		return nil, fmt.Errorf("%w: data: %w", errLog, err)
	}
	if len(d) != 9*32 {
		return nil, fmt.Errorf("%w: data of %d bytes, want 288", errLog, len(d))
	}
	w := func(i int) []byte { return d[32*i : 32*i+32] }
	u := func(b []byte, bits int) (uint64, error) {
		v := new(big.Int).SetBytes(b)
		if v.BitLen() > bits {
			return 0, fmt.Errorf("%w: a uint%d field holds %#x", errLog, bits, v)
		}
		return v.Uint64(), nil
	}
	p := &Published{RecordID: hx(t[1]), DatasetID: hx(t[2]), Department: hx(w(0)),
		Commitment: hx(w(5)), ReleasedRoot: hx(w(6)), ContentHash: hx(w(7))}
	var level, threshold, verifier uint64
	for _, f := range []struct {
		b    []byte
		bits int
		to   *uint64
	}{{t[3], 64, &p.Version}, {w(1), 64, &p.Seq}, {w(2), 8, &level}, {w(3), 8, &threshold}, {w(4), 64, &p.Supersedes}, {w(8), 32, &verifier}} {
		if *f.to, err = u(f.b, f.bits); err != nil {
			return nil, err
		}
	}
	p.Level, p.Threshold, p.VerifierVersion = uint8(level), uint8(threshold), uint32(verifier)
	return p, nil
}

// Relayed are the values of a ReleaseBridge Relayed log: the certified
// consortium block a release (kind 0) was carried from.
type Relayed struct {
	Number       uint64 `json:"number"`
	BlockHash    string `json:"blockHash"`
	ReceiptIndex uint64 `json:"receiptIndex"`
	LogIndex     uint64 `json:"logIndex"`
	Kind         uint8  `json:"kind"`
	Subject      string `json:"subject"`
}

// RelayedTopic is topic 0 of Relayed(uint64,bytes32,uint256,uint256,uint8,bytes32).
var RelayedTopic = "0x" + hex.EncodeToString(keccak([]byte("Relayed(uint64,bytes32,uint256,uint256,uint8,bytes32)")))

// DecodeRelayed decodes a Relayed log from its JSON-RPC fields.
func DecodeRelayed(topics []string, data string) (*Relayed, error) {
	if len(topics) != 3 || !strings.EqualFold(topics[0], RelayedTopic) {
		return nil, fmt.Errorf("Relayed log: want 3 topics, the first Relayed's, got %v", topics)
	}
	n, err := word(topics[1])
	if err != nil {
		return nil, fmt.Errorf("Relayed log: number: %w", err)
	}
	h, err := word(topics[2])
	if err != nil {
		return nil, fmt.Errorf("Relayed log: blockHash: %w", err)
	}
	d, err := hexBytes(data)
	if err != nil || len(d) != 4*32 {
		return nil, fmt.Errorf("Relayed log: data of %d bytes, want 128 (%v)", len(d), err)
	}
	r := &Relayed{BlockHash: hx(h), Subject: hx(d[96:128])}
	var kind uint64
	for _, f := range []struct {
		b    []byte
		bits int
		to   *uint64
	}{{n, 64, &r.Number}, {d[0:32], 64, &r.ReceiptIndex}, {d[32:64], 64, &r.LogIndex}, {d[64:96], 8, &kind}} {
		v := new(big.Int).SetBytes(f.b)
		if v.BitLen() > f.bits {
			return nil, fmt.Errorf("Relayed log: a uint%d field holds %#x", f.bits, v)
		}
		*f.to = v.Uint64()
	}
	r.Kind = uint8(kind)
	return r, nil
}

// SHA256 is the file's sha256, 0x-hex.
func SHA256(file []byte) string { s := sha256.Sum256(file); return hx(s[:]) }

// ReleasedRoot recomputes a released view file's released root (0x + 64 hex digits).
func ReleasedRoot(file []byte) (string, error) {
	v, err := record.ParseReleasedView(file)
	if err != nil {
		return "", err
	}
	root, err := v.Root()
	if err != nil {
		return "", err
	}
	b := root.Bytes()
	return hx(b[:]), nil
}

// PolicyCall is the calldata of the registry's policy().
func PolicyCall() string { return hx(keccak([]byte("policy()"))[:4]) }

// VerifierOfCall is the calldata of the registry's verifierOf(version).
func VerifierOfCall(version uint32) string {
	arg := make([]byte, 32)
	new(big.Int).SetUint64(uint64(version)).FillBytes(arg)
	return hx(append(keccak([]byte("verifierOf(uint32)"))[:4], arg...))
}

// VerifierOf decodes verifierOf's return: the version's announced code
// hash and its registered contract ("" when none is registered).
type VerifierOf struct {
	CodeHash string `json:"codeHash"`
	Verifier string `json:"verifier"`
}

// DecodeVerifierOf decodes the return data of verifierOf.
func DecodeVerifierOf(ret string) (*VerifierOf, error) {
	b, err := hexBytes(ret)
	if err != nil || len(b) != 64 || new(big.Int).SetBytes(b[32:44]).Sign() != 0 {
		return nil, fmt.Errorf("verifierOf returned %q: want a code hash and an address", ret)
	}
	out := &VerifierOf{CodeHash: hx(b[:32])}
	if new(big.Int).SetBytes(b[44:]).Sign() != 0 {
		out.Verifier = hx(b[44:])
	}
	return out, nil
}

// VerifierCall is the calldata of verifyProof(proof, inputs) with the
// release's public inputs [commitment, level, policy, threshold,
// releasedRoot, binding], the binding computed from the published dataset
// id, version and content hash.
func VerifierCall(proof string, p *Published, policy string) (string, error) {
	pr, err := hexBytes(proof)
	if err != nil {
		return "", fmt.Errorf("proof: %w", err)
	}
	var ds, ch [32]byte
	for _, f := range []struct {
		name, s string
		to      *[32]byte
	}{{"datasetId", p.DatasetID, &ds}, {"contentHash", p.ContentHash, &ch}} {
		b, err := word(f.s)
		if err != nil {
			return "", fmt.Errorf("%s: %w", f.name, err)
		}
		copy(f.to[:], b)
	}
	binding := record.Binding(ds, p.Version, ch)
	bb := binding.Bytes()
	inputs := [][]byte{nil, pad(uint64(p.Level)), nil, pad(uint64(p.Threshold)), nil, bb[:]}
	for i, f := range []struct{ name, s string }{{"commitment", p.Commitment}, {"policy", policy}, {"releasedRoot", p.ReleasedRoot}} {
		b, err := word(f.s)
		if err != nil {
			return "", fmt.Errorf("%s: %w", f.name, err)
		}
		inputs[2*i] = b
	}
	out := keccak([]byte("verifyProof(bytes,uint256[6])"))[:4]
	out = append(out, pad(7*32)...) // offset of the bytes after the 7 head words
	for _, in := range inputs {
		out = append(out, in...)
	}
	out = append(out, pad(uint64(len(pr)))...)
	out = append(out, pr...)
	if r := len(pr) % 32; r != 0 {
		out = append(out, make([]byte, 32-r)...)
	}
	return hx(out), nil
}

func keccak(b []byte) []byte {
	h := sha3.NewLegacyKeccak256()
	h.Write(b)
	return h.Sum(nil)
}

func pad(v uint64) []byte { return new(big.Int).SetUint64(v).FillBytes(make([]byte, 32)) }

func hx(b []byte) string { return "0x" + hex.EncodeToString(b) }

func hexBytes(s string) ([]byte, error) {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "0x"), "0X")
	if len(s)%2 == 1 {
		s = "0" + s
	}
	return hex.DecodeString(s)
}

// word reads a hex quantity or 32-byte value of at most 32 bytes, left-padded.
func word(s string) ([]byte, error) {
	b, err := hexBytes(s)
	if err != nil {
		return nil, err
	}
	if len(b) > 32 {
		return nil, fmt.Errorf("%d bytes, at most 32", len(b))
	}
	return append(make([]byte, 32-len(b)), b...), nil
}
