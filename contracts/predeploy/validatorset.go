package predeploy

import (
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/params"

	"github.com/sovereign-gov/sovereign/bindings/validatorset"
)

// errNoValidators is returned if ValidatorSetAccount gets an empty set.
var errNoValidators = errors.New("predeploy: ValidatorSet needs at least one validator")

// ValidatorSetAddress is where the consortium genesis places ValidatorSet.
var ValidatorSetAddress = common.HexToAddress("0x0000000000000000000000000000000000005e75")

// ValidatorSetAccount returns the genesis account (for ValidatorSetAddress) of
// a ValidatorSet whose constructor was given validators, in any order: the
// contract sorts them. The contracts target London, so the constructor runs
// under the merged dev-chain rules whatever the consortium's fork schedule.
func ValidatorSetAccount(validators []common.Address) (types.Account, error) {
	if len(validators) == 0 {
		return types.Account{}, errNoValidators
	}
	args := validatorset.NewValidatorSet().PackConstructor(validators)
	cfg := params.MergedTestChainConfig
	code := common.FromHex(validatorset.ValidatorSetMetaData.Bin)
	acc, err := Account(code, args, ValidatorSetAddress, cfg)
	if err != nil {
		return types.Account{}, fmt.Errorf("predeploy: ValidatorSet with %d validators: %w", len(validators), err)
	}
	return acc, nil
}
