// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {RLPReader} from "./RLPReader.sol";

/// @title Receipts — one log out of a consensus-encoded receipt
/// @notice Receipt = legacy rlp([status, cumulativeGas, bloom, logs]) or typed
/// `type || rlp(...)` (EIP-2718, type 0x01..0x7f); log = rlp([address, topics, data]).
library Receipts {
    using RLPReader for RLPReader.Item;

    /// @notice The receipt's transaction failed (status 0): it carries no valid logs.
    error ReceiptFailed();
    /// @notice The receipt has no log at that index.
    error LogIndexOutOfRange(uint256 index, uint256 count);
    /// @notice The receipt is not a recognisable receipt encoding.
    error BadReceipt();

    struct Log {
        address emitter;
        bytes32[] topics;
        bytes data;
    }

    function logAt(bytes memory receipt, uint256 index) internal pure returns (Log memory) {
        RLPReader.Item[] memory logs = logList(receipt);
        if (index >= logs.length) revert LogIndexOutOfRange(index, logs.length);
        return decodeLog(logs[index]);
    }

    /// @notice The logs of a successful receipt, still encoded (decode one with decodeLog).
    function logList(bytes memory receipt) internal pure returns (RLPReader.Item[] memory) {
        if (receipt.length == 0) revert BadReceipt();
        uint256 ptr;
        assembly {
            ptr := add(receipt, 32)
        }
        uint256 len = receipt.length;
        uint8 first = uint8(receipt[0]);
        if (first < 0x80) {
            if (first == 0) revert BadReceipt();
            ptr += 1; // typed receipt: skip the type byte
            len -= 1;
        }
        RLPReader.Item memory whole = RLPReader.itemAt(ptr, len);
        if (whole.len != len) revert BadReceipt();
        RLPReader.Item[] memory f = whole.toList();
        if (f.length != 4) revert BadReceipt();
        if (f[0].toUint() != 1) revert ReceiptFailed();
        return f[3].toList();
    }

    function decodeLog(RLPReader.Item memory item) internal pure returns (Log memory l) {
        RLPReader.Item[] memory lf = item.toList();
        if (lf.length != 3) revert BadReceipt();
        l.emitter = lf[0].toAddress();
        RLPReader.Item[] memory t = lf[1].toList();
        l.topics = new bytes32[](t.length);
        for (uint256 i = 0; i < t.length; i++) {
            l.topics[i] = t[i].toBytes32();
        }
        l.data = lf[2].toBytes();
    }
}
