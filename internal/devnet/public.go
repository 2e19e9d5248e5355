package devnet

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/params"

	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/node/public"
)

// PublicOptions shape the devnet's public chain.
type PublicOptions struct {
	Dir      string // data folder of the public chain
	Period   uint64
	Accounts int // number of funded development accounts
	HTTPPort int // signer's HTTP port; WS is +1, the follower uses +10 and +11
	P2PPort  int // signer's devp2p port; the follower uses +1
	// SignerProcess runs the signer as its own supervised process (Child):
	// what a fault test kills.
	SignerProcess bool
	RunDir        string // pid file of the process
	LogDir        string // its output
	Verbosity     int    // its --verbosity
	Logger        log.Logger
}

// PublicNet is the running public chain of a devnet: one signer, one follower.
type PublicNet struct {
	Signer        *public.Node // nil when the signer runs as its own process
	SignerChild   *Child       // then, that process
	SignerAddress common.Address
	SignerRPC     string
	SignerWS      string
	Follower      *public.Node
	Accounts      []Account
	Genesis       *core.Genesis
}

// Close stops both nodes.
func (p *PublicNet) Close() {
	if p.Follower != nil {
		p.Follower.Close()
	}
	if p.Signer != nil {
		p.Signer.Close()
	}
	if p.SignerChild != nil {
		p.SignerChild.Close()
	}
}

// StartPublic creates (on first run) and starts the devnet's public chain.
// The signer key is kept in an encrypted keystore file; its password file is
// a development convenience, written with a warning.
func StartPublic(ctx context.Context, opts PublicOptions) (*PublicNet, error) {
	if err := os.MkdirAll(opts.Dir, 0o700); err != nil {
		return nil, fmt.Errorf("devnet folder: %w", err)
	}
	key, err := devKey(opts.Dir, "signer")
	if err != nil {
		return nil, err
	}
	accounts := DevAccounts(opts.Accounts)
	g, err := publicGenesis(opts, crypto.PubkeyToAddress(key.PublicKey), accounts)
	if err != nil {
		return nil, err
	}
	logger := opts.Logger
	if logger == nil {
		logger = log.Root()
	}
	start := func(name string, signer *ecdsa.PrivateKey, httpPort, p2pPort int, static []string) (*public.Node, error) {
		n, err := public.New(public.Config{
			Node: node.Config{
				DataDir:       filepath.Join(opts.Dir, name),
				Genesis:       g,
				P2PListenAddr: fmt.Sprintf("127.0.0.1:%d", p2pPort),
				StaticNodes:   static,
				HTTPHost:      node.DefaultHTTPHost,
				HTTPPort:      httpPort,
				WSHost:        node.DefaultHTTPHost,
				WSPort:        httpPort + 1,
				GasCeil:       g.GasLimit,
			},
			Signer: signer,
			Logger: logger.With("chain", "public", "node", name),
		})
		if err != nil {
			return nil, fmt.Errorf("public %s: %w", name, err)
		}
		if err := n.Start(); err != nil {
			n.Close()
			return nil, fmt.Errorf("public %s: %w", name, err)
		}
		return n, nil
	}
	net := &PublicNet{Accounts: accounts, Genesis: g, SignerAddress: crypto.PubkeyToAddress(key.PublicKey)}
	var signerEnode string
	if opts.SignerProcess {
		// the signer dials the follower too: restarted, it is back in
		// the network at once, not when the follower next redials
		follower, err := childNodeKey(filepath.Join(opts.Dir, "follower"), opts.P2PPort+1)
		if err != nil {
			return nil, fmt.Errorf("public follower: %w", err)
		}
		dataDir := filepath.Join(opts.Dir, "signer")
		ch, err := StartChild(ctx, ChildOptions{
			Name: "public-signer", RunDir: opts.RunDir, LogDir: opts.LogDir, DataDir: dataDir,
			HTTPPort: opts.HTTPPort, P2PPort: opts.P2PPort, Logger: logger,
			Args: []string{"node", "public", "--datadir", dataDir, "--genesis", filepath.Join(opts.Dir, "genesis.json"),
				"--signer.keystore", filepath.Join(opts.Dir, "signer.keystore.json"),
				"--signer.password", filepath.Join(opts.Dir, "signer.password.DEV-ONLY"),
				"--http.port", fmt.Sprint(opts.HTTPPort), "--ws.port", fmt.Sprint(opts.HTTPPort + 1),
				"--p2p.addr", fmt.Sprintf("127.0.0.1:%d", opts.P2PPort), "--p2p.static", follower, "--gasceil", fmt.Sprint(g.GasLimit),
				"--verbosity", fmt.Sprint(opts.Verbosity)},
		})
		if err != nil {
			return nil, fmt.Errorf("public signer: %w", err)
		}
		net.SignerChild, net.SignerRPC, net.SignerWS, signerEnode = ch, ch.HTTP, ch.WS, ch.Enode
	} else {
		if net.Signer, err = start("signer", key, opts.HTTPPort, opts.P2PPort, nil); err != nil {
			return nil, err
		}
		net.SignerRPC, net.SignerWS, signerEnode = net.Signer.HTTPEndpoint(), net.Signer.WSEndpoint(), net.Signer.Enode()
	}
	if net.Follower, err = start("follower", nil, opts.HTTPPort+10, opts.P2PPort+1, []string{signerEnode}); err != nil {
		net.Close()
		return nil, err
	}
	return net, nil
}

// publicGenesis reads the devnet's genesis, writing it on the first run.
func publicGenesis(opts PublicOptions, signer common.Address, accounts []Account) (*core.Genesis, error) {
	path := filepath.Join(opts.Dir, "genesis.json")
	if _, err := os.Stat(path); err == nil {
		return node.ReadGenesis(path)
	}
	alloc := make(map[common.Address]*big.Int, len(accounts))
	million := new(big.Int).Mul(big.NewInt(1_000_000), big.NewInt(params.Ether))
	for _, a := range accounts {
		alloc[a.Address] = million
	}
	g, err := node.PublicGenesis(node.PublicSpec{
		Period:  opts.Period,
		Signers: []common.Address{signer},
		Alloc:   alloc,
		Time:    uint64(time.Now().Unix()),
	})
	if err != nil {
		return nil, err
	}
	return g, node.WriteGenesis(path, g)
}

// devKey loads the keystore <dir>/<name>.keystore.json, creating the key and
// its password file on the first run. The password file is a development
// convenience (named DEV-ONLY): real deployments keep keys in Vault.
func devKey(dir, name string) (*ecdsa.PrivateKey, error) {
	keyFile := filepath.Join(dir, name+".keystore.json")
	pwFile := filepath.Join(dir, name+".password.DEV-ONLY")
	if _, err := os.Stat(keyFile); errors.Is(err, os.ErrNotExist) {
		secret := make([]byte, 16)
		if _, err := rand.Read(secret); err != nil {
			return nil, err
		}
		if err := os.WriteFile(pwFile, []byte(hex.EncodeToString(secret)+"\n"), 0o600); err != nil {
			return nil, fmt.Errorf("writing devnet password file: %w", err)
		}
		key, err := crypto.GenerateKey()
		if err != nil {
			return nil, err
		}
		if err := node.WriteKey(keyFile, key, hex.EncodeToString(secret), true); err != nil {
			return nil, err
		}
	}
	return node.LoadKey(keyFile, pwFile)
}
