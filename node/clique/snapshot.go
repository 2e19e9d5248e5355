package clique

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/lru"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethdb"
	"github.com/ethereum/go-ethereum/log"

	"github.com/sovereign-gov/sovereign/node"
)

// The voting rules below mirror go-ethereum's consensus/clique/snapshot.go,
// which geth still enforces when it verifies blocks but no longer exposes: the
// sealer needs them to know when it may sign and on what it may vote, and the
// clique_* API serves them.

var (
	nonceAuthVote = types.BlockNonce{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}
	nonceDropVote = types.BlockNonce{}
)

// Vote is a single vote an authorized signer cast in a block header.
type Vote struct {
	Signer    common.Address `json:"signer"`
	Block     uint64         `json:"block"`
	Address   common.Address `json:"address"`
	Authorize bool           `json:"authorize"`
}

// Tally is the running score of a proposal; votes against it are not counted.
type Tally struct {
	Authorize bool `json:"authorize"`
	Votes     int  `json:"votes"`
}

// Snapshot is the authorization state after a given block. Snapshots are
// values: apply returns a new one and never changes its receiver.
type Snapshot struct {
	Number  uint64                      `json:"number"`
	Hash    common.Hash                 `json:"hash"`
	Signers map[common.Address]struct{} `json:"signers"`
	Recents map[uint64]common.Address   `json:"recents"`
	Votes   []*Vote                     `json:"votes"`
	Tally   map[common.Address]Tally    `json:"tally"`
}

func newSnapshot(number uint64, hash common.Hash, signers []common.Address) *Snapshot {
	s := &Snapshot{
		Number:  number,
		Hash:    hash,
		Signers: make(map[common.Address]struct{}, len(signers)),
		Recents: make(map[uint64]common.Address),
		Tally:   make(map[common.Address]Tally),
	}
	for _, a := range signers {
		s.Signers[a] = struct{}{}
	}
	return s
}

func (s *Snapshot) copy() *Snapshot {
	c := &Snapshot{
		Number:  s.Number,
		Hash:    s.Hash,
		Signers: maps.Clone(s.Signers),
		Recents: maps.Clone(s.Recents),
		Votes:   make([]*Vote, len(s.Votes)),
		Tally:   maps.Clone(s.Tally),
	}
	for i, v := range s.Votes {
		vc := *v
		c.Votes[i] = &vc
	}
	return c
}

// SignerList returns the authorized signers in ascending order, the order
// that decides whose turn it is.
func (s *Snapshot) SignerList() []common.Address {
	out := slices.Collect(maps.Keys(s.Signers))
	slices.SortFunc(out, func(a, b common.Address) int { return bytes.Compare(a[:], b[:]) })
	return out
}

// IsSigner reports whether addr may seal blocks after this snapshot.
func (s *Snapshot) IsSigner(addr common.Address) bool {
	_, ok := s.Signers[addr]
	return ok
}

// InTurn reports whether signer is the in-turn signer of block number.
func (s *Snapshot) InTurn(number uint64, signer common.Address) bool {
	list := s.SignerList()
	i := slices.Index(list, signer)
	return i >= 0 && number%uint64(len(list)) == uint64(i)
}

// recencyLimit is how many consecutive blocks a signer must leave to others.
func (s *Snapshot) recencyLimit() uint64 { return uint64(len(s.Signers)/2 + 1) }

// SignedRecently reports whether signer sealed one of the blocks that forbid
// it from sealing the next block (number Number+1).
func (s *Snapshot) SignedRecently(signer common.Address) bool {
	next, limit := s.Number+1, s.recencyLimit()
	for seen, recent := range s.Recents {
		// apply forgets the entry at next-limit before checking the signer.
		if recent == signer && !(next >= limit && seen == next-limit) {
			return true
		}
	}
	return false
}

// ValidVote reports whether a vote on address makes sense in this snapshot.
func (s *Snapshot) ValidVote(address common.Address, authorize bool) bool {
	_, signer := s.Signers[address]
	return signer != authorize
}

func (s *Snapshot) cast(address common.Address, authorize bool) bool {
	if !s.ValidVote(address, authorize) {
		return false
	}
	t, ok := s.Tally[address]
	if ok {
		t.Votes++
	} else {
		t = Tally{Authorize: authorize, Votes: 1}
	}
	s.Tally[address] = t
	return true
}

func (s *Snapshot) uncast(address common.Address, authorize bool) {
	t, ok := s.Tally[address]
	if !ok || t.Authorize != authorize {
		return
	}
	if t.Votes > 1 {
		t.Votes--
		s.Tally[address] = t
	} else {
		delete(s.Tally, address)
	}
}

// dropVotes removes the votes for which drop is true, uncasting them when asked.
func (s *Snapshot) dropVotes(drop func(*Vote) bool, uncast bool) {
	s.Votes = slices.DeleteFunc(s.Votes, func(v *Vote) bool {
		if !drop(v) {
			return false
		}
		if uncast {
			s.uncast(v.Address, v.Authorize)
		}
		return true
	})
}

// apply returns the snapshot after the given contiguous headers. author
// recovers a header's signer (the engine's cached ecrecover).
func (s *Snapshot) apply(headers []*types.Header, epoch uint64, author func(*types.Header) (common.Address, error)) (*Snapshot, error) {
	if len(headers) == 0 {
		return s, nil
	}
	snap := s.copy()
	for _, h := range headers {
		number := h.Number.Uint64()
		if number != snap.Number+1 {
			return nil, fmt.Errorf("voting chain broken: header %d after snapshot %d", number, snap.Number)
		}
		if number%epoch == 0 {
			snap.Votes = nil
			snap.Tally = make(map[common.Address]Tally)
		}
		if limit := snap.recencyLimit(); number >= limit {
			delete(snap.Recents, number-limit)
		}
		signer, err := author(h)
		if err != nil {
			return nil, fmt.Errorf("block %d: %w", number, err)
		}
		if !snap.IsSigner(signer) {
			return nil, fmt.Errorf("block %d: %w %s", number, errUnauthorizedSigner, signer)
		}
		for _, recent := range snap.Recents {
			if recent == signer {
				return nil, fmt.Errorf("block %d: %w", number, errRecentlySigned)
			}
		}
		snap.Recents[number] = signer

		// A signer has one live vote per address: a new one replaces the old.
		for i, v := range snap.Votes {
			if v.Signer == signer && v.Address == h.Coinbase {
				snap.uncast(v.Address, v.Authorize)
				snap.Votes = slices.Delete(snap.Votes, i, i+1)
				break
			}
		}
		var authorize bool
		switch h.Nonce {
		case nonceAuthVote:
			authorize = true
		case nonceDropVote:
		default:
			return nil, fmt.Errorf("block %d: %w", number, errInvalidVote)
		}
		if snap.cast(h.Coinbase, authorize) {
			snap.Votes = append(snap.Votes, &Vote{Signer: signer, Block: number, Address: h.Coinbase, Authorize: authorize})
		}
		if t := snap.Tally[h.Coinbase]; t.Votes > len(snap.Signers)/2 {
			target := h.Coinbase
			if t.Authorize {
				snap.Signers[target] = struct{}{}
			} else {
				delete(snap.Signers, target)
				if limit := snap.recencyLimit(); number >= limit {
					delete(snap.Recents, number-limit)
				}
				snap.dropVotes(func(v *Vote) bool { return v.Signer == target }, true)
			}
			snap.dropVotes(func(v *Vote) bool { return v.Address == target }, false)
			delete(snap.Tally, target)
		}
		snap.Number, snap.Hash = number, h.Hash()
	}
	return snap, nil
}

// Snapshots computes and caches voting snapshots over one chain.
type Snapshots struct {
	epoch   uint64
	chain   HeaderReader
	db      ethdb.KeyValueStore
	author  func(*types.Header) (common.Address, error)
	recents *lru.Cache[common.Hash, *Snapshot]
	log     log.Logger
}

// HeaderReader is the part of core.BlockChain the snapshots read.
type HeaderReader interface {
	GetHeader(hash common.Hash, number uint64) *types.Header
	GetHeaderByNumber(number uint64) *types.Header
}

// persistInterval is how often a snapshot is written to the database, so a
// restarted node does not replay votes from genesis.
const persistInterval = 1024

var snapshotPrefix = []byte("sovereign-clique-snapshot-")

// NewSnapshots returns a snapshot cache for chain.
func NewSnapshots(chain HeaderReader, db ethdb.KeyValueStore, epoch uint64, author func(*types.Header) (common.Address, error), logger log.Logger) *Snapshots {
	return &Snapshots{epoch: epoch, chain: chain, db: db, author: author, recents: lru.NewCache[common.Hash, *Snapshot](256), log: logger}
}

// At returns the snapshot after the block with the given number and hash.
// The result is shared: callers must not modify it.
func (s *Snapshots) At(number uint64, hash common.Hash) (*Snapshot, error) {
	var headers []*types.Header
	var snap *Snapshot
	for snap == nil {
		if c, ok := s.recents.Get(hash); ok {
			snap = c
			break
		}
		if number%persistInterval == 0 {
			if c, err := s.load(hash); err == nil {
				snap = c
				break
			}
		}
		if number == 0 {
			genesis := s.chain.GetHeaderByNumber(0)
			if genesis == nil || genesis.Hash() != hash {
				return nil, errUnknownBlock
			}
			snap = newSnapshot(0, hash, node.CliqueSigners(genesis.Extra))
			break
		}
		h := s.chain.GetHeader(hash, number)
		if h == nil {
			return nil, fmt.Errorf("%w: #%d %s", errUnknownBlock, number, hash)
		}
		headers = append(headers, h)
		number, hash = number-1, h.ParentHash
	}
	slices.Reverse(headers)
	snap, err := snap.apply(headers, s.epoch, s.author)
	if err != nil {
		return nil, err
	}
	s.recents.Add(snap.Hash, snap)
	if snap.Number%persistInterval == 0 && len(headers) > 0 {
		s.store(snap)
	}
	return snap, nil
}

func (s *Snapshots) load(hash common.Hash) (*Snapshot, error) {
	blob, err := s.db.Get(append(slices.Clone(snapshotPrefix), hash[:]...))
	if err != nil {
		return nil, err
	}
	snap := new(Snapshot)
	if err := json.Unmarshal(blob, snap); err != nil {
		return nil, err
	}
	return snap, nil
}

// store persists a snapshot; a failure only costs a longer replay later.
func (s *Snapshots) store(snap *Snapshot) {
	blob, err := json.Marshal(snap)
	if err == nil {
		err = s.db.Put(append(slices.Clone(snapshotPrefix), snap.Hash[:]...), blob)
	}
	if err != nil {
		s.log.Warn("Could not persist clique snapshot", "number", snap.Number, "err", err)
	}
}
