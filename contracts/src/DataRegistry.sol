// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {IDataRegistry} from "./interfaces/IDataRegistry.sol";

/// @title DataRegistry — see IDataRegistry for the rules.
contract DataRegistry is IDataRegistry {
    /// Storage of a record: one packed slot of what reads filter on plus the
    /// hash of the released values (their full values are in the Published
    /// event; readers check them against valuesHash). With the 8-byte seq →
    /// key entry (four per slot) a publish writes about 2¼ fresh slots.
    /// supersededBy may be written before the record itself is published (a
    /// correction relayed before the version it corrects): seq1 stays 0 then.
    struct Stored {
        uint32 seq1; // seq + 1; 0: no such record
        uint64 supersedes;
        uint64 supersededBy;
        uint32 prevInDataset; // seq + 1 of the version published before it; 0: none
        uint32 publishedAt; // seconds, until 2106
        uint8 level;
        uint8 threshold;
        bool frozen; // 4 + 8 + 8 + 4 + 4 + 3 = 31 bytes
        bytes32 valuesHash;
    }

    /// One slot per dataset; its id lives once in _datasetIds. A shred may
    /// arrive before any version is published: shredded is set, exists not.
    struct Dataset {
        uint32 index; // into _datasetIds
        uint32 count;
        uint64 latestVersion; // the highest version published
        uint32 latestSeq; // seq + 1 of the highest version
        uint32 lastSeq; // seq + 1 of the version published last (head of the prevInDataset list)
        bool exists;
        bool shredded;
    }

    struct Request {
        bytes32 recordId;
        address requester;
        AccessStatus status;
        uint64 expiresAt;
    }

    address public immutable supervisor;
    address public immutable securityOfficer;
    uint256 public immutable policy;
    address private immutable _admin;
    address public bridge;

    mapping(bytes32 => Stored) private _records; // by recordId
    /// seq => flag << 63 | datasetIndex << 32 | low 32 bits of the version: the
    /// id of record seq, packed four per slot. A version ≥ 2^32 sets the flag
    /// and keeps its high 32 bits in _versionHigh[seq] (one more slot for the
    /// rare record that needs it; every other record stays at 8 bytes).
    uint64[] private _keys;
    mapping(uint256 => uint32) private _versionHigh;
    uint64 private constant HIGH_VERSION = 1 << 63;
    uint256 private constant MAX_DATASETS = 1 << 31;
    bytes32[] private _datasetIds;
    mapping(bytes32 => Dataset) private _datasets;
    mapping(bytes32 => Request) private _requests;
    uint256 private _requestNonce;
    /// verifier version => the code hash the consortium adopted, the contract registered here
    mapping(uint32 => bytes32) private _verifierCode;
    mapping(uint32 => address) private _verifierAt;

    /// firstVerifierCodeHash: the code hash of ReviewBoard's verifier version
    /// 1 (adopted at its construction, before the bridge's start block).
    constructor(address supervisor_, address securityOfficer_, uint256 policy_, bytes32 firstVerifierCodeHash) {
        if (supervisor_ == address(0) || securityOfficer_ == address(0)) revert ZeroAddress();
        if (firstVerifierCodeHash == bytes32(0)) revert InvalidRelease("firstVerifierCodeHash");
        supervisor = supervisor_;
        securityOfficer = securityOfficer_;
        policy = policy_;
        _admin = msg.sender;
        _verifierCode[1] = firstVerifierCodeHash;
        emit VerifierAnnounced(1, firstVerifierCodeHash);
    }

    function setBridge(address bridge_) external {
        if (msg.sender != _admin) revert NotAdmin(msg.sender);
        if (bridge != address(0)) revert BridgeAlreadySet();
        if (bridge_ == address(0)) revert ZeroAddress();
        bridge = bridge_;
        emit BridgeSet(bridge_);
    }

    function publish(Release calldata r) external returns (bytes32 recordId, PublishOutcome outcome) {
        if (msg.sender != bridge) revert NotBridge(msg.sender);
        recordId = keccak256(abi.encode(r.datasetId, r.version));
        outcome = _refusal(r, recordId);
        if (outcome != PublishOutcome.Published) return (recordId, outcome);
        uint256 seq = _store(r, recordId);
        emit Published(
            recordId, r.datasetId, r.version, r.department, uint64(seq), r.level, r.threshold, r.supersedes,
            r.commitment, r.releasedRoot, r.contentHash, r.verifierVersion
        );
    }

    /// Why r cannot be published, or Published; reads only.
    function _refusal(Release calldata r, bytes32 recordId) private view returns (PublishOutcome) {
        if (r.datasetId == bytes32(0)) return PublishOutcome.InvalidDatasetId;
        if (r.version == 0) return PublishOutcome.InvalidVersion;
        if (r.level > 2) return PublishOutcome.InvalidLevel;
        // strictly backward, same dataset, at most once: no cycles
        if (r.supersedes >= r.version) return PublishOutcome.InvalidSupersedes;
        // A version not announced yet is no refusal: its adoption was decided
        // before this Decision and may simply be relayed after it.
        if (r.verifierVersion == 0) return PublishOutcome.InvalidVerifierVersion;
        if (_records[recordId].seq1 != 0) return PublishOutcome.AlreadyPublished;
        if (r.supersedes != 0) {
            // the corrected version may not be published yet: the link then waits in its slot
            Stored storage old = _records[keccak256(abi.encode(r.datasetId, r.supersedes))];
            if (old.supersededBy != 0) return PublishOutcome.AlreadySuperseded;
            if (old.frozen) return PublishOutcome.SupersedesFrozen;
            // A shredded dataset is not refused here: ReviewBoard approves
            // nothing of it after its shred, so what arrives was approved
            // before, and refusing it would make the end state depend on
            // whether the bridge relayed the shred or the Decision first.
        }
        return PublishOutcome.Published;
    }

    function _store(Release calldata r, bytes32 recordId) private returns (uint256 seq) {
        Dataset memory d = _datasets[r.datasetId];
        if (!d.exists) {
            if (_datasetIds.length >= MAX_DATASETS) revert InvalidRelease("datasets");
            d.exists = true;
            d.index = uint32(_datasetIds.length);
            _datasetIds.push(r.datasetId);
        }
        seq = _keys.length;
        if (seq >= type(uint32).max) revert InvalidRelease("seq");
        uint64 key = (uint64(d.index) << 32) | uint32(r.version);
        if (r.version >> 32 != 0) {
            key |= HIGH_VERSION;
            _versionHigh[seq] = uint32(r.version >> 32);
        }
        if (r.supersedes != 0) {
            bytes32 oldId = keccak256(abi.encode(r.datasetId, r.supersedes));
            _records[oldId].supersededBy = r.version;
            emit Superseded(oldId, recordId, r.datasetId);
        }
        Stored storage rec = _records[recordId];
        rec.seq1 = uint32(seq + 1);
        rec.supersedes = r.supersedes;
        rec.prevInDataset = d.lastSeq;
        rec.publishedAt = uint32(block.timestamp);
        rec.level = r.level;
        rec.threshold = r.threshold;
        rec.valuesHash = hashValues(r.commitment, r.releasedRoot, r.contentHash, r.verifierVersion);
        _keys.push(key);
        d.count++;
        d.lastSeq = uint32(seq + 1);
        if (r.version > d.latestVersion) {
            d.latestVersion = r.version;
            d.latestSeq = uint32(seq + 1);
        }
        _datasets[r.datasetId] = d;
    }

    function hashValues(uint256 commitment, uint256 releasedRoot, bytes32 contentHash, uint32 verifierVersion)
        public
        pure
        returns (bytes32)
    {
        return keccak256(abi.encode(commitment, releasedRoot, contentHash, verifierVersion));
    }

    function announceVerifier(uint32 version, bytes32 codeHash) external {
        if (msg.sender != bridge) revert NotBridge(msg.sender);
        if (version == 0 || codeHash == bytes32(0)) revert UnknownVerifierVersion(version);
        if (_verifierCode[version] != bytes32(0)) revert VerifierAlreadyAnnounced(version);
        _verifierCode[version] = codeHash;
        emit VerifierAnnounced(version, codeHash);
    }

    function registerVerifier(uint32 version, address verifier) external {
        bytes32 want = _verifierCode[version];
        if (want == bytes32(0)) revert UnknownVerifierVersion(version);
        address have = _verifierAt[version];
        if (have != address(0)) revert VerifierAlreadyRegistered(version, have);
        // the same runtime code as the consortium adopted: the same verifying key
        if (verifier.codehash != want) revert VerifierCodeMismatch(version, want, verifier.codehash);
        _verifierAt[version] = verifier;
        emit VerifierRegistered(version, verifier);
    }

    function verifierOf(uint32 version) external view returns (bytes32 codeHash, address verifier) {
        return (_verifierCode[version], _verifierAt[version]);
    }

    function freeze(bytes32 recordId, string calldata reason) external {
        if (msg.sender != supervisor) revert NotSupervisor(msg.sender);
        if (bytes(reason).length == 0) revert EmptyReason();
        Stored storage s = _stored(recordId);
        s.frozen = true;
        emit Frozen(recordId, reason);
    }

    function unfreeze(bytes32 recordId, string calldata reason) external {
        if (msg.sender != supervisor) revert NotSupervisor(msg.sender);
        if (bytes(reason).length == 0) revert EmptyReason();
        Stored storage s = _stored(recordId);
        if (!s.frozen) revert NotFrozen(recordId);
        s.frozen = false;
        emit Unfrozen(recordId, reason);
    }

    function recordShred(bytes32 datasetId, bytes32 receipt) external {
        if (msg.sender != bridge) revert NotBridge(msg.sender);
        Dataset storage d = _datasets[datasetId];
        if (d.shredded) revert AlreadyShredded(datasetId);
        d.shredded = true;
        emit Shredded(datasetId, receipt);
    }

    function isShredded(bytes32 datasetId) external view returns (bool) {
        return _datasets[datasetId].shredded;
    }

    /// Whether the record's dataset is shredded (the record is stored).
    function _shredded(Stored storage s) private view returns (bool) {
        uint64 key = _keys[s.seq1 - 1];
        return _datasets[_datasetIds[(key & ~HIGH_VERSION) >> 32]].shredded;
    }

    function requestAccess(bytes32 recordId, string calldata purpose) external returns (bytes32 requestId) {
        Stored storage s = _stored(recordId);
        if (s.level == 0 || s.frozen || _shredded(s)) revert NotRequestable(recordId);
        if (bytes(purpose).length == 0) revert EmptyReason();
        requestId = keccak256(abi.encode(block.chainid, address(this), ++_requestNonce));
        _requests[requestId] = Request({recordId: recordId, requester: msg.sender, status: AccessStatus.Pending, expiresAt: 0});
        emit AccessRequested(requestId, recordId, msg.sender, purpose);
    }

    function resolveAccess(bytes32 requestId, bytes32 recordId, address requester, bool granted, uint64 expiresAt)
        external
    {
        if (msg.sender != bridge) revert NotBridge(msg.sender);
        Request storage q = _requests[requestId];
        if (q.status == AccessStatus.None) revert UnknownRequest(requestId);
        if (q.status != AccessStatus.Pending) revert RequestNotPending(requestId);
        if (q.recordId != recordId) revert RequestRecordMismatch(requestId, recordId);
        if (q.requester != requester) revert RequestRequesterMismatch(requestId, requester);
        if (granted) {
            // a grant that cannot be honoured now is a refusal, recorded as
            // such: the relay of the decision must not revert for ever
            Stored storage s = _stored(recordId);
            string memory why = _shredded(s) ? "shredded" : s.frozen ? "frozen" : expiresAt <= block.timestamp ? "expired" : "";
            if (bytes(why).length != 0) {
                granted = false;
                emit AccessGrantRefused(requestId, why);
            }
        }
        q.status = granted ? AccessStatus.Granted : AccessStatus.Denied;
        q.expiresAt = granted ? expiresAt : 0;
        emit AccessResolved(requestId, recordId, granted, q.expiresAt);
    }

    function hasAccess(bytes32 requestId, address account) external view returns (bool) {
        Request storage q = _requests[requestId];
        if (q.status != AccessStatus.Granted || q.requester != account || q.expiresAt <= block.timestamp) {
            return false;
        }
        Stored storage s = _records[q.recordId];
        return !s.frozen && !_shredded(s);
    }

    function accessRequest(bytes32 requestId)
        external
        view
        returns (bytes32 recordId, address requester, AccessStatus status, uint64 expiresAt)
    {
        Request storage q = _requests[requestId];
        return (q.recordId, q.requester, q.status, q.expiresAt);
    }

    function recordCount() external view returns (uint256) {
        return _keys.length;
    }

    function getRecord(bytes32 recordId) external view returns (Record memory) {
        Stored storage s = _records[recordId];
        if (s.seq1 == 0) revert UnknownRecord(recordId);
        return _view(s.seq1 - 1);
    }

    function recordAt(uint256 seq) external view returns (Record memory) {
        if (seq >= _keys.length) revert UnknownRecord(bytes32(seq));
        return _view(seq);
    }

    function recordsInRange(uint256 from, uint256 limit) external view returns (Record[] memory page) {
        uint256 n = _keys.length;
        if (from >= n || limit == 0) return new Record[](0);
        uint256 end = limit > n - from ? n : from + limit;
        page = new Record[](end - from);
        for (uint256 i = from; i < end; i++) {
            page[i - from] = _view(i);
        }
    }

    function recordsByDataset(bytes32 datasetId, uint256 cursor, uint256 limit)
        external
        view
        returns (Record[] memory page, uint256 next)
    {
        Dataset memory d = _datasets[datasetId];
        if (!d.exists || limit == 0) return (new Record[](0), 0);
        next = cursor == 0 ? d.lastSeq : cursor;
        if (next > _keys.length || (_keys[next - 1] & ~HIGH_VERSION) >> 32 != d.index) revert InvalidRelease("cursor");
        Record[] memory buf = new Record[](limit);
        uint256 k = 0;
        while (next != 0 && k < limit) {
            Record memory r = _view(next - 1);
            buf[k++] = r;
            next = _records[r.recordId].prevInDataset;
        }
        assembly {
            mstore(buf, k) // shrink to the filled length
        }
        page = buf;
    }

    function dataset(bytes32 datasetId) external view returns (uint64 count, uint64 latestVersion) {
        Dataset memory d = _datasets[datasetId];
        return (d.count, d.latestVersion);
    }

    function _stored(bytes32 recordId) private view returns (Stored storage s) {
        s = _records[recordId];
        if (s.seq1 == 0) revert UnknownRecord(recordId);
    }

    function _view(uint256 seq) private view returns (Record memory r) {
        uint64 key = _keys[seq];
        bytes32 datasetId = _datasetIds[(key & ~HIGH_VERSION) >> 32];
        uint64 version = uint32(key);
        if (key & HIGH_VERSION != 0) version |= uint64(_versionHigh[seq]) << 32;
        bytes32 recordId = keccak256(abi.encode(datasetId, version));
        Stored storage s = _records[recordId];
        r = Record({
            recordId: recordId,
            datasetId: datasetId,
            seq: uint64(seq),
            version: version,
            level: s.level,
            threshold: s.threshold,
            supersedes: s.supersedes,
            supersededBy: s.supersededBy,
            publishedAt: s.publishedAt,
            frozen: s.frozen,
            shredded: _datasets[datasetId].shredded,
            valuesHash: s.valuesHash
        });
    }

    // ---- grants delivered on chain (issue 15 item 3) ----

    /// The largest sealed grant taken (its ciphertext rides in the event).
    uint256 public constant MAX_SEALED_GRANT = 64 << 10;

    /// requestId → the public-chain block where its grant was delivered (0: none).
    mapping(bytes32 => uint64) private _grantDeliveredIn;

    function deliverGrant(bytes32 requestId, bytes calldata sealedGrant) external {
        if (msg.sender != securityOfficer) revert NotSecurityOfficer(msg.sender);
        if (sealedGrant.length == 0 || sealedGrant.length > MAX_SEALED_GRANT) revert InvalidGrant(sealedGrant.length);
        Request storage q = _requests[requestId];
        if (q.status == AccessStatus.None) revert UnknownRequest(requestId);
        if (q.status != AccessStatus.Granted) revert NotGranted(requestId);
        if (q.expiresAt <= block.timestamp) revert GrantExpired(requestId, q.expiresAt);
        Stored storage s = _records[q.recordId];
        if (s.frozen || _shredded(s)) revert NotRequestable(q.recordId);
        if (_grantDeliveredIn[requestId] != 0) revert GrantAlreadyDelivered(requestId);
        _grantDeliveredIn[requestId] = uint64(block.number);
        emit GrantDelivered(requestId, q.requester, sealedGrant);
    }

    function grantDeliveredIn(bytes32 requestId) external view returns (uint64) {
        return _grantDeliveredIn[requestId];
    }
}
