// Package contentstore keeps the released content of records (the open
// columns of a release, as CSV) under its sha256, and serves it over HTTP.
// The chain holds the hash, so a reader can fetch from any mirror: Get checks
// the bytes against the name before returning them, and a server refuses a
// PUT whose body does not hash to its name.
package contentstore

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// MaxSize is the largest content a store accepts by default (256 MiB).
const MaxSize = 256 << 20

var (
	// ErrNotFound is returned for content the store does not hold.
	ErrNotFound = errors.New("contentstore: no content with that hash")
	// ErrBadName is returned for a name that is not 64 lower-case hex digits.
	ErrBadName = errors.New("contentstore: a content name is the sha256 of the content, 64 lower-case hex digits")
	// ErrHashMismatch is returned when bytes do not hash to the name given for them.
	ErrHashMismatch = errors.New("contentstore: content does not hash to its name")
	// ErrTooLarge is returned for content over the store's size limit.
	ErrTooLarge = errors.New("contentstore: content too large")
)

// Name is the content's name: the hex sha256 of its bytes.
func Name(content []byte) string {
	h := sha256.Sum256(content)
	return hex.EncodeToString(h[:])
}

// CheckName reports whether name can be a content name.
func CheckName(name string) error {
	if len(name) != 2*sha256.Size {
		return fmt.Errorf("%w: %q", ErrBadName, name)
	}
	for _, c := range name {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return fmt.Errorf("%w: %q", ErrBadName, name)
		}
	}
	return nil
}

// Store is a folder of content files named by their sha256.
type Store struct {
	dir     string
	maxSize int64
}

// Open opens (creating if needed) the store in dir.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("contentstore: %w", err)
	}
	return &Store{dir: dir, maxSize: MaxSize}, nil
}

// Dir is the store's folder.
func (s *Store) Dir() string { return s.dir }

// Put stores what r yields, if it hashes to want ("" accepts any content),
// and returns its name. The file is synced and renamed into place, then the
// folder is synced: once Put returns, the content survives a crash.
func (s *Store) Put(r io.Reader, want string) (string, error) {
	if want != "" {
		if err := CheckName(want); err != nil {
			return "", err
		}
	}
	tmp, err := os.CreateTemp(s.dir, ".put-*")
	if err != nil {
		return "", fmt.Errorf("contentstore: %w", err)
	}
	defer os.Remove(tmp.Name()) // after a successful rename this is a no-op
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(tmp, h), io.LimitReader(r, s.maxSize+1))
	if err != nil {
		tmp.Close()
		return "", fmt.Errorf("contentstore: writing content: %w", err)
	}
	if n > s.maxSize {
		tmp.Close()
		return "", fmt.Errorf("%w: over %d bytes", ErrTooLarge, s.maxSize)
	}
	name := hex.EncodeToString(h.Sum(nil))
	if want != "" && name != want {
		tmp.Close()
		return "", fmt.Errorf("%w: named %s, hashes to %s", ErrHashMismatch, want, name)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return "", fmt.Errorf("contentstore: syncing content: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return "", fmt.Errorf("contentstore: %w", err)
	}
	if err := os.Rename(tmp.Name(), filepath.Join(s.dir, name)); err != nil {
		return "", fmt.Errorf("contentstore: %w", err)
	}
	if err := syncDir(s.dir); err != nil {
		return "", err
	}
	return name, nil
}

// Open returns the content called name and its size.
func (s *Store) Open(name string) (*os.File, int64, error) {
	if err := CheckName(name); err != nil {
		return nil, 0, err
	}
	f, err := os.Open(filepath.Join(s.dir, name))
	if errors.Is(err, os.ErrNotExist) {
		return nil, 0, fmt.Errorf("%w: %s", ErrNotFound, name)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("contentstore: %w", err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, fmt.Errorf("contentstore: %w", err)
	}
	return f, st.Size(), nil
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("contentstore: %w", err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("contentstore: syncing %s: %w", dir, err)
	}
	return nil
}
