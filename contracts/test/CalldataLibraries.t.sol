// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ChainFixture} from "./utils/ChainFixture.sol";
import {RLPWriter} from "./utils/RLPWriter.sol";
import {RLPReader} from "../src/libraries/RLPReader.sol";
import {CalldataRLP} from "../src/libraries/CalldataRLP.sol";
import {BlockHeader} from "../src/libraries/BlockHeader.sol";
import {MerklePatriciaProof} from "../src/libraries/MerklePatriciaProof.sol";
import {Receipts} from "../src/libraries/Receipts.sol";
import {IReviewBoard} from "../src/interfaces/IReviewBoard.sol";

/// Each library function twice: the memory reader (the reference, RLPReader
/// and the libraries built on it) and its calldata twin (CalldataRLP, what
/// the bridge runs). Both return the same canonical form: items as offset
/// from the start of the input << 128 | length.
contract TwinProbe {
    using RLPReader for RLPReader.Item;

    function _rel(RLPReader.Item[] memory it, uint256 base) private pure returns (uint256[] memory out) {
        out = new uint256[](it.length);
        for (uint256 i = 0; i < it.length; i++) out[i] = ((it[i].ptr - base) << 128) | it[i].len;
    }

    function _relCd(uint256[] memory it, uint256 base) private pure returns (uint256[] memory) {
        for (uint256 i = 0; i < it.length; i++) {
            it[i] = ((CalldataRLP.ptrOf(it[i]) - base) << 128) | CalldataRLP.lenOf(it[i]);
        }
        return it;
    }

    function _off(bytes calldata b) private pure returns (uint256 p) {
        assembly {
            p := b.offset
        }
    }

    function _base(bytes memory b) private pure returns (uint256 p) {
        assembly {
            p := add(b, 32)
        }
    }

    function listMem(bytes memory b) external pure returns (uint256[] memory) {
        return _rel(RLPReader.toItem(b).toList(), _base(b));
    }

    function listCd(bytes calldata b) external pure returns (uint256[] memory) {
        return _relCd(CalldataRLP.toList(CalldataRLP.toItem(b)), _off(b));
    }

    /// payload, isList, toUint, toBytes32 of the whole input as one item;
    /// each read that reverts is reported by its revert data.
    function scalarsMem(bytes memory b) external view returns (bytes[4] memory r) {
        r[0] = _try(abi.encodeCall(this.payloadMem, (b)));
        r[1] = _try(abi.encodeCall(this.isListMem, (b)));
        r[2] = _try(abi.encodeCall(this.uintMem, (b)));
        r[3] = _try(abi.encodeCall(this.b32Mem, (b)));
    }

    function scalarsCd(bytes calldata b) external view returns (bytes[4] memory r) {
        r[0] = _try(abi.encodeCall(this.payloadCd, (b)));
        r[1] = _try(abi.encodeCall(this.isListCd, (b)));
        r[2] = _try(abi.encodeCall(this.uintCd, (b)));
        r[3] = _try(abi.encodeCall(this.b32Cd, (b)));
    }

    function _try(bytes memory call) private view returns (bytes memory) {
        (bool ok, bytes memory r) = address(this).staticcall(call);
        return abi.encode(ok, r);
    }

    function payloadMem(bytes memory b) external pure returns (uint256, uint256) {
        (uint256 p, uint256 l) = RLPReader.toItem(b).payload();
        return (p - _base(b), l);
    }

    function payloadCd(bytes calldata b) external pure returns (uint256, uint256) {
        (uint256 p, uint256 l) = CalldataRLP.payload(CalldataRLP.toItem(b));
        return (p - _off(b), l);
    }

    function isListMem(bytes memory b) external pure returns (bool) {
        return RLPReader.toItem(b).isList();
    }

    function isListCd(bytes calldata b) external pure returns (bool) {
        return CalldataRLP.isList(CalldataRLP.toItem(b));
    }

    function uintMem(bytes memory b) external pure returns (uint256) {
        return RLPReader.toItem(b).toUint();
    }

    function uintCd(bytes calldata b) external pure returns (uint256) {
        return CalldataRLP.toUint(CalldataRLP.toItem(b));
    }

    function b32Mem(bytes memory b) external pure returns (bytes32) {
        return RLPReader.toItem(b).toBytes32();
    }

    function b32Cd(bytes calldata b) external pure returns (bytes32) {
        return CalldataRLP.toBytes32(CalldataRLP.toItem(b));
    }

    function headerMem(bytes memory b) external pure returns (BlockHeader.Header memory) {
        return BlockHeader.decode(b);
    }

    function headerCd(bytes calldata b) external pure returns (BlockHeader.Header memory) {
        return BlockHeader.decodeCalldata(b);
    }

    function mptMem(bytes32 root, bytes memory key, bytes[] memory proof) external pure returns (bytes memory) {
        return MerklePatriciaProof.get(root, key, proof);
    }

    function mptCd(bytes32 root, bytes memory key, bytes[] calldata proof) external pure returns (bytes memory) {
        (uint256 p, uint256 l) = MerklePatriciaProof.getCalldata(root, key, proof);
        return CalldataRLP.copy(p, l);
    }

    function logsMem(bytes memory receipt) external pure returns (uint256[] memory) {
        return _rel(Receipts.logList(receipt), _base(receipt));
    }

    function logsCd(bytes calldata receipt) external pure returns (uint256[] memory) {
        return _relCd(Receipts.logListCalldata(_off(receipt), receipt.length), _off(receipt));
    }

    function viewMem(bytes memory logRlp)
        external
        pure
        returns (bool ok, address emitter, uint256 n, bytes32[3] memory topics, bytes memory data)
    {
        Receipts.LogView memory v;
        ok = Receipts.viewDecisionShaped(RLPReader.toItem(logRlp), v);
        return (ok, v.emitter, v.topicCount, v.topics, _copyOut(v));
    }

    function viewCd(bytes calldata logRlp)
        external
        pure
        returns (bool ok, address emitter, uint256 n, bytes32[3] memory topics, bytes memory data)
    {
        Receipts.LogView memory v;
        ok = Receipts.viewDecisionShapedCalldata(CalldataRLP.toItem(logRlp), v);
        return (ok, v.emitter, v.topicCount, v.topics, _copyOut(v));
    }

    function _copyOut(Receipts.LogView memory v) private pure returns (bytes memory data) {
        data = new bytes(v.dataLen);
        uint256 src = v.dataPtr;
        for (uint256 i = 0; i < v.dataLen; i++) {
            uint8 x;
            assembly {
                x := byte(0, mload(add(src, i)))
            }
            data[i] = bytes1(x);
        }
    }

    function decodeLogMem(bytes memory logRlp) external pure returns (Receipts.Log memory) {
        return Receipts.decodeLog(RLPReader.toItem(logRlp));
    }

    function decodeLogCd(bytes calldata logRlp) external pure returns (Receipts.Log memory) {
        return Receipts.decodeLogCalldata(CalldataRLP.toItem(logRlp));
    }
}

/// The calldata readers agree with the memory readers on every input: same
/// result, or the same revert (one of the libraries' own errors, never a
/// panic). Inputs: raw garbage, and valid encodings (RLP lists of every item
/// kind, headers, receipt proofs, devnet-shaped receipts and logs) with a
/// byte changed, cut short or extended.
contract CalldataLibrariesTest is ChainFixture {
    TwinProbe internal twin;

    function setUp() public {
        twin = new TwinProbe();
    }

    function _ownError(bytes memory err) internal pure returns (bool) {
        if (err.length < 4) return false;
        bytes4 sel = bytes4(err);
        return sel == RLPReader.RLPMalformed.selector || sel == BlockHeader.HeaderTooShort.selector
            || sel == MerklePatriciaProof.ProofHashMismatch.selector || sel == MerklePatriciaProof.ProofTooShort.selector
            || sel == MerklePatriciaProof.KeyNotInTrie.selector || sel == MerklePatriciaProof.BadNode.selector
            || sel == Receipts.BadReceipt.selector || sel == Receipts.ReceiptFailed.selector
            || sel == Receipts.LogIndexOutOfRange.selector;
    }

    /// Both calls succeed with the same bytes, or revert with the same own error.
    function _same(bytes memory memCall, bytes memory cdCall) internal view returns (bool ok) {
        (bool okM, bytes memory rM) = address(twin).staticcall(memCall);
        bool okC;
        bytes memory rC;
        (okC, rC) = address(twin).staticcall(cdCall);
        assertEq(okC, okM, "one reader accepted what the other refused");
        assertEq(rC, rM, "readers disagree");
        if (!okC) assertTrue(_ownError(rC), "not a library error");
        return okC;
    }

    function _rlpTwins(bytes memory b) internal view {
        _same(abi.encodeCall(twin.listMem, (b)), abi.encodeCall(twin.listCd, (b)));
        _same(abi.encodeCall(twin.scalarsMem, (b)), abi.encodeCall(twin.scalarsCd, (b)));
        _same(abi.encodeCall(twin.decodeLogMem, (b)), abi.encodeCall(twin.decodeLogCd, (b)));
        _same(abi.encodeCall(twin.viewMem, (b)), abi.encodeCall(twin.viewCd, (b)));
        _same(abi.encodeCall(twin.logsMem, (b)), abi.encodeCall(twin.logsCd, (b)));
    }

    /// one byte changed (flip ≠ 0), then cut to `cut` bytes or extended by one
    function _mutate(bytes memory b, uint256 where, uint8 flip, uint256 cut) internal pure returns (bytes memory m) {
        m = bytes.concat(b);
        if (m.length == 0) return m;
        where = where % m.length;
        m[where] ^= bytes1(flip == 0 ? 1 : flip);
        if (cut % 3 == 1) {
            uint256 n = (cut / 3) % m.length;
            assembly {
                mstore(m, n)
            }
        } else if (cut % 3 == 2) {
            m = bytes.concat(m, bytes1(uint8(cut >> 8)));
        }
    }

    function test_twins_knownEncodings() public view {
        bytes[20] memory cases = [
            bytes(hex""), hex"80", hex"7f", hex"8100", hex"8180", hex"b800", hex"b838", hex"c0", hex"c88363617483646f67",
            hex"f800", hex"f90000", hex"c3c2c0", hex"c28100", hex"c28180", hex"c285", hex"c281", hex"c3b80100",
            hex"c2c5", hex"c3f80100", hex"c4820001"
        ];
        for (uint256 i = 0; i < cases.length; i++) _rlpTwins(cases[i]);
    }

    function testFuzz_twins_rlpGarbage(bytes memory b) public view {
        _rlpTwins(b);
    }

    /// Long-form prefixes of any length (canonical or not, in bounds or not),
    /// alone and as the item of a list.
    function testFuzz_twins_longForm(bool isList, bool twoBytes, uint16 plen, uint16 haveRaw) public view {
        uint256 have = bound(haveRaw, 0, 600);
        bytes memory pre = twoBytes
            ? abi.encodePacked(uint8(isList ? 0xf9 : 0xb9), plen)
            : abi.encodePacked(uint8(isList ? 0xf8 : 0xb8), uint8(plen));
        bytes memory it = bytes.concat(pre, new bytes(have));
        _rlpTwins(it);
        bytes memory l = it.length < 56
            ? bytes.concat(bytes1(uint8(0xc0 + it.length)), it)
            : bytes.concat(hex"f9", bytes2(uint16(it.length)), it);
        _rlpTwins(l);
    }

    /// Garbage inside a well-formed list prefix: the walk over its items.
    function testFuzz_twins_listOfGarbage(bytes memory raw) public view {
        bytes memory l = raw.length < 56
            ? bytes.concat(bytes1(uint8(0xc0 + raw.length)), raw)
            : bytes.concat(hex"f9", bytes2(uint16(raw.length)), raw);
        _rlpTwins(l);
    }

    /// A list of items of every kind (single bytes, short and long strings,
    /// nested lists), then mutated.
    function testFuzz_twins_rlpMutatedList(bytes32 seed, uint8 nRaw, uint256 where, uint8 flip, uint256 cut)
        public
        view
    {
        uint256 n = bound(nRaw, 0, 12);
        bytes[] memory items = new bytes[](n);
        for (uint256 i = 0; i < n; i++) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            uint256 kind = r % 5;
            if (kind == 0) items[i] = RLPWriter.uintItem(r >> 250); // 0..63: single byte or 0x80
            else if (kind == 1) items[i] = RLPWriter.uintItem(r >> (8 + (r >> 8) % 248));
            else if (kind == 2) items[i] = RLPWriter.bytesItem(new bytes((r >> 16) % 300));
            else if (kind == 3) items[i] = RLPWriter.b32(bytes32(r));
            else items[i] = RLPWriter.list(new bytes[]((r >> 24) % 3));
        }
        bytes memory l = RLPWriter.list(items);
        _rlpTwins(l);
        _rlpTwins(_mutate(l, where, flip, cut));
    }

    function testFuzz_twins_headerMutated(uint64 number, uint256 where, uint8 flip, uint256 cut) public view {
        bytes memory h = header(number, keccak256("r"));
        assertTrue(_same(abi.encodeCall(twin.headerMem, (h)), abi.encodeCall(twin.headerCd, (h))));
        bytes memory m = _mutate(h, where, flip, cut);
        _same(abi.encodeCall(twin.headerMem, (m)), abi.encodeCall(twin.headerCd, (m)));
        _rlpTwins(m);
    }

    // ---- receipts as the devnet writes them ----

    function _voted(bytes32 recordId, uint256 i) internal pure returns (Ev memory e) {
        e.emitter = REVIEW_BOARD;
        e.topics = new bytes32[](3);
        e.topics[0] = IReviewBoard.Voted.selector;
        e.topics[1] = recordId;
        e.topics[2] = bytes32(uint256(0x1000 + i));
        e.data = abi.encode(true, "bench: approved");
    }

    /// voteBatch receipt of n records: Voted, Decision, Voted, Decision, ...
    function _batchReceipt(uint256 n) internal pure returns (bytes memory) {
        Ev[] memory logs = new Ev[](2 * n);
        for (uint256 i = 0; i < n; i++) {
            logs[2 * i + 1] = decisionLog(keccak256(abi.encode("ds", i % 4)), uint64(2 + i / 4), 0, true);
            logs[2 * i] = _voted(logs[2 * i + 1].topics[1], i);
        }
        return receipt(logs);
    }

    function testFuzz_twins_receiptMutated(uint8 nRaw, uint256 where, uint8 flip, uint256 cut) public view {
        bytes memory r = _batchReceipt(bound(nRaw, 0, 6));
        assertTrue(_same(abi.encodeCall(twin.logsMem, (r)), abi.encodeCall(twin.logsCd, (r))));
        bytes memory m = _mutate(r, where, flip, cut);
        _same(abi.encodeCall(twin.logsMem, (m)), abi.encodeCall(twin.logsCd, (m)));
    }

    function testFuzz_twins_logMutated(bool decision, uint256 where, uint8 flip, uint256 cut) public view {
        Ev memory e = decision ? decisionLog(keccak256("ds"), 3, 1, true) : _voted(keccak256("id"), 1);
        bytes memory l = encodeLog(e);
        _rlpTwins(l);
        _rlpTwins(_mutate(l, where, flip, cut));
    }

    // ---- receipt proofs ----

    function _receipts(uint256 n) internal pure returns (bytes[] memory rs) {
        rs = new bytes[](n);
        for (uint256 i = 0; i < n; i++) rs[i] = i % 3 == 2 ? _batchReceipt(2) : receipt(one(_voted(bytes32(i), i)));
    }

    function testFuzz_twins_mpt(uint8 nRaw, uint8 pickRaw, uint16 keyRaw, uint256 where, uint8 flip, uint8 mode)
        public
        view
    {
        uint256 n = bound(nRaw, 1, 16);
        uint256 pick = bound(pickRaw, 0, n - 1);
        (bytes32 root, bytes[][] memory proofs) = receiptTrie(_receipts(n));
        bytes[] memory p = proofs[pick];
        bytes memory key = RLPWriter.uintItem(pick);
        assertTrue(_same(abi.encodeCall(twin.mptMem, (root, key, p)), abi.encodeCall(twin.mptCd, (root, key, p))));
        mode = mode % 4;
        if (mode == 0) {
            // another key
            key = RLPWriter.uintItem(keyRaw);
        } else if (mode == 1) {
            // a byte changed in one node, root then following the change
            uint256 total = 0;
            for (uint256 i = 0; i < p.length; i++) total += p[i].length;
            where = where % total;
            for (uint256 i = 0; i < p.length; i++) {
                if (where < p[i].length) {
                    p[i][where] ^= bytes1(flip == 0 ? 1 : flip);
                    // re-hash upwards so the change is reached by the walk
                    if (i == 0) root = keccak256(p[0]);
                    break;
                }
                where -= p[i].length;
            }
        } else if (mode == 2) {
            // proof cut short or a node dropped
            uint256 k = where % p.length;
            assembly {
                mstore(p, k)
            }
        } else {
            // key as raw bytes of any length
            key = abi.encodePacked(bytes32(where));
            uint256 kl = flip % 33;
            assembly {
                mstore(key, kl)
            }
        }
        _same(abi.encodeCall(twin.mptMem, (root, key, p)), abi.encodeCall(twin.mptCd, (root, key, p)));
    }

    /// A root node made of arbitrary bytes (hash matching by construction):
    /// the node walk itself is compared on garbage.
    function testFuzz_twins_mptGarbageNode(bytes memory node, bytes memory key) public view {
        bytes[] memory p = new bytes[](1);
        p[0] = node;
        bytes32 root = keccak256(node);
        _same(abi.encodeCall(twin.mptMem, (root, key, p)), abi.encodeCall(twin.mptCd, (root, key, p)));
    }

    function test_twins_selectorOfMalformed() public pure {
        assertEq(RLPReader.RLPMalformed.selector, bytes4(keccak256("RLPMalformed(uint256)")));
    }
}
