// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {Test, Vm} from "forge-std/Test.sol";
import {ReviewBoard} from "../src/ReviewBoard.sol";
import {ValidatorSet} from "../src/ValidatorSet.sol";
import {IReviewBoard} from "../src/interfaces/IReviewBoard.sol";
import {IValidatorSet} from "../src/interfaces/IValidatorSet.sol";
import {IClassificationVerifier} from "../src/interfaces/IClassificationVerifier.sol";
import {VerifierDouble, CeremonyVerifierDouble} from "./utils/VerifierDouble.sol";
import {SubmissionBinding} from "../src/libraries/SubmissionBinding.sol";

contract ReviewBoardTest is Test {
    // categories 0..3 at levels 0,1,2,0; the rest "not in policy" (3)
    uint256 internal constant POLICY = (0 << 0) | (1 << 2) | (2 << 4) | (0 << 6) | (0xffffff << 8);
    ValidatorSet internal set;
    VerifierDouble internal verifier;
    ReviewBoard internal board;
    address[] internal vals;
    address internal dept = address(0xDE97);
    address internal taxDept = address(0x7A7);
    address internal requester = address(0x5EEC);
    address internal officer = address(0x0FF1CE);
    bytes32 internal constant HEALTH = keccak256("health");
    bytes32 internal constant TAX = keccak256("tax");
    bytes32 internal constant DATASET = keccak256("traffic counts");

    function setUp() public {
        for (uint256 i = 1; i <= 4; i++) vals.push(address(uint160(0x100 * i)));
        set = new ValidatorSet(vals);
        verifier = new VerifierDouble();
        board = new ReviewBoard(set, verifier, POLICY, officer);
        _register(board, vals, dept, HEALTH);
    }

    /// Registers account under department on b: votes of the same terms from
    /// vs in order until decided.
    function _register(ReviewBoard b, address[] memory vs, address account, bytes32 department) internal {
        for (uint256 i = 0; i < vs.length && b.departmentOf(account) != department; i++) {
            vm.prank(vs[i]);
            b.voteDepartment(account, department, true, "department of the government");
        }
        assertEq(b.departmentOf(account), department, "not registered");
    }

    function _datasetId(bytes32 department, bytes32 dataset) internal pure returns (bytes32) {
        return keccak256(abi.encode(department, dataset));
    }

    function _sub(uint64 version) internal pure returns (IReviewBoard.Submission memory s) {
        s.department = HEALTH;
        s.dataset = DATASET;
        s.datasetId = _datasetId(HEALTH, DATASET);
        s.version = version;
        s.level = 1;
        s.threshold = 0;
        s.commitment = 111;
        s.releasedRoot = 222;
        s.contentHash = keccak256("content");
    }

    function _proof(IReviewBoard.Submission memory s) internal view returns (bytes memory) {
        uint256 binding = SubmissionBinding.compute(s.datasetId, s.version, s.contentHash);
        uint256[6] memory input = [s.commitment, uint256(s.level), POLICY, uint256(s.threshold), s.releasedRoot, binding];
        return abi.encodePacked(verifier.proofFor(input));
    }

    function _submit(uint64 version) internal returns (bytes32) {
        IReviewBoard.Submission memory s = _sub(version);
        bytes memory proof = _proof(s);
        vm.prank(dept);
        return board.submit(s, proof);
    }

    function test_constructor() public view {
        assertEq(board.policy(), POLICY);
        assertEq(board.validatorSet(), address(set));
        assertEq(board.verifier(), address(verifier));
        assertEq(board.securityOfficer(), officer);
        assertEq(board.categoryLevel(1), 1);
        assertEq(board.categoryLevel(2), 2);
        assertEq(board.categoryLevel(9), 3);
    }

    function test_RevertWhen_constructorZero() public {
        vm.expectRevert(IReviewBoard.ZeroAddress.selector);
        new ReviewBoard(IValidatorSet(address(0)), verifier, POLICY, officer);
        vm.expectRevert(IReviewBoard.ZeroAddress.selector);
        new ReviewBoard(set, IClassificationVerifier(address(0)), POLICY, officer);
        vm.expectRevert(IReviewBoard.ZeroAddress.selector);
        new ReviewBoard(set, verifier, POLICY, address(0));
    }

    function test_RevertWhen_categoryOutOfRange() public {
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.InvalidSubmission.selector, "category"));
        board.categoryLevel(16);
    }

    function test_submit_verifiesAndOpens() public {
        IReviewBoard.Submission memory s = _sub(1);
        bytes32 id = keccak256(abi.encode(s.datasetId, s.version));
        bytes memory proof = _proof(s);
        vm.expectEmit(true, true, true, true);
        emit IReviewBoard.Submitted(id, s.datasetId, dept, HEALTH, 1, proof);
        vm.prank(dept);
        assertEq(board.submit(s, proof), id);
        (IReviewBoard.Status st, uint256 a, uint256 r) = board.review(id);
        assertEq(uint256(st), uint256(IReviewBoard.Status.Pending));
        assertEq(a + r, 0);
        assertEq(board.submission(id).contentHash, s.contentHash);
    }

    function test_RevertWhen_submitBadProof() public {
        IReviewBoard.Submission memory s = _sub(1);
        bytes memory proof = _proof(s);
        s.level = 0; // proof was for level 1
        vm.prank(dept);
        vm.expectRevert(VerifierDouble.ProofInvalid.selector);
        board.submit(s, proof);
    }

    function test_RevertWhen_submitInvalid() public {
        vm.startPrank(dept);
        IReviewBoard.Submission memory s = _sub(1);
        s.datasetId = 0;
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.InvalidSubmission.selector, "datasetId"));
        board.submit(s, "");
        s = _sub(1);
        s.dataset = keccak256("another dataset"); // datasetId no longer of (department, dataset)
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.InvalidSubmission.selector, "datasetId"));
        board.submit(s, "");
        s = _sub(0);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.InvalidSubmission.selector, "version"));
        board.submit(s, "");
        s = _sub(1);
        s.level = 3;
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.InvalidSubmission.selector, "level"));
        board.submit(s, "");
        s = _sub(1);
        s.threshold = 3;
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.InvalidSubmission.selector, "threshold"));
        board.submit(s, "");
        // threshold 2 would release sensitive columns: level 2 never leaves the private chain
        s = _sub(1);
        s.level = 2;
        s.threshold = 2;
        bytes memory proof = _proof(s); // a valid proof: the circuit allows it, the board does not
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.InvalidSubmission.selector, "threshold"));
        board.submit(s, proof);
        s = _sub(1);
        s.supersedes = 1;
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.InvalidSubmission.selector, "supersedes"));
        board.submit(s, "");
        s = _sub(1);
        s.contentHash = 0;
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.InvalidSubmission.selector, "contentHash"));
        board.submit(s, "");
        vm.stopPrank();
    }

    function test_RevertWhen_submitTwice() public {
        bytes32 id = _submit(1);
        IReviewBoard.Submission memory s = _sub(1);
        bytes memory proof = _proof(s);
        vm.prank(dept);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.AlreadySubmitted.selector, id));
        board.submit(s, proof);
    }

    /// One correction per version at a time: a second one is refused while the
    /// first is pending or approved, accepted once it is rejected.
    function test_submit_oneCorrectionPerVersion() public {
        bytes32 v1 = _submit(1);
        IReviewBoard.Submission memory c2 = _sub(2);
        c2.supersedes = 1;
        bytes memory proof2 = _proof(c2);
        vm.prank(dept);
        bytes32 id2 = board.submit(c2, proof2);
        IReviewBoard.Submission memory c3 = _sub(3);
        c3.supersedes = 1;
        bytes memory proof3 = _proof(c3);
        vm.prank(dept);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.AlreadyCorrected.selector, v1, id2));
        board.submit(c3, proof3);
        for (uint256 i = 0; i < 2; i++) {
            vm.prank(vals[i]);
            board.vote(id2, false, "wrong fix");
        }
        (IReviewBoard.Status st,,) = board.review(id2);
        assertEq(uint256(st), uint256(IReviewBoard.Status.Rejected));
        vm.prank(dept);
        bytes32 id3 = board.submit(c3, proof3);
        IReviewBoard.Submission memory c4 = _sub(4);
        c4.supersedes = 1;
        bytes memory proof4 = _proof(c4);
        vm.prank(dept);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.AlreadyCorrected.selector, v1, id3));
        board.submit(c4, proof4);
    }

    function test_vote_approvesAtQuorum() public {
        bytes32 id = _submit(1);
        IReviewBoard.Submission memory s = _sub(1);
        vm.prank(vals[0]);
        vm.expectEmit(true, true, false, true);
        emit IReviewBoard.Voted(id, vals[0], true, "schema ok");
        board.vote(id, true, "schema ok");
        vm.prank(vals[1]);
        board.vote(id, false, "column 4 looks personal");
        vm.prank(vals[2]);
        board.vote(id, true, "policy ok");
        vm.prank(vals[3]);
        vm.expectEmit(true, true, false, true);
        emit IReviewBoard.Decision(id, s.datasetId, HEALTH, 1, 1, 0, 111, 222, s.contentHash, 0, true, 1);
        board.vote(id, true, "content ok");
        (IReviewBoard.Status st, uint256 a, uint256 r) = board.review(id);
        assertEq(uint256(st), uint256(IReviewBoard.Status.Approved));
        assertEq(a, 3);
        assertEq(r, 1);
    }

    function test_vote_rejectsWhenApprovalUnreachable() public {
        bytes32 id = _submit(1);
        vm.prank(vals[0]);
        board.vote(id, false, "no");
        IReviewBoard.Submission memory s = _sub(1);
        vm.prank(vals[1]);
        vm.expectEmit(true, true, false, true);
        emit IReviewBoard.Decision(id, s.datasetId, HEALTH, 1, 1, 0, 111, 222, s.contentHash, 0, false, 1);
        board.vote(id, false, "no"); // n=4, q=3: two rejections make 3 approvals impossible
        (IReviewBoard.Status st,,) = board.review(id);
        assertEq(uint256(st), uint256(IReviewBoard.Status.Rejected));
        vm.prank(vals[2]);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.NotPending.selector, id));
        board.vote(id, true, "late");
    }

    function test_voteBatch_decidesManyInOneTransaction() public {
        bytes32[] memory ids = new bytes32[](3);
        bool[] memory yes = new bool[](3);
        string[] memory why = new string[](3);
        for (uint64 v = 1; v <= 3; v++) {
            ids[v - 1] = _submit(v);
            yes[v - 1] = true;
            why[v - 1] = "ok";
        }
        vm.prank(vals[0]);
        board.voteBatch(ids, yes, why);
        vm.prank(vals[1]);
        board.voteBatch(ids, yes, why);
        vm.recordLogs();
        vm.prank(vals[2]);
        board.voteBatch(ids, yes, why);
        uint256 decisions = 0;
        Vm.Log[] memory logs = vm.getRecordedLogs();
        for (uint256 i = 0; i < logs.length; i++) {
            if (logs[i].topics[0] == IReviewBoard.Decision.selector) decisions++;
        }
        assertEq(decisions, 3);
        for (uint256 i = 0; i < 3; i++) {
            (IReviewBoard.Status st,,) = board.review(ids[i]);
            assertEq(uint256(st), uint256(IReviewBoard.Status.Approved));
        }
    }

    function test_RevertWhen_voteBatchBad() public {
        bytes32[] memory ids = new bytes32[](1);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.NotValidator.selector, address(this)));
        board.voteBatch(ids, new bool[](1), new string[](1));
        vm.startPrank(vals[0]);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.InvalidSubmission.selector, "batch"));
        board.voteBatch(ids, new bool[](2), new string[](1));
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.InvalidSubmission.selector, "batch"));
        board.voteBatch(new bytes32[](0), new bool[](0), new string[](0));
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.NotPending.selector, bytes32(0)));
        board.voteBatch(ids, new bool[](1), new string[](1));
        vm.stopPrank();
    }

    /// Vote counting: with n validators and quorum q = ⌈2n/3⌉, a record is
    /// approved exactly when approvals reach q, rejected exactly when
    /// rejections exceed n − q, and never decided earlier, in any vote order.
    function testFuzz_voteCounting(uint8 nRaw, uint256 pattern, uint256 orderSeed) public {
        uint256 n = bound(nRaw, 1, 10);
        address[] memory vs = new address[](n);
        for (uint256 i = 0; i < n; i++) vs[i] = address(uint160(0x1000 + i));
        ValidatorSet s = new ValidatorSet(vs);
        ReviewBoard b = new ReviewBoard(s, verifier, POLICY, officer);
        _register(b, vs, dept, HEALTH);
        IReviewBoard.Submission memory sub = _sub(1);
        bytes memory proof = _proof(sub);
        vm.prank(dept);
        bytes32 id = b.submit(sub, proof);
        uint256 q = (2 * n + 2) / 3;
        for (uint256 i = n - 1; i > 0; i--) {
            uint256 j = uint256(keccak256(abi.encode(orderSeed, i))) % (i + 1);
            (vs[i], vs[j]) = (vs[j], vs[i]);
        }
        uint256 yes;
        uint256 no;
        for (uint256 i = 0; i < n; i++) {
            bool approve = (pattern >> i) & 1 == 1;
            vm.prank(vs[i]);
            b.vote(id, approve, "");
            if (approve) yes++;
            else no++;
            (IReviewBoard.Status st, uint256 a, uint256 r) = b.review(id);
            assertEq(a, yes);
            assertEq(r, no);
            if (yes >= q) {
                assertEq(uint256(st), uint256(IReviewBoard.Status.Approved));
                return;
            }
            if (no > n - q) {
                assertEq(uint256(st), uint256(IReviewBoard.Status.Rejected));
                return;
            }
            assertEq(uint256(st), uint256(IReviewBoard.Status.Pending));
        }
        revert("all validators voted and nothing was decided");
    }

    function test_RevertWhen_voteBad() public {
        bytes32 id = _submit(1);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.NotValidator.selector, address(this)));
        board.vote(id, true, "");
        vm.prank(vals[0]);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.NotPending.selector, bytes32(uint256(1))));
        board.vote(bytes32(uint256(1)), true, "");
        vm.prank(vals[0]);
        board.vote(id, true, "");
        vm.prank(vals[0]);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.AlreadyVoted.selector, id, vals[0]));
        board.vote(id, true, "");
    }

    function _approve(bytes32 id) internal {
        for (uint256 i = 0; i < 3; i++) {
            vm.prank(vals[i]);
            board.vote(id, true, "ok");
        }
    }

    function test_reviewAccess_grantAtQuorum() public {
        bytes32 id = _submit(1);
        _approve(id);
        bytes32 req = keccak256("request 1");
        vm.prank(vals[0]);
        board.reviewAccess(req, id, requester, true, 1000, "research ethics approved");
        vm.prank(vals[1]);
        board.reviewAccess(req, id, requester, true, 1000, "ok");
        vm.prank(vals[2]);
        vm.expectEmit(true, true, false, true);
        emit IReviewBoard.AccessDecision(req, id, requester, true, 1000);
        board.reviewAccess(req, id, requester, true, 1000, "ok");
        (IReviewBoard.Status st, uint256 a,) = board.accessReview(req);
        assertEq(uint256(st), uint256(IReviewBoard.Status.Approved));
        assertEq(a, 3);
        vm.prank(vals[3]);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.NotPending.selector, req));
        board.reviewAccess(req, id, requester, true, 1000, "late");
    }

    function test_reviewAccess_deny() public {
        bytes32 id = _submit(1);
        _approve(id);
        bytes32 req = keccak256("request 2");
        vm.prank(vals[0]);
        board.reviewAccess(req, id, requester, false, 1000, "no purpose");
        vm.prank(vals[1]);
        vm.expectEmit(true, true, false, true);
        emit IReviewBoard.AccessDecision(req, id, requester, false, 0);
        board.reviewAccess(req, id, requester, false, 1000, "no");
    }

    function test_RevertWhen_reviewAccessBad() public {
        bytes32 id = _submit(1);
        bytes32 req = keccak256("r");
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.NotValidator.selector, address(this)));
        board.reviewAccess(req, id, requester, true, 1, "");
        vm.startPrank(vals[0]);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.InvalidSubmission.selector, "recordId"));
        board.reviewAccess(req, id, requester, true, 1, ""); // record not approved yet
        vm.stopPrank();
        _approve(id);
        vm.startPrank(vals[0]);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.InvalidSubmission.selector, "requestId"));
        board.reviewAccess(bytes32(0), id, requester, true, 1, "");
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.InvalidSubmission.selector, "requester"));
        board.reviewAccess(req, id, address(0), true, 1, "");
        board.reviewAccess(req, id, requester, true, 1, "");
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.AlreadyVoted.selector, req, vals[0]));
        board.reviewAccess(req, id, requester, true, 1, "");
        vm.stopPrank();
    }

    function _input(IReviewBoard.Submission memory s) internal pure returns (uint256[6] memory) {
        uint256 binding = SubmissionBinding.compute(s.datasetId, s.version, s.contentHash);
        return [s.commitment, uint256(s.level), POLICY, uint256(s.threshold), s.releasedRoot, binding];
    }

    /// Issue 15 item 7: a new verifier (another ceremony's) is adopted as
    /// version 2 by a quorum; until then its proofs are refused, after it
    /// the old keys' proofs are. Each record keeps the version its proof
    /// passed, which its Decision carries.
    function test_voteVerifier_adoptsNextVersionAtQuorum() public {
        CeremonyVerifierDouble next = new CeremonyVerifierDouble(keccak256("ceremony 2"));
        bytes32 before = _submit(1); // proved under version 1

        IReviewBoard.Submission memory s = _sub(2);
        bytes memory nextProof = abi.encodePacked(next.proofFor(_input(s)));
        for (uint256 i = 0; i < 2; i++) {
            vm.prank(vals[i]);
            vm.expectEmit(true, true, false, true);
            emit IReviewBoard.VerifierVoted(2, address(next), vals[i], "ceremony 2 sealed");
            board.voteVerifier(2, address(next), "ceremony 2 sealed");
        }
        // two of four: not adopted, so the new keys' proof is refused
        assertEq(board.verifierVersion(), 1);
        vm.prank(dept);
        vm.expectRevert(CeremonyVerifierDouble.ProofInvalid.selector);
        board.submit(s, nextProof);

        vm.prank(vals[2]);
        vm.expectEmit(true, false, false, true);
        emit IReviewBoard.VerifierAdopted(2, address(next), address(next).codehash);
        board.voteVerifier(2, address(next), "ceremony 2 sealed");
        assertEq(board.verifierVersion(), 2);
        assertEq(board.verifier(), address(next));
        assertEq(board.verifierAt(1), address(verifier), "version 1 forgotten");
        assertEq(board.verifierAt(2), address(next));

        // the old keys' proof is refused now, the new one passes
        bytes memory oldProof = _proof(s);
        vm.prank(dept);
        vm.expectRevert(CeremonyVerifierDouble.ProofInvalid.selector);
        board.submit(s, oldProof);
        vm.prank(dept);
        bytes32 id = board.submit(s, nextProof);
        assertEq(board.provedWith(id), 2);
        assertEq(board.provedWith(before), 1);

        // a record submitted before the change is decided with its own version
        vm.prank(vals[0]);
        board.vote(before, true, "ok");
        vm.prank(vals[1]);
        board.vote(before, true, "ok");
        vm.prank(vals[2]);
        vm.expectEmit(true, true, false, true);
        emit IReviewBoard.Decision(before, _datasetId(HEALTH, DATASET), HEALTH, 1, 1, 0, 111, 222, keccak256("content"), 0, true, 1);
        board.vote(before, true, "ok");
    }

    /// Only validators vote; only the next version, a contract, once per
    /// validator and terms; split votes do not add up.
    function test_RevertWhen_voteVerifierBad() public {
        CeremonyVerifierDouble next = new CeremonyVerifierDouble(keccak256("ceremony 2"));
        CeremonyVerifierDouble other = new CeremonyVerifierDouble(keccak256("ceremony 2b"));
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.NotValidator.selector, address(this)));
        board.voteVerifier(2, address(next), "x");
        vm.startPrank(vals[0]);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.InvalidVerifier.selector, uint32(3), address(next)));
        board.voteVerifier(3, address(next), "skips a version");
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.InvalidVerifier.selector, uint32(1), address(next)));
        board.voteVerifier(1, address(next), "reuses a version");
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.InvalidVerifier.selector, uint32(2), address(0xC0DE)));
        board.voteVerifier(2, address(0xC0DE), "no code");
        board.voteVerifier(2, address(next), "ok");
        vm.expectRevert(
            abi.encodeWithSelector(IReviewBoard.AlreadyVoted.selector, keccak256(abi.encode(uint32(2), address(next))), vals[0])
        );
        board.voteVerifier(2, address(next), "again");
        vm.stopPrank();
        // two for next, one for other, then validator 0 moves to other: still none at quorum
        vm.prank(vals[1]);
        board.voteVerifier(2, address(next), "ok");
        vm.prank(vals[2]);
        board.voteVerifier(2, address(other), "ok");
        vm.prank(vals[0]);
        board.voteVerifier(2, address(other), "changed my mind");
        assertEq(board.verifierVersion(), 1, "split votes adopted a verifier");
        vm.prank(vals[3]);
        board.voteVerifier(2, address(other), "ok");
        assertEq(board.verifier(), address(other));
    }

    /// Issue 15 item 4: the officer records a dataset's shred once; only the
    /// officer, never a zero dataset or receipt.
    function test_recordShred() public {
        bytes32 ds = _datasetId(HEALTH, DATASET);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.NotSecurityOfficer.selector, vals[0]));
        vm.prank(vals[0]);
        board.recordShred(ds, keccak256("receipt"));
        vm.startPrank(officer);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.InvalidSubmission.selector, "datasetId"));
        board.recordShred(bytes32(0), keccak256("receipt"));
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.InvalidSubmission.selector, "receipt"));
        board.recordShred(ds, bytes32(0));
        vm.expectEmit(true, false, false, true);
        emit IReviewBoard.Shredded(ds, keccak256("receipt"));
        board.recordShred(ds, keccak256("receipt"));
        assertEq(board.shredReceipt(ds), keccak256("receipt"));
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.AlreadyShredded.selector, ds));
        board.recordShred(ds, keccak256("another"));
        vm.stopPrank();
    }

    /// After its shred a dataset takes no new version, no approval of a
    /// pending one and no access grant; rejections still close a pending
    /// review, and an approval from before the shred stands. So every
    /// approved Decision of the dataset is older than its Shredded log.
    function test_shreddedDataset_noNewVersionNoApprovalNoGrant() public {
        bytes32 approved = _submit(1);
        _approve(approved);
        bytes32 pending = _submit(2);
        vm.prank(vals[0]);
        board.vote(pending, true, "ok before the shred");
        bytes32 ds = _datasetId(HEALTH, DATASET);
        vm.prank(officer);
        board.recordShred(ds, keccak256("receipt"));

        IReviewBoard.Submission memory s = _sub(3);
        bytes memory proof = _proof(s);
        vm.prank(dept);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.DatasetShredded.selector, ds));
        board.submit(s, proof);
        vm.prank(vals[1]);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.DatasetShredded.selector, ds));
        board.vote(pending, true, "ok");
        vm.prank(vals[1]);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.DatasetShredded.selector, ds));
        board.reviewAccess(keccak256("req"), approved, requester, true, 1000, "ok");

        vm.prank(vals[1]);
        board.vote(pending, false, "dataset shredded");
        vm.prank(vals[2]);
        vm.expectEmit(true, true, false, false);
        emit IReviewBoard.Decision(pending, ds, HEALTH, 2, 1, 0, 111, 222, keccak256("content"), 0, false, 1);
        board.vote(pending, false, "dataset shredded");
        (IReviewBoard.Status st,,) = board.review(pending);
        assertEq(uint256(st), uint256(IReviewBoard.Status.Rejected));
        (st,,) = board.review(approved);
        assertEq(uint256(st), uint256(IReviewBoard.Status.Approved));
    }

    /// Issue 13 item 1: validators 0 and 1 approve, validator 0 is removed,
    /// validator 2 rejects. Counting the removed validator's approval against
    /// the smaller set's quorum (2 of 3) approved the record; only current
    /// members count.
    function test_vote_removedValidatorsVoteNoLongerCounts() public {
        bytes32 id = _submit(1);
        vm.prank(vals[0]);
        board.vote(id, true, "ok");
        vm.prank(vals[1]);
        board.vote(id, true, "ok");
        for (uint256 i = 1; i < 4; i++) {
            vm.prank(vals[i]);
            set.propose(vals[0], false);
        }
        assertFalse(set.isValidator(vals[0]));
        (, uint256 a,) = board.review(id);
        assertEq(a, 1, "removed validator's approval still counted");
        vm.prank(vals[2]);
        board.vote(id, false, "column 4 is personal");
        (IReviewBoard.Status st, uint256 approvals, uint256 rejections) = board.review(id);
        assertEq(uint256(st), uint256(IReviewBoard.Status.Pending));
        assertEq(approvals, 1);
        assertEq(rejections, 1);
        vm.prank(vals[3]);
        board.vote(id, true, "ok");
        (st,,) = board.review(id);
        assertEq(uint256(st), uint256(IReviewBoard.Status.Approved));
    }

    /// Issue 13 item 5: a first vote with its own terms no longer pins them:
    /// honest validators voting other terms still decide.
    function test_reviewAccess_firstVoteCannotPinTerms() public {
        bytes32 id = _submit(1);
        _approve(id);
        bytes32 req = keccak256("request 3");
        vm.prank(vals[0]); // hostile: an expiry far in the future
        board.reviewAccess(req, id, requester, true, type(uint64).max, "forever");
        vm.prank(vals[1]);
        board.reviewAccess(req, id, requester, true, 1000, "ok");
        vm.prank(vals[2]);
        board.reviewAccess(req, id, requester, true, 1000, "ok");
        (IReviewBoard.Status st,,) = board.accessReview(req);
        assertEq(uint256(st), uint256(IReviewBoard.Status.Pending), "two grants of the same terms are not a quorum of four");
        vm.prank(vals[3]);
        vm.expectEmit(true, true, false, true);
        emit IReviewBoard.AccessDecision(req, id, requester, true, 1000);
        board.reviewAccess(req, id, requester, true, 1000, "ok");
    }

    /// A refusal naming another record does not count with refusals of the
    /// request's record, so a hostile vote cannot make the decision carry a
    /// record the public registry would refuse.
    function test_reviewAccess_refusalsOfOneRecordDecide() public {
        bytes32 id = _submit(1);
        _approve(id);
        bytes32 req = keccak256("request 4");
        vm.prank(vals[0]);
        board.reviewAccess(req, keccak256("another record"), requester, false, 0, "hostile");
        vm.prank(vals[1]);
        board.reviewAccess(req, id, requester, false, 0, "no purpose given");
        (IReviewBoard.Status st,,) = board.accessReview(req);
        assertEq(uint256(st), uint256(IReviewBoard.Status.Pending));
        vm.prank(vals[2]);
        vm.expectEmit(true, true, false, true);
        emit IReviewBoard.AccessDecision(req, id, requester, false, 0);
        board.reviewAccess(req, id, requester, false, 0, "no");
    }

    function test_anchorAudit() public {
        vm.prank(vals[0]);
        vm.expectEmit(true, true, false, true);
        emit IReviewBoard.AuditAnchored(0, vals[0], keccak256("a"), 0, 99);
        assertEq(board.anchorAudit(keccak256("a"), 0, 99), 0);
        vm.prank(vals[1]);
        assertEq(board.anchorAudit(keccak256("b"), 100, 100), 1);
        (uint256 n, uint64 next) = board.auditAnchors();
        assertEq(n, 2);
        assertEq(next, 101);
    }

    /// Issue 13 item 4: one validator anchoring lastIndex = 2^64 - 2 locked
    /// anchoring for everyone (the next anchor must start at lastIndex + 1).
    function test_RevertWhen_anchorSpanTooLarge() public {
        uint64 max = board.MAX_AUDIT_SPAN();
        vm.startPrank(vals[0]);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.AuditSpanTooLarge.selector, 0, type(uint64).max - 1, max));
        board.anchorAudit(keccak256("lock"), 0, type(uint64).max - 1);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.AuditSpanTooLarge.selector, 0, max, max));
        board.anchorAudit(keccak256("lock"), 0, max);
        board.anchorAudit(keccak256("a"), 0, max - 1);
        vm.stopPrank();
        vm.prank(vals[1]);
        board.anchorAudit(keccak256("b"), max, max);
    }

    function test_RevertWhen_anchorAuditBad() public {
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.NotValidator.selector, address(this)));
        board.anchorAudit(keccak256("a"), 0, 1);
        vm.startPrank(vals[0]);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.AuditGap.selector, 0, 1, 5));
        board.anchorAudit(keccak256("a"), 1, 5);
        board.anchorAudit(keccak256("a"), 0, 4);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.AuditGap.selector, 5, 5, 4));
        board.anchorAudit(keccak256("b"), 5, 4); // last before first
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.InvalidSubmission.selector, "auditHash"));
        board.anchorAudit(bytes32(0), 5, 6);
        vm.stopPrank();
    }

    // ---- department register and submission binding (issue 13 item 2) ----

    /// The squat of the review: any account submitted a junk (dataset,
    /// version) first, so the department's real one failed AlreadySubmitted.
    function test_RevertWhen_submitNotDepartment() public {
        address squatter = address(0xBAD);
        IReviewBoard.Submission memory junk = _sub(1);
        junk.commitment = 666;
        bytes memory proof = _proof(junk);
        vm.prank(squatter);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.NotDepartment.selector, squatter));
        board.submit(junk, proof);
        // a validator is no department either
        vm.prank(vals[0]);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.NotDepartment.selector, vals[0]));
        board.submit(junk, proof);
        // the department's own submission goes through
        _submit(1);
    }

    /// Department B (registered) can neither take A's dataset id under its own
    /// department (the id is not of B's) nor claim A's department.
    function test_RevertWhen_otherDepartmentSquatsDatasetId() public {
        _register(board, vals, taxDept, TAX);
        IReviewBoard.Submission memory s = _sub(1); // A's (health's) dataset id
        bytes memory proof = _proof(s);
        s.department = TAX;
        vm.prank(taxDept);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.InvalidSubmission.selector, "datasetId"));
        board.submit(s, proof);
        s.department = HEALTH;
        vm.prank(taxDept);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.NotDepartment.selector, taxDept));
        board.submit(s, proof);
        // B's own dataset of the same name is a different id: A's proof is
        // bound to A's id and is refused there; B's own proof is accepted
        IReviewBoard.Submission memory own = _sub(1);
        own.department = TAX;
        own.datasetId = _datasetId(TAX, DATASET);
        vm.prank(taxDept);
        vm.expectRevert(VerifierDouble.ProofInvalid.selector);
        board.submit(own, proof);
        bytes memory ownProof = _proof(own);
        vm.prank(taxDept);
        board.submit(own, ownProof);
        assertTrue(own.datasetId != _sub(1).datasetId);
        _submit(1); // A's version 1 is still A's to submit
    }

    /// The replay of the review: a proof taken from A's Submitted event,
    /// resubmitted by B under A's dataset id at another version, or under A's
    /// dataset id named as B's.
    function test_RevertWhen_replaySubmittedProof() public {
        _register(board, vals, taxDept, TAX);
        vm.recordLogs();
        _submit(1);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        bytes memory proof;
        for (uint256 i = 0; i < logs.length; i++) {
            if (logs[i].topics[0] == IReviewBoard.Submitted.selector) {
                (,, proof) = abi.decode(logs[i].data, (bytes32, uint64, bytes));
            }
        }
        assertGt(proof.length, 0, "no Submitted proof");
        IReviewBoard.Submission memory s = _sub(2); // A's id, next version, A's public facts
        vm.prank(taxDept);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.NotDepartment.selector, taxDept));
        board.submit(s, proof);
        s.department = TAX;
        vm.prank(taxDept);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.InvalidSubmission.selector, "datasetId"));
        board.submit(s, proof);
        s.dataset = keccak256("another"); // B's dataset key, A's dataset id
        vm.prank(taxDept);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.InvalidSubmission.selector, "datasetId"));
        board.submit(s, proof);
    }

    /// Whatever an account names, it submits only as its registered department
    /// and only under a dataset id of that department.
    function testFuzz_submit_onlyOwnDepartmentsDatasetIds(
        address caller,
        bytes32 department,
        bytes32 dataset,
        bytes32 datasetId,
        uint8 how
    ) public {
        vm.assume(caller != dept);
        IReviewBoard.Submission memory s = _sub(1);
        if (how % 3 == 1) datasetId = _datasetId(department, dataset); // a well-formed id of the named department
        if (how % 3 == 2) (department, dataset, datasetId) = (HEALTH, DATASET, s.datasetId); // A's exactly
        (s.department, s.dataset, s.datasetId) = (department, dataset, datasetId);
        bytes memory proof = _proof(s);
        vm.prank(caller);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.NotDepartment.selector, caller));
        board.submit(s, proof);
        // the department itself: accepted exactly for its own, well-formed ids
        bool ok = department == HEALTH && datasetId == _datasetId(HEALTH, dataset);
        vm.prank(dept);
        if (!ok) {
            vm.expectRevert(
                department != HEALTH
                    ? abi.encodeWithSelector(IReviewBoard.NotDepartment.selector, dept)
                    : abi.encodeWithSelector(IReviewBoard.InvalidSubmission.selector, "datasetId")
            );
        }
        board.submit(s, proof);
    }

    function test_voteDepartment_registersAtQuorumOfSameTerms() public {
        address acct = address(0xACC7);
        vm.prank(vals[0]);
        vm.expectEmit(true, true, true, true);
        emit IReviewBoard.DepartmentVoted(acct, TAX, true, vals[0], "tax office");
        board.voteDepartment(acct, TAX, true, "tax office");
        assertEq(board.departmentOf(acct), bytes32(0), "one vote decided");
        // votes for other terms do not add up
        vm.prank(vals[1]);
        board.voteDepartment(acct, HEALTH, true, "health, surely");
        vm.prank(vals[2]);
        board.voteDepartment(acct, TAX, true, "tax office");
        assertEq(board.departmentOf(acct), bytes32(0), "two of four on the same terms decided");
        vm.prank(vals[3]);
        vm.expectEmit(true, true, false, true);
        emit IReviewBoard.DepartmentChanged(acct, TAX, true);
        board.voteDepartment(acct, TAX, true, "tax office");
        assertEq(board.departmentOf(acct), TAX);
    }

    /// A validator may change its vote while the change is open: split votes do not deadlock.
    function test_voteDepartment_changedVoteCountsOnce() public {
        address acct = address(0xACC7);
        vm.prank(vals[0]);
        board.voteDepartment(acct, HEALTH, true, "first thought");
        vm.prank(vals[1]);
        board.voteDepartment(acct, TAX, true, "");
        vm.prank(vals[2]);
        board.voteDepartment(acct, TAX, true, "");
        assertEq(board.departmentOf(acct), bytes32(0));
        vm.prank(vals[0]);
        board.voteDepartment(acct, TAX, true, "changed my mind");
        assertEq(board.departmentOf(acct), TAX);
    }

    /// Validator 0 votes, is removed (3 left, quorum 2); validator 1's vote alone
    /// must not decide, as it would if the removed validator's vote still counted.
    function test_voteDepartment_removedValidatorsVoteNoLongerCounts() public {
        address acct = address(0xACC7);
        vm.prank(vals[0]);
        board.voteDepartment(acct, TAX, true, "");
        for (uint256 i = 1; i < 4; i++) {
            vm.prank(vals[i]);
            set.propose(vals[0], false);
        }
        assertEq(set.quorum(), 2);
        vm.prank(vals[1]);
        board.voteDepartment(acct, TAX, true, "");
        assertEq(board.departmentOf(acct), bytes32(0), "removed validator's vote counted");
        vm.prank(vals[0]);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.NotValidator.selector, vals[0]));
        board.voteDepartment(acct, TAX, true, "");
        vm.prank(vals[2]);
        board.voteDepartment(acct, TAX, true, "");
        assertEq(board.departmentOf(acct), TAX);
    }

    /// Each decided change of an account is its own proposal: unregister,
    /// then register again (the earlier votes of the same terms do not carry over).
    function test_voteDepartment_unregisterThenRegisterAgain() public {
        IReviewBoard.Submission memory s = _sub(1);
        bytes memory proof = _proof(s);
        for (uint256 i = 0; i < 3; i++) {
            vm.prank(vals[i]);
            if (i == 2) {
                vm.expectEmit(true, true, false, true);
                emit IReviewBoard.DepartmentChanged(dept, HEALTH, false);
            }
            board.voteDepartment(dept, HEALTH, false, "key compromised");
        }
        assertEq(board.departmentOf(dept), bytes32(0));
        vm.prank(dept);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.NotDepartment.selector, dept));
        board.submit(s, proof);
        // the validators who registered it at setUp must vote again
        vm.prank(vals[0]);
        board.voteDepartment(dept, HEALTH, true, "new key ceremony done");
        assertEq(board.departmentOf(dept), bytes32(0), "an earlier proposal's votes carried over");
        vm.prank(vals[1]);
        board.voteDepartment(dept, HEALTH, true, "ok");
        vm.prank(vals[3]);
        vm.expectEmit(true, true, false, true);
        emit IReviewBoard.DepartmentChanged(dept, HEALTH, true);
        board.voteDepartment(dept, HEALTH, true, "ok");
        assertEq(board.departmentOf(dept), HEALTH);
        vm.prank(dept);
        board.submit(s, proof);
    }

    /// An account belongs to one department: registering it under another moves it.
    function test_voteDepartment_registerElsewhereMoves() public {
        _register(board, vals, dept, TAX);
        assertEq(board.departmentOf(dept), TAX);
        IReviewBoard.Submission memory s = _sub(1);
        bytes memory proof = _proof(s);
        vm.prank(dept);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.NotDepartment.selector, dept));
        board.submit(s, proof);
    }

    function test_RevertWhen_voteDepartmentBad() public {
        address acct = address(0xACC7);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.NotValidator.selector, address(this)));
        board.voteDepartment(acct, TAX, true, "");
        vm.startPrank(vals[0]);
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.InvalidDepartment.selector, acct, bytes32(0)));
        board.voteDepartment(acct, bytes32(0), true, "");
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.InvalidDepartment.selector, address(0), TAX));
        board.voteDepartment(address(0), TAX, true, "");
        // unregister from a department it is not in; register where it already is
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.InvalidDepartment.selector, acct, TAX));
        board.voteDepartment(acct, TAX, false, "");
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.InvalidDepartment.selector, dept, TAX));
        board.voteDepartment(dept, TAX, false, "");
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.InvalidDepartment.selector, dept, HEALTH));
        board.voteDepartment(dept, HEALTH, true, "");
        board.voteDepartment(acct, TAX, true, "");
        vm.expectRevert(
            abi.encodeWithSelector(IReviewBoard.AlreadyVoted.selector, keccak256(abi.encode(acct, uint256(0))), vals[0])
        );
        board.voteDepartment(acct, TAX, true, "again");
        vm.stopPrank();
    }
}
