package clique

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"github.com/ethereum/go-ethereum/common"

	"github.com/ethereum/go-ethereum/consensus/beacon"
	"github.com/ethereum/go-ethereum/consensus/clique"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth"
	"github.com/ethereum/go-ethereum/event"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/rpc"
)

// Config of the clique service of one node.
type Config struct {
	// Signer is the sealing key; nil runs a follower that verifies and
	// relays but never seals.
	Signer *ecdsa.PrivateKey
	Logger log.Logger
}

// Service is the public chain's consensus driver for one node: voting
// snapshots, fork choice, the sealer (on signer nodes) and the clique_* API.
// It is a node lifecycle: the sealer runs between Start and Stop.
type Service struct {
	chain  *core.BlockChain
	snaps  *Snapshots
	votes  *Proposals
	fork   *ForkChoice
	sealer *sealer // nil on followers
	log    log.Logger

	cancel context.CancelFunc
	done   chan struct{}
}

// New builds the clique service over an assembled eth backend whose genesis
// is a clique genesis.
func New(backend *eth.Ethereum, cfg Config) (*Service, error) {
	chainCfg := backend.BlockChain().Config()
	if chainCfg.Clique == nil {
		return nil, errors.New("clique service: the chain config has no clique section")
	}
	bc, ok := backend.Engine().(*beacon.Beacon)
	if !ok {
		return nil, fmt.Errorf("clique service: unexpected consensus engine %T", backend.Engine())
	}
	engine, ok := bc.InnerEngine().(*clique.Clique)
	if !ok {
		return nil, fmt.Errorf("clique service: inner engine is %T, not clique", bc.InnerEngine())
	}
	logger := cfg.Logger
	if logger == nil {
		logger = log.Root()
	}
	epoch := chainCfg.Clique.Epoch
	if epoch == 0 {
		epoch = 30000
	}
	chain := backend.BlockChain()
	s := &Service{
		chain: chain,
		snaps: NewSnapshots(chain, backend.ChainDb(), epoch, engine.Author, logger),
		votes: NewProposals(),
		fork:  NewForkChoice(chain),
		log:   logger,
	}
	before := chain.CurrentBlock()
	if moved, err := s.fork.Recover(); err != nil {
		// Nothing to repair it with here: block sync brings the chain back
		// from the other nodes.
		logger.Error("Could not restore the head chosen before an unclean stop", "err", err)
	} else if moved {
		logger.Warn("Head restored to the last block chosen before an unclean stop", "from", before.Number, "to", chain.CurrentBlock().Number, "hash", chain.CurrentBlock().Hash())
	}
	if cfg.Signer != nil {
		signer := crypto.PubkeyToAddress(cfg.Signer.PublicKey)
		engine.Authorize(signer) // Prepare reads it to set the difficulty
		pool := backend.TxPool()
		s.sealer = &sealer{
			chain:   chain,
			miner:   backend.Miner(),
			pending: func() int { p, _ := pool.Stats(); return p },
			subTxs: func(ch chan<- core.NewTxsEvent) event.Subscription {
				return pool.SubscribeTransactions(ch, false)
			},
			snaps:  s.snaps,
			votes:  s.votes,
			fork:   s.fork,
			key:    cfg.Signer,
			signer: signer,
			period: chainCfg.Clique.Period,
			epoch:  epoch,
			log:    logger.With("signer", signer),
		}
	}
	return s, nil
}

// SealCounts returns how many blocks this node's signer sealed since start,
// and how many of them out of turn (zero on a follower).
func (s *Service) SealCounts() (sealed, outOfTurn uint64) {
	if s.sealer == nil {
		return 0, 0
	}
	return s.sealer.sealed.Load(), s.sealer.outOfTurn.Load()
}

// Importer returns the fork-choice importer that block sync must use.
func (s *Service) Importer() *ForkChoice { return s.fork }

// Signer returns the sealing address, and false on a follower.
func (s *Service) Signer() (common.Address, bool) {
	if s.sealer == nil {
		return common.Address{}, false
	}
	return s.sealer.signer, true
}

// SealNow seals one block on the current head at once, empty or not,
// ignoring the block period and the out-of-turn delay (never the signer
// rules). It generates chains for tests and benchmarks; a running network
// seals through Start.
func (s *Service) SealNow(ctx context.Context) (*types.Block, error) {
	if s.sealer == nil {
		return nil, errNotSigner
	}
	head := s.chain.CurrentBlock()
	snap, err := s.snaps.At(head.Number.Uint64(), head.Hash())
	if err != nil {
		return nil, err
	}
	if !snap.IsSigner(s.sealer.signer) {
		return nil, fmt.Errorf("%w %s", errUnauthorizedSigner, s.sealer.signer)
	}
	if snap.SignedRecently(s.sealer.signer) {
		return nil, errRecentlySigned
	}
	return s.sealer.sealOn(ctx, head, true)
}

// Snapshots returns the voting snapshot cache.
func (s *Service) Snapshots() *Snapshots { return s.snaps }

// APIs returns the clique_* JSON-RPC namespace.
func (s *Service) APIs() []rpc.API {
	return []rpc.API{{Namespace: "clique", Service: &API{s: s}}}
}

// Start implements node.Lifecycle: a signer starts sealing.
func (s *Service) Start() error {
	if s.sealer == nil {
		return nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel, s.done = cancel, make(chan struct{})
	go func() {
		defer close(s.done)
		s.sealer.run(ctx)
	}()
	s.log.Info("Clique sealing started", "signer", s.sealer.signer, "period", s.sealer.period)
	return nil
}

// Stop implements node.Lifecycle.
func (s *Service) Stop() error {
	if s.cancel != nil {
		s.cancel()
		<-s.done
	}
	return nil
}
