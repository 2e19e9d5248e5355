package execution

import (
	"fmt"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	lru "github.com/ethereum/go-ethereum/common/lru"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/core/vm"

	"github.com/sovereign-gov/sovereign/bindings/validatorset"
	"github.com/sovereign-gov/sovereign/contracts/predeploy"
	"github.com/sovereign-gov/sovereign/sidechains/qbft"
)

// ContractValidators reads the validator set from the ValidatorSet contract
// (contracts/src/ValidatorSet.sol) in the parent block's state, so a change
// voted in block N applies from block N+1. Chains whose genesis has no
// contract at the address fall back to the genesis set.
type ContractValidators struct {
	chain    *core.BlockChain
	address  common.Address
	fallback qbft.ValidatorSet
	abi      *validatorset.ValidatorSet

	mu    sync.Mutex
	cache *lru.Cache[common.Hash, qbft.ValidatorSet]
}

// NewContractValidators reads from the contract at predeploy.ValidatorSetAddress.
func NewContractValidators(chain *core.BlockChain, fallback qbft.ValidatorSet) *ContractValidators {
	return &ContractValidators{
		chain: chain, address: predeploy.ValidatorSetAddress, fallback: fallback,
		abi: validatorset.NewValidatorSet(), cache: lru.NewCache[common.Hash, qbft.ValidatorSet](256),
	}
}

// ValidatorsAfter implements ValidatorSource.
func (c *ContractValidators) ValidatorsAfter(parent *types.Header) (qbft.ValidatorSet, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if vs, ok := c.cache.Get(parent.Hash()); ok {
		return vs, nil
	}
	st, err := c.chain.StateAt(parent.Root, parent.Number, parent.Time)
	if err != nil {
		return qbft.ValidatorSet{}, fmt.Errorf("state of block %d: %w", parent.Number, err)
	}
	if len(st.GetCode(c.address)) == 0 {
		c.cache.Add(parent.Hash(), c.fallback)
		return c.fallback, nil
	}
	evm := vm.NewEVM(core.NewEVMBlockContext(parent, c.chain, nil), st, c.chain.Config(), vm.Config{})
	ret, _, err := evm.StaticCall(common.Address{}, c.address, c.abi.PackGetValidators(), vm.NewGasBudget(50_000_000, 0))
	if err != nil {
		return qbft.ValidatorSet{}, fmt.Errorf("ValidatorSet.getValidators at block %d: %w", parent.Number, err)
	}
	addrs, err := c.abi.UnpackGetValidators(ret)
	if err != nil {
		return qbft.ValidatorSet{}, fmt.Errorf("decoding getValidators at block %d: %w", parent.Number, err)
	}
	vs, err := qbft.NewValidatorSet(addrs)
	if err != nil {
		return qbft.ValidatorSet{}, fmt.Errorf("validator set at block %d: %w", parent.Number, err)
	}
	c.cache.Add(parent.Hash(), vs)
	return vs, nil
}
