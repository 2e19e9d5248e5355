package portal

import (
	"context"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/sovereign-gov/sovereign/bindings/dataregistry"
	"github.com/sovereign-gov/sovereign/publicdata"
	rt "github.com/sovereign-gov/sovereign/publicdata/readertest"
)

// follow measures the indexer following a chain that publishes: n/20 more
// releases, 40 a block, while it runs (a pass every 100 ms).
func follow(t *testing.T, f *rt.Chain, s *Store, base dataregistry.IDataRegistryRelease, n int) {
	more := max(n/20, 100)
	rels := make([]dataregistry.IDataRegistryRelease, more)
	for i := range rels {
		r := base
		r.DatasetId = crypto.Keccak256Hash([]byte(fmt.Sprint("bench follow ", i)))
		r.Level = uint8(i % 3)
		rels[i] = r
	}
	ix, err := NewIndexer(s, IndexerConfig{Public: f.Client, Registry: f.Registry, Bridge: rt.Bridge, LogRange: 2000, Interval: 100 * time.Millisecond, Logger: quiet()})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { _ = ix.Run(ctx) }()
	start := time.Now()
	f.PublishMany(rels, 40)
	published := time.Since(start)
	for {
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Releases == n+more {
			break
		}
		if time.Since(start) > published+time.Minute {
			t.Fatalf("the index has %d of %d releases a minute after the last block", st.Releases, n+more)
		}
		time.Sleep(10 * time.Millisecond)
	}
	all := time.Since(start)
	fmt.Printf("portal following: %d releases published in %s (%.0f/s, 40 a block); the index had the last one %s after its block: %.0f events/s indexed while following\n",
		more, published.Round(time.Millisecond), float64(more)/published.Seconds(), (all - published).Round(time.Millisecond), float64(more)/all.Seconds())
}

// TestBenchPortal measures the portal with PORTAL_BENCH_RELEASES releases
// published on a simulated chain (`make bench-portal`: 100,000): indexing
// throughput (events/s, catching up from block 0), then the catalogue
// page's latency (p50/p95 over filtered, searched and paged queries)
// next to the same filtered list answered from the chain itself by the
// reader of `sovereign data list` (publicdata.Reader.List), in the same run.
// With PORTAL_BENCH_POSTGRES=1 the same chain is also indexed into and
// served from PostgreSQL (pgtest's throwaway server).
func TestBenchPortal(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("PORTAL_BENCH_RELEASES"))
	if n == 0 {
		t.Skip("PORTAL_BENCH_RELEASES not set (make bench-portal sets it)")
	}
	ctx := context.Background()
	view := []byte("district,count\nnorth,3\nsouth,5\n")
	base := rt.Release(t, "bench", 1, 0, 0, view, 1)
	depts := []string{"health", "education", "transport", "finance", "justice", "environment", "housing", "labour"}
	rels := make([]dataregistry.IDataRegistryRelease, n)
	for i := range rels {
		r := base
		r.DatasetId = crypto.Keccak256Hash([]byte(fmt.Sprint("bench dataset ", i)))
		r.Department = DepartmentID(depts[i%len(depts)])
		r.Level = uint8(i % 3)
		r.Commitment = big.NewInt(int64(i + 1))
		rels[i] = r
	}
	f := rt.New(t, big.NewInt(7), false)
	start := time.Now()
	f.PublishMany(rels, 40)
	t.Logf("published %d releases on the simulated chain in %s", n, time.Since(start).Round(time.Millisecond))

	// the catalogue on each store, indexed from the same chain
	var sqlite *Store
	var coldMedian, p95SQLite time.Duration
	for _, k := range storeKinds {
		if k.name == "postgres" && os.Getenv("PORTAL_BENCH_POSTGRES") == "" {
			continue
		}
		s, cold, p95 := benchStore(t, k, f, n, depts)
		if k.name == "sqlite" {
			sqlite, coldMedian, p95SQLite = s, cold, p95
		}
	}

	// the reference: the same filtered page from the chain (the registry's views)
	r := f.Reader()
	r.LogRange = 2000
	level := uint8(1)
	var ref []time.Duration
	for i := 0; i < 3; i++ {
		t0 := time.Now()
		page, err := r.List(ctx, publicdata.Filter{Level: &level, PerPage: 20})
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != (n+1)/3 && page.Total != n/3 && page.Total != (n+2)/3 {
			t.Fatalf("reference list: %d conditional records of %d", page.Total, n)
		}
		ref = append(ref, time.Since(t0))
	}
	slices.Sort(ref)
	fmt.Printf("reference, same run: the conditional records' first page from the chain (publicdata.Reader.List, as `sovereign data list --level conditional`): median %s → %.0f× the SQLite index's cold median, %.0f× its p95\n",
		ref[1].Round(time.Millisecond), float64(ref[1])/float64(coldMedian), float64(ref[1])/float64(p95SQLite))
	follow(t, f, sqlite, base, n)
}

func syncStore(t *testing.T, s *Store, f *rt.Chain) time.Duration {
	ix, err := NewIndexer(s, IndexerConfig{Public: f.Client, Registry: f.Registry, Bridge: rt.Bridge, LogRange: 2000, Logger: quiet()})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if err := ix.Sync(context.Background()); err != nil {
		t.Fatal(err)
	}
	return time.Since(start)
}

// benchStore indexes the chain's n releases into a fresh store of kind k
// and measures the catalogue on it: the cold median and the warm p95.
func benchStore(t *testing.T, k storeKind, f *rt.Chain, n int, depts []string) (*Store, time.Duration, time.Duration) {
	ctx := context.Background()
	s := openStore(t, k, k.place(t), f.Registry)
	if err := s.SetNames(ctx, &Metadata{Departments: depts}); err != nil {
		t.Fatal(err)
	}
	took := syncStore(t, s, f)
	st, err := s.Stats(ctx)
	if err != nil || st.Releases != n {
		t.Fatalf("indexed %+v, %v; want %d releases", st, err, n)
	}
	fmt.Printf("portal index (%s): %d Published events in %s: %.0f events/s (catch-up from block 0, eth_getLogs over %d blocks a call)\n",
		k.name, n, took.Round(time.Millisecond), float64(n)/took.Seconds(), 2000)

	srv, err := NewServer(ServerConfig{Store: s, Logger: quiet()})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	defer hs.Close()
	queries := []string{"/", "/?level=conditional", "/?status=current&level=open", "/?q=transport", "/?q=health&sort=oldest",
		"/?level=sensitive&page=50", "/?department=" + DepartmentID("finance").Hex() + "&per_page=50", "/?sort=department&page=200"}
	var lat, cold []time.Duration
	for round := 0; round < 25; round++ {
		for _, q := range queries {
			t0 := time.Now()
			resp, err := http.Get(hs.URL + q)
			if err != nil {
				t.Fatal(err)
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Fatalf("%s: %d", q, resp.StatusCode)
			}
			if round == 0 {
				cold = append(cold, time.Since(t0))
			} else {
				lat = append(lat, time.Since(t0))
			}
		}
	}
	slices.Sort(cold)
	slices.Sort(lat)
	p50, p95 := lat[len(lat)/2], lat[len(lat)*95/100]
	fmt.Printf("portal catalogue (%s), %d releases indexed, 8 filtered, searched and paged queries with facet counts: first load of each (counts computed) median %s, max %s; then %d loads (counts cached until the index changes) p50 %s, p95 %s\n",
		k.name, n, cold[len(cold)/2].Round(time.Microsecond), cold[len(cold)-1].Round(time.Microsecond), len(lat), p50.Round(time.Microsecond), p95.Round(time.Microsecond))
	return s, cold[len(cold)/2], p95
}
