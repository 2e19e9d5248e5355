package consortium

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/sovereign-gov/sovereign/bindings/validatorset"
	"github.com/sovereign-gov/sovereign/internal/ethtx"
)

// Membership reads and votes on the consortium's ValidatorSet: validators
// add and remove validators by a quorum of votes, and the change takes
// effect from the block after the deciding vote.
type Membership struct {
	client  *ethclient.Client
	addr    common.Address
	chainID *big.Int
	abi     *validatorset.ValidatorSet
	wait    ethtx.Wait
}

// NewMembership uses the ValidatorSet at addr through client.
func NewMembership(ctx context.Context, client *ethclient.Client, addr common.Address) (*Membership, error) {
	id, err := ethtx.Contract(ctx, client, addr, "ValidatorSet")
	if err != nil {
		return nil, fmt.Errorf("consortium: %w", err)
	}
	return &Membership{client: client, addr: addr, chainID: id, abi: validatorset.NewValidatorSet(),
		wait: ethtx.Wait{Poll: 200 * time.Millisecond, Limit: 2 * time.Minute}}, nil
}

// Set is the validator set as of the latest block.
type Set struct {
	Epoch      uint64           `json:"epoch"`
	Validators []common.Address `json:"validators"`
	Quorum     uint64           `json:"quorum"`
	Block      uint64           `json:"block"`
}

// Current reads the set, its epoch and its quorum at one block.
func (m *Membership) Current(ctx context.Context) (*Set, error) {
	head, err := m.client.BlockNumber(ctx)
	if err != nil {
		return nil, fmt.Errorf("consortium head: %w", err)
	}
	at := new(big.Int).SetUint64(head)
	s := &Set{Block: head}
	if s.Validators, err = call(ctx, m, at, m.abi.PackGetValidators(), m.abi.UnpackGetValidators); err != nil {
		return nil, err
	}
	if s.Epoch, err = call(ctx, m, at, m.abi.PackEpoch(), m.abi.UnpackEpoch); err != nil {
		return nil, err
	}
	q, err := call(ctx, m, at, m.abi.PackQuorum(), m.abi.UnpackQuorum)
	if err != nil {
		return nil, err
	}
	s.Quorum = q.Uint64()
	return s, nil
}

// Votes is how many validators voted, this epoch, to add (or remove) candidate.
func (m *Membership) Votes(ctx context.Context, candidate common.Address, add bool) (uint64, error) {
	n, err := call(ctx, m, nil, m.abi.PackVotes(candidate, add), m.abi.UnpackVotes)
	if err != nil {
		return 0, err
	}
	return n.Uint64(), nil
}

// Outcome is what a vote did.
type Outcome struct {
	Tx       common.Hash
	Block    uint64
	Executed bool // this vote reached the quorum: the set changed
	// Set is the new set when Executed (the ValidatorSetChanged log).
	Set *validatorset.ValidatorSetValidatorSetChanged
}

// Propose votes, with a validator's key, to add or remove candidate. The
// vote is simulated first, so a refusal comes back as the contract's
// named error (NotValidator, AlreadyValidator, UnknownValidator,
// AlreadyVoted, EmptySet) and nothing is sent.
func (m *Membership) Propose(ctx context.Context, key *ecdsa.PrivateKey, candidate common.Address, add bool) (*Outcome, error) {
	from := crypto.PubkeyToAddress(key.PublicKey)
	data := m.abi.PackPropose(candidate, add)
	gas, err := m.client.EstimateGas(ctx, ethereum.CallMsg{From: from, To: &m.addr, Data: data})
	if err != nil {
		return nil, fmt.Errorf("vote from %s refused: %w", from, ethtx.Revert(err, m.abi.UnpackError, "ValidatorSet"))
	}
	opts := bind.NewKeyedTransactor(key, m.chainID)
	opts.Context = ctx
	opts.GasLimit = 2*gas + 100_000 // the deciding vote also rewrites the sorted list: room for it
	tx, err := bind.Transact(m.abi.Instance(m.client, m.addr), opts, data)
	if err != nil {
		return nil, fmt.Errorf("sending the vote: %w", ethtx.Revert(err, m.abi.UnpackError, "ValidatorSet"))
	}
	rc, err := m.wait.Success(ctx, m.client, tx.Hash())
	if err != nil {
		return nil, fmt.Errorf("vote %s: %w", tx.Hash(), err)
	}
	out := &Outcome{Tx: tx.Hash(), Block: rc.BlockNumber.Uint64()}
	for _, l := range rc.Logs {
		if l.Address != m.addr {
			continue
		}
		if ev, err := m.abi.UnpackValidatorSetChangedEvent(l); err == nil {
			out.Executed, out.Set = true, ev
		}
	}
	return out, nil
}

func call[T any](ctx context.Context, m *Membership, at *big.Int, data []byte, unpack func([]byte) (T, error)) (T, error) {
	var zero T
	out, err := m.client.CallContract(ctx, ethereum.CallMsg{To: &m.addr, Data: data}, at)
	if err != nil {
		return zero, fmt.Errorf("ValidatorSet %s: %w", m.addr, err)
	}
	v, err := unpack(out)
	if err != nil {
		return zero, fmt.Errorf("ValidatorSet %s: answer %x: %w", m.addr, out, err)
	}
	return v, nil
}
