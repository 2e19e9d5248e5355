// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ChainFixture} from "./utils/ChainFixture.sol";
import {DataRegistry} from "../src/DataRegistry.sol";
import {ReleaseBridge} from "../src/ReleaseBridge.sol";
import {IReleaseBridge} from "../src/interfaces/IReleaseBridge.sol";
import {IDataRegistry} from "../src/interfaces/IDataRegistry.sol";

/// A hostile relayer against the bridge's validator-set tracking (issue 11
/// items 5–7), over one consortium history of key rotations:
///
///   epoch 0  {K0 K1 K2 K3}        blocks  1..10
///   block 10 add K4    → epoch 1  {K0 K1 K2 K3 K4}  blocks 11..20
///   block 20 remove K3 → epoch 2  {K0 K1 K2 K4}     blocks 21..30   (rotation K3 → K4)
///   block 30 add K5    → epoch 3  {K0 K1 K2 K4 K5}  covers no block
///   block 30 remove K0 → epoch 4  {K1 K2 K4 K5}     blocks 31..40   (rotation K0 → K5 in one block)
///   block 40 add K6    → epoch 5  {K1 K2 K4 K5 K6}  blocks 41..50
///   block 50 remove K1 → epoch 6  {K2 K4 K5 K6}     blocks 51..     (rotation K1 → K6)
///
/// Every block is built (header naming its set's hash, sealed by a quorum of
/// it) exactly as the consortium would; the relayer chooses what to relay, in
/// which order and with which claimed set.
contract BridgeEpochsTest is ChainFixture {
    bytes32 internal constant DS = keccak256("dataset: rotations");

    uint256[7] internal K;

    struct Relay {
        IReleaseBridge.Certificate c;
        bytes h;
        IReleaseBridge.EpochSet s;
        IReleaseBridge.LogProof[] p;
    }

    /// Set changes by epoch (index = epoch; 3 and 4 share block 30).
    mapping(uint64 => Relay) internal change;
    /// A release of version = block number in one block of each epoch.
    mapping(uint64 => Relay) internal releaseIn;
    /// Block 30's first log alone (epoch 3: add K5).
    Relay internal addK5Only;

    function setUp() public {
        for (uint256 i = 0; i < 7; i++) K[i] = uint256(keccak256(abi.encode("rotation key", i))) % type(uint128).max + 1;
        useSet(0, _keys(0, 1, 2, 3, 99));
        registry = new DataRegistry(supervisor, officer, POLICY, VERIFIER_CODE);
        bridge = new ReleaseBridge(registry, CONSORTIUM_CHAIN_ID, REVIEW_BOARD, VALIDATOR_SET, 0, 1, vals);
        registry.setBridge(address(bridge));

        _release(0, 5);
        _changeAt(10, 1, _keys(0, 1, 2, 3, 4));
        useSet(1, _keys(0, 1, 2, 3, 4));
        _release(1, 15);
        _changeAt(20, 2, _keys(0, 1, 2, 4, 99));
        useSet(2, _keys(0, 1, 2, 4, 99));
        _release(2, 25);
        _twoChangesAt(30);
        useSet(4, _keys(1, 2, 4, 5, 99));
        _release(4, 35);
        _changeAt(40, 5, _keys(1, 2, 4, 5, 6));
        useSet(5, _keys(1, 2, 4, 5, 6));
        _release(5, 45);
        _changeAt(50, 6, _keys(2, 4, 5, 6, 99));
        useSet(6, _keys(2, 4, 5, 6, 99));
        _release(6, 55);
    }

    // ---- building the history ----

    /// Keys K[i] for the indices given; 99 means none.
    function _keys(uint256 a, uint256 b, uint256 c, uint256 d, uint256 e) internal view returns (uint256[] memory out) {
        uint256[5] memory idx = [a, b, c, d, e];
        uint256 n = 0;
        for (uint256 i = 0; i < 5; i++) if (idx[i] != 99) n++;
        out = new uint256[](n);
        n = 0;
        for (uint256 i = 0; i < 5; i++) if (idx[i] != 99) out[n++] = K[idx[i]];
    }

    function _save(Relay storage r, IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p)
        internal
    {
        r.c = c;
        r.h = h;
        r.s = epochSet();
        delete r.p;
        for (uint256 i = 0; i < p.length; i++) r.p.push(p[i]);
    }

    /// Block `number` (built by the current set) whose only log is the change to epoch e.
    function _changeAt(uint256 number, uint64 e, uint256[] memory newKeys) internal {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) =
            block_(number, one(setChangedLog(e, sortedAddrs(newKeys))));
        _save(change[e], c, h, p);
    }

    /// Block 30: one receipt with epoch 3 (add K5) then epoch 4 (remove K0).
    function _twoChangesAt(uint256 number) internal {
        Ev[] memory logs = new Ev[](2);
        logs[0] = setChangedLog(3, sortedAddrs(_keys(0, 1, 2, 4, 5)));
        logs[1] = setChangedLog(4, sortedAddrs(_keys(1, 2, 4, 5, 99)));
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) =
            blockOneReceipt(number, logs);
        _save(change[3], c, h, p); // both logs
        IReleaseBridge.LogProof[] memory second = new IReleaseBridge.LogProof[](1);
        second[0] = IReleaseBridge.LogProof({receiptIndex: 0, nodes: p[0].nodes, logIndex: 1});
        _save(change[4], c, h, second); // the second alone
        IReleaseBridge.LogProof[] memory first = new IReleaseBridge.LogProof[](1);
        first[0] = IReleaseBridge.LogProof({receiptIndex: 0, nodes: p[0].nodes, logIndex: 0});
        _save(addK5Only, c, h, first);
    }

    function _release(uint64 e, uint256 number) internal {
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) =
            block_(number, one(decisionLog(DS, uint64(number), 0, true)));
        _save(releaseIn[e], c, h, p);
    }

    function _do(Relay storage r) internal {
        bridge.relay(r.c, r.h, r.s, r.p);
    }

    function _relayChanges(uint64 upTo) internal {
        for (uint64 e = 1; e <= upTo; e++) {
            if (e == 4) continue; // applied with epoch 3 (same relay, both logs)
            _do(change[e]);
        }
    }

    function _published(uint256 version) internal view returns (bool) {
        try registry.getRecord(keccak256(abi.encode(DS, uint64(version)))) returns (IDataRegistry.Record memory) {
            return true;
        } catch {
            return false;
        }
    }

    // ---- the honest relayer ----

    function test_honest_allEpochsInOrder() public {
        _relayChanges(6);
        assertEq(bridge.latestEpoch(), 6);
        uint64[7] memory first = [uint64(1), 11, 21, 31, 31, 41, 51];
        for (uint64 e = 0; e <= 6; e++) {
            (uint64 f,) = bridge.epoch(e);
            assertEq(f, first[e]);
        }
        assertEq(bridge.epochAt(30), 2);
        assertEq(bridge.epochAt(31), 4); // epoch 3 covers no block
        assertEq(bridge.epochAt(1000), 6);
        (, bytes32 h6) = bridge.epoch(6);
        assertEq(h6, keccak256(abi.encode(sortedAddrs(_keys(2, 4, 5, 6, 99)))));
        // releases of every epoch, newest first: old blocks stay relayable (item 6)
        uint64[6] memory es = [uint64(6), 5, 4, 2, 1, 0];
        for (uint256 i = 0; i < es.length; i++) _do(releaseIn[es[i]]);
        assertEq(registry.recordCount(), 6);
        (, uint64 latest) = registry.dataset(DS);
        assertEq(latest, 55);
    }

    /// Item 6: a Decision in block N ≤ a relayed change's block stays
    /// relayable with the set that certified it. (Old code: StaleBlock for ever.)
    function test_oldBlockAfterNewerChanges() public {
        _relayChanges(6);
        _do(releaseIn[0]); // block 5, epoch 0 {K0 K1 K2 K3}: K0 and K3 are long gone
        _do(releaseIn[2]); // block 25, epoch 2
        assertTrue(_published(5));
        assertTrue(_published(25));
    }

    // ---- the hostile relayer ----

    /// Item 5, the attack: relay the removals of key rotations and skip the
    /// additions, shrinking the set until one old validator is a quorum.
    /// (Old code: each ValidatorRemoved applied; the set shrank.)
    function test_RevertWhen_removalsWithoutAdditions() public {
        // "remove K3" (block 20) without "add K4" (block 10): block 20 is
        // certified by epoch 1, which the bridge does not know...
        Relay storage r = change[2];
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.UnknownEpoch.selector, 1, 0));
        _do(r);
        // ...and claiming epoch 0 for it fails on the set block 20 names
        IReleaseBridge.EpochSet memory e0 = IReleaseBridge.EpochSet(0, sortedAddrs(_keys(0, 1, 2, 3, 99)));
        vm.expectRevert(
            abi.encodeWithSelector(IReleaseBridge.HeaderValidatorSetMismatch.selector, 20, _hashOf(r.s.validators), _hashOf(e0.validators))
        );
        bridge.relay(r.c, r.h, e0, r.p);
        // a removal in a block the bridge can verify, its addition skipped:
        // block 30's "remove K0" (epoch 4) without "add K5" (epoch 3)
        _relayChanges(2);
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.EpochOutOfOrder.selector, 4, 3));
        _do(change[4]);
        assertEq(bridge.latestEpoch(), 2);
        // the set is still the whole epoch 2: K2 alone is no quorum
        useSet(2, _keys(0, 1, 2, 4, 99));
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) =
            block_(29, one(decisionLog(DS, 999, 0, true)));
        c.seals = new bytes[](1);
        c.seals[0] = seal(K[2], 29, c.blockHash);
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.NotEnoughSeals.selector, 1, 3));
        relay_(c, h, p);
    }

    /// Item 5: the rotation in one block (epochs 3 and 4 in block 30) cannot
    /// be relayed half the wrong way: the removal alone is out of order; the
    /// addition alone is a real epoch that covers no block, so blocks after
    /// it ask for the removal first.
    function test_rotationWithinOneBlock() public {
        _relayChanges(2);
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.EpochOutOfOrder.selector, 4, 3));
        _do(change[4]); // the removal of K0 without the addition of K5
        _do(addK5Only); // the addition alone (first log of block 30)
        assertEq(bridge.latestEpoch(), 3);
        // block 35 names epoch 4's set, which the bridge has not seen yet
        Relay storage r = releaseIn[4];
        IReleaseBridge.EpochSet memory s3 = IReleaseBridge.EpochSet(3, sortedAddrs(_keys(0, 1, 2, 4, 5)));
        (, bytes32 h3) = bridge.epoch(3);
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.HeaderValidatorSetMismatch.selector, 35, _hashOf(r.s.validators), h3));
        bridge.relay(r.c, r.h, s3, r.p);
        _do(change[4]); // now the removal, from the same block, separately
        assertEq(bridge.latestEpoch(), 4);
        // epoch 3 covers no block: claiming it for block 31+ is refused
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.EpochDoesNotCover.selector, 3, 35));
        bridge.relay(r.c, r.h, s3, r.p);
        _do(r);
        assertTrue(_published(35));
    }

    function _hashOf(address[] memory s) internal pure returns (bytes32) {
        return keccak256(abi.encode(s));
    }

    function test_RevertWhen_changeReplayed() public {
        _relayChanges(2);
        // the same log again
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.AlreadyRelayed.selector, change[1].c.blockHash, 0, 0));
        _do(change[1]);
        // both logs of block 30, then the second replayed
        _do(change[3]);
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.AlreadyRelayed.selector, change[4].c.blockHash, 0, 1));
        _do(change[4]);
        assertEq(bridge.latestEpoch(), 4);
    }

    function test_RevertWhen_changesReordered() public {
        _do(change[1]);
        // epoch 5's change (block 40) before 2..4: its block's epoch 4 is unknown
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.UnknownEpoch.selector, 4, 1));
        _do(change[5]);
        // block 30's logs swapped within one relay
        _do(change[2]);
        Relay storage r = change[3];
        IReleaseBridge.LogProof[] memory swapped = new IReleaseBridge.LogProof[](2);
        swapped[0] = r.p[1];
        swapped[0].nodes = r.p[0].nodes;
        swapped[1] = r.p[0];
        swapped[1].nodes = new bytes[](0);
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.EpochOutOfOrder.selector, 4, 3));
        bridge.relay(r.c, r.h, r.s, swapped);
    }

    /// An old epoch's seals on a new block: the removed K0 and K3 with K1 and
    /// K2 sign block 57; the relayer claims whichever epoch suits it.
    function test_RevertWhen_oldEpochSealsOnNewBlock() public {
        _relayChanges(6);
        // built by epoch 0's set, naming epoch 0's hash
        useSet(0, _keys(0, 1, 2, 3, 99));
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) =
            block_(57, one(decisionLog(DS, 57, 0, true)));
        IReleaseBridge.EpochSet memory old = epochSet();
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.EpochDoesNotCover.selector, 0, 57));
        bridge.relay(c, h, old, p);
        IReleaseBridge.EpochSet memory cur = IReleaseBridge.EpochSet(6, old.validators);
        (, bytes32 h6) = bridge.epoch(6);
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.ValidatorSetHashMismatch.selector, 6, h6, _hashOf(old.validators)));
        bridge.relay(c, h, cur, p);
        cur.validators = sortedAddrs(_keys(2, 4, 5, 6, 99));
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.HeaderValidatorSetMismatch.selector, 57, _hashOf(old.validators), h6));
        bridge.relay(c, h, cur, p);
        // the same old seals on a header naming epoch 6's set
        extra = h6;
        (c, h, p) = block_(57, one(decisionLog(DS, 57, 0, true)));
        vm.expectPartialRevert(IReleaseBridge.SealNotValidator.selector);
        bridge.relay(c, h, cur, p);
        assertFalse(_published(57));
    }

    /// A genuine block after a change the bridge has not seen: refused with
    /// a clear error until the change is relayed; nothing is lost.
    function test_RevertWhen_changeNotRelayedYet() public {
        _relayChanges(1);
        Relay storage r = releaseIn[2]; // block 25, certified by epoch 2
        IReleaseBridge.EpochSet memory claimed = IReleaseBridge.EpochSet(1, sortedAddrs(_keys(0, 1, 2, 3, 4)));
        (, bytes32 h1) = bridge.epoch(1);
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.HeaderValidatorSetMismatch.selector, 25, _hashOf(r.s.validators), h1));
        bridge.relay(r.c, r.h, claimed, r.p);
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.UnknownEpoch.selector, 2, 1));
        _do(r);
        _do(change[2]);
        _do(r);
        assertTrue(_published(25));
    }

    /// A change log from a block before the latest epoch's change cannot
    /// move firstBlock back (never in a genuine chain; checked anyway).
    function test_RevertWhen_changeGoesBack() public {
        _do(change[1]); // epoch 1 from block 11
        // a certified block 8 of epoch 0 carrying "epoch 2"
        useSet(0, _keys(0, 1, 2, 3, 99));
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) =
            block_(8, one(setChangedLog(2, sortedAddrs(_keys(0, 1, 99, 99, 99)))));
        vm.expectRevert(IReleaseBridge.ValidatorChangeOutOfOrder.selector);
        relay_(c, h, p);
    }

    /// A change's set must be sorted and non-empty (the contract's always is).
    function test_RevertWhen_changeSetMalformed() public {
        useSet(0, _keys(0, 1, 2, 3, 99));
        address[] memory bad = sortedAddrs(_keys(0, 1, 99, 99, 99));
        (bad[0], bad[1]) = (bad[1], bad[0]);
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) =
            block_(8, one(setChangedLog(1, bad)));
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.ValidatorsNotSorted.selector, 1));
        relay_(c, h, p);
        (c, h, p) = block_(9, one(setChangedLog(1, new address[](0))));
        vm.expectRevert(IReleaseBridge.EmptyValidatorSet.selector);
        relay_(c, h, p);
    }

    // ---- item 7: the deployment pins the start ----

    /// A bridge deployed at epoch 4 from block 31 (the checkpoint: block 31's
    /// header names epoch 4's set): history before it cannot be replayed to
    /// re-add removed validators, and it follows on from there.
    function test_startPinned_historyNotReplayable() public {
        address[] memory s4 = sortedAddrs(_keys(1, 2, 4, 5, 99));
        DataRegistry reg = new DataRegistry(supervisor, officer, POLICY, VERIFIER_CODE);
        ReleaseBridge b = new ReleaseBridge(reg, CONSORTIUM_CHAIN_ID, REVIEW_BOARD, VALIDATOR_SET, 4, 31, s4);
        reg.setBridge(address(b));
        assertEq(b.startEpoch(), 4);
        assertEq(b.latestEpoch(), 4);
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.BlockBeforeStart.selector, 30, 31));
        b.epochAt(30);
        // every older change log and block: before the start
        for (uint64 e = 1; e <= 4; e++) {
            Relay storage r = change[e];
            vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.UnknownEpoch.selector, r.s.epoch, 4));
            b.relay(r.c, r.h, r.s, r.p);
            IReleaseBridge.EpochSet memory claim = IReleaseBridge.EpochSet(4, s4);
            vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.BlockBeforeStart.selector, r.c.number, 31));
            b.relay(r.c, r.h, claim, r.p);
        }
        // from the checkpoint on: block 35, the change to epoch 5, block 45
        Relay storage r35 = releaseIn[4];
        b.relay(r35.c, r35.h, r35.s, r35.p);
        b.relay(change[5].c, change[5].h, change[5].s, change[5].p);
        b.relay(releaseIn[5].c, releaseIn[5].h, releaseIn[5].s, releaseIn[5].p);
        assertEq(b.latestEpoch(), 5);
        assertEq(reg.recordCount(), 2);
    }

    /// The constructor's own set (epoch 0 event) or any epoch ≤ the start
    /// cannot be applied again, even from a block after the start.
    function test_RevertWhen_epochAtOrBelowStart() public {
        useSet(0, _keys(0, 1, 2, 3, 99));
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) =
            block_(9, one(setChangedLog(0, sortedAddrs(_keys(0, 99, 99, 99, 99)))));
        vm.expectRevert(abi.encodeWithSelector(IReleaseBridge.EpochOutOfOrder.selector, 0, 1));
        relay_(c, h, p);
    }
}
