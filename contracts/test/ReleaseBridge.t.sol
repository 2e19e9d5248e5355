// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ChainFixture} from "./utils/ChainFixture.sol";
import {ReleaseBridge} from "../src/ReleaseBridge.sol";
import {DataRegistry} from "../src/DataRegistry.sol";
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
        assertEq(bridge.startEpoch(), 0);
        assertEq(bridge.startBlock(), 1);
        assertEq(bridge.latestEpoch(), 0);
        (uint64 first, bytes32 setHash) = bridge.epoch(0);
        assertEq(first, 1);
        assertEq(setHash, keccak256(abi.encode(vals)));
        assertEq(setHash, bridge.validatorSetHash(vals));
        assertEq(bridge.epochAt(1), 0);
        assertEq(bridge.epochAt(type(uint64).max), 0);
    }

    function test_RevertWhen_constructorBad() public {
        address[] memory none = new address[](0);
        vm.expectRevert(IReleaseBridge.EmptyValidatorSet.selector);
        new ReleaseBridge(registry, 1, REVIEW_BOARD, VALIDATOR_SET, 0, 1, none);
        vm.expectRevert(IReleaseBridge.ZeroAddress.selector);
        new ReleaseBridge(IDataRegistry(address(0)), 1, REVIEW_BOARD, VALIDATOR_SET, 0, 1, vals);
        address[] memory dup = new address[](2);
        dup[0] = vals[0];
        dup[1] = vals[0];
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.ValidatorsNotSorted.selector, 1));
        new ReleaseBridge(registry, 1, REVIEW_BOARD, VALIDATOR_SET, 0, 1, dup);
        address[] memory unsorted = new address[](2);
        unsorted[0] = vals[1];
        unsorted[1] = vals[0];
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.ValidatorsNotSorted.selector, 1));
        new ReleaseBridge(registry, 1, REVIEW_BOARD, VALIDATOR_SET, 0, 1, unsorted);
    }

    function test_relay_publishesApprovedDecision() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        vm.expectEmit(true, true, false, true);
        emit IReleaseBridge.Relayed(10, c.blockHash, 0, 0, IReleaseBridge.LogKind.Release, keccak256(abi.encode(DS, uint64(1))));
        vm.prank(address(0xAB)); // anyone may relay
        relay_(c, h, p);
        IDataRegistry.Record memory r = registry.getRecord(keccak256(abi.encode(DS, uint64(1))));
        assertEq(r.datasetId, DS);
        assertEq(r.version, 1);
        assertEq(
            r.valuesHash,
            registry.hashValues(
                uint256(keccak256(abi.encode("commitment", DS, uint64(1)))),
                uint256(keccak256(abi.encode("root", DS, uint64(1)))),
                keccak256(abi.encode("content", DS, uint64(1))),
                1
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
            keccak256(abi.encode(DS, uint64(1))), DS, 1, DEPT, 0, 0, 0, 0, rel.commitment, rel.releasedRoot, rel.contentHash, 1
        );
        relay_(c, h, p);
    }

    /// A Decision whose data is not the canonical 320 bytes (here a trailing
    /// word) is decoded the general way and published with the same values.
    function test_relay_nonCanonicalDecisionDecoded() public {
        Ev memory e = decisionLog(DS, 1, 0, true);
        e.data = bytes.concat(e.data, bytes32(uint256(0xdead)));
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = block_(10, one(e));
        IDataRegistry.Release memory rel = release(DS, 1, 0);
        vm.expectEmit(true, true, true, true, address(registry));
        emit IDataRegistry.Published(
            keccak256(abi.encode(DS, uint64(1))), DS, 1, DEPT, 0, 0, 0, 0, rel.commitment, rel.releasedRoot, rel.contentHash, 1
        );
        relay_(c, h, p);
        assertEq(registry.recordCount(), 1);
    }

    /// Decision data that abi.decode would refuse: a field out of its type's
    /// range (read in place) or too short (decoded the general way).
    function test_RevertWhen_decisionMalformed() public {
        Ev memory e = decisionLog(DS, 1, 0, true);
        assembly {
            mstore(add(mload(add(e, 64)), 96), 256) // level (word 2) = 256: not a uint8
        }
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = block_(10, one(e));
        vm.expectRevert(IReleaseBridge.MalformedDecision.selector);
        relay_(c, h, p);

        e = decisionLog(DS, 1, 0, true);
        assembly {
            mstore(add(mload(add(e, 64)), 288), 2) // approved (word 8) = 2: not a bool
        }
        (c, h, p) = block_(11, one(e));
        vm.expectRevert(IReleaseBridge.MalformedDecision.selector);
        relay_(c, h, p);

        e = decisionLog(DS, 1, 0, true);
        assembly {
            mstore(add(mload(add(e, 64)), 320), 0x100000000) // verifierVersion (word 9) = 2^32: not a uint32
        }
        (c, h, p) = block_(13, one(e));
        vm.expectRevert(IReleaseBridge.MalformedDecision.selector);
        relay_(c, h, p);

        e = decisionLog(DS, 1, 0, true);
        bytes memory d = e.data;
        assembly {
            mstore(d, 288) // nine words
        }
        (c, h, p) = block_(12, one(e));
        vm.expectRevert(IReleaseBridge.MalformedDecision.selector);
        relay_(c, h, p);
        assertEq(registry.recordCount(), 0);
    }

    function test_relay_rejectionPublishesNothing() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) =
            block_(10, one(decisionLog(DS, 1, 0, false)));
        relay_(c, h, p);
        assertEq(registry.recordCount(), 0);
    }

    function test_relay_batch() public {
        Ev[] memory logs = new Ev[](5);
        for (uint256 i = 0; i < 5; i++) logs[i] = decisionLog(keccak256(abi.encode(i)), 1, 0, true);
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = block_(3, logs);
        relay_(c, h, p);
        assertEq(registry.recordCount(), 5);
    }

    function test_relay_allSealsAccepted() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        c = certify(10, h, 4);
        relay_(c, h, p);
        assertEq(registry.recordCount(), 1);
    }

    function test_RevertWhen_sealMissing() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        c = certify(10, h, 2);
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.NotEnoughSeals.selector, 2, 3));
        relay_(c, h, p);
    }

    function test_RevertWhen_sealFromNonValidator() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        uint256 outsider = 0xBAD;
        c.seals[2] = seal(outsider, 10, c.blockHash);
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.SealNotValidator.selector, 2, vm.addr(outsider)));
        relay_(c, h, p);
    }

    function test_RevertWhen_duplicateSeal() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        c.seals[2] = c.seals[0];
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.DuplicateSeal.selector, 2, vals[0]));
        relay_(c, h, p);
    }

    function test_RevertWhen_sealBadLength() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        c.seals[1] = bytes.concat(c.seals[1], hex"00");
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.BadSealLength.selector, 1));
        relay_(c, h, p);
    }

    function test_RevertWhen_sealVZeroOne() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        c.seals[1][64] = bytes1(uint8(c.seals[1][64]) - 27); // the 0/1 form is refused: 27/28 only
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.BadSealV.selector, 1));
        relay_(c, h, p);
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
        relay_(c, h, p);
    }

    function test_RevertWhen_sealUnrecoverable() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        c.seals[1] = abi.encodePacked(bytes32(0), bytes32(uint256(1)), uint8(27)); // r = 0: ecrecover yields 0
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.BadSignature.selector, 1));
        relay_(c, h, p);
    }

    /// More than 256 validators: the seal bitmap spans several words.
    function test_relay_largeSet() public {
        uint256[] memory keys = new uint256[](300);
        for (uint256 i = 0; i < keys.length; i++) keys[i] = 0x1000 + i;
        address[] memory set = sortedAddrs(keys);
        registry = new DataRegistry(supervisor, officer, POLICY, VERIFIER_CODE);
        bridge = new ReleaseBridge(registry, CONSORTIUM_CHAIN_ID, REVIEW_BOARD, VALIDATOR_SET, 0, 1, set);
        registry.setBridge(address(bridge));
        useSet(0, keys);
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        assertEq(c.seals.length, 200);
        c.seals[199] = c.seals[0];
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.DuplicateSeal.selector, 199, vals[0]));
        relay_(c, h, p);
        c.seals[199] = seal(valKeys[299], 10, c.blockHash); // position 299: second bitmap word
        relay_(c, h, p);
        assertEq(registry.recordCount(), 1);
    }

    function test_RevertWhen_sealSignsOtherBlock() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        c.seals[1] = seal(valKeys[1], 11, c.blockHash); // wrong number in the digest
        vm.expectPartialRevert(IReleaseBridge.SealNotValidator.selector);
        relay_(c, h, p);
    }

    function test_relay_certificateOfLaterRound() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        c.round = 3;
        for (uint256 i = 0; i < c.seals.length; i++) c.seals[i] = seal(valKeys[i], 10, 3, c.blockHash);
        relay_(c, h, p);
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
        relay_(c, h, p);
    }

    function test_RevertWhen_certificateRoundRelabelled() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        c.round = 1; // seals were made for round 0
        vm.expectPartialRevert(IReleaseBridge.SealNotValidator.selector);
        relay_(c, h, p);
    }

    function test_RevertWhen_headerByteChanged() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        h[h.length - 1] = bytes1(uint8(h[h.length - 1]) ^ 1);
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.HeaderHashMismatch.selector, c.blockHash, keccak256(h)));
        relay_(c, h, p);
    }

    function test_RevertWhen_headerNumberMismatch() public {
        (, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        IReleaseBridge.Certificate memory c = certify(11, h, 3); // seals over number 11, header says 10
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.HeaderNumberMismatch.selector, 11, 10));
        relay_(c, h, p);
    }

    function test_RevertWhen_receiptByteChanged() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        bytes memory leaf = p[0].nodes[0];
        leaf[leaf.length - 40] = bytes1(uint8(leaf[leaf.length - 40]) ^ 0x10);
        vm.expectRevert(abi.encodeWithSelector(MerklePatriciaProof.ProofHashMismatch.selector, 0));
        relay_(c, h, p);
    }

    function test_RevertWhen_replayed() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        relay_(c, h, p);
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.AlreadyRelayed.selector, c.blockHash, 0, 0));
        relay_(c, h, p);
    }

    function test_relay_manyLogsOneReceipt() public {
        Ev[] memory logs = new Ev[](4);
        for (uint256 i = 0; i < 4; i++) logs[i] = decisionLog(keccak256(abi.encode(i)), 1, 0, true);
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) =
            blockOneReceipt(40, logs);
        assertEq(p[0].nodes.length, 1);
        assertEq(p[3].nodes.length, 0);
        relay_(c, h, p);
        assertEq(registry.recordCount(), 4);
        for (uint256 i = 0; i < 4; i++) assertTrue(bridge.isRelayed(c.blockHash, 0, i));
        // replaying one log of the receipt (with its proof) is refused
        IReleaseBridge.LogProof[] memory again = new IReleaseBridge.LogProof[](1);
        again[0] = p[0];
        again[0].logIndex = 2;
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.AlreadyRelayed.selector, c.blockHash, 0, 2));
        relay_(c, h, again);
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
        relay_(c, h, q);
        q[0] = q[1];
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.MissingProof.selector, 0));
        relay_(c, h, q);
    }

    function test_RevertWhen_noProofs() public {
        (IReleaseBridge.Certificate memory c, bytes memory h,) = _releaseBlock(10, 1);
        vm.expectRevert(IReleaseBridge.NoProofs.selector);
        bridge.relay(c, h, epochSet(), new IReleaseBridge.LogProof[](0));
    }

    function test_RevertWhen_unknownLog() public {
        Ev memory e = decisionLog(DS, 1, 0, true);
        e.emitter = address(0xEE1);
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = block_(10, one(e));
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.UnknownLog.selector, address(0xEE1), e.topics[0]));
        relay_(c, h, p);
    }

    function test_RevertWhen_logIndexOutOfRange() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        p[0].logIndex = 1;
        vm.expectRevert(abi.encodeWithSelector(Receipts.LogIndexOutOfRange.selector, 1, 1));
        relay_(c, h, p);
    }

    function test_RevertWhen_wrongReceiptIndex() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        p[0].receiptIndex = 1; // key 0x01 is not in a one-receipt trie
        vm.expectRevert(MerklePatriciaProof.KeyNotInTrie.selector);
        relay_(c, h, p);
    }

    function test_relay_accessDecision() public {
        vm.prank(address(bridge));
        registry.publish(_conditional());
        bytes32 recordId = keccak256(abi.encode(DS, uint64(1)));
        vm.prank(REQUESTER);
        bytes32 req = registry.requestAccess(recordId, "research");
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) =
            block_(10, one(accessLog(req, recordId, true, 1234)));
        relay_(c, h, p);
        (,, IDataRegistry.AccessStatus st, uint64 exp) = registry.accessRequest(req);
        assertEq(uint256(st), uint256(IDataRegistry.AccessStatus.Granted));
        assertEq(exp, 1234);
        assertTrue(registry.hasAccess(req, REQUESTER));
        assertFalse(registry.hasAccess(req, address(this)), "the grant is bound to its requester");
    }

    /// A decision naming another requester than the request's is refused.
    function test_RevertWhen_accessDecisionForAnotherRequester() public {
        vm.prank(address(bridge));
        registry.publish(_conditional());
        bytes32 recordId = keccak256(abi.encode(DS, uint64(1)));
        vm.prank(REQUESTER);
        bytes32 req = registry.requestAccess(recordId, "research");
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) =
            block_(10, one(accessLog(req, recordId, address(0xBAD), true, 1234)));
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.RequestRequesterMismatch.selector, req, address(0xBAD)));
        relay_(c, h, p);
    }

    /// Issue 15 item 4: a certified Shredded log marks every version of its
    /// dataset on the registry; the same log from any other contract, or a
    /// second time, is refused.
    function test_relay_shredReceipt() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        relay_(c, h, p);
        bytes32 rc = keccak256("officer's shred receipt");
        Ev memory forged = shredLog(DS, rc);
        forged.emitter = address(0xEE1);
        (c, h, p) = block_(11, one(forged));
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.UnknownLog.selector, address(0xEE1), forged.topics[0]));
        relay_(c, h, p);

        (c, h, p) = block_(12, one(shredLog(DS, rc)));
        vm.expectEmit(true, false, false, true, address(registry));
        emit IDataRegistry.Shredded(DS, rc);
        vm.expectEmit(true, true, false, true, address(bridge));
        emit IReleaseBridge.Relayed(12, c.blockHash, 0, 0, IReleaseBridge.LogKind.Shredded, DS);
        relay_(c, h, p);
        assertTrue(registry.getRecord(keccak256(abi.encode(DS, uint64(1)))).shredded);
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.AlreadyRelayed.selector, c.blockHash, 0, 0));
        relay_(c, h, p);
    }

    /// Issue 15 item 7: a certified VerifierAdopted announces the version's
    /// code hash on the registry; from another emitter, or a version past
    /// uint32, it is refused.
    function test_relay_verifierAdopted() public {
        bytes32 code = keccak256("verifier v2 code");
        Ev memory e = verifierLog(2, address(0xBEEF), code);
        e.emitter = address(0xEE1);
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = block_(10, one(e));
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.UnknownLog.selector, address(0xEE1), e.topics[0]));
        relay_(c, h, p);
        e = verifierLog(2, address(0xBEEF), code);
        e.topics[1] = bytes32(uint256(1) << 32);
        (c, h, p) = block_(11, one(e));
        vm.expectRevert(IReleaseBridge.MalformedDecision.selector);
        relay_(c, h, p);

        (c, h, p) = block_(12, one(verifierLog(2, address(0xBEEF), code)));
        vm.expectEmit(true, false, false, true, address(registry));
        emit IDataRegistry.VerifierAnnounced(2, code);
        vm.expectEmit(true, true, false, true, address(bridge));
        emit IReleaseBridge.Relayed(12, c.blockHash, 0, 0, IReleaseBridge.LogKind.VerifierAdopted, code);
        relay_(c, h, p);
        (bytes32 announced,) = registry.verifierOf(2);
        assertEq(announced, code);
    }

    function _conditional() internal pure returns (IDataRegistry.Release memory r) {
        r = release(DS, 1, 0);
        r.level = 1;
    }

    // ---- item 8: relay order and refused releases ----

    /// Version 2 relayed before version 1: both kept, the latest is 2.
    /// (Old code: version 1 reverted VersionNotIncreasing for ever.)
    function test_relay_version2BeforeVersion1() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(20, 2);
        relay_(c, h, p);
        (c, h, p) = _releaseBlock(10, 1); // decided earlier, relayed later
        relay_(c, h, p);
        (uint64 count, uint64 latest) = registry.dataset(DS);
        assertEq(count, 2);
        assertEq(latest, 2);
        assertEq(registry.getRecord(keccak256(abi.encode(DS, uint64(1)))).version, 1);
    }

    /// A consortium version ≥ 2^32 publishes, and does not sink its batch.
    /// (Old code: InvalidRelease("version") reverted the whole batch.)
    function test_relay_versionAbove32Bits() public {
        Ev[] memory logs = new Ev[](2);
        logs[0] = decisionLog(DS, uint64(1) << 32, 0, true);
        logs[1] = decisionLog(keccak256("other"), 1, 0, true);
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = blockOneReceipt(10, logs);
        relay_(c, h, p);
        assertEq(registry.recordCount(), 2);
        assertEq(registry.getRecord(keccak256(abi.encode(DS, uint64(1) << 32))).version, uint64(1) << 32);
    }

    /// Order independence: six approved Decisions of one dataset (with
    /// corrections, each version corrected at most once as ReviewBoard
    /// ensures) relayed in any order leave the registry with the same
    /// versions, links and latest as relayed in order.
    function testFuzz_relay_anyOrderSameRegistry(uint256 seed) public {
        uint64[6] memory version = [uint64(1), 2, 3, 5, 8, uint64(1) << 40];
        uint64[6] memory supersedes = [uint64(0), 1, 0, 3, 2, 8];
        uint256[6] memory order = [uint256(0), 1, 2, 3, 4, 5];
        for (uint256 i = 5; i > 0; i--) {
            uint256 j = uint256(keccak256(abi.encode(seed, i))) % (i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        for (uint256 k = 0; k < 6; k++) {
            uint256 i = order[k];
            (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) =
                block_(100 + i, one(decisionLog(DS, version[i], supersedes[i], true)));
            relay_(c, h, p);
            assertTrue(bridge.isRelayed(c.blockHash, 0, 0));
        }
        (uint64 count, uint64 latest) = registry.dataset(DS);
        assertEq(count, 6);
        assertEq(latest, uint64(1) << 40);
        for (uint256 i = 0; i < 6; i++) {
            IDataRegistry.Record memory r = registry.getRecord(keccak256(abi.encode(DS, version[i])));
            assertEq(r.version, version[i]);
            assertEq(r.supersedes, supersedes[i]);
            uint64 by = 0;
            for (uint256 k = 0; k < 6; k++) if (supersedes[k] == version[i]) by = version[k];
            assertEq(r.supersededBy, by);
        }
    }

    /// One unpublishable Decision in a batch is skipped with its reason and
    /// stays relayed (the refusal is final); the rest publish.
    function test_relay_refusedEntryDoesNotSinkBatch() public {
        Ev[] memory logs = new Ev[](3);
        logs[0] = decisionLog(DS, 1, 0, true);
        logs[1] = decisionLog(DS, 1, 0, true); // the same version again: AlreadyPublished
        logs[2] = decisionLog(keccak256("other"), 1, 0, true);
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = blockOneReceipt(10, logs);
        bytes32 id = keccak256(abi.encode(DS, uint64(1)));
        vm.expectEmit(true, true, false, true, address(bridge));
        emit IReleaseBridge.ReleaseRefused(id, 10, c.blockHash, 0, 1, IDataRegistry.PublishOutcome.AlreadyPublished, false);
        vm.expectEmit(true, true, false, true, address(bridge));
        emit IReleaseBridge.Relayed(10, c.blockHash, 0, 1, IReleaseBridge.LogKind.ReleaseRefused, id);
        relay_(c, h, p);
        assertEq(registry.recordCount(), 2);
        assertTrue(bridge.isRelayed(c.blockHash, 0, 1)); // final: cannot come back for another outcome
        IReleaseBridge.LogProof[] memory again = new IReleaseBridge.LogProof[](1);
        again[0] = IReleaseBridge.LogProof({receiptIndex: 0, nodes: p[0].nodes, logIndex: 1});
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.AlreadyRelayed.selector, c.blockHash, 0, 1));
        relay_(c, h, again);
    }

    /// A correction of a frozen record is refused but left unrelayed: after
    /// the unfreeze the same log publishes (nothing lost, same outcome).
    function test_relay_correctionOfFrozenIsRetryable() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        relay_(c, h, p);
        bytes32 v1 = keccak256(abi.encode(DS, uint64(1)));
        vm.prank(supervisor);
        registry.freeze(v1, "court order");
        Ev[] memory logs = new Ev[](2);
        logs[0] = decisionLog(DS, 2, 1, true);
        logs[1] = decisionLog(keccak256("other"), 1, 0, true);
        (c, h, p) = blockOneReceipt(11, logs);
        bytes32 v2 = keccak256(abi.encode(DS, uint64(2)));
        vm.expectEmit(true, true, false, true, address(bridge));
        emit IReleaseBridge.ReleaseRefused(v2, 11, c.blockHash, 0, 0, IDataRegistry.PublishOutcome.SupersedesFrozen, true);
        relay_(c, h, p);
        assertEq(registry.recordCount(), 2); // v1 and the other dataset
        assertFalse(bridge.isRelayed(c.blockHash, 0, 0));
        assertTrue(bridge.isRelayed(c.blockHash, 0, 1));
        IReleaseBridge.LogProof[] memory again = new IReleaseBridge.LogProof[](1);
        again[0] = IReleaseBridge.LogProof({receiptIndex: 0, nodes: p[0].nodes, logIndex: 0});
        relay_(c, h, again); // still frozen: refused again, still retryable
        assertFalse(bridge.isRelayed(c.blockHash, 0, 0));
        vm.prank(supervisor);
        registry.unfreeze(v1, "resolved");
        relay_(c, h, again);
        assertTrue(bridge.isRelayed(c.blockHash, 0, 0));
        assertEq(registry.getRecord(v1).supersededBy, 2);
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.AlreadyRelayed.selector, c.blockHash, 0, 0));
        relay_(c, h, again);
    }

    function test_checkpoint() public {
        (IReleaseBridge.Certificate memory c, bytes memory h,) = _releaseBlock(30, 1);
        vm.expectEmit(true, true, false, true);
        emit IReleaseBridge.CheckpointRecorded(30, c.blockHash, keccak256(abi.encode("state", uint256(30))));
        checkpoint_(c, h);
        (uint64 n, bytes32 hash, bytes32 sr) = bridge.latestCheckpoint();
        assertEq(n, 30);
        assertEq(hash, c.blockHash);
        assertEq(sr, keccak256(abi.encode("state", uint256(30))));
        assertEq(bridge.checkpointHash(30), c.blockHash);
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.CheckpointNotNewer.selector, 30, 30));
        checkpoint_(c, h);
    }

    function test_RevertWhen_checkpointUncertified() public {
        (IReleaseBridge.Certificate memory c, bytes memory h,) = _releaseBlock(30, 1);
        c = certify(30, h, 1);
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.NotEnoughSeals.selector, 1, 3));
        checkpoint_(c, h);
    }

    /// The header must name the set that certifies it (extraData = its hash, 32 bytes).
    function test_RevertWhen_headerNamesAnotherSet() public {
        bytes32 want = keccak256(abi.encode(vals));
        extra = keccak256("another set");
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.HeaderValidatorSetMismatch.selector, 10, extra, want));
        relay_(c, h, p);
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.HeaderValidatorSetMismatch.selector, 10, extra, want));
        checkpoint_(c, h);
    }

    /// Extra data that is the set's hash plus a byte, or a prefix of it: refused.
    function test_RevertWhen_headerExtraNot32Bytes() public {
        bytes32 want = keccak256(abi.encode(vals));
        extraOverride = abi.encodePacked(want, uint8(0));
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.HeaderValidatorSetMismatch.selector, 10, bytes32(0), want));
        relay_(c, h, p);
        extraOverride = abi.encodePacked(bytes31(want));
        (c, h, p) = _releaseBlock(11, 1);
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.HeaderValidatorSetMismatch.selector, 11, bytes32(0), want));
        relay_(c, h, p);
    }

    function test_RevertWhen_epochSetWrong() public {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = _releaseBlock(10, 1);
        IReleaseBridge.EpochSet memory s = epochSet();
        s.epoch = 1;
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.UnknownEpoch.selector, 1, 0));
        bridge.relay(c, h, s, p);
        s = epochSet();
        s.validators[3] = address(0xdead); // another list than the epoch's
        vm.expectPartialRevert(IReleaseBridge.ValidatorSetHashMismatch.selector);
        bridge.relay(c, h, s, p);
        (c, h, p) = _releaseBlock(0, 1); // genesis: before the start block 1
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.BlockBeforeStart.selector, 0, 1));
        relay_(c, h, p);
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
        (bool ok,) = address(bridge).call(abi.encodeCall(bridge.relay, (c, h, epochSet(), p)));
        assertFalse(ok, "a changed byte was accepted");
        assertEq(registry.recordCount(), 0);
    }
}
