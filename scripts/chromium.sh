#!/usr/bin/env bash
# Installs Debian's Chromium for the portal's browser tests when it is
# missing (CI starts from a fresh machine as root). Prints its path.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
	echo /usr/bin/chromium
	exit 0
fi
if [ "$(id -u)" != 0 ]; then
	echo "scripts/chromium.sh: /usr/bin/chromium is missing and this is not root: install Debian's chromium package" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends chromium >&2
echo /usr/bin/chromium
