package qbft

import (
	"bytes"
	"errors"
	"fmt"
	"math/big"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rlp"
)

// sealDomain separates commit seals from every other signature a validator key makes.
var sealDomain = crypto.Keccak256Hash([]byte("sovereign.qbft.commit.v2"))

var (
	// errSealRecoveryID is returned for a commit seal whose v is not 27 or 28.
	errSealRecoveryID = errors.New("commit seal v is not 27 or 28")
	// errNotEnoughSeals is returned for a certificate below quorum.
	errNotEnoughSeals = errors.New("certificate has fewer seals than the quorum")
	// errDuplicateSeal is returned when two seals of a certificate come from one validator.
	errDuplicateSeal = errors.New("certificate has two seals from one validator")
	// errSealNotValidator is returned when a seal's signer is not in the validator set.
	errSealNotValidator = errors.New("commit seal signed by a non-validator")
)

// CommitDigest is keccak256(abi.encode(keccak256("sovereign.qbft.commit.v2"),
// chainId, number, round, blockHash)), the digest a commit seal signs
// (DESIGN.md, commit seal v2).
//
// The round is signed because QBFT's safety argument holds within one round
// only: an honest validator may seal block H in round 0 and, justified by a
// higher prepared certificate, block H' in round 3. Unbound seals could then
// be collected across rounds into two certificates for one height, each a
// quorum (TestCrossRoundSealsMakeNoSecondCertificate). Bound to the round,
// a certificate is a quorum of COMMITs of one round, and two of those for
// different blocks would need an honest validator to prepare two values.
func CommitDigest(chainID *big.Int, number, round uint64, blockHash common.Hash) common.Hash {
	var buf [160]byte
	copy(buf[0:32], sealDomain[:])
	chainID.FillBytes(buf[32:64])
	new(big.Int).SetUint64(number).FillBytes(buf[64:96])
	new(big.Int).SetUint64(round).FillBytes(buf[96:128])
	copy(buf[128:160], blockHash[:])
	return crypto.Keccak256Hash(buf[:])
}

// SignSeal makes the 65-byte commit seal r||s||v with v in {27,28}.
func SignSeal(signer Signer, chainID *big.Int, number, round uint64, blockHash common.Hash) ([]byte, error) {
	d := CommitDigest(chainID, number, round, blockHash)
	sig, err := signer.Sign(d[:])
	if err != nil {
		return nil, fmt.Errorf("signing commit seal: %w", err)
	}
	sig[64] += 27
	return sig, nil
}

// RecoverSeal returns the validator behind a commit seal for (number, round,
// blockHash), refusing high S and a v outside {27,28} (the same checks as the
// ReleaseBridge contract).
func RecoverSeal(chainID *big.Int, number, round uint64, blockHash common.Hash, seal []byte) (common.Address, error) {
	if len(seal) != 65 {
		return common.Address{}, errSigLength
	}
	if seal[64] != 27 && seal[64] != 28 {
		return common.Address{}, errSealRecoveryID
	}
	sig := slices.Clone(seal)
	sig[64] -= 27
	d := CommitDigest(chainID, number, round, blockHash)
	return recoverSigner(d[:], sig)
}

// Certificate is a commit certificate (DESIGN.md): the block number, hash,
// round and at least a quorum of seals from distinct validators, every seal
// signed for that round.
type Certificate struct {
	Number uint64
	Hash   common.Hash
	Round  uint64
	Seals  [][]byte
}

// ID is keccak256 of the certificate's RLP encoding; it goes into the next
// block's beacon root and random (prevRandao).
func (c *Certificate) ID() common.Hash {
	enc, err := rlp.EncodeToBytes(c)
	if err != nil {
		panic(fmt.Sprintf("encoding certificate: %v", err)) // only fixed-size fields and byte slices
	}
	return crypto.Keccak256Hash(enc)
}

// Encode is the certificate's RLP encoding.
func (c *Certificate) Encode() []byte {
	enc, _ := rlp.EncodeToBytes(c)
	return enc
}

// DecodeCertificate parses an RLP-encoded certificate.
func DecodeCertificate(b []byte) (*Certificate, error) {
	c := new(Certificate)
	if err := rlp.DecodeBytes(b, c); err != nil {
		return nil, fmt.Errorf("malformed certificate: %w", err)
	}
	return c, nil
}

// Signers verifies every seal and returns the signers in seal order.
func (c *Certificate) Signers(chainID *big.Int) ([]common.Address, error) {
	out := make([]common.Address, 0, len(c.Seals))
	for i, s := range c.Seals {
		a, err := RecoverSeal(chainID, c.Number, c.Round, c.Hash, s)
		if err != nil {
			return nil, fmt.Errorf("seal %d of block %d: %w", i, c.Number, err)
		}
		out = append(out, a)
	}
	return out, nil
}

// Verify checks that the certificate holds at least a quorum of valid seals
// from distinct members of vals, every seal for the certificate's round.
func (c *Certificate) Verify(chainID *big.Int, vals ValidatorSet) error {
	signers, err := c.Signers(chainID)
	if err != nil {
		return err
	}
	seen := make(map[common.Address]bool, len(signers))
	for _, a := range signers {
		if !vals.Contains(a) {
			return fmt.Errorf("%w: %s", errSealNotValidator, a)
		}
		if seen[a] {
			return fmt.Errorf("%w: %s", errDuplicateSeal, a)
		}
		seen[a] = true
	}
	if len(seen) < vals.Quorum() {
		return fmt.Errorf("%w: %d of %d needed", errNotEnoughSeals, len(seen), vals.Quorum())
	}
	return nil
}

// newCertificate assembles a certificate from commit messages, seals sorted
// by signer address so that equal sets give equal certificates.
func newCertificate(number uint64, hash common.Hash, round uint64, commits []*Message) *Certificate {
	sorted := slices.Clone(commits)
	slices.SortFunc(sorted, func(a, b *Message) int { return bytes.Compare(a.Source[:], b.Source[:]) })
	c := &Certificate{Number: number, Hash: hash, Round: round}
	for _, m := range sorted {
		c.Seals = append(c.Seals, m.CommitSeal)
	}
	return c
}
