// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {Script, console} from "forge-std/Script.sol";
import {SensitiveStore} from "../src/SensitiveStore.sol";

/// Private chain: SensitiveStore owned by the broadcasting key.
/// env: OWNER (the broadcasting key's address), WRITERS (comma-separated, optional).
contract DeployPrivate is Script {
    function run() external returns (SensitiveStore store) {
        address owner = vm.envAddress("OWNER");
        address[] memory writers = vm.envOr("WRITERS", ",", new address[](0));
        vm.startBroadcast(owner);
        store = new SensitiveStore(owner);
        for (uint256 i = 0; i < writers.length; i++) store.setWriter(writers[i], true);
        vm.stopBroadcast();
        console.log("SensitiveStore", address(store));
    }
}
