// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ChainFixture} from "./utils/ChainFixture.sol";
import {DataRegistry} from "../src/DataRegistry.sol";
import {IDataRegistry} from "../src/interfaces/IDataRegistry.sol";

contract DataRegistryTest is ChainFixture {
    bytes32 internal constant DS = keccak256("dataset: air quality");
    bytes32 internal constant DS2 = keccak256("dataset: school places");

    function setUp() public {
        _deployPublic(4);
    }

    function _publish(IDataRegistry.Release memory r) internal returns (bytes32 id) {
        IDataRegistry.PublishOutcome o;
        vm.prank(address(bridge));
        (id, o) = registry.publish(r);
        assertEq(uint256(o), uint256(IDataRegistry.PublishOutcome.Published), "not published");
    }

    /// publish's refusal (it does not revert): nothing is stored.
    function _refused(IDataRegistry.Release memory r, IDataRegistry.PublishOutcome want) internal {
        uint256 count = registry.recordCount();
        vm.prank(address(bridge));
        (bytes32 id, IDataRegistry.PublishOutcome o) = registry.publish(r);
        assertEq(uint256(o), uint256(want), "outcome");
        assertEq(id, keccak256(abi.encode(r.datasetId, r.version)));
        assertEq(registry.recordCount(), count, "refused release stored");
    }

    function _id(bytes32 ds, uint64 v) internal pure returns (bytes32) {
        return keccak256(abi.encode(ds, v));
    }

    function test_constructorAndRoles() public view {
        assertEq(registry.bridge(), address(bridge));
        assertEq(registry.supervisor(), supervisor);
        assertEq(registry.securityOfficer(), officer);
        assertEq(registry.policy(), POLICY);
    }

    function test_RevertWhen_constructorZero() public {
        vm.expectRevert(IDataRegistry.ZeroAddress.selector);
        new DataRegistry(address(0), officer, POLICY, VERIFIER_CODE);
    }

    function test_setBridge_onceByAdmin() public {
        DataRegistry r = new DataRegistry(supervisor, officer, POLICY, VERIFIER_CODE);
        vm.prank(address(0xBEEF));
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.NotAdmin.selector, address(0xBEEF)));
        r.setBridge(address(1));
        vm.expectRevert(IDataRegistry.ZeroAddress.selector);
        r.setBridge(address(0));
        vm.expectEmit(true, false, false, false);
        emit IDataRegistry.BridgeSet(address(1));
        r.setBridge(address(1));
        vm.expectRevert(IDataRegistry.BridgeAlreadySet.selector);
        r.setBridge(address(2));
    }

    function test_publish_storesAndEmits() public {
        IDataRegistry.Release memory rel = release(DS, 1, 0);
        rel.level = 1;
        rel.threshold = 1;
        vm.expectEmit(true, true, true, true);
        emit IDataRegistry.Published(
            _id(DS, 1), DS, 1, DEPT, 0, 1, 1, 0, rel.commitment, rel.releasedRoot, rel.contentHash, 1
        );
        bytes32 id = _publish(rel);
        assertEq(id, _id(DS, 1));
        IDataRegistry.Record memory r = registry.getRecord(id);
        assertEq(r.recordId, id);
        assertEq(r.datasetId, DS);
        assertEq(r.seq, 0);
        assertEq(r.version, 1);
        assertEq(r.level, 1);
        assertEq(r.threshold, 1);
        // the values themselves are in the event; storage keeps their hash
        assertEq(r.valuesHash, keccak256(abi.encode(rel.commitment, rel.releasedRoot, rel.contentHash, uint32(1))));
        assertEq(r.valuesHash, registry.hashValues(rel.commitment, rel.releasedRoot, rel.contentHash, 1));
        assertTrue(r.valuesHash != registry.hashValues(rel.commitment, rel.releasedRoot, bytes32(uint256(1)), 1));
        assertTrue(r.valuesHash != registry.hashValues(rel.commitment, rel.releasedRoot, rel.contentHash, 2), "version not bound");
        assertEq(r.publishedAt, block.timestamp);
        assertFalse(r.frozen);
        (uint64 count, uint64 latest) = registry.dataset(DS);
        assertEq(count, 1);
        assertEq(latest, 1);
        assertEq(registry.recordCount(), 1);
    }

    function test_RevertWhen_publishNotBridge() public {
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.NotBridge.selector, address(this)));
        registry.publish(release(DS, 1, 0));
    }

    function test_publish_refusesInvalid() public {
        _refused(release(bytes32(0), 1, 0), IDataRegistry.PublishOutcome.InvalidDatasetId);
        _refused(release(DS, 0, 0), IDataRegistry.PublishOutcome.InvalidVersion);
        IDataRegistry.Release memory r = release(DS, 1, 0);
        r.level = 3;
        _refused(r, IDataRegistry.PublishOutcome.InvalidLevel);
        _publish(release(DS, 2, 0));
        _refused(release(DS, 3, 3), IDataRegistry.PublishOutcome.InvalidSupersedes);
        _refused(release(DS, 3, 4), IDataRegistry.PublishOutcome.InvalidSupersedes);
        (uint64 count,) = registry.dataset(DS);
        assertEq(count, 1);
    }

    function test_publish_refusesTwice() public {
        _publish(release(DS, 1, 0));
        _refused(release(DS, 1, 0), IDataRegistry.PublishOutcome.AlreadyPublished);
    }

    /// Versions are uint64 end to end: 2^32 and 2^64 − 1 publish and read back.
    function test_publish_versionsAbove32Bits() public {
        uint64 big = uint64(type(uint32).max) + 1;
        _publish(release(DS, big, 0));
        _publish(release(DS, type(uint64).max, big));
        assertEq(registry.getRecord(_id(DS, big)).version, big);
        assertEq(registry.getRecord(_id(DS, big)).supersededBy, type(uint64).max);
        assertEq(registry.recordAt(1).version, type(uint64).max);
        assertEq(registry.recordAt(1).supersedes, big);
        (, uint64 latest) = registry.dataset(DS);
        assertEq(latest, type(uint64).max);
    }

    /// Order-independent: an older version published after a newer one is
    /// kept, and the latest stays the highest version.
    function test_publish_olderVersionAfterNewer() public {
        _publish(release(DS, 5, 0));
        _publish(release(DS, 4, 0));
        _publish(release(DS, 1, 0));
        (uint64 count, uint64 latest) = registry.dataset(DS);
        assertEq(count, 3);
        assertEq(latest, 5);
        assertEq(registry.getRecord(_id(DS, 4)).version, 4);
        _publish(release(DS, 7, 0));
        (, latest) = registry.dataset(DS);
        assertEq(latest, 7);
        // the dataset's pages are in publication order, last published first
        (IDataRegistry.Record[] memory page,) = registry.recordsByDataset(DS, 0, 10);
        assertEq(page.length, 4);
        assertEq(page[0].version, 7);
        assertEq(page[1].version, 1);
        assertEq(page[3].version, 5);
    }

    /// A correction relayed before the version it corrects: the link waits
    /// and shows once the corrected version is published.
    function test_supersede_beforeTheCorrectedVersion() public {
        _publish(release(DS, 3, 2));
        assertEq(registry.getRecord(_id(DS, 3)).supersedes, 2);
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.UnknownRecord.selector, _id(DS, 2)));
        registry.getRecord(_id(DS, 2));
        _publish(release(DS, 2, 0));
        assertEq(registry.getRecord(_id(DS, 2)).supersededBy, 3);
        _refused(release(DS, 4, 2), IDataRegistry.PublishOutcome.AlreadySuperseded);
        (, uint64 latest) = registry.dataset(DS);
        assertEq(latest, 3);
    }

    function test_supersede_keepsHistory() public {
        _publish(release(DS, 1, 0));
        vm.expectEmit(true, true, true, false);
        emit IDataRegistry.Superseded(_id(DS, 1), _id(DS, 2), DS);
        _publish(release(DS, 2, 1));
        IDataRegistry.Record memory old = registry.getRecord(_id(DS, 1));
        assertEq(old.supersededBy, 2);
        assertEq(registry.getRecord(_id(DS, 2)).supersedes, 1);
        assertEq(registry.recordCount(), 2);
    }

    function test_supersede_refusedTwice() public {
        _publish(release(DS, 1, 0));
        _publish(release(DS, 2, 1));
        _refused(release(DS, 3, 1), IDataRegistry.PublishOutcome.AlreadySuperseded);
    }

    function test_supersede_refusedWhileFrozen() public {
        _publish(release(DS, 1, 0));
        vm.prank(supervisor);
        registry.freeze(_id(DS, 1), "court order 12/2026");
        _refused(release(DS, 2, 1), IDataRegistry.PublishOutcome.SupersedesFrozen);
    }

    /// Issue 15 item 4: a shred relayed before versions approved earlier
    /// (a correction among them) ends as a shred relayed after them: every
    /// version published, every one shown shredded. (A registry refusing the
    /// correction when the shred came first, as before, ended differently
    /// depending on the relayer's order.)
    function test_shred_endStateDoesNotDependOnRelayOrder() public {
        bytes32 ds = DS;
        vm.prank(address(bridge));
        registry.recordShred(ds, keccak256("shred receipt"));
        assertTrue(registry.isShredded(ds));
        bytes32 v1 = _publish(release(ds, 1, 0));
        bytes32 v2 = _publish(release(ds, 2, 1));
        IDataRegistry.Record memory a1 = registry.getRecord(v1);
        IDataRegistry.Record memory a2 = registry.getRecord(v2);

        // the other order, on a fresh registry
        setUp();
        v1 = _publish(release(ds, 1, 0));
        v2 = _publish(release(ds, 2, 1));
        vm.prank(address(bridge));
        registry.recordShred(ds, keccak256("shred receipt"));
        IDataRegistry.Record memory b1 = registry.getRecord(v1);
        IDataRegistry.Record memory b2 = registry.getRecord(v2);
        assertTrue(a1.shredded && a2.shredded && b1.shredded && b2.shredded, "not shown shredded");
        assertEq(a2.supersedes, b2.supersedes);
        assertEq(a1.supersededBy, b1.supersededBy);
        assertEq(a1.supersededBy, 2);
        assertEq(registry.recordCount(), 2);
    }

    /// Issue 15 item 7: the consortium's adoption is announced by the bridge
    /// alone; anyone registers a contract of exactly the announced code.
    function test_verifiers_announceAndRegister() public {
        (bytes32 code1, address at1) = registry.verifierOf(1);
        assertEq(code1, VERIFIER_CODE);
        assertEq(at1, address(0));
        Probe real = new Probe();
        bytes32 code2 = address(real).codehash;
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.NotBridge.selector, address(this)));
        registry.announceVerifier(2, code2);
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.UnknownVerifierVersion.selector, uint32(2)));
        registry.registerVerifier(2, address(real));
        vm.prank(address(bridge));
        vm.expectEmit(true, false, false, true);
        emit IDataRegistry.VerifierAnnounced(2, code2);
        registry.announceVerifier(2, code2);
        vm.prank(address(bridge));
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.VerifierAlreadyAnnounced.selector, uint32(2)));
        registry.announceVerifier(2, keccak256("other"));

        // another contract's code, or no code, is refused
        vm.expectRevert(
            abi.encodeWithSelector(IDataRegistry.VerifierCodeMismatch.selector, uint32(2), code2, address(registry).codehash)
        );
        registry.registerVerifier(2, address(registry));
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.VerifierCodeMismatch.selector, uint32(2), code2, bytes32(0)));
        registry.registerVerifier(2, address(0xC0DE));
        vm.prank(address(0xA11CE)); // anyone
        registry.registerVerifier(2, address(real));
        (, address at2) = registry.verifierOf(2);
        assertEq(at2, address(real));
        Probe twin = new Probe();
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.VerifierAlreadyRegistered.selector, uint32(2), address(real)));
        registry.registerVerifier(2, address(twin));
    }

    /// A release names the verifier version its proof passed; 0 is refused.
    function test_publish_refusesVerifierVersionZero() public {
        IDataRegistry.Release memory r = release(DS, 1, 0);
        r.verifierVersion = 0;
        _refused(r, IDataRegistry.PublishOutcome.InvalidVerifierVersion);
        r.verifierVersion = 7; // not announced yet: published all the same
        _publish(r);
    }

    function test_freezeUnfreeze() public {
        bytes32 id = _publish(release(DS, 1, 0));
        vm.prank(supervisor);
        vm.expectEmit(true, false, false, true);
        emit IDataRegistry.Frozen(id, "personal data found");
        registry.freeze(id, "personal data found");
        assertTrue(registry.getRecord(id).frozen);
        vm.prank(supervisor);
        vm.expectEmit(true, false, false, true);
        emit IDataRegistry.Unfrozen(id, "redacted upstream");
        registry.unfreeze(id, "redacted upstream");
        assertFalse(registry.getRecord(id).frozen);
        _publish(release(DS, 2, 1)); // supersede allowed again
    }

    function test_RevertWhen_freezeBad() public {
        bytes32 id = _publish(release(DS, 1, 0));
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.NotSupervisor.selector, address(this)));
        registry.freeze(id, "x");
        vm.startPrank(supervisor);
        vm.expectRevert(IDataRegistry.EmptyReason.selector);
        registry.freeze(id, "");
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.UnknownRecord.selector, bytes32(uint256(1))));
        registry.freeze(bytes32(uint256(1)), "x");
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.NotFrozen.selector, id));
        registry.unfreeze(id, "x");
        vm.expectRevert(IDataRegistry.EmptyReason.selector);
        registry.unfreeze(id, "");
        vm.stopPrank();
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.NotSupervisor.selector, address(this)));
        registry.unfreeze(id, "x");
    }

    /// A shred comes from the consortium through the bridge only (the
    /// officer's own account no longer marks the public registry: the
    /// receipt is on the consortium first), once, for every version.
    function test_recordShred() public {
        bytes32 id = _publish(release(DS, 1, 0));
        bytes32 id2 = _publish(release(DS, 2, 0));
        bytes32 other = _publish(release(DS2, 1, 0));
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.NotBridge.selector, address(this)));
        registry.recordShred(DS, keccak256("vault receipt"));
        vm.prank(officer);
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.NotBridge.selector, officer));
        registry.recordShred(DS, keccak256("vault receipt"));
        vm.prank(address(bridge));
        vm.expectEmit(true, false, false, true);
        emit IDataRegistry.Shredded(DS, keccak256("vault receipt"));
        registry.recordShred(DS, keccak256("vault receipt"));
        assertTrue(registry.getRecord(id).shredded);
        assertTrue(registry.getRecord(id2).shredded);
        assertFalse(registry.getRecord(other).shredded, "another dataset shredded");
        vm.prank(address(bridge));
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.AlreadyShredded.selector, DS));
        registry.recordShred(DS, keccak256("again"));
    }

    function _conditional(uint64 v) internal returns (bytes32) {
        IDataRegistry.Release memory r = release(DS, v, 0);
        r.level = 1;
        return _publish(r);
    }

    function test_accessRequest_grantAndDeny() public {
        bytes32 id = _conditional(1);
        vm.prank(address(0xA11CE));
        bytes32 req = registry.requestAccess(id, "epidemiology study");
        (bytes32 rid, address who, IDataRegistry.AccessStatus st, uint64 exp) = registry.accessRequest(req);
        assertEq(rid, id);
        assertEq(who, address(0xA11CE));
        assertEq(uint256(st), uint256(IDataRegistry.AccessStatus.Pending));
        vm.prank(address(bridge));
        vm.expectEmit(true, true, false, true);
        emit IDataRegistry.AccessResolved(req, id, true, 99);
        registry.resolveAccess(req, id, address(0xA11CE), true, 99);
        (,, st, exp) = registry.accessRequest(req);
        assertEq(uint256(st), uint256(IDataRegistry.AccessStatus.Granted));
        assertEq(exp, 99);

        bytes32 req2 = registry.requestAccess(id, "marketing");
        assertTrue(req2 != req);
        vm.prank(address(bridge));
        registry.resolveAccess(req2, id, address(this), false, 99);
        (,, st, exp) = registry.accessRequest(req2);
        assertEq(uint256(st), uint256(IDataRegistry.AccessStatus.Denied));
        assertEq(exp, 0);
    }

    /// Issue 13 item 7: a grant on a record frozen or shredded since the
    /// request, or with an expiry already past, is recorded as denied (the
    /// relay does not revert for ever); a live grant holds only for its
    /// requester, until it expires or the record is frozen or shredded.
    function test_accessGrant_refusedWhenFrozenShreddedOrExpired() public {
        bytes32 id = _conditional(1);
        address alice = address(0xA11CE);
        vm.warp(1000);
        vm.startPrank(alice);
        bytes32 reqFrozen = registry.requestAccess(id, "study");
        bytes32 reqExpired = registry.requestAccess(id, "study");
        bytes32 reqLive = registry.requestAccess(id, "study");
        vm.stopPrank();

        vm.prank(address(bridge));
        vm.expectEmit(true, false, false, true);
        emit IDataRegistry.AccessGrantRefused(reqExpired, "expired");
        registry.resolveAccess(reqExpired, id, alice, true, 1000);
        (,, IDataRegistry.AccessStatus st,) = registry.accessRequest(reqExpired);
        assertEq(uint256(st), uint256(IDataRegistry.AccessStatus.Denied));

        vm.prank(address(bridge));
        registry.resolveAccess(reqLive, id, alice, true, 2000);
        assertTrue(registry.hasAccess(reqLive, alice));
        assertFalse(registry.hasAccess(reqLive, address(0xB0B)), "bound to its requester");
        vm.warp(2000);
        assertFalse(registry.hasAccess(reqLive, alice), "expired");
        vm.warp(1500);

        vm.prank(supervisor);
        registry.freeze(id, "under investigation");
        assertFalse(registry.hasAccess(reqLive, alice), "frozen");
        vm.prank(address(bridge));
        vm.expectEmit(true, false, false, true);
        emit IDataRegistry.AccessGrantRefused(reqFrozen, "frozen");
        registry.resolveAccess(reqFrozen, id, alice, true, 2000);
        (,, st,) = registry.accessRequest(reqFrozen);
        assertEq(uint256(st), uint256(IDataRegistry.AccessStatus.Denied));
        vm.prank(supervisor);
        registry.unfreeze(id, "cleared");
        assertTrue(registry.hasAccess(reqLive, alice));
        vm.prank(address(bridge));
        registry.recordShred(DS, keccak256("vault receipt"));
        assertFalse(registry.hasAccess(reqLive, alice), "shredded");
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.NotRequestable.selector, id));
        registry.requestAccess(id, "study");
    }

    function test_RevertWhen_accessBad() public {
        bytes32 open = _publish(release(DS2, 1, 0));
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.NotRequestable.selector, open));
        registry.requestAccess(open, "x");
        bytes32 id = _conditional(1);
        vm.expectRevert(IDataRegistry.EmptyReason.selector);
        registry.requestAccess(id, "");
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.UnknownRecord.selector, bytes32(0)));
        registry.requestAccess(bytes32(0), "x");
        bytes32 req = registry.requestAccess(id, "x");
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.NotBridge.selector, address(this)));
        registry.resolveAccess(req, id, address(this), true, 1);
        vm.startPrank(address(bridge));
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.UnknownRequest.selector, bytes32(uint256(7))));
        registry.resolveAccess(bytes32(uint256(7)), id, address(this), true, 1);
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.RequestRecordMismatch.selector, req, open));
        registry.resolveAccess(req, open, address(this), true, 1);
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.RequestRequesterMismatch.selector, req, address(0xBAD)));
        registry.resolveAccess(req, id, address(0xBAD), true, 100);
        registry.resolveAccess(req, id, address(this), true, 100);
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.RequestNotPending.selector, req));
        registry.resolveAccess(req, id, address(this), true, 100);
        vm.stopPrank();
        vm.prank(supervisor);
        registry.freeze(id, "frozen");
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.NotRequestable.selector, id));
        registry.requestAccess(id, "x");
    }

    function test_paging_rangeAndDataset() public {
        for (uint64 v = 1; v <= 5; v++) {
            _publish(release(DS, v, v > 1 ? v - 1 : 0));
            _publish(release(DS2, v * 10, 0));
        }
        assertEq(registry.recordCount(), 10);
        IDataRegistry.Record[] memory page = registry.recordsInRange(3, 4);
        assertEq(page.length, 4);
        assertEq(page[0].seq, 3);
        assertEq(page[3].seq, 6);
        assertEq(registry.recordsInRange(8, 100).length, 2);
        assertEq(registry.recordsInRange(10, 1).length, 0);
        assertEq(registry.recordsInRange(0, 0).length, 0);
        assertEq(registry.recordAt(9).datasetId, DS2);
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.UnknownRecord.selector, bytes32(uint256(10))));
        registry.recordAt(10);

        (IDataRegistry.Record[] memory p1, uint256 next) = registry.recordsByDataset(DS, 0, 2);
        assertEq(p1.length, 2);
        assertEq(p1[0].version, 5);
        assertEq(p1[1].version, 4);
        (IDataRegistry.Record[] memory p2, uint256 next2) = registry.recordsByDataset(DS, next, 10);
        assertEq(p2.length, 3);
        assertEq(p2[2].version, 1);
        assertEq(next2, 0);
        (IDataRegistry.Record[] memory none,) = registry.recordsByDataset(keccak256("nothing"), 0, 10);
        assertEq(none.length, 0);
        // a cursor into another dataset is refused
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.InvalidRelease.selector, "cursor"));
        registry.recordsByDataset(DS, 2, 1);
    }

    function test_RevertWhen_getUnknown() public {
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.UnknownRecord.selector, bytes32(uint256(5))));
        registry.getRecord(bytes32(uint256(5)));
    }

    /// A page read costs the same whether the registry holds 10 or 1,000 records.
    function test_paging_costIndependentOfSize() public {
        for (uint64 v = 1; v <= 10; v++) _publish(release(DS, v, 0));
        PageProbe probe = new PageProbe(); // fresh memory: the test's own memory grows in the loops
        uint256 small = probe.cost(registry, DS);
        for (uint64 i = 0; i < 1000; i++) _publish(release(keccak256(abi.encode(i)), 1, 0));
        for (uint64 v = 11; v <= 20; v++) _publish(release(DS, v, 0));
        uint256 large = probe.cost(registry, DS);
        assertApproxEqRel(large, small, 0.02e18);
    }

    /// A sensitive (level 2) record takes requests too: a grant opens its
    /// columns at level <= 1 (sealed apart at submission), never level 2.
    function test_accessRequest_sensitiveRecord() public {
        IDataRegistry.Release memory r = release(DS, 3, 0);
        r.level = 2;
        bytes32 id = _publish(r);
        vm.prank(address(0xA11CE));
        bytes32 req = registry.requestAccess(id, "study");
        (bytes32 rid, address who, IDataRegistry.AccessStatus st,) = registry.accessRequest(req);
        assertEq(rid, id);
        assertEq(who, address(0xA11CE));
        assertEq(uint256(st), uint256(IDataRegistry.AccessStatus.Pending));
    }

    // ---- deliverGrant (issue 15 item 3) ----

    function _granted(address who, uint64 expiresAt) internal returns (bytes32 id, bytes32 req) {
        id = _conditional(1);
        vm.prank(who);
        req = registry.requestAccess(id, "study");
        vm.prank(address(bridge));
        registry.resolveAccess(req, id, who, true, expiresAt);
    }

    function test_deliverGrant_onceByOfficer() public {
        address alice = address(0xA11CE);
        vm.warp(1000);
        (, bytes32 req) = _granted(alice, 2000);
        assertEq(registry.grantDeliveredIn(req), 0);
        vm.prank(officer);
        vm.expectEmit(true, true, false, true);
        emit IDataRegistry.GrantDelivered(req, alice, hex"c0ffee");
        registry.deliverGrant(req, hex"c0ffee");
        assertEq(registry.grantDeliveredIn(req), block.number);
        vm.prank(officer);
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.GrantAlreadyDelivered.selector, req));
        registry.deliverGrant(req, hex"c0ffee");
    }

    function test_RevertWhen_deliverGrantNotOfficer() public {
        vm.warp(1000);
        (, bytes32 req) = _granted(address(0xA11CE), 2000);
        vm.prank(address(0xA11CE));
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.NotSecurityOfficer.selector, address(0xA11CE)));
        registry.deliverGrant(req, hex"01");
        vm.prank(supervisor);
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.NotSecurityOfficer.selector, supervisor));
        registry.deliverGrant(req, hex"01");
    }

    function test_RevertWhen_deliverGrantNotGranted() public {
        bytes32 id = _conditional(1);
        bytes32 req = registry.requestAccess(id, "study");
        vm.startPrank(officer);
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.UnknownRequest.selector, bytes32(uint256(7))));
        registry.deliverGrant(bytes32(uint256(7)), hex"01");
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.NotGranted.selector, req));
        registry.deliverGrant(req, hex"01");
        vm.stopPrank();
        vm.prank(address(bridge));
        registry.resolveAccess(req, id, address(this), false, 0);
        vm.prank(officer);
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.NotGranted.selector, req));
        registry.deliverGrant(req, hex"01");
    }

    function test_RevertWhen_deliverGrantExpiredFrozenOrBad() public {
        vm.warp(1000);
        (bytes32 id, bytes32 req) = _granted(address(0xA11CE), 2000);
        vm.startPrank(officer);
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.InvalidGrant.selector, 0));
        registry.deliverGrant(req, "");
        uint256 max = registry.MAX_SEALED_GRANT();
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.InvalidGrant.selector, max + 1));
        registry.deliverGrant(req, new bytes(max + 1));
        vm.warp(2000);
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.GrantExpired.selector, req, uint64(2000)));
        registry.deliverGrant(req, hex"01");
        vm.stopPrank();
        vm.warp(1500);
        vm.prank(supervisor);
        registry.freeze(id, "court order");
        vm.prank(officer);
        vm.expectRevert(abi.encodeWithSelector(IDataRegistry.NotRequestable.selector, id));
        registry.deliverGrant(req, hex"01");
        assertEq(registry.grantDeliveredIn(req), 0);
    }
}

contract PageProbe {
    function cost(IDataRegistry registry, bytes32 ds) external view returns (uint256 used) {
        uint256 g = gasleft();
        registry.recordsByDataset(ds, 0, 5);
        used = g - gasleft();
        (IDataRegistry.Record[] memory p,) = registry.recordsByDataset(ds, 0, 5);
        require(p.length == 5, "page");
    }
}

/// A contract whose code stands for a verifier's.
contract Probe {
    function ping() external pure returns (uint256) {
        return 1;
    }
}
