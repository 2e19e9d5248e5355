// Package records defines how the private chain keeps encrypted sensitive
// records: what is stored per record and the Store interface the Vault code
// writes through. The chain-backed Store (SensitiveStore contract) implements
// it; recordstest has a file-backed one for unit tests.
package records

import (
	"context"
	"crypto/sha256"
	"errors"
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
	// chain indexes and what readers check the ciphertext against.
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
// store as it was.
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

var (
	// ErrNotFound is returned for an unknown record ID.
	ErrNotFound = errors.New("record not found")
	// ErrExists is returned when putting a record whose ID is taken.
	ErrExists = errors.New("record already exists")
	// ErrShredded is returned when reading or updating a shredded record's key.
	ErrShredded = errors.New("record shredded")
)
