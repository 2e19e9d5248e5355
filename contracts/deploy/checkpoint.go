package deploy

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/sovereign-gov/sovereign/bindings/validatorset"
	"github.com/sovereign-gov/sovereign/sidechains/qbft"
)

var (
	// errBadCheckpoint is returned when a consortium block cannot be the
	// bridge's start: its header does not name the set read before it, or
	// its certificate does not verify against that set.
	errBadCheckpoint = errors.New("deploy: consortium block is not a certified checkpoint")
)

// Checkpoint is where a ReleaseBridge starts following the consortium
// (constructor startEpoch, startBlock, startValidators): a certified
// consortium block, the ValidatorSet epoch in the state before it and that
// epoch's validators (sorted), which certify the block and whose
// qbft.ValidatorSetHash its header's extra data holds. Blocks before it,
// and every set change up to that epoch, can never be relayed to the bridge.
type Checkpoint struct {
	Epoch      uint64           `json:"epoch"`
	Block      uint64           `json:"block"`
	BlockHash  common.Hash      `json:"blockHash"`
	Validators []common.Address `json:"validators"`
}

// Certificates gives the commit certificate of a finalised consortium block.
type Certificates interface {
	Certificate(ctx context.Context, number uint64) (*qbft.Certificate, error)
}

// RPCCertificates reads certificates from a consortium node's qbft_getCertificate.
type RPCCertificates struct{ Client *rpc.Client }

// Certificate implements Certificates.
func (r RPCCertificates) Certificate(ctx context.Context, number uint64) (*qbft.Certificate, error) {
	var out struct {
		RLP hexutil.Bytes `json:"rlp"`
	}
	if err := r.Client.CallContext(ctx, &out, "qbft_getCertificate", hexutil.Uint64(number)); err != nil {
		return nil, fmt.Errorf("qbft_getCertificate(%d): %w", number, err)
	}
	return qbft.DecodeCertificate(out.RLP)
}

// ReadCheckpoint takes the consortium's latest block (final under QBFT) as
// the checkpoint: it reads the block's certificate, and epoch() and
// getValidators() of the ValidatorSet at validatorSet in the state of the
// block before, then checks that the header's extra data is the set's
// hash, that the certificate is for this header and verifies against the
// set. Only then is it a start a bridge may pin.
func ReadCheckpoint(ctx context.Context, b Backend, certs Certificates, validatorSet common.Address) (*Checkpoint, error) {
	head, err := b.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("deploy: consortium head: %w", err)
	}
	return CheckpointAt(ctx, b, certs, validatorSet, head.Number.Uint64())
}

// CheckpointAt is ReadCheckpoint at block number.
func CheckpointAt(ctx context.Context, b Backend, certs Certificates, validatorSet common.Address, number uint64) (*Checkpoint, error) {
	if number == 0 {
		return nil, fmt.Errorf("%w: the genesis block has no certificate; wait for block 1", errBadCheckpoint)
	}
	hdr, err := b.HeaderByNumber(ctx, new(big.Int).SetUint64(number))
	if err != nil {
		return nil, fmt.Errorf("deploy: consortium header %d: %w", number, err)
	}
	chainID, err := b.ChainID(ctx)
	if err != nil {
		return nil, fmt.Errorf("deploy: consortium chain id: %w", err)
	}
	vs := validatorset.NewValidatorSet()
	inst := vs.Instance(b, validatorSet)
	before := &bind.CallOpts{Context: ctx, BlockNumber: new(big.Int).SetUint64(number - 1)}
	addrs, err := bind.Call(inst, before, vs.PackGetValidators(), vs.UnpackGetValidators)
	if err != nil {
		return nil, fmt.Errorf("deploy: getValidators() before block %d: %w", number, err)
	}
	epoch, err := bind.Call(inst, before, vs.PackEpoch(), vs.UnpackEpoch)
	if err != nil {
		return nil, fmt.Errorf("deploy: epoch() before block %d: %w", number, err)
	}
	set, err := qbft.NewValidatorSet(addrs)
	if err != nil {
		return nil, fmt.Errorf("%w: validators before block %d: %v", errBadCheckpoint, number, err)
	}
	if want := qbft.ValidatorSetHash(set); common.BytesToHash(hdr.Extra) != want || len(hdr.Extra) != 32 {
		return nil, fmt.Errorf("%w: block %d extra data %x is not the hash %s of its validator set", errBadCheckpoint, number, hdr.Extra, want)
	}
	cert, err := certs.Certificate(ctx, number)
	if err != nil {
		return nil, fmt.Errorf("deploy: certificate of block %d: %w", number, err)
	}
	if cert.Number != number || cert.Hash != hdr.Hash() {
		return nil, fmt.Errorf("%w: certificate is for block %d %s, header %d is %s", errBadCheckpoint, cert.Number, cert.Hash, number, hdr.Hash())
	}
	if err := cert.Verify(chainID, set); err != nil {
		return nil, fmt.Errorf("%w: certificate of block %d: %v", errBadCheckpoint, number, err)
	}
	return &Checkpoint{Epoch: epoch, Block: number, BlockHash: hdr.Hash(), Validators: set.List()}, nil
}
