// Package recordstest is a file-backed records.Store for unit tests of the
// Vault code, until the chain-backed store is used everywhere. It keeps the
// whole store in one JSON file rewritten atomically (temp file + rename), so
// a failed call leaves the file as it was.
package recordstest

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"github.com/sovereign-gov/sovereign/sidechains/private/records"
)

// FileStore is a records.Store in one JSON file. It keeps the last state it
// read or wrote in memory (it is the file's only writer) so reads stay cheap.
type FileStore struct {
	path  string
	mu    sync.Mutex
	cache *state
}

var _ records.Store = (*FileStore)(nil)

type state struct {
	Records  map[string]records.Record `json:"records"`
	Receipts []records.ShredReceipt    `json:"receipts"`
}

// NewFileStore opens (or creates) a store at dir/records.json.
func NewFileStore(dir string) (*FileStore, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("record store folder: %w", err)
	}
	return &FileStore{path: filepath.Join(dir, "records.json")}, nil
}

func (s *FileStore) load() (*state, error) {
	if s.cache != nil {
		return s.cache.clone(), nil
	}
	st := &state{Records: map[string]records.Record{}}
	data, err := os.ReadFile(s.path)
	if errors.Is(err, os.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", s.path, err)
	}
	if err := json.Unmarshal(data, st); err != nil {
		return nil, fmt.Errorf("parsing %s: %w", s.path, err)
	}
	s.cache = st.clone()
	return st, nil
}

// clone copies the state so a failed update leaves the cache untouched.
func (st *state) clone() *state {
	c := &state{Records: make(map[string]records.Record, len(st.Records)), Receipts: append([]records.ShredReceipt(nil), st.Receipts...)}
	for k, v := range st.Records {
		c.Records[k] = v
	}
	return c
}

func (s *FileStore) save(st *state) error {
	data, err := json.Marshal(st)
	if err != nil {
		return err
	}
	tmp := s.path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return fmt.Errorf("writing %s: %w", tmp, err)
	}
	if err := os.Rename(tmp, s.path); err != nil {
		return err
	}
	s.cache = st
	return nil
}

func (s *FileStore) update(fn func(*state) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, err := s.load()
	if err != nil {
		return err
	}
	if err := fn(st); err != nil {
		return err
	}
	return s.save(st)
}

// Put implements records.Store.
func (s *FileStore) Put(_ context.Context, recs ...records.Record) error {
	return s.update(func(st *state) error {
		for _, r := range recs {
			k := hex.EncodeToString(r.ID[:])
			if _, ok := st.Records[k]; ok {
				return fmt.Errorf("record %s: %w", k, records.ErrExists)
			}
			if r.Ciphertext == nil {
				if _, err := os.Stat(s.blobPath(r.CiphertextRef)); err != nil {
					return fmt.Errorf("record %s: no ciphertext and no blob: %w", k, err)
				}
			}
			st.Records[k] = r
		}
		return nil
	})
}

// Get implements records.Store.
func (s *FileStore) Get(_ context.Context, id [32]byte) (records.Record, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, err := s.load()
	if err != nil {
		return records.Record{}, err
	}
	r, ok := st.Records[hex.EncodeToString(id[:])]
	if !ok {
		return records.Record{}, fmt.Errorf("record %x: %w", id, records.ErrNotFound)
	}
	if r.Ciphertext == nil { // streamed with WriteBlob
		if r.Ciphertext, err = os.ReadFile(s.blobPath(r.CiphertextRef)); err != nil {
			return records.Record{}, fmt.Errorf("record %x: ciphertext blob: %w", id, err)
		}
	}
	return r, nil
}

var _ records.BlobStore = (*FileStore)(nil)

func (s *FileStore) blobPath(ref [32]byte) string {
	return filepath.Join(filepath.Dir(s.path), "blobs", hex.EncodeToString(ref[:]))
}

// WriteBlob implements records.BlobStore (blobs in <dir>/blobs).
func (s *FileStore) WriteBlob(write func(w io.Writer) error) ([32]byte, int64, error) {
	return records.WriteBlobFile(filepath.Join(filepath.Dir(s.path), "blobs"), write)
}

// ListByKey implements records.Store.
func (s *FileStore) ListByKey(_ context.Context, key string) ([]records.Record, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, err := s.load()
	if err != nil {
		return nil, err
	}
	var out []records.Record
	for _, r := range st.Records {
		if r.TransitKey == key {
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool { return hex.EncodeToString(out[i].ID[:]) < hex.EncodeToString(out[j].ID[:]) })
	return out, nil
}

// UpdateKeys implements records.Store.
func (s *FileStore) UpdateKeys(_ context.Context, ups []records.KeyUpdate) error {
	return s.update(func(st *state) error {
		for _, u := range ups {
			k := hex.EncodeToString(u.ID[:])
			r, ok := st.Records[k]
			if !ok {
				return fmt.Errorf("record %s: %w", k, records.ErrNotFound)
			}
			if r.Shredded {
				return fmt.Errorf("record %s: %w", k, records.ErrShredded)
			}
			r.WrappedKey, r.KeyVersion = u.WrappedKey, u.KeyVersion
			st.Records[k] = r
		}
		return nil
	})
}

// MarkShredded implements records.Store.
func (s *FileStore) MarkShredded(_ context.Context, rc records.ShredReceipt) error {
	return s.update(func(st *state) error {
		for k, r := range st.Records {
			if r.TransitKey == rc.TransitKey {
				r.Shredded = true
				st.Records[k] = r
			}
		}
		for _, old := range st.Receipts {
			if old.TransitKey == rc.TransitKey && old.Records == rc.Records && old.At.Equal(rc.At) {
				return nil // the same receipt again: like the chain, keep one
			}
		}
		st.Receipts = append(st.Receipts, rc)
		return nil
	})
}

// Receipts returns the shred receipts recorded so far.
func (s *FileStore) Receipts() ([]records.ShredReceipt, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, err := s.load()
	if err != nil {
		return nil, err
	}
	return st.Receipts, nil
}
