// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {Script, console} from "forge-std/Script.sol";
import {DataRegistry} from "../src/DataRegistry.sol";
import {ReleaseBridge} from "../src/ReleaseBridge.sol";

/// Public chain: DataRegistry + ReleaseBridge, wired.
/// env: SUPERVISOR, SECURITY_OFFICER, POLICY (ReviewBoard's), CONSORTIUM_CHAIN_ID, REVIEW_BOARD,
/// VALIDATOR_SET (default the predeploy), and the checkpoint the bridge starts
/// from: START_BLOCK (a certified consortium block), START_EPOCH
/// (ValidatorSet.epoch() in the state of START_BLOCK − 1) and VALIDATORS
/// (comma-separated, sorted ascending: getValidators() there, whose
/// validatorSetHash must be START_BLOCK's header extraData). `sovereign deploy
/// public` reads and checks all three on the consortium itself. VERIFIER: the
/// classification verifier deployed on this chain with the same code as
/// ReviewBoard's version 1 (its code hash is pinned as version 1, and it is
/// registered).
contract DeployPublic is Script {
    function run() external returns (DataRegistry registry, ReleaseBridge bridge) {
        address supervisor = vm.envAddress("SUPERVISOR");
        uint256 policy = vm.envUint("POLICY");
        address officer = vm.envAddress("SECURITY_OFFICER");
        uint256 chainId = vm.envUint("CONSORTIUM_CHAIN_ID");
        address board = vm.envAddress("REVIEW_BOARD");
        address vs = vm.envOr("VALIDATOR_SET", address(0x0000000000000000000000000000000000005e75));
        address[] memory validators = vm.envAddress("VALIDATORS", ",");
        uint64 startEpoch = uint64(vm.envUint("START_EPOCH"));
        uint64 startBlock = uint64(vm.envUint("START_BLOCK"));
        address verifier = vm.envAddress("VERIFIER");
        require(verifier.code.length > 0, "DeployPublic: no verifier code at VERIFIER");
        vm.startBroadcast();
        registry = new DataRegistry(supervisor, officer, policy, verifier.codehash);
        registry.registerVerifier(1, verifier);
        bridge = new ReleaseBridge(registry, chainId, board, vs, startEpoch, startBlock, validators);
        registry.setBridge(address(bridge));
        vm.stopBroadcast();
        console.log("DataRegistry", address(registry));
        console.log("ReleaseBridge", address(bridge));
    }
}
