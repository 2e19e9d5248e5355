// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package reviewboard

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

// IReviewBoardSubmission is an auto generated low-level Go binding around an user-defined struct.
type IReviewBoardSubmission struct {
	DatasetId    [32]byte
	Version      uint64
	Level        uint8
	Threshold    uint8
	Commitment   *big.Int
	ReleasedRoot *big.Int
	ContentHash  [32]byte
	Supersedes   uint64
}

// ReviewBoardMetaData contains all meta data concerning the ReviewBoard contract.
var ReviewBoardMetaData = bind.MetaData{
	ABI: "[{\"type\":\"constructor\",\"inputs\":[{\"name\":\"validators_\",\"type\":\"address\",\"internalType\":\"contractIValidatorSet\"},{\"name\":\"verifier_\",\"type\":\"address\",\"internalType\":\"contractIClassificationVerifier\"},{\"name\":\"policy_\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"MAX_AUDIT_SPAN\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"accessReview\",\"inputs\":[{\"name\":\"requestId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"status\",\"type\":\"uint8\",\"internalType\":\"enumIReviewBoard.Status\"},{\"name\":\"approvals\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"rejections\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"anchorAudit\",\"inputs\":[{\"name\":\"auditHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"firstIndex\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"lastIndex\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"outputs\":[{\"name\":\"anchor\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"auditAnchors\",\"inputs\":[],\"outputs\":[{\"name\":\"count\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"nextIndex\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"categoryLevel\",\"inputs\":[{\"name\":\"category\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint8\",\"internalType\":\"uint8\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"policy\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"review\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"status\",\"type\":\"uint8\",\"internalType\":\"enumIReviewBoard.Status\"},{\"name\":\"approvals\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"rejections\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"reviewAccess\",\"inputs\":[{\"name\":\"requestId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"requester\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"grant\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"expiresAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"reason\",\"type\":\"string\",\"internalType\":\"string\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"submission\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"tuple\",\"internalType\":\"structIReviewBoard.Submission\",\"components\":[{\"name\":\"datasetId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"version\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"level\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"commitment\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"releasedRoot\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"contentHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"supersedes\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"submit\",\"inputs\":[{\"name\":\"s\",\"type\":\"tuple\",\"internalType\":\"structIReviewBoard.Submission\",\"components\":[{\"name\":\"datasetId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"version\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"level\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"commitment\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"releasedRoot\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"contentHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"supersedes\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"name\":\"proof\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"validatorSet\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"verifier\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"vote\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"approve\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"reason\",\"type\":\"string\",\"internalType\":\"string\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"voteBatch\",\"inputs\":[{\"name\":\"recordIds\",\"type\":\"bytes32[]\",\"internalType\":\"bytes32[]\"},{\"name\":\"approve\",\"type\":\"bool[]\",\"internalType\":\"bool[]\"},{\"name\":\"reasons\",\"type\":\"string[]\",\"internalType\":\"string[]\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"event\",\"name\":\"AccessDecision\",\"inputs\":[{\"name\":\"requestId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"recordId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"requester\",\"type\":\"address\",\"indexed\":false,\"internalType\":\"address\"},{\"name\":\"granted\",\"type\":\"bool\",\"indexed\":false,\"internalType\":\"bool\"},{\"name\":\"expiresAt\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"AccessVoted\",\"inputs\":[{\"name\":\"requestId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"validator\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"grant\",\"type\":\"bool\",\"indexed\":false,\"internalType\":\"bool\"},{\"name\":\"reason\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"AuditAnchored\",\"inputs\":[{\"name\":\"anchor\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"validator\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"auditHash\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"},{\"name\":\"firstIndex\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"lastIndex\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Decision\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"datasetId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"version\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"level\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"uint8\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"uint8\"},{\"name\":\"commitment\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"releasedRoot\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"contentHash\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"},{\"name\":\"supersedes\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"approved\",\"type\":\"bool\",\"indexed\":false,\"internalType\":\"bool\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Submitted\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"datasetId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"submitter\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"version\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"proof\",\"type\":\"bytes\",\"indexed\":false,\"internalType\":\"bytes\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Voted\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"validator\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"approve\",\"type\":\"bool\",\"indexed\":false,\"internalType\":\"bool\"},{\"name\":\"reason\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"}],\"anonymous\":false},{\"type\":\"error\",\"name\":\"AlreadyCorrected\",\"inputs\":[{\"name\":\"correctedRecordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"byRecordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"AlreadySubmitted\",\"inputs\":[{\"name\":\"recordId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"AlreadyVoted\",\"inputs\":[{\"name\":\"id\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"validator\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"AuditGap\",\"inputs\":[{\"name\":\"expectedFirst\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"firstIndex\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"lastIndex\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"AuditSpanTooLarge\",\"inputs\":[{\"name\":\"firstIndex\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"lastIndex\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"maxSpan\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"InvalidSubmission\",\"inputs\":[{\"name\":\"field\",\"type\":\"string\",\"internalType\":\"string\"}]},{\"type\":\"error\",\"name\":\"NotPending\",\"inputs\":[{\"name\":\"id\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"NotValidator\",\"inputs\":[{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"ZeroAddress\",\"inputs\":[]}]",
	ID:  "ReviewBoard",
	Bin: "0x60e060405234801561001057600080fd5b5060405161221938038061221983398101604081905261002f9161009d565b6001600160a01b038316158061004c57506001600160a01b038216155b1561006a5760405163d92e233d60e01b815260040160405180910390fd5b6001600160a01b03928316608052911660a05260c0526100e0565b6001600160a01b038116811461009a57600080fd5b50565b6000806000606084860312156100b257600080fd5b83516100bd81610085565b60208501519093506100ce81610085565b80925050604084015190509250925092565b60805160a05160c0516120c56101546000396000818160f4015281816107d90152610f7801526000818161021d0152610f1a0152600081816102d40152818161037b0152818161089101528181610988015281816110b1015281816112d00152818161146b015261153801526120c56000f3fe608060405234801561001057600080fd5b50600436106100ea5760003560e01c8063933467f11161008c578063c82fc06f11610066578063c82fc06f1461030b578063d9b5d9db1461031e578063db1536c014610331578063fd125c811461034457600080fd5b8063933467f1146102bf5780639426e226146102d2578063a751f5bc146102f857600080fd5b80632b7ac3f3116100c85780632b7ac3f31461021b57806351dead12146102555780636451b8e3146102785780639028d8b01461029d57600080fd5b80630505c8c9146100ef5780630ac923631461012957806324ce1c3f1461013e575b600080fd5b6101167f000000000000000000000000000000000000000000000000000000000000000081565b6040519081526020015b60405180910390f35b61013c610137366004611936565b610366565b005b61020e61014c3660046119c4565b6040805161010081018252600080825260208201819052918101829052606081018290526080810182905260a0810182905260c0810182905260e081019190915250600090815260208181526040918290208251610100810184528154815260018201546001600160401b038082169483019490945260ff600160401b8204811695830195909552600160481b9004909316606084015260028101546080840152600381015460a0840152600481015460c0840152600501541660e082015290565b60405161012091906119dd565b7f00000000000000000000000000000000000000000000000000000000000000005b6040516001600160a01b039091168152602001610120565b600454600554604080519283526001600160401b03909116602083015201610120565b61028b6102863660046119c4565b61078d565b60405160ff9091168152602001610120565b6102b06102ab3660046119c4565b610804565b60405161012093929190611a6c565b61013c6102cd366004611aa2565b61087c565b7f000000000000000000000000000000000000000000000000000000000000000061023d565b6102b06103063660046119c4565b610935565b610116610319366004611afd565b610970565b61011661032c366004611b3f565b610bbf565b61013c61033f366004611be0565b61109c565b61034e620f424081565b6040516001600160401b039091168152602001610120565b60405163facd743b60e01b81523360048201527f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03169063facd743b90602401602060405180830381865afa1580156103ca573d6000803e3d6000fd5b505050506040513d601f19601f820116820180604052508101906103ee9190611c83565b61041257604051633b4f6e2b60e21b81523360048201526024015b60405180910390fd5b8661044c5760405163b1c8ade160e01b81526020600482015260096024820152681c995c5d595cdd125960ba1b6044820152606401610409565b6001600160a01b03851661048f5760405163b1c8ade160e01b81526020600482015260096024820152683932b8bab2b9ba32b960b91b6044820152606401610409565b600087815260026020526040812090815460ff1660038111156104b4576104b4611a56565b036104c957805460ff19166001178155610502565b6001815460ff1660038111156104e1576104e1611a56565b146105025760405163bbf86c2760e01b815260048101899052602401610409565b8480156105325750600260008881526001602052604090205460ff16600381111561052f5761052f611a56565b14155b1561056b5760405163b1c8ade160e01b81526020600482015260086024820152671c9958dbdc99125960c21b6044820152606401610409565b33600090815260028201602052604090205460ff16156105a757604051630bcf2ea360e01b815260048101899052336024820152604401610409565b846105b35760026105b6565b60015b3360009081526002830160205260409020805460ff191660ff929092169190911790556105e585888887611210565b3360008181526003840160205260409081902092909255905189907fa7f5aa964a23bbfa5cf1867691897aafbe1eaf9586aeebb63285d50274cbd0539061063190899088908890611cd0565b60405180910390a3600080600061064a848b8b8a6112a5565b92509250925060008061065e858585611464565b915091508161067257505050505050610784565b8061067e576003610681565b60025b8654879060ff1916600183600381111561069d5761069d611a56565b021790555085546001600160401b038087166101000268ffffffffffffffff0019918716600160481b0291909116610100600160881b0319909216919091171786558b816106ec5760006106ee565b895b87546001600160401b03909116600160881b0267ffffffffffffffff60881b1990911617875560018701558b8d7fa723999e50861baff15e144cf28bf0ab6c0aa515183050ed114197c328542c828d848061074a57600061074c565b8d5b604080516001600160a01b03909416845291151560208401526001600160401b03169082015260600160405180910390a35050505050505b50505050505050565b6000600f8211156107cc5760405163b1c8ade160e01b815260206004820152600860248201526763617465676f727960c01b6044820152606401610409565b6107d7826002611d02565b7f0000000000000000000000000000000000000000000000000000000000000000901c6003169050919050565b600081815260016020819052604082208291829190815460ff16600381111561082f5761082f611a56565b036108515761084081600101611531565b50915460ff16945092509050610875565b5460ff811693506001600160401b03610100820481169350600160481b9091041690505b9193909250565b60405163facd743b60e01b81523360048201527f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03169063facd743b90602401602060405180830381865afa1580156108e0573d6000803e3d6000fd5b505050506040513d601f19601f820116820180604052508101906109049190611c83565b61092357604051633b4f6e2b60e21b8152336004820152602401610409565b61092f84848484611650565b50505050565b6000818152600260205260408120819081906001815460ff16600381111561095f5761095f611a56565b036108515761084081600201611531565b60405163facd743b60e01b81523360048201526000907f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03169063facd743b90602401602060405180830381865afa1580156109d7573d6000803e3d6000fd5b505050506040513d601f19601f820116820180604052508101906109fb9190611c83565b610a1a57604051633b4f6e2b60e21b8152336004820152602401610409565b6005546001600160401b038481169116141580610a485750826001600160401b0316826001600160401b0316105b15610a8557600554604051632cd35f6d60e11b81526001600160401b03918216600482015284821660248201529083166044820152606401610409565b620f4240610a938484611d1f565b6001600160401b031610610ad6576040516331a04a9f60e11b81526001600160401b03808516600483015283166024820152620f42406044820152606401610409565b83610b105760405163b1c8ade160e01b81526020600482015260096024820152680c2eac8d2e890c2e6d60bb1b6044820152606401610409565b5060048054600180820183556000929092527f8a35acfbc15ff81a39ae7d344fd709f28e8600b4aa8c65c6b64bfe7fe36bd19b810185905590610b54908390611d3e565b6005805467ffffffffffffffff19166001600160401b0392831617905560408051868152858316602082015291841690820152339082907f2c9c2d004d9062899039d45f5730d0645acb241bcda47063fd05d5241ebe40f19060600160405180910390a39392505050565b60008335610bfc5760405163b1c8ade160e01b815260206004820152600960248201526819185d185cd95d125960ba1b6044820152606401610409565b610c0c6040850160208601611d5d565b6001600160401b0316600003610c4f5760405163b1c8ade160e01b81526020600482015260076024820152663b32b939b4b7b760c91b6044820152606401610409565b6002610c616060860160408701611d89565b60ff161115610c9b5760405163b1c8ade160e01b81526020600482015260056024820152641b195d995b60da1b6044820152606401610409565b6001610cad6080860160608701611d89565b60ff161115610ceb5760405163b1c8ade160e01b81526020600482015260096024820152681d1a1c995cda1bdb1960ba1b6044820152606401610409565b610cfb6040850160208601611d5d565b6001600160401b0316610d15610100860160e08701611d5d565b6001600160401b031610610d595760405163b1c8ade160e01b815260206004820152600a6024820152697375706572736564657360b01b6044820152606401610409565b60c0840135610d995760405163b1c8ade160e01b815260206004820152600b60248201526a0c6dedce8cadce890c2e6d60ab1b6044820152606401610409565b8335610dab6040860160208701611d5d565b604051602001610dce9291909182526001600160401b0316602082015260400190565b60408051601f19818403018152919052805160209091012090506000808281526001602052604090205460ff166003811115610e0c57610e0c611a56565b14610e2d5760405163c0817a0f60e01b815260048101829052602401610409565b610e3e610100850160e08601611d5d565b6001600160401b031615610f185760008435610e61610100870160e08801611d5d565b604051602001610e849291909182526001600160401b0316602082015260400190565b60408051601f198184030181529181528151602092830120600081815260039093529120549091508015801590610ede5750600360008281526001602052604090205460ff166003811115610edb57610edb611a56565b14155b15610f055760405162ab427960e41b81526004810183905260248101829052604401610409565b5060009081526003602052604090208190555b7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316632be688d484846040518060a0016040528089608001358152602001896040016020810190610f719190611d89565b60ff1681527f00000000000000000000000000000000000000000000000000000000000000006020820152604001610faf60808b0160608c01611d89565b60ff1681526020018960a001358152506040518463ffffffff1660e01b8152600401610fdd93929190611da6565b60006040518083038186803b158015610ff557600080fd5b505afa158015611009573d6000803e3d6000fd5b50505060008281526020819052604090208591506110278282611e08565b50506000818152600160208190526040909120805460ff191682800217905550338435827ffcd783f2939f1269a9fc473d774e69c5ddcc36407c6713c8e87bf45b083d6fc961107c6040890160208a01611d5d565b878760405161108d93929190611ef1565b60405180910390a49392505050565b60405163facd743b60e01b81523360048201527f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03169063facd743b90602401602060405180830381865afa158015611100573d6000803e3d6000fd5b505050506040513d601f19601f820116820180604052508101906111249190611c83565b61114357604051633b4f6e2b60e21b8152336004820152602401610409565b8415806111505750828514155b8061115b5750808514155b156111915760405163b1c8ade160e01b81526020600482015260056024820152640c4c2e8c6d60db1b6044820152606401610409565b60005b85811015610784576112088787838181106111b1576111b1611f14565b905060200201358686848181106111ca576111ca611f14565b90506020020160208101906111df9190611f2a565b8585858181106111f1576111f1611f14565b90506020028101906112039190611f47565b611650565b600101611194565b60008461125757838360405160200161123c9291909182526001600160a01b0316602082015260400190565b6040516020818303038152906040528051906020012061129c565b60408051602081018690526001600160a01b038516918101919091526001600160401b0383166060820152608001604051602081830303815290604052805190602001205b95945050505050565b6000806000806112b86001888888611210565b905060006112ca600089896000611210565b905060007f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031663b7ab4db56040518163ffffffff1660e01b8152600401600060405180830381865afa15801561132c573d6000803e3d6000fd5b505050506040513d6000823e601f3d908101601f191682016040526113549190810190611fb3565b905060005b81518110156114545760008b600201600084848151811061137c5761137c611f14565b60200260200101516001600160a01b03166001600160a01b0316815260200190815260200160002060009054906101000a900460ff16905060008c60030160008585815181106113ce576113ce611f14565b60200260200101516001600160a01b03166001600160a01b03168152602001908152602001600020549050600160ff168260ff1614801561140e57508581145b15611425578861141d81612080565b99505061144a565b60ff8216600214801561143757508481145b1561144a578761144681612080565b9850505b5050600101611359565b5051925050509450945094915050565b60008060007f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316631703a0186040518163ffffffff1660e01b8152600401602060405180830381865afa1580156114c7573d6000803e3d6000fd5b505050506040513d601f19601f820116820180604052508101906114eb9190612099565b9050808610611501576001809250925050611529565b61150b81856120b2565b85111561152057600160009250925050611529565b60008092509250505b935093915050565b60008060607f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031663b7ab4db56040518163ffffffff1660e01b8152600401600060405180830381865afa158015611594573d6000803e3d6000fd5b505050506040513d6000823e601f3d908101601f191682016040526115bc9190810190611fb3565b905060005b81518110156116485760008560008484815181106115e1576115e1611f14565b6020908102919091018101516001600160a01b031682528101919091526040016000205460ff1690506000198101611625578461161d81612080565b95505061163f565b60011960ff82160161163f578361163b81612080565b9450505b506001016115c1565b509193909250565b600084815260016020819052604090912090815460ff16600381111561167857611678611a56565b146116995760405163bbf86c2760e01b815260048101869052602401610409565b33600090815260018201602052604090205460ff16156116d557604051630bcf2ea360e01b815260048101869052336024820152604401610409565b836116e15760026116e4565b60015b33600081815260018401602052604090819020805460ff191660ff9490941693909317909255905186907f0d919a50f5f2ba5e5737c5f830ca79962e0ae6fa029dd4ea5dbbc124454835899061173f90889088908890611cd0565b60405180910390a3600080600061175884600101611531565b86546001600160401b038085166101000268ffffffffffffffff0019918516600160481b0291909116610100600160881b0319909216919091171787558051929550909350915060009081906117b19086908690611464565b91509150816117c55750505050505061092f565b806117d15760036117d4565b60025b8654879060ff191660018360038111156117f0576117f0611a56565b021790555060008a8152602081815260409182902080546001820154600283015460038401546004850154600586015488516001600160401b038087168252600160401b870460ff9081169a83019a909a52600160481b909604909816888a01526060880193909352608087019190915260a08601521660c084015284151560e084015292519092918d917f089d77f2ae318864a34c90b94de0b2dbc88609b2d94b331f06db679e3bf34f1e918190036101000190a35050505050505050505050565b6001600160a01b03811681146118c857600080fd5b50565b80151581146118c857600080fd5b6001600160401b03811681146118c857600080fd5b60008083601f84011261190057600080fd5b5081356001600160401b0381111561191757600080fd5b60208301915083602082850101111561192f57600080fd5b9250929050565b600080600080600080600060c0888a03121561195157600080fd5b8735965060208801359550604088013561196a816118b3565b9450606088013561197a816118cb565b9350608088013561198a816118d9565b925060a08801356001600160401b038111156119a557600080fd5b6119b18a828b016118ee565b989b979a50959850939692959293505050565b6000602082840312156119d657600080fd5b5035919050565b600061010082019050825182526001600160401b03602084015116602083015260ff604084015116604083015260ff60608401511660608301526080830151608083015260a083015160a083015260c083015160c083015260e0830151611a4f60e08401826001600160401b03169052565b5092915050565b634e487b7160e01b600052602160045260246000fd5b6060810160048510611a8e57634e487b7160e01b600052602160045260246000fd5b938152602081019290925260409091015290565b60008060008060608587031215611ab857600080fd5b843593506020850135611aca816118cb565b925060408501356001600160401b03811115611ae557600080fd5b611af1878288016118ee565b95989497509550505050565b600080600060608486031215611b1257600080fd5b833592506020840135611b24816118d9565b91506040840135611b34816118d9565b809150509250925092565b6000806000838503610120811215611b5657600080fd5b610100811215611b6557600080fd5b508392506101008401356001600160401b03811115611b8357600080fd5b611b8f868287016118ee565b9497909650939450505050565b60008083601f840112611bae57600080fd5b5081356001600160401b03811115611bc557600080fd5b6020830191508360208260051b850101111561192f57600080fd5b60008060008060008060608789031215611bf957600080fd5b86356001600160401b03811115611c0f57600080fd5b611c1b89828a01611b9c565b90975095505060208701356001600160401b03811115611c3a57600080fd5b611c4689828a01611b9c565b90955093505060408701356001600160401b03811115611c6557600080fd5b611c7189828a01611b9c565b979a9699509497509295939492505050565b600060208284031215611c9557600080fd5b8151611ca0816118cb565b9392505050565b81835281816020850137506000828201602090810191909152601f909101601f19169091010190565b831515815260406020820152600061129c604083018486611ca7565b634e487b7160e01b600052601160045260246000fd5b8082028115828204841417611d1957611d19611cec565b92915050565b6001600160401b038281168282160390811115611d1957611d19611cec565b6001600160401b038181168382160190811115611d1957611d19611cec565b600060208284031215611d6f57600080fd5b8135611ca0816118d9565b60ff811681146118c857600080fd5b600060208284031215611d9b57600080fd5b8135611ca081611d7a565b60c081526000611dba60c083018587611ca7565b9050602082018360005b6005811015611de3578151835260209283019290910190600101611dc4565b505050949350505050565b60008135611d19816118d9565b60008135611d1981611d7a565b81358155600181016020830135611e1e816118d9565b815467ffffffffffffffff19166001600160401b038216178255506040830135611e4781611d7a565b815468ff0000000000000000191660409190911b68ff000000000000000016178155611e9e611e7860608501611dfb565b825469ff000000000000000000191660489190911b69ff00000000000000000016178255565b506080820135600282015560a0820135600382015560c08201356004820155611eed611ecc60e08401611dee565b600583016001600160401b0382166001600160401b03198254161781555050565b5050565b6001600160401b038416815260406020820152600061129c604083018486611ca7565b634e487b7160e01b600052603260045260246000fd5b600060208284031215611f3c57600080fd5b8135611ca0816118cb565b6000808335601e19843603018112611f5e57600080fd5b8301803591506001600160401b03821115611f7857600080fd5b60200191503681900382131561192f57600080fd5b634e487b7160e01b600052604160045260246000fd5b8051611fae816118b3565b919050565b600060208284031215611fc557600080fd5b81516001600160401b03811115611fdb57600080fd5b8201601f81018413611fec57600080fd5b80516001600160401b0381111561200557612005611f8d565b8060051b604051601f19603f83011681018181106001600160401b038211171561203157612031611f8d565b60405291825260208184018101929081018784111561204f57600080fd5b6020850194505b838510156120755761206785611fa3565b815260209485019401612056565b509695505050505050565b60006001820161209257612092611cec565b5060010190565b6000602082840312156120ab57600080fd5b5051919050565b81810381811115611d1957611d19611cec56",
}

// ReviewBoard is an auto generated Go binding around an Ethereum contract.
type ReviewBoard struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *ReviewBoard) GetABI() abi.ABI {
	return c.abi
}

// NewReviewBoard creates a new instance of ReviewBoard.
func NewReviewBoard() *ReviewBoard {
	parsed, err := ReviewBoardMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &ReviewBoard{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *ReviewBoard) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address validators_, address verifier_, uint256 policy_) returns()
func (reviewBoard *ReviewBoard) PackConstructor(validators_ common.Address, verifier_ common.Address, policy_ *big.Int) []byte {
	enc, err := reviewBoard.abi.Pack("", validators_, verifier_, policy_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackMAXAUDITSPAN is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfd125c81.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_AUDIT_SPAN() view returns(uint64)
func (reviewBoard *ReviewBoard) PackMAXAUDITSPAN() []byte {
	enc, err := reviewBoard.abi.Pack("MAX_AUDIT_SPAN")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXAUDITSPAN is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfd125c81.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_AUDIT_SPAN() view returns(uint64)
func (reviewBoard *ReviewBoard) TryPackMAXAUDITSPAN() ([]byte, error) {
	return reviewBoard.abi.Pack("MAX_AUDIT_SPAN")
}

// UnpackMAXAUDITSPAN is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfd125c81.
//
// Solidity: function MAX_AUDIT_SPAN() view returns(uint64)
func (reviewBoard *ReviewBoard) UnpackMAXAUDITSPAN(data []byte) (uint64, error) {
	out, err := reviewBoard.abi.Unpack("MAX_AUDIT_SPAN", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackAccessReview is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa751f5bc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function accessReview(bytes32 requestId) view returns(uint8 status, uint256 approvals, uint256 rejections)
func (reviewBoard *ReviewBoard) PackAccessReview(requestId [32]byte) []byte {
	enc, err := reviewBoard.abi.Pack("accessReview", requestId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAccessReview is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa751f5bc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function accessReview(bytes32 requestId) view returns(uint8 status, uint256 approvals, uint256 rejections)
func (reviewBoard *ReviewBoard) TryPackAccessReview(requestId [32]byte) ([]byte, error) {
	return reviewBoard.abi.Pack("accessReview", requestId)
}

// AccessReviewOutput serves as a container for the return parameters of contract
// method AccessReview.
type AccessReviewOutput struct {
	Status     uint8
	Approvals  *big.Int
	Rejections *big.Int
}

// UnpackAccessReview is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa751f5bc.
//
// Solidity: function accessReview(bytes32 requestId) view returns(uint8 status, uint256 approvals, uint256 rejections)
func (reviewBoard *ReviewBoard) UnpackAccessReview(data []byte) (AccessReviewOutput, error) {
	out, err := reviewBoard.abi.Unpack("accessReview", data)
	outstruct := new(AccessReviewOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Status = *abi.ConvertType(out[0], new(uint8)).(*uint8)
	outstruct.Approvals = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	outstruct.Rejections = abi.ConvertType(out[2], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackAnchorAudit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc82fc06f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function anchorAudit(bytes32 auditHash, uint64 firstIndex, uint64 lastIndex) returns(uint256 anchor)
func (reviewBoard *ReviewBoard) PackAnchorAudit(auditHash [32]byte, firstIndex uint64, lastIndex uint64) []byte {
	enc, err := reviewBoard.abi.Pack("anchorAudit", auditHash, firstIndex, lastIndex)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAnchorAudit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc82fc06f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function anchorAudit(bytes32 auditHash, uint64 firstIndex, uint64 lastIndex) returns(uint256 anchor)
func (reviewBoard *ReviewBoard) TryPackAnchorAudit(auditHash [32]byte, firstIndex uint64, lastIndex uint64) ([]byte, error) {
	return reviewBoard.abi.Pack("anchorAudit", auditHash, firstIndex, lastIndex)
}

// UnpackAnchorAudit is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc82fc06f.
//
// Solidity: function anchorAudit(bytes32 auditHash, uint64 firstIndex, uint64 lastIndex) returns(uint256 anchor)
func (reviewBoard *ReviewBoard) UnpackAnchorAudit(data []byte) (*big.Int, error) {
	out, err := reviewBoard.abi.Unpack("anchorAudit", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackAuditAnchors is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x51dead12.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function auditAnchors() view returns(uint256 count, uint64 nextIndex)
func (reviewBoard *ReviewBoard) PackAuditAnchors() []byte {
	enc, err := reviewBoard.abi.Pack("auditAnchors")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAuditAnchors is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x51dead12.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function auditAnchors() view returns(uint256 count, uint64 nextIndex)
func (reviewBoard *ReviewBoard) TryPackAuditAnchors() ([]byte, error) {
	return reviewBoard.abi.Pack("auditAnchors")
}

// AuditAnchorsOutput serves as a container for the return parameters of contract
// method AuditAnchors.
type AuditAnchorsOutput struct {
	Count     *big.Int
	NextIndex uint64
}

// UnpackAuditAnchors is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x51dead12.
//
// Solidity: function auditAnchors() view returns(uint256 count, uint64 nextIndex)
func (reviewBoard *ReviewBoard) UnpackAuditAnchors(data []byte) (AuditAnchorsOutput, error) {
	out, err := reviewBoard.abi.Unpack("auditAnchors", data)
	outstruct := new(AuditAnchorsOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Count = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.NextIndex = *abi.ConvertType(out[1], new(uint64)).(*uint64)
	return *outstruct, nil
}

// PackCategoryLevel is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6451b8e3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function categoryLevel(uint256 category) view returns(uint8)
func (reviewBoard *ReviewBoard) PackCategoryLevel(category *big.Int) []byte {
	enc, err := reviewBoard.abi.Pack("categoryLevel", category)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCategoryLevel is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6451b8e3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function categoryLevel(uint256 category) view returns(uint8)
func (reviewBoard *ReviewBoard) TryPackCategoryLevel(category *big.Int) ([]byte, error) {
	return reviewBoard.abi.Pack("categoryLevel", category)
}

// UnpackCategoryLevel is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6451b8e3.
//
// Solidity: function categoryLevel(uint256 category) view returns(uint8)
func (reviewBoard *ReviewBoard) UnpackCategoryLevel(data []byte) (uint8, error) {
	out, err := reviewBoard.abi.Unpack("categoryLevel", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackPolicy is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0505c8c9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function policy() view returns(uint256)
func (reviewBoard *ReviewBoard) PackPolicy() []byte {
	enc, err := reviewBoard.abi.Pack("policy")
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
func (reviewBoard *ReviewBoard) TryPackPolicy() ([]byte, error) {
	return reviewBoard.abi.Pack("policy")
}

// UnpackPolicy is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0505c8c9.
//
// Solidity: function policy() view returns(uint256)
func (reviewBoard *ReviewBoard) UnpackPolicy(data []byte) (*big.Int, error) {
	out, err := reviewBoard.abi.Unpack("policy", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackReview is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9028d8b0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function review(bytes32 recordId) view returns(uint8 status, uint256 approvals, uint256 rejections)
func (reviewBoard *ReviewBoard) PackReview(recordId [32]byte) []byte {
	enc, err := reviewBoard.abi.Pack("review", recordId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReview is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9028d8b0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function review(bytes32 recordId) view returns(uint8 status, uint256 approvals, uint256 rejections)
func (reviewBoard *ReviewBoard) TryPackReview(recordId [32]byte) ([]byte, error) {
	return reviewBoard.abi.Pack("review", recordId)
}

// ReviewOutput serves as a container for the return parameters of contract
// method Review.
type ReviewOutput struct {
	Status     uint8
	Approvals  *big.Int
	Rejections *big.Int
}

// UnpackReview is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9028d8b0.
//
// Solidity: function review(bytes32 recordId) view returns(uint8 status, uint256 approvals, uint256 rejections)
func (reviewBoard *ReviewBoard) UnpackReview(data []byte) (ReviewOutput, error) {
	out, err := reviewBoard.abi.Unpack("review", data)
	outstruct := new(ReviewOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Status = *abi.ConvertType(out[0], new(uint8)).(*uint8)
	outstruct.Approvals = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	outstruct.Rejections = abi.ConvertType(out[2], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackReviewAccess is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0ac92363.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function reviewAccess(bytes32 requestId, bytes32 recordId, address requester, bool grant, uint64 expiresAt, string reason) returns()
func (reviewBoard *ReviewBoard) PackReviewAccess(requestId [32]byte, recordId [32]byte, requester common.Address, grant bool, expiresAt uint64, reason string) []byte {
	enc, err := reviewBoard.abi.Pack("reviewAccess", requestId, recordId, requester, grant, expiresAt, reason)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReviewAccess is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0ac92363.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function reviewAccess(bytes32 requestId, bytes32 recordId, address requester, bool grant, uint64 expiresAt, string reason) returns()
func (reviewBoard *ReviewBoard) TryPackReviewAccess(requestId [32]byte, recordId [32]byte, requester common.Address, grant bool, expiresAt uint64, reason string) ([]byte, error) {
	return reviewBoard.abi.Pack("reviewAccess", requestId, recordId, requester, grant, expiresAt, reason)
}

// PackSubmission is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x24ce1c3f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function submission(bytes32 recordId) view returns((bytes32,uint64,uint8,uint8,uint256,uint256,bytes32,uint64))
func (reviewBoard *ReviewBoard) PackSubmission(recordId [32]byte) []byte {
	enc, err := reviewBoard.abi.Pack("submission", recordId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSubmission is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x24ce1c3f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function submission(bytes32 recordId) view returns((bytes32,uint64,uint8,uint8,uint256,uint256,bytes32,uint64))
func (reviewBoard *ReviewBoard) TryPackSubmission(recordId [32]byte) ([]byte, error) {
	return reviewBoard.abi.Pack("submission", recordId)
}

// UnpackSubmission is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x24ce1c3f.
//
// Solidity: function submission(bytes32 recordId) view returns((bytes32,uint64,uint8,uint8,uint256,uint256,bytes32,uint64))
func (reviewBoard *ReviewBoard) UnpackSubmission(data []byte) (IReviewBoardSubmission, error) {
	out, err := reviewBoard.abi.Unpack("submission", data)
	if err != nil {
		return *new(IReviewBoardSubmission), err
	}
	out0 := *abi.ConvertType(out[0], new(IReviewBoardSubmission)).(*IReviewBoardSubmission)
	return out0, nil
}

// PackSubmit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd9b5d9db.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function submit((bytes32,uint64,uint8,uint8,uint256,uint256,bytes32,uint64) s, bytes proof) returns(bytes32 recordId)
func (reviewBoard *ReviewBoard) PackSubmit(s IReviewBoardSubmission, proof []byte) []byte {
	enc, err := reviewBoard.abi.Pack("submit", s, proof)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSubmit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd9b5d9db.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function submit((bytes32,uint64,uint8,uint8,uint256,uint256,bytes32,uint64) s, bytes proof) returns(bytes32 recordId)
func (reviewBoard *ReviewBoard) TryPackSubmit(s IReviewBoardSubmission, proof []byte) ([]byte, error) {
	return reviewBoard.abi.Pack("submit", s, proof)
}

// UnpackSubmit is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd9b5d9db.
//
// Solidity: function submit((bytes32,uint64,uint8,uint8,uint256,uint256,bytes32,uint64) s, bytes proof) returns(bytes32 recordId)
func (reviewBoard *ReviewBoard) UnpackSubmit(data []byte) ([32]byte, error) {
	out, err := reviewBoard.abi.Unpack("submit", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackValidatorSet is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9426e226.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function validatorSet() view returns(address)
func (reviewBoard *ReviewBoard) PackValidatorSet() []byte {
	enc, err := reviewBoard.abi.Pack("validatorSet")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackValidatorSet is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9426e226.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function validatorSet() view returns(address)
func (reviewBoard *ReviewBoard) TryPackValidatorSet() ([]byte, error) {
	return reviewBoard.abi.Pack("validatorSet")
}

// UnpackValidatorSet is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9426e226.
//
// Solidity: function validatorSet() view returns(address)
func (reviewBoard *ReviewBoard) UnpackValidatorSet(data []byte) (common.Address, error) {
	out, err := reviewBoard.abi.Unpack("validatorSet", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackVerifier is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2b7ac3f3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function verifier() view returns(address)
func (reviewBoard *ReviewBoard) PackVerifier() []byte {
	enc, err := reviewBoard.abi.Pack("verifier")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVerifier is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2b7ac3f3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function verifier() view returns(address)
func (reviewBoard *ReviewBoard) TryPackVerifier() ([]byte, error) {
	return reviewBoard.abi.Pack("verifier")
}

// UnpackVerifier is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2b7ac3f3.
//
// Solidity: function verifier() view returns(address)
func (reviewBoard *ReviewBoard) UnpackVerifier(data []byte) (common.Address, error) {
	out, err := reviewBoard.abi.Unpack("verifier", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackVote is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x933467f1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function vote(bytes32 recordId, bool approve, string reason) returns()
func (reviewBoard *ReviewBoard) PackVote(recordId [32]byte, approve bool, reason string) []byte {
	enc, err := reviewBoard.abi.Pack("vote", recordId, approve, reason)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVote is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x933467f1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function vote(bytes32 recordId, bool approve, string reason) returns()
func (reviewBoard *ReviewBoard) TryPackVote(recordId [32]byte, approve bool, reason string) ([]byte, error) {
	return reviewBoard.abi.Pack("vote", recordId, approve, reason)
}

// PackVoteBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdb1536c0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function voteBatch(bytes32[] recordIds, bool[] approve, string[] reasons) returns()
func (reviewBoard *ReviewBoard) PackVoteBatch(recordIds [][32]byte, approve []bool, reasons []string) []byte {
	enc, err := reviewBoard.abi.Pack("voteBatch", recordIds, approve, reasons)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVoteBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdb1536c0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function voteBatch(bytes32[] recordIds, bool[] approve, string[] reasons) returns()
func (reviewBoard *ReviewBoard) TryPackVoteBatch(recordIds [][32]byte, approve []bool, reasons []string) ([]byte, error) {
	return reviewBoard.abi.Pack("voteBatch", recordIds, approve, reasons)
}

// ReviewBoardAccessDecision represents a AccessDecision event raised by the ReviewBoard contract.
type ReviewBoardAccessDecision struct {
	RequestId [32]byte
	RecordId  [32]byte
	Requester common.Address
	Granted   bool
	ExpiresAt uint64
	Raw       *types.Log // Blockchain specific contextual infos
}

const ReviewBoardAccessDecisionEventName = "AccessDecision"

// ContractEventName returns the user-defined event name.
func (ReviewBoardAccessDecision) ContractEventName() string {
	return ReviewBoardAccessDecisionEventName
}

// UnpackAccessDecisionEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event AccessDecision(bytes32 indexed requestId, bytes32 indexed recordId, address requester, bool granted, uint64 expiresAt)
func (reviewBoard *ReviewBoard) UnpackAccessDecisionEvent(log *types.Log) (*ReviewBoardAccessDecision, error) {
	event := "AccessDecision"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != reviewBoard.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ReviewBoardAccessDecision)
	if len(log.Data) > 0 {
		if err := reviewBoard.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range reviewBoard.abi.Events[event].Inputs {
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

// ReviewBoardAccessVoted represents a AccessVoted event raised by the ReviewBoard contract.
type ReviewBoardAccessVoted struct {
	RequestId [32]byte
	Validator common.Address
	Grant     bool
	Reason    string
	Raw       *types.Log // Blockchain specific contextual infos
}

const ReviewBoardAccessVotedEventName = "AccessVoted"

// ContractEventName returns the user-defined event name.
func (ReviewBoardAccessVoted) ContractEventName() string {
	return ReviewBoardAccessVotedEventName
}

// UnpackAccessVotedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event AccessVoted(bytes32 indexed requestId, address indexed validator, bool grant, string reason)
func (reviewBoard *ReviewBoard) UnpackAccessVotedEvent(log *types.Log) (*ReviewBoardAccessVoted, error) {
	event := "AccessVoted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != reviewBoard.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ReviewBoardAccessVoted)
	if len(log.Data) > 0 {
		if err := reviewBoard.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range reviewBoard.abi.Events[event].Inputs {
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

// ReviewBoardAuditAnchored represents a AuditAnchored event raised by the ReviewBoard contract.
type ReviewBoardAuditAnchored struct {
	Anchor     *big.Int
	Validator  common.Address
	AuditHash  [32]byte
	FirstIndex uint64
	LastIndex  uint64
	Raw        *types.Log // Blockchain specific contextual infos
}

const ReviewBoardAuditAnchoredEventName = "AuditAnchored"

// ContractEventName returns the user-defined event name.
func (ReviewBoardAuditAnchored) ContractEventName() string {
	return ReviewBoardAuditAnchoredEventName
}

// UnpackAuditAnchoredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event AuditAnchored(uint256 indexed anchor, address indexed validator, bytes32 auditHash, uint64 firstIndex, uint64 lastIndex)
func (reviewBoard *ReviewBoard) UnpackAuditAnchoredEvent(log *types.Log) (*ReviewBoardAuditAnchored, error) {
	event := "AuditAnchored"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != reviewBoard.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ReviewBoardAuditAnchored)
	if len(log.Data) > 0 {
		if err := reviewBoard.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range reviewBoard.abi.Events[event].Inputs {
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

// ReviewBoardDecision represents a Decision event raised by the ReviewBoard contract.
type ReviewBoardDecision struct {
	RecordId     [32]byte
	DatasetId    [32]byte
	Version      uint64
	Level        uint8
	Threshold    uint8
	Commitment   *big.Int
	ReleasedRoot *big.Int
	ContentHash  [32]byte
	Supersedes   uint64
	Approved     bool
	Raw          *types.Log // Blockchain specific contextual infos
}

const ReviewBoardDecisionEventName = "Decision"

// ContractEventName returns the user-defined event name.
func (ReviewBoardDecision) ContractEventName() string {
	return ReviewBoardDecisionEventName
}

// UnpackDecisionEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Decision(bytes32 indexed recordId, bytes32 indexed datasetId, uint64 version, uint8 level, uint8 threshold, uint256 commitment, uint256 releasedRoot, bytes32 contentHash, uint64 supersedes, bool approved)
func (reviewBoard *ReviewBoard) UnpackDecisionEvent(log *types.Log) (*ReviewBoardDecision, error) {
	event := "Decision"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != reviewBoard.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ReviewBoardDecision)
	if len(log.Data) > 0 {
		if err := reviewBoard.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range reviewBoard.abi.Events[event].Inputs {
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

// ReviewBoardSubmitted represents a Submitted event raised by the ReviewBoard contract.
type ReviewBoardSubmitted struct {
	RecordId  [32]byte
	DatasetId [32]byte
	Submitter common.Address
	Version   uint64
	Proof     []byte
	Raw       *types.Log // Blockchain specific contextual infos
}

const ReviewBoardSubmittedEventName = "Submitted"

// ContractEventName returns the user-defined event name.
func (ReviewBoardSubmitted) ContractEventName() string {
	return ReviewBoardSubmittedEventName
}

// UnpackSubmittedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Submitted(bytes32 indexed recordId, bytes32 indexed datasetId, address indexed submitter, uint64 version, bytes proof)
func (reviewBoard *ReviewBoard) UnpackSubmittedEvent(log *types.Log) (*ReviewBoardSubmitted, error) {
	event := "Submitted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != reviewBoard.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ReviewBoardSubmitted)
	if len(log.Data) > 0 {
		if err := reviewBoard.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range reviewBoard.abi.Events[event].Inputs {
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

// ReviewBoardVoted represents a Voted event raised by the ReviewBoard contract.
type ReviewBoardVoted struct {
	RecordId  [32]byte
	Validator common.Address
	Approve   bool
	Reason    string
	Raw       *types.Log // Blockchain specific contextual infos
}

const ReviewBoardVotedEventName = "Voted"

// ContractEventName returns the user-defined event name.
func (ReviewBoardVoted) ContractEventName() string {
	return ReviewBoardVotedEventName
}

// UnpackVotedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Voted(bytes32 indexed recordId, address indexed validator, bool approve, string reason)
func (reviewBoard *ReviewBoard) UnpackVotedEvent(log *types.Log) (*ReviewBoardVoted, error) {
	event := "Voted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != reviewBoard.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ReviewBoardVoted)
	if len(log.Data) > 0 {
		if err := reviewBoard.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range reviewBoard.abi.Events[event].Inputs {
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
func (reviewBoard *ReviewBoard) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], reviewBoard.abi.Errors["AlreadyCorrected"].ID.Bytes()[:4]) {
		return reviewBoard.UnpackAlreadyCorrectedError(raw[4:])
	}
	if bytes.Equal(raw[:4], reviewBoard.abi.Errors["AlreadySubmitted"].ID.Bytes()[:4]) {
		return reviewBoard.UnpackAlreadySubmittedError(raw[4:])
	}
	if bytes.Equal(raw[:4], reviewBoard.abi.Errors["AlreadyVoted"].ID.Bytes()[:4]) {
		return reviewBoard.UnpackAlreadyVotedError(raw[4:])
	}
	if bytes.Equal(raw[:4], reviewBoard.abi.Errors["AuditGap"].ID.Bytes()[:4]) {
		return reviewBoard.UnpackAuditGapError(raw[4:])
	}
	if bytes.Equal(raw[:4], reviewBoard.abi.Errors["AuditSpanTooLarge"].ID.Bytes()[:4]) {
		return reviewBoard.UnpackAuditSpanTooLargeError(raw[4:])
	}
	if bytes.Equal(raw[:4], reviewBoard.abi.Errors["InvalidSubmission"].ID.Bytes()[:4]) {
		return reviewBoard.UnpackInvalidSubmissionError(raw[4:])
	}
	if bytes.Equal(raw[:4], reviewBoard.abi.Errors["NotPending"].ID.Bytes()[:4]) {
		return reviewBoard.UnpackNotPendingError(raw[4:])
	}
	if bytes.Equal(raw[:4], reviewBoard.abi.Errors["NotValidator"].ID.Bytes()[:4]) {
		return reviewBoard.UnpackNotValidatorError(raw[4:])
	}
	if bytes.Equal(raw[:4], reviewBoard.abi.Errors["ZeroAddress"].ID.Bytes()[:4]) {
		return reviewBoard.UnpackZeroAddressError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// ReviewBoardAlreadyCorrected represents a AlreadyCorrected error raised by the ReviewBoard contract.
type ReviewBoardAlreadyCorrected struct {
	CorrectedRecordId [32]byte
	ByRecordId        [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyCorrected(bytes32 correctedRecordId, bytes32 byRecordId)
func ReviewBoardAlreadyCorrectedErrorID() common.Hash {
	return common.HexToHash("0x0ab42790e898e43524e483d356a6bd3afa2baf8e633c7d32b29a4b2932d4e0c2")
}

// UnpackAlreadyCorrectedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyCorrected(bytes32 correctedRecordId, bytes32 byRecordId)
func (reviewBoard *ReviewBoard) UnpackAlreadyCorrectedError(raw []byte) (*ReviewBoardAlreadyCorrected, error) {
	out := new(ReviewBoardAlreadyCorrected)
	if err := reviewBoard.abi.UnpackIntoInterface(out, "AlreadyCorrected", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ReviewBoardAlreadySubmitted represents a AlreadySubmitted error raised by the ReviewBoard contract.
type ReviewBoardAlreadySubmitted struct {
	RecordId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadySubmitted(bytes32 recordId)
func ReviewBoardAlreadySubmittedErrorID() common.Hash {
	return common.HexToHash("0xc0817a0f8623df5cbe2a5f733daa045d5f54641b030d70aef80462322b63e93b")
}

// UnpackAlreadySubmittedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadySubmitted(bytes32 recordId)
func (reviewBoard *ReviewBoard) UnpackAlreadySubmittedError(raw []byte) (*ReviewBoardAlreadySubmitted, error) {
	out := new(ReviewBoardAlreadySubmitted)
	if err := reviewBoard.abi.UnpackIntoInterface(out, "AlreadySubmitted", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ReviewBoardAlreadyVoted represents a AlreadyVoted error raised by the ReviewBoard contract.
type ReviewBoardAlreadyVoted struct {
	Id        [32]byte
	Validator common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyVoted(bytes32 id, address validator)
func ReviewBoardAlreadyVotedErrorID() common.Hash {
	return common.HexToHash("0x0bcf2ea3c8b515fe50f169a4131ce2d2198afc8ec7d83a8658d7bcb0a5fbbe77")
}

// UnpackAlreadyVotedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyVoted(bytes32 id, address validator)
func (reviewBoard *ReviewBoard) UnpackAlreadyVotedError(raw []byte) (*ReviewBoardAlreadyVoted, error) {
	out := new(ReviewBoardAlreadyVoted)
	if err := reviewBoard.abi.UnpackIntoInterface(out, "AlreadyVoted", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ReviewBoardAuditGap represents a AuditGap error raised by the ReviewBoard contract.
type ReviewBoardAuditGap struct {
	ExpectedFirst uint64
	FirstIndex    uint64
	LastIndex     uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AuditGap(uint64 expectedFirst, uint64 firstIndex, uint64 lastIndex)
func ReviewBoardAuditGapErrorID() common.Hash {
	return common.HexToHash("0x59a6bedad3cb269e40e3fa4e9e30563b12e08d083e67bb4b9b96d953212fd5f0")
}

// UnpackAuditGapError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AuditGap(uint64 expectedFirst, uint64 firstIndex, uint64 lastIndex)
func (reviewBoard *ReviewBoard) UnpackAuditGapError(raw []byte) (*ReviewBoardAuditGap, error) {
	out := new(ReviewBoardAuditGap)
	if err := reviewBoard.abi.UnpackIntoInterface(out, "AuditGap", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ReviewBoardAuditSpanTooLarge represents a AuditSpanTooLarge error raised by the ReviewBoard contract.
type ReviewBoardAuditSpanTooLarge struct {
	FirstIndex uint64
	LastIndex  uint64
	MaxSpan    uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AuditSpanTooLarge(uint64 firstIndex, uint64 lastIndex, uint64 maxSpan)
func ReviewBoardAuditSpanTooLargeErrorID() common.Hash {
	return common.HexToHash("0x6340953e1cf84f1016fd9b31de82e9c72de0aa3b75ecf61c368def10467ba260")
}

// UnpackAuditSpanTooLargeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AuditSpanTooLarge(uint64 firstIndex, uint64 lastIndex, uint64 maxSpan)
func (reviewBoard *ReviewBoard) UnpackAuditSpanTooLargeError(raw []byte) (*ReviewBoardAuditSpanTooLarge, error) {
	out := new(ReviewBoardAuditSpanTooLarge)
	if err := reviewBoard.abi.UnpackIntoInterface(out, "AuditSpanTooLarge", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ReviewBoardInvalidSubmission represents a InvalidSubmission error raised by the ReviewBoard contract.
type ReviewBoardInvalidSubmission struct {
	Field string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidSubmission(string field)
func ReviewBoardInvalidSubmissionErrorID() common.Hash {
	return common.HexToHash("0xb1c8ade1952b34d3c750503cf31c927fc452bba63d8aba9bc3a546b82418a745")
}

// UnpackInvalidSubmissionError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidSubmission(string field)
func (reviewBoard *ReviewBoard) UnpackInvalidSubmissionError(raw []byte) (*ReviewBoardInvalidSubmission, error) {
	out := new(ReviewBoardInvalidSubmission)
	if err := reviewBoard.abi.UnpackIntoInterface(out, "InvalidSubmission", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ReviewBoardNotPending represents a NotPending error raised by the ReviewBoard contract.
type ReviewBoardNotPending struct {
	Id [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotPending(bytes32 id)
func ReviewBoardNotPendingErrorID() common.Hash {
	return common.HexToHash("0xbbf86c27ded3f59e59721d1675608c0f78726b731d188b7dd2fc749649357bd0")
}

// UnpackNotPendingError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotPending(bytes32 id)
func (reviewBoard *ReviewBoard) UnpackNotPendingError(raw []byte) (*ReviewBoardNotPending, error) {
	out := new(ReviewBoardNotPending)
	if err := reviewBoard.abi.UnpackIntoInterface(out, "NotPending", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ReviewBoardNotValidator represents a NotValidator error raised by the ReviewBoard contract.
type ReviewBoardNotValidator struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotValidator(address caller)
func ReviewBoardNotValidatorErrorID() common.Hash {
	return common.HexToHash("0xed3db8ac0aff2f11d9c21259b57051cec9967e78c0d61c8321b092e63647d624")
}

// UnpackNotValidatorError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotValidator(address caller)
func (reviewBoard *ReviewBoard) UnpackNotValidatorError(raw []byte) (*ReviewBoardNotValidator, error) {
	out := new(ReviewBoardNotValidator)
	if err := reviewBoard.abi.UnpackIntoInterface(out, "NotValidator", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ReviewBoardZeroAddress represents a ZeroAddress error raised by the ReviewBoard contract.
type ReviewBoardZeroAddress struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAddress()
func ReviewBoardZeroAddressErrorID() common.Hash {
	return common.HexToHash("0xd92e233df2717d4a40030e20904abd27b68fcbeede117eaaccbbdac9618c8c73")
}

// UnpackZeroAddressError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAddress()
func (reviewBoard *ReviewBoard) UnpackZeroAddressError(raw []byte) (*ReviewBoardZeroAddress, error) {
	out := new(ReviewBoardZeroAddress)
	if err := reviewBoard.abi.UnpackIntoInterface(out, "ZeroAddress", raw); err != nil {
		return nil, err
	}
	return out, nil
}
