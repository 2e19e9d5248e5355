package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/sovereign-gov/sovereign/bindings/classificationverifier16next"
	"github.com/sovereign-gov/sovereign/internal/proctest"
	"github.com/sovereign-gov/sovereign/zk"
)

// TestVerifierAdoption (issue 15 item 7): on a devnet, a verifier made from
// another ceremony's keys is deployed on both chains and adopted as version
// 2 by a quorum of validators, each of whom checks it against the keys
// first. Before the adoption its proofs are refused; after it, the old keys'
// proofs are. The relayer announces the adoption to the public registry,
// where the public twin is then registered (refused before). Each release
// verifies with its own version's verifier: the one proved before the
// change with version 1, the one after with version 2. Refusals: a
// non-validator's vote, a verifier that does not match the keys.
func TestVerifierAdoption(t *testing.T) {
	t.Parallel() // a process test: mostly waiting on its own nodes
	if testing.Short() {
		t.Skip("process test")
	}
	r := startRecordPath(t)
	keys, next := filepath.Join(r.work, "zk-keys"), filepath.Join(r.work, "zk-keys-next")
	r.run(0, "zk", "setup", "--dev", "--size", "16", "--out", keys)
	r.run(0, "zk", "setup", "--dev", "--size", "16", "--seed", zk.DevSeedNext, "--out", next)
	marker := "SENSITIVE-VERIFIER-" + time.Now().Format("150405.000")

	// a record proved with the version-1 keys, reviewed and approved
	before := r.submit("health", "stays", 1, 0, marker)
	approve := func(id string) {
		for v := 0; v < 3; v++ {
			r.run(0, append(append([]string{"review", "approve", "--reason", "checked"}, r.validator(v)...), id)...)
		}
	}
	approve(before)

	// the new verifier on both chains, from its compiled bytecode
	bytecode := filepath.Join(r.work, "ClassificationVerifier16Next.bin")
	if err := os.WriteFile(bytecode, []byte(classificationverifier16next.ClassificationVerifier16NextMetaData.Bin), 0o644); err != nil {
		t.Fatal(err)
	}
	deployer := r.devKeystore("verifier-deployer", 4)
	deployVerifier := func(want int, rpc string, extra ...string) (string, string) {
		out := r.run(want, append(append([]string{"deploy", "verifier", "--rpc", rpc, "--bytecode", bytecode, "--keys", next, "--insecure-dev-keys"},
			deployer...), extra...)...)
		if want != 0 {
			return "", out
		}
		var d struct {
			Verifier string `json:"verifier"`
		}
		if err := json.Unmarshal([]byte(out[strings.Index(out, "{"):]), &d); err != nil || d.Verifier == "" {
			t.Fatalf("deploy verifier printed no address (%v):\n%s", err, out)
		}
		return d.Verifier, out
	}
	consV2, _ := deployVerifier(0, r.m.Consortium.RPC[0])
	// the public twin cannot be registered as version 2 before the consortium adopts it
	if _, out := deployVerifier(1, r.m.Public.RPC[0], "--register", "2", "--registry", r.m.Public.Registry.Hex()); !strings.Contains(out, "UnknownVerifierVersion") {
		t.Fatalf("registering version 2 before its adoption: want UnknownVerifierVersion:\n%s", out)
	}
	// a verifier that does not match the keys is refused at deployment
	if _, out := deployVerifier(1, r.m.Consortium.RPC[0], "--keys", keys); !strings.Contains(out, "not their verifier") {
		t.Fatalf("deploy verifier checked against other keys: want a refusal:\n%s", out)
	}

	// unapproved: a record proved with the new keys is refused
	tbl, cols := r.table("health-stays-next", 0, marker)
	submitWith := func(want int, version uint64, keysDir string) string {
		return r.run(want, append([]string{"submit", "--department", "health", "--dataset", "stays", "--version", fmt.Sprint(version),
			"--table", tbl, "--columns", cols, "--policy", filepath.Join(r.dir, "policy.json"),
			"--salt-file", filepath.Join(r.work, fmt.Sprintf("stays-%d.salt", version)), "--new-salt", "--keys", keysDir}, r.login("dept-health")...)...)
	}
	if out := submitWith(1, 2, next); !strings.Contains(out, "refused") {
		t.Fatalf("a proof of the new keys before their verifier is adopted: want a refusal:\n%s", out)
	}

	// adoption: a non-validator's vote is refused; three of four validators adopt
	if out := r.run(1, append(append([]string{"zk", "adopt", "--manifest", r.dir, "--keys", next, "--insecure-dev-keys", "--reason", "ceremony 2 sealed"}, deployer...), consV2)...); !strings.Contains(out, "NotValidator") {
		t.Fatalf("a non-validator adopting: want NotValidator:\n%s", out)
	}
	for v := 0; v < 3; v++ {
		out := r.run(0, append(append([]string{"zk", "adopt", "--manifest", r.dir, "--keys", next, "--insecure-dev-keys", "--reason", "ceremony 2 sealed"}, r.validator(v)...), consV2)...)
		if want := map[bool]string{true: "is verifier version 2", false: "needs a quorum"}[v == 2]; !strings.Contains(out, want) {
			t.Fatalf("zk adopt by validator %d: want %q:\n%s", v, want, out)
		}
	}
	// the old keys' proofs are refused now, the new keys' accepted
	if out := submitWith(1, 3, keys); !strings.Contains(out, "refused") {
		t.Fatalf("a proof of the old keys after the new verifier's adoption: want a refusal:\n%s", out)
	}
	m := submittedLine.FindStringSubmatch(submitWith(0, 4, next))
	if m == nil {
		t.Fatal("submit with the new keys printed no record id")
	}
	after := m[1]
	approve(after)

	// the relayer publishes both releases and announces version 2
	rel := r.relayer("relayer-v", 5, true)
	defer rel.Stop()
	proctest.WaitFor(t, 3*time.Minute, "both releases and version 2 on the public chain", func() bool {
		out, err := proctest.Run(r.bin, "zk", "verifiers", "--manifest", r.dir)
		if err != nil || !strings.Contains(out, "version 2") || strings.Contains(out, "not announced") {
			return false
		}
		for _, id := range []string{before, after} {
			if out, err := proctest.Run(r.bin, "data", "show", "--manifest", r.dir, id); err != nil || !strings.Contains(out, id) {
				return false
			}
		}
		return true
	})
	// until a twin is registered, version 2's release does not verify
	if out := r.run(1, "data", "verify", after); !strings.Contains(out, "not verifier version 2") || !strings.Contains(out, "deploy verifier --register 2") {
		t.Fatalf("data verify of a version-2 release with no version-2 verifier registered:\n%s", out)
	}
	pubV2, _ := deployVerifier(0, r.m.Public.RPC[0], "--register", "2", "--registry", r.m.Public.Registry.Hex())
	out := r.run(0, "zk", "verifiers", "--manifest", r.dir)
	if !regexp.MustCompile(`(?i)\* version 2: ` + regexp.QuoteMeta(consV2) + `.*registered at ` + regexp.QuoteMeta(pubV2)).MatchString(out) {
		t.Fatalf("zk verifiers: want version 2 current and registered at %s:\n%s", pubV2, out)
	}
	for id, version := range map[string]string{before: "verifier version 1", after: "verifier version 2"} {
		if out := r.run(0, "data", "verify", id); !strings.Contains(out, version) || strings.Contains(out, "FAIL") {
			t.Fatalf("data verify %s: want a pass with %s:\n%s", id, version, out)
		}
	}
}
