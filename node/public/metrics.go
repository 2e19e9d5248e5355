package public

import (
	"github.com/ethereum/go-ethereum/metrics"
)

// Metric names (Prometheus: "/" becomes "_", e.g. clique_sealed).
const (
	metricHeight    = "clique/height"             // gauge: head block
	metricPeers     = "clique/peers"              // gauge: sov block-sync peers
	metricSealed    = "clique/sealed"             // this signer's blocks since start
	metricOutOfTurn = "clique/outofturn"          // of them sealed out of turn
	metricRejected  = "clique/rejected/blocks"    // blocks from peers that failed import
	metricMalformed = "clique/rejected/malformed" // sov messages that did not decode
)

// registerMetrics adds the public chain's values, sampled at each scrape.
func (n *Node) registerMetrics() {
	reg := n.Metrics.Registry
	gauge := func(name string) *metrics.Gauge { return metrics.NewRegisteredGauge(name, reg) }
	height, peers, sealed, outOfTurn := gauge(metricHeight), gauge(metricPeers), gauge(metricSealed), gauge(metricOutOfTurn)
	rejected, malformed := gauge(metricRejected), gauge(metricMalformed)
	n.Metrics.OnScrape(func() {
		height.Update(n.Eth.BlockChain().CurrentBlock().Number.Int64())
		peers.Update(int64(n.Sync.PeerCount()))
		s, o := n.Clique.SealCounts()
		sealed.Update(int64(s))
		outOfTurn.Update(int64(o))
		st := n.Sync.Stats()
		rejected.Update(int64(st.RejectedBlocks))
		malformed.Update(int64(st.MalformedMsgs))
	})
}
