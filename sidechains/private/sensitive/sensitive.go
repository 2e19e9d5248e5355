// Package sensitive encrypts sensitive records under Vault-managed keys and
// keeps them through a records.Store: submit (envelope encryption), open
// (decryption for authorised roles), rewrap after a rotation, and shred.
//
// Every Vault call of an operation happens before its store write, and each
// store write is atomic, so a Vault that is sealed or stopped mid-operation
// leaves nothing half written and the same call can simply be retried.
package sensitive

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/sovereign-gov/sovereign/sidechains/private/envelope"
	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
	"github.com/sovereign-gov/sovereign/sidechains/private/records"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultclient"
)

// DefaultBatch is how many data keys go in one batched transit request.
const DefaultBatch = 250

var (
	// errNoInput is returned by SubmitBatch without records.
	errNoInput = errors.New("submit: no records")
	// errRefMismatch is returned when a stored ciphertext does not match its reference.
	errRefMismatch = errors.New("open: ciphertext does not match its reference")
)

// Service works on records as one Vault identity (a department, a grant
// holder or a security officer, depending on the client's login).
type Service struct {
	vault *vaultclient.Client
	store records.Store
	log   *slog.Logger
	batch int
	// progress, if set, is told after each batch of a batched submission.
	progress Progress
}

// Option configures a Service.
type Option func(*Service)

// WithLogger sets the structured logger.
func WithLogger(l *slog.Logger) Option { return func(s *Service) { s.log = l } }

// WithBatch sets the transit batch size (default 100).
func WithBatch(n int) Option {
	return func(s *Service) {
		if n > 0 {
			s.batch = n
		}
	}
}

// WithProgress reports progress after each batch of a batched submission.
func WithProgress(p Progress) Option { return func(s *Service) { s.progress = p } }

// New returns a service over a logged-in Vault client and a record store.
func New(v *vaultclient.Client, store records.Store, opts ...Option) *Service {
	s := &Service{vault: v, store: store, log: slog.Default(), batch: DefaultBatch}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Input is one record to submit.
type Input struct {
	ID         [32]byte
	Plaintext  []byte
	Commitment [32]byte
}

// Submit encrypts one record under a fresh data key from transit
// (datakey/plaintext: one Vault request) and stores it.
func (s *Service) Submit(ctx context.Context, department, dataset string, in Input) (*records.Record, error) {
	rec, err := s.Seal(ctx, department, dataset, in)
	if err != nil {
		return nil, err
	}
	if err := s.Store(ctx, *rec); err != nil {
		return nil, err
	}
	return rec, nil
}

// Seal encrypts one record as Submit does, without storing it: Store stores
// sealed records, several in one atomic write.
func (s *Service) Seal(ctx context.Context, department, dataset string, in Input) (*records.Record, error) {
	key, err := naming.TransitKey(department, dataset)
	if err != nil {
		return nil, fmt.Errorf("submit: %w", err)
	}
	rec, err := EncryptOne(ctx, s.vault, key, in)
	if err != nil {
		return nil, fmt.Errorf("submit %x: %w", in.ID, err)
	}
	rec.Department, rec.Dataset = department, dataset
	return rec, nil
}

// SealConditional seals a record's conditional envelope (its columns at
// level ≤ 1, submission.ConditionalFormat) under a fresh data key of the
// dataset's conditional key, without storing it. The record's store key is
// naming.ConditionalStoreKey, so it is listed apart from full records.
func (s *Service) SealConditional(ctx context.Context, department, dataset string, in Input) (*records.Record, error) {
	key, err := naming.TransitKey(department, dataset)
	if err != nil {
		return nil, fmt.Errorf("submit: %w", err)
	}
	rec, err := EncryptOne(ctx, s.vault.Conditional(), key, in)
	if err != nil {
		return nil, fmt.Errorf("submit %x (conditional envelope): %w", in.ID, err)
	}
	rec.Department, rec.Dataset, rec.TransitKey = department, dataset, naming.ConditionalStoreKey(key)
	return rec, nil
}

// Store stores sealed records (Seal, SealStream) in one atomic write.
func (s *Service) Store(ctx context.Context, recs ...records.Record) error {
	if len(recs) == 0 {
		return errNoInput
	}
	if err := s.store.Put(ctx, recs...); err != nil {
		if len(recs) == 1 {
			return fmt.Errorf("submit %x: storing: %w", recs[0].ID, err)
		}
		return fmt.Errorf("submit %d records: storing: %w", len(recs), err)
	}
	for _, r := range recs {
		s.log.Info("record submitted", "id", fmt.Sprintf("%x", r.ID[:8]), "key", r.TransitKey, "key_version", r.KeyVersion,
			"batch", len(recs))
	}
	return nil
}

// SubmitBatch encrypts many records with batched key wrapping and stores
// them all at once: either every record is stored or none.
func (s *Service) SubmitBatch(ctx context.Context, department, dataset string, ins []Input) ([]records.Record, error) {
	if len(ins) == 0 {
		return nil, errNoInput
	}
	key, err := naming.TransitKey(department, dataset)
	if err != nil {
		return nil, fmt.Errorf("submit: %w", err)
	}
	recs, err := EncryptBatch(ctx, s.vault, key, ins, s.batch, s.progress)
	if err != nil {
		return nil, fmt.Errorf("submit %d records: %w", len(ins), err)
	}
	for i := range recs {
		recs[i].Department, recs[i].Dataset = department, dataset
	}
	if err := s.store.Put(ctx, recs...); err != nil {
		return nil, fmt.Errorf("submit %d records: storing: %w", len(ins), err)
	}
	s.log.Info("records submitted", "count", len(recs), "key", key, "key_version", recs[0].KeyVersion)
	return recs, nil
}

// StreamInput is one record to submit from a stream (a big table).
type StreamInput struct {
	ID         [32]byte
	Plaintext  io.Reader
	Commitment [32]byte
	// Check, if set, runs once the stream is sealed and before the record is
	// stored: e.g. that the file read is the one hashed for the commitment.
	Check func() error
}

// errNoBlobStore is returned by SubmitStream when the store cannot take a stream.
var errNoBlobStore = errors.New("submit: this record store cannot take a streamed ciphertext")

// SubmitStream encrypts one record as it streams under a fresh data key
// from transit, straight into the store's blob folder (memory stays at a
// few chunks whatever the size), then stores the record. The data key is
// made before anything is written, and a failure before the store write
// leaves at most an unreferenced blob.
func (s *Service) SubmitStream(ctx context.Context, department, dataset string, in StreamInput) (*records.Record, error) {
	rec, err := s.SealStream(ctx, department, dataset, in)
	if err != nil {
		return nil, err
	}
	if err := s.Store(ctx, *rec); err != nil {
		return nil, err
	}
	return rec, nil
}

// SealStream encrypts one record as SubmitStream does, into the blob
// folder, without storing the record: Store does, several at once.
func (s *Service) SealStream(ctx context.Context, department, dataset string, in StreamInput) (*records.Record, error) {
	key, err := naming.TransitKey(department, dataset)
	if err != nil {
		return nil, fmt.Errorf("submit: %w", err)
	}
	bs, ok := s.store.(records.BlobStore)
	if !ok {
		return nil, errNoBlobStore
	}
	dk, err := s.vault.NewDataKey(ctx, key)
	if err != nil {
		return nil, fmt.Errorf("submit %x: %w", in.ID, err)
	}
	defer dk.Zero()
	ref, _, err := bs.WriteBlob(func(w io.Writer) error {
		_, err := envelope.SealStream(dk.Plaintext, in.ID[:], in.Plaintext, w)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("submit %x: sealing: %w", in.ID, err)
	}
	if in.Check != nil {
		if err := in.Check(); err != nil {
			return nil, fmt.Errorf("submit %x: %w", in.ID, err)
		}
	}
	return &records.Record{
		ID: in.ID, Department: department, Dataset: dataset, TransitKey: key, CiphertextRef: ref,
		WrappedKey: dk.Wrapped, KeyVersion: uint32(dk.Version), Commitment: in.Commitment,
	}, nil
}

// EncryptOne seals a record under a data key from transit/datakey/plaintext.
func EncryptOne(ctx context.Context, v *vaultclient.Client, key string, in Input) (*records.Record, error) {
	dk, err := v.NewDataKey(ctx, key)
	if err != nil {
		return nil, err
	}
	defer dk.Zero()
	ct, err := envelope.Seal(dk.Plaintext, in.ID[:], in.Plaintext)
	if err != nil {
		return nil, err
	}
	return &records.Record{
		ID: in.ID, TransitKey: key, Ciphertext: ct, CiphertextRef: records.Ref(ct),
		WrappedKey: dk.Wrapped, KeyVersion: uint32(dk.Version), Commitment: in.Commitment,
	}, nil
}

// EncryptBatch seals records under fresh local data keys (crypto/rand) that
// transit wraps batch by batch (encrypt with batch_input): the same envelope
// as EncryptOne with one Vault request per batch instead of per record.
// progress, if not nil, is told after each batch.
func EncryptBatch(ctx context.Context, v *vaultclient.Client, key string, ins []Input, batch int, progress Progress) ([]records.Record, error) {
	if batch <= 0 {
		batch = DefaultBatch
	}
	out := make([]records.Record, 0, len(ins))
	keys := make([][]byte, 0, batch)
	buf := make([]byte, 32*batch)
	defer vaultclient.Zero(buf)
	for start := 0; start < len(ins); start += batch {
		part := ins[start:min(start+batch, len(ins))]
		if _, err := rand.Read(buf); err != nil {
			return nil, fmt.Errorf("data keys: %w", err)
		}
		keys = keys[:0]
		for i := range part {
			keys = append(keys, buf[32*i:32*(i+1)])
		}
		wrapped, err := v.WrapKeys(ctx, key, keys)
		if err != nil {
			return nil, err
		}
		for i, in := range part {
			ct, err := envelope.Seal(keys[i], in.ID[:], in.Plaintext)
			if err != nil {
				return nil, err
			}
			ver, err := vaultclient.WrappedVersion(wrapped[i])
			if err != nil {
				return nil, err
			}
			out = append(out, records.Record{
				ID: in.ID, TransitKey: key, Ciphertext: ct, CiphertextRef: records.Ref(ct),
				WrappedKey: wrapped[i], KeyVersion: uint32(ver), Commitment: in.Commitment,
			})
		}
		vaultclient.Zero(buf)
		if progress != nil {
			progress(len(out), len(ins))
		}
	}
	return out, nil
}

// Stored returns the stored record id (records.ErrNotFound if none),
// without decrypting it.
func (s *Service) Stored(ctx context.Context, id [32]byte) (*records.Record, error) {
	rec, err := s.store.Get(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("record %x: %w", id, err)
	}
	return &rec, nil
}

// Open decrypts one record: needs decrypt rights on its transit key (the
// owning department or a grant).
func (s *Service) Open(ctx context.Context, id [32]byte) ([]byte, error) {
	rec, err := s.store.Get(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("open %x: %w", id, err)
	}
	if rec.Shredded {
		return nil, fmt.Errorf("open %x: %w: key %s was destroyed", id, records.ErrShredded, rec.TransitKey)
	}
	if records.Ref(rec.Ciphertext) != rec.CiphertextRef {
		return nil, fmt.Errorf("open %x: %w", id, errRefMismatch)
	}
	dek, err := s.vault.UnwrapKey(ctx, rec.TransitKey, rec.WrappedKey)
	if err != nil {
		return nil, fmt.Errorf("open %x: %w", id, err)
	}
	defer vaultclient.Zero(dek)
	pt, err := envelope.Open(dek, id[:], rec.Ciphertext)
	if err != nil {
		return nil, fmt.Errorf("open %x: %w", id, err)
	}
	return pt, nil
}

// Progress reports how many of total records are done.
type Progress func(done, total int)

// RewrapResult is what a rewrap did.
type RewrapResult struct {
	Rewrapped     int // records rewrapped by this call
	LatestVersion int // the key version every live record is now under
	// MinDecryptionVersion is the key's oldest version that still decrypts
	// after the call; versions below it are retired.
	MinDecryptionVersion int
	// Retired is how many versions this call retired (0: none were left).
	Retired int
}

// errStragglers is returned when records under an old key version remain
// after a rewrap (submitted while it ran): the old versions stay usable.
var errStragglers = errors.New("records still under an older key version")

// Rewrap rewraps every record under key whose data key is older than the
// key's latest version, in batches (transit rewrap with batch_input), and
// stores each batch's new wrapped keys and versions. Once every live record
// is under the latest version, it retires the older versions
// (min_decryption_version): wrapped keys left in the chain's history no
// longer decrypt. An interrupted run leaves every record readable and
// nothing retired; running it again finishes the rest.
func (s *Service) Rewrap(ctx context.Context, key string, progress Progress) (*RewrapResult, error) {
	info, err := s.vault.Key(ctx, key)
	if err != nil {
		return nil, fmt.Errorf("rewrap %s: %w", key, err)
	}
	res := &RewrapResult{LatestVersion: info.LatestVersion, MinDecryptionVersion: info.MinDecryptionVersion}
	all, err := s.store.ListByKey(ctx, key)
	if err != nil {
		return res, fmt.Errorf("rewrap %s: listing records: %w", key, err)
	}
	var todo []records.Record
	for _, r := range all {
		if !r.Shredded && int(r.KeyVersion) < info.LatestVersion {
			todo = append(todo, r)
		}
	}
	for start := 0; start < len(todo); start += s.batch {
		part := todo[start:min(start+s.batch, len(todo))]
		wrapped := make([]string, len(part))
		for i, r := range part {
			wrapped[i] = r.WrappedKey
		}
		nw, err := s.vault.Rewrap(ctx, key, wrapped)
		if err != nil {
			return res, fmt.Errorf("rewrap %s: %d of %d done: %w", key, res.Rewrapped, len(todo), err)
		}
		ups := make([]records.KeyUpdate, len(part))
		for i, r := range part {
			v, err := vaultclient.WrappedVersion(nw[i])
			if err != nil {
				return res, fmt.Errorf("rewrap %s: %w", key, err)
			}
			ups[i] = records.KeyUpdate{ID: r.ID, WrappedKey: nw[i], KeyVersion: uint32(v)}
		}
		if err := s.store.UpdateKeys(ctx, ups); err != nil {
			return res, fmt.Errorf("rewrap %s: %d of %d done: storing: %w", key, res.Rewrapped, len(todo), err)
		}
		res.Rewrapped += len(part)
		if progress != nil {
			progress(res.Rewrapped, len(todo))
		}
	}
	s.log.Info("records rewrapped", "key", key, "count", res.Rewrapped, "key_version", info.LatestVersion)
	if info.MinDecryptionVersion >= info.LatestVersion {
		return res, nil
	}
	// Retire only what no live record needs: look again, since a record
	// submitted while the rewrap ran may carry an older version.
	if len(todo) > 0 {
		if all, err = s.store.ListByKey(ctx, key); err != nil {
			return res, fmt.Errorf("rewrap %s: listing records before retiring old versions: %w", key, err)
		}
	}
	left := 0
	for _, r := range all {
		if !r.Shredded && int(r.KeyVersion) < info.LatestVersion {
			left++
		}
	}
	if left > 0 {
		return res, fmt.Errorf("rewrap %s: %w: %d records below v%d; versions older than v%d stay usable: run the rewrap again",
			key, errStragglers, left, info.LatestVersion, info.LatestVersion)
	}
	if err := s.vault.RetireOldVersions(ctx, key, info.LatestVersion); err != nil {
		return res, fmt.Errorf("rewrap %s: every record is rewrapped, but retiring versions below v%d failed (run the rewrap again): %w",
			key, info.LatestVersion, err)
	}
	res.Retired = info.LatestVersion - info.MinDecryptionVersion
	res.MinDecryptionVersion = info.LatestVersion
	s.log.Info("old key versions retired", "key", key, "min_decryption_version", info.LatestVersion)
	return res, nil
}

// RewrapConditional is Rewrap for the dataset's conditional envelopes:
// under its conditional key (naming.ConditionalMount), listed by their
// store key naming.ConditionalStoreKey(key). A rotation of the conditional
// key is followed by it as a rotation of the dataset's key is by Rewrap.
func (s *Service) RewrapConditional(ctx context.Context, key string, progress Progress) (*RewrapResult, error) {
	if _, _, err := naming.SplitTransitKey(key); err != nil {
		return nil, fmt.Errorf("rewrap: %w", err)
	}
	c := *s
	c.vault, c.store = s.vault.Conditional(), conditionalStore{s.store}
	res, err := c.Rewrap(ctx, key, progress)
	if err != nil {
		return res, fmt.Errorf("conditional envelopes: %w", err)
	}
	return res, nil
}

// conditionalStore lists a dataset's conditional envelopes by the dataset's key.
type conditionalStore struct{ records.Store }

func (c conditionalStore) ListByKey(ctx context.Context, key string) ([]records.Record, error) {
	return c.Store.ListByKey(ctx, naming.ConditionalStoreKey(key))
}

// ShredResult is a shred's receipt, and whether an earlier shred already
// destroyed the key (then the receipt is that shred's, already on chain).
type ShredResult struct {
	records.ShredReceipt
	AlreadyShredded bool
}

// Shred destroys a dataset's transit key and records the shred receipt in
// the store. The receipt is first written once to Vault as the key's shred
// mark, so the dataset stays shredded (set-up does not re-create the key, no
// grant is issued) and a repeated or interrupted shred finishes with the same
// receipt instead of making a new one.
func (s *Service) Shred(ctx context.Context, key string) (*ShredResult, error) {
	if _, _, err := naming.SplitTransitKey(key); err != nil {
		return nil, fmt.Errorf("shred: %w", err)
	}
	recs, err := s.store.ListByKey(ctx, key)
	if err != nil {
		return nil, fmt.Errorf("shred %s: listing records: %w", key, err)
	}
	mark, wrote, err := s.vault.PutShredMark(ctx, vaultclient.ShredMark{Key: key, Records: len(recs), At: time.Now().UTC()})
	if err != nil {
		return nil, fmt.Errorf("shred %s: writing the shred mark (nothing destroyed yet): %w", key, err)
	}
	// the conditional key first: a shred cut short after it still has the
	// dataset's key to finish with, and a re-made conditional key opens nothing old
	if err := s.vault.Conditional().DeleteKey(ctx, key); err != nil && !errors.Is(err, vaultclient.ErrNotFound) {
		return nil, fmt.Errorf("shred %s: shred mark written, conditional key not destroyed (retry): %w", key, err)
	}
	if err := s.vault.DeleteKey(ctx, key); err != nil && !errors.Is(err, vaultclient.ErrNotFound) {
		return nil, fmt.Errorf("shred %s: shred mark written, key not destroyed (retry): %w", key, err)
	}
	rc := records.ShredReceipt{TransitKey: key, Records: mark.Records, At: mark.At}
	if err := s.store.MarkShredded(ctx, rc); err != nil {
		return nil, fmt.Errorf("shred %s: key destroyed, receipt not stored (retry): %w", key, err)
	}
	// the records' conditional envelopes (level <= 1 columns) are marked too
	ckey := naming.ConditionalStoreKey(key)
	crecs, err := s.store.ListByKey(ctx, ckey)
	if err != nil {
		return nil, fmt.Errorf("shred %s: key destroyed, conditional envelopes not listed (retry): %w", key, err)
	}
	if len(crecs) > 0 {
		if err := s.store.MarkShredded(ctx, records.ShredReceipt{TransitKey: ckey, Records: len(crecs), At: mark.At}); err != nil {
			return nil, fmt.Errorf("shred %s: key destroyed, conditional envelopes not marked (retry): %w", key, err)
		}
	}
	s.log.Info("dataset shredded", "key", key, "records", mark.Records, "already", !wrote)
	return &ShredResult{ShredReceipt: rc, AlreadyShredded: !wrote}, nil
}
