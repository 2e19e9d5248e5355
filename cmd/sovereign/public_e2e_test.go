package main

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/sovereign-gov/sovereign/internal/proctest"
	"github.com/sovereign-gov/sovereign/internal/testbin"
)

// publicNode is one `sovereign node public` process of a test network.
type publicNode struct {
	*proctest.Proc
	http   string
	client *ethclient.Client
	rpc    *rpc.Client
}

type account struct {
	addr     common.Address
	keystore string
}

var addressLine = regexp.MustCompile(`address (0x[0-9a-fA-F]{40})\nkeystore (\S+)`)

// newAccount creates a keystore with the real `account new` command.
func newAccount(t *testing.T, bin, dir, password string) account {
	t.Helper()
	out, err := proctest.Run(bin, "account", "new", "--keystore", dir, "--password", password, "--lightkdf")
	if err != nil {
		t.Fatalf("account new: %v\n%s", err, out)
	}
	m := addressLine.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("account new printed no address: %s", out)
	}
	return account{addr: common.HexToAddress(m[1]), keystore: m[2]}
}

func writeFile(t *testing.T, path, content string) string {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// startPublic starts a node process; signer may be nil for a follower.
func startPublic(t *testing.T, bin, name, datadir, genesis string, p2pPort int, static []string, signer *account, password string, extra ...string) *publicNode {
	t.Helper()
	httpPort := proctest.FreePort(t)
	args := []string{"node", "public", "--datadir", datadir, "--genesis", genesis,
		"--p2p.addr", fmt.Sprintf("127.0.0.1:%d", p2pPort), "--http.port", strconv.Itoa(httpPort), "--ws.addr", ""}
	if len(static) > 0 {
		args = append(args, "--p2p.static", strings.Join(static, ","))
	}
	if signer != nil {
		args = append(args, "--signer.keystore", signer.keystore, "--signer.password", password)
	}
	args = append(args, extra...)
	n := &publicNode{Proc: proctest.Start(t, name, bin, args...), http: fmt.Sprintf("http://127.0.0.1:%d", httpPort)}
	n.connect(t)
	return n
}

// connect waits until the node answers JSON-RPC.
func (n *publicNode) connect(t *testing.T) {
	t.Helper()
	proctest.WaitFor(t, 30*time.Second, n.Name+" JSON-RPC", func() bool {
		if n.Exited() {
			t.Fatalf("%s exited:\n%s", n.Name, n.Output())
		}
		c, err := rpc.Dial(n.http)
		if err != nil {
			return false
		}
		var id string
		if err := c.Call(&id, "net_version"); err != nil {
			c.Close()
			return false
		}
		n.rpc, n.client = c, ethclient.NewClient(c)
		return true
	})
}

func (n *publicNode) head(t *testing.T) *types.Header {
	h, err := n.client.HeaderByNumber(context.Background(), nil)
	if err != nil {
		return nil
	}
	return h
}

func (n *publicNode) signers(t *testing.T) []common.Address {
	var s []common.Address
	if err := n.rpc.Call(&s, "clique_getSigners", "latest"); err != nil {
		return nil
	}
	return s
}

// sameHead reports whether every node has the first node's head at least min.
func sameHead(t *testing.T, min uint64, nodes ...*publicNode) bool {
	h := nodes[0].head(t)
	if h == nil || h.Number.Uint64() < min {
		return false
	}
	for _, n := range nodes[1:] {
		b, err := n.client.HeaderByNumber(context.Background(), h.Number)
		if err != nil || b.Hash() != h.Hash() {
			return false
		}
	}
	return true
}

func transfer(t *testing.T, c *ethclient.Client, key *ecdsa.PrivateKey, nonce uint64, to common.Address, wei int64, tip, feeCap *big.Int) (*types.Transaction, error) {
	t.Helper()
	chainID, err := c.ChainID(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	tx := types.MustSignNewTx(key, types.LatestSignerForChainID(chainID), &types.DynamicFeeTx{
		ChainID: chainID, Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap,
		Gas: 21000, To: &to, Value: big.NewInt(wei),
	})
	return tx, c.SendTransaction(context.Background(), tx)
}

// TestPublicChainProcesses runs three signers, a follower and a candidate
// signer as separate processes over loopback: they agree on the head, a
// transaction sent to the follower is mined and readable everywhere, the chain
// survives a killed signer that later catches up, and clique_propose votes a
// signer in and another out on every node.
func TestPublicChainProcesses(t *testing.T) {
	t.Parallel() // a process test: mostly waiting on its own nodes
	if testing.Short() {
		t.Skip("multi-process test")
	}
	bin := testbin.SovereignTest(t)
	dir := t.TempDir()
	password := writeFile(t, filepath.Join(dir, "password"), "correct horse\n")
	accts := make([]account, 4)
	for i := range accts {
		accts[i] = newAccount(t, bin, filepath.Join(dir, "keys"), password)
	}
	user, _ := crypto.GenerateKey()
	userAddr := crypto.PubkeyToAddress(user.PublicKey)
	genesis := filepath.Join(dir, "genesis.json")
	if out, err := proctest.Run(bin, "genesis", "public", "--period", "1", "--out", genesis,
		"--signers", strings.Join([]string{accts[0].addr.Hex(), accts[1].addr.Hex(), accts[2].addr.Hex()}, ","),
		"--alloc", userAddr.Hex()+"=1000ether"); err != nil {
		t.Fatalf("genesis public: %v\n%s", err, out)
	}

	names := []string{"signer0", "signer1", "signer2", "follower", "candidate"}
	ports := make([]int, len(names))
	enodes := make([]string, len(names))
	dirs := make([]string, len(names))
	for i := range names {
		dirs[i] = filepath.Join(dir, names[i])
		ports[i] = proctest.FreePort(t)
		enodes[i] = proctest.NodeKey(t, dirs[i], ports[i])
	}
	others := func(i int) []string { return slices.Concat(enodes[:i], enodes[i+1:]) }
	nodes := make([]*publicNode, len(names))
	for i := range 3 {
		nodes[i] = startPublic(t, bin, names[i], dirs[i], genesis, ports[i], others(i), &accts[i], password)
	}
	nodes[3] = startPublic(t, bin, names[3], dirs[3], genesis, ports[3], others(3), nil, "")
	nodes[4] = startPublic(t, bin, names[4], dirs[4], genesis, ports[4], others(4), &accts[3], password, "--signer.await-vote")

	proctest.WaitFor(t, 60*time.Second, "five nodes on one head ≥ 3", func() bool { return sameHead(t, 3, nodes...) })

	// A transfer sent to the follower is sealed by a signer and its receipt
	// is served by every node.
	tx, err := transfer(t, nodes[3].client, user, 0, common.Address{0x42}, 12345, big.NewInt(params.GWei), big.NewInt(100*params.GWei))
	if err != nil {
		t.Fatalf("sending to follower: %v", err)
	}
	for _, n := range nodes {
		proctest.WaitFor(t, 30*time.Second, "receipt on "+n.Name, func() bool {
			r, err := n.client.TransactionReceipt(context.Background(), tx.Hash())
			return err == nil && r.Status == types.ReceiptStatusSuccessful
		})
	}

	// Kill one signer: the other two keep sealing.
	nodes[1].Kill()
	before := nodes[3].head(t).Number.Uint64()
	alive := []*publicNode{nodes[0], nodes[2], nodes[3], nodes[4]}
	proctest.WaitFor(t, 40*time.Second, "chain to grow by 4 with a signer down", func() bool {
		return sameHead(t, before+4, alive...)
	})
	// Restart it: it catches up with the others.
	nodes[1].Restart()
	nodes[1].connect(t)
	proctest.WaitFor(t, 60*time.Second, "restarted signer to catch up", func() bool {
		return sameHead(t, nodes[0].head(t).Number.Uint64(), slices.Concat(alive, nodes[1:2])...)
	})

	// Vote the candidate in: a majority of 3 is 2.
	candidate := accts[3].addr
	for _, n := range nodes[:2] {
		if err := n.rpc.Call(nil, "clique_propose", candidate, true); err != nil {
			t.Fatalf("clique_propose on %s: %v", n.Name, err)
		}
	}
	for _, n := range nodes {
		proctest.WaitFor(t, 90*time.Second, "candidate in the signer set on "+n.Name, func() bool {
			return slices.Contains(n.signers(t), candidate)
		})
	}
	// Vote signer2 out: a majority of 4 is 3.
	dropped := accts[2].addr
	for _, n := range []*publicNode{nodes[0], nodes[1], nodes[4]} {
		if err := n.rpc.Call(nil, "clique_propose", dropped, false); err != nil {
			t.Fatalf("clique_propose on %s: %v", n.Name, err)
		}
	}
	for _, n := range nodes {
		proctest.WaitFor(t, 90*time.Second, "signer2 dropped on "+n.Name, func() bool {
			s := n.signers(t)
			return len(s) == 3 && !slices.Contains(s, dropped)
		})
	}
	// The new set keeps sealing and every node still agrees.
	h := nodes[0].head(t).Number.Uint64()
	proctest.WaitFor(t, 40*time.Second, "new signer set to seal", func() bool { return sameHead(t, h+3, nodes...) })
}
