// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title IValidatorSet — the consortium's QBFT validators (consortium chain)
/// @notice Lives in the consortium genesis (contracts/predeploy). The QBFT layer
/// reads getValidators() from the parent block's state at every height, so a
/// change voted in block N first applies to block N+1.
/// Voting: a validator proposes (candidate, add); the change executes when a
/// quorum ⌈2n/3⌉ of distinct current validators voted for that same proposal.
/// Every executed change opens a new epoch and drops all pending votes, so only
/// votes of the current set ever count.
/// Light clients (ReleaseBridge) follow the set through ValidatorSetChanged:
/// one event per change, epochs numbered 1, 2, … without gaps (the
/// constructor's set is epoch 0), each carrying the whole resulting set sorted
/// ascending, whose validatorSetHash = keccak256(abi.encode(validators)) is what
/// the QBFT header of every block certified by that set holds as extra data.
interface IValidatorSet {
    /// @notice The set changed (or was created: epoch 0): `validators` is the
    /// whole set from now on, sorted ascending; epoch = the new epoch().
    event ValidatorSetChanged(uint64 indexed epoch, address[] validators);
    /// @notice A validator joined the set (executed proposal or constructor).
    event ValidatorAdded(address indexed validator);
    /// @notice A validator left the set (executed proposal).
    event ValidatorRemoved(address indexed validator);
    /// @notice `voter` voted to add (`add` = true) or remove `candidate`.
    event VoteCast(address indexed voter, address indexed candidate, bool add);

    /// @notice The caller is not a current validator.
    error NotValidator(address caller);
    /// @notice The zero address cannot be a validator.
    error ZeroAddress();
    /// @notice The constructor got the same address twice.
    error DuplicateValidator(address validator);
    /// @notice The set would become empty (constructor or last removal).
    error EmptySet();
    /// @notice Proposal to add a current validator.
    error AlreadyValidator(address candidate);
    /// @notice Proposal to remove an address that is not a validator.
    error UnknownValidator(address candidate);
    /// @notice The caller already voted for this proposal in this epoch.
    error AlreadyVoted(address voter, address candidate, bool add);

    /// @notice Current validators, sorted by address ascending.
    function getValidators() external view returns (address[] memory);

    /// @notice Whether `account` is a current validator.
    function isValidator(address account) external view returns (bool);

    /// @notice Votes needed to decide: ⌈2n/3⌉ for n validators.
    function quorum() external view returns (uint256);

    /// @notice Number of executed changes; pending votes belong to the current epoch.
    function epoch() external view returns (uint64);

    /// @notice Votes the proposal (candidate, add) has in the current epoch.
    function votes(address candidate, bool add) external view returns (uint256);

    /// @notice Vote to add (`add` = true) or remove `candidate`; callable by
    /// validators; executes the change when the proposal reaches quorum.
    /// @return executed true when this vote executed the change.
    function propose(address candidate, bool add) external returns (bool executed);
}
