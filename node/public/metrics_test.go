package public

import (
	"testing"
	"time"

	"github.com/sovereign-gov/sovereign/internal/proctest"
	"github.com/sovereign-gov/sovereign/node"
)

// TestMetricsScraped: a signer with MetricsAddr serves the clique metrics
// and geth's own in Prometheus' text format.
func TestMetricsScraped(t *testing.T) {
	keys := newKeys(t, 1)
	spec := node.PublicSpec{Period: 1, Signers: addrs(keys), Time: uint64(time.Now().Unix())}
	n := startNodeWith(t, spec, "", keys[0], nil, func(c *node.Config) { c.MetricsAddr = "127.0.0.1:0" })
	defer n.Close()
	proctest.WaitFor(t, 10*time.Second, "block 2", func() bool { return n.Eth.BlockChain().CurrentBlock().Number.Uint64() >= 2 })
	m := proctest.Scrape(t, n.MetricsEndpoint())
	proctest.ExpectMetrics(t, m, map[string]bool{
		"clique_height":             m["clique_height"] >= 2,
		"clique_sealed":             m["clique_sealed"] >= 2,
		"clique_outofturn":          m["clique_outofturn"] == 0, // a single signer is always in turn
		"clique_peers":              m["clique_peers"] == 0,
		"clique_rejected_blocks":    m["clique_rejected_blocks"] == 0,
		"clique_rejected_malformed": m["clique_rejected_malformed"] == 0,
		"chain_head_block":          m["chain_head_block"] >= 2, // geth's own
	})
	want, err := node.DashboardMetrics("clique_")
	if err != nil {
		t.Fatal(err)
	}
	proctest.ExpectServed(t, m, want, "queried by the Grafana dashboard")
}
