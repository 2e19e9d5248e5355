// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package validatorset

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// ValidatorSetMetaData contains all meta data concerning the ValidatorSet contract.
var ValidatorSetMetaData = bind.MetaData{
	ABI: "[{\"type\":\"constructor\",\"inputs\":[{\"name\":\"initial\",\"type\":\"address[]\",\"internalType\":\"address[]\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"epoch\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"getValidators\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address[]\",\"internalType\":\"address[]\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"isValidator\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"propose\",\"inputs\":[{\"name\":\"candidate\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"add\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"outputs\":[{\"name\":\"executed\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"quorum\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"votes\",\"inputs\":[{\"name\":\"candidate\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"add\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"event\",\"name\":\"ValidatorAdded\",\"inputs\":[{\"name\":\"validator\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"ValidatorRemoved\",\"inputs\":[{\"name\":\"validator\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"ValidatorSetChanged\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint64\",\"indexed\":true,\"internalType\":\"uint64\"},{\"name\":\"validators\",\"type\":\"address[]\",\"indexed\":false,\"internalType\":\"address[]\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"VoteCast\",\"inputs\":[{\"name\":\"voter\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"candidate\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"add\",\"type\":\"bool\",\"indexed\":false,\"internalType\":\"bool\"}],\"anonymous\":false},{\"type\":\"error\",\"name\":\"AlreadyValidator\",\"inputs\":[{\"name\":\"candidate\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"AlreadyVoted\",\"inputs\":[{\"name\":\"voter\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"candidate\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"add\",\"type\":\"bool\",\"internalType\":\"bool\"}]},{\"type\":\"error\",\"name\":\"DuplicateValidator\",\"inputs\":[{\"name\":\"validator\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"EmptySet\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"NotValidator\",\"inputs\":[{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"UnknownValidator\",\"inputs\":[{\"name\":\"candidate\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"ZeroAddress\",\"inputs\":[]}]",
	ID:  "ValidatorSet",
	Bin: "0x608060405234801561001057600080fd5b50604051610f11380380610f1183398101604081905261002f91610338565b80516000036100515760405163e249684160e01b815260040160405180910390fd5b60005b815181101561013d57600082828151811061007157610071610407565b6020026020010151905060006001600160a01b0316816001600160a01b0316036100ae5760405163d92e233d60e01b815260040160405180910390fd5b6001600160a01b03811660009081526001602052604090205460ff16156100f75760405163107f863360e21b81526001600160a01b038216600482015260240160405180910390fd5b6101008161017e565b6040516001600160a01b038216907fe366c1c0452ed8eec96861e9e54141ebff23c9ec89fe27b996b45f5ec388498790600090a250600101610054565b5060007f1944de605280f4449e816ef7638a6c150a3554dfe0952b0641fb308880b4413b6000604051610170919061041d565b60405180910390a2506104b2565b6001600160a01b03811660008181526001602081905260408220805460ff191682179055815480820183558280527f290decd9548b62a8d60345a988386fc84ba6bc95484008f6362f93160ef3e5630180546001600160a01b031916909317909255805490916101ed91610482565b90505b60008111801561023957506001600160a01b0382166000610212600184610482565b8154811061022257610222610407565b6000918252602090912001546001600160a01b0316115b156102c057600061024b600183610482565b8154811061025b5761025b610407565b600091825260208220015481546001600160a01b0390911691908390811061028557610285610407565b600091825260209091200180546001600160a01b0319166001600160a01b0392909216919091179055806102b88161049b565b9150506101f0565b81600082815481106102d4576102d4610407565b9060005260206000200160006101000a8154816001600160a01b0302191690836001600160a01b031602179055505050565b634e487b7160e01b600052604160045260246000fd5b80516001600160a01b038116811461033357600080fd5b919050565b60006020828403121561034a57600080fd5b81516001600160401b0381111561036057600080fd5b8201601f8101841361037157600080fd5b80516001600160401b0381111561038a5761038a610306565b604051600582901b90603f8201601f191681016001600160401b03811182821017156103b8576103b8610306565b6040529182526020818401810192908101878411156103d657600080fd5b6020850194505b838510156103fc576103ee8561031c565b8152602094850194016103dd565b509695505050505050565b634e487b7160e01b600052603260045260246000fd5b602080825282548282018190526000848152918220906040840190835b818110156104615783546001600160a01b031683526001938401936020909301920161043a565b509095945050505050565b634e487b7160e01b600052601160045260246000fd5b818103818111156104955761049561046c565b92915050565b6000816104aa576104aa61046c565b506000190190565b610a50806104c16000396000f3fe608060405234801561001057600080fd5b50600436106100625760003560e01c80631703a0181461006757806328fb79111461008257806389b3bc8414610095578063900cf0cf146100b8578063b7ab4db5146100e5578063facd743b146100fa575b600080fd5b61006f610126565b6040519081526020015b60405180910390f35b61006f610090366004610871565b610152565b6100a86100a3366004610871565b610190565b6040519015158152602001610079565b6002546100cc9067ffffffffffffffff1681565b60405167ffffffffffffffff9091168152602001610079565b6100ed6104fa565b60405161007991906108ad565b6100a86101083660046108f9565b6001600160a01b031660009081526001602052604090205460ff1690565b60008054600390610138906002610931565b610143906002610948565b61014d919061095b565b905090565b60025467ffffffffffffffff16600090815260046020526040812081610178858561055c565b81526020019081526020016000205490505b92915050565b3360009081526001602052604081205460ff166101c757604051633b4f6e2b60e21b81523360048201526024015b60405180910390fd5b6001600160a01b0383166101ee5760405163d92e233d60e01b815260040160405180910390fd5b81801561021357506001600160a01b03831660009081526001602052604090205460ff165b1561023c576040516359615ad360e01b81526001600160a01b03841660048201526024016101be565b8115801561026357506001600160a01b03831660009081526001602052604090205460ff16155b1561028c576040516374f66b9760e01b81526001600160a01b03841660048201526024016101be565b8115801561029c57506000546001145b156102ba5760405163e249684160e01b815260040160405180910390fd5b60006102c6848461055c565b60025467ffffffffffffffff16600081815260036020908152604080832085845282528083203384529091529020549192509060ff1615610333576040516375f4f46f60e11b81523360048201526001600160a01b038616602482015284151560448201526064016101be565b67ffffffffffffffff8116600081815260036020908152604080832086845282528083203384528252808320805460ff19166001179055928252600481528282208583529052908120805482906103899061097d565b918290555060405186151581529091506001600160a01b0387169033907fcc194f214df029fe546c9959ee15d79d8633742aab6c02a862e337f8ace3d5509060200160405180910390a36103db610126565b8110156103ee576000935050505061018a565b6103f9826001610996565b6002805467ffffffffffffffff191667ffffffffffffffff9290921691909117905584156104635761042a86610594565b6040516001600160a01b038716907fe366c1c0452ed8eec96861e9e54141ebff23c9ec89fe27b996b45f5ec388498790600090a26104a1565b61046c8661071c565b6040516001600160a01b038716907fe1434e25d6611e0db941968fdc97811c982ac1602e951637d206f5fdda9dd8f190600090a25b6104ac826001610996565b67ffffffffffffffff167f1944de605280f4449e816ef7638a6c150a3554dfe0952b0641fb308880b4413b60006040516104e691906109b6565b60405180910390a250600195945050505050565b6060600080548060200260200160405190810160405280929190818152602001828054801561055257602002820191906000526020600020905b81546001600160a01b03168152600190910190602001808311610534575b5050505050905090565b604080516001600160a01b03939093166020808501919091529115158382015280518084038201815260609093019052815191012090565b6001600160a01b03811660008181526001602081905260408220805460ff191682179055815480820183558280527f290decd9548b62a8d60345a988386fc84ba6bc95484008f6362f93160ef3e5630180546001600160a01b03191690931790925580549091610603916109fa565b90505b60008111801561064f57506001600160a01b03821660006106286001846109fa565b8154811061063857610638610a0d565b6000918252602090912001546001600160a01b0316115b156106d65760006106616001836109fa565b8154811061067157610671610a0d565b600091825260208220015481546001600160a01b0390911691908390811061069b5761069b610a0d565b600091825260209091200180546001600160a01b0319166001600160a01b0392909216919091179055806106ce81610a23565b915050610606565b81600082815481106106ea576106ea610a0d565b9060005260206000200160006101000a8154816001600160a01b0302191690836001600160a01b031602179055505050565b6001600160a01b0381166000908152600160205260408120805460ff191690558054905b826001600160a01b03166000828154811061075d5761075d610a0d565b6000918252602090912001546001600160a01b03161461078957806107818161097d565b915050610740565b81610795826001610948565b101561081d5760006107a8826001610948565b815481106107b8576107b8610a0d565b600091825260208220015481546001600160a01b039091169190839081106107e2576107e2610a0d565b600091825260209091200180546001600160a01b0319166001600160a01b0392909216919091179055806108158161097d565b915050610789565b600080548061082e5761082e610a3a565b600082815260209020810160001990810180546001600160a01b0319169055019055505050565b80356001600160a01b038116811461086c57600080fd5b919050565b6000806040838503121561088457600080fd5b61088d83610855565b9150602083013580151581146108a257600080fd5b809150509250929050565b602080825282518282018190526000918401906040840190835b818110156108ee5783516001600160a01b03168352602093840193909201916001016108c7565b509095945050505050565b60006020828403121561090b57600080fd5b61091482610855565b9392505050565b634e487b7160e01b600052601160045260246000fd5b808202811582820484141761018a5761018a61091b565b8082018082111561018a5761018a61091b565b60008261097857634e487b7160e01b600052601260045260246000fd5b500490565b60006001820161098f5761098f61091b565b5060010190565b67ffffffffffffffff818116838216019081111561018a5761018a61091b565b602080825282548282018190526000848152918220906040840190835b818110156108ee5783546001600160a01b03168352600193840193602090930192016109d3565b8181038181111561018a5761018a61091b565b634e487b7160e01b600052603260045260246000fd5b600081610a3257610a3261091b565b506000190190565b634e487b7160e01b600052603160045260246000fd",
}

// ValidatorSet is an auto generated Go binding around an Ethereum contract.
type ValidatorSet struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *ValidatorSet) GetABI() abi.ABI {
	return c.abi
}

// NewValidatorSet creates a new instance of ValidatorSet.
func NewValidatorSet() *ValidatorSet {
	parsed, err := ValidatorSetMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &ValidatorSet{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *ValidatorSet) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address[] initial) returns()
func (validatorSet *ValidatorSet) PackConstructor(initial []common.Address) []byte {
	enc, err := validatorSet.abi.Pack("", initial)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackEpoch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x900cf0cf.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function epoch() view returns(uint64)
func (validatorSet *ValidatorSet) PackEpoch() []byte {
	enc, err := validatorSet.abi.Pack("epoch")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEpoch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x900cf0cf.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function epoch() view returns(uint64)
func (validatorSet *ValidatorSet) TryPackEpoch() ([]byte, error) {
	return validatorSet.abi.Pack("epoch")
}

// UnpackEpoch is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x900cf0cf.
//
// Solidity: function epoch() view returns(uint64)
func (validatorSet *ValidatorSet) UnpackEpoch(data []byte) (uint64, error) {
	out, err := validatorSet.abi.Unpack("epoch", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackGetValidators is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb7ab4db5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getValidators() view returns(address[])
func (validatorSet *ValidatorSet) PackGetValidators() []byte {
	enc, err := validatorSet.abi.Pack("getValidators")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetValidators is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb7ab4db5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getValidators() view returns(address[])
func (validatorSet *ValidatorSet) TryPackGetValidators() ([]byte, error) {
	return validatorSet.abi.Pack("getValidators")
}

// UnpackGetValidators is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb7ab4db5.
//
// Solidity: function getValidators() view returns(address[])
func (validatorSet *ValidatorSet) UnpackGetValidators(data []byte) ([]common.Address, error) {
	out, err := validatorSet.abi.Unpack("getValidators", data)
	if err != nil {
		return *new([]common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new([]common.Address)).(*[]common.Address)
	return out0, nil
}

// PackIsValidator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfacd743b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isValidator(address account) view returns(bool)
func (validatorSet *ValidatorSet) PackIsValidator(account common.Address) []byte {
	enc, err := validatorSet.abi.Pack("isValidator", account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsValidator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfacd743b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isValidator(address account) view returns(bool)
func (validatorSet *ValidatorSet) TryPackIsValidator(account common.Address) ([]byte, error) {
	return validatorSet.abi.Pack("isValidator", account)
}

// UnpackIsValidator is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfacd743b.
//
// Solidity: function isValidator(address account) view returns(bool)
func (validatorSet *ValidatorSet) UnpackIsValidator(data []byte) (bool, error) {
	out, err := validatorSet.abi.Unpack("isValidator", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackPropose is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x89b3bc84.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function propose(address candidate, bool add) returns(bool executed)
func (validatorSet *ValidatorSet) PackPropose(candidate common.Address, add bool) []byte {
	enc, err := validatorSet.abi.Pack("propose", candidate, add)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPropose is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x89b3bc84.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function propose(address candidate, bool add) returns(bool executed)
func (validatorSet *ValidatorSet) TryPackPropose(candidate common.Address, add bool) ([]byte, error) {
	return validatorSet.abi.Pack("propose", candidate, add)
}

// UnpackPropose is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x89b3bc84.
//
// Solidity: function propose(address candidate, bool add) returns(bool executed)
func (validatorSet *ValidatorSet) UnpackPropose(data []byte) (bool, error) {
	out, err := validatorSet.abi.Unpack("propose", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackQuorum is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1703a018.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function quorum() view returns(uint256)
func (validatorSet *ValidatorSet) PackQuorum() []byte {
	enc, err := validatorSet.abi.Pack("quorum")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackQuorum is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1703a018.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function quorum() view returns(uint256)
func (validatorSet *ValidatorSet) TryPackQuorum() ([]byte, error) {
	return validatorSet.abi.Pack("quorum")
}

// UnpackQuorum is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1703a018.
//
// Solidity: function quorum() view returns(uint256)
func (validatorSet *ValidatorSet) UnpackQuorum(data []byte) (*big.Int, error) {
	out, err := validatorSet.abi.Unpack("quorum", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackVotes is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x28fb7911.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function votes(address candidate, bool add) view returns(uint256)
func (validatorSet *ValidatorSet) PackVotes(candidate common.Address, add bool) []byte {
	enc, err := validatorSet.abi.Pack("votes", candidate, add)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVotes is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x28fb7911.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function votes(address candidate, bool add) view returns(uint256)
func (validatorSet *ValidatorSet) TryPackVotes(candidate common.Address, add bool) ([]byte, error) {
	return validatorSet.abi.Pack("votes", candidate, add)
}

// UnpackVotes is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x28fb7911.
//
// Solidity: function votes(address candidate, bool add) view returns(uint256)
func (validatorSet *ValidatorSet) UnpackVotes(data []byte) (*big.Int, error) {
	out, err := validatorSet.abi.Unpack("votes", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// ValidatorSetValidatorAdded represents a ValidatorAdded event raised by the ValidatorSet contract.
type ValidatorSetValidatorAdded struct {
	Validator common.Address
	Raw       *types.Log // Blockchain specific contextual infos
}

const ValidatorSetValidatorAddedEventName = "ValidatorAdded"

// ContractEventName returns the user-defined event name.
func (ValidatorSetValidatorAdded) ContractEventName() string {
	return ValidatorSetValidatorAddedEventName
}

// UnpackValidatorAddedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ValidatorAdded(address indexed validator)
func (validatorSet *ValidatorSet) UnpackValidatorAddedEvent(log *types.Log) (*ValidatorSetValidatorAdded, error) {
	event := "ValidatorAdded"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != validatorSet.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ValidatorSetValidatorAdded)
	if len(log.Data) > 0 {
		if err := validatorSet.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range validatorSet.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ValidatorSetValidatorRemoved represents a ValidatorRemoved event raised by the ValidatorSet contract.
type ValidatorSetValidatorRemoved struct {
	Validator common.Address
	Raw       *types.Log // Blockchain specific contextual infos
}

const ValidatorSetValidatorRemovedEventName = "ValidatorRemoved"

// ContractEventName returns the user-defined event name.
func (ValidatorSetValidatorRemoved) ContractEventName() string {
	return ValidatorSetValidatorRemovedEventName
}

// UnpackValidatorRemovedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ValidatorRemoved(address indexed validator)
func (validatorSet *ValidatorSet) UnpackValidatorRemovedEvent(log *types.Log) (*ValidatorSetValidatorRemoved, error) {
	event := "ValidatorRemoved"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != validatorSet.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ValidatorSetValidatorRemoved)
	if len(log.Data) > 0 {
		if err := validatorSet.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range validatorSet.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ValidatorSetValidatorSetChanged represents a ValidatorSetChanged event raised by the ValidatorSet contract.
type ValidatorSetValidatorSetChanged struct {
	Epoch      uint64
	Validators []common.Address
	Raw        *types.Log // Blockchain specific contextual infos
}

const ValidatorSetValidatorSetChangedEventName = "ValidatorSetChanged"

// ContractEventName returns the user-defined event name.
func (ValidatorSetValidatorSetChanged) ContractEventName() string {
	return ValidatorSetValidatorSetChangedEventName
}

// UnpackValidatorSetChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ValidatorSetChanged(uint64 indexed epoch, address[] validators)
func (validatorSet *ValidatorSet) UnpackValidatorSetChangedEvent(log *types.Log) (*ValidatorSetValidatorSetChanged, error) {
	event := "ValidatorSetChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != validatorSet.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ValidatorSetValidatorSetChanged)
	if len(log.Data) > 0 {
		if err := validatorSet.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range validatorSet.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ValidatorSetVoteCast represents a VoteCast event raised by the ValidatorSet contract.
type ValidatorSetVoteCast struct {
	Voter     common.Address
	Candidate common.Address
	Add       bool
	Raw       *types.Log // Blockchain specific contextual infos
}

const ValidatorSetVoteCastEventName = "VoteCast"

// ContractEventName returns the user-defined event name.
func (ValidatorSetVoteCast) ContractEventName() string {
	return ValidatorSetVoteCastEventName
}

// UnpackVoteCastEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event VoteCast(address indexed voter, address indexed candidate, bool add)
func (validatorSet *ValidatorSet) UnpackVoteCastEvent(log *types.Log) (*ValidatorSetVoteCast, error) {
	event := "VoteCast"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != validatorSet.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ValidatorSetVoteCast)
	if len(log.Data) > 0 {
		if err := validatorSet.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range validatorSet.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (validatorSet *ValidatorSet) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], validatorSet.abi.Errors["AlreadyValidator"].ID.Bytes()[:4]) {
		return validatorSet.UnpackAlreadyValidatorError(raw[4:])
	}
	if bytes.Equal(raw[:4], validatorSet.abi.Errors["AlreadyVoted"].ID.Bytes()[:4]) {
		return validatorSet.UnpackAlreadyVotedError(raw[4:])
	}
	if bytes.Equal(raw[:4], validatorSet.abi.Errors["DuplicateValidator"].ID.Bytes()[:4]) {
		return validatorSet.UnpackDuplicateValidatorError(raw[4:])
	}
	if bytes.Equal(raw[:4], validatorSet.abi.Errors["EmptySet"].ID.Bytes()[:4]) {
		return validatorSet.UnpackEmptySetError(raw[4:])
	}
	if bytes.Equal(raw[:4], validatorSet.abi.Errors["NotValidator"].ID.Bytes()[:4]) {
		return validatorSet.UnpackNotValidatorError(raw[4:])
	}
	if bytes.Equal(raw[:4], validatorSet.abi.Errors["UnknownValidator"].ID.Bytes()[:4]) {
		return validatorSet.UnpackUnknownValidatorError(raw[4:])
	}
	if bytes.Equal(raw[:4], validatorSet.abi.Errors["ZeroAddress"].ID.Bytes()[:4]) {
		return validatorSet.UnpackZeroAddressError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// ValidatorSetAlreadyValidator represents a AlreadyValidator error raised by the ValidatorSet contract.
type ValidatorSetAlreadyValidator struct {
	Candidate common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyValidator(address candidate)
func ValidatorSetAlreadyValidatorErrorID() common.Hash {
	return common.HexToHash("0x59615ad3a367eab8dcd25f6daa9f268c32bc6203d8155d625b9eb74607972291")
}

// UnpackAlreadyValidatorError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyValidator(address candidate)
func (validatorSet *ValidatorSet) UnpackAlreadyValidatorError(raw []byte) (*ValidatorSetAlreadyValidator, error) {
	out := new(ValidatorSetAlreadyValidator)
	if err := validatorSet.abi.UnpackIntoInterface(out, "AlreadyValidator", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ValidatorSetAlreadyVoted represents a AlreadyVoted error raised by the ValidatorSet contract.
type ValidatorSetAlreadyVoted struct {
	Voter     common.Address
	Candidate common.Address
	Add       bool
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyVoted(address voter, address candidate, bool add)
func ValidatorSetAlreadyVotedErrorID() common.Hash {
	return common.HexToHash("0xebe9e8defe72727a921d49318a758592c7174689c90b87b411c0600f1620a277")
}

// UnpackAlreadyVotedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyVoted(address voter, address candidate, bool add)
func (validatorSet *ValidatorSet) UnpackAlreadyVotedError(raw []byte) (*ValidatorSetAlreadyVoted, error) {
	out := new(ValidatorSetAlreadyVoted)
	if err := validatorSet.abi.UnpackIntoInterface(out, "AlreadyVoted", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ValidatorSetDuplicateValidator represents a DuplicateValidator error raised by the ValidatorSet contract.
type ValidatorSetDuplicateValidator struct {
	Validator common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DuplicateValidator(address validator)
func ValidatorSetDuplicateValidatorErrorID() common.Hash {
	return common.HexToHash("0x41fe18cc9499f0f7be34d80dc912f4351e87d50e0e97c05ffbc8d99fe05171a3")
}

// UnpackDuplicateValidatorError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DuplicateValidator(address validator)
func (validatorSet *ValidatorSet) UnpackDuplicateValidatorError(raw []byte) (*ValidatorSetDuplicateValidator, error) {
	out := new(ValidatorSetDuplicateValidator)
	if err := validatorSet.abi.UnpackIntoInterface(out, "DuplicateValidator", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ValidatorSetEmptySet represents a EmptySet error raised by the ValidatorSet contract.
type ValidatorSetEmptySet struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EmptySet()
func ValidatorSetEmptySetErrorID() common.Hash {
	return common.HexToHash("0xe2496841796b61e0f63f56f6b99a2e55215a756aeb6eab45588e67581be6a861")
}

// UnpackEmptySetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EmptySet()
func (validatorSet *ValidatorSet) UnpackEmptySetError(raw []byte) (*ValidatorSetEmptySet, error) {
	out := new(ValidatorSetEmptySet)
	if err := validatorSet.abi.UnpackIntoInterface(out, "EmptySet", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ValidatorSetNotValidator represents a NotValidator error raised by the ValidatorSet contract.
type ValidatorSetNotValidator struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotValidator(address caller)
func ValidatorSetNotValidatorErrorID() common.Hash {
	return common.HexToHash("0xed3db8ac0aff2f11d9c21259b57051cec9967e78c0d61c8321b092e63647d624")
}

// UnpackNotValidatorError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotValidator(address caller)
func (validatorSet *ValidatorSet) UnpackNotValidatorError(raw []byte) (*ValidatorSetNotValidator, error) {
	out := new(ValidatorSetNotValidator)
	if err := validatorSet.abi.UnpackIntoInterface(out, "NotValidator", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ValidatorSetUnknownValidator represents a UnknownValidator error raised by the ValidatorSet contract.
type ValidatorSetUnknownValidator struct {
	Candidate common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownValidator(address candidate)
func ValidatorSetUnknownValidatorErrorID() common.Hash {
	return common.HexToHash("0x74f66b97e8684fcdf4d302c9204c14fec13ef6452d233ac878acefb1ee101ad2")
}

// UnpackUnknownValidatorError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownValidator(address candidate)
func (validatorSet *ValidatorSet) UnpackUnknownValidatorError(raw []byte) (*ValidatorSetUnknownValidator, error) {
	out := new(ValidatorSetUnknownValidator)
	if err := validatorSet.abi.UnpackIntoInterface(out, "UnknownValidator", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ValidatorSetZeroAddress represents a ZeroAddress error raised by the ValidatorSet contract.
type ValidatorSetZeroAddress struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAddress()
func ValidatorSetZeroAddressErrorID() common.Hash {
	return common.HexToHash("0xd92e233df2717d4a40030e20904abd27b68fcbeede117eaaccbbdac9618c8c73")
}

// UnpackZeroAddressError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAddress()
func (validatorSet *ValidatorSet) UnpackZeroAddressError(raw []byte) (*ValidatorSetZeroAddress, error) {
	out := new(ValidatorSetZeroAddress)
	if err := validatorSet.abi.UnpackIntoInterface(out, "ZeroAddress", raw); err != nil {
		return nil, err
	}
	return out, nil
}
