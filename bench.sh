#!/usr/bin/env bash
# Benchmarks that print figures (not timed tests). Each holds the shared build lock while it builds and while it runs,
# so it never competes with a build on this machine.
#   ./bench.sh storm --requests 100 --stores 12 [--small 50] [--floor 1] [--floor-runs 3] [--steady-minutes 5] [--steady-rate 1] [--people 1000] [--scan 1]
#   ./bench.sh keyed --rows 200000 [--small-rows 1000] [--requests 20]
#   ./bench.sh logscan --megabytes 1024 --people 1000 [--files 8]
set -euo pipefail
cd "$(dirname "$0")"
if [ "${1:-}" = "logscan" ] && ! command -v rg >/dev/null; then
  (apt-get install -y -q ripgrep || sudo apt-get install -y -q ripgrep) >/dev/null
fi
[ -d node_modules/azurite ] || npm ci --no-audit --no-fund --loglevel=error
flock -o /tmp/dsr-build.lock dotnet build tests/Comintech.Dsr.Bench -c Release -nologo -v quiet
exec flock -o /tmp/dsr-build.lock dotnet tests/Comintech.Dsr.Bench/bin/Release/net10.0/Comintech.Dsr.Bench.dll "$@"
