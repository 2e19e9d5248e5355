# The whole path of a record through a devnet: `make bench` adds it.
.PHONY: bench-pipeline
bench-pipeline: build
	$(BIN)/sovereign bench pipeline

BENCHES += bench-pipeline
