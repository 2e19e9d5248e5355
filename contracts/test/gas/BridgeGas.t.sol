// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ChainFixture} from "../utils/ChainFixture.sol";
import {IReleaseBridge} from "../../src/interfaces/IReleaseBridge.sol";

/// Gas of the bridge's hot paths, snapshotted in .gas-snapshot (make test
/// runs `forge snapshot --check` on this suite only). Fixtures are built
/// before the measured call; each figure is the relay call alone.
contract BridgeGasTest is ChainFixture {
    function setUp() public {
        _deployPublic(4);
    }

    function _relay(uint256 records) internal returns (uint256 used) {
        Ev[] memory logs = new Ev[](records);
        for (uint256 i = 0; i < records; i++) logs[i] = decisionLog(keccak256(abi.encode("ds", i)), 1, 0, true);
        (IReleaseBridge.Certificate memory c, bytes memory h, IReleaseBridge.LogProof[] memory p) = block_(100, logs);
        bytes memory call = abi.encodeCall(bridge.relay, (c, h, p));
        uint256 before = gasleft();
        (bool ok,) = address(bridge).call(call);
        used = before - gasleft();
        assertTrue(ok, "relay failed");
        assertEq(registry.recordCount(), records);
    }

    function test_gas_relayOneRelease() public {
        vm.startSnapshotGas("relay: 1 release, 4 validators (3 seals)");
        _relayMeasured(1);
        vm.stopSnapshotGas();
    }

    function test_gas_relayBatch10() public {
        vm.startSnapshotGas("relay: batch of 10 releases, 4 validators (3 seals)");
        _relayMeasured(10);
        vm.stopSnapshotGas();
    }

    function _relayMeasured(uint256 records) internal {
        uint256 used = _relay(records);
        emit log_named_uint("relay gas (execution, excl. calldata + 21k base)", used);
        emit log_named_uint("per record", used / records);
    }
}
