package main

import (
	"crypto/ecdsa"
	"fmt"

	"github.com/ethereum/go-ethereum/log"
	"github.com/urfave/cli/v2"

	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/node/public"
)

func genesisPublicCommand() *cli.Command {
	return &cli.Command{
		Name:  "public",
		Usage: "write the genesis of a public (clique proof-of-authority) chain",
		Description: `Writes a clique genesis with every fork up to London (clique cannot run
Shanghai or later). Example:

  sovereign genesis public --signers 0xA…,0xB… --period 1 \
      --alloc 0xC…=1000ether --out genesis.json`,
		Flags: append([]cli.Flag{
			&cli.StringSliceFlag{Name: "signers", Usage: "initial signer addresses (comma-separated or repeated)", Required: true},
			&cli.Uint64Flag{Name: "period", Usage: "seconds between blocks; 0 seals only when transactions wait", Value: node.DefaultPeriod},
			&cli.Uint64Flag{Name: "epoch", Usage: "blocks between checkpoints that reset pending votes", Value: node.DefaultEpoch},
		}, genesisFlags(node.DefaultPublicChainID, node.DefaultGasLimit)...),
		Action: func(c *cli.Context) error {
			signers, err := addressList(c, "signers")
			if err != nil {
				return err
			}
			alloc, err := allocFlag(c)
			if err != nil {
				return err
			}
			g, err := node.PublicGenesis(node.PublicSpec{
				ChainID: c.Uint64("chainid"), Period: c.Uint64("period"), Epoch: c.Uint64("epoch"),
				GasLimit: c.Uint64("gaslimit"), Signers: signers, Alloc: alloc, Time: c.Uint64("timestamp"),
			})
			if err != nil {
				return err
			}
			if err := node.WriteGenesis(c.String("out"), g); err != nil {
				return err
			}
			fmt.Fprintf(c.App.Writer, "wrote %s: chain id %d, %d signer(s), period %ds, hash %s\n",
				c.String("out"), c.Uint64("chainid"), len(signers), c.Uint64("period"), g.ToBlock().Hash())
			return nil
		},
	}
}

func nodePublicCommand() *cli.Command {
	return &cli.Command{
		Name:  "public",
		Usage: "run a public chain node: a signer (with --signer.keystore) or a follower",
		Description: `Runs a node of the public clique chain. JSON-RPC (eth, net, web3, txpool,
clique; --http.api adds debug for tracing) listens on loopback unless
--http.addr says otherwise. The node's
enode URL is printed and written to <datadir>/enode.url for peers to use.`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "datadir", Usage: "chain database and node key folder", Required: true},
			&cli.StringFlag{Name: "genesis", Usage: "genesis JSON written by 'sovereign genesis public'", Required: true},
			&cli.StringFlag{Name: "signer.keystore", Usage: "geth keystore file of the signing key (omit to follow)"},
			&cli.StringFlag{Name: "signer.password", Usage: "file holding the keystore password"},
			&cli.BoolFlag{Name: "signer.await-vote", Usage: "start even if the key is not yet an authorized signer"},
			&cli.StringFlag{Name: "p2p.addr", Usage: "devp2p listen address", Value: node.DefaultP2PAddr},
			&cli.StringSliceFlag{Name: "p2p.static", Usage: "enode URLs to stay connected to"},
			&cli.StringSliceFlag{Name: "p2p.bootnodes", Usage: "enode URLs to discover peers from"},
			&cli.IntFlag{Name: "p2p.maxpeers", Usage: "maximum number of peers", Value: node.DefaultMaxPeers},
			&cli.StringFlag{Name: "http.addr", Usage: "HTTP JSON-RPC listen address (\"\" disables)", Value: node.DefaultHTTPHost},
			&cli.IntFlag{Name: "http.port", Usage: "HTTP JSON-RPC port", Value: node.DefaultHTTPPort},
			&cli.StringFlag{Name: "ws.addr", Usage: "WebSocket JSON-RPC listen address (\"\" disables)", Value: node.DefaultHTTPHost},
			&cli.IntFlag{Name: "ws.port", Usage: "WebSocket JSON-RPC port", Value: node.DefaultHTTPPort + 1},
			&cli.IntFlag{Name: "cache", Usage: "database and trie cache (MiB)", Value: node.DefaultCacheMB},
			&cli.Uint64Flag{Name: "gasceil", Usage: "block gas limit the signer aims for (0 = keep genesis')"},
			pprofFlag,
			verbosityFlag,
		}, serveFlags("clique")...),
		Action: runPublicNode,
	}
}

func runPublicNode(c *cli.Context) error {
	setupLogging(c)
	g, err := node.ReadGenesis(c.String("genesis"))
	if err != nil {
		return err
	}
	if err := node.CheckPublic(g); err != nil {
		return fmt.Errorf("genesis %s: %w", c.String("genesis"), err)
	}
	key, err := signerKey(c, "signer")
	if err != nil {
		return err
	}
	gasCeil := c.Uint64("gasceil")
	if gasCeil == 0 {
		gasCeil = g.GasLimit
	}
	cfg := public.Config{
		Node: node.Config{
			DataDir:       c.String("datadir"),
			Genesis:       g,
			P2PListenAddr: c.String("p2p.addr"),
			StaticNodes:   splitList(c.StringSlice("p2p.static")),
			BootNodes:     splitList(c.StringSlice("p2p.bootnodes")),
			MaxPeers:      c.Int("p2p.maxpeers"),
			HTTPHost:      c.String("http.addr"),
			HTTPPort:      c.Int("http.port"),
			WSHost:        c.String("ws.addr"),
			WSPort:        c.Int("ws.port"),
			CacheMB:       c.Int("cache"),
			GasCeil:       gasCeil,
		},
		Signer:    key,
		AwaitVote: c.Bool("signer.await-vote"),
		Logger:    log.Root(),
	}
	if err := applyServeFlags(c, &cfg.Node, "clique"); err != nil {
		return err
	}
	n, err := public.New(cfg)
	if err != nil {
		return err
	}
	if err := n.Start(); err != nil {
		n.Close()
		return err
	}
	defer n.Close()
	role := "follower"
	if addr, ok := n.Clique.Signer(); ok {
		role = "signer " + addr.Hex()
	}
	log.Info("Public node running", "role", role, "http", n.HTTPEndpoint(), "ws", n.WSEndpoint(), "enode", n.Enode())
	return serveUntilSignal(c, cfg.Node.DataDir, n.Enode())
}

// signerKey loads the signing key when a keystore is given; flag is the
// prefix of the two flags ("signer" for --signer.keystore/--signer.password),
// so errors name what the user typed.
func signerKey(c *cli.Context, flag string) (*ecdsa.PrivateKey, error) {
	keyFlag, pwFlag := flag+".keystore", flag+".password"
	keystore, password := c.String(keyFlag), c.String(pwFlag)
	switch {
	case keystore == "" && password == "":
		return nil, nil
	case keystore == "":
		return nil, fmt.Errorf("--%s given without --%s", pwFlag, keyFlag)
	case password == "":
		return nil, fmt.Errorf("--%s needs --%s (a file holding the password)", keyFlag, pwFlag)
	}
	return node.LoadKey(keystore, password)
}
