// Package status reads the state of a running system for `sovereign
// status`: each node's chain, head and its age, and peers; whether Vault is
// sealed; whether the content store answers; and how far the bridge is
// behind the consortium's decisions.
package status

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
)

// Node is one JSON-RPC endpoint's state.
type Node struct {
	Chain   string        `json:"chain"` // what it was named (public, consortium, private, or the URL)
	URL     string        `json:"url"`
	ChainID uint64        `json:"chainId,omitempty"`
	Head    uint64        `json:"head"`
	HeadAge time.Duration `json:"headAgeNs"` // now − the head's timestamp: how stale the node is
	Peers   uint64        `json:"peers"`
	Syncing bool          `json:"syncing"`
	Err     string        `json:"error,omitempty"`
}

// Target is an endpoint to ask.
type Target struct{ Chain, URL string }

// Nodes asks every target at once, each bounded by timeout.
func Nodes(ctx context.Context, targets []Target, timeout time.Duration) []Node {
	out := make([]Node, len(targets))
	var wg sync.WaitGroup
	for i, t := range targets {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cctx, cancel := context.WithTimeout(ctx, timeout)
			defer cancel()
			out[i] = node(cctx, t)
		}()
	}
	wg.Wait()
	return out
}

func node(ctx context.Context, t Target) Node {
	n := Node{Chain: t.Chain, URL: t.URL}
	c, err := rpc.DialContext(ctx, t.URL)
	if err != nil {
		n.Err = err.Error()
		return n
	}
	defer c.Close()
	var id hexutil.Uint64
	var head types.Header
	var peers hexutil.Uint64
	var syncing json.RawMessage
	batch := []rpc.BatchElem{
		{Method: "eth_chainId", Result: &id},
		{Method: "eth_getBlockByNumber", Args: []any{"latest", false}, Result: &head},
		{Method: "net_peerCount", Result: &peers},
		{Method: "eth_syncing", Result: &syncing},
	}
	if err := c.BatchCallContext(ctx, batch); err != nil {
		n.Err = err.Error()
		return n
	}
	for _, b := range batch[:2] { // peers and syncing are optional
		if b.Error != nil {
			n.Err = fmt.Sprintf("%s: %v", b.Method, b.Error)
			return n
		}
	}
	n.ChainID, n.Head = uint64(id), head.Number.Uint64()
	n.HeadAge = time.Since(time.Unix(int64(head.Time), 0)).Round(time.Second)
	if batch[2].Error == nil {
		n.Peers = uint64(peers)
	}
	n.Syncing = batch[3].Error == nil && string(syncing) != "false" && len(syncing) > 0
	return n
}

// Vault is a Vault server's seal state.
type Vault struct {
	URL         string `json:"url"`
	Initialized bool   `json:"initialized"`
	Sealed      bool   `json:"sealed"`
	Err         string `json:"error,omitempty"`
}

// VaultState reads sys/seal-status (no token needed).
func VaultState(ctx context.Context, client *http.Client, addr string) Vault {
	v := Vault{URL: addr}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimSuffix(addr, "/")+"/v1/sys/seal-status", nil)
	if err != nil {
		v.Err = err.Error()
		return v
	}
	resp, err := client.Do(req)
	if err != nil {
		v.Err = err.Error()
		return v
	}
	defer resp.Body.Close()
	var st struct {
		Initialized bool `json:"initialized"`
		Sealed      bool `json:"sealed"`
	}
	if resp.StatusCode != http.StatusOK {
		v.Err = resp.Status
		return v
	}
	if err := json.NewDecoder(resp.Body).Decode(&st); err != nil {
		v.Err = fmt.Sprintf("seal status: %v", err)
		return v
	}
	v.Initialized, v.Sealed = st.Initialized, st.Sealed
	return v
}

// Reachable says whether an HTTP service answers at all (any status).
func Reachable(ctx context.Context, client *http.Client, url string) string {
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, url, nil)
	if err != nil {
		return err.Error()
	}
	resp, err := client.Do(req)
	if err != nil {
		return err.Error()
	}
	resp.Body.Close()
	return ""
}
