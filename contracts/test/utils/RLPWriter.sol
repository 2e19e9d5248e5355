// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// Test-only RLP encoder, used to build headers, receipts and trie nodes.
library RLPWriter {
    function bytesItem(bytes memory b) internal pure returns (bytes memory) {
        if (b.length == 1 && uint8(b[0]) < 0x80) return b;
        return bytes.concat(_prefix(0x80, b.length), b);
    }

    function uintItem(uint256 v) internal pure returns (bytes memory) {
        if (v == 0) return hex"80";
        uint256 n = 0;
        for (uint256 t = v; t != 0; t >>= 8) n++;
        bytes memory b = new bytes(n);
        for (uint256 i = 0; i < n; i++) b[n - 1 - i] = bytes1(uint8(v >> (8 * i)));
        return bytesItem(b);
    }

    function b32(bytes32 v) internal pure returns (bytes memory) {
        return bytesItem(abi.encodePacked(v));
    }

    function addr(address a) internal pure returns (bytes memory) {
        return bytesItem(abi.encodePacked(a));
    }

    function list(bytes[] memory items) internal pure returns (bytes memory) {
        bytes memory body;
        for (uint256 i = 0; i < items.length; i++) body = bytes.concat(body, items[i]);
        return bytes.concat(_prefix(0xc0, body.length), body);
    }

    function _prefix(uint8 base, uint256 len) private pure returns (bytes memory) {
        if (len < 56) return abi.encodePacked(uint8(base + len));
        uint256 n = 0;
        for (uint256 t = len; t != 0; t >>= 8) n++;
        bytes memory b = new bytes(1 + n);
        b[0] = bytes1(uint8(base + 55 + n));
        for (uint256 i = 0; i < n; i++) b[n - i] = bytes1(uint8(len >> (8 * i)));
        return b;
    }
}
