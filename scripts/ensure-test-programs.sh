#!/usr/bin/env bash
# Programs the tests start for themselves, never mocks: PostgreSQL's server (initdb,
# pg_ctl, postgres) for the group practice, and GNOME Keyring with D-Bus for a practice
# server's remembered password. Install Debian's packages when they are missing; say
# so plainly where that cannot be done.
set -euo pipefail
packages=()
if ! command -v initdb >/dev/null 2>&1 && ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    packages+=(postgresql)
fi
if ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
    packages+=(gnome-keyring)
fi
if ! command -v dbus-run-session >/dev/null 2>&1; then
    packages+=(dbus)
fi
if [ "${#packages[@]}" -eq 0 ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "Missing for the tests: ${packages[*]} (PostgreSQL 15 or newer, GNOME Keyring, D-Bus)" >&2
    exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
echo "Installing Debian's ${packages[*]} for the tests..." >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
