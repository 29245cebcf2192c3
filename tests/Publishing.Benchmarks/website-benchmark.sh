#!/usr/bin/env bash
# Runs WebsitePublishBenchmarks against a private Azurite (temporary data, free ports), then stops it.
# Extra arguments go to BenchmarkDotNet, e.g. --iterationCount 20.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/common.sh

require_tools dotnet node npm
ensure_azurite

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
dotnet run -c Release --project tests/Publishing.Benchmarks -- --filter '*WebsitePublishBenchmarks*' "$@"
