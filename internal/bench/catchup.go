package bench

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/log"

	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/node/public"
)

// benchCatchUp seals blocks empty blocks on a signer, then measures a
// follower syncing them from it over loopback against a node importing the
// same blocks directly with InsertChain (no network).
func benchCatchUp(ctx context.Context, dir string, blocks int, out io.Writer) (syncRate, importRate float64, err error) {
	key, err := crypto.GenerateKey()
	if err != nil {
		return 0, 0, err
	}
	g, err := node.PublicGenesis(node.PublicSpec{Period: 0, Signers: []common.Address{crypto.PubkeyToAddress(key.PublicKey)}})
	if err != nil {
		return 0, 0, err
	}
	quiet := log.NewLogger(slog.DiscardHandler)
	open := func(name string, signer bool, static []string) (*public.Node, error) {
		cfg := public.Config{Node: node.Config{DataDir: filepath.Join(dir, name), Genesis: g, P2PListenAddr: "127.0.0.1:0", StaticNodes: static}, Logger: quiet}
		if signer {
			cfg.Signer = key
		}
		n, err := public.New(cfg)
		if err != nil {
			return nil, err
		}
		if err := n.Start(); err != nil {
			n.Close()
			return nil, err
		}
		return n, nil
	}
	src, err := open("source", true, nil)
	if err != nil {
		return 0, 0, err
	}
	start := time.Now()
	for i := 1; i <= blocks; i++ {
		if _, err := src.Clique.SealNow(ctx); err != nil {
			src.Close()
			return 0, 0, fmt.Errorf("sealing block %d: %w", i, err)
		}
		if i%2000 == 0 {
			fmt.Fprintf(out, "  sealed %d/%d blocks (%.0f blocks/s)\n", i, blocks, float64(i)/time.Since(start).Seconds())
		}
	}

	// A quiet source: the reference used to run right after sealing, next
	// to a source still busy with what it had sealed, and once measured
	// slower than the sync it should bound (1.28x). Restarted, the source
	// has written everything and only serves.
	src.Close()
	if src, err = open("source", true, nil); err != nil {
		return 0, 0, fmt.Errorf("reopening the source: %w", err)
	}
	defer src.Close()
	chain := make(types.Blocks, 0, blocks)
	for n := 1; n <= blocks; n++ {
		b := src.Eth.BlockChain().GetBlockByNumber(uint64(n))
		if b == nil {
			return 0, 0, fmt.Errorf("the source lost block %d on restart", n)
		}
		chain = append(chain, b)
	}

	// Reference: the same blocks inserted straight into a fresh chain, the
	// best of two runs (a ceiling, not one sample of a busy moment).
	for run := range 2 {
		rate, err := importRef(open, fmt.Sprintf("reference-%d", run), chain)
		if err != nil {
			return 0, 0, err
		}
		importRate = max(importRate, rate)
	}
	fmt.Fprintf(out, "  direct import: %.0f blocks/s (best of 2)\n", importRate)

	// Measured: a follower started now, catching up over the sov protocol.
	syncStart := time.Now()
	follower, err := open("follower", false, []string{src.Enode()})
	if err != nil {
		return 0, 0, err
	}
	defer follower.Close()
	deadline := time.Now().Add(5 * time.Minute)
	for follower.Eth.BlockChain().CurrentBlock().Number.Uint64() < uint64(blocks) {
		if time.Now().After(deadline) {
			return 0, 0, fmt.Errorf("follower reached only block %d of %d in 5 minutes", follower.Eth.BlockChain().CurrentBlock().Number, blocks)
		}
		time.Sleep(10 * time.Millisecond)
	}
	syncRate = float64(blocks) / time.Since(syncStart).Seconds()
	fmt.Fprintf(out, "  follower sync: %.0f blocks/s\n", syncRate)
	return syncRate, importRate, nil
}

// importRef inserts chain into a fresh node named name and returns the
// blocks per second of the import alone (the blocks are in memory).
func importRef(open func(string, bool, []string) (*public.Node, error), name string, chain types.Blocks) (float64, error) {
	ref, err := open(name, false, nil)
	if err != nil {
		return 0, err
	}
	defer ref.Close()
	start := time.Now()
	for from := 0; from < len(chain); from += 256 {
		if _, err := ref.Eth.BlockChain().InsertChain(chain[from:min(from+256, len(chain))]); err != nil {
			return 0, fmt.Errorf("reference import: %w", err)
		}
	}
	return float64(len(chain)) / time.Since(start).Seconds(), nil
}
