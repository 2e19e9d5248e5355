package node

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// GrafanaDashboard is grafana/sovereign.json: a Grafana dashboard of the
// metrics the nodes and `sovereign relay` serve at --metrics.addr (import it with a Prometheus
// data source).
//
//go:embed grafana/sovereign.json
var GrafanaDashboard []byte

// metricName matches the project's own metric names in a query, and the
// prefix of a name pattern (`qbft_rejected_` in `qbft_rejected_.+`).
var metricName = regexp.MustCompile(`\b(?:qbft|clique|sovereign)_[a-z_]+`)

// DashboardMetrics lists the project's metric names (or name prefixes)
// starting with prefix that GrafanaDashboard queries, sorted, each once;
// tests check that a running node serves them.
func DashboardMetrics(prefix string) ([]string, error) {
	var d struct {
		Panels []struct {
			Targets []struct {
				Expr string `json:"expr"`
			} `json:"targets"`
		} `json:"panels"`
	}
	if err := json.Unmarshal(GrafanaDashboard, &d); err != nil {
		return nil, fmt.Errorf("grafana/sovereign.json: %w", err)
	}
	var names []string
	for _, p := range d.Panels {
		for _, t := range p.Targets {
			for _, n := range metricName.FindAllString(t.Expr, -1) {
				if strings.HasPrefix(n, prefix) {
					names = append(names, n)
				}
			}
		}
	}
	slices.Sort(names)
	return slices.Compact(names), nil
}
