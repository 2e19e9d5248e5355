package node

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"net"
	"slices"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/p2p/enode"
)

// Defaults shared by every chain's node.
const (
	DefaultP2PAddr  = "127.0.0.1:30303"
	DefaultHTTPHost = "127.0.0.1"
	DefaultHTTPPort = 8545
	DefaultMaxPeers = 50
	// DefaultCacheMB is deliberately small: a laptop or CI machine runs a
	// dozen nodes of three chains at once.
	DefaultCacheMB = 128
)

// Config is everything needed to assemble one geth node of any Sovereign chain.
// Chain packages add their own consensus on top of the node it yields.
type Config struct {
	Name      string        // instance name, the folder under DataDir ("sovereign")
	DataDir   string        // where the chain database and node key live; "" = in memory
	Genesis   *core.Genesis // written on first start; must match the stored one afterwards
	NetworkID uint64        // devp2p network id; 0 = the chain id

	P2PListenAddr string   // "host:port"; "" disables listening (dial-only node)
	StaticNodes   []string // enode URLs kept connected
	BootNodes     []string // enode URLs used to find peers
	MaxPeers      int
	NodeKey       *ecdsa.PrivateKey // p2p identity; nil = read or create DataDir/Name/nodekey

	HTTPHost string // "" disables HTTP JSON-RPC
	HTTPPort int
	WSHost   string // "" disables WebSocket JSON-RPC
	WSPort   int
	// RPCModules are the chain's own namespaces (e.g. "clique", "qbft"),
	// served by default over HTTP and WS besides the standard eth, net, web3
	// and txpool.
	RPCModules []string
	// HTTPAPI and WSAPI, when not nil, replace the namespaces served over
	// HTTP and WS (geth's --http.api and --ws.api): any of the defaults and
	// the optional ones (debug, with geth's tracers, and admin). Never
	// served by default: debug writes profiles to files and rewinds the
	// chain, admin adds peers and opens listeners.
	HTTPAPI, WSAPI []string
	// HTTPCors lists the browser origins allowed to read HTTP answers
	// (geth's --http.corsdomain; "*" = any); nil = none, so a browser page
	// of another origin gets no Access-Control-Allow-Origin header.
	HTTPCors []string
	// HTTPVirtualHosts lists the Host header names the HTTP server accepts
	// (geth's --http.vhosts; "*" = any); nil = localhost. Requests addressed
	// to an IP address are always accepted, as in geth.
	HTTPVirtualHosts []string
	// WSOrigins lists the browser origins allowed to open a WebSocket
	// (geth's --ws.origins; "*" = any); nil = http://localhost and this
	// machine's hostname, as in geth. Clients that send no Origin (not a
	// browser) are not checked.
	WSOrigins []string

	// MetricsAddr, "host:port", serves Prometheus metrics (the node's own
	// and geth's) at /metrics; "" serves none.
	MetricsAddr string

	// NoLogIndex keeps no log search index (geth's --history.logs.disable):
	// eth_getLogs still answers, scanning blocks (slow over a long range).
	// For nodes few read events from; it spares a restart loading the
	// index's head map before the node runs, which under the race detector
	// on a busy machine took over a minute.
	NoLogIndex bool

	CacheMB     int    // database and trie caches in MiB
	GasCeil     uint64 // block gas limit the local builder aims for
	MinGasPrice uint64 // wei; transactions paying less are refused by the pool
}

// errNoGenesis is returned when a node is configured without a genesis.
var errNoGenesis = errors.New("no genesis given")

// Validate checks the configuration at the boundary, before anything touches
// the disk or opens a socket.
func (c *Config) Validate() error {
	if c.Genesis == nil || c.Genesis.Config == nil || c.Genesis.Config.ChainID == nil {
		return errNoGenesis
	}
	if c.P2PListenAddr != "" {
		if _, _, err := net.SplitHostPort(c.P2PListenAddr); err != nil {
			return fmt.Errorf("p2p listen address %q: %w", c.P2PListenAddr, err)
		}
	}
	for _, list := range [][]string{c.StaticNodes, c.BootNodes} {
		for _, url := range list {
			if _, err := enode.Parse(enode.ValidSchemes, url); err != nil {
				return fmt.Errorf("peer %q is not an enode URL: %w", url, err)
			}
		}
	}
	for _, p := range []struct {
		name string
		host string
		port int
	}{{"http", c.HTTPHost, c.HTTPPort}, {"ws", c.WSHost, c.WSPort}} {
		if p.host == "" {
			continue
		}
		if net.ParseIP(p.host) == nil && p.host != "localhost" {
			return fmt.Errorf("%s host %q is not an IP address", p.name, p.host)
		}
		if p.port < 0 || p.port > 65535 {
			return fmt.Errorf("%s port %d out of range", p.name, p.port)
		}
	}
	for _, a := range []struct {
		name string
		list []string
	}{{"http api", c.HTTPAPI}, {"ws api", c.WSAPI}} {
		if err := CheckAPIs(a.list, c.RPCModules); err != nil {
			return fmt.Errorf("%s: %w", a.name, err)
		}
	}
	if c.MetricsAddr != "" {
		if _, _, err := net.SplitHostPort(c.MetricsAddr); err != nil {
			return fmt.Errorf("metrics address %q: %w", c.MetricsAddr, err)
		}
	}
	if c.CacheMB < 0 {
		return fmt.Errorf("cache %d MiB is negative", c.CacheMB)
	}
	return nil
}

// optionalModules may be asked for (Config.HTTPAPI, WSAPI) but are never
// served by default.
var optionalModules = []string{"debug", "admin"}

// DefaultAPIs are the namespaces a node with the chain's own namespaces
// serves when none are asked for.
func DefaultAPIs(chain []string) []string { return slices.Concat(standardModules, chain) }

// CheckAPIs refuses a namespace a node with the chain's own namespaces does
// not serve (geth only warns, and the user gets "method not found" later).
func CheckAPIs(apis, chain []string) error {
	known := slices.Concat(DefaultAPIs(chain), optionalModules)
	for _, a := range apis {
		if !slices.Contains(known, a) {
			return fmt.Errorf("unknown API %q (known: %s)", a, strings.Join(known, ","))
		}
	}
	return nil
}

// HTTPEndpoint returns the node's HTTP JSON-RPC URL as configured.
func (c *Config) HTTPEndpoint() string {
	if c.HTTPHost == "" {
		return ""
	}
	return "http://" + net.JoinHostPort(c.HTTPHost, strconv.Itoa(c.HTTPPort))
}
