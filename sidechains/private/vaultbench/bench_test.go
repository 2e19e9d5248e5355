package vaultbench

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// A small run: every mode produces a rate and the report names them all.
func TestRunSmall(t *testing.T) {
	r, err := Run(context.Background(), Config{Records: 500, SingleRecords: 100, RecordSize: 1024, Batch: 100}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.Single <= 0 || r.Batched <= 0 || r.LocalOnly <= 0 {
		t.Fatalf("rates %+v", r)
	}
	var buf bytes.Buffer
	r.Print(&buf)
	for _, want := range []string{"one transit request each", "batched key wrapping", "local AES-256-GCM only", "goal >= 10,000"} {
		if !strings.Contains(buf.String(), want) {
			t.Fatalf("report lacks %q:\n%s", want, buf.String())
		}
	}
	if _, err := Run(context.Background(), Config{}, nil); err == nil || !strings.Contains(err.Error(), "must be positive") {
		t.Fatalf("zero config: %v", err)
	}
}
