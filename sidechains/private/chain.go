package private

import (
	"errors"
	"fmt"
	"slices"

	"github.com/ethereum/go-ethereum/core"

	"github.com/sovereign-gov/sovereign/sidechains/qbft/execution"
	"github.com/sovereign-gov/sovereign/sidechains/qbft/service"
)

// DefaultChainID is the private chain's EIP-155 chain id.
const DefaultChainID = 7200

// MaxValidators bounds the private chain: one to three validators run by
// the owning departments.
const MaxValidators = 3

// errValidatorCount is returned for a private genesis outside 1..3 validators.
var errValidatorCount = errors.New("the private chain has one to three validators")

// ChainGenesis builds the private chain's genesis: the same QBFT genesis as
// the consortium, with one to three validators. A zero ChainID means
// DefaultChainID.
func ChainGenesis(spec execution.GenesisSpec) (*core.Genesis, error) {
	if n := len(spec.Validators); n < 1 || n > MaxValidators {
		return nil, fmt.Errorf("%w, got %d", errValidatorCount, n)
	}
	if spec.ChainID == 0 {
		spec.ChainID = DefaultChainID
	}
	return execution.NewGenesis(spec)
}

// StartChainNode assembles and starts one private-chain node. The private
// chain has no public peers: discovery is off (only the static peers given)
// and JSON-RPC must stay on a loopback or private address.
func StartChainNode(cfg service.Config) (*service.Node, error) {
	cfg.Node.BootNodes = nil
	for _, h := range []string{cfg.Node.HTTPHost, cfg.Node.WSHost} {
		if h == "0.0.0.0" || h == "::" {
			return nil, fmt.Errorf("private chain JSON-RPC must not listen on every interface (%s)", h)
		}
	}
	// Any web page a user opens could otherwise read the private chain
	// through that user's browser (CORS, WebSocket origins) or by DNS
	// rebinding (virtual hosts).
	for _, l := range []struct {
		what string
		list []string
	}{{"browser origin (CORS)", cfg.Node.HTTPCors}, {"HTTP virtual host", cfg.Node.HTTPVirtualHosts}, {"WebSocket origin", cfg.Node.WSOrigins}} {
		if slices.Contains(l.list, "*") {
			return nil, fmt.Errorf("private chain JSON-RPC must not accept every %s (\"*\")", l.what)
		}
	}
	n, err := service.New(cfg)
	if err != nil {
		return nil, err
	}
	if err := n.Start(); err != nil {
		n.Close()
		return nil, err
	}
	return n, nil
}
