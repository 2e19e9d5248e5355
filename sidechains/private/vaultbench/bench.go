// Package vaultbench measures envelope encryption of small records against a
// real Vault server it starts itself: one transit request per record
// (datakey/plaintext) against batched key wrapping (encrypt with batch_input),
// in the same run, next to local AES-GCM alone as the ceiling.
package vaultbench

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/sovereign-gov/sovereign/sidechains/private/envelope"
	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
	"github.com/sovereign-gov/sovereign/sidechains/private/sensitive"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultclient"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultserver"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultsetup"
)

// Config sizes a run.
type Config struct {
	Records       int // records of the batched and local runs
	SingleRecords int // records of the one-request-each run (slower)
	RecordSize    int // bytes per record
	Batch         int // keys per batched transit request
}

// DefaultConfig is what `sovereign bench vault` runs.
func DefaultConfig() Config {
	return Config{Records: 20000, SingleRecords: 2000, RecordSize: 1024, Batch: sensitive.DefaultBatch}
}

// Result holds records per second of each mode.
type Result struct {
	Config
	Single, Batched, LocalOnly float64
}

// Ratio is the batched rate over the one-request-each rate.
func (r *Result) Ratio() float64 { return r.Batched / r.Single }

// errConfig is returned for a config with non-positive sizes.
var errConfig = errors.New("bench: records, single records, record size and batch must be positive")

// Run starts a Vault dev server, sets it up and measures the three modes.
func Run(ctx context.Context, cfg Config, log *slog.Logger) (*Result, error) {
	if cfg.Records <= 0 || cfg.SingleRecords <= 0 || cfg.RecordSize <= 0 || cfg.Batch <= 0 {
		return nil, errConfig
	}
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	dir, err := os.MkdirTemp("", "sovereign-bench-vault-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	srv, err := vaultserver.StartDev(ctx, dir)
	if err != nil {
		return nil, err
	}
	defer srv.Stop()
	root, err := srv.Client()
	if err != nil {
		return nil, err
	}
	const dept, dataset = "bench", "records"
	if err := vaultsetup.Apply(ctx, root, vaultsetup.Config{
		Datasets: map[string][]string{dept: {dataset}}, AuditLogPath: filepath.Join(dir, "audit.log"),
	}, log); err != nil {
		return nil, err
	}
	roleID, secretID, err := vaultsetup.Credentials(ctx, root, naming.DepartmentRole(dept))
	if err != nil {
		return nil, err
	}
	c, err := vaultclient.New(srv.Addr, vaultclient.WithLogger(log))
	if err != nil {
		return nil, err
	}
	defer c.Close()
	if err := c.LoginAppRole(ctx, roleID, secretID); err != nil {
		return nil, err
	}
	key, _ := naming.TransitKey(dept, dataset)
	ins := makeInputs(cfg.Records, cfg.RecordSize)

	// Warm up connections and the key cache with a little of each.
	if _, err := sensitive.EncryptBatch(ctx, c, key, ins[:cfg.Batch], cfg.Batch, nil); err != nil {
		return nil, err
	}
	res := &Result{Config: cfg}
	start := time.Now()
	for _, in := range ins[:cfg.SingleRecords] {
		if _, err := sensitive.EncryptOne(ctx, c, key, in); err != nil {
			return nil, fmt.Errorf("bench, one request each: %w", err)
		}
	}
	res.Single = rate(cfg.SingleRecords, time.Since(start))

	start = time.Now()
	if _, err := sensitive.EncryptBatch(ctx, c, key, ins, cfg.Batch, nil); err != nil {
		return nil, fmt.Errorf("bench, batched: %w", err)
	}
	res.Batched = rate(cfg.Records, time.Since(start))

	dek := make([]byte, 32)
	if _, err := rand.Read(dek); err != nil {
		return nil, err
	}
	start = time.Now()
	for _, in := range ins {
		if _, err := envelope.Seal(dek, in.ID[:], in.Plaintext); err != nil {
			return nil, err
		}
	}
	res.LocalOnly = rate(cfg.Records, time.Since(start))
	vaultclient.Zero(dek)
	return res, nil
}

func rate(n int, d time.Duration) float64 { return float64(n) / d.Seconds() }

func makeInputs(n, size int) []sensitive.Input {
	out := make([]sensitive.Input, n)
	for i := range out {
		var idx [8]byte
		binary.BigEndian.PutUint64(idx[:], uint64(i))
		out[i].ID = sha256.Sum256(idx[:])
		out[i].Plaintext = make([]byte, size)
		copy(out[i].Plaintext, fmt.Sprintf("record %d;", i))
	}
	return out
}

// Print writes the figures with the ratio against the same-run reference.
func (r *Result) Print(w io.Writer) {
	fmt.Fprintf(w, "envelope encryption of %d-byte records, real Vault %s dev server on loopback\n", r.RecordSize, vaultserver.Version)
	fmt.Fprintf(w, "  one transit request each (datakey/plaintext): %9.0f records/s  (%d records)\n", r.Single, r.SingleRecords)
	fmt.Fprintf(w, "  batched key wrapping (encrypt, batch %d):     %9.0f records/s  (%d records)  = %.1fx one-each\n", r.Batch, r.Batched, r.Records, r.Ratio())
	fmt.Fprintf(w, "  local AES-256-GCM only (ceiling):             %9.0f records/s  (batched reaches %.0f%% of it)\n", r.LocalOnly, 100*r.Batched/r.LocalOnly)
	goal := "met"
	if r.Batched < 10000 {
		goal = "NOT met"
	}
	fmt.Fprintf(w, "  goal >= 10,000 records/s batched: %s\n", goal)
}
