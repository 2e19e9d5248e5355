package bridgetest

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
)

// anvilDevKey is anvil's first default dev account (public test key, funded
// by anvil at start; never used outside tests).
const anvilDevKey = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"

// anvilBin is the anvil that scripts/foundry.sh installs into node_modules
// (make test runs that setup first).
func anvilBin(t *testing.T) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..")
	matches, _ := filepath.Glob(filepath.Join(root, "node_modules", "@foundry-rs", "anvil-linux-*", "bin", "anvil"))
	if len(matches) == 0 {
		t.Fatal("anvil not installed: run scripts/foundry.sh setup (make test does)")
	}
	return matches[0]
}

// startAnvil runs anvil as an independent reference node with London rules
// (the public chain's last fork) and returns a client and the funded dev key's actor.
func startAnvil(t *testing.T) (*chain, actor) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	cmd := exec.Command(anvilBin(t), "--hardfork", "london", "--port", fmt.Sprint(port), "--host", "127.0.0.1",
		"--chain-id", "31337", "--gas-limit", "30000000")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting anvil: %v", err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	ready := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(stdout)
		once := false
		for sc.Scan() {
			if !once && strings.Contains(sc.Text(), "Listening on") {
				once = true
				close(ready)
			}
		}
	}()
	select {
	case <-ready:
	case <-time.After(30 * time.Second):
		t.Fatal("anvil did not start within 30s")
	}
	client, err := ethclient.Dial(fmt.Sprintf("http://127.0.0.1:%d", port))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(client.Close)
	id, err := client.ChainID(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	k, err := crypto.HexToECDSA(anvilDevKey)
	if err != nil {
		t.Fatal(err)
	}
	return &chain{t: t, client: client, chainID: id}, actor{k, crypto.PubkeyToAddress(k.PublicKey)}
}

// TestReleaseBridgeOnAnvilLondon relays the real geth consortium block to a
// bridge on anvil (an independent node, London rules) and records the gas a
// transaction really pays on the public chain's fork.
func TestReleaseBridgeOnAnvilLondon(t *testing.T) {
	f := setup(t)
	public, dev := startAnvil(t)
	f.deployPublic(t, public, dev)
	f.relay = dev
	if got := f.revertName(t, f.cert, f.header[:len(f.header)-1], f.proofs); got == "" {
		t.Fatal("a truncated header was accepted on anvil")
	}
	c := cloneCert(f.cert)
	c.Seals = c.Seals[:2]
	if got := f.revertName(t, c, f.header, f.proofs); got != "NotEnoughSeals" {
		t.Fatalf("revert = %q, want NotEnoughSeals", got)
	}
	rc := f.public.send(dev, &f.bridge, relayCalldata(f))
	t.Logf("anvil (London) relay of one release: %d gas", rc.GasUsed)
	if rc.GasUsed > 400_000 {
		t.Errorf("relay used %d gas on London, goal is ≤ 400k", rc.GasUsed)
	}
	if got := f.revertName(t, f.cert, f.header, f.proofs); got != "AlreadyRelayed" {
		t.Fatalf("replay revert = %q, want AlreadyRelayed", got)
	}
}
