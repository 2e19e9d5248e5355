package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/sovereign-gov/sovereign/bindings/dataregistry"
	"github.com/sovereign-gov/sovereign/contentstore"
	"github.com/sovereign-gov/sovereign/contracts/deploy"
	"github.com/sovereign-gov/sovereign/department"
	"github.com/sovereign-gov/sovereign/internal/devnet"
	"github.com/sovereign-gov/sovereign/internal/proctest"
	"github.com/sovereign-gov/sovereign/internal/testbin"
	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/record"
	"github.com/sovereign-gov/sovereign/review"
	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
	"github.com/sovereign-gov/sovereign/sidechains/private/submission"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultclient"
	"github.com/sovereign-gov/sovereign/zk"
)

// recordPath is a running devnet and what the users' commands need.
type recordPath struct {
	t        *testing.T
	bin, dir string
	work     string
	devnet   *proctest.Proc
	m        *deploy.Manifest
	outputs  []string // every command's output, scanned for secrets at the end
}

// run runs a sovereign command against the devnet, wanting exit code want.
func (r *recordPath) run(want int, args ...string) string {
	r.t.Helper()
	// --manifest goes right after the command words: flags come before
	// a command's arguments.
	words := map[string]int{"submit": 1, "reconcile": 1, "status": 1, "review": 2, "data": 2, "keys": 2, "supervise": 2, "validators": 2}[args[0]]
	if words > 0 {
		args = append(append(append([]string{}, args[:words]...), "--manifest", r.dir), args[words:]...)
	}
	out := runSovereign(r.t, r.bin, want, args...)
	r.outputs = append(r.outputs, out)
	return out
}

// login is the AppRole login of a devnet CLI role.
func (r *recordPath) login(role string) []string {
	creds := filepath.Join(r.dir, "vault", "credentials-DEV-ONLY")
	id, err := os.ReadFile(filepath.Join(creds, role+".role-id"))
	if err != nil {
		r.t.Fatalf("dev-only credentials of %s: %v", role, err)
	}
	return []string{"--vault.role-id", strings.TrimSpace(string(id)), "--vault.secret-id-file", filepath.Join(creds, role+".secret-id")}
}

// validator is the keystore flags of consortium validator i.
func (r *recordPath) validator(i int) []string {
	base := filepath.Join(r.dir, "consortium", fmt.Sprintf("validator%d", i))
	return []string{"--keystore", base + ".keystore.json", "--password", base + ".password.DEV-ONLY"}
}

// startRecordPath starts `sovereign devnet` without its own relayer (the
// tests run and kill their own) and waits for its manifest.
func startRecordPath(t *testing.T) *recordPath {
	bin := testbin.Sovereign(t)
	r := &recordPath{t: t, bin: bin, dir: t.TempDir(), work: t.TempDir()}
	httpBase, p2pBase := devnetPorts(t)
	r.devnet = proctest.Start(t, "devnet", bin, "devnet", "--datadir", r.dir,
		"--http.port", strconv.Itoa(httpBase), "--p2p.port", strconv.Itoa(p2pBase),
		"--vault.port", strconv.Itoa(httpBase+350), "--relay=false", "--verbosity", "3", "--processes")
	proctest.WaitFor(t, 4*time.Minute, "the devnet's manifest", func() bool {
		if r.devnet.Exited() {
			t.Fatalf("devnet exited:\n%s", r.devnet.Output())
		}
		m, err := deploy.LoadManifest(r.dir)
		if err != nil {
			return false
		}
		r.m = m
		return true
	})
	return r
}

// forgery is what a department turned attacker submits for review.
type forgery int

const (
	// leakingView: the stored table, proved bound to another view — the
	// whole table, the withheld column's values in it. The proof verifies
	// (the binding covers any content hash); what must catch it is that
	// the view's columns do not give the proved released root.
	leakingView forgery = iota
	// otherTable: another table than the one stored on the private chain,
	// proved and released honestly. What must catch it is that the
	// private chain stores another commitment than the one reviewed.
	otherTable
)

// forge stores a table honestly on the private chain (submit
// --private-only), then submits a forgery of kind f for that record
// straight to the ReviewBoard. It returns the record id.
func (r *recordPath) forge(f forgery, dept, dataset string, version uint64, marker string) string {
	r.t.Helper()
	ctx := context.Background()
	name := fmt.Sprintf("%s-%s-%d", dept, dataset, version)
	tablePath, cols := r.table(name, 1, marker)
	salt := filepath.Join(r.work, name+".salt")
	r.run(0, append([]string{"submit", "--department", dept, "--dataset", dataset, "--version", fmt.Sprint(version), "--private-only",
		"--table", tablePath, "--columns", cols, "--policy", filepath.Join(r.dir, "policy.json"),
		"--salt-file", salt, "--new-salt"}, r.login("dept-"+dept)...)...)
	if f == otherTable {
		tablePath, _ = r.table(name+"-other", 1, marker) // same columns, other values
	}

	pol, names, err := record.LoadPolicy(filepath.Join(r.dir, "policy.json"))
	if err != nil {
		r.t.Fatal(err)
	}
	cats, err := record.LoadColumnCategories(cols, names)
	if err != nil {
		r.t.Fatal(err)
	}
	table, err := record.LoadTable(tablePath)
	if err != nil {
		r.t.Fatal(err)
	}
	rec, err := record.NewRecord(table, cats)
	if err != nil {
		r.t.Fatal(err)
	}
	s, err := record.OpenSalt(salt, false)
	if err != nil {
		r.t.Fatal(err)
	}
	st, err := record.NewStatement(rec, pol, record.LevelOpen, s)
	if err != nil {
		r.t.Fatal(err)
	}
	var content []byte
	switch f {
	case leakingView:
		content, err = os.ReadFile(tablePath) // every column, the withheld one too
		if err == nil {
			st.Bind(record.Binding(deploy.DatasetID(dept, dataset), version, record.ContentHash(content)))
		}
	case otherTable:
		binding, view, verr := record.ViewBinding(dept, dataset, version, table, st)
		if content, err = view, verr; err == nil {
			st.Bind(binding)
		}
	}
	if err != nil {
		r.t.Fatal(err)
	}
	contentHash := record.ContentHash(content)
	keys, err := zk.LoadKeys(filepath.Join(r.work, "zk-keys"), st.Size)
	if err != nil {
		r.t.Fatal(err)
	}
	proof, err := zk.Prove(keys, st, table.Columns)
	if err != nil {
		r.t.Fatal(err)
	}
	if _, err := contentstore.Put(ctx, http.DefaultClient, r.m.Content, content); err != nil {
		r.t.Fatal(err)
	}
	creds := filepath.Join(r.dir, "vault", "credentials-DEV-ONLY")
	role := naming.DepartmentRole(dept)
	id, _ := os.ReadFile(filepath.Join(creds, role+".role-id"))
	secret, _ := os.ReadFile(filepath.Join(creds, role+".secret-id"))
	v, err := vaultclient.New(r.m.Vault)
	if err != nil {
		r.t.Fatal(err)
	}
	if err := v.LoginAppRole(ctx, strings.TrimSpace(string(id)), strings.TrimSpace(string(secret))); err != nil {
		r.t.Fatal(err)
	}
	key, err := v.SigningKey(ctx, naming.WriterKey(role))
	if err != nil {
		r.t.Fatal(err)
	}
	board, err := review.Dial(ctx, r.m.Consortium.RPC[0], r.m.Consortium.ReviewBoard)
	if err != nil {
		r.t.Fatal(err)
	}
	defer board.Close()
	req := submission.Request{Department: dept, Dataset: dataset, Version: version}
	sub, err := board.Submit(ctx, key, department.Submission(req, st, 0, contentHash), proof.Bytes)
	if err != nil {
		r.t.Fatalf("the forged submission was refused on chain (its proof should verify; what it proves is what is wrong): %v", err)
	}
	return hexID(sub.RecordID)
}

// killNode kills with SIGKILL a node the devnet runs as its own process
// (--processes) and returns at once: the devnet starts it again.
func (r *recordPath) killNode(name string) int {
	r.t.Helper()
	b, err := os.ReadFile(filepath.Join(r.dir, "run", name+".pid"))
	if err != nil {
		r.t.Fatalf("pid of %s: %v", name, err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		r.t.Fatalf("pid of %s: %v", name, err)
	}
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		r.t.Fatalf("kill -9 %s (pid %d): %v", name, pid, err)
	}
	return pid
}

// restarted waits until the devnet has started node name again after pid
// died, and its JSON-RPC at url reaches head (it caught up).
func (r *recordPath) restarted(name string, pid int, url string, head uint64) {
	r.t.Helper()
	proctest.WaitFor(r.t, 2*time.Minute, name+" restarted by the devnet and caught up", func() bool {
		b, err := os.ReadFile(filepath.Join(r.dir, "run", name+".pid"))
		if err != nil || strings.TrimSpace(string(b)) == strconv.Itoa(pid) {
			return false
		}
		c, err := ethclient.Dial(url)
		if err != nil {
			return false
		}
		defer c.Close()
		n, err := c.BlockNumber(context.Background())
		return err == nil && n >= head
	})
}

// head is the block number at url.
func (r *recordPath) head(url string) uint64 {
	r.t.Helper()
	c, err := ethclient.Dial(url)
	if err != nil {
		r.t.Fatal(err)
	}
	defer c.Close()
	n, err := c.BlockNumber(context.Background())
	if err != nil {
		r.t.Fatal(err)
	}
	return n
}

// table writes a CSV table and its column categories; every cell of a
// sensitive column carries marker, so it can be looked for everywhere.
func (r *recordPath) table(name string, level int, marker string) (table, columns string) {
	var sb strings.Builder
	cols := map[string]string{"year": "aggregate", "count": "aggregate"}
	header := "year,count"
	if level >= 1 {
		header += ",region"
		cols["region"] = "location"
	}
	if level >= 2 {
		header += ",patient"
		cols["patient"] = "personal-id"
	}
	sb.WriteString(header + "\n")
	for i := range 20 {
		row := fmt.Sprintf("%d,%d", 2000+i, rand.IntN(1000))
		if level >= 1 {
			row += fmt.Sprintf(",region-%d", i%4)
		}
		if level >= 2 {
			row += fmt.Sprintf(",%s-%04d", marker, i)
		}
		sb.WriteString(row + "\n")
	}
	table = filepath.Join(r.work, name+".csv")
	columns = filepath.Join(r.work, name+".columns.json")
	b, _ := json.Marshal(cols)
	if err := os.WriteFile(table, []byte(sb.String()), 0o600); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(columns, b, 0o600); err != nil {
		r.t.Fatal(err)
	}
	return table, columns
}

var submittedLine = regexp.MustCompile(`record (0x[0-9a-f]{64}) (submitted for review|was already submitted)`)

// submit runs `sovereign submit` for a department and returns the record id.
func (r *recordPath) submit(dept, dataset string, version uint64, level int, marker string, extra ...string) string {
	r.t.Helper()
	name := fmt.Sprintf("%s-%s-%d", dept, dataset, version)
	table, cols := r.table(name, level, marker)
	args := append([]string{"submit", "--department", dept, "--dataset", dataset, "--version", fmt.Sprint(version),
		"--table", table, "--columns", cols, "--policy", filepath.Join(r.dir, "policy.json"),
		"--salt-file", filepath.Join(r.work, name+".salt"), "--new-salt", "--keys", filepath.Join(r.work, "zk-keys")}, extra...)
	out := r.run(0, append(args, r.login("dept-"+dept)...)...)
	m := submittedLine.FindStringSubmatch(out)
	if m == nil {
		r.t.Fatalf("submit %s printed no record id:\n%s", name, out)
	}
	if want := review.RecordID(deploy.DatasetID(dept, dataset), version); m[1] != hexID(want) {
		r.t.Fatalf("submit %s: record id %s, want %s (one id on every chain)", name, m[1], hexID(want))
	}
	return m[1]
}

// grant is a Vault grant token for a dataset, issued by the security officer.
func (r *recordPath) grant(key string) string {
	out := r.run(0, append([]string{"keys", "grant", "--key", key, "--ttl", "10m"}, r.login("security-officer")...)...)
	m := regexp.MustCompile(`token: (\S+)`).FindStringSubmatch(out)
	if m == nil {
		r.t.Fatalf("keys grant printed no token:\n%s", out)
	}
	return m[1]
}

// relayer starts `sovereign relay` with a funded dev account, told where
// the chains are by flags, or by the manifest alone.
func (r *recordPath) relayer(name string, account int, fromManifest bool) *proctest.Proc {
	where := []string{"--consortium.rpc", r.m.Consortium.RPC[0], "--public.rpc", r.m.Public.RPC[0], "--bridge", r.m.Public.Bridge.Hex()}
	if fromManifest {
		where = []string{"--manifest", r.dir}
	}
	return proctest.Start(r.t, name, r.bin, append(append(append([]string{"relay"}, where...), r.devKeystore(name, account)...),
		"--interval", "1s", "--batch", "2", "--verbosity", "3")...)
}

// devKeystore is the --keystore and --password flags of a funded devnet
// development account, written once under name.
func (r *recordPath) devKeystore(name string, account int) []string {
	acct := devnet.DevAccounts(account + 1)[account]
	ks := filepath.Join(r.work, name+".keystore.json")
	pw := filepath.Join(r.work, name+".password")
	if _, err := os.Stat(ks); err != nil {
		if err := os.WriteFile(pw, []byte("relay-test\n"), 0o600); err != nil {
			r.t.Fatal(err)
		}
		if err := node.WriteKey(ks, acct.Key, "relay-test", true); err != nil {
			r.t.Fatal(err)
		}
	}
	return []string{"--keystore", ks, "--password", pw}
}

// setVaultSealed seals or unseals the devnet's Vault with its dev-only root token and key.
func (r *recordPath) setVaultSealed(sealed bool) {
	r.t.Helper()
	var f struct {
		UnsealKey string `json:"unseal_key"`
		RootToken string `json:"root_token"`
	}
	b, err := os.ReadFile(filepath.Join(r.dir, "vault", "dev-only-unseal.json"))
	if err != nil {
		r.t.Fatal(err)
	}
	if err := json.Unmarshal(b, &f); err != nil {
		r.t.Fatal(err)
	}
	path, body := "/v1/sys/seal", "{}"
	if !sealed {
		path, body = "/v1/sys/unseal", fmt.Sprintf(`{"key":%q}`, f.UnsealKey)
	}
	req, _ := http.NewRequest(http.MethodPut, r.m.Vault+path, strings.NewReader(body))
	req.Header.Set("X-Vault-Token", f.RootToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		r.t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		r.t.Fatalf("vault %s: %s", path, resp.Status)
	}
}

// TestRecordPathEndToEnd runs DESIGN.md's path of a record with every user
// as a separate process on a real devnet (real Vault, real chains): four
// departments submit open, conditional and sensitive records and a
// correction; validators test under Vault grants and approve or reject with
// reasons; relayers (one killed with SIGKILL mid-run, then two racing)
// publish; every release verifies on the public chain, no rejected record
// appears, reconcile finds nothing missing, and a sensitive column's values
// are found nowhere outside the private chain's ciphertexts.
func TestRecordPathEndToEnd(t *testing.T) {
	t.Parallel() // a process test: mostly waiting on its own nodes
	if testing.Short() {
		t.Skip("process test")
	}
	r := startRecordPath(t)
	r.run(0, "zk", "setup", "--dev", "--size", "16", "--out", filepath.Join(r.work, "zk-keys"))
	marker := fmt.Sprintf("SECRET%08x", rand.Uint32())

	// Vault sealed during a submission: a clear error, and nothing half done
	// that a retry cannot finish.
	r.setVaultSealed(true)
	if out := r.run(1, "status"); !strings.Contains(out, "SEALED") {
		t.Fatalf("status with Vault sealed: want SEALED and exit 1:\n%s", out)
	}
	health, hcols := r.table("sealed-try", 2, marker)
	out := r.run(1, append([]string{"submit", "--department", "health", "--dataset", "stays", "--version", "1",
		"--table", health, "--columns", hcols, "--policy", filepath.Join(r.dir, "policy.json"),
		"--salt-file", filepath.Join(r.work, "health-stays-1.salt"), "--new-salt", "--keys", filepath.Join(r.work, "zk-keys")}, r.login("dept-health")...)...)
	if !strings.Contains(strings.ToLower(out), "sealed") {
		t.Fatalf("submit with Vault sealed: want an error saying Vault is sealed:\n%s", out)
	}
	r.setVaultSealed(false)

	ids := map[string]string{
		"open":        r.submit("education", "schools", 1, 0, marker),
		"conditional": r.submit("transport", "traffic", 1, 1, marker),
		"sensitive":   r.submit("health", "stays", 1, 2, marker),
		"rejected":    r.submit("finance", "budget", 1, 0, marker),
	}
	ids["correction"] = r.submit("education", "schools", 2, 0, marker, "--supersedes", "1")

	// A department cannot submit under another's dataset: the id is bound to it.
	other, ocols := r.table("squat", 0, marker)
	out = r.run(1, append([]string{"submit", "--department", "finance", "--dataset", "stays", "--version", "9",
		"--table", other, "--columns", ocols, "--policy", filepath.Join(r.dir, "policy.json"),
		"--salt-file", filepath.Join(r.work, "squat.salt"), "--new-salt", "--keys", filepath.Join(r.work, "zk-keys")}, r.login("dept-health")...)...)
	if !strings.Contains(out, "finance") {
		t.Fatalf("health's credentials submitting for finance: want a refusal naming it:\n%s", out)
	}

	// Validator 0 tests every record under a grant for its dataset, then
	// approves the tested ones in one transaction; validators 1 and 2 vote.
	tested := filepath.Join(r.work, "tested.json")
	grants := map[string]string{"open": "education.schools", "correction": "education.schools", "conditional": "transport.traffic",
		"sensitive": "health.stays", "rejected": "finance.budget"}
	for what, id := range ids {
		out := r.run(0, "review", "test", "--vault.token", r.grant(grants[what]), "--tested", tested,
			"--policy", filepath.Join(r.dir, "policy.json"), id)
		if !strings.Contains(out, "passed every test") || strings.Contains(out, "FAIL") {
			t.Fatalf("review test %s:\n%s", what, out)
		}
	}
	r.run(1, append(append([]string{"review", "reject", "--reason", " "}, r.validator(0)...), ids["rejected"])...)
	for v := range 2 {
		r.run(0, append(append([]string{"review", "reject", "--reason", "figures do not add up"}, r.validator(v)...), ids["rejected"])...)
	}
	out = r.run(1, append(append([]string{"review", "reject", "--reason", "again"}, r.validator(0)...), ids["rejected"])...)
	if !strings.Contains(out, "NotPending") && !strings.Contains(out, "AlreadyVoted") {
		t.Fatalf("a second vote: want NotPending/AlreadyVoted:\n%s", out)
	}
	out = r.run(0, append([]string{"review", "approve", "--all-tested", "--reason", "tested: proof, commitment and released view", "--tested", tested}, r.validator(0)...)...)
	if !strings.Contains(out, "4 votes in tx") {
		t.Fatalf("approve --all-tested: want the four pending tested records in one tx:\n%s", out)
	}

	// A department proves its record bound to a view that leaks a withheld
	// column: the proof verifies on chain, review test fails the view, and
	// if a captured board (validators 1–3) approves it anyway, data verify
	// fails it on the public chain and data get refuses it.
	forged := r.forge(leakingView, "education", "enrolment", 1, marker)
	out = r.run(1, "review", "test", "--vault.token", r.grant("education.enrolment"), "--tested", tested,
		"--policy", filepath.Join(r.dir, "policy.json"), forged)
	if !strings.Contains(out, "ok   proof accepted on chain") || !strings.Contains(out, "FAIL released view in the content store") {
		t.Fatalf("review test of a view that leaks a withheld column: want the proof ok and the view failed:\n%s", out)
	}
	// A department reviews one table and stores another: review test
	// finds the private chain's commitment is not the reviewed one.
	swapped := r.forge(otherTable, "transport", "ridership", 1, marker)
	out = r.run(1, "review", "test", "--vault.token", r.grant("transport.ridership"), "--tested", tested,
		"--policy", filepath.Join(r.dir, "policy.json"), swapped)
	if !strings.Contains(out, "ok   proof accepted on chain") || !strings.Contains(out, "FAIL private record opens the commitment") ||
		!strings.Contains(out, "not the same record") {
		t.Fatalf("review test of a record other than the one stored: want the proof ok and the private check failed:\n%s", out)
	}
	for v := 1; v <= 3; v++ {
		r.run(0, append(append([]string{"review", "approve", "--reason", "captured"}, r.validator(v)...), forged)...)
	}

	// The relayer publishes; killed with SIGKILL mid-run and restarted, then
	// raced by a second one, nothing is published twice.
	// The whole devnet (every chain, the public signer and the consortium
	// validators among them) is killed with SIGKILL mid-review and
	// restarted: every vote acknowledged before stays. Consortium validator
	// 3 (its own process) is killed with SIGKILL before every vote: the
	// other three carry the review on, and it catches up each time.
	rel := r.relayer("relayer-a", 5, false)
	validator3 := r.m.Consortium.RPC[3]
	for v := 1; v <= 2; v++ {
		for _, what := range []string{"open", "conditional", "sensitive", "correction"} {
			pid := r.killNode("consortium-validator3")
			time.Sleep(time.Duration(rand.IntN(800)) * time.Millisecond)
			r.run(0, append(append([]string{"review", "approve", "--reason", "checked"}, r.validator(v)...), ids[what])...)
			r.restarted("consortium-validator3", pid, validator3, r.head(r.m.Consortium.RPC[0]))
			if v == 1 && what == "sensitive" {
				r.devnet.Kill()
				r.devnet.Restart()
				proctest.WaitFor(t, 3*time.Minute, "the devnet back after kill -9", func() bool {
					if r.devnet.Exited() {
						t.Fatalf("devnet exited after its restart:\n%s", r.devnet.Output())
					}
					_, err := proctest.Run(r.bin, "status", "--manifest", r.dir)
					return err == nil
				})
				for _, acked := range []string{"open", "conditional", "sensitive"} {
					out := r.run(0, "review", "show", ids[acked])
					if !strings.Contains(out, "2 approvals") {
						t.Fatalf("after kill -9 of the devnet, the acknowledged votes on %s are gone:\n%s", acked, out)
					}
				}
			}
			if v == 2 && what == "conditional" {
				time.Sleep(time.Duration(rand.IntN(1500)) * time.Millisecond)
				rel.Kill() // SIGKILL, mid-batch or between batches
			}
		}
	}
	rel.Restart()
	rel2 := r.relayer("relayer-b", 6, true)
	// The public signer (its own process) killed with SIGKILL while both
	// relayers publish: they wait it out, and nothing is lost or doubled.
	time.Sleep(time.Duration(rand.IntN(2000)) * time.Millisecond)
	signerHead := r.head(r.m.Public.RPC[1])
	r.restarted("public-signer", r.killNode("public-signer"), r.m.Public.RPC[0], signerHead)
	for what, id := range ids {
		if what == "rejected" {
			continue
		}
		proctest.WaitFor(t, 3*time.Minute, "the release of "+what+" on the public chain", func() bool {
			out, err := proctest.Run(r.bin, "data", "show", "--manifest", r.dir, id)
			return err == nil && strings.Contains(out, id)
		})
	}
	proctest.WaitFor(t, 3*time.Minute, "the release of the forged view on the public chain", func() bool {
		out, err := proctest.Run(r.bin, "data", "show", "--manifest", r.dir, forged)
		return err == nil && strings.Contains(out, forged)
	})
	rel.Stop()
	rel2.Stop()
	// published once each: one Published log per approved record
	pub, err := ethclient.Dial(r.m.Public.RPC[1])
	if err != nil {
		t.Fatal(err)
	}
	logs, err := pub.FilterLogs(context.Background(), ethereum.FilterQuery{Addresses: []common.Address{r.m.Public.Registry},
		Topics: [][]common.Hash{{dataregistry.NewDataRegistry().GetABI().Events["Published"].ID}}})
	pub.Close()
	if err != nil || len(logs) != 5 {
		t.Fatalf("Published logs: %d (%v), want 5: one per approved record", len(logs), err)
	}
	if out := r.run(1, "data", "verify", forged); !strings.Contains(out, "FAIL") {
		t.Fatalf("data verify of a release whose view leaks a withheld column: want FAIL:\n%s", out)
	}
	if out := r.run(1, "data", "get", "--out", filepath.Join(r.work, "forged.csv"), forged); !strings.Contains(out, "root") {
		t.Fatalf("data get of a release whose view does not give its released root: want a refusal:\n%s", out)
	}

	for what, id := range ids {
		if what == "rejected" {
			out := r.run(1, "data", "show", id)
			if !strings.Contains(out, id[:10]) {
				t.Fatalf("data show of a rejected record: want an error naming it:\n%s", out)
			}
			continue
		}
		out := r.run(0, "data", "verify", id)
		if strings.Contains(out, "FAIL") {
			t.Fatalf("data verify %s:\n%s", what, out)
		}
	}
	if out := r.run(0, "data", "list"); strings.Contains(out, ids["rejected"][:10]) {
		t.Fatalf("a rejected record is listed:\n%s", out)
	}
	if out := r.run(1, "data", "get", "--out", filepath.Join(r.work, "sensitive.csv"), ids["sensitive"]); !strings.Contains(out, "sensitive") {
		t.Fatalf("data get of a sensitive record: want a refusal:\n%s", out)
	}
	if out := r.run(0, "reconcile"); !strings.Contains(out, "nothing missing") {
		t.Fatalf("reconcile:\n%s", out)
	}
	out = r.run(0, "status")
	for _, want := range []string{"public", "consortium", "private", "unsealed", "0 not yet on the public chain"} {
		if !strings.Contains(out, want) {
			t.Fatalf("status: want %q in:\n%s", want, out)
		}
	}

	// Supervision: only the supervisor's Vault-held key freezes; the reason
	// is public; a frozen record still verifies and downloads with a
	// warning; the freeze is lifted with a reason, once.
	cond := ids["conditional"]
	if out := r.run(1, append([]string{"supervise", "freeze", "--reason", "court order 12/2026"}, append(r.login("dept-transport"), cond)...)...); !strings.Contains(out, "supervisor's key") {
		t.Fatalf("a department freezing: want a refusal reading the supervisor's key:\n%s", out)
	}
	if out := r.run(1, append([]string{"supervise", "freeze", "--reason", "  "}, append(r.login("supervisor"), cond)...)...); !strings.Contains(out, "blank") {
		t.Fatalf("freeze with a blank reason: want a refusal:\n%s", out)
	}
	if out := r.run(0, append([]string{"supervise", "freeze", "--reason", "court order 12/2026"}, append(r.login("supervisor"), cond)...)...); !strings.Contains(out, "frozen") {
		t.Fatalf("supervise freeze:\n%s", out)
	}
	if out := r.run(0, "data", "show", cond); !strings.Contains(out, "court order 12/2026") {
		t.Fatalf("data show of a frozen record: want the reason:\n%s", out)
	}
	fix, fcols := r.table("transport-traffic-2", 1, marker)
	out = r.run(1, append([]string{"submit", "--department", "transport", "--dataset", "traffic", "--version", "2", "--supersedes", "1",
		"--table", fix, "--columns", fcols, "--policy", filepath.Join(r.dir, "policy.json"),
		"--salt-file", filepath.Join(r.work, "transport-traffic-2.salt"), "--new-salt", "--keys", filepath.Join(r.work, "zk-keys")}, r.login("dept-transport")...)...)
	if !strings.Contains(out, "frozen by the supervisor") || !strings.Contains(out, "court order 12/2026") {
		t.Fatalf("a correction of a frozen record: want a refusal with the freeze's reason:\n%s", out)
	}
	if out := r.run(0, "data", "get", "--out", filepath.Join(r.work, "frozen.csv"), cond); !strings.Contains(out, "FROZEN") || !strings.Contains(out, "court order") {
		t.Fatalf("data get of a frozen record: want a warning with the reason:\n%s", out)
	}
	if out := r.run(0, "data", "verify", cond); strings.Contains(out, "FAIL") {
		t.Fatalf("data verify of a frozen record:\n%s", out)
	}
	r.run(0, append([]string{"supervise", "unfreeze", "--reason", "order lifted"}, append(r.login("supervisor"), cond)...)...)
	if out := r.run(1, append([]string{"supervise", "unfreeze", "--reason", "again"}, append(r.login("supervisor"), cond)...)...); !strings.Contains(out, "NotFrozen") {
		t.Fatalf("a second unfreeze: want NotFrozen:\n%s", out)
	}
	if out := r.run(0, "data", "show", cond); !strings.Contains(out, "current") {
		t.Fatalf("data show after unfreeze: want current:\n%s", out)
	}
	out = r.run(0, "supervise", "decisions", "--department", "finance")
	if !strings.Contains(out, ids["rejected"]) || !strings.Contains(out, "figures do not add up") || strings.Contains(out, ids["open"]) {
		t.Fatalf("supervise decisions --department finance: want the rejected record and its reasons only:\n%s", out)
	}
	if out := r.run(1, "supervise", "decisions", "--department", "nosuch"); !strings.Contains(out, "not a department") {
		t.Fatalf("supervise decisions of an unknown department:\n%s", out)
	}

	// Shredding (issue 15 item 4): the security officer destroys the
	// dataset's key; its receipt goes to the consortium, and the relayer
	// carries it to the public registry, where data show shows it. A
	// correction is then refused with the reason, and not even Vault's root
	// token opens the record.
	rel3 := r.relayer("relayer-c", 5, true)
	out = r.run(0, append([]string{"keys", "shred", "--key", "transport.traffic", "--yes"}, r.login("security-officer")...)...)
	m := regexp.MustCompile(`receipt (0x[0-9a-f]{64}) recorded on the consortium's ReviewBoard`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("keys shred: want the receipt recorded on the consortium:\n%s", out)
	}
	proctest.WaitFor(t, 3*time.Minute, "the shred receipt on the public registry", func() bool {
		out, err := proctest.Run(r.bin, "data", "show", "--manifest", r.dir, cond)
		return err == nil && strings.Contains(out, "shredded") && strings.Contains(out, m[1])
	})
	rel3.Stop()
	out = r.run(1, append([]string{"submit", "--department", "transport", "--dataset", "traffic", "--version", "2", "--supersedes", "1",
		"--table", fix, "--columns", fcols, "--policy", filepath.Join(r.dir, "policy.json"),
		"--salt-file", filepath.Join(r.work, "transport-traffic-2.salt"), "--new-salt", "--keys", filepath.Join(r.work, "zk-keys")}, r.login("dept-transport")...)...)
	if !strings.Contains(out, "shredded") {
		t.Fatalf("a correction of a shredded record: want a refusal naming the shred:\n%s", out)
	}
	var unseal struct {
		RootToken string `json:"root_token"`
	}
	if b, err := os.ReadFile(filepath.Join(r.dir, "vault", "dev-only-unseal.json")); err != nil || json.Unmarshal(b, &unseal) != nil || unseal.RootToken == "" {
		t.Fatalf("the devnet's dev-only root token: %v", err)
	}
	if out := r.run(1, "review", "test", "--vault.token", unseal.RootToken, "--tested", filepath.Join(r.work, "shredded-tested.json"), cond); !strings.Contains(out, "FAIL private record opens the commitment: decrypting under the grant") {
		t.Fatalf("a shredded record opened with Vault's root token:\n%s", out)
	}

	// Bad input: unknown record, malformed id, wrong role credentials, a
	// relayer pointed at the wrong chain id.
	unknown := hexID(crypto.Keccak256Hash([]byte("no such record")))
	for _, b := range []struct {
		args []string
		want string
	}{
		{[]string{"review", "show", unknown}, "no submission with this record id"},
		{[]string{"review", "show", "0x1234"}, "want 32 bytes as 64 hex digits"},
		{[]string{"data", "show", unknown}, unknown[:10]},
		{append(append([]string{"review", "approve", "--reason", "x"}, r.validator(3)...), unknown), "NotPending"},
	} {
		if out := r.run(1, b.args...); !strings.Contains(out, b.want) {
			t.Errorf("%v: want %q in:\n%s", b.args[:2], b.want, out)
		}
	}

	// No value of a sensitive column anywhere: not in any file of the devnet
	// (chains, logs, content store, Vault's storage) nor any command's output.
	r.devnet.Stop()
	filepath.WalkDir(r.dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if b, err := os.ReadFile(path); err == nil && bytes.Contains(b, []byte(marker)) {
			t.Errorf("a sensitive value is in %s", path)

		}
		return nil
	})
	for _, out := range append(r.outputs, r.devnet.Output()) {
		if strings.Contains(out, marker) {
			t.Errorf("a sensitive value is in a command's output:\n%s", out)
		}
	}
}
