// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {Test, console} from "forge-std/Test.sol";
import {ClassificationVerifier16} from "../../src/generated/ClassificationVerifier16.sol";
import {ClassificationVerifier64} from "../../src/generated/ClassificationVerifier64.sol";
import {ClassificationFixture16} from "./fixtures/ClassificationFixture16.sol";
import {ClassificationFixture64} from "./fixtures/ClassificationFixture64.sol";
import {IClassificationVerifier} from "../../src/interfaces/IClassificationVerifier.sol";
import {SubmissionBinding} from "../../src/libraries/SubmissionBinding.sol";

/// Real proofs made by the Go prover (zk.GenerateArtifacts, dev keys) checked
/// by the generated verifiers: accepted as made, rejected with any public
/// input changed (the binding included) or any byte flipped.
contract ClassificationVerifierTest is Test {
    uint256 internal constant R = 21888242871839275222246405745257275088548364400416034343698204186575808495617;
    uint256 internal constant GAS_GOAL = 250_000;

    IClassificationVerifier internal v16;
    IClassificationVerifier internal v64;

    function setUp() public {
        v16 = IClassificationVerifier(address(new ClassificationVerifier16()));
        v64 = IClassificationVerifier(address(new ClassificationVerifier64()));
    }

    function test_verifyProof_acceptsGoProof16() public view {
        uint256 g = gasleft();
        v16.verifyProof(ClassificationFixture16.proof(), ClassificationFixture16.input());
        g -= gasleft();
        console.log("verifyProof gas (16 columns, call)", g);
        assertLt(g, GAS_GOAL);
    }

    function test_verifyProof_acceptsGoProof64() public view {
        uint256 g = gasleft();
        v64.verifyProof(ClassificationFixture64.proof(), ClassificationFixture64.input());
        g -= gasleft();
        console.log("verifyProof gas (64 columns, call)", g);
        assertLt(g, GAS_GOAL);
    }

    function test_fixture_publicInputsAsAgreed() public pure {
        uint256[6] memory input = ClassificationFixture16.input();
        assertEq(input[1], 2, "level: the fixture table has sensitive columns");
        assertEq(input[3], 0, "threshold: open data only");
        // policy: category 0 and 1 sensitive, 2 conditional, 3 open, others not in the policy (3)
        uint256 policy = input[2];
        assertEq(policy & 3, 2);
        assertEq((policy >> 2) & 3, 2);
        assertEq((policy >> 4) & 3, 1);
        assertEq((policy >> 6) & 3, 0);
        for (uint256 i = 4; i < 16; i++) {
            assertEq((policy >> (2 * i)) & 3, 3);
        }
        // binding: the fixture record's, as ReviewBoard computes it
        bytes32 datasetId =
            keccak256(abi.encode(ClassificationFixture16.department(), ClassificationFixture16.dataset()));
        assertEq(
            input[5],
            SubmissionBinding.compute(datasetId, ClassificationFixture16.version(), ClassificationFixture16.contentHash()),
            "binding"
        );
        assertLt(input[5], 1 << 248);
    }

    function test_RevertWhen_publicInputChanged() public {
        bytes memory proof = ClassificationFixture16.proof();
        for (uint256 i = 0; i < 6; i++) {
            uint256[6] memory input = ClassificationFixture16.input();
            input[i] = (input[i] + 1) % R;
            vm.expectRevert(ClassificationVerifier16.ProofInvalid.selector);
            v16.verifyProof(proof, input);
        }
    }

    function test_RevertWhen_otherSizeProof() public {
        vm.expectRevert(ClassificationVerifier64.ProofInvalid.selector);
        v64.verifyProof(ClassificationFixture16.proof(), ClassificationFixture16.input());
    }

    function test_RevertWhen_inputNotInField() public {
        uint256[6] memory input = ClassificationFixture16.input();
        input[0] += R;
        vm.expectRevert(ClassificationVerifier16.PublicInputNotInField.selector);
        v16.verifyProof(ClassificationFixture16.proof(), input);
    }

    function test_RevertWhen_proofTruncated() public {
        bytes memory proof = ClassificationFixture16.proof();
        assembly {
            mstore(proof, 255)
        }
        vm.expectRevert();
        v16.verifyProof(proof, ClassificationFixture16.input());
    }

    function testFuzz_RevertWhen_byteFlipped(uint8 index, uint8 mask) public {
        vm.assume(mask != 0);
        bytes memory proof = ClassificationFixture16.proof();
        proof[index] = proof[index] ^ bytes1(mask);
        vm.expectRevert();
        v16.verifyProof(proof, ClassificationFixture16.input());
    }
}
