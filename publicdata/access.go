package publicdata

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
)

// Access requests on the public registry (issue 15 item 3): anyone reads
// them from the chain itself, validators included.
var (
	AccessRequestedTopic = registryABI.GetABI().Events["AccessRequested"].ID
	AccessResolvedTopic  = registryABI.GetABI().Events["AccessResolved"].ID
	GrantDeliveredTopic  = registryABI.GetABI().Events["GrantDelivered"].ID
)

// ErrUnknownRequest is returned for a request id the registry never saw.
var ErrUnknownRequest = errors.New("unknown access request")

// AccessRequest is one request as the public chain has it.
type AccessRequest struct {
	ID        common.Hash    `json:"id"`
	RecordID  common.Hash    `json:"record"`
	Requester common.Address `json:"requester"`
	Purpose   string         `json:"purpose"`
	Status    string         `json:"status"` // pending, granted, denied
	ExpiresAt uint64         `json:"expiresAt,omitempty"`
	Block     uint64         `json:"block"`
	Tx        common.Hash    `json:"tx"`
	// DeliveredIn is the block of the grant's delivery (0: none yet).
	DeliveredIn uint64 `json:"deliveredIn,omitempty"`
}

// Expiry is the grant's expiry as a time (zero when not granted).
func (a *AccessRequest) Expiry() time.Time {
	if a.ExpiresAt == 0 {
		return time.Time{}
	}
	return time.Unix(int64(a.ExpiresAt), 0).UTC()
}

func accessStatus(s uint8) string {
	switch s {
	case 1:
		return "pending"
	case 2:
		return "granted"
	case 3:
		return "denied"
	}
	return "none"
}

// AccessRequests lists every access request (optionally of one record),
// oldest first, with its current status.
func (r *Reader) AccessRequests(ctx context.Context, record *common.Hash) ([]*AccessRequest, error) {
	topics := [][]common.Hash{{AccessRequestedTopic}}
	if record != nil {
		topics = append(topics, nil, []common.Hash{*record})
	}
	var out []*AccessRequest
	err := r.scan(ctx, r.Public, r.Registry, topics, func(l *types.Log) error {
		e, err := registryABI.UnpackAccessRequestedEvent(l)
		if err != nil {
			return fmt.Errorf("AccessRequested log in block %d: %w", l.BlockNumber, err)
		}
		out = append(out, &AccessRequest{ID: e.RequestId, RecordID: e.RecordId, Requester: e.Requester, Purpose: e.Purpose,
			Block: l.BlockNumber, Tx: l.TxHash})
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, a := range out {
		if err := r.accessState(ctx, a); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// AccessRequest reads one request: its AccessRequested log and its state.
func (r *Reader) AccessRequest(ctx context.Context, id common.Hash) (*AccessRequest, error) {
	var found *AccessRequest
	err := r.scan(ctx, r.Public, r.Registry, [][]common.Hash{{AccessRequestedTopic}, {id}}, func(l *types.Log) error {
		e, err := registryABI.UnpackAccessRequestedEvent(l)
		if err != nil {
			return fmt.Errorf("AccessRequested log in block %d: %w", l.BlockNumber, err)
		}
		if e.RequestId == id {
			found = &AccessRequest{ID: e.RequestId, RecordID: e.RecordId, Requester: e.Requester, Purpose: e.Purpose,
				Block: l.BlockNumber, Tx: l.TxHash}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if found == nil {
		return nil, fmt.Errorf("request %s: %w (no AccessRequested event on the registry %s from block %d)", id.Hex(), ErrUnknownRequest, r.Registry, r.FromBlock)
	}
	return found, r.accessState(ctx, found)
}

// accessState fills a request's status, expiry and delivery from the registry.
func (r *Reader) accessState(ctx context.Context, a *AccessRequest) error {
	st, err := callRegistry(ctx, r, registryABI.PackAccessRequest(a.ID), registryABI.UnpackAccessRequest)
	if err != nil {
		return err
	}
	if st.RecordId != a.RecordID || st.Requester != a.Requester {
		return fmt.Errorf("request %s: the registry's state names record %x and requester %s, its event %s and %s",
			a.ID.Hex(), st.RecordId, st.Requester, a.RecordID.Hex(), a.Requester)
	}
	a.Status, a.ExpiresAt = accessStatus(st.Status), st.ExpiresAt
	a.DeliveredIn, err = callRegistry(ctx, r, registryABI.PackGrantDeliveredIn(a.ID), registryABI.UnpackGrantDeliveredIn)
	return err
}

// HasAccess is the registry's word on whether account holds a live grant of
// the request now (granted to it, unexpired, record neither frozen nor shredded).
func (r *Reader) HasAccess(ctx context.Context, id common.Hash, account common.Address) (bool, error) {
	return callRegistry(ctx, r, registryABI.PackHasAccess(id, account), registryABI.UnpackHasAccess)
}

// Policy is the classification policy the registry pins.
func (r *Reader) Policy(ctx context.Context) (*big.Int, error) {
	return callRegistry(ctx, r, registryABI.PackPolicy(), registryABI.UnpackPolicy)
}

// DeliveredGrant returns the sealed grant delivered for a request (its
// GrantDelivered event), or an error saying none was delivered.
func (r *Reader) DeliveredGrant(ctx context.Context, a *AccessRequest) ([]byte, error) {
	if a.DeliveredIn == 0 {
		return nil, fmt.Errorf("request %s: no grant delivered yet (status %s)", a.ID.Hex(), a.Status)
	}
	b := new(big.Int).SetUint64(a.DeliveredIn)
	logs, err := r.Public.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: b, ToBlock: b, Addresses: []common.Address{r.Registry},
		Topics: [][]common.Hash{{GrantDeliveredTopic}, {a.ID}}})
	if err != nil {
		return nil, fmt.Errorf("eth_getLogs block %d of %s: %w", a.DeliveredIn, r.Registry, err)
	}
	for i := range logs {
		if logs[i].Removed || logs[i].Address != r.Registry {
			continue
		}
		e, err := registryABI.UnpackGrantDeliveredEvent(&logs[i])
		if err != nil {
			return nil, fmt.Errorf("GrantDelivered log in block %d: %w", a.DeliveredIn, err)
		}
		if e.RequestId == a.ID && e.Requester == a.Requester {
			return e.SealedGrant, nil
		}
	}
	return nil, fmt.Errorf("request %s: the registry says its grant was delivered in block %d, which has no GrantDelivered event for it", a.ID.Hex(), a.DeliveredIn)
}

// TxFetcher reads a transaction by hash (ethclient.Client does).
type TxFetcher interface {
	TransactionByHash(ctx context.Context, hash common.Hash) (*types.Transaction, bool, error)
}

// RequesterKey recovers the requester's public key from the signature of
// its requestAccess transaction, and checks it is the requester's: a grant
// sealed to it opens with the requester's own key only, and nobody had to
// supply a key that could be someone else's.
func RequesterKey(ctx context.Context, b TxFetcher, a *AccessRequest) (*ecdsa.PublicKey, error) {
	tx, _, err := b.TransactionByHash(ctx, a.Tx)
	if err != nil {
		return nil, fmt.Errorf("request %s: its transaction %s: %w", a.ID.Hex(), a.Tx.Hex(), err)
	}
	pub, err := SenderKey(tx)
	if err != nil {
		return nil, fmt.Errorf("request %s: transaction %s: %w", a.ID.Hex(), a.Tx.Hex(), err)
	}
	if got := crypto.PubkeyToAddress(*pub); got != a.Requester {
		return nil, fmt.Errorf("request %s: transaction %s was signed by %s, the requester is %s (a contract or a relayed request cannot get a grant sealed to it)",
			a.ID.Hex(), a.Tx.Hex(), got, a.Requester)
	}
	return pub, nil
}

// SenderKey recovers the public key that signed tx.
func SenderKey(tx *types.Transaction) (*ecdsa.PublicKey, error) {
	signer := types.LatestSignerForChainID(tx.ChainId())
	if tx.Type() == types.LegacyTxType && !tx.Protected() {
		signer = types.HomesteadSigner{}
	}
	h := signer.Hash(tx)
	v, r, s := tx.RawSignatureValues()
	rec := v.Uint64()
	if tx.Type() == types.LegacyTxType {
		if tx.Protected() {
			rec -= tx.ChainId().Uint64()*2 + 35
		} else {
			rec -= 27
		}
	}
	if rec > 1 {
		return nil, fmt.Errorf("malformed signature (recovery id %d)", rec)
	}
	sig := make([]byte, 65)
	r.FillBytes(sig[:32])
	s.FillBytes(sig[32:64])
	sig[64] = byte(rec)
	pub, err := crypto.SigToPub(h[:], sig)
	if err != nil {
		return nil, fmt.Errorf("recovering the signer: %w", err)
	}
	return pub, nil
}
