package node

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/rawdb"
	"github.com/ethereum/go-ethereum/eth"
	gethnode "github.com/ethereum/go-ethereum/node"
)

// A new chain stores every block's state (hash scheme, archive: README,
// "Crash safety"); a data folder made before, on geth's default path
// scheme, still opens on the scheme it was made with.
func TestStateSchemeNewAndExistingFolders(t *testing.T) {
	g, err := PublicGenesis(PublicSpec{Signers: []common.Address{{1}}})
	if err != nil {
		t.Fatal(err)
	}
	scheme := func(dir string) string {
		t.Helper()
		n, err := New(Config{DataDir: dir, Genesis: g})
		if err != nil {
			t.Fatal(err)
		}
		defer n.Close()
		if !n.Eth.ArchiveMode() && n.Eth.BlockChain().TrieDB().Scheme() == rawdb.HashScheme {
			t.Fatal("hash scheme without archive mode: state would live in memory")
		}
		return n.Eth.BlockChain().TrieDB().Scheme()
	}
	fresh := t.TempDir()
	if got := scheme(fresh); got != rawdb.HashScheme {
		t.Fatalf("new chain on the %s scheme, want hash", got)
	}
	if got := scheme(fresh); got != rawdb.HashScheme {
		t.Fatalf("reopened chain on the %s scheme, want hash", got)
	}

	// A folder made by the code before: geth's default (path) scheme.
	old := t.TempDir()
	cfg := Config{DataDir: old, Genesis: g}
	stackCfg, err := stackConfig(&cfg)
	if err != nil {
		t.Fatal(err)
	}
	stack, err := gethnode.New(stackCfg)
	if err != nil {
		t.Fatal(err)
	}
	ecfg := ethConfig(&cfg)
	ecfg.StateScheme, ecfg.NoPruning = rawdb.PathScheme, false
	backend, err := eth.New(stack, ecfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := stack.Start(); err != nil {
		t.Fatal(err)
	}
	if backend.BlockChain().TrieDB().Scheme() != rawdb.PathScheme {
		t.Fatal("the old folder was not made on the path scheme")
	}
	stack.Close()
	if got := scheme(old); got != rawdb.PathScheme {
		t.Fatalf("existing path-scheme folder opened on the %s scheme", got)
	}
}
