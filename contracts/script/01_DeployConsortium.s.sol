// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {Script, console} from "forge-std/Script.sol";
import {ReviewBoard} from "../src/ReviewBoard.sol";
import {IValidatorSet} from "../src/interfaces/IValidatorSet.sol";
import {IClassificationVerifier} from "../src/interfaces/IClassificationVerifier.sol";

/// Consortium: ReviewBoard next to the genesis ValidatorSet.
/// env: VALIDATOR_SET (default the predeploy 0x…5e75), VERIFIER, POLICY,
/// SECURITY_OFFICER (records shred receipts).
/// `sovereign deploy consortium` does the same from Go.
contract DeployConsortium is Script {
    function run() external returns (ReviewBoard board) {
        address vs = vm.envOr("VALIDATOR_SET", address(0x0000000000000000000000000000000000005e75));
        address verifier = vm.envAddress("VERIFIER");
        uint256 policy = vm.envUint("POLICY");
        address officer = vm.envAddress("SECURITY_OFFICER");
        require(vs.code.length > 0, "DeployConsortium: no ValidatorSet code at VALIDATOR_SET");
        require(verifier.code.length > 0, "DeployConsortium: no verifier code at VERIFIER");
        vm.startBroadcast();
        board = new ReviewBoard(IValidatorSet(vs), IClassificationVerifier(verifier), policy, officer);
        vm.stopBroadcast();
        console.log("ReviewBoard", address(board));
    }
}
