// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ChainFixture} from "../utils/ChainFixture.sol";
import {IReleaseBridge} from "../../src/interfaces/IReleaseBridge.sol";
import {IDataRegistry as IDataRegistryLike} from "../../src/interfaces/IDataRegistry.sol";

/// Gas of the bridge's hot paths. `make test` checks two snapshots of this
/// suite: .gas-snapshot (whole tests, `forge snapshot --check`) and the named
/// snapshots in contracts/test/gas/snapshots/ (the relay call alone, via
/// vm.snapshotGasLastCall; FORGE_SNAPSHOT_CHECK=true fails on any change).
contract BridgeGasTest is ChainFixture {
    function setUp() public {
        _deployPublic(4);
    }

    uint256 internal calldataGas;

    bool internal sameDataset;

    function _relay(uint256 records, string memory name, bool oneReceipt) internal returns (uint256 used) {
        Ev[] memory logs = new Ev[](records);
        for (uint256 i = 0; i < records; i++) {
            logs[i] = sameDataset
                ? decisionLog(keccak256("one dataset"), uint64(i + 2), 0, true)
                : decisionLog(keccak256(abi.encode("ds", i)), 1, 0, true);
        }
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) =
            oneReceipt ? blockOneReceipt(100, logs) : block_(100, logs);
        bytes memory call = abi.encodeCall(bridge.relay, (c, h, epochSet(), p));
        calldataGas = 0;
        for (uint256 i = 0; i < call.length; i++) calldataGas += call[i] == 0 ? 4 : 16;
        uint256 before = gasleft();
        (bool ok,) = address(bridge).call(call);
        used = before - gasleft();
        assertTrue(ok, "relay failed");
        vm.snapshotGasLastCall(name);
        assertEq(registry.recordCount(), records + (sameDataset ? 1 : 0));
    }

    /// Goal (issue 5, tightened by issue 11): one release through the bridge ≤ 400k gas per transaction.
    function test_gas_relayOneRelease() public {
        assertLe(_relayMeasured(1, "relay_1_release_3_of_4_seals", false), 400_000, "one release over 400k");
    }

    function test_gas_relayBatch10() public {
        _relayMeasured(10, "relay_batch_10_releases_3_of_4_seals", false);
    }

    /// Ten Decisions from one ReviewBoard.voteBatch transaction: one receipt, one proof.
    function test_gas_relayBatch10OneReceipt() public {
        _relayMeasured(10, "relay_batch_10_releases_one_receipt_3_of_4_seals", true);
    }

    /// Ten new versions of one existing dataset, one receipt: the common case
    /// of a department releasing updates. Goal (issue 5): ≤ 100k gas per record.
    function test_gas_relayBatch10VersionsOneReceipt() public {
        _firstVersion();
        sameDataset = true;
        uint256 perRecord = _relayMeasured(10, "relay_batch_10_versions_one_receipt_3_of_4_seals", true) / 10;
        assertLe(perRecord, 100_000, "batched release over 100k per record");
    }

    function _firstVersion() internal {
        vm.prank(address(bridge));
        registry.publish(release(keccak256("one dataset"), 1, 0));
    }

    /// Same-run reference for a new version of an existing dataset.
    function test_gas_publishDirectExistingDatasetReference() public {
        _firstVersion();
        vm.prank(address(bridge));
        registry.publish(release(keccak256("one dataset"), 2, 0));
        vm.snapshotGasLastCall("reference_registry_publish_direct_existing_dataset");
    }

    /// Same-run reference: the registry's own publish, called directly by the
    /// bridge address (storage of one record, no certificate or proofs).
    function test_gas_publishDirectReference() public {
        IDataRegistryLike reg = IDataRegistryLike(address(registry));
        vm.prank(address(bridge));
        reg.publish(release(keccak256(abi.encode("ds", uint256(0))), 1, 0));
        vm.snapshotGasLastCall("reference_registry_publish_direct");
    }

    /// Returns the transaction's gas (21k + calldata + relay).
    function _relayMeasured(uint256 records, string memory name, bool oneReceipt) internal returns (uint256 txGas) {
        uint256 used = _relay(records, name, oneReceipt);
        txGas = 21_000 + calldataGas + used;
        uint256 ref = _referencePublish();
        emit log_named_uint("relay gas (gasleft around the call, incl. CALL overhead)", used);
        emit log_named_uint("calldata gas", calldataGas);
        emit log_named_uint("transaction gas (21k + calldata + relay)", txGas);
        emit log_named_uint("transaction gas per record", txGas / records);
        emit log_named_uint("same-run reference: DataRegistry.publish alone", ref);
        emit log_named_decimal_uint("ratio per record / reference", (txGas / records) * 100 / ref, 2);
    }

    /// One more record published directly by the bridge's address, of the
    /// same kind as the case's (a new dataset, or a new version of one),
    /// measured cold as a transaction of its own would be: the relay before
    /// it in this test warmed the registry's account and slots (EIP-2929),
    /// which made the reference ~65k cheaper than a real publish.
    function _referencePublish() internal returns (uint256 used) {
        bytes32 ds = sameDataset ? keccak256("one dataset") : keccak256("reference dataset");
        uint64 v = sameDataset ? 100 : 1;
        vm.cool(address(registry));
        vm.prank(address(bridge));
        uint256 before = gasleft();
        registry.publish(release(ds, v, 0));
        used = before - gasleft();
    }
}
