package bench

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sync"
)

// profileRun profiles the CPU of this process and of the devnet (served on
// pprofPort) into dir until the returned stop is called. The devnet's
// profile comes in 10 s slices, since a served profile has a fixed length.
func profileRun(ctx context.Context, dir string, pprofPort int, logf func(string, ...any)) (stop func(), err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("profile folder: %w", err)
	}
	f, err := os.Create(filepath.Join(dir, "bench.cpu.pprof"))
	if err != nil {
		return nil, fmt.Errorf("profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("profile: %w", err)
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ctx.Err() == nil; i++ {
			if err := fetchProfile(ctx, pprofPort, filepath.Join(dir, fmt.Sprintf("devnet-%d.cpu.pprof", i))); err != nil && ctx.Err() == nil {
				logf("devnet profile %d: %v", i, err)
				return
			}
		}
	}()
	logf("profiling into %s", dir)
	return func() {
		pprof.StopCPUProfile()
		f.Close()
		cancel()
		wg.Wait()
	}, nil
}

// fetchProfile writes one 10 s CPU profile of the devnet to path; a slice
// cut short by the end of the run is dropped.
func fetchProfile(ctx context.Context, port int, path string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("http://127.0.0.1:%d/debug/pprof/profile?seconds=10", port), nil)
	if err != nil {
		return err
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("devnet pprof: %s", res.Status)
	}
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}
