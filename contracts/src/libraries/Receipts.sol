// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {RLPReader} from "./RLPReader.sol";
import {CalldataRLP} from "./CalldataRLP.sol";

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

    /// @notice A log read in place: the first three topics and where its data
    /// lies in memory, nothing copied (the receipt must stay alive).
    struct LogView {
        address emitter;
        uint256 topicCount;
        bytes32[3] topics; // the first three; zero past topicCount
        uint256 dataPtr;
        uint256 dataLen;
    }

    /// @notice Reads a log in place when it has exactly the encoding of a
    /// 3-topic log with 320 bytes of data (a ReviewBoard Decision):
    /// f901bd 94<address> f863 a0<topic>×3 b90140<data>. Returns false for any
    /// other encoding, which the caller decodes with decodeLog (and its checks).
    function viewDecisionShaped(RLPReader.Item memory item, LogView memory v) internal pure returns (bool ok) {
        if (item.len != 448) return false;
        uint256 p = item.ptr;
        uint256 head;
        uint256 topicsHead;
        uint256 dataHead;
        assembly {
            head := mload(p) // f9 01 bd 94 | address (20 bytes) | f8 63 a0 | 5 bytes of topic0
            topicsHead := mload(add(p, 59)) // a0 | 31 bytes of topic1
            dataHead := mload(add(p, 92)) // a0 | topic2 (32) ...
        }
        if (head >> 224 != 0xf901bd94 || (head >> 40) & 0xffffff != 0xf863a0) return false;
        if (topicsHead >> 248 != 0xa0 || dataHead >> 248 != 0xa0) return false;
        uint256 dataPrefix;
        assembly {
            dataPrefix := shr(232, mload(add(p, 125)))
        }
        if (dataPrefix != 0xb90140) return false;
        address emitter;
        bytes32 t0;
        bytes32 t1;
        bytes32 t2;
        assembly {
            emitter := shr(96, mload(add(p, 4)))
            t0 := mload(add(p, 27))
            t1 := mload(add(p, 60))
            t2 := mload(add(p, 93))
        }
        v.emitter = emitter;
        v.topicCount = 3;
        v.topics[0] = t0;
        v.topics[1] = t1;
        v.topics[2] = t2;
        v.dataPtr = p + 128;
        v.dataLen = 320;
        return true;
    }

    /// @notice The LogView of a decoded log (data stays in l.data).
    function viewOf(Log memory l, LogView memory v) internal pure {
        v.emitter = l.emitter;
        v.topicCount = l.topics.length;
        for (uint256 i = 0; i < 3; i++) {
            v.topics[i] = i < l.topics.length ? l.topics[i] : bytes32(0);
        }
        bytes memory data = l.data;
        uint256 ptr;
        assembly {
            ptr := add(data, 32)
        }
        v.dataPtr = ptr;
        v.dataLen = data.length;
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

    /// @notice logList, read in place from calldata (same rules, same
    /// errors): the receipt is calldata [ptr, ptr + len); returns its logs
    /// as CalldataRLP items, still encoded.
    function logListCalldata(uint256 ptr, uint256 len) internal pure returns (uint256[] memory) {
        if (len == 0) revert BadReceipt();
        uint256 first;
        assembly {
            first := byte(0, calldataload(ptr))
        }
        if (first < 0x80) {
            if (first == 0) revert BadReceipt();
            ptr += 1; // typed receipt: skip the type byte
            len -= 1;
        }
        (uint256 hlen, uint256 plen,) = CalldataRLP.header(ptr, len);
        if (hlen + plen != len) revert BadReceipt();
        uint256[] memory f = CalldataRLP.toList(CalldataRLP.item(ptr, len));
        if (f.length != 4) revert BadReceipt();
        if (CalldataRLP.toUint(f[0]) != 1) revert ReceiptFailed();
        return CalldataRLP.toList(f[3]);
    }

    /// @notice viewDecisionShaped of a log item in calldata; the 320 bytes of
    /// data are copied to memory (v.dataPtr points there).
    function viewDecisionShapedCalldata(uint256 it, LogView memory v) internal pure returns (bool ok) {
        if (CalldataRLP.lenOf(it) != 448) return false;
        uint256 p = CalldataRLP.ptrOf(it);
        uint256 head;
        uint256 topicsHead;
        uint256 dataHead;
        uint256 dataPrefix;
        assembly {
            head := calldataload(p) // f9 01 bd 94 | address (20 bytes) | f8 63 a0 | 5 bytes of topic0
            topicsHead := calldataload(add(p, 59)) // a0 | 31 bytes of topic1
            dataHead := calldataload(add(p, 92)) // a0 | topic2 (32) ...
            dataPrefix := shr(232, calldataload(add(p, 125)))
        }
        if (head >> 224 != 0xf901bd94 || (head >> 40) & 0xffffff != 0xf863a0) return false;
        if (topicsHead >> 248 != 0xa0 || dataHead >> 248 != 0xa0) return false;
        if (dataPrefix != 0xb90140) return false;
        address emitter;
        bytes32 t0;
        bytes32 t1;
        bytes32 t2;
        assembly {
            emitter := shr(96, calldataload(add(p, 4)))
            t0 := calldataload(add(p, 27))
            t1 := calldataload(add(p, 60))
            t2 := calldataload(add(p, 93))
        }
        v.emitter = emitter;
        v.topicCount = 3;
        v.topics[0] = t0;
        v.topics[1] = t1;
        v.topics[2] = t2;
        bytes memory data = CalldataRLP.copy(p + 128, 320);
        uint256 d;
        assembly {
            d := add(data, 32)
        }
        v.dataPtr = d;
        v.dataLen = 320;
        return true;
    }

    /// @notice decodeLog of a log item in calldata (copied to memory first).
    function decodeLogCalldata(uint256 it) internal pure returns (Log memory) {
        bytes memory b = CalldataRLP.copy(CalldataRLP.ptrOf(it), CalldataRLP.lenOf(it));
        return decodeLog(RLPReader.toItem(b));
    }
}
