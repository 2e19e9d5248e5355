# QBFT consortium/private chains. Their Go tests (state machine, in-process
# nodes, multi-process consortium incl. the 2|2 netns partition when run as
# root) run with `make go-test`; `make bench` adds the QBFT benchmark.
.PHONY: bench-qbft
bench-qbft: build
	$(BIN)/sovereign bench qbft

BENCHES += bench-qbft

# Native Go fuzzing of what QBFT decodes from peers (messages, certificates)
# and of the state machine fed arbitrary signed fields: a short run in
# `make test` (FUZZTIME each), longer by hand: make qbft-fuzz FUZZTIME=10m.
.PHONY: qbft-fuzz
FUZZTIME ?= 10s
QBFT_FUZZ := FuzzDecodeMessage FuzzDecodeCertificate FuzzCoreHandleMessage
TESTS += qbft-fuzz
qbft-fuzz:
	@for f in $(QBFT_FUZZ); do \
	  echo "fuzz: $$f ($(FUZZTIME))"; \
	  $(GO) test -run '^$$' -fuzz "^$$f\$$" -fuzztime $(FUZZTIME) ./sidechains/qbft || exit 1; \
	done
