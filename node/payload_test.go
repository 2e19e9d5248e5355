package node_test

import (
	"context"
	"errors"
	"runtime"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/beacon/engine"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/miner"

	"github.com/sovereign-gov/sovereign/node"
	"github.com/sovereign-gov/sovereign/sidechains/qbft/execution"
)

// WaitFullPayload returns the miner's first full block, and a build given
// up (cancelled or timed out) leaves no goroutine behind: the old
// ResolveFull wait blocked for ever on a condition Resolve never signals.
func TestWaitFullPayloadLeavesNothingBehind(t *testing.T) {
	g, err := execution.NewGenesis(execution.GenesisSpec{ChainID: 7301, Validators: []common.Address{{0x01}}})
	if err != nil {
		t.Fatal(err)
	}
	n, err := node.New(node.Config{Genesis: g, GasCeil: g.GasLimit})
	if err != nil {
		t.Fatal(err)
	}
	if err := n.Start(); err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	head := n.Eth.BlockChain().CurrentBlock()
	build := func(ts uint64) *miner.Payload {
		t.Helper()
		root := common.Hash{0x42}
		p, err := n.Eth.Miner().BuildPayload(context.Background(), &miner.BuildPayloadArgs{
			Parent: head.Hash(), Timestamp: head.Time + ts, FeeRecipient: common.Address{0x01},
			Withdrawals: []*types.Withdrawal{}, BeaconRoot: &root, Version: engine.PayloadV3,
		}, false)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	block, env, err := node.WaitFullPayload(context.Background(), build(1), 10*time.Second)
	if err != nil || block == nil || env == nil || block.NumberU64() != 1 {
		t.Fatalf("full payload: %v, %v", block, err)
	}

	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	before := runtime.NumGoroutine()
	for i := range 50 {
		if _, _, err := node.WaitFullPayload(cancelled, build(uint64(2+i)), time.Second); err != nil && !errors.Is(err, context.Canceled) {
			t.Fatalf("cancelled build: %v", err)
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before+5 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if after := runtime.NumGoroutine(); after > before+5 {
		t.Fatalf("%d goroutines after 50 abandoned builds, %d before", after, before)
	}
}
