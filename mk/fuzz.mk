# Native Go fuzzing of every decoder of outside bytes: QBFT messages and
# certificates (and the state machine fed arbitrary signed fields), and the
# files users write (policy, column categories, tables, proof files). A short
# run of each in `make test`; longer by hand: make fuzz FUZZTIME=10m.
.PHONY: fuzz
FUZZTIME ?= 8s
FUZZ_TARGETS := \
	sidechains/qbft:FuzzDecodeMessage \
	sidechains/qbft:FuzzDecodeCertificate \
	sidechains/qbft:FuzzCoreHandleMessage \
	record:FuzzDecodePolicy \
	record:FuzzDecodeColumnCategories \
	record:FuzzParseTable \
	zk:FuzzProofFile
TESTS += fuzz
fuzz:
	@for t in $(FUZZ_TARGETS); do \
	  pkg=$${t%%:*}; f=$${t##*:}; echo "fuzz: $$f in ./$$pkg ($(FUZZTIME))"; \
	  $(GO) test -run '^$$' -fuzz "^$$f\$$" -fuzztime $(FUZZTIME) ./$$pkg || exit 1; \
	done
