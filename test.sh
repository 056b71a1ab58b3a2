#!/usr/bin/env bash
# Runs every test: unit and orchestration tests, Azurite integration tests, end-to-end tests through the local
# engine, and the Functions app's output checks. Installs what it needs first (Azurite from npm).
set -euo pipefail
cd "$(dirname "$0")"

echo "== Installing test dependencies"
npm ci --no-audit --no-fund --loglevel=error
# PostgreSQL for the PostgreSQL connector's tests (each test class starts its own throwaway server on loopback).
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || (apt-get update && apt-get install -y postgresql)
# The browser tests drive Debian's Chromium through Playwright; Playwright never downloads a browser here.
command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium)

echo "== Building"
dotnet build Comintech.DSR.sln -c Release -nologo -v quiet

echo "== Testing"
status=0
log=$(mktemp)
for project in \
  tests/Comintech.Dsr.Core.Tests \
  tests/Comintech.Dsr.Integration.Tests \
  tests/Comintech.Dsr.LocalEngine.Tests \
  tests/Comintech.Dsr.Functions.Tests \
  tests/Comintech.Dsr.Infra.Tests \
  tests/Comintech.Dsr.Browser.Tests; do
  echo "-- $project"
  dotnet test "$project" -c Release --no-build -nologo --logger "console;verbosity=normal" 2>&1 | tee -a "$log" || status=1
done

# One closing line for every runner together, e.g. "131 passed, 0 failed, 0 skipped".
awk '$1 == "Passed:" && $2 ~ /^[0-9]+$/ { passed += $2 }
     $1 == "Failed:" && $2 ~ /^[0-9]+$/ { failed += $2 }
     $1 == "Skipped:" && $2 ~ /^[0-9]+$/ { skipped += $2 }
     END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$log"
rm -f "$log"
exit $status
