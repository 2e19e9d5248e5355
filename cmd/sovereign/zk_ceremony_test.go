package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sovereign-gov/sovereign/internal/testbin"
)

// TestZKCeremonyCLI runs a whole multi-party setup with the real binary:
// two contributors in each phase (each chained on the other's), a beacon seal after each, verification by
// a bystander, a proof made and checked with the ceremony's keys — and a
// phase-1 contribution changed by one byte afterwards, which verify catches.
func TestZKCeremonyCLI(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a full ceremony (~45 s)")
	}
	t.Parallel() // CPU-bound: overlaps the process tests' waiting
	bin := testbin.Sovereign(t)
	dir := t.TempDir()
	cer := filepath.Join(dir, "ceremony")
	run := func(args ...string) string {
		t.Helper()
		out, err := runZK(t, bin, append([]string{"zk", "ceremony"}, args...)...)
		if err != nil {
			t.Fatalf("zk ceremony %v: %v\n%s", args, err, out)
		}
		return out
	}
	run("init", "--dir", cer, "--size", "16")
	for range 2 {
		run("contribute", "--dir", cer)
	}
	run("seal", "--dir", cer, "--beacon", "0x5eed0001")
	for range 2 {
		run("contribute", "--dir", cer)
	}
	run("seal", "--dir", cer, "--beacon", "0x5eed0002")
	if out := run("verify", "--dir", cer); !strings.Contains(out, "ceremony verified: 4 contributions, srs checked: true, keys checked: true") {
		t.Fatalf("verify output:\n%s", out)
	}

	// The ceremony's keys prove and verify a real table.
	keys := filepath.Join(cer, "keys")
	policy := writeZKFile(t, dir, "policy.json", `{"categories": [{"id": 0, "name": "personal-id", "level": 2}, {"id": 3, "name": "aggregate", "level": 0}]}`)
	columns := writeZKFile(t, dir, "columns.json", `{"patient": "personal-id", "admissions": "aggregate"}`)
	table := writeZKFile(t, dir, "t.csv", "patient,admissions\nP-1,3\nP-2,5\n")
	proof := filepath.Join(dir, "proof.json")
	if out, err := runZK(t, bin, "zk", "prove", "--keys", keys, "--table", table, "--columns", columns, "--policy", policy,
		"--salt", filepath.Join(dir, "salt"), "--new-salt", "--out", proof, "--department", "health", "--dataset", "stays", "--version", "1"); err != nil {
		t.Fatalf("prove with ceremony keys: %v\n%s", err, out)
	}
	if out, err := runZK(t, bin, "zk", "verify", "--keys", keys, "--proof", proof); err != nil || !strings.Contains(out, "proof ok") {
		t.Fatalf("verify with ceremony keys: %v\n%s", err, out)
	}

	// One flipped byte in the second phase-1 contribution is detected.
	contribution := filepath.Join(cer, "phase1", "0002.bin")
	data, err := os.ReadFile(contribution)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)/2] ^= 0x01
	if err := os.WriteFile(contribution, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := runZK(t, bin, "zk", "ceremony", "verify", "--dir", cer)
	if err == nil {
		t.Fatalf("verify accepted a tampered contribution:\n%s", out)
	}
	if !strings.Contains(out, "phase 1 contribution 2") {
		t.Fatalf("verify failed without naming the tampered contribution:\n%s", out)
	}
}
