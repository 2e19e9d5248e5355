#!/usr/bin/env bash
# bindings.sh generates the Go bindings in bindings/ from the forge artifacts
# with abigen v2 (go tool abigen, pinned in go.mod) — the one way they are made.
#
#   scripts/bindings.sh generate   forge build, then rewrite bindings/<pkg>/<pkg>.go
#   scripts/bindings.sh check      regenerate into a temp dir; fail if bindings/ differs
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# The contracts that get bindings: deployed by Go code or called from it
# (ClassificationVerifier16: the INSECURE dev verifier the devnet deploys;
# ClassificationVerifier16Next: the second dev keys' verifier, adopted as a new version in tests).
contracts=(ValidatorSet ReviewBoard DataRegistry ReleaseBridge SensitiveStore ClassificationVerifier16 ClassificationVerifier16Next)

gen() {
	local dest="$1" c pkg art tmp
	tmp="$(mktemp -d)"
	trap 'rm -rf "$tmp"' RETURN
	scripts/foundry.sh forge build --quiet
	for c in "${contracts[@]}"; do
		pkg="$(echo "$c" | tr '[:upper:]' '[:lower:]')"
		art="build/forge-out/$c.sol/$c.json"
		[[ -f "$art" ]] || { echo "bindings.sh: no artifact $art" >&2; exit 1; }
		jq '.abi' "$art" >"$tmp/$c.abi"
		jq -r '.bytecode.object' "$art" >"$tmp/$c.bin"
		mkdir -p "$dest/$pkg"
		go tool abigen --v2 --abi "$tmp/$c.abi" --bin "$tmp/$c.bin" --pkg "$pkg" --type "$c" --out "$dest/$pkg/$pkg.go"
	done
}

case "${1:-}" in
generate) gen "$root/bindings" ;;
check)
	out="$(mktemp -d)"
	trap 'rm -rf "$out"' EXIT
	gen "$out"
	# staticcheck.conf is the one hand-written file in bindings/
	if ! diff -r -x staticcheck.conf "$root/bindings" "$out" >/dev/null; then
		diff -r -x staticcheck.conf "$root/bindings" "$out" | head -40 >&2
		echo "bindings.sh: bindings/ is out of date; run: make bindings" >&2
		exit 1
	fi
	echo "bindings up to date"
	;;
*)
	echo "usage: scripts/bindings.sh generate | check" >&2
	exit 2
	;;
esac
