// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {IReleaseBridge} from "./interfaces/IReleaseBridge.sol";
import {IDataRegistry} from "./interfaces/IDataRegistry.sol";
import {IReviewBoard} from "./interfaces/IReviewBoard.sol";
import {IValidatorSet} from "./interfaces/IValidatorSet.sol";
import {BlockHeader} from "./libraries/BlockHeader.sol";
import {MerklePatriciaProof} from "./libraries/MerklePatriciaProof.sol";
import {Receipts} from "./libraries/Receipts.sol";
import {RLPReader} from "./libraries/RLPReader.sol";

/// @title ReleaseBridge — see IReleaseBridge for the rules.
contract ReleaseBridge is IReleaseBridge {
    bytes32 public constant SEAL_DOMAIN = keccak256("sovereign.qbft.commit.v2");
    /// secp256k1 n / 2: seals with a larger s are malleable copies and refused.
    uint256 private constant HALF_N = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0;
    /// The seal check uses a 256-bit bitmap of validator positions.
    uint256 private constant MAX_VALIDATORS = 256;

    bytes32 private constant DECISION_SIG = IReviewBoard.Decision.selector;
    bytes32 private constant ACCESS_SIG = IReviewBoard.AccessDecision.selector;
    bytes32 private constant ADDED_SIG = IValidatorSet.ValidatorAdded.selector;
    bytes32 private constant REMOVED_SIG = IValidatorSet.ValidatorRemoved.selector;

    IDataRegistry private immutable _registry;
    uint256 public immutable consortiumChainId;
    address public immutable reviewBoard;
    address public immutable validatorSet;

    address[] private _validators;
    mapping(address => uint256) private _position; // validator => index + 1
    uint64 public validatorsFrom;
    /// (number, receiptIndex, logIndex) of the last applied validator change, packed for ordering
    uint256 private _lastChange;
    /// keccak256(blockHash, receiptIndex, logIndex / 256) => bit per log: logs
    /// of one receipt share a slot, so a batch in one receipt pays one fresh slot
    mapping(bytes32 => uint256) private _relayedBits;

    uint64 private _cpNumber;
    bytes32 private _cpHash;
    bytes32 private _cpStateRoot;
    mapping(uint64 => bytes32) public checkpointHash;

    constructor(
        IDataRegistry registry_,
        uint256 consortiumChainId_,
        address reviewBoard_,
        address validatorSet_,
        address[] memory initialValidators
    ) {
        if (address(registry_) == address(0) || reviewBoard_ == address(0) || validatorSet_ == address(0)) {
            revert ZeroAddress();
        }
        if (initialValidators.length == 0) revert EmptyValidatorSet();
        _registry = registry_;
        consortiumChainId = consortiumChainId_;
        reviewBoard = reviewBoard_;
        validatorSet = validatorSet_;
        for (uint256 i = 0; i < initialValidators.length; i++) {
            _add(initialValidators[i]);
        }
    }

    function registry() external view returns (address) {
        return address(_registry);
    }

    function validators() external view returns (address[] memory) {
        return _validators;
    }

    function isValidator(address account) external view returns (bool) {
        return _position[account] != 0;
    }

    function quorum() public view returns (uint256) {
        return (2 * _validators.length + 2) / 3;
    }

    function relay(Certificate calldata cert, bytes calldata header, LogProof[] calldata proofs) external {
        if (proofs.length == 0) revert NoProofs();
        BlockHeader.Header memory h = _certified(cert, header);
        bytes memory receipt; // kept alive: logs point into it
        RLPReader.Item[] memory logs;
        Receipts.LogView memory v;
        for (uint256 i = 0; i < proofs.length; i++) {
            LogProof calldata p = proofs[i];
            if (p.nodes.length != 0) {
                receipt = MerklePatriciaProof.get(h.receiptsRoot, RLPReader.encodeUint(p.receiptIndex), p.nodes);
                logs = Receipts.logList(receipt);
            } else if (i == 0 || proofs[i - 1].receiptIndex != p.receiptIndex) {
                revert MissingProof(i);
            }
            if (p.logIndex >= logs.length) revert Receipts.LogIndexOutOfRange(p.logIndex, logs.length);
            _markRelayed(cert.blockHash, p);
            // Decisions, the bulk of relays, are read in place when their
            // encoding is the canonical one; any other log is decoded in full.
            Receipts.Log memory l;
            bool decoded = !Receipts.viewDecisionShaped(logs[p.logIndex], v);
            if (decoded) {
                l = Receipts.decodeLog(logs[p.logIndex]);
                Receipts.viewOf(l, v);
            }
            if (_isDecision(v)) {
                (LogKind kind, bytes32 subject) = _decision(v);
                emit Relayed(cert.number, cert.blockHash, p.receiptIndex, p.logIndex, kind, subject);
            } else {
                _relayOther(cert, decoded ? l : Receipts.decodeLog(logs[p.logIndex]), p);
            }
        }
    }

    function isRelayed(bytes32 blockHash, uint256 receiptIndex, uint256 logIndex) public view returns (bool) {
        (bytes32 slot, uint256 bit) = _relayedSlot(blockHash, receiptIndex, logIndex);
        return _relayedBits[slot] & bit != 0;
    }

    function _relayedSlot(bytes32 blockHash, uint256 receiptIndex, uint256 logIndex)
        private
        pure
        returns (bytes32, uint256)
    {
        return (keccak256(abi.encode(blockHash, receiptIndex, logIndex >> 8)), 1 << (logIndex & 0xff));
    }

    function checkpoint(Certificate calldata cert, bytes calldata header) external {
        BlockHeader.Header memory h = _certified(cert, header);
        if (cert.number <= _cpNumber && _cpHash != bytes32(0)) revert CheckpointNotNewer(cert.number, _cpNumber);
        _cpNumber = cert.number;
        _cpHash = cert.blockHash;
        _cpStateRoot = h.stateRoot;
        checkpointHash[cert.number] = cert.blockHash;
        emit CheckpointRecorded(cert.number, cert.blockHash, h.stateRoot);
    }

    function latestCheckpoint() external view returns (uint64 number, bytes32 blockHash, bytes32 stateRoot) {
        return (_cpNumber, _cpHash, _cpStateRoot);
    }

    /// Certificate, then header: returns the decoded header of the certified block.
    function _certified(Certificate calldata cert, bytes calldata header)
        private
        view
        returns (BlockHeader.Header memory h)
    {
        if (cert.number < validatorsFrom) revert StaleBlock(cert.number, validatorsFrom);
        _verifySeals(cert);
        h = BlockHeader.decode(header);
        if (h.hash != cert.blockHash) revert HeaderHashMismatch(cert.blockHash, h.hash);
        if (h.number != cert.number) revert HeaderNumberMismatch(cert.number, h.number);
    }

    function _verifySeals(Certificate calldata cert) private view {
        uint256 q = quorum();
        uint256 n = cert.seals.length;
        if (n < q) revert NotEnoughSeals(n, q);
        bytes32 digest = keccak256(abi.encode(SEAL_DOMAIN, consortiumChainId, cert.number, cert.round, cert.blockHash));
        uint256 seen;
        for (uint256 i = 0; i < n; i++) {
            bytes calldata seal = cert.seals[i];
            if (seal.length != 65) revert BadSealLength(i);
            bytes32 r = bytes32(seal[0:32]);
            bytes32 s = bytes32(seal[32:64]);
            uint8 v = uint8(seal[64]);
            if (v != 27 && v != 28) revert BadSealV(i);
            if (uint256(s) > HALF_N) revert HighS(i);
            address signer = ecrecover(digest, v, r, s);
            if (signer == address(0)) revert BadSignature(i);
            uint256 pos = _position[signer];
            if (pos == 0) revert SealNotValidator(i, signer);
            uint256 bit = 1 << (pos - 1);
            if (seen & bit != 0) revert DuplicateSeal(i, signer);
            seen |= bit;
        }
    }

    function _markRelayed(bytes32 blockHash, LogProof calldata p) private {
        (bytes32 slot, uint256 bit) = _relayedSlot(blockHash, p.receiptIndex, p.logIndex);
        uint256 bits = _relayedBits[slot];
        if (bits & bit != 0) revert AlreadyRelayed(blockHash, p.receiptIndex, p.logIndex);
        _relayedBits[slot] = bits | bit;
    }

    function _isDecision(Receipts.LogView memory v) private view returns (bool) {
        return v.emitter == reviewBoard && v.topics[0] == DECISION_SIG && v.topicCount == 3;
    }

    /// Every log but a Decision (already marked relayed).
    function _relayOther(Certificate calldata cert, Receipts.Log memory l, LogProof calldata p) private {
        bytes32 topic0 = l.topics.length > 0 ? l.topics[0] : bytes32(0);

        LogKind kind;
        bytes32 subject;
        if (l.emitter == reviewBoard && topic0 == ACCESS_SIG && l.topics.length == 3) {
            (bool granted, uint64 expiresAt) = abi.decode(l.data, (bool, uint64));
            _registry.resolveAccess(l.topics[1], l.topics[2], granted, expiresAt);
            (kind, subject) = (LogKind.Access, l.topics[1]);
        } else if (l.emitter == validatorSet && (topic0 == ADDED_SIG || topic0 == REMOVED_SIG) && l.topics.length == 2) {
            uint256 order = (uint256(cert.number) << 128) | (p.receiptIndex << 64) | p.logIndex;
            if (p.receiptIndex >= 1 << 64 || p.logIndex >= 1 << 64 || (_lastChange != 0 && order <= _lastChange)) {
                revert ValidatorChangeOutOfOrder();
            }
            _lastChange = order;
            validatorsFrom = cert.number + 1; // block N+1 is the first sealed by the new set
            address v = address(uint160(uint256(l.topics[1])));
            if (topic0 == ADDED_SIG) {
                _add(v);
                kind = LogKind.ValidatorAdded;
            } else {
                _remove(v);
                kind = LogKind.ValidatorRemoved;
            }
            subject = bytes32(uint256(uint160(v)));
        } else {
            revert UnknownLog(l.emitter, topic0);
        }
        emit Relayed(cert.number, cert.blockHash, p.receiptIndex, p.logIndex, kind, subject);
    }

    /// A Decision's data read in place: (uint64 version, uint8 level, uint8
    /// threshold, uint256 commitment, uint256 releasedRoot, bytes32
    /// contentHash, uint64 supersedes, bool approved), checked as abi.decode would.
    function _decision(Receipts.LogView memory v) private returns (LogKind, bytes32) {
        if (v.dataLen < 256) revert MalformedDecision();
        uint256 d = v.dataPtr;
        uint256 version;
        uint256 level;
        uint256 threshold;
        uint256 supersedes;
        uint256 approved;
        IDataRegistry.Release memory r;
        assembly {
            version := mload(d)
            level := mload(add(d, 32))
            threshold := mload(add(d, 64))
            mstore(add(r, 128), mload(add(d, 96))) // commitment
            mstore(add(r, 160), mload(add(d, 128))) // releasedRoot
            mstore(add(r, 192), mload(add(d, 160))) // contentHash
            supersedes := mload(add(d, 192))
            approved := mload(add(d, 224))
        }
        if (version >> 64 != 0 || level >> 8 != 0 || threshold >> 8 != 0 || supersedes >> 64 != 0 || approved > 1) {
            revert MalformedDecision();
        }
        if (approved == 0) return (LogKind.Rejection, v.topics[1]);
        r.datasetId = v.topics[2];
        r.version = uint64(version);
        r.level = uint8(level);
        r.threshold = uint8(threshold);
        r.supersedes = uint64(supersedes);
        _registry.publish(r);
        return (LogKind.Release, v.topics[1]);
    }

    function _add(address v) private {
        if (v == address(0)) revert ZeroAddress();
        if (_position[v] != 0) revert ValidatorSetMismatch(v);
        if (_validators.length == MAX_VALIDATORS) revert TooManyValidators();
        _validators.push(v);
        _position[v] = _validators.length;
        emit ValidatorAdded(v);
    }

    function _remove(address v) private {
        uint256 pos = _position[v];
        if (pos == 0) revert ValidatorSetMismatch(v);
        if (_validators.length == 1) revert EmptyValidatorSet();
        address last = _validators[_validators.length - 1];
        _validators[pos - 1] = last;
        _position[last] = pos;
        _validators.pop();
        delete _position[v];
        emit ValidatorRemoved(v);
    }
}
