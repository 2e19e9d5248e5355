// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {RLPReader} from "./RLPReader.sol";
import {CalldataRLP} from "./CalldataRLP.sol";

/// @title MerklePatriciaProof — value lookup in an Ethereum Merkle-Patricia trie
/// @notice proof = the RLP nodes from the root down (as go-ethereum's trie.Prove
/// writes them); nodes shorter than 32 bytes may be embedded in their parent.
library MerklePatriciaProof {
    using RLPReader for RLPReader.Item;

    /// @notice A proof node's hash does not match the reference in its parent (or the root).
    error ProofHashMismatch(uint256 index);
    /// @notice The proof ended before reaching the key's value.
    error ProofTooShort();
    /// @notice The trie has no value at the key (diverging path or empty slot).
    error KeyNotInTrie();
    /// @notice A node is neither a 17-item branch nor a 2-item leaf/extension.
    error BadNode();

    /// @notice The value stored under `key` in the trie with root `root`; reverts if absent or the proof is bad.
    function get(bytes32 root, bytes memory key, bytes[] memory proof) internal pure returns (bytes memory) {
        uint256 nibbleCount = key.length * 2;
        uint256 at = 0; // nibbles of key consumed
        uint256 p = 0; // next proof element
        if (proof.length == 0) revert ProofTooShort();
        if (keccak256(proof[0]) != root) revert ProofHashMismatch(0);
        RLPReader.Item memory node = RLPReader.toItem(proof[0]);
        p = 1;
        for (;;) {
            RLPReader.Item[] memory items = node.toList();
            RLPReader.Item memory next;
            if (items.length == 17) {
                if (at == nibbleCount) return _value(items[16]);
                next = items[_nibble(key, at)];
                at++;
            } else if (items.length == 2) {
                bool leaf;
                (at, leaf) = _matchPath(items[0], key, at, nibbleCount);
                if (leaf) {
                    if (at != nibbleCount) revert KeyNotInTrie();
                    return _value(items[1]);
                }
                next = items[1];
            } else {
                revert BadNode();
            }
            // follow the reference: an embedded node (list) or a 32-byte hash
            if (next.isList()) {
                node = next;
                continue;
            }
            (, uint256 refLen) = next.payload();
            if (refLen == 0) revert KeyNotInTrie();
            bytes32 want = next.toBytes32();
            if (p >= proof.length) revert ProofTooShort();
            if (keccak256(proof[p]) != want) revert ProofHashMismatch(p);
            node = RLPReader.toItem(proof[p]);
            p++;
        }
    }

    /// Match a leaf/extension's compact (hex-prefix) path against the key from
    /// nibble `at`; returns the new position and whether the node is a leaf.
    function _matchPath(RLPReader.Item memory path, bytes memory key, uint256 at, uint256 nibbleCount)
        private
        pure
        returns (uint256, bool leaf)
    {
        (uint256 ptr, uint256 len) = path.payload();
        if (len == 0) revert BadNode();
        uint256 flag;
        assembly {
            flag := shr(4, byte(0, mload(ptr)))
        }
        if (flag > 3) revert BadNode();
        uint256 skip = flag & 1 == 1 ? 1 : 2; // odd paths start in the first byte's low nibble
        uint256 pathNibbles = 2 * len - skip;
        if (at + pathNibbles > nibbleCount) revert KeyNotInTrie();
        for (uint256 i = 0; i < pathNibbles; i++) {
            uint256 j = i + skip;
            uint256 b;
            assembly {
                b := byte(0, mload(add(ptr, shr(1, j))))
            }
            if ((j & 1 == 0 ? b >> 4 : b & 0x0f) != _nibble(key, at + i)) revert KeyNotInTrie();
        }
        return (at + pathNibbles, flag >= 2);
    }

    function _value(RLPReader.Item memory it) private pure returns (bytes memory v) {
        v = it.toBytes();
        if (v.length == 0) revert KeyNotInTrie();
    }

    function _nibble(bytes memory key, uint256 i) private pure returns (uint256) {
        uint8 b = uint8(key[i / 2]);
        return i % 2 == 0 ? b >> 4 : b & 0x0f;
    }

    /// @notice get, read in place from calldata (same rules, same errors):
    /// returns where the value lies in calldata.
    function getCalldata(bytes32 root, bytes memory key, bytes[] calldata proof)
        internal
        pure
        returns (uint256 valuePtr, uint256 valueLen)
    {
        uint256 nibbleCount = key.length * 2;
        uint256 at = 0; // nibbles of key consumed
        if (proof.length == 0) revert ProofTooShort();
        uint256 node = _nodeAt(proof, 0);
        if (_hashOf(node) != root) revert ProofHashMismatch(0);
        node = _checkedNode(node);
        uint256 p = 1; // next proof element
        for (;;) {
            uint256[] memory items = CalldataRLP.toList(node);
            uint256 next;
            if (items.length == 17) {
                if (at == nibbleCount) return _valueCd(items[16]);
                next = items[_nibble(key, at)];
                at++;
            } else if (items.length == 2) {
                bool leaf;
                (at, leaf) = _matchPathCd(items[0], key, at, nibbleCount);
                if (leaf) {
                    if (at != nibbleCount) revert KeyNotInTrie();
                    return _valueCd(items[1]);
                }
                next = items[1];
            } else {
                revert BadNode();
            }
            // follow the reference: an embedded node (list) or a 32-byte hash
            if (CalldataRLP.isList(next)) {
                node = next;
                continue;
            }
            (, uint256 refLen) = CalldataRLP.payload(next);
            if (refLen == 0) revert KeyNotInTrie();
            bytes32 want = CalldataRLP.toBytes32(next);
            if (p >= proof.length) revert ProofTooShort();
            node = _nodeAt(proof, p);
            if (_hashOf(node) != want) revert ProofHashMismatch(p);
            node = _checkedNode(node);
            p++;
        }
    }

    /// proof[i] as an item over all its bytes (not yet checked as RLP).
    function _nodeAt(bytes[] calldata proof, uint256 i) private pure returns (uint256) {
        bytes calldata b = proof[i];
        uint256 ptr;
        assembly {
            ptr := b.offset
        }
        return CalldataRLP.item(ptr, b.length);
    }

    function _hashOf(uint256 it) private pure returns (bytes32) {
        return CalldataRLP.keccak(CalldataRLP.ptrOf(it), CalldataRLP.lenOf(it));
    }

    /// RLPReader.toItem of a whole proof node: one item, no trailing bytes.
    function _checkedNode(uint256 it) private pure returns (uint256) {
        (uint256 hlen, uint256 plen,) = CalldataRLP.header(CalldataRLP.ptrOf(it), CalldataRLP.lenOf(it));
        if (hlen + plen != CalldataRLP.lenOf(it)) revert RLPReader.RLPMalformed(5);
        return it;
    }

    function _matchPathCd(uint256 path, bytes memory key, uint256 at, uint256 nibbleCount)
        private
        pure
        returns (uint256, bool leaf)
    {
        (uint256 ptr, uint256 len) = CalldataRLP.payload(path);
        if (len == 0) revert BadNode();
        uint256 flag;
        assembly {
            flag := shr(4, byte(0, calldataload(ptr)))
        }
        if (flag > 3) revert BadNode();
        uint256 skip = flag & 1 == 1 ? 1 : 2; // odd paths start in the first byte's low nibble
        uint256 pathNibbles = 2 * len - skip;
        if (at + pathNibbles > nibbleCount) revert KeyNotInTrie();
        for (uint256 i = 0; i < pathNibbles; i++) {
            uint256 j = i + skip;
            uint256 b;
            assembly {
                b := byte(0, calldataload(add(ptr, shr(1, j))))
            }
            if ((j & 1 == 0 ? b >> 4 : b & 0x0f) != _nibble(key, at + i)) revert KeyNotInTrie();
        }
        return (at + pathNibbles, flag >= 2);
    }

    function _valueCd(uint256 it) private pure returns (uint256 ptr, uint256 len) {
        (ptr, len) = CalldataRLP.payload(it);
        if (len == 0) revert KeyNotInTrie();
    }
}
