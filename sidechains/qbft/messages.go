package qbft

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rlp"
)

// Message codes as in Besu/GoQuorum QBFT.
const (
	CodeProposal    uint64 = 0x12
	CodePrepare     uint64 = 0x13
	CodeCommit      uint64 = 0x14
	CodeRoundChange uint64 = 0x15
)

// MaxMessageSize bounds a decoded consensus message (a proposal carries a block).
const MaxMessageSize = 16 << 20

var (
	// ErrHighS is returned for a signature whose S lies in the upper half of
	// the curve order: only the canonical low-S form is accepted.
	ErrHighS = errors.New("signature has a high S value")
	// errSigLength is returned for a signature that is not 65 bytes.
	errSigLength = errors.New("signature is not 65 bytes")
	// errUnknownCode is returned for a message code outside 0x12..0x15.
	errUnknownCode = errors.New("unknown message code")
	// errTooLarge is returned for a message above MaxMessageSize.
	errTooLarge = errors.New("message too large")
	// ErrForged is returned when a signature does not recover to the claimed sender.
	ErrForged = errors.New("signature does not match the claimed sender")
)

var secp256k1HalfN = new(big.Int).Rsh(crypto.S256().Params().N, 1)

// body is the signed part of a consensus message. One struct serves every
// code; fields a code does not use stay empty.
type body struct {
	// Sender is the signer the message claims; a signature that recovers
	// to anyone else is a forgery.
	Sender common.Address
	Code   uint64
	Height uint64
	Round  uint64
	// Digest is the block hash for PROPOSAL, PREPARE and COMMIT, and the
	// prepared block's hash for a ROUND-CHANGE that carries one.
	Digest common.Hash
	// Value is the proposed block (PROPOSAL) or the prepared block
	// (ROUND-CHANGE), opaque to the state machine.
	Value []byte
	// CommitSeal is the DESIGN.md commit seal (COMMIT only).
	CommitSeal []byte
	// HasPrepared and PreparedRound describe a ROUND-CHANGE's prepared value.
	HasPrepared   bool
	PreparedRound uint64
	// Justification: for a ROUND-CHANGE, the signed PREPAREs proving its
	// prepared value; for a PROPOSAL in round > 0, the quorum of signed
	// ROUND-CHANGEs for that round.
	Justification [][]byte
	// PreparedCert: for a PROPOSAL in round > 0, the signed PREPAREs of the
	// highest prepared value among its ROUND-CHANGEs.
	PreparedCert [][]byte
}

type envelope struct {
	Body      []byte
	Signature []byte
}

// Message is a decoded, signature-checked consensus message.
type Message struct {
	body
	// Source is the address recovered from the signature.
	Source common.Address
	// Raw is the wire encoding, kept to be embedded in justifications and
	// relayed byte for byte.
	Raw []byte
}

// Hash identifies the message on the wire (for gossip deduplication).
func (m *Message) Hash() common.Hash { return crypto.Keccak256Hash(m.Raw) }

func (m *Message) String() string {
	return fmt.Sprintf("%s(h=%d r=%d d=%x from=%x)", CodeName(m.Code), m.Height, m.Round, m.Digest[:4], m.Source[:4])
}

// CodeName is a readable name for a message code.
func CodeName(code uint64) string {
	switch code {
	case CodeProposal:
		return "PROPOSAL"
	case CodePrepare:
		return "PREPARE"
	case CodeCommit:
		return "COMMIT"
	case CodeRoundChange:
		return "ROUND-CHANGE"
	}
	return fmt.Sprintf("code-%#x", code)
}

// signMessage encodes and signs b with key.
func signMessage(b body, signer Signer) (*Message, error) {
	b.Sender = signer.Address()
	enc, err := rlp.EncodeToBytes(&b)
	if err != nil {
		return nil, fmt.Errorf("encoding %s: %w", CodeName(b.Code), err)
	}
	sig, err := signer.Sign(crypto.Keccak256(enc))
	if err != nil {
		return nil, fmt.Errorf("signing %s: %w", CodeName(b.Code), err)
	}
	raw, err := rlp.EncodeToBytes(&envelope{Body: enc, Signature: sig})
	if err != nil {
		return nil, fmt.Errorf("encoding envelope: %w", err)
	}
	return &Message{body: b, Source: signer.Address(), Raw: raw}, nil
}

// DecodeMessage parses a wire message and recovers its signer. It rejects
// malformed RLP, unknown codes, and malformed or high-S signatures; it does
// not check that the signer is a validator (that depends on the height).
func DecodeMessage(raw []byte) (*Message, error) {
	if len(raw) > MaxMessageSize {
		return nil, errTooLarge
	}
	var env envelope
	if err := rlp.DecodeBytes(raw, &env); err != nil {
		return nil, fmt.Errorf("malformed message: %w", err)
	}
	var b body
	if err := rlp.DecodeBytes(env.Body, &b); err != nil {
		return nil, fmt.Errorf("malformed message body: %w", err)
	}
	if b.Code < CodeProposal || b.Code > CodeRoundChange {
		return nil, fmt.Errorf("%w %#x", errUnknownCode, b.Code)
	}
	src, err := recoverSigner(crypto.Keccak256(env.Body), env.Signature)
	if err != nil {
		return nil, fmt.Errorf("%s signature: %w", CodeName(b.Code), err)
	}
	if src != b.Sender {
		return nil, fmt.Errorf("%s from %s: %w", CodeName(b.Code), b.Sender, ErrForged)
	}
	return &Message{body: b, Source: src, Raw: raw}, nil
}

// recoverSigner recovers the address behind a 65-byte [r||s||v] signature
// with v in {0,1}, refusing high-S.
func recoverSigner(digest, sig []byte) (common.Address, error) {
	if len(sig) != 65 {
		return common.Address{}, errSigLength
	}
	if new(big.Int).SetBytes(sig[32:64]).Cmp(secp256k1HalfN) > 0 {
		return common.Address{}, ErrHighS
	}
	if sig[64] > 1 {
		return common.Address{}, fmt.Errorf("signature recovery id %d is not 0 or 1", sig[64])
	}
	pub, err := crypto.SigToPub(digest, sig)
	if err != nil {
		return common.Address{}, fmt.Errorf("recovering signer: %w", err)
	}
	return crypto.PubkeyToAddress(*pub), nil
}
