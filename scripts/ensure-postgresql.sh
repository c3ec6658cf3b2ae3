#!/usr/bin/env bash
# The group practice's tests need PostgreSQL's server programs (initdb, pg_ctl, postgres):
# the tests start their own throwaway server. Install Debian's package when they are
# missing; say so plainly where that cannot be done.
set -euo pipefail
if command -v initdb >/dev/null 2>&1 || compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "PostgreSQL's server programs are missing: install PostgreSQL 15 or newer" >&2
    exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
echo "Installing Debian's postgresql package for the tests..." >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
