package review

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Entry is a submission with its votes, as the board's logs tell it.
type Entry struct {
	RecordID   [32]byte
	Submission Submission
	Submitter  common.Address
	Proof      []byte
	Block      uint64 // block of the submission
	Tally      Tally
	Votes      []Vote
	// DecidedAt is the block of the Decision, 0 while pending.
	DecidedAt uint64
}

// Vote is one validator's vote with its reason.
type Vote struct {
	Validator common.Address
	Approve   bool
	Reason    string
	Block     uint64
}

// Entries reads every submission with its votes (in submission order),
// querying logs in spans of blocks so a long chain needs no huge query.
func (b *Board) Entries(ctx context.Context) ([]*Entry, error) {
	return b.entries(ctx, nil)
}

// entries reads the entries of the records in ids (all when nil): the
// record id is the first indexed topic of Submitted, Voted and Decision, so
// the node filters the logs.
func (b *Board) entries(ctx context.Context, ids []common.Hash) ([]*Entry, error) {
	head, err := b.client.BlockNumber(ctx)
	if err != nil {
		return nil, fmt.Errorf("review: head: %w", err)
	}
	ev := b.abi.GetABI().Events
	topics := [][]common.Hash{{ev["Submitted"].ID, ev["Voted"].ID, ev["Decision"].ID}}
	if ids != nil {
		topics = append(topics, ids)
	}
	byID := map[[32]byte]*Entry{}
	var order []*Entry
	for from := uint64(0); from <= head; from += b.span {
		to := min(from+b.span-1, head)
		logs, err := b.client.FilterLogs(ctx, ethereum.FilterQuery{
			FromBlock: new(big.Int).SetUint64(from), ToBlock: new(big.Int).SetUint64(to),
			Addresses: []common.Address{b.addr}, Topics: topics,
		})
		if err != nil {
			return nil, fmt.Errorf("review: logs of blocks %d-%d: %w", from, to, err)
		}
		for i := range logs {
			if err := b.addLog(ctx, &logs[i], byID, &order); err != nil {
				return nil, err
			}
		}
	}
	for _, e := range order {
		t, err := b.Review(ctx, e.RecordID)
		if err != nil {
			return nil, err
		}
		e.Tally = t
	}
	return order, nil
}

func (b *Board) addLog(ctx context.Context, l *types.Log, byID map[[32]byte]*Entry, order *[]*Entry) error {
	ev := b.abi.GetABI().Events
	switch l.Topics[0] {
	case ev["Submitted"].ID:
		s, err := b.abi.UnpackSubmittedEvent(l)
		if err != nil {
			return fmt.Errorf("review: Submitted log in block %d: %w", l.BlockNumber, err)
		}
		sub, err := b.Submission(ctx, s.RecordId)
		if err != nil {
			return err
		}
		e := &Entry{RecordID: s.RecordId, Submission: *sub, Submitter: s.Submitter, Proof: s.Proof, Block: l.BlockNumber}
		byID[s.RecordId] = e
		*order = append(*order, e)
	case ev["Voted"].ID:
		v, err := b.abi.UnpackVotedEvent(l)
		if err != nil {
			return fmt.Errorf("review: Voted log in block %d: %w", l.BlockNumber, err)
		}
		if e := byID[v.RecordId]; e != nil {
			e.Votes = append(e.Votes, Vote{Validator: v.Validator, Approve: v.Approve, Reason: v.Reason, Block: l.BlockNumber})
		}
	case ev["Decision"].ID:
		d, err := b.abi.UnpackDecisionEvent(l)
		if err != nil {
			return fmt.Errorf("review: Decision log in block %d: %w", l.BlockNumber, err)
		}
		if e := byID[d.RecordId]; e != nil {
			e.DecidedAt = l.BlockNumber
		}
	}
	return nil
}

// Entry reads one record's entry (ErrNotFound if never submitted).
func (b *Board) Entry(ctx context.Context, id [32]byte) (*Entry, error) {
	if _, err := b.Submission(ctx, id); err != nil {
		return nil, err
	}
	found, err := b.entries(ctx, []common.Hash{id})
	if err != nil {
		return nil, err
	}
	if len(found) == 0 {
		return nil, fmt.Errorf("%w: %x (no Submitted log)", ErrNotFound, id)
	}
	return found[0], nil
}
