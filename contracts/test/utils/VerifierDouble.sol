// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {IClassificationVerifier} from "../../src/interfaces/IClassificationVerifier.sol";

/// Test-only stand-in for the generated Groth16 verifier: a "proof" is valid
/// iff it is keccak256 of the public inputs, so a wrong input or a changed
/// proof byte is rejected like the real verifier would.
contract VerifierDouble is IClassificationVerifier {
    error ProofInvalid();

    function verifyProof(bytes calldata proof, uint256[6] calldata input) external pure {
        if (keccak256(proof) != keccak256(abi.encodePacked(proofFor(input)))) revert ProofInvalid();
    }

    function proofFor(uint256[6] memory input) public pure returns (bytes32) {
        return keccak256(abi.encode(input));
    }
}
