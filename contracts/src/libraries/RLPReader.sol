// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title RLPReader — bounds-checked RLP decoding over memory
/// @notice Items point into memory that must stay alive (the decoded bytes).
/// Every read checks that the item lies inside its parent; malformed input
/// reverts with RLPMalformed, never reads out of bounds.
library RLPReader {
    /// @notice ptr: first byte of the item's encoding (prefix included); len: whole encoding length.
    struct Item {
        uint256 ptr;
        uint256 len;
    }

    /// @notice The input is not valid RLP (or not the expected shape); code says where.
    error RLPMalformed(uint256 code);

    uint256 private constant BAD_EMPTY = 1;
    uint256 private constant BAD_LENGTH = 2;
    uint256 private constant BAD_BOUNDS = 3;
    uint256 private constant BAD_CANONICAL = 4;
    uint256 private constant BAD_TRAILING = 5;
    uint256 private constant BAD_KIND = 6;
    uint256 private constant BAD_SIZE = 7;

    /// @notice The item encoded by exactly all of `b`.
    function toItem(bytes memory b) internal pure returns (Item memory it) {
        uint256 ptr;
        assembly {
            ptr := add(b, 32)
        }
        it = Item(ptr, b.length);
        (uint256 hlen, uint256 plen,) = header(it.ptr, it.len);
        if (hlen + plen != it.len) revert RLPMalformed(BAD_TRAILING);
    }

    /// @notice The item starting at ptr in a region of `avail` bytes (trailing bytes allowed).
    function itemAt(uint256 ptr, uint256 avail) internal pure returns (Item memory) {
        (uint256 hlen, uint256 plen,) = header(ptr, avail);
        return Item(ptr, hlen + plen);
    }

    /// @notice Decode the prefix at ptr: header length, payload length, list flag.
    function header(uint256 ptr, uint256 avail) internal pure returns (uint256 hlen, uint256 plen, bool list) {
        if (avail == 0) revert RLPMalformed(BAD_EMPTY);
        uint256 b0;
        assembly {
            b0 := byte(0, mload(ptr))
        }
        if (b0 < 0x80) {
            return (0, 1, false);
        } else if (b0 < 0xb8) {
            hlen = 1;
            plen = b0 - 0x80;
            if (plen == 1) {
                if (avail < 2) revert RLPMalformed(BAD_BOUNDS);
                uint256 b1;
                assembly {
                    b1 := byte(0, mload(add(ptr, 1)))
                }
                if (b1 < 0x80) revert RLPMalformed(BAD_CANONICAL);
            }
        } else if (b0 < 0xc0) {
            (hlen, plen) = _longLength(ptr, avail, b0 - 0xb7);
        } else if (b0 < 0xf8) {
            hlen = 1;
            plen = b0 - 0xc0;
            list = true;
        } else {
            (hlen, plen) = _longLength(ptr, avail, b0 - 0xf7);
            list = true;
        }
        if (hlen + plen > avail) revert RLPMalformed(BAD_BOUNDS);
    }

    function _longLength(uint256 ptr, uint256 avail, uint256 ll) private pure returns (uint256 hlen, uint256 plen) {
        if (ll > 8) revert RLPMalformed(BAD_LENGTH);
        if (avail < 1 + ll) revert RLPMalformed(BAD_BOUNDS);
        assembly {
            plen := shr(sub(256, mul(8, ll)), mload(add(ptr, 1)))
        }
        // canonical: no leading zero byte, and short lengths use the short form
        if (plen < 56 || (plen >> (8 * (ll - 1))) == 0) revert RLPMalformed(BAD_CANONICAL);
        hlen = 1 + ll;
    }

    function isList(Item memory it) internal pure returns (bool list) {
        (,, list) = header(it.ptr, it.len);
    }

    /// @notice The items of a list.
    function toList(Item memory it) internal pure returns (Item[] memory out) {
        (uint256 hlen, uint256 plen, bool list) = header(it.ptr, it.len);
        if (!list) revert RLPMalformed(BAD_KIND);
        uint256 end = it.ptr + hlen + plen;
        uint256 n = 0;
        // count without allocating: memory is never freed, so garbage Items cost
        for (uint256 p = it.ptr + hlen; p < end; n++) {
            (uint256 ch, uint256 cp,) = header(p, end - p);
            p += ch + cp;
        }
        out = new Item[](n);
        uint256 q = it.ptr + hlen;
        for (uint256 i = 0; i < n; i++) {
            (uint256 ch, uint256 cp,) = header(q, end - q);
            out[i] = Item(q, ch + cp);
            q += ch + cp;
        }
    }

    /// @notice Pointer and length of a string item's payload.
    function payload(Item memory it) internal pure returns (uint256 ptr, uint256 len) {
        (uint256 hlen, uint256 plen, bool list) = header(it.ptr, it.len);
        if (list) revert RLPMalformed(BAD_KIND);
        return (it.ptr + hlen, plen);
    }

    function toBytes(Item memory it) internal pure returns (bytes memory out) {
        (uint256 ptr, uint256 len) = payload(it);
        out = new bytes(len);
        // word copy: MCOPY is Cancun, the public chain stops at London
        assembly {
            let dst := add(out, 32)
            for { let i := 0 } lt(i, len) { i := add(i, 32) } { mstore(add(dst, i), mload(add(ptr, i))) }
            mstore(add(dst, len), 0) // clear what the last word spilled past the end
        }
    }

    function toUint(Item memory it) internal pure returns (uint256 v) {
        (uint256 ptr, uint256 len) = payload(it);
        if (len > 32) revert RLPMalformed(BAD_SIZE);
        if (len == 0) return 0;
        assembly {
            v := shr(sub(256, mul(8, len)), mload(ptr))
        }
    }

    function toBytes32(Item memory it) internal pure returns (bytes32 v) {
        (uint256 ptr, uint256 len) = payload(it);
        if (len != 32) revert RLPMalformed(BAD_SIZE);
        assembly {
            v := mload(ptr)
        }
    }

    function toAddress(Item memory it) internal pure returns (address a) {
        (uint256 ptr, uint256 len) = payload(it);
        if (len != 20) revert RLPMalformed(BAD_SIZE);
        assembly {
            a := shr(96, mload(ptr))
        }
    }

    /// @notice keccak256 of the item's whole encoding.
    function hash(Item memory it) internal pure returns (bytes32 h) {
        uint256 ptr = it.ptr;
        uint256 len = it.len;
        assembly {
            h := keccak256(ptr, len)
        }
    }

    /// @notice RLP encoding of an unsigned integer (the receipt trie key of an index).
    function encodeUint(uint256 v) internal pure returns (bytes memory) {
        if (v == 0) return hex"80";
        if (v < 0x80) return abi.encodePacked(uint8(v));
        uint256 n = 0;
        for (uint256 t = v; t != 0; t >>= 8) n++;
        bytes memory out = new bytes(1 + n);
        out[0] = bytes1(uint8(0x80 + n));
        for (uint256 i = 0; i < n; i++) {
            out[n - i] = bytes1(uint8(v >> (8 * i)));
        }
        return out;
    }
}
