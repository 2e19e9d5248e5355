package main

import (
	"math/rand/v2"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sovereign-gov/sovereign/internal/proctest"
	"github.com/sovereign-gov/sovereign/internal/testbin"
)

// TestBenchSmoke runs every `sovereign bench` entry as a process at a tiny
// size, so that a broken benchmark fails `make test` rather than the next
// `make bench` (~1.5 min in all here, most of it the pipeline's devnet
// start). Each must end with success and print its result next to its
// same-run reference; a new bench entry without a case here fails.
func TestBenchSmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("process test")
	}
	bin := testbin.Sovereign(t)
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	httpBase := 20000 + rand.IntN(200)*40 // below the ephemeral range, as the devnet tests
	p2pBase := 12000 + rand.IntN(200)*20
	cases := map[string]struct {
		args func(t *testing.T) []string
		want []string // in the output
	}{
		"vault": {
			args: func(*testing.T) []string {
				return []string{"--records", "20", "--single-records", "5", "--batch", "10"}
			},
			want: []string{"batched key wrapping", "one transit request each"},
		},
		"zk": {
			args: func(*testing.T) []string { return []string{"--size", "16", "--runs", "1", "--root", root} },
			want: []string{"constraints", "native"},
		},
		"qbft": {
			args: func(*testing.T) []string {
				return []string{"--transfers", "40", "--calls", "20", "--senders", "2", "--paced-rate", "50", "--timeout", "1m"}
			},
			want: []string{"ratio QBFT/clique", "offline proposer"},
		},
		"public": {
			args: func(t *testing.T) []string {
				return []string{"--geth", referenceGeth(t, root), "--txs", "200", "--senders", "2", "--blocks", "50", "--timeout", "1m"}
			},
			want: []string{"ratio ours/geth", "direct InsertChain"},
		},
		"pipeline": {
			args: func(*testing.T) []string {
				return []string{"--records", "2", "--departments", "1", "--rows", "10", "--timeout", "3m",
					"--http.port", strconv.Itoa(httpBase), "--p2p.port", strconv.Itoa(p2pBase), "--vault.port", strconv.Itoa(httpBase + 310)}
			},
			want: []string{"records/s prover alone", "gas"},
		},
	}
	var names []string
	for _, c := range benchCommand().Subcommands {
		names = append(names, c.Name)
	}
	slices.Sort(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			c, ok := cases[name]
			if !ok {
				t.Fatalf("bench %s has no smoke case", name)
			}
			start := time.Now()
			out, err := proctest.Run(bin, append([]string{"bench", name}, c.args(t)...)...)
			if err != nil {
				t.Fatalf("bench %s: %v\n%s", name, err, out)
			}
			for _, w := range c.want {
				if !strings.Contains(out, w) {
					t.Errorf("bench %s printed no %q:\n%s", name, w, out)
				}
			}
			t.Logf("bench %s at a tiny size: %s", name, time.Since(start).Round(100*time.Millisecond))
		})
	}
}

// referenceGeth builds geth at the version go.mod pins (what `make bench`
// builds into build/bin/geth), into the test binaries' folder.
func referenceGeth(t *testing.T, root string) string {
	t.Helper()
	out := filepath.Join(root, "build", "testbin", "geth")
	cmd := exec.Command("go", "build", "-trimpath", "-o", out, "github.com/ethereum/go-ethereum/cmd/geth")
	cmd.Dir = root
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the reference geth: %v\n%s", err, msg)
	}
	return out
}
