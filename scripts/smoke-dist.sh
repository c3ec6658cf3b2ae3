#!/bin/sh
# Run the built app's smoke test the way a practitioner's computer would: a clean
# environment whose PATH is an empty folder, so no Python (nor anything else) can be
# found there. Usage: scripts/smoke-dist.sh "dist/Practice Manager"
set -eu
app_dir=${1:-"dist/Practice Manager"}
empty=$(mktemp -d)
home=$(mktemp -d)
trap 'rm -rf "$empty" "$home"' EXIT
run() {
	env -i PATH="$empty" HOME="$home" TMPDIR="${TMPDIR:-/tmp}" QT_QPA_PLATFORM=offscreen \
		LANG=C.UTF-8 "$@"
}
if run /bin/sh -c 'command -v python3 || command -v python' >/dev/null 2>&1; then
	echo "smoke-dist: a Python is reachable on the empty PATH" >&2
	exit 1
fi
echo "== $app_dir: $(du -sh "$app_dir" | cut -f1)"
run "$app_dir/practice-manager" --version
run "$app_dir/practice" --version
run "$app_dir/practice-manager" --cli --version
start=$(date +%s%N)
run "$app_dir/practice-manager" --smoke-test
end=$(date +%s%N)
echo "== the smoke test took $(( (end - start) / 1000000 )) ms (wall clock, start-up included)"
if command -v xvfb-run >/dev/null 2>&1; then
	# Once more on a real X server (Xvfb): the xcb platform plugin and its libraries.
	if ! x11=$(xvfb-run -a sh -c 'env -i PATH="$1" HOME="$2" LANG=C.UTF-8 \
		DISPLAY="$DISPLAY" XAUTHORITY="$XAUTHORITY" QT_QPA_PLATFORM=xcb \
		"$3/practice-manager" --smoke-test 2>&1' sh "$empty" "$home" "$app_dir"); then
		echo "$x11" >&2
		echo "smoke-dist: the smoke test failed on X11 (Xvfb)" >&2
		exit 1
	fi
	echo "== on X11 (Xvfb): $(echo "$x11" | tail -n 1)"
fi
run "$app_dir/practice" --database "$home/cli.db" demo --clients 2 --years 1 >/dev/null
run "$app_dir/practice" --database "$home/cli.db" clients --json >/dev/null
run "$app_dir/practice" --database "$home/cli.db" agreement 1 --output "$home/agreement.pdf"
head -c 5 "$home/agreement.pdf" | grep -q '%PDF-'
run "$app_dir/practice" --database "$home/cli.db" check >/dev/null
echo "== the practice command line works in the bundle"
