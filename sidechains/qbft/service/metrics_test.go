package service

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/metrics"

	"github.com/sovereign-gov/sovereign/internal/proctest"
	"github.com/sovereign-gov/sovereign/node"
)

// TestMain switches geth's metrics on before any node runs, as the node
// commands do with --metrics.addr: geth samples histograms and timers only
// then, and the switch is process-wide (not safe to flip while nodes run).
func TestMain(m *testing.M) {
	metrics.Enable()
	os.Exit(m.Run())
}

// TestMetricsScrapedFromARunningNode: a validator and a follower with
// --metrics.addr serve the QBFT metrics and geth's own in Prometheus' text
// format; a node without it serves none.
func TestMetricsScrapedFromARunningNode(t *testing.T) {
	c := newCluster(t, 1, common.Address{1})
	c.metrics = true
	v := c.start(0)
	f := c.start(1)
	waitFor(t, 30*time.Second, "block 3 on the follower", func() bool { return f.Driver.Head() >= 3 })
	waitFor(t, 10*time.Second, "peers", func() bool { return v.Reactor.PeerCount() == 1 })

	m := proctest.Scrape(t, v.MetricsEndpoint())
	proctest.ExpectMetrics(t, m, map[string]bool{
		"qbft_height":                    m["qbft_height"] >= 3,
		"qbft_peers":                     m["qbft_peers"] == 1,
		"qbft_finality_count":            m["qbft_finality_count"] >= 3,
		"qbft_rounds_count":              m["qbft_rounds_count"] >= 3,
		"qbft_rejected_forged":           m["qbft_rejected_forged"] == 0,
		"qbft_roundchanges":              m["qbft_roundchanges"] == 0,
		"chain_head_block":               m["chain_head_block"] >= 3, // geth's own
		`qbft_finality {quantile="0.5"}`: m[`qbft_finality {quantile="0.5"}`] > 0,
	})
	want, err := node.DashboardMetrics("qbft_")
	if err != nil {
		t.Fatal(err)
	}
	proctest.ExpectServed(t, m, want, "queried by the Grafana dashboard")
	// geth's path for the same exposition.
	if g := proctest.Scrape(t, strings.TrimSuffix(v.MetricsEndpoint(), "/metrics")+"/debug/metrics/prometheus"); g["qbft_height"] < 3 {
		t.Errorf("geth's metrics path: qbft_height %v", g["qbft_height"])
	}
	fm := proctest.Scrape(t, f.MetricsEndpoint())
	if fm["qbft_height"] < 3 || fm["qbft_peers"] != 1 {
		t.Errorf("follower: height %v, peers %v", fm["qbft_height"], fm["qbft_peers"])
	}
	if _, ok := fm["qbft_finality_count"]; ok && fm["qbft_finality_count"] != 0 {
		t.Errorf("a follower decides nothing, finality count %v", fm["qbft_finality_count"])
	}

	c.metrics = false
	if n := c.start(2); n.MetricsEndpoint() != "" {
		t.Fatalf("metrics served at %s without MetricsAddr", n.MetricsEndpoint())
	}
}
