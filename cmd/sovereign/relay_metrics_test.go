package main

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/sovereign-gov/sovereign/bridge/relaytest"
	"github.com/sovereign-gov/sovereign/internal/proctest"
	"github.com/sovereign-gov/sovereign/internal/testbin"
	"github.com/sovereign-gov/sovereign/node"
)

// TestRelayMetrics runs `sovereign relay --metrics.addr` as a process
// against real consortium and public nodes and scrapes it: while the public
// chain is unreachable the lag grows by the consortium blocks sealed and the
// decisions made wait; once it is back they are relayed, lag and pending
// fall to 0 and the gas per record is a relay's. Every relayer metric the
// Grafana dashboard queries is served.
func TestRelayMetrics(t *testing.T) {
	s := relaytest.NewSystem(t, 1)
	v := s.Validators
	dir := t.TempDir()
	password := writeFile(t, filepath.Join(dir, "password"), "relay pw\n")
	keystore := filepath.Join(dir, "key.json")
	if err := node.WriteKey(keystore, s.Relayers[0], "relay pw", true); err != nil {
		t.Fatal(err)
	}
	public := relaytest.NewProxy(t, s.Pub.URL)
	port := proctest.FreePort(t)
	url := fmt.Sprintf("http://127.0.0.1:%d%s", port, node.MetricsPath)
	proctest.Start(t, "relayer", testbin.Sovereign(t), "relay", "--consortium.rpc", s.Cons.URL, "--public.rpc", public.Srv.URL,
		"--bridge", s.Deployed.Bridge.Hex(), "--keystore", keystore, "--password", password,
		"--interval", "200ms", "--backoff.max", "500ms", "--metrics.addr", fmt.Sprintf("127.0.0.1:%d", port))

	var m map[string]float64
	scrape := func(what string, cond func() bool) {
		t.Helper()
		proctest.WaitFor(t, time.Minute, what, func() bool {
			var err error
			m, err = proctest.TryScrape(url)
			return err == nil && cond()
		})
	}
	scrape("a first pass", func() bool { return m["sovereign_relayer_passes_total"] >= 1 })
	proctest.ExpectMetrics(t, m, map[string]bool{
		"sovereign_relayer_lag_blocks": m["sovereign_relayer_lag_blocks"] == 0, "sovereign_relayer_pending_decisions": m["sovereign_relayer_pending_decisions"] == 0,
	})

	// the public chain goes away: submissions (nothing to carry), two
	// decisions, an empty block; the relayer has carried the first only
	public.SetDown(true)
	s.Submit(1, 2)
	s.Cons.Seal()
	s.Vote(1, true, v[0], v[1], v[2])
	s.Vote(2, false, v[0], v[1])
	s.Cons.Seal()
	s.Cons.Seal()
	scrape("a failing pass that saw the last block", func() bool {
		return m["sovereign_relayer_failures_total"] >= 1 && m["sovereign_relayer_pending_decisions"] == 2 &&
			m["sovereign_relayer_lag_blocks"] >= 2
	})
	if lag := m["sovereign_relayer_lag_blocks"]; lag != 2 {
		t.Errorf("lag with 2 blocks not carried = %v", lag)
	}
	t.Logf("public down: lag %v, pending %v, failed passes %v", m["sovereign_relayer_lag_blocks"], m["sovereign_relayer_pending_decisions"], m["sovereign_relayer_failures_total"])

	public.SetDown(false)
	scrape("the decisions relayed", func() bool {
		return m["sovereign_relayer_records_total"] >= 2 && m["sovereign_relayer_pending_decisions"] == 0 && m["sovereign_relayer_lag_blocks"] == 0
	})
	gas := m["sovereign_relayer_gas_per_record"]
	if gas < 20_000 || gas > 2_000_000 || m["sovereign_relayer_gas_total"] < 2*gas {
		t.Errorf("gas per record %v, gas total %v", gas, m["sovereign_relayer_gas_total"])
	}
	t.Logf("relayed: %v records, %v gas per record", m["sovereign_relayer_records_total"], gas)

	want, err := node.DashboardMetrics("sovereign_relayer_")
	if err != nil {
		t.Fatal(err)
	}
	if len(want) < 3 {
		t.Fatalf("dashboard relayer metrics: %v", want)
	}
	proctest.ExpectServed(t, m, want, "queried by the Grafana dashboard")
	proctest.ExpectServed(t, m, []string{"system_cpu_procload"}, "geth's process metrics")
}
