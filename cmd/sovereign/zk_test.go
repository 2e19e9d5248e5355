package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sovereign-gov/sovereign/internal/testbin"
	"github.com/sovereign-gov/sovereign/record"
)

// runZK runs the real binary and returns stdout+stderr.
func runZK(t *testing.T, bin string, args ...string) (string, error) {
	t.Helper()
	out, err := exec.Command(bin, args...).CombinedOutput()
	return string(out), err
}

func writeZKFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestZKProveVerifyCLI runs the department's and the public's path with the
// real binary: dev keys, prove a CSV table, verify, check the released table;
// the same table as JSON gives the same commitment.
func TestZKProveVerifyCLI(t *testing.T) {
	bin := testbin.Sovereign(t)
	dir := t.TempDir()
	keys := filepath.Join(dir, "keys")

	out, err := runZK(t, bin, "zk", "setup", "--dev", "--size", "16", "--out", keys)
	if err != nil {
		t.Fatalf("setup: %v\n%s", err, out)
	}
	if !strings.Contains(out, "INSECURE DEV SETUP") {
		t.Fatalf("dev setup did not warn:\n%s", out)
	}

	// The dev keys never pass for a real verifier's keys (issue 13 item 10),
	// and the verifier is checked: both before any chain is contacted.
	deployArgs := []string{"deploy", "consortium", "--rpc", "http://127.0.0.1:1", "--keystore", "k", "--password", "p",
		"--verifier", "0x00000000000000000000000000000000000c1a55", "--security-officer", "0x0000000000000000000000000000000000000ff1", "--policy", writeZKFile(t, dir, "deploy-policy.json", `{"categories": [{"id": 0, "level": 2}]}`)}
	if out, err := runZK(t, bin, append(deployArgs, "--keys", keys)...); err == nil || !strings.Contains(out, "these are the INSECURE dev keys") {
		t.Fatalf("deploy with the dev keys as real keys: %v\n%s", err, out)
	}
	if out, err := runZK(t, bin, deployArgs...); err == nil || !strings.Contains(out, "--keys: the ceremony's keys directory is required") {
		t.Fatalf("deploy without keys: %v\n%s", err, out)
	}

	policy := writeZKFile(t, dir, "policy.json", `{"categories": [
		{"id": 0, "name": "personal-id", "level": 2},
		{"id": 1, "name": "health", "level": 2},
		{"id": 2, "name": "location", "level": 1},
		{"id": 3, "name": "aggregate", "level": 0}]}`)
	columns := writeZKFile(t, dir, "columns.json", `{"patient": "personal-id", "ward": "location", "age_band": 3, "diagnosis": "health", "admissions": "aggregate"}`)
	table := writeZKFile(t, dir, "admissions.csv", "patient,ward,age_band,diagnosis,admissions\nP-001,North,40-49,J45,3\nP-002,South,70-79,I21,1\n")
	tableJSON := writeZKFile(t, dir, "admissions.json", `[
		{"patient": "P-001", "ward": "North", "age_band": "40-49", "diagnosis": "J45", "admissions": 3},
		{"patient": "P-002", "ward": "South", "age_band": "70-79", "diagnosis": "I21", "admissions": 1}]`)
	salt := filepath.Join(dir, "secret", "admissions.salt")
	proof := filepath.Join(dir, "proof.json")

	if err := os.MkdirAll(filepath.Dir(salt), 0o700); err != nil {
		t.Fatal(err)
	}
	prove := func(table, out string, threshold int) string {
		t.Helper()
		args := []string{"zk", "prove", "--keys", keys, "--table", table, "--columns", columns,
			"--policy", policy, "--threshold", fmt.Sprint(threshold), "--salt", salt, "--out", out,
			"--department", "health", "--dataset", "admissions", "--version", "1", "--view-out", out + ".view.csv"}
		if _, err := os.Stat(salt); err != nil {
			args = append(args, "--new-salt") // the record's first proof draws its salt
		}
		o, err := runZK(t, bin, args...)
		if err != nil {
			t.Fatalf("prove %s: %v\n%s", table, err, o)
		}
		return o
	}
	if o := prove(table, proof, 0); !strings.Contains(o, "5 columns, level 2, 2 released at threshold 0, bound to health/admissions version 1") {
		t.Fatalf("prove output:\n%s", o)
	}
	// The proof is bound to the record: its binding is computed from the
	// identity and the released view written next to it, and zk verify
	// checks it; any other identity or content is refused.
	view, err := os.ReadFile(proof + ".view.csv")
	if err != nil {
		t.Fatal(err)
	}
	if string(view) != ",,age_band,,admissions\n,,40-49,,3\n,,70-79,,1\n" {
		t.Fatalf("released view:\n%s", view)
	}
	b := record.Binding(record.DatasetID("health", "admissions"), 1, record.ContentHash(view))
	if got := publicField(t, proof, "binding"); got != record.HexElement(&b) {
		t.Fatalf("binding %s, want %s", got, record.HexElement(&b))
	}
	bind := func(dept, dataset, version, view string) []string {
		return []string{"zk", "verify", "--keys", keys, "--proof", proof, "--department", dept, "--dataset", dataset, "--version", version, "--view", view}
	}
	if o, err := runZK(t, bin, bind("health", "admissions", "1", proof+".view.csv")...); err != nil || !strings.Contains(o, "bound to health/admissions version 1") {
		t.Fatalf("verify binding: %v\n%s", err, o)
	}
	otherView := writeZKFile(t, dir, "other-view.csv", ",,age_band,,admissions\n,,40-49,,4\n,,70-79,,1\n")
	for _, args := range [][]string{
		bind("tax", "admissions", "1", proof+".view.csv"),
		bind("health", "admissions", "2", proof+".view.csv"),
		bind("health", "admissions", "1", otherView),
	} {
		if o, err := runZK(t, bin, args...); err == nil || !strings.Contains(o, "proof is bound to another record") {
			t.Fatalf("verify %v: %v\n%s", args, err, o)
		}
	}
	if info, err := os.Stat(salt); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("salt file: %v %v", info, err)
	}
	if o, err := runZK(t, bin, "zk", "verify", "--keys", keys, "--proof", proof); err != nil || !strings.Contains(o, "proof ok: level 2, threshold 0") {
		t.Fatalf("verify: %v\n%s", err, o)
	}

	// The released table: open columns only.
	released := writeZKFile(t, dir, "released.csv", "age_band,admissions\n40-49,3\n70-79,1\n")
	if o, err := runZK(t, bin, "zk", "verify", "--keys", keys, "--proof", proof, "--table", released); err != nil {
		t.Fatalf("verify released table: %v\n%s", err, o)
	}
	leaky := writeZKFile(t, dir, "leaky.csv", "age_band,admissions,diagnosis\n40-49,3,J45\n70-79,1,I21\n")
	if o, err := runZK(t, bin, "zk", "verify", "--keys", keys, "--proof", proof, "--table", leaky); err == nil ||
		!strings.Contains(o, `column "diagnosis" is withheld by the proof but present in the released table`) {
		t.Fatalf("leaky table: %v\n%s", err, o)
	}
	edited := writeZKFile(t, dir, "edited.csv", "age_band,admissions\n40-49,4\n70-79,1\n")
	if o, err := runZK(t, bin, "zk", "verify", "--keys", keys, "--proof", proof, "--table", edited); err == nil ||
		!strings.Contains(o, `column "admissions": content does not match the released column hash`) {
		t.Fatalf("edited table: %v\n%s", err, o)
	}

	// Same table as JSON, same salt: same commitment; threshold 1 releases ward too.
	proofJSON := filepath.Join(dir, "proof-json.json")
	if o := prove(tableJSON, proofJSON, 1); !strings.Contains(o, "3 released at threshold 1") {
		t.Fatalf("prove json output:\n%s", o)
	}
	if a, b := publicField(t, proof, "commitment"), publicField(t, proofJSON, "commitment"); a != b {
		t.Fatalf("CSV and JSON tables commit differently: %s vs %s", a, b)
	}
}

func publicField(t *testing.T, path, field string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var p struct {
		Public map[string]any `json:"public"`
	}
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatal(err)
	}
	return fmt.Sprint(p.Public[field])
}

// TestZKBadInputCLI checks that bad input is refused with a message naming it.
func TestZKBadInputCLI(t *testing.T) {
	bin := testbin.Sovereign(t)
	dir := t.TempDir()
	keys := filepath.Join(dir, "keys") // never created: every case fails before keys are needed
	policy := writeZKFile(t, dir, "policy.json", `{"categories": [{"id": 0, "name": "personal-id", "level": 2}, {"id": 3, "name": "aggregate", "level": 0}]}`)
	columns := writeZKFile(t, dir, "columns.json", `{"a": "aggregate", "b": "personal-id"}`)
	wide := make([]string, 65)
	for i := range wide {
		wide[i] = fmt.Sprintf("c%d", i)
	}
	salt := writeZKFile(t, dir, "salt", "0x2a\n")
	identity := []string{"--department", "health", "--dataset", "admissions", "--version", "1"}
	prove := func(table, columns string) []string {
		return append([]string{"zk", "prove", "--keys", keys, "--table", table, "--columns", columns, "--policy", policy, "--salt", salt}, identity...)
	}
	proveWith := func(policy, columns, table, salt string, extra ...string) []string {
		return append(append([]string{"zk", "prove", "--keys", keys, "--table", table, "--columns", columns, "--policy", policy, "--salt", salt}, identity...), extra...)
	}
	unbound := []string{"zk", "prove", "--keys", keys, "--table", writeZKFile(t, dir, "ub.csv", "a,b\n1,2\n"), "--columns", columns, "--policy", policy, "--salt", salt}
	okTable := writeZKFile(t, dir, "ok.csv", "a,b\n1,2\n")
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"ragged rows", prove(writeZKFile(t, dir, "ragged.csv", "a,b\n1,2\n3\n"), columns), "ragged rows: row 2 has 1 cells, the header has 2 columns"},
		{"unknown category", prove(writeZKFile(t, dir, "t.csv", "a,b\n1,2\n"), writeZKFile(t, dir, "cols-unknown.json", `{"a": "aggregate", "b": "astrology"}`)), `column "b": unknown category "astrology"`},
		{"category outside the policy", prove(writeZKFile(t, dir, "t2.csv", "a,b\n1,2\n"), writeZKFile(t, dir, "cols-7.json", `{"a": 3, "b": 7}`)), `column "b": category 7: category is not in the policy`},
		{"more than 64 columns", prove(writeZKFile(t, dir, "wide.csv", strings.Join(wide, ",")+"\n"), columns), "table has 65 columns: at most 64 columns are supported"},
		{"malformed proof file", []string{"zk", "verify", "--keys", keys, "--proof", writeZKFile(t, dir, "bad-proof.json", `{"version": 1, "size": 16, "proof": "0x12"`)}, "malformed proof file"},
		{"setup without --dev", []string{"zk", "setup", "--out", keys}, "only --dev keys are made here"},
		{"bad threshold", append(prove(writeZKFile(t, dir, "t3.csv", "a,b\n1,2\n"), columns), "--threshold", "5"), "--threshold 5: must be 0 (open), 1 (conditional) or 2 (sensitive)"},
		{"missing keys", prove(writeZKFile(t, dir, "t4.csv", "a,b\n1,2\n"), columns), "read verifying key"},
		{"not a ceremony", []string{"zk", "ceremony", "contribute", "--dir", dir}, "not a ceremony directory (run ceremony init)"},
		// Fail closed on every file a user writes (issue 13): a typo must
		// never release a column.
		{"policy level misspelt", proveWith(writeZKFile(t, dir, "p-levl.json", `{"categories": [{"id": 0, "name": "personal-id", "levl": 2}, {"id": 3, "name": "aggregate", "level": 0}]}`), columns, okTable, salt),
			`p-levl.json: category 0: json: unknown field "levl"`},
		{"policy level missing", proveWith(writeZKFile(t, dir, "p-nolevel.json", `{"categories": [{"id": 0, "name": "personal-id"}, {"id": 3, "name": "aggregate", "level": 0}]}`), columns, okTable, salt),
			`p-nolevel.json: category 0 ("personal-id"): field "level" is missing`},
		{"policy level out of range", proveWith(writeZKFile(t, dir, "p-level3.json", `{"categories": [{"id": 0, "name": "personal-id", "level": 3}]}`), columns, okTable, salt),
			`category 0 ("personal-id"): field "level": 3: level must be 0 (open), 1 (conditional) or 2 (sensitive)`},
		{"policy field misspelt", proveWith(writeZKFile(t, dir, "p-categorys.json", `{"categorys": [{"id": 0, "name": "personal-id", "level": 2}]}`), columns, okTable, salt),
			`p-categorys.json: json: unknown field "categorys"`},
		{"policy without categories", proveWith(writeZKFile(t, dir, "p-empty.json", `{}`), columns, okTable, salt), `field "categories" is missing`},
		{"policy id missing", proveWith(writeZKFile(t, dir, "p-noid.json", `{"categories": [{"name": "personal-id", "level": 2}]}`), columns, okTable, salt),
			`category 0 ("personal-id"): field "id" is missing`},
		{"column category null", proveWith(policy, writeZKFile(t, dir, "cols-null.json", `{"a": "aggregate", "b": null}`), okTable, salt),
			`cols-null.json: column "b": category must be a category name or an id 0..15, found null`},
		{"column named twice", proveWith(policy, writeZKFile(t, dir, "cols-twice.json", `{"a": "aggregate", "b": 0, "a": 0}`), okTable, salt),
			`cols-twice.json: column "a" is named twice`},
		{"latin-1 table", proveWith(policy, columns, writeZKFile(t, dir, "latin1.csv", "a,b\n1,caf\xe9\n"), salt),
			`latin1.csv: row 1 column "b": not valid UTF-8`},
		{"latin-1 json table", proveWith(policy, columns, writeZKFile(t, dir, "latin1.json", "[{\"a\": \"1\", \"b\": \"caf\xe9\"}]"), salt),
			`latin1.json: parse json: byte 21: not valid UTF-8`},
		{"salt file mistyped", proveWith(policy, columns, okTable, filepath.Join(dir, "typo", "salt")),
			"does not exist: for a new record pass --new-salt"},
		{"new salt in a missing folder", proveWith(policy, columns, okTable, filepath.Join(dir, "typo", "salt"), "--new-salt"),
			"folder " + filepath.Join(dir, "typo") + " does not exist"},
		{"new salt over an old one", proveWith(policy, columns, okTable, salt, "--new-salt"), "exists already: --new-salt never overwrites"},
		{"zero salt", proveWith(policy, columns, okTable, writeZKFile(t, dir, "zero.salt", "0x0\n")), "the salt is zero"},
		// The proof is bound to a record: its identity is required and checked.
		{"no record identity", unbound, `missing --department, --dataset, --version (see 'sovereign zk prove --help')`},
		{"department not lower-case", append(append([]string{}, unbound...), "--department", "Health", "--dataset", "admissions", "--version", "1"),
			`--department "Health": a department name is non-empty and lower-case`},
		{"version 0", append(append([]string{}, unbound...), "--department", "health", "--dataset", "admissions", "--version", "0"), "--version: versions start at 1"},
		{"old proof file", []string{"zk", "verify", "--keys", keys, "--proof", writeZKFile(t, dir, "v1-proof.json", `{"version": 1, "size": 16, "public": {}, "released": [], "proof": "0x"}`)},
			"proof file version 1 has five public inputs and no binding to its record"},
		{"binding half named", []string{"zk", "verify", "--keys", keys, "--proof", writeZKFile(t, dir, "v2.json", "{}"), "--department", "health"}, "give all four or none"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out, err := runZK(t, bin, tc.args...)
			if err == nil {
				t.Fatalf("accepted:\n%s", out)
			}
			if !strings.Contains(out, tc.want) {
				t.Fatalf("output does not name the problem %q:\n%s", tc.want, out)
			}
		})
	}
}
