package qbft

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/rlp"
)

var (
	// errConflictingSignature is returned when signing would contradict what
	// this validator already signed at the same height, round and step.
	errConflictingSignature = errors.New("refusing to sign a second value at one height and round")
	// errBelowRound is returned when signing a vote in a round below one
	// this validator already entered at that height.
	errBelowRound = errors.New("refusing to sign below a round already entered")
)

// WAL records what this validator signed before the message leaves the
// process, the highest round it entered, and the value it is prepared on, so
// that a restart neither signs a second block at one height and round, nor
// comes back in a round it has left, nor forgets its lock.
type WAL interface {
	// Sign records (height, round, code, digest), or fails if a different
	// digest was already recorded for (height, round, code), or if a
	// PROPOSAL, PREPARE or COMMIT is for a round below Round(height).
	Sign(height, round, code uint64, digest common.Hash) error
	// EnterRound records that this validator entered round at height; a
	// round at or below the recorded one is a no-op.
	EnterRound(height, round uint64) error
	// Round is the highest round entered or signed in at height (0 if none).
	Round(height uint64) uint64
	// SavePrepared records the prepared state of a height.
	SavePrepared(p Prepared) error
	// Prepared returns the prepared state recorded for height, if any.
	Prepared(height uint64) (Prepared, bool)
	// Prune drops records below height.
	Prune(height uint64) error
	Close() error
}

// Prepared is the lock of a validator at one height: the highest round in
// which it saw a quorum of PREPAREs, the value, and those PREPAREs.
type Prepared struct {
	Height uint64
	Round  uint64
	Digest common.Hash
	Value  []byte
	Cert   [][]byte
}

type walKey struct{ height, round, code uint64 }

// Record kinds of the WAL file.
const (
	walSigned   uint8 = 0 // a signature (height, round, code, digest)
	walPrepared uint8 = 1 // the prepared lock of a height
	walRound    uint8 = 2 // a round entered (height, round)
)

// walRecord is one record of the file; Kind says which fields are used.
type walRecord struct {
	Kind     uint8
	Height   uint64
	Round    uint64
	Code     uint64
	Digest   common.Hash
	Value    []byte
	Prepared [][]byte
}

// FileWAL is a WAL in an append-only file of RLP records, fsynced after
// every write.
type FileWAL struct {
	mu       sync.Mutex
	path     string
	f        *os.File
	signed   map[walKey]common.Hash
	prepared map[uint64]Prepared
	rounds   map[uint64]uint64 // highest round entered or signed, per height
}

// OpenFileWAL opens (or creates) the WAL at path and replays it.
func OpenFileWAL(path string) (*FileWAL, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("wal dir: %w", err)
	}
	w := &FileWAL{path: path, signed: map[walKey]common.Hash{}, prepared: map[uint64]Prepared{}, rounds: map[uint64]uint64{}}
	if err := w.replay(); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, fmt.Errorf("opening wal: %w", err)
	}
	w.f = f
	return w, nil
}

func (w *FileWAL) replay() error {
	f, err := os.Open(w.path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("opening wal: %w", err)
	}
	defer f.Close()
	s := rlp.NewStream(bufio.NewReader(f), 0)
	for {
		var r walRecord
		err := s.Decode(&r)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			// A torn last record (crash mid-write) ends the replay; it was
			// never fsynced, so its message was never sent.
			return nil
		}
		w.apply(r)
	}
}

func (w *FileWAL) apply(r walRecord) {
	switch r.Kind {
	case walSigned:
		w.signed[walKey{r.Height, r.Round, r.Code}] = r.Digest
	case walPrepared:
		// Never lower the lock: a later record for a lower round (there
		// should be none) does not replace a higher one.
		if p, ok := w.prepared[r.Height]; ok && p.Round > r.Round {
			return
		}
		w.prepared[r.Height] = Prepared{Height: r.Height, Round: r.Round, Digest: r.Digest, Value: r.Value, Cert: r.Prepared}
	}
	if r.Kind <= walRound && r.Round > w.rounds[r.Height] {
		w.rounds[r.Height] = r.Round
	}
}

func (w *FileWAL) write(r walRecord) error {
	enc, err := rlp.EncodeToBytes(&r)
	if err != nil {
		return fmt.Errorf("encoding wal record: %w", err)
	}
	if _, err := w.f.Write(enc); err != nil {
		return fmt.Errorf("writing wal: %w", err)
	}
	if err := w.f.Sync(); err != nil {
		return fmt.Errorf("syncing wal: %w", err)
	}
	w.apply(r)
	return nil
}

// Sign implements WAL.
func (w *FileWAL) Sign(height, round, code uint64, digest common.Hash) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if prev, ok := w.signed[walKey{height, round, code}]; ok {
		if prev != digest {
			return fmt.Errorf("%w: %s at height %d round %d already signed for %s", errConflictingSignature, CodeName(code), height, round, prev)
		}
		return nil
	}
	if code != CodeRoundChange && round < w.rounds[height] {
		return fmt.Errorf("%w: %s at height %d round %d, round %d entered", errBelowRound, CodeName(code), height, round, w.rounds[height])
	}
	return w.write(walRecord{Kind: walSigned, Height: height, Round: round, Code: code, Digest: digest})
}

// EnterRound implements WAL. Round 0 needs no record: it is where every
// height starts.
func (w *FileWAL) EnterRound(height, round uint64) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if round <= w.rounds[height] {
		return nil
	}
	return w.write(walRecord{Kind: walRound, Height: height, Round: round})
}

// Round implements WAL.
func (w *FileWAL) Round(height uint64) uint64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.rounds[height]
}

// SavePrepared implements WAL.
func (w *FileWAL) SavePrepared(p Prepared) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if cur, ok := w.prepared[p.Height]; ok && cur.Round > p.Round {
		return fmt.Errorf("%w: prepared round %d at height %d, lock is round %d", errBelowRound, p.Round, p.Height, cur.Round)
	}
	return w.write(walRecord{Kind: walPrepared, Height: p.Height, Round: p.Round, Digest: p.Digest, Value: p.Value, Prepared: p.Cert})
}

// Prepared implements WAL.
func (w *FileWAL) Prepared(height uint64) (Prepared, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	p, ok := w.prepared[height]
	return p, ok
}

// Prune implements WAL: it rewrites the file with the records at or above
// height, through a temporary file and an atomic rename.
func (w *FileWAL) Prune(height uint64) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	tmp := w.path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("pruning wal: %w", err)
	}
	bw := bufio.NewWriter(f)
	for k, d := range w.signed {
		if k.height < height {
			delete(w.signed, k)
			continue
		}
		if err := rlp.Encode(bw, &walRecord{Kind: walSigned, Height: k.height, Round: k.round, Code: k.code, Digest: d}); err != nil {
			f.Close()
			return fmt.Errorf("pruning wal: %w", err)
		}
	}
	for h, p := range w.prepared {
		if h < height {
			delete(w.prepared, h)
			continue
		}
		if err := rlp.Encode(bw, &walRecord{Kind: walPrepared, Height: p.Height, Round: p.Round, Digest: p.Digest, Value: p.Value, Prepared: p.Cert}); err != nil {
			f.Close()
			return fmt.Errorf("pruning wal: %w", err)
		}
	}
	for h, r := range w.rounds {
		if h < height {
			delete(w.rounds, h)
			continue
		}
		if err := rlp.Encode(bw, &walRecord{Kind: walRound, Height: h, Round: r}); err != nil {
			f.Close()
			return fmt.Errorf("pruning wal: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("pruning wal: %w", err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("pruning wal: %w", err)
	}
	f.Close()
	if err := os.Rename(tmp, w.path); err != nil {
		return fmt.Errorf("pruning wal: %w", err)
	}
	// The rename is durable only once the folder is synced: a crash before
	// that could bring back the old file, or (on some file systems) none.
	if err := syncDir(filepath.Dir(w.path)); err != nil {
		return fmt.Errorf("pruning wal: %w", err)
	}
	w.f.Close()
	if w.f, err = os.OpenFile(w.path, os.O_APPEND|os.O_WRONLY, 0o600); err != nil {
		return fmt.Errorf("reopening wal: %w", err)
	}
	return nil
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("opening folder %s: %w", dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("syncing folder %s: %w", dir, err)
	}
	return nil
}

// Close closes the file.
func (w *FileWAL) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.f.Close()
}
