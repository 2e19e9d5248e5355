// Package submission is a department's submission of a sensitive table: the
// table file is encrypted under the dataset's Vault key and stored on the
// private chain with the record's commitment (Poseidon2 over the column
// hashes, categories and a salt, computed by the zk package exactly as the
// classification circuit checks it). What is encrypted is a sealed record
// (sealed.go): the table with the salt and column categories that open its
// commitment, so a reviewer under a Vault grant can check it.
package submission

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/sovereign-gov/sovereign/contracts/deploy"
	"github.com/sovereign-gov/sovereign/record"
	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
	"github.com/sovereign-gov/sovereign/sidechains/private/records"
	"github.com/sovereign-gov/sovereign/sidechains/private/sensitive"
)

// Request names a submission and its files.
type Request struct {
	Department string
	Dataset    string
	Version    uint64 // the version on every chain (> 0)
	// Threshold is the release threshold of the statement returned (the
	// commitment does not depend on it): open columns only by default.
	Threshold record.Level
	Table     string // .csv or .json table
	Columns   string // column → category (JSON)
	Policy    string // the published policy (JSON)
	SaltFile  string // the record's salt (record.OpenSalt): it opens the commitment
	NewSalt   bool   // draw a fresh salt into SaltFile (which must not exist)
	// Progress, if set, is told each phase's bytes done of total (a CSV
	// table is streamed: "hashing columns" reads it twice, "encrypting" once).
	Progress func(phase string, done, total int64)
}

// Result is what was stored.
type Result struct {
	Record     *records.Record
	Commitment [32]byte
	Level      record.Level
	Columns    int
	Rows       int
	// Statement is the record's statement at the request's threshold: what
	// the prover proves and the released view is cut from.
	Statement *record.Statement
	// Resumed is set when the record was already on the private chain with
	// this commitment (a submission run again after a crash): nothing new
	// was stored.
	Resumed bool
	// Conditional is the record's conditional envelope on the private chain
	// (ConditionalID; its level <= 1 columns, what an access grant opens):
	// set for a record of level >= 1 once stored. NoConditional says why a
	// record of level >= 1 has none (too big to deliver on chain).
	Conditional   *records.Record
	NoConditional string
}

var (
	// errNoVersion is returned for a submission without a version.
	errNoVersion = errors.New("submission: a version is required (a positive integer)")
	// errOtherCommitment is returned when the record id is taken by a record with another commitment.
	errOtherCommitment = errors.New("is already stored with another commitment (another table, salt or categories): submit it as a new version")
	// errNoFiles is returned when a table, column or policy file is missing from the request.
	errNoFiles = errors.New("submission: the table, column categories and policy files are required")
)

// RecordID is the record ID of a dataset version: the same id on the
// private chain, the ReviewBoard and the public registry.
func RecordID(department, dataset string, version uint64) [32]byte {
	return deploy.RecordID(deploy.DatasetID(department, dataset), version)
}

// Submit validates the files, computes the commitment and stores the
// encrypted table through svc (a department's service).
func Submit(ctx context.Context, svc *sensitive.Service, req Request) (*Result, error) {
	p, err := Prepare(ctx, svc, req)
	if err != nil {
		return nil, err
	}
	if err := StoreAll(ctx, svc, p); err != nil {
		return nil, err
	}
	return p.Result, nil
}

// Prepared is a submission sealed and ready to store: its commitment and
// statement computed, its table encrypted under a fresh data key (in the
// blob folder for a CSV table). StoreAll stores several in one atomic
// write.
type Prepared struct {
	Result      *Result
	sealed      *records.Record // nil when resumed: already on the private chain
	conditional *records.Record // the conditional envelope, stored with sealed (or alone when only it is missing)
}

// StoreAll stores prepared submissions in one atomic write (those not
// already stored), and sets each Result.Record.
func StoreAll(ctx context.Context, svc *sensitive.Service, ps ...*Prepared) error {
	var recs []records.Record
	for _, p := range ps {
		// the conditional envelope first: a store that splits a big batch
		// into several transactions never leaves a record stored without
		// it, so a record found stored on a re-run has its envelope too
		// (and one that lacks it, from an older run, gets it then)
		if p.conditional != nil {
			recs = append(recs, *p.conditional)
		}
		if p.sealed != nil {
			recs = append(recs, *p.sealed)
		}
	}
	if len(recs) == 0 {
		return nil
	}
	if err := svc.Store(ctx, recs...); err != nil {
		return err
	}
	for _, p := range ps {
		if p.sealed != nil {
			p.Result.Record, p.sealed = p.sealed, nil
		}
		if p.conditional != nil {
			p.Result.Conditional, p.conditional = p.conditional, nil
		}
	}
	return nil
}

// Prepare does all of Submit but the store write: it validates the files,
// computes the commitment and encrypts the table. A record already on the
// private chain with this commitment comes back resumed, nothing sealed.
func Prepare(ctx context.Context, svc *sensitive.Service, req Request) (*Prepared, error) {
	if _, err := naming.TransitKey(req.Department, req.Dataset); err != nil {
		return nil, fmt.Errorf("submission: %w", err)
	}
	if req.Version == 0 {
		return nil, errNoVersion
	}
	if req.Table == "" || req.Columns == "" || req.Policy == "" {
		return nil, errNoFiles
	}
	policy, names, err := record.LoadPolicy(req.Policy)
	if err != nil {
		return nil, fmt.Errorf("submission: %w", err)
	}
	if strings.EqualFold(filepath.Ext(req.Table), ".csv") {
		return submitCSV(ctx, svc, req, policy, names)
	}
	table, err := record.LoadTable(req.Table)
	if err != nil {
		return nil, fmt.Errorf("submission: %w", err)
	}
	cats, err := record.LoadColumnCategories(req.Columns, names)
	if err != nil {
		return nil, fmt.Errorf("submission: %w", err)
	}
	rec, err := record.NewRecord(table, cats)
	if err != nil {
		return nil, fmt.Errorf("submission: table %s: %w", req.Table, err)
	}
	st, salt, err := req.statement(rec, policy)
	if err != nil {
		return nil, err
	}
	res := &Result{Level: st.Public.Level, Columns: len(table.Columns), Rows: len(table.Rows), Statement: st}
	res.Commitment = st.Public.Commitment.Bytes()
	id := RecordID(req.Department, req.Dataset, req.Version)
	loadTable := func() (*record.Table, error) { return table, nil }
	if done, err := resume(ctx, svc, id, res); err != nil {
		return nil, err
	} else if done {
		return req.resumeConditional(ctx, svc, id, res, loadTable, cats, policy)
	}
	cond, err := req.conditional(ctx, svc, id, res, loadTable, cats, policy)
	if err != nil {
		return nil, err
	}
	raw, err := os.ReadFile(req.Table)
	if err != nil {
		return nil, fmt.Errorf("submission: %w", err)
	}
	var plaintext bytes.Buffer
	if err := writeSealedHeader(&plaintext, salt, cats, tableFormat(req.Table)); err != nil {
		return nil, err
	}
	plaintext.Write(raw)
	sealed, err := svc.Seal(ctx, req.Department, req.Dataset, sensitive.Input{
		ID: id, Plaintext: plaintext.Bytes(), Commitment: res.Commitment,
	})
	if err != nil {
		return nil, err
	}
	return &Prepared{Result: res, sealed: sealed, conditional: cond}, nil
}

// resume reports whether record id is already on the private chain: with
// res's commitment it is the same submission run again (res.Record is set,
// done); with another it is an error; absent, the caller stores it.
func resume(ctx context.Context, svc *sensitive.Service, id [32]byte, res *Result) (done bool, err error) {
	rec, err := svc.Stored(ctx, id)
	if errors.Is(err, records.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("submission: %w", err)
	}
	if rec.Commitment != res.Commitment {
		return false, fmt.Errorf("submission: record %x %w", id, errOtherCommitment)
	}
	res.Record, res.Resumed = rec, true
	return true, nil
}

// statement opens the record's salt and commits rec under policy at the
// request's release threshold (the commitment covers the whole record
// whatever the threshold).
func (r Request) statement(rec *record.Record, policy record.Policy) (*record.Statement, fr.Element, error) {
	salt, err := record.OpenSalt(r.SaltFile, r.NewSalt)
	if err != nil {
		return nil, salt, fmt.Errorf("submission: %w", err)
	}
	if r.Threshold > record.LevelConditional {
		return nil, salt, fmt.Errorf("submission: release threshold %s: a released view holds open or conditional columns only", r.Threshold)
	}
	st, err := record.NewStatement(rec, policy, r.Threshold, salt)
	if err != nil {
		return nil, salt, fmt.Errorf("submission: table %s: %w", r.Table, err)
	}
	return st, salt, nil
}

// errTableChanged is returned when the table file changed between hashing
// and encryption.
var errTableChanged = errors.New("the table changed between hashing and encryption: submit again")

// submitCSV streams a CSV table: column hashes over two reads of the file,
// then encryption straight into the blob folder on a third, checked to be
// the bytes that were hashed. Memory stays bounded whatever the table's size.
func submitCSV(ctx context.Context, svc *sensitive.Service, req Request, policy record.Policy, names map[string]int) (*Prepared, error) {
	cats, err := record.LoadColumnCategories(req.Columns, names)
	if err != nil {
		return nil, fmt.Errorf("submission: %w", err)
	}
	cols, err := record.HashCSVFile(req.Table, req.progress("hashing columns"))
	if err != nil {
		return nil, fmt.Errorf("submission: %w", err)
	}
	rec, err := record.NewRecordFromHashes(cols.Names, cols.Hashes, cats)
	if err != nil {
		return nil, fmt.Errorf("submission: table %s: %w", req.Table, err)
	}
	st, salt, err := req.statement(rec, policy)
	if err != nil {
		return nil, err
	}
	res := &Result{Level: st.Public.Level, Columns: len(cols.Names), Rows: cols.Rows, Statement: st}
	res.Commitment = st.Public.Commitment.Bytes()
	id := RecordID(req.Department, req.Dataset, req.Version)
	loadTable := func() (*record.Table, error) {
		// only a record of level >= 1 whose file is small enough for its
		// conditional envelope to be delivered on chain is read whole
		if fi, err := os.Stat(req.Table); err != nil {
			return nil, err
		} else if fi.Size() > maxConditionalTable {
			return nil, nil
		}
		return record.LoadTable(req.Table)
	}
	if done, err := resume(ctx, svc, id, res); err != nil {
		return nil, err
	} else if done {
		return req.resumeConditional(ctx, svc, id, res, loadTable, cats, policy)
	}
	cond, err := req.conditional(ctx, svc, id, res, loadTable, cats, policy)
	if err != nil {
		return nil, err
	}
	var header bytes.Buffer
	if err := writeSealedHeader(&header, salt, cats, tableFormat(req.Table)); err != nil {
		return nil, err
	}
	f, err := os.Open(req.Table)
	if err != nil {
		return nil, fmt.Errorf("submission: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("submission: %w", err)
	}
	h := sha256.New()
	src := io.MultiReader(&header, io.TeeReader(&progressReader{r: f, total: fi.Size(), report: req.progress("encrypting")}, h))
	sealed, err := svc.SealStream(ctx, req.Department, req.Dataset, sensitive.StreamInput{
		ID: id, Plaintext: src, Commitment: res.Commitment,
		Check: func() error {
			if [32]byte(h.Sum(nil)) != cols.SHA256 {
				return fmt.Errorf("table %s: %w", req.Table, errTableChanged)
			}
			return nil
		},
	})
	if err != nil {
		return nil, err
	}
	return &Prepared{Result: res, sealed: sealed, conditional: cond}, nil
}

// maxConditionalTable bounds the table file read whole for a conditional
// envelope: a bigger one would not fit an on-chain grant anyway.
const maxConditionalTable = 8 * MaxConditional

// conditional seals the record's conditional envelope when its level is
// >= 1: nil (with res.NoConditional saying why) when the table is too big
// for a grant delivered on chain.
func (r Request) conditional(ctx context.Context, svc *sensitive.Service, id [32]byte, res *Result,
	load func() (*record.Table, error), cats map[string]int, policy record.Policy) (*records.Record, error) {
	if res.Level < record.LevelConditional {
		return nil, nil
	}
	t, err := load()
	if err != nil {
		return nil, fmt.Errorf("submission: conditional envelope: %w", err)
	}
	if t == nil {
		res.NoConditional = errTooBig.Error()
		return nil, nil
	}
	c, err := NewConditional(id, t, cats, policy, res.Statement)
	if err != nil {
		return nil, fmt.Errorf("submission: %w", err)
	}
	b, err := c.Marshal()
	if errors.Is(err, errTooBig) {
		res.NoConditional = errTooBig.Error()
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return svc.SealConditional(ctx, r.Department, r.Dataset, sensitive.Input{ID: ConditionalID(id), Plaintext: b, Commitment: res.Commitment})
}

// resumeConditional finishes a record found stored: its conditional
// envelope is sealed and stored if it is missing (a record stored before
// conditional envelopes existed, or by a run that stopped between the two).
func (r Request) resumeConditional(ctx context.Context, svc *sensitive.Service, id [32]byte, res *Result,
	load func() (*record.Table, error), cats map[string]int, policy record.Policy) (*Prepared, error) {
	p := &Prepared{Result: res}
	if res.Level < record.LevelConditional {
		return p, nil
	}
	switch c, err := svc.Stored(ctx, ConditionalID(id)); {
	case err == nil:
		res.Conditional = c
		return p, nil
	case !errors.Is(err, records.ErrNotFound):
		return nil, fmt.Errorf("submission: conditional envelope: %w", err)
	}
	cond, err := r.conditional(ctx, svc, id, res, load, cats, policy)
	if err != nil {
		return nil, err
	}
	p.conditional = cond
	return p, nil
}

// progress returns the request's progress callback for one phase, or nil.
func (r Request) progress(phase string) record.Progress {
	if r.Progress == nil {
		return nil
	}
	return func(done, total int64) { r.Progress(phase, done, total) }
}

type progressReader struct {
	r      io.Reader
	n      int64
	total  int64
	report record.Progress
}

func (p *progressReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	p.n += int64(n)
	if p.report != nil && n > 0 {
		p.report(p.n, p.total)
	}
	return n, err
}
