package publicdata

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// CheckpointRecordedTopic is the topic of the bridge's CheckpointRecorded
// event: a certified consortium block anchored on the public chain.
var CheckpointRecordedTopic = bridgeABI.GetABI().Events["CheckpointRecorded"].ID

// ErrCheckpointMismatch is returned when the consortium's block at a
// checkpoint's number is not the block the bridge anchored: the consortium
// answering is on another history than the one its validators certified.
var ErrCheckpointMismatch = errors.New("the consortium's block differs from the certified checkpoint")

// Checkpoint is a consortium block whose certificate the bridge checked and
// anchored, so the public chain carries the consortium's history even when
// nothing is released.
type Checkpoint struct {
	Number    uint64      `json:"number"` // consortium block
	Hash      common.Hash `json:"hash"`
	StateRoot common.Hash `json:"stateRoot"`
	// Time is the consortium block's timestamp (zero without a consortium).
	Time time.Time `json:"time,omitempty"`
	// Where the bridge recorded it (zero for the latest read from state).
	PublicBlock uint64      `json:"publicBlock,omitempty"`
	PublicTx    common.Hash `json:"publicTx,omitempty"`
	// OnConsortium: the consortium node asked has this very block at
	// Number (nil: no consortium to ask).
	OnConsortium *bool `json:"onConsortium,omitempty"`
}

// LatestCheckpoint is the bridge's newest checkpoint, read from its state;
// nil when it has none yet. With a consortium, the block is compared with
// the consortium's own (ErrCheckpointMismatch when they differ).
func (r *Reader) LatestCheckpoint(ctx context.Context) (*Checkpoint, error) {
	out, err := r.call(ctx, r.Bridge, bridgeABI.PackLatestCheckpoint())
	if err != nil {
		return nil, fmt.Errorf("bridge %s: latestCheckpoint: %w", r.Bridge, err)
	}
	v, err := bridgeABI.UnpackLatestCheckpoint(out)
	if err != nil {
		return nil, fmt.Errorf("bridge %s: latestCheckpoint answer %x: %w", r.Bridge, out, err)
	}
	if v.BlockHash == ([32]byte{}) {
		return nil, nil
	}
	cp := &Checkpoint{Number: v.Number, Hash: v.BlockHash, StateRoot: v.StateRoot}
	return cp, r.checkOnConsortium(ctx, cp)
}

// Checkpoints lists every checkpoint the bridge recorded, oldest first. Each
// event is checked against the bridge's state (checkpointHash), so a node
// answering with invented logs is caught, and, with a consortium, against
// the consortium's block at that number.
func (r *Reader) Checkpoints(ctx context.Context) ([]*Checkpoint, error) {
	var out []*Checkpoint
	err := r.scan(ctx, r.Public, r.Bridge, [][]common.Hash{{CheckpointRecordedTopic}}, func(l *types.Log) error {
		if len(l.Topics) != 3 || len(l.Data) != 32 {
			return fmt.Errorf("bridge %s: malformed CheckpointRecorded log in tx %s", r.Bridge, l.TxHash)
		}
		n := new(big.Int).SetBytes(l.Topics[1][:])
		if !n.IsUint64() {
			return fmt.Errorf("bridge %s: CheckpointRecorded number %s out of range in tx %s", r.Bridge, n, l.TxHash)
		}
		cp := &Checkpoint{Number: n.Uint64(), Hash: l.Topics[2], StateRoot: common.BytesToHash(l.Data), PublicBlock: l.BlockNumber, PublicTx: l.TxHash}
		res, err := r.call(ctx, r.Bridge, bridgeABI.PackCheckpointHash(cp.Number))
		if err != nil {
			return fmt.Errorf("bridge %s: checkpointHash(%d): %w", r.Bridge, cp.Number, err)
		}
		stored, err := bridgeABI.UnpackCheckpointHash(res)
		if err != nil {
			return fmt.Errorf("bridge %s: checkpointHash(%d) answer %x: %w", r.Bridge, cp.Number, res, err)
		}
		if stored != cp.Hash {
			return fmt.Errorf("bridge %s: the log of checkpoint %d in tx %s names block %s, the bridge's state %s", r.Bridge, cp.Number, l.TxHash, cp.Hash, common.Hash(stored))
		}
		out = append(out, cp)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, cp := range out {
		if err := r.checkOnConsortium(ctx, cp); err != nil && !errors.Is(err, ErrCheckpointMismatch) {
			return nil, err
		}
	}
	return out, nil
}

// headerReader is what an ethclient.Client gives beyond Backend.
type headerReader interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// checkOnConsortium sets cp.OnConsortium and cp.Time from the consortium's
// block at cp.Number; ErrCheckpointMismatch when that block is another one.
// A consortium Backend that cannot give headers is not asked.
func (r *Reader) checkOnConsortium(ctx context.Context, cp *Checkpoint) error {
	hr, ok := r.Consortium.(headerReader)
	if !ok {
		return nil
	}
	h, err := hr.HeaderByNumber(ctx, new(big.Int).SetUint64(cp.Number))
	if err != nil {
		return fmt.Errorf("consortium block %d: %w", cp.Number, err)
	}
	same := h.Hash() == cp.Hash
	cp.OnConsortium = &same
	cp.Time = time.Unix(int64(h.Time), 0).UTC()
	if !same {
		return fmt.Errorf("checkpoint %d: certified %s, the consortium has %s: %w", cp.Number, cp.Hash, h.Hash(), ErrCheckpointMismatch)
	}
	return nil
}
