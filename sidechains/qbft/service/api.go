package service

import (
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/sovereign-gov/sovereign/sidechains/qbft"
	"github.com/sovereign-gov/sovereign/sidechains/qbft/transport"
)

// errUnknownBlock is returned for a block this node does not have.
var errUnknownBlock = errors.New("unknown block")

// APIs returns the qbft_ JSON-RPC namespace.
func (n *Node) APIs() []rpc.API {
	return []rpc.API{{Namespace: "qbft", Service: &API{n: n}}}
}

// API is the qbft_ namespace.
type API struct{ n *Node }

// CertificateJSON is a commit certificate as served over JSON-RPC.
type CertificateJSON struct {
	Number  hexutil.Uint64   `json:"number"`
	Hash    common.Hash      `json:"hash"`
	Round   hexutil.Uint64   `json:"round"`
	Seals   []hexutil.Bytes  `json:"seals"`
	Signers []common.Address `json:"signers"`
	ID      common.Hash      `json:"id"`  // keccak256 of the RLP, as in the next block's beacon root and random
	RLP     hexutil.Bytes    `json:"rlp"` // the certificate as the bridge takes it
}

// GetCertificate returns the commit certificate of a finalised block, by
// number or hash.
func (a *API) GetCertificate(blockNrOrHash rpc.BlockNumberOrHash) (*CertificateJSON, error) {
	bc := a.n.Eth.BlockChain()
	var number uint64
	if h, ok := blockNrOrHash.Hash(); ok {
		hdr := bc.GetHeaderByHash(h)
		if hdr == nil {
			return nil, fmt.Errorf("%w %s", errUnknownBlock, h)
		}
		number = hdr.Number.Uint64()
	} else if nr, ok := blockNrOrHash.Number(); ok {
		switch {
		case nr >= 0:
			number = uint64(nr)
		default: // latest, safe, finalized: all the same block under QBFT
			number = a.n.Driver.Head()
		}
	}
	if number == 0 {
		return nil, errors.New("the genesis block has no certificate")
	}
	c, err := a.n.Driver.Certificate(number)
	if err != nil {
		return nil, err
	}
	if h, ok := blockNrOrHash.Hash(); ok && c.Hash != h {
		return nil, fmt.Errorf("%w %s (not canonical)", errUnknownBlock, h)
	}
	signers, err := c.Signers(a.n.Driver.ChainID())
	if err != nil {
		return nil, err
	}
	out := &CertificateJSON{Number: hexutil.Uint64(c.Number), Hash: c.Hash, Round: hexutil.Uint64(c.Round), Signers: signers, ID: c.ID(), RLP: c.Encode()}
	for _, s := range c.Seals {
		out.Seals = append(out.Seals, s)
	}
	return out, nil
}

// GetValidators returns the validators that decide block number (default:
// the next block).
func (a *API) GetValidators(number *rpc.BlockNumber) ([]common.Address, error) {
	h := a.n.Driver.Head() + 1
	if number != nil && *number >= 0 {
		h = uint64(*number)
	}
	if h == 0 {
		h = 1
	}
	vs, err := a.n.Driver.Validators(h)
	if err != nil {
		return nil, err
	}
	return vs.List(), nil
}

// StatusJSON is qbft_status.
type StatusJSON struct {
	Validator     bool                    `json:"validator"`
	Head          hexutil.Uint64          `json:"head"`
	Height        hexutil.Uint64          `json:"height"`
	Round         hexutil.Uint64          `json:"round"`
	Proposer      common.Address          `json:"proposer"`
	Peers         int                     `json:"peers"`
	Equivocations uint64                  `json:"equivocations"`
	Rejected      transport.CounterValues `json:"rejected"`
	Core          *qbft.Status            `json:"-"`
}

// Status returns the height being decided, its round and proposer, peers,
// and the refusal counters.
func (a *API) Status() StatusJSON {
	head := a.n.Driver.Head()
	out := StatusJSON{Head: hexutil.Uint64(head), Height: hexutil.Uint64(head + 1), Peers: a.n.Reactor.PeerCount(), Rejected: a.n.Reactor.Counters()}
	if c := a.n.Core; c != nil {
		st := c.Status()
		out.Validator = true
		out.Height, out.Round, out.Proposer = hexutil.Uint64(st.Height), hexutil.Uint64(st.Round), st.Proposer
		out.Equivocations = c.Stats.Equivocations.Load()
	} else if vs, err := a.n.Driver.Validators(head + 1); err == nil {
		out.Proposer = vs.Proposer(a.n.Driver.LastProposer(head+1), 0)
	}
	return out
}
