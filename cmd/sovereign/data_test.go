package main

import (
	"bytes"
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/sovereign-gov/sovereign/contentstore"
	"github.com/sovereign-gov/sovereign/contracts/deploy"
	"github.com/sovereign-gov/sovereign/publicdata"
	rt "github.com/sovereign-gov/sovereign/publicdata/readertest"
)

// TestDataCommands runs `sovereign data list|show|get|verify` and
// `sovereign reconcile` against a public chain served over HTTP, found
// through a manifest: the output of each, and bad input at each.
func TestDataCommands(t *testing.T) {
	policy := big.NewInt(0x77)
	v1 := []byte("district,,count\nnorth,,3\nsouth,,5\n")
	v2 := []byte("district,,count\nnorth,,4\nsouth,,5\n")
	r1 := rt.Release(t, "roads", 1, 0, 0, v1, 21)
	r2 := rt.Release(t, "roads", 2, 0, 1, v2, 22)
	p1, p2 := rt.ProofBytes(1), rt.ProofBytes(2)
	chain := rt.New(t, policy, true, rt.VerifyCall(t, p1, rt.Inputs(r1, policy)), rt.VerifyCall(t, p2, rt.Inputs(r2, policy)))
	chain.Put(v1)
	chain.Put(v2)
	chain.Submitted(r1, p1)
	chain.Submitted(r2, p2)
	chain.Decide(r1, true)
	chain.Decide(r2, true)
	chain.Commit()
	id1 := chain.Publish(r1, 7)
	id2 := chain.Publish(r2, 8)

	dir := readerManifest(t, chain)
	run := func(args ...string) (string, error) {
		var out bytes.Buffer
		app := newApp()
		app.Writer, app.ErrWriter = &out, &out
		cmd := append([]string{"sovereign"}, args[0])
		if args[0] == "data" {
			cmd = append(cmd, args[1])
			args = args[1:]
		}
		cmd = append(cmd, "--manifest", dir)
		err := app.Run(append(cmd, args[1:]...))
		return out.String(), err
	}
	must := func(args ...string) string {
		t.Helper()
		out, err := run(args...)
		if err != nil {
			t.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return out
	}
	fails := func(want string, args ...string) string {
		t.Helper()
		out, err := run(args...)
		if err == nil || !strings.Contains(err.Error()+out, want) {
			t.Fatalf("%s: got %v\n%s\nwant %q", strings.Join(args, " "), err, out, want)
		}
		return out
	}

	out := must("data", "list")
	if !strings.Contains(out, publicdata.Short(id1)) || !strings.Contains(out, "superseded") || !strings.Contains(out, "page 1 of 1 (2 records, 20 per page)") {
		t.Fatalf("list:\n%s", out)
	}
	var page publicdata.Page
	if err := json.Unmarshal([]byte(must("data", "list", "--json", "--status", "current", "--level", "open")), &page); err != nil {
		t.Fatal(err)
	}
	if page.Total != 1 || page.Records[0].ID != id2 {
		t.Fatalf("list --json --status current: %+v", page)
	}
	fails(`unknown department "health" (the manifest registers: transport)`, "data", "list", "--department", "health")
	fails(`level "secret"`, "data", "list", "--level", "secret")
	fails(`--dataset "roads": want the dataset's 32-byte id`, "data", "list", "--dataset", "roads")

	out = must("data", "show", id2.Hex())
	for _, want := range []string{"status         current", "supersedes     v1 " + publicdata.Short(id1) + " (superseded)", "consortium block 8"} {
		if !strings.Contains(out, want) {
			t.Fatalf("show: no %q in\n%s", want, out)
		}
	}
	unknown := publicdata.RecordID(r1.DatasetId, 42)
	fails("unknown record "+unknown.Hex(), "data", "show", unknown.Hex())
	fails(`malformed record id "0xabc"`, "data", "show", "0xabc")
	fails(`flags go before RECORD_ID: "--json" came after it`, "data", "show", id2.Hex(), "--json")

	file := filepath.Join(dir, "roads2.csv")
	must("data", "get", "--out", file, "--released-only", id2.Hex())
	if b, err := os.ReadFile(file); err != nil || string(b) != "district,count\nnorth,4\nsouth,5\n" {
		t.Fatalf("get --released-only: %q %v", b, err)
	}
	if out := must("data", "get", id2.Hex()); out != string(v2) {
		t.Fatalf("get: %q", out)
	}

	out = must("data", "verify", id1.Hex())
	if strings.Contains(out, "FAIL") || !strings.Contains(out, "ok    certified block") {
		t.Fatalf("verify:\n%s", out)
	}
	bad := filepath.Join(dir, "bad-proof.json")
	if err := os.WriteFile(bad, []byte(`{"version":1,"size":16`), 0o644); err != nil {
		t.Fatal(err)
	}
	fails("--proof: malformed proof file", "data", "verify", "--proof", bad, id1.Hex())
	chain.Store[contentstore.Name(v1)] = v2 // a mirror serving other bytes
	out = fails("verification failed: 2 of 5 checks failed", "data", "verify", id1.Hex())
	if !strings.Contains(out, "FAIL  content hash") {
		t.Fatalf("verify tampered:\n%s", out)
	}
	fails("does not hash to its name", "data", "get", id1.Hex())

	if out := must("reconcile"); !strings.Contains(out, "2 approved, 0 rejected, 2 published, 0 refused: 0 missing") || !strings.HasSuffix(out, "nothing missing\n") {
		t.Fatalf("reconcile:\n%s", out)
	}
	r3 := rt.Release(t, "roads", 3, 0, 2, v1, 23)
	chain.Decide(r3, true)
	chain.Commit()
	out = fails("not reconciled: 1 missing", "reconcile")
	if !strings.Contains(out, "missing    "+publicdata.RecordID(r3.DatasetId, 3).Hex()) {
		t.Fatalf("reconcile missing:\n%s", out)
	}
	chain.Publish(r3, 9)
	if out := must("reconcile"); !strings.HasSuffix(out, "nothing missing\n") {
		t.Fatalf("reconcile at the end:\n%s", out)
	}
}

// readerManifest writes a manifest of chain (playing every chain, as the
// readertest chain does) with the department "transport" into a new folder.
func readerManifest(t *testing.T, chain *rt.Chain) string {
	t.Helper()
	dir := t.TempDir()
	other := common.HexToAddress("0x0000000000000000000000000000000000001234")
	id := big.NewInt(1337)
	m := &deploy.Manifest{
		Consortium:  deploy.ConsortiumSite{RPC: []string{chain.RPC}, Consortium: &deploy.Consortium{ChainID: id, ValidatorSet: other, ReviewBoard: rt.ReviewBoard}},
		Public:      deploy.PublicSite{RPC: []string{chain.RPC}, Public: &deploy.Public{ChainID: id, Registry: chain.Registry, Bridge: rt.Bridge}, Verifier: rt.Verifier},
		Private:     deploy.PrivateSite{RPC: []string{chain.RPC}, Private: &deploy.Private{ChainID: id, Store: other}},
		Content:     chain.Content,
		Departments: []deploy.Department{{Name: "transport", Account: other}},
	}
	if err := m.Save(filepath.Join(dir, deploy.ManifestFile)); err != nil {
		t.Fatal(err)
	}
	return dir
}
