// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title IReleaseBridge — QBFT light client of the consortium chain (public chain)
/// @notice Anyone may relay. A relay carries a commit certificate, the RLP of
/// the certified consortium header and receipt proofs of logs in that block:
///  1. certificate: ≥ quorum ⌈2n/3⌉ seals from distinct validators of the
///     set the bridge tracks. Seal = 65 bytes r‖s‖v, v ∈ {27, 28}, s ≤ n/2
///     (low S), over keccak256(abi.encode(keccak256("sovereign.qbft.commit.v2"),
///     consortiumChainId, number, round, blockHash)) — every seal for the
///     certificate's round (seal v2); any bad seal rejects the relay;
///  2. header: keccak256(header) = certified hash, header number = certified
///     number; its receiptsRoot is taken;
///  3. each LogProof: MPT proof of the receipt at key rlp(receiptIndex) under
///     receiptsRoot (value = consensus receipt encoding), then log logIndex;
///  4. each log, once only ((blockHash, receiptIndex, logIndex); see isRelayed):
///     ReviewBoard Decision → DataRegistry.publish when approved (its data
///     must be the ABI encoding of the event's fields, else MalformedDecision;
///     a Decision in its canonical RLP shape is read in place, which is what
///     keeps a batched release under 100k gas per record);
///     ReviewBoard AccessDecision → DataRegistry.resolveAccess;
///     ValidatorSet ValidatorAdded/ValidatorRemoved → the tracked set changes.
/// Validator changes must be relayed in chain order. Consortium block N is
/// sealed by the set in the state of block N−1, so once a change from block
/// N is applied the bridge accepts certificates from block N+1 on only
/// (validatorsFrom): relay every log needed from one block in one call.
interface IReleaseBridge {
    /// @notice A QBFT commit certificate (sidechains/qbft Certificate).
    struct Certificate {
        uint64 number;
        bytes32 blockHash;
        uint64 round;
        bytes[] seals;
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
        ValidatorAdded,
        ValidatorRemoved
    }

    event Relayed(uint64 indexed number, bytes32 indexed blockHash, uint256 receiptIndex, uint256 logIndex, LogKind kind, bytes32 subject);
    event ValidatorAdded(address indexed validator);
    event ValidatorRemoved(address indexed validator);
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
    /// @notice A certificate for a block before the last relayed validator change.
    error StaleBlock(uint64 number, uint64 validatorsFrom);
    /// @notice Validator changes must be relayed in chain order.
    error ValidatorChangeOutOfOrder();
    error ValidatorSetMismatch(address validator);
    error TooManyValidators();
    error EmptyValidatorSet();
    error CheckpointNotNewer(uint64 number, uint64 latest);
    error ZeroAddress();

    /// @notice The DataRegistry the bridge publishes to.
    function registry() external view returns (address);
    /// @notice Chain id of the consortium, part of every seal's digest.
    function consortiumChainId() external view returns (uint256);
    /// @notice ReviewBoard on the consortium: the only emitter of Decision/AccessDecision logs accepted.
    function reviewBoard() external view returns (address);
    /// @notice ValidatorSet on the consortium: the only emitter of validator changes accepted.
    function validatorSet() external view returns (address);

    /// @notice The validator set the bridge tracks (unordered).
    function validators() external view returns (address[] memory);
    function isValidator(address account) external view returns (bool);
    /// @notice ⌈2n/3⌉ of the tracked set.
    function quorum() external view returns (uint256);
    /// @notice First consortium block the tracked set applies to.
    function validatorsFrom() external view returns (uint64);
    /// @notice Whether a log of a certified block was already relayed.
    function isRelayed(bytes32 blockHash, uint256 receiptIndex, uint256 logIndex) external view returns (bool);

    /// @notice Verify and apply the logs; reverts as a whole if any check fails.
    function relay(Certificate calldata cert, bytes calldata header, LogProof[] calldata proofs) external;

    /// @notice Record a certified consortium block as a checkpoint of the legal chain (numbers increase).
    function checkpoint(Certificate calldata cert, bytes calldata header) external;
    function latestCheckpoint() external view returns (uint64 number, bytes32 blockHash, bytes32 stateRoot);
    /// @notice Certified hash recorded for a checkpoint number (zero if none).
    function checkpointHash(uint64 number) external view returns (bytes32);
}
