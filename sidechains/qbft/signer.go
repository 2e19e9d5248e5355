package qbft

import (
	"crypto/ecdsa"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// Signer signs 32-byte digests for one validator. The key may live in memory
// (KeySigner) or behind a remote service such as Vault.
type Signer interface {
	Address() common.Address
	// Sign returns a 65-byte [r||s||v] signature with low S and v in {0,1}.
	Sign(digest []byte) ([]byte, error)
}

// KeySigner signs with an in-memory secp256k1 key.
type KeySigner struct{ key *ecdsa.PrivateKey }

// NewKeySigner wraps key.
func NewKeySigner(key *ecdsa.PrivateKey) *KeySigner { return &KeySigner{key: key} }

// Address is the key's Ethereum address.
func (s *KeySigner) Address() common.Address { return crypto.PubkeyToAddress(s.key.PublicKey) }

// Sign signs digest; geth's secp256k1 always yields the low-S form.
func (s *KeySigner) Sign(digest []byte) ([]byte, error) { return crypto.Sign(digest, s.key) }
