// Package node assembles a go-ethereum node (node.Node + eth.Ethereum) the way
// every Sovereign chain needs it: its datadir, devp2p with static and boot
// peers, HTTP and WebSocket JSON-RPC bound to loopback by default, and a
// genesis of the chain. Consensus is not decided here: the public chain adds
// clique sealing (node/clique) and block gossip (node/blocksync), the
// consortium and private chains add QBFT (sidechains/qbft).
package node

import (
	"errors"
	"fmt"
	"math/big"
	"os"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/rawdb"
	"github.com/ethereum/go-ethereum/eth"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/eth/filters"
	"github.com/ethereum/go-ethereum/eth/tracers"
	_ "github.com/ethereum/go-ethereum/eth/tracers/native" // callTracer, prestateTracer, … for debug_trace*
	"github.com/ethereum/go-ethereum/log"
	gethnode "github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/p2p/enode"
	"github.com/ethereum/go-ethereum/p2p/nat"
	"github.com/ethereum/go-ethereum/rpc"
)

// standardModules are served on every chain; chains add their own namespaces.
var standardModules = []string{"eth", "net", "web3", "txpool"}

// Node is an assembled but not yet started geth node. Register protocols,
// APIs and lifecycles on Stack before calling Start.
type Node struct {
	Stack   *gethnode.Node
	Eth     *eth.Ethereum
	Metrics *Metrics // the node's own metrics; chain packages add theirs
	config  Config

	metricsAddr string
	stopMetrics func()
}

// New validates cfg and assembles the node. Nothing listens until Start.
func New(cfg Config) (*Node, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("node config: %w", err)
	}
	stackCfg, err := stackConfig(&cfg)
	if err != nil {
		return nil, err
	}
	stack, err := gethnode.New(stackCfg)
	if err != nil {
		return nil, fmt.Errorf("creating node in %q: %w", cfg.DataDir, err)
	}
	if err := markFreshTxIndex(stack); err != nil {
		stack.Close()
		return nil, err
	}
	ecfg := ethConfig(&cfg)
	if err := chooseStateScheme(stack, ecfg); err != nil {
		stack.Close()
		return nil, err
	}
	backend, err := eth.New(stack, ecfg)
	if err != nil {
		stack.Close()
		return nil, fmt.Errorf("creating chain: %w", err)
	}
	if ecfg.StateScheme == rawdb.HashScheme {
		db := backend.ChainDb()
		if err := errors.Join(db.Put(schemeKey, []byte(rawdb.HashScheme)), db.SyncKeyValue()); err != nil {
			stack.Close()
			return nil, fmt.Errorf("marking the chain database: %w", err)
		}
	}
	stack.RegisterAPIs(logAPIs(backend))
	// debug_traceTransaction, debug_traceCall and the other tracing
	// methods, with geth's native tracers (callTracer, prestateTracer, …);
	// served only when debug is asked for (Config.HTTPAPI, WSAPI).
	stack.RegisterAPIs(tracers.APIs(backend.APIBackend))
	return &Node{Stack: stack, Eth: backend, Metrics: NewMetrics(), config: cfg}, nil
}

// Start opens the sockets and starts every registered service. The eth
// backend is marked synced at once: a proof-of-authority node accepts and
// relays transactions whatever its height, and catch-up is driven by the
// chain's own sync (geth's downloader is not used for these chains).
func (n *Node) Start() error {
	if err := n.Stack.Start(); err != nil {
		return fmt.Errorf("starting node: %w", err)
	}
	n.Eth.SetSynced()
	if n.config.MetricsAddr != "" {
		addr, stop, err := ServeMetrics(n.config.MetricsAddr, n.Metrics)
		if err != nil {
			return err
		}
		n.metricsAddr, n.stopMetrics = addr, stop
	}
	return nil
}

// Close stops every service and releases the datadir.
func (n *Node) Close() error {
	if n.stopMetrics != nil {
		n.stopMetrics()
	}
	return n.Stack.Close()
}

// MetricsEndpoint is the URL of the running metrics server ("" if disabled).
func (n *Node) MetricsEndpoint() string {
	if n.metricsAddr == "" {
		return ""
	}
	return "http://" + n.metricsAddr + MetricsPath
}

// Config returns the configuration the node was assembled with.
func (n *Node) Config() Config { return n.config }

// HTTPEndpoint is the URL of the running HTTP JSON-RPC server ("" if disabled).
func (n *Node) HTTPEndpoint() string { return n.Stack.HTTPEndpoint() }

// WSEndpoint is the URL of the running WebSocket JSON-RPC server ("" if disabled).
func (n *Node) WSEndpoint() string {
	if n.config.WSHost == "" {
		return ""
	}
	return n.Stack.WSEndpoint()
}

// Enode is this node's devp2p URL, valid once started.
func (n *Node) Enode() string { return n.Stack.Server().Self().URLv4() }

// logAPIs serves eth_getLogs and the eth_*Filter methods, which geth
// registers in its own command rather than in eth.New: readers of every
// chain follow contract events with them (registry releases, ReviewBoard
// decisions, SensitiveStore records).
func logAPIs(backend *eth.Ethereum) []rpc.API {
	fs := filters.NewFilterSystem(backend.APIBackend, filters.Config{
		LogCacheSize:  ethconfig.Defaults.FilterLogCacheSize,
		LogQueryLimit: ethconfig.Defaults.LogQueryLimit,
		RangeLimit:    ethconfig.Defaults.RangeLimit,
	})
	return []rpc.API{{Namespace: "eth", Service: filters.NewFilterAPI(fs)}}
}

func stackConfig(cfg *Config) (*gethnode.Config, error) {
	c := gethnode.DefaultConfig
	c.Name = cfg.Name
	if c.Name == "" {
		c.Name = "sovereign"
	}
	c.DataDir = cfg.DataDir
	c.UseLightweightKDF = true
	c.AuthPort = 0 // the engine API is used in process only, never over a socket

	c.P2P.ListenAddr = cfg.P2PListenAddr
	c.P2P.NAT = nat.Interface(nil)
	c.P2P.PrivateKey = cfg.NodeKey
	c.P2P.MaxPeers = cfg.MaxPeers
	if c.P2P.MaxPeers == 0 {
		c.P2P.MaxPeers = DefaultMaxPeers
	}
	// Discovery only helps when there is someone to ask.
	c.P2P.DiscoveryV4 = len(cfg.BootNodes) > 0
	c.P2P.DiscoveryV5 = false
	c.P2P.NoDiscovery = len(cfg.BootNodes) == 0
	var err error
	if c.P2P.StaticNodes, err = parseNodes(cfg.StaticNodes); err != nil {
		return nil, err
	}
	if c.P2P.BootstrapNodes, err = parseNodes(cfg.BootNodes); err != nil {
		return nil, err
	}

	modules := DefaultAPIs(cfg.RPCModules)
	c.HTTPHost, c.HTTPPort, c.HTTPModules = cfg.HTTPHost, cfg.HTTPPort, modules
	c.WSHost, c.WSPort, c.WSModules = cfg.WSHost, cfg.WSPort, modules
	if cfg.HTTPAPI != nil {
		c.HTTPModules = cfg.HTTPAPI
	}
	if cfg.WSAPI != nil {
		c.WSModules = cfg.WSAPI
	}
	c.HTTPCors = cfg.HTTPCors
	if cfg.HTTPVirtualHosts != nil {
		c.HTTPVirtualHosts = cfg.HTTPVirtualHosts
	}
	c.WSOrigins = cfg.WSOrigins
	c.HTTPTimeouts = rpc.DefaultHTTPTimeouts
	return &c, nil
}

func ethConfig(cfg *Config) *ethconfig.Config {
	c := ethconfig.Defaults
	c.Genesis = cfg.Genesis
	c.NetworkId = cfg.NetworkID
	if c.NetworkId == 0 {
		c.NetworkId = cfg.Genesis.Config.ChainID.Uint64()
	}
	c.SyncMode = ethconfig.FullSync
	c.LogNoHistory = cfg.NoLogIndex || raceBuild // raceBuild: see race_on.go

	cache := cfg.CacheMB
	if cache == 0 {
		cache = DefaultCacheMB
	}
	c.DatabaseCache = cache / 2
	c.TrieCleanCache = cache / 4
	c.TrieDirtyCache = cache / 4
	c.SnapshotCache = cache / 8

	// Crash safety (README, "Crash safety"): every block's state is written
	// to the database when the block is inserted (hash scheme, archive), so
	// a block that is on disk can always be made head again after a crash.
	// With geth's default (path scheme, or hash with a dirty cache) the
	// state of up to 128 blocks and more lives only in memory and is
	// written on a clean stop; a kill -9 then rewinds the chain below
	// blocks already final. eth.New moves the dirty cache allowance to the
	// clean and snapshot caches in archive mode.
	c.StateScheme = rawdb.HashScheme
	c.NoPruning = true

	if cfg.GasCeil != 0 {
		c.Miner.GasCeil = cfg.GasCeil
	}
	// The pool and the block builder take the same minimum tip: geth's
	// defaults differ (pool 1 wei, miner 1 mwei), so a transaction with the
	// 1-wei tip cast derives from eth_feeHistory on a quiet chain was
	// admitted and then never mined, without an error.
	minTip := cfg.MinGasPrice
	if minTip == 0 {
		minTip = 1
	}
	c.Miner.GasPrice = new(big.Int).SetUint64(minTip)
	c.TxPool.PriceLimit = minTip
	c.TxPool.Journal = "" // pending transactions are re-sent by clients, not replayed from disk
	return &c
}

// schemeKey marks a chain created with crash-safe storage (hash scheme,
// archive); geth's own test cannot tell it from an older path-scheme chain
// when the genesis state is empty.
var schemeKey = []byte("sov-state-scheme")

// chooseStateScheme keeps a data folder created before crash-safe storage on
// the path scheme it was created with (geth refuses to open it with another
// one), with a warning: its state is written on a clean stop only.
func chooseStateScheme(stack *gethnode.Node, c *ethconfig.Config) error {
	if stack.Config().DataDir == "" {
		return nil
	}
	if _, err := os.Stat(stack.ResolvePath("chaindata")); err != nil {
		return nil // a new chain
	}
	db, err := stack.OpenDatabaseWithOptions("chaindata", gethnode.DatabaseOptions{MetricsNamespace: "sov/scheme/"})
	if err != nil {
		return fmt.Errorf("opening the chain database: %w", err)
	}
	// A path-scheme chain whose state never left geth's write buffer (kept
	// in the journal file on a clean stop) shows no scheme in the database;
	// every chain made before this code was on geth's default, the path
	// scheme.
	marked, _ := db.Has(schemeKey)
	stored := rawdb.ReadStateScheme(db)
	made := rawdb.ReadCanonicalHash(db, 0) != (common.Hash{})
	db.Close()
	if !marked && (stored == rawdb.PathScheme || stored == "" && made) {
		log.Warn("This chain's data folder was created before crash-safe storage (path scheme): "+
			"its recent state is written on a clean stop only, so a crash (kill -9, power loss) may rewind it. "+
			"Recreate the folder or resync the node to make it crash safe", "datadir", stack.Config().DataDir)
		c.StateScheme = rawdb.PathScheme
		c.NoPruning = false
	}
	return nil
}

func parseNodes(urls []string) ([]*enode.Node, error) {
	nodes := make([]*enode.Node, 0, len(urls))
	for _, url := range urls {
		n, err := enode.Parse(enode.ValidSchemes, url)
		if err != nil {
			return nil, fmt.Errorf("peer %q: %w", url, err)
		}
		nodes = append(nodes, n)
	}
	return nodes, nil
}
