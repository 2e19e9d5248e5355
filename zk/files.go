package zk

import (
	"fmt"

	"github.com/sovereign-gov/sovereign/record"
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
	keys, err := LoadKeys(req.KeysDir, st.Size)
	if err != nil {
		return nil, fmt.Errorf("table %s (%d columns) needs the %d-column circuit: %w", req.Table, len(rec.Names), st.Size, err)
	}
	return Prove(keys, st, rec.Names)
}
