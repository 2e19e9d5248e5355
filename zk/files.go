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
	SaltFile  string // read if it exists, else created with a fresh salt (0600)
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
	salt, err := LoadOrCreateSalt(req.SaltFile)
	if err != nil {
		return nil, err
	}
	st, err := NewStatement(rec, policy, req.Threshold, salt)
	if err != nil {
		return nil, fmt.Errorf("table %s: %w", req.Table, err)
	}
	keys, err := LoadKeys(req.KeysDir, st.Size)
	if err != nil {
		return nil, err
	}
	return Prove(keys, st, rec.Names)
}

// LoadOrCreateSalt reads the salt in path, or draws one and writes it there
// (mode 0600: with the table, the salt opens the commitment).
func LoadOrCreateSalt(path string) (fr.Element, error) {
	if path == "" {
		return fr.Element{}, errors.New("a salt file is needed: the commitment is made once, with one salt")
	}
	b, err := os.ReadFile(path)
	if err == nil {
		s, err := ParseSalt(string(b))
		if err != nil {
			return s, fmt.Errorf("salt file %s: %w", path, err)
		}
		return s, nil
	}
	if !errors.Is(err, os.ErrNotExist) {
		return fr.Element{}, fmt.Errorf("read salt: %w", err)
	}
	s, err := NewSalt()
	if err != nil {
		return s, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return s, fmt.Errorf("create salt dir: %w", err)
	}
	if err := os.WriteFile(path, []byte(FormatSalt(s)+"\n"), 0o600); err != nil {
		return s, fmt.Errorf("write salt: %w", err)
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
