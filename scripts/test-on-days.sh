#!/usr/bin/env bash
# Run the whole test suite with the clock moved to each of several days (libfaketime,
# Debian's `faketime` package), to prove no test depends on the day it runs on.
#
#   scripts/test-on-days.sh                      # the awkward days below
#   scripts/test-on-days.sh "2027-03-28 01:30:00" # one moment (local time of $TZ)
#   DAYS="2027-03-28 01:30:00,2030-01-01 00:10:00" make test-days   # the same, through make
#   TZ=Pacific/Auckland scripts/test-on-days.sh  # another computer time zone
#
# Each day's output goes to $OUT (default /tmp/practice-test-days); the script ends
# non-zero if any day fails, and prints one line per day.
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v faketime >/dev/null; then
    echo "faketime is not installed (Debian: apt-get install faketime)." >&2
    exit 2
fi
export TZ="${TZ:-Europe/London}"
OUT="${OUT:-/tmp/practice-test-days}"
mkdir -p "$OUT"

if [ "$#" -gt 0 ]; then
    moments=("$@")
elif [ -n "${DAYS:-}" ]; then
    IFS=',' read -ra moments <<<"$DAYS"
else
    today="$(date +%F)"
    three_years_on="$(date -d "$today + 3 years" +%F)"
    moments=(
        "$today 09:00:00"           # today
        "2028-02-29 09:00:00"       # a 29 February
        "2027-01-31 23:30:00"       # the last day of a 31-day month, late in the evening
        "2027-03-28 09:00:00"       # the Sunday the clocks go forward in Europe/London
        "2027-10-31 09:00:00"       # the Sunday they go back (and a 31-day month's end)
        "2026-12-31 09:00:00"       # 31 December
        "$three_years_on 09:00:00"  # three years on
    )
fi

failed=0
for moment in "${moments[@]}"; do
    log="$OUT/$(echo "$moment" | tr ' :' '_-').log"
    started=$SECONDS
    if faketime -f "@$moment" .venv/bin/python -m pytest -q -p no:cacheprovider \
        -n "${WORKERS:-auto}" --maxprocesses=4 >"$log" 2>&1; then
        result="passed"
    else
        result="FAILED"
        failed=1
    fi
    summary="$(grep -E '^[0-9]+ (passed|failed)|^=+ .*(passed|failed)' "$log" | tail -n 1)"
    echo "$moment $TZ: $result ($summary; $((SECONDS - started)) s; log $log)"
done
exit $failed
