#!/usr/bin/env bash
# vault.sh — the project's real HashiCorp Vault server, built from source.
#
#   scripts/vault.sh build   build Vault once per machine (cached by version)
#   scripts/vault.sh path    print the cached binary's path (fails if not built)
#
# The machines reach only the Go module proxy, so Vault is built from its Go
# module in tools/vault (own go.mod, -tags minimal). A cold build takes about
# 3 minutes and ~2.9 GB of module cache; later calls return at once.
set -euo pipefail

VAULT_VERSION=1.21.1
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/sovereign/vault-${VAULT_VERSION}"
BIN="${CACHE_DIR}/vault"

say() { printf 'vault.sh: %s\n' "$*" >&2; }

build() {
	if [[ -x "$BIN" ]] && "$BIN" version 2>/dev/null | grep -q "v${VAULT_VERSION}"; then
		say "Vault v${VAULT_VERSION} already built: ${BIN}"
		return 0
	fi
	mkdir -p "$CACHE_DIR"
	say "building Vault v${VAULT_VERSION} from source (first time on this machine: ~3 min, ~2.9 GB module cache)"
	say "step 1/2: downloading modules"
	(cd "$ROOT/tools/vault" && go mod download -x 2>&1 | grep -c '^# get' | sed 's/^/vault.sh: modules fetched: /' >&2 || true)
	say "step 2/2: compiling (CGO_ENABLED=0, -tags minimal)"
	local tmp="${BIN}.tmp.$$"
	(cd "$ROOT/tools/vault" && CGO_ENABLED=0 go build -tags minimal -trimpath -ldflags="-s -w" -o "$tmp" .)
	# Rename last so a killed build never leaves a half-written binary behind.
	mv -f "$tmp" "$BIN"
	say "built: ${BIN} ($("$BIN" version))"
}

case "${1:-}" in
build) build ;;
path)
	if [[ ! -x "$BIN" ]]; then
		say "Vault v${VAULT_VERSION} is not built yet: run 'scripts/vault.sh build' (or 'make setup')"
		exit 1
	fi
	echo "$BIN"
	;;
*)
	echo "usage: $0 build|path" >&2
	exit 2
	;;
esac
