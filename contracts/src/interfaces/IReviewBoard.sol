// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title IReviewBoard — consortium review of every record before release (consortium chain)
/// @notice Departments submit a record's public facts with a classification
/// proof, checked on chain through IClassificationVerifier against the pinned
/// policy. Only accounts of a department registered here submit, and only
/// under that department's dataset ids: the register is governed by the
/// validators (voteDepartment, decided by quorum() current validators naming
/// the same terms).
///
/// Identifiers (all keccak256; names are lower-case, e.g. "health"):
///   department id = keccak256(bytes(departmentName))
///   dataset key   = keccak256(bytes(datasetName))
///   datasetId     = keccak256(abi.encode(departmentId, datasetKey))
///   recordId      = keccak256(abi.encode(datasetId, version))
/// A datasetId thus belongs by construction to one department: no other
/// department (or account) can squat one of its (dataset, version) pairs.
/// The proof is bound to the record: its sixth public input is
///   binding = uint256(keccak256(abi.encode(datasetId, version, contentHash))) >> 8
/// (SubmissionBinding), so a proof copied from a Submitted event does not
/// verify under another dataset id, version or content hash. Validators of the ValidatorSet vote approve/reject with a reason;
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
    /// @param department  the submitter's department id (= departmentOf(msg.sender))
    /// @param dataset     dataset key, keccak256(bytes(datasetName))
    /// @param datasetId   keccak256(abi.encode(department, dataset))
    /// @param version     version within the dataset (non-zero)
    /// @param level       the record's level: 0 open, 1 conditional, 2 sensitive
    /// @param threshold   release threshold: columns with level > threshold are blanked (0..2)
    /// @param commitment  Poseidon2 commitment of the record (proof public input)
    /// @param releasedRoot root of the released view (proof public input)
    /// @param contentHash sha256 of the released content file (the off-chain,
    ///                    content-addressed store names files by sha256; non-zero)
    /// @param supersedes  version this one corrects (0: none; < version)
    struct Submission {
        bytes32 department;
        bytes32 dataset;
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
    /// recordId = keccak256(abi.encode(datasetId, version)); department is the submitter's.
    event Submitted(
        bytes32 indexed recordId,
        bytes32 indexed datasetId,
        address indexed submitter,
        bytes32 department,
        uint64 version,
        bytes proof
    );
    /// @notice A validator voted on a record, with its reason.
    event Voted(bytes32 indexed recordId, address indexed validator, bool approve, string reason);
    /// @notice The consortium decided a record. The ReleaseBridge parses this log
    /// from the receipt: topics = [sig, recordId, datasetId], data =
    /// abi.encode(department, version, level, threshold, commitment, releasedRoot,
    /// contentHash, supersedes, approved, verifierVersion) — 320 bytes.
    /// contentHash is the sha256 of the released content file; verifierVersion
    /// the verifier the record's proof passed at submission.
    event Decision(
        bytes32 indexed recordId,
        bytes32 indexed datasetId,
        bytes32 department,
        uint64 version,
        uint8 level,
        uint8 threshold,
        uint256 commitment,
        uint256 releasedRoot,
        bytes32 contentHash,
        uint64 supersedes,
        bool approved,
        uint32 verifierVersion
    );
    /// @notice A validator voted on an access request made on the public registry.
    event AccessVoted(bytes32 indexed requestId, address indexed validator, bool grant, string reason);
    /// @notice The consortium decided an access request (relayed to DataRegistry.resolveAccess),
    /// naming the requester the grant is for.
    /// topics = [sig, requestId, recordId], data = abi.encode(granted, expiresAt).
    event AccessDecision(bytes32 indexed requestId, bytes32 indexed recordId, address requester, bool granted, uint64 expiresAt);
    /// @notice A validator voted to register (department) or unregister an account.
    event DepartmentVoted(
        address indexed account, bytes32 indexed department, bool register, address indexed validator, string reason
    );
    /// @notice A quorum decided: account now belongs to department (registered)
    /// or no longer does (registered false; department is the one it left).
    event DepartmentChanged(address indexed account, bytes32 indexed department, bool registered);
    /// @notice A validator voted to adopt verifier as the given version.
    event VerifierVoted(uint32 indexed version, address verifier, address indexed validator, string reason);
    /// @notice A quorum adopted verifier as the given version: it checks every
    /// submission from now on. codeHash (its runtime code's keccak256) names it
    /// on other chains; the ReleaseBridge relays it to
    /// DataRegistry.announceVerifier: topics = [sig, version], data =
    /// abi.encode(verifier, codeHash).
    event VerifierAdopted(uint32 indexed version, address verifier, bytes32 codeHash);
    /// @notice The security officer destroyed a dataset's Vault key: every
    /// version of it is shredded for good. receipt is the hash of the
    /// officer's shred receipt (chainstore.ReceiptHash: transit key, records,
    /// time), the one SensitiveStore keeps on the private chain. The
    /// ReleaseBridge relays it to DataRegistry.recordShred:
    /// topics = [sig, datasetId], data = abi.encode(receipt).
    event Shredded(bytes32 indexed datasetId, bytes32 receipt);
    /// @notice A validator anchored a span of the Vault audit log (hash of entries firstIndex..lastIndex).
    event AuditAnchored(uint256 indexed anchor, address indexed validator, bytes32 auditHash, uint64 firstIndex, uint64 lastIndex);

    /// @notice The caller is not a current validator.
    error NotValidator(address caller);
    /// @notice The caller is not an account of the submission's department.
    error NotDepartment(address caller);
    /// @notice A department vote names the zero account or department, or
    /// unregisters an account from a department it is not in.
    error InvalidDepartment(address account, bytes32 department);
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
    /// @notice The verifier, validator set or security officer address is zero.
    error ZeroAddress();
    /// @notice A verifier vote names another version than the next one, or an
    /// address without code.
    error InvalidVerifier(uint32 version, address verifier);
    /// @notice The caller is not the security officer.
    error NotSecurityOfficer(address caller);
    /// @notice The dataset's key was destroyed: it takes no new version and
    /// no approval (a rejection still closes a pending review).
    error DatasetShredded(bytes32 datasetId);
    /// @notice The dataset's shred receipt is already recorded.
    error AlreadyShredded(bytes32 datasetId);

    /// @notice The pinned classification policy (2 bits per category; see IClassificationVerifier).
    function policy() external view returns (uint256);
    /// @notice Level of category 0..15 under the pinned policy (3: not in the policy).
    function categoryLevel(uint256 category) external view returns (uint8);
    /// @notice The ValidatorSet whose members vote and whose quorum() decides.
    function validatorSet() external view returns (address);
    /// @notice The current classification verifier: every new submission's proof goes through it.
    function verifier() external view returns (address);
    /// @notice The current verifier's version (1: the constructor's).
    function verifierVersion() external view returns (uint32);
    /// @notice The verifier adopted as version (zero address: none).
    function verifierAt(uint32 version) external view returns (address);
    /// @notice The verifier version a record's proof passed at submission (0: no submission).
    function provedWith(bytes32 recordId) external view returns (uint32);
    /// @notice Validator vote to adopt verifier (a deployed contract) as the
    /// next version, verifierVersion() + 1, with a reason. Adopted when
    /// quorum() current validators voted the same (version, verifier); a
    /// validator may change its vote while the version is open. Versions
    /// before it stay readable (verifierAt) for the releases they proved.
    function voteVerifier(uint32 version, address verifier, string calldata reason) external;
    /// @notice The security officer, who records shred receipts.
    function securityOfficer() external view returns (address);
    /// @notice The receipt of a dataset's shred (0: not shredded).
    function shredReceipt(bytes32 datasetId) external view returns (bytes32);

    /// @notice The department id of an account (0: none). An account belongs to
    /// at most one department; a department may have several accounts.
    function departmentOf(address account) external view returns (bytes32);
    /// @notice Validator vote to register account under department (register
    /// true) or to remove it from department (register false), with a reason.
    /// One vote per validator per change of an account. Decided when quorum()
    /// current validators voted the same terms (account, department, register):
    /// votes for other terms do not add up, a removed validator's vote no
    /// longer counts, and no single vote fixes the terms for the others. Once
    /// decided the account's next change is a new proposal (its votes start
    /// afresh), so an account can be unregistered and registered again.
    function voteDepartment(address account, bytes32 department, bool register, string calldata reason) external;

    /// @notice Verify the proof and open the review; returns the record id.
    /// Reverts NotDepartment unless the caller's department is s.department,
    /// and InvalidSubmission("datasetId") unless s.datasetId =
    /// keccak256(abi.encode(s.department, s.dataset)); the verifier reverts
    /// unless the proof is for these public inputs, the binding of
    /// (s.datasetId, s.version, s.contentHash) included.
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

    /// @notice The security officer records that a dataset's Vault key was
    /// destroyed (receipt non-zero, once per dataset). From then on the
    /// dataset takes no submission and no approval, so every approved
    /// Decision of it precedes its Shredded log on this chain, and the public
    /// registry ends the same whatever order the bridge relays them in.
    function recordShred(bytes32 datasetId, bytes32 receipt) external;

    /// @notice Anchor the hash of Vault audit entries firstIndex..lastIndex; anchors are contiguous from 0.
    function anchorAudit(bytes32 auditHash, uint64 firstIndex, uint64 lastIndex) external returns (uint256 anchor);
    /// @notice Number of anchors and the next audit index expected.
    function auditAnchors() external view returns (uint256 count, uint64 nextIndex);
}
