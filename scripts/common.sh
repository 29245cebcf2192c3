# Shared by run.sh and test.sh: tool checks and the Azurite storage emulator.
# shellcheck shell=bash

AZURITE_ACCOUNT_KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

die() { echo "$*" >&2; exit 1; }

require_tools() {
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || case "$tool" in
      dotnet) die "dotnet not found: install the .NET 10 SDK (https://dot.net) and put dotnet on PATH." ;;
      node|npm) die "$tool not found: install Node.js 20 or newer with npm (Debian: apt-get install nodejs npm)." ;;
      *) die "$tool not found: install it and try again." ;;
    esac
  done
}

# Installs the pinned npm packages (Azurite, the desk's Vite toolchain) from package-lock.json unless they are current.
ensure_azurite() {
  if [ ! -x node_modules/.bin/azurite ] || [ ! -x node_modules/.bin/vite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "Installing npm packages: Azurite, desk toolchain (npm ci)..." >&2
    npm ci --no-audit --no-fund --loglevel=error >&2 || die "npm ci failed: check access to the npm registry."
  fi
}

# Chromium and a Chinese font for the desk's browser tests (Debian packages: Playwright cannot download browsers here).
ensure_chromium() {
  if [ -x /usr/bin/chromium ] && fc-list :lang=zh 2>/dev/null | grep -q .; then return 0; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Chromium and a Chinese font for the browser tests (apt-get)..." >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei; } >&2 \
      || die "apt-get install chromium fonts-wqy-microhei failed: check access to the Debian package mirror."
  else
    die "The desk's browser tests need Chromium and a Chinese font: sudo apt-get install chromium fonts-wqy-microhei"
  fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Prints N free loopback ports.
free_ports() {
  node -e '
    const net = require("net"); const n = +process.argv[1]; const servers = []; const ports = [];
    (function next() {
      if (ports.length === n) { console.log(ports.join(" ")); servers.forEach(s => s.close()); return; }
      const s = net.createServer(); servers.push(s);
      s.listen(0, "127.0.0.1", () => { ports.push(s.address().port); next(); });
    })();' "$1"
}

# start_azurite DATA_DIR BLOB QUEUE TABLE LOGFILE: starts Azurite in the background, sets AZURITE_PID.
start_azurite() {
  local data=$1 blob=$2 queue=$3 table=$4 log=$5
  mkdir -p "$data"
  node_modules/.bin/azurite --silent --skipApiVersionCheck --loose \
    --location "$data" --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --blobPort "$blob" --queuePort "$queue" --tablePort "$table" >"$log" 2>&1 &
  AZURITE_PID=$!
  for _ in $(seq 1 100); do
    if port_in_use "$blob" && port_in_use "$queue" && port_in_use "$table"; then return 0; fi
    kill -0 "$AZURITE_PID" 2>/dev/null || { cat "$log" >&2; die "Azurite did not start (log above)."; }
    sleep 0.2
  done
  die "Azurite did not open ports $blob/$queue/$table within 20 s (log: $log)."
}

azurite_connection_string() {
  local blob=$1 queue=$2 table=$3
  printf 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=%s;BlobEndpoint=http://127.0.0.1:%s/devstoreaccount1;QueueEndpoint=http://127.0.0.1:%s/devstoreaccount1;TableEndpoint=http://127.0.0.1:%s/devstoreaccount1;' \
    "$AZURITE_ACCOUNT_KEY" "$blob" "$queue" "$table"
}
