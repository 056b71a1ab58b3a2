#!/usr/bin/env bash
# Starts Comintech DSR locally: installs Azurite (npm), builds, and runs the local engine with demo data.
# Needs only the .NET 10 SDK and Node.js 20. Open the address it prints.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x node_modules/.bin/azurite ]; then
  echo "Installing Azurite (npm ci)..."
  npm ci --no-audit --no-fund --loglevel=error
fi

dotnet build src/Comintech.Dsr.LocalEngine/Comintech.Dsr.LocalEngine.csproj -c Release -nologo -v quiet
exec dotnet src/Comintech.Dsr.LocalEngine/bin/Release/net10.0/Comintech.Dsr.LocalEngine.dll "$@"
