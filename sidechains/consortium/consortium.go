// Package consortium wires the consortium chain: a QBFT chain
// (sidechains/qbft) of department validators with the ValidatorSet contract
// in its genesis. cmd/sovereign and the devnet start consortium nodes
// through here.
package consortium

import (
	"fmt"

	"github.com/ethereum/go-ethereum/core"

	"github.com/sovereign-gov/sovereign/sidechains/qbft/execution"
	"github.com/sovereign-gov/sovereign/sidechains/qbft/service"
)

// DefaultChainID is the consortium chain's EIP-155 chain id.
const DefaultChainID = 7100

// Genesis builds the consortium genesis: post-merge, system contracts, and
// the ValidatorSet contract holding the initial validators. At least four
// validators are needed to tolerate one fault. A zero ChainID means
// DefaultChainID.
func Genesis(spec execution.GenesisSpec) (*core.Genesis, error) {
	if len(spec.Validators) == 0 {
		return nil, fmt.Errorf("consortium genesis: at least one validator is needed (four to tolerate a fault)")
	}
	if spec.ChainID == 0 {
		spec.ChainID = DefaultChainID
	}
	return execution.NewGenesis(spec)
}

// StartNode assembles and starts one consortium validator (cfg.Signer set)
// or follower. The caller closes the returned node.
func StartNode(cfg service.Config) (*service.Node, error) {
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
