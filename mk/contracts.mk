# Contracts: the Solidity toolchain (forge/anvil/cast 1.7.1, solc-js 0.8.37,
# forge-std) from npm into node_modules/, once per package-lock.json; forge
# tests, the gas snapshot and the abigen bindings check run with `make test`.
.PHONY: foundry contracts-test contracts-gas gas-snapshot bindings bindings-check
SETUP   += foundry
TESTS   += contracts-test
BENCHES += contracts-gas

foundry:
	@scripts/foundry.sh setup

# Gas is snapshotted from the dedicated gas suite only, so other suites'
# changes do not churn the snapshots: .gas-snapshot (whole tests) and the
# named snapshots of the relay call alone (contracts/test/gas/snapshots/).
GAS_SUITE := contracts/test/gas/*

# FORGE_SNAPSHOT_CHECK: compare the named snapshots instead of rewriting them.
# FOUNDRY_PROFILE=ci: the larger fuzz and invariant runs of foundry.toml
# (same fixed seed) are what `make test`, and so CI, runs.
contracts-test: foundry
	FOUNDRY_PROFILE=ci FORGE_SNAPSHOT_CHECK=true scripts/foundry.sh forge test
	scripts/foundry.sh forge snapshot --check --match-path '$(GAS_SUITE)'
	scripts/bindings.sh check

# Gas of a relay next to the same-run reference (DataRegistry.publish alone),
# the figures of BENCHMARKS.md; the snapshots are left untouched.
contracts-gas: foundry
	FORGE_SNAPSHOT_CHECK=true scripts/foundry.sh forge test --match-path '$(GAS_SUITE)' -vv | \
	  grep -E '^\[PASS\]|^\[FAIL|gas|per record|reference|ratio'
	@cat contracts/test/gas/snapshots/BridgeGasTest.json; echo

# Rewrite both gas snapshots after an intended gas change (commit them).
gas-snapshot: foundry
	scripts/foundry.sh forge snapshot --match-path '$(GAS_SUITE)'
	scripts/foundry.sh forge test --match-path '$(GAS_SUITE)'

# Regenerate bindings/ from the contracts (commit the result).
bindings: foundry
	scripts/bindings.sh generate

bindings-check: foundry
	scripts/bindings.sh check
