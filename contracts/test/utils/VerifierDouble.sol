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

/// VerifierDouble of one ceremony: its key (an immutable, so part of the
/// runtime code and of its code hash) enters every proof, so a proof for one
/// ceremony's double fails on another's, as with real verifying keys.
contract CeremonyVerifierDouble is IClassificationVerifier {
    error ProofInvalid();

    bytes32 private immutable _key;

    constructor(bytes32 key) {
        _key = key;
    }

    function verifyProof(bytes calldata proof, uint256[6] calldata input) external view {
        if (keccak256(proof) != keccak256(abi.encodePacked(proofFor(input)))) revert ProofInvalid();
    }

    function proofFor(uint256[6] memory input) public view returns (bytes32) {
        return keccak256(abi.encode(_key, input));
    }
}
