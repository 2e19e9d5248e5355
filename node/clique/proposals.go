package clique

import (
	"maps"
	"math/rand/v2"
	"sync"

	"github.com/ethereum/go-ethereum/common"
)

// Proposals are the votes this signer keeps casting, one per block it seals,
// until they are discarded: true to add a signer, false to remove one.
type Proposals struct {
	mu    sync.Mutex
	votes map[common.Address]bool
}

// NewProposals returns an empty set of proposals.
func NewProposals() *Proposals { return &Proposals{votes: make(map[common.Address]bool)} }

// Propose starts voting to authorize (true) or drop (false) address.
func (p *Proposals) Propose(address common.Address, authorize bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.votes[address] = authorize
}

// Discard stops voting on address.
func (p *Proposals) Discard(address common.Address) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.votes, address)
}

// List returns a copy of the current proposals.
func (p *Proposals) List() map[common.Address]bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return maps.Clone(p.votes)
}

// pick chooses at random one proposal that is still meaningful in snap.
func (p *Proposals) pick(snap *Snapshot) (common.Address, bool, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	var valid []common.Address
	for addr, auth := range p.votes {
		if snap.ValidVote(addr, auth) {
			valid = append(valid, addr)
		}
	}
	if len(valid) == 0 {
		return common.Address{}, false, false
	}
	addr := valid[rand.IntN(len(valid))]
	return addr, p.votes[addr], true
}
