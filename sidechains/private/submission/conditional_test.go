package submission_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/sovereign-gov/sovereign/record"
	"github.com/sovereign-gov/sovereign/sidechains/private/envelope"
	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
	"github.com/sovereign-gov/sovereign/sidechains/private/records/recordstest"
	"github.com/sovereign-gov/sovereign/sidechains/private/sensitive"
	"github.com/sovereign-gov/sovereign/sidechains/private/submission"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultclient"
)

// Issue 15 item 3: a record of level >= 1 is stored with a conditional
// envelope of its own, under the dataset's conditional key, holding the
// cells of its level <= 1 columns only; it checks against the commitment,
// and a level-2 column is neither in it nor given out by name.
func TestConditionalEnvelope(t *testing.T) {
	ctx := context.Background()
	c, store, srv := healthDepartment(t)
	svc := sensitive.New(c, store)

	req := files(t)
	res, err := submission.Submit(ctx, svc, req)
	if err != nil {
		t.Fatal(err)
	}
	id := submission.RecordID("health", "stays", 202611)
	cond := res.Conditional
	if cond == nil || cond.ID != submission.ConditionalID(id) || cond.TransitKey != naming.ConditionalStoreKey("health.stays") {
		t.Fatalf("conditional envelope: %+v (%s)", cond, res.NoConditional)
	}
	if stored, err := store.Get(ctx, cond.ID); err != nil || stored.WrappedKey != cond.WrappedKey {
		t.Fatalf("conditional envelope not stored: %v", err)
	}
	// listed apart from the dataset's records: a rewrap never meets it
	if recs, _ := store.ListByKey(ctx, "health.stays"); len(recs) != 1 || recs[0].ID != id {
		t.Fatalf("records under health.stays: %d", len(recs))
	}
	// the department cannot open it; nor does the full record's key
	if _, err := c.Conditional().UnwrapKey(ctx, "health.stays", cond.WrappedKey); !errors.Is(err, vaultclient.ErrForbidden) {
		t.Fatalf("department decrypts a conditional key: %v", err)
	}
	admin, _ := vaultclient.New(srv.Addr, vaultclient.WithToken(srv.RootToken))
	if _, err := admin.UnwrapKey(ctx, "health.stays", cond.WrappedKey); err == nil {
		t.Fatal("the full record's key opens the conditional data key")
	}
	dek, err := admin.Conditional().UnwrapKey(ctx, "health.stays", cond.WrappedKey)
	if err != nil {
		t.Fatal(err)
	}
	cid := submission.ConditionalID(id)
	pt, err := envelope.Open(dek, cid[:], cond.Ciphertext)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(pt, []byte("P-001")) || bytes.Contains(pt, []byte("P-002")) {
		t.Fatal("a level-2 cell is in the conditional envelope")
	}
	opened, err := submission.ParseConditional(pt)
	if err != nil {
		t.Fatal(err)
	}
	pol, _, _ := record.LoadPolicy(req.Policy)
	if err := opened.Verify(id, pol, res.Commitment); err != nil {
		t.Fatalf("verify: %v", err)
	}
	tab, err := opened.Table(nil)
	if err != nil || strings.Join(tab.Columns, ",") != "ward,stays" || len(tab.Rows) != 2 || tab.Rows[1][0] != "south" {
		t.Fatalf("table: %+v, %v", tab, err)
	}
	if _, err := opened.Table([]string{"ward", "patient_id"}); !errors.Is(err, submission.ErrLevel2) || !strings.Contains(err.Error(), `"patient_id"`) {
		t.Fatalf("level-2 column by name: %v", err)
	}
	if one, err := opened.Table([]string{"stays"}); err != nil || len(one.Columns) != 1 {
		t.Fatalf("one column: %v", err)
	}
	// what does not check: another record, a changed cell, cells added to a level-2 column
	if err := opened.Verify(submission.RecordID("health", "stays", 1), pol, res.Commitment); err == nil {
		t.Fatal("verified for another record")
	}
	for name, edit := range map[string]func(c *submission.Conditional){
		"changed cell":      func(c *submission.Conditional) { c.Columns[1].Cells[0] = "east" },
		"level-2 cells":     func(c *submission.Conditional) { c.Columns[0].Cells = []string{"P-001", "P-002"} },
		"level lowered":     func(c *submission.Conditional) { c.Columns[0].Level = record.LevelConditional },
		"commitment (salt)": func(c *submission.Conditional) { c.Salt = "0x01" },
	} {
		bad, _ := submission.ParseConditional(pt)
		edit(bad)
		if err := bad.Verify(id, pol, res.Commitment); err == nil {
			t.Errorf("%s: verified", name)
		}
	}

	// a record stored without its envelope (before they existed, or by a
	// store that split the write): running the submission again adds it
	bare, _ := recordstest.NewFileStore(t.TempDir())
	full, err := store.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if err := bare.Put(ctx, full); err != nil {
		t.Fatal(err)
	}
	again := req
	again.NewSalt = false
	res2, err := submission.Submit(ctx, sensitive.New(c, bare), again)
	if err != nil || !res2.Resumed || res2.Conditional == nil {
		t.Fatalf("re-run on a record without its envelope: %+v, %v", res2, err)
	}
	if _, err := bare.Get(ctx, submission.ConditionalID(id)); err != nil {
		t.Fatalf("the re-run did not store the envelope: %v", err)
	}
	if res3, err := submission.Submit(ctx, sensitive.New(c, bare), again); err != nil || !res3.Resumed || res3.Conditional == nil {
		t.Fatalf("a third run: %+v, %v", res3, err)
	}

	// a record of level 0 has none
	open := files(t)
	open.Version = 7
	must(t, writeFile(open.Columns, `{"patient_id": "aggregate", "ward": "aggregate", "stays": "aggregate"}`))
	r0, err := submission.Submit(ctx, svc, open)
	if err != nil || r0.Conditional != nil || r0.Level != record.LevelOpen {
		t.Fatalf("open record: %+v, %v", r0, err)
	}
}

func writeFile(p, s string) error { return os.WriteFile(p, []byte(s), 0o600) }

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
