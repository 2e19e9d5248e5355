package clique

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
)

// API is the clique_* JSON-RPC namespace, as geth served it up to v1.15.
type API struct{ s *Service }

// statusBlocks is how many recent blocks clique_status looks at.
const statusBlocks = 64

// GetSnapshot returns the voting snapshot at a block number (default: latest).
func (api *API) GetSnapshot(number *rpc.BlockNumber) (*Snapshot, error) {
	h, err := api.header(number)
	if err != nil {
		return nil, err
	}
	return api.s.snaps.At(h.Number.Uint64(), h.Hash())
}

// GetSnapshotAtHash returns the voting snapshot at a block hash.
func (api *API) GetSnapshotAtHash(hash common.Hash) (*Snapshot, error) {
	h := api.s.chain.GetHeaderByHash(hash)
	if h == nil {
		return nil, fmt.Errorf("%w: %s", errUnknownBlock, hash)
	}
	return api.s.snaps.At(h.Number.Uint64(), h.Hash())
}

// GetSigners returns the signers authorized at a block number (default: latest).
func (api *API) GetSigners(number *rpc.BlockNumber) ([]common.Address, error) {
	snap, err := api.GetSnapshot(number)
	if err != nil {
		return nil, err
	}
	return snap.SignerList(), nil
}

// GetSignersAtHash returns the signers authorized at a block hash.
func (api *API) GetSignersAtHash(hash common.Hash) ([]common.Address, error) {
	snap, err := api.GetSnapshotAtHash(hash)
	if err != nil {
		return nil, err
	}
	return snap.SignerList(), nil
}

// Proposals returns the votes this node keeps casting.
func (api *API) Proposals() map[common.Address]bool { return api.s.votes.List() }

// Propose makes this signer vote to authorize (auth true) or drop address in
// every block it seals until the vote passes or is discarded.
func (api *API) Propose(address common.Address, auth bool) error {
	if api.s.sealer == nil {
		return errNotSigner
	}
	api.s.votes.Propose(address, auth)
	return nil
}

// Discard stops voting on address.
func (api *API) Discard(address common.Address) error {
	if api.s.sealer == nil {
		return errNotSigner
	}
	api.s.votes.Discard(address)
	return nil
}

// Status is the sealing activity over the last blocks.
type Status struct {
	InturnPercent  float64                `json:"inturnPercent"`
	SealerActivity map[common.Address]int `json:"sealerActivity"`
	NumBlocks      uint64                 `json:"numBlocks"`
}

// Status reports who sealed the last 64 blocks and how many were in turn.
func (api *API) Status() (*Status, error) {
	head := api.s.chain.CurrentBlock()
	snap, err := api.s.snaps.At(head.Number.Uint64(), head.Hash())
	if err != nil {
		return nil, err
	}
	st := &Status{SealerActivity: make(map[common.Address]int)}
	for _, s := range snap.SignerList() {
		st.SealerActivity[s] = 0
	}
	n := min(uint64(statusBlocks), head.Number.Uint64())
	inturn := 0
	h := head
	for i := uint64(0); i < n; i++ {
		signer, err := api.s.snaps.author(h)
		if err != nil {
			return nil, fmt.Errorf("block #%d: %w", h.Number, err)
		}
		st.SealerActivity[signer]++
		if h.Difficulty.Uint64() == 2 {
			inturn++
		}
		if h = api.s.chain.GetHeader(h.ParentHash, h.Number.Uint64()-1); h == nil {
			return nil, errUnknownBlock
		}
	}
	st.NumBlocks = n
	if n > 0 {
		st.InturnPercent = float64(100*inturn) / float64(n)
	}
	return st, nil
}

func (api *API) header(number *rpc.BlockNumber) (*types.Header, error) {
	if number == nil || *number == rpc.LatestBlockNumber || *number == rpc.PendingBlockNumber {
		return api.s.chain.CurrentBlock(), nil
	}
	if *number < 0 {
		return nil, fmt.Errorf("block tag %d not supported", *number)
	}
	h := api.s.chain.GetHeaderByNumber(uint64(*number))
	if h == nil {
		return nil, fmt.Errorf("%w: #%d", errUnknownBlock, *number)
	}
	return h, nil
}
