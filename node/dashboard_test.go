package node

import (
	"slices"
	"testing"
)

func TestDashboardMetrics(t *testing.T) {
	names, err := DashboardMetrics("")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"qbft_height", "qbft_finality", "qbft_rejected_", "clique_sealed", "clique_rejected_", "sovereign_relayer_lag_blocks", "sovereign_relayer_pending_decisions", "sovereign_relayer_gas_per_record"} {
		if !slices.Contains(names, want) {
			t.Errorf("dashboard metrics %v lack %s", names, want)
		}
	}
	if q, _ := DashboardMetrics("qbft_"); slices.Contains(q, "clique_sealed") || !slices.Contains(q, "qbft_height") {
		t.Errorf("qbft_ metrics: %v", q)
	}
}
