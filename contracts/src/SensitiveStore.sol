// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ISensitiveStore} from "./interfaces/ISensitiveStore.sol";

/// @title SensitiveStore — see ISensitiveStore for the rules.
contract SensitiveStore is ISensitiveStore {
    /// A rewrap moves at most this many key versions forward: a version near
    /// 2^32 - 1 would otherwise block every later rewrap of the record.
    uint32 public constant MAX_VERSION_STEP = 1024;
    /// A multicall holds at most this many calls (a put costs ~250k gas: 64
    /// fit a 30M block with room to spare).
    uint256 public constant MAX_BATCH = 64;
    /// This contract's own address: multicall must not run in another's
    /// context (a delegatecall into it would run its calls there).
    address private immutable _self = address(this);

    address public immutable owner;
    mapping(address => bool) public isWriter;
    mapping(address => bool) public isOfficer;
    mapping(bytes32 => Entry) private _entries;
    uint256 public recordCount;

    constructor(address owner_) {
        if (owner_ == address(0)) revert ZeroAddress();
        owner = owner_;
    }

    modifier onlyWriter() {
        if (!isWriter[msg.sender]) revert NotWriter(msg.sender);
        _;
    }

    function setWriter(address writer, bool allowed) external {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        if (writer == address(0)) revert ZeroAddress();
        isWriter[writer] = allowed;
        emit WriterSet(writer, allowed);
    }

    function setOfficer(address officer, bool allowed) external {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        if (officer == address(0)) revert ZeroAddress();
        isOfficer[officer] = allowed;
        emit OfficerSet(officer, allowed);
    }

    function put(
        bytes32 recordId,
        string calldata ciphertextRef,
        bytes32 ciphertextHash,
        bytes calldata wrappedKey,
        uint32 keyVersion,
        uint256 commitment
    ) external onlyWriter {
        if (recordId == bytes32(0)) revert InvalidEntry("recordId");
        if (bytes(ciphertextRef).length == 0) revert InvalidEntry("ciphertextRef");
        if (ciphertextHash == bytes32(0)) revert InvalidEntry("ciphertextHash");
        if (wrappedKey.length == 0) revert InvalidEntry("wrappedKey");
        if (keyVersion == 0) revert InvalidEntry("keyVersion");
        Entry storage e = _entries[recordId];
        if (e.writer != address(0)) revert AlreadyStored(recordId);
        e.ciphertextRef = ciphertextRef;
        e.ciphertextHash = ciphertextHash;
        e.wrappedKey = wrappedKey;
        e.keyVersion = keyVersion;
        e.commitment = commitment;
        e.writer = msg.sender;
        e.storedAt = uint64(block.timestamp);
        recordCount++;
        emit Stored(recordId, msg.sender, _transitKeyHash(ciphertextRef), ciphertextHash, keyVersion, commitment);
    }

    function rewrap(bytes32 recordId, bytes calldata wrappedKey, uint32 keyVersion) external {
        Entry storage e = _actable(recordId);
        if (wrappedKey.length == 0) revert InvalidEntry("wrappedKey");
        if (keyVersion <= e.keyVersion) revert KeyVersionNotNewer(e.keyVersion, keyVersion);
        if (keyVersion - e.keyVersion > MAX_VERSION_STEP) revert KeyVersionStepTooLarge(e.keyVersion, keyVersion);
        uint32 old = e.keyVersion;
        e.wrappedKey = wrappedKey;
        e.keyVersion = keyVersion;
        emit Rewrapped(recordId, old, keyVersion);
    }

    function shred(bytes32 recordId, bytes32 receipt) external {
        Entry storage e = _actable(recordId);
        if (receipt == bytes32(0)) revert InvalidEntry("receipt");
        delete e.wrappedKey;
        e.shredded = true;
        e.shredReceipt = receipt;
        emit ShredMarked(recordId, receipt);
    }

    function multicall(bytes[] calldata calls) external returns (bytes[] memory results) {
        if (address(this) != _self) revert BadBatch(0);
        if (calls.length == 0 || calls.length > MAX_BATCH) revert BadBatch(calls.length);
        results = new bytes[](calls.length);
        for (uint256 i = 0; i < calls.length; i++) {
            (bool ok, bytes memory out) = _self.delegatecall(calls[i]);
            if (!ok) {
                // bubble the call's own error, so a caller reads why
                assembly ("memory-safe") {
                    revert(add(out, 32), mload(out))
                }
            }
            results[i] = out;
        }
    }

    function get(bytes32 recordId) external view returns (Entry memory) {
        Entry storage e = _entries[recordId];
        if (e.writer == address(0)) revert UnknownRecord(recordId);
        return e;
    }

    /// keccak256 of the transit key a reference names: its part before the
    /// first '/', or all of it.
    function _transitKeyHash(string calldata ref) private pure returns (bytes32) {
        bytes calldata b = bytes(ref);
        for (uint256 i = 0; i < b.length; i++) {
            if (b[i] == "/") return keccak256(b[:i]);
        }
        return keccak256(b);
    }

    /// A live record the caller may act on: its own department's writer
    /// (still a writer) or a security officer.
    function _actable(bytes32 recordId) private view returns (Entry storage e) {
        e = _entries[recordId];
        if (e.writer == address(0)) revert UnknownRecord(recordId);
        if (!isOfficer[msg.sender] && !(e.writer == msg.sender && isWriter[msg.sender])) {
            revert NotRecordOwner(recordId, msg.sender);
        }
        if (e.shredded) revert RecordShredded(recordId);
    }
}
