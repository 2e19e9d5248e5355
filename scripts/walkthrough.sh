#!/usr/bin/env bash
# The README's walkthroughs, one per user, run in order against a running
# `make devnet` (its data folder .devnet, the binary in build/bin). Each step
# is printed before it runs; the script stops at the first failure.
#
#   make devnet            # in one terminal
#   scripts/walkthrough.sh # in another, from the repository root
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/build/bin:$PATH"
C=.devnet/vault/credentials-DEV-ONLY # DEV-ONLY AppRole credentials the devnet wrote
V=.devnet/consortium/validator       # validator keystores: $V<i>.keystore.json
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

login() { echo --vault.role-id "$(cat "$C/$1.role-id")" --vault.secret-id-file "$C/$1.secret-id"; }
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
run() { printf '$ %s\n' "$*"; "$@"; }

[ -f .devnet/sovereign.json ] || { echo "no .devnet/sovereign.json: start 'make devnet' first" >&2; exit 1; }

step "Department (health): prove and submit an open table"
run sovereign zk setup --dev --size 16 --out "$WORK/zk-keys" # INSECURE dev proving keys
out=$(run sovereign submit --department health --dataset wards --version 1 \
	--table examples/waiting.csv --columns examples/waiting.columns.json --policy .devnet/policy.json \
	--salt-file "$WORK/wards-1.salt" --new-salt --keys "$WORK/zk-keys" $(login dept-health))
echo "$out"
ID=$(sed -n 's/.*record \(0x[0-9a-f]\{64\}\) \(submitted for review\|was already submitted\).*/\1/p' <<<"$out" | head -1)
[ -n "$ID" ] || { echo "submit printed no record id" >&2; exit 1; }

step "Security officer: a 10-minute Vault grant on the dataset, for the reviewers"
out=$(run sovereign keys grant --key health.wards --ttl 10m $(login security-officer))
GRANT=$(sed -n 's/^token: //p' <<<"$out")
[ -n "$GRANT" ] || { echo "keys grant printed no token" >&2; exit 1; }

step "Validators: list, show, test under the grant, approve with reasons"
run sovereign review list
run sovereign review show "$ID"
run sovereign review test --vault.token "$GRANT" --tested "$WORK/tested.json" --policy .devnet/policy.json "$ID"
for i in 0 1 2; do
	run sovereign review approve --reason "columns, proof and released view checked" \
		--keystore "$V$i.keystore.json" --password "$V$i.password.DEV-ONLY" "$ID"
done

step "The devnet's relayer publishes it on the public chain"
for _ in $(seq 60); do
	sovereign data show "$ID" >/dev/null 2>&1 && break
	sleep 2
done

step "Public: list, show, download, verify; the consortium's checkpoints; reconcile"
run sovereign data list --department health
run sovereign data show "$ID"
run sovereign data get --out "$WORK/wards-1.csv" "$ID"
run sovereign data verify "$ID"
run sovereign data checkpoints
run sovereign reconcile

step "Supervisor: freeze with a public reason, then lift it; every decision with its reasons"
run sovereign supervise freeze --reason "walkthrough: court order 1/2026" $(login supervisor) "$ID"
run sovereign data get --out "$WORK/frozen.csv" "$ID" # still verifies; warns FROZEN
run sovereign supervise unfreeze --reason "walkthrough: order lifted" $(login supervisor) "$ID"
run sovereign supervise decisions --department health

step "Access to conditional data: a sensitive table (patient ids at level 2, wards at level 1), approved and published"
out=$(run sovereign submit --department health --dataset stays --version 1 \
	--table examples/stays.csv --columns examples/columns.json --policy .devnet/policy.json \
	--salt-file "$WORK/stays-1.salt" --new-salt --keys "$WORK/zk-keys" $(login dept-health))
echo "$out"
SID=$(sed -n 's/.*record \(0x[0-9a-f]\{64\}\) \(submitted for review\|was already submitted\).*/\1/p' <<<"$out" | head -1)
[ -n "$SID" ] || { echo "submit printed no record id" >&2; exit 1; }
for i in 0 1 2; do
	run sovereign review approve --reason "columns and proof checked" --keystore "$V$i.keystore.json" --password "$V$i.password.DEV-ONLY" "$SID"
done
for _ in $(seq 60); do
	sovereign data show "$SID" >/dev/null 2>&1 && break
	sleep 2
done

step "Public: request access with a purpose (public chain)"
U=.devnet/public/user # the devnet's DEV-ONLY public account
out=$(run sovereign data request --record "$SID" --purpose "walkthrough: capacity study" --keystore $U.keystore.json --password $U.password.DEV-ONLY)
echo "$out"
REQ=$(sed -n 's/^request \(0x[0-9a-f]\{64\}\)$/\1/p' <<<"$out")
[ -n "$REQ" ] || { echo "data request printed no request id" >&2; exit 1; }

step "Validators: read the request from the public chain, vote with a reason (consortium)"
run sovereign review access list --status pending
EXPIRES=$(date -u -d '+10 min' +%Y-%m-%dT%H:%M:%SZ)
for i in 0 1 2; do
	run sovereign review access vote --request "$REQ" --grant --expires "$EXPIRES" --reason "walkthrough: public-interest research" \
		--keystore "$V$i.keystore.json" --password "$V$i.password.DEV-ONLY"
done
for _ in $(seq 60); do
	sovereign review access list --status granted | grep -q "$REQ" && break
	sleep 2
done

step "Security officer: deliver the grant, sealed to the requester (public chain)"
run sovereign keys grant-access --request "$REQ" $(login security-officer)

step "Public: open the record's columns at level <= 1 (never level 2)"
run sovereign data open --request "$REQ" --keep "$WORK/grant.sealed" --out "$WORK/stays-conditional.csv" \
	--keystore $U.keystore.json --password $U.password.DEV-ONLY
cat "$WORK/stays-conditional.csv"

step "Security officer: rotate the dataset's key (records rewrapped), anchor Vault's audit log"
run sovereign keys rotate --key health.wards $(login security-officer)
run sovereign keys audit-anchor --audit-log .devnet/vault/audit/vault-audit.log --state "$WORK/audit-state.json" \
	$(login security-officer)

step "Operators: every node, Vault, the content store, the bridge; the validator set"
run sovereign status
run sovereign validators list

printf '\nevery walkthrough ran\n'
