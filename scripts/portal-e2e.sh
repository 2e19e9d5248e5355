#!/usr/bin/env bash
# portal-e2e.sh: the portal's browser and DCAT-AP tests end to end. Starts a
# fresh devnet (build/bin/sovereign, with its portal) on free ports, puts
# records of every level on it (scripts/portal-seed.sh), has the supervisor
# freeze one, waits for the portal to index them, then runs
#   portal/test/browser.test.mjs  playwright-core + Debian's Chromium, axe-core
#   portal/test/shacl.test.mjs    the DCAT-AP export against SHACL shapes
#   portal/test/live.test.mjs     a new release pushed to an open page
#   portal/test/ckan_harvest.py   CKAN's DCAT harvester's parser (ckanext-dcat) on both catalogues
# and checks that a new release reaches the Atom feed within seconds.
# Screenshots and logs go to $ARTIFACTS (default build/portal-test).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export ARTIFACTS="${ARTIFACTS:-$root/build/portal-test}"
S="${SOVEREIGN:-$root/build/bin/sovereign}"
mkdir -p "$ARTIFACTS"
CHROMIUM="$(scripts/chromium.sh)"
export CHROMIUM
scripts/foundry.sh setup
PATH="$(scripts/foundry.sh path):$PATH"

work="$(mktemp -d)"
# below the ephemeral range, spaced like the Go tests' devnets
base=$((20000 + RANDOM % 200 * 40))
p2p=$((12000 + RANDOM % 200 * 20))
"$S" devnet --datadir "$work/devnet" --http.port "$base" --p2p.port "$p2p" --vault.port $((base + 310)) \
	--portal.port $((base + 305)) >"$ARTIFACTS/devnet.out" 2>&1 &
devnet=$!
cleanup() {
	kill "$devnet" 2>/dev/null && wait "$devnet" 2>/dev/null
	cp "$work/devnet/logs/devnet.log" "$ARTIFACTS/" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

for _ in $(seq 150); do
	grep -q "^  portal  " "$ARTIFACTS/devnet.out" && break
	kill -0 "$devnet" 2>/dev/null || { cat "$ARTIFACTS/devnet.out" >&2; exit 1; }
	sleep 1
done
grep -q "^  portal  " "$ARTIFACTS/devnet.out" || { echo "portal-e2e: the devnet did not start in 150 s" >&2; cat "$ARTIFACTS/devnet.out" >&2; exit 1; }
PORTAL_URL="http://127.0.0.1:$((base + 305))"
export PORTAL_URL
pub="http://127.0.0.1:$base"

RECORDS="$(SOVEREIGN="$S" scripts/portal-seed.sh "$work/devnet" "$work/seed")"
export RECORDS
json() { node -e "process.stdout.write(String(JSON.parse(process.argv[1])$2))" "$1"; }
export FROZEN="court order 12/2026: figures under appeal"
# wait for the relayer and the portal (five releases), then the supervisor
# (its Vault-held key, AppRole supervisor) freezes one
releases() { curl -sf "$PORTAL_URL/healthz" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(String(JSON.parse(s).releases)))' || echo 0; }
for _ in $(seq 90); do
	[ "$(releases)" -ge 5 ] && break
	sleep 1
done
creds="$work/devnet/vault/credentials-DEV-ONLY"
"$S" supervise freeze --manifest "$work/devnet" --reason "$FROZEN" \
	--vault.role-id "$(cat "$creds/supervisor.role-id")" --vault.secret-id-file "$creds/supervisor.secret-id" \
	"$(json "$RECORDS" ".conditional")" >/dev/null 2>&1
for _ in $(seq 30); do
	curl -sf "$PORTAL_URL/?status=frozen" | grep -q "figures under appeal" && break
	sleep 1
done

# a funded dev account (3) for the browser's stand-in wallet
WALLET_KEY="$(cast keccak "sovereign devnet account 3")" PUBLIC_RPC="$pub" node --test portal/test/browser.test.mjs
CATALOGS="$PORTAL_URL/catalog.jsonld $PORTAL_URL/catalog.ttl" node --test portal/test/shacl.test.mjs
# CKAN's DCAT harvester (ckanext-dcat's parser, vendored) takes every release
for f in ttl jsonld; do
	"$(scripts/ckan-dcat.sh python)" portal/test/ckan_harvest.py "$PORTAL_URL/catalog.$f" --check 5 >"$ARTIFACTS/ckan-harvest.$f.json"
	echo "ok  CKAN's DCAT harvester parsed catalog.$f: $(grep -c '"key": "guid"' "$ARTIFACTS/ckan-harvest.$f.json") datasets"
done

# a new release reaches the open catalogue page (WebSocket) and the Atom
# feed within seconds of its approval
rm -f "$ARTIFACTS/live.ready"
LIVE_TITLE="finance budget" node --test portal/test/live.test.mjs >"$ARTIFACTS/live.out" 2>&1 &
live=$!
for _ in $(seq 60); do
	[ -f "$ARTIFACTS/live.ready" ] && break
	sleep 0.5
done
printf 'item,amount\nroads,10\nschools,20\n' >"$work/budget.csv"
printf '{"item": "aggregate", "amount": "aggregate"}' >"$work/budget.columns.json"
login() { echo --vault.role-id "$(cat "$work/devnet/vault/credentials-DEV-ONLY/dept-$1.role-id")" --vault.secret-id-file "$work/devnet/vault/credentials-DEV-ONLY/dept-$1.secret-id"; }
# shellcheck disable=SC2046
id="$("$S" submit --manifest "$work/devnet" --department finance --dataset budget --version 1 --table "$work/budget.csv" \
	--columns "$work/budget.columns.json" --policy "$work/devnet/policy.json" --salt-file "$work/budget.salt" --new-salt \
	--keys "$work/seed/zk-keys" $(login finance) 2>&1 | grep -o '0x[0-9a-f]\{64\}' | head -1)"
for v in 0 1 2; do
	"$S" review approve --manifest "$work/devnet" --reason "checked" --keystore "$work/devnet/consortium/validator$v.keystore.json" \
		--password "$work/devnet/consortium/validator$v.password.DEV-ONLY" "$id" >/dev/null
done
start=$SECONDS
until curl -sf "$PORTAL_URL/feed.atom" | grep -q "urn:sovereign:record:$id"; do
	if ((SECONDS - start > 30)); then
		echo "portal-e2e: release $id not in the Atom feed 30 s after its approval" >&2
		exit 1
	fi
	sleep 0.5
done
echo "ok  release $id in the Atom feed $((SECONDS - start)) s after its approval (relay + index)"
if ! wait "$live"; then
	cat "$ARTIFACTS/live.out" >&2
	echo "portal-e2e: the live feed did not show release $id" >&2
	exit 1
fi
echo "ok  release $id pushed to the open catalogue page (live feed)"
