// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ChainFixture} from "./utils/ChainFixture.sol";
import {RLPWriter} from "./utils/RLPWriter.sol";
import {RLPReader} from "../src/libraries/RLPReader.sol";
import {BlockHeader} from "../src/libraries/BlockHeader.sol";
import {MerklePatriciaProof} from "../src/libraries/MerklePatriciaProof.sol";
import {Receipts} from "../src/libraries/Receipts.sol";
import {SubmissionBinding} from "../src/libraries/SubmissionBinding.sol";

/// External entry points so tests can catch the libraries' reverts.
contract LibProbe {
    using RLPReader for RLPReader.Item;

    function header(bytes memory rlp) external pure returns (BlockHeader.Header memory) {
        return BlockHeader.decode(rlp);
    }

    function mptGet(bytes32 root, bytes memory key, bytes[] memory proof) external pure returns (bytes memory) {
        return MerklePatriciaProof.get(root, key, proof);
    }

    function log0(bytes memory receipt, uint256 i) external pure returns (Receipts.Log memory) {
        return Receipts.logAt(receipt, i);
    }

    /// viewDecisionShaped on an encoded log, with the viewed data copied out.
    function viewShaped(bytes memory logRlp)
        external
        pure
        returns (bool ok, address emitter, uint256 topicCount, bytes32[3] memory topics, bytes memory data)
    {
        Receipts.LogView memory v;
        ok = Receipts.viewDecisionShaped(RLPReader.toItem(logRlp), v);
        data = new bytes(v.dataLen);
        uint256 src = v.dataPtr;
        for (uint256 i = 0; i < v.dataLen; i++) {
            uint8 b;
            assembly {
                b := byte(0, mload(add(src, i)))
            }
            data[i] = bytes1(b);
        }
        return (ok, v.emitter, v.topicCount, v.topics, data);
    }

    function decodeLog(bytes memory logRlp) external pure returns (Receipts.Log memory) {
        return Receipts.decodeLog(RLPReader.toItem(logRlp));
    }

    function uintOf(bytes memory rlp) external pure returns (uint256) {
        return RLPReader.toItem(rlp).toUint();
    }

    function bytesOf(bytes memory rlp) external pure returns (bytes memory) {
        return RLPReader.toItem(rlp).toBytes();
    }

    function listLen(bytes memory rlp) external pure returns (uint256) {
        return RLPReader.toItem(rlp).toList().length;
    }
}

contract LibrariesTest is ChainFixture {
    LibProbe internal probe;

    function setUp() public {
        probe = new LibProbe();
    }

    /// The only acceptable failures of the decoders: their own errors, never a panic.
    function _ownError(bytes memory err) internal pure returns (bool) {
        if (err.length < 4) return false;
        bytes4 sel = bytes4(err);
        return sel == RLPReader.RLPMalformed.selector || sel == BlockHeader.HeaderTooShort.selector
            || sel == MerklePatriciaProof.ProofHashMismatch.selector || sel == MerklePatriciaProof.ProofTooShort.selector
            || sel == MerklePatriciaProof.KeyNotInTrie.selector || sel == MerklePatriciaProof.BadNode.selector
            || sel == Receipts.BadReceipt.selector || sel == Receipts.ReceiptFailed.selector
            || sel == Receipts.LogIndexOutOfRange.selector;
    }

    // ---- RLP ----

    function test_rlp_knownEncodings() public view {
        assertEq(probe.uintOf(hex"80"), 0);
        assertEq(probe.uintOf(hex"7f"), 0x7f);
        assertEq(probe.uintOf(hex"8180"), 0x80);
        assertEq(probe.uintOf(hex"820400"), 0x400);
        assertEq(probe.bytesOf(hex"83646f67"), bytes("dog"));
        assertEq(probe.listLen(hex"c88363617483646f67"), 2);
        assertEq(probe.listLen(hex"c0"), 0);
        assertEq(RLPReader.encodeUint(0), hex"80");
        assertEq(RLPReader.encodeUint(1), hex"01");
        assertEq(RLPReader.encodeUint(128), hex"8180");
        assertEq(RLPReader.encodeUint(0x1234), hex"821234");
    }

    function test_RevertWhen_rlpMalformed() public {
        vm.expectRevert(abi.encodeWithSelector(RLPReader.RLPMalformed.selector, 1));
        probe.bytesOf("");
        vm.expectRevert(abi.encodeWithSelector(RLPReader.RLPMalformed.selector, 3));
        probe.bytesOf(hex"83646f"); // payload runs past the end
        vm.expectRevert(abi.encodeWithSelector(RLPReader.RLPMalformed.selector, 4));
        probe.bytesOf(hex"8105"); // single byte < 0x80 must encode as itself
        vm.expectRevert(abi.encodeWithSelector(RLPReader.RLPMalformed.selector, 4));
        probe.bytesOf(hex"b80161"); // long form for a short string
        vm.expectRevert(abi.encodeWithSelector(RLPReader.RLPMalformed.selector, 5));
        probe.bytesOf(hex"83646f6700"); // trailing byte
        vm.expectRevert(abi.encodeWithSelector(RLPReader.RLPMalformed.selector, 6));
        probe.listLen(hex"83646f67"); // string where a list is expected
        vm.expectRevert(abi.encodeWithSelector(RLPReader.RLPMalformed.selector, 3));
        probe.bytesOf(hex"bf0102030405060708090a"); // 8-byte length far past the end
        vm.expectRevert(abi.encodeWithSelector(RLPReader.RLPMalformed.selector, 7));
        probe.uintOf(hex"a1000000000000000000000000000000000000000000000000000000000000000001");
    }

    function testFuzz_rlp_uintRoundTrip(uint256 v) public view {
        assertEq(probe.uintOf(RLPWriter.uintItem(v)), v);
        assertEq(RLPReader.encodeUint(v), RLPWriter.uintItem(v));
    }

    function testFuzz_rlp_bytesRoundTrip(bytes memory b) public view {
        assertEq(probe.bytesOf(RLPWriter.bytesItem(b)), b);
    }

    /// Random bytes never make the decoder panic or read out of bounds.
    function testFuzz_rlp_garbage(bytes memory b) public view {
        try probe.listLen(b) {}
        catch (bytes memory err) {
            assertTrue(_ownError(err), "decoder failed with a foreign error");
        }
        try probe.bytesOf(b) {}
        catch (bytes memory err) {
            assertTrue(_ownError(err), "decoder failed with a foreign error");
        }
    }

    // ---- header ----

    function testFuzz_header_roundTrip(uint64 number, bytes32 receiptsRoot) public view {
        bytes memory h = header(number, receiptsRoot);
        BlockHeader.Header memory d = probe.header(h);
        assertEq(d.hash, keccak256(h));
        assertEq(d.number, number);
        assertEq(d.receiptsRoot, receiptsRoot);
        assertEq(d.stateRoot, keccak256(abi.encode("state", uint256(number))));
        assertEq(d.parentHash, keccak256(abi.encode("parent", uint256(number))));
        assertEq(d.time, 1_760_000_000 + uint256(number));
    }

    /// A header cut short or with one byte changed fails with the decoder's
    /// own error or decodes to another hash — never to the original one.
    function testFuzz_header_mutated(uint64 number, uint256 where, uint8 flip, uint256 cut) public view {
        bytes memory h = header(number, keccak256("r"));
        bytes32 want = keccak256(h);
        where = bound(where, 0, h.length - 1);
        bytes memory m = bytes.concat(h);
        m[where] ^= bytes1(flip == 0 ? 1 : flip);
        try probe.header(m) returns (BlockHeader.Header memory d) {
            assertTrue(d.hash != want);
        } catch (bytes memory err) {
            assertTrue(_ownError(err));
        }
        cut = bound(cut, 0, h.length - 1);
        bytes memory t = new bytes(cut);
        for (uint256 i = 0; i < cut; i++) t[i] = h[i];
        try probe.header(t) {
            revert("a truncated header decoded");
        } catch (bytes memory err) {
            assertTrue(_ownError(err));
        }
    }

    function test_RevertWhen_headerTooShort() public {
        bytes[] memory f = new bytes[](3);
        f[0] = RLPWriter.uintItem(1);
        f[1] = RLPWriter.uintItem(2);
        f[2] = RLPWriter.uintItem(3);
        vm.expectRevert(abi.encodeWithSelector(BlockHeader.HeaderTooShort.selector, 3));
        probe.header(RLPWriter.list(f));
    }

    // ---- MPT ----

    function _receipts(uint256 n) internal pure returns (bytes[] memory rs) {
        rs = new bytes[](n);
        for (uint256 i = 0; i < n; i++) rs[i] = receipt(one(decisionLog(keccak256(abi.encode(i)), 1, 0, true)));
    }

    function testFuzz_mpt_provesEveryReceipt(uint8 nRaw, uint8 pickRaw) public view {
        uint256 n = bound(nRaw, 1, 16);
        uint256 pick = bound(pickRaw, 0, n - 1);
        bytes[] memory rs = _receipts(n);
        (bytes32 root, bytes[][] memory proofs) = receiptTrie(rs);
        assertEq(probe.mptGet(root, RLPReader.encodeUint(pick), proofs[pick]), rs[pick]);
        Receipts.Log memory l = probe.log0(rs[pick], 0);
        assertEq(l.emitter, REVIEW_BOARD);
        assertEq(l.topics[2], keccak256(abi.encode(pick)));
    }

    /// One changed byte anywhere in a proof never yields a value.
    function testFuzz_mpt_mutatedProofRejected(uint8 nRaw, uint8 pickRaw, uint256 where, uint8 flip) public view {
        uint256 n = bound(nRaw, 1, 16);
        uint256 pick = bound(pickRaw, 0, n - 1);
        (bytes32 root, bytes[][] memory proofs) = receiptTrie(_receipts(n));
        bytes[] memory p = proofs[pick];
        uint256 total = 0;
        for (uint256 i = 0; i < p.length; i++) total += p[i].length;
        where = bound(where, 0, total - 1);
        for (uint256 i = 0; i < p.length; i++) {
            if (where < p[i].length) {
                p[i][where] ^= bytes1(flip == 0 ? 1 : flip);
                break;
            }
            where -= p[i].length;
        }
        try probe.mptGet(root, RLPReader.encodeUint(pick), p) {
            revert("a mutated proof was accepted");
        } catch (bytes memory err) {
            assertTrue(_ownError(err));
        }
    }

    /// A proof for one key never proves another key.
    function testFuzz_mpt_wrongKeyRejected(uint8 nRaw, uint8 pickRaw, uint16 other) public view {
        uint256 n = bound(nRaw, 1, 16);
        uint256 pick = bound(pickRaw, 0, n - 1);
        vm.assume(other != pick);
        (bytes32 root, bytes[][] memory proofs) = receiptTrie(_receipts(n));
        try probe.mptGet(root, RLPReader.encodeUint(other), proofs[pick]) returns (bytes memory v) {
            // only possible if `other` is in the trie and its path is inside this proof
            assertTrue(other < n);
            assertEq(v, receipt(one(decisionLog(keccak256(abi.encode(uint256(other))), 1, 0, true))));
        } catch (bytes memory err) {
            assertTrue(_ownError(err));
        }
    }

    function test_RevertWhen_mptEmptyOrShort() public {
        vm.expectRevert(MerklePatriciaProof.ProofTooShort.selector);
        probe.mptGet(bytes32(0), hex"80", new bytes[](0));
        (bytes32 root, bytes[][] memory proofs) = receiptTrie(_receipts(3));
        bytes[] memory shortP = new bytes[](1);
        shortP[0] = proofs[1][0];
        vm.expectRevert(MerklePatriciaProof.ProofTooShort.selector);
        probe.mptGet(root, hex"01", shortP);
        vm.expectRevert(abi.encodeWithSelector(MerklePatriciaProof.ProofHashMismatch.selector, 0));
        probe.mptGet(keccak256("other root"), hex"01", proofs[1]);
    }

    function test_RevertWhen_mptBadNode() public {
        bytes[] memory f = new bytes[](3); // a 3-item list is neither branch nor leaf
        f[0] = RLPWriter.uintItem(1);
        f[1] = RLPWriter.uintItem(2);
        f[2] = RLPWriter.uintItem(3);
        bytes[] memory proof = new bytes[](1);
        proof[0] = RLPWriter.list(f);
        vm.expectRevert(MerklePatriciaProof.BadNode.selector);
        probe.mptGet(keccak256(proof[0]), hex"80", proof);
    }

    function test_receipt_failedAndBad() public {
        bytes[] memory f = new bytes[](4);
        f[0] = RLPWriter.uintItem(0);
        f[1] = RLPWriter.uintItem(1);
        f[2] = RLPWriter.bytesItem(new bytes(256));
        f[3] = RLPWriter.list(new bytes[](0));
        vm.expectRevert(Receipts.ReceiptFailed.selector);
        probe.log0(bytes.concat(hex"02", RLPWriter.list(f)), 0);
        f[0] = RLPWriter.uintItem(1);
        vm.expectRevert(abi.encodeWithSelector(Receipts.LogIndexOutOfRange.selector, 0, 0));
        probe.log0(RLPWriter.list(f), 0); // legacy receipt, no logs
        vm.expectRevert(Receipts.BadReceipt.selector);
        probe.log0(hex"00c0", 0);
        vm.expectRevert(Receipts.BadReceipt.selector);
        probe.log0("", 0);
    }

    // ---- Decision logs read in place ----

    /// A 3-topic, 320-byte log is read in place with exactly what decodeLog returns.
    function testFuzz_receipt_viewAgreesWithDecode(address emitter, bytes32 t0, bytes32 t1, bytes32 t2, bytes32 seed)
        public
        view
    {
        Ev memory e;
        e.emitter = emitter;
        e.topics = new bytes32[](3);
        (e.topics[0], e.topics[1], e.topics[2]) = (t0, t1, t2);
        e.data = abi.encode(seed, keccak256(abi.encode(seed, 1)), seed, seed, seed, seed, seed, seed, keccak256(abi.encode(seed)), seed);
        bytes memory enc = encodeLog(e);
        (bool ok, address em, uint256 n, bytes32[3] memory topics, bytes memory data) = probe.viewShaped(enc);
        assertTrue(ok, "decision-shaped log not read in place");
        Receipts.Log memory l = probe.decodeLog(enc);
        assertEq(em, l.emitter);
        assertEq(n, l.topics.length);
        for (uint256 i = 0; i < 3; i++) assertEq(topics[i], l.topics[i]);
        assertEq(data, l.data);
    }

    /// Any other shape (topic count, data length) is left to decodeLog.
    function test_receipt_viewRefusesOtherShapes() public view {
        Ev memory e = decisionLog(keccak256("ds"), 1, 0, true);
        (bool ok,,,,) = probe.viewShaped(encodeLog(e));
        assertTrue(ok);
        e.data = bytes.concat(e.data, bytes32(0)); // 320 bytes
        (ok,,,,) = probe.viewShaped(encodeLog(e));
        assertFalse(ok);
        e = decisionLog(keccak256("ds"), 1, 0, true);
        bytes memory d = e.data;
        assembly {
            mstore(d, 256) // the 256 bytes of a Decision without its department
        }
        (ok,,,,) = probe.viewShaped(encodeLog(e));
        assertFalse(ok);
        e = decisionLog(keccak256("ds"), 1, 0, true);
        e.topics = new bytes32[](2);
        (ok,,,,) = probe.viewShaped(encodeLog(e));
        assertFalse(ok);
        (ok,,,,) = probe.viewShaped(encodeLog(accessLog(bytes32(uint256(1)), bytes32(uint256(2)), true, 5)));
        assertFalse(ok);
    }

    /// A changed byte never makes the in-place reader accept what decodeLog
    /// refuses or reads differently.
    function testFuzz_receipt_viewMutatedNeverDisagrees(uint256 where, uint8 flip) public view {
        bytes memory enc = encodeLog(decisionLog(keccak256("ds"), 7, 0, true));
        flip = flip == 0 ? 1 : flip;
        enc[where % enc.length] = bytes1(uint8(enc[where % enc.length]) ^ flip);
        try probe.viewShaped(enc) returns (bool ok, address em, uint256 n, bytes32[3] memory topics, bytes memory data) {
            if (!ok) return;
            Receipts.Log memory l = probe.decodeLog(enc); // must not revert
            assertEq(em, l.emitter);
            assertEq(n, l.topics.length);
            for (uint256 i = 0; i < 3; i++) assertEq(topics[i], l.topics[i]);
            assertEq(data, l.data);
        } catch (bytes memory err) {
            assertTrue(_ownError(err), "panic");
        }
    }

    /// The binding of a submission, the circuit's sixth public input: the same
    /// known answer record.TestBindingVector pins for Go's record.Binding.
    function test_submissionBinding_knownAnswer() public pure {
        bytes32 datasetId = keccak256(abi.encode(keccak256("health"), keccak256("hospital-admissions")));
        assertEq(datasetId, 0xc6a0200c088b3edd06a16916a82d221f543fa689e0ba571082914188a3138822);
        uint256 b = SubmissionBinding.compute(datasetId, 1, keccak256("released view"));
        assertEq(b, 0x00d66518df79f1a184433f73f6674cfc4f885bb018b31f99d5263b0feb784f83);
        assertLt(b, 1 << 248);
        assertTrue(SubmissionBinding.compute(datasetId, 2, keccak256("released view")) != b);
        assertTrue(SubmissionBinding.compute(datasetId, 1, keccak256("other view")) != b);
    }
}
