#!/usr/bin/env bash
# Decision latency under load: a private Azurite on free ports, the local host (Release build) on a free port, then
# scripts/load/DecisionLoad.cs with N items (default 100) and C concurrent decisions (default 20).
#   scripts/load.sh [items] [concurrency]        extra host settings via environment, e.g. Publishing__Durable__PartitionCount=4
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
require_tools dotnet node npm
ensure_azurite

work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

read -r blob queue table port <<<"$(free_ports 4)"
start_azurite "$work/azurite" "$blob" "$queue" "$table" "$work/azurite.log"
pids+=("$AZURITE_PID")
host_dll=functions/Publishing.Host/bin/Release/net10.0/Publishing.Host.dll
dotnet build functions/Publishing.Host/Publishing.Host.csproj -c Release -nologo -v quiet >&2
export PUBLISHING_SETTINGS_FILE="$PWD/local.settings.sample.json"
export AzureWebJobsStorage
AzureWebJobsStorage=$(azurite_connection_string "$blob" "$queue" "$table")
export TaskHubName="load$(date +%s)"
export Logging__LogLevel__Default=Warning
export Publishing__Review__DueAfter=01:00:00
Publishing__ListenUrl="http://127.0.0.1:$port" dotnet "$host_dll" >"$work/host.log" 2>&1 &
pids+=("$!")
for _ in $(seq 1 300); do port_in_use "$port" && break; sleep 0.2; done
for user in editor1 reviewer1 reviewer2 reviewer3; do
  export "TOKEN_$user=$(dotnet "$host_dll" token "$user")"
done
dotnet run scripts/load/DecisionLoad.cs -- "http://127.0.0.1:$port/" "${1:-100}" "${2:-20}"
