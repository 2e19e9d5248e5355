// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {IDataRegistry} from "./interfaces/IDataRegistry.sol";

/// @title DataRegistry — see IDataRegistry for the rules.
contract DataRegistry is IDataRegistry {
    /// Storage of a record: one packed slot of metadata plus three words, so a
    /// publish writes five fresh slots (with the id → seq index). Versions and
    /// sequence numbers fit 32 bits (checked), which keeps the metadata in one slot.
    struct Stored {
        uint32 version;
        uint32 supersedes;
        uint32 supersededBy;
        uint32 datasetIndex;
        uint32 prevInDataset; // seq + 1 of the previous version; 0: none
        uint40 publishedAt;
        uint8 level;
        uint8 threshold;
        bool frozen;
        bool shredded; // 5*4 + 5 + 4 = 29 bytes
        uint256 commitment;
        uint256 releasedRoot;
        bytes32 contentHash;
    }

    /// One slot per dataset; its id lives once in _datasetIds.
    struct Dataset {
        uint32 index; // into _datasetIds
        uint32 count;
        uint64 latestVersion;
        uint32 latestSeq; // seq + 1 of the latest version
        bool exists;
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

    Stored[] private _records;
    mapping(bytes32 => uint256) private _seqOf; // recordId => seq + 1
    bytes32[] private _datasetIds;
    mapping(bytes32 => Dataset) private _datasets;
    mapping(bytes32 => Request) private _requests;
    uint256 private _requestNonce;

    constructor(address supervisor_, address securityOfficer_, uint256 policy_) {
        if (supervisor_ == address(0) || securityOfficer_ == address(0)) revert ZeroAddress();
        supervisor = supervisor_;
        securityOfficer = securityOfficer_;
        policy = policy_;
        _admin = msg.sender;
    }

    function setBridge(address bridge_) external {
        if (msg.sender != _admin) revert NotAdmin(msg.sender);
        if (bridge != address(0)) revert BridgeAlreadySet();
        if (bridge_ == address(0)) revert ZeroAddress();
        bridge = bridge_;
        emit BridgeSet(bridge_);
    }

    function publish(Release calldata r) external returns (bytes32 recordId) {
        if (msg.sender != bridge) revert NotBridge(msg.sender);
        if (r.datasetId == bytes32(0)) revert InvalidRelease("datasetId");
        if (r.version == 0 || r.version > type(uint32).max) revert InvalidRelease("version");
        if (r.level > 2) revert InvalidRelease("level");
        recordId = keccak256(abi.encode(r.datasetId, r.version));
        if (_seqOf[recordId] != 0) revert AlreadyPublished(recordId);

        Dataset memory d = _datasets[r.datasetId];
        if (!d.exists) {
            d.exists = true;
            d.index = uint32(_datasetIds.length);
            _datasetIds.push(r.datasetId);
        }
        if (r.version <= d.latestVersion) revert VersionNotIncreasing(r.datasetId, d.latestVersion, r.version);

        uint64 seq = uint64(_records.length);
        if (seq >= type(uint32).max) revert InvalidRelease("seq");
        if (r.supersedes != 0) {
            // strictly backward, same dataset, at most once: no cycles
            if (r.supersedes >= r.version) revert InvalidRelease("supersedes");
            bytes32 oldId = keccak256(abi.encode(r.datasetId, r.supersedes));
            uint256 oldSeq = _seqOf[oldId];
            if (oldSeq == 0) revert UnknownRecord(oldId);
            Stored storage old = _records[oldSeq - 1];
            if (old.frozen) revert RecordFrozen(oldId);
            if (old.supersededBy != 0) revert AlreadySuperseded(oldId, old.supersededBy);
            old.supersededBy = uint32(r.version);
            emit Superseded(oldId, recordId, r.datasetId);
        }

        _records.push(
            Stored({
                version: uint32(r.version),
                supersedes: uint32(r.supersedes),
                supersededBy: 0,
                datasetIndex: d.index,
                level: r.level,
                threshold: r.threshold,
                frozen: false,
                shredded: false,
                publishedAt: uint40(block.timestamp),
                prevInDataset: uint32(d.latestSeq),
                commitment: r.commitment,
                releasedRoot: r.releasedRoot,
                contentHash: r.contentHash
            })
        );
        _seqOf[recordId] = uint256(seq) + 1;
        d.count++;
        d.latestVersion = r.version;
        d.latestSeq = uint32(seq + 1);
        _datasets[r.datasetId] = d;
        emit Published(recordId, r.datasetId, r.version, seq, r.level, r.contentHash);
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

    function recordShred(bytes32 recordId, bytes32 receipt) external {
        if (msg.sender != securityOfficer) revert NotSecurityOfficer(msg.sender);
        Stored storage s = _stored(recordId);
        if (s.shredded) revert AlreadyShredded(recordId);
        s.shredded = true;
        emit Shredded(recordId, receipt);
    }

    function requestAccess(bytes32 recordId, string calldata purpose) external returns (bytes32 requestId) {
        Stored storage s = _stored(recordId);
        if (s.level != 1 || s.frozen || s.shredded) revert NotRequestable(recordId);
        if (bytes(purpose).length == 0) revert EmptyReason();
        requestId = keccak256(abi.encode(block.chainid, address(this), ++_requestNonce));
        _requests[requestId] = Request({recordId: recordId, requester: msg.sender, status: AccessStatus.Pending, expiresAt: 0});
        emit AccessRequested(requestId, recordId, msg.sender, purpose);
    }

    function resolveAccess(bytes32 requestId, bytes32 recordId, bool granted, uint64 expiresAt) external {
        if (msg.sender != bridge) revert NotBridge(msg.sender);
        Request storage q = _requests[requestId];
        if (q.status == AccessStatus.None) revert UnknownRequest(requestId);
        if (q.status != AccessStatus.Pending) revert RequestNotPending(requestId);
        if (q.recordId != recordId) revert RequestRecordMismatch(requestId, recordId);
        q.status = granted ? AccessStatus.Granted : AccessStatus.Denied;
        q.expiresAt = granted ? expiresAt : 0;
        emit AccessResolved(requestId, recordId, granted, q.expiresAt);
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
        return _records.length;
    }

    function getRecord(bytes32 recordId) external view returns (Record memory) {
        uint256 seq = _seqOf[recordId];
        if (seq == 0) revert UnknownRecord(recordId);
        return _view(seq - 1);
    }

    function recordAt(uint256 seq) external view returns (Record memory) {
        if (seq >= _records.length) revert UnknownRecord(bytes32(seq));
        return _view(seq);
    }

    function recordsInRange(uint256 from, uint256 limit) external view returns (Record[] memory page) {
        uint256 n = _records.length;
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
        next = cursor == 0 ? d.latestSeq : cursor;
        if (next > _records.length || _records[next - 1].datasetIndex != d.index) revert InvalidRelease("cursor");
        Record[] memory buf = new Record[](limit);
        uint256 k = 0;
        while (next != 0 && k < limit) {
            buf[k++] = _view(next - 1);
            next = _records[next - 1].prevInDataset;
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

    function _stored(bytes32 recordId) private view returns (Stored storage) {
        uint256 seq = _seqOf[recordId];
        if (seq == 0) revert UnknownRecord(recordId);
        return _records[seq - 1];
    }

    function _view(uint256 seq) private view returns (Record memory r) {
        Stored storage s = _records[seq];
        bytes32 datasetId = _datasetIds[s.datasetIndex];
        r = Record({
            recordId: keccak256(abi.encode(datasetId, s.version)),
            datasetId: datasetId,
            seq: uint64(seq),
            version: s.version,
            level: s.level,
            threshold: s.threshold,
            supersedes: s.supersedes,
            supersededBy: s.supersededBy,
            publishedAt: s.publishedAt,
            frozen: s.frozen,
            shredded: s.shredded,
            commitment: s.commitment,
            releasedRoot: s.releasedRoot,
            contentHash: s.contentHash
        });
    }
}
