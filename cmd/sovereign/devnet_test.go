package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/params"

	"github.com/sovereign-gov/sovereign/bindings/releasebridge"
	"github.com/sovereign-gov/sovereign/bindings/sensitivestore"
	"github.com/sovereign-gov/sovereign/contentstore"
	"github.com/sovereign-gov/sovereign/contracts/deploy"
	"github.com/sovereign-gov/sovereign/examples"
	"github.com/sovereign-gov/sovereign/internal/devnet"
	"github.com/sovereign-gov/sovereign/internal/proctest"
	"github.com/sovereign-gov/sovereign/internal/testbin"
	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/publicdata"
	"github.com/sovereign-gov/sovereign/record"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultclient"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultserver"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaulttest"
)

// TestDevnetRunsAndRestarts runs `sovereign devnet` as `make devnet` does:
// the public, consortium and private chains produce blocks, the development
// accounts are funded on all three, the local Vault answers unsealed, the
// private chain holds SensitiveStore's code, and a second run on the same
// folder resumes the same chains with the same Vault (unsealed again from
// its dev-only file). Afterwards no file under the folder and no output
// line holds the private validator's Vault-held key in clear.
func TestDevnetRunsAndRestarts(t *testing.T) {
	t.Parallel() // a process test: mostly waiting on its own nodes
	if testing.Short() {
		t.Skip("process test")
	}
	bin := testbin.Sovereign(t)
	dir := t.TempDir()
	httpBase, p2pBase := devnetPorts(t)
	vaultPort := httpBase + 310 // the content store is at +300
	relayMetrics := fmt.Sprintf("127.0.0.1:%d", httpBase+320)
	p := proctest.Start(t, "devnet", bin, "devnet", "--datadir", dir,
		"--http.port", strconv.Itoa(httpBase), "--p2p.port", strconv.Itoa(p2pBase), "--vault.port", strconv.Itoa(vaultPort),
		"--relay.checkpoint.blocks", "5", "--relay.metrics.addr", relayMetrics, "--verbosity", "3")
	publicURL := fmt.Sprintf("http://127.0.0.1:%d", httpBase)
	consortiumURL := fmt.Sprintf("http://127.0.0.1:%d", httpBase+100)
	privateURL := fmt.Sprintf("http://127.0.0.1:%d", httpBase+200)
	urls := []string{publicURL, consortiumURL, privateURL}
	dev := devnet.DevAccounts(1)[0].Address
	million := new(big.Int).Mul(big.NewInt(1_000_000), big.NewInt(params.Ether))

	var firstHash [3]string
	for i, url := range urls {
		var c *ethclient.Client
		proctest.WaitFor(t, 60*time.Second, "devnet RPC at "+url, func() bool {
			if p.Exited() {
				t.Fatalf("devnet exited:\n%s", p.Output())
			}
			var err error
			c, err = ethclient.Dial(url)
			if err != nil {
				return false
			}
			_, err = c.BlockNumber(context.Background())
			return err == nil
		})
		proctest.WaitFor(t, 30*time.Second, "blocks on "+url, func() bool {
			n, err := c.BlockNumber(context.Background())
			return err == nil && n >= 2
		})
		bal, err := c.BalanceAt(context.Background(), dev, nil)
		if err != nil || bal.Cmp(million) < 0 {
			t.Fatalf("dev account on %s has %v (err %v), want 1,000,000 ETH", url, bal, err)
		}
		b, _ := c.HeaderByNumber(context.Background(), big.NewInt(1))
		firstHash[i] = b.Hash().Hex()
		c.Close()
	}
	checkDevnetVaultAndStore(t, p, privateURL)
	first := checkDevnetSystem(t, dir, p.Output(), fmt.Sprintf("http://127.0.0.1:%d", httpBase+300))
	// the in-process relayer serves the metrics the dashboard queries
	metricsURL := "http://" + relayMetrics + node.MetricsPath
	if !strings.Contains(p.Output(), "metrics at "+metricsURL) {
		t.Fatalf("the devnet console does not name the relayer's metrics URL %s:\n%s", metricsURL, p.Output())
	}
	proctest.WaitFor(t, 30*time.Second, "a relayer pass counted", func() bool {
		m, err := proctest.TryScrape(metricsURL)
		return err == nil && m["sovereign_relayer_passes_total"] >= 1
	})
	want, err := node.DashboardMetrics("sovereign_relayer_")
	if err != nil {
		t.Fatal(err)
	}
	proctest.ExpectServed(t, proctest.Scrape(t, metricsURL), want, "queried by the Grafana dashboard")
	if got, want := lastMatch(t, vaultAddrLine, p.Output(), "Vault address"), fmt.Sprintf("http://127.0.0.1:%d", vaultPort); got != want {
		t.Fatalf("devnet Vault at %s, want --vault.port's %s", got, want)
	}
	useVaultOnDevnet(t, bin, dir, p.Output(), privateURL, consortiumURL)
	lastCheckpoint := checkDevnetCheckpoints(t, bin, dir, 0)
	privateHead := blockNumber(privateURL)
	p.Stop()
	firstOutput := p.Output()

	// A second run resumes the same chains.
	p.Restart()
	for i, url := range urls {
		proctest.WaitFor(t, 60*time.Second, "restarted devnet at "+url, func() bool {
			c, err := ethclient.Dial(url)
			if err != nil {
				return false
			}
			defer c.Close()
			b, err := c.HeaderByNumber(context.Background(), big.NewInt(1))
			return err == nil && b.Hash().Hex() == firstHash[i]
		})
	}
	// The private validator read its key from the reopened Vault again.
	proctest.WaitFor(t, 30*time.Second, "new private blocks after the restart", func() bool {
		return blockNumber(privateURL) > privateHead+1
	})
	checkDevnetVaultAndStore(t, p, privateURL)
	// The restart deployed nothing: the same contracts, checked.
	proctest.WaitFor(t, 60*time.Second, "the restarted devnet's summary", func() bool {
		return strings.Count(p.Output(), "Funded development accounts") >= 2
	})
	out := p.Output()[len(firstOutput):]
	if strings.Contains(out, "deploying") || !strings.Contains(out, "checking ReviewBoard on the consortium") {
		t.Fatalf("the restarted devnet did not reuse its manifest:\n%s", out)
	}
	again := checkDevnetSystem(t, dir, out, first.Content)
	if again.Consortium.ReviewBoard != first.Consortium.ReviewBoard || again.Consortium.Verifier != first.Consortium.Verifier ||
		again.Public.Registry != first.Public.Registry || again.Public.Bridge != first.Public.Bridge ||
		again.Public.Verifier != first.Public.Verifier || again.Private.Store != first.Private.Store {
		t.Fatalf("the restart moved the contracts: %+v then %+v", first, again)
	}
	checkDevnetCheckpoints(t, bin, dir, lastCheckpoint)
	p.Stop()
	scanDevnetForValidatorKey(t, dir, p.Output())
}

// checkDevnetCheckpoints waits until the relayer (--relay.checkpoint.blocks
// 5) has anchored two consortium checkpoints past after, with nothing
// released, and checks them as the public can: each on the public chain's
// bridge and the same block on the consortium, shown by status. Returns
// the newest.
func checkDevnetCheckpoints(t *testing.T, bin, dir string, after uint64) uint64 {
	t.Helper()
	manifest := filepath.Join(dir, deploy.ManifestFile)
	var cps []publicdata.Checkpoint
	proctest.WaitFor(t, 90*time.Second, fmt.Sprintf("two checkpoints after consortium block %d", after), func() bool {
		out, err := proctest.Run(bin, "data", "checkpoints", "--manifest", manifest, "--json")
		if err != nil {
			t.Fatalf("data checkpoints: %v\n%s", err, out)
		}
		cps = nil
		if err := json.Unmarshal([]byte(out), &cps); err != nil {
			t.Fatalf("data checkpoints --json: %v\n%s", err, out)
		}
		newer := 0
		for _, cp := range cps {
			if cp.Number > after {
				newer++
			}
		}
		return newer >= 2
	})
	for i, cp := range cps {
		if cp.OnConsortium == nil || !*cp.OnConsortium || cp.Hash == (common.Hash{}) {
			t.Fatalf("checkpoint %d not checked against the consortium: %+v", cp.Number, cp)
		}
		if i > 0 && cp.Number <= cps[i-1].Number {
			t.Fatalf("checkpoints out of order: %d after %d", cp.Number, cps[i-1].Number)
		}
	}
	newest := cps[len(cps)-1].Number
	out, err := proctest.Run(bin, "status", "--manifest", manifest)
	if err != nil {
		t.Fatalf("status: %v\n%s", err, out)
	}
	if !regexp.MustCompile(`checkpoint +consortium block \d+ .* the consortium has the same block`).MatchString(out) {
		t.Fatalf("status shows no checkpoint:\n%s", out)
	}
	return newest
}

// A bad --vault.port is refused before any chain starts.
func TestDevnetBadVaultPort(t *testing.T) {
	if testing.Short() {
		t.Skip("process test")
	}
	out, err := proctest.Run(testbin.Sovereign(t), "devnet", "--datadir", t.TempDir(), "--vault.port", "70000")
	if err == nil || !strings.Contains(out, "--vault.port 70000: want 0 (any free port) or 1-65535") {
		t.Fatalf("want the port refused, got %v:\n%s", err, out)
	}
	if strings.Contains(out, "Blockchain") {
		t.Fatalf("a chain started before the Vault flags were checked:\n%s", out)
	}
}

var (
	vaultAddrLine  = regexp.MustCompile(`(?m)^  address  (http://127\.0\.0\.1:\d+)  \(unsealed\)$`)
	storeLine      = regexp.MustCompile(`(?m)^  SensitiveStore (0x[0-9a-fA-F]{40})$`)
	deptWriterLine = regexp.MustCompile(`(?m)^  writer dept-health +(0x[0-9a-fA-F]{40}) `)
)

// blockNumber is the head of the chain at url, 0 if it does not answer.
func blockNumber(url string) uint64 {
	c, err := ethclient.Dial(url)
	if err != nil {
		return 0
	}
	defer c.Close()
	n, _ := c.BlockNumber(context.Background())
	return n
}

// lastMatch returns the first group of re's last match in out (a restarted
// devnet prints its summary again, with a new Vault port).
func lastMatch(t *testing.T, re *regexp.Regexp, out, what string) string {
	t.Helper()
	m := re.FindAllStringSubmatch(out, -1)
	if len(m) == 0 {
		t.Fatalf("the devnet summary names no %s:\n%s", what, out)
	}
	return m[len(m)-1][1]
}

// checkDevnetVaultAndStore checks that the Vault printed in the summary
// answers, initialised and unsealed, and that SensitiveStore has code on
// the private chain and lets the department's Vault-held writer key write.
func checkDevnetVaultAndStore(t *testing.T, p *proctest.Proc, privateURL string) {
	t.Helper()
	proctest.WaitFor(t, 30*time.Second, "the devnet summary", func() bool {
		return strings.Contains(p.Output(), "Funded development accounts")
	})
	addr := lastMatch(t, vaultAddrLine, p.Output(), "Vault address")
	resp, err := http.Get(addr + "/v1/sys/health")
	if err != nil {
		t.Fatalf("devnet vault at %s: %v", addr, err)
	}
	var health struct{ Initialized, Sealed bool }
	err = json.NewDecoder(resp.Body).Decode(&health)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK || !health.Initialized || health.Sealed {
		t.Fatalf("devnet vault health: status %d, %+v, err %v; want 200, initialised, unsealed", resp.StatusCode, health, err)
	}
	store := common.HexToAddress(lastMatch(t, storeLine, p.Output(), "SensitiveStore"))
	writer := common.HexToAddress(lastMatch(t, deptWriterLine, p.Output(), "department writer"))
	c, err := ethclient.Dial(privateURL)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	code, err := c.CodeAt(context.Background(), store, nil)
	if err != nil || len(code) == 0 {
		t.Fatalf("SensitiveStore %s on the private chain: %d bytes of code, err %v", store, len(code), err)
	}
	ss := sensitivestore.NewSensitiveStore()
	ok, err := bind.Call(ss.Instance(c, store), nil, ss.PackIsWriter(writer), ss.UnpackIsWriter)
	if err != nil || !ok {
		t.Fatalf("SensitiveStore.isWriter(%s) = %v, err %v; want the department's writer allowed", writer, ok, err)
	}
}

// useVaultOnDevnet uses the devnet as its summary tells: a department
// submits a record with its dev-only AppRole credentials, the security
// officer rotates the dataset's key and rewraps the record on the private
// chain, then anchors the Vault audit log's head on the consortium.
func useVaultOnDevnet(t *testing.T, bin, dir, summary, privateURL, consortiumURL string) {
	t.Helper()
	work := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(work, name)
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	table := write("stays.csv", "patient_id,ward,stays\nP-001,north,3\nP-002,south,1\n")
	cols := write("cols.json", `{"patient_id": "personal-id", "ward": 1, "stays": "aggregate"}`)
	policy := write("policy.json", `{"categories": [{"id": 0, "name": "personal-id", "level": 2}, {"id": 1, "level": 1}, {"id": 3, "name": "aggregate", "level": 0}]}`)
	creds := filepath.Join(dir, "vault", "credentials-DEV-ONLY")
	login := func(role string) []string {
		id, err := os.ReadFile(filepath.Join(creds, role+".role-id"))
		if err != nil {
			t.Fatalf("dev-only credentials of %s: %v", role, err)
		}
		return []string{"--vault.addr", lastMatch(t, vaultAddrLine, summary, "Vault address"),
			"--vault.role-id", strings.TrimSpace(string(id)), "--vault.secret-id-file", filepath.Join(creds, role+".secret-id"),
			"--rpc", privateURL, "--store", lastMatch(t, storeLine, summary, "SensitiveStore"), "--blobs", filepath.Join(work, "blobs")}
	}
	out, err := proctest.Run(bin, append([]string{"submit", "--department", "health", "--dataset", "stays", "--version", "1", "--private-only",
		"--table", table, "--columns", cols, "--policy", policy, "--salt-file", filepath.Join(work, "salt"), "--new-salt"}, login("dept-health")...)...)
	if err != nil || !strings.Contains(out, "3 columns, 2 rows, level 2, key health.stays v1") {
		t.Fatalf("submit on the devnet: %v\n%s", err, out)
	}
	out, err = proctest.Run(bin, append([]string{"keys", "rotate", "--key", "health.stays"}, login("security-officer")...)...)
	if err != nil || !strings.Contains(out, "rewrapped 1 records") {
		t.Fatalf("keys rotate on the devnet: %v\n%s", err, out)
	}
	officer := login("security-officer")[:6] // Vault address and AppRole login only
	out, err = proctest.Run(bin, append([]string{"keys", "audit-anchor", "--audit-log", filepath.Join(dir, "vault", "audit", "vault-audit.log"),
		"--state", filepath.Join(work, "audit-state.json"), "--rpc", consortiumURL}, officer...)...)
	if err != nil || !strings.Contains(out, "anchored in tx") {
		t.Fatalf("keys audit-anchor on the devnet: %v\n%s", err, out)
	}
}

// scanDevnetForValidatorKey reads the private validator's key from the
// devnet Vault with the dev-only root token and looks for it, in every
// encoding, in each file under the data folder and in the devnet's output.
func scanDevnetForValidatorKey(t *testing.T, dir, output string) {
	t.Helper()
	ctx := context.Background()
	var unseal struct {
		RootToken string `json:"root_token"`
	}
	b, err := os.ReadFile(filepath.Join(dir, "vault", "dev-only-unseal.json"))
	if err != nil || json.Unmarshal(b, &unseal) != nil {
		t.Fatalf("dev-only unseal file: %v", err)
	}
	srv, err := vaultserver.StartFile(ctx, filepath.Join(dir, "vault"))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Stop()
	root, err := vaultclient.New(srv.Addr, vaultclient.WithToken(unseal.RootToken))
	if err != nil {
		t.Fatal(err)
	}
	key, err := root.SigningKey(ctx, "private0")
	if err != nil {
		t.Fatal(err)
	}
	needles := vaulttest.Forms(crypto.FromECDSA(key))
	seen := vaulttest.Scan(t, dir, needles)
	if seen["nodekey"] < 7 || seen["vault-audit.log"] == 0 || seen["vault.log"] == 0 {
		t.Fatalf("the scan missed part of the devnet folder: %v", seen)
	}
	if hits := vaulttest.Find([]byte(output), needles); len(hits) > 0 {
		t.Errorf("the devnet output holds the private validator key in clear")
	}
}

// geth-style log lines (level, then the time in brackets): none may reach
// the console, where only progress, the table and errors go.
var gethLogLine = regexp.MustCompile(`(?m)^(INFO|WARN|DEBUG|TRACE|DEBUG) ?\[`)

// checkDevnetSystem checks what a devnet run deployed and printed: the
// manifest validates and names contracts that have code on their chains,
// ReviewBoard pins the example policy, the bridge starts at a certified
// consortium block, the content store takes a PUT and serves it back, the
// console has the progress and the table but no node log line, and the
// node logs are in the logs folder.
func checkDevnetSystem(t *testing.T, dir, output, contentURL string) *deploy.Manifest {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	m, err := deploy.LoadManifest(dir)
	if err != nil {
		t.Fatalf("devnet manifest: %v", err)
	}
	if m.Content != contentURL {
		t.Fatalf("manifest content store %q, want %q (--http.port + 300)", m.Content, contentURL)
	}
	dial := func(url string) *ethclient.Client {
		c, err := ethclient.DialContext(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(c.Close)
		return c
	}
	cons, pub, priv := dial(m.Consortium.RPC[0]), dial(m.Public.RPC[0]), dial(m.Private.RPC[0])
	for _, c := range []struct {
		chain  string
		client *ethclient.Client
		name   string
		addr   common.Address
	}{
		{"consortium", cons, "ValidatorSet", m.Consortium.ValidatorSet},
		{"consortium", cons, "verifier", m.Consortium.Verifier},
		{"consortium", cons, "ReviewBoard", m.Consortium.ReviewBoard},
		{"public", pub, "verifier", m.Public.Verifier},
		{"public", pub, "DataRegistry", m.Public.Registry},
		{"public", pub, "ReleaseBridge", m.Public.Bridge},
		{"private", priv, "SensitiveStore", m.Private.Store},
	} {
		code, err := c.client.CodeAt(ctx, c.addr, nil)
		if err != nil || len(code) == 0 {
			t.Fatalf("%s %s at %s: %d bytes of code, err %v", c.chain, c.name, c.addr, len(code), err)
		}
	}
	pf, err := record.DecodePolicy(examples.Policy)
	if err != nil {
		t.Fatal(err)
	}
	want, _, err := pf.Policy()
	if err != nil {
		t.Fatal(err)
	}
	if pinned, err := deploy.Policy(ctx, cons, m.Consortium.ReviewBoard); err != nil || pinned.Cmp(want.Element()) != 0 {
		t.Fatalf("ReviewBoard pins policy %v (err %v), want examples/policy.json's %#x", pinned, err, want.Element())
	}
	rb := releasebridge.NewReleaseBridge()
	start, err := bind.Call(rb.Instance(pub, m.Public.Bridge), &bind.CallOpts{Context: ctx}, rb.PackStartBlock(), rb.UnpackStartBlock)
	if err != nil {
		t.Fatalf("ReleaseBridge.startBlock(): %v", err)
	}
	if m.Consortium.Checkpoint == nil || m.Consortium.Checkpoint.Block != start {
		t.Fatalf("ReleaseBridge starts at %d, the manifest's checkpoint is %+v", start, m.Consortium.Checkpoint)
	}
	if _, err := deploy.CheckpointAt(ctx, cons, deploy.RPCCertificates{Client: cons.Client()}, m.Consortium.ValidatorSet, start); err != nil {
		t.Fatalf("ReleaseBridge's start block %d is not a certified consortium block: %v", start, err)
	}
	if len(m.Departments) != len(devnet.DevDepartments()) {
		t.Fatalf("manifest departments %+v, want %v", m.Departments, devnet.DevDepartments())
	}
	// Each department is registered on ReviewBoard with its Vault-held key.
	for _, d := range m.Departments {
		id, err := deploy.DepartmentOf(ctx, cons, m.Consortium.ReviewBoard, d.Account)
		if err != nil || id != deploy.DepartmentID(d.Name) {
			t.Fatalf("department %s (%s) on ReviewBoard: %x, %v", d.Name, d.Account, id, err)
		}
	}
	content := []byte(fmt.Sprintf("released view %d\n", time.Now().UnixNano()))
	name, err := contentstore.Put(ctx, http.DefaultClient, m.Content, content)
	if err != nil {
		t.Fatalf("PUT to the devnet content store: %v", err)
	}
	if got, err := contentstore.Get(ctx, http.DefaultClient, m.Content, name, 1<<20); err != nil || string(got) != string(content) {
		t.Fatalf("GET from the devnet content store: %q, %v", got, err)
	}
	for _, s := range []string{"[11/12] starting the relayer… running", "[12/12] starting the public portal… http://127.0.0.1:", "portal         http://127.0.0.1:", "ReviewBoard    " + m.Consortium.ReviewBoard.Hex(),
		"ReleaseBridge  " + m.Public.Bridge.Hex(), "content store  " + m.Content, "INSECURE DEV SETUP",
		"manifest       " + filepath.Join(dir, "sovereign.json"), "department transport"} {
		if !strings.Contains(output, s) {
			t.Fatalf("the devnet console lacks %q:\n%s", s, output)
		}
	}
	if l := gethLogLine.FindString(output); l != "" || strings.Contains(output, "Imported new") {
		t.Fatalf("node log lines on the devnet console (%q):\n%s", l, output)
	}
	logs, err := os.ReadFile(filepath.Join(dir, "logs", "devnet.log"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"chain=consortium", "chain=public", "chain=private", "service=relayer", "relayer ready"} {
		if !strings.Contains(string(logs), s) {
			t.Fatalf("logs/devnet.log has no %q (%d bytes)", s, len(logs))
		}
	}
	return m
}

// TestDevnetKilledMidDeployDeploysAfresh: a devnet killed (SIGKILL) in the
// middle of its first deployment leaves no manifest, and the next run
// deploys every contract afresh and writes a manifest that checks out.
func TestDevnetKilledMidDeployDeploysAfresh(t *testing.T) {
	t.Parallel() // a process test: mostly waiting on its own nodes
	if testing.Short() {
		t.Skip("process test")
	}
	bin := testbin.Sovereign(t)
	dir := t.TempDir()
	httpBase, p2pBase := devnetPorts(t)
	p := proctest.Start(t, "devnet", bin, "devnet", "--datadir", dir,
		"--http.port", strconv.Itoa(httpBase), "--p2p.port", strconv.Itoa(p2pBase), "--vault.port", strconv.Itoa(httpBase+310),
		"--relay=false")
	proctest.WaitFor(t, 90*time.Second, "the deployment of ReviewBoard", func() bool {
		if p.Exited() {
			t.Fatalf("devnet exited:\n%s", p.Output())
		}
		return strings.Contains(p.Output(), "deploying ReviewBoard on the consortium")
	})
	p.Kill()
	if _, err := os.Stat(filepath.Join(dir, deploy.ManifestFile)); !os.IsNotExist(err) {
		t.Fatalf("a manifest after a kill mid-deployment (stat: %v):\n%s", err, p.Output())
	}
	killed := len(p.Output())
	p.Restart()
	proctest.WaitFor(t, 120*time.Second, "the devnet summary after the restart", func() bool {
		if p.Exited() {
			t.Fatalf("devnet exited:\n%s", p.Output())
		}
		return strings.Contains(p.Output()[killed:], "Funded development accounts")
	})
	out := p.Output()[killed:]
	if !strings.Contains(out, "deploying ReviewBoard on the consortium") || !strings.Contains(out, "relayer… off (--relay=false)") {
		t.Fatalf("the rerun did not deploy afresh (or ran a relayer with --relay=false):\n%s", out)
	}
	m, err := deploy.LoadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	c, err := ethclient.Dial(m.Public.RPC[0])
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for _, a := range []common.Address{m.Public.Verifier, m.Public.Registry, m.Public.Bridge} {
		if code, err := c.CodeAt(context.Background(), a, nil); err != nil || len(code) == 0 {
			t.Fatalf("public contract %s: %d bytes of code, err %v", a, len(code), err)
		}
	}
	p.Stop()
}
