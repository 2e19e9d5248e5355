# zk: classification proofs (gnark Groth16). The circuit tests are too
# CPU-heavy for the race detector. The Solidity verifiers in
# contracts/src/generated and the forge fixtures in contracts/test/zk/fixtures
# are generated (deterministically, from the public dev seed): CI regenerates
# them and fails if they differ from the committed ones. The forge test itself
# runs with the other contract tests (contracts-test).
.PHONY: zk-generate zk-generated-check zk-bench
NORACE_DIRS += zk
TESTS       += zk-generated-check
BENCHES     += zk-bench

# Regenerate the verifiers and fixtures (commit the result).
zk-generate: build
	$(BIN)/sovereign zk generate --root $(CURDIR)

zk-generated-check: build
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  $(BIN)/sovereign zk generate --root "$$tmp" >/dev/null && \
	  if ! diff -r "$$tmp/contracts/src/generated" contracts/src/generated || \
	     ! diff -r "$$tmp/contracts/test/zk/fixtures" contracts/test/zk/fixtures; then \
	    echo "zk: generated verifier/fixture out of date; run: make zk-generate" >&2; exit 1; \
	  fi; echo "zk: generated verifiers and fixtures up to date"

zk-bench: build
	$(BIN)/sovereign bench zk --root $(CURDIR)
