#!/usr/bin/env bash
# foundry.sh installs the pinned Solidity toolchain (package.json: forge, anvil,
# cast 1.7.1, solc-js 0.8.37, forge-std 1.9.7) into this checkout's
# node_modules and runs its tools with the real binaries on PATH
# (node_modules/.bin/forge exits 0 even when forge fails, so it is not used).
#
#   scripts/foundry.sh setup          npm ci --ignore-scripts, once per lockfile
#   scripts/foundry.sh path           print the PATH prefix of the real binaries
#   scripts/foundry.sh <tool> [args]  run forge|anvil|cast with that PATH
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
stamp="$root/node_modules/.sovereign-lock.sha256"

setup() {
	command -v npm >/dev/null || { echo "foundry.sh: npm is required (Node 20)" >&2; exit 1; }
	local want
	want="$(sha256sum "$root/package-lock.json" | cut -d' ' -f1)"
	if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
		return 0
	fi
	(cd "$root" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
	echo "$want" >"$stamp"
}

binpath() {
	local dirs=() d
	for d in "$root"/node_modules/@foundry-rs/*-linux-*/bin; do
		[[ -x "$d/$(basename "$(dirname "$d")" | sed 's/-linux-.*//')" ]] && dirs+=("$d")
	done
	if [[ ${#dirs[@]} -eq 0 ]]; then
		echo "foundry.sh: no Foundry binaries under node_modules/@foundry-rs; run scripts/foundry.sh setup" >&2
		exit 1
	fi
	local IFS=:
	echo "${dirs[*]}"
}

case "${1:-}" in
setup) setup ;;
path) binpath ;;
forge | anvil | cast)
	setup
	tool="$1"
	shift
	PATH="$(binpath):$PATH"
	cd "$root"
	exec "$tool" "$@"
	;;
*)
	echo "usage: scripts/foundry.sh setup | path | forge|anvil|cast [args]" >&2
	exit 2
	;;
esac
