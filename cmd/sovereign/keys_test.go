package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/params"

	"github.com/sovereign-gov/sovereign/bindings/reviewboard"
	"github.com/sovereign-gov/sovereign/bindings/sensitivestore"
	"github.com/sovereign-gov/sovereign/internal/proctest"
	"github.com/sovereign-gov/sovereign/internal/testbin"
	"github.com/sovereign-gov/sovereign/record"
	"github.com/sovereign-gov/sovereign/sidechains/private/auditchain"
	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
	"github.com/sovereign-gov/sovereign/sidechains/private/records/chainstore"
	"github.com/sovereign-gov/sovereign/sidechains/private/sensitive"
	"github.com/sovereign-gov/sovereign/sidechains/private/submission"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultclient"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultsetup"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaulttest"
)

// TestKeysCommandsEndToEnd runs the real binary against a real Vault and a
// geth node serving JSON-RPC: a department submits a table, the security
// officer rotates (with rewrap on chain), grants, shreds and anchors the
// audit log.
func TestKeysCommandsEndToEnd(t *testing.T) {
	ctx := context.Background()
	bin := testbin.Sovereign(t)
	dir := t.TempDir()

	// Vault, set up as code, with the two roles' credentials in files.
	srv := vaulttest.Dev(t)
	root, _ := srv.Client()
	auditLog := filepath.Join(dir, "audit.log")
	if err := vaultsetup.Apply(ctx, root, vaultsetup.Config{
		Datasets: map[string][]string{"health": {"stays"}}, AuditLogPath: auditLog,
	}, nil); err != nil {
		t.Fatal(err)
	}
	creds := func(role string) []string {
		id, secret, err := vaultsetup.Credentials(ctx, root, role)
		if err != nil {
			t.Fatal(err)
		}
		f := keysWriteFile(t, filepath.Join(dir, role+".secret"), secret)
		return []string{"--vault.addr", srv.Addr, "--vault.role-id", id, "--vault.secret-id-file", f}
	}
	dept, officer := creds(naming.DepartmentRole("health")), creds(naming.SecurityOfficerRole)

	// Chain writer keys live in Vault KV only; the node funds them.
	deptKey, _ := crypto.GenerateKey()
	officerKey, _ := crypto.GenerateKey()
	officerAddr := crypto.PubkeyToAddress(officerKey.PublicKey)
	kv, _ := vaultclient.New(srv.Addr, vaultclient.WithToken(srv.RootToken))
	kv.PutSigningKey(ctx, naming.WriterKey(naming.DepartmentRole("health")), deptKey)
	kv.PutSigningKey(ctx, naming.WriterKey(naming.SecurityOfficerRole), officerKey)
	rpcURL, sim, paused := keysPausableChain(t, crypto.PubkeyToAddress(deptKey.PublicKey), crypto.PubkeyToAddress(officerKey.PublicKey))
	deptOpts := bind.NewKeyedTransactor(deptKey, big.NewInt(1337))
	storeAddr, err := chainstore.Deploy(ctx, sim.Client(), deptOpts)
	if err != nil {
		t.Fatal(err)
	}
	abi := sensitivestore.NewSensitiveStore()
	for _, data := range [][]byte{abi.PackSetWriter(officerAddr, true), abi.PackSetOfficer(officerAddr, true)} {
		tx, err := bind.Transact(abi.Instance(sim.Client(), storeAddr), deptOpts, data)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := bind.WaitMined(ctx, sim.Client(), tx.Hash()); err != nil {
			t.Fatal(err)
		}
	}
	blobs := filepath.Join(dir, "blobs")
	chain := []string{"--rpc", rpcURL, "--store", storeAddr.Hex(), "--blobs", blobs}

	// submit
	table := "patient_id,ward,stays\nP-001,north,3\nP-002,south,1\n"
	tablePath := keysWriteFile(t, filepath.Join(dir, "stays.csv"), table)
	cols := keysWriteFile(t, filepath.Join(dir, "cols.json"), `{"patient_id": "personal-id", "ward": 1, "stays": "aggregate"}`)
	policy := keysWriteFile(t, filepath.Join(dir, "policy.json"), `{"categories": [{"id": 0, "name": "personal-id", "level": 2}, {"id": 1, "level": 1}, {"id": 3, "name": "aggregate", "level": 0}]}`)
	var outputs []string // every command's stdout and stderr, scanned for keys at the end
	out := runSovereign(t, bin, 0, append(append([]string{"submit", "--department", "health", "--dataset", "stays", "--version", "1", "--private-only",
		"--table", tablePath, "--columns", cols, "--policy", policy, "--salt-file", filepath.Join(dir, "salt"), "--new-salt"}, dept...), chain...)...)
	outputs = append(outputs, out)
	if !strings.Contains(out, "3 columns, 2 rows, level 2, key health.stays v1") {
		t.Fatalf("submit output:\n%s", out)
	}
	id := submission.RecordID("health", "stays", 1)
	// --json, the same submission again: found stored (resumed); stdout is
	// the JSON alone, the text lines go to stderr
	stdout, stderr, err := proctest.RunSplit(noVaultEnv, bin, append(append([]string{"submit", "--department", "health", "--dataset", "stays", "--version", "1", "--private-only",
		"--table", tablePath, "--columns", cols, "--policy", policy, "--salt-file", filepath.Join(dir, "salt"), "--json"}, dept...), chain...)...)
	if err != nil {
		t.Fatalf("submit --json: %v\n%s%s", err, stdout, stderr)
	}
	outputs = append(outputs, stdout, stderr)
	var sj struct {
		Record, Key, Commitment string
		Resumed                 bool
		Columns, Rows, Level    int
		KeyVersion              uint32
	}
	if err := json.Unmarshal([]byte(stdout), &sj); err != nil {
		t.Fatalf("submit --json: %v\n%s", err, stdout)
	}
	if sj.Record != fmt.Sprintf("0x%x", id) || !sj.Resumed || sj.Columns != 3 || sj.Rows != 2 || sj.Level != 2 || sj.Key != "health.stays" ||
		sj.KeyVersion != 1 || len(sj.Commitment) != 66 || !strings.Contains(stderr, "already stored (resumed)") {
		t.Fatalf("submit --json: %+v\nstdout:\n%s\nstderr:\n%s", sj, stdout, stderr)
	}
	reader, _ := chainstore.New(sim.Client(), storeAddr, deptOpts, blobs)

	v1, err := reader.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}

	// rotate + rewrap while the chain makes no block: the wait for the
	// rewrap's receipt has a deadline and a clear error, nothing is retired,
	// and 'keys rewrap' run again finishes the job.
	paused.Store(true)
	start := time.Now()
	out = runSovereign(t, bin, 1, append(append([]string{"keys", "rotate", "--key", "health.stays", "--chain-timeout", "3s"}, officer...), chain...)...)
	outputs = append(outputs, out)
	if !strings.Contains(out, "latest version 2") || !strings.Contains(out, "no receipt before the deadline") || !strings.Contains(out, "re-run the command to finish") {
		t.Fatalf("rotate with a stalled chain:\n%s", out)
	}
	if d := time.Since(start); d > 40*time.Second {
		t.Fatalf("rotate with a stalled chain took %s", d)
	}
	if _, err := kv.UnwrapKey(ctx, "health.stays", v1.WrappedKey); err != nil {
		t.Fatalf("version 1 retired although the rewrap did not finish: %v", err)
	}
	// Blocks again, and keys rewrap re-run at once: it waits for the earlier
	// run's pending rewrap instead of sending it twice, then finishes.
	paused.Store(false)
	out = runSovereign(t, bin, 0, append(append([]string{"keys", "rewrap", "--key", "health.stays"}, officer...), chain...)...)
	outputs = append(outputs, out)
	if !strings.Contains(out, "every record is under version 2") || !strings.Contains(out, "retired versions 1-1 of health.stays (min_decryption_version 2)") {
		t.Fatalf("rewrap output:\n%s", out)
	}
	if r, err := reader.Get(ctx, id); err != nil || r.KeyVersion != 2 {
		t.Fatalf("key version on chain after rotate: %+v %v", r.KeyVersion, err)
	}
	// the record's conditional envelope (its level <= 1 columns) followed, under its conditional key
	if !strings.Contains(out, "rewrapped 1 conditional envelopes of health.stays: every one is under version 2") {
		t.Fatalf("rewrap output: the conditional envelope:\n%s", out)
	}
	if r, err := reader.Get(ctx, submission.ConditionalID(id)); err != nil || r.KeyVersion != 2 {
		t.Fatalf("the conditional envelope's key version on chain after rotate: %+v %v", r.KeyVersion, err)
	}
	// The version-1 wrapped key the chain's history keeps no longer decrypts, even for root.
	if _, err := kv.UnwrapKey(ctx, "health.stays", v1.WrappedKey); err == nil {
		t.Fatal("the old wrapped key still decrypts after the rewrap")
	}
	out = runSovereign(t, bin, 0, append(append([]string{"keys", "rewrap", "--key", "health.stays"}, officer...), chain...)...)
	if !strings.Contains(out, "rewrapped 0 records") || !strings.Contains(out, "versions below 2 of health.stays were already retired") {
		t.Fatalf("second rewrap output:\n%s", out)
	}

	// grant: works for its TTL, then not
	// (--json: the token read as a script would)
	gout, gerr, err := proctest.RunSplit(noVaultEnv, bin, append([]string{"keys", "grant", "--key", "health.stays", "--ttl", "6s", "--json"}, officer...)...)
	if err != nil {
		t.Fatalf("keys grant --json: %v\n%s", err, gerr)
	}
	outputs = append(outputs, gout, gerr)
	var grant struct {
		Key, Policy, Accessor, Token, WrappingToken string
		ExpiresAt                                   time.Time
	}
	if err := json.Unmarshal([]byte(gout), &grant); err != nil || grant.Key != "health.stays" || grant.Token == "" || grant.WrappingToken != "" ||
		grant.Accessor == "" || time.Until(grant.ExpiresAt) > 7*time.Second || time.Until(grant.ExpiresAt) < 0 {
		t.Fatalf("keys grant --json: %+v %v\n%s", grant, err, gout)
	}
	gc, _ := vaultclient.New(srv.Addr, vaultclient.WithToken(grant.Token))
	got, err := sensitive.New(gc, reader).Open(ctx, id)
	if err != nil {
		t.Fatalf("grant holder opens the record: %v", err)
	}
	if sealed, err := submission.OpenSealed(got); err != nil || string(sealed.Table) != table {
		t.Fatalf("grant holder opens the record: not the sealed table (%v)", err)
	}
	time.Sleep(7 * time.Second)
	if _, err := sensitive.New(gc, reader).Open(ctx, id); err == nil || !strings.Contains(err.Error(), "403") {
		t.Fatalf("expired grant: %v", err)
	}

	// audit-anchor on "the consortium chain" (here the same node); first on
	// a chain that makes no block: it ends at its deadline, state unchanged.
	state := filepath.Join(dir, "audit-state.json")
	paused.Store(true)
	out = runSovereign(t, bin, 1, append([]string{"keys", "audit-anchor", "--audit-log", auditLog, "--state", state, "--rpc", rpcURL, "--chain-timeout", "2s"}, officer...)...)
	paused.Store(false)
	if !strings.Contains(out, "no mined anchor within 2s (--chain-timeout); the state file is unchanged, re-run to anchor") {
		t.Fatalf("audit-anchor on a stalled chain:\n%s", out)
	}
	if _, err := os.Stat(state); !os.IsNotExist(err) {
		t.Fatalf("the state file was written although nothing was anchored: %v", err)
	}
	out = runSovereign(t, bin, 0, append([]string{"keys", "audit-anchor", "--audit-log", auditLog, "--state", state, "--rpc", rpcURL}, officer...)...)
	outputs = append(outputs, out)
	m := regexp.MustCompile(`anchored in tx (0x[0-9a-f]{64})`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("audit-anchor output:\n%s", out)
	}
	atx, _, err := sim.Client().TransactionByHash(ctx, common.HexToHash(m[1]))
	if err != nil {
		t.Fatal(err)
	}
	head, err := auditchain.ParseAnchor(atx.Data())
	if err != nil {
		t.Fatal(err)
	}
	if err := auditchain.Verify(auditLog, head); err != nil || head.Entries == 0 {
		t.Fatalf("anchor %v does not match the audit log: %v", head, err)
	}

	// The record's data key, unwrapped here in memory for the scan below.
	rec, err := reader.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	dek, err := kv.UnwrapKey(ctx, "health.stays", rec.WrappedKey)
	if err != nil {
		t.Fatal(err)
	}

	// The consortium's ReviewBoard, on the same test chain: one whose
	// security officer is someone else (the receipt is refused there), and
	// the real one.
	boardOf := func(officer common.Address) []string {
		rb := reviewboard.NewReviewBoard()
		addr, tx, err := bind.DeployContract(deptOpts, common.FromHex(reviewboard.ReviewBoardMetaData.Bin), sim.Client(),
			rb.PackConstructor(common.Address{0x5e}, common.Address{0xfe}, big.NewInt(1), officer))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := bind.WaitDeployed(ctx, sim.Client(), tx.Hash()); err != nil {
			t.Fatal(err)
		}
		return []string{"--consortium.rpc", rpcURL, "--review-board", addr.Hex()}
	}
	wrongBoard, board := boardOf(crypto.PubkeyToAddress(deptKey.PublicKey)), boardOf(officerAddr)
	shred := func(code int, board []string) string {
		out := runSovereign(t, bin, code, append(append(append([]string{"keys", "shred", "--key", "health.stays", "--yes"}, officer...), chain...), board...)...)
		outputs = append(outputs, out)
		return out
	}

	// shred, cut short after the key is gone (the consortium refuses the
	// receipt): the key is gone, the private chain has the receipt, and the
	// error says to run again
	out = shred(1, wrongBoard)
	if !strings.Contains(out, "shredded health.stays: 1 records") || !strings.Contains(out, "no longer exists") ||
		!strings.Contains(out, "run again to finish") || !strings.Contains(out, "NotSecurityOfficer") {
		t.Fatalf("shred output:\n%s", out)
	}
	rc, err := reader.ShredReceipt(ctx, id)
	if err != nil || rc == ([32]byte{}) {
		t.Fatalf("shred receipt on chain: %x %v", rc, err)
	}
	// run again: the same receipt goes to the consortium
	out = shred(0, board)
	if !strings.Contains(out, "health.stays was already shredded at") || !strings.Contains(out, common.Bytes2Hex(rc[:])) ||
		!strings.Contains(out, "recorded on the consortium's ReviewBoard") {
		t.Fatalf("second shred output (want receipt %x):\n%s", rc, out)
	}
	rb := reviewboard.NewReviewBoard()
	onBoard, err := bind.Call(rb.Instance(sim.Client(), common.HexToAddress(board[3])), nil,
		rb.PackShredReceipt(record.DatasetID("health", "stays")), rb.UnpackShredReceipt)
	if err != nil || onBoard != rc {
		t.Fatalf("receipt on ReviewBoard %x, %v; want %x", onBoard, err, rc)
	}
	// Shredded stays shredded: a third shred finds everything done, a grant
	// is refused.
	out = shred(0, board)
	if !strings.Contains(out, "nothing more to do") || !strings.Contains(out, "was already on the consortium's ReviewBoard") {
		t.Fatalf("third shred output (want receipt %x):\n%s", rc, out)
	}
	out = runSovereign(t, bin, 1, append([]string{"keys", "grant", "--key", "health.stays"}, officer...)...)
	if !strings.Contains(out, "grant on health.stays: dataset shredded at") {
		t.Fatalf("grant on a shredded key:\n%s", out)
	}
	deptClient, _ := vaultclient.New(srv.Addr, vaultclient.WithToken(srv.RootToken))
	if _, err := sensitive.New(deptClient, reader).Open(ctx, id); err == nil {
		t.Fatal("a shredded record still opens")
	}

	// No data key or signing key in clear in any folder or output of the run,
	// and no record content in the blobs or outputs.
	needles := vaulttest.Forms(dek, crypto.FromECDSA(deptKey), crypto.FromECDSA(officerKey))
	seen := vaulttest.Scan(t, dir, needles)
	vaulttest.Scan(t, srv.Dir(), needles)
	if seen["audit.log"] == 0 || len(seen) < 5 {
		t.Fatalf("the scan missed the run's files: %v", seen)
	}
	vaulttest.Scan(t, blobs, [][]byte{[]byte("P-001,north")})
	for _, o := range outputs {
		if hits := vaulttest.Find([]byte(o), append(needles, []byte("P-001,north"))); len(hits) > 0 {
			t.Errorf("a command printed a secret:\n%s", o)
		}
	}

	// bad input: clear messages
	bad := []struct {
		args []string
		want string
	}{
		{append([]string{"keys", "shred", "--key", "health.stays"}, officer...), "add --yes to confirm"},
		{append([]string{"keys", "grant", "--key", "Health"}, officer...), "--key: invalid transit key"},
		{[]string{"keys", "grant", "--key", "health.stays", "--vault.addr", srv.Addr}, "no Vault login"},
		{append([]string{"keys", "grant", "--key", "health.stays", "--ttl", "-1s"}, officer...), "TTL must be positive"},
		{append([]string{"keys", "rewrap", "--key", "health.stays"}, officer...), "--store (the SensitiveStore address) is required"},
		{append(append([]string{"keys", "rewrap", "--key", "health.stays"}, officer...), "--store", "0x12"), "not a 0x-prefixed 20-byte hex address"},
		{append(append([]string{"keys", "rewrap", "--key", "health.stays", "--rpc", rpcURL}, officer...), "--store", officerAddr.Hex()), "no contract at this address"},
		{append(append([]string{"submit", "--department", "health", "--dataset", "stays", "--version", "2", "--private-only",
			"--table", tablePath, "--columns", cols, "--policy", policy, "--salt-file", filepath.Join(dir, "salt-v2"), "--new-salt"}, dept...),
			"--rpc", rpcURL, "--blobs", blobs, "--store", officerAddr.Hex()), "--store " + officerAddr.Hex() + " on " + rpcURL + ": no contract at this address"},
	}
	for _, b := range bad {
		if out := runSovereign(t, bin, 1, b.args...); !strings.Contains(out, b.want) {
			t.Errorf("%v: want %q in:\n%s", b.args[:2], b.want, out)
		}
	}
	// The submission to a wrong store address wrote no salt.
	if _, err := os.Stat(filepath.Join(dir, "salt-v2")); !os.IsNotExist(err) {
		t.Errorf("a submission refused for its store address left a salt file: %v", err)
	}
}

func TestBenchVaultCommand(t *testing.T) {
	out := runSovereign(t, testbin.Sovereign(t), 0, "bench", "vault", "--records", "1000", "--single-records", "100")
	if !regexp.MustCompile(`batched key wrapping .* records/s .* = [0-9.]+x one-each`).MatchString(out) {
		t.Fatalf("bench output:\n%s", out)
	}
}

// runSovereign runs the binary and checks its exit code; it returns stdout+stderr.
// noVaultEnv keeps a Vault address or token of the caller's environment
// from reaching the commands under test.
var noVaultEnv = []string{"VAULT_TOKEN=", "VAULT_ADDR="}

func runSovereign(t *testing.T, bin string, wantCode int, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), noVaultEnv...)
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if code != wantCode {
		t.Fatalf("sovereign %s: exit %d, want %d\n%s", strings.Join(args[:2], " "), code, wantCode, buf.String())
	}
	return buf.String()
}

func keysWriteFile(t *testing.T, path, s string) string {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// keysPausableChain is an in-process geth node with HTTP JSON-RPC on a free
// loopback port, sealing a block every 50 ms, with the given accounts funded.
// Block production can be paused: a chain that stops making blocks leaves
// sent transactions without receipts.
func keysPausableChain(t *testing.T, funded ...common.Address) (string, *simulated.Backend, *atomic.Bool) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	alloc := types.GenesisAlloc{}
	for _, a := range funded {
		alloc[a] = types.Account{Balance: new(big.Int).Mul(big.NewInt(100), big.NewInt(params.Ether))}
	}
	sim := simulated.NewBackend(alloc, func(nc *node.Config, _ *ethconfig.Config) {
		nc.HTTPHost, nc.HTTPPort, nc.HTTPModules = "127.0.0.1", port, []string{"eth", "net", "web3"}
	})
	stop, stopped := make(chan struct{}), make(chan struct{})
	paused := new(atomic.Bool)
	go func() {
		defer close(stopped)
		for {
			select {
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
				if !paused.Load() {
					sim.Commit()
				}
			}
		}
	}()
	t.Cleanup(func() { close(stop); <-stopped; sim.Close() })
	return "http://127.0.0.1:" + itoa(port), sim, paused
}

func itoa(n int) string { return big.NewInt(int64(n)).String() }
