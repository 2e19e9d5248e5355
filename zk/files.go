package zk

import (
	"errors"
	"fmt"
	"os"

	"github.com/sovereign-gov/sovereign/record"
)

// ProveRequest names the files of a proof: the keys directory, the table,
// its column → category file, the policy, and the department's salt file;
// and the record the proof is bound to: department, dataset and version,
// with the content hash of the table's released view (its CSV, written to
// ViewOut if set).
type ProveRequest struct {
	Department string // lower-case department name, e.g. "health"
	Dataset    string // dataset name within the department
	Version    uint64 // non-zero
	ViewOut    string // where to write the released view (optional)

	KeysDir   string
	Table     string // .csv or .json
	Columns   string // column → category (JSON)
	Policy    string // policy file (JSON)
	SaltFile  string // the record's salt (must exist unless NewSalt)
	NewSalt   bool   // draw a fresh salt into SaltFile, which must not exist
	Threshold record.Level
}

// ProveFiles proves a table from files, as `sovereign zk prove` does.
func ProveFiles(req ProveRequest) (*Proof, error) {
	policy, names, err := record.LoadPolicy(req.Policy)
	if err != nil {
		return nil, err
	}
	t, err := record.LoadTable(req.Table)
	if err != nil {
		return nil, err
	}
	cats, err := record.LoadColumnCategories(req.Columns, names)
	if err != nil {
		return nil, err
	}
	rec, err := record.NewRecord(t, cats)
	if err != nil {
		return nil, fmt.Errorf("table %s: %w", req.Table, err)
	}
	salt, err := record.OpenSalt(req.SaltFile, req.NewSalt)
	if err != nil {
		return nil, err
	}
	st, err := record.NewStatement(rec, policy, req.Threshold, salt)
	if err != nil {
		return nil, fmt.Errorf("table %s: %w", req.Table, err)
	}
	if req.Department == "" || req.Dataset == "" || req.Version == 0 {
		return nil, errors.New("the record's department, dataset and version (non-zero) are needed to bind the proof to it")
	}
	binding, view, err := record.ViewBinding(req.Department, req.Dataset, req.Version, t, st)
	if err != nil {
		return nil, fmt.Errorf("table %s: released view: %w", req.Table, err)
	}
	st.Bind(binding)
	keys, err := LoadKeys(req.KeysDir, st.Size)
	if err != nil {
		return nil, fmt.Errorf("table %s (%d columns) needs the %d-column circuit: %w", req.Table, len(rec.Names), st.Size, err)
	}
	p, err := Prove(keys, st, rec.Names)
	if err != nil {
		return nil, err
	}
	if req.ViewOut != "" {
		if err := os.WriteFile(req.ViewOut, view, 0o644); err != nil {
			return nil, fmt.Errorf("write released view: %w", err)
		}
	}
	return p, nil
}
