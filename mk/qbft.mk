# QBFT consortium/private chains. Their Go tests (state machine, in-process
# nodes, multi-process consortium incl. the 2|2 netns partition when run as
# root) run with `make go-test`; `make bench` adds the QBFT benchmark.
.PHONY: bench-qbft
bench-qbft: build
	$(BIN)/sovereign bench qbft

BENCHES += bench-qbft
