package public

import (
	"context"
	"encoding/json"
	"errors"
	"math/big"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/sovereign-gov/sovereign/internal/proctest"
	"github.com/sovereign-gov/sovereign/node"
)

// rpcPost sends one JSON-RPC request with the given Origin and Host headers
// ("" = none / the URL's) and returns the response.
func rpcPost(t *testing.T, url, origin, host, method string) *http.Response {
	t.Helper()
	body := `{"jsonrpc":"2.0","id":1,"method":"` + method + `","params":[]}`
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	if host != "" {
		req.Host = host
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

// access is one request with an Origin or Host header and what must come
// back: the status and the Access-Control-Allow-Origin header ("" = none).
type access struct {
	origin, host, allowOrigin string
	status                    int
}

func checkAccess(t *testing.T, url string, cases []access) {
	t.Helper()
	for _, c := range cases {
		resp := rpcPost(t, url, c.origin, c.host, "eth_chainId")
		if got := resp.Header.Get("Access-Control-Allow-Origin"); resp.StatusCode != c.status || got != c.allowOrigin {
			t.Errorf("origin %q host %q: status %d, Access-Control-Allow-Origin %q; want %d, %q",
				c.origin, c.host, resp.StatusCode, got, c.status, c.allowOrigin)
		}
	}
}

// modules returns the namespaces the node serves over HTTP (rpc_modules).
func modules(t *testing.T, url string) []string {
	t.Helper()
	resp := rpcPost(t, url, "", "", "rpc_modules")
	var out struct{ Result map[string]string }
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	var names []string
	for n := range out.Result {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// TestRPCAccessDefaults: by default no browser origin may read answers, only
// localhost (or an IP address) is accepted as Host, and debug is not served.
func TestRPCAccessDefaults(t *testing.T) {
	keys := newKeys(t, 1)
	n := startNode(t, node.PublicSpec{Signers: addrs(keys)}, "", keys[0], nil)
	defer n.Close()
	url := n.HTTPEndpoint()

	checkAccess(t, url, []access{
		{origin: "http://dapp.example", status: http.StatusOK}, // no CORS header: none allowed by default
		{host: "rpc.example", status: http.StatusForbidden},    // vhosts default to localhost
		{host: "localhost", status: http.StatusOK},
	})
	if got, want := modules(t, url), []string{"clique", "eth", "net", "rpc", "txpool", "web3"}; !slices.Equal(got, want) {
		t.Fatalf("modules %v, want %v", got, want)
	}
	c, err := rpc.Dial(url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var res json.RawMessage
	err = c.Call(&res, "debug_traceTransaction", common.Hash{1})
	var rpcErr rpc.Error
	if !errors.As(err, &rpcErr) || rpcErr.ErrorCode() != -32601 {
		t.Fatalf("debug_traceTransaction by default: %v, want method not found (-32601)", err)
	}
}

// TestRPCAccessAsked: --http.corsdomain, --http.vhosts and --http.api with
// debug do what geth's do, and debug_traceTransaction / debug_traceCall
// trace a sealed transfer.
func TestRPCAccessAsked(t *testing.T) {
	keys := newKeys(t, 2)
	signer, user := keys[0], keys[1]
	from := crypto.PubkeyToAddress(user.PublicKey)
	spec := node.PublicSpec{Signers: addrs(keys[:1]), Alloc: map[common.Address]*big.Int{from: big.NewInt(params.Ether)}}
	n := startNodeWith(t, spec, "", signer, nil, func(c *node.Config) {
		c.HTTPAPI = append(node.DefaultAPIs([]string{"clique"}), "debug")
		c.HTTPCors = []string{"http://dapp.example"}
		c.HTTPVirtualHosts = []string{"rpc.example"}
	})
	defer n.Close()
	url := n.HTTPEndpoint()

	checkAccess(t, url, []access{
		{origin: "http://dapp.example", allowOrigin: "http://dapp.example", status: http.StatusOK},
		{origin: "http://evil.example", status: http.StatusOK}, // answered, but no CORS header
		{host: "rpc.example", status: http.StatusOK},
		{host: "localhost", status: http.StatusForbidden}, // not listed
	})
	if got := modules(t, url); !slices.Contains(got, "debug") {
		t.Fatalf("modules %v: no debug", got)
	}

	client, err := ethclient.Dial(url)
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	chainID := n.Eth.BlockChain().Config().ChainID
	to := common.Address{0x42}
	tx := types.MustSignNewTx(user, types.LatestSignerForChainID(chainID), &types.DynamicFeeTx{
		ChainID: chainID, GasTipCap: big.NewInt(1), GasFeeCap: big.NewInt(10 * params.GWei),
		Gas: 21000, To: &to, Value: big.NewInt(1000),
	})
	if err := client.SendTransaction(ctx, tx); err != nil {
		t.Fatal(err)
	}
	proctest.WaitFor(t, 20*time.Second, "receipt", func() bool {
		r, _ := client.TransactionReceipt(ctx, tx.Hash())
		return r != nil
	})

	type call struct {
		Type  string         `json:"type"`
		From  common.Address `json:"from"`
		To    common.Address `json:"to"`
		Value string         `json:"value"`
	}
	var traced call
	if err := client.Client().CallContext(ctx, &traced, "debug_traceTransaction", tx.Hash(), map[string]any{"tracer": "callTracer"}); err != nil {
		t.Fatal(err)
	}
	if traced != (call{"CALL", from, to, "0x3e8"}) {
		t.Fatalf("callTracer: %+v", traced)
	}
	// The default (opcode) tracer, as Foundry's and cast's trace views ask.
	var logs struct {
		Gas    uint64 `json:"gas"`
		Failed bool   `json:"failed"`
	}
	if err := client.Client().CallContext(ctx, &logs, "debug_traceTransaction", tx.Hash(), nil); err != nil || logs.Gas != 21000 || logs.Failed {
		t.Fatalf("default tracer: %+v, %v", logs, err)
	}
	var simulated call
	args := map[string]any{"from": from, "to": to, "value": "0x7"}
	if err := client.Client().CallContext(ctx, &simulated, "debug_traceCall", args, "latest", map[string]any{"tracer": "callTracer"}); err != nil {
		t.Fatal(err)
	}
	if simulated != (call{"CALL", from, to, "0x7"}) {
		t.Fatalf("traceCall: %+v", simulated)
	}
}

// TestWSOrigins: a browser page of an origin not allowed cannot open the
// WebSocket; an allowed one can, and so can a client that sends no Origin.
func TestWSOrigins(t *testing.T) {
	keys := newKeys(t, 1)
	n := startNodeWith(t, node.PublicSpec{Signers: addrs(keys)}, "", keys[0], nil, func(c *node.Config) {
		c.WSHost, c.WSPort = "127.0.0.1", proctest.FreePort(t)
		c.WSOrigins = []string{"http://dapp.example"}
	})
	defer n.Close()
	dial := func(origin string) error {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		var opts []rpc.ClientOption
		if origin != "" {
			opts = append(opts, rpc.WithHeader("Origin", origin))
		}
		c, err := rpc.DialOptions(ctx, n.WSEndpoint(), opts...)
		if err != nil {
			return err
		}
		defer c.Close()
		var id string
		return c.CallContext(ctx, &id, "eth_chainId")
	}
	if err := dial("http://dapp.example"); err != nil {
		t.Fatalf("allowed origin: %v", err)
	}
	if err := dial(""); err != nil {
		t.Fatalf("no origin (not a browser): %v", err)
	}
	if err := dial("http://evil.example"); err == nil {
		t.Fatal("an origin not allowed opened the WebSocket")
	}
}
