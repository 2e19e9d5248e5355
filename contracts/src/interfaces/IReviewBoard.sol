// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title IReviewBoard — consortium review of every record before release (consortium chain)
/// @notice Departments submit a record's public facts with a classification
/// proof, checked on chain through IClassificationVerifier against the pinned
/// policy. Validators of the ValidatorSet vote approve/reject with a reason;
/// a record is Approved when approvals reach quorum() and Rejected as soon as
/// approval can no longer reach it (rejections > n − quorum), counting the
/// votes of current validators only (re-counted at each vote, so the counts
/// and the quorum always refer to one set). Every decision
/// emits `Decision`, the log the ReleaseBridge on the public chain proves.
/// A rejected record is final: a corrected submission uses a new version.
/// A version is corrected (superseded) by at most one submission that is
/// pending or approved, so at most one approved Decision supersedes it and the
/// public DataRegistry ends the same whatever order the bridge relays them in.
interface IReviewBoard {
    /// @notice What a department submits for review.
    /// @param datasetId   dataset identifier (non-zero)
    /// @param version     version within the dataset (non-zero)
    /// @param level       the record's level: 0 open, 1 conditional, 2 sensitive
    /// @param threshold   release threshold: columns with level > threshold are blanked (0..2)
    /// @param commitment  Poseidon2 commitment of the record (proof public input)
    /// @param releasedRoot root of the released view (proof public input)
    /// @param contentHash keccak256 of the released content (off-chain file)
    /// @param supersedes  version this one corrects (0: none; < version)
    struct Submission {
        bytes32 datasetId;
        uint64 version;
        uint8 level;
        uint8 threshold;
        uint256 commitment;
        uint256 releasedRoot;
        bytes32 contentHash;
        uint64 supersedes;
    }

    enum Status {
        None,
        Pending,
        Approved,
        Rejected
    }

    /// @notice A submission passed the proof check and awaits votes.
    /// recordId = keccak256(abi.encode(datasetId, version)).
    event Submitted(bytes32 indexed recordId, bytes32 indexed datasetId, address indexed submitter, uint64 version, bytes proof);
    /// @notice A validator voted on a record, with its reason.
    event Voted(bytes32 indexed recordId, address indexed validator, bool approve, string reason);
    /// @notice The consortium decided a record. The ReleaseBridge parses this log
    /// from the receipt: topics = [sig, recordId, datasetId], data =
    /// abi.encode(version, level, threshold, commitment, releasedRoot, contentHash, supersedes, approved).
    event Decision(
        bytes32 indexed recordId,
        bytes32 indexed datasetId,
        uint64 version,
        uint8 level,
        uint8 threshold,
        uint256 commitment,
        uint256 releasedRoot,
        bytes32 contentHash,
        uint64 supersedes,
        bool approved
    );
    /// @notice A validator voted on an access request made on the public registry.
    event AccessVoted(bytes32 indexed requestId, address indexed validator, bool grant, string reason);
    /// @notice The consortium decided an access request (relayed to DataRegistry.resolveAccess),
    /// naming the requester the grant is for.
    /// topics = [sig, requestId, recordId], data = abi.encode(granted, expiresAt).
    event AccessDecision(bytes32 indexed requestId, bytes32 indexed recordId, address requester, bool granted, uint64 expiresAt);
    /// @notice A validator anchored a span of the Vault audit log (hash of entries firstIndex..lastIndex).
    event AuditAnchored(uint256 indexed anchor, address indexed validator, bytes32 auditHash, uint64 firstIndex, uint64 lastIndex);

    /// @notice The caller is not a current validator.
    error NotValidator(address caller);
    /// @notice A submission field is out of range; `field` names it.
    error InvalidSubmission(string field);
    /// @notice This (datasetId, version) was already submitted.
    error AlreadySubmitted(bytes32 recordId);
    /// @notice Another pending or approved submission (byRecordId) already
    /// corrects the version `correctedRecordId`; a new one may once it is rejected.
    error AlreadyCorrected(bytes32 correctedRecordId, bytes32 byRecordId);
    /// @notice No pending review under this id.
    error NotPending(bytes32 id);
    /// @notice The validator already voted on this record or request.
    error AlreadyVoted(bytes32 id, address validator);
    /// @notice An audit anchor does not continue the previous one.
    error AuditGap(uint64 expectedFirst, uint64 firstIndex, uint64 lastIndex);
    /// @notice An anchor may cover at most MAX_AUDIT_SPAN entries.
    error AuditSpanTooLarge(uint64 firstIndex, uint64 lastIndex, uint64 maxSpan);
    /// @notice The verifier or validator set address is zero.
    error ZeroAddress();

    /// @notice The pinned classification policy (2 bits per category; see IClassificationVerifier).
    function policy() external view returns (uint256);
    /// @notice Level of category 0..15 under the pinned policy (3: not in the policy).
    function categoryLevel(uint256 category) external view returns (uint8);
    /// @notice The ValidatorSet whose members vote and whose quorum() decides.
    function validatorSet() external view returns (address);
    /// @notice The classification verifier every submission's proof goes through.
    function verifier() external view returns (address);

    /// @notice Verify the proof and open the review; returns the record id.
    function submit(Submission calldata s, bytes calldata proof) external returns (bytes32 recordId);
    /// @notice Validator vote on a pending record; decides at quorum.
    function vote(bytes32 recordId, bool approve, string calldata reason) external;
    /// @notice The same vote on several records in one transaction; the
    /// Decisions it triggers share one receipt, so the bridge relays them
    /// with one receipt proof. Arrays must have equal, non-zero length.
    function voteBatch(bytes32[] calldata recordIds, bool[] calldata approve, string[] calldata reasons) external;
    /// @notice Status, approvals and rejections of a record.
    function review(bytes32 recordId) external view returns (Status status, uint256 approvals, uint256 rejections);
    /// @notice The submission stored for a record.
    function submission(bytes32 recordId) external view returns (Submission memory);

    /// @notice Validator vote on an access request (requestId from DataRegistry.requestAccess),
    /// one per validator. A grant names its terms (record, requester, expiry) and counts
    /// only with grants of the same terms; a refusal counts with refusals of
    /// the same record and requester. Granted when one set of terms reaches quorum(),
    /// refused when refusals of a record exceed n − quorum(): no single vote
    /// (the first included) fixes the terms for the others. Counted over the
    /// current validators at each vote.
    function reviewAccess(
        bytes32 requestId,
        bytes32 recordId,
        address requester,
        bool grant,
        uint64 expiresAt,
        string calldata reason
    ) external;
    /// @notice Status, grants and denials of an access request.
    function accessReview(bytes32 requestId) external view returns (Status status, uint256 approvals, uint256 rejections);

    /// @notice Anchor the hash of Vault audit entries firstIndex..lastIndex; anchors are contiguous from 0.
    function anchorAudit(bytes32 auditHash, uint64 firstIndex, uint64 lastIndex) external returns (uint256 anchor);
    /// @notice Number of anchors and the next audit index expected.
    function auditAnchors() external view returns (uint256 count, uint64 nextIndex);
}
