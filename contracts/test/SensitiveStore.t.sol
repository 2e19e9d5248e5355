// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";
import {SensitiveStore} from "../src/SensitiveStore.sol";
import {ISensitiveStore} from "../src/interfaces/ISensitiveStore.sol";

contract SensitiveStoreTest is Test {
    SensitiveStore internal store;
    address internal owner = address(0x0);
    address internal writer = address(0x3A1);
    bytes32 internal constant ID = keccak256("record 1");

    function setUp() public {
        owner = address(0x0A);
        store = new SensitiveStore(owner);
        vm.prank(owner);
        store.setWriter(writer, true);
    }

    function _put() internal {
        vm.prank(writer);
        store.put(ID, "ipfs://bafy-ciphertext", keccak256("ct"), hex"7661756c743a76313a77726170", 1, 42);
    }

    function test_RevertWhen_constructorZero() public {
        vm.expectRevert(ISensitiveStore.ZeroAddress.selector);
        new SensitiveStore(address(0));
    }

    function test_setWriter() public {
        assertTrue(store.isWriter(writer));
        vm.expectRevert(abi.encodeWithSelector(ISensitiveStore.NotOwner.selector, address(this)));
        store.setWriter(address(1), true);
        vm.startPrank(owner);
        vm.expectRevert(ISensitiveStore.ZeroAddress.selector);
        store.setWriter(address(0), true);
        vm.expectEmit(true, false, false, true);
        emit ISensitiveStore.WriterSet(writer, false);
        store.setWriter(writer, false);
        vm.stopPrank();
        assertFalse(store.isWriter(writer));
    }

    function test_put_get() public {
        vm.expectEmit(true, true, true, true);
        emit ISensitiveStore.Stored(ID, writer, keccak256("ipfs:"), keccak256("ct"), 1, 42);
        _put();
        ISensitiveStore.Entry memory e = store.get(ID);
        assertEq(e.ciphertextRef, "ipfs://bafy-ciphertext");
        assertEq(e.ciphertextHash, keccak256("ct"));
        assertEq(e.wrappedKey, hex"7661756c743a76313a77726170");
        assertEq(e.keyVersion, 1);
        assertEq(e.commitment, 42);
        assertEq(e.writer, writer);
        assertFalse(e.shredded);
        assertEq(store.recordCount(), 1);
    }

    function test_put_indexesTransitKey() public {
        vm.startPrank(writer);
        vm.expectEmit(true, true, true, true);
        emit ISensitiveStore.Stored(ID, writer, keccak256("health.stays"), keccak256("ct"), 1, 0);
        store.put(ID, "health.stays/00ff/x", keccak256("ct"), hex"01", 1, 0);
        // No '/': the whole reference is the key; a leading '/': the empty key.
        vm.expectEmit(true, true, true, true);
        emit ISensitiveStore.Stored(keccak256("2"), writer, keccak256("health.stays"), keccak256("ct"), 1, 0);
        store.put(keccak256("2"), "health.stays", keccak256("ct"), hex"01", 1, 0);
        vm.expectEmit(true, true, true, true);
        emit ISensitiveStore.Stored(keccak256("3"), writer, keccak256(""), keccak256("ct"), 1, 0);
        store.put(keccak256("3"), "/x", keccak256("ct"), hex"01", 1, 0);
        vm.stopPrank();
    }

    function test_RevertWhen_putBad() public {
        vm.expectRevert(abi.encodeWithSelector(ISensitiveStore.NotWriter.selector, address(this)));
        store.put(ID, "r", keccak256("ct"), hex"01", 1, 0);
        vm.startPrank(writer);
        vm.expectRevert(abi.encodeWithSelector(ISensitiveStore.InvalidEntry.selector, "recordId"));
        store.put(0, "r", keccak256("ct"), hex"01", 1, 0);
        vm.expectRevert(abi.encodeWithSelector(ISensitiveStore.InvalidEntry.selector, "ciphertextRef"));
        store.put(ID, "", keccak256("ct"), hex"01", 1, 0);
        vm.expectRevert(abi.encodeWithSelector(ISensitiveStore.InvalidEntry.selector, "ciphertextHash"));
        store.put(ID, "r", 0, hex"01", 1, 0);
        vm.expectRevert(abi.encodeWithSelector(ISensitiveStore.InvalidEntry.selector, "wrappedKey"));
        store.put(ID, "r", keccak256("ct"), "", 1, 0);
        vm.expectRevert(abi.encodeWithSelector(ISensitiveStore.InvalidEntry.selector, "keyVersion"));
        store.put(ID, "r", keccak256("ct"), hex"01", 0, 0);
        store.put(ID, "r", keccak256("ct"), hex"01", 1, 0);
        vm.expectRevert(abi.encodeWithSelector(ISensitiveStore.AlreadyStored.selector, ID));
        store.put(ID, "r", keccak256("ct"), hex"01", 1, 0);
        vm.stopPrank();
    }

    function test_rewrap() public {
        _put();
        vm.prank(writer);
        vm.expectEmit(true, false, false, true);
        emit ISensitiveStore.Rewrapped(ID, 1, 3);
        store.rewrap(ID, hex"0202", 3);
        ISensitiveStore.Entry memory e = store.get(ID);
        assertEq(e.wrappedKey, hex"0202");
        assertEq(e.keyVersion, 3);
    }

    function test_RevertWhen_rewrapBad() public {
        vm.prank(writer);
        vm.expectRevert(abi.encodeWithSelector(ISensitiveStore.UnknownRecord.selector, ID));
        store.rewrap(ID, hex"01", 2);
        _put();
        vm.expectRevert(abi.encodeWithSelector(ISensitiveStore.NotRecordOwner.selector, ID, address(this)));
        store.rewrap(ID, hex"01", 2);
        vm.startPrank(writer);
        vm.expectRevert(abi.encodeWithSelector(ISensitiveStore.KeyVersionNotNewer.selector, 1, 1));
        store.rewrap(ID, hex"01", 1);
        vm.expectRevert(abi.encodeWithSelector(ISensitiveStore.InvalidEntry.selector, "wrappedKey"));
        store.rewrap(ID, "", 2);
        vm.stopPrank();
    }

    function test_shred() public {
        _put();
        vm.prank(writer);
        vm.expectEmit(true, false, false, true);
        emit ISensitiveStore.ShredMarked(ID, keccak256("vault deletion receipt"));
        store.shred(ID, keccak256("vault deletion receipt"));
        ISensitiveStore.Entry memory e = store.get(ID);
        assertTrue(e.shredded);
        assertEq(e.wrappedKey.length, 0);
        assertEq(e.shredReceipt, keccak256("vault deletion receipt"));
        vm.startPrank(writer);
        vm.expectRevert(abi.encodeWithSelector(ISensitiveStore.RecordShredded.selector, ID));
        store.rewrap(ID, hex"01", 2);
        vm.expectRevert(abi.encodeWithSelector(ISensitiveStore.RecordShredded.selector, ID));
        store.shred(ID, keccak256("x"));
        vm.stopPrank();
    }

    function test_RevertWhen_shredBad() public {
        _put();
        vm.prank(writer);
        vm.expectRevert(abi.encodeWithSelector(ISensitiveStore.InvalidEntry.selector, "receipt"));
        store.shred(ID, 0);
        vm.expectRevert(abi.encodeWithSelector(ISensitiveStore.NotRecordOwner.selector, ID, address(this)));
        store.shred(ID, keccak256("x"));
        vm.expectRevert(abi.encodeWithSelector(ISensitiveStore.UnknownRecord.selector, bytes32(uint256(9))));
        store.get(bytes32(uint256(9)));
    }

    /// Issue 13 item 6: records belong to their department. Another
    /// department's writer can neither rewrap nor shred them; the security
    /// officer can; a writer removed by the owner no longer can.
    function test_RevertWhen_otherDepartmentActs() public {
        _put();
        address otherDept = address(0x3A2);
        address officer = address(0x0FF1);
        vm.startPrank(owner);
        store.setWriter(otherDept, true);
        vm.expectEmit(true, false, false, true);
        emit ISensitiveStore.OfficerSet(officer, true);
        store.setOfficer(officer, true);
        vm.stopPrank();
        vm.startPrank(otherDept);
        vm.expectRevert(abi.encodeWithSelector(ISensitiveStore.NotRecordOwner.selector, ID, otherDept));
        store.rewrap(ID, hex"01", 2);
        vm.expectRevert(abi.encodeWithSelector(ISensitiveStore.NotRecordOwner.selector, ID, otherDept));
        store.shred(ID, keccak256("x"));
        vm.stopPrank();
        vm.prank(officer);
        store.rewrap(ID, hex"02", 2);
        vm.prank(owner);
        store.setWriter(writer, false);
        vm.prank(writer);
        vm.expectRevert(abi.encodeWithSelector(ISensitiveStore.NotRecordOwner.selector, ID, writer));
        store.rewrap(ID, hex"03", 3);
        vm.prank(officer);
        store.shred(ID, keccak256("vault deletion receipt"));
        assertTrue(store.get(ID).shredded);
    }

    /// A rewrap to key version 2^32 - 1 blocked every later one.
    function test_RevertWhen_versionJump() public {
        _put();
        uint32 step = store.MAX_VERSION_STEP();
        vm.startPrank(writer);
        vm.expectRevert(abi.encodeWithSelector(ISensitiveStore.KeyVersionStepTooLarge.selector, 1, type(uint32).max));
        store.rewrap(ID, hex"01", type(uint32).max);
        store.rewrap(ID, hex"01", 1 + step);
        store.rewrap(ID, hex"02", 2 + step);
        vm.stopPrank();
        vm.expectRevert(abi.encodeWithSelector(ISensitiveStore.NotOwner.selector, address(this)));
        store.setOfficer(address(this), true);
        vm.prank(owner);
        vm.expectRevert(ISensitiveStore.ZeroAddress.selector);
        store.setOfficer(address(0), true);
    }

    function _putCall(bytes32 id, bytes memory wrapped) internal pure returns (bytes memory) {
        return abi.encodeCall(SensitiveStore.put, (id, "blob/ref", keccak256(abi.encode(id)), wrapped, 1, uint256(id)));
    }

    function test_multicall_storesABatch() public {
        bytes[] memory calls = new bytes[](3);
        for (uint256 i = 0; i < 3; i++) {
            calls[i] = _putCall(bytes32(i + 1), hex"01");
        }
        vm.prank(writer);
        store.multicall(calls);
        assertEq(store.recordCount(), 3);
        for (uint256 i = 0; i < 3; i++) {
            assertEq(store.get(bytes32(i + 1)).writer, writer, "each call runs as the caller");
        }
    }

    /// One bad entry in the middle of a batch stores none of it, and the
    /// revert is the bad call's own error.
    function testFuzz_multicall_allOrNone(uint8 size, uint8 bad) public {
        uint256 n = bound(size, 1, store.MAX_BATCH());
        uint256 k = bound(bad, 0, n - 1);
        bytes[] memory calls = new bytes[](n);
        for (uint256 i = 0; i < n; i++) {
            calls[i] = _putCall(bytes32(i + 1), i == k ? bytes("") : bytes(hex"01"));
        }
        vm.prank(writer);
        vm.expectRevert(abi.encodeWithSelector(ISensitiveStore.InvalidEntry.selector, "wrappedKey"));
        store.multicall(calls);
        assertEq(store.recordCount(), 0);
        for (uint256 i = 0; i < n; i++) {
            vm.expectRevert(abi.encodeWithSelector(ISensitiveStore.UnknownRecord.selector, bytes32(i + 1)));
            store.get(bytes32(i + 1));
        }
    }

    /// multicall grants nothing: a non-writer's batched put, or a writer's
    /// batched setWriter, fails as the plain call would.
    function test_RevertWhen_multicallWidensNothing() public {
        bytes[] memory calls = new bytes[](1);
        calls[0] = _putCall(ID, hex"01");
        vm.expectRevert(abi.encodeWithSelector(ISensitiveStore.NotWriter.selector, address(this)));
        store.multicall(calls);
        calls[0] = abi.encodeCall(SensitiveStore.setWriter, (address(this), true));
        vm.prank(writer);
        vm.expectRevert(abi.encodeWithSelector(ISensitiveStore.NotOwner.selector, writer));
        store.multicall(calls);
        assertFalse(store.isWriter(address(this)));
    }

    function test_RevertWhen_multicallSize() public {
        vm.startPrank(writer);
        vm.expectRevert(abi.encodeWithSelector(ISensitiveStore.BadBatch.selector, 0));
        store.multicall(new bytes[](0));
        uint256 over = store.MAX_BATCH() + 1;
        vm.expectRevert(abi.encodeWithSelector(ISensitiveStore.BadBatch.selector, over));
        store.multicall(new bytes[](over));
        vm.stopPrank();
    }

    /// Delegatecalled from another contract, multicall refuses to run its
    /// calls in that contract's storage.
    function test_RevertWhen_multicallDelegated() public {
        Delegator d = new Delegator();
        bytes[] memory calls = new bytes[](1);
        calls[0] = _putCall(ID, hex"01");
        vm.expectRevert(abi.encodeWithSelector(ISensitiveStore.BadBatch.selector, 0));
        d.run(address(store), abi.encodeCall(SensitiveStore.multicall, (calls)));
    }
}

contract Delegator {
    function run(address target, bytes memory data) external {
        (bool ok, bytes memory out) = target.delegatecall(data);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(out, 32), mload(out))
            }
        }
    }
}
