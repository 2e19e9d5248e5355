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
	Commitment   *big.Int
	ReleasedRoot *big.Int
	ContentHash  [32]byte
}

// IDataRegistryRelease is an auto generated low-level Go binding around an user-defined struct.
type IDataRegistryRelease struct {
	DatasetId    [32]byte
	Version      uint64
	Level        uint8
	Threshold    uint8
	Commitment   *big.Int
	ReleasedRoot *big.Int
	ContentHash  [32]byte
	Supersedes   uint64
}

// DataRegistryMetaData contains all meta data concerning the DataRegistry contract.
var DataRegistryMetaData = bind.MetaData{
	ABI: "[{\"type\":\"constructor\",\"inputs\":[{\"name\":\"supervisor_\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"securityOfficer_\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"policy_\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"accessRequest\",\"inputs\":[{\"name\":\"requestId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"requester\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"status\",\"type\":\"uint8\",\"internalType\":\"enumIDataRegistry.AccessStatus\"},{\"name\":\"expiresAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"bridge\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"dataset\",\"inputs\":[{\"name\":\"datasetId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"count\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"latestVersion\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"freeze\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"reason\",\"type\":\"string\",\"internalType\":\"string\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"getRecord\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"tuple\",\"internalType\":\"structIDataRegistry.Record\",\"components\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"datasetId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"seq\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"version\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"level\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"supersedes\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"supersededBy\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"publishedAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"frozen\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"shredded\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"commitment\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"releasedRoot\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"contentHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"policy\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"publish\",\"inputs\":[{\"name\":\"r\",\"type\":\"tuple\",\"internalType\":\"structIDataRegistry.Release\",\"components\":[{\"name\":\"datasetId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"version\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"level\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"commitment\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"releasedRoot\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"contentHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"supersedes\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]}],\"outputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"recordAt\",\"inputs\":[{\"name\":\"seq\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"tuple\",\"internalType\":\"structIDataRegistry.Record\",\"components\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"datasetId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"seq\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"version\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"level\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"supersedes\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"supersededBy\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"publishedAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"frozen\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"shredded\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"commitment\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"releasedRoot\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"contentHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"recordCount\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"recordShred\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"receipt\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"recordsByDataset\",\"inputs\":[{\"name\":\"datasetId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"cursor\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"limit\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"page\",\"type\":\"tuple[]\",\"internalType\":\"structIDataRegistry.Record[]\",\"components\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"datasetId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"seq\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"version\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"level\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"supersedes\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"supersededBy\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"publishedAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"frozen\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"shredded\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"commitment\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"releasedRoot\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"contentHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"name\":\"next\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"recordsInRange\",\"inputs\":[{\"name\":\"from\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"limit\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"page\",\"type\":\"tuple[]\",\"internalType\":\"structIDataRegistry.Record[]\",\"components\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"datasetId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"seq\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"version\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"level\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"supersedes\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"supersededBy\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"publishedAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"frozen\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"shredded\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"commitment\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"releasedRoot\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"contentHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"requestAccess\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"purpose\",\"type\":\"string\",\"internalType\":\"string\"}],\"outputs\":[{\"name\":\"requestId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"resolveAccess\",\"inputs\":[{\"name\":\"requestId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"granted\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"expiresAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"securityOfficer\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"setBridge\",\"inputs\":[{\"name\":\"bridge_\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"supervisor\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"unfreeze\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"reason\",\"type\":\"string\",\"internalType\":\"string\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"event\",\"name\":\"AccessRequested\",\"inputs\":[{\"name\":\"requestId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"recordId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"requester\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"purpose\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"AccessResolved\",\"inputs\":[{\"name\":\"requestId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"recordId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"granted\",\"type\":\"bool\",\"indexed\":false,\"internalType\":\"bool\"},{\"name\":\"expiresAt\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"BridgeSet\",\"inputs\":[{\"name\":\"bridge\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Frozen\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"reason\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Published\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"datasetId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"version\",\"type\":\"uint64\",\"indexed\":true,\"internalType\":\"uint64\"},{\"name\":\"seq\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"level\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"uint8\"},{\"name\":\"contentHash\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Shredded\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"receipt\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Superseded\",\"inputs\":[{\"name\":\"oldRecordId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"newRecordId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"datasetId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Unfrozen\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"reason\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"}],\"anonymous\":false},{\"type\":\"error\",\"name\":\"AlreadyPublished\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"AlreadyShredded\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"AlreadySuperseded\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"byVersion\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"BridgeAlreadySet\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"EmptyReason\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"InvalidRelease\",\"inputs\":[{\"name\":\"field\",\"type\":\"string\",\"internalType\":\"string\"}]},{\"type\":\"error\",\"name\":\"NotAdmin\",\"inputs\":[{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NotBridge\",\"inputs\":[{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NotFrozen\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"NotRequestable\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"NotSecurityOfficer\",\"inputs\":[{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NotSupervisor\",\"inputs\":[{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"RecordFrozen\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"RequestNotPending\",\"inputs\":[{\"name\":\"requestId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"RequestRecordMismatch\",\"inputs\":[{\"name\":\"requestId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"UnknownRecord\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"UnknownRequest\",\"inputs\":[{\"name\":\"requestId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"VersionNotIncreasing\",\"inputs\":[{\"name\":\"datasetId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"latest\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"version\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"ZeroAddress\",\"inputs\":[]}]",
	ID:  "DataRegistry",
	Bin: "0x61010060405234801561001157600080fd5b5060405161203e38038061203e833981016040819052610030916100a6565b6001600160a01b038316158061004d57506001600160a01b038216155b1561006b5760405163d92e233d60e01b815260040160405180910390fd5b6001600160a01b03928316608052911660a05260c0523360e0526100e2565b80516001600160a01b03811681146100a157600080fd5b919050565b6000806000606084860312156100bb57600080fd5b6100c48461008a565b92506100d26020850161008a565b9150604084015190509250925092565b60805160a05160c05160e051611f0e61013060003960006112920152600061012001526000818161018f015261151f0152600081816101ce015281816103d80152610f560152611f0e6000f3fe608060405234801561001057600080fd5b50600436106101165760003560e01c80638dd14802116100a2578063d5a1d93a11610071578063d5a1d93a146102e5578063d768add7146102f8578063d87f969e14610394578063e78cea92146103a7578063fb483fb1146103ba57600080fd5b80638dd1480214610257578063900407bc1461026a578063c0cae50014610272578063d0c0abd21461028557600080fd5b806356e4b68b116100e957806356e4b68b146101c95780635e829a67146101f05780635f227d2f1461020357806364c6beee1461022357806365e87d011461023657600080fd5b80630505c8c91461011b57806313eceee114610155578063213681cd1461016a578063421ffee91461018a575b600080fd5b6101427f000000000000000000000000000000000000000000000000000000000000000081565b6040519081526020015b60405180910390f35b610168610163366004611a42565b6103cd565b005b61017d610178366004611abe565b6104a0565b60405161014c9190611bec565b6101b17f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b03909116815260200161014c565b6101b17f000000000000000000000000000000000000000000000000000000000000000081565b6101426101fe366004611bfb565b6104f5565b610216610211366004611c17565b610e2c565b60405161014c9190611c81565b610168610231366004611a42565b610f4b565b610249610244366004611c94565b611031565b60405161014c929190611cc0565b610168610265366004611ce2565b611287565b600154610142565b610168610280366004611d27565b61136b565b6102d5610293366004611abe565b6000908152600560205260409020805460019091015490916001600160a01b03821691600160a01b810460ff1691600160a81b9091046001600160401b031690565b60405161014c9493929190611d8a565b6101686102f3366004611c17565b611514565b610374610306366004611abe565b600090815260046020908152604091829020825160a081018452905463ffffffff808216835264010000000082048116938301849052600160401b82046001600160401b0316948301859052600160801b8204166060830152600160a01b900460ff16151560809091015291565b604080516001600160401b0393841681529290911660208301520161014c565b6101426103a2366004611a42565b6115ec565b6000546101b1906001600160a01b031681565b61017d6103c8366004611abe565b6117d1565b336001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000161461041d5760405163d0b5d22360e01b81523360048201526024015b60405180910390fd5b600081900361043f5760405163db72b02360e01b815260040160405180910390fd5b600061044a84611807565b805460ff60d81b1916600160d81b17815560405190915084907f840fec36d449415555dc2dbd3cda028f545e098e18d074c3b056b89253989a2b906104929086908690611ddc565b60405180910390a250505050565b6104a86119ce565b600082815260026020526040812054908190036104db5760405163b21a3f0560e01b815260048101849052602401610414565b6104ee6104e9600183611e21565b61186b565b9392505050565b600080546001600160a01b0316331461052357604051637c8da0cf60e11b8152336004820152602401610414565b813561055e57604051633fa092bd60e11b815260206004820152600960248201526819185d185cd95d125960ba1b6044820152606401610414565b61056e6040830160208401611e34565b6001600160401b0316158061059e575063ffffffff6105936040840160208501611e34565b6001600160401b0316115b156105d657604051633fa092bd60e11b81526020600482015260076024820152663b32b939b4b7b760c91b6044820152606401610414565b60026105e86060840160408501611e4f565b60ff16111561062257604051633fa092bd60e11b81526020600482015260056024820152641b195d995b60da1b6044820152606401610414565b81356106346040840160208501611e34565b6040516020016106579291909182526001600160401b0316602082015260400190565b60408051601f19818403018152918152815160209283012060008181526002909352912054909150156106a057604051636857728b60e11b815260048101829052602401610414565b8135600090815260046020908152604091829020825160a081018452905463ffffffff80821683526401000000008204811693830193909352600160401b81046001600160401b031693820193909352600160801b83049091166060820152600160a01b90910460ff1615156080820181905261075d576001608082018190526003805463ffffffff81168452918201815560005283357fc2575a0e9e593c00f959f8c92f12db2869c3395a3b0502d05e2516446f71f85b909101555b6040808201516001600160401b03169061077c90850160208601611e34565b6001600160401b0316116107d5576040808201518435916107a290860160208701611e34565b604051637bdab62360e01b815260048101939093526001600160401b039182166024840152166044820152606401610414565b60015463ffffffff6001600160401b0382161061081b57604051633fa092bd60e11b815260206004820152600360248201526273657160e81b6044820152606401610414565b61082c610100850160e08601611e34565b6001600160401b031615610a395761084a6040850160208601611e34565b6001600160401b0316610864610100860160e08701611e34565b6001600160401b0316106108a857604051633fa092bd60e11b815260206004820152600a6024820152697375706572736564657360b01b6044820152606401610414565b600084356108bd610100870160e08801611e34565b6040516020016108e09291909182526001600160401b0316602082015260400190565b60408051601f19818403018152918152815160209283012060008181526002909352908220549092509081900361092d5760405163b21a3f0560e01b815260048101839052602401610414565b6000600161093b8184611e21565b8154811061094b5761094b611e72565b600091825260209091206004909102018054909150600160d81b900460ff161561098b57604051631dd1fea560e31b815260048101849052602401610414565b8054600160401b900463ffffffff16156109d0578054604051630f39395560e41b815260048101859052600160401b90910463ffffffff166024820152604401610414565b6109e06040880160208901611e34565b815463ffffffff91909116600160401b026bffffffff000000000000000019909116178155604051873590879085907f96e8e8e732d19624886541a19c8e4faa7b9ea21cd1450f489b408d918635b39e90600090a45050505b6001604051806101a00160405280866020016020810190610a5a9190611e34565b63ffffffff168152602001610a76610100880160e08901611e34565b63ffffffff168152602001600063ffffffff168152602001846000015163ffffffff168152602001846060015163ffffffff1681526020014264ffffffffff168152602001866040016020810190610ace9190611e4f565b60ff168152602001610ae66080880160608901611e4f565b60ff90811682526000602080840182905260408085018390526080808c013560608088019190915260a0808e01358389015260c0808f013598820198909852895460018181018c559a87529585902089516004909702018054958a0151948a0151928a0151938a0151918a0151988a015160e08b01516101008c01516101208d01511515600160e01b0260ff60e01b19911515600160d81b029190911661ffff60d81b19928c16600160d01b0260ff60d01b1994909c16600160c81b029390931661ffff60c81b1964ffffffffff909d16600160a01b0264ffffffffff60a01b1963ffffffff978816600160801b021668ffffffffffffffffff60801b19998816600160601b0263ffffffff60601b19998916600160401b02999099166fffffffffffffffff0000000000000000199b89166401000000000267ffffffffffffffff19909d1698909d16979097179a909a17989098169990991794909417949094169190911794909417969096169190911793909317939093169190911717815561014082015181840155610160820151600282015561018090910151600390910155610c9d906001600160401b03831690611e88565b6000848152600260209081526040909120919091558201805190610cc082611e9b565b63ffffffff16905250610cd96040850160208601611e34565b6001600160401b03166040830152610cf2816001611ec0565b63ffffffff9081166060840190815285356000908152600460209081526040918290208651815483890151858a0151965160808b01511515600160a01b0260ff60a01b19918a16600160801b0263ffffffff60801b196001600160401b03909a16600160401b029990991673ffffffffffffffffffffffff000000000000000019938b166401000000000267ffffffffffffffff1990951695909a1694909417929092171696909617949094179490941692909217909255610db8918601908601611e34565b6001600160401b03168435847f433615b53c03e29445f992023975621daf72d025aa2144da44ae2149c0e983c784610df660608a0160408b01611e4f565b604080516001600160401b03909316835260ff909116602083015260c08a01359082015260600160405180910390a45050919050565b6001546060908084101580610e3f575082155b15610e7e576040805160008082526020820190925290610e75565b610e626119ce565b815260200190600190039081610e5a5790505b50915050610f45565b6000610e8a8583611e21565b8411610e9f57610e9a8486611e88565b610ea1565b815b9050610ead8582611e21565b6001600160401b03811115610ec457610ec4611edf565b604051908082528060200260200182016040528015610efd57816020015b610eea6119ce565b815260200190600190039081610ee25790505b509250845b81811015610f4157610f138161186b565b84610f1e8884611e21565b81518110610f2e57610f2e611e72565b6020908102919091010152600101610f02565b5050505b92915050565b336001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001614610f965760405163d0b5d22360e01b8152336004820152602401610414565b6000819003610fb85760405163db72b02360e01b815260040160405180910390fd5b6000610fc384611807565b8054909150600160d81b900460ff16610ff2576040516320a02faf60e01b815260048101859052602401610414565b805460ff60d81b1916815560405184907f667c11723918d08629e2e3995ada8a647ed586707ecc76b248aca3e56194aff2906104929086908690611ddc565b6000838152600460209081526040808320815160a081018352905463ffffffff80821683526401000000008204811694830194909452600160401b81046001600160401b031692820192909252600160801b8204909216606080840191909152600160a01b90910460ff16158015608084015290929190806110b1575083155b156110f45760408051600080825260208201909252906110e7565b6110d46119ce565b8152602001906001900390816110cc5790505b506000925092505061127f565b8415611100578461110c565b806060015163ffffffff165b60015490925082118061115f5750805163ffffffff16600161112e8185611e21565b8154811061113e5761113e611e72565b6000918252602090912060049091020154600160601b900463ffffffff1614155b1561119657604051633fa092bd60e11b815260206004820152600660248201526531bab939b7b960d11b6044820152606401610414565b6000846001600160401b038111156111b0576111b0611edf565b6040519080825280602002602001820160405280156111e957816020015b6111d66119ce565b8152602001906001900390816111ce5790505b50905060005b83158015906111fd57508581105b15611279576112106104e9600186611e21565b828261121b81611ef5565b93508151811061122d5761122d611e72565b602090810291909101015260016112448186611e21565b8154811061125457611254611e72565b6000918252602090912060049091020154600160801b900463ffffffff1693506111ef565b81529250505b935093915050565b336001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016146112d257604051630bd4212160e11b8152336004820152602401610414565b6000546001600160a01b0316156112fc576040516322f0750560e21b815260040160405180910390fd5b6001600160a01b0381166113235760405163d92e233d60e01b815260040160405180910390fd5b600080546001600160a01b0319166001600160a01b038316908117825560405190917fa49730bff544fd0b716395c592e39c6fd2d2481a19b9229b5b240483db95a49591a250565b6000546001600160a01b0316331461139857604051637c8da0cf60e11b8152336004820152602401610414565b6000848152600560205260408120906001820154600160a01b900460ff1660038111156113c7576113c7611d74565b036113e857604051637bbe34c960e01b815260048101869052602401610414565b600180820154600160a01b900460ff16600381111561140957611409611d74565b1461142a576040516390106aaf60e01b815260048101869052602401610414565b8054841461145557604051631e8e92c960e21b81526004810186905260248101859052604401610414565b82611461576003611464565b60025b60018201805460ff60a01b1916600160a01b83600381111561148857611488611d74565b02179055508261149957600061149b565b815b60018201805467ffffffffffffffff60a81b1916600160a81b6001600160401b0393841681029190911791829055604080518715158152919092049092166020830152859187917fa763a8dd77c7d40baaa92c7fdf60d2c6c9176d4e5265f3f9f29e07b5b482ebe2910160405180910390a35050505050565b336001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000161461155f576040516341c5601760e11b8152336004820152602401610414565b600061156a83611807565b8054909150600160e01b900460ff161561159a5760405163a920d56360e01b815260048101849052602401610414565b805460ff60e01b1916600160e01b17815560405183907fbdd4d5d37000e2c699120530ac685451ec97b552f94d2c1da6d939cab39e578f906115df9085815260200190565b60405180910390a2505050565b6000806115f885611807565b8054909150600160c81b900460ff16600114158061161e57508054600160d81b900460ff165b8061163157508054600160e01b900460ff165b156116525760405163dc2f6e8760e01b815260048101869052602401610414565b60008390036116745760405163db72b02360e01b815260040160405180910390fd5b463060066000815461168590611ef5565b91829055506040516116b6939291906020019283526001600160a01b03919091166020830152604082015260600190565b60408051601f19818403018152828252805160209182012060808401835288845233918401919091529350810160018152600060209182018190528481526005825260409081902083518155918301516001830180546001600160a01b039092166001600160a01b0319831681178255928501519290916001600160a81b03191617600160a01b83600381111561174f5761174f611d74565b021790555060608201518160010160156101000a8154816001600160401b0302191690836001600160401b03160217905550905050336001600160a01b031685837fb7954899571364ed4183d8647676655aed92b9272cc1602d780af910f437ac1b87876040516117c1929190611ddc565b60405180910390a4509392505050565b6117d96119ce565b60015482106117fe5760405163b21a3f0560e01b815260048101839052602401610414565b610f458261186b565b6000818152600260205260408120548082036118395760405163b21a3f0560e01b815260048101849052602401610414565b60016118458183611e21565b8154811061185557611855611e72565b9060005260206000209060040201915050919050565b6118736119ce565b60006001838154811061188857611888611e72565b906000526020600020906004020190506000600382600001600c9054906101000a900463ffffffff1663ffffffff16815481106118c7576118c7611e72565b60009182526020918290200154604080516101c08101825285546101e0820184905263ffffffff80821661020080850182905285518086039091018152610220850186528051908801208452958301949094526001600160401b039890981691810191909152606081019290925260ff600160c81b870481166080840152600160d01b8704811660a08401526401000000008704821660c0840152600160401b870490911660e083015264ffffffffff600160a01b870416610100830152600160d81b860481161515610120830152600160e01b90950490941615156101408501525060018101546101608401526002810154610180840152600301546101a08301525090565b604080516101c081018252600080825260208201819052918101829052606081018290526080810182905260a0810182905260c0810182905260e08101829052610100810182905261012081018290526101408101829052610160810182905261018081018290526101a081019190915290565b600080600060408486031215611a5757600080fd5b8335925060208401356001600160401b03811115611a7457600080fd5b8401601f81018613611a8557600080fd5b80356001600160401b03811115611a9b57600080fd5b866020828401011115611aad57600080fd5b939660209190910195509293505050565b600060208284031215611ad057600080fd5b5035919050565b80518252602081015160208301526040810151611aff60408401826001600160401b03169052565b506060810151611b1a60608401826001600160401b03169052565b506080810151611b2f608084018260ff169052565b5060a0810151611b4460a084018260ff169052565b5060c0810151611b5f60c08401826001600160401b03169052565b5060e0810151611b7a60e08401826001600160401b03169052565b50610100810151611b976101008401826001600160401b03169052565b50610120810151611bad61012084018215159052565b50610140810151611bc361014084018215159052565b506101608101516101608301526101808101516101808301526101a08101516101a08301525050565b6101c08101610f458284611ad7565b6000610100828403128015611c0f57600080fd5b509092915050565b60008060408385031215611c2a57600080fd5b50508035926020909101359150565b600081518084526020840193506020830160005b82811015611c7757611c60868351611ad7565b6101c0959095019460209190910190600101611c4d565b5093949350505050565b6020815260006104ee6020830184611c39565b600080600060608486031215611ca957600080fd5b505081359360208301359350604090920135919050565b604081526000611cd36040830185611c39565b90508260208301529392505050565b600060208284031215611cf457600080fd5b81356001600160a01b03811681146104ee57600080fd5b80356001600160401b0381168114611d2257600080fd5b919050565b60008060008060808587031215611d3d57600080fd5b843593506020850135925060408501358015158114611d5b57600080fd5b9150611d6960608601611d0b565b905092959194509250565b634e487b7160e01b600052602160045260246000fd5b8481526001600160a01b03841660208201526080810160048410611dbe57634e487b7160e01b600052602160045260246000fd5b8360408301526001600160401b038316606083015295945050505050565b60208152816020820152818360408301376000818301604090810191909152601f909201601f19160101919050565b634e487b7160e01b600052601160045260246000fd5b81810381811115610f4557610f45611e0b565b600060208284031215611e4657600080fd5b6104ee82611d0b565b600060208284031215611e6157600080fd5b813560ff811681146104ee57600080fd5b634e487b7160e01b600052603260045260246000fd5b80820180821115610f4557610f45611e0b565b600063ffffffff821663ffffffff8103611eb757611eb7611e0b565b60010192915050565b6001600160401b038181168382160190811115610f4557610f45611e0b565b634e487b7160e01b600052604160045260246000fd5b600060018201611f0757611f07611e0b565b506001019056",
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
// Solidity: constructor(address supervisor_, address securityOfficer_, uint256 policy_) returns()
func (dataRegistry *DataRegistry) PackConstructor(supervisor_ common.Address, securityOfficer_ common.Address, policy_ *big.Int) []byte {
	enc, err := dataRegistry.abi.Pack("", supervisor_, securityOfficer_, policy_)
	if err != nil {
		panic(err)
	}
	return enc
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
// Solidity: function getRecord(bytes32 recordId) view returns((bytes32,bytes32,uint64,uint64,uint8,uint8,uint64,uint64,uint64,bool,bool,uint256,uint256,bytes32))
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
// Solidity: function getRecord(bytes32 recordId) view returns((bytes32,bytes32,uint64,uint64,uint8,uint8,uint64,uint64,uint64,bool,bool,uint256,uint256,bytes32))
func (dataRegistry *DataRegistry) TryPackGetRecord(recordId [32]byte) ([]byte, error) {
	return dataRegistry.abi.Pack("getRecord", recordId)
}

// UnpackGetRecord is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x213681cd.
//
// Solidity: function getRecord(bytes32 recordId) view returns((bytes32,bytes32,uint64,uint64,uint8,uint8,uint64,uint64,uint64,bool,bool,uint256,uint256,bytes32))
func (dataRegistry *DataRegistry) UnpackGetRecord(data []byte) (IDataRegistryRecord, error) {
	out, err := dataRegistry.abi.Unpack("getRecord", data)
	if err != nil {
		return *new(IDataRegistryRecord), err
	}
	out0 := *abi.ConvertType(out[0], new(IDataRegistryRecord)).(*IDataRegistryRecord)
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
// the contract method with ID 0x5e829a67.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function publish((bytes32,uint64,uint8,uint8,uint256,uint256,bytes32,uint64) r) returns(bytes32 recordId)
func (dataRegistry *DataRegistry) PackPublish(r IDataRegistryRelease) []byte {
	enc, err := dataRegistry.abi.Pack("publish", r)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPublish is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5e829a67.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function publish((bytes32,uint64,uint8,uint8,uint256,uint256,bytes32,uint64) r) returns(bytes32 recordId)
func (dataRegistry *DataRegistry) TryPackPublish(r IDataRegistryRelease) ([]byte, error) {
	return dataRegistry.abi.Pack("publish", r)
}

// UnpackPublish is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5e829a67.
//
// Solidity: function publish((bytes32,uint64,uint8,uint8,uint256,uint256,bytes32,uint64) r) returns(bytes32 recordId)
func (dataRegistry *DataRegistry) UnpackPublish(data []byte) ([32]byte, error) {
	out, err := dataRegistry.abi.Unpack("publish", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackRecordAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfb483fb1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function recordAt(uint256 seq) view returns((bytes32,bytes32,uint64,uint64,uint8,uint8,uint64,uint64,uint64,bool,bool,uint256,uint256,bytes32))
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
// Solidity: function recordAt(uint256 seq) view returns((bytes32,bytes32,uint64,uint64,uint8,uint8,uint64,uint64,uint64,bool,bool,uint256,uint256,bytes32))
func (dataRegistry *DataRegistry) TryPackRecordAt(seq *big.Int) ([]byte, error) {
	return dataRegistry.abi.Pack("recordAt", seq)
}

// UnpackRecordAt is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfb483fb1.
//
// Solidity: function recordAt(uint256 seq) view returns((bytes32,bytes32,uint64,uint64,uint8,uint8,uint64,uint64,uint64,bool,bool,uint256,uint256,bytes32))
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
// Solidity: function recordShred(bytes32 recordId, bytes32 receipt) returns()
func (dataRegistry *DataRegistry) PackRecordShred(recordId [32]byte, receipt [32]byte) []byte {
	enc, err := dataRegistry.abi.Pack("recordShred", recordId, receipt)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRecordShred is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd5a1d93a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function recordShred(bytes32 recordId, bytes32 receipt) returns()
func (dataRegistry *DataRegistry) TryPackRecordShred(recordId [32]byte, receipt [32]byte) ([]byte, error) {
	return dataRegistry.abi.Pack("recordShred", recordId, receipt)
}

// PackRecordsByDataset is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x65e87d01.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function recordsByDataset(bytes32 datasetId, uint256 cursor, uint256 limit) view returns((bytes32,bytes32,uint64,uint64,uint8,uint8,uint64,uint64,uint64,bool,bool,uint256,uint256,bytes32)[] page, uint256 next)
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
// Solidity: function recordsByDataset(bytes32 datasetId, uint256 cursor, uint256 limit) view returns((bytes32,bytes32,uint64,uint64,uint8,uint8,uint64,uint64,uint64,bool,bool,uint256,uint256,bytes32)[] page, uint256 next)
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
// Solidity: function recordsByDataset(bytes32 datasetId, uint256 cursor, uint256 limit) view returns((bytes32,bytes32,uint64,uint64,uint8,uint8,uint64,uint64,uint64,bool,bool,uint256,uint256,bytes32)[] page, uint256 next)
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
// Solidity: function recordsInRange(uint256 from, uint256 limit) view returns((bytes32,bytes32,uint64,uint64,uint8,uint8,uint64,uint64,uint64,bool,bool,uint256,uint256,bytes32)[] page)
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
// Solidity: function recordsInRange(uint256 from, uint256 limit) view returns((bytes32,bytes32,uint64,uint64,uint8,uint8,uint64,uint64,uint64,bool,bool,uint256,uint256,bytes32)[] page)
func (dataRegistry *DataRegistry) TryPackRecordsInRange(from *big.Int, limit *big.Int) ([]byte, error) {
	return dataRegistry.abi.Pack("recordsInRange", from, limit)
}

// UnpackRecordsInRange is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5f227d2f.
//
// Solidity: function recordsInRange(uint256 from, uint256 limit) view returns((bytes32,bytes32,uint64,uint64,uint8,uint8,uint64,uint64,uint64,bool,bool,uint256,uint256,bytes32)[] page)
func (dataRegistry *DataRegistry) UnpackRecordsInRange(data []byte) ([]IDataRegistryRecord, error) {
	out, err := dataRegistry.abi.Unpack("recordsInRange", data)
	if err != nil {
		return *new([]IDataRegistryRecord), err
	}
	out0 := *abi.ConvertType(out[0], new([]IDataRegistryRecord)).(*[]IDataRegistryRecord)
	return out0, nil
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
// the contract method with ID 0xc0cae500.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function resolveAccess(bytes32 requestId, bytes32 recordId, bool granted, uint64 expiresAt) returns()
func (dataRegistry *DataRegistry) PackResolveAccess(requestId [32]byte, recordId [32]byte, granted bool, expiresAt uint64) []byte {
	enc, err := dataRegistry.abi.Pack("resolveAccess", requestId, recordId, granted, expiresAt)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackResolveAccess is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc0cae500.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function resolveAccess(bytes32 requestId, bytes32 recordId, bool granted, uint64 expiresAt) returns()
func (dataRegistry *DataRegistry) TryPackResolveAccess(requestId [32]byte, recordId [32]byte, granted bool, expiresAt uint64) ([]byte, error) {
	return dataRegistry.abi.Pack("resolveAccess", requestId, recordId, granted, expiresAt)
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

// DataRegistryPublished represents a Published event raised by the DataRegistry contract.
type DataRegistryPublished struct {
	RecordId    [32]byte
	DatasetId   [32]byte
	Version     uint64
	Seq         uint64
	Level       uint8
	ContentHash [32]byte
	Raw         *types.Log // Blockchain specific contextual infos
}

const DataRegistryPublishedEventName = "Published"

// ContractEventName returns the user-defined event name.
func (DataRegistryPublished) ContractEventName() string {
	return DataRegistryPublishedEventName
}

// UnpackPublishedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Published(bytes32 indexed recordId, bytes32 indexed datasetId, uint64 indexed version, uint64 seq, uint8 level, bytes32 contentHash)
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
	RecordId [32]byte
	Receipt  [32]byte
	Raw      *types.Log // Blockchain specific contextual infos
}

const DataRegistryShreddedEventName = "Shredded"

// ContractEventName returns the user-defined event name.
func (DataRegistryShredded) ContractEventName() string {
	return DataRegistryShreddedEventName
}

// UnpackShreddedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Shredded(bytes32 indexed recordId, bytes32 receipt)
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

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (dataRegistry *DataRegistry) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["AlreadyPublished"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackAlreadyPublishedError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["AlreadyShredded"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackAlreadyShreddedError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["AlreadySuperseded"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackAlreadySupersededError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["BridgeAlreadySet"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackBridgeAlreadySetError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["EmptyReason"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackEmptyReasonError(raw[4:])
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
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["NotRequestable"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackNotRequestableError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["NotSecurityOfficer"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackNotSecurityOfficerError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["NotSupervisor"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackNotSupervisorError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["RecordFrozen"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackRecordFrozenError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["RequestNotPending"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackRequestNotPendingError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["RequestRecordMismatch"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackRequestRecordMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["UnknownRecord"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackUnknownRecordError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["UnknownRequest"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackUnknownRequestError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["VersionNotIncreasing"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackVersionNotIncreasingError(raw[4:])
	}
	if bytes.Equal(raw[:4], dataRegistry.abi.Errors["ZeroAddress"].ID.Bytes()[:4]) {
		return dataRegistry.UnpackZeroAddressError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// DataRegistryAlreadyPublished represents a AlreadyPublished error raised by the DataRegistry contract.
type DataRegistryAlreadyPublished struct {
	RecordId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyPublished(bytes32 recordId)
func DataRegistryAlreadyPublishedErrorID() common.Hash {
	return common.HexToHash("0xd0aee51620d79c28c115990acd3da4b0a78507f71e79228ca2a81d53f4759cbf")
}

// UnpackAlreadyPublishedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyPublished(bytes32 recordId)
func (dataRegistry *DataRegistry) UnpackAlreadyPublishedError(raw []byte) (*DataRegistryAlreadyPublished, error) {
	out := new(DataRegistryAlreadyPublished)
	if err := dataRegistry.abi.UnpackIntoInterface(out, "AlreadyPublished", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DataRegistryAlreadyShredded represents a AlreadyShredded error raised by the DataRegistry contract.
type DataRegistryAlreadyShredded struct {
	RecordId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyShredded(bytes32 recordId)
func DataRegistryAlreadyShreddedErrorID() common.Hash {
	return common.HexToHash("0xa920d56301d23130a597bdb827ba861cbece833e265493be158a015e05196487")
}

// UnpackAlreadyShreddedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyShredded(bytes32 recordId)
func (dataRegistry *DataRegistry) UnpackAlreadyShreddedError(raw []byte) (*DataRegistryAlreadyShredded, error) {
	out := new(DataRegistryAlreadyShredded)
	if err := dataRegistry.abi.UnpackIntoInterface(out, "AlreadyShredded", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DataRegistryAlreadySuperseded represents a AlreadySuperseded error raised by the DataRegistry contract.
type DataRegistryAlreadySuperseded struct {
	RecordId  [32]byte
	ByVersion uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadySuperseded(bytes32 recordId, uint64 byVersion)
func DataRegistryAlreadySupersededErrorID() common.Hash {
	return common.HexToHash("0xf393955088ce8db6908e9d9dcb602525e2f9dc645530fe94de1ea07895ab6a70")
}

// UnpackAlreadySupersededError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadySuperseded(bytes32 recordId, uint64 byVersion)
func (dataRegistry *DataRegistry) UnpackAlreadySupersededError(raw []byte) (*DataRegistryAlreadySuperseded, error) {
	out := new(DataRegistryAlreadySuperseded)
	if err := dataRegistry.abi.UnpackIntoInterface(out, "AlreadySuperseded", raw); err != nil {
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

// DataRegistryRecordFrozen represents a RecordFrozen error raised by the DataRegistry contract.
type DataRegistryRecordFrozen struct {
	RecordId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RecordFrozen(bytes32 recordId)
func DataRegistryRecordFrozenErrorID() common.Hash {
	return common.HexToHash("0xee8ff528969271854239170b10721ae552a9c3cd652376abb7e4c2a1fb213f57")
}

// UnpackRecordFrozenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RecordFrozen(bytes32 recordId)
func (dataRegistry *DataRegistry) UnpackRecordFrozenError(raw []byte) (*DataRegistryRecordFrozen, error) {
	out := new(DataRegistryRecordFrozen)
	if err := dataRegistry.abi.UnpackIntoInterface(out, "RecordFrozen", raw); err != nil {
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

// DataRegistryVersionNotIncreasing represents a VersionNotIncreasing error raised by the DataRegistry contract.
type DataRegistryVersionNotIncreasing struct {
	DatasetId [32]byte
	Latest    uint64
	Version   uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error VersionNotIncreasing(bytes32 datasetId, uint64 latest, uint64 version)
func DataRegistryVersionNotIncreasingErrorID() common.Hash {
	return common.HexToHash("0x7bdab6232b8d51bbcd8b891d82077c124d44b61964c15b51163e61bb000c12b8")
}

// UnpackVersionNotIncreasingError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error VersionNotIncreasing(bytes32 datasetId, uint64 latest, uint64 version)
func (dataRegistry *DataRegistry) UnpackVersionNotIncreasingError(raw []byte) (*DataRegistryVersionNotIncreasing, error) {
	out := new(DataRegistryVersionNotIncreasing)
	if err := dataRegistry.abi.UnpackIntoInterface(out, "VersionNotIncreasing", raw); err != nil {
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
