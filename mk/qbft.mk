# QBFT consortium/private chains. Their Go tests (state machine, in-process
# nodes, multi-process consortium incl. the 2|2 netns partition when run as
# root) run with `make go-test`; `make bench` adds the QBFT benchmark.
.PHONY: bench-qbft
bench-qbft: build
	$(BIN)/sovereign bench qbft

BENCHES += bench-qbft

# The 2|2 partition test (sidechains/consortium) needs root and iproute2.
# As root (CI), `make test` requires it to run: it fails instead of
# skipping when namespaces cannot be made; setup installs iproute2 if absent.
export SOVEREIGN_REQUIRE_NETNS := $(shell [ "$$(id -u)" = 0 ] && echo 1)
.PHONY: netns-tools
SETUP += netns-tools
netns-tools:
	@if [ "$$(id -u)" = 0 ] && ! command -v ip >/dev/null; then \
	  echo "installing iproute2 for the partition test"; \
	  apt-get install -y --no-install-recommends iproute2 >/dev/null || \
	  { apt-get update >/dev/null && apt-get install -y --no-install-recommends iproute2 >/dev/null; }; \
	fi
