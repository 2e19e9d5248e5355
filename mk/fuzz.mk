# Native Go fuzzing of every decoder of outside bytes: QBFT messages and
# certificates (and the state machine fed arbitrary signed fields), the two
# devp2p protocols' handlers (sov block sync, sovqbft transport), the checks
# the bridge makes on an endpoint's header, validators and certificate, and
# the files users write (policy, column categories, tables, released views,
# proof files). A short
# run of each in `make test`; longer by hand: make fuzz FUZZTIME=10m.
#
# `make test` gives each target an execution count (about 8 s here), not a
# duration: with a duration, Go 1.26's fuzz coordinator can fail a target with
# a bare "context deadline exceeded" at the deadline on a busy machine, having
# found nothing (go.dev/issue/75804, fixed in Go 1.27). A count has no deadline.
.PHONY: fuzz
FUZZTIME ?=
FUZZ_TARGETS := \
	sidechains/qbft:FuzzDecodeMessage:120000x \
	sidechains/qbft:FuzzDecodeCertificate:120000x \
	sidechains/qbft:FuzzCoreHandleMessage:1500x \
	sidechains/qbft/transport:FuzzTransportHandle:30000x \
	node/blocksync:FuzzSovHandle:30000x \
	bridge:FuzzCertify:20000x \
	record:FuzzDecodePolicy:120000x \
	record:FuzzDecodeColumnCategories:120000x \
	record:FuzzParseTable:120000x \
	record:FuzzParseReleasedView:60000x \
	zk:FuzzProofFile:60000x
TESTS += fuzz
fuzz:
	@for t in $(FUZZ_TARGETS); do \
	  pkg=$${t%%:*}; rest=$${t#*:}; f=$${rest%%:*}; budget=$${FUZZTIME:-$${rest#*:}}; \
	  echo "fuzz: $$f in ./$$pkg ($$budget)"; \
	  $(GO) test -run '^$$' -fuzz "^$$f\$$" -fuzztime $$budget ./$$pkg || exit 1; \
	done
