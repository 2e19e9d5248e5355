# Portal: the browser's Verify is the record-format code compiled to
# WebAssembly (portal/browserverify/wasm) with Go's own wasm_exec.js; both
# are generated into portal/web/static (ignored by git) and embedded in the
# sovereign binary, so `make build` makes them first.
PORTAL_STATIC := portal/web/static

.PHONY: portal-wasm
SETUP += portal-wasm
portal-wasm: $(PORTAL_STATIC)/verify.wasm $(PORTAL_STATIC)/wasm_exec.js

$(PORTAL_STATIC)/verify.wasm: go.mod go.sum $(wildcard portal/browserverify/*.go portal/browserverify/wasm/*.go record/*.go)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o $@ ./portal/browserverify/wasm

$(PORTAL_STATIC)/wasm_exec.js:
	cp "$$($(GO) env GOROOT)/lib/wasm/wasm_exec.js" $@

# The portal's store tests run against a real PostgreSQL server too
# (--index.postgres): Debian's postgresql, installed when missing (CI runs
# as root); each test binary starts a throwaway server through
# scripts/postgres.sh. As root (CI) a missing server fails those tests
# instead of skipping them.
.PHONY: postgres
SETUP += postgres
postgres:
	@if [ "$$(id -u)" = 0 ]; then scripts/postgres.sh install; \
	  else scripts/postgres.sh install 2>/dev/null || echo "postgres: not root and no PostgreSQL: its store tests will skip (install Debian's postgresql)"; fi
export SOVEREIGN_REQUIRE_POSTGRES := $(shell [ "$$(id -u)" = 0 ] && echo 1)

# CKAN's DCAT harvester's parser (ckanext-dcat, vendored in
# portal/test/ckanext-dcat) reads the portal's catalogues in the Go tests
# (TestCKANHarvest) and in portal-test: it needs Debian's python3-rdflib and
# friends (PyPI is not reachable). As root (CI) a missing one fails.
.PHONY: ckan-dcat
SETUP += ckan-dcat
ckan-dcat:
	@if [ "$$(id -u)" = 0 ]; then scripts/ckan-dcat.sh install; \
	  else scripts/ckan-dcat.sh install 2>/dev/null || echo "ckan-dcat: not root and no python3-rdflib: TestCKANHarvest will skip"; fi
export SOVEREIGN_REQUIRE_CKAN_DCAT := $(shell [ "$$(id -u)" = 0 ] && echo 1)

# `make test`: the portal in a real browser and its DCAT-AP export against
# SHACL shapes, on a fresh devnet (about 80 s; artefacts in build/portal-test).
.PHONY: portal-test
TESTS += portal-test
portal-test: build
	scripts/portal-e2e.sh

# `make bench`: the catalogue with 100,000 releases indexed next to the chain
# reader answering the same filter, and indexing throughput (~8-12 min, most of
# it publishing the releases on a simulated chain); with a PostgreSQL server
# installed, the same chain indexed into and served from PostgreSQL too (~3 min).
PORTAL_BENCH_POSTGRES := $(shell ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 && echo 1)
.PHONY: bench-portal
BENCHES += bench-portal
bench-portal:
	PORTAL_BENCH_RELEASES=100000 PORTAL_BENCH_POSTGRES=$(PORTAL_BENCH_POSTGRES) $(GO) test ./portal -run TestBenchPortal -v -count=1 -timeout 40m
