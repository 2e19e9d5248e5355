package auditchain

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
)

// anchorPrefix starts the data of an anchor transaction.
const anchorPrefix = "sovereign.audit-anchor.v1"

// errNotAnchor is returned for transaction data that is not an audit anchor.
var errNotAnchor = errors.New("not an audit anchor")

// AnchorData is the transaction data that anchors a head:
// prefix ‖ hash (32) ‖ entries (uint64 BE) ‖ offset (uint64 BE).
func AnchorData(h Head) []byte {
	out := append([]byte(anchorPrefix), h.Hash[:]...)
	out = binary.BigEndian.AppendUint64(out, h.Entries)
	return binary.BigEndian.AppendUint64(out, uint64(h.Offset))
}

// ParseAnchor reads the head out of anchor transaction data.
func ParseAnchor(data []byte) (Head, error) {
	if len(data) != len(anchorPrefix)+48 || !bytes.HasPrefix(data, []byte(anchorPrefix)) {
		return Head{}, errNotAnchor
	}
	var h Head
	rest := data[len(anchorPrefix):]
	copy(h.Hash[:], rest[:32])
	h.Entries = binary.BigEndian.Uint64(rest[32:40])
	h.Offset = int64(binary.BigEndian.Uint64(rest[40:48]))
	return h, nil
}

// Chain is the part of an Ethereum client the anchor needs.
type Chain interface {
	ChainID(ctx context.Context) (*big.Int, error)
	PendingNonceAt(ctx context.Context, account common.Address) (uint64, error)
	SuggestGasPrice(ctx context.Context) (*big.Int, error)
	EstimateGas(ctx context.Context, msg ethereum.CallMsg) (uint64, error)
	SendTransaction(ctx context.Context, tx *types.Transaction) error
	TransactionReceipt(ctx context.Context, txHash common.Hash) (*types.Receipt, error)
}

// Anchor records the head on a chain as the data of a zero-value transaction
// from the signer to itself, and waits until it is mined. Anyone can later
// read the transaction and check the audit log against it with Verify.
func Anchor(ctx context.Context, c Chain, key *ecdsa.PrivateKey, h Head) (common.Hash, error) {
	from := crypto.PubkeyToAddress(key.PublicKey)
	chainID, err := c.ChainID(ctx)
	if err != nil {
		return common.Hash{}, fmt.Errorf("anchor: chain id: %w", err)
	}
	nonce, err := c.PendingNonceAt(ctx, from)
	if err != nil {
		return common.Hash{}, fmt.Errorf("anchor: nonce of %s: %w", from, err)
	}
	price, err := c.SuggestGasPrice(ctx)
	if err != nil {
		return common.Hash{}, fmt.Errorf("anchor: gas price: %w", err)
	}
	data := AnchorData(h)
	gas, err := c.EstimateGas(ctx, ethereum.CallMsg{From: from, To: &from, Data: data})
	if err != nil {
		return common.Hash{}, fmt.Errorf("anchor: gas: %w", err)
	}
	tx, err := types.SignNewTx(key, types.LatestSignerForChainID(chainID), &types.LegacyTx{
		Nonce: nonce, GasPrice: price, Gas: gas, To: &from, Data: data,
	})
	if err != nil {
		return common.Hash{}, fmt.Errorf("anchor: signing: %w", err)
	}
	if err := c.SendTransaction(ctx, tx); err != nil {
		return common.Hash{}, fmt.Errorf("anchor: sending: %w", err)
	}
	for {
		r, err := c.TransactionReceipt(ctx, tx.Hash())
		if err == nil && r != nil {
			if r.Status != types.ReceiptStatusSuccessful {
				return tx.Hash(), fmt.Errorf("anchor: tx %s failed", tx.Hash().Hex())
			}
			return tx.Hash(), nil
		}
		select {
		case <-ctx.Done():
			return tx.Hash(), fmt.Errorf("anchor: waiting for tx %s: %w", tx.Hash().Hex(), ctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
}
