// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title SubmissionBinding — the record a classification proof is for
/// @notice The circuit's sixth public input (Go: record.Binding):
/// binding = uint256(keccak256(abi.encode(datasetId, version, contentHash))) >> 8,
/// 248 bits, so always below the BN254 scalar field. datasetId =
/// keccak256(abi.encode(departmentId, datasetKey)) names the department; a
/// proof made for one (dataset id, version, content hash) does not verify
/// for another.
library SubmissionBinding {
    function compute(bytes32 datasetId, uint64 version, bytes32 contentHash) internal pure returns (uint256) {
        return uint256(keccak256(abi.encode(datasetId, version, contentHash))) >> 8;
    }
}
