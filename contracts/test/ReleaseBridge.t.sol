// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ChainFixture} from "./utils/ChainFixture.sol";
import {ReleaseBridge} from "../src/ReleaseBridge.sol";
import {IReleaseBridge} from "../src/interfaces/IReleaseBridge.sol";
import {IDataRegistry} from "../src/interfaces/IDataRegistry.sol";
import {MerklePatriciaProof} from "../src/libraries/MerklePatriciaProof.sol";
import {Receipts} from "../src/libraries/Receipts.sol";
import {BlockHeader} from "../src/libraries/BlockHeader.sol";
import {RLPReader} from "../src/libraries/RLPReader.sol";

contract ReleaseBridgeTest is ChainFixture {
    bytes32 internal constant DS = keccak256("dataset: budget 2026");
    uint256 internal constant HALF_N = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0;
    uint256 internal constant N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141;

    function setUp() public {
        _deployPublic(4);
    }

    function _releaseBlock(uint256 number, uint64 version)
        internal
        view
        returns (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p)
    {
        return block_(number, one(decisionLog(DS, version, 0, true)));
    }

    function test_constructor_state() public view {
        assertEq(bridge.registry(), address(registry));
        assertEq(bridge.consortiumChainId(), CONSORTIUM_CHAIN_ID);
        assertEq(bridge.reviewBoard(), REVIEW_BOARD);
        assertEq(bridge.validatorSet(), VALIDATOR_SET);
        assertEq(bridge.validators().length, 4);
        assertEq(bridge.quorum(), 3);
        assertTrue(bridge.isValidator(vals[2]));
        assertFalse(bridge.isValidator(address(this)));
    }

    function test_RevertWhen_constructorBad() public {
        address[] memory none = new address[](0);
        vm.expectRevert(IReleaseBridge.EmptyValidatorSet.selector);
        new ReleaseBridge(registry, 1, REVIEW_BOARD, VALIDATOR_SET, none);
        vm.expectRevert(IReleaseBridge.ZeroAddress.selector);
        new ReleaseBridge(IDataRegistry(address(0)), 1, REVIEW_BOARD, VALIDATOR_SET, vals);
        address[] memory dup = new address[](2);
        dup[0] = vals[0];
        dup[1] = vals[0];
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.ValidatorSetMismatch.selector, vals[0]));
        new ReleaseBridge(registry, 1, REVIEW_BOARD, VALIDATOR_SET, dup);
    }

    function test_relay_publishesApprovedDecision() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        vm.expectEmit(true, true, false, true);
        emit IReleaseBridge.Relayed(10, c.blockHash, 0, 0, IReleaseBridge.LogKind.Release, keccak256(abi.encode(DS, uint64(1))));
        vm.prank(address(0xAB)); // anyone may relay
        bridge.relay(c, h, p);
        IDataRegistry.Record memory r = registry.getRecord(keccak256(abi.encode(DS, uint64(1))));
        assertEq(r.datasetId, DS);
        assertEq(r.version, 1);
        assertEq(
            r.valuesHash,
            registry.hashValues(
                uint256(keccak256(abi.encode("commitment", DS, uint64(1)))),
                uint256(keccak256(abi.encode("root", DS, uint64(1)))),
                keccak256(abi.encode("content", DS, uint64(1)))
            )
        );
        assertTrue(bridge.isRelayed(c.blockHash, 0, 0));
        assertFalse(bridge.isRelayed(c.blockHash, 0, 1));
    }

    /// The released values reach readers through the Published event; the
    /// stored valuesHash is the hash of exactly those.
    function test_relay_publishedEventCarriesValues() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        IDataRegistry.Release memory rel = release(DS, 1, 0);
        vm.expectEmit(true, true, true, true, address(registry));
        emit IDataRegistry.Published(
            keccak256(abi.encode(DS, uint64(1))), DS, 1, 0, 0, 0, 0, rel.commitment, rel.releasedRoot, rel.contentHash
        );
        bridge.relay(c, h, p);
    }

    /// A Decision whose data is not the canonical 256 bytes (here a trailing
    /// word) is decoded the general way and published with the same values.
    function test_relay_nonCanonicalDecisionDecoded() public {
        Ev memory e = decisionLog(DS, 1, 0, true);
        e.data = bytes.concat(e.data, bytes32(uint256(0xdead)));
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = block_(10, one(e));
        IDataRegistry.Release memory rel = release(DS, 1, 0);
        vm.expectEmit(true, true, true, true, address(registry));
        emit IDataRegistry.Published(
            keccak256(abi.encode(DS, uint64(1))), DS, 1, 0, 0, 0, 0, rel.commitment, rel.releasedRoot, rel.contentHash
        );
        bridge.relay(c, h, p);
        assertEq(registry.recordCount(), 1);
    }

    /// Decision data that abi.decode would refuse: a field out of its type's
    /// range (read in place) or too short (decoded the general way).
    function test_RevertWhen_decisionMalformed() public {
        Ev memory e = decisionLog(DS, 1, 0, true);
        assembly {
            mstore(add(mload(add(e, 64)), 64), 256) // level (word 1) = 256: not a uint8
        }
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = block_(10, one(e));
        vm.expectRevert(IReleaseBridge.MalformedDecision.selector);
        bridge.relay(c, h, p);

        e = decisionLog(DS, 1, 0, true);
        assembly {
            mstore(add(mload(add(e, 64)), 256), 2) // approved (word 7) = 2: not a bool
        }
        (c, h, p) = block_(11, one(e));
        vm.expectRevert(IReleaseBridge.MalformedDecision.selector);
        bridge.relay(c, h, p);

        e = decisionLog(DS, 1, 0, true);
        bytes memory d = e.data;
        assembly {
            mstore(d, 224) // seven words
        }
        (c, h, p) = block_(12, one(e));
        vm.expectRevert(IReleaseBridge.MalformedDecision.selector);
        bridge.relay(c, h, p);
        assertEq(registry.recordCount(), 0);
    }

    function test_relay_rejectionPublishesNothing() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) =
            block_(10, one(decisionLog(DS, 1, 0, false)));
        bridge.relay(c, h, p);
        assertEq(registry.recordCount(), 0);
    }

    function test_relay_batch() public {
        Ev[] memory logs = new Ev[](5);
        for (uint256 i = 0; i < 5; i++) logs[i] = decisionLog(keccak256(abi.encode(i)), 1, 0, true);
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = block_(3, logs);
        bridge.relay(c, h, p);
        assertEq(registry.recordCount(), 5);
    }

    function test_relay_allSealsAccepted() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        c = certify(10, h, 4);
        bridge.relay(c, h, p);
        assertEq(registry.recordCount(), 1);
    }

    function test_RevertWhen_sealMissing() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        c = certify(10, h, 2);
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.NotEnoughSeals.selector, 2, 3));
        bridge.relay(c, h, p);
    }

    function test_RevertWhen_sealFromNonValidator() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        uint256 outsider = 0xBAD;
        c.seals[2] = seal(outsider, 10, c.blockHash);
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.SealNotValidator.selector, 2, vm.addr(outsider)));
        bridge.relay(c, h, p);
    }

    function test_RevertWhen_duplicateSeal() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        c.seals[2] = c.seals[0];
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.DuplicateSeal.selector, 2, vals[0]));
        bridge.relay(c, h, p);
    }

    function test_RevertWhen_sealBadLength() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        c.seals[1] = bytes.concat(c.seals[1], hex"00");
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.BadSealLength.selector, 1));
        bridge.relay(c, h, p);
    }

    function test_RevertWhen_sealVZeroOne() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        c.seals[1][64] = bytes1(uint8(c.seals[1][64]) - 27); // the 0/1 form is refused: 27/28 only
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.BadSealV.selector, 1));
        bridge.relay(c, h, p);
    }

    function test_RevertWhen_sealHighS() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        // the malleable twin (r, n − s, v ^ 1) recovers the same signer; refused
        bytes memory s0 = c.seals[0];
        bytes32 r;
        bytes32 s;
        assembly {
            r := mload(add(s0, 32))
            s := mload(add(s0, 64))
        }
        uint8 v = uint8(s0[64]) == 27 ? 28 : 27;
        c.seals[0] = abi.encodePacked(r, bytes32(N - uint256(s)), v);
        assertGt(N - uint256(s), HALF_N);
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.HighS.selector, 0));
        bridge.relay(c, h, p);
    }

    function test_RevertWhen_sealUnrecoverable() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        c.seals[1] = abi.encodePacked(bytes32(0), bytes32(uint256(1)), uint8(27)); // r = 0: ecrecover yields 0
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.BadSignature.selector, 1));
        bridge.relay(c, h, p);
    }

    function test_RevertWhen_tooManyValidators() public {
        address[] memory many = new address[](257);
        for (uint256 i = 0; i < many.length; i++) many[i] = address(uint160(0x1000 + i));
        vm.expectRevert(IReleaseBridge.TooManyValidators.selector);
        new ReleaseBridge(registry, 1, REVIEW_BOARD, VALIDATOR_SET, many);
    }

    function test_RevertWhen_sealSignsOtherBlock() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        c.seals[1] = seal(valKeys[1], 11, c.blockHash); // wrong number in the digest
        vm.expectPartialRevert(IReleaseBridge.SealNotValidator.selector);
        bridge.relay(c, h, p);
    }

    function test_relay_certificateOfLaterRound() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        c.round = 3;
        for (uint256 i = 0; i < c.seals.length; i++) c.seals[i] = seal(valKeys[i], 10, 3, c.blockHash);
        bridge.relay(c, h, p);
        assertEq(registry.recordCount(), 1);
    }

    /// Seal v2: seals of one block from different rounds make no certificate
    /// (collected across rounds they could certify two blocks at one height).
    function test_RevertWhen_sealsFromDifferentRounds() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        c.round = 2;
        c.seals[0] = seal(valKeys[0], 10, 0, c.blockHash);
        c.seals[1] = seal(valKeys[1], 10, 2, c.blockHash);
        c.seals[2] = seal(valKeys[2], 10, 3, c.blockHash);
        vm.expectPartialRevert(IReleaseBridge.SealNotValidator.selector);
        bridge.relay(c, h, p);
    }

    function test_RevertWhen_certificateRoundRelabelled() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        c.round = 1; // seals were made for round 0
        vm.expectPartialRevert(IReleaseBridge.SealNotValidator.selector);
        bridge.relay(c, h, p);
    }

    function test_RevertWhen_headerByteChanged() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        h[h.length - 1] = bytes1(uint8(h[h.length - 1]) ^ 1);
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.HeaderHashMismatch.selector, c.blockHash, keccak256(h)));
        bridge.relay(c, h, p);
    }

    function test_RevertWhen_headerNumberMismatch() public {
        (, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        IReleaseBridge.Certificate memory c = certify(11, h, 3); // seals over number 11, header says 10
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.HeaderNumberMismatch.selector, 11, 10));
        bridge.relay(c, h, p);
    }

    function test_RevertWhen_receiptByteChanged() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        bytes memory leaf = p[0].nodes[0];
        leaf[leaf.length - 40] = bytes1(uint8(leaf[leaf.length - 40]) ^ 0x10);
        vm.expectRevert(abi.encodeWithSelector(MerklePatriciaProof.ProofHashMismatch.selector, 0));
        bridge.relay(c, h, p);
    }

    function test_RevertWhen_replayed() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        bridge.relay(c, h, p);
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.AlreadyRelayed.selector, c.blockHash, 0, 0));
        bridge.relay(c, h, p);
    }

    function test_relay_manyLogsOneReceipt() public {
        Ev[] memory logs = new Ev[](4);
        for (uint256 i = 0; i < 4; i++) logs[i] = decisionLog(keccak256(abi.encode(i)), 1, 0, true);
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) =
            blockOneReceipt(40, logs);
        assertEq(p[0].nodes.length, 1);
        assertEq(p[3].nodes.length, 0);
        bridge.relay(c, h, p);
        assertEq(registry.recordCount(), 4);
        for (uint256 i = 0; i < 4; i++) assertTrue(bridge.isRelayed(c.blockHash, 0, i));
        // replaying one log of the receipt (with its proof) is refused
        IReleaseBridge.LogProof[] memory again = new IReleaseBridge.LogProof[](1);
        again[0] = p[0];
        again[0].logIndex = 2;
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.AlreadyRelayed.selector, c.blockHash, 0, 2));
        bridge.relay(c, h, again);
    }

    function test_RevertWhen_missingProof() public {
        Ev[] memory logs = new Ev[](2);
        logs[0] = decisionLog(keccak256("a"), 1, 0, true);
        logs[1] = decisionLog(keccak256("b"), 1, 0, true);
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = block_(41, logs);
        IReleaseBridge.LogProof[] memory q = new IReleaseBridge.LogProof[](2);
        q[0] = p[0];
        q[1] = IReleaseBridge.LogProof({receiptIndex: 1, nodes: new bytes[](0), logIndex: 0}); // other receipt, no proof
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.MissingProof.selector, 1));
        bridge.relay(c, h, q);
        q[0] = q[1];
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.MissingProof.selector, 0));
        bridge.relay(c, h, q);
    }

    function test_RevertWhen_noProofs() public {
        (IReleaseBridge.Certificate memory c, bytes memory h,) = _releaseBlock(10, 1);
        vm.expectRevert(IReleaseBridge.NoProofs.selector);
        bridge.relay(c, h, new IReleaseBridge.LogProof[](0));
    }

    function test_RevertWhen_unknownLog() public {
        Ev memory e = decisionLog(DS, 1, 0, true);
        e.emitter = address(0xEE1);
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = block_(10, one(e));
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.UnknownLog.selector, address(0xEE1), e.topics[0]));
        bridge.relay(c, h, p);
    }

    function test_RevertWhen_logIndexOutOfRange() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        p[0].logIndex = 1;
        vm.expectRevert(abi.encodeWithSelector(Receipts.LogIndexOutOfRange.selector, 1, 1));
        bridge.relay(c, h, p);
    }

    function test_RevertWhen_wrongReceiptIndex() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        p[0].receiptIndex = 1; // key 0x01 is not in a one-receipt trie
        vm.expectRevert(MerklePatriciaProof.KeyNotInTrie.selector);
        bridge.relay(c, h, p);
    }

    function test_relay_accessDecision() public {
        vm.prank(address(bridge));
        registry.publish(_conditional());
        bytes32 recordId = keccak256(abi.encode(DS, uint64(1)));
        bytes32 req = registry.requestAccess(recordId, "research");
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) =
            block_(10, one(accessLog(req, recordId, true, 1234)));
        bridge.relay(c, h, p);
        (,, IDataRegistry.AccessStatus st, uint64 exp) = registry.accessRequest(req);
        assertEq(uint256(st), uint256(IDataRegistry.AccessStatus.Granted));
        assertEq(exp, 1234);
    }

    function _conditional() internal pure returns (IDataRegistry.Release memory r) {
        r = release(DS, 1, 0);
        r.level = 1;
    }

    function test_relay_validatorAddedThenSealsCount() public {
        uint256 newKey = 0xA11CE;
        address newVal = vm.addr(newKey);
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) =
            block_(20, one(validatorLog(newVal, true)));
        bridge.relay(c, h, p);
        assertTrue(bridge.isValidator(newVal));
        assertEq(bridge.quorum(), 4);
        assertEq(bridge.validatorsFrom(), 21);
        // block 21 sealed by the new set, including the newcomer
        valKeys.push(newKey);
        vals.push(newVal);
        (c, h, p) = _releaseBlock(21, 1);
        c.seals[0] = seal(newKey, 21, c.blockHash);
        bridge.relay(c, h, p);
        assertEq(registry.recordCount(), 1);
    }

    function test_relay_validatorRemovedNoLongerCounts() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) =
            block_(20, one(validatorLog(vals[3], false)));
        bridge.relay(c, h, p);
        assertFalse(bridge.isValidator(vals[3]));
        assertEq(bridge.quorum(), 2);
        (c, h, p) = _releaseBlock(21, 1);
        c.seals[0] = seal(valKeys[3], 21, c.blockHash);
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.SealNotValidator.selector, 0, vals[3]));
        bridge.relay(c, h, p);
    }

    function test_RevertWhen_staleBlockAfterChange() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) =
            block_(20, one(validatorLog(address(0x1234), true)));
        bridge.relay(c, h, p);
        (c, h, p) = _releaseBlock(15, 1);
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.StaleBlock.selector, 15, 21));
        bridge.relay(c, h, p);
    }

    function test_RevertWhen_validatorChangeOutOfOrder() public {
        Ev[] memory logs = new Ev[](2);
        logs[0] = validatorLog(address(0x1234), true);
        logs[1] = validatorLog(address(0x5678), true);
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = block_(20, logs);
        IReleaseBridge.LogProof[] memory swapped = new IReleaseBridge.LogProof[](2);
        swapped[0] = p[1];
        swapped[1] = p[0];
        vm.expectRevert(IReleaseBridge.ValidatorChangeOutOfOrder.selector);
        bridge.relay(c, h, swapped);
        bridge.relay(c, h, p); // in chain order, in one call: both apply
        assertTrue(bridge.isValidator(address(0x1234)));
        assertTrue(bridge.isValidator(address(0x5678)));
    }

    /// After a change in block N is relayed, block N itself is stale: it was
    /// sealed by the previous set. Logs of one block go in one relay call.
    function test_RevertWhen_sameBlockAfterChange() public {
        Ev[] memory logs = new Ev[](2);
        logs[0] = validatorLog(address(0x1234), true);
        logs[1] = decisionLog(DS, 1, 0, true);
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = block_(20, logs);
        IReleaseBridge.LogProof[] memory first = new IReleaseBridge.LogProof[](1);
        first[0] = p[0];
        bridge.relay(c, h, first);
        IReleaseBridge.LogProof[] memory second = new IReleaseBridge.LogProof[](1);
        second[0] = p[1];
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.StaleBlock.selector, 20, 21));
        bridge.relay(c, h, second);
    }

    function test_RevertWhen_validatorEventInconsistent() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) =
            block_(20, one(validatorLog(vals[1], true)));
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.ValidatorSetMismatch.selector, vals[1]));
        bridge.relay(c, h, p);
    }

    function test_checkpoint() public {
        (IReleaseBridge.Certificate memory c, bytes memory h,) = _releaseBlock(30, 1);
        vm.expectEmit(true, true, false, true);
        emit IReleaseBridge.CheckpointRecorded(30, c.blockHash, keccak256(abi.encode("state", uint256(30))));
        bridge.checkpoint(c, h);
        (uint64 n, bytes32 hash, bytes32 sr) = bridge.latestCheckpoint();
        assertEq(n, 30);
        assertEq(hash, c.blockHash);
        assertEq(sr, keccak256(abi.encode("state", uint256(30))));
        assertEq(bridge.checkpointHash(30), c.blockHash);
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.CheckpointNotNewer.selector, 30, 30));
        bridge.checkpoint(c, h);
    }

    function test_RevertWhen_checkpointUncertified() public {
        (IReleaseBridge.Certificate memory c, bytes memory h,) = _releaseBlock(30, 1);
        c = certify(30, h, 1);
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.NotEnoughSeals.selector, 1, 3));
        bridge.checkpoint(c, h);
    }

    /// Any single changed byte in the header, the proof or a seal makes the relay fail.
    function testFuzz_relay_anyByteChangeRejected(uint256 where, uint8 flip) public {
        vm.assume(flip != 0);
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) =
            block_(10, one(decisionLog(DS, 1, 0, true)));
        uint256 total = h.length + p[0].nodes[0].length + 3 * 65;
        where = bound(where, 0, total - 1);
        if (where < h.length) {
            h[where] ^= bytes1(flip);
        } else if (where < h.length + p[0].nodes[0].length) {
            p[0].nodes[0][where - h.length] ^= bytes1(flip);
        } else {
            uint256 off = where - h.length - p[0].nodes[0].length;
            c.seals[off / 65][off % 65] ^= bytes1(flip);
        }
        (bool ok,) = address(bridge).call(abi.encodeCall(bridge.relay, (c, h, p)));
        assertFalse(ok, "a changed byte was accepted");
        assertEq(registry.recordCount(), 0);
    }
}
