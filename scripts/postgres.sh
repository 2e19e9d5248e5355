#!/usr/bin/env bash
# postgres.sh — a real, throwaway PostgreSQL server for the portal's tests.
#
#   scripts/postgres.sh install      install Debian's postgresql when missing (root; `make setup`)
#   scripts/postgres.sh start [PID]  initdb a fresh cluster in a new temp folder and start it on a
#                                    unix socket there (no TCP port); prints the folder, then the URL.
#                                    With PID, the server stops by itself when that process is gone.
#   scripts/postgres.sh stop DIR     stop the server started in DIR and delete DIR
#
# PostgreSQL refuses to run as root, and CI runs as root: the cluster then
# belongs to the user nobody and its binaries run through runuser.
set -euo pipefail

say() { printf 'postgres.sh: %s\n' "$*" >&2; }

# bindir is the newest installed server's bin folder ("" when none is).
bindir() {
	local d
	d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
	if [[ -n "$d" && -x "$d/initdb" && -x "$d/pg_ctl" && -x "$d/postgres" ]]; then
		echo "$d"
	fi
}

install() {
	if [[ -n "$(bindir)" ]]; then
		say "PostgreSQL already installed: $(bindir)"
		return 0
	fi
	if [[ "$(id -u)" != 0 ]]; then
		say "PostgreSQL is missing and this is not root: install Debian's postgresql package"
		exit 1
	fi
	say "installing Debian's postgresql"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2
	apt-get install -y -qq --no-install-recommends postgresql >&2
	[[ -n "$(bindir)" ]] || { say "apt-get installed postgresql but no server binaries under /usr/lib/postgresql/*/bin"; exit 1; }
}

# as runs a server binary as the cluster's owner.
as() {
	if [[ "$(id -u)" == 0 ]]; then
		runuser -u nobody -- "$@"
	else
		"$@"
	fi
}

start() {
	local bin dir parent="${1:-}"
	bin=$(bindir)
	[[ -n "$bin" ]] || { say "no PostgreSQL server installed: run 'scripts/postgres.sh install' (or 'make setup')"; exit 1; }
	# short path: a unix socket path is at most 107 bytes
	dir=$(mktemp -d /tmp/sovpg.XXXXXX)
	chmod 755 "$dir"
	[[ "$(id -u)" == 0 ]] && chown nobody "$dir"
	as "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-locale -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 ||
		{ say "initdb failed:"; cat "$dir/initdb.log" >&2; rm -rf "$dir"; exit 1; }
	# unix socket only, small, fast and not durable: a test server
	as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
		-o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50 -c shared_buffers=16MB" \
		start >/dev/null ||
		{ say "pg_ctl start failed:"; cat "$dir/server.log" >&2; rm -rf "$dir"; exit 1; }
	if [[ -n "$parent" ]]; then
		# stop the server when the process that asked for it is gone (a killed test)
		(
			trap '' HUP
			while kill -0 "$parent" 2>/dev/null && [[ -d "$dir/data" ]]; do sleep 1; done
			[[ -d "$dir/data" ]] && stop "$dir"
		) </dev/null >/dev/null 2>&1 &
		disown
	fi
	echo "$dir"
	echo "postgres://postgres@/postgres?host=$dir&sslmode=disable"
}

stop() {
	local bin dir="$1"
	[[ "$dir" == /tmp/sovpg.* ]] || { say "stop: $dir is not a folder this script made"; exit 2; }
	bin=$(bindir)
	if [[ -d "$dir/data" ]]; then
		as "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
	fi
	rm -rf "$dir"
}

case "${1:-}" in
install) install ;;
start) start "${2:-}" ;;
stop) stop "${2:?usage: $0 stop DIR}" ;;
*)
	echo "usage: $0 install|start [PID]|stop DIR" >&2
	exit 2
	;;
esac
