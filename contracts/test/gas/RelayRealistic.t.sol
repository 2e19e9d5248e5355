// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ChainFixture} from "../utils/ChainFixture.sol";
import {RLPWriter} from "../utils/RLPWriter.sol";
import {DataRegistry} from "../../src/DataRegistry.sol";
import {ReleaseBridge} from "../../src/ReleaseBridge.sol";
import {IReleaseBridge} from "../../src/interfaces/IReleaseBridge.sol";
import {IReviewBoard} from "../../src/interfaces/IReviewBoard.sol";
import {Vm} from "forge-std/Vm.sol";
import {Receipts} from "../../src/libraries/Receipts.sol";
import {MerklePatriciaProof} from "../../src/libraries/MerklePatriciaProof.sol";

/// A relay shaped like the devnet's `sovereign bench pipeline` (issue 14):
/// the deciding validator's ReviewBoard.voteBatch receipt (EIP-1559, index 6
/// of 7 receipts in the block, a 3-node proof) with N records, each a Voted
/// log (reason "bench: approved") followed by its Decision; the relay carries
/// the N Decisions (log indices 1, 3, 5, ...), new versions of the four
/// departments' datasets that already exist, level 1. As on the devnet, the
/// ReviewBoard has a full 20-byte address and receipts and header carry
/// their real logs bloom (both count in calldata gas). Storage and accounts
/// are made cold (vm.cool) as in a real transaction, so the figures hold with
/// and without --isolate. Transaction gas = 21k + calldata (London: 4/16 per
/// byte) + the relay call's own gas; printed per record next to the same
/// run's reference: DataRegistry.publish alone, cold, of the same kind.
contract RelayRealisticTest is ChainFixture {
    uint256 internal constant DATASETS = 4;
    uint256 internal constant RECEIPTS = 7;
    uint256 internal constant TARGET = 6;

    /// The ReviewBoard's address on the consortium: 20 nonzero-looking bytes, as a deployed contract's.
    address internal constant RB = address(uint160(uint256(keccak256("devnet ReviewBoard"))));

    function setUp() public {
        _deployPublic(4);
        registry = new DataRegistry(supervisor, officer, POLICY, VERIFIER_CODE);
        bridge = new ReleaseBridge(registry, CONSORTIUM_CHAIN_ID, RB, VALIDATOR_SET, 0, 1, vals);
        registry.setBridge(address(bridge));
        // the four departments' datasets exist (version 1 of each)
        for (uint256 d = 0; d < DATASETS; d++) {
            vm.prank(address(bridge));
            registry.publish(release(_ds(d), 1, 0));
        }
    }

    function _ds(uint256 d) internal pure returns (bytes32) {
        return keccak256(abi.encode("department dataset", d));
    }

    function votedLog(bytes32 recordId, address validator) internal pure returns (Ev memory e) {
        e.emitter = RB;
        e.topics = new bytes32[](3);
        e.topics[0] = IReviewBoard.Voted.selector;
        e.topics[1] = recordId;
        e.topics[2] = bytes32(uint256(uint160(validator)));
        e.data = abi.encode(true, "bench: approved");
    }

    /// Decision of record i: dataset i % 4, version 2 + i / 4, level 1.
    function _decision(uint256 i) internal pure returns (Ev memory e) {
        bytes32 ds = _ds(i % DATASETS);
        uint64 version = uint64(2 + i / DATASETS);
        e = decisionLog(ds, version, 0, true);
        e.emitter = RB;
        e.data = abi.encode(
            DEPT,
            version,
            uint8(1),
            uint8(0),
            uint256(keccak256(abi.encode("commitment", ds, version))),
            uint256(keccak256(abi.encode("root", ds, version))),
            keccak256(abi.encode("content", ds, version)),
            uint64(0),
            true,
            uint32(1) // verifierVersion
        );
    }

    /// Calldata of the relay of n records and the certified block it is in.
    function _call(uint256 n) internal view returns (bytes memory) {
        (IReleaseBridge.Certificate memory c, bytes memory hdr, IReleaseBridge.LogProof[] memory p) = _parts(n);
        return abi.encodeCall(bridge.relay, (c, hdr, epochSet(), p));
    }

    function _parts(uint256 n)
        internal
        view
        returns (IReleaseBridge.Certificate memory c, bytes memory hdr, IReleaseBridge.LogProof[] memory p)
    {
        Ev[] memory logs = new Ev[](2 * n);
        for (uint256 i = 0; i < n; i++) {
            Ev memory d = _decision(i);
            logs[2 * i] = votedLog(d.topics[1], vals[2]);
            logs[2 * i + 1] = d;
        }
        bytes[] memory receipts = new bytes[](RECEIPTS);
        bytes memory blockBloom = new bytes(256);
        for (uint256 r = 0; r < RECEIPTS; r++) {
            // the other validators' votes on other records: one Voted each
            receipts[r] = _receipt(one(votedLog(keccak256(abi.encode("other", r)), vals[r % 4])), blockBloom);
        }
        receipts[TARGET] = _receipt(logs, blockBloom);
        (bytes32 root, bytes[][] memory nodes) = receiptTrie(receipts);
        hdr = _header(134, root, blockBloom);
        c = certify(134, hdr, 3);
        p = new IReleaseBridge.LogProof[](n);
        for (uint256 i = 0; i < n; i++) {
            p[i] = IReleaseBridge.LogProof({
                receiptIndex: TARGET, nodes: i == 0 ? nodes[TARGET] : new bytes[](0), logIndex: 2 * i + 1
            });
        }
    }

    /// Ethereum's logs bloom: 3 bits of keccak256 per address and topic.
    function _bloomAdd(bytes memory bloom, bytes memory v) internal pure {
        bytes32 h = keccak256(v);
        for (uint256 i = 0; i < 6; i += 2) {
            uint256 bit = ((uint256(uint8(h[i])) << 8) | uint8(h[i + 1])) & 2047;
            bloom[255 - bit / 8] |= bytes1(uint8(1 << (bit % 8)));
        }
    }

    /// ChainFixture.receipt with its real bloom (also ORed into blockBloom).
    function _receipt(Ev[] memory logs, bytes memory blockBloom) internal pure returns (bytes memory) {
        bytes memory bloom = new bytes(256);
        bytes[] memory l = new bytes[](logs.length);
        for (uint256 i = 0; i < logs.length; i++) {
            l[i] = encodeLog(logs[i]);
            _bloomAdd(bloom, abi.encodePacked(logs[i].emitter));
            for (uint256 t = 0; t < logs[i].topics.length; t++) _bloomAdd(bloom, abi.encodePacked(logs[i].topics[t]));
        }
        for (uint256 i = 0; i < 256; i++) blockBloom[i] |= bloom[i];
        bytes[] memory f = new bytes[](4);
        f[0] = RLPWriter.uintItem(1);
        f[1] = RLPWriter.uintItem(60_000 * (logs.length + 1));
        f[2] = RLPWriter.bytesItem(bloom);
        f[3] = RLPWriter.list(l);
        return bytes.concat(hex"02", RLPWriter.list(f));
    }

    /// ChainFixture.header with the block's bloom.
    function _header(uint256 number, bytes32 receiptsRoot, bytes memory bloom) internal view returns (bytes memory) {
        bytes memory h = header(number, receiptsRoot);
        // the bloom is field 6: b90100 + 256 bytes after 3 + 6 * 33 - 12 bytes (coinbase is 21)
        uint256 at = 3 + 33 + 33 + 21 + 33 + 33 + 33;
        require(h[at] == 0xb9 && h[at + 1] == 0x01 && h[at + 2] == 0x00, "fixture: bloom not where expected");
        for (uint256 i = 0; i < 256; i++) h[at + 3 + i] = bloom[i];
        return h;
    }

    function _calldataGas(bytes memory call) internal pure returns (uint256 g) {
        for (uint256 i = 0; i < call.length; i++) g += call[i] == 0 ? 4 : 16;
    }

    function _cold() internal {
        vm.cool(address(bridge));
        vm.cool(address(registry));
    }

    function _case(uint256 n) internal returns (uint256 perRecord) {
        bytes memory call = _call(n);
        uint256 cd = _calldataGas(call);
        uint256 before = registry.recordCount();
        _cold();
        (bool ok,) = address(bridge).call(call);
        assertTrue(ok, "relay failed");
        Vm.Gas memory g = vm.lastCallGas();
        assertEq(registry.recordCount(), before + n);
        uint256 txGas = 21_000 + cd + g.gasTotalUsed;
        perRecord = txGas / n;

        // same-run reference: the next version of dataset 0, published alone, cold
        _cold();
        vm.prank(address(bridge));
        registry.publish(release(_ds(0), uint64(100), 0));
        uint256 ref = vm.lastCallGas().gasTotalUsed;

        emit log_named_uint("records", n);
        emit log_named_uint("calldata bytes", call.length);
        emit log_named_uint("calldata gas", cd);
        emit log_named_uint("relay call gas (cold)", g.gasTotalUsed);
        emit log_named_uint("transaction gas (21k + calldata + relay)", txGas);
        emit log_named_uint("transaction gas per record", perRecord);
        emit log_named_uint("same-run reference: DataRegistry.publish alone, cold", ref);
        emit log_named_decimal_uint("ratio per record / reference", perRecord * 100 / ref, 2);
    }

    function test_gas_realistic_4() public {
        _case(4);
    }

    /// Goal (issue 14): ≤ 100k gas per published record, batched, at the devnet's typical batch.
    function test_gas_realistic_8() public {
        assertLe(_case(8), 100_000, "realistic batch of 8 over 100k per record");
    }

    function test_gas_realistic_16() public {
        _case(16);
    }

    // ---- the same relay refused ----

    /// A Voted log of the batch is no log the bridge relays.
    function test_RevertWhen_realisticVotedLog() public {
        (IReleaseBridge.Certificate memory c, bytes memory hdr, IReleaseBridge.LogProof[] memory p) = _parts(8);
        p[3].logIndex = 6;
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.UnknownLog.selector, RB, IReviewBoard.Voted.selector));
        relay_(c, hdr, p);
    }

    function test_RevertWhen_realisticLogIndexOutOfRange() public {
        (IReleaseBridge.Certificate memory c, bytes memory hdr, IReleaseBridge.LogProof[] memory p) = _parts(8);
        p[7].logIndex = 16;
        vm.expectRevert(abi.encodeWithSelector(Receipts.LogIndexOutOfRange.selector, 16, 16));
        relay_(c, hdr, p);
    }

    function test_RevertWhen_realisticRelayedTwice() public {
        (IReleaseBridge.Certificate memory c, bytes memory hdr, IReleaseBridge.LogProof[] memory p) = _parts(8);
        relay_(c, hdr, p);
        IReleaseBridge.LogProof[] memory again = new IReleaseBridge.LogProof[](1);
        again[0] = p[0];
        again[0].logIndex = 5;
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.AlreadyRelayed.selector, c.blockHash, TARGET, 5));
        relay_(c, hdr, again);
    }

    /// A byte of the receipt changed: the leaf no longer hashes to its reference.
    function test_RevertWhen_realisticReceiptChanged() public {
        (IReleaseBridge.Certificate memory c, bytes memory hdr, IReleaseBridge.LogProof[] memory p) = _parts(8);
        bytes memory leaf = p[0].nodes[2];
        leaf[leaf.length - 300] ^= 0x01;
        vm.expectRevert(abi.encodeWithSelector(MerklePatriciaProof.ProofHashMismatch.selector, 2));
        relay_(c, hdr, p);
    }

    /// The proof of receipt 6 given for receipt 5: the walk for key 5 wants
    /// receipt 5's leaf where the proof has receipt 6's.
    function test_RevertWhen_realisticWrongReceiptIndex() public {
        (IReleaseBridge.Certificate memory c, bytes memory hdr, IReleaseBridge.LogProof[] memory p) = _parts(8);
        for (uint256 i = 0; i < p.length; i++) p[i].receiptIndex = 5;
        vm.expectRevert(abi.encodeWithSelector(MerklePatriciaProof.ProofHashMismatch.selector, 2));
        relay_(c, hdr, p);
    }

    function test_RevertWhen_realisticHeaderChanged() public {
        (IReleaseBridge.Certificate memory c, bytes memory hdr, IReleaseBridge.LogProof[] memory p) = _parts(8);
        hdr[hdr.length - 1] ^= 0x01;
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.HeaderHashMismatch.selector, c.blockHash, keccak256(hdr)));
        relay_(c, hdr, p);
    }

    function test_RevertWhen_realisticForgedSeal() public {
        (IReleaseBridge.Certificate memory c, bytes memory hdr, IReleaseBridge.LogProof[] memory p) = _parts(8);
        c.seals[1] = seal(uint256(keccak256("not a validator")), 134, c.blockHash);
        vm.expectPartialRevert(IReleaseBridge.SealNotValidator.selector);
        relay_(c, hdr, p);
    }
}
