package bridge

import (
	"context"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/metrics"
)

// Metric names (Prometheus: "/" becomes "_", e.g. sovereign_relayer_lag_blocks).
const (
	metricLag          = "sovereign/relayer/lag/blocks"        // gauge: consortium head − last block carried
	metricPending      = "sovereign/relayer/pending/decisions" // gauge: decisions past the last block carried
	metricGasPerRecord = "sovereign/relayer/gas/per/record"    // gauge: gas per record of the last pass that relayed
	metricRecords      = "sovereign/relayer/records/total"     // counter: logs relayed
	metricGas          = "sovereign/relayer/gas/total"         // counter: gas used by relay transactions
	metricPasses       = "sovereign/relayer/passes/total"      // counter: passes over the consortium
	metricFailures     = "sovereign/relayer/failures/total"    // counter: passes that ended in an error
)

// Metrics is what a Relayer reports (Config.Metrics), in reg: how far
// behind the consortium it is, how many decisions wait, and what a record
// costs. The values are those of the latest pass.
type Metrics struct {
	lag, pending, gasPerRecord     *metrics.Gauge
	records, gas, passes, failures *metrics.Counter
}

// NewMetrics registers the relayer's metrics in reg.
func NewMetrics(reg metrics.Registry) *Metrics {
	return &Metrics{
		lag:          metrics.NewRegisteredGauge(metricLag, reg),
		pending:      metrics.NewRegisteredGauge(metricPending, reg),
		gasPerRecord: metrics.NewRegisteredGauge(metricGasPerRecord, reg),
		records:      metrics.NewRegisteredCounter(metricRecords, reg),
		gas:          metrics.NewRegisteredCounter(metricGas, reg),
		passes:       metrics.NewRegisteredCounter(metricPasses, reg),
		failures:     metrics.NewRegisteredCounter(metricFailures, reg),
	}
}

// observeBacklog sets the lag and pending decisions for a consortium at
// head whose blocks before carried are all on the bridge: lag is head −
// (carried − 1), pending the Decision and AccessDecision logs in
// [carried, head] (an upper bound: another relayer may have carried some).
// Best effort: a failing log query leaves pending as it was.
func (r *Relayer) observeBacklog(ctx context.Context, carried, head uint64) {
	m := r.cfg.Metrics
	if m == nil {
		return
	}
	if carried > head {
		m.lag.Update(0)
		m.pending.Update(0)
		return
	}
	m.lag.Update(int64(head - carried + 1))
	pending := 0
	for lo := carried; lo <= head; lo += r.cfg.LogRange {
		hi := min(head, lo+r.cfg.LogRange-1)
		logs, err := r.consortium.FilterLogs(ctx, ethereum.FilterQuery{
			FromBlock: new(big.Int).SetUint64(lo), ToBlock: new(big.Int).SetUint64(hi),
			Addresses: []common.Address{r.watch.ReviewBoard},
			Topics:    [][]common.Hash{{DecisionTopic, AccessDecisionTopic}},
		})
		if err != nil {
			r.log.Debug("counting pending decisions", "err", err)
			return
		}
		pending += len(logs)
		if hi == head {
			break
		}
	}
	m.pending.Update(int64(pending))
}

// observePass counts a pass that ended with err, with what it relayed, and
// the backlog it left behind a consortium at head.
func (r *Relayer) observePass(ctx context.Context, head uint64, sum Summary, err error) {
	m := r.cfg.Metrics
	if m == nil {
		return
	}
	m.passes.Inc(1)
	if err != nil {
		m.failures.Inc(1)
	}
	if n := sum.Records(); n > 0 {
		m.records.Inc(int64(n))
		m.gas.Inc(int64(sum.GasUsed))
		m.gasPerRecord.Update(int64(sum.GasUsed) / int64(n))
	}
	if head != 0 && ctx.Err() == nil {
		r.observeBacklog(ctx, max(r.cursor, r.startBlock), head)
	}
}
