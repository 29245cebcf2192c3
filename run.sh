#!/usr/bin/env bash
# Runs the publishing service locally: Azurite + the local host on http://127.0.0.1:7071.
#   ./run.sh               start everything in the foreground; Ctrl+C stops what it started
#   ./run.sh token <user>  print a bearer token (valid 8 h) for a user of local.settings.json
set -euo pipefail
cd "$(dirname "$0")"
source scripts/common.sh

require_tools dotnet
[ -f local.settings.json ] || { cp local.settings.sample.json local.settings.json; echo "Created local.settings.json from the sample." >&2; }

host_project=functions/Publishing.Host/Publishing.Host.csproj
host_dll=functions/Publishing.Host/bin/Release/net10.0/Publishing.Host.dll

build_host() {
  dotnet build "$host_project" -c Release -nologo -v quiet >&2 || die "Build failed (output above)."
}

if [ "${1:-}" = "token" ]; then
  [ -n "${2:-}" ] || die "usage: ./run.sh token <user>   e.g. ./run.sh token editor1"
  [ -f "$host_dll" ] || build_host
  exec dotnet "$host_dll" token "$2"
fi

require_tools node npm
port=${PUBLISHING_PORT:-7071}
port_in_use "$port" && die "Port $port is already in use: stop the program using it, or run PUBLISHING_PORT=<free port> ./run.sh"

ensure_azurite
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
trap 'exit 130' INT TERM

if port_in_use 10000 && port_in_use 10001 && port_in_use 10002; then
  echo "Using the storage emulator already listening on 127.0.0.1:10000-10002." >&2
else
  for p in 10000 10001 10002; do port_in_use "$p" && die "Port $p is in use by something that is not a complete Azurite: free ports 10000-10002."; done
  start_azurite .data/azurite 10000 10001 10002 .data/azurite.log
  pids+=("$AZURITE_PID")
  echo "Azurite started (data in .data/azurite)." >&2
fi

build_host
echo "Publishing API:  http://127.0.0.1:$port/api/   (token: ./run.sh token editor1)"
echo "审核台 (desk):   http://127.0.0.1:$port/desk/  (local sign-in lists the sample users)"
echo "Who am I:        curl -H \"Authorization: Bearer \$(./run.sh token editor1)\" http://127.0.0.1:$port/api/me"
Publishing__ListenUrl="http://127.0.0.1:$port" dotnet "$host_dll" &
pids+=("$!")
wait "${pids[-1]}"
