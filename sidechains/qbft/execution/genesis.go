// Package execution drives an unmodified go-ethereum execution layer for
// QBFT in-process: it builds blocks with geth's payload builder (what
// forkchoiceUpdated/getPayload run), validates proposals with the block
// insertion newPayload runs, and moves head, safe and finalized through
// forkchoiceUpdated only once a verified commit certificate exists. It also stores certificates beside the chain and serves the qbft_
// JSON-RPC namespace.
package execution

import (
	"errors"
	"fmt"
	"maps"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rlp"

	"github.com/sovereign-gov/sovereign/contracts/predeploy"
	"github.com/sovereign-gov/sovereign/sidechains/qbft"
)

// Defaults of a QBFT chain.
const (
	DefaultGasLimit = 60_000_000
)

var (
	// errNoValidators is returned for a genesis without validators.
	errNoValidators = errors.New("genesis has no validators")
	// errNotQBFTGenesis is returned for a genesis that is not a post-merge QBFT genesis.
	errNotQBFTGenesis = errors.New("not a QBFT genesis (post-merge, validators in extra data)")
)

// GenesisSpec describes a new QBFT chain.
type GenesisSpec struct {
	ChainID    uint64
	Validators []common.Address
	GasLimit   uint64
	Alloc      map[common.Address]*big.Int
	// Extra accounts (contracts) to predeploy, e.g. the ValidatorSet contract.
	Predeploys types.GenesisAlloc
	Time       uint64
}

// ChainConfig is a post-merge configuration with every fork up to Prague
// active from genesis.
func ChainConfig(chainID uint64) *params.ChainConfig {
	zero := uint64(0)
	return &params.ChainConfig{
		ChainID:                 new(big.Int).SetUint64(chainID),
		HomesteadBlock:          big.NewInt(0),
		EIP150Block:             big.NewInt(0),
		EIP155Block:             big.NewInt(0),
		EIP158Block:             big.NewInt(0),
		ByzantiumBlock:          big.NewInt(0),
		ConstantinopleBlock:     big.NewInt(0),
		PetersburgBlock:         big.NewInt(0),
		IstanbulBlock:           big.NewInt(0),
		MuirGlacierBlock:        big.NewInt(0),
		BerlinBlock:             big.NewInt(0),
		LondonBlock:             big.NewInt(0),
		ArrowGlacierBlock:       big.NewInt(0),
		GrayGlacierBlock:        big.NewInt(0),
		MergeNetsplitBlock:      big.NewInt(0),
		TerminalTotalDifficulty: big.NewInt(0),
		ShanghaiTime:            &zero,
		CancunTime:              &zero,
		PragueTime:              &zero,
		BlobScheduleConfig: &params.BlobScheduleConfig{
			Cancun: params.DefaultCancunBlobConfig,
			Prague: params.DefaultPragueBlobConfig,
		},
	}
}

// NewGenesis builds the genesis of a QBFT chain: post-merge, with the
// EIP-4788/2935/7002/7251 system contracts, the ValidatorSet contract
// holding the initial validators (read by the QBFT layer at every height),
// and the same validators RLP-encoded in the genesis extra data.
func NewGenesis(spec GenesisSpec) (*core.Genesis, error) {
	if spec.ChainID == 0 {
		return nil, errors.New("chain id must not be 0")
	}
	if _, err := qbft.NewValidatorSet(spec.Validators); err != nil {
		return nil, fmt.Errorf("genesis validators: %w", err)
	}
	extra, err := rlp.EncodeToBytes(spec.Validators)
	if err != nil {
		return nil, fmt.Errorf("encoding validators: %w", err)
	}
	gas := spec.GasLimit
	if gas == 0 {
		gas = DefaultGasLimit
	}
	alloc := types.GenesisAlloc{}
	maps.Copy(alloc, core.SystemContractAllocs())
	vsAccount, err := predeploy.ValidatorSetAccount(spec.Validators)
	if err != nil {
		return nil, err
	}
	alloc[predeploy.ValidatorSetAddress] = vsAccount
	maps.Copy(alloc, spec.Predeploys)
	for a, bal := range spec.Alloc {
		acct := alloc[a]
		acct.Balance = new(big.Int).Set(bal)
		alloc[a] = acct
	}
	return &core.Genesis{
		Config:     ChainConfig(spec.ChainID),
		Timestamp:  spec.Time,
		ExtraData:  extra,
		GasLimit:   gas,
		BaseFee:    big.NewInt(params.InitialBaseFee),
		Difficulty: big.NewInt(0),
		Alloc:      alloc,
	}, nil
}

// GenesisValidators reads the initial validator set from a QBFT genesis.
func GenesisValidators(g *core.Genesis) (qbft.ValidatorSet, error) {
	if g.Config == nil || g.Config.TerminalTotalDifficulty == nil || g.Config.TerminalTotalDifficulty.Sign() != 0 {
		return qbft.ValidatorSet{}, fmt.Errorf("%w: terminal total difficulty must be 0", errNotQBFTGenesis)
	}
	if g.Config.Clique != nil || g.Config.Ethash != nil {
		return qbft.ValidatorSet{}, fmt.Errorf("%w: has a clique or ethash section", errNotQBFTGenesis)
	}
	var addrs []common.Address
	if err := rlp.DecodeBytes(g.ExtraData, &addrs); err != nil {
		return qbft.ValidatorSet{}, fmt.Errorf("%w: extra data: %v", errNotQBFTGenesis, err)
	}
	if len(addrs) == 0 {
		return qbft.ValidatorSet{}, errNoValidators
	}
	return qbft.NewValidatorSet(addrs)
}

// CheckGenesis validates a QBFT genesis at the boundary.
func CheckGenesis(g *core.Genesis) error {
	if _, err := GenesisValidators(g); err != nil {
		return err
	}
	for _, a := range []common.Address{params.BeaconRootsAddress, params.HistoryStorageAddress, params.WithdrawalQueueAddress, params.ConsolidationQueueAddress} {
		if len(g.Alloc[a].Code) == 0 {
			return fmt.Errorf("%w: system contract %s missing from alloc", errNotQBFTGenesis, a)
		}
	}
	return nil
}
