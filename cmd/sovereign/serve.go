package main

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum/log"
	"github.com/urfave/cli/v2"
)

var pprofFlag = &cli.StringFlag{
	Name:  "pprof.addr",
	Usage: "serve Go profiles (/debug/pprof/) on this address, e.g. 127.0.0.1:6060 (\"\" disables)",
}

// startPprof serves the runtime profiles on the --pprof.addr listener, on
// its own mux so nothing else registered on http.DefaultServeMux is
// exposed. It returns the address served ("" when disabled) and a
// function that stops the server.
func startPprof(c *cli.Context) (string, func(), error) {
	addr := c.String(pprofFlag.Name)
	if addr == "" {
		return "", func() {}, nil
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", nil, fmt.Errorf("pprof listener: %w", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Warn("pprof server stopped", "err", err)
		}
	}()
	log.Info("Serving Go profiles", "url", "http://"+ln.Addr().String()+"/debug/pprof/")
	return ln.Addr().String(), func() { srv.Close() }, nil
}

// serveUntilSignal is the tail of every node command once its node runs:
// it writes the enode URL to <datadir>/enode.url for peers and scripts,
// serves profiles if asked, and waits for SIGINT or SIGTERM.
func serveUntilSignal(c *cli.Context, datadir, enode string) error {
	if err := os.WriteFile(filepath.Join(datadir, "enode.url"), []byte(enode+"\n"), 0o644); err != nil {
		return fmt.Errorf("writing enode.url: %w", err)
	}
	_, stopPprof, err := startPprof(c)
	if err != nil {
		return err
	}
	defer stopPprof()
	ctx, stop := signalContext()
	defer stop()
	<-ctx.Done()
	log.Info("Shutting down")
	return nil
}
