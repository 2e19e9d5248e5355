// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";
import {DeployConsortium} from "../script/01_DeployConsortium.s.sol";
import {DeployPublic} from "../script/02_DeployPublic.s.sol";
import {DeployPrivate} from "../script/03_DeployPrivate.s.sol";
import {ValidatorSet} from "../src/ValidatorSet.sol";
import {ReviewBoard} from "../src/ReviewBoard.sol";
import {DataRegistry} from "../src/DataRegistry.sol";
import {ReleaseBridge} from "../src/ReleaseBridge.sol";
import {SensitiveStore} from "../src/SensitiveStore.sol";
import {VerifierDouble} from "./utils/VerifierDouble.sol";

/// The deploy scripts run in process against the same environment variables
/// an operator sets, and leave wired contracts behind.
contract DeployScriptsTest is Test {
    function test_scripts_deployAndWire() public {
        address[] memory vals = new address[](3);
        vals[0] = address(0x100);
        vals[1] = address(0x200);
        vals[2] = address(0x300);
        ValidatorSet vs = new ValidatorSet(vals);
        VerifierDouble verifier = new VerifierDouble();
        vm.setEnv("VALIDATOR_SET", vm.toString(address(vs)));
        vm.setEnv("VERIFIER", vm.toString(address(verifier)));
        vm.setEnv("POLICY", "0x1234");
        vm.setEnv("SECURITY_OFFICER", vm.toString(address(0x6)));
        ReviewBoard board = new DeployConsortium().run();
        assertEq(board.policy(), 0x1234);
        assertEq(board.validatorSet(), address(vs));
        assertEq(board.securityOfficer(), address(0x6));

        vm.setEnv("SUPERVISOR", vm.toString(address(0x5)));
        vm.setEnv("CONSORTIUM_CHAIN_ID", "4242");
        vm.setEnv("REVIEW_BOARD", vm.toString(address(board)));
        vm.setEnv("VALIDATORS", "0x0000000000000000000000000000000000000100,0x0000000000000000000000000000000000000200,0x0000000000000000000000000000000000000300");
        vm.setEnv("START_EPOCH", "7");
        vm.setEnv("START_BLOCK", "1000");
        (DataRegistry registry, ReleaseBridge bridge) = new DeployPublic().run();
        assertEq(registry.bridge(), address(bridge));
        address[] memory want = new address[](3);
        (want[0], want[1], want[2]) = (address(0x100), address(0x200), address(0x300));
        (uint64 first, bytes32 setHash) = bridge.epoch(7);
        assertEq(first, 1000);
        assertEq(setHash, keccak256(abi.encode(want)));
        assertEq(bridge.latestEpoch(), 7);
        assertEq(bridge.consortiumChainId(), 4242);
        assertEq(bridge.reviewBoard(), address(board));
        assertEq(registry.policy(), 0x1234);
        (bytes32 code, address registered) = registry.verifierOf(1);
        assertEq(code, address(verifier).codehash, "verifier version 1 pinned");
        assertEq(registered, address(verifier), "verifier version 1 registered");

        vm.setEnv("OWNER", vm.toString(address(0x77)));
        vm.setEnv("WRITERS", "0x0000000000000000000000000000000000000088");
        SensitiveStore store = new DeployPrivate().run();
        assertEq(store.owner(), address(0x77));
        assertTrue(store.isWriter(address(0x88)));
    }

    function test_RevertWhen_consortiumScriptMissingVerifier() public {
        address[] memory vals = new address[](1);
        vals[0] = address(0x100);
        vm.setEnv("VALIDATOR_SET", vm.toString(address(new ValidatorSet(vals))));
        vm.setEnv("VERIFIER", vm.toString(address(0xdead)));
        vm.setEnv("POLICY", "1");
        vm.setEnv("SECURITY_OFFICER", vm.toString(address(0x6)));
        DeployConsortium s = new DeployConsortium();
        vm.expectRevert(bytes("DeployConsortium: no verifier code at VERIFIER"));
        s.run();
    }
}
