// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";
import {ValidatorSet} from "../src/ValidatorSet.sol";
import {IValidatorSet} from "../src/interfaces/IValidatorSet.sol";

contract ValidatorSetTest is Test {
    ValidatorSet internal set;
    address internal a = address(0xA1);
    address internal b = address(0xB2);
    address internal c = address(0xC3);
    address internal d = address(0xD4);
    address internal e = address(0xE5);

    function setUp() public {
        address[] memory init = new address[](4);
        // deliberately unsorted: the contract sorts
        init[0] = d;
        init[1] = b;
        init[2] = a;
        init[3] = c;
        set = new ValidatorSet(init);
    }

    function test_constructor_sortsAndEmits() public {
        address[] memory init = new address[](2);
        init[0] = b;
        init[1] = a;
        vm.expectEmit(true, false, false, false);
        emit IValidatorSet.ValidatorAdded(b);
        vm.expectEmit(true, false, false, false);
        emit IValidatorSet.ValidatorAdded(a);
        ValidatorSet s = new ValidatorSet(init);
        address[] memory got = s.getValidators();
        assertEq(got.length, 2);
        assertEq(got[0], a);
        assertEq(got[1], b);
    }

    function test_RevertWhen_constructorEmpty() public {
        vm.expectRevert(IValidatorSet.EmptySet.selector);
        new ValidatorSet(new address[](0));
    }

    function test_RevertWhen_constructorZero() public {
        address[] memory init = new address[](1);
        vm.expectRevert(IValidatorSet.ZeroAddress.selector);
        new ValidatorSet(init);
    }

    function test_RevertWhen_constructorDuplicate() public {
        address[] memory init = new address[](2);
        init[0] = a;
        init[1] = a;
        vm.expectRevert(abi.encodeWithSelector(IValidatorSet.DuplicateValidator.selector, a));
        new ValidatorSet(init);
    }

    function test_getValidators_sorted() public view {
        address[] memory got = set.getValidators();
        assertEq(got.length, 4);
        assertEq(got[0], a);
        assertEq(got[1], b);
        assertEq(got[2], c);
        assertEq(got[3], d);
    }

    function test_isValidator() public view {
        assertTrue(set.isValidator(a));
        assertFalse(set.isValidator(e));
    }

    function test_quorum_ceilTwoThirds() public {
        assertEq(set.quorum(), 3); // n=4
        uint256[8] memory want = [uint256(1), 2, 2, 3, 4, 4, 5, 6];
        for (uint256 n = 1; n <= 8; n++) {
            address[] memory init = new address[](n);
            for (uint256 i = 0; i < n; i++) init[i] = address(uint160(0x1000 + i));
            assertEq(new ValidatorSet(init).quorum(), want[n - 1], "quorum");
        }
    }

    function test_propose_addAtQuorum() public {
        vm.prank(a);
        vm.expectEmit(true, true, false, true);
        emit IValidatorSet.VoteCast(a, e, true);
        assertFalse(set.propose(e, true));
        vm.prank(b);
        assertFalse(set.propose(e, true));
        assertEq(set.votes(e, true), 2);
        vm.prank(c);
        vm.expectEmit(true, false, false, false);
        emit IValidatorSet.ValidatorAdded(e);
        assertTrue(set.propose(e, true));
        assertTrue(set.isValidator(e));
        assertEq(set.getValidators()[4], e);
        assertEq(set.epoch(), 1);
        assertEq(set.votes(e, true), 0);
        assertEq(set.quorum(), 4);
    }

    function test_propose_removeAtQuorum() public {
        vm.prank(a);
        set.propose(b, false);
        vm.prank(c);
        set.propose(b, false);
        vm.prank(d);
        vm.expectEmit(true, false, false, false);
        emit IValidatorSet.ValidatorRemoved(b);
        assertTrue(set.propose(b, false));
        address[] memory got = set.getValidators();
        assertEq(got.length, 3);
        assertEq(got[0], a);
        assertEq(got[1], c);
        assertEq(got[2], d);
        assertFalse(set.isValidator(b));
    }

    /// Every change emits the whole resulting set, sorted, under the new epoch
    /// number (1, 2, … without gaps): what the bridge follows.
    function test_propose_emitsWholeSetPerEpoch() public {
        address[] memory want = new address[](5);
        (want[0], want[1], want[2], want[3], want[4]) = (a, b, c, d, e);
        vm.prank(a);
        set.propose(e, true);
        vm.prank(b);
        set.propose(e, true);
        vm.prank(c);
        vm.expectEmit(true, false, false, true, address(set));
        emit IValidatorSet.ValidatorSetChanged(1, want);
        set.propose(e, true);

        address[] memory want2 = new address[](4);
        (want2[0], want2[1], want2[2], want2[3]) = (b, c, d, e);
        for (uint256 i = 0; i < 4; i++) { // quorum of 5 is 4
            vm.prank(want2[i]);
            if (i == 3) {
                vm.expectEmit(true, false, false, true, address(set));
                emit IValidatorSet.ValidatorSetChanged(2, want2);
            }
            set.propose(a, false);
        }
        assertEq(set.epoch(), 2);
        assertEq(keccak256(abi.encode(set.getValidators())), keccak256(abi.encode(want2)));
    }

    function test_constructor_emitsEpochZero() public {
        address[] memory init = new address[](2);
        (init[0], init[1]) = (b, a);
        address[] memory sorted = new address[](2);
        (sorted[0], sorted[1]) = (a, b);
        vm.expectEmit(true, false, false, true);
        emit IValidatorSet.ValidatorSetChanged(0, sorted);
        new ValidatorSet(init);
    }

    function test_propose_newEpochDropsPendingVotes() public {
        vm.prank(a);
        set.propose(address(0xF6), true);
        vm.prank(a);
        set.propose(e, true);
        vm.prank(b);
        set.propose(e, true);
        vm.prank(c);
        set.propose(e, true); // executes: epoch 1
        assertEq(set.votes(address(0xF6), true), 0);
        vm.prank(a); // may vote again in the new epoch
        set.propose(address(0xF6), true);
        assertEq(set.votes(address(0xF6), true), 1);
    }

    function test_RevertWhen_proposeByNonValidator() public {
        vm.prank(e);
        vm.expectRevert(abi.encodeWithSelector(IValidatorSet.NotValidator.selector, e));
        set.propose(e, true);
    }

    function test_RevertWhen_proposeZero() public {
        vm.prank(a);
        vm.expectRevert(IValidatorSet.ZeroAddress.selector);
        set.propose(address(0), true);
    }

    function test_RevertWhen_proposeAddExisting() public {
        vm.prank(a);
        vm.expectRevert(abi.encodeWithSelector(IValidatorSet.AlreadyValidator.selector, b));
        set.propose(b, true);
    }

    function test_RevertWhen_proposeRemoveUnknown() public {
        vm.prank(a);
        vm.expectRevert(abi.encodeWithSelector(IValidatorSet.UnknownValidator.selector, e));
        set.propose(e, false);
    }

    function test_RevertWhen_removeLast() public {
        address[] memory init = new address[](1);
        init[0] = a;
        ValidatorSet s = new ValidatorSet(init);
        vm.prank(a);
        vm.expectRevert(IValidatorSet.EmptySet.selector);
        s.propose(a, false);
    }

    function test_RevertWhen_voteTwice() public {
        vm.prank(a);
        set.propose(e, true);
        vm.prank(a);
        vm.expectRevert(abi.encodeWithSelector(IValidatorSet.AlreadyVoted.selector, a, e, true));
        set.propose(e, true);
    }

    /// Vote counting: a change executes exactly when the number of distinct
    /// validator votes reaches ⌈2n/3⌉, never earlier, whatever the order.
    function testFuzz_voteCounting(uint8 nRaw, uint256 orderSeed) public {
        uint256 n = bound(nRaw, 1, 12);
        address[] memory init = new address[](n);
        for (uint256 i = 0; i < n; i++) init[i] = address(uint160(uint256(keccak256(abi.encode(i))) | 1));
        ValidatorSet s = new ValidatorSet(init);
        uint256 q = (2 * n + 2) / 3;
        assertEq(s.quorum(), q);
        // shuffle voting order
        for (uint256 i = n - 1; i > 0; i--) {
            uint256 j = uint256(keccak256(abi.encode(orderSeed, i))) % (i + 1);
            (init[i], init[j]) = (init[j], init[i]);
        }
        address cand = address(0xCAFE);
        for (uint256 i = 0; i < q; i++) {
            vm.prank(init[i]);
            bool executed = s.propose(cand, true);
            assertEq(executed, i + 1 == q, "executes exactly at quorum");
        }
        assertTrue(s.isValidator(cand));
        address[] memory got = s.getValidators();
        assertEq(got.length, n + 1);
        for (uint256 i = 1; i < got.length; i++) assertLt(uint160(got[i - 1]), uint160(got[i]), "sorted");
    }
}
