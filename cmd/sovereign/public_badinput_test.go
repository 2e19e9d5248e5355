package main

import (
	"context"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"

	"github.com/sovereign-gov/sovereign/internal/proctest"
	"github.com/sovereign-gov/sovereign/internal/testbin"
)

// TestPublicBadStartInput checks that each wrong start-up input is refused
// with a message naming the problem, and the process exits.
func TestPublicBadStartInput(t *testing.T) {
	bin := testbin.Sovereign(t)
	dir := t.TempDir()
	password := writeFile(t, filepath.Join(dir, "password"), "right\n")
	wrongPassword := writeFile(t, filepath.Join(dir, "wrong"), "wrong\n")
	signer := newAccount(t, bin, filepath.Join(dir, "keys"), password)
	stranger := newAccount(t, bin, filepath.Join(dir, "keys"), password)
	genesis := filepath.Join(dir, "genesis.json")
	if out, err := proctest.Run(bin, "genesis", "public", "--signers", signer.addr.Hex(), "--out", genesis); err != nil {
		t.Fatalf("genesis: %v\n%s", err, out)
	}
	raw, _ := os.ReadFile(genesis)
	malformed := writeFile(t, filepath.Join(dir, "malformed.json"), string(raw[:len(raw)/2]))
	shanghai := writeFile(t, filepath.Join(dir, "shanghai.json"),
		strings.Replace(string(raw), `"londonBlock": 0,`, `"londonBlock": 0, "shanghaiTime": 0,`, 1))
	noClique := writeFile(t, filepath.Join(dir, "noclique.json"), `{"config":{"chainId":5},"difficulty":"0x1","gasLimit":"0x1000000","alloc":{}}`)

	node := func(genesis string, extra ...string) []string {
		return append([]string{"node", "public", "--datadir", filepath.Join(dir, "data"), "--genesis", genesis,
			"--p2p.addr", "127.0.0.1:0", "--http.addr", "", "--ws.addr", ""}, extra...)
	}
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"malformed genesis", node(malformed), "is not valid genesis JSON"},
		{"genesis after London", node(shanghai), "clique chains stop at London"},
		{"genesis without clique", node(noClique), "no clique section"},
		{"missing genesis file", node(filepath.Join(dir, "nope.json")), "reading genesis"},
		{"wrong keystore password", node(genesis, "--signer.keystore", signer.keystore, "--signer.password", wrongPassword), "wrong password"},
		{"keystore without password", node(genesis, "--signer.keystore", signer.keystore), "needs --signer.password"},
		{"unknown signer key", node(genesis, "--signer.keystore", stranger.keystore, "--signer.password", password), "is not an authorized signer"},
		{"bad static peer", node(genesis, "--p2p.static", "enode://nonsense"), "is not an enode URL"},
		{"unknown API", node(genesis, "--http.api", "eth,personal"), `--http.api "eth,personal": unknown API "personal" (known: eth,net,web3,txpool,clique,debug,admin)`},
		{"QBFT API on the public chain", node(genesis, "--ws.api", "qbft"), `--ws.api "qbft": unknown API "qbft"`},
		{"bad signer address", []string{"genesis", "public", "--signers", "0x1234", "--out", filepath.Join(dir, "x.json")}, "not a 0x-prefixed 20-byte hex address"},
		{"bad alloc", []string{"genesis", "public", "--signers", signer.addr.Hex(), "--alloc", signer.addr.Hex() + "=lots", "--out", filepath.Join(dir, "x.json")}, "is not a non-negative integer"},
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

// TestPublicBadTransactions sends a malformed and an under-priced
// transaction to a running node: both are refused with geth's message and
// the chain and balances are unaffected.
func TestPublicBadTransactions(t *testing.T) {
	if testing.Short() {
		t.Skip("process test")
	}
	bin := testbin.Sovereign(t)
	dir := t.TempDir()
	password := writeFile(t, filepath.Join(dir, "password"), "pw\n")
	signer := newAccount(t, bin, filepath.Join(dir, "keys"), password)
	user, _ := crypto.GenerateKey()
	userAddr := crypto.PubkeyToAddress(user.PublicKey)
	genesis := filepath.Join(dir, "genesis.json")
	if out, err := proctest.Run(bin, "genesis", "public", "--period", "1", "--signers", signer.addr.Hex(),
		"--alloc", userAddr.Hex()+"=10ether", "--out", genesis); err != nil {
		t.Fatalf("genesis: %v\n%s", err, out)
	}
	n := startPublic(t, bin, "signer", filepath.Join(dir, "signer"), genesis, proctest.FreePort(t), nil, &signer, password)
	ctx := context.Background()

	var hash common.Hash
	err := n.rpc.Call(&hash, "eth_sendRawTransaction", hexutil.Bytes{0x02, 0xde, 0xad, 0xbe, 0xef})
	if err == nil || !strings.Contains(err.Error(), "rlp") {
		t.Fatalf("malformed transaction: got %v, want an rlp decoding error", err)
	}
	// A transaction paying no tip is below the pool's price limit.
	_, err = transfer(t, n.client, user, 0, common.Address{1}, 1, big.NewInt(0), big.NewInt(1))
	if err == nil || !strings.Contains(err.Error(), "gas price below minimum") {
		t.Fatalf("under-priced transaction: got %v", err)
	}
	_, err = transfer(t, n.client, user, 0, common.Address{1}, 1, big.NewInt(params.GWei), big.NewInt(100*params.GWei))
	if err != nil {
		t.Fatalf("valid transfer after the bad ones: %v", err)
	}
	proctest.WaitFor(t, 30*time.Second, "valid transfer mined", func() bool {
		nonce, err := n.client.NonceAt(ctx, userAddr, nil)
		return err == nil && nonce == 1
	})
	bal, err := n.client.BalanceAt(ctx, common.Address{1}, nil)
	if err != nil || bal.Int64() != 1 {
		t.Fatalf("recipient balance %v (err %v): the refused transactions must have changed nothing", bal, err)
	}
	if n.Exited() {
		t.Fatal("node died on bad transactions")
	}
}
