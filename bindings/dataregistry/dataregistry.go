// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package dataregistry

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

// IDataRegistryRecord is an auto generated low-level Go binding around an user-defined struct.
type IDataRegistryRecord struct {
	RecordId     [32]byte
	DatasetId    [32]byte
	Seq          uint64
	Version      uint64
	Level        uint8
	Threshold    uint8
	Supersedes   uint64
	SupersededBy uint64
	PublishedAt  uint64
	Frozen       bool
	Shredded     bool
	ValuesHash   [32]byte
}

// IDataRegistryRelease is an auto generated low-level Go binding around an user-defined struct.
type IDataRegistryRelease struct {
	DatasetId       [32]byte
	Department      [32]byte
	Version         uint64
	Level           uint8
	Threshold       uint8
	Commitment      *big.Int
	ReleasedRoot    *big.Int
	ContentHash     [32]byte
	Supersedes      uint64
	VerifierVersion uint32
}

// DataRegistryMetaData contains all meta data concerning the DataRegistry contract.
var DataRegistryMetaData = bind.MetaData{
	ABI: "[{\"type\":\"constructor\",\"inputs\":[{\"name\":\"supervisor_\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"securityOfficer_\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"policy_\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"firstVerifierCodeHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"MAX_SEALED_GRANT\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"accessRequest\",\"inputs\":[{\"name\":\"requestId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"requester\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"status\",\"type\":\"uint8\",\"internalType\":\"enumIDataRegistry.AccessStatus\"},{\"name\":\"expiresAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"announceVerifier\",\"inputs\":[{\"name\":\"version\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"codeHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"bridge\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"dataset\",\"inputs\":[{\"name\":\"datasetId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"count\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"latestVersion\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"deliverGrant\",\"inputs\":[{\"name\":\"requestId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"sealedGrant\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"freeze\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"reason\",\"type\":\"string\",\"internalType\":\"string\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"getRecord\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"tuple\",\"internalType\":\"structIDataRegistry.Record\",\"components\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"datasetId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"seq\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"version\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"level\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"supersedes\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"supersededBy\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"publishedAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"frozen\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"shredded\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"valuesHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"grantDeliveredIn\",\"inputs\":[{\"name\":\"requestId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"hasAccess\",\"inputs\":[{\"name\":\"requestId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"hashValues\",\"inputs\":[{\"name\":\"commitment\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"releasedRoot\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"contentHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"verifierVersion\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"pure\"},{\"type\":\"function\",\"name\":\"isShredded\",\"inputs\":[{\"name\":\"datasetId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"policy\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"publish\",\"inputs\":[{\"name\":\"r\",\"type\":\"tuple\",\"internalType\":\"structIDataRegistry.Release\",\"components\":[{\"name\":\"datasetId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"department\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"version\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"level\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"commitment\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"releasedRoot\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"contentHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"supersedes\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"verifierVersion\",\"type\":\"uint32\",\"internalType\":\"uint32\"}]}],\"outputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"outcome\",\"type\":\"uint8\",\"internalType\":\"enumIDataRegistry.PublishOutcome\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"recordAt\",\"inputs\":[{\"name\":\"seq\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"tuple\",\"internalType\":\"structIDataRegistry.Record\",\"components\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"datasetId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"seq\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"version\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"level\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"supersedes\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"supersededBy\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"publishedAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"frozen\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"shredded\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"valuesHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"recordCount\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"recordShred\",\"inputs\":[{\"name\":\"datasetId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"receipt\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"recordsByDataset\",\"inputs\":[{\"name\":\"datasetId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"cursor\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"limit\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"page\",\"type\":\"tuple[]\",\"internalType\":\"structIDataRegistry.Record[]\",\"components\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"datasetId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"seq\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"version\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"level\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"supersedes\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"supersededBy\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"publishedAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"frozen\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"shredded\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"valuesHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"name\":\"next\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"recordsInRange\",\"inputs\":[{\"name\":\"from\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"limit\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"page\",\"type\":\"tuple[]\",\"internalType\":\"structIDataRegistry.Record[]\",\"components\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"datasetId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"seq\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"version\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"level\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"supersedes\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"supersededBy\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"publishedAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"frozen\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"shredded\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"valuesHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"registerVerifier\",\"inputs\":[{\"name\":\"version\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"verifier\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"requestAccess\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"purpose\",\"type\":\"string\",\"internalType\":\"string\"}],\"outputs\":[{\"name\":\"requestId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"resolveAccess\",\"inputs\":[{\"name\":\"requestId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"requester\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"granted\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"expiresAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"securityOfficer\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"setBridge\",\"inputs\":[{\"name\":\"bridge_\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"supervisor\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"unfreeze\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"reason\",\"type\":\"string\",\"internalType\":\"string\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"verifierOf\",\"inputs\":[{\"name\":\"version\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"outputs\":[{\"name\":\"codeHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"verifier\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"event\",\"name\":\"AccessGrantRefused\",\"inputs\":[{\"name\":\"requestId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"reason\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"AccessRequested\",\"inputs\":[{\"name\":\"requestId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"recordId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"requester\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"purpose\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"AccessResolved\",\"inputs\":[{\"name\":\"requestId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"recordId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"granted\",\"type\":\"bool\",\"indexed\":false,\"internalType\":\"bool\"},{\"name\":\"expiresAt\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"BridgeSet\",\"inputs\":[{\"name\":\"bridge\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Frozen\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"reason\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"GrantDelivered\",\"inputs\":[{\"name\":\"requestId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"requester\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"sealedGrant\",\"type\":\"bytes\",\"indexed\":false,\"internalType\":\"bytes\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Published\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"datasetId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"version\",\"type\":\"uint64\",\"indexed\":true,\"internalType\":\"uint64\"},{\"name\":\"department\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"},{\"name\":\"seq\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"level\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"uint8\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"uint8\"},{\"name\":\"supersedes\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"commitment\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"releasedRoot\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"contentHash\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"},{\"name\":\"verifierVersion\",\"type\":\"uint32\",\"indexed\":false,\"internalType\":\"uint32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Shredded\",\"inputs\":[{\"name\":\"datasetId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"receipt\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Superseded\",\"inputs\":[{\"name\":\"oldRecordId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"newRecordId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"datasetId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Unfrozen\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"reason\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"VerifierAnnounced\",\"inputs\":[{\"name\":\"version\",\"type\":\"uint32\",\"indexed\":true,\"internalType\":\"uint32\"},{\"name\":\"codeHash\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"VerifierRegistered\",\"inputs\":[{\"name\":\"version\",\"type\":\"uint32\",\"indexed\":true,\"internalType\":\"uint32\"},{\"name\":\"verifier\",\"type\":\"address\",\"indexed\":false,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"error\",\"name\":\"AlreadyShredded\",\"inputs\":[{\"name\":\"datasetId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"BridgeAlreadySet\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"EmptyReason\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"GrantAlreadyDelivered\",\"inputs\":[{\"name\":\"requestId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"GrantExpired\",\"inputs\":[{\"name\":\"requestId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"expiresAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"InvalidGrant\",\"inputs\":[{\"name\":\"length\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidRelease\",\"inputs\":[{\"name\":\"field\",\"type\":\"string\",\"internalType\":\"string\"}]},{\"type\":\"error\",\"name\":\"NotAdmin\",\"inputs\":[{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NotBridge\",\"inputs\":[{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NotFrozen\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"NotGranted\",\"inputs\":[{\"name\":\"requestId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"NotRequestable\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"NotSecurityOfficer\",\"inputs\":[{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NotSupervisor\",\"inputs\":[{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"RequestNotPending\",\"inputs\":[{\"name\":\"requestId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"RequestRecordMismatch\",\"inputs\":[{\"name\":\"requestId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"RequestRequesterMismatch\",\"inputs\":[{\"name\":\"requestId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"requester\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"UnknownRecord\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"UnknownRequest\",\"inputs\":[{\"name\":\"requestId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"UnknownVerifierVersion\",\"inputs\":[{\"name\":\"version\",\"type\":\"uint32\",\"internalType\":\"uint32\"}]},{\"type\":\"error\",\"name\":\"VerifierAlreadyAnnounced\",\"inputs\":[{\"name\":\"version\",\"type\":\"uint32\",\"internalType\":\"uint32\"}]},{\"type\":\"error\",\"name\":\"VerifierAlreadyRegistered\",\"inputs\":[{\"name\":\"version\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"verifier\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"VerifierCodeMismatch\",\"inputs\":[{\"name\":\"version\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"want\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"got\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"ZeroAddress\",\"inputs\":[]}]",
	ID:  "DataRegistry",
	Bin: "0x61010060405234801561001157600080fd5b50604051612c89380380612c8983398101604081905261003091610161565b6001600160a01b038416158061004d57506001600160a01b038316155b1561006b5760405163d92e233d60e01b815260040160405180910390fd5b806100bd57604051633fa092bd60e11b815260206004820152601560248201527f66697273745665726966696572436f6465486173680000000000000000000000604482015260640160405180910390fd5b6001600160a01b03848116608052831660a05260c08290523360e05260016000819052600860209081527fad67d757c34507f157cacfa2e3153e9f260a2244f30428821be7be64587ac55f8390556040518381527f11499233f3cc28bfeea8f1e36915e85f53879797f430b93f0e186e896bc55114910160405180910390a2505050506101a4565b80516001600160a01b038116811461015c57600080fd5b919050565b6000806000806080858703121561017757600080fd5b61018085610145565b935061018e60208601610145565b6040860151606090960151949790965092505050565b60805160a05160c05160e051612a976101f26000396000611046015260006101b301526000818161029b01526107580152600081816102da015281816106170152610add0152612a976000f3fe608060405234801561001057600080fd5b50600436106101a95760003560e01c80638dd14802116100f9578063d5a1d93a11610097578063d87f969e11610071578063d87f969e14610581578063e78cea9214610594578063fb483fb1146105a7578063fbfc562f146105ba57600080fd5b8063d5a1d93a146104a0578063d6aa2606146104b3578063d768add7146104c657600080fd5b80639db433d8116100d35780639db433d8146103cb578063b9dd66511461040c578063d0c0abd21461041f578063d54182a41461047f57600080fd5b80638dd1480214610386578063900407bc146103995780639bdd1e6d146103a157600080fd5b8063421ffee91161016657806364c6beee1161014057806364c6beee1461031c57806365e87d011461032f57806383177db3146103505780638d155a351461037357600080fd5b8063421ffee91461029657806356e4b68b146102d55780635f227d2f146102fc57600080fd5b80630505c8c9146101ae57806313eceee1146101e85780631ed79596146101fd578063213681cd14610207578063218211bc146102275780632e5f17af1461023a575b600080fd5b6101d57f000000000000000000000000000000000000000000000000000000000000000081565b6040519081526020015b60405180910390f35b6101fb6101f636600461249e565b61060c565b005b6101d56201000081565b61021a6102153660046124e9565b6106df565b6040516101df91906125fb565b6101fb61023536600461249e565b61074d565b61027961024836600461261e565b63ffffffff1660009081526008602090815260408083205460099092529091205490916001600160a01b0390911690565b604080519283526001600160a01b039091166020830152016101df565b6102bd7f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b0390911681526020016101df565b6102bd7f000000000000000000000000000000000000000000000000000000000000000081565b61030f61030a366004612639565b6109b3565b6040516101df91906126a3565b6101fb61032a36600461249e565b610ad2565b61034261033d3660046126b6565b610bb8565b6040516101df9291906126e2565b61036361035e36600461271b565b610e4b565b60405190151581526020016101df565b6101fb610381366004612747565b610eff565b6101fb610394366004612771565b61103b565b6002546101d5565b6103636103af3660046124e9565b600090815260056020526040902054600160c81b900460ff1690565b6103f46103d93660046124e9565b6000908152600a60205260409020546001600160401b031690565b6040516001600160401b0390911681526020016101df565b6101fb61041a3660046127a3565b61111f565b61046f61042d3660046124e9565b6000908152600660205260409020805460019091015490916001600160a01b03821691600160a01b810460ff1691600160a81b9091046001600160401b031690565b6040516101df9493929190612817565b61049261048d36600461285b565b611419565b6040516101df929190612877565b6101fb6104ae366004612639565b6115cb565b6101fb6104c136600461289b565b611685565b6105616104d43660046124e9565b600090815260056020908152604091829020825160e081018452905463ffffffff8082168352640100000000820481169383018490526001600160401b03600160401b830416948301859052600160801b820481166060840152600160a01b820416608083015260ff600160c01b82048116151560a0840152600160c81b90910416151560c09091015291565b604080516001600160401b039384168152929091166020830152016101df565b6101d561058f36600461249e565b61177b565b6000546102bd906001600160a01b031681565b61021a6105b53660046124e9565b611959565b6101d56105c83660046128c5565b6040805160208082019690965280820194909452606084019290925263ffffffff166080808401919091528151808403909101815260a09092019052805191012090565b336001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000161461065c5760405163d0b5d22360e01b81523360048201526024015b60405180910390fd5b600081900361067e5760405163db72b02360e01b815260040160405180910390fd5b60006106898461198f565b805460ff60f01b1916600160f01b17815560405190915084907f840fec36d449415555dc2dbd3cda028f545e098e18d074c3b056b89253989a2b906106d1908690869061292d565b60405180910390a250505050565b6106e76123f2565b60008281526001602052604081208054909163ffffffff90911690036107235760405163b21a3f0560e01b815260048101849052602401610653565b80546107469061073b9060019063ffffffff1661295f565b63ffffffff166119d0565b9392505050565b336001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001614610798576040516341c5601760e11b8152336004820152602401610653565b8015806107a757506201000081115b156107c857604051637c9a55af60e01b815260048101829052602401610653565b6000838152600660205260408120906001820154600160a01b900460ff1660038111156107f7576107f7612801565b0361081857604051637bbe34c960e01b815260048101859052602401610653565b60026001820154600160a01b900460ff16600381111561083a5761083a612801565b1461085b57604051632ad6adbf60e11b815260048101859052602401610653565b600181015442600160a81b9091046001600160401b0316116108ae576001810154604051634009b84960e11b815260048101869052600160a81b9091046001600160401b03166024820152604401610653565b805460009081526001602052604090208054600160f01b900460ff16806108d957506108d981611b8d565b156108fd57815460405163dc2f6e8760e01b81526004810191909152602401610653565b6000858152600a60205260409020546001600160401b0316156109365760405163989334f560e01b815260048101869052602401610653565b6000858152600a602052604090819020805467ffffffffffffffff1916436001600160401b0316179055600183015490516001600160a01b039091169086907fbd9bda1d53be35a7ff7c6f08602a46b1ef83cd329f8e5fdfbae6cc7b1bf4301b906109a4908890889061292d565b60405180910390a35050505050565b60025460609080841015806109c6575082155b15610a055760408051600080825260208201909252906109fc565b6109e96123f2565b8152602001906001900390816109e15790505b50915050610acc565b6000610a118583612991565b8411610a2657610a2184866129a4565b610a28565b815b9050610a348582612991565b6001600160401b03811115610a4b57610a4b61297b565b604051908082528060200260200182016040528015610a8457816020015b610a716123f2565b815260200190600190039081610a695790505b509250845b81811015610ac857610a9a816119d0565b84610aa58884612991565b81518110610ab557610ab56129b7565b6020908102919091010152600101610a89565b5050505b92915050565b336001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001614610b1d5760405163d0b5d22360e01b8152336004820152602401610653565b6000819003610b3f5760405163db72b02360e01b815260040160405180910390fd5b6000610b4a8461198f565b8054909150600160f01b900460ff16610b79576040516320a02faf60e01b815260048101859052602401610653565b805460ff60f01b1916815560405184907f667c11723918d08629e2e3995ada8a647ed586707ecc76b248aca3e56194aff2906106d1908690869061292d565b6000838152600560209081526040808320815160e081018352905463ffffffff808216835264010000000082048116948301949094526001600160401b03600160401b82041692820192909252600160801b82048316606082810191909152600160a01b8304909316608082015260ff600160c01b8304811615801560a0840152600160c81b90930416151560c08201529192919080610c56575083155b15610c99576040805160008082526020820190925290610c8c565b610c796123f2565b815260200190600190039081610c715790505b5060009250925050610e43565b8415610ca55784610cb1565b806080015163ffffffff165b600254909250821180610d315750805163ffffffff166020678000000000000000196002610ce0600187612991565b81548110610cf057610cf06129b7565b90600052602060002090600491828204019190066008029054906101000a90046001600160401b0316166001600160401b0316901c6001600160401b031614155b15610d6857604051633fa092bd60e11b815260206004820152600660248201526531bab939b7b960d11b6044820152606401610653565b6000846001600160401b03811115610d8257610d8261297b565b604051908082528060200260200182016040528015610dbb57816020015b610da86123f2565b815260200190600190039081610da05790505b50905060005b8315801590610dcf57508581105b15610e3d576000610de9610de4600187612991565b6119d0565b9050808383610df7816129cd565b945081518110610e0957610e096129b7565b6020908102919091018101919091529051600090815260019091526040902054600160a01b900463ffffffff169350610dc1565b81529250505b935093915050565b600082815260066020526040812060026001820154600160a01b900460ff166003811115610e7b57610e7b612801565b141580610e98575060018101546001600160a01b03848116911614155b80610eb85750600181015442600160a81b9091046001600160401b031611155b15610ec7576000915050610acc565b805460009081526001602052604090208054600160f01b900460ff16158015610ef65750610ef481611b8d565b155b95945050505050565b63ffffffff821660009081526008602052604090205480610f3b5760405163fcf5f4e160e01b815263ffffffff84166004820152602401610653565b63ffffffff83166000908152600960205260409020546001600160a01b03168015610f90576040516304ca427160e41b815263ffffffff851660048201526001600160a01b0382166024820152604401610653565b81836001600160a01b03163f14610fd957604051631d79e13f60e21b815263ffffffff85166004820152602481018390526001600160a01b0384163f6044820152606401610653565b63ffffffff841660008181526009602090815260409182902080546001600160a01b0319166001600160a01b03881690811790915591519182527f3aa50a5907ed9b8dbb205fc3933f95b32ed98ce23b659bec3d7e530a835672b691016106d1565b336001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000161461108657604051630bd4212160e11b8152336004820152602401610653565b6000546001600160a01b0316156110b0576040516322f0750560e21b815260040160405180910390fd5b6001600160a01b0381166110d75760405163d92e233d60e01b815260040160405180910390fd5b600080546001600160a01b0319166001600160a01b038316908117825560405190917fa49730bff544fd0b716395c592e39c6fd2d2481a19b9229b5b240483db95a49591a250565b6000546001600160a01b0316331461114c57604051637c8da0cf60e11b8152336004820152602401610653565b6000858152600660205260408120906001820154600160a01b900460ff16600381111561117b5761117b612801565b0361119c57604051637bbe34c960e01b815260048101879052602401610653565b600180820154600160a01b900460ff1660038111156111bd576111bd612801565b146111de576040516390106aaf60e01b815260048101879052602401610653565b8054851461120957604051631e8e92c960e21b81526004810187905260248101869052604401610653565b60018101546001600160a01b0385811691161461124b57604051634868c77960e01b8152600481018790526001600160a01b0385166024820152604401610653565b821561135957600061125c8661198f565b9050600061126982611b8d565b6112ec578154600160f01b900460ff166112c85742846001600160401b031611156112a3576040518060200160405280600081525061130e565b60405180604001604052806007815260200166195e1c1a5c995960ca1b81525061130e565b60405180604001604052806006815260200165333937bd32b760d11b81525061130e565b604051806040016040528060088152602001671cda1c995919195960c21b8152505b905080516000146113565760009450877f61a54d14a1c820a57e4a64789cfdeb2898de53e713c22769dbb07b65fc84fdf98260405161134d91906129e6565b60405180910390a25b50505b82611365576003611368565b60025b60018201805460ff60a01b1916600160a01b83600381111561138c5761138c612801565b02179055508261139d57600061139f565b815b60018201805467ffffffffffffffff60a81b1916600160a81b6001600160401b0393841681029190911791829055604080518715158152919092049092166020830152869188917fa763a8dd77c7d40baaa92c7fdf60d2c6c9176d4e5265f3f9f29e07b5b482ebe2910160405180910390a3505050505050565b6000805481906001600160a01b0316331461144957604051637c8da0cf60e11b8152336004820152602401610653565b823561145b6060850160408601612a34565b60405160200161147e9291909182526001600160401b0316602082015260400190565b6040516020818303038152906040528051906020012091506114a08383611c4c565b905060008160088111156114b6576114b6612801565b146114c057915091565b60006114cc8484611dfc565b90506114de6060850160408601612a34565b6001600160401b03168435847f1145df8b79ed399137fac0dfccb35b0df76547c4b54bc38b019256c788b3323e60208801358561152160808b0160608c01612a4f565b61153160a08c0160808d01612a4f565b6115436101208d016101008e01612a34565b8c60a001358d60c001358e60e001358f610120016020810190611566919061261e565b60408051998a526001600160401b0398891660208b015260ff978816908a015295909416606088015294909116608086015260a085015260c084019290925260e083019190915263ffffffff166101008201526101200160405180910390a450915091565b6000546001600160a01b031633146115f857604051637c8da0cf60e11b8152336004820152602401610653565b60008281526005602052604090208054600160c81b900460ff16156116335760405163a920d56360e01b815260048101849052602401610653565b805460ff60c81b1916600160c81b17815560405183907fbdd4d5d37000e2c699120530ac685451ec97b552f94d2c1da6d939cab39e578f906116789085815260200190565b60405180910390a2505050565b6000546001600160a01b031633146116b257604051637c8da0cf60e11b8152336004820152602401610653565b63ffffffff821615806116c3575080155b156116e95760405163fcf5f4e160e01b815263ffffffff83166004820152602401610653565b63ffffffff82166000908152600860205260409020541561172557604051631632872360e01b815263ffffffff83166004820152602401610653565b63ffffffff821660008181526008602052604090819020839055517f11499233f3cc28bfeea8f1e36915e85f53879797f430b93f0e186e896bc551149061176f9084815260200190565b60405180910390a25050565b6000806117878561198f565b8054909150600160e01b900460ff1615806117aa57508054600160f01b900460ff165b806117b957506117b981611b8d565b156117da5760405163dc2f6e8760e01b815260048101869052602401610653565b60008390036117fc5760405163db72b02360e01b815260040160405180910390fd5b463060076000815461180d906129cd565b918290555060405161183e939291906020019283526001600160a01b03919091166020830152604082015260600190565b60408051601f19818403018152828252805160209182012060808401835288845233918401919091529350810160018152600060209182018190528481526006825260409081902083518155918301516001830180546001600160a01b039092166001600160a01b0319831681178255928501519290916001600160a81b03191617600160a01b8360038111156118d7576118d7612801565b021790555060608201518160010160156101000a8154816001600160401b0302191690836001600160401b03160217905550905050336001600160a01b031685837fb7954899571364ed4183d8647676655aed92b9272cc1602d780af910f437ac1b878760405161194992919061292d565b60405180910390a4509392505050565b6119616123f2565b60025482106119865760405163b21a3f0560e01b815260048101839052602401610653565b610acc826119d0565b60008181526001602052604081208054909163ffffffff90911690036119cb5760405163b21a3f0560e01b815260048101839052602401610653565b919050565b6119d86123f2565b6000600283815481106119ed576119ed6129b7565b90600052602060002090600491828204019190066008029054906101000a90046001600160401b031690506000600460206001603f1b1984166001600160401b0316901c6001600160401b031681548110611a4a57611a4a6129b7565b600091825260209091200154905063ffffffff82166001603f1b831615611a8b5760008581526003602090815260409091205467ffffffff00000000911b16175b60008282604051602001611ab29291909182526001600160401b0316602082015260400190565b60408051601f19818403018152828252805160209182012060008181526001808452848220610180870186529286528584018990526001600160401b039b8c1686860152968b166060860152815460ff600160e01b820481166080880152600160e81b8204811660a088015264010000000082048d1660c0880152600160601b8204909c1660e087015263ffffffff600160c01b820416610100870152600160f01b90048b1615156101208601529687526005909152942054600160c81b900490961615156101408701525001546101608401525090919050565b80546000908190600290611ba99060019063ffffffff1661295f565b63ffffffff1681548110611bbf57611bbf6129b7565b90600052602060002090600491828204019190066008029054906101000a90046001600160401b0316905060056000600460206001603f1b1985166001600160401b0316901c6001600160401b031681548110611c1e57611c1e6129b7565b6000918252602080832090910154835282019290925260400190205460ff600160c81b909104169392505050565b60008235611c5c57506001610acc565b611c6c6060840160408501612a34565b6001600160401b0316600003611c8457506002610acc565b6002611c966080850160608601612a4f565b60ff161115611ca757506003610acc565b611cb76060840160408501612a34565b6001600160401b0316611cd261012085016101008601612a34565b6001600160401b031610611ce857506004610acc565b611cfa6101408401610120850161261e565b63ffffffff16600003611d0f57506008610acc565b60008281526001602052604090205463ffffffff1615611d3157506005610acc565b611d4361012084016101008501612a34565b6001600160401b031615611df35760006001818535611d6a61012088016101008901612a34565b604051602001611d8d9291909182526001600160401b0316602082015260400190565b60408051808303601f190181529181528151602092830120835290820192909252016000208054909150600160601b90046001600160401b031615611dd6576006915050610acc565b8054600160f01b900460ff1615611df1576007915050610acc565b505b50600092915050565b81356000908152600560209081526040808320815160e081018352905463ffffffff808216835264010000000082048116948301949094526001600160401b03600160401b82041692820192909252600160801b820483166060820152600160a01b8204909216608083015260ff600160c01b82048116151560a08401819052600160c81b90920416151560c0830152611f1757600454638000000011611ed157604051633fa092bd60e11b8152602060048201526008602482015267646174617365747360c01b6044820152606401610653565b600160a082018190526004805463ffffffff81168452918201815560005284357f8a35acfbc15ff81a39ae7d344fd709f28e8600b4aa8c65c6b64bfe7fe36bd19b909101555b600254915063ffffffff8210611f5657604051633fa092bd60e11b815260206004820152600360248201526273657160e81b6044820152606401610653565b6000611f686060860160408701612a34565b825163ffffffff91909116602091821b67ffffffff0000000016179150611f956060870160408801612a34565b6001600160401b0316901c6001600160401b0316600014611ff8576001603f1b176020611fc86060870160408801612a34565b6000858152600360205260409020805463ffffffff19166001600160401b039290921690921c63ffffffff161790555b61200a61012086016101008701612a34565b6001600160401b0316156120e4576000853561202e61012088016101008901612a34565b6040516020016120519291909182526001600160401b0316602082015260400190565b60405160208183030381529060405280519060200120905085604001602081019061207c9190612a34565b60008281526001602052604080822080546001600160401b0394909416600160601b0267ffffffffffffffff60601b19909416939093179092559051873591879184917f96e8e8e732d19624886541a19c8e4faa7b9ea21cd1450f489b408d918635b39e91a4505b6000848152600160208190526040909120906121019085906129a4565b815463ffffffff191663ffffffff9190911617815561212861012087016101008801612a34565b815460808581015177ffffffff0000000000000000ffffffffffffffff00000000199092166401000000006001600160401b03949094169390930263ffffffff60a01b191692909217600160a01b63ffffffff928316021763ffffffff60c01b1916600160c01b4292909216919091021782556121aa90870160608801612a4f565b815460ff91909116600160e01b0260ff60e01b199091161781556121d460a0870160808801612a4f565b815460ff91909116600160e81b0260ff60e81b1990911617815561221260a087013560c088013560e08901356105c86101408b016101208c0161261e565b6001828101919091556002805491820181556000527f405787fa12a823e0f2b7631cc41b3ba8828b3321ca811111fa75cd3aa3bb5ace6004820401805460039092166008026101000a6001600160401b0381810219909316928516029190911790556020830180519061228482612a72565b63ffffffff169052506122988460016129a4565b63ffffffff1660808401526040808401516001600160401b0316906122c39060608901908901612a34565b6001600160401b03161115612307576122e26060870160408801612a34565b6001600160401b031660408401526122fb8460016129a4565b63ffffffff1660608401525b505092356000908152600560209081526040918290208551815492870151938701516060880151608089015160a08a015160c0909a01511515600160c81b0260ff60c81b199a1515600160c01b0260ff60c01b1963ffffffff938416600160a01b021664ffffffffff60a01b19948416600160801b0263ffffffff60801b196001600160401b03909716600160401b029690961673ffffffffffffffffffffffff0000000000000000199a85166401000000000267ffffffffffffffff19909a1694909716939093179790971797909716939093179190911716179190911794909416179092555090565b6040805161018081018252600080825260208201819052918101829052606081018290526080810182905260a0810182905260c0810182905260e0810182905261010081018290526101208101829052610140810182905261016081019190915290565b60008083601f84011261246857600080fd5b5081356001600160401b0381111561247f57600080fd5b60208301915083602082850101111561249757600080fd5b9250929050565b6000806000604084860312156124b357600080fd5b8335925060208401356001600160401b038111156124d057600080fd5b6124dc86828701612456565b9497909650939450505050565b6000602082840312156124fb57600080fd5b5035919050565b8051825260208101516020830152604081015161252a60408401826001600160401b03169052565b50606081015161254560608401826001600160401b03169052565b50608081015161255a608084018260ff169052565b5060a081015161256f60a084018260ff169052565b5060c081015161258a60c08401826001600160401b03169052565b5060e08101516125a560e08401826001600160401b03169052565b506101008101516125c26101008401826001600160401b03169052565b506101208101516125d861012084018215159052565b506101408101516125ee61014084018215159052565b5061016090810151910152565b6101808101610acc8284612502565b803563ffffffff811681146119cb57600080fd5b60006020828403121561263057600080fd5b6107468261260a565b6000806040838503121561264c57600080fd5b50508035926020909101359150565b600081518084526020840193506020830160005b8281101561269957612682868351612502565b61018095909501946020919091019060010161266f565b5093949350505050565b602081526000610746602083018461265b565b6000806000606084860312156126cb57600080fd5b505081359360208301359350604090920135919050565b6040815260006126f5604083018561265b565b90508260208301529392505050565b80356001600160a01b03811681146119cb57600080fd5b6000806040838503121561272e57600080fd5b8235915061273e60208401612704565b90509250929050565b6000806040838503121561275a57600080fd5b6127638361260a565b915061273e60208401612704565b60006020828403121561278357600080fd5b61074682612704565b80356001600160401b03811681146119cb57600080fd5b600080600080600060a086880312156127bb57600080fd5b85359450602086013593506127d260408701612704565b9250606086013580151581146127e757600080fd5b91506127f56080870161278c565b90509295509295909350565b634e487b7160e01b600052602160045260246000fd5b8481526001600160a01b0384166020820152608081016004841061283d5761283d612801565b8360408301526001600160401b038316606083015295945050505050565b600061014082840312801561286f57600080fd5b509092915050565b828152604081016009831061288e5761288e612801565b8260208301529392505050565b600080604083850312156128ae57600080fd5b6128b78361260a565b946020939093013593505050565b600080600080608085870312156128db57600080fd5b8435935060208501359250604085013591506128f96060860161260a565b905092959194509250565b81835281816020850137506000828201602090810191909152601f909101601f19169091010190565b602081526000612941602083018486612904565b949350505050565b634e487b7160e01b600052601160045260246000fd5b63ffffffff8281168282160390811115610acc57610acc612949565b634e487b7160e01b600052604160045260246000fd5b81810381811115610acc57610acc612949565b80820180821115610acc57610acc612949565b634e487b7160e01b600052603260045260246000fd5b6000600182016129df576129df612949565b5060010190565b602081526000825180602084015260005b81811015612a1457602081860181015160408684010152016129f7565b506000604082850101526040601f19601f83011684010191505092915050565b600060208284031215612a4657600080fd5b6107468261278c565b600060208284031215612a6157600080fd5b813560ff8116811461074657600080fd5b600063ffffffff821663ffffffff8103612a8e57612a8e612949565b6001019291505056",
}

// DataRegistry is an auto generated Go binding around an Ethereum contract.
type DataRegistry struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *DataRegistry) GetABI() abi.ABI {
	return c.abi
}

// NewDataRegistry creates a new instance of DataRegistry.
func NewDataRegistry() *DataRegistry {
	parsed, err := DataRegistryMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &DataRegistry{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *DataRegistry) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address supervisor_, address securityOfficer_, uint256 policy_, bytes32 firstVerifierCodeHash) returns()
func (dataRegistry *DataRegistry) PackConstructor(supervisor_ common.Address, securityOfficer_ common.Address, policy_ *big.Int, firstVerifierCodeHash [32]byte) []byte {
	enc, err := dataRegistry.abi.Pack("", supervisor_, securityOfficer_, policy_, firstVerifierCodeHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackMAXSEALEDGRANT is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1ed79596.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_SEALED_GRANT() view returns(uint256)
func (dataRegistry *DataRegistry) PackMAXSEALEDGRANT() []byte {
	enc, err := dataRegistry.abi.Pack("MAX_SEALED_GRANT")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXSEALEDGRANT is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1ed79596.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_SEALED_GRANT() view returns(uint256)
func (dataRegistry *DataRegistry) TryPackMAXSEALEDGRANT() ([]byte, error) {
	return dataRegistry.abi.Pack("MAX_SEALED_GRANT")
}

// UnpackMAXSEALEDGRANT is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1ed79596.
//
// Solidity: function MAX_SEALED_GRANT() view returns(uint256)
func (dataRegistry *DataRegistry) UnpackMAXSEALEDGRANT(data []byte) (*big.Int, error) {
	out, err := dataRegistry.abi.Unpack("MAX_SEALED_GRANT", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackAccessRequest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd0c0abd2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function accessRequest(bytes32 requestId) view returns(bytes32 recordId, address requester, uint8 status, uint64 expiresAt)
func (dataRegistry *DataRegistry) PackAccessRequest(requestId [32]byte) []byte {
	enc, err := dataRegistry.abi.Pack("accessRequest", requestId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAccessRequest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd0c0abd2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function accessRequest(bytes32 requestId) view returns(bytes32 recordId, address requester, uint8 status, uint64 expiresAt)
func (dataRegistry *DataRegistry) TryPackAccessRequest(requestId [32]byte) ([]byte, error) {
	return dataRegistry.abi.Pack("accessRequest", requestId)
}

// AccessRequestOutput serves as a container for the return parameters of contract
// method AccessRequest.
type AccessRequestOutput struct {
	RecordId  [32]byte
	Requester common.Address
	Status    uint8
	ExpiresAt uint64
}

// UnpackAccessRequest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd0c0abd2.
//
// Solidity: function accessRequest(bytes32 requestId) view returns(bytes32 recordId, address requester, uint8 status, uint64 expiresAt)
func (dataRegistry *DataRegistry) UnpackAccessRequest(data []byte) (AccessRequestOutput, error) {
	out, err := dataRegistry.abi.Unpack("accessRequest", data)
	outstruct := new(AccessRequestOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.RecordId = *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	outstruct.Requester = *abi.ConvertType(out[1], new(common.Address)).(*common.Address)
	outstruct.Status = *abi.ConvertType(out[2], new(uint8)).(*uint8)
	outstruct.ExpiresAt = *abi.ConvertType(out[3], new(uint64)).(*uint64)
	return *outstruct, nil
}

// PackAnnounceVerifier is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd6aa2606.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function announceVerifier(uint32 version, bytes32 codeHash) returns()
func (dataRegistry *DataRegistry) PackAnnounceVerifier(version uint32, codeHash [32]byte) []byte {
	enc, err := dataRegistry.abi.Pack("announceVerifier", version, codeHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAnnounceVerifier is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd6aa2606.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function announceVerifier(uint32 version, bytes32 codeHash) returns()
func (dataRegistry *DataRegistry) TryPackAnnounceVerifier(version uint32, codeHash [32]byte) ([]byte, error) {
	return dataRegistry.abi.Pack("announceVerifier", version, codeHash)
}

// PackBridge is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe78cea92.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function bridge() view returns(address)
func (dataRegistry *DataRegistry) PackBridge() []byte {
	enc, err := dataRegistry.abi.Pack("bridge")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBridge is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe78cea92.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function bridge() view returns(address)
func (dataRegistry *DataRegistry) TryPackBridge() ([]byte, error) {
	return dataRegistry.abi.Pack("bridge")
}

// UnpackBridge is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe78cea92.
//
// Solidity: function bridge() view returns(address)
func (dataRegistry *DataRegistry) UnpackBridge(data []byte) (common.Address, error) {
	out, err := dataRegistry.abi.Unpack("bridge", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackDataset is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd768add7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function dataset(bytes32 datasetId) view returns(uint64 count, uint64 latestVersion)
func (dataRegistry *DataRegistry) PackDataset(datasetId [32]byte) []byte {
	enc, err := dataRegistry.abi.Pack("dataset", datasetId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDataset is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd768add7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function dataset(bytes32 datasetId) view returns(uint64 count, uint64 latestVersion)
func (dataRegistry *DataRegistry) TryPackDataset(datasetId [32]byte) ([]byte, error) {
	return dataRegistry.abi.Pack("dataset", datasetId)
}

// DatasetOutput serves as a container for the return parameters of contract
// method Dataset.
type DatasetOutput struct {
	Count         uint64
	LatestVersion uint64
}

// UnpackDataset is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd768add7.
//
// Solidity: function dataset(bytes32 datasetId) view returns(uint64 count, uint64 latestVersion)
func (dataRegistry *DataRegistry) UnpackDataset(data []byte) (DatasetOutput, error) {
	out, err := dataRegistry.abi.Unpack("dataset", data)
	outstruct := new(DatasetOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Count = *abi.ConvertType(out[0], new(uint64)).(*uint64)
	outstruct.LatestVersion = *abi.ConvertType(out[1], new(uint64)).(*uint64)
	return *outstruct, nil
}

// PackDeliverGrant is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x218211bc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function deliverGrant(bytes32 requestId, bytes sealedGrant) returns()
func (dataRegistry *DataRegistry) PackDeliverGrant(requestId [32]byte, sealedGrant []byte) []byte {
	enc, err := dataRegistry.abi.Pack("deliverGrant", requestId, sealedGrant)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDeliverGrant is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x218211bc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function deliverGrant(bytes32 requestId, bytes sealedGrant) returns()
func (dataRegistry *DataRegistry) TryPackDeliverGrant(requestId [32]byte, sealedGrant []byte) ([]byte, error) {
	return dataRegistry.abi.Pack("deliverGrant", requestId, sealedGrant)
}

// PackFreeze is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x13eceee1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function freeze(bytes32 recordId, string reason) returns()
func (dataRegistry *DataRegistry) PackFreeze(recordId [32]byte, reason string) []byte {
	enc, err := dataRegistry.abi.Pack("freeze", recordId, reason)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFreeze is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x13eceee1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function freeze(bytes32 recordId, string reason) returns()
func (dataRegistry *DataRegistry) TryPackFreeze(recordId [32]byte, reason string) ([]byte, error) {
	return dataRegistry.abi.Pack("freeze", recordId, reason)
}

// PackGetRecord is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x213681cd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getRecord(bytes32 recordId) view returns((bytes32,bytes32,uint64,uint64,uint8,uint8,uint64,uint64,uint64,bool,bool,bytes32))
func (dataRegistry *DataRegistry) PackGetRecord(recordId [32]byte) []byte {
	enc, err := dataRegistry.abi.Pack("getRecord", recordId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetRecord is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x213681cd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getRecord(bytes32 recordId) view returns((bytes32,bytes32,uint64,uint64,uint8,uint8,uint64,uint64,uint64,bool,bool,bytes32))
func (dataRegistry *DataRegistry) TryPackGetRecord(recordId [32]byte) ([]byte, error) {
	return dataRegistry.abi.Pack("getRecord", recordId)
}

// UnpackGetRecord is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x213681cd.
//
// Solidity: function getRecord(bytes32 recordId) view returns((bytes32,bytes32,uint64,uint64,uint8,uint8,uint64,uint64,uint64,bool,bool,bytes32))
func (dataRegistry *DataRegistry) UnpackGetRecord(data []byte) (IDataRegistryRecord, error) {
	out, err := dataRegistry.abi.Unpack("getRecord", data)
	if err != nil {
		return *new(IDataRegistryRecord), err
	}
	out0 := *abi.ConvertType(out[0], new(IDataRegistryRecord)).(*IDataRegistryRecord)
	return out0, nil
}

// PackGrantDeliveredIn is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9db433d8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function grantDeliveredIn(bytes32 requestId) view returns(uint64)
func (dataRegistry *DataRegistry) PackGrantDeliveredIn(requestId [32]byte) []byte {
	enc, err := dataRegistry.abi.Pack("grantDeliveredIn", requestId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGrantDeliveredIn is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9db433d8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function grantDeliveredIn(bytes32 requestId) view returns(uint64)
func (dataRegistry *DataRegistry) TryPackGrantDeliveredIn(requestId [32]byte) ([]byte, error) {
	return dataRegistry.abi.Pack("grantDeliveredIn", requestId)
}

// UnpackGrantDeliveredIn is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9db433d8.
//
// Solidity: function grantDeliveredIn(bytes32 requestId) view returns(uint64)
func (dataRegistry *DataRegistry) UnpackGrantDeliveredIn(data []byte) (uint64, error) {
	out, err := dataRegistry.abi.Unpack("grantDeliveredIn", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackHasAccess is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x83177db3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function hasAccess(bytes32 requestId, address account) view returns(bool)
func (dataRegistry *DataRegistry) PackHasAccess(requestId [32]byte, account common.Address) []byte {
	enc, err := dataRegistry.abi.Pack("hasAccess", requestId, account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHasAccess is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x83177db3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function hasAccess(bytes32 requestId, address account) view returns(bool)
func (dataRegistry *DataRegistry) TryPackHasAccess(requestId [32]byte, account common.Address) ([]byte, error) {
	return dataRegistry.abi.Pack("hasAccess", requestId, account)
}

// UnpackHasAccess is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x83177db3.
//
// Solidity: function hasAccess(bytes32 requestId, address account) view returns(bool)
func (dataRegistry *DataRegistry) UnpackHasAccess(data []byte) (bool, error) {
	out, err := dataRegistry.abi.Unpack("hasAccess", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackHashValues is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfbfc562f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function hashValues(uint256 commitment, uint256 releasedRoot, bytes32 contentHash, uint32 verifierVersion) pure returns(bytes32)
func (dataRegistry *DataRegistry) PackHashValues(commitment *big.Int, releasedRoot *big.Int, contentHash [32]byte, verifierVersion uint32) []byte {
	enc, err := dataRegistry.abi.Pack("hashValues", commitment, releasedRoot, contentHash, verifierVersion)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHashValues is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfbfc562f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function hashValues(uint256 commitment, uint256 releasedRoot, bytes32 contentHash, uint32 verifierVersion) pure returns(bytes32)
func (dataRegistry *DataRegistry) TryPackHashValues(commitment *big.Int, releasedRoot *big.Int, contentHash [32]byte, verifierVersion uint32) ([]byte, error) {
	return dataRegistry.abi.Pack("hashValues", commitment, releasedRoot, contentHash, verifierVersion)
}

// UnpackHashValues is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfbfc562f.
//
// Solidity: function hashValues(uint256 commitment, uint256 releasedRoot, bytes32 contentHash, uint32 verifierVersion) pure returns(bytes32)
func (dataRegistry *DataRegistry) UnpackHashValues(data []byte) ([32]byte, error) {
	out, err := dataRegistry.abi.Unpack("hashValues", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackIsShredded is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9bdd1e6d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isShredded(bytes32 datasetId) view returns(bool)
func (dataRegistry *DataRegistry) PackIsShredded(datasetId [32]byte) []byte {
	enc, err := dataRegistry.abi.Pack("isShredded", datasetId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsShredded is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9bdd1e6d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isShredded(bytes32 datasetId) view returns(bool)
func (dataRegistry *DataRegistry) TryPackIsShredded(datasetId [32]byte) ([]byte, error) {
	return dataRegistry.abi.Pack("isShredded", datasetId)
}

// UnpackIsShredded is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9bdd1e6d.
//
// Solidity: function isShredded(bytes32 datasetId) view returns(bool)
func (dataRegistry *DataRegistry) UnpackIsShredded(data []byte) (bool, error) {
	out, err := dataRegistry.abi.Unpack("isShredded", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackPolicy is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0505c8c9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function policy() view returns(uint256)
func (dataRegistry *DataRegistry) PackPolicy() []byte {
	enc, err := dataRegistry.abi.Pack("policy")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPolicy is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0505c8c9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function policy() view returns(uint256)
func (dataRegistry *DataRegistry) TryPackPolicy() ([]byte, error) {
	return dataRegistry.abi.Pack("policy")
}

// UnpackPolicy is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0505c8c9.
//
// Solidity: function policy() view returns(uint256)
func (dataRegistry *DataRegistry) UnpackPolicy(data []byte) (*big.Int, error) {
	out, err := dataRegistry.abi.Unpack("policy", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackPublish is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd54182a4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function publish((bytes32,bytes32,uint64,uint8,uint8,uint256,uint256,bytes32,uint64,uint32) r) returns(bytes32 recordId, uint8 outcome)
func (dataRegistry *DataRegistry) PackPublish(r IDataRegistryRelease) []byte {
	enc, err := dataRegistry.abi.Pack("publish", r)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPublish is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd54182a4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function publish((bytes32,bytes32,uint64,uint8,uint8,uint256,uint256,bytes32,uint64,uint32) r) returns(bytes32 recordId, uint8 outcome)
func (dataRegistry *DataRegistry) TryPackPublish(r IDataRegistryRelease) ([]byte, error) {
	return dataRegistry.abi.Pack("publish", r)
}

// PublishOutput serves as a container for the return parameters of contract
// method Publish.
type PublishOutput struct {
	RecordId [32]byte
	Outcome  uint8
}

// UnpackPublish is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd54182a4.
//
// Solidity: function publish((bytes32,bytes32,uint64,uint8,uint8,uint256,uint256,bytes32,uint64,uint32) r) returns(bytes32 recordId, uint8 outcome)
func (dataRegistry *DataRegistry) UnpackPublish(data []byte) (PublishOutput, error) {
	out, err := dataRegistry.abi.Unpack("publish", data)
	outstruct := new(PublishOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.RecordId = *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	outstruct.Outcome = *abi.ConvertType(out[1], new(uint8)).(*uint8)
	return *outstruct, nil
}

// PackRecordAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfb483fb1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function recordAt(uint256 seq) view returns((bytes32,bytes32,uint64,uint64,uint8,uint8,uint64,uint64,uint64,bool,bool,bytes32))
func (dataRegistry *DataRegistry) PackRecordAt(seq *big.Int) []byte {
	enc, err := dataRegistry.abi.Pack("recordAt", seq)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRecordAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfb483fb1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function recordAt(uint256 seq) view returns((bytes32,bytes32,uint64,uint64,uint8,uint8,uint64,uint64,uint64,bool,bool,bytes32))
func (dataRegistry *DataRegistry) TryPackRecordAt(seq *big.Int) ([]byte, error) {
	return dataRegistry.abi.Pack("recordAt", seq)
}

// UnpackRecordAt is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfb483fb1.
//
// Solidity: function recordAt(uint256 seq) view returns((bytes32,bytes32,uint64,uint64,uint8,uint8,uint64,uint64,uint64,bool,bool,bytes32))
func (dataRegistry *DataRegistry) UnpackRecordAt(data []byte) (IDataRegistryRecord, error) {
	out, err := dataRegistry.abi.Unpack("recordAt", data)
	if err != nil {
		return *new(IDataRegistryRecord), err
	}
	out0 := *abi.ConvertType(out[0], new(IDataRegistryRecord)).(*IDataRegistryRecord)
	return out0, nil
}

// PackRecordCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x900407bc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function recordCount() view returns(uint256)
func (dataRegistry *DataRegistry) PackRecordCount() []byte {
	enc, err := dataRegistry.abi.Pack("recordCount")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRecordCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x900407bc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function recordCount() view returns(uint256)
func (dataRegistry *DataRegistry) TryPackRecordCount() ([]byte, error) {
	return dataRegistry.abi.Pack("recordCount")
}

// UnpackRecordCount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x900407bc.
//
// Solidity: function recordCount() view returns(uint256)
func (dataRegistry *DataRegistry) UnpackRecordCount(data []byte) (*big.Int, error) {
	out, err := dataRegistry.abi.Unpack("recordCount", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRecordShred is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd5a1d93a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function recordShred(bytes32 datasetId, bytes32 receipt) returns()
func (dataRegistry *DataRegistry) PackRecordShred(datasetId [32]byte, receipt [32]byte) []byte {
	enc, err := dataRegistry.abi.Pack("recordShred", datasetId, receipt)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRecordShred is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd5a1d93a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function recordShred(bytes32 datasetId, bytes32 receipt) returns()
func (dataRegistry *DataRegistry) TryPackRecordShred(datasetId [32]byte, receipt [32]byte) ([]byte, error) {
	return dataRegistry.abi.Pack("recordShred", datasetId, receipt)
}

// PackRecordsByDataset is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x65e87d01.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function recordsByDataset(bytes32 datasetId, uint256 cursor, uint256 limit) view returns((bytes32,bytes32,uint64,uint64,uint8,uint8,uint64,uint64,uint64,bool,bool,bytes32)[] page, uint256 next)
func (dataRegistry *DataRegistry) PackRecordsByDataset(datasetId [32]byte, cursor *big.Int, limit *big.Int) []byte {
	enc, err := dataRegistry.abi.Pack("recordsByDataset", datasetId, cursor, limit)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRecordsByDataset is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x65e87d01.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function recordsByDataset(bytes32 datasetId, uint256 cursor, uint256 limit) view returns((bytes32,bytes32,uint64,uint64,uint8,uint8,uint64,uint64,uint64,bool,bool,bytes32)[] page, uint256 next)
func (dataRegistry *DataRegistry) TryPackRecordsByDataset(datasetId [32]byte, cursor *big.Int, limit *big.Int) ([]byte, error) {
	return dataRegistry.abi.Pack("recordsByDataset", datasetId, cursor, limit)
}

// RecordsByDatasetOutput serves as a container for the return parameters of contract
// method RecordsByDataset.
type RecordsByDatasetOutput struct {
	Page []IDataRegistryRecord
	Next *big.Int
}

// UnpackRecordsByDataset is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x65e87d01.
//
// Solidity: function recordsByDataset(bytes32 datasetId, uint256 cursor, uint256 limit) view returns((bytes32,bytes32,uint64,uint64,uint8,uint8,uint64,uint64,uint64,bool,bool,bytes32)[] page, uint256 next)
func (dataRegistry *DataRegistry) UnpackRecordsByDataset(data []byte) (RecordsByDatasetOutput, error) {
	out, err := dataRegistry.abi.Unpack("recordsByDataset", data)
	outstruct := new(RecordsByDatasetOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Page = *abi.ConvertType(out[0], new([]IDataRegistryRecord)).(*[]IDataRegistryRecord)
	outstruct.Next = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackRecordsInRange is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5f227d2f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function recordsInRange(uint256 from, uint256 limit) view returns((bytes32,bytes32,uint64,uint64,uint8,uint8,uint64,uint64,uint64,bool,bool,bytes32)[] page)
func (dataRegistry *DataRegistry) PackRecordsInRange(from *big.Int, limit *big.Int) []byte {
	enc, err := dataRegistry.abi.Pack("recordsInRange", from, limit)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRecordsInRange is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5f227d2f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function recordsInRange(uint256 from, uint256 limit) view returns((bytes32,bytes32,uint64,uint64,uint8,uint8,uint64,uint64,uint64,bool,bool,bytes32)[] page)
func (dataRegistry *DataRegistry) TryPackRecordsInRange(from *big.Int, limit *big.Int) ([]byte, error) {
	return dataRegistry.abi.Pack("recordsInRange", from, limit)
}

// UnpackRecordsInRange is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5f227d2f.
//
// Solidity: function recordsInRange(uint256 from, uint256 limit) view returns((bytes32,bytes32,uint64,uint64,uint8,uint8,uint64,uint64,uint64,bool,bool,bytes32)[] page)
func (dataRegistry *DataRegistry) UnpackRecordsInRange(data []byte) ([]IDataRegistryRecord, error) {
	out, err := dataRegistry.abi.Unpack("recordsInRange", data)
	if err != nil {
		return *new([]IDataRegistryRecord), err
	}
	out0 := *abi.ConvertType(out[0], new([]IDataRegistryRecord)).(*[]IDataRegistryRecord)
	return out0, nil
}

// PackRegisterVerifier is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8d155a35.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registerVerifier(uint32 version, address verifier) returns()
func (dataRegistry *DataRegistry) PackRegisterVerifier(version uint32, verifier common.Address) []byte {
	enc, err := dataRegistry.abi.Pack("registerVerifier", version, verifier)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegisterVerifier is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8d155a35.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registerVerifier(uint32 version, address verifier) returns()
func (dataRegistry *DataRegistry) TryPackRegisterVerifier(version uint32, verifier common.Address) ([]byte, error) {
	return dataRegistry.abi.Pack("registerVerifier", version, verifier)
}

// PackRequestAccess is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd87f969e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function requestAccess(bytes32 recordId, string purpose) returns(bytes32 requestId)
func (dataRegistry *DataRegistry) PackRequestAccess(recordId [32]byte, purpose string) []byte {
	enc, err := dataRegistry.abi.Pack("requestAccess", recordId, purpose)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRequestAccess is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd87f969e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function requestAccess(bytes32 recordId, string purpose) returns(bytes32 requestId)
func (dataRegistry *DataRegistry) TryPackRequestAccess(recordId [32]byte, purpose string) ([]byte, error) {
	return dataRegistry.abi.Pack("requestAccess", recordId, purpose)
}

// UnpackRequestAccess is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd87f969e.
//
// Solidity: function requestAccess(bytes32 recordId, string purpose) returns(bytes32 requestId)
func (dataRegistry *DataRegistry) UnpackRequestAccess(data []byte) ([32]byte, error) {
	out, err := dataRegistry.abi.Unpack("requestAccess", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackResolveAccess is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb9dd6651.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function resolveAccess(bytes32 requestId, bytes32 recordId, address requester, bool granted, uint64 expiresAt) returns()
func (dataRegistry *DataRegistry) PackResolveAccess(requestId [32]byte, recordId [32]byte, requester common.Address, granted bool, expiresAt uint64) []byte {
	enc, err := dataRegistry.abi.Pack("resolveAccess", requestId, recordId, requester, granted, expiresAt)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackResolveAccess is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb9dd6651.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function resolveAccess(bytes32 requestId, bytes32 recordId, address requester, bool granted, uint64 expiresAt) returns()
func (dataRegistry *DataRegistry) TryPackResolveAccess(requestId [32]byte, recordId [32]byte, requester common.Address, granted bool, expiresAt uint64) ([]byte, error) {
	return dataRegistry.abi.Pack("resolveAccess", requestId, recordId, requester, granted, expiresAt)
}

// PackSecurityOfficer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x421ffee9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function securityOfficer() view returns(address)
func (dataRegistry *DataRegistry) PackSecurityOfficer() []byte {
	enc, err := dataRegistry.abi.Pack("securityOfficer")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSecurityOfficer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x421ffee9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function securityOfficer() view returns(address)
func (dataRegistry *DataRegistry) TryPackSecurityOfficer() ([]byte, error) {
	return dataRegistry.abi.Pack("securityOfficer")
}

// UnpackSecurityOfficer is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x421ffee9.
//
// Solidity: function securityOfficer() view returns(address)
func (dataRegistry *DataRegistry) UnpackSecurityOfficer(data []byte) (common.Address, error) {
	out, err := dataRegistry.abi.Unpack("securityOfficer", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackSetBridge is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8dd14802.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setBridge(address bridge_) returns()
func (dataRegistry *DataRegistry) PackSetBridge(bridge common.Address) []byte {
	enc, err := dataRegistry.abi.Pack("setBridge", bridge)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetBridge is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8dd14802.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setBridge(address bridge_) returns()
func (dataRegistry *DataRegistry) TryPackSetBridge(bridge common.Address) ([]byte, error) {
	return dataRegistry.abi.Pack("setBridge", bridge)
}

// PackSupervisor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x56e4b68b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function supervisor() view returns(address)
func (dataRegistry *DataRegistry) PackSupervisor() []byte {
	enc, err := dataRegistry.abi.Pack("supervisor")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSupervisor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x56e4b68b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function supervisor() view returns(address)
func (dataRegistry *DataRegistry) TryPackSupervisor() ([]byte, error) {
	return dataRegistry.abi.Pack("supervisor")
}

// UnpackSupervisor is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x56e4b68b.
//
// Solidity: function supervisor() view returns(address)
func (dataRegistry *DataRegistry) UnpackSupervisor(data []byte) (common.Address, error) {
	out, err := dataRegistry.abi.Unpack("supervisor", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackUnfreeze is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x64c6beee.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function unfreeze(bytes32 recordId, string reason) returns()
func (dataRegistry *DataRegistry) PackUnfreeze(recordId [32]byte, reason string) []byte {
	enc, err := dataRegistry.abi.Pack("unfreeze", recordId, reason)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUnfreeze is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x64c6beee.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function unfreeze(bytes32 recordId, string reason) returns()
func (dataRegistry *DataRegistry) TryPackUnfreeze(recordId [32]byte, reason string) ([]byte, error) {
	return dataRegistry.abi.Pack("unfreeze", recordId, reason)
}

// PackVerifierOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2e5f17af.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function verifierOf(uint32 version) view returns(bytes32 codeHash, address verifier)
func (dataRegistry *DataRegistry) PackVerifierOf(version uint32) []byte {
	enc, err := dataRegistry.abi.Pack("verifierOf", version)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVerifierOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2e5f17af.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function verifierOf(uint32 version) view returns(bytes32 codeHash, address verifier)
func (dataRegistry *DataRegistry) TryPackVerifierOf(version uint32) ([]byte, error) {
	return dataRegistry.abi.Pack("verifierOf", version)
}

// VerifierOfOutput serves as a container for the return parameters of contract
// method VerifierOf.
type VerifierOfOutput struct {
	CodeHash [32]byte
	Verifier common.Address
}

// UnpackVerifierOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2e5f17af.
//
// Solidity: function verifierOf(uint32 version) view returns(bytes32 codeHash, address verifier)
func (dataRegistry *DataRegistry) UnpackVerifierOf(data []byte) (VerifierOfOutput, error) {
	out, err := dataRegistry.abi.Unpack("verifierOf", data)
	outstruct := new(VerifierOfOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.CodeHash = *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	outstruct.Verifier = *abi.ConvertType(out[1], new(common.Address)).(*common.Address)
	return *outstruct, nil
}

// DataRegistryAccessGrantRefused represents a AccessGrantRefused event raised by the DataRegistry contract.
type DataRegistryAccessGrantRefused struct {
	RequestId [32]byte
	Reason    string
	Raw       *types.Log // Blockchain specific contextual infos
}

const DataRegistryAccessGrantRefusedEventName = "AccessGrantRefused"

// ContractEventName returns the user-defined event name.
func (DataRegistryAccessGrantRefused) ContractEventName() string {
	return DataRegistryAccessGrantRefusedEventName
}

// UnpackAccessGrantRefusedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event AccessGrantRefused(bytes32 indexed requestId, string reason)
func (dataRegistry *DataRegistry) UnpackAccessGrantRefusedEvent(log *types.Log) (*DataRegistryAccessGrantRefused, error) {
	event := "AccessGrantRefused"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != dataRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DataRegistryAccessGrantRefused)
	if len(log.Data) > 0 {
		if err := dataRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range dataRegistry.abi.Events[event].Inputs {
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

// DataRegistryAccessRequested represents a AccessRequested event raised by the DataRegistry contract.
type DataRegistryAccessRequested struct {
	RequestId [32]byte
	RecordId  [32]byte
	Requester common.Address
	Purpose   string
	Raw       *types.Log // Blockchain specific contextual infos
}

const DataRegistryAccessRequestedEventName = "AccessRequested"

// ContractEventName returns the user-defined event name.
func (DataRegistryAccessRequested) ContractEventName() string {
	return DataRegistryAccessRequestedEventName
}

// UnpackAccessRequestedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event AccessRequested(bytes32 indexed requestId, bytes32 indexed recordId, address indexed requester, string purpose)
func (dataRegistry *DataRegistry) UnpackAccessRequestedEvent(log *types.Log) (*DataRegistryAccessRequested, error) {
	event := "AccessRequested"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != dataRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DataRegistryAccessRequested)
	if len(log.Data) > 0 {
		if err := dataRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range dataRegistry.abi.Events[event].Inputs {
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

// DataRegistryAccessResolved represents a AccessResolved event raised by the DataRegistry contract.
type DataRegistryAccessResolved struct {
	RequestId [32]byte
	RecordId  [32]byte
	Granted   bool
	ExpiresAt uint64
	Raw       *types.Log // Blockchain specific contextual infos
}

const DataRegistryAccessResolvedEventName = "AccessResolved"

// ContractEventName returns the user-defined event name.
func (DataRegistryAccessResolved) ContractEventName() string {
	return DataRegistryAccessResolvedEventName
}

// UnpackAccessResolvedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event AccessResolved(bytes32 indexed requestId, bytes32 indexed recordId, bool granted, uint64 expiresAt)
func (dataRegistry *DataRegistry) UnpackAccessResolvedEvent(log *types.Log) (*DataRegistryAccessResolved, error) {
	event := "AccessResolved"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != dataRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DataRegistryAccessResolved)
	if len(log.Data) > 0 {
		if err := dataRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range dataRegistry.abi.Events[event].Inputs {
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

// DataRegistryBridgeSet represents a BridgeSet event raised by the DataRegistry contract.
type DataRegistryBridgeSet struct {
	Bridge common.Address
	Raw    *types.Log // Blockchain specific contextual infos
}

const DataRegistryBridgeSetEventName = "BridgeSet"

// ContractEventName returns the user-defined event name.
func (DataRegistryBridgeSet) ContractEventName() string {
	return DataRegistryBridgeSetEventName
}

// UnpackBridgeSetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event BridgeSet(address indexed bridge)
func (dataRegistry *DataRegistry) UnpackBridgeSetEvent(log *types.Log) (*DataRegistryBridgeSet, error) {
	event := "BridgeSet"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != dataRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DataRegistryBridgeSet)
	if len(log.Data) > 0 {
		if err := dataRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range dataRegistry.abi.Events[event].Inputs {
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

// DataRegistryFrozen represents a Frozen event raised by the DataRegistry contract.
type DataRegistryFrozen struct {
	RecordId [32]byte
	Reason   string
	Raw      *types.Log // Blockchain specific contextual infos
}

const DataRegistryFrozenEventName = "Frozen"

// ContractEventName returns the user-defined event name.
func (DataRegistryFrozen) ContractEventName() string {
	return DataRegistryFrozenEventName
}

// UnpackFrozenEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Frozen(bytes32 indexed recordId, string reason)
func (dataRegistry *DataRegistry) UnpackFrozenEvent(log *types.Log) (*DataRegistryFrozen, error) {
	event := "Frozen"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != dataRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DataRegistryFrozen)
	if len(log.Data) > 0 {
		if err := dataRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range dataRegistry.abi.Events[event].Inputs {
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

// DataRegistryGrantDelivered represents a GrantDelivered event raised by the DataRegistry contract.
type DataRegistryGrantDelivered struct {
	RequestId   [32]byte
	Requester   common.Address
	SealedGrant []byte
	Raw         *types.Log // Blockchain specific contextual infos
}

const DataRegistryGrantDeliveredEventName = "GrantDelivered"

// ContractEventName returns the user-defined event name.
func (DataRegistryGrantDelivered) ContractEventName() string {
	return DataRegistryGrantDeliveredEventName
}

// UnpackGrantDeliveredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event GrantDelivered(bytes32 indexed requestId, address indexed requester, bytes sealedGrant)
func (dataRegistry *DataRegistry) UnpackGrantDeliveredEvent(log *types.Log) (*DataRegistryGrantDelivered, error) {
	event := "GrantDelivered"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != dataRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DataRegistryGrantDelivered)
	if len(log.Data) > 0 {
		if err := dataRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range dataRegistry.abi.Events[event].Inputs {
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

// DataRegistryPublished represents a Published event raised by the DataRegistry contract.
type DataRegistryPublished struct {
	RecordId        [32]byte
	DatasetId       [32]byte
	Version         uint64
	Department      [32]byte
	Seq             uint64
	Level           uint8
	Threshold       uint8
	Supersedes      uint64
	Commitment      *big.Int
	ReleasedRoot    *big.Int
	ContentHash     [32]byte
	VerifierVersion uint32
	Raw             *types.Log // Blockchain specific contextual infos
}

const DataRegistryPublishedEventName = "Published"

// ContractEventName returns the user-defined event name.
func (DataRegistryPublished) ContractEventName() string {
	return DataRegistryPublishedEventName
}

// UnpackPublishedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Published(bytes32 indexed recordId, bytes32 indexed datasetId, uint64 indexed version, bytes32 department, uint64 seq, uint8 level, uint8 threshold, uint64 supersedes, uint256 commitment, uint256 releasedRoot, bytes32 contentHash, uint32 verifierVersion)
func (dataRegistry *DataRegistry) UnpackPublishedEvent(log *types.Log) (*DataRegistryPublished, error) {
	event := "Published"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != dataRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DataRegistryPublished)
	if len(log.Data) > 0 {
		if err := dataRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range dataRegistry.abi.Events[event].Inputs {
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

// DataRegistryShredded represents a Shredded event raised by the DataRegistry contract.
type DataRegistryShredded struct {
	DatasetId [32]byte
	Receipt   [32]byte
	Raw       *types.Log // Blockchain specific contextual infos
}

const DataRegistryShreddedEventName = "Shredded"

// ContractEventName returns the user-defined event name.
func (DataRegistryShredded) ContractEventName() string {
	return DataRegistryShreddedEventName
}

// UnpackShreddedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Shredded(bytes32 indexed datasetId, bytes32 receipt)
func (dataRegistry *DataRegistry) UnpackShreddedEvent(log *types.Log) (*DataRegistryShredded, error) {
	event := "Shredded"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != dataRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DataRegistryShredded)
	if len(log.Data) > 0 {
		if err := dataRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range dataRegistry.abi.Events[event].Inputs {
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

// DataRegistrySuperseded represents a Superseded event raised by the DataRegistry contract.
type DataRegistrySuperseded struct {
	OldRecordId [32]byte
	NewRecordId [32]byte
	DatasetId   [32]byte
	Raw         *types.Log // Blockchain specific contextual infos
}

const DataRegistrySupersededEventName = "Superseded"

// ContractEventName returns the user-defined event name.
func (DataRegistrySuperseded) ContractEventName() string {
	return DataRegistrySupersededEventName
}

// UnpackSupersededEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Superseded(bytes32 indexed oldRecordId, bytes32 indexed newRecordId, bytes32 indexed datasetId)
func (dataRegistry *DataRegistry) UnpackSupersededEvent(log *types.Log) (*DataRegistrySuperseded, error) {
	event := "Superseded"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != dataRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DataRegistrySuperseded)
	if len(log.Data) > 0 {
		if err := dataRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range dataRegistry.abi.Events[event].Inputs {
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

// DataRegistryUnfrozen represents a Unfrozen event raised by the DataRegistry contract.
type DataRegistryUnfrozen struct {
	RecordId [32]byte
	Reason   string
	Raw      *types.Log // Blockchain specific contextual infos
}

const DataRegistryUnfrozenEventName = "Unfrozen"

// ContractEventName returns the user-defined event name.
func (DataRegistryUnfrozen) ContractEventName() string {
	return DataRegistryUnfrozenEventName
}

// UnpackUnfrozenEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Unfrozen(bytes32 indexed recordId, string reason)
func (dataRegistry *DataRegistry) UnpackUnfrozenEvent(log *types.Log) (*DataRegistryUnfrozen, error) {
	event := "Unfrozen"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != dataRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DataRegistryUnfrozen)
	if len(log.Data) > 0 {
		if err := dataRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range dataRegistry.abi.Events[event].Inputs {
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

// DataRegistryVerifierAnnounced represents a VerifierAnnounced event raised by the DataRegistry contract.
type DataRegistryVerifierAnnounced struct {
	Version  uint32
	CodeHash [32]byte
	Raw      *types.Log // Blockchain specific contextual infos
}

const DataRegistryVerifierAnnouncedEventName = "VerifierAnnounced"

// ContractEventName returns the user-defined event name.
func (DataRegistryVerifierAnnounced) ContractEventName() string {
	return DataRegistryVerifierAnnouncedEventName
}

// UnpackVerifierAnnouncedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event VerifierAnnounced(uint32 indexed version, bytes32 codeHash)
func (dataRegistry *DataRegistry) UnpackVerifierAnnouncedEvent(log *types.Log) (*DataRegistryVerifierAnnounced, error) {
	event := "VerifierAnnounced"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != dataRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DataRegistryVerifierAnnounced)
	if len(log.Data) > 0 {
		if err := dataRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range dataRegistry.abi.Events[event].Inputs {
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

// DataRegistryVerifierRegistered represents a VerifierRegistered event raised by the DataRegistry contract.
type DataRegistryVerifierRegistered struct {
	Version  uint32
	Verifier common.Address
	Raw      *types.Log // Blockchain specific contextual infos
}

const DataRegistryVerifierRegisteredEventName = "VerifierRegistered"

// ContractEventName returns the user-defined event name.
func (DataRegistryVerifierRegistered) ContractEventName() string {
	return DataRegistryVerifierRegisteredEventName
}

// UnpackVerifierRegisteredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event VerifierRegistered(uint32 indexed version, address verifier)
func (dataRegistry *DataRegistry) UnpackVerifierRegisteredEvent(log *types.Log) (*DataRegistryVerifierRegistered, error) {
	event := "VerifierRegistered"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != dataRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DataRegistryVerifierRegistered)
	if len(log.Data) > 0 {
		if err := dataRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range dataRegistry.abi.Events[event].Inputs {
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
func (dataRegistry *DataRegistry) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["AlreadyShredded"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackAlreadyShreddedError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["BridgeAlreadySet"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackBridgeAlreadySetError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["EmptyReason"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackEmptyReasonError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["GrantAlreadyDelivered"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackGrantAlreadyDeliveredError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["GrantExpired"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackGrantExpiredError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["InvalidGrant"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackInvalidGrantError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["InvalidRelease"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackInvalidReleaseError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["NotAdmin"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackNotAdminError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["NotBridge"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackNotBridgeError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["NotFrozen"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackNotFrozenError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["NotGranted"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackNotGrantedError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["NotRequestable"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackNotRequestableError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["NotSecurityOfficer"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackNotSecurityOfficerError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["NotSupervisor"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackNotSupervisorError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["RequestNotPending"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackRequestNotPendingError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["RequestRecordMismatch"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackRequestRecordMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["RequestRequesterMismatch"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackRequestRequesterMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["UnknownRecord"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackUnknownRecordError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["UnknownRequest"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackUnknownRequestError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["UnknownVerifierVersion"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackUnknownVerifierVersionError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["VerifierAlreadyAnnounced"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackVerifierAlreadyAnnouncedError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["VerifierAlreadyRegistered"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackVerifierAlreadyRegisteredError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["VerifierCodeMismatch"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackVerifierCodeMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["ZeroAddress"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackZeroAddressError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// DataRegistryAlreadyShredded represents a AlreadyShredded error raised by the DataRegistry contract.
type DataRegistryAlreadyShredded struct {
	DatasetId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyShredded(bytes32 datasetId)
func DataRegistryAlreadyShreddedErrorID() common.Hash {
	return common.HexToHash("0xa920d56301d23130a597bdb827ba861cbece833e265493be158a015e05196487")
}

// UnpackAlreadyShreddedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyShredded(bytes32 datasetId)
func (dataRegistry *DataRegistry) UnpackAlreadyShreddedError(raw []byte) (*DataRegistryAlreadyShredded, error) {
	out := new(DataRegistryAlreadyShredded)
	if err := dataRegistry.abi.UnpackIntoInterface(out, "AlreadyShredded", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DataRegistryBridgeAlreadySet represents a BridgeAlreadySet error raised by the DataRegistry contract.
type DataRegistryBridgeAlreadySet struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BridgeAlreadySet()
func DataRegistryBridgeAlreadySetErrorID() common.Hash {
	return common.HexToHash("0x8bc1d414414371a9e6e6e3e252433a90f075c6137c0e12be6ee56633015f7133")
}

// UnpackBridgeAlreadySetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BridgeAlreadySet()
func (dataRegistry *DataRegistry) UnpackBridgeAlreadySetError(raw []byte) (*DataRegistryBridgeAlreadySet, error) {
	out := new(DataRegistryBridgeAlreadySet)
	if err := dataRegistry.abi.UnpackIntoInterface(out, "BridgeAlreadySet", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DataRegistryEmptyReason represents a EmptyReason error raised by the DataRegistry contract.
type DataRegistryEmptyReason struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EmptyReason()
func DataRegistryEmptyReasonErrorID() common.Hash {
	return common.HexToHash("0xdb72b02325fd28ec9a6d81f9843774dbbba9825b7cbadda72c9f7e9fe2b7747c")
}

// UnpackEmptyReasonError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EmptyReason()
func (dataRegistry *DataRegistry) UnpackEmptyReasonError(raw []byte) (*DataRegistryEmptyReason, error) {
	out := new(DataRegistryEmptyReason)
	if err := dataRegistry.abi.UnpackIntoInterface(out, "EmptyReason", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DataRegistryGrantAlreadyDelivered represents a GrantAlreadyDelivered error raised by the DataRegistry contract.
type DataRegistryGrantAlreadyDelivered struct {
	RequestId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error GrantAlreadyDelivered(bytes32 requestId)
func DataRegistryGrantAlreadyDeliveredErrorID() common.Hash {
	return common.HexToHash("0x989334f58955e9285b052421bdd17096cdae995445830340e13bdd0fc68cc849")
}

// UnpackGrantAlreadyDeliveredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error GrantAlreadyDelivered(bytes32 requestId)
func (dataRegistry *DataRegistry) UnpackGrantAlreadyDeliveredError(raw []byte) (*DataRegistryGrantAlreadyDelivered, error) {
	out := new(DataRegistryGrantAlreadyDelivered)
	if err := dataRegistry.abi.UnpackIntoInterface(out, "GrantAlreadyDelivered", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DataRegistryGrantExpired represents a GrantExpired error raised by the DataRegistry contract.
type DataRegistryGrantExpired struct {
	RequestId [32]byte
	ExpiresAt uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error GrantExpired(bytes32 requestId, uint64 expiresAt)
func DataRegistryGrantExpiredErrorID() common.Hash {
	return common.HexToHash("0x8013709227c9c26e129d6780b0672889d0721fec1e7b6ccd6af26c8c54972a1d")
}

// UnpackGrantExpiredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error GrantExpired(bytes32 requestId, uint64 expiresAt)
func (dataRegistry *DataRegistry) UnpackGrantExpiredError(raw []byte) (*DataRegistryGrantExpired, error) {
	out := new(DataRegistryGrantExpired)
	if err := dataRegistry.abi.UnpackIntoInterface(out, "GrantExpired", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DataRegistryInvalidGrant represents a InvalidGrant error raised by the DataRegistry contract.
type DataRegistryInvalidGrant struct {
	Length *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidGrant(uint256 length)
func DataRegistryInvalidGrantErrorID() common.Hash {
	return common.HexToHash("0x7c9a55af5ce28e744bf5c65c85dca8d49976633291f61c55ff1ec287d64304f6")
}

// UnpackInvalidGrantError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidGrant(uint256 length)
func (dataRegistry *DataRegistry) UnpackInvalidGrantError(raw []byte) (*DataRegistryInvalidGrant, error) {
	out := new(DataRegistryInvalidGrant)
	if err := dataRegistry.abi.UnpackIntoInterface(out, "InvalidGrant", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DataRegistryInvalidRelease represents a InvalidRelease error raised by the DataRegistry contract.
type DataRegistryInvalidRelease struct {
	Field string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidRelease(string field)
func DataRegistryInvalidReleaseErrorID() common.Hash {
	return common.HexToHash("0x7f41257aa97f32d4e1a80c7b5aa88711e77b2701bf9bec74baed9733670b9d4c")
}

// UnpackInvalidReleaseError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidRelease(string field)
func (dataRegistry *DataRegistry) UnpackInvalidReleaseError(raw []byte) (*DataRegistryInvalidRelease, error) {
	out := new(DataRegistryInvalidRelease)
	if err := dataRegistry.abi.UnpackIntoInterface(out, "InvalidRelease", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DataRegistryNotAdmin represents a NotAdmin error raised by the DataRegistry contract.
type DataRegistryNotAdmin struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotAdmin(address caller)
func DataRegistryNotAdminErrorID() common.Hash {
	return common.HexToHash("0x17a8424239494df835a470bd5e48f10a94b5febfef662a1917fe31decebbedeb")
}

// UnpackNotAdminError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotAdmin(address caller)
func (dataRegistry *DataRegistry) UnpackNotAdminError(raw []byte) (*DataRegistryNotAdmin, error) {
	out := new(DataRegistryNotAdmin)
	if err := dataRegistry.abi.UnpackIntoInterface(out, "NotAdmin", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DataRegistryNotBridge represents a NotBridge error raised by the DataRegistry contract.
type DataRegistryNotBridge struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotBridge(address caller)
func DataRegistryNotBridgeErrorID() common.Hash {
	return common.HexToHash("0xf91b419eec7695fa42b5ad5608bd2123ca602e47c2af990b92c08729cdb5d69e")
}

// UnpackNotBridgeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotBridge(address caller)
func (dataRegistry *DataRegistry) UnpackNotBridgeError(raw []byte) (*DataRegistryNotBridge, error) {
	out := new(DataRegistryNotBridge)
	if err := dataRegistry.abi.UnpackIntoInterface(out, "NotBridge", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DataRegistryNotFrozen represents a NotFrozen error raised by the DataRegistry contract.
type DataRegistryNotFrozen struct {
	RecordId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotFrozen(bytes32 recordId)
func DataRegistryNotFrozenErrorID() common.Hash {
	return common.HexToHash("0x20a02faf09252bac844bd6d8df8b6a12975cdf2925cc79af4130b01256e4fb33")
}

// UnpackNotFrozenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotFrozen(bytes32 recordId)
func (dataRegistry *DataRegistry) UnpackNotFrozenError(raw []byte) (*DataRegistryNotFrozen, error) {
	out := new(DataRegistryNotFrozen)
	if err := dataRegistry.abi.UnpackIntoInterface(out, "NotFrozen", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DataRegistryNotGranted represents a NotGranted error raised by the DataRegistry contract.
type DataRegistryNotGranted struct {
	RequestId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotGranted(bytes32 requestId)
func DataRegistryNotGrantedErrorID() common.Hash {
	return common.HexToHash("0x55ad5b7eeedd71ec1d7b13192f6eb9706803ffd970bf8cf9655282bc949b0ae9")
}

// UnpackNotGrantedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotGranted(bytes32 requestId)
func (dataRegistry *DataRegistry) UnpackNotGrantedError(raw []byte) (*DataRegistryNotGranted, error) {
	out := new(DataRegistryNotGranted)
	if err := dataRegistry.abi.UnpackIntoInterface(out, "NotGranted", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DataRegistryNotRequestable represents a NotRequestable error raised by the DataRegistry contract.
type DataRegistryNotRequestable struct {
	RecordId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotRequestable(bytes32 recordId)
func DataRegistryNotRequestableErrorID() common.Hash {
	return common.HexToHash("0xdc2f6e87a02d2d5a78184be29a6a0af21229d2aa740c395e5fe6fffb022e9419")
}

// UnpackNotRequestableError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotRequestable(bytes32 recordId)
func (dataRegistry *DataRegistry) UnpackNotRequestableError(raw []byte) (*DataRegistryNotRequestable, error) {
	out := new(DataRegistryNotRequestable)
	if err := dataRegistry.abi.UnpackIntoInterface(out, "NotRequestable", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DataRegistryNotSecurityOfficer represents a NotSecurityOfficer error raised by the DataRegistry contract.
type DataRegistryNotSecurityOfficer struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotSecurityOfficer(address caller)
func DataRegistryNotSecurityOfficerErrorID() common.Hash {
	return common.HexToHash("0x838ac02ea184df1de0d8343fcc733f03a8d7cbe70bf37f917e8d14557940194b")
}

// UnpackNotSecurityOfficerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotSecurityOfficer(address caller)
func (dataRegistry *DataRegistry) UnpackNotSecurityOfficerError(raw []byte) (*DataRegistryNotSecurityOfficer, error) {
	out := new(DataRegistryNotSecurityOfficer)
	if err := dataRegistry.abi.UnpackIntoInterface(out, "NotSecurityOfficer", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DataRegistryNotSupervisor represents a NotSupervisor error raised by the DataRegistry contract.
type DataRegistryNotSupervisor struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotSupervisor(address caller)
func DataRegistryNotSupervisorErrorID() common.Hash {
	return common.HexToHash("0xd0b5d22349823ab7c3c2d85a3e9e68bedaa294412f8d525f319a3cb58c634f44")
}

// UnpackNotSupervisorError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotSupervisor(address caller)
func (dataRegistry *DataRegistry) UnpackNotSupervisorError(raw []byte) (*DataRegistryNotSupervisor, error) {
	out := new(DataRegistryNotSupervisor)
	if err := dataRegistry.abi.UnpackIntoInterface(out, "NotSupervisor", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DataRegistryRequestNotPending represents a RequestNotPending error raised by the DataRegistry contract.
type DataRegistryRequestNotPending struct {
	RequestId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RequestNotPending(bytes32 requestId)
func DataRegistryRequestNotPendingErrorID() common.Hash {
	return common.HexToHash("0x90106aaf2deff1f51d8e13cde977730abf2d31078ab71062078d76a56f9f53cc")
}

// UnpackRequestNotPendingError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RequestNotPending(bytes32 requestId)
func (dataRegistry *DataRegistry) UnpackRequestNotPendingError(raw []byte) (*DataRegistryRequestNotPending, error) {
	out := new(DataRegistryRequestNotPending)
	if err := dataRegistry.abi.UnpackIntoInterface(out, "RequestNotPending", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DataRegistryRequestRecordMismatch represents a RequestRecordMismatch error raised by the DataRegistry contract.
type DataRegistryRequestRecordMismatch struct {
	RequestId [32]byte
	RecordId  [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RequestRecordMismatch(bytes32 requestId, bytes32 recordId)
func DataRegistryRequestRecordMismatchErrorID() common.Hash {
	return common.HexToHash("0x7a3a4b24ed1c3e31f8fb3f0c34bbcb35a1a320ff1aaa94b64506b85bed6329f5")
}

// UnpackRequestRecordMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RequestRecordMismatch(bytes32 requestId, bytes32 recordId)
func (dataRegistry *DataRegistry) UnpackRequestRecordMismatchError(raw []byte) (*DataRegistryRequestRecordMismatch, error) {
	out := new(DataRegistryRequestRecordMismatch)
	if err := dataRegistry.abi.UnpackIntoInterface(out, "RequestRecordMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DataRegistryRequestRequesterMismatch represents a RequestRequesterMismatch error raised by the DataRegistry contract.
type DataRegistryRequestRequesterMismatch struct {
	RequestId [32]byte
	Requester common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RequestRequesterMismatch(bytes32 requestId, address requester)
func DataRegistryRequestRequesterMismatchErrorID() common.Hash {
	return common.HexToHash("0x4868c779e6a80debea757c91e5f009eff45a4f43bb317b515fd4119a18e54cb2")
}

// UnpackRequestRequesterMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RequestRequesterMismatch(bytes32 requestId, address requester)
func (dataRegistry *DataRegistry) UnpackRequestRequesterMismatchError(raw []byte) (*DataRegistryRequestRequesterMismatch, error) {
	out := new(DataRegistryRequestRequesterMismatch)
	if err := dataRegistry.abi.UnpackIntoInterface(out, "RequestRequesterMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DataRegistryUnknownRecord represents a UnknownRecord error raised by the DataRegistry contract.
type DataRegistryUnknownRecord struct {
	RecordId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownRecord(bytes32 recordId)
func DataRegistryUnknownRecordErrorID() common.Hash {
	return common.HexToHash("0xb21a3f050041ecb21b74101873e657673030864450d6d6151d51cf8350e3acbe")
}

// UnpackUnknownRecordError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownRecord(bytes32 recordId)
func (dataRegistry *DataRegistry) UnpackUnknownRecordError(raw []byte) (*DataRegistryUnknownRecord, error) {
	out := new(DataRegistryUnknownRecord)
	if err := dataRegistry.abi.UnpackIntoInterface(out, "UnknownRecord", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DataRegistryUnknownRequest represents a UnknownRequest error raised by the DataRegistry contract.
type DataRegistryUnknownRequest struct {
	RequestId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownRequest(bytes32 requestId)
func DataRegistryUnknownRequestErrorID() common.Hash {
	return common.HexToHash("0x7bbe34c9053d934edfcee0212dafa8d890e3f195bd69a9d5952188773cb7ad36")
}

// UnpackUnknownRequestError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownRequest(bytes32 requestId)
func (dataRegistry *DataRegistry) UnpackUnknownRequestError(raw []byte) (*DataRegistryUnknownRequest, error) {
	out := new(DataRegistryUnknownRequest)
	if err := dataRegistry.abi.UnpackIntoInterface(out, "UnknownRequest", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DataRegistryUnknownVerifierVersion represents a UnknownVerifierVersion error raised by the DataRegistry contract.
type DataRegistryUnknownVerifierVersion struct {
	Version uint32
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownVerifierVersion(uint32 version)
func DataRegistryUnknownVerifierVersionErrorID() common.Hash {
	return common.HexToHash("0xfcf5f4e1c6e0af5c42d993ab99b2e8e47958942a1219c1c612f7c2135f409af0")
}

// UnpackUnknownVerifierVersionError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownVerifierVersion(uint32 version)
func (dataRegistry *DataRegistry) UnpackUnknownVerifierVersionError(raw []byte) (*DataRegistryUnknownVerifierVersion, error) {
	out := new(DataRegistryUnknownVerifierVersion)
	if err := dataRegistry.abi.UnpackIntoInterface(out, "UnknownVerifierVersion", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DataRegistryVerifierAlreadyAnnounced represents a VerifierAlreadyAnnounced error raised by the DataRegistry contract.
type DataRegistryVerifierAlreadyAnnounced struct {
	Version uint32
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error VerifierAlreadyAnnounced(uint32 version)
func DataRegistryVerifierAlreadyAnnouncedErrorID() common.Hash {
	return common.HexToHash("0x16328723e46670b9b67ac6277ed6536c6586b369c64b5de15b4ed6b12326e6d4")
}

// UnpackVerifierAlreadyAnnouncedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error VerifierAlreadyAnnounced(uint32 version)
func (dataRegistry *DataRegistry) UnpackVerifierAlreadyAnnouncedError(raw []byte) (*DataRegistryVerifierAlreadyAnnounced, error) {
	out := new(DataRegistryVerifierAlreadyAnnounced)
	if err := dataRegistry.abi.UnpackIntoInterface(out, "VerifierAlreadyAnnounced", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DataRegistryVerifierAlreadyRegistered represents a VerifierAlreadyRegistered error raised by the DataRegistry contract.
type DataRegistryVerifierAlreadyRegistered struct {
	Version  uint32
	Verifier common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error VerifierAlreadyRegistered(uint32 version, address verifier)
func DataRegistryVerifierAlreadyRegisteredErrorID() common.Hash {
	return common.HexToHash("0x4ca4271003f9c8a7e23546d509643666b57d0d49a41bd9e18b050ca4bfcfc8bb")
}

// UnpackVerifierAlreadyRegisteredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error VerifierAlreadyRegistered(uint32 version, address verifier)
func (dataRegistry *DataRegistry) UnpackVerifierAlreadyRegisteredError(raw []byte) (*DataRegistryVerifierAlreadyRegistered, error) {
	out := new(DataRegistryVerifierAlreadyRegistered)
	if err := dataRegistry.abi.UnpackIntoInterface(out, "VerifierAlreadyRegistered", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DataRegistryVerifierCodeMismatch represents a VerifierCodeMismatch error raised by the DataRegistry contract.
type DataRegistryVerifierCodeMismatch struct {
	Version uint32
	Want    [32]byte
	Got     [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error VerifierCodeMismatch(uint32 version, bytes32 want, bytes32 got)
func DataRegistryVerifierCodeMismatchErrorID() common.Hash {
	return common.HexToHash("0x75e784fc7fdb357a082837f4bfc0f0fa50b4327dcd38bb45edc9333510c31077")
}

// UnpackVerifierCodeMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error VerifierCodeMismatch(uint32 version, bytes32 want, bytes32 got)
func (dataRegistry *DataRegistry) UnpackVerifierCodeMismatchError(raw []byte) (*DataRegistryVerifierCodeMismatch, error) {
	out := new(DataRegistryVerifierCodeMismatch)
	if err := dataRegistry.abi.UnpackIntoInterface(out, "VerifierCodeMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DataRegistryZeroAddress represents a ZeroAddress error raised by the DataRegistry contract.
type DataRegistryZeroAddress struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAddress()
func DataRegistryZeroAddressErrorID() common.Hash {
	return common.HexToHash("0xd92e233df2717d4a40030e20904abd27b68fcbeede117eaaccbbdac9618c8c73")
}

// UnpackZeroAddressError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAddress()
func (dataRegistry *DataRegistry) UnpackZeroAddressError(raw []byte) (*DataRegistryZeroAddress, error) {
	out := new(DataRegistryZeroAddress)
	if err := dataRegistry.abi.UnpackIntoInterface(out, "ZeroAddress", raw); err != nil {
		return nil, err
	}
	return out, nil
}
