// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title IDataRegistry — released government data (public chain)
/// @notice Records are dataset versions released by a certified consortium
/// Decision, published only through the ReleaseBridge. Versions (uint64, as
/// in ReviewBoard and its Decision event) may arrive in any order: every
/// version is kept and a dataset's latest is its highest published version,
/// so relaying version 2 before version 1 loses nothing. A correction
/// supersedes one earlier version of the same dataset (history kept; a
/// version is superseded at most once and only by a later version, so
/// supersede chains never cycle), which may itself arrive later: the link is
/// kept and shows once it is published. A frozen record cannot be superseded.
/// publish does not revert for a release it refuses: it returns why
/// (PublishOutcome), so one refused release does not sink the bridge's batch. The supervisor freezes/unfreezes records with a public reason;
/// a dataset's shred receipt (its Vault key was destroyed: every version of
/// it is shredded) arrives from the consortium through the bridge. Anyone may request access to a conditional (level 1) record;
/// the consortium's answer arrives through the bridge.
/// Reads are paged and cost O(page): by global sequence number, or per
/// dataset newest-first through a per-dataset linked list.
/// Storage keeps what reads filter on (dataset, version, level, supersede
/// links, freeze/shred state) and one hash of the released values
/// (commitment, releasedRoot, contentHash); the values themselves are in the
/// Published event. A reader takes them from the event and checks
/// hashValues(commitment, releasedRoot, contentHash, verifierVersion) == Record.valuesHash.
/// Verifiers are versioned on the consortium (IReviewBoard.voteVerifier);
/// each adoption is announced here through the bridge by the code hash of the
/// verifier, and anyone may register a contract of that code on this chain
/// (registerVerifier), so a release is checked by the verifier of its own
/// version, old releases included.
interface IDataRegistry {
    /// @notice What the bridge publishes (from a ReviewBoard Decision).
    /// department is the submitting department's id (IReviewBoard: keccak256 of
    /// its name); it is carried to the Published event, not stored.
    /// contentHash is the sha256 of the released content file.
    struct Release {
        bytes32 datasetId;
        bytes32 department;
        uint64 version;
        uint8 level;
        uint8 threshold;
        uint256 commitment;
        uint256 releasedRoot;
        bytes32 contentHash;
        uint64 supersedes;
        uint32 verifierVersion; // the verifier the consortium checked its proof with
    }

    /// @notice A published record as read back.
    struct Record {
        bytes32 recordId;
        bytes32 datasetId;
        uint64 seq; // global sequence number, 0-based
        uint64 version;
        uint8 level;
        uint8 threshold;
        uint64 supersedes;
        uint64 supersededBy;
        uint64 publishedAt;
        bool frozen;
        bool shredded;
        /// hashValues(commitment, releasedRoot, contentHash, verifierVersion) of the release
        bytes32 valuesHash;
    }

    /// @notice What publish did: Published, or why it refused (nothing stored).
    /// SupersedesFrozen is the only refusal that may change later (unfreeze).
    enum PublishOutcome {
        Published,
        InvalidDatasetId, // zero
        InvalidVersion, // zero
        InvalidLevel, // above 2
        InvalidSupersedes, // not below version
        AlreadyPublished,
        AlreadySuperseded, // the version it corrects was corrected by another version
        SupersedesFrozen, // the version it corrects is frozen
        InvalidVerifierVersion // zero
    }

    enum AccessStatus {
        None,
        Pending,
        Granted,
        Denied
    }

    event BridgeSet(address indexed bridge);
    /// @notice recordId = keccak256(abi.encode(datasetId, version)). Carries
    /// every released value; storage keeps only their hash (Record.valuesHash).
    /// department (the submitting department's id) lets readers filter by
    /// department; it is in the event only, not in storage.
    event Published(
        bytes32 indexed recordId,
        bytes32 indexed datasetId,
        uint64 indexed version,
        bytes32 department,
        uint64 seq,
        uint8 level,
        uint8 threshold,
        uint64 supersedes,
        uint256 commitment,
        uint256 releasedRoot,
        bytes32 contentHash,
        uint32 verifierVersion
    );
    /// @notice The consortium adopted a verifier as version (its runtime code hash).
    event VerifierAnnounced(uint32 indexed version, bytes32 codeHash);
    /// @notice A contract with the announced code of version, on this chain.
    event VerifierRegistered(uint32 indexed version, address verifier);
    event Superseded(bytes32 indexed oldRecordId, bytes32 indexed newRecordId, bytes32 indexed datasetId);
    event Frozen(bytes32 indexed recordId, string reason);
    event Unfrozen(bytes32 indexed recordId, string reason);
    /// @notice Every version of the dataset, published or still to come, is
    /// shredded; receipt is the consortium's (IReviewBoard.Shredded).
    event Shredded(bytes32 indexed datasetId, bytes32 receipt);
    event AccessRequested(bytes32 indexed requestId, bytes32 indexed recordId, address indexed requester, string purpose);
    event AccessResolved(bytes32 indexed requestId, bytes32 indexed recordId, bool granted, uint64 expiresAt);
    /// @notice A consortium grant recorded as denied: reason is "frozen", "shredded" or "expired".
    event AccessGrantRefused(bytes32 indexed requestId, string reason);

    error NotBridge(address caller);
    error NotSupervisor(address caller);
    error NotSecurityOfficer(address caller);
    error NotAdmin(address caller);
    error BridgeAlreadySet();
    error ZeroAddress();
    error InvalidRelease(string field);
    error UnknownRecord(bytes32 recordId);
    error NotFrozen(bytes32 recordId);
    error AlreadyShredded(bytes32 datasetId);
    error EmptyReason();
    /// @notice Access requests are only for records of level 1 or 2 (a grant opens
    /// their columns at level <= 1, never level 2) that are neither frozen nor shredded.
    error NotRequestable(bytes32 recordId);
    error UnknownRequest(bytes32 requestId);
    error RequestNotPending(bytes32 requestId);
    error RequestRecordMismatch(bytes32 requestId, bytes32 recordId);
    /// @notice The decision names another requester than the request's.
    error RequestRequesterMismatch(bytes32 requestId, address requester);
    error UnknownVerifierVersion(uint32 version);
    error VerifierAlreadyAnnounced(uint32 version);
    error VerifierAlreadyRegistered(uint32 version, address verifier);
    /// @notice The contract's code is not the one the consortium adopted as version.
    error VerifierCodeMismatch(uint32 version, bytes32 want, bytes32 got);

    /// @notice The ReleaseBridge, the only account allowed to publish and resolve access.
    function bridge() external view returns (address);
    /// @notice The classification policy pinned at deploy, the same value
    /// ReviewBoard pins on the consortium (a public input of every proof).
    function policy() external view returns (uint256);
    /// @notice The regulator's account: freeze/unfreeze.
    function supervisor() external view returns (address);
    /// @notice The security office's account.
    function securityOfficer() external view returns (address);

    /// @notice One-time wiring by the deployer (the bridge needs the registry's address first).
    function setBridge(address bridge_) external;

    /// @notice Publish a certified release; bridge only. Refusals return their
    /// reason instead of reverting (see PublishOutcome); recordId =
    /// keccak256(abi.encode(datasetId, version)) either way.
    function publish(Release calldata r) external returns (bytes32 recordId, PublishOutcome outcome);

    /// @notice Freeze a record (no correction may supersede it); supervisor only; reason is public.
    function freeze(bytes32 recordId, string calldata reason) external;
    /// @notice Lift a freeze; supervisor only; reason is public.
    function unfreeze(bytes32 recordId, string calldata reason) external;

    /// @notice Record that a dataset's Vault key was destroyed (the consortium's
    /// Shredded log); bridge only, once per dataset. It may arrive before
    /// versions of the dataset approved earlier: they are published all the
    /// same, shown shredded, so the end state does not depend on relay order.
    /// The dataset's shred receipt is in its Shredded event.
    function recordShred(bytes32 datasetId, bytes32 receipt) external;
    /// @notice Whether the dataset is shredded.
    function isShredded(bytes32 datasetId) external view returns (bool);

    /// @notice Ask for the level <= 1 columns of a record of level 1 or 2; returns the
    /// request id the consortium votes on.
    function requestAccess(bytes32 recordId, string calldata purpose) external returns (bytes32 requestId);
    /// @notice The consortium's answer (ReviewBoard AccessDecision); bridge only. It must
    /// name the request's record and requester (else it reverts). A grant that can no
    /// longer be honoured — the record frozen or shredded since, or expiresAt already
    /// past — is recorded as denied, with AccessGrantRefused saying why.
    function resolveAccess(bytes32 requestId, bytes32 recordId, address requester, bool granted, uint64 expiresAt)
        external;
    /// @notice Whether account holds a live grant of request requestId: granted to that
    /// account, not expired, and the record neither frozen nor shredded now.
    function hasAccess(bytes32 requestId, address account) external view returns (bool);
    /// @notice A request's record, requester, status and (if granted) expiry.
    function accessRequest(bytes32 requestId)
        external
        view
        returns (bytes32 recordId, address requester, AccessStatus status, uint64 expiresAt);

    /// @notice The consortium's adoption of a verifier version (IReviewBoard.VerifierAdopted); bridge only, once per version.
    function announceVerifier(uint32 version, bytes32 codeHash) external;
    /// @notice Register a deployed contract as the verifier of version: anyone,
    /// once per version; its code must be the announced one.
    function registerVerifier(uint32 version, address verifier) external;
    /// @notice A version's announced code hash and registered contract (zero: none yet).
    function verifierOf(uint32 version) external view returns (bytes32 codeHash, address verifier);

    /// @notice keccak256(abi.encode(commitment, releasedRoot, contentHash, verifierVersion)):
    /// what Record.valuesHash holds, to check the values of a Published event.

    function hashValues(uint256 commitment, uint256 releasedRoot, bytes32 contentHash, uint32 verifierVersion)
        external
        pure
        returns (bytes32);

    /// @notice Number of published records (sequence numbers 0..count−1).
    function recordCount() external view returns (uint256);
    /// @notice A record by id; reverts UnknownRecord.
    function getRecord(bytes32 recordId) external view returns (Record memory);
    /// @notice A record by sequence number; reverts UnknownRecord(bytes32(seq)).
    function recordAt(uint256 seq) external view returns (Record memory);
    /// @notice Records seq in [from, from+limit) that exist.
    function recordsInRange(uint256 from, uint256 limit) external view returns (Record[] memory page);
    /// @notice Up to `limit` versions of a dataset, last published first
    /// (publication order, which need not be version order), starting at
    /// cursor (0: the last published); next is the cursor of the following page (0: done).
    function recordsByDataset(bytes32 datasetId, uint256 cursor, uint256 limit)
        external
        view
        returns (Record[] memory page, uint256 next);
    /// @notice Number of published versions and the latest (highest published) version of a dataset.
    function dataset(bytes32 datasetId) external view returns (uint64 count, uint64 latestVersion);

    // ---- grants delivered on chain (issue 15 item 3) ----

    /// @notice The Vault grant of a granted request, sealed to its requester
    /// (ECIES to the requester's secp256k1 key): only the requester opens it.
    event GrantDelivered(bytes32 indexed requestId, address indexed requester, bytes sealedGrant);

    /// @notice The request is not (or no longer) Granted.
    error NotGranted(bytes32 requestId);
    /// @notice The grant's expiry has passed.
    error GrantExpired(bytes32 requestId, uint64 expiresAt);
    /// @notice A grant is delivered once per request.
    error GrantAlreadyDelivered(bytes32 requestId);
    /// @notice An empty sealed grant, or one longer than MAX_SEALED_GRANT bytes.
    error InvalidGrant(uint256 length);

    /// @notice Deliver the sealed grant of a Granted, unexpired request whose
    /// record is neither frozen nor shredded; security officer only; once.
    function deliverGrant(bytes32 requestId, bytes calldata sealedGrant) external;
    /// @notice The block that delivered the request's grant (0: not delivered).
    function grantDeliveredIn(bytes32 requestId) external view returns (uint64);
    /// @notice The largest sealed grant deliverGrant takes, in bytes.
    function MAX_SEALED_GRANT() external view returns (uint256);
}
