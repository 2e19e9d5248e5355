// Package service assembles a QBFT chain node: the shared geth node
// (node/), the execution driver, the devp2p transport, and for a validator
// the state machine with its write-ahead record. The consortium and private
// chains start their nodes through here.
package service

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/log"

	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/sidechains/qbft"
	"github.com/sovereign-gov/sovereign/sidechains/qbft/execution"
	"github.com/sovereign-gov/sovereign/sidechains/qbft/transport"
)

// Config of a QBFT node.
type Config struct {
	Node node.Config
	// Signer makes this node a validator; nil runs a follower.
	Signer      qbft.Signer
	BlockPeriod time.Duration // default 1 s
	BaseTimeout time.Duration // round-0 timeout, default 1 s
	MaxTimeout  time.Duration // round timeout cap, default 30 s
	SkipEmpty   bool          // no block until there are transactions (at most EmptyInterval)
	// EmptyInterval bounds the wait for transactions with SkipEmpty.
	EmptyInterval time.Duration
	// Equivocate makes the validator Byzantine (test harnesses only).
	Equivocate bool
	// Validators overrides where the validator set is read (default: the
	// ValidatorSet contract in the parent state, else the genesis set).
	Validators execution.ValidatorSource
	Logger     log.Logger
}

// Node is an assembled QBFT node; Start runs it.
type Node struct {
	*node.Node
	Driver  *execution.Driver
	Reactor *transport.Reactor
	Core    *qbft.Core // nil on a follower

	wal    *qbft.FileWAL
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

// New assembles a QBFT node from cfg.
func New(cfg Config) (*Node, error) {
	g := cfg.Node.Genesis
	if g == nil {
		return nil, fmt.Errorf("qbft node: no genesis given")
	}
	if err := execution.CheckGenesis(g); err != nil {
		return nil, fmt.Errorf("qbft node genesis: %w", err)
	}
	vals, err := execution.GenesisValidators(g)
	if err != nil {
		return nil, err
	}
	if cfg.Logger == nil {
		cfg.Logger = log.Root()
	}
	if cfg.BlockPeriod == 0 {
		cfg.BlockPeriod = time.Second
	}
	cfg.Node.RPCModules = append(cfg.Node.RPCModules, "qbft")
	if cfg.Node.GasCeil == 0 {
		cfg.Node.GasCeil = g.GasLimit
	}
	n, err := node.New(cfg.Node)
	if err != nil {
		return nil, err
	}
	if cfg.Validators == nil {
		cfg.Validators = execution.NewContractValidators(n.Eth.BlockChain(), vals)
	}
	var self common.Address
	if cfg.Signer != nil {
		self = cfg.Signer.Address()
	}
	drv := execution.New(n.Eth, execution.Config{Self: self, BlockPeriod: cfg.BlockPeriod, Validators: cfg.Validators, Logger: cfg.Logger})
	if err := drv.Recover(); err != nil {
		n.Close()
		return nil, err
	}
	networkID := cfg.Node.NetworkID
	if networkID == 0 {
		networkID = g.Config.ChainID.Uint64()
	}
	reactor := transport.New(drv, nil, transport.Config{NetworkID: networkID, Genesis: g.ToBlock().Hash(), Logger: cfg.Logger})
	drv.OnCommit = reactor.BroadcastCertified
	drv.OnBroadcast = reactor.Broadcast
	drv.OnBroadcastSplit = reactor.BroadcastSplit
	qn := &Node{Node: n, Driver: drv, Reactor: reactor}
	if cfg.Equivocate && !qbft.ByzantineBuild {
		n.Close()
		return nil, fmt.Errorf("byzantine test behaviour (equivocation) is not in this binary: build it with -tags byzantine (test harnesses only)")
	}
	if cfg.Signer != nil {
		dir := cfg.Node.DataDir
		if dir == "" {
			n.Close()
			return nil, fmt.Errorf("a validator needs a data folder for its write-ahead record")
		}
		wal, err := qbft.OpenFileWAL(filepath.Join(dir, "qbft", "wal"))
		if err != nil {
			n.Close()
			return nil, err
		}
		qn.wal = wal
		qn.Core = qbft.New(qbft.Config{
			Signer: cfg.Signer, BaseTimeout: cfg.BaseTimeout, MaxTimeout: cfg.MaxTimeout,
			BlockPeriod: cfg.BlockPeriod, SkipEmpty: cfg.SkipEmpty, EmptyInterval: cfg.EmptyInterval,
			Equivocate: cfg.Equivocate, Logger: cfg.Logger, Observer: newMetricsObserver(n.Metrics.Registry),
		}, drv, qbft.NewTicker(), wal)
		reactor.SetConsensus(qn.Core)
	}
	qn.registerMetrics(n.Metrics)
	n.Stack.RegisterProtocols(reactor.Protocols())
	n.Stack.RegisterLifecycle(reactor)
	n.Stack.RegisterLifecycle(&consensusLifecycle{qn})
	n.Stack.RegisterAPIs(qn.APIs())
	return qn, nil
}

// consensusLifecycle starts the state machine once the node runs and stops
// it before the chain closes.
type consensusLifecycle struct{ n *Node }

func (l *consensusLifecycle) Start() error {
	if l.n.Core == nil {
		return nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	l.n.cancel = cancel
	l.n.Core.Start(l.n.Driver.Head() + 1)
	l.n.wg.Add(1)
	go func() {
		defer l.n.wg.Done()
		l.n.Core.Run(ctx)
	}()
	return nil
}

func (l *consensusLifecycle) Stop() error {
	if l.n.cancel != nil {
		l.n.cancel()
		l.n.wg.Wait()
	}
	if l.n.wal != nil {
		return l.n.wal.Close()
	}
	return nil
}
