// Package ethtx holds what every sender of contract transactions needs:
// waiting for a receipt through a node that may be slow, restarting or
// still indexing, and naming a contract's custom error in a revert.
package ethtx

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"reflect"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

var (
	// ErrReverted is returned for a transaction mined but reverted.
	ErrReverted = errors.New("transaction reverted")
	// ErrNoReceipt is returned when a receipt does not come within the
	// wait's limit (the node died, or the chain stopped making blocks).
	ErrNoReceipt = errors.New("no receipt before the deadline")
)

// Receipts is what waiting needs of a node (an ethclient.Client).
type Receipts interface {
	TransactionReceipt(ctx context.Context, hash common.Hash) (*types.Receipt, error)
}

// Wait bounds the wait for a receipt. The zero value polls every 200 ms,
// bounds each call to 30 s and waits until the context ends.
type Wait struct {
	Poll  time.Duration // between polls
	Call  time.Duration // bound on one RPC call
	Limit time.Duration // bound on the whole wait (0: until ctx ends)
}

// Success waits for hash's receipt and checks that it succeeded. Until it
// comes, any answer is "not yet": not found, a fresh node's "transaction
// indexing is in progress", or an RPC error from a node restarting (the
// last one is reported if the limit passes).
func (w Wait) Success(ctx context.Context, b Receipts, hash common.Hash) (*types.Receipt, error) {
	poll, call := w.Poll, w.Call
	if poll <= 0 {
		poll = 200 * time.Millisecond
	}
	if call <= 0 {
		call = 30 * time.Second
	}
	var deadline time.Time
	if w.Limit > 0 {
		deadline = time.Now().Add(w.Limit)
	}
	var last error
	for {
		cctx, cancel := context.WithTimeout(ctx, call)
		rc, err := b.TransactionReceipt(cctx, hash)
		cancel()
		if err == nil && rc != nil {
			if rc.Status != types.ReceiptStatusSuccessful {
				return rc, fmt.Errorf("%w: tx %s (gas used %d)", ErrReverted, hash.Hex(), rc.GasUsed)
			}
			return rc, nil
		}
		if err != nil && !errors.Is(err, ethereum.NotFound) && !strings.Contains(err.Error(), "transaction indexing is in progress") {
			last = err
		}
		if ctx.Err() != nil {
			return nil, fmt.Errorf("waiting for tx %s: %w", hash.Hex(), ctx.Err())
		}
		if !deadline.IsZero() && time.Now().After(deadline) {
			why := "the chain made no block with it"
			if last != nil {
				why = "last RPC error: " + last.Error()
			}
			return nil, fmt.Errorf("waiting for tx %s: %w (%s, %s); it may still be mined: re-run the command to finish",
				hash.Hex(), ErrNoReceipt, w.Limit, why)
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("waiting for tx %s: %w", hash.Hex(), ctx.Err())
		case <-time.After(poll):
		}
	}
}

// Unpacker is a binding's UnpackError: the custom error in revert data.
type Unpacker func(raw []byte) (any, error)

// RevertName names the custom error in raw revert data as
// "Name{Field:value …}", the binding's type name without the contract's
// prefix (contract, e.g. "ReleaseBridge"). ok is false when raw holds no
// error of the contract's (empty, a panic, a string reason).
func RevertName(raw []byte, unpack Unpacker, contract string) (name string, ok bool) {
	if len(raw) < 4 { // the generated unpackers index the selector unchecked
		return "", false
	}
	e, err := unpack(raw)
	if err != nil {
		return "", false
	}
	t := reflect.TypeOf(e)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return fmt.Sprintf("%s%+v", strings.TrimPrefix(t.Name(), contract), reflect.Indirect(reflect.ValueOf(e)).Interface()), true
}

// Revert names the custom error carried by err (a call or gas estimate
// that reverted): err wrapped with the error's name, or err as it is.
func Revert(err error, unpack Unpacker, contract string) error {
	var de interface{ ErrorData() any }
	if !errors.As(err, &de) {
		return err
	}
	data, ok := de.ErrorData().(string)
	if !ok {
		return err
	}
	if name, ok := RevertName(common.FromHex(data), unpack, contract); ok {
		return fmt.Errorf("%s: %w", name, err)
	}
	return err
}

// Chain is what Contract needs of a node (an ethclient.Client).
type Chain interface {
	ChainID(ctx context.Context) (*big.Int, error)
	CodeAt(ctx context.Context, account common.Address, blockNumber *big.Int) ([]byte, error)
}

// Contract checks that the chain behind c has code at addr, so a typo in
// an address fails at once instead of as a call that returns nothing, and
// returns the chain id (for signing). name says which contract, in errors.
func Contract(ctx context.Context, c Chain, addr common.Address, name string) (*big.Int, error) {
	id, err := c.ChainID(ctx)
	if err != nil {
		return nil, fmt.Errorf("chain id: %w", err)
	}
	code, err := c.CodeAt(ctx, addr, nil)
	if err != nil {
		return nil, fmt.Errorf("code of %s %s: %w", name, addr, err)
	}
	if len(code) == 0 {
		return nil, fmt.Errorf("no %s contract at %s on chain %s", name, addr, id)
	}
	return id, nil
}
