// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {IDataRegistry} from "./IDataRegistry.sol";

/// @title IReleaseBridge — QBFT light client of the consortium chain (public chain)
/// @notice Anyone may relay. A relay carries a commit certificate, the RLP of
/// the certified consortium header, the validator set that certified it
/// (EpochSet) and receipt proofs of logs in that block:
///  1. header: keccak256(header) = certified hash, header number = certified
///     number; its receiptsRoot is taken;
///  2. validator set: set.epoch must be the epoch covering the block (the
///     latest epoch whose firstBlock ≤ number; see epochAt),
///     validatorSetHash(set.validators) must be that epoch's stored setHash,
///     and the header's extraData must be exactly that setHash (32 bytes);
///  3. certificate: ≥ quorum ⌈2n/3⌉ of the epoch's n validators, distinct.
///     Seal = 65 bytes r‖s‖v, v ∈ {27, 28}, s ≤ n/2 (low S), over
///     keccak256(abi.encode(keccak256("sovereign.qbft.commit.v2"),
///     consortiumChainId, number, round, blockHash)) — every seal for the
///     certificate's round (seal v2); any bad seal rejects the relay; seals
///     may come in any order;
///  4. each LogProof: MPT proof of the receipt at key rlp(receiptIndex) under
///     receiptsRoot (value = consensus receipt encoding), then log logIndex;
///  5. each log, once only ((blockHash, receiptIndex, logIndex); see isRelayed):
///     ReviewBoard Decision → DataRegistry.publish when approved (its data
///     must be the ABI encoding of the event's fields, else MalformedDecision;
///     a Decision in its canonical RLP shape is read in place, which is what
///     keeps a batched release under 100k gas per record); a release the
///     registry refuses does not revert the relay: ReleaseRefused names why,
///     and the log stays relayed when the refusal is final (it depends only on
///     the Decision and on registry facts that never change back), or is left
///     unrelayed, to be relayed again, when it is SupersedesFrozen (undone by
///     an unfreeze);
///     ReviewBoard AccessDecision (data = abi.encode(requester, granted,
///     expiresAt)) → DataRegistry.resolveAccess, which checks the request's
///     record and requester and records a grant it can no longer honour
///     (record frozen or shredded, expiry past) as denied;
///     ReviewBoard Shredded(datasetId, receipt) → DataRegistry.recordShred;
///     ReviewBoard VerifierAdopted(version, verifier, codeHash) →
///     DataRegistry.announceVerifier;
///     ValidatorSet ValidatorSetChanged(epoch, validators) → the next epoch.
///
/// Validator set seen from outside (DESIGN.md). The consortium's header
/// extraData of block N is validatorSetHash of the set certifying N (the set
/// in the state of block N−1): keccak256(abi.encode(address[] sorted
/// ascending)); consortium validators refuse a block whose extraData is not
/// that hash. ValidatorSet.sol emits ValidatorSetChanged(epoch, whole new set)
/// on every change, epochs numbered one by one. The bridge keeps one record
/// per epoch: (setHash, firstBlock); the deployer pins the first:
/// (startEpoch, startBlock, set) read from a certified consortium block
/// (startBlock's extraData is the set's hash, startEpoch is
/// ValidatorSet.epoch() in the state before startBlock). From there:
///  * epoch e + 1 is applied only from a ValidatorSetChanged(e + 1) log
///    proven in a block c certified like any relay (by the epoch covering c,
///    whose hash c names), where e is the latest epoch: no skip, no reorder,
///    no replay (a log of an earlier epoch, or from before startBlock, is
///    refused); it certifies blocks from c + 1 on (firstBlock = c + 1, never
///    below the previous epoch's). Two changes in one block give two epochs
///    with the same firstBlock; the first of them covers no block;
///  * every block from startBlock on stays relayable with the epoch that
///    covers it, also after later changes were relayed; a block after a
///    change the bridge has not seen yet names a set hash the bridge's epoch
///    does not have (HeaderValidatorSetMismatch): relay the change first;
///  * the bridge stores only the hashes: the relayer passes the epoch's
///    members (from the EpochStarted events or the consortium), checked
///    against the hash.
/// What it trusts: the pinned start, and that a quorum of each epoch's set
/// certifies only blocks of the one consortium chain. Until a change is
/// relayed the bridge keeps trusting the previous set for later blocks, so
/// relayers should relay every ValidatorSetChanged promptly.
interface IReleaseBridge {
    /// @notice A QBFT commit certificate (sidechains/qbft Certificate).
    struct Certificate {
        uint64 number;
        bytes32 blockHash;
        uint64 round;
        bytes[] seals;
    }

    /// @notice The validator set that certified a block: the bridge epoch
    /// covering it and that epoch's members, sorted ascending.
    struct EpochSet {
        uint64 epoch;
        address[] validators;
    }

    /// @notice Where a log sits in the certified block: receipt index (trie
    /// key rlp(receiptIndex)), the proof nodes root first, the log's index in
    /// that receipt. Empty nodes reuse the receipt proven by the previous
    /// LogProof of the same relay, which must have the same receiptIndex.
    struct LogProof {
        uint256 receiptIndex;
        bytes[] nodes;
        uint256 logIndex;
    }

    enum LogKind {
        Release,
        Rejection,
        Access,
        ValidatorSetChanged,
        ReleaseRefused,
        Shredded, // a dataset's shred receipt (IReviewBoard.Shredded), subject its datasetId
        VerifierAdopted // a verifier version (IReviewBoard.VerifierAdopted), subject its code hash
    }

    event Relayed(uint64 indexed number, bytes32 indexed blockHash, uint256 receiptIndex, uint256 logIndex, LogKind kind, bytes32 subject);
    /// @notice Epoch `epoch` certifies blocks from firstBlock on (until the next epoch's firstBlock).
    event EpochStarted(uint64 indexed epoch, uint64 firstBlock, bytes32 setHash, address[] validators);
    /// @notice The registry refused a certified release (recordId); retryable:
    /// the log was left unrelayed and may be relayed again.
    event ReleaseRefused(
        bytes32 indexed recordId,
        uint64 indexed number,
        bytes32 blockHash,
        uint256 receiptIndex,
        uint256 logIndex,
        IDataRegistry.PublishOutcome reason,
        bool retryable
    );
    event CheckpointRecorded(uint64 indexed number, bytes32 indexed blockHash, bytes32 stateRoot);

    error NotEnoughSeals(uint256 got, uint256 quorum);
    error BadSealLength(uint256 index);
    error BadSealV(uint256 index);
    error HighS(uint256 index);
    error BadSignature(uint256 index);
    error SealNotValidator(uint256 index, address signer);
    error DuplicateSeal(uint256 index, address signer);
    error HeaderHashMismatch(bytes32 certified, bytes32 header);
    error HeaderNumberMismatch(uint64 certified, uint256 header);
    error AlreadyRelayed(bytes32 blockHash, uint256 receiptIndex, uint256 logIndex);
    /// @notice A LogProof without nodes whose receipt is not the previous proof's.
    error MissingProof(uint256 index);
    error UnknownLog(address emitter, bytes32 topic0);
    /// @notice A ReviewBoard Decision log whose data is not the ABI encoding of its fields.
    error MalformedDecision();
    error NoProofs();
    /// @notice The block is before the deployment's pinned start.
    error BlockBeforeStart(uint64 number, uint64 startBlock);
    /// @notice No such epoch (yet): latest is the newest the bridge knows.
    error UnknownEpoch(uint64 epoch, uint64 latest);
    /// @notice The epoch given does not cover the block (see epochAt).
    error EpochDoesNotCover(uint64 epoch, uint64 number);
    /// @notice The validators given are not the epoch's set.
    error ValidatorSetHashMismatch(uint64 epoch, bytes32 stored, bytes32 given);
    /// @notice The header names another validator set than the bridge's epoch
    /// covering it: a validator set change before this block is not relayed
    /// yet; relay it first.
    error HeaderValidatorSetMismatch(uint64 number, bytes32 headerSetHash, bytes32 epochSetHash);
    /// @notice Set changes apply one epoch at a time: `want` is the next.
    error EpochOutOfOrder(uint256 got, uint64 want);
    /// @notice A set change from a block before the latest epoch's change.
    error ValidatorChangeOutOfOrder();
    /// @notice A validator list must be sorted ascending without duplicates.
    error ValidatorsNotSorted(uint256 index);
    error EmptyValidatorSet();
    error CheckpointNotNewer(uint64 number, uint64 latest);
    error ZeroAddress();

    /// @notice The DataRegistry the bridge publishes to.
    function registry() external view returns (address);
    /// @notice Chain id of the consortium, part of every seal's digest.
    function consortiumChainId() external view returns (uint256);
    /// @notice ReviewBoard on the consortium: the only emitter of Decision/AccessDecision logs accepted.
    function reviewBoard() external view returns (address);
    /// @notice ValidatorSet on the consortium: the only emitter of set changes accepted.
    function validatorSet() external view returns (address);

    /// @notice keccak256(abi.encode(validators)), validators sorted ascending:
    /// what a consortium header's extraData holds.
    function validatorSetHash(address[] memory validators) external pure returns (bytes32);
    /// @notice The epoch pinned at deployment (ValidatorSet.epoch() before startBlock).
    function startEpoch() external view returns (uint64);
    /// @notice The first consortium block the bridge accepts.
    function startBlock() external view returns (uint64);
    /// @notice The newest epoch relayed.
    function latestEpoch() external view returns (uint64);
    /// @notice An epoch's first block and setHash; reverts UnknownEpoch.
    function epoch(uint64 e) external view returns (uint64 firstBlock, bytes32 setHash);
    /// @notice The epoch covering block `number` as far as the bridge knows
    /// (the latest epoch with firstBlock ≤ number): the EpochSet.epoch to relay it with.
    function epochAt(uint64 number) external view returns (uint64);
    /// @notice Whether a log of a certified block was already relayed.
    function isRelayed(bytes32 blockHash, uint256 receiptIndex, uint256 logIndex) external view returns (bool);

    /// @notice Verify and apply the logs; reverts as a whole if any check fails.
    function relay(Certificate calldata cert, bytes calldata header, EpochSet calldata set, LogProof[] calldata proofs)
        external;

    /// @notice Record a certified consortium block as a checkpoint of the legal chain (numbers increase).
    function checkpoint(Certificate calldata cert, bytes calldata header, EpochSet calldata set) external;
    function latestCheckpoint() external view returns (uint64 number, bytes32 blockHash, bytes32 stateRoot);
    /// @notice Certified hash recorded for a checkpoint number (zero if none).
    function checkpointHash(uint64 number) external view returns (bytes32);
}
