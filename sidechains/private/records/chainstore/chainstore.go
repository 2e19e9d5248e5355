// Package chainstore keeps encrypted records on the private chain through the
// SensitiveStore contract: per record the ciphertext reference and hash, the
// Vault-wrapped data key and its version, the commitment, and the shred mark
// with its receipt. The ciphertext itself (already encrypted) sits in a
// content-addressed blob folder next to the node; its reference on chain is
// "<transit key>/<sha256 hex>", which also lets rotation find a dataset's
// records from the chain alone.
package chainstore

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/sovereign-gov/sovereign/bindings/sensitivestore"
	"github.com/sovereign-gov/sovereign/internal/ethtx"
	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
	"github.com/sovereign-gov/sovereign/sidechains/private/records"
)

// Backend is what the store needs of a node: contract calls, transactions,
// logs and receipts (an ethclient.Client or a simulated backend's client).
type Backend interface {
	bind.ContractBackend
	bind.DeployBackend
	// NonceAt tells, against PendingNonceAt, whether the writer has
	// transactions still pending.
	NonceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (uint64, error)
}

// Store is a records.Store on the SensitiveStore contract.
type Store struct {
	backend  Backend
	abi      *sensitivestore.SensitiveStore
	contract *bind.BoundContract
	opts     *bind.TransactOpts
	blobs    string
	poll     time.Duration
	// call bounds one RPC call; wait bounds the wait for one receipt.
	call, wait time.Duration
}

// Default deadlines: a dead or hung RPC ends an operation with an error
// instead of blocking it for ever.
const (
	DefaultCallTimeout = 30 * time.Second
	DefaultWaitTimeout = 2 * time.Minute
)

// Option configures a Store.
type Option func(*Store)

// WithTimeouts bounds each RPC call (call) and the wait for each
// transaction's receipt (wait); zero keeps a default.
func WithTimeouts(call, wait time.Duration) Option {
	return func(s *Store) {
		if call > 0 {
			s.call = call
		}
		if wait > 0 {
			s.wait = wait
		}
	}
}

var _ records.Store = (*Store)(nil)

var (
	// errBadRef is returned for an on-chain ciphertext reference outside the scheme.
	errBadRef = errors.New("malformed ciphertext reference")
	// errBlobMismatch is returned when a blob does not hash to its on-chain hash.
	errBlobMismatch = errors.New("ciphertext blob does not match its on-chain hash")
	// ErrNoReceipt is returned when a sent transaction's receipt does not come
	// within the wait deadline (the RPC died, or the chain stopped making blocks).
	ErrNoReceipt = ethtx.ErrNoReceipt
)

// New returns a store on the contract at addr; opts signs the writer's
// transactions (its key loaded from Vault, in memory only); blobDir holds the
// ciphertexts.
func New(backend Backend, addr common.Address, opts *bind.TransactOpts, blobDir string, options ...Option) (*Store, error) {
	if err := os.MkdirAll(blobDir, 0o700); err != nil {
		return nil, fmt.Errorf("blob folder: %w", err)
	}
	abi := sensitivestore.NewSensitiveStore()
	s := &Store{backend: backend, abi: abi, contract: abi.Instance(backend, addr), opts: opts, blobs: blobDir,
		poll: 50 * time.Millisecond, call: DefaultCallTimeout, wait: DefaultWaitTimeout}
	for _, o := range options {
		o(s)
	}
	return s, nil
}

// receipts is how long the store waits for its transactions' receipts.
func (s *Store) receipts() ethtx.Wait {
	return ethtx.Wait{Poll: s.poll, Call: s.call, Limit: s.wait}
}

// waitOK waits for tx's successful receipt. A transaction whose receipt
// does not come in time may still be mined later; every Store write skips
// what is already on chain, so the caller re-runs the operation to finish.
func waitOK(ctx context.Context, b bind.DeployBackend, tx *types.Transaction, w ethtx.Wait) error {
	_, err := w.Success(ctx, b, tx.Hash())
	return err
}

// callCtx bounds one RPC call.
func (s *Store) callCtx(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, s.call)
}

// Deploy deploys a SensitiveStore owned by opts.From and makes it a writer.
func Deploy(ctx context.Context, backend Backend, opts *bind.TransactOpts) (common.Address, error) {
	abi := sensitivestore.NewSensitiveStore()
	o := *opts
	o.Context = ctx
	addr, tx, err := bind.DeployContract(&o, common.FromHex(sensitivestore.SensitiveStoreMetaData.Bin), backend, abi.PackConstructor(opts.From))
	if err != nil {
		return common.Address{}, fmt.Errorf("deploying SensitiveStore: %w", err)
	}
	if err := waitOK(ctx, backend, tx, ethtx.Wait{Poll: 50 * time.Millisecond, Call: DefaultCallTimeout, Limit: DefaultWaitTimeout}); err != nil {
		return common.Address{}, fmt.Errorf("deploying SensitiveStore: %w", err)
	}
	s := &Store{backend: backend, abi: abi, contract: abi.Instance(backend, addr), opts: opts,
		poll: 50 * time.Millisecond, call: DefaultCallTimeout, wait: DefaultWaitTimeout}
	if err := s.send(ctx, "setWriter", abi.PackSetWriter(opts.From, true)); err != nil {
		return common.Address{}, err
	}
	return addr, nil
}

func (s *Store) transactOpts(ctx context.Context) *bind.TransactOpts {
	o := *s.opts
	o.Context = ctx
	return &o
}

// send transacts and waits for a successful receipt.
func (s *Store) send(ctx context.Context, method string, data []byte) error {
	cctx, cancel := s.callCtx(ctx)
	tx, err := bind.Transact(s.contract, s.transactOpts(cctx), data)
	cancel()
	if err != nil {
		return fmt.Errorf("SensitiveStore.%s: %w", method, ethtx.Revert(err, s.abi.UnpackError, "SensitiveStore"))
	}
	if err := waitOK(ctx, s.backend, tx, s.receipts()); err != nil {
		return fmt.Errorf("SensitiveStore.%s: %w", method, err)
	}
	return nil
}

// MaxBatch is the most calls one transaction carries (the contract's
// MAX_BATCH).
const MaxBatch = 64

// sendAll sends calls as few transactions as it can: one call alone, a
// batch as one multicall (all or none) when it fits one transaction, else
// as parts that each do, sent together. It then waits for all of them. A
// failure part-way leaves whole parts done or not, never half a part;
// every caller skips what the chain already has, so running it again
// finishes the batch.
func (s *Store) sendAll(ctx context.Context, method string, calls [][]byte) error {
	if len(calls) == 0 {
		return nil
	}
	// Number the transactions here: asking the pool for each next nonce
	// races its reset after a new block and can hand out one twice
	// ("replacement transaction underpriced").
	cctx, cancel := s.callCtx(ctx)
	nonce, err := s.backend.PendingNonceAt(cctx, s.opts.From)
	cancel()
	if err != nil {
		return fmt.Errorf("SensitiveStore.%s: pending nonce: %w", method, err)
	}
	var txs []*types.Transaction
	for start := 0; start < len(calls); start += MaxBatch {
		sent, err := s.sendPart(ctx, method, calls[start:min(start+MaxBatch, len(calls))], nonce+uint64(len(txs)))
		txs = append(txs, sent...)
		if err != nil {
			return err
		}
	}
	for _, tx := range txs {
		if err := waitOK(ctx, s.backend, tx, s.receipts()); err != nil {
			return fmt.Errorf("SensitiveStore.%s: %w", method, err)
		}
	}
	return nil
}

// sendPart sends calls as one transaction numbered nonce: the call alone,
// or a multicall. A multicall that does not fit one transaction (its gas
// estimate fails without a contract error: out of gas, over the cap) is
// split in halves, each sent the same way.
func (s *Store) sendPart(ctx context.Context, method string, calls [][]byte, nonce uint64) ([]*types.Transaction, error) {
	data, what := calls[0], method
	if len(calls) > 1 {
		data, what = s.abi.PackMulticall(calls), fmt.Sprintf("%s (multicall of %d)", method, len(calls))
	}
	cctx, cancel := s.callCtx(ctx)
	defer cancel()
	to := s.contract.Address()
	gas, err := s.backend.EstimateGas(cctx, ethereum.CallMsg{From: s.opts.From, To: &to, Data: data})
	if err != nil {
		if derr := ethtx.Revert(err, s.abi.UnpackError, "SensitiveStore"); derr == err && len(calls) > 1 {
			half := len(calls) / 2
			first, err := s.sendPart(ctx, method, calls[:half], nonce)
			if err != nil {
				return first, err
			}
			second, err := s.sendPart(ctx, method, calls[half:], nonce+uint64(len(first)))
			return append(first, second...), err
		}
		return nil, fmt.Errorf("SensitiveStore.%s: %w", what, ethtx.Revert(err, s.abi.UnpackError, "SensitiveStore"))
	}
	o := s.transactOpts(cctx)
	// a margin (state may move before it lands) that stays under a
	// per-transaction gas cap the estimate was just below
	o.Nonce, o.GasLimit = new(big.Int).SetUint64(nonce), gas+min(gas/5, 200_000)
	tx, err := bind.Transact(s.contract, o, data)
	if err != nil {
		return nil, fmt.Errorf("SensitiveStore.%s: %w", what, ethtx.Revert(err, s.abi.UnpackError, "SensitiveStore"))
	}
	return []*types.Transaction{tx}, nil
}

// settle waits until none of the writer's earlier transactions is pending
// (a run that missed its deadline may have left some), so that the chain is
// read after them and nothing is sent twice: a rewrap sent again would
// revert once the first one lands.
func (s *Store) settle(ctx context.Context) error {
	deadline := time.Now().Add(s.wait)
	for {
		cctx, cancel := s.callCtx(ctx)
		pending, err := s.backend.PendingNonceAt(cctx, s.opts.From)
		var latest uint64
		if err == nil {
			latest, err = s.backend.NonceAt(cctx, s.opts.From, nil)
		}
		cancel()
		if err != nil {
			return fmt.Errorf("SensitiveStore: nonce of writer %s: %w", s.opts.From.Hex(), err)
		}
		if pending <= latest {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("SensitiveStore: %w: %d earlier transactions of writer %s still pending after %s; re-run the command to finish once the chain makes blocks",
				ErrNoReceipt, pending-latest, s.opts.From.Hex(), s.wait)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("SensitiveStore: waiting for pending transactions: %w", ctx.Err())
		case <-time.After(s.poll):
		}
	}
}

func (s *Store) entry(ctx context.Context, id [32]byte) (*sensitivestore.ISensitiveStoreEntry, error) {
	cctx, cancel := s.callCtx(ctx)
	defer cancel()
	e, err := bind.Call(s.contract, &bind.CallOpts{Context: cctx}, s.abi.PackGet(id), s.abi.UnpackGet)
	if err != nil {
		if strings.Contains(ethtx.Revert(err, s.abi.UnpackError, "SensitiveStore").Error(), "UnknownRecord") {
			return nil, fmt.Errorf("record %x: %w", id, records.ErrNotFound)
		}
		return nil, fmt.Errorf("SensitiveStore.get %x: %w", id, ethtx.Revert(err, s.abi.UnpackError, "SensitiveStore"))
	}
	return &e, nil
}

// errNoContract is returned by Check when the address holds no contract.
var errNoContract = errors.New("no contract at this address")

// Check makes sure the store's address holds a SensitiveStore: code at the
// address that answers recordCount. Callers run it before any key is made.
func (s *Store) Check(ctx context.Context) error {
	cctx, cancel := s.callCtx(ctx)
	defer cancel()
	code, err := s.backend.CodeAt(cctx, s.contract.Address(), nil)
	if err != nil {
		return fmt.Errorf("SensitiveStore code: %w", err)
	}
	if len(code) == 0 {
		return errNoContract
	}
	if _, err := bind.Call(s.contract, &bind.CallOpts{Context: cctx}, s.abi.PackRecordCount(), s.abi.UnpackRecordCount); err != nil {
		return fmt.Errorf("not a SensitiveStore (recordCount failed): %w", ethtx.Revert(err, s.abi.UnpackError, "SensitiveStore"))
	}
	return nil
}

// Ref is the on-chain ciphertext reference of a record.
func Ref(transitKey string, hash [32]byte) string {
	return transitKey + "/" + hex.EncodeToString(hash[:])
}

func splitRef(ref string) (key string, hash [32]byte, err error) {
	key, h, ok := strings.Cut(ref, "/")
	b, herr := hex.DecodeString(h)
	if !ok || herr != nil || len(b) != 32 {
		return "", hash, fmt.Errorf("%w %q", errBadRef, ref)
	}
	if _, _, err := naming.SplitStoreKey(key); err != nil {
		return "", hash, fmt.Errorf("%w %q: %w", errBadRef, ref, err)
	}
	copy(hash[:], b)
	return key, hash, nil
}

func (s *Store) blobPath(hash [32]byte) string {
	return filepath.Join(s.blobs, hex.EncodeToString(hash[:]))
}

func (s *Store) writeBlob(hash [32]byte, data []byte) error {
	path := s.blobPath(hash)
	if _, err := os.Stat(path); err == nil {
		return nil // content-addressed: already there
	}
	// The blob reaches the disk (the file here, its folder entry in
	// blobsWritten) before its record is sent: a record on chain survives
	// a crash or power cut (README, "Crash safety"), and so must the
	// ciphertext it names.
	tmp := path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("writing blob: %w", err)
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("writing blob: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("writing blob: %w", err)
	}
	return nil
}

// blobsWritten syncs the blob folder, so the renamed entries are on disk.
func (s *Store) blobsWritten() error {
	d, err := os.Open(s.blobs)
	if err != nil {
		return fmt.Errorf("syncing the blob folder: %w", err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("syncing the blob folder: %w", err)
	}
	return nil
}

var _ records.BlobStore = (*Store)(nil)

// WriteBlob implements records.BlobStore: the ciphertext goes straight into
// the blob folder, hashed on the way.
func (s *Store) WriteBlob(write func(w io.Writer) error) ([32]byte, int64, error) {
	return records.WriteBlobFile(s.blobs, write)
}

// Put implements records.Store. Blobs are written first (harmless if the
// transactions fail: unreferenced); a record already on chain with the same
// ciphertext counts as stored, so a retried Put finishes the job.
func (s *Store) Put(ctx context.Context, recs ...records.Record) error {
	if err := s.settle(ctx); err != nil {
		return err
	}
	var calls [][]byte
	for _, r := range recs {
		if r.Ciphertext == nil { // streamed with WriteBlob
			if _, err := os.Stat(s.blobPath(r.CiphertextRef)); err != nil {
				return fmt.Errorf("record %x: no ciphertext and no blob: %w", r.ID, err)
			}
		} else if records.Ref(r.Ciphertext) != r.CiphertextRef {
			return fmt.Errorf("record %x: ciphertext does not match its reference", r.ID)
		}
		if e, err := s.entry(ctx, r.ID); err == nil {
			if e.CiphertextHash != r.CiphertextRef {
				return fmt.Errorf("record %x: %w", r.ID, records.ErrExists)
			}
			continue
		} else if !errors.Is(err, records.ErrNotFound) {
			return err
		}
		if r.Ciphertext != nil {
			if err := s.writeBlob(r.CiphertextRef, r.Ciphertext); err != nil {
				return err
			}
		}
		calls = append(calls, s.abi.PackPut(r.ID, Ref(r.TransitKey, r.CiphertextRef), r.CiphertextRef,
			[]byte(r.WrappedKey), r.KeyVersion, new(big.Int).SetBytes(r.Commitment[:])))
	}
	if len(calls) > 0 {
		if err := s.blobsWritten(); err != nil {
			return err
		}
	}
	return s.sendAll(ctx, "put", calls)
}

// Get implements records.Store.
func (s *Store) Get(ctx context.Context, id [32]byte) (records.Record, error) {
	e, err := s.entry(ctx, id)
	if err != nil {
		return records.Record{}, err
	}
	key, hash, err := splitRef(e.CiphertextRef)
	if err != nil {
		return records.Record{}, fmt.Errorf("record %x: %w", id, err)
	}
	inner, _, _ := naming.SplitStoreKey(key)
	dept, ds, _ := naming.SplitTransitKey(inner)
	r := records.Record{
		ID: id, Department: dept, Dataset: ds, TransitKey: key, CiphertextRef: e.CiphertextHash,
		WrappedKey: string(e.WrappedKey), KeyVersion: e.KeyVersion, Shredded: e.Shredded,
	}
	e.Commitment.FillBytes(r.Commitment[:])
	if hash != e.CiphertextHash {
		return records.Record{}, fmt.Errorf("record %x: reference and hash disagree", id)
	}
	data, err := os.ReadFile(s.blobPath(hash))
	if err != nil {
		return records.Record{}, fmt.Errorf("record %x: ciphertext blob: %w", id, err)
	}
	if sha256.Sum256(data) != hash {
		return records.Record{}, fmt.Errorf("record %x: %w", id, errBlobMismatch)
	}
	r.Ciphertext = data
	return r, nil
}

// ListByKey implements records.Store, from the Stored events carrying the
// key's hash in their indexed transitKeyHash topic: the node answers from
// its log index, not by reading every record since genesis.
func (s *Store) ListByKey(ctx context.Context, key string) ([]records.Record, error) {
	cctx, cancel := s.callCtx(ctx)
	defer cancel()
	topic := crypto.Keccak256Hash([]byte(key))
	it, err := bind.FilterEvents(s.contract, &bind.FilterOpts{Context: cctx}, s.abi.UnpackStoredEvent, nil, nil, []any{topic})
	if err != nil {
		return nil, fmt.Errorf("SensitiveStore Stored events of %q: %w", key, err)
	}
	defer it.Close()
	var ids [][32]byte
	for it.Next() {
		ids = append(ids, it.Value().RecordId)
	}
	if err := it.Error(); err != nil {
		return nil, fmt.Errorf("SensitiveStore Stored events of %q: %w", key, err)
	}
	out := make([]records.Record, 0, len(ids))
	for _, id := range ids {
		e, err := s.entry(ctx, id)
		if err != nil {
			return nil, err
		}
		// A reference without "/" carries the whole reference's hash in the
		// topic: not one of ours (Put writes "<key>/<hash>"), skipped as
		// before the topic existed.
		if !strings.HasPrefix(e.CiphertextRef, key+"/") {
			continue
		}
		r, err := s.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// UpdateKeys implements records.Store (one rewrap transaction per record,
// sent together). Updates already on chain are skipped, so a retry is safe.
func (s *Store) UpdateKeys(ctx context.Context, ups []records.KeyUpdate) error {
	if err := s.settle(ctx); err != nil {
		return err
	}
	var calls [][]byte
	for _, u := range ups {
		e, err := s.entry(ctx, u.ID)
		if err != nil {
			return err
		}
		if e.Shredded {
			return fmt.Errorf("record %x: %w", u.ID, records.ErrShredded)
		}
		if e.KeyVersion >= u.KeyVersion {
			continue
		}
		calls = append(calls, s.abi.PackRewrap(u.ID, []byte(u.WrappedKey), u.KeyVersion))
	}
	return s.sendAll(ctx, "rewrap", calls)
}

// ReceiptHash is what goes on chain for a shred receipt.
func ReceiptHash(rc records.ShredReceipt) [32]byte {
	b, _ := json.Marshal(struct {
		Key     string `json:"transit_key"`
		Records int    `json:"records"`
		At      string `json:"at"`
	}{rc.TransitKey, rc.Records, rc.At.UTC().Format(time.RFC3339Nano)})
	return sha256.Sum256(b)
}

// MarkShredded implements records.Store: every live record under the key
// gets the shred mark and the receipt hash on chain.
func (s *Store) MarkShredded(ctx context.Context, rc records.ShredReceipt) error {
	if err := s.settle(ctx); err != nil {
		return err
	}
	recs, err := s.ListByKey(ctx, rc.TransitKey)
	if err != nil {
		return err
	}
	receipt := ReceiptHash(rc)
	var calls [][]byte
	for _, r := range recs {
		if !r.Shredded {
			calls = append(calls, s.abi.PackShred(r.ID, receipt))
		}
	}
	return s.sendAll(ctx, "shred", calls)
}

// ShredReceipt returns the receipt hash on chain for a shredded record.
func (s *Store) ShredReceipt(ctx context.Context, id [32]byte) ([32]byte, error) {
	e, err := s.entry(ctx, id)
	if err != nil {
		return [32]byte{}, err
	}
	if !e.Shredded {
		return [32]byte{}, fmt.Errorf("record %x is not shredded", id)
	}
	return e.ShredReceipt, nil
}
