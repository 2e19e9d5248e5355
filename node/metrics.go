package node

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/metrics"
	"github.com/ethereum/go-ethereum/metrics/prometheus"
)

// Metrics is a node's own metrics registry (consensus, sync): one per node,
// so that several nodes in one process (tests, devnets) keep theirs apart.
// With Config.MetricsAddr set it is served in Prometheus' text format next
// to geth's process-wide registry (chain, database, p2p, tx pool), which
// geth only fills once metrics.Enable was called at start-up.
type Metrics struct {
	Registry metrics.Registry

	mu      sync.Mutex
	refresh []func()
}

// NewMetrics is an empty registry of a process's own metrics (a node makes its
// own; a relayer serves one with ServeMetrics).
func NewMetrics() *Metrics { return &Metrics{Registry: metrics.NewRegistry()} }

// OnScrape adds f, run before every scrape: it brings values sampled from
// elsewhere (heights, peers, refusal counts) up to date in the registry.
func (m *Metrics) OnScrape(f func()) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.refresh = append(m.refresh, f)
}

// bothRegistries lists the node's metrics together with geth's.
type bothRegistries struct {
	metrics.Registry
	geth metrics.Registry
}

func (b bothRegistries) Each(f func(string, any)) {
	b.geth.Each(f)
	b.Registry.Each(f)
}

func (b bothRegistries) Get(name string) any {
	if m := b.Registry.Get(name); m != nil {
		return m
	}
	return b.geth.Get(name)
}

// Handler serves the node's and geth's metrics in Prometheus' text format.
func (m *Metrics) Handler() http.Handler {
	prom := prometheus.Handler(bothRegistries{Registry: m.Registry, geth: metrics.DefaultRegistry})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		m.mu.Lock()
		refresh := slices.Clone(m.refresh)
		m.mu.Unlock()
		for _, f := range refresh {
			f()
		}
		prom.ServeHTTP(w, r)
	})
}

// MetricsPath is where the metrics are served; geth's own path
// (/debug/metrics/prometheus) answers too, for scrape configurations
// written for geth.
const MetricsPath = "/metrics"

// ServeMetrics listens on addr and serves m until the returned stop is
// called.
func ServeMetrics(addr string, m *Metrics) (string, func(), error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", nil, fmt.Errorf("metrics listener on %s: %w", addr, err)
	}
	mux := http.NewServeMux()
	mux.Handle(MetricsPath, m.Handler())
	mux.Handle("/debug/metrics/prometheus", m.Handler())
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Warn("Metrics server stopped", "err", err)
		}
	}()
	return ln.Addr().String(), func() { srv.Close() }, nil
}
