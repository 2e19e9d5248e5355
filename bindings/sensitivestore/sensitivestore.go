// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package sensitivestore

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

// ISensitiveStoreEntry is an auto generated low-level Go binding around an user-defined struct.
type ISensitiveStoreEntry struct {
	CiphertextRef  string
	CiphertextHash [32]byte
	WrappedKey     []byte
	KeyVersion     uint32
	Commitment     *big.Int
	Writer         common.Address
	StoredAt       uint64
	Shredded       bool
	ShredReceipt   [32]byte
}

// SensitiveStoreMetaData contains all meta data concerning the SensitiveStore contract.
var SensitiveStoreMetaData = bind.MetaData{
	ABI: "[{\"type\":\"constructor\",\"inputs\":[{\"name\":\"owner_\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"MAX_BATCH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_VERSION_STEP\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"get\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"tuple\",\"internalType\":\"structISensitiveStore.Entry\",\"components\":[{\"name\":\"ciphertextRef\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"ciphertextHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"wrappedKey\",\"type\":\"bytes\",\"internalType\":\"bytes\"},{\"name\":\"keyVersion\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"commitment\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"writer\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"storedAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"shredded\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"shredReceipt\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"isOfficer\",\"inputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"isWriter\",\"inputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"multicall\",\"inputs\":[{\"name\":\"calls\",\"type\":\"bytes[]\",\"internalType\":\"bytes[]\"}],\"outputs\":[{\"name\":\"results\",\"type\":\"bytes[]\",\"internalType\":\"bytes[]\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"owner\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"put\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"ciphertextRef\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"ciphertextHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"wrappedKey\",\"type\":\"bytes\",\"internalType\":\"bytes\"},{\"name\":\"keyVersion\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"commitment\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"recordCount\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"rewrap\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"wrappedKey\",\"type\":\"bytes\",\"internalType\":\"bytes\"},{\"name\":\"keyVersion\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setOfficer\",\"inputs\":[{\"name\":\"officer\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"allowed\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setWriter\",\"inputs\":[{\"name\":\"writer\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"allowed\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"shred\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"receipt\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"event\",\"name\":\"OfficerSet\",\"inputs\":[{\"name\":\"officer\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"allowed\",\"type\":\"bool\",\"indexed\":false,\"internalType\":\"bool\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Rewrapped\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"oldKeyVersion\",\"type\":\"uint32\",\"indexed\":false,\"internalType\":\"uint32\"},{\"name\":\"newKeyVersion\",\"type\":\"uint32\",\"indexed\":false,\"internalType\":\"uint32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"ShredMarked\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"receipt\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Stored\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"writer\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"transitKeyHash\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"ciphertextHash\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"},{\"name\":\"keyVersion\",\"type\":\"uint32\",\"indexed\":false,\"internalType\":\"uint32\"},{\"name\":\"commitment\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"WriterSet\",\"inputs\":[{\"name\":\"writer\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"allowed\",\"type\":\"bool\",\"indexed\":false,\"internalType\":\"bool\"}],\"anonymous\":false},{\"type\":\"error\",\"name\":\"AlreadyStored\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"BadBatch\",\"inputs\":[{\"name\":\"calls\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidEntry\",\"inputs\":[{\"name\":\"field\",\"type\":\"string\",\"internalType\":\"string\"}]},{\"type\":\"error\",\"name\":\"KeyVersionNotNewer\",\"inputs\":[{\"name\":\"current\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"proposed\",\"type\":\"uint32\",\"internalType\":\"uint32\"}]},{\"type\":\"error\",\"name\":\"KeyVersionStepTooLarge\",\"inputs\":[{\"name\":\"current\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"proposed\",\"type\":\"uint32\",\"internalType\":\"uint32\"}]},{\"type\":\"error\",\"name\":\"NotOwner\",\"inputs\":[{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NotRecordOwner\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NotWriter\",\"inputs\":[{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"RecordShredded\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"UnknownRecord\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"ZeroAddress\",\"inputs\":[]}]",
	ID:  "SensitiveStore",
	Bin: "0x60c06040523060805234801561001457600080fd5b506040516115493803806115498339810160408190526100339161006b565b6001600160a01b03811661005a5760405163d92e233d60e01b815260040160405180910390fd5b6001600160a01b031660a05261009b565b60006020828403121561007d57600080fd5b81516001600160a01b038116811461009457600080fd5b9392505050565b60805160a0516114746100d56000396000818161018201528181610257015261032e0152600081816109640152610a3201526114746000f3fe608060405234801561001057600080fd5b50600436106100cf5760003560e01c80638da5cb5b1161008c578063950bff9f11610066578063950bff9f146101f3578063ac9650d8146101fb578063b87c9e921461021b578063da4506bb1461023957600080fd5b80638da5cb5b1461017d5780638eaa6ac0146101bc578063900407bc146101dc57600080fd5b80630502b8f6146100d45780631f91b39f146100e95780632b29ba23146100fc5780632e49920b146101345780636816442d14610147578063867c0ee61461016a575b600080fd5b6100e76100e2366004610e4e565b61024c565b005b6100e76100f7366004610e4e565b610323565b61011f61010a366004610e8a565b60006020819052908152604090205460ff1681565b60405190151581526020015b60405180910390f35b6100e7610142366004610eac565b6103eb565b61011f610155366004610e8a565b60016020526000908152604090205460ff1681565b6100e7610178366004610f2b565b61049b565b6101a47f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b03909116815260200161012b565b6101cf6101ca366004610fcd565b610730565b60405161012b919061102c565b6101e560035481565b60405190815260200161012b565b6101e5604081565b61020e6102093660046110ec565b610957565b60405161012b9190611163565b61022461040081565b60405163ffffffff909116815260200161012b565b6100e76102473660046111c8565b610b0d565b336001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000161461029c5760405163245aecd360e01b81523360048201526024015b60405180910390fd5b6001600160a01b0382166102c35760405163d92e233d60e01b815260040160405180910390fd5b6001600160a01b038216600081815260016020908152604091829020805460ff191685151590811790915591519182527f30bd595e45ae31d69b2a46ec0c3825e96f059a6bca5d1bb010d7bb5b5a0851b991015b60405180910390a25050565b336001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000161461036e5760405163245aecd360e01b8152336004820152602401610293565b6001600160a01b0382166103955760405163d92e233d60e01b815260040160405180910390fd5b6001600160a01b03821660008181526020818152604091829020805460ff191685151590811790915591519182527f763ebfe7193aeb87a3385cd59dbefc21c3f875e4c49903a64fa661681b2feea09101610317565b60006103f683610c6d565b905081610430576040516303e64b2360e01b81526020600482015260076024820152661c9958d95a5c1d60ca1b6044820152606401610293565b61043e600282016000610de0565b60058101805460ff60e01b1916600160e01b1790556006810182905560405183907f43e45e50ae3c76772f4e504cc9cd51dddbba4f7cbcb40f9cebb0eb8d0596984c9061048e9085815260200190565b60405180910390a2505050565b3360009081526020819052604090205460ff166104cd57604051631765348f60e21b8152336004820152602401610293565b87610506576040516303e64b2360e01b81526020600482015260086024820152671c9958dbdc99125960c21b6044820152606401610293565b6000869003610548576040516303e64b2360e01b815260206004820152600d60248201526c31b4b83432b93a32bc3a2932b360991b6044820152606401610293565b84610587576040516303e64b2360e01b815260206004820152600e60248201526d0c6d2e0d0cae4e8caf0e890c2e6d60931b6044820152606401610293565b60008390036105c6576040516303e64b2360e01b815260206004820152600a602482015269777261707065644b657960b01b6044820152606401610293565b8163ffffffff1660000361060a576040516303e64b2360e01b815260206004820152600a60248201526935b2bcab32b939b4b7b760b11b6044820152606401610293565b600088815260026020526040902060058101546001600160a01b03161561064757604051631c020b5160e01b8152600481018a9052602401610293565b80610653888a836112d1565b50600181018690556002810161066a8587836112d1565b506003818101805463ffffffff191663ffffffff8616179055600482018390556005820180546001600160e01b0319163367ffffffffffffffff60a01b191617600160a01b4267ffffffffffffffff160217905580549060006106cc836113a8565b91905055506106db8888610d4d565b6040805188815263ffffffff8616602082015290810184905233908b907f1a636093c843c3a65e3f37e4fc982aa5d740f1b72b3cf6d6cd6feb67d0405a3e9060600160405180910390a4505050505050505050565b6040805161012081018252606080825260006020830181905292820181905281018290526080810182905260a0810182905260c0810182905260e08101829052610100810191909152600082815260026020526040902060058101546001600160a01b03166107b55760405163b21a3f0560e01b815260048101849052602401610293565b80604051806101200160405290816000820180546107d29061123c565b80601f01602080910402602001604051908101604052809291908181526020018280546107fe9061123c565b801561084b5780601f106108205761010080835404028352916020019161084b565b820191906000526020600020905b81548152906001019060200180831161082e57829003601f168201915b505050505081526020016001820154815260200160028201805461086e9061123c565b80601f016020809104026020016040519081016040528092919081815260200182805461089a9061123c565b80156108e75780601f106108bc576101008083540402835291602001916108e7565b820191906000526020600020905b8154815290600101906020018083116108ca57829003601f168201915b5050509183525050600382015463ffffffff1660208201526004820154604082015260058201546001600160a01b0381166060830152600160a01b810467ffffffffffffffff166080830152600160e01b900460ff16151560a082015260069091015460c0909101529392505050565b6060306001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016146109a557604051635281ff8360e11b815260006004820152602401610293565b8115806109b25750604082115b156109d357604051635281ff8360e11b815260048101839052602401610293565b8167ffffffffffffffff8111156109ec576109ec611226565b604051908082528060200260200182016040528015610a1f57816020015b6060815260200190600190039081610a0a5790505b50905060005b82811015610b06576000807f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316868685818110610a6c57610a6c6113c1565b9050602002810190610a7e91906113d7565b604051610a8c92919061141e565b600060405180830381855af49150503d8060008114610ac7576040519150601f19603f3d011682016040523d82523d6000602084013e610acc565b606091505b509150915081610ade57805160208201fd5b80848481518110610af157610af16113c1565b60209081029190910101525050600101610a25565b5092915050565b6000610b1885610c6d565b90506000839003610b59576040516303e64b2360e01b815260206004820152600a602482015269777261707065644b657960b01b6044820152606401610293565b600381015463ffffffff90811690831611610b9d57600381015460405163b9f22f2d60e01b815263ffffffff91821660048201529083166024820152604401610293565b600381015461040090610bb69063ffffffff168461142e565b63ffffffff161115610bf1576003810154604051637792e67760e11b815263ffffffff91821660048201529083166024820152604401610293565b600381015463ffffffff1660028201610c0b8587836112d1565b5060038201805463ffffffff191663ffffffff858116918217909255604080519284168352602083019190915287917f14f24e6f35b251145370f693d28a3d5f603900ebe1495ec5ae33cda5dbd7e5e0910160405180910390a2505050505050565b600081815260026020526040902060058101546001600160a01b0316610ca95760405163b21a3f0560e01b815260048101839052602401610293565b3360009081526001602052604090205460ff16158015610cf1575060058101546001600160a01b031633148015610cef57503360009081526020819052604090205460ff165b155b15610d1857604051631573eb1360e11b815260048101839052336024820152604401610293565b6005810154600160e01b900460ff1615610d485760405163681e5f4560e01b815260048101839052602401610293565b919050565b60008282825b81811015610dbc57828282818110610d6d57610d6d6113c1565b909101356001600160f81b031916602f60f81b039050610db457610d94816000848661144a565b604051610da292919061141e565b60405180910390209350505050610dda565b600101610d53565b508181604051610dcd92919061141e565b6040518091039020925050505b92915050565b508054610dec9061123c565b6000825580601f10610dfc575050565b601f016020900490600052602060002090610e179190610e19565b565b60005b80821115610e3257600081840155600101610e1c565b505050565b80356001600160a01b0381168114610d4857600080fd5b60008060408385031215610e6157600080fd5b610e6a83610e37565b915060208301358015158114610e7f57600080fd5b809150509250929050565b600060208284031215610e9c57600080fd5b610ea582610e37565b9392505050565b60008060408385031215610ebf57600080fd5b50508035926020909101359150565b60008083601f840112610ee057600080fd5b50813567ffffffffffffffff811115610ef857600080fd5b602083019150836020828501011115610f1057600080fd5b9250929050565b803563ffffffff81168114610d4857600080fd5b60008060008060008060008060c0898b031215610f4757600080fd5b88359750602089013567ffffffffffffffff811115610f6557600080fd5b610f718b828c01610ece565b90985096505060408901359450606089013567ffffffffffffffff811115610f9857600080fd5b610fa48b828c01610ece565b9095509350610fb7905060808a01610f17565b915060a089013590509295985092959890939650565b600060208284031215610fdf57600080fd5b5035919050565b6000815180845260005b8181101561100c57602081850181015186830182015201610ff0565b506000602082860101526020601f19601f83011685010191505092915050565b6020815260008251610120602084015261104a610140840182610fe6565b9050602084015160408401526040840151601f198483030160608501526110718282610fe6565b915050606084015161108b608085018263ffffffff169052565b50608084015160a084015260a08401516110b060c08501826001600160a01b03169052565b5060c084015167ffffffffffffffff811660e08501525060e0840151801515610100850152506101008401516101208401528091505092915050565b600080602083850312156110ff57600080fd5b823567ffffffffffffffff81111561111657600080fd5b8301601f8101851361112757600080fd5b803567ffffffffffffffff81111561113e57600080fd5b8560208260051b840101111561115357600080fd5b6020919091019590945092505050565b6000602082016020835280845180835260408501915060408160051b86010192506020860160005b828110156111bc57603f198786030184526111a7858351610fe6565b9450602093840193919091019060010161118b565b50929695505050505050565b600080600080606085870312156111de57600080fd5b84359350602085013567ffffffffffffffff8111156111fc57600080fd5b61120887828801610ece565b909450925061121b905060408601610f17565b905092959194509250565b634e487b7160e01b600052604160045260246000fd5b600181811c9082168061125057607f821691505b60208210810361127057634e487b7160e01b600052602260045260246000fd5b50919050565b601f821115610e325782821115610e3257806000526020600020601f840160051c60208510156112a4575060005b90810190601f840160051c0360005b818110156112c9576000838201556001016112b3565b505050505050565b67ffffffffffffffff8311156112e9576112e9611226565b6112fd836112f7835461123c565b83611276565b6000601f84116001811461133157600085156113195750838201355b600019600387901b1c1916600186901b17835561138b565b600083815260209020601f19861690835b828110156113625786850135825560209485019460019092019101611342565b508682101561137f5760001960f88860031b161c19848701351681555b505060018560011b0183555b5050505050565b634e487b7160e01b600052601160045260246000fd5b6000600182016113ba576113ba611392565b5060010190565b634e487b7160e01b600052603260045260246000fd5b6000808335601e198436030181126113ee57600080fd5b83018035915067ffffffffffffffff82111561140957600080fd5b602001915036819003821315610f1057600080fd5b8183823760009101908152919050565b63ffffffff8281168282160390811115610dda57610dda611392565b6000808585111561145a57600080fd5b8386111561146757600080fd5b505082019391909203915056",
}

// SensitiveStore is an auto generated Go binding around an Ethereum contract.
type SensitiveStore struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *SensitiveStore) GetABI() abi.ABI {
	return c.abi
}

// NewSensitiveStore creates a new instance of SensitiveStore.
func NewSensitiveStore() *SensitiveStore {
	parsed, err := SensitiveStoreMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &SensitiveStore{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *SensitiveStore) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address owner_) returns()
func (sensitiveStore *SensitiveStore) PackConstructor(owner_ common.Address) []byte {
	enc, err := sensitiveStore.abi.Pack("", owner_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackMAXBATCH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x950bff9f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_BATCH() view returns(uint256)
func (sensitiveStore *SensitiveStore) PackMAXBATCH() []byte {
	enc, err := sensitiveStore.abi.Pack("MAX_BATCH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXBATCH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x950bff9f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_BATCH() view returns(uint256)
func (sensitiveStore *SensitiveStore) TryPackMAXBATCH() ([]byte, error) {
	return sensitiveStore.abi.Pack("MAX_BATCH")
}

// UnpackMAXBATCH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x950bff9f.
//
// Solidity: function MAX_BATCH() view returns(uint256)
func (sensitiveStore *SensitiveStore) UnpackMAXBATCH(data []byte) (*big.Int, error) {
	out, err := sensitiveStore.abi.Unpack("MAX_BATCH", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXVERSIONSTEP is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb87c9e92.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_VERSION_STEP() view returns(uint32)
func (sensitiveStore *SensitiveStore) PackMAXVERSIONSTEP() []byte {
	enc, err := sensitiveStore.abi.Pack("MAX_VERSION_STEP")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXVERSIONSTEP is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb87c9e92.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_VERSION_STEP() view returns(uint32)
func (sensitiveStore *SensitiveStore) TryPackMAXVERSIONSTEP() ([]byte, error) {
	return sensitiveStore.abi.Pack("MAX_VERSION_STEP")
}

// UnpackMAXVERSIONSTEP is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb87c9e92.
//
// Solidity: function MAX_VERSION_STEP() view returns(uint32)
func (sensitiveStore *SensitiveStore) UnpackMAXVERSIONSTEP(data []byte) (uint32, error) {
	out, err := sensitiveStore.abi.Unpack("MAX_VERSION_STEP", data)
	if err != nil {
		return *new(uint32), err
	}
	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)
	return out0, nil
}

// PackGet is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8eaa6ac0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function get(bytes32 recordId) view returns((string,bytes32,bytes,uint32,uint256,address,uint64,bool,bytes32))
func (sensitiveStore *SensitiveStore) PackGet(recordId [32]byte) []byte {
	enc, err := sensitiveStore.abi.Pack("get", recordId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGet is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8eaa6ac0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function get(bytes32 recordId) view returns((string,bytes32,bytes,uint32,uint256,address,uint64,bool,bytes32))
func (sensitiveStore *SensitiveStore) TryPackGet(recordId [32]byte) ([]byte, error) {
	return sensitiveStore.abi.Pack("get", recordId)
}

// UnpackGet is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8eaa6ac0.
//
// Solidity: function get(bytes32 recordId) view returns((string,bytes32,bytes,uint32,uint256,address,uint64,bool,bytes32))
func (sensitiveStore *SensitiveStore) UnpackGet(data []byte) (ISensitiveStoreEntry, error) {
	out, err := sensitiveStore.abi.Unpack("get", data)
	if err != nil {
		return *new(ISensitiveStoreEntry), err
	}
	out0 := *abi.ConvertType(out[0], new(ISensitiveStoreEntry)).(*ISensitiveStoreEntry)
	return out0, nil
}

// PackIsOfficer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6816442d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isOfficer(address ) view returns(bool)
func (sensitiveStore *SensitiveStore) PackIsOfficer(arg0 common.Address) []byte {
	enc, err := sensitiveStore.abi.Pack("isOfficer", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsOfficer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6816442d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isOfficer(address ) view returns(bool)
func (sensitiveStore *SensitiveStore) TryPackIsOfficer(arg0 common.Address) ([]byte, error) {
	return sensitiveStore.abi.Pack("isOfficer", arg0)
}

// UnpackIsOfficer is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6816442d.
//
// Solidity: function isOfficer(address ) view returns(bool)
func (sensitiveStore *SensitiveStore) UnpackIsOfficer(data []byte) (bool, error) {
	out, err := sensitiveStore.abi.Unpack("isOfficer", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackIsWriter is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2b29ba23.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isWriter(address ) view returns(bool)
func (sensitiveStore *SensitiveStore) PackIsWriter(arg0 common.Address) []byte {
	enc, err := sensitiveStore.abi.Pack("isWriter", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsWriter is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2b29ba23.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isWriter(address ) view returns(bool)
func (sensitiveStore *SensitiveStore) TryPackIsWriter(arg0 common.Address) ([]byte, error) {
	return sensitiveStore.abi.Pack("isWriter", arg0)
}

// UnpackIsWriter is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2b29ba23.
//
// Solidity: function isWriter(address ) view returns(bool)
func (sensitiveStore *SensitiveStore) UnpackIsWriter(data []byte) (bool, error) {
	out, err := sensitiveStore.abi.Unpack("isWriter", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackMulticall is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xac9650d8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function multicall(bytes[] calls) returns(bytes[] results)
func (sensitiveStore *SensitiveStore) PackMulticall(calls [][]byte) []byte {
	enc, err := sensitiveStore.abi.Pack("multicall", calls)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMulticall is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xac9650d8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function multicall(bytes[] calls) returns(bytes[] results)
func (sensitiveStore *SensitiveStore) TryPackMulticall(calls [][]byte) ([]byte, error) {
	return sensitiveStore.abi.Pack("multicall", calls)
}

// UnpackMulticall is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xac9650d8.
//
// Solidity: function multicall(bytes[] calls) returns(bytes[] results)
func (sensitiveStore *SensitiveStore) UnpackMulticall(data []byte) ([][]byte, error) {
	out, err := sensitiveStore.abi.Unpack("multicall", data)
	if err != nil {
		return *new([][]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([][]byte)).(*[][]byte)
	return out0, nil
}

// PackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function owner() view returns(address)
func (sensitiveStore *SensitiveStore) PackOwner() []byte {
	enc, err := sensitiveStore.abi.Pack("owner")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function owner() view returns(address)
func (sensitiveStore *SensitiveStore) TryPackOwner() ([]byte, error) {
	return sensitiveStore.abi.Pack("owner")
}

// UnpackOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (sensitiveStore *SensitiveStore) UnpackOwner(data []byte) (common.Address, error) {
	out, err := sensitiveStore.abi.Unpack("owner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackPut is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x867c0ee6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function put(bytes32 recordId, string ciphertextRef, bytes32 ciphertextHash, bytes wrappedKey, uint32 keyVersion, uint256 commitment) returns()
func (sensitiveStore *SensitiveStore) PackPut(recordId [32]byte, ciphertextRef string, ciphertextHash [32]byte, wrappedKey []byte, keyVersion uint32, commitment *big.Int) []byte {
	enc, err := sensitiveStore.abi.Pack("put", recordId, ciphertextRef, ciphertextHash, wrappedKey, keyVersion, commitment)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPut is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x867c0ee6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function put(bytes32 recordId, string ciphertextRef, bytes32 ciphertextHash, bytes wrappedKey, uint32 keyVersion, uint256 commitment) returns()
func (sensitiveStore *SensitiveStore) TryPackPut(recordId [32]byte, ciphertextRef string, ciphertextHash [32]byte, wrappedKey []byte, keyVersion uint32, commitment *big.Int) ([]byte, error) {
	return sensitiveStore.abi.Pack("put", recordId, ciphertextRef, ciphertextHash, wrappedKey, keyVersion, commitment)
}

// PackRecordCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x900407bc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function recordCount() view returns(uint256)
func (sensitiveStore *SensitiveStore) PackRecordCount() []byte {
	enc, err := sensitiveStore.abi.Pack("recordCount")
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
func (sensitiveStore *SensitiveStore) TryPackRecordCount() ([]byte, error) {
	return sensitiveStore.abi.Pack("recordCount")
}

// UnpackRecordCount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x900407bc.
//
// Solidity: function recordCount() view returns(uint256)
func (sensitiveStore *SensitiveStore) UnpackRecordCount(data []byte) (*big.Int, error) {
	out, err := sensitiveStore.abi.Unpack("recordCount", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRewrap is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xda4506bb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function rewrap(bytes32 recordId, bytes wrappedKey, uint32 keyVersion) returns()
func (sensitiveStore *SensitiveStore) PackRewrap(recordId [32]byte, wrappedKey []byte, keyVersion uint32) []byte {
	enc, err := sensitiveStore.abi.Pack("rewrap", recordId, wrappedKey, keyVersion)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRewrap is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xda4506bb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function rewrap(bytes32 recordId, bytes wrappedKey, uint32 keyVersion) returns()
func (sensitiveStore *SensitiveStore) TryPackRewrap(recordId [32]byte, wrappedKey []byte, keyVersion uint32) ([]byte, error) {
	return sensitiveStore.abi.Pack("rewrap", recordId, wrappedKey, keyVersion)
}

// PackSetOfficer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0502b8f6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setOfficer(address officer, bool allowed) returns()
func (sensitiveStore *SensitiveStore) PackSetOfficer(officer common.Address, allowed bool) []byte {
	enc, err := sensitiveStore.abi.Pack("setOfficer", officer, allowed)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetOfficer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0502b8f6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setOfficer(address officer, bool allowed) returns()
func (sensitiveStore *SensitiveStore) TryPackSetOfficer(officer common.Address, allowed bool) ([]byte, error) {
	return sensitiveStore.abi.Pack("setOfficer", officer, allowed)
}

// PackSetWriter is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1f91b39f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setWriter(address writer, bool allowed) returns()
func (sensitiveStore *SensitiveStore) PackSetWriter(writer common.Address, allowed bool) []byte {
	enc, err := sensitiveStore.abi.Pack("setWriter", writer, allowed)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetWriter is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1f91b39f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setWriter(address writer, bool allowed) returns()
func (sensitiveStore *SensitiveStore) TryPackSetWriter(writer common.Address, allowed bool) ([]byte, error) {
	return sensitiveStore.abi.Pack("setWriter", writer, allowed)
}

// PackShred is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2e49920b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function shred(bytes32 recordId, bytes32 receipt) returns()
func (sensitiveStore *SensitiveStore) PackShred(recordId [32]byte, receipt [32]byte) []byte {
	enc, err := sensitiveStore.abi.Pack("shred", recordId, receipt)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackShred is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2e49920b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function shred(bytes32 recordId, bytes32 receipt) returns()
func (sensitiveStore *SensitiveStore) TryPackShred(recordId [32]byte, receipt [32]byte) ([]byte, error) {
	return sensitiveStore.abi.Pack("shred", recordId, receipt)
}

// SensitiveStoreOfficerSet represents a OfficerSet event raised by the SensitiveStore contract.
type SensitiveStoreOfficerSet struct {
	Officer common.Address
	Allowed bool
	Raw     *types.Log // Blockchain specific contextual infos
}

const SensitiveStoreOfficerSetEventName = "OfficerSet"

// ContractEventName returns the user-defined event name.
func (SensitiveStoreOfficerSet) ContractEventName() string {
	return SensitiveStoreOfficerSetEventName
}

// UnpackOfficerSetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OfficerSet(address indexed officer, bool allowed)
func (sensitiveStore *SensitiveStore) UnpackOfficerSetEvent(log *types.Log) (*SensitiveStoreOfficerSet, error) {
	event := "OfficerSet"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != sensitiveStore.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(SensitiveStoreOfficerSet)
	if len(log.Data) > 0 {
		if err := sensitiveStore.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range sensitiveStore.abi.Events[event].Inputs {
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

// SensitiveStoreRewrapped represents a Rewrapped event raised by the SensitiveStore contract.
type SensitiveStoreRewrapped struct {
	RecordId      [32]byte
	OldKeyVersion uint32
	NewKeyVersion uint32
	Raw           *types.Log // Blockchain specific contextual infos
}

const SensitiveStoreRewrappedEventName = "Rewrapped"

// ContractEventName returns the user-defined event name.
func (SensitiveStoreRewrapped) ContractEventName() string {
	return SensitiveStoreRewrappedEventName
}

// UnpackRewrappedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Rewrapped(bytes32 indexed recordId, uint32 oldKeyVersion, uint32 newKeyVersion)
func (sensitiveStore *SensitiveStore) UnpackRewrappedEvent(log *types.Log) (*SensitiveStoreRewrapped, error) {
	event := "Rewrapped"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != sensitiveStore.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(SensitiveStoreRewrapped)
	if len(log.Data) > 0 {
		if err := sensitiveStore.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range sensitiveStore.abi.Events[event].Inputs {
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

// SensitiveStoreShredMarked represents a ShredMarked event raised by the SensitiveStore contract.
type SensitiveStoreShredMarked struct {
	RecordId [32]byte
	Receipt  [32]byte
	Raw      *types.Log // Blockchain specific contextual infos
}

const SensitiveStoreShredMarkedEventName = "ShredMarked"

// ContractEventName returns the user-defined event name.
func (SensitiveStoreShredMarked) ContractEventName() string {
	return SensitiveStoreShredMarkedEventName
}

// UnpackShredMarkedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ShredMarked(bytes32 indexed recordId, bytes32 receipt)
func (sensitiveStore *SensitiveStore) UnpackShredMarkedEvent(log *types.Log) (*SensitiveStoreShredMarked, error) {
	event := "ShredMarked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != sensitiveStore.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(SensitiveStoreShredMarked)
	if len(log.Data) > 0 {
		if err := sensitiveStore.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range sensitiveStore.abi.Events[event].Inputs {
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

// SensitiveStoreStored represents a Stored event raised by the SensitiveStore contract.
type SensitiveStoreStored struct {
	RecordId       [32]byte
	Writer         common.Address
	TransitKeyHash [32]byte
	CiphertextHash [32]byte
	KeyVersion     uint32
	Commitment     *big.Int
	Raw            *types.Log // Blockchain specific contextual infos
}

const SensitiveStoreStoredEventName = "Stored"

// ContractEventName returns the user-defined event name.
func (SensitiveStoreStored) ContractEventName() string {
	return SensitiveStoreStoredEventName
}

// UnpackStoredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Stored(bytes32 indexed recordId, address indexed writer, bytes32 indexed transitKeyHash, bytes32 ciphertextHash, uint32 keyVersion, uint256 commitment)
func (sensitiveStore *SensitiveStore) UnpackStoredEvent(log *types.Log) (*SensitiveStoreStored, error) {
	event := "Stored"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != sensitiveStore.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(SensitiveStoreStored)
	if len(log.Data) > 0 {
		if err := sensitiveStore.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range sensitiveStore.abi.Events[event].Inputs {
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

// SensitiveStoreWriterSet represents a WriterSet event raised by the SensitiveStore contract.
type SensitiveStoreWriterSet struct {
	Writer  common.Address
	Allowed bool
	Raw     *types.Log // Blockchain specific contextual infos
}

const SensitiveStoreWriterSetEventName = "WriterSet"

// ContractEventName returns the user-defined event name.
func (SensitiveStoreWriterSet) ContractEventName() string {
	return SensitiveStoreWriterSetEventName
}

// UnpackWriterSetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event WriterSet(address indexed writer, bool allowed)
func (sensitiveStore *SensitiveStore) UnpackWriterSetEvent(log *types.Log) (*SensitiveStoreWriterSet, error) {
	event := "WriterSet"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != sensitiveStore.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(SensitiveStoreWriterSet)
	if len(log.Data) > 0 {
		if err := sensitiveStore.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range sensitiveStore.abi.Events[event].Inputs {
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
func (sensitiveStore *SensitiveStore) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], sensitiveStore.abi.Errors["AlreadyStored"].ID.Bytes()[:4]) {
		return sensitiveStore.UnpackAlreadyStoredError(raw[4:])
	}
	if bytes.Equal(raw[:4], sensitiveStore.abi.Errors["BadBatch"].ID.Bytes()[:4]) {
		return sensitiveStore.UnpackBadBatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], sensitiveStore.abi.Errors["InvalidEntry"].ID.Bytes()[:4]) {
		return sensitiveStore.UnpackInvalidEntryError(raw[4:])
	}
	if bytes.Equal(raw[:4], sensitiveStore.abi.Errors["KeyVersionNotNewer"].ID.Bytes()[:4]) {
		return sensitiveStore.UnpackKeyVersionNotNewerError(raw[4:])
	}
	if bytes.Equal(raw[:4], sensitiveStore.abi.Errors["KeyVersionStepTooLarge"].ID.Bytes()[:4]) {
		return sensitiveStore.UnpackKeyVersionStepTooLargeError(raw[4:])
	}
	if bytes.Equal(raw[:4], sensitiveStore.abi.Errors["NotOwner"].ID.Bytes()[:4]) {
		return sensitiveStore.UnpackNotOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], sensitiveStore.abi.Errors["NotRecordOwner"].ID.Bytes()[:4]) {
		return sensitiveStore.UnpackNotRecordOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], sensitiveStore.abi.Errors["NotWriter"].ID.Bytes()[:4]) {
		return sensitiveStore.UnpackNotWriterError(raw[4:])
	}
	if bytes.Equal(raw[:4], sensitiveStore.abi.Errors["RecordShredded"].ID.Bytes()[:4]) {
		return sensitiveStore.UnpackRecordShreddedError(raw[4:])
	}
	if bytes.Equal(raw[:4], sensitiveStore.abi.Errors["UnknownRecord"].ID.Bytes()[:4]) {
		return sensitiveStore.UnpackUnknownRecordError(raw[4:])
	}
	if bytes.Equal(raw[:4], sensitiveStore.abi.Errors["ZeroAddress"].ID.Bytes()[:4]) {
		return sensitiveStore.UnpackZeroAddressError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// SensitiveStoreAlreadyStored represents a AlreadyStored error raised by the SensitiveStore contract.
type SensitiveStoreAlreadyStored struct {
	RecordId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyStored(bytes32 recordId)
func SensitiveStoreAlreadyStoredErrorID() common.Hash {
	return common.HexToHash("0x1c020b51c39b54fae2a3c96c3bc89122808a49f0e55dc2e64a9c5d028d3b2ccf")
}

// UnpackAlreadyStoredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyStored(bytes32 recordId)
func (sensitiveStore *SensitiveStore) UnpackAlreadyStoredError(raw []byte) (*SensitiveStoreAlreadyStored, error) {
	out := new(SensitiveStoreAlreadyStored)
	if err := sensitiveStore.abi.UnpackIntoInterface(out, "AlreadyStored", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SensitiveStoreBadBatch represents a BadBatch error raised by the SensitiveStore contract.
type SensitiveStoreBadBatch struct {
	Calls *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadBatch(uint256 calls)
func SensitiveStoreBadBatchErrorID() common.Hash {
	return common.HexToHash("0xa503ff0614b7e42c12bcbacc51d916cf30d116c1861b1ec0bd3bbff1a1534ef6")
}

// UnpackBadBatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadBatch(uint256 calls)
func (sensitiveStore *SensitiveStore) UnpackBadBatchError(raw []byte) (*SensitiveStoreBadBatch, error) {
	out := new(SensitiveStoreBadBatch)
	if err := sensitiveStore.abi.UnpackIntoInterface(out, "BadBatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SensitiveStoreInvalidEntry represents a InvalidEntry error raised by the SensitiveStore contract.
type SensitiveStoreInvalidEntry struct {
	Field string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidEntry(string field)
func SensitiveStoreInvalidEntryErrorID() common.Hash {
	return common.HexToHash("0x03e64b238270652ba596ea742f4e9ef9a67e7de0faeb38aaaa5ae22873c69aee")
}

// UnpackInvalidEntryError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidEntry(string field)
func (sensitiveStore *SensitiveStore) UnpackInvalidEntryError(raw []byte) (*SensitiveStoreInvalidEntry, error) {
	out := new(SensitiveStoreInvalidEntry)
	if err := sensitiveStore.abi.UnpackIntoInterface(out, "InvalidEntry", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SensitiveStoreKeyVersionNotNewer represents a KeyVersionNotNewer error raised by the SensitiveStore contract.
type SensitiveStoreKeyVersionNotNewer struct {
	Current  uint32
	Proposed uint32
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error KeyVersionNotNewer(uint32 current, uint32 proposed)
func SensitiveStoreKeyVersionNotNewerErrorID() common.Hash {
	return common.HexToHash("0xb9f22f2dd09943441c8e488fdb001a88cbf88ffe56a72f9397c5669a351bd8b1")
}

// UnpackKeyVersionNotNewerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error KeyVersionNotNewer(uint32 current, uint32 proposed)
func (sensitiveStore *SensitiveStore) UnpackKeyVersionNotNewerError(raw []byte) (*SensitiveStoreKeyVersionNotNewer, error) {
	out := new(SensitiveStoreKeyVersionNotNewer)
	if err := sensitiveStore.abi.UnpackIntoInterface(out, "KeyVersionNotNewer", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SensitiveStoreKeyVersionStepTooLarge represents a KeyVersionStepTooLarge error raised by the SensitiveStore contract.
type SensitiveStoreKeyVersionStepTooLarge struct {
	Current  uint32
	Proposed uint32
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error KeyVersionStepTooLarge(uint32 current, uint32 proposed)
func SensitiveStoreKeyVersionStepTooLargeErrorID() common.Hash {
	return common.HexToHash("0xef25ccee90b4ed9e94cf12e59383f7439b78dfa11e32939f21ff6b172a75bfaf")
}

// UnpackKeyVersionStepTooLargeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error KeyVersionStepTooLarge(uint32 current, uint32 proposed)
func (sensitiveStore *SensitiveStore) UnpackKeyVersionStepTooLargeError(raw []byte) (*SensitiveStoreKeyVersionStepTooLarge, error) {
	out := new(SensitiveStoreKeyVersionStepTooLarge)
	if err := sensitiveStore.abi.UnpackIntoInterface(out, "KeyVersionStepTooLarge", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SensitiveStoreNotOwner represents a NotOwner error raised by the SensitiveStore contract.
type SensitiveStoreNotOwner struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotOwner(address caller)
func SensitiveStoreNotOwnerErrorID() common.Hash {
	return common.HexToHash("0x245aecd3fabbd17d6c3c92dc7f0ab916ea8cbf6fc1862c8b56893090ac3fff4c")
}

// UnpackNotOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotOwner(address caller)
func (sensitiveStore *SensitiveStore) UnpackNotOwnerError(raw []byte) (*SensitiveStoreNotOwner, error) {
	out := new(SensitiveStoreNotOwner)
	if err := sensitiveStore.abi.UnpackIntoInterface(out, "NotOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SensitiveStoreNotRecordOwner represents a NotRecordOwner error raised by the SensitiveStore contract.
type SensitiveStoreNotRecordOwner struct {
	RecordId [32]byte
	Caller   common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotRecordOwner(bytes32 recordId, address caller)
func SensitiveStoreNotRecordOwnerErrorID() common.Hash {
	return common.HexToHash("0x2ae7d626fda9ca3ca7f353b837af8281e16c52a1d711b641e24b1b86de517615")
}

// UnpackNotRecordOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotRecordOwner(bytes32 recordId, address caller)
func (sensitiveStore *SensitiveStore) UnpackNotRecordOwnerError(raw []byte) (*SensitiveStoreNotRecordOwner, error) {
	out := new(SensitiveStoreNotRecordOwner)
	if err := sensitiveStore.abi.UnpackIntoInterface(out, "NotRecordOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SensitiveStoreNotWriter represents a NotWriter error raised by the SensitiveStore contract.
type SensitiveStoreNotWriter struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotWriter(address caller)
func SensitiveStoreNotWriterErrorID() common.Hash {
	return common.HexToHash("0x5d94d23c493b63f7fef68a0c8cb0de7cf59962ab607defa79710cd4783474547")
}

// UnpackNotWriterError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotWriter(address caller)
func (sensitiveStore *SensitiveStore) UnpackNotWriterError(raw []byte) (*SensitiveStoreNotWriter, error) {
	out := new(SensitiveStoreNotWriter)
	if err := sensitiveStore.abi.UnpackIntoInterface(out, "NotWriter", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SensitiveStoreRecordShredded represents a RecordShredded error raised by the SensitiveStore contract.
type SensitiveStoreRecordShredded struct {
	RecordId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RecordShredded(bytes32 recordId)
func SensitiveStoreRecordShreddedErrorID() common.Hash {
	return common.HexToHash("0x681e5f45bf6f52ae0e3896314ee60a72940f4a548836678d5173f7ab0dd63d78")
}

// UnpackRecordShreddedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RecordShredded(bytes32 recordId)
func (sensitiveStore *SensitiveStore) UnpackRecordShreddedError(raw []byte) (*SensitiveStoreRecordShredded, error) {
	out := new(SensitiveStoreRecordShredded)
	if err := sensitiveStore.abi.UnpackIntoInterface(out, "RecordShredded", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SensitiveStoreUnknownRecord represents a UnknownRecord error raised by the SensitiveStore contract.
type SensitiveStoreUnknownRecord struct {
	RecordId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownRecord(bytes32 recordId)
func SensitiveStoreUnknownRecordErrorID() common.Hash {
	return common.HexToHash("0xb21a3f050041ecb21b74101873e657673030864450d6d6151d51cf8350e3acbe")
}

// UnpackUnknownRecordError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownRecord(bytes32 recordId)
func (sensitiveStore *SensitiveStore) UnpackUnknownRecordError(raw []byte) (*SensitiveStoreUnknownRecord, error) {
	out := new(SensitiveStoreUnknownRecord)
	if err := sensitiveStore.abi.UnpackIntoInterface(out, "UnknownRecord", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SensitiveStoreZeroAddress represents a ZeroAddress error raised by the SensitiveStore contract.
type SensitiveStoreZeroAddress struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAddress()
func SensitiveStoreZeroAddressErrorID() common.Hash {
	return common.HexToHash("0xd92e233df2717d4a40030e20904abd27b68fcbeede117eaaccbbdac9618c8c73")
}

// UnpackZeroAddressError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAddress()
func (sensitiveStore *SensitiveStore) UnpackZeroAddressError(raw []byte) (*SensitiveStoreZeroAddress, error) {
	out := new(SensitiveStoreZeroAddress)
	if err := sensitiveStore.abi.UnpackIntoInterface(out, "ZeroAddress", raw); err != nil {
		return nil, err
	}
	return out, nil
}
