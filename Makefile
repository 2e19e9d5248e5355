# Sovereign — the two commands of the README:
#   make devnet   builds what is missing and runs the whole system locally
#   make test     runs every test (what .ci/run calls)
SHELL := /bin/bash
GO    ?= go
BIN   := $(CURDIR)/build/bin
export PATH := $(BIN):$(PATH)

# Fragments in mk/ extend these lists with their own parts:
#   SETUP        tools built or installed once (cached) before tests or devnet
#   TESTS        extra suites `make test` runs after the Go tests
#   BENCHES      extra `make bench` steps
#   NORACE_DIRS  Go package dirs too CPU-heavy for the race detector
SETUP       :=
TESTS       :=
BENCHES     :=
NORACE_DIRS :=
include $(wildcard mk/*.mk)

GO_PKGS        = $(shell $(GO) list ./...)
NORACE_PATTERN = $(if $(strip $(NORACE_DIRS)),$(shell echo '$(strip $(NORACE_DIRS))' | sed 's/ /\\|/g'),^$$)
RACE_PKGS      = $(shell $(GO) list ./... | grep -v '/\($(NORACE_PATTERN)\)\(/\|$$\)')
PLAIN_PKGS     = $(filter-out $(RACE_PKGS),$(GO_PKGS))

.PHONY: all build setup devnet test go-test lint bench
all: build

setup: $(SETUP)

build: setup
	$(GO) build -trimpath -o $(BIN)/sovereign ./cmd/sovereign

devnet: build
	$(BIN)/sovereign devnet --datadir $(CURDIR)/.devnet

test: build lint go-test $(TESTS)

# Tests build with the byzantine tag: the test-only Byzantine behaviour of
# QBFT validators (never in `make build`'s binary) is what the fault tests use.
TEST_TAGS := -tags byzantine

go-test: build
	$(GO) test -race $(TEST_TAGS) -timeout 25m $(RACE_PKGS)
	$(if $(strip $(PLAIN_PKGS)),$(GO) test $(TEST_TAGS) -timeout 25m $(PLAIN_PKGS))

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' | grep -v '^bindings/')); \
	  if [ -n "$$out" ]; then echo "gofmt would change: $$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) vet $(TEST_TAGS) ./...
	$(GO) tool staticcheck ./...
	$(GO) tool staticcheck $(TEST_TAGS) ./...

bench: build $(BENCHES)
