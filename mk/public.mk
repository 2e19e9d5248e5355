# Public chain: the reference geth for `bench public`, built from the
# go-ethereum version pinned in go.mod.
$(BIN)/geth: go.mod go.sum
	$(GO) build -trimpath -o $@ github.com/ethereum/go-ethereum/cmd/geth

.PHONY: geth bench-public
geth: $(BIN)/geth

bench-public: build $(BIN)/geth
	$(BIN)/sovereign bench public --geth $(BIN)/geth

BENCHES += bench-public
