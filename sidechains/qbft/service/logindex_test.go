package service

import (
	"context"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/rawdb"
)

// node.Config.NoLogIndex (--history.logs.disable, as geth's flag) keeps a
// validator from writing a log search index, which a restart would load
// before the node runs (over a minute under the race detector on a busy
// machine: the consortium restart tests' slow starts); eth_getLogs still
// answers, by scanning blocks.
func TestNoLogIndex(t *testing.T) {
	for _, off := range []bool{false, true} {
		c := newCluster(t, 1, common.Address{1})
		c.noLogIdx = off
		v := c.start(0)
		waitFor(t, 30*time.Second, "block 3", func() bool { return v.Driver.Head() >= 3 })
		indexed := func() bool {
			_, ok, err := rawdb.ReadFilterMapsRange(v.Eth.ChainDb())
			return ok && err == nil
		}
		if !off && !raceDetector {
			waitFor(t, 30*time.Second, "a log index", indexed)
		} else {
			time.Sleep(2 * time.Second)
			if indexed() {
				t.Error("NoLogIndex: the validator wrote a log index")
			}
		}
		rpc := v.Stack.Attach()
		var logs []any
		if err := rpc.CallContext(context.Background(), &logs, "eth_getLogs", map[string]any{"fromBlock": "0x0", "toBlock": "latest"}); err != nil {
			t.Errorf("NoLogIndex %v: eth_getLogs: %v", off, err)
		}
		rpc.Close()
		c.stop(0)
	}
}
