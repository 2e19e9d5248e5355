// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {IValidatorSet} from "./interfaces/IValidatorSet.sol";

/// @title ValidatorSet — see IValidatorSet for the rules.
contract ValidatorSet is IValidatorSet {
    /// Sorted ascending; the QBFT proposer rotation relies on this order.
    address[] private _validators;
    mapping(address => bool) private _isValidator;

    uint64 public epoch;
    /// epoch => proposal id => voter => voted
    mapping(uint256 => mapping(bytes32 => mapping(address => bool))) private _voted;
    /// epoch => proposal id => votes
    mapping(uint256 => mapping(bytes32 => uint256)) private _votes;

    constructor(address[] memory initial) {
        if (initial.length == 0) revert EmptySet();
        for (uint256 i = 0; i < initial.length; i++) {
            address v = initial[i];
            if (v == address(0)) revert ZeroAddress();
            if (_isValidator[v]) revert DuplicateValidator(v);
            _insert(v);
            emit ValidatorAdded(v);
        }
        emit ValidatorSetChanged(0, _validators);
    }

    function getValidators() external view returns (address[] memory) {
        return _validators;
    }

    function isValidator(address account) external view returns (bool) {
        return _isValidator[account];
    }

    function quorum() public view returns (uint256) {
        return (2 * _validators.length + 2) / 3;
    }

    function votes(address candidate, bool add) external view returns (uint256) {
        return _votes[epoch][_proposalId(candidate, add)];
    }

    function propose(address candidate, bool add) external returns (bool executed) {
        if (!_isValidator[msg.sender]) revert NotValidator(msg.sender);
        if (candidate == address(0)) revert ZeroAddress();
        if (add && _isValidator[candidate]) revert AlreadyValidator(candidate);
        if (!add && !_isValidator[candidate]) revert UnknownValidator(candidate);
        if (!add && _validators.length == 1) revert EmptySet();

        bytes32 id = _proposalId(candidate, add);
        uint64 e = epoch;
        if (_voted[e][id][msg.sender]) revert AlreadyVoted(msg.sender, candidate, add);
        _voted[e][id][msg.sender] = true;
        uint256 n = ++_votes[e][id];
        emit VoteCast(msg.sender, candidate, add);

        if (n < quorum()) return false;
        epoch = e + 1;
        if (add) {
            _insert(candidate);
            emit ValidatorAdded(candidate);
        } else {
            _remove(candidate);
            emit ValidatorRemoved(candidate);
        }
        emit ValidatorSetChanged(e + 1, _validators);
        return true;
    }

    function _proposalId(address candidate, bool add) private pure returns (bytes32) {
        return keccak256(abi.encode(candidate, add));
    }

    /// Insertion into the sorted array: sets stay small (tens of validators).
    function _insert(address v) private {
        _isValidator[v] = true;
        _validators.push(v);
        uint256 i = _validators.length - 1;
        while (i > 0 && _validators[i - 1] > v) {
            _validators[i] = _validators[i - 1];
            i--;
        }
        _validators[i] = v;
    }

    function _remove(address v) private {
        _isValidator[v] = false;
        uint256 n = _validators.length;
        uint256 i = 0;
        while (_validators[i] != v) i++;
        for (; i + 1 < n; i++) {
            _validators[i] = _validators[i + 1];
        }
        _validators.pop();
    }
}
