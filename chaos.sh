#!/usr/bin/env bash
# Chaos run: the local engine on fresh Azurite storage with a 12-store data map; N deletion requests submitted and
# verified while the engine is killed with SIGKILL K times at random moments and restarted; then the figures.
# Usage: ./chaos.sh --requests 100 --kills 5 [--seed N] [--timeout-minutes 20]
set -euo pipefail
cd "$(dirname "$0")"
[ -d node_modules/azurite ] || npm ci --no-audit --no-fund --loglevel=error
dotnet build tests/Comintech.Dsr.Chaos -c Release -nologo -v quiet
exec dotnet tests/Comintech.Dsr.Chaos/bin/Release/net10.0/Comintech.Dsr.Chaos.dll "$@"
