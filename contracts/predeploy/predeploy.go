// Package predeploy turns a contract's creation code into a genesis account:
// it runs the constructor in an in-memory EVM and returns the runtime code and
// the storage it wrote, so a chain can start with the contract in place (the
// consortium's ValidatorSet must exist at block 0 for the QBFT layer to read).
package predeploy

import (
	"errors"
	"fmt"
	"math"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/tracing"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/core/vm/runtime"
	"github.com/ethereum/go-ethereum/params"
)

// deployer is the sender of the simulated creation transaction; only its
// nonce-0 contract address matters, and it is thrown away.
var deployer = common.HexToAddress("0x50564552454947e0000000000000000000000000")

var (
	// errNoCode is returned if the creation code is empty.
	errNoCode = errors.New("predeploy: empty creation code")
	// errNoRuntime is returned if the constructor returned no runtime code.
	errNoRuntime = errors.New("predeploy: constructor returned no runtime code")
	// errForeignWrite is returned if the constructor wrote another account's
	// storage: such a contract cannot be moved into genesis on its own.
	errForeignWrite = errors.New("predeploy: constructor wrote storage of another account")
	// errNoConfig is returned if no chain config is given.
	errNoConfig = errors.New("predeploy: nil chain config")
	// errBadAddress is returned for a target address that is zero or a precompile.
	errBadAddress = errors.New("predeploy: target address is zero or a precompile")
)

// Account runs creationCode ++ ctorArgs as a contract creation in an empty
// in-memory state under cfg's rules and returns the resulting account for a
// genesis alloc at address at. The constructor runs at a throwaway address and
// its code and storage are moved to at, so constructors that store
// address(this) are not supported (none of Sovereign's do).
func Account(creationCode, ctorArgs []byte, at common.Address, cfg *params.ChainConfig) (types.Account, error) {
	if len(creationCode) == 0 {
		return types.Account{}, errNoCode
	}
	if cfg == nil {
		return types.Account{}, errNoConfig
	}
	if isReserved(at, cfg) {
		return types.Account{}, fmt.Errorf("%w: %s", errBadAddress, at)
	}
	written := make(map[common.Address]map[common.Hash]struct{})
	// runtime.Create does not wrap the state in a hooked StateDB, so storage
	// writes are caught at the SSTORE opcode: slot = top of the stack.
	hooks := &tracing.Hooks{
		OnOpcode: func(_ uint64, op byte, _, _ uint64, scope tracing.OpContext, _ []byte, _ int, _ error) {
			if vm.OpCode(op) != vm.SSTORE {
				return
			}
			stack := scope.StackData()
			if len(stack) == 0 {
				return
			}
			addr := scope.Address()
			if written[addr] == nil {
				written[addr] = make(map[common.Hash]struct{})
			}
			written[addr][common.Hash(stack[len(stack)-1].Bytes32())] = struct{}{}
		},
	}
	rc := &runtime.Config{
		ChainConfig: cfg,
		Origin:      deployer,
		BlockNumber: new(big.Int),
		GasLimit:    math.MaxInt64,
		GasPrice:    new(big.Int),
		Value:       new(big.Int),
		BaseFee:     new(big.Int),
		Difficulty:  new(big.Int),
		EVMConfig:   vm.Config{Tracer: hooks},
	}
	if cfg.TerminalTotalDifficulty != nil && cfg.TerminalTotalDifficulty.Sign() == 0 {
		rc.Random = new(common.Hash) // post-merge genesis: PREVRANDAO instead of DIFFICULTY
	}
	input := append(append([]byte{}, creationCode...), ctorArgs...)
	code, created, _, err := runtime.Create(input, rc)
	if err != nil {
		return types.Account{}, fmt.Errorf("predeploy: constructor failed: %w", err)
	}
	if len(code) == 0 {
		return types.Account{}, errNoRuntime
	}
	storage := make(map[common.Hash]common.Hash)
	for addr, slots := range written {
		if addr != created {
			return types.Account{}, fmt.Errorf("%w: %s", errForeignWrite, addr)
		}
		for slot := range slots {
			if v := rc.State.GetState(created, slot); v != (common.Hash{}) {
				storage[slot] = v
			}
		}
	}
	return types.Account{
		Code:    code,
		Storage: storage,
		Balance: new(big.Int),
		Nonce:   1, // EIP-161: a created contract starts at nonce 1
	}, nil
}

// isReserved reports the zero address and the precompiles active under cfg's
// latest rules: code placed there would never run.
func isReserved(at common.Address, cfg *params.ChainConfig) bool {
	if at == (common.Address{}) {
		return true
	}
	rules := cfg.Rules(new(big.Int).SetUint64(math.MaxInt64), true, math.MaxInt64)
	for _, p := range vm.ActivePrecompiles(rules) {
		if p == at {
			return true
		}
	}
	return false
}
