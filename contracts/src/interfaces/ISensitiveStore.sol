// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title ISensitiveStore — encrypted records of the private chain
/// @notice Per record: where the ciphertext is (reference + hash), the data
/// key wrapped by Vault Transit and its key version, the record's commitment.
/// Writers (department tools) and security officers are managed by the
/// owner. A record belongs to the department whose writer put it: only that
/// writer and a security officer rewrap or shred it. Rotation rewraps the data
/// key under a newer key version; shredding clears the wrapped key from the
/// current state and leaves a shred mark with Vault's receipt.
///
/// The wrapped key stays in the chain's history (every block that held it is
/// public to the private chain's nodes): shredding a record means destroying
/// its Vault key, after which no wrapped copy, current or historical, can be
/// unwrapped by anyone. The shred mark records that Vault did so.
interface ISensitiveStore {
    struct Entry {
        string ciphertextRef;
        bytes32 ciphertextHash;
        bytes wrappedKey;
        uint32 keyVersion;
        uint256 commitment;
        address writer;
        uint64 storedAt;
        bool shredded;
        bytes32 shredReceipt;
    }

    event WriterSet(address indexed writer, bool allowed);
    /// @notice transitKeyHash is keccak256 of the record's transit key: the
    /// part of ciphertextRef before its first '/' (all of it when it has
    /// none). Indexed, so one key's records are found by topic, not by
    /// reading every record since genesis.
    event Stored(
        bytes32 indexed recordId,
        address indexed writer,
        bytes32 indexed transitKeyHash,
        bytes32 ciphertextHash,
        uint32 keyVersion,
        uint256 commitment
    );
    event Rewrapped(bytes32 indexed recordId, uint32 oldKeyVersion, uint32 newKeyVersion);
    event ShredMarked(bytes32 indexed recordId, bytes32 receipt);
    event OfficerSet(address indexed officer, bool allowed);

    error NotOwner(address caller);
    error NotWriter(address caller);
    error ZeroAddress();
    error AlreadyStored(bytes32 recordId);
    error UnknownRecord(bytes32 recordId);
    error RecordShredded(bytes32 recordId);
    /// @notice Only the record's own writer or a security officer may rewrap or shred it.
    error NotRecordOwner(bytes32 recordId, address caller);
    /// @notice A rewrap moves at most MAX_VERSION_STEP key versions forward.
    error KeyVersionStepTooLarge(uint32 current, uint32 proposed);
    /// @notice A rewrap must move to a strictly newer key version.
    error KeyVersionNotNewer(uint32 current, uint32 proposed);
    /// @notice An entry field is missing; `field` names it.
    error InvalidEntry(string field);
    /// @notice A multicall with no call, or more than MAX_BATCH.
    error BadBatch(uint256 calls);

    /// @notice The account that manages writers (the deploying department).
    function owner() external view returns (address);
    /// @notice Whether `account` may put, rewrap and shred records.
    function isWriter(address account) external view returns (bool);
    /// @notice Allow or revoke a writer; owner only.
    function setWriter(address writer, bool allowed) external;
    /// @notice Whether `account` may rewrap and shred any department's records.
    function isOfficer(address account) external view returns (bool);
    /// @notice Allow or revoke a security officer; owner only.
    function setOfficer(address officer, bool allowed) external;

    /// @notice Store a new record's references once; writer only. Every field
    /// but commitment must be non-empty; keyVersion is Vault's key version (≥ 1).
    function put(
        bytes32 recordId,
        string calldata ciphertextRef,
        bytes32 ciphertextHash,
        bytes calldata wrappedKey,
        uint32 keyVersion,
        uint256 commitment
    ) external;
    /// @notice Replace the wrapped data key after a Vault key rotation
    /// (strictly newer keyVersion, at most MAX_VERSION_STEP ahead); the
    /// record's writer or an officer; not after shredding.
    function rewrap(bytes32 recordId, bytes calldata wrappedKey, uint32 keyVersion) external;
    /// @notice Clear the wrapped key and mark the record shredded with Vault's
    /// receipt (non-zero); the record's writer or an officer. See the title:
    /// the Vault key's destruction is what makes shredding final.
    function shred(bytes32 recordId, bytes32 receipt) external;
    /// @notice The stored entry; reverts UnknownRecord for an id never put.
    function get(bytes32 recordId) external view returns (Entry memory);
    /// @notice Run several of this contract's calls in one transaction, all
    /// or none (1 to MAX_BATCH calls): each runs as the caller (delegatecall
    /// to this contract), and the first failure reverts them all with its
    /// own error. This is how a batch of records is stored, rewrapped or
    /// shredded atomically.
    function multicall(bytes[] calldata calls) external returns (bytes[] memory results);
    /// @notice Number of records ever put.
    function recordCount() external view returns (uint256);
}
