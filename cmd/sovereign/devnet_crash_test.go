package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/sovereign-gov/sovereign/internal/proctest"
	"github.com/sovereign-gov/sovereign/internal/testbin"
	"github.com/sovereign-gov/sovereign/sidechains/private/records/chainstore"
	"github.com/sovereign-gov/sovereign/sidechains/private/sensitive"
	"github.com/sovereign-gov/sovereign/sidechains/private/vaultclient"
)

var storedLine = regexp.MustCompile(`record 0x([0-9a-f]{64}) stored`)

// TestDevnetKilledMidSubmitKeepsEveryRecord (issue 12): `sovereign devnet`
// is killed with SIGKILL at a random moment while a department submits
// records one after another, three times. Every submit that printed
// "record … stored" (exit 0) is readable after the restart — on the
// private chain, with its ciphertext, decrypted with the department's Vault
// key — and the devnet never asks for its folder to be deleted. Then it is
// killed in the middle of `keys rotate` (rewrapping two records per
// transaction): after the restart every record still opens, and `keys
// rewrap` finishes the job.
func TestDevnetKilledMidSubmitKeepsEveryRecord(t *testing.T) {
	t.Parallel() // a process test: mostly waiting on its own nodes
	if testing.Short() {
		t.Skip("process test")
	}
	bin := testbin.Sovereign(t)
	dir := t.TempDir()
	httpBase, p2pBase := devnetPorts(t)
	p := proctest.Start(t, "devnet", bin, "devnet", "--datadir", dir,
		"--http.port", strconv.Itoa(httpBase), "--p2p.port", strconv.Itoa(p2pBase), "--vault.port", strconv.Itoa(httpBase+310),
		"--verbosity", "2")
	privateURL := fmt.Sprintf("http://127.0.0.1:%d", httpBase+200)
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
	blobs := filepath.Join(work, "blobs")
	runs := 0
	waitSummary := func() string {
		t.Helper()
		runs++
		proctest.WaitFor(t, 90*time.Second, "the devnet summary", func() bool {
			if p.Exited() {
				t.Fatalf("devnet exited:\n%s", p.Output())
			}
			return strings.Count(p.Output(), "Funded development accounts") >= runs
		})
		return p.Output()
	}

	// loginAs is what a role passes to submit and keys commands (the
	// restarted Vault may listen elsewhere: read from the last summary).
	loginAs := func(summary, role string) []string {
		t.Helper()
		id, err := os.ReadFile(filepath.Join(creds, role+".role-id"))
		if err != nil {
			t.Fatal(err)
		}
		return []string{"--vault.addr", lastMatch(t, vaultAddrLine, summary, "Vault address"),
			"--vault.role-id", strings.TrimSpace(string(id)), "--vault.secret-id-file", filepath.Join(creds, role+".secret-id"),
			"--rpc", privateURL, "--store", lastMatch(t, storeLine, summary, "SensitiveStore"), "--blobs", blobs}
	}
	var (
		mu    sync.Mutex
		acked [][32]byte
	)
	n := 0
	var done chan struct{}
	for round := range 3 {
		summary := waitSummary()
		login := loginAs(summary, "dept-health")
		if round > 0 {
			<-done // the submit in flight at the kill may finish on the restarted devnet
		}
		checkRecords(t, round, login, acked)

		// Submit one record after another until the devnet dies under them.
		stop := make(chan struct{})
		done = make(chan struct{})
		go func() {
			defer close(done)
			for {
				select {
				case <-stop:
					return
				default:
				}
				n++
				ctx, cancel := context.WithTimeout(context.Background(), 8*time.Second)
				b, err := exec.CommandContext(ctx, bin, append([]string{"submit", "--department", "health", "--dataset", "stays",
					"--version", fmt.Sprint(n), "--private-only", "--table", table, "--columns", cols, "--policy", policy,
					"--salt-file", filepath.Join(work, fmt.Sprintf("salt%d", n)), "--new-salt"}, login...)...).CombinedOutput()
				cancel()
				out := string(b)
				if err != nil {
					t.Logf("submit v%d not acknowledged (%v): %s", n, err, lastLine(out))
					continue // the devnet died under it
				}
				m := storedLine.FindStringSubmatch(out)
				if m == nil {
					t.Errorf("submit exited 0 without naming the record:\n%s", out)
					return
				}
				var id [32]byte
				copy(id[:], common.FromHex(m[1]))
				mu.Lock()
				acked = append(acked, id)
				mu.Unlock()
			}
		}()
		d := 1500*time.Millisecond + time.Duration(rand.Int64N(int64(3*time.Second)))
		time.Sleep(d)
		p.Kill()
		close(stop)
		mu.Lock()
		t.Logf("round %d: devnet killed %v into the submissions; %d records acknowledged so far", round, d.Round(time.Millisecond), len(acked))
		mu.Unlock()
		p.Restart()
	}
	summary := waitSummary()
	<-done
	checkRecords(t, 3, loginAs(summary, "dept-health"), acked)
	if len(acked) == 0 {
		t.Fatal("no submit was acknowledged before the kills")
	}

	// The security officer rotates the key and rewraps the records two per
	// transaction; the devnet is killed mid-rewrap. After the restart
	// `keys rewrap` finishes it and every record still opens.
	rotated := make(chan string, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		b, err := exec.CommandContext(ctx, bin, append([]string{"keys", "rotate", "--key", "health.stays", "--batch", "2"},
			loginAs(summary, "security-officer")...)...).CombinedOutput()
		rotated <- fmt.Sprintf("%v: %s", err, b)
	}()
	d := 500*time.Millisecond + time.Duration(rand.Int64N(int64(2*time.Second)))
	time.Sleep(d)
	p.Kill()
	p.Restart()
	summary = waitSummary()
	t.Logf("devnet killed %v into keys rotate (rewrap in batches of 2): %s", d.Round(time.Millisecond), lastLine(<-rotated))
	checkRecords(t, 4, loginAs(summary, "dept-health"), acked)
	out, err := proctest.Run(bin, append([]string{"keys", "rewrap", "--key", "health.stays"}, loginAs(summary, "security-officer")...)...)
	if err != nil || !strings.Contains(out, "rewrapped") {
		t.Fatalf("keys rewrap after the kill: %v\n%s", err, out)
	}
	t.Logf("after the restart: %s", lastLine(out))
	checkRecords(t, 5, loginAs(summary, "dept-health"), acked)
	if out := p.Output(); strings.Contains(out, "delete the data folder") || strings.Contains(out, "no SensitiveStore code") {
		t.Fatalf("the restarted devnet asked for its folder to be deleted:\n%s", out)
	}
	p.Stop()
}

// checkRecords opens every acknowledged record as the department: it is on
// the private chain, its ciphertext matches, and Vault unwraps its key.
func checkRecords(t *testing.T, round int, login []string, ids [][32]byte) {
	t.Helper()
	flag := func(name string) string {
		for i := 0; i+1 < len(login); i++ {
			if login[i] == name {
				return login[i+1]
			}
		}
		t.Fatalf("no %s", name)
		return ""
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	v, err := vaultclient.New(flag("--vault.addr"))
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	secret, err := os.ReadFile(flag("--vault.secret-id-file"))
	if err != nil {
		t.Fatal(err)
	}
	if err := v.LoginAppRole(ctx, flag("--vault.role-id"), strings.TrimSpace(string(secret))); err != nil {
		t.Fatalf("round %d: department login: %v", round, err)
	}
	client, err := ethclient.DialContext(ctx, flag("--rpc"))
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	store, err := chainstore.New(client, common.HexToAddress(flag("--store")), nil, flag("--blobs"))
	if err != nil {
		t.Fatal(err)
	}
	svc := sensitive.New(v, store)
	for _, id := range ids {
		pt, err := svc.Open(ctx, id)
		if err != nil || !strings.Contains(string(pt), "P-001") {
			t.Fatalf("after the restart of round %d: acknowledged record %x: %v (%d bytes)", round, id, err, len(pt))
		}
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}
