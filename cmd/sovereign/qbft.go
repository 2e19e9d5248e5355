package main

import (
	"fmt"
	"math/big"
	"os"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/log"
	"github.com/urfave/cli/v2"

	"github.com/sovereign-gov/sovereign/internal/bench/qbftbench"
	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/sidechains/consortium"
	"github.com/sovereign-gov/sovereign/sidechains/private"
	"github.com/sovereign-gov/sovereign/sidechains/qbft"
	"github.com/sovereign-gov/sovereign/sidechains/qbft/execution"
	"github.com/sovereign-gov/sovereign/sidechains/qbft/service"
)

// qbftChain describes what differs between the two QBFT chains.
type qbftChain struct {
	name     string
	chainID  uint64
	httpPort int
	p2pAddr  string
	genesis  func(vals []common.Address, chainID, gasLimit, time uint64, alloc map[common.Address]*big.Int) (*core.Genesis, error)
	start    func(service.Config) (*service.Node, error)
	about    string
	vaultKey bool // validators may load their key from Vault KV (--vault.*)
}

var consortiumChain = qbftChain{
	name: "consortium", chainID: consortium.DefaultChainID, httpPort: 8645, p2pAddr: "127.0.0.1:30403",
	genesis: func(vals []common.Address, id, gas, ts uint64, alloc map[common.Address]*big.Int) (*core.Genesis, error) {
		return consortium.Genesis(execution.GenesisSpec{ChainID: id, Validators: vals, GasLimit: gas, Alloc: alloc, Time: ts})
	},
	start: consortium.StartNode,
	about: "the consortium QBFT chain (department validators; four tolerate one fault)",
}

var privateChain = qbftChain{
	name: "private", chainID: private.DefaultChainID, httpPort: 8745, p2pAddr: "127.0.0.1:30503",
	genesis: func(vals []common.Address, id, gas, ts uint64, alloc map[common.Address]*big.Int) (*core.Genesis, error) {
		return private.ChainGenesis(execution.GenesisSpec{ChainID: id, Validators: vals, GasLimit: gas, Alloc: alloc, Time: ts})
	},
	start:    private.StartChainNode,
	about:    "the private QBFT chain (one to three validators, no public peers)",
	vaultKey: true,
}

func genesisConsortiumCommand() *cli.Command { return qbftGenesisCommand(consortiumChain) }
func genesisPrivateCommand() *cli.Command    { return qbftGenesisCommand(privateChain) }
func nodeConsortiumCommand() *cli.Command    { return qbftNodeCommand(consortiumChain) }
func nodePrivateCommand() *cli.Command       { return qbftNodeCommand(privateChain) }

func qbftGenesisCommand(ch qbftChain) *cli.Command {
	return &cli.Command{
		Name:  ch.name,
		Usage: "write the genesis of " + ch.about,
		Description: `Writes a post-merge genesis (every fork up to Prague, the EIP-4788/2935/
7002/7251 system contracts) with the ValidatorSet contract holding the
validators. Example:

  sovereign genesis ` + ch.name + ` --validators 0xA…,0xB…,0xC…,0xD… --alloc 0xE…=1000ether`,
		Flags: append([]cli.Flag{
			&cli.StringSliceFlag{Name: "validators", Usage: "validator addresses (comma-separated or repeated)", Required: true},
		}, genesisFlags(ch.chainID, execution.DefaultGasLimit)...),
		Action: func(c *cli.Context) error {
			vals, err := addressList(c, "validators")
			if err != nil {
				return err
			}
			alloc, err := allocFlag(c)
			if err != nil {
				return err
			}
			g, err := ch.genesis(vals, c.Uint64("chainid"), c.Uint64("gaslimit"), c.Uint64("timestamp"), alloc)
			if err != nil {
				return err
			}
			if err := node.WriteGenesis(c.String("out"), g); err != nil {
				return err
			}
			fmt.Fprintf(c.App.Writer, "wrote %s: %s chain id %d, %d validator(s), hash %s\n",
				c.String("out"), ch.name, g.Config.ChainID, len(vals), g.ToBlock().Hash())
			return nil
		},
	}
}

func qbftNodeCommand(ch qbftChain) *cli.Command {
	return &cli.Command{
		Name:  ch.name,
		Usage: "run a node of " + ch.about + ": a validator (with --validator.keystore, or --vault.key where Vault holds the key) or a follower",
		Description: `Runs a QBFT node over an unmodified geth execution layer. Blocks are final
once a quorum of validators sealed them; the certificates are served by the
qbft_ JSON-RPC namespace (qbft_getCertificate, qbft_getValidators,
qbft_status). The enode URL is written to <datadir>/enode.url.`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "datadir", Usage: "chain database, node key and write-ahead record folder", Required: true},
			&cli.StringFlag{Name: "genesis", Usage: "genesis JSON written by 'sovereign genesis " + ch.name + "'", Required: true},
			&cli.StringFlag{Name: "validator.keystore", Usage: "geth keystore file of the validator key (omit to follow)"},
			&cli.StringFlag{Name: "validator.password", Usage: "file holding the keystore password"},
			&cli.StringFlag{Name: "p2p.addr", Usage: "devp2p listen address", Value: ch.p2pAddr},
			&cli.StringSliceFlag{Name: "p2p.static", Usage: "enode URLs to stay connected to"},
			&cli.IntFlag{Name: "p2p.maxpeers", Usage: "maximum number of peers", Value: node.DefaultMaxPeers},
			&cli.StringFlag{Name: "http.addr", Usage: "HTTP JSON-RPC listen address (\"\" disables)", Value: node.DefaultHTTPHost},
			&cli.IntFlag{Name: "http.port", Usage: "HTTP JSON-RPC port", Value: ch.httpPort},
			&cli.StringFlag{Name: "ws.addr", Usage: "WebSocket JSON-RPC listen address (\"\" disables)"},
			&cli.IntFlag{Name: "ws.port", Usage: "WebSocket JSON-RPC port", Value: ch.httpPort + 1},
			&cli.IntFlag{Name: "cache", Usage: "database and trie cache (MiB)", Value: node.DefaultCacheMB},
			&cli.BoolFlag{Name: "history.logs.disable", Usage: "keep no log search index, as geth's flag (eth_getLogs then scans blocks: slow over long ranges; restarts load no index)"},
			&cli.DurationFlag{Name: "period", Usage: "block period", Value: time.Second},
			&cli.DurationFlag{Name: "timeout", Usage: "round-0 timeout; round r waits timeout·2^r", Value: time.Second},
			&cli.DurationFlag{Name: "timeout.max", Usage: "cap of the round timeout", Value: 30 * time.Second},
			&cli.BoolFlag{Name: "skip-empty", Usage: "make no block until transactions wait (at most one per --empty-interval)"},
			&cli.DurationFlag{Name: "empty-interval", Usage: "longest wait for transactions with --skip-empty", Value: time.Minute},
			pprofFlag,
			verbosityFlag,
		}, slices.Concat(serveFlags("qbft"), byzantineFlags, vaultFlagsIf(ch.vaultKey))...),
		Action: func(c *cli.Context) error { return runQBFTNode(c, ch) },
	}
}

func runQBFTNode(c *cli.Context, ch qbftChain) error {
	setupLogging(c)
	g, err := node.ReadGenesis(c.String("genesis"))
	if err != nil {
		return err
	}
	if err := execution.CheckGenesis(g); err != nil {
		return fmt.Errorf("genesis %s: %w", c.String("genesis"), err)
	}
	if c.Duration("period") < time.Second {
		return fmt.Errorf("--period %v: block timestamps have 1 s granularity, the period must be at least 1s", c.Duration("period"))
	}
	key, err := validatorKey(c, ch.vaultKey)
	if err != nil {
		return err
	}
	cfg := service.Config{
		Node: node.Config{
			DataDir:       c.String("datadir"),
			Genesis:       g,
			P2PListenAddr: c.String("p2p.addr"),
			StaticNodes:   splitList(c.StringSlice("p2p.static")),
			MaxPeers:      c.Int("p2p.maxpeers"),
			HTTPHost:      c.String("http.addr"),
			HTTPPort:      c.Int("http.port"),
			WSHost:        c.String("ws.addr"),
			WSPort:        c.Int("ws.port"),
			CacheMB:       c.Int("cache"),
			NoLogIndex:    c.Bool("history.logs.disable"),
		},
		BlockPeriod:   c.Duration("period"),
		BaseTimeout:   c.Duration("timeout"),
		MaxTimeout:    c.Duration("timeout.max"),
		SkipEmpty:     c.Bool("skip-empty"),
		EmptyInterval: c.Duration("empty-interval"),
		Equivocate:    c.Bool("byzantine.equivocate"),
		Logger:        log.Root(),
	}
	if err := applyServeFlags(c, &cfg.Node, "qbft"); err != nil {
		return err
	}
	role := "follower"
	if key != nil {
		cfg.Signer = qbft.NewKeySigner(key)
		role = "validator " + cfg.Signer.Address().Hex()
	}
	n, err := ch.start(cfg)
	if err != nil {
		return err
	}
	defer n.Close()
	log.Info("QBFT node running", "chain", ch.name, "role", role, "http", n.HTTPEndpoint(), "enode", n.Enode())
	return serveUntilSignal(c, cfg.Node.DataDir, n.Enode())
}

func benchQBFTCommand() *cli.Command {
	return &cli.Command{
		Name:  "qbft",
		Usage: "4 QBFT validator processes under transfer and contract-call load, against the public clique chain in the same run",
		Description: `Starts four consortium validator processes (1 s blocks) and sends them
signed ETH transfers, then calls of a one-slot counter contract, from
several senders over HTTP JSON-RPC; then the same load against a public
clique chain node (1 s blocks). The first two runs saturate the chains
(closed loop: each sender keeps --window transactions in flight); a third
offers the transfers at a fixed --paced-rate, to read finality latency at
that throughput. Reports included transactions per second and latency
p50/p99 (under QBFT inclusion is finality), the ratios, and the longest
block gap after killing the next proposer.`,
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "transfers", Usage: "number of ETH transfers", Value: 20000},
			&cli.IntFlag{Name: "calls", Usage: "number of contract calls", Value: 10000},
			&cli.IntFlag{Name: "senders", Usage: "number of sending accounts", Value: 64},
			&cli.IntFlag{Name: "rate", Usage: "offered load, transactions per second (0 = unpaced)"},
			&cli.IntFlag{Name: "window", Usage: "transactions in flight per sender (closed loop; 0 = unbounded)", Value: 32},
			&cli.IntFlag{Name: "paced-rate", Usage: "then send the transfers again at this fixed rate, tx/s, for latency at that throughput (0 = skip)", Value: 1200},
			&cli.IntFlag{Name: "paced-window", Usage: "in-flight guard per sender in the paced run (keep above rate/senders × latency)", Value: 64},
			&cli.Uint64Flag{Name: "gaslimit", Usage: "block gas limit of both chains (30M: at most 1,428 transfers per 1 s block)", Value: node.DefaultGasLimit},
			&cli.DurationFlag{Name: "timeout", Usage: "bound on each load run", Value: 3 * time.Minute},
			&cli.DurationFlag{Name: "round-timeout", Usage: "validators' round-0 timeout", Value: time.Second},
			&cli.BoolFlag{Name: "keep", Usage: "keep the nodes' data and logs (the folder is printed)"},
			&cli.IntFlag{Name: verbosityFlag.Name, Usage: verbosityFlag.Usage, Value: 2},
		},
		Action: func(c *cli.Context) error {
			setupLogging(c)
			self, err := os.Executable()
			if err != nil {
				return fmt.Errorf("locating the sovereign binary: %w", err)
			}
			_, err = qbftbench.Run(c.Context, qbftbench.Options{
				Sovereign: self, Transfers: c.Int("transfers"), Calls: c.Int("calls"), Senders: c.Int("senders"), Rate: c.Int("rate"), Window: c.Int("window"),
				GasLimit: c.Uint64("gaslimit"), Timeout: c.Duration("timeout"), Out: c.App.Writer, Keep: c.Bool("keep"),
				RoundTimeout: c.Duration("round-timeout"), PacedRate: c.Int("paced-rate"), PacedWindow: c.Int("paced-window"),
			})
			return err
		},
	}
}
