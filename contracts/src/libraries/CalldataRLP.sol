// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {RLPReader} from "./RLPReader.sol";

/// @title CalldataRLP — RLPReader's decoding, read in place from calldata
/// @notice The same rules and the same errors as RLPReader (RLPMalformed with
/// the same codes, checked in the same order), without copying the input to
/// memory: the relay reads its header, proof nodes and receipt where they lie
/// in the transaction's calldata. An item is one word: its calldata offset
/// (first byte of its encoding, prefix included) << 128 | its whole length.
/// Offsets and lengths come from calldata slices and from prefixes bounded by
/// them (at most 2^64), so they never overflow 128 bits; calldataload past
/// the end of calldata reads zeros, and every length is checked against the
/// bytes available before anything is read as part of an item.
/// Contract tests compare every function here with RLPReader's (fuzzed).
library CalldataRLP {
    uint256 private constant LOW = (1 << 128) - 1;

    function item(uint256 ptr, uint256 len) internal pure returns (uint256) {
        return (ptr << 128) | len;
    }

    function ptrOf(uint256 it) internal pure returns (uint256) {
        return it >> 128;
    }

    function lenOf(uint256 it) internal pure returns (uint256) {
        return it & LOW;
    }

    /// @notice The item encoded by exactly all of the slice (RLPReader.toItem).
    function toItem(bytes calldata b) internal pure returns (uint256) {
        uint256 ptr;
        assembly {
            ptr := b.offset
        }
        (uint256 hlen, uint256 plen,) = header(ptr, b.length);
        if (hlen + plen != b.length) revert RLPReader.RLPMalformed(5);
        return item(ptr, b.length);
    }

    /// @notice RLPReader.header over calldata: header length, payload length,
    /// list flag of the prefix at ptr in a region of `avail` bytes.
    function header(uint256 ptr, uint256 avail) internal pure returns (uint256 hlen, uint256 plen, bool list) {
        uint256 err;
        assembly {
            // RLPReader.header: e is its RLPMalformed code, 0 when well formed
            function hdr(q, av) -> hl, pl, ls, e {
                if iszero(av) {
                    e := 1 // BAD_EMPTY
                    leave
                }
                let w := calldataload(q)
                let b0 := byte(0, w)
                if lt(b0, 0x80) {
                    pl := 1
                    leave
                }
                if lt(b0, 0xb8) {
                    hl := 1
                    pl := sub(b0, 0x80)
                    if eq(pl, 1) {
                        if lt(av, 2) {
                            e := 3 // BAD_BOUNDS
                            leave
                        }
                        if lt(byte(1, w), 0x80) {
                            e := 4 // BAD_CANONICAL
                            leave
                        }
                    }
                    if gt(add(1, pl), av) { e := 3 }
                    leave
                }
                let ll := 0
                switch lt(b0, 0xc0)
                case 1 { ll := sub(b0, 0xb7) }
                default {
                    ls := 1
                    if lt(b0, 0xf8) {
                        hl := 1
                        pl := sub(b0, 0xc0)
                        if gt(add(1, pl), av) { e := 3 }
                        leave
                    }
                    ll := sub(b0, 0xf7)
                }
                // long form: ll is 1..8 here
                if lt(av, add(1, ll)) {
                    e := 3
                    leave
                }
                pl := shr(sub(256, shl(3, ll)), calldataload(add(q, 1)))
                if or(lt(pl, 56), iszero(shr(shl(3, sub(ll, 1)), pl))) {
                    e := 4
                    leave
                }
                hl := add(1, ll)
                if gt(add(hl, pl), av) { e := 3 }
            }
            hlen, plen, list, err := hdr(ptr, avail)
        }
        if (err != 0) revert RLPReader.RLPMalformed(err);
    }

    function isList(uint256 it) internal pure returns (bool list) {
        (,, list) = header(it >> 128, it & LOW);
    }

    /// @notice The items of a list (RLPReader.toList), in one pass of assembly.
    function toList(uint256 it) internal pure returns (uint256[] memory out) {
        uint256 err;
        assembly {
            // RLPReader.header: e is its RLPMalformed code, 0 when well formed
            function hdr(q, av) -> hl, pl, ls, e {
                if iszero(av) {
                    e := 1 // BAD_EMPTY
                    leave
                }
                let w := calldataload(q)
                let b0 := byte(0, w)
                if lt(b0, 0x80) {
                    pl := 1
                    leave
                }
                if lt(b0, 0xb8) {
                    hl := 1
                    pl := sub(b0, 0x80)
                    if eq(pl, 1) {
                        if lt(av, 2) {
                            e := 3 // BAD_BOUNDS
                            leave
                        }
                        if lt(byte(1, w), 0x80) {
                            e := 4 // BAD_CANONICAL
                            leave
                        }
                    }
                    if gt(add(1, pl), av) { e := 3 }
                    leave
                }
                let ll := 0
                switch lt(b0, 0xc0)
                case 1 { ll := sub(b0, 0xb7) }
                default {
                    ls := 1
                    if lt(b0, 0xf8) {
                        hl := 1
                        pl := sub(b0, 0xc0)
                        if gt(add(1, pl), av) { e := 3 }
                        leave
                    }
                    ll := sub(b0, 0xf7)
                }
                // long form: ll is 1..8 here
                if lt(av, add(1, ll)) {
                    e := 3
                    leave
                }
                pl := shr(sub(256, shl(3, ll)), calldataload(add(q, 1)))
                if or(lt(pl, 56), iszero(shr(shl(3, sub(ll, 1)), pl))) {
                    e := 4
                    leave
                }
                hl := add(1, ll)
                if gt(add(hl, pl), av) { e := 3 }
            }
            let ptr := shr(128, it)
            let hlen, plen, list, e := hdr(ptr, and(it, LOW))
            if iszero(e) { if iszero(list) { e := 6 } } // BAD_KIND
            if iszero(e) {
                let end := add(add(ptr, hlen), plen)
                // filled past the free memory pointer, allocated at the end
                out := mload(0x40)
                let slot := add(out, 32)
                for { let p := add(ptr, hlen) } lt(p, end) {} {
                    // hdr(p, end - p) inlined, same checks in the same order
                    let avail := sub(end, p)
                    let w := calldataload(p)
                    let b0 := byte(0, w)
                    let l := 1 // a single byte
                    if gt(b0, 0x7f) {
                        let isL := gt(b0, 0xbf)
                        switch or(lt(b0, 0xb8), and(isL, lt(b0, 0xf8)))
                        case 1 {
                            // short string (0x80..0xb7) or short list (0xc0..0xf7)
                            l := sub(b0, add(0x7f, mul(0x40, isL)))
                            if and(eq(b0, 0x81), iszero(gt(l, avail))) {
                                if lt(byte(1, w), 0x80) {
                                    e := 4 // BAD_CANONICAL
                                    break
                                }
                            }
                        }
                        default {
                            // long form: ll is 1..8
                            let ll := sub(b0, add(0xb7, mul(0x40, isL)))
                            if lt(avail, add(1, ll)) {
                                e := 3 // BAD_BOUNDS
                                break
                            }
                            let pl := shr(sub(256, shl(3, ll)), shl(8, w))
                            if or(lt(pl, 56), iszero(shr(shl(3, sub(ll, 1)), pl))) {
                                e := 4
                                break
                            }
                            l := add(add(1, ll), pl)
                        }
                    }
                    if gt(l, avail) {
                        e := 3
                        break
                    }
                    mstore(slot, or(shl(128, p), l))
                    slot := add(slot, 32)
                    p := add(p, l)
                }
                if iszero(e) {
                    mstore(out, shr(5, sub(slot, add(out, 32))))
                    mstore(0x40, slot)
                }
            }
            err := e
        }
        if (err != 0) revert RLPReader.RLPMalformed(err);
    }

    /// @notice Offset and length of a string item's payload.
    function payload(uint256 it) internal pure returns (uint256 ptr, uint256 len) {
        ptr = it >> 128;
        uint256 avail = it & LOW;
        bool fast;
        assembly {
            // what header() returns without error for a single byte, or a
            // short string in bounds but the one-byte one (canonical check)
            if avail {
                let b0 := byte(0, calldataload(ptr))
                switch lt(b0, 0x80)
                case 1 {
                    len := 1
                    fast := 1
                }
                default {
                    if and(lt(b0, 0xb8), iszero(eq(b0, 0x81))) {
                        let pl := sub(b0, 0x80)
                        if iszero(gt(add(1, pl), avail)) {
                            len := pl
                            ptr := add(ptr, 1)
                            fast := 1
                        }
                    }
                }
            }
        }
        if (fast) return (ptr, len);
        (uint256 hlen, uint256 plen, bool list) = header(ptr, avail);
        if (list) revert RLPReader.RLPMalformed(6);
        return (ptr + hlen, plen);
    }

    function toUint(uint256 it) internal pure returns (uint256 v) {
        (uint256 ptr, uint256 len) = payload(it);
        if (len > 32) revert RLPReader.RLPMalformed(7);
        if (len == 0) return 0;
        assembly {
            v := shr(sub(256, mul(8, len)), calldataload(ptr))
        }
    }

    function toBytes32(uint256 it) internal pure returns (bytes32 v) {
        (uint256 ptr, uint256 len) = payload(it);
        if (len != 32) revert RLPReader.RLPMalformed(7);
        assembly {
            v := calldataload(ptr)
        }
    }

    /// @notice keccak256 of calldata bytes [ptr, ptr + len), hashed in scratch
    /// memory past the free memory pointer (nothing allocated).
    function keccak(uint256 ptr, uint256 len) internal pure returns (bytes32 h) {
        assembly {
            let m := mload(0x40)
            calldatacopy(m, ptr, len)
            h := keccak256(m, len)
        }
    }

    /// @notice A copy in memory of calldata bytes [ptr, ptr + len).
    function copy(uint256 ptr, uint256 len) internal pure returns (bytes memory b) {
        b = new bytes(len);
        assembly {
            calldatacopy(add(b, 32), ptr, len)
        }
    }
}
