package private_test

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/sovereign-gov/sovereign/internal/proctest"
	"github.com/sovereign-gov/sovereign/internal/testbin"
	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultclient"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultserver"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultsetup"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaulttest"
)

// vaultValidator is one private-chain validator whose key lives in Vault KV.
type vaultValidator struct {
	name          string
	key           *ecdsa.PrivateKey // kept by the test only, to scan for it
	roleIDFile    string
	secretIDFile  string
	datadir       string
	httpPort, p2p int
	metricsPort   int // serves --metrics.addr when set
	enode         string
	proc          *proctest.Proc
	rpc           *ethclient.Client
}

// setUpVaultValidators configures Vault as code for the named validators,
// has the security officer's root token put a fresh key for each in KV, and
// writes each validator's AppRole credentials to files (outside any datadir).
func setUpVaultValidators(t *testing.T, srv *vaultserver.Server, dir string, names ...string) []*vaultValidator {
	t.Helper()
	ctx := context.Background()
	root, err := srv.Client()
	if err != nil {
		t.Fatal(err)
	}
	cfg := vaultsetup.Config{Validators: names, AuditLogPath: filepath.Join(srv.Dir(), "audit.log")}
	if err := vaultsetup.Apply(ctx, root, cfg, nil); err != nil {
		t.Fatal(err)
	}
	admin, err := vaultclient.New(srv.Addr, vaultclient.WithToken(srv.RootToken))
	if err != nil {
		t.Fatal(err)
	}
	creds := filepath.Join(dir, "credentials")
	if err := os.MkdirAll(creds, 0o700); err != nil {
		t.Fatal(err)
	}
	var vals []*vaultValidator
	for _, name := range names {
		key, err := crypto.GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		if err := admin.PutSigningKey(ctx, name, key); err != nil {
			t.Fatal(err)
		}
		roleID, secretID, err := vaultsetup.Credentials(ctx, root, naming.ValidatorRole(name))
		if err != nil {
			t.Fatal(err)
		}
		v := &vaultValidator{name: name, key: key,
			roleIDFile: filepath.Join(creds, name+".role-id"), secretIDFile: filepath.Join(creds, name+".secret-id"),
			datadir: filepath.Join(dir, "nodes", name), httpPort: proctest.FreePort(t), p2p: proctest.FreePort(t)}
		for f, s := range map[string]string{v.roleIDFile: roleID, v.secretIDFile: secretID} {
			if err := os.WriteFile(f, []byte(s+"\n"), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		v.enode = proctest.NodeKey(t, v.datadir, v.p2p)
		vals = append(vals, v)
	}
	return vals
}

func (v *vaultValidator) args(vaultAddr, genesis string, peers []string) []string {
	args := []string{"node", "private", "--datadir", v.datadir, "--genesis", genesis,
		"--vault.addr", vaultAddr, "--vault.role-id-file", v.roleIDFile, "--vault.secret-id-file", v.secretIDFile,
		"--vault.key", v.name,
		"--p2p.addr", fmt.Sprintf("127.0.0.1:%d", v.p2p), "--http.port", strconv.Itoa(v.httpPort),
		"--timeout.max", "4s", "--verbosity", "3"}
	if len(peers) > 0 {
		args = append(args, "--p2p.static", strings.Join(peers, ","))
	}
	if v.metricsPort != 0 {
		args = append(args, "--metrics.addr", fmt.Sprintf("127.0.0.1:%d", v.metricsPort))
	}
	return args
}

func head(v *vaultValidator) uint64 {
	if v.rpc == nil {
		c, err := ethclient.Dial(fmt.Sprintf("http://127.0.0.1:%d", v.httpPort))
		if err != nil {
			return 0
		}
		v.rpc = c
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	n, err := v.rpc.BlockNumber(ctx)
	if err != nil {
		return 0
	}
	return n
}

// Two private-chain validators, each started by `sovereign node private`
// with its key read from Vault KV into memory: they produce blocks; with one
// killed the chain stalls (quorum is 2 of 2); restarted, it loads its key
// from Vault again and the chain resumes. Afterwards no datadir, node log or
// Vault log holds either key in clear, and a validator role asking for the
// other validator's key gets a clear 403 error.
func TestVaultValidatorsProduceBlocksAndResume(t *testing.T) {
	if testing.Short() {
		t.Skip("multi-process test")
	}
	bin := testbin.Sovereign(t)
	dir := t.TempDir()
	srv := vaulttest.Dev(t)
	vals := setUpVaultValidators(t, srv, dir, "v0", "v1")
	vals[0].metricsPort = proctest.FreePort(t)

	genesis := filepath.Join(dir, "genesis.json")
	addrs := []string{}
	for _, v := range vals {
		addrs = append(addrs, crypto.PubkeyToAddress(v.key.PublicKey).Hex())
	}
	if out, err := proctest.Run(bin, "genesis", "private", "--validators", strings.Join(addrs, ","), "--out", genesis); err != nil {
		t.Fatalf("genesis private: %v\n%s", err, out)
	}
	for i, v := range vals {
		v.proc = proctest.Start(t, v.name, bin, v.args(srv.Addr, genesis, []string{vals[1-i].enode})...)
	}
	for _, v := range vals {
		proctest.WaitFor(t, 60*time.Second, v.name+" at block 3", func() bool {
			if v.proc.Exited() {
				t.Fatalf("%s exited:\n%s", v.name, v.proc.Output())
			}
			return head(v) >= 3
		})
		if !strings.Contains(v.proc.Output(), "validator "+crypto.PubkeyToAddress(v.key.PublicKey).Hex()) {
			t.Fatalf("%s does not run as the validator of its Vault key:\n%s", v.name, v.proc.Output())
		}
		// It logged in with its own role and gave its token back.
		if out := v.proc.Output(); !strings.Contains(out, "policies=default,sovereign-validator-"+v.name) || strings.Contains(out, "revoking the vault token") {
			t.Fatalf("%s: want an AppRole login as its validator role and the token revoked:\n%s", v.name, out)
		}
	}

	// v0 serves the Vault client's error counters the dashboard queries
	// (none: its key loaded at the first attempt)
	m := proctest.Scrape(t, fmt.Sprintf("http://127.0.0.1:%d%s", vals[0].metricsPort, node.MetricsPath))
	want, err := node.DashboardMetrics("sovereign_vault_")
	if err != nil || len(want) == 0 {
		t.Fatalf("dashboard Vault metrics: %v %v", want, err)
	}
	proctest.ExpectServed(t, m, want, "queried by the Grafana dashboard")
	proctest.ExpectMetrics(t, m, map[string]bool{"sovereign_vault_errors_forbidden": m["sovereign_vault_errors_forbidden"] == 0,
		"sovereign_vault_errors_unreachable": m["sovereign_vault_errors_unreachable"] == 0})

	// v1 crashes: one of two validators is below quorum, so no block is final.
	v0, v1 := vals[0], vals[1]
	v1.proc.Kill()
	time.Sleep(2 * time.Second) // let a block in flight finish
	stalled := head(v0)
	time.Sleep(3 * time.Second)
	if h := head(v0); h > stalled+1 {
		t.Fatalf("chain advanced from %d to %d with one of two validators down", stalled, h)
	}
	// Restarted, v1 reads its key from Vault again and the chain resumes.
	v1.proc.Restart()
	proctest.WaitFor(t, 60*time.Second, "chain resumes after the restart", func() bool {
		if v1.proc.Exited() {
			t.Fatalf("restarted v1 exited:\n%s", v1.proc.Output())
		}
		return head(v0) >= stalled+3 && head(v1) >= stalled+3
	})
	// The private chain's RPC serves event logs (records are listed by them).
	if _, err := v0.rpc.FilterLogs(context.Background(), ethereum.FilterQuery{}); err != nil {
		t.Fatalf("eth_getLogs on the private chain: %v", err)
	}
	if !strings.Contains(v0.proc.Output(), fmt.Sprintf("http=http://127.0.0.1:%d", v0.httpPort)) {
		t.Fatalf("the private node's RPC is not on loopback by default:\n%s", v0.proc.Output())
	}
	for _, v := range vals {
		v.proc.Stop()
	}

	// Wrong role: v0's AppRole login asking for v1's key.
	wrong := vals[0].args(srv.Addr, genesis, nil)
	for i, a := range wrong {
		if a == "--vault.key" {
			wrong[i+1] = "v1"
		}
		if a == "--datadir" {
			wrong[i+1] = filepath.Join(dir, "nodes", "wrong-role")
		}
	}
	out, err := proctest.Run(bin, wrong...)
	if err == nil || !strings.Contains(out, "403 permission denied") || !strings.Contains(out, `validator key "v1"`) {
		t.Fatalf("v0's role reading v1's key: want a 403 error naming the key, got %v:\n%s", err, out)
	}

	// No key in clear: datadirs, the nodes' output, the Vault log and audit log.
	needles := vaulttest.Forms(crypto.FromECDSA(v0.key), crypto.FromECDSA(v1.key))
	seen := vaulttest.Scan(t, filepath.Join(dir, "nodes"), needles)
	if seen["nodekey"] < 2 || len(seen) < 10 {
		t.Fatalf("the scan missed the node folders: %v", seen)
	}
	vseen := vaulttest.Scan(t, srv.Dir(), needles)
	if vseen["vault.log"] == 0 || vseen["audit.log"] == 0 {
		t.Fatalf("the scan missed the vault logs: %v", vseen)
	}
	for _, v := range vals {
		if hits := vaulttest.Find([]byte(v.proc.Output()), needles); len(hits) > 0 {
			t.Errorf("%s's output holds a key in clear", v.name)
		}
	}
	if hits := vaulttest.Find([]byte(out), needles); len(hits) > 0 {
		t.Errorf("the refused run's output holds a key in clear")
	}
}

// Bad Vault inputs are refused before the node starts, with messages that
// name what is wrong.
func TestVaultKeyBadInput(t *testing.T) {
	if testing.Short() {
		t.Skip("process test")
	}
	bin := testbin.Sovereign(t)
	dir := t.TempDir()
	genesis := filepath.Join(dir, "genesis.json")
	if out, err := proctest.Run(bin, "genesis", "private", "--validators", crypto.PubkeyToAddress(mustKey(t).PublicKey).Hex(), "--out", genesis); err != nil {
		t.Fatalf("genesis private: %v\n%s", err, out)
	}
	empty := filepath.Join(dir, "empty")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	base := []string{"node", "private", "--datadir", filepath.Join(dir, "n"), "--genesis", genesis, "--http.port", "0", "--p2p.addr", "127.0.0.1:0"}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--vault.key", "v0"}, "missing --vault.addr, --vault.role-id-file, --vault.secret-id-file"},
		{[]string{"--vault.addr", "http://127.0.0.1:1", "--vault.role-id-file", empty, "--vault.secret-id-file", empty, "--vault.key", "V 0"}, `invalid validator name "V 0"`},
		{[]string{"--vault.addr", "http://127.0.0.1:1", "--vault.role-id-file", empty, "--vault.secret-id-file", empty, "--vault.key", "v0"}, "role ID file " + empty + " is empty"},
		{[]string{"--vault.key", "v0", "--validator.keystore", empty}, "either --validator.keystore or --vault.key"},
		{[]string{"--http.addr", "0.0.0.0"}, "must not listen on every interface"},
	} {
		out, err := proctest.Run(bin, append(append([]string{}, base...), tc.args...)...)
		if err == nil || !strings.Contains(out, tc.want) {
			t.Errorf("%v: want an error with %q, got %v:\n%s", tc.args, tc.want, err, out)
		}
	}
}

// A validator that cannot get its key does not start, and says why: Vault
// sealed, then Vault stopped; once Vault is back and unsealed it starts.
func TestVaultValidatorStartWithVaultSealedOrDown(t *testing.T) {
	if testing.Short() {
		t.Skip("process test")
	}
	ctx := context.Background()
	bin := testbin.Sovereign(t)
	dir := t.TempDir()
	srv := vaulttest.File(t, filepath.Join(dir, "vault"))
	v := setUpVaultValidators(t, srv, dir, "v0")[0]
	genesis := filepath.Join(dir, "genesis.json")
	if out, err := proctest.Run(bin, "genesis", "private", "--validators", crypto.PubkeyToAddress(v.key.PublicKey).Hex(), "--out", genesis); err != nil {
		t.Fatalf("genesis private: %v\n%s", err, out)
	}
	if err := srv.Seal(ctx); err != nil {
		t.Fatal(err)
	}
	out, err := proctest.Run(bin, v.args(srv.Addr, genesis, nil)...)
	if err == nil || !strings.Contains(out, "vault: sealed") {
		t.Fatalf("start with Vault sealed: want a 'sealed' error, got %v:\n%s", err, out)
	}
	if err := srv.Stop(); err != nil {
		t.Fatal(err)
	}
	out, err = proctest.Run(bin, v.args(srv.Addr, genesis, nil)...)
	if err == nil || !strings.Contains(out, "vault: unreachable") {
		t.Fatalf("start with Vault stopped: want an 'unreachable' error, got %v:\n%s", err, out)
	}
	if err := srv.Restart(ctx); err != nil {
		t.Fatal(err)
	}
	v.proc = proctest.Start(t, v.name, bin, v.args(srv.Addr, genesis, nil)...)
	proctest.WaitFor(t, 60*time.Second, "blocks once Vault is back", func() bool {
		if v.proc.Exited() {
			t.Fatalf("%s exited:\n%s", v.name, v.proc.Output())
		}
		return head(v) >= 2
	})
	v.proc.Stop()
}

func mustKey(t *testing.T) *ecdsa.PrivateKey {
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return k
}
