// Package records defines how the private chain keeps encrypted sensitive
// records: what is stored per record and the Store interface the Vault code
// writes through. The chain-backed Store (SensitiveStore contract) implements
// it; recordstest has a file-backed one for unit tests.
package records

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// Record is one encrypted record as stored on the private chain. Nothing in
// it is secret: the data key is wrapped by Vault transit.
type Record struct {
	ID         [32]byte
	Department string
	Dataset    string
	TransitKey string // <department>.<dataset>
	// Ciphertext is the sealed envelope; CiphertextRef its SHA-256, what the
	// chain indexes and what readers check the ciphertext against. A nil
	// Ciphertext in Put means the blob was written with BlobStore.WriteBlob.
	Ciphertext    []byte
	CiphertextRef [32]byte
	WrappedKey    string // vault:v<N>:…
	KeyVersion    uint32
	Commitment    [32]byte
	Shredded      bool
}

// Ref computes a ciphertext reference.
func Ref(ciphertext []byte) [32]byte { return sha256.Sum256(ciphertext) }

// KeyUpdate is a record's data key rewrapped under a newer transit key version.
type KeyUpdate struct {
	ID         [32]byte
	WrappedKey string
	KeyVersion uint32
}

// ShredReceipt records that a dataset's transit key was destroyed.
type ShredReceipt struct {
	TransitKey string
	Records    int
	At         time.Time
}

// Store keeps records. Every method is atomic: a failed call leaves the
// store as it was. A store on a chain may bound that to a batch that fits
// one transaction (chainstore.MaxBatch records) and send a bigger batch in
// parts, each all or none; every method skips what is already done, so
// running a failed call again finishes it.
type Store interface {
	// Put stores new records, all or none; an existing ID is an error.
	Put(ctx context.Context, recs ...Record) error
	// Get returns one record.
	Get(ctx context.Context, id [32]byte) (Record, error)
	// ListByKey returns every record under a transit key.
	ListByKey(ctx context.Context, transitKey string) ([]Record, error)
	// UpdateKeys replaces wrapped keys and versions, all or none.
	UpdateKeys(ctx context.Context, updates []KeyUpdate) error
	// MarkShredded marks every record under the key shredded and keeps the receipt.
	MarkShredded(ctx context.Context, receipt ShredReceipt) error
}

// BlobStore is a Store that also takes a ciphertext as a stream: write puts
// it into the store's blob folder while it is hashed, so a big record never
// sits in memory. A Record put afterwards with a nil Ciphertext and the
// returned reference points at that blob.
type BlobStore interface {
	Store
	WriteBlob(write func(w io.Writer) error) (ref [32]byte, size int64, err error)
}

var (
	// ErrNotFound is returned for an unknown record ID.
	ErrNotFound = errors.New("record not found")
	// ErrExists is returned when putting a record whose ID is taken.
	ErrExists = errors.New("record already exists")
	// ErrShredded is returned when reading or updating a shredded record's key.
	ErrShredded = errors.New("record shredded")
)

// WriteBlobFile writes a blob into dir as <sha256 hex>, hashing while it is
// written (to a temporary file renamed into place): the helper behind
// BlobStore.WriteBlob.
func WriteBlobFile(dir string, write func(w io.Writer) error) (ref [32]byte, size int64, err error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return ref, 0, fmt.Errorf("blob folder: %w", err)
	}
	f, err := os.CreateTemp(dir, "blob-*.tmp")
	if err != nil {
		return ref, 0, fmt.Errorf("writing blob: %w", err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	h := sha256.New()
	cw := &countWriter{w: io.MultiWriter(f, h)}
	bw := bufio.NewWriterSize(cw, 256<<10)
	if err = write(bw); err != nil {
		return ref, 0, err
	}
	if err = bw.Flush(); err != nil {
		return ref, 0, fmt.Errorf("writing blob: %w", err)
	}
	// On disk before its record can go on chain (README, "Crash safety");
	// chainstore's Put syncs the folder entry.
	if err = f.Sync(); err != nil {
		return ref, 0, fmt.Errorf("writing blob: %w", err)
	}
	if err = f.Close(); err != nil {
		return ref, 0, fmt.Errorf("writing blob: %w", err)
	}
	copy(ref[:], h.Sum(nil))
	if err = os.Rename(f.Name(), filepath.Join(dir, hex.EncodeToString(ref[:]))); err != nil {
		return ref, 0, fmt.Errorf("writing blob: %w", err)
	}
	return ref, cw.n, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
