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

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rlp"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/sovereign-gov/sovereign/bindings/releasebridge"
	"github.com/sovereign-gov/sovereign/bridge"
	"github.com/sovereign-gov/sovereign/internal/devnet"
	"github.com/sovereign-gov/sovereign/internal/ethtx"
	"github.com/sovereign-gov/sovereign/internal/proctest"
	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/sidechains/qbft"
)

// TestValidatorJoinsAndLeaves: on a devnet, a fifth validator — its own
// process, its key in a keystore of its own — is voted in by a quorum with
// `sovereign validators propose`, syncs and seals; the relayer carries the
// change to the public bridge; ReviewBoard's quorum becomes 4 of 5, so a
// release needs the newcomer's vote, and the bridge publishes it certified
// by the new set. Then the newcomer is voted out, and the bridge refuses a
// certificate carrying its seal. Refusals along the way: a vote from a
// non-validator, a second vote by the same validator.
func TestValidatorJoinsAndLeaves(t *testing.T) {
	t.Parallel() // a process test: mostly waiting on its own nodes
	if testing.Short() {
		t.Skip("process test")
	}
	r := startRecordPath(t)
	ctx := context.Background()
	r.run(0, "zk", "setup", "--dev", "--size", "16", "--out", filepath.Join(r.work, "zk-keys"))
	cons, err := ethclient.Dial(r.m.Consortium.RPC[0])
	if err != nil {
		t.Fatal(err)
	}
	defer cons.Close()
	chainID, err := cons.ChainID(ctx)
	if err != nil {
		t.Fatal(err)
	}

	// The newcomer: a key of its own, a node of its own peering with the devnet's.
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	newcomer := crypto.PubkeyToAddress(key.PublicKey)
	ks, pw := filepath.Join(r.work, "newcomer.keystore.json"), filepath.Join(r.work, "newcomer.password")
	if err := os.WriteFile(pw, []byte("newcomer\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := node.WriteKey(ks, key, "newcomer", true); err != nil {
		t.Fatal(err)
	}
	if err := devnet.FundAt(ctx, "consortium", r.m.Consortium.RPC[0], devnet.DevAccounts(4)[3], []common.Address{newcomer}); err != nil {
		t.Fatalf("gas for the newcomer's votes: %v", err)
	}
	enodes, err := os.ReadFile(filepath.Join(r.dir, "consortium", "enodes"))
	if err != nil {
		t.Fatalf("the devnet's consortium enodes: %v", err)
	}
	httpPort, p2pPort := proctest.FreePort(t), proctest.FreePort(t)
	newURL := fmt.Sprintf("http://127.0.0.1:%d", httpPort)
	proctest.Start(t, "newcomer", r.bin, "node", "consortium", "--datadir", filepath.Join(r.work, "newcomer"),
		"--genesis", filepath.Join(r.dir, "consortium", "genesis.json"), "--validator.keystore", ks, "--validator.password", pw,
		"--http.port", strconv.Itoa(httpPort), "--p2p.addr", fmt.Sprintf("127.0.0.1:%d", p2pPort),
		"--p2p.static", strings.TrimSpace(string(enodes)), "--verbosity", "3")
	proctest.WaitFor(t, 2*time.Minute, "the newcomer synced", func() bool {
		c, err := ethclient.Dial(newURL)
		if err != nil {
			return false
		}
		defer c.Close()
		n, err := c.BlockNumber(ctx)
		return err == nil && n >= r.head(r.m.Consortium.RPC[0])
	})

	if out := r.run(0, "validators", "list"); !strings.Contains(out, "4 validators, quorum 3") || !strings.Contains(out, "public bridge: knows epoch 0") {
		t.Fatalf("validators list before:\n%s", out)
	}
	newcomerFlags := []string{"--keystore", ks, "--password", pw}
	if out := r.run(1, append(append([]string{"validators", "propose"}, newcomerFlags...), "add", newcomer.Hex())...); !strings.Contains(out, "NotValidator") {
		t.Fatalf("a non-validator's vote: want NotValidator:\n%s", out)
	}
	if out := r.run(1, append(append([]string{"validators", "propose"}, r.validator(0)...), "join", newcomer.Hex())...); !strings.Contains(out, "want add or remove") {
		t.Fatalf("a typo in the verb:\n%s", out)
	}
	r.run(0, append(append([]string{"validators", "propose"}, r.validator(0)...), "add", newcomer.Hex())...)
	if out := r.run(1, append(append([]string{"validators", "propose"}, r.validator(0)...), "add", newcomer.Hex())...); !strings.Contains(out, "AlreadyVoted") {
		t.Fatalf("a second vote: want AlreadyVoted:\n%s", out)
	}
	r.run(0, append(append([]string{"validators", "propose"}, r.validator(1)...), "add", newcomer.Hex())...)
	out := r.run(0, append(append([]string{"validators", "propose"}, r.validator(2)...), "add", newcomer.Hex())...)
	m := regexp.MustCompile(`decided it in block (\d+) .*: epoch 1, 5 validators`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("the third vote did not decide:\n%s", out)
	}
	decided, _ := strconv.ParseUint(m[1], 10, 64)
	if out := r.run(0, "validators", "list"); !strings.Contains(out, "5 validators, quorum 4") || !strings.Contains(out, "has not carried the change") {
		t.Fatalf("validators list after the vote:\n%s", out)
	}

	// The newcomer seals: its seal is in certificates after the change.
	rc, err := rpc.Dial(r.m.Consortium.RPC[0])
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	proofs := bridge.NewProofs(rc, chainID, bridge.Watch{ValidatorSet: r.m.Consortium.ValidatorSet, ReviewBoard: r.m.Consortium.ReviewBoard})
	scanned := decided + 1
	proctest.WaitFor(t, time.Minute, "a certificate sealed by the newcomer", func() bool {
		for head := r.head(r.m.Consortium.RPC[0]); scanned <= head; scanned++ {
			cert, err := proofs.Certificate(ctx, scanned)
			if err != nil {
				t.Fatal(err)
			}
			signers, err := cert.Signers(chainID)
			if err != nil {
				t.Fatal(err)
			}
			if slices.Contains(signers, newcomer) {
				return true
			}
		}
		return false
	})

	// The relayer carries the change; a release then needs 4 of 5 votes.
	relay := r.relayer("relayer", 2, true)
	defer relay.Stop()
	proctest.WaitFor(t, time.Minute, "the bridge at epoch 1", func() bool {
		return strings.Contains(r.run(0, "validators", "list"), "public bridge: knows epoch 1")
	})
	id := r.submit("education", "schools", 1, 0, "none")
	for i := range 3 {
		r.run(0, append(append([]string{"review", "approve", "--reason", "tested"}, r.validator(i)...), id)...)
	}
	if out := r.run(0, "review", "show", id); !strings.Contains(out, "pending") {
		t.Fatalf("three approvals of five validators decided already:\n%s", out)
	}
	if out := r.run(0, append(append([]string{"review", "approve", "--reason", "tested by the newcomer"}, newcomerFlags...), id)...); !strings.Contains(out, "now approved") {
		t.Fatalf("the newcomer's vote did not decide:\n%s", out)
	}
	proctest.WaitFor(t, time.Minute, "the release published", func() bool {
		out, err := proctest.Run(r.bin, "data", "show", "--manifest", r.dir, id)
		return err == nil && strings.Contains(out, "certified")
	})
	if out := r.run(0, "data", "verify", id); strings.Contains(out, "FAIL") {
		t.Fatalf("data verify after the change:\n%s", out)
	}

	// Voted out by 4 of 5; the bridge learns it and refuses the newcomer's seal.
	for i := range 4 {
		out = r.run(0, append(append([]string{"validators", "propose"}, r.validator(i)...), "remove", newcomer.Hex())...)
	}
	if !strings.Contains(out, "epoch 2, 4 validators") {
		t.Fatalf("the fourth vote to remove did not decide:\n%s", out)
	}
	proctest.WaitFor(t, time.Minute, "the bridge at epoch 2", func() bool {
		return strings.Contains(r.run(0, "validators", "list"), "public bridge: knows epoch 2")
	})
	checkRemovedSealRefused(t, r, proofs, cons, chainID, key)
}

// checkRemovedSealRefused builds a certificate of a block after the removal
// from the block's own seals plus one by the removed key, and asks the
// public bridge to anchor it: SealNotValidator. Without the extra seal the
// same call passes, so the refusal is the removed key's.
func checkRemovedSealRefused(t *testing.T, r *recordPath, proofs *bridge.Proofs, cons *ethclient.Client, chainID *big.Int, removed *ecdsa.PrivateKey) {
	t.Helper()
	ctx := context.Background()
	pub, err := ethclient.Dial(r.m.Public.RPC[0])
	if err != nil {
		t.Fatal(err)
	}
	defer pub.Close()
	rb := releasebridge.NewReleaseBridge()
	inst := rb.Instance(pub, r.m.Public.Bridge)
	e, err := bind.Call(inst, nil, rb.PackLatestEpoch(), rb.UnpackLatestEpoch)
	if err != nil {
		t.Fatalf("latestEpoch: %v", err)
	}
	ep, err := bind.Call(inst, nil, rb.PackEpoch(e), rb.UnpackEpoch)
	if err != nil {
		t.Fatalf("epoch(%d): %v", e, err)
	}
	n := ep.FirstBlock + 1
	proctest.WaitFor(t, 30*time.Second, "a block after the removal", func() bool { return r.head(r.m.Consortium.RPC[0]) >= n })
	hdr, err := cons.HeaderByNumber(ctx, new(big.Int).SetUint64(n))
	if err != nil {
		t.Fatal(err)
	}
	headerRLP, err := rlp.EncodeToBytes(hdr)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := proofs.Certificate(ctx, n)
	if err != nil {
		t.Fatalf("certificate of block %d: %v", n, err)
	}
	vals, err := proofs.Validators(ctx, n)
	if err != nil {
		t.Fatalf("validators of block %d: %v", n, err)
	}
	set := releasebridge.IReleaseBridgeEpochSet{Epoch: e, Validators: vals}
	call := func(seals [][]byte) string {
		c := releasebridge.IReleaseBridgeCertificate{Number: n, BlockHash: hdr.Hash(), Round: cert.Round, Seals: seals}
		_, err := pub.CallContract(ctx, ethereum.CallMsg{To: &r.m.Public.Bridge, Data: rb.PackCheckpoint(c, headerRLP, set)}, nil)
		if err == nil {
			return ""
		}
		return ethtx.Revert(err, rb.UnpackError, "ReleaseBridge").Error()
	}
	if why := call(cert.Seals); why != "" && !strings.Contains(why, "CheckpointNotNewer") {
		t.Fatalf("the block's own certificate is refused: %s", why)
	}
	extra, err := qbft.SignSeal(qbft.NewKeySigner(removed), chainID, n, cert.Round, hdr.Hash())
	if err != nil {
		t.Fatal(err)
	}
	if why := call(append(slices.Clone(cert.Seals), extra)); !strings.Contains(why, "SealNotValidator") {
		t.Fatalf("a certificate with the removed validator's seal: %q, want SealNotValidator", why)
	}
}
