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
	defer src.Close()
	start := time.Now()
	for i := 1; i <= blocks; i++ {
		if _, err := src.Clique.SealNow(ctx); err != nil {
			return 0, 0, fmt.Errorf("sealing block %d: %w", i, err)
		}
		if i%2000 == 0 {
			fmt.Fprintf(out, "  sealed %d/%d blocks (%.0f blocks/s)\n", i, blocks, float64(i)/time.Since(start).Seconds())
		}
	}

	// Reference: the same blocks inserted straight into a fresh chain.
	ref, err := open("reference", false, nil)
	if err != nil {
		return 0, 0, err
	}
	chain := make(types.Blocks, 0, blocks)
	for n := 1; n <= blocks; n++ {
		chain = append(chain, src.Eth.BlockChain().GetBlockByNumber(uint64(n)))
	}
	refStart := time.Now() // blocks are in memory: only import is timed
	for from := 0; from < blocks; from += 256 {
		if _, err := ref.Eth.BlockChain().InsertChain(chain[from:min(from+256, blocks)]); err != nil {
			ref.Close()
			return 0, 0, fmt.Errorf("reference import: %w", err)
		}
	}
	importRate = float64(blocks) / time.Since(refStart).Seconds()
	ref.Close()
	fmt.Fprintf(out, "  direct import: %.0f blocks/s\n", importRate)

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
