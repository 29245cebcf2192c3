#!/usr/bin/env bash
# Runs every test: installs Azurite and Chromium (browser tests), starts a private one on free ports with a temporary data folder,
# runs dotnet test over the solution, stops Azurite on every exit path, returns the tests' status.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/common.sh

require_tools dotnet node npm
ensure_azurite
ensure_chromium

work=$(mktemp -d)
AZURITE_PID=""
cleanup() {
  [ -n "$AZURITE_PID" ] && kill "$AZURITE_PID" 2>/dev/null && wait "$AZURITE_PID" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

read -r blob queue table <<<"$(free_ports 3)"
start_azurite "$work/azurite" "$blob" "$queue" "$table" "$work/azurite.log"
export PUBLISHING_TEST_STORAGE
PUBLISHING_TEST_STORAGE=$(azurite_connection_string "$blob" "$queue" "$table")
echo "Azurite for tests on 127.0.0.1:$blob/$queue/$table" >&2

set +e
dotnet test Publishing.sln -c Release --nologo "$@" 2>&1 | tee "$work/test.log"
status=${PIPESTATUS[0]}
set -e
# One closing line over all test assemblies.
awk '/(Passed|Failed)! +-/ { for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$work/test.log"
exit "$status"
