package private

import (
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/eth/filters"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/sovereign-gov/sovereign/sidechains/qbft/service"
)

// serveLogs adds eth_getLogs and the eth_*Filter methods to the node's
// JSON-RPC: geth registers them in its own command, not in eth.New, and the
// security officer's tools list SensitiveStore's records by their events.
// (The shared node assembly in node/ does not register them yet; when it
// does, this goes.)
func serveLogs(n *service.Node) {
	fs := filters.NewFilterSystem(n.Eth.APIBackend, filters.Config{
		LogCacheSize:  ethconfig.Defaults.FilterLogCacheSize,
		LogQueryLimit: ethconfig.Defaults.LogQueryLimit,
		RangeLimit:    ethconfig.Defaults.RangeLimit,
	})
	n.Stack.RegisterAPIs([]rpc.API{{Namespace: "eth", Service: filters.NewFilterAPI(fs)}})
}
