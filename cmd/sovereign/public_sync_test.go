package main

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/log"

	"github.com/sovereign-gov/sovereign/internal/proctest"
	"github.com/sovereign-gov/sovereign/internal/testbin"
	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/node/public"
)

// TestPublicFollowerSyncsLate builds a 1,200-block chain, serves it from a
// signer process and starts a follower process afterwards: the follower
// catches up over the sov protocol to the same head.
func TestPublicFollowerSyncsLate(t *testing.T) {
	t.Parallel() // a process test: mostly waiting on its own nodes
	if testing.Short() {
		t.Skip("multi-process test")
	}
	const blocks = 1200
	bin := testbin.Sovereign(t)
	dir := t.TempDir()
	password := writeFile(t, filepath.Join(dir, "password"), "pw\n")
	signer := newAccount(t, bin, filepath.Join(dir, "keys"), password)
	genesis := filepath.Join(dir, "genesis.json")
	if out, err := proctest.Run(bin, "genesis", "public", "--period", "0", "--signers", signer.addr.Hex(), "--out", genesis); err != nil {
		t.Fatalf("genesis: %v\n%s", err, out)
	}
	signerDir := filepath.Join(dir, "signer")
	generateChain(t, signerDir, genesis, signer, password, blocks)

	port := proctest.FreePort(t)
	enode := proctest.NodeKey(t, signerDir, port)
	src := startPublic(t, bin, "signer", signerDir, genesis, port, nil, &signer, password)
	if h := src.head(t); h == nil || h.Number.Uint64() != blocks {
		t.Fatalf("signer serves head %v, want %d", h, blocks)
	}
	start := time.Now()
	follower := startPublic(t, bin, "follower", filepath.Join(dir, "follower"), genesis, proctest.FreePort(t), []string{enode}, nil, "")
	proctest.WaitFor(t, 120*time.Second, "late follower to sync 1,200 blocks", func() bool { return sameHead(t, blocks, src, follower) })
	t.Logf("follower synced %d blocks in %v", blocks, time.Since(start).Round(time.Millisecond))
}

// generateChain seals n empty blocks into datadir in process.
func generateChain(t *testing.T, datadir, genesisPath string, signer account, password string, n int) {
	t.Helper()
	g, err := node.ReadGenesis(genesisPath)
	if err != nil {
		t.Fatal(err)
	}
	key, err := node.LoadKey(signer.keystore, password)
	if err != nil {
		t.Fatal(err)
	}
	pn, err := public.New(public.Config{Node: node.Config{DataDir: datadir, Genesis: g}, Signer: key, Logger: log.New()})
	if err != nil {
		t.Fatal(err)
	}
	defer pn.Close()
	if err := pn.Start(); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		if _, err := pn.Clique.SealNow(context.Background()); err != nil {
			t.Fatalf("sealing block %d: %v", i+1, err)
		}
	}
}
