// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {RLPReader} from "./RLPReader.sol";
import {CalldataRLP} from "./CalldataRLP.sol";

/// @title BlockHeader — the fields the bridge needs from a geth header's RLP
/// @notice Post-merge geth v1.17 header: [parentHash, uncleHash, coinbase,
/// stateRoot, txRoot, receiptsRoot, bloom, difficulty, number, gasLimit,
/// gasUsed, time, extra, mixDigest, nonce, baseFee, withdrawalsRoot,
/// blobGasUsed, excessBlobGas, parentBeaconRoot, requestsHash]. Fields from
/// baseFee on are optional trailing fields in geth, so 15 to 21 items (and
/// later forks' extra trailing fields) decode.
library BlockHeader {
    using RLPReader for RLPReader.Item;

    /// @notice The header RLP has fewer than the 15 pre-London fields.
    error HeaderTooShort(uint256 fields);

    struct Header {
        bytes32 hash;
        bytes32 parentHash;
        bytes32 stateRoot;
        bytes32 receiptsRoot;
        uint256 number;
        uint256 time;
        /// extra data when it is exactly 32 bytes (a QBFT header's
        /// validatorSetHash); zero otherwise, with extraLen telling its length
        bytes32 extra;
        uint256 extraLen;
    }

    function decode(bytes memory rlp) internal pure returns (Header memory h) {
        RLPReader.Item[] memory f = RLPReader.toItem(rlp).toList();
        if (f.length < 15) revert HeaderTooShort(f.length);
        h.hash = keccak256(rlp);
        h.parentHash = f[0].toBytes32();
        h.stateRoot = f[3].toBytes32();
        h.receiptsRoot = f[5].toBytes32();
        h.number = f[8].toUint();
        h.time = f[11].toUint();
        (uint256 ptr, uint256 len) = f[12].payload();
        h.extraLen = len;
        if (len == 32) {
            bytes32 x;
            assembly {
                x := mload(ptr)
            }
            h.extra = x;
        }
    }

    /// @notice decode, read in place from calldata (same rules, same errors).
    function decodeCalldata(bytes calldata rlp) internal pure returns (Header memory h) {
        uint256[] memory f = CalldataRLP.toList(CalldataRLP.toItem(rlp));
        if (f.length < 15) revert HeaderTooShort(f.length);
        uint256 ptr;
        assembly {
            ptr := rlp.offset
        }
        h.hash = CalldataRLP.keccak(ptr, rlp.length);
        h.parentHash = CalldataRLP.toBytes32(f[0]);
        h.stateRoot = CalldataRLP.toBytes32(f[3]);
        h.receiptsRoot = CalldataRLP.toBytes32(f[5]);
        h.number = CalldataRLP.toUint(f[8]);
        h.time = CalldataRLP.toUint(f[11]);
        uint256 len;
        (ptr, len) = CalldataRLP.payload(f[12]);
        h.extraLen = len;
        if (len == 32) {
            bytes32 x;
            assembly {
                x := calldataload(ptr)
            }
            h.extra = x;
        }
    }
}
