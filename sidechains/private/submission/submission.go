// Package submission is a department's submission of a sensitive table: the
// table file is encrypted under the dataset's Vault key and stored on the
// private chain with the record's commitment (Poseidon2 over the column
// hashes, categories and a salt, computed by the zk package exactly as the
// classification circuit checks it).
package submission

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
	"github.com/sovereign-gov/sovereign/sidechains/private/records"
	"github.com/sovereign-gov/sovereign/sidechains/private/sensitive"
	"github.com/sovereign-gov/sovereign/zk"
)

// Request names a submission and its files.
type Request struct {
	Department string
	Dataset    string
	Version    string
	Table      string // .csv or .json table
	Columns    string // column → category (JSON)
	Policy     string // the published policy (JSON)
	SaltFile   string // the record's salt (zk.OpenSalt): it opens the commitment
	NewSalt    bool   // draw a fresh salt into SaltFile (which must not exist)
}

// Result is what was stored.
type Result struct {
	Record     *records.Record
	Commitment [32]byte
	Level      zk.Level
	Columns    int
	Rows       int
}

var (
	// errNoVersion is returned for a submission without a version.
	errNoVersion = errors.New("submission: a version is required")
	// errNoFiles is returned when a table, column or policy file is missing from the request.
	errNoFiles = errors.New("submission: the table, column categories and policy files are required")
)

// RecordID is the record ID of a dataset version.
func RecordID(department, dataset, version string) [32]byte {
	return sha256.Sum256([]byte("sovereign.record.v1\x00" + department + "\x00" + dataset + "\x00" + version))
}

// Submit validates the files, computes the commitment and stores the
// encrypted table through svc (a department's service).
func Submit(ctx context.Context, svc *sensitive.Service, req Request) (*Result, error) {
	if _, err := naming.TransitKey(req.Department, req.Dataset); err != nil {
		return nil, fmt.Errorf("submission: %w", err)
	}
	if strings.TrimSpace(req.Version) == "" {
		return nil, errNoVersion
	}
	if req.Table == "" || req.Columns == "" || req.Policy == "" {
		return nil, errNoFiles
	}
	policy, names, err := zk.LoadPolicy(req.Policy)
	if err != nil {
		return nil, fmt.Errorf("submission: %w", err)
	}
	table, err := zk.LoadTable(req.Table)
	if err != nil {
		return nil, fmt.Errorf("submission: %w", err)
	}
	cats, err := zk.LoadColumnCategories(req.Columns, names)
	if err != nil {
		return nil, fmt.Errorf("submission: %w", err)
	}
	rec, err := zk.NewRecord(table, cats)
	if err != nil {
		return nil, fmt.Errorf("submission: table %s: %w", req.Table, err)
	}
	salt, err := zk.OpenSalt(req.SaltFile, req.NewSalt)
	if err != nil {
		return nil, fmt.Errorf("submission: %w", err)
	}
	st, err := zk.NewStatement(rec, policy, zk.LevelOpen, salt)
	if err != nil {
		return nil, fmt.Errorf("submission: table %s: %w", req.Table, err)
	}
	plaintext, err := os.ReadFile(req.Table)
	if err != nil {
		return nil, fmt.Errorf("submission: %w", err)
	}
	res := &Result{Level: st.Public.Level, Columns: len(table.Columns), Rows: len(table.Rows)}
	res.Commitment = st.Public.Commitment.Bytes()
	stored, err := svc.Submit(ctx, req.Department, req.Dataset, sensitive.Input{
		ID: RecordID(req.Department, req.Dataset, req.Version), Plaintext: plaintext, Commitment: res.Commitment,
	})
	if err != nil {
		return nil, err
	}
	res.Record = stored
	return res, nil
}
