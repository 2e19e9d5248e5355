package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"

	"github.com/sovereign-gov/sovereign/node"
)

// runRPCFlags parses args with serveFlags(chain) and applies them to a node
// configuration.
func runRPCFlags(t *testing.T, chain string, args ...string) (node.Config, error) {
	t.Helper()
	var cfg node.Config
	app := &cli.App{
		Flags:  serveFlags(chain),
		Action: func(c *cli.Context) error { return applyServeFlags(c, &cfg, chain) },
	}
	err := app.Run(append([]string{"sovereign"}, args...))
	return cfg, err
}

func TestRPCFlags(t *testing.T) {
	cfg, err := runRPCFlags(t, "qbft")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"eth", "net", "web3", "txpool", "qbft"}
	if !slices.Equal(cfg.HTTPAPI, want) || !slices.Equal(cfg.WSAPI, want) {
		t.Fatalf("default APIs http %v ws %v, want %v", cfg.HTTPAPI, cfg.WSAPI, want)
	}
	if !slices.Equal(cfg.HTTPVirtualHosts, []string{"localhost"}) || cfg.HTTPCors != nil || cfg.WSOrigins != nil {
		t.Fatalf("defaults: vhosts %v cors %v origins %v", cfg.HTTPVirtualHosts, cfg.HTTPCors, cfg.WSOrigins)
	}

	cfg, err = runRPCFlags(t, "clique", "--http.api", "eth, debug", "--ws.api", "eth,admin",
		"--http.corsdomain", "http://a.example,http://b.example", "--http.vhosts", "*", "--ws.origins", "http://a.example")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(cfg.HTTPAPI, []string{"eth", "debug"}) || !slices.Equal(cfg.WSAPI, []string{"eth", "admin"}) ||
		!slices.Equal(cfg.HTTPCors, []string{"http://a.example", "http://b.example"}) ||
		!slices.Equal(cfg.HTTPVirtualHosts, []string{"*"}) || !slices.Equal(cfg.WSOrigins, []string{"http://a.example"}) {
		t.Fatalf("parsed %+v", cfg)
	}

	for _, tc := range []struct {
		chain string
		args  []string
		want  string
	}{
		{"clique", []string{"--http.api", "eth,personal"}, `--http.api "eth,personal": unknown API "personal"`},
		{"clique", []string{"--ws.api", "qbft"}, `--ws.api "qbft": unknown API "qbft"`},
		{"qbft", []string{"--http.api", "clique"}, `--http.api "clique": unknown API "clique"`},
		{"qbft", []string{"--http.api", "miner"}, `unknown API "miner"`},
		{"qbft", []string{"--http.api", " , "}, `--http.api " , ": no API named`},
		{"qbft", []string{"--metrics.addr", "6061"}, `--metrics.addr "6061": address 6061: missing port in address`},
	} {
		if _, err := runRPCFlags(t, tc.chain, tc.args...); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s %v: error %v, want %q", tc.chain, tc.args, err, tc.want)
		}
	}
}
