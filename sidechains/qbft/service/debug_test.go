package service

import (
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/sovereign-gov/sovereign/node"
)

// TestDebugTracingWhenAsked: a QBFT node serves geth's tracers
// (debug_traceCall, debug_traceTransaction) only when debug is asked for.
func TestDebugTracingWhenAsked(t *testing.T) {
	c := newCluster(t, 1, common.Address{1})
	c.httpAPI = append(node.DefaultAPIs([]string{"qbft"}), "debug")
	v := c.start(0)
	waitFor(t, 30*time.Second, "block 1", func() bool { return v.Driver.Head() >= 1 })
	call := func(n *Node) error {
		cl, err := rpc.Dial(n.HTTPEndpoint())
		if err != nil {
			t.Fatal(err)
		}
		defer cl.Close()
		var res struct {
			Type  string `json:"type"`
			Value string `json:"value"`
		}
		args := map[string]any{"from": common.Address{1}, "to": common.Address{2}, "value": "0x5"}
		if err := cl.Call(&res, "debug_traceCall", args, "latest", map[string]any{"tracer": "callTracer"}); err != nil {
			return err
		}
		if res.Type != "CALL" || res.Value != "0x5" {
			t.Fatalf("callTracer on a QBFT chain: %+v", res)
		}
		return nil
	}
	if err := call(v); err != nil {
		t.Fatalf("debug asked for: %v", err)
	}
	c.httpAPI = nil
	if err := call(c.start(1)); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("debug by default: %v, want method not found", err)
	}
}
