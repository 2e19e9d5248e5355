// Package bridge carries consortium decisions to the public chain: it builds
// the proofs ReleaseBridge checks (commit certificate, header RLP, the
// certifying validator set, receipt Merkle-Patricia proofs) from a
// consortium JSON-RPC endpoint, verifies every one of them locally against
// the bridge's own trust anchor before spending gas, and relays them
// (Relayer). Nothing is kept on disk: what is still missing is read from the
// public chain (isRelayed, the bridge's epochs) on every pass.
package bridge

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/rawdb"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rlp"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/ethereum/go-ethereum/trie"
	"github.com/ethereum/go-ethereum/triedb"

	"github.com/sovereign-gov/sovereign/bindings/releasebridge"
	"github.com/sovereign-gov/sovereign/bindings/reviewboard"
	"github.com/sovereign-gov/sovereign/bindings/validatorset"
	"github.com/sovereign-gov/sovereign/sidechains/qbft"
)

// ErrForged is wrapped by every refusal of data a consortium endpoint
// served that does not verify: a header that is not the certified one, a
// certificate that the bridge's validator set did not seal, receipts that
// are not the header's. Nothing built from such data is ever sent.
var ErrForged = errors.New("consortium data does not verify")

// Event signatures the bridge accepts, and their emitters (Watch).
var (
	DecisionTopic       = reviewboard.NewReviewBoard().GetABI().Events["Decision"].ID
	AccessDecisionTopic = reviewboard.NewReviewBoard().GetABI().Events["AccessDecision"].ID
	SetChangedTopic     = validatorset.NewValidatorSet().GetABI().Events["ValidatorSetChanged"].ID
	ShreddedTopic       = reviewboard.NewReviewBoard().GetABI().Events["Shredded"].ID
	VerifierTopic       = reviewboard.NewReviewBoard().GetABI().Events["VerifierAdopted"].ID
)

// Watch says which consortium logs the bridge takes: ReviewBoard's
// Decision, AccessDecision, Shredded and VerifierAdopted, ValidatorSet's
// ValidatorSetChanged.
type Watch struct {
	ReviewBoard  common.Address
	ValidatorSet common.Address
}

// Kind of a relayable log.
type Kind int

// Kinds of relayable logs.
const (
	KindDecision Kind = iota
	KindAccess
	KindSetChange
	KindShred
	KindVerifier
)

func (k Kind) String() string {
	return [...]string{"decision", "access decision", "set change", "shred receipt", "verifier adoption"}[k]
}

// kindOf says whether l is a log the bridge relays.
func (w Watch) kindOf(l *types.Log) (Kind, bool) {
	if len(l.Topics) == 0 {
		return 0, false
	}
	switch {
	case l.Address == w.ReviewBoard && l.Topics[0] == DecisionTopic:
		return KindDecision, true
	case l.Address == w.ReviewBoard && l.Topics[0] == AccessDecisionTopic:
		return KindAccess, true
	case l.Address == w.ValidatorSet && l.Topics[0] == SetChangedTopic:
		return KindSetChange, true
	case l.Address == w.ReviewBoard && l.Topics[0] == ShreddedTopic:
		return KindShred, true
	case l.Address == w.ReviewBoard && l.Topics[0] == VerifierTopic:
		return KindVerifier, true
	}
	return 0, false
}

// Item is one relayable log of a block: where it sits (receipt index, the
// log's index in that receipt, the bridge's key) and what it is.
type Item struct {
	ReceiptIndex uint
	LogIndex     uint
	Kind         Kind
	// Approved is set for an approved Decision.
	Approved bool
	Log      *types.Log
}

// Block is a consortium block with everything a relay of its logs needs,
// verified: the header hashes to the certified hash, the receipts hash to
// the header's receiptsRoot, and (once Certify ran) the certificate carries
// a quorum of the set the bridge's epoch covering the block names.
type Block struct {
	Header    *types.Header
	HeaderRLP []byte
	Hash      common.Hash
	Number    uint64
	Receipts  types.Receipts
	// Items are the block's relayable logs in order (receipt, log).
	Items []Item

	// set by Certify
	Cert *qbft.Certificate
	Set  releasebridge.IReleaseBridgeEpochSet

	tr *trie.Trie
}

// Proofs reads consortium blocks over JSON-RPC and verifies them. chainID is
// the consortium chain id the bridge pins (consortiumChainId()), part of
// every seal's digest.
type Proofs struct {
	client       *ethclient.Client
	rpc          *rpc.Client
	chainID      *big.Int
	watch        Watch
	validatorSet common.Address
}

// NewProofs reads blocks from client; chainID is the bridge's consortium chain id.
func NewProofs(client *rpc.Client, chainID *big.Int, w Watch) *Proofs {
	return &Proofs{client: ethclient.NewClient(client), rpc: client, chainID: chainID, watch: w, validatorSet: w.ValidatorSet}
}

// Block reads block number's header and receipts and checks them against
// each other: the receipts must rebuild the header's receiptsRoot. Its
// relayable logs are taken from those receipts, never from the endpoint's
// log indexes. The block is not yet certified: see Certify.
func (p *Proofs) Block(ctx context.Context, number uint64) (*Block, error) {
	b, err := p.Header(ctx, number)
	if err != nil {
		return nil, err
	}
	hdr := b.Header
	// by number: the receipts are bound to the header by its receiptsRoot,
	// the header to the chain by the certificate (Certify)
	receipts, err := p.client.BlockReceipts(ctx, rpc.BlockNumberOrHashWithNumber(rpc.BlockNumber(number)))
	if err != nil {
		return nil, fmt.Errorf("consortium receipts of block %d: %w", number, err)
	}
	tr, err := receiptTrie(receipts)
	if err != nil {
		return nil, err
	}
	if got := tr.Hash(); got != hdr.ReceiptHash {
		return nil, fmt.Errorf("%w: receipts of block %d rebuild root %s, header has %s", ErrForged, number, got, hdr.ReceiptHash)
	}
	b.Receipts, b.tr = receipts, tr
	rb := reviewboard.NewReviewBoard()
	for ri, r := range receipts {
		for li, l := range r.Logs {
			kind, ok := p.watch.kindOf(l)
			if !ok {
				continue
			}
			it := Item{ReceiptIndex: uint(ri), LogIndex: uint(li), Kind: kind, Log: l}
			if kind == KindDecision {
				if d, err := rb.UnpackDecisionEvent(l); err == nil {
					it.Approved = d.Approved
				}
			}
			b.Items = append(b.Items, it)
		}
	}
	return b, nil
}

// Header reads block number's header only (a checkpoint needs no
// receipts); not yet certified: see Certify.
func (p *Proofs) Header(ctx context.Context, number uint64) (*Block, error) {
	hdr, err := p.client.HeaderByNumber(ctx, new(big.Int).SetUint64(number))
	if err != nil {
		return nil, fmt.Errorf("consortium header %d: %w", number, err)
	}
	if hdr.Number == nil || hdr.Number.Uint64() != number {
		return nil, fmt.Errorf("%w: asked for header %d, got %v", ErrForged, number, hdr.Number)
	}
	enc, err := rlp.EncodeToBytes(hdr)
	if err != nil {
		return nil, err
	}
	return &Block{Header: hdr, HeaderRLP: enc, Hash: hdr.Hash(), Number: number}, nil
}

// receiptTrie is the block's receipt trie: key rlp(index), value the
// consensus encoding of the receipt.
func receiptTrie(receipts types.Receipts) (*trie.Trie, error) {
	tr := trie.NewEmpty(triedb.NewDatabase(rawdb.NewMemoryDatabase(), nil))
	for i, r := range receipts {
		enc, err := r.MarshalBinary()
		if err != nil {
			return nil, fmt.Errorf("encoding receipt %d: %w", i, err)
		}
		key, _ := rlp.EncodeToBytes(uint(i))
		if err := tr.Update(key, enc); err != nil {
			return nil, err
		}
	}
	return tr, nil
}

// Certificate reads a block's commit certificate (qbft_getCertificate).
func (p *Proofs) Certificate(ctx context.Context, number uint64) (*qbft.Certificate, error) {
	var out struct {
		RLP hexutil.Bytes `json:"rlp"`
	}
	if err := p.rpc.CallContext(ctx, &out, "qbft_getCertificate", hexutil.Uint64(number)); err != nil {
		return nil, fmt.Errorf("qbft_getCertificate(%d): %w", number, err)
	}
	c, err := qbft.DecodeCertificate(out.RLP)
	if err != nil {
		return nil, fmt.Errorf("%w: certificate of block %d: %v", ErrForged, number, err)
	}
	return c, nil
}

// Validators reads the validator set certifying block number (getValidators
// in the state of the block before) from the consortium.
func (p *Proofs) Validators(ctx context.Context, number uint64) ([]common.Address, error) {
	if number == 0 {
		return nil, errors.New("the genesis block has no certifying validator set")
	}
	vs := validatorset.NewValidatorSet()
	out, err := p.client.CallContract(ctx, callMsg(p.validatorSet, vs.PackGetValidators()), new(big.Int).SetUint64(number-1))
	if err != nil {
		return nil, fmt.Errorf("consortium getValidators() before block %d: %w", number, err)
	}
	return vs.UnpackGetValidators(out)
}

// Anchor is what the public bridge says about a block: the epoch covering
// it and that epoch's set hash (the relayer's trust anchor).
type Anchor struct {
	Epoch   uint64
	SetHash common.Hash
}

// Certify completes b with its certificate and validator set and verifies
// them: the header's extra data must be the set hash of the bridge's epoch
// covering the block (a.SetHash), the validators the endpoint names must
// hash to it, and the certificate must be for this header with a quorum of
// their seals for the bridge's consortium chain id.
func (p *Proofs) Certify(ctx context.Context, b *Block, a Anchor) error {
	if err := checkSetNamed(b, a); err != nil {
		return err
	}
	addrs, err := p.Validators(ctx, b.Number)
	if err != nil {
		return err
	}
	set, err := checkSet(b, a, addrs)
	if err != nil {
		return err
	}
	cert, err := p.Certificate(ctx, b.Number)
	if err != nil {
		return err
	}
	if err := checkCertificate(p.chainID, b, set, cert); err != nil {
		return err
	}
	b.Cert = cert
	b.Set = releasebridge.IReleaseBridgeEpochSet{Epoch: a.Epoch, Validators: set.List()}
	return nil
}

// checkSetNamed checks that the header's extra data is the set hash of the
// bridge's epoch covering the block.
func checkSetNamed(b *Block, a Anchor) error {
	if len(b.Header.Extra) != 32 || common.BytesToHash(b.Header.Extra) != a.SetHash {
		return fmt.Errorf("%w: %w: block %d names validator set %x, the bridge's epoch %d is %s",
			ErrSetNotRelayed, ErrForged, b.Number, b.Header.Extra, a.Epoch, a.SetHash)
	}
	return nil
}

// checkSet checks that the validators an endpoint names for block b hash to
// the bridge's set hash.
func checkSet(b *Block, a Anchor, addrs []common.Address) (qbft.ValidatorSet, error) {
	set, err := qbft.NewValidatorSet(addrs)
	if err != nil {
		return qbft.ValidatorSet{}, fmt.Errorf("%w: validators before block %d: %v", ErrForged, b.Number, err)
	}
	if h := qbft.ValidatorSetHash(set); h != a.SetHash {
		return qbft.ValidatorSet{}, fmt.Errorf("%w: validators %v before block %d hash to %s, the bridge's epoch %d is %s", ErrForged, addrs, b.Number, h, a.Epoch, a.SetHash)
	}
	return set, nil
}

// checkCertificate checks that cert is for block b and holds a quorum of
// set's seals for the consortium's chain id.
func checkCertificate(chainID *big.Int, b *Block, set qbft.ValidatorSet, cert *qbft.Certificate) error {
	if cert.Number != b.Number || cert.Hash != b.Hash {
		return fmt.Errorf("%w: certificate is for block %d %s, header %d is %s", ErrForged, cert.Number, cert.Hash, b.Number, b.Hash)
	}
	if err := cert.Verify(chainID, set); err != nil {
		return fmt.Errorf("%w: certificate of block %d: %v", ErrForged, b.Number, err)
	}
	return nil
}

// ErrSetNotRelayed is wrapped when a block names a validator set the bridge
// does not have for it: a set change before it is not relayed yet, or the
// endpoint serves another chain's block.
var ErrSetNotRelayed = errors.New("block names a validator set the bridge has not seen")

// BridgeCert is the certificate in the bridge's ABI shape.
func (b *Block) BridgeCert() releasebridge.IReleaseBridgeCertificate {
	return releasebridge.IReleaseBridgeCertificate{Number: b.Cert.Number, BlockHash: b.Cert.Hash, Round: b.Cert.Round, Seals: b.Cert.Seals}
}

// proofWriter collects trie.Prove's nodes in the order written: root first.
type proofWriter struct{ nodes [][]byte }

func (w *proofWriter) Put(_ []byte, value []byte) error {
	w.nodes = append(w.nodes, common.CopyBytes(value))
	return nil
}
func (w *proofWriter) Delete([]byte) error { return nil }

// ReceiptProof proves receipt index under the block's receiptsRoot: the
// trie nodes from the root down, as ReleaseBridge takes them.
func (b *Block) ReceiptProof(index uint) ([][]byte, error) {
	if int(index) >= len(b.Receipts) {
		return nil, fmt.Errorf("block %d has %d receipts, no receipt %d", b.Number, len(b.Receipts), index)
	}
	key, _ := rlp.EncodeToBytes(index)
	w := new(proofWriter)
	if err := b.tr.Prove(key, w); err != nil {
		return nil, err
	}
	// checked locally: the proof leads from the root to this receipt
	db := rawdb.NewMemoryDatabase()
	for _, n := range w.nodes {
		if err := db.Put(crypto.Keccak256(n), n); err != nil {
			return nil, err
		}
	}
	val, err := trie.VerifyProof(b.Header.ReceiptHash, key, db)
	if err != nil {
		return nil, fmt.Errorf("receipt proof of %d in block %d: %w", index, b.Number, err)
	}
	want, _ := b.Receipts[index].MarshalBinary()
	if !bytes.Equal(val, want) {
		return nil, fmt.Errorf("%w: receipt proof of %d in block %d proves another receipt", ErrForged, index, b.Number)
	}
	return w.nodes, nil
}

// ReceiptProof rebuilds the receipt trie of a block's receipts, checks its
// root against the header's receiptsRoot and proves receipt index: the
// nodes root first, as ReleaseBridge takes them.
func ReceiptProof(receipts types.Receipts, receiptsRoot common.Hash, index uint) ([][]byte, error) {
	tr, err := receiptTrie(receipts)
	if err != nil {
		return nil, err
	}
	if got := tr.Hash(); got != receiptsRoot {
		return nil, fmt.Errorf("%w: receipts rebuild root %s, header has %s", ErrForged, got, receiptsRoot)
	}
	b := &Block{Header: &types.Header{ReceiptHash: receiptsRoot}, Receipts: receipts, tr: tr}
	return b.ReceiptProof(index)
}

// LogProofs proves items (in block order): logs of one receipt after the
// first share its nodes (empty nodes, as the bridge allows).
func (b *Block) LogProofs(items []Item) ([]releasebridge.IReleaseBridgeLogProof, error) {
	var out []releasebridge.IReleaseBridgeLogProof
	for i, it := range items {
		p := releasebridge.IReleaseBridgeLogProof{ReceiptIndex: new(big.Int).SetUint64(uint64(it.ReceiptIndex)), LogIndex: new(big.Int).SetUint64(uint64(it.LogIndex))}
		if i == 0 || items[i-1].ReceiptIndex != it.ReceiptIndex {
			nodes, err := b.ReceiptProof(it.ReceiptIndex)
			if err != nil {
				return nil, err
			}
			p.Nodes = nodes
		} else {
			p.Nodes = [][]byte{}
		}
		out = append(out, p)
	}
	return out, nil
}
