package sensitive_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
	"github.com/sovereign-gov/sovereign/sidechains/private/sensitive"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultclient"
)

// Vault sealed or stopped in the middle of a batched submission: the call
// fails with an error that says so, no record of the batch is stored, and
// once Vault is back the same call succeeds.
func TestVaultDownMidSubmission(t *testing.T) {
	cases := []struct {
		name string
		down func(f *fixture) error
		want error
		text string
	}{
		{"sealed", func(f *fixture) error { return f.srv.Seal(context.Background()) }, vaultclient.ErrSealed, "sealed"},
		{"stopped", func(f *fixture) error { return f.srv.Stop() }, vaultclient.ErrUnavailable, "unreachable"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			f := newFixture(t, true)
			ins := inputs(c.name, 500, 1024)
			var downErr error
			went := false
			svc := f.dept("health", sensitive.WithBatch(100), sensitive.WithProgress(func(done, total int) {
				if done == 200 && !went { // two of five batches wrapped
					went, downErr = true, c.down(f)
				}
			}))
			_, err := svc.SubmitBatch(ctx, "health", "stays", ins)
			if downErr != nil {
				t.Fatal(downErr)
			}
			if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.text) || !strings.Contains(err.Error(), "transit/encrypt/health.stays") {
				t.Fatalf("want a clear %q error naming the path, got %v", c.text, err)
			}
			if recs, err := f.store.ListByKey(ctx, "health.stays"); err != nil || len(recs) != 0 {
				t.Fatalf("half a submission stored: %d records, %v", len(recs), err)
			}
			if c.name == "stopped" {
				err = f.srv.Restart(ctx)
			} else {
				err = f.srv.Unseal(ctx)
			}
			if err != nil {
				t.Fatal(err)
			}
			if _, err := f.dept("health").SubmitBatch(ctx, "health", "stays", ins); err != nil {
				t.Fatalf("retry: %v", err)
			}
			for _, in := range ins[:3] {
				if got, err := svc.Open(ctx, in.ID); err != nil || !bytes.Equal(got, in.Plaintext) {
					t.Fatalf("open after retry: %v", err)
				}
			}
		})
	}
}

// Vault stopped in the middle of a rewrap: the records rewrapped so far carry
// the new version, the others the old one, every record stays readable, and
// running the rewrap again finishes the job.
func TestVaultStoppedMidRewrap(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, true)
	health := f.dept("health")
	ins := inputs("rw", 300, 256)
	if _, err := health.SubmitBatch(ctx, "health", "stays", ins); err != nil {
		t.Fatal(err)
	}
	officer := f.login(naming.SecurityOfficerRole)
	if _, err := officer.Rotate(ctx, "health.stays"); err != nil {
		t.Fatal(err)
	}
	var stopErr error
	res, err := sensitive.New(officer, f.store, sensitive.WithBatch(100)).Rewrap(ctx, "health.stays", func(done, _ int) {
		if done == 100 {
			stopErr = f.srv.Stop()
		}
	})
	if stopErr != nil {
		t.Fatal(stopErr)
	}
	if res.Rewrapped != 100 || res.MinDecryptionVersion != 1 || !errors.Is(err, vaultclient.ErrUnavailable) || !strings.Contains(err.Error(), "100 of 300 done") {
		t.Fatalf("want a clear error after 100 of 300 and nothing retired, got %+v, %v", res, err)
	}
	if err := f.srv.Restart(ctx); err != nil {
		t.Fatal(err)
	}
	versions := map[uint32]int{}
	recs, _ := f.store.ListByKey(ctx, "health.stays")
	for _, r := range recs {
		versions[r.KeyVersion]++
	}
	if versions[1] != 200 || versions[2] != 100 {
		t.Fatalf("versions after the interrupted rewrap: %v", versions)
	}
	for _, in := range ins {
		if got, err := health.Open(ctx, in.ID); err != nil || !bytes.Equal(got, in.Plaintext) {
			t.Fatalf("open between the two runs: %v", err)
		}
	}
	// The second run finishes and only then retires version 1.
	if res, err := sensitive.New(officer, f.store, sensitive.WithBatch(100)).Rewrap(ctx, "health.stays", nil); err != nil || res.Rewrapped != 200 || res.Retired != 1 || res.MinDecryptionVersion != 2 {
		t.Fatalf("second rewrap: %+v, %v", res, err)
	}
}
