package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/sovereign-gov/sovereign/access"
	"github.com/sovereign-gov/sovereign/internal/devnet"
	"github.com/sovereign-gov/sovereign/internal/proctest"
	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/publicdata"
	"github.com/sovereign-gov/sovereign/review"
	"github.com/sovereign-gov/sovereign/sidechains/private/naming"
	"github.com/sovereign-gov/sovereign/sidechains/private/records/chainstore"
	"github.com/sovereign-gov/sovereign/sidechains/private/submission"
)

// accessRun runs `sovereign review access …` (three command words before
// the flags) against the devnet.
func (r *recordPath) accessRun(want int, args ...string) string {
	r.t.Helper()
	out := runSovereign(r.t, r.bin, want, append([]string{"review", "access", args[0], "--manifest", r.dir}, args[1:]...)...)
	r.outputs = append(r.outputs, out)
	return out
}

// account writes dev account i as a keystore for a member of the public.
func (r *recordPath) account(name string, i int) (flags []string, addr common.Address) {
	r.t.Helper()
	acct := devnet.DevAccounts(i + 1)[i]
	ks, pw := filepath.Join(r.work, name+".keystore.json"), filepath.Join(r.work, name+".password")
	if err := os.WriteFile(pw, []byte("public-user\n"), 0o600); err != nil {
		r.t.Fatal(err)
	}
	if err := node.WriteKey(ks, acct.Key, "public-user", true); err != nil {
		r.t.Fatal(err)
	}
	return []string{"--keystore", ks, "--password", pw}, acct.Address
}

var requestLine = regexp.MustCompile(`(?m)^request (0x[0-9a-f]{64})$`)

// TestAccessRequestEndToEnd: issue 15 item 3 on a real devnet, every user
// a process of its own. A member of the public requests access to a
// sensitive record's conditional columns on the public chain; validators
// read the request from the public chain and vote on the consortium with
// reasons; the relayer carries the decision; the security officer delivers
// the grant sealed to the requester on the public chain; the requester
// opens exactly the record's columns at level <= 1, checked against the
// public commitment. Refused: another account opening it, a level-2 column
// by name, a second unwrap of the single-use token, a second delivery, and
// everything after the expiry.
func TestAccessRequestEndToEnd(t *testing.T) {
	t.Parallel() // a process test: mostly waiting on its own nodes
	if testing.Short() {
		t.Skip("process test")
	}
	ctx := context.Background()
	r := startRecordPath(t)
	r.run(0, "zk", "setup", "--dev", "--size", "16", "--out", filepath.Join(r.work, "zk-keys"))
	marker := fmt.Sprintf("SECRET%08x", rand.Uint32())

	// a sensitive record: year, count (open), region (conditional), patient (sensitive)
	id := r.submit("health", "stays", 1, 2, marker)
	open := r.submit("education", "schools", 1, 0, marker)
	for i := range 3 {
		r.run(0, append(append([]string{"review", "approve", "--reason", "columns and proof checked"}, r.validator(i)...), id, open)...)
	}
	relay := r.relayer("relayer", 2, true)
	defer relay.Stop()
	proctest.WaitFor(t, 2*time.Minute, "the releases published", func() bool {
		a, err1 := proctest.Run(r.bin, "data", "show", "--manifest", r.dir, id)
		b, err2 := proctest.Run(r.bin, "data", "show", "--manifest", r.dir, open)
		return err1 == nil && err2 == nil && strings.Contains(a, "certified") && strings.Contains(b, "certified")
	})

	// private chain: the record's conditional envelope sits next to it, under the conditional key
	priv, err := ethclient.Dial(r.m.Private.RPC[0])
	if err != nil {
		t.Fatal(err)
	}
	defer priv.Close()
	store, err := chainstore.New(priv, r.m.Private.Store, nil, r.m.Private.Blobs)
	if err != nil {
		t.Fatal(err)
	}
	recID := common.HexToHash(id)
	cond, err := store.Get(ctx, submission.ConditionalID(recID))
	if err != nil || cond.TransitKey != naming.ConditionalStoreKey("health.stays") {
		t.Fatalf("private chain: the conditional envelope of %s: %+v, %v", id, cond.TransitKey, err)
	}

	alice, aliceAddr := r.account("alice", 7)
	bob, _ := r.account("bob", 8)
	out := r.run(1, append([]string{"data", "request", "--record", open, "--purpose", "school planning"}, alice...)...)
	if !strings.Contains(out, "NotRequestable") {
		t.Fatalf("a request for an open record: want NotRequestable:\n%s", out)
	}
	r.run(1, append([]string{"data", "request", "--record", id, "--purpose", "  "}, alice...)...)
	out = r.run(0, append([]string{"data", "request", "--record", id, "--purpose", "hospital capacity study"}, alice...)...)
	m := requestLine.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("data request printed no request id:\n%s", out)
	}
	req := m[1]
	// a second request of Alice's (granted, never delivered) and one of Bob's (refused)
	out = r.run(0, append([]string{"data", "request", "--record", id, "--purpose", "follow-up study"}, alice...)...)
	req2 := requestLine.FindStringSubmatch(out)[1]
	out = r.run(0, append([]string{"data", "request", "--record", id, "--purpose", "marketing"}, bob...)...)
	req3 := requestLine.FindStringSubmatch(out)[1]

	// validators read the request from the public chain itself
	if out := r.accessRun(0, "list", "--status", "pending"); !strings.Contains(out, req) || !strings.Contains(out, "hospital capacity study") {
		t.Fatalf("review access list: the request and its purpose:\n%s", out)
	}
	expires := time.Now().Add(150 * time.Second).UTC().Truncate(time.Second)
	exp := expires.Format(time.RFC3339)
	r.accessRun(1, append([]string{"vote", "--request", req, "--grant", "--reason", "no expiry"}, r.validator(0)...)...)
	r.accessRun(1, append([]string{"vote", "--request", req, "--grant", "--refuse", "--expires", exp, "--reason", "both"}, r.validator(0)...)...)
	for i := range 3 {
		r.accessRun(0, append([]string{"vote", "--request", req, "--grant", "--expires", exp, "--reason", "purpose is public-interest research"}, r.validator(i)...)...)
		r.accessRun(0, append([]string{"vote", "--request", req2, "--grant", "--expires", exp, "--reason", "same researcher"}, r.validator(i)...)...)
	}
	for i := range 2 {
		r.accessRun(0, append([]string{"vote", "--request", req3, "--refuse", "--reason", "marketing is not a public interest"}, r.validator(i)...)...)
	}
	proctest.WaitFor(t, 2*time.Minute, "the decisions relayed to the public chain", func() bool {
		granted, denied := r.accessRun(0, "list", "--status", "granted"), r.accessRun(0, "list", "--status", "denied")
		return strings.Contains(granted, req) && strings.Contains(granted, req2) && strings.Contains(denied, req3)
	})
	if out := r.accessRun(1, append([]string{"vote", "--request", req3, "--grant", "--expires", exp, "--reason", "late"}, r.validator(3)...)...); !strings.Contains(out, "denied") {
		t.Fatalf("a vote on a decided request: want a refusal naming its status:\n%s", out)
	}
	if out := r.run(1, append([]string{"keys", "grant-access", "--request", req3}, r.login("security-officer")...)...); !strings.Contains(out, "is denied") {
		t.Fatalf("grant-access on a refused request:\n%s", out)
	}
	if out := r.run(1, append([]string{"data", "open", "--request", req3, "--keep", filepath.Join(r.work, "bob3.sealed")}, bob...)...); !strings.Contains(out, "is denied") {
		t.Fatalf("data open of a refused request:\n%s", out)
	}

	// consortium: the decision, three grants with reasons
	board, err := review.Dial(ctx, r.m.Consortium.RPC[0], r.m.Consortium.ReviewBoard)
	if err != nil {
		t.Fatal(err)
	}
	defer board.Close()
	if tl, err := board.AccessTally(ctx, common.HexToHash(req)); err != nil || tl.Status != review.StatusApproved || tl.Approvals != 3 {
		t.Fatalf("consortium: access review %+v, %v", tl, err)
	}

	// the officer delivers the grant on the public chain, once
	out = r.run(0, append([]string{"keys", "grant-access", "--request", req}, r.login("security-officer")...)...)
	if !strings.Contains(out, "delivered to "+aliceAddr.Hex()) {
		t.Fatalf("keys grant-access:\n%s", out)
	}
	if out := r.run(1, append([]string{"keys", "grant-access", "--request", req}, r.login("security-officer")...)...); !strings.Contains(out, "already delivered") {
		t.Fatalf("a second delivery: want a refusal:\n%s", out)
	}

	// public chain: requested, resolved, delivered
	pub, err := ethclient.Dial(r.m.Public.RPC[0])
	if err != nil {
		t.Fatal(err)
	}
	defer pub.Close()
	reader := &publicdata.Reader{Public: pub, Registry: r.m.Public.Registry}
	a, err := reader.AccessRequest(ctx, common.HexToHash(req))
	if err != nil || a.Status != "granted" || a.Requester != aliceAddr || a.DeliveredIn == 0 || a.ExpiresAt != uint64(expires.Unix()) {
		t.Fatalf("public chain: request %+v, %v", a, err)
	}
	sealed, err := reader.DeliveredGrant(ctx, a)
	if err != nil || len(sealed) == 0 {
		t.Fatalf("public chain: the delivered grant: %v", err)
	}

	// nobody else's key decrypts the sealed grant on chain
	bobKey := devnet.DevAccounts(9)[8].Key
	if _, err := access.Open(bobKey, a.ID, sealed); !errors.Is(err, access.ErrNotForYou) {
		t.Fatalf("the sealed grant with another key: want ErrNotForYou, got %v", err)
	}
	// another account cannot open it
	if out := r.run(1, append([]string{"data", "open", "--request", req, "--keep", filepath.Join(r.work, "bob.sealed")}, bob...)...); !strings.Contains(out, "not the requester") {
		t.Fatalf("data open by another account: want 'not the requester':\n%s", out)
	}

	// the requester opens the columns at level <= 1, never level 2
	keep := filepath.Join(r.work, "alice.sealed")
	csvOut := filepath.Join(r.work, "opened.csv")
	r.run(0, append([]string{"data", "open", "--request", req, "--keep", keep, "--out", csvOut}, alice...)...)
	got, err := os.ReadFile(csvOut)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(r.work, "health-stays-1.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(got), "year,count,region\n") || strings.Contains(string(got), marker) || strings.Contains(string(got), "patient") {
		t.Fatalf("opened columns: want year,count,region and nothing of patient:\n%s", got)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(want)), "\n")[1:] {
		f := strings.Split(line, ",")
		if !strings.Contains(string(got), strings.Join(f[:3], ",")+"\n") {
			t.Fatalf("opened columns lack row %q:\n%s", line, got)
		}
	}
	if out := r.run(1, append([]string{"data", "open", "--request", req, "--keep", keep, "--column", "region", "--column", "patient"}, alice...)...); !strings.Contains(out, `"patient"`) || !strings.Contains(out, "level 2") {
		t.Fatalf("a level-2 column by name: want a refusal naming it:\n%s", out)
	}
	if out := r.run(0, append([]string{"data", "open", "--request", req, "--keep", keep, "--column", "region"}, alice...)...); !strings.HasPrefix(out, "region\n") {
		t.Fatalf("a second open from the kept grant:\n%s", out)
	}
	// the Vault token worked once: without the kept copy, a clear error
	if out := r.run(1, append([]string{"data", "open", "--request", req, "--keep", filepath.Join(r.work, "again.sealed")}, alice...)...); !strings.Contains(out, "already used") {
		t.Fatalf("a second unwrap: want 'already used':\n%s", out)
	}

	// after the expiry: refused with the expiry named, the kept copy included
	time.Sleep(time.Until(expires) + 2*time.Second)
	if out := r.run(1, append([]string{"data", "open", "--request", req, "--keep", keep}, alice...)...); !strings.Contains(out, "expired at "+exp) {
		t.Fatalf("data open after the expiry: want 'expired at %s':\n%s", exp, out)
	}
	if out := r.run(1, append([]string{"keys", "grant-access", "--request", req2}, r.login("security-officer")...)...); !strings.Contains(out, "expired at "+exp) {
		t.Fatalf("grant-access after the expiry: want 'expired at %s':\n%s", exp, out)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(r.accessRun(0, "list", "--json")), &rows); err != nil || len(rows) != 3 {
		t.Fatalf("review access list --json: %v", err)
	}
	// nothing of the sensitive column outside the private chain's ciphertexts
	for _, o := range r.outputs {
		if strings.Contains(o, marker) {
			t.Fatalf("a level-2 value in a command's output:\n%s", o)
		}
	}
}
