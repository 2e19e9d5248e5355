// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";
import {ReviewBoard} from "../../src/ReviewBoard.sol";
import {ValidatorSet} from "../../src/ValidatorSet.sol";
import {IReviewBoard} from "../../src/interfaces/IReviewBoard.sol";
import {IValidatorSet} from "../../src/interfaces/IValidatorSet.sol";
import {IClassificationVerifier} from "../../src/interfaces/IClassificationVerifier.sol";
import {ClassificationVerifier16} from "../../src/generated/ClassificationVerifier16.sol";
import {ClassificationVerifier16Next} from "../../src/generated/ClassificationVerifier16Next.sol";
import {ClassificationFixture16} from "./fixtures/ClassificationFixture16.sol";

/// ReviewBoard wired to the generated verifier: a submission carrying the Go
/// prover's real proof is accepted; one whose fields disagree with the proof
/// (level, threshold, commitment, released root, or the record it is bound
/// to: dataset id, version, content hash) is refused by the verifier.
contract ReviewBoardProofTest is Test {
    ReviewBoard internal board;
    address internal constant DEPT = address(0xDE97);
    bytes32 internal constant HEALTH = keccak256("health"); // the fixture's department

    function setUp() public {
        address[] memory vals = new address[](4);
        vals[0] = address(0xA1);
        vals[1] = address(0xB2);
        vals[2] = address(0xC3);
        vals[3] = address(0xD4);
        uint256[6] memory input = ClassificationFixture16.input();
        board = new ReviewBoard(
            IValidatorSet(address(new ValidatorSet(vals))),
            IClassificationVerifier(address(new ClassificationVerifier16())),
            input[2], // the policy the fixture was proven under
            address(0x0FF1CE)
        );
        _register(board, vals);
    }

    /// The submitting department, registered by a quorum of vals.
    function _register(ReviewBoard b, address[] memory vals) internal {
        for (uint256 i = 0; i < vals.length && b.departmentOf(DEPT) != HEALTH; i++) {
            vm.prank(vals[i]);
            b.voteDepartment(DEPT, HEALTH, true, "");
        }
    }

    /// s with the fixture's proof, submitted by the department.
    function _submit(ReviewBoard b, IReviewBoard.Submission memory s) internal returns (bytes32) {
        bytes memory proof = ClassificationFixture16.proof();
        vm.prank(DEPT);
        return b.submit(s, proof);
    }

    function submission() internal pure returns (IReviewBoard.Submission memory s) {
        uint256[6] memory input = ClassificationFixture16.input();
        // the record the fixture proof is bound to
        s.department = ClassificationFixture16.department();
        s.dataset = ClassificationFixture16.dataset();
        s.datasetId = keccak256(abi.encode(s.department, s.dataset));
        s.version = ClassificationFixture16.version();
        s.commitment = input[0];
        s.level = uint8(input[1]);
        s.threshold = uint8(input[3]);
        s.releasedRoot = input[4];
        s.contentHash = ClassificationFixture16.contentHash();
    }

    function test_submit_acceptsRealProof() public {
        bytes32 id = _submit(board, submission());
        (IReviewBoard.Status status,,) = board.review(id);
        assertEq(uint256(status), uint256(IReviewBoard.Status.Pending));
    }

    /// Issue 15 item 7 with real Groth16 verifiers: once a quorum adopts the
    /// verifier of another ceremony's keys, a real proof of the first keys is
    /// refused by it.
    function test_adoptedVerifierRefusesTheOldKeysProof() public {
        ClassificationVerifier16Next next = new ClassificationVerifier16Next();
        address[3] memory voters = [address(0xA1), address(0xB2), address(0xC3)];
        for (uint256 i = 0; i < voters.length; i++) {
            vm.prank(voters[i]);
            board.voteVerifier(2, address(next), "ceremony 2 sealed");
        }
        assertEq(board.verifierVersion(), 2);
        assertEq(board.verifier(), address(next));
        vm.expectRevert(ClassificationVerifier16Next.ProofInvalid.selector);
        _submit(board, submission());
    }

    function test_RevertWhen_levelUnderstated() public {
        IReviewBoard.Submission memory s = submission();
        s.level = 1;
        vm.expectRevert(ClassificationVerifier16.ProofInvalid.selector);
        _submit(board, s);
    }

    function test_RevertWhen_thresholdRaised() public {
        IReviewBoard.Submission memory s = submission();
        s.threshold = 1; // the fixture was proven at threshold 0
        vm.expectRevert(ClassificationVerifier16.ProofInvalid.selector);
        _submit(board, s);
        s.threshold = 2; // sensitive columns released: refused before the proof is looked at
        vm.expectRevert(abi.encodeWithSelector(IReviewBoard.InvalidSubmission.selector, "threshold"));
        _submit(board, s);
    }

    function test_RevertWhen_otherCommitmentOrRoot() public {
        IReviewBoard.Submission memory s = submission();
        s.commitment ^= 1;
        vm.expectRevert(ClassificationVerifier16.ProofInvalid.selector);
        _submit(board, s);
        s = submission();
        s.releasedRoot ^= 1;
        vm.expectRevert(ClassificationVerifier16.ProofInvalid.selector);
        _submit(board, s);
    }

    /// Department B copies A's proof (public in A's Submitted event) and
    /// submits it under its own, correctly formed dataset id with A's other
    /// fields: the proof names A's record, so the verifier refuses it.
    function test_RevertWhen_otherDepartmentReplaysProof() public {
        address otherDept = address(0x7A7);
        bytes32 tax = keccak256("tax");
        address[] memory vals = new address[](4);
        vals[0] = address(0xA1);
        vals[1] = address(0xB2);
        vals[2] = address(0xC3);
        vals[3] = address(0xD4);
        for (uint256 i = 0; i < vals.length && board.departmentOf(otherDept) != tax; i++) {
            vm.prank(vals[i]);
            board.voteDepartment(otherDept, tax, true, "");
        }
        _submit(board, submission()); // A's record, proof now public

        IReviewBoard.Submission memory s = submission();
        s.department = tax;
        s.datasetId = keccak256(abi.encode(s.department, s.dataset));
        bytes memory proof = ClassificationFixture16.proof();
        vm.prank(otherDept);
        vm.expectRevert(ClassificationVerifier16.ProofInvalid.selector);
        board.submit(s, proof);
    }

    /// A's own proof does not carry over to another version or content of A's dataset.
    function test_RevertWhen_proofReusedForOtherVersionOrContent() public {
        IReviewBoard.Submission memory s = submission();
        s.version = 2;
        vm.expectRevert(ClassificationVerifier16.ProofInvalid.selector);
        _submit(board, s);
        s = submission();
        s.contentHash = keccak256("other released view");
        vm.expectRevert(ClassificationVerifier16.ProofInvalid.selector);
        _submit(board, s);
    }

    function test_RevertWhen_boardPinsAnotherPolicy() public {
        address[] memory vals = new address[](1);
        vals[0] = address(0xA1);
        uint256 otherPolicy = ClassificationFixture16.input()[2] ^ (3 << 2); // category 1: sensitive → conditional
        ReviewBoard other = new ReviewBoard(
            IValidatorSet(address(new ValidatorSet(vals))),
            IClassificationVerifier(address(new ClassificationVerifier16())),
            otherPolicy,
            address(0x0FF1CE)
        );
        _register(other, vals);
        vm.expectRevert(ClassificationVerifier16.ProofInvalid.selector);
        _submit(other, submission());
    }
}
