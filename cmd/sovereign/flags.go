package main

import (
	"context"
	"fmt"
	"math/big"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/metrics"
	"github.com/ethereum/go-ethereum/params"
	"github.com/urfave/cli/v2"

	"github.com/sovereign-gov/sovereign/node"
)

var verbosityFlag = &cli.IntFlag{
	Name:  "verbosity",
	Usage: "log level: 0 silent, 1 error, 2 warn, 3 info, 4 debug, 5 trace",
	Value: 3,
}

// setupLogging routes geth's and our structured logs to stderr.
func setupLogging(c *cli.Context) {
	lvl := log.FromLegacyLevel(c.Int(verbosityFlag.Name))
	log.SetDefault(log.NewLogger(log.NewTerminalHandlerWithLevel(os.Stderr, lvl, false)))
}

// signalContext is cancelled on SIGINT or SIGTERM.
func signalContext() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// splitList accepts both repeated flags and comma-separated values.
func splitList(values []string) []string {
	var out []string
	for _, v := range values {
		for _, part := range strings.Split(v, ",") {
			if part = strings.TrimSpace(part); part != "" {
				out = append(out, part)
			}
		}
	}
	return out
}

// parseAddress checks an address strictly: 20 bytes of hex with 0x.
func parseAddress(s string) (common.Address, error) {
	if !common.IsHexAddress(s) || !strings.HasPrefix(s, "0x") {
		return common.Address{}, fmt.Errorf("%q is not a 0x-prefixed 20-byte hex address", s)
	}
	return common.HexToAddress(s), nil
}

// addressList reads a list flag of addresses (repeated or comma-separated),
// naming the flag in errors.
func addressList(c *cli.Context, flag string) ([]common.Address, error) {
	var out []common.Address
	for _, s := range splitList(c.StringSlice(flag)) {
		a, err := parseAddress(s)
		if err != nil {
			return nil, fmt.Errorf("--%s: %w", flag, err)
		}
		out = append(out, a)
	}
	return out, nil
}

// genesisFlags are the flags every `genesis` subcommand shares.
func genesisFlags(chainID, gasLimit uint64) []cli.Flag {
	return []cli.Flag{
		&cli.Uint64Flag{Name: "chainid", Usage: "EIP-155 chain id", Value: chainID},
		&cli.Uint64Flag{Name: "gaslimit", Usage: "block gas limit", Value: gasLimit},
		&cli.StringSliceFlag{Name: "alloc", Usage: "initial balance <address>=<wei> or <address>=<n>ether (repeatable)"},
		&cli.Uint64Flag{Name: "timestamp", Usage: "genesis time (unix seconds)"},
		&cli.StringFlag{Name: "out", Usage: "file to write", Value: "genesis.json"},
	}
}

// allocFlag reads --alloc.
func allocFlag(c *cli.Context) (map[common.Address]*big.Int, error) {
	alloc, err := parseAlloc(splitList(c.StringSlice("alloc")))
	if err != nil {
		return nil, fmt.Errorf("--alloc: %w", err)
	}
	return alloc, nil
}

// parseAlloc reads "0xaddr=amount" where amount is wei, or ether with an
// "ether" suffix ("0xabc…=1000ether").
func parseAlloc(entries []string) (map[common.Address]*big.Int, error) {
	out := make(map[common.Address]*big.Int)
	for _, e := range entries {
		addrStr, amount, ok := strings.Cut(e, "=")
		if !ok {
			return nil, fmt.Errorf("alloc %q: want <address>=<wei> or <address>=<n>ether", e)
		}
		addr, err := parseAddress(addrStr)
		if err != nil {
			return nil, fmt.Errorf("alloc %q: %w", e, err)
		}
		unit := big.NewInt(1)
		if v, found := strings.CutSuffix(amount, "ether"); found {
			amount, unit = v, big.NewInt(params.Ether)
		}
		wei, ok := new(big.Int).SetString(amount, 10)
		if !ok || wei.Sign() < 0 {
			return nil, fmt.Errorf("alloc %q: amount %q is not a non-negative integer", e, amount)
		}
		out[addr] = wei.Mul(wei, unit)
	}
	return out, nil
}

// serveFlags are geth's JSON-RPC access flags, with geth's meaning, and
// --metrics.addr; chain is the node's own namespace ("clique", "qbft"),
// served by default.
func serveFlags(chain string) []cli.Flag {
	def := strings.Join(node.DefaultAPIs([]string{chain}), ",")
	return []cli.Flag{
		&cli.StringFlag{Name: "http.api", Usage: "APIs served over HTTP, comma-separated; debug (tracing) and admin are never served unless listed here", Value: def},
		&cli.StringFlag{Name: "ws.api", Usage: "APIs served over WebSocket, comma-separated (as --http.api)", Value: def},
		&cli.StringFlag{Name: "http.corsdomain", Usage: "browser origins allowed to read HTTP answers, comma-separated (\"*\" = any; none by default)"},
		&cli.StringFlag{Name: "http.vhosts", Usage: "Host header names the HTTP server accepts, comma-separated (\"*\" = any; IP addresses always)", Value: "localhost"},
		&cli.StringFlag{Name: "ws.origins", Usage: "browser origins allowed to open a WebSocket, comma-separated (\"*\" = any; http://localhost and this machine's hostname by default)"},
		&cli.StringFlag{Name: "metrics.addr", Usage: "serve Prometheus metrics (the node's and geth's) at /metrics on this address, e.g. 127.0.0.1:6061 (\"\" disables)"},
	}
}

// applyServeFlags reads serveFlags into cfg, naming the flag and the value
// in errors. With --metrics.addr it switches geth's metrics on for the
// process (geth samples its histograms, timers and meters only then).
func applyServeFlags(c *cli.Context, cfg *node.Config, chain string) error {
	for _, f := range []struct {
		name string
		dst  *[]string
	}{{"http.api", &cfg.HTTPAPI}, {"ws.api", &cfg.WSAPI}} {
		apis := splitList([]string{c.String(f.name)})
		if len(apis) == 0 {
			return fmt.Errorf("--%s %q: no API named (leave the flag out for the default)", f.name, c.String(f.name))
		}
		if err := node.CheckAPIs(apis, []string{chain}); err != nil {
			return fmt.Errorf("--%s %q: %w", f.name, c.String(f.name), err)
		}
		*f.dst = apis
	}
	cfg.HTTPCors = splitList([]string{c.String("http.corsdomain")})
	cfg.HTTPVirtualHosts = splitList([]string{c.String("http.vhosts")})
	cfg.WSOrigins = splitList([]string{c.String("ws.origins")})
	if addr := c.String("metrics.addr"); addr != "" {
		if _, _, err := net.SplitHostPort(addr); err != nil {
			return fmt.Errorf("--metrics.addr %q: %w", addr, err)
		}
		cfg.MetricsAddr = addr
		enableGethMetrics()
	}
	return nil
}

// enableGethMetrics switches geth's process-wide metrics on (geth samples
// its histograms, timers and meters only then), once.
func enableGethMetrics() {
	if !metrics.Enabled() {
		metrics.Enable()
		go metrics.CollectProcessMetrics(3 * time.Second)
	}
}

// serveMetricsFlag serves m and geth's metrics at addr, given as --flag,
// for a command that is not a node (a node serves its own:
// node.Config.MetricsAddr).
func serveMetricsFlag(flag, addr string, m *node.Metrics) (string, func(), error) {
	if _, _, err := net.SplitHostPort(addr); err != nil {
		return "", nil, fmt.Errorf("--%s %q: %w", flag, addr, err)
	}
	enableGethMetrics()
	served, stop, err := node.ServeMetrics(addr, m)
	if err != nil {
		return "", nil, fmt.Errorf("--%s: %w", flag, err)
	}
	return served, stop, nil
}
