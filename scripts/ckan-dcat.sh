#!/usr/bin/env bash
# ckan-dcat.sh — the Python side of the portal's CKAN harvest test: Debian's
# python3 with rdflib, dateutil, geomet and simplejson, what the vendored
# ckanext-dcat parser (portal/test/ckanext-dcat) imports. PyPI is not
# reachable here; Debian has them all.
#
#   scripts/ckan-dcat.sh install   install them when missing (root; `make setup`)
#   scripts/ckan-dcat.sh python    print the python3 that has them (fails if none)
set -euo pipefail

PY=/usr/bin/python3
PKGS="python3-rdflib python3-dateutil python3-geomet python3-simplejson"
say() { printf 'ckan-dcat.sh: %s\n' "$*" >&2; }
have() { [[ -x "$PY" ]] && "$PY" -c 'import rdflib, dateutil, geomet, simplejson' 2>/dev/null; }

case "${1:-}" in
install)
	if have; then
		say "python3 with rdflib already installed: $PY"
		exit 0
	fi
	if [[ "$(id -u)" != 0 ]]; then
		say "$PY lacks rdflib, dateutil, geomet or simplejson and this is not root: install Debian's $PKGS"
		exit 1
	fi
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $PKGS >&2
	have || { say "installed $PKGS but $PY still cannot import them"; exit 1; }
	;;
python)
	have || { say "$PY lacks rdflib, dateutil, geomet or simplejson: run 'scripts/ckan-dcat.sh install' (or 'make setup')"; exit 1; }
	echo "$PY"
	;;
*)
	echo "usage: $0 install|python" >&2
	exit 2
	;;
esac
