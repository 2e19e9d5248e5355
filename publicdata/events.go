package publicdata

// This file is the only one that decodes the events whose fields change
// with the ABI: Published (public DataRegistry) and Decision (consortium
// ReviewBoard), plus the bridge's Relayed and ReleaseRefused and the
// ReviewBoard's Submitted. Published and Decision carry the submitting
// department's id, which the --department filter reads.

import (
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/sovereign-gov/sovereign/bindings/dataregistry"
	"github.com/sovereign-gov/sovereign/bindings/releasebridge"
	"github.com/sovereign-gov/sovereign/bindings/reviewboard"
)

var (
	registryABI = dataregistry.NewDataRegistry()
	bridgeABI   = releasebridge.NewReleaseBridge()
	boardABI    = reviewboard.NewReviewBoard()

	// Event topics (topic 0) of the logs this package reads.
	PublishedTopic      = registryABI.GetABI().Events["Published"].ID
	FrozenTopic         = registryABI.GetABI().Events["Frozen"].ID
	UnfrozenTopic       = registryABI.GetABI().Events["Unfrozen"].ID
	ShreddedTopic       = registryABI.GetABI().Events["Shredded"].ID
	RelayedTopic        = bridgeABI.GetABI().Events["Relayed"].ID
	ReleaseRefusedTopic = bridgeABI.GetABI().Events["ReleaseRefused"].ID
	DecisionTopic       = boardABI.GetABI().Events["Decision"].ID
	SubmittedTopic      = boardABI.GetABI().Events["Submitted"].ID
)

// Values are a release's values as an event carries them (Published on the
// public chain, Decision on the consortium).
type Values struct {
	RecordID  common.Hash `json:"recordId"`
	DatasetID common.Hash `json:"datasetId"`
	Version   uint64      `json:"version"`
	// Seq is the registry's sequence number (Published only; 0 in a Decision).
	Seq          uint64      `json:"seq,omitempty"`
	Level        uint8       `json:"level"`
	Threshold    uint8       `json:"threshold"`
	Supersedes   uint64      `json:"supersedes"`
	Commitment   *big.Int    `json:"commitment"`
	ReleasedRoot *big.Int    `json:"releasedRoot"`
	ContentHash  common.Hash `json:"contentHash"`
	// VerifierVersion is the consortium verifier the proof passed at
	// submission (IReviewBoard.verifierAt); its release is checked with it.
	VerifierVersion uint32 `json:"verifierVersion"`
	// Department is keccak256(bytes(name)) of the submitting department.
	Department common.Hash `json:"department"`
	// Where the event is.
	Block uint64      `json:"block"`
	Tx    common.Hash `json:"tx"`
}

// DecodePublished decodes a DataRegistry Published log.
func DecodePublished(l *types.Log) (*Values, error) {
	e, err := registryABI.UnpackPublishedEvent(l)
	if err != nil {
		return nil, fmt.Errorf("event Published in block %d: %w", l.BlockNumber, err)
	}
	return &Values{
		RecordID: e.RecordId, DatasetID: e.DatasetId, Version: e.Version, Seq: e.Seq, Level: e.Level, Threshold: e.Threshold,
		Supersedes: e.Supersedes, Commitment: e.Commitment, ReleasedRoot: e.ReleasedRoot, ContentHash: e.ContentHash,
		VerifierVersion: e.VerifierVersion, Department: e.Department,
		Block: l.BlockNumber, Tx: l.TxHash,
	}, nil
}

// Decision is a consortium ReviewBoard Decision.
type Decision struct {
	Values
	Approved bool `json:"approved"`
}

// DecodeDecision decodes a ReviewBoard Decision log.
func DecodeDecision(l *types.Log) (*Decision, error) {
	e, err := boardABI.UnpackDecisionEvent(l)
	if err != nil {
		return nil, fmt.Errorf("event Decision in consortium block %d: %w", l.BlockNumber, err)
	}
	return &Decision{Values: Values{
		RecordID: e.RecordId, DatasetID: e.DatasetId, Version: e.Version, Level: e.Level, Threshold: e.Threshold,
		Supersedes: e.Supersedes, Commitment: e.Commitment, ReleasedRoot: e.ReleasedRoot, ContentHash: e.ContentHash,
		VerifierVersion: e.VerifierVersion, Department: e.Department,
		Block: l.BlockNumber, Tx: l.TxHash,
	}, Approved: e.Approved}, nil
}

// DecodeSubmitted returns the proof bytes of a ReviewBoard Submitted log.
func DecodeSubmitted(l *types.Log) (recordID common.Hash, proof []byte, err error) {
	e, err := boardABI.UnpackSubmittedEvent(l)
	if err != nil {
		return common.Hash{}, nil, fmt.Errorf("event Submitted in consortium block %d: %w", l.BlockNumber, err)
	}
	return e.RecordId, e.Proof, nil
}

// LogKindRelease is IReleaseBridge.LogKind.Release.
const LogKindRelease = 0

// Certified is the consortium block a release was relayed from (the
// bridge's Relayed event) and the bridge epoch that certified it.
type Certified struct {
	Number       uint64      `json:"number"`
	BlockHash    common.Hash `json:"blockHash"`
	ReceiptIndex uint64      `json:"receiptIndex"`
	LogIndex     uint64      `json:"logIndex"`
	Epoch        *uint64     `json:"epoch,omitempty"`
	// Where the Relayed event is on the public chain.
	PublicBlock uint64      `json:"publicBlock"`
	Tx          common.Hash `json:"tx"`
}

// DecodeRelayed decodes a ReleaseBridge Relayed log: its kind and subject
// and the certified block.
func DecodeRelayed(l *types.Log) (kind uint8, subject common.Hash, c *Certified, err error) {
	e, err := bridgeABI.UnpackRelayedEvent(l)
	if err != nil {
		return 0, common.Hash{}, nil, fmt.Errorf("event Relayed in block %d: %w", l.BlockNumber, err)
	}
	return e.Kind, e.Subject, &Certified{
		Number: e.Number, BlockHash: e.BlockHash, ReceiptIndex: e.ReceiptIndex.Uint64(), LogIndex: e.LogIndex.Uint64(),
		PublicBlock: l.BlockNumber, Tx: l.TxHash,
	}, nil
}

// Refusal is a release the registry refused (ReleaseBridge ReleaseRefused).
type Refusal struct {
	RecordID        common.Hash `json:"recordId"`
	ConsortiumBlock uint64      `json:"consortiumBlock"`
	Reason          string      `json:"reason"`
	Retryable       bool        `json:"retryable"`
	Block           uint64      `json:"block"`
}

// outcomes are IDataRegistry.PublishOutcome's names.
var outcomes = []string{"Published", "InvalidDatasetId", "InvalidVersion", "InvalidLevel", "InvalidSupersedes",
	"AlreadyPublished", "AlreadySuperseded", "SupersedesFrozen", "InvalidVerifierVersion"}

// OutcomeName names a PublishOutcome.
func OutcomeName(o uint8) string {
	if int(o) < len(outcomes) {
		return outcomes[o]
	}
	return fmt.Sprintf("outcome %d", o)
}

func decodeRefused(l *types.Log) (*Refusal, error) {
	e, err := bridgeABI.UnpackReleaseRefusedEvent(l)
	if err != nil {
		return nil, fmt.Errorf("event ReleaseRefused in block %d: %w", l.BlockNumber, err)
	}
	return &Refusal{RecordID: e.RecordId, ConsortiumBlock: e.Number, Reason: OutcomeName(e.Reason),
		Retryable: e.Retryable, Block: l.BlockNumber}, nil
}
