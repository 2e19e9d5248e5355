package zk

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
)

// ProveRequest names the files of a proof: the keys directory, the table,
// its column → category file, the policy, and the department's salt file.
type ProveRequest struct {
	KeysDir   string
	Table     string // .csv or .json
	Columns   string // column → category (JSON)
	Policy    string // policy file (JSON)
	SaltFile  string // the record's salt (must exist unless NewSalt)
	NewSalt   bool   // draw a fresh salt into SaltFile, which must not exist
	Threshold Level
}

// ProveFiles proves a table from files, as `sovereign zk prove` does.
func ProveFiles(req ProveRequest) (*Proof, error) {
	policy, names, err := LoadPolicy(req.Policy)
	if err != nil {
		return nil, err
	}
	t, err := LoadTable(req.Table)
	if err != nil {
		return nil, err
	}
	cats, err := LoadColumnCategories(req.Columns, names)
	if err != nil {
		return nil, err
	}
	rec, err := NewRecord(t, cats)
	if err != nil {
		return nil, fmt.Errorf("table %s: %w", req.Table, err)
	}
	salt, err := OpenSalt(req.SaltFile, req.NewSalt)
	if err != nil {
		return nil, err
	}
	st, err := NewStatement(rec, policy, req.Threshold, salt)
	if err != nil {
		return nil, fmt.Errorf("table %s: %w", req.Table, err)
	}
	keys, err := LoadKeys(req.KeysDir, st.Size)
	if err != nil {
		return nil, fmt.Errorf("table %s (%d columns) needs the %d-column circuit: %w", req.Table, len(rec.Names), st.Size, err)
	}
	return Prove(keys, st, rec.Names)
}

var (
	// errNoSaltFile is returned without a salt file path.
	errNoSaltFile = errors.New("a salt file is needed: the commitment is made once, with one salt")
	// errZeroSalt is returned for an all-zero salt, which hides nothing.
	errZeroSalt = errors.New("the salt is zero: a zero salt lets anyone test guesses of the table against the commitment")
)

// OpenSalt reads the record's salt from path or, with create, draws a fresh
// one and writes it there (mode 0600, refusing to overwrite: with the table,
// the salt opens the commitment). Without create the file must exist — a
// mistyped path must not silently start a new commitment — and no folder is
// ever created.
func OpenSalt(path string, create bool) (fr.Element, error) {
	if path == "" {
		return fr.Element{}, errNoSaltFile
	}
	if create {
		return createSalt(path)
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return fr.Element{}, fmt.Errorf("salt file %s does not exist: for a new record pass --new-salt to draw one (keep it: it opens the commitment)", path)
	}
	if err != nil {
		return fr.Element{}, fmt.Errorf("read salt: %w", err)
	}
	s, err := ParseSalt(string(b))
	if err != nil {
		return s, fmt.Errorf("salt file %s: %w", path, err)
	}
	if s.IsZero() {
		return s, fmt.Errorf("salt file %s: %w", path, errZeroSalt)
	}
	return s, nil
}

func createSalt(path string) (fr.Element, error) {
	if dir := filepath.Dir(path); dir != "" {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return fr.Element{}, fmt.Errorf("salt file %s: folder %s does not exist", path, dir)
		}
	}
	s, err := NewSalt()
	if err != nil {
		return s, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return fr.Element{}, fmt.Errorf("salt file %s exists already: --new-salt never overwrites a salt (it opens an earlier commitment)", path)
	}
	if err != nil {
		return fr.Element{}, fmt.Errorf("create salt file: %w", err)
	}
	if _, err := f.WriteString(FormatSalt(s) + "\n"); err != nil {
		f.Close()
		return fr.Element{}, fmt.Errorf("write salt: %w", err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fr.Element{}, fmt.Errorf("write salt: %w", err)
	}
	if err := f.Close(); err != nil {
		return fr.Element{}, fmt.Errorf("write salt: %w", err)
	}
	return s, nil
}

// CheckReleasedTable checks a released table against a proof: every column
// the proof releases is in the table with the same hash, and no column the
// proof withholds is.
func CheckReleasedTable(p *Proof, t *Table) error {
	idx := make(map[string]int, len(t.Columns))
	for i, c := range t.Columns {
		idx[c] = i
	}
	for j, name := range p.Columns {
		i, present := idx[name]
		if p.Released[j].IsZero() {
			if present {
				return fmt.Errorf("column %q is withheld by the proof but present in the released table", name)
			}
			continue
		}
		if !present {
			return fmt.Errorf("column %q is released by the proof but missing from the table", name)
		}
		if h := ColumnHash(name, t.Cells(i)); !h.Equal(&p.Released[j]) {
			return fmt.Errorf("column %q: content does not match the released column hash", name)
		}
		delete(idx, name)
	}
	for name := range idx {
		return fmt.Errorf("column %q of the table is not in the proof", name)
	}
	return nil
}
