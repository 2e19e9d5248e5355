package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sovereign-gov/sovereign/internal/proctest"
	"github.com/sovereign-gov/sovereign/internal/testbin"
)

// TestQBFTBadInput checks that wrong genesis and start-up input for the
// consortium and private chains is refused with a message naming the problem.
func TestQBFTBadInput(t *testing.T) {
	bin := testbin.Sovereign(t)
	dir := t.TempDir()
	password := writeFile(t, filepath.Join(dir, "password"), "right\n")
	wrongPassword := writeFile(t, filepath.Join(dir, "wrong"), "wrong\n")
	var vals []account
	for i := 0; i < 4; i++ {
		vals = append(vals, newAccount(t, bin, filepath.Join(dir, "keys"), password))
	}
	list := func(as []account) string {
		var s []string
		for _, a := range as {
			s = append(s, a.addr.Hex())
		}
		return strings.Join(s, ",")
	}
	genesis := filepath.Join(dir, "genesis.json")
	if out, err := proctest.Run(bin, "genesis", "consortium", "--validators", list(vals), "--out", genesis); err != nil {
		t.Fatalf("genesis consortium: %v\n%s", err, out)
	}
	publicGenesis := filepath.Join(dir, "public.json")
	if out, err := proctest.Run(bin, "genesis", "public", "--signers", vals[0].addr.Hex(), "--out", publicGenesis); err != nil {
		t.Fatalf("genesis public: %v\n%s", err, out)
	}
	raw, _ := os.ReadFile(genesis)
	malformed := writeFile(t, filepath.Join(dir, "malformed.json"), string(raw[:len(raw)/2]))

	node := func(chain, genesis string, extra ...string) []string {
		return append([]string{"node", chain, "--datadir", filepath.Join(dir, "data"), "--genesis", genesis,
			"--p2p.addr", "127.0.0.1:0", "--http.addr", ""}, extra...)
	}
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"bad validator address", []string{"genesis", "consortium", "--validators", "0x1234", "--out", filepath.Join(dir, "x.json")}, "--validators: \"0x1234\" is not a 0x-prefixed 20-byte hex address"},
		{"duplicate validator", []string{"genesis", "consortium", "--validators", list(vals[:1]) + "," + list(vals[:1]), "--out", filepath.Join(dir, "x.json")}, "listed twice"},
		{"private with four validators", []string{"genesis", "private", "--validators", list(vals), "--out", filepath.Join(dir, "x.json")}, "one to three validators, got 4"},
		{"bad alloc", []string{"genesis", "consortium", "--validators", list(vals), "--alloc", "0x12=5", "--out", filepath.Join(dir, "x.json")}, "--alloc"},
		{"clique genesis for a QBFT node", node("consortium", publicGenesis), "not a QBFT genesis"},
		{"malformed genesis", node("consortium", malformed), "genesis"},
		{"period below one second", node("consortium", genesis, "--period", "500ms"), "the period must be at least 1s"},
		{"wrong keystore password", node("consortium", genesis, "--validator.keystore", vals[0].keystore, "--validator.password", wrongPassword), "wrong password"},
		{"keystore without password", node("consortium", genesis, "--validator.keystore", vals[0].keystore), "--validator.keystore needs --validator.password"},
		{"password without keystore", node("consortium", genesis, "--validator.password", wrongPassword), "--validator.password given without --validator.keystore"},
		{"private RPC on every interface", node("private", genesis, "--http.addr", "0.0.0.0"), "must not listen on every interface"},
		{"bad static peer", node("consortium", genesis, "--p2p.static", "enode://nonsense"), "is not an enode URL"},
		{"unknown API", node("consortium", genesis, "--http.api", "eth,clique"), `--http.api "eth,clique": unknown API "clique"`},
		{"private chain CORS for any origin", node("private", genesis, "--http.corsdomain", "*"), `must not accept every browser origin (CORS) ("*")`},
		// The production binary carries no Byzantine test behaviour (issue 17).
		{"byzantine flag in a production binary", node("consortium", genesis, "--byzantine.equivocate"), "flag provided but not defined: -byzantine.equivocate"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out, err := proctest.Run(bin, tc.args...)
			if err == nil {
				t.Fatalf("succeeded, want error containing %q:\n%s", tc.want, out)
			}
			if !strings.Contains(out, tc.want) {
				t.Fatalf("error output does not contain %q:\n%s", tc.want, out)
			}
		})
	}
}
