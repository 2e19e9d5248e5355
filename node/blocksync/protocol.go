// Package blocksync carries the public chain's blocks between nodes over a
// devp2p sub-protocol of its own, "sov". After the merge code path geth's
// eth/68 no longer announces blocks, so new blocks are pushed here, and nodes
// that are behind (followers started late, restarted signers) fetch the
// missing range from a peer. Fork choice is not decided here: every block
// goes through the consensus' Importer.
package blocksync

import (
	"errors"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Protocol identity (exported for peers written elsewhere, e.g. tests) and limits.
const (
	ProtocolName    = "sov"
	ProtocolVersion = 1
	ProtocolLength  = 6

	maxMessageSize   = 16 * 1024 * 1024
	maxBlocksServe   = 512             // blocks per GetBlocks answer
	maxBytesServe    = 8 * 1024 * 1024 // soft cap on one answer's size
	maxHashesServe   = 256
	syncBatch        = 256 // blocks asked per request while catching up
	knownBlocksCache = 1024
)

// Message codes of the sov protocol.
const (
	StatusMsg    = 0x00
	NewBlockMsg  = 0x01
	GetBlocksMsg = 0x02
	BlocksMsg    = 0x03
	GetHashesMsg = 0x04
	HashesMsg    = 0x05
)

// StatusPacket is exchanged once when peers connect; a peer with another
// network id or genesis is dropped.
type StatusPacket struct {
	NetworkID uint64
	Genesis   common.Hash
	Head      common.Hash
	Number    uint64
}

// getBlocksPacket asks for canonical blocks Origin, Origin+1, … (Amount of them).
type getBlocksPacket struct {
	ReqID  uint64
	Origin uint64
	Amount uint64
}

type blocksPacket struct {
	ReqID  uint64
	Blocks []*types.Block
}

// getHashesPacket asks for the canonical hashes at the given numbers; used to
// find the common ancestor before a catch-up.
type getHashesPacket struct {
	ReqID   uint64
	Numbers []uint64
}

type hashesPacket struct {
	ReqID  uint64
	Hashes []common.Hash
}

var (
	// errNetworkMismatch is returned when a peer runs another network id.
	errNetworkMismatch = errors.New("network id mismatch")
	// errGenesisMismatch is returned when a peer's chain has another genesis.
	errGenesisMismatch = errors.New("genesis mismatch")
	// errUnexpectedStatus is returned for a status message after the handshake.
	errUnexpectedStatus = errors.New("status message after handshake")
	// errTimeout is returned when a peer does not answer a request in time.
	errTimeout = errors.New("peer did not answer in time")
	// errBadResponse is returned when an answer does not match its request.
	errBadResponse = errors.New("answer does not match the request")
)
