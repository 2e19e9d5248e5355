// Package clique drives block production on the public proof-of-authority
// chain. go-ethereum v1.17 still verifies clique blocks but no longer seals
// them nor serves the clique_* API; this package does both: it keeps the
// voting snapshots, decides when this signer may seal (turn, recency,
// out-of-turn delay), builds the block with geth's miner, signs it and hands
// it to the chain and to block gossip.
package clique

import (
	"errors"

	"github.com/ethereum/go-ethereum/crypto"
)

// Clique header layout.
const (
	extraVanity = 32
	extraSeal   = crypto.SignatureLength
)

var (
	// errUnknownBlock is returned when a snapshot is asked for a block the
	// local chain does not have.
	errUnknownBlock = errors.New("unknown block")

	// errUnauthorizedSigner is returned when a header is signed by an address
	// that is not in the signer set.
	errUnauthorizedSigner = errors.New("unauthorized signer")

	// errRecentlySigned is returned when a signer seals again within the
	// recency limit (more than one block in any floor(N/2)+1 consecutive).
	errRecentlySigned = errors.New("recently signed")

	// errInvalidVote is returned when a header's nonce is neither the
	// authorize nor the drop magic value.
	errInvalidVote = errors.New("vote nonce not 0x00..0 or 0xff..f")

	// errNotSigner is returned when a vote or seal is asked of a node that has
	// no signing key.
	errNotSigner = errors.New("this node has no signer key")
)
