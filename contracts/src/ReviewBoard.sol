// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {IReviewBoard} from "./interfaces/IReviewBoard.sol";
import {IValidatorSet} from "./interfaces/IValidatorSet.sol";
import {IClassificationVerifier} from "./interfaces/IClassificationVerifier.sol";
import {SubmissionBinding} from "./libraries/SubmissionBinding.sol";

/// @title ReviewBoard — see IReviewBoard for the rules.
contract ReviewBoard is IReviewBoard {
    /// A voter's ballot: 0 none, 1 approve, 2 reject.
    uint8 private constant NO_VOTE = 0;
    uint8 private constant APPROVE = 1;
    uint8 private constant REJECT = 2;
    /// An audit anchor covers at most this many entries, so no validator can
    /// push the next index out of reach (e.g. lastIndex = 2^64 - 2).
    uint64 public constant MAX_AUDIT_SPAN = 1_000_000;

    /// Votes are recounted over the current validator set at each vote, so
    /// approvals and the quorum always refer to the same set: a removed
    /// validator's earlier vote no longer counts.
    struct Tally {
        Status status;
        uint64 approvals;
        uint64 rejections;
        uint32 verifierVersion; // the verifier the proof passed at submission
        mapping(address => uint8) ballot;
    }

    /// An access request: each validator votes once, for the terms (record,
    /// expiry) it finds right; terms are decided by a quorum on the same
    /// terms, so no single vote fixes them for the others.
    struct AccessTally {
        Status status;
        uint64 approvals;
        uint64 rejections;
        uint64 expiresAt;
        bytes32 recordId;
        mapping(address => uint8) ballot;
        mapping(address => bytes32) terms;
    }

    /// The department register: an account's department id (0: none).
    mapping(address => bytes32) public departmentOf;
    /// Changes decided for an account so far: votes on its next change are
    /// keyed by (account, count), so a decided change never blocks a later one.
    mapping(address => uint256) private _departmentChanges;
    /// keccak256(abi.encode(account, count)) => validator => the terms it voted
    /// (keccak256(abi.encode(account, department, register))); 0: no vote.
    mapping(bytes32 => mapping(address => bytes32)) private _departmentVotes;

    IValidatorSet private immutable _validators;
    /// Verifier versions from 1 (the constructor's); the current one checks
    /// every new submission. Older ones stay, for the releases they proved.
    mapping(uint32 => IClassificationVerifier) private _verifiers;
    uint32 public verifierVersion;
    /// version => validator => the terms it voted (keccak256(abi.encode(version, verifier))).
    mapping(uint32 => mapping(address => bytes32)) private _verifierVotes;
    uint256 public immutable policy;
    address public immutable securityOfficer;
    /// datasetId => the receipt of its shred (0: not shredded)
    mapping(bytes32 => bytes32) public shredReceipt;

    mapping(bytes32 => Submission) private _submissions;
    mapping(bytes32 => Tally) private _tallies;
    mapping(bytes32 => AccessTally) private _access;
    /// recordId of a version => the submission correcting it (pending, approved or rejected)
    mapping(bytes32 => bytes32) private _correctedBy;
    bytes32[] private _anchors;
    uint64 private _nextAuditIndex;

    constructor(IValidatorSet validators_, IClassificationVerifier verifier_, uint256 policy_, address securityOfficer_) {
        if (address(validators_) == address(0) || address(verifier_) == address(0) || securityOfficer_ == address(0)) {
            revert ZeroAddress();
        }
        _validators = validators_;
        _verifiers[1] = verifier_;
        verifierVersion = 1;
        policy = policy_;
        securityOfficer = securityOfficer_;
    }

    modifier onlyValidator() {
        if (!_validators.isValidator(msg.sender)) revert NotValidator(msg.sender);
        _;
    }

    function validatorSet() external view returns (address) {
        return address(_validators);
    }

    function verifier() external view returns (address) {
        return address(_verifiers[verifierVersion]);
    }

    function verifierAt(uint32 version) external view returns (address) {
        return address(_verifiers[version]);
    }

    function provedWith(bytes32 recordId) external view returns (uint32) {
        return _tallies[recordId].verifierVersion;
    }

    function voteVerifier(uint32 version, address verifier_, string calldata reason) external onlyValidator {
        // one version at a time, each the next: no vote can skip or reuse one
        if (version != verifierVersion + 1 || verifier_.code.length == 0) revert InvalidVerifier(version, verifier_);
        bytes32 terms = keccak256(abi.encode(version, verifier_));
        mapping(address => bytes32) storage votes = _verifierVotes[version];
        if (votes[msg.sender] == terms) revert AlreadyVoted(terms, msg.sender);
        votes[msg.sender] = terms;
        emit VerifierVoted(version, verifier_, msg.sender, reason);

        if (!_quorumOn(votes, terms)) return;
        _verifiers[version] = IClassificationVerifier(verifier_);
        verifierVersion = version;
        emit VerifierAdopted(version, verifier_, verifier_.codehash);
    }

    function categoryLevel(uint256 category) external view returns (uint8) {
        if (category > 15) revert InvalidSubmission("category");
        return uint8((policy >> (2 * category)) & 3);
    }

    function voteDepartment(address account, bytes32 department, bool register, string calldata reason)
        external
        onlyValidator
    {
        bytes32 current = departmentOf[account];
        // register into a department the account is not in; unregister from the one it is in
        if (account == address(0) || department == bytes32(0) || (register ? current == department : current != department)) {
            revert InvalidDepartment(account, department);
        }
        bytes32 proposal = keccak256(abi.encode(account, _departmentChanges[account]));
        bytes32 terms = keccak256(abi.encode(account, department, register));
        mapping(address => bytes32) storage votes = _departmentVotes[proposal];
        // a validator may change its vote while the change is open (so split
        // votes never deadlock an account), not repeat it
        if (votes[msg.sender] == terms) revert AlreadyVoted(proposal, msg.sender);
        votes[msg.sender] = terms;
        emit DepartmentVoted(account, department, register, msg.sender, reason);

        if (!_quorumOn(votes, terms)) return;
        _departmentChanges[account]++;
        departmentOf[account] = register ? department : bytes32(0);
        emit DepartmentChanged(account, department, register);
    }

    function submit(Submission calldata s, bytes calldata proof) external returns (bytes32 recordId) {
        bytes32 department = departmentOf[msg.sender];
        if (department == bytes32(0) || department != s.department) revert NotDepartment(msg.sender);
        // the dataset id is the department's by construction: no other
        // department can squat it or replay a proof under it
        if (s.datasetId != keccak256(abi.encode(s.department, s.dataset))) revert InvalidSubmission("datasetId");
        if (s.version == 0) revert InvalidSubmission("version");
        if (s.level > 2) revert InvalidSubmission("level");
        // level 2 never leaves the private chain: a released view holds open
        // (0) or conditional (1) columns only
        if (s.threshold > 1) revert InvalidSubmission("threshold");
        if (s.supersedes >= s.version) revert InvalidSubmission("supersedes");
        if (s.contentHash == bytes32(0)) revert InvalidSubmission("contentHash");
        if (shredReceipt[s.datasetId] != bytes32(0)) revert DatasetShredded(s.datasetId);
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

        // reverts on a bad proof; public inputs in the circuit's order. The
        // binding names this record, so a proof copied from another
        // department's (or version's, or content's) submission fails here.
        uint256 binding = SubmissionBinding.compute(s.datasetId, s.version, s.contentHash);
        uint32 v = verifierVersion;
        _verifiers[v].verifyProof(proof, [s.commitment, uint256(s.level), policy, uint256(s.threshold), s.releasedRoot, binding]);

        _submissions[recordId] = s;
        Tally storage t = _tallies[recordId];
        (t.status, t.verifierVersion) = (Status.Pending, v);
        emit Submitted(recordId, s.datasetId, msg.sender, s.department, s.version, proof);
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
        if (t.ballot[msg.sender] != NO_VOTE) revert AlreadyVoted(recordId, msg.sender);
        Submission storage s = _submissions[recordId];
        // nothing of a shredded dataset is approved after its shred: a
        // pending review of it can only be closed by rejections
        if (approve && shredReceipt[s.datasetId] != bytes32(0)) revert DatasetShredded(s.datasetId);
        t.ballot[msg.sender] = approve ? APPROVE : REJECT;
        emit Voted(recordId, msg.sender, approve, reason);

        (uint256 approvals, uint256 rejections, address[] memory current) = _count(t.ballot);
        (t.approvals, t.rejections) = (uint64(approvals), uint64(rejections));
        (bool decided, bool approved) = _decided(approvals, rejections, current.length);
        if (!decided) return;
        t.status = approved ? Status.Approved : Status.Rejected;
        _emitDecision(recordId, s, approved, t.verifierVersion);
    }

    /// Decision in a frame of its own (twelve fields overflow _vote's stack).
    function _emitDecision(bytes32 recordId, Submission storage s, bool approved, uint32 verifierVersion_) private {
        emit Decision(
            recordId,
            s.datasetId,
            s.department,
            s.version,
            s.level,
            s.threshold,
            s.commitment,
            s.releasedRoot,
            s.contentHash,
            s.supersedes,
            approved,
            verifierVersion_
        );
    }

    /// For a pending review the counts are those of the current validators;
    /// a decided one keeps the counts it was decided with.
    function review(bytes32 recordId) external view returns (Status status, uint256 approvals, uint256 rejections) {
        Tally storage t = _tallies[recordId];
        if (t.status == Status.Pending) {
            (approvals, rejections,) = _count(t.ballot);
            return (t.status, approvals, rejections);
        }
        return (t.status, t.approvals, t.rejections);
    }

    function submission(bytes32 recordId) external view returns (Submission memory) {
        return _submissions[recordId];
    }

    function reviewAccess(
        bytes32 requestId,
        bytes32 recordId,
        address requester,
        bool grant,
        uint64 expiresAt,
        string calldata reason
    ) external onlyValidator {
        if (requestId == bytes32(0)) revert InvalidSubmission("requestId");
        if (requester == address(0)) revert InvalidSubmission("requester");
        AccessTally storage t = _access[requestId];
        if (t.status == Status.None) {
            t.status = Status.Pending;
        } else if (t.status != Status.Pending) {
            revert NotPending(requestId);
        }
        if (grant && _tallies[recordId].status != Status.Approved) revert InvalidSubmission("recordId");
        bytes32 datasetId = _submissions[recordId].datasetId;
        if (grant && shredReceipt[datasetId] != bytes32(0)) revert DatasetShredded(datasetId);
        if (t.ballot[msg.sender] != NO_VOTE) revert AlreadyVoted(requestId, msg.sender);
        t.ballot[msg.sender] = grant ? APPROVE : REJECT;
        t.terms[msg.sender] = _terms(grant, recordId, requester, expiresAt);
        emit AccessVoted(requestId, msg.sender, grant, reason);

        // A grant counts only with grants of the same record and expiry, a
        // refusal only with refusals of the same record: a decision always
        // carries terms a quorum (or all but a minority) named.
        (uint256 grants, uint256 refusals, uint256 n) = _countAccess(t, recordId, requester, expiresAt);
        (bool decided, bool granted) = _decided(grants, refusals, n);
        if (!decided) return;
        t.status = granted ? Status.Approved : Status.Rejected;
        (t.approvals, t.rejections) = (uint64(grants), uint64(refusals));
        (t.recordId, t.expiresAt) = (recordId, granted ? expiresAt : 0);
        emit AccessDecision(requestId, recordId, requester, granted, granted ? expiresAt : 0);
    }

    function _terms(bool grant, bytes32 recordId, address requester, uint64 expiresAt) private pure returns (bytes32) {
        return grant ? keccak256(abi.encode(recordId, requester, expiresAt)) : keccak256(abi.encode(recordId, requester));
    }

    /// Current validators' grants of (recordId, requester, expiresAt) and refusals of (recordId, requester).
    function _countAccess(AccessTally storage t, bytes32 recordId, address requester, uint64 expiresAt)
        private
        view
        returns (uint256 grants, uint256 refusals, uint256 n)
    {
        bytes32 grantTerms = _terms(true, recordId, requester, expiresAt);
        bytes32 refuseTerms = _terms(false, recordId, requester, 0);
        address[] memory current = _validators.getValidators();
        for (uint256 i = 0; i < current.length; i++) {
            uint8 b = t.ballot[current[i]];
            bytes32 terms = t.terms[current[i]];
            if (b == APPROVE && terms == grantTerms) grants++;
            else if (b == REJECT && terms == refuseTerms) refusals++;
        }
        return (grants, refusals, current.length);
    }

    /// Approvals and rejections among the current validators.
    function _count(mapping(address => uint8) storage ballot)
        private
        view
        returns (uint256 approvals, uint256 rejections, address[] memory current)
    {
        current = _validators.getValidators();
        for (uint256 i = 0; i < current.length; i++) {
            uint8 b = ballot[current[i]];
            if (b == APPROVE) approvals++;
            else if (b == REJECT) rejections++;
        }
    }

    function accessReview(bytes32 requestId)
        external
        view
        returns (Status status, uint256 approvals, uint256 rejections)
    {
        AccessTally storage t = _access[requestId];
        if (t.status == Status.Pending) {
            (approvals, rejections,) = _count(t.ballot);
            return (t.status, approvals, rejections);
        }
        return (t.status, t.approvals, t.rejections);
    }

    function recordShred(bytes32 datasetId, bytes32 receipt) external {
        if (msg.sender != securityOfficer) revert NotSecurityOfficer(msg.sender);
        if (datasetId == bytes32(0)) revert InvalidSubmission("datasetId");
        if (receipt == bytes32(0)) revert InvalidSubmission("receipt");
        if (shredReceipt[datasetId] != bytes32(0)) revert AlreadyShredded(datasetId);
        shredReceipt[datasetId] = receipt;
        emit Shredded(datasetId, receipt);
    }

    function anchorAudit(bytes32 auditHash, uint64 firstIndex, uint64 lastIndex)
        external
        onlyValidator
        returns (uint256 anchor)
    {
        if (firstIndex != _nextAuditIndex || lastIndex < firstIndex) {
            revert AuditGap(_nextAuditIndex, firstIndex, lastIndex);
        }
        if (lastIndex - firstIndex >= MAX_AUDIT_SPAN) revert AuditSpanTooLarge(firstIndex, lastIndex, MAX_AUDIT_SPAN);
        if (auditHash == bytes32(0)) revert InvalidSubmission("auditHash");
        anchor = _anchors.length;
        _anchors.push(auditHash);
        _nextAuditIndex = lastIndex + 1;
        emit AuditAnchored(anchor, msg.sender, auditHash, firstIndex, lastIndex);
    }

    function auditAnchors() external view returns (uint256 count, uint64 nextIndex) {
        return (_anchors.length, _nextAuditIndex);
    }

    /// Whether quorum() current validators voted terms: a removed validator's
    /// vote no longer counts, and votes for other terms do not add up.
    function _quorumOn(mapping(address => bytes32) storage votes, bytes32 terms) private view returns (bool) {
        address[] memory vals = _validators.getValidators();
        uint256 same;
        for (uint256 i = 0; i < vals.length; i++) {
            if (votes[vals[i]] == terms) same++;
        }
        return same >= _validators.quorum();
    }

    /// Approved at quorum; rejected once approvals can no longer reach it.
    /// Counts and n are of the current set (read at each vote), as is the
    /// quorum: a set change mid-review applies to both at once.
    function _decided(uint256 approvals, uint256 rejections, uint256 n)
        private
        view
        returns (bool decided, bool approved)
    {
        uint256 q = _validators.quorum();
        if (approvals >= q) return (true, true);
        if (rejections > n - q) return (true, false);
        return (false, false);
    }
}
