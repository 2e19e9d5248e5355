package main

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sovereign-gov/sovereign/bridge/relaytest"
	"github.com/sovereign-gov/sovereign/node"
)

// TestRelayOnce runs `sovereign relay --once` against real consortium and
// public nodes: a consortium endpoint of the wrong chain is refused naming
// the flag and both chain ids; then one approved decision is relayed, and a
// second run relays nothing.
func TestRelayOnce(t *testing.T) {
	t.Parallel() // a process test: mostly waiting on its own nodes
	s := relaytest.NewSystem(t, 1)
	v := s.Validators
	s.Submit(1)
	s.Cons.Seal()
	s.Vote(1, true, v[0], v[1], v[2])
	s.Cons.Seal()

	dir := t.TempDir()
	password := writeFile(t, filepath.Join(dir, "password"), "relay pw\n")
	keystore := filepath.Join(dir, "key.json")
	if err := node.WriteKey(keystore, s.Relayers[0], "relay pw", true); err != nil {
		t.Fatal(err)
	}
	run := func(consortiumURL string) (string, error) {
		var out bytes.Buffer
		app := newApp()
		app.Writer, app.ErrWriter = &out, &out
		err := app.Run([]string{"sovereign", "relay", "--consortium.rpc", consortiumURL, "--public.rpc", s.Pub.URL,
			"--bridge", s.Deployed.Bridge.Hex(), "--keystore", keystore, "--password", password, "--once", "--verbosity", "2"})
		return out.String(), err
	}

	_, err := run(s.Pub.URL)
	if err == nil || !strings.Contains(err.Error(), "--consortium.rpc "+s.Pub.URL+" has chain id 7201") ||
		!strings.Contains(err.Error(), "follows consortium chain 4242") {
		t.Fatalf("wrong consortium endpoint: err = %v", err)
	}
	t.Logf("refused: %v", err)

	// an address that is not a bridge (the registry) is refused at start
	var buf0 bytes.Buffer
	app0 := newApp()
	app0.Writer, app0.ErrWriter = &buf0, &buf0
	err = app0.Run([]string{"sovereign", "relay", "--consortium.rpc", s.Cons.URL, "--public.rpc", s.Pub.URL,
		"--bridge", s.Deployed.Registry.Hex(), "--keystore", keystore, "--password", password, "--once", "--verbosity", "2"})
	if err == nil || !strings.Contains(err.Error(), "has no ReleaseBridge at") {
		t.Fatalf("registry as --bridge: err = %v", err)
	}
	t.Logf("refused: %v", err)

	// an account without funds is refused at start
	poor := filepath.Join(dir, "poor.json")
	if err := node.WriteKey(poor, relaytest.NewKey(t), "relay pw", true); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	app := newApp()
	app.Writer, app.ErrWriter = &buf, &buf
	err = app.Run([]string{"sovereign", "relay", "--consortium.rpc", s.Cons.URL, "--public.rpc", s.Pub.URL,
		"--bridge", s.Deployed.Bridge.Hex(), "--keystore", poor, "--password", password, "--once", "--verbosity", "2"})
	if err == nil || !strings.Contains(err.Error(), "has no funds on the public chain") {
		t.Fatalf("account without funds: err = %v", err)
	}

	out, err := run(s.Cons.URL)
	if err != nil || !strings.Contains(out, "relayed 1 decisions (1 approved, 0 rejected)") {
		t.Fatalf("first run: %v\n%s", err, out)
	}
	t.Log(strings.TrimSpace(out))
	out, err = run(s.Cons.URL)
	if err != nil || !strings.Contains(out, "nothing to relay") {
		t.Fatalf("second run: %v\n%s", err, out)
	}

	// --json: what scripts read; a rejection now
	s.Submit(2)
	s.Cons.Seal()
	s.Vote(2, false, v[0], v[1])
	s.Cons.Seal()
	var js bytes.Buffer
	app = newApp()
	app.Writer, app.ErrWriter = &js, io.Discard
	if err := app.Run([]string{"sovereign", "relay", "--consortium.rpc", s.Cons.URL, "--public.rpc", s.Pub.URL,
		"--bridge", s.Deployed.Bridge.Hex(), "--keystore", keystore, "--password", password, "--once", "--json", "--verbosity", "2"}); err != nil {
		t.Fatal(err)
	}
	var sum struct {
		Summary                          string
		Records, Approved, Rejected, Txs int
		GasUsed, GasPerRecord, FromBlock uint64
	}
	if err := json.Unmarshal(js.Bytes(), &sum); err != nil {
		t.Fatalf("relay --once --json: %v\n%s", err, js.String())
	}
	if sum.Records != 1 || sum.Rejected != 1 || sum.Approved != 0 || sum.Txs != 1 || sum.GasPerRecord == 0 || sum.GasUsed != sum.GasPerRecord ||
		sum.FromBlock == 0 || !strings.HasPrefix(sum.Summary, "relayed 1 decisions (0 approved, 1 rejected)") {
		t.Fatalf("relay --once --json: %+v\n%s", sum, js.String())
	}

	// review list --json, on the same board: version 1 approved, 2 rejected
	js.Reset()
	app = newApp()
	app.Writer, app.ErrWriter = &js, io.Discard
	if err := app.Run([]string{"sovereign", "review", "list", "--consortium.rpc", s.Cons.URL, "--review-board", s.ReviewBoard.Hex(),
		"--status", "all", "--json"}); err != nil {
		t.Fatal(err)
	}
	var list []struct {
		Record, Status string
		Version        uint64
		Approvals      uint64
		Rejections     uint64
		DecidedAt      uint64
	}
	if err := json.Unmarshal(js.Bytes(), &list); err != nil {
		t.Fatalf("review list --json: %v\n%s", err, js.String())
	}
	if len(list) != 2 || list[0].Version != 1 || list[0].Status != "approved" || list[0].Approvals != 3 || list[0].DecidedAt == 0 ||
		list[1].Version != 2 || list[1].Status != "rejected" || list[1].Rejections != 2 || list[0].Record != "0x"+hex.EncodeToString(relaytest.RecordID(1).Bytes()) {
		t.Fatalf("review list --json:\n%s", js.String())
	}
	js.Reset()
	app = newApp()
	app.Writer, app.ErrWriter = &js, io.Discard
	if err := app.Run([]string{"sovereign", "review", "list", "--consortium.rpc", s.Cons.URL, "--review-board", s.ReviewBoard.Hex(), "--json"}); err != nil || strings.TrimSpace(js.String()) != "[]" {
		t.Fatalf("review list --json with none pending: %v %q", err, js.String())
	}

	js.Reset()
	app = newApp()
	app.Writer, app.ErrWriter = &js, &js
	if err := app.Run([]string{"sovereign", "relay", "--consortium.rpc", s.Cons.URL, "--public.rpc", s.Pub.URL,
		"--bridge", s.Deployed.Bridge.Hex(), "--keystore", keystore, "--password", password, "--json"}); err == nil || !strings.Contains(err.Error(), "--json: only with --once") {
		t.Fatalf("--json without --once: %v", err)
	}
}
