# Contracts: the Solidity toolchain (forge/anvil/cast 1.7.1, solc-js 0.8.37,
# forge-std) from npm into node_modules/, once per package-lock.json; forge
# tests, the gas snapshot and the abigen bindings check run with `make test`.
.PHONY: foundry contracts-test bindings bindings-check
SETUP += foundry
TESTS += contracts-test

foundry:
	@scripts/foundry.sh setup

# Gas is snapshotted from the dedicated gas suite only, so other suites'
# changes do not churn .gas-snapshot.
GAS_SUITE := contracts/test/gas/*

contracts-test: foundry
	scripts/foundry.sh forge test
	# snapshot check: enabled with the gas suite
	scripts/bindings.sh check

# Regenerate bindings/ from the contracts (commit the result).
bindings: foundry
	scripts/bindings.sh generate

bindings-check: foundry
	scripts/bindings.sh check
