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

    bytes32 private constant DECISION_SIG = IReviewBoard.Decision.selector;
    bytes32 private constant ACCESS_SIG = IReviewBoard.AccessDecision.selector;
    bytes32 private constant SET_CHANGED_SIG = IValidatorSet.ValidatorSetChanged.selector;
    bytes32 private constant SHREDDED_SIG = IReviewBoard.Shredded.selector;
    bytes32 private constant VERIFIER_SIG = IReviewBoard.VerifierAdopted.selector;

    IDataRegistry private immutable _registry;
    uint256 public immutable consortiumChainId;
    address public immutable reviewBoard;
    address public immutable validatorSet;
    uint64 public immutable startEpoch;

    /// One epoch of the consortium's validator set: its validatorSetHash and
    /// the first block it certifies. Index i is epoch startEpoch + i.
    struct EpochRecord {
        bytes32 setHash;
        uint64 firstBlock;
    }

    EpochRecord[] private _epochs;
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
        uint64 startEpoch_,
        uint64 startBlock_,
        address[] memory startValidators
    ) {
        if (address(registry_) == address(0) || reviewBoard_ == address(0) || validatorSet_ == address(0)) {
            revert ZeroAddress();
        }
        _checkSorted(startValidators);
        _registry = registry_;
        consortiumChainId = consortiumChainId_;
        reviewBoard = reviewBoard_;
        validatorSet = validatorSet_;
        startEpoch = startEpoch_;
        bytes32 h = validatorSetHash(startValidators);
        _epochs.push(EpochRecord(h, startBlock_));
        emit EpochStarted(startEpoch_, startBlock_, h, startValidators);
    }

    function registry() external view returns (address) {
        return address(_registry);
    }

    function validatorSetHash(address[] memory validators) public pure returns (bytes32) {
        return keccak256(abi.encode(validators));
    }

    function latestEpoch() public view returns (uint64) {
        return startEpoch + uint64(_epochs.length - 1);
    }

    function startBlock() external view returns (uint64) {
        return _epochs[0].firstBlock;
    }

    function epoch(uint64 e) external view returns (uint64 firstBlock, bytes32 setHash) {
        uint256 i = _index(e);
        EpochRecord storage r = _epochs[i];
        return (r.firstBlock, r.setHash);
    }

    function epochAt(uint64 number) external view returns (uint64) {
        uint256 n = _epochs.length;
        if (number < _epochs[0].firstBlock) revert BlockBeforeStart(number, _epochs[0].firstBlock);
        // the latest epoch whose firstBlock ≤ number (firstBlocks never decrease)
        uint256 lo = 0;
        uint256 hi = n - 1;
        while (lo < hi) {
            uint256 mid = (lo + hi + 1) >> 1;
            if (_epochs[mid].firstBlock <= number) lo = mid;
            else hi = mid - 1;
        }
        return startEpoch + uint64(lo);
    }

    function relay(Certificate calldata cert, bytes calldata header, EpochSet calldata set, LogProof[] calldata proofs)
        external
    {
        if (proofs.length == 0) revert NoProofs();
        BlockHeader.Header memory h = _certified(cert, header, set);
        // The receipt and its logs are read in place in calldata (CalldataRLP):
        // nothing of the proof is copied but a Decision's 320 bytes of data.
        uint256[] memory logs;
        Receipts.LogView memory v;
        for (uint256 i = 0; i < proofs.length; i++) {
            LogProof calldata p = proofs[i];
            if (p.nodes.length != 0) {
                (uint256 rp, uint256 rl) =
                    MerklePatriciaProof.getCalldata(h.receiptsRoot, RLPReader.encodeUint(p.receiptIndex), p.nodes);
                logs = Receipts.logListCalldata(rp, rl);
            } else if (i == 0 || proofs[i - 1].receiptIndex != p.receiptIndex) {
                revert MissingProof(i);
            }
            if (p.logIndex >= logs.length) revert Receipts.LogIndexOutOfRange(p.logIndex, logs.length);
            _markRelayed(cert.blockHash, p);
            // Decisions, the bulk of relays, are read in place when their
            // encoding is the canonical one; any other log is decoded in full.
            Receipts.Log memory l;
            uint256 item = logs[p.logIndex];
            bool decoded = !Receipts.viewDecisionShapedCalldata(item, v);
            if (decoded) {
                l = Receipts.decodeLogCalldata(item);
                Receipts.viewOf(l, v);
            }
            if (_isDecision(v)) {
                _relayDecision(cert, p, v);
            } else {
                _relayOther(cert, decoded ? l : Receipts.decodeLogCalldata(item), p);
            }
        }
    }

    /// A Decision (already marked relayed). A release the registry refuses
    /// finally stays relayed (kind ReleaseRefused); SupersedesFrozen is
    /// unmarked so the same log can be relayed again once the supervisor
    /// unfreezes. Either way ReleaseRefused names the reason.
    function _relayDecision(Certificate calldata cert, LogProof calldata p, Receipts.LogView memory v) private {
        (LogKind kind, bytes32 subject, IDataRegistry.PublishOutcome outcome) = _decision(v);
        if (outcome != IDataRegistry.PublishOutcome.Published) {
            bool retryable = outcome == IDataRegistry.PublishOutcome.SupersedesFrozen;
            emit ReleaseRefused(subject, cert.number, cert.blockHash, p.receiptIndex, p.logIndex, outcome, retryable);
            if (retryable) {
                (bytes32 slot, uint256 bit) = _relayedSlot(cert.blockHash, p.receiptIndex, p.logIndex);
                _relayedBits[slot] &= ~bit;
                return;
            }
            kind = LogKind.ReleaseRefused;
        }
        emit Relayed(cert.number, cert.blockHash, p.receiptIndex, p.logIndex, kind, subject);
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

    function checkpoint(Certificate calldata cert, bytes calldata header, EpochSet calldata set) external {
        BlockHeader.Header memory h = _certified(cert, header, set);
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

    /// Header, its validator set, then the certificate: returns the decoded
    /// header of the certified block.
    function _certified(Certificate calldata cert, bytes calldata header, EpochSet calldata set)
        private
        view
        returns (BlockHeader.Header memory h)
    {
        h = BlockHeader.decodeCalldata(header);
        if (h.hash != cert.blockHash) revert HeaderHashMismatch(cert.blockHash, h.hash);
        if (h.number != cert.number) revert HeaderNumberMismatch(cert.number, h.number);
        bytes32 setHash = _covering(cert.number, set.epoch);
        bytes32 given = keccak256(abi.encode(set.validators));
        if (given != setHash) revert ValidatorSetHashMismatch(set.epoch, setHash, given);
        // The block names the set that certifies it: a block after a change
        // the bridge has not seen names a set it does not know.
        if (h.extraLen != 32 || h.extra != setHash) revert HeaderValidatorSetMismatch(cert.number, h.extra, setHash);
        _verifySeals(cert, set.validators);
    }

    /// The setHash of epoch e, which must be the epoch covering block number
    /// (the latest epoch whose firstBlock ≤ number).
    function _covering(uint64 number, uint64 e) private view returns (bytes32) {
        uint256 i = _index(e);
        EpochRecord storage r = _epochs[i];
        uint64 first = r.firstBlock;
        if (number < first) {
            if (i == 0) revert BlockBeforeStart(number, first);
            revert EpochDoesNotCover(e, number);
        }
        if (i + 1 < _epochs.length && number >= _epochs[i + 1].firstBlock) revert EpochDoesNotCover(e, number);
        return r.setHash;
    }

    function _index(uint64 e) private view returns (uint256 i) {
        uint256 n = _epochs.length;
        if (e < startEpoch || e - startEpoch >= n) revert UnknownEpoch(e, startEpoch + uint64(n - 1));
        return e - startEpoch;
    }

    /// Seals against the epoch's sorted list: each signer is found by binary
    /// search, distinct signers by a bitmap of their positions.
    function _verifySeals(Certificate calldata cert, address[] calldata vals) private view {
        uint256 nv = vals.length;
        uint256 q = (2 * nv + 2) / 3;
        uint256 n = cert.seals.length;
        if (n < q) revert NotEnoughSeals(n, q);
        bytes32 digest = keccak256(abi.encode(SEAL_DOMAIN, consortiumChainId, cert.number, cert.round, cert.blockHash));
        uint256[] memory seen = new uint256[]((nv + 255) >> 8);
        for (uint256 i = 0; i < n; i++) {
            bytes calldata seal = cert.seals[i];
            if (seal.length != 65) revert BadSealLength(i);
            bytes32 s = bytes32(seal[32:64]);
            uint8 v = uint8(seal[64]);
            if (v != 27 && v != 28) revert BadSealV(i);
            if (uint256(s) > HALF_N) revert HighS(i);
            address signer = ecrecover(digest, v, bytes32(seal[0:32]), s);
            if (signer == address(0)) revert BadSignature(i);
            uint256 pos = _find(vals, signer);
            if (pos == nv) revert SealNotValidator(i, signer);
            uint256 bit = 1 << (pos & 0xff);
            uint256 w = seen[pos >> 8];
            if (w & bit != 0) revert DuplicateSeal(i, signer);
            seen[pos >> 8] = w | bit;
        }
    }

    /// Position of a in the ascending list, or its length if absent. Binary
    /// search in assembly: the checked Solidity loop cost ~440 gas per step.
    /// A list entry with dirty upper bits never equals a signer (it would
    /// only fail this relay; the list's hash was checked before).
    function _find(address[] calldata vals, address a) private pure returns (uint256 pos) {
        uint256 n = vals.length;
        assembly {
            let base := vals.offset
            let lo := 0
            let hi := n
            pos := n
            for {} lt(lo, hi) {} {
                let mid := shr(1, add(lo, hi))
                let m := calldataload(add(base, shl(5, mid)))
                switch lt(m, a)
                case 1 { lo := add(mid, 1) }
                default {
                    switch gt(m, a)
                    case 1 { hi := mid }
                    default {
                        pos := mid
                        lo := hi
                    }
                }
            }
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
            (address requester, bool granted, uint64 expiresAt) = abi.decode(l.data, (address, bool, uint64));
            _registry.resolveAccess(l.topics[1], l.topics[2], requester, granted, expiresAt);
            (kind, subject) = (LogKind.Access, l.topics[1]);
        } else if (l.emitter == reviewBoard && topic0 == SHREDDED_SIG && l.topics.length == 2) {
            bytes32 receipt = abi.decode(l.data, (bytes32));
            _registry.recordShred(l.topics[1], receipt);
            (kind, subject) = (LogKind.Shredded, l.topics[1]);
        } else if (l.emitter == reviewBoard && topic0 == VERIFIER_SIG && l.topics.length == 2) {
            uint256 version = uint256(l.topics[1]);
            if (version >> 32 != 0) revert MalformedDecision();
            (, bytes32 codeHash) = abi.decode(l.data, (address, bytes32));
            _registry.announceVerifier(uint32(version), codeHash);
            (kind, subject) = (LogKind.VerifierAdopted, codeHash);
        } else if (l.emitter == validatorSet && topic0 == SET_CHANGED_SIG && l.topics.length == 2) {
            (kind, subject) = (LogKind.ValidatorSetChanged, _applySetChange(cert.number, l));
        } else {
            revert UnknownLog(l.emitter, topic0);
        }
        emit Relayed(cert.number, cert.blockHash, p.receiptIndex, p.logIndex, kind, subject);
    }

    /// ValidatorSetChanged(epoch, validators) of certified block c: the next
    /// epoch, certifying blocks from c + 1 on. Returns its setHash.
    function _applySetChange(uint64 c, Receipts.Log memory l) private returns (bytes32 setHash) {
        uint256 e = uint256(l.topics[1]);
        uint64 want = latestEpoch() + 1;
        if (e != want) revert EpochOutOfOrder(e, want);
        address[] memory vals = abi.decode(l.data, (address[]));
        _checkSorted(vals);
        uint64 first = c + 1;
        // a genuine chain never goes back: change e is in a block no earlier than change e - 1
        if (first < _epochs[_epochs.length - 1].firstBlock) revert ValidatorChangeOutOfOrder();
        setHash = validatorSetHash(vals);
        _epochs.push(EpochRecord(setHash, first));
        emit EpochStarted(want, first, setHash, vals);
    }

    function _checkSorted(address[] memory vals) private pure {
        if (vals.length == 0) revert EmptyValidatorSet();
        if (vals[0] == address(0)) revert ZeroAddress();
        for (uint256 i = 1; i < vals.length; i++) {
            if (vals[i] <= vals[i - 1]) revert ValidatorsNotSorted(i);
        }
    }

    /// A Decision's data read in place: (bytes32 department, uint64 version,
    /// uint8 level, uint8 threshold, uint256 commitment, uint256 releasedRoot,
    /// bytes32 contentHash, uint64 supersedes, bool approved, uint32
    /// verifierVersion), checked as abi.decode would.
    function _decision(Receipts.LogView memory v)
        private
        returns (LogKind, bytes32, IDataRegistry.PublishOutcome outcome)
    {
        if (v.dataLen < 320) revert MalformedDecision();
        uint256 d = v.dataPtr;
        uint256 version;
        uint256 level;
        uint256 threshold;
        uint256 supersedes;
        uint256 approved;
        uint256 verifierVersion;
        IDataRegistry.Release memory r;
        assembly {
            mstore(add(r, 32), mload(d)) // department
            version := mload(add(d, 32))
            level := mload(add(d, 64))
            threshold := mload(add(d, 96))
            mstore(add(r, 160), mload(add(d, 128))) // commitment
            mstore(add(r, 192), mload(add(d, 160))) // releasedRoot
            mstore(add(r, 224), mload(add(d, 192))) // contentHash
            supersedes := mload(add(d, 224))
            approved := mload(add(d, 256))
            verifierVersion := mload(add(d, 288))
        }
        if (
            version >> 64 != 0 || level >> 8 != 0 || threshold >> 8 != 0 || supersedes >> 64 != 0 || approved > 1
                || verifierVersion >> 32 != 0
        ) {
            revert MalformedDecision();
        }
        if (approved == 0) return (LogKind.Rejection, v.topics[1], outcome);
        r.datasetId = v.topics[2];
        r.version = uint64(version);
        r.level = uint8(level);
        r.threshold = uint8(threshold);
        r.supersedes = uint64(supersedes);
        r.verifierVersion = uint32(verifierVersion);
        (, outcome) = _registry.publish(r);
        return (LogKind.Release, v.topics[1], outcome);
    }
}
