// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {IReviewBoard} from "./interfaces/IReviewBoard.sol";
import {IValidatorSet} from "./interfaces/IValidatorSet.sol";
import {IClassificationVerifier} from "./interfaces/IClassificationVerifier.sol";

/// @title ReviewBoard — see IReviewBoard for the rules.
contract ReviewBoard is IReviewBoard {
    struct Tally {
        Status status;
        uint64 approvals;
        uint64 rejections;
        mapping(address => bool) voted;
    }

    struct AccessTally {
        Status status;
        uint64 approvals;
        uint64 rejections;
        uint64 expiresAt;
        bytes32 recordId;
        mapping(address => bool) voted;
    }

    IValidatorSet private immutable _validators;
    IClassificationVerifier private immutable _verifier;
    uint256 public immutable policy;

    mapping(bytes32 => Submission) private _submissions;
    mapping(bytes32 => Tally) private _tallies;
    mapping(bytes32 => AccessTally) private _access;
    /// recordId of a version => the submission correcting it (pending, approved or rejected)
    mapping(bytes32 => bytes32) private _correctedBy;
    bytes32[] private _anchors;
    uint64 private _nextAuditIndex;

    constructor(IValidatorSet validators_, IClassificationVerifier verifier_, uint256 policy_) {
        if (address(validators_) == address(0) || address(verifier_) == address(0)) revert ZeroAddress();
        _validators = validators_;
        _verifier = verifier_;
        policy = policy_;
    }

    modifier onlyValidator() {
        if (!_validators.isValidator(msg.sender)) revert NotValidator(msg.sender);
        _;
    }

    function validatorSet() external view returns (address) {
        return address(_validators);
    }

    function verifier() external view returns (address) {
        return address(_verifier);
    }

    function categoryLevel(uint256 category) external view returns (uint8) {
        if (category > 15) revert InvalidSubmission("category");
        return uint8((policy >> (2 * category)) & 3);
    }

    function submit(Submission calldata s, bytes calldata proof) external returns (bytes32 recordId) {
        if (s.datasetId == bytes32(0)) revert InvalidSubmission("datasetId");
        if (s.version == 0) revert InvalidSubmission("version");
        if (s.level > 2) revert InvalidSubmission("level");
        if (s.threshold > 2) revert InvalidSubmission("threshold");
        if (s.supersedes >= s.version) revert InvalidSubmission("supersedes");
        if (s.contentHash == bytes32(0)) revert InvalidSubmission("contentHash");
        recordId = keccak256(abi.encode(s.datasetId, s.version));
        if (_tallies[recordId].status != Status.None) revert AlreadySubmitted(recordId);
        if (s.supersedes != 0) {
            // one correction per version: the public registry keeps one
            // supersededBy, which must not depend on which Decision is relayed first
            bytes32 oldId = keccak256(abi.encode(s.datasetId, s.supersedes));
            bytes32 other = _correctedBy[oldId];
            if (other != bytes32(0) && _tallies[other].status != Status.Rejected) revert AlreadyCorrected(oldId, other);
            _correctedBy[oldId] = recordId;
        }

        // reverts on a bad proof; public inputs in the circuit's order
        _verifier.verifyProof(proof, [s.commitment, uint256(s.level), policy, uint256(s.threshold), s.releasedRoot]);

        _submissions[recordId] = s;
        _tallies[recordId].status = Status.Pending;
        emit Submitted(recordId, s.datasetId, msg.sender, s.version, proof);
    }

    function vote(bytes32 recordId, bool approve, string calldata reason) external onlyValidator {
        _vote(recordId, approve, reason);
    }

    function voteBatch(bytes32[] calldata recordIds, bool[] calldata approve, string[] calldata reasons)
        external
        onlyValidator
    {
        if (recordIds.length == 0 || approve.length != recordIds.length || reasons.length != recordIds.length) {
            revert InvalidSubmission("batch");
        }
        for (uint256 i = 0; i < recordIds.length; i++) {
            _vote(recordIds[i], approve[i], reasons[i]);
        }
    }

    function _vote(bytes32 recordId, bool approve, string calldata reason) private {
        Tally storage t = _tallies[recordId];
        if (t.status != Status.Pending) revert NotPending(recordId);
        if (t.voted[msg.sender]) revert AlreadyVoted(recordId, msg.sender);
        t.voted[msg.sender] = true;
        if (approve) t.approvals++;
        else t.rejections++;
        emit Voted(recordId, msg.sender, approve, reason);

        (bool decided, bool approved) = _decided(t.approvals, t.rejections);
        if (!decided) return;
        t.status = approved ? Status.Approved : Status.Rejected;
        Submission storage s = _submissions[recordId];
        emit Decision(
            recordId,
            s.datasetId,
            s.version,
            s.level,
            s.threshold,
            s.commitment,
            s.releasedRoot,
            s.contentHash,
            s.supersedes,
            approved
        );
    }

    function review(bytes32 recordId) external view returns (Status status, uint256 approvals, uint256 rejections) {
        Tally storage t = _tallies[recordId];
        return (t.status, t.approvals, t.rejections);
    }

    function submission(bytes32 recordId) external view returns (Submission memory) {
        return _submissions[recordId];
    }

    function reviewAccess(bytes32 requestId, bytes32 recordId, bool grant, uint64 expiresAt, string calldata reason)
        external
        onlyValidator
    {
        AccessTally storage t = _access[requestId];
        if (t.status == Status.None) {
            if (requestId == bytes32(0)) revert InvalidSubmission("requestId");
            if (_tallies[recordId].status != Status.Approved) revert InvalidSubmission("recordId");
            t.status = Status.Pending;
            t.recordId = recordId;
            t.expiresAt = expiresAt;
        } else if (t.status != Status.Pending) {
            revert NotPending(requestId);
        } else if (t.recordId != recordId || t.expiresAt != expiresAt) {
            revert AccessMismatch(requestId);
        }
        if (t.voted[msg.sender]) revert AlreadyVoted(requestId, msg.sender);
        t.voted[msg.sender] = true;
        if (grant) t.approvals++;
        else t.rejections++;
        emit AccessVoted(requestId, msg.sender, grant, reason);

        (bool decided, bool granted) = _decided(t.approvals, t.rejections);
        if (!decided) return;
        t.status = granted ? Status.Approved : Status.Rejected;
        emit AccessDecision(requestId, recordId, granted, granted ? expiresAt : 0);
    }

    function accessReview(bytes32 requestId)
        external
        view
        returns (Status status, uint256 approvals, uint256 rejections)
    {
        AccessTally storage t = _access[requestId];
        return (t.status, t.approvals, t.rejections);
    }

    function anchorAudit(bytes32 auditHash, uint64 firstIndex, uint64 lastIndex)
        external
        onlyValidator
        returns (uint256 anchor)
    {
        if (firstIndex != _nextAuditIndex || lastIndex < firstIndex) {
            revert AuditGap(_nextAuditIndex, firstIndex, lastIndex);
        }
        if (auditHash == bytes32(0)) revert InvalidSubmission("auditHash");
        anchor = _anchors.length;
        _anchors.push(auditHash);
        _nextAuditIndex = lastIndex + 1;
        emit AuditAnchored(anchor, msg.sender, auditHash, firstIndex, lastIndex);
    }

    function auditAnchors() external view returns (uint256 count, uint64 nextIndex) {
        return (_anchors.length, _nextAuditIndex);
    }

    /// Approved at quorum; rejected once approvals can no longer reach it.
    /// The set is read at each vote, so a set change mid-review applies at once.
    function _decided(uint256 approvals, uint256 rejections) private view returns (bool decided, bool approved) {
        uint256 q = _validators.quorum();
        uint256 n = _validators.getValidators().length;
        if (approvals >= q) return (true, true);
        if (rejections > n - q) return (true, false);
        return (false, false);
    }
}
