package submission_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sovereign-gov/sovereign/record"
	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
	"github.com/sovereign-gov/sovereign/sidechains/private/records/recordstest"
	"github.com/sovereign-gov/sovereign/sidechains/private/sensitive"
	"github.com/sovereign-gov/sovereign/sidechains/private/submission"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultclient"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultserver"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultsetup"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaulttest"
)

const (
	table  = "patient_id,ward,stays\nP-001,north,3\nP-002,south,1\n"
	cols   = `{"patient_id": "personal-id", "ward": "location", "stays": "aggregate"}`
	policy = `{"categories": [{"id": 0, "name": "personal-id", "level": 2},
	  {"id": 1, "name": "location", "level": 1}, {"id": 3, "name": "aggregate", "level": 0}]}`
)

func files(t *testing.T) submission.Request {
	dir := t.TempDir()
	w := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	return submission.Request{
		Department: "health", Dataset: "stays", Version: 202611,
		Table: w("stays.csv", table), Columns: w("columns.json", cols), Policy: w("policy.json", policy),
		SaltFile: filepath.Join(dir, "stays.salt"), NewSalt: true,
	}
}

// healthDepartment is a real Vault set up for health.stays, a client logged
// in as the health department, and a file store.
func healthDepartment(t *testing.T) (*vaultclient.Client, *recordstest.FileStore, *vaultserver.Server) {
	t.Helper()
	ctx := context.Background()
	srv := vaulttest.Dev(t)
	root, _ := srv.Client()
	if err := vaultsetup.Apply(ctx, root, vaultsetup.Config{
		Datasets: map[string][]string{"health": {"stays"}}, AuditLogPath: filepath.Join(t.TempDir(), "audit.log"),
	}, nil); err != nil {
		t.Fatal(err)
	}
	id, secret, _ := vaultsetup.Credentials(ctx, root, naming.DepartmentRole("health"))
	c, _ := vaultclient.New(srv.Addr)
	if err := c.LoginAppRole(ctx, id, secret); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	store, err := recordstest.NewFileStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return c, store, srv
}

func TestSubmitTable(t *testing.T) {
	ctx := context.Background()
	c, store, _ := healthDepartment(t)
	svc := sensitive.New(c, store)

	req := files(t)
	res, err := submission.Submit(ctx, svc, req)
	if err != nil {
		t.Fatal(err)
	}
	if res.Level != record.LevelSensitive || res.Columns != 3 || res.Rows != 2 {
		t.Fatalf("result %+v", res)
	}
	// The commitment is the zk package's, with the salt kept in the salt file.
	saltText, err := os.ReadFile(req.SaltFile)
	if err != nil {
		t.Fatal(err)
	}
	salt, _ := record.ParseSalt(string(saltText))
	pol, names, _ := record.LoadPolicy(req.Policy)
	tab, _ := record.LoadTable(req.Table)
	cats, _ := record.LoadColumnCategories(req.Columns, names)
	rec, _ := record.NewRecord(tab, cats)
	st, _ := record.NewStatement(rec, pol, record.LevelSensitive, salt)
	if st.Public.Commitment.Bytes() != res.Commitment || res.Record.Commitment != res.Commitment {
		t.Fatal("stored commitment differs from the zk package's")
	}
	got, err := svc.Open(ctx, submission.RecordID("health", "stays", 202611))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	// The sealed record opens the commitment: a reviewer under a grant
	// recomputes it from the decrypted record alone.
	sealed, err := submission.OpenSealed(got)
	if err != nil || !bytes.Equal(sealed.Table, []byte(table)) {
		t.Fatalf("open sealed: %v", err)
	}
	again, _, err := sealed.Statement(pol, record.LevelOpen)
	if err != nil || again.Public.Commitment.Bytes() != res.Commitment {
		t.Fatalf("commitment recomputed from the sealed record differs (%v)", err)
	}

	// Run again (as after a crash between the private store and the review
	// submission): the record is found with the same commitment, nothing new
	// is stored. With another table under the same version it is refused.
	req.NewSalt = false
	res2, err := submission.Submit(ctx, svc, req)
	if err != nil || !res2.Resumed || res2.Commitment != res.Commitment {
		t.Fatalf("resubmit: resumed %v, %v", res2 != nil && res2.Resumed, err)
	}
	if err := os.WriteFile(req.Table, []byte(table+"P-003,east,9\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := submission.Submit(ctx, svc, req); err == nil || !strings.Contains(err.Error(), "already stored with another commitment") {
		t.Fatalf("other table under the same version: %v", err)
	}

	bad := []struct {
		name string
		edit func(r *submission.Request)
		want string
	}{
		{"no version", func(r *submission.Request) { r.Version = 0 }, "a version is required"},
		{"bad dataset", func(r *submission.Request) { r.Dataset = "Stays!" }, `invalid dataset name "Stays!"`},
		{"no salt", func(r *submission.Request) { r.SaltFile = "" }, "a salt file is needed"},
		{"unknown category", func(r *submission.Request) {
			os.WriteFile(r.Columns, []byte(`{"patient_id": "blood-type", "ward": 1, "stays": 3}`), 0o600)
		}, `unknown category "blood-type"`},
		{"missing column category", func(r *submission.Request) {
			os.WriteFile(r.Columns, []byte(`{"patient_id": 0, "ward": 1}`), 0o600)
		}, `column "stays" has no category`},
	}
	for i, b := range bad {
		r := files(t)
		r.Version = uint64(1000 + i)
		b.edit(&r)
		if _, err := submission.Submit(ctx, svc, r); err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("%s: want %q, got %v", b.name, b.want, err)
		}
	}
}

// A table far bigger than the memory the submission may use: the CSV path
// streams (two hashing reads, one encrypting read straight into the blob
// folder), reports progress for each phase, and its heap stays a small
// fraction of the table. The record opens to the file's exact bytes. (That
// the streamed commitment equals the in-memory one is TestSubmitTable's and
// zk's TestHashCSVFileMatchesColumnHash's job.)
func TestSubmitLargeTableStreams(t *testing.T) {
	ctx := context.Background()
	c, store, _ := healthDepartment(t)
	svc := sensitive.New(c, store)

	req := files(t)
	const size = 16 << 20
	f, err := os.Create(req.Table)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString("patient_id,ward,stays\n")
	written := 0
	for i := 0; written < size; i++ {
		n, _ := fmt.Fprintf(w, "P-%09d-%s,ward-%s,%d\n", i, strings.Repeat("x", 30), strings.Repeat("n", 40), i%17)
		written += n
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse
	var peak atomic.Uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapInuse > peak.Load() {
				peak.Store(m.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	phases := map[string]int64{}
	req.Progress = func(phase string, done, total int64) {
		if done > total {
			t.Errorf("%s: %d of %d", phase, done, total)
		}
		phases[phase] = done
	}
	start := time.Now()
	res, err := submission.Submit(ctx, svc, req)
	took := time.Since(start)
	close(stop)
	<-sampled
	if err != nil {
		t.Fatal(err)
	}
	grew := int64(peak.Load()) - int64(base)
	t.Logf("%d MB table, %d rows: submitted in %s, heap grew at most %.1f MB", written>>20, res.Rows, took.Round(time.Millisecond), float64(grew)/(1<<20))
	if grew > size { // less than the table itself: the old path read the whole file into memory, and more
		t.Fatalf("heap grew by %d MB for a %d MB table: not streamed", grew>>20, written>>20)
	}
	if phases["hashing columns"] != 2*int64(written+len("patient_id,ward,stays\n")) || phases["encrypting"] != int64(written+len("patient_id,ward,stays\n")) {
		t.Fatalf("progress at the end: %v", phases)
	}
	got, err := svc.Open(ctx, submission.RecordID("health", "stays", 202611))
	if err != nil {
		t.Fatal(err)
	}
	sealed, err := submission.OpenSealed(got)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile(req.Table)
	if !bytes.Equal(sealed.Table, want) {
		t.Fatal("the streamed record does not open to the table's bytes")
	}
}
