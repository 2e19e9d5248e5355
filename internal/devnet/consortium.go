package devnet

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/params"

	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/sidechains/consortium"
	"github.com/sovereign-gov/sovereign/sidechains/qbft"
	"github.com/sovereign-gov/sovereign/sidechains/qbft/execution"
	"github.com/sovereign-gov/sovereign/sidechains/qbft/service"
)

// ConsortiumOptions shape the devnet's consortium chain.
type ConsortiumOptions struct {
	Dir        string
	Validators int // four tolerate one fault
	Accounts   []Account
	HTTPPort   int // first validator's HTTP port; validator i uses +10·i, WS +1
	P2PPort    int // first validator's devp2p port; validator i uses +i
	// Processes is how many validators, the last ones, run as their own
	// supervised processes (Child) instead of in this one: what a fault
	// test kills. Validator 0 always runs here.
	Processes int
	RunDir    string // pid files of the processes
	LogDir    string // their output
	Verbosity int    // their --verbosity
	Logger    log.Logger
}

// ConsortiumNet is the running consortium chain of a devnet.
type ConsortiumNet struct {
	Validators []*service.Node // those running in this process
	Children   []*Child        // those running as their own processes
	RPC, WS    []string        // every validator's endpoints, in order
	Addresses  []common.Address
	// Keys are the validators' keys (dev keys in keystores under Dir): the
	// devnet's validators vote with them on ReviewBoard (departments).
	Keys    []*ecdsa.PrivateKey
	Genesis *core.Genesis
}

// Close stops every validator.
func (c *ConsortiumNet) Close() {
	for _, ch := range c.Children {
		ch.Close()
	}
	for _, v := range c.Validators {
		v.Close()
	}
}

// StartConsortium creates (on first run) and starts the QBFT validators.
func StartConsortium(ctx context.Context, opts ConsortiumOptions) (*ConsortiumNet, error) {
	if opts.Processes < 0 || opts.Processes >= opts.Validators {
		return nil, fmt.Errorf("devnet consortium: %d validators as processes: want 0 to %d (validator 0 runs in the devnet)", opts.Processes, opts.Validators-1)
	}
	if err := os.MkdirAll(opts.Dir, 0o700); err != nil {
		return nil, fmt.Errorf("devnet folder: %w", err)
	}
	keys := make([]*ecdsa.PrivateKey, opts.Validators)
	addrs := make([]common.Address, opts.Validators)
	for i := range keys {
		k, err := devKey(opts.Dir, fmt.Sprintf("validator%d", i))
		if err != nil {
			return nil, err
		}
		keys[i], addrs[i] = k, crypto.PubkeyToAddress(k.PublicKey)
	}
	g, err := consortiumGenesis(opts, addrs)
	if err != nil {
		return nil, err
	}
	logger := opts.Logger
	if logger == nil {
		logger = log.Root()
	}
	net := &ConsortiumNet{Addresses: addrs, Keys: keys, Genesis: g}
	var enodes []string
	inProcess := opts.Validators - opts.Processes
	for i, key := range keys[:inProcess] {
		n, err := consortium.StartNode(service.Config{
			Node: node.Config{
				DataDir:       filepath.Join(opts.Dir, fmt.Sprintf("validator%d", i)),
				Genesis:       g,
				P2PListenAddr: fmt.Sprintf("127.0.0.1:%d", opts.P2PPort+i),
				StaticNodes:   enodes,
				HTTPHost:      node.DefaultHTTPHost,
				HTTPPort:      opts.HTTPPort + 10*i,
				WSHost:        node.DefaultHTTPHost,
				WSPort:        opts.HTTPPort + 10*i + 1,
			},
			Signer: qbft.NewKeySigner(key),
			Logger: logger.With("chain", "consortium", "node", fmt.Sprintf("validator%d", i)),
		})
		if err != nil {
			net.Close()
			return nil, fmt.Errorf("consortium validator %d: %w", i, err)
		}
		net.Validators = append(net.Validators, n)
		net.RPC, net.WS = append(net.RPC, n.HTTPEndpoint()), append(net.WS, n.WSEndpoint())
		enodes = append(enodes, n.Enode())
	}
	for i := inProcess; i < opts.Validators; i++ {
		name := fmt.Sprintf("validator%d", i)
		dataDir := filepath.Join(opts.Dir, name)
		port := opts.HTTPPort + 10*i
		ch, err := StartChild(ctx, ChildOptions{
			Name: "consortium-" + name, RunDir: opts.RunDir, LogDir: opts.LogDir, DataDir: dataDir,
			HTTPPort: port, P2PPort: opts.P2PPort + i, Logger: logger,
			Args: []string{"node", "consortium", "--datadir", dataDir, "--genesis", filepath.Join(opts.Dir, "genesis.json"),
				"--validator.keystore", filepath.Join(opts.Dir, name+".keystore.json"),
				"--validator.password", filepath.Join(opts.Dir, name+".password.DEV-ONLY"),
				"--http.port", fmt.Sprint(port), "--ws.addr", node.DefaultHTTPHost, "--ws.port", fmt.Sprint(port + 1),
				"--p2p.addr", fmt.Sprintf("127.0.0.1:%d", opts.P2PPort+i), "--p2p.static", strings.Join(enodes, ","),
				"--verbosity", fmt.Sprint(opts.Verbosity)},
		})
		if err != nil {
			net.Close()
			return nil, fmt.Errorf("consortium validator %d: %w", i, err)
		}
		net.Children = append(net.Children, ch)
		net.RPC, net.WS = append(net.RPC, ch.HTTP), append(net.WS, ch.WS)
		enodes = append(enodes, ch.Enode)
	}
	// A node joining the devnet's consortium (a validator voted in)
	// peers with these: `--p2p.static $(cat <dir>/enodes)`.
	if err := os.WriteFile(filepath.Join(opts.Dir, "enodes"), []byte(strings.Join(enodes, ",")+"\n"), 0o644); err != nil {
		net.Close()
		return nil, fmt.Errorf("devnet consortium enodes: %w", err)
	}
	return net, nil
}

func consortiumGenesis(opts ConsortiumOptions, validators []common.Address) (*core.Genesis, error) {
	path := filepath.Join(opts.Dir, "genesis.json")
	if _, err := os.Stat(path); err == nil {
		return node.ReadGenesis(path)
	}
	alloc := make(map[common.Address]*big.Int, len(opts.Accounts))
	million := new(big.Int).Mul(big.NewInt(1_000_000), big.NewInt(params.Ether))
	for _, a := range opts.Accounts {
		alloc[a.Address] = million
	}
	g, err := consortium.Genesis(execution.GenesisSpec{Validators: validators, Alloc: alloc, Time: uint64(time.Now().Unix())})
	if err != nil {
		return nil, err
	}
	return g, node.WriteGenesis(path, g)
}
