// Package public assembles a node of the public chain: the shared geth node,
// clique sealing and the clique_* API (node/clique), and block gossip and
// catch-up (node/blocksync). cmd/sovereign, the devnet and the tests start
// public nodes through here only.
package public

import (
	"crypto/ecdsa"
	"fmt"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/log"

	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/node/blocksync"
	"github.com/sovereign-gov/sovereign/node/clique"
)

// Config of a public chain node.
type Config struct {
	Node node.Config
	// Signer seals blocks when set; nil runs a follower.
	Signer *ecdsa.PrivateKey
	// AwaitVote lets a signer start before the signers voted it in; without
	// it, a key that is not a signer at the local head is refused at start,
	// which catches a wrong key file early.
	AwaitVote bool
	Logger    log.Logger
}

// Node is a running-to-be public chain node.
type Node struct {
	*node.Node
	Clique *clique.Service
	Sync   *blocksync.Syncer
}

// New assembles a public node; call Start to run it.
func New(cfg Config) (*Node, error) {
	if cfg.Node.Genesis == nil {
		return nil, fmt.Errorf("public node: no genesis given")
	}
	if err := node.CheckPublic(cfg.Node.Genesis); err != nil {
		return nil, fmt.Errorf("public node genesis: %w", err)
	}
	logger := cfg.Logger
	if logger == nil {
		logger = log.Root()
	}
	cfg.Node.RPCModules = append(cfg.Node.RPCModules, "clique")
	n, err := node.New(cfg.Node)
	if err != nil {
		return nil, err
	}
	svc, err := clique.New(n.Eth, clique.Config{Signer: cfg.Signer, Logger: logger})
	if err != nil {
		n.Close()
		return nil, err
	}
	if cfg.Signer != nil && !cfg.AwaitVote {
		if err := checkSigner(n, svc, cfg.Signer); err != nil {
			n.Close()
			return nil, err
		}
	}
	networkID := cfg.Node.NetworkID
	if networkID == 0 {
		networkID = cfg.Node.Genesis.Config.ChainID.Uint64()
	}
	syncer := blocksync.New(n.Eth.BlockChain(), svc.Importer(), blocksync.Config{
		NetworkID:     networkID,
		UnknownParent: clique.ErrUnknownParent,
		Logger:        logger,
	})
	n.Stack.RegisterAPIs(svc.APIs())
	n.Stack.RegisterProtocols(syncer.Protocols())
	n.Stack.RegisterLifecycle(syncer)
	n.Stack.RegisterLifecycle(svc)
	pn := &Node{Node: n, Clique: svc, Sync: syncer}
	pn.registerMetrics()
	return pn, nil
}

// checkSigner refuses a signing key that is not authorized at the local head.
func checkSigner(n *node.Node, svc *clique.Service, key *ecdsa.PrivateKey) error {
	head := n.Eth.BlockChain().CurrentBlock()
	snap, err := svc.Snapshots().At(head.Number.Uint64(), head.Hash())
	if err != nil {
		return fmt.Errorf("reading signers at head: %w", err)
	}
	addr := crypto.PubkeyToAddress(key.PublicKey)
	if !snap.IsSigner(addr) {
		return fmt.Errorf("signer key %s is not an authorized signer at block #%d (signers: %v); run as a follower, or pass --signer.await-vote to wait until the signers vote it in", addr, head.Number, snap.SignerList())
	}
	return nil
}
