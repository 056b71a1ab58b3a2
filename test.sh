#!/usr/bin/env bash
# Runs every test: unit and orchestration tests, Azurite integration tests, end-to-end tests through the local
# engine, the Functions app's output, the Bicep templates and the staff console in a browser. Installs what it needs
# first: Azurite (npm ci), and with apt-get the Debian packages postgresql, chromium and libpython3.11-testsuite when
# they are missing.
set -euo pipefail
cd "$(dirname "$0")"

echo "== Installing test dependencies"
npm ci --no-audit --no-fund --loglevel=error
# Debian packages: PostgreSQL for the PostgreSQL connector's tests (each test class starts its own throwaway server
# on loopback) and Chromium, which the browser tests drive through Playwright (Playwright never downloads a browser).
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v chromium >/dev/null || missing+=(chromium)
# The fuzz test's real-world MIME: the Python e-mail package's test messages (read in place, never copied here).
[ -d /usr/lib/python3.11/test/test_email/data ] || missing+=(libpython3.11-testsuite)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${missing[@]}"
fi

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
