package service

import (
	"time"

	"github.com/ethereum/go-ethereum/metrics"

	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/sidechains/qbft"
)

// Metric names (Prometheus: "/" becomes "_", e.g. qbft_rejected_forged).
const (
	metricHeight       = "qbft/height"       // gauge: finalised head
	metricRound        = "qbft/round"        // gauge: round being decided (validators)
	metricPeers        = "qbft/peers"        // gauge: sovqbft peers
	metricRoundChanges = "qbft/roundchanges" // counter: rounds > 0 entered (validators)
	metricRounds       = "qbft/rounds"       // histogram: rounds a height took (1 = decided in round 0)
	metricFinality     = "qbft/finality"     // timer (ns): round 0 start to finalisation
	metricRejected     = "qbft/rejected/"    // gauges by reason: refused messages and blocks
)

var _ qbft.Observer = (*metricsObserver)(nil)

// metricsObserver feeds the state machine's round changes and decisions
// into the node's registry.
type metricsObserver struct {
	roundChanges *metrics.Counter
	rounds       metrics.Histogram
	finality     *metrics.Timer
}

func newMetricsObserver(reg metrics.Registry) *metricsObserver {
	return &metricsObserver{
		roundChanges: metrics.NewRegisteredCounter(metricRoundChanges, reg),
		rounds:       metrics.NewRegisteredHistogram(metricRounds, reg, metrics.NewExpDecaySample(1028, 0.015)),
		finality:     metrics.NewRegisteredTimer(metricFinality, reg),
	}
}

func (o *metricsObserver) RoundChanged(uint64, uint64) { o.roundChanges.Inc(1) }

func (o *metricsObserver) Decided(_, round uint64, took time.Duration) {
	o.rounds.Update(int64(round) + 1)
	o.finality.Update(took)
}

// registerMetrics adds the values sampled at each scrape: height, round,
// peers and the refusal counts of the transport and the state machine.
func (n *Node) registerMetrics(m *node.Metrics) {
	reg := m.Registry
	gauge := func(name string) *metrics.Gauge { return metrics.NewRegisteredGauge(name, reg) }
	height, round, peers := gauge(metricHeight), gauge(metricRound), gauge(metricPeers)
	rejected := map[string]*metrics.Gauge{}
	for _, reason := range []string{"forged", "highs", "nonvalidator", "wrongheight", "malformed", "badblocks", "invalid", "dropped", "equivocations"} {
		rejected[reason] = gauge(metricRejected + reason)
	}
	m.OnScrape(func() {
		height.Update(int64(n.Driver.Head()))
		peers.Update(int64(n.Reactor.PeerCount()))
		c := n.Reactor.Counters()
		for reason, v := range map[string]uint64{
			"forged": c.Forged, "highs": c.HighS, "nonvalidator": c.NonValidator,
			"wrongheight": c.WrongHeight, "malformed": c.Malformed, "badblocks": c.BadBlocks,
		} {
			rejected[reason].Update(int64(v))
		}
		if n.Core != nil {
			round.Update(int64(n.Core.Status().Round))
			rejected["invalid"].Update(int64(n.Core.Stats.Invalid.Load()))
			rejected["dropped"].Update(int64(n.Core.Stats.Dropped.Load()))
			rejected["equivocations"].Update(int64(n.Core.Stats.Equivocations.Load()))
		}
	})
}
