#!/usr/bin/env bash
# portal-seed.sh DEVNET_DIR WORK_DIR: puts records of every level on a running
# devnet for the portal's browser tests, approved by three of its four
# validators, and freezes one; prints their ids as JSON (relayed by the
# devnet's relayer a few seconds later).
#   open         transport/traffic v1, and v2 correcting it
#   conditional  education/schools v1 (frozen by the supervisor), education/enrolment v1
#   sensitive    health/stays v1
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
D=$1 W=$2 S=${SOVEREIGN:-$root/build/bin/sovereign}
mkdir -p "$W"
login() { echo --vault.role-id "$(cat "$D/vault/credentials-DEV-ONLY/dept-$1.role-id")" --vault.secret-id-file "$D/vault/credentials-DEV-ONLY/dept-$1.secret-id"; }
validator() { echo --keystore "$D/consortium/validator$1.keystore.json" --password "$D/consortium/validator$1.password.DEV-ONLY"; }
[ -d "$W/zk-keys" ] || "$S" zk setup --dev --size 16 --out "$W/zk-keys" >/dev/null
printf 'region,count\nnorth,3\nsouth,5\n' >"$W/traffic1.csv"
printf 'region,count\nnorth,4\nsouth,5\n' >"$W/traffic2.csv"
printf '{"region": "aggregate", "count": "aggregate"}' >"$W/traffic.columns.json"
printf 'ward,pupils\neast,120\nwest,95\n' >"$W/schools.csv"
printf '{"ward": "location", "pupils": "aggregate"}' >"$W/schools.columns.json"
submit() { # department dataset version table columns [flags…] → record id
	local dept=$1 ds=$2 v=$3 t=$4 cols=$5
	shift 5
	# shellcheck disable=SC2046
	"$S" submit --manifest "$D" --department "$dept" --dataset "$ds" --version "$v" --table "$t" --columns "$cols" \
		--policy "$D/policy.json" --salt-file "$W/$dept-$ds-$v.salt" --new-salt --keys "$W/zk-keys" $(login "$dept") "$@" >"$W/submit-$dept-$ds-$v.out" 2>&1 ||
		{ cat "$W/submit-$dept-$ds-$v.out" >&2; return 1; }
	grep -o '0x[0-9a-f]\{64\}' "$W/submit-$dept-$ds-$v.out" | head -1
}
open1=$(submit transport traffic 1 "$W/traffic1.csv" "$W/traffic.columns.json")
open2=$(submit transport traffic 2 "$W/traffic2.csv" "$W/traffic.columns.json" --supersedes 1)
cond=$(submit education schools 1 "$W/schools.csv" "$W/schools.columns.json")
cond2=$(submit education enrolment 1 "$W/schools.csv" "$W/schools.columns.json")
sens=$(submit health stays 1 "$root/examples/stays.csv" "$root/examples/columns.json")
for v in 0 1 2; do
	# shellcheck disable=SC2046
	"$S" review approve --manifest "$D" --reason "checked by validator $v" $(validator "$v") "$open1" "$open2" "$cond" "$cond2" "$sens" >/dev/null
done
printf '{"open1":"%s","open2":"%s","conditional":"%s","conditional2":"%s","sensitive":"%s"}\n' "$open1" "$open2" "$cond" "$cond2" "$sens"
