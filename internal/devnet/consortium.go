package devnet

import (
	"crypto/ecdsa"
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
	Logger     log.Logger
}

// ConsortiumNet is the running consortium chain of a devnet.
type ConsortiumNet struct {
	Validators []*service.Node
	Addresses  []common.Address
	// Keys are the validators' keys (dev keys in keystores under Dir): the
	// devnet's validators vote with them on ReviewBoard (departments).
	Keys    []*ecdsa.PrivateKey
	Genesis *core.Genesis
}

// Close stops every validator.
func (c *ConsortiumNet) Close() {
	for _, v := range c.Validators {
		v.Close()
	}
}

// StartConsortium creates (on first run) and starts the QBFT validators.
func StartConsortium(opts ConsortiumOptions) (*ConsortiumNet, error) {
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
	for i, key := range keys {
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
		enodes = append(enodes, n.Enode())
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
