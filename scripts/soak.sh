#!/usr/bin/env bash
# The soak for as long as you like (default 10 minutes): mixed load on the app process, then its figures.
# Usage: scripts/soak.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -v q -nologo > /dev/null
SOAK_SECONDS="${1:-600}" dotnet test tests/PaymentLinks.Dashboard.Tests --no-build \
  --filter "FullyQualifiedName~Reliability.SoakTests" --logger "console;verbosity=detailed" 2>&1 \
  | grep -E "requests \(|Passed!|Failed!|Assert|Error Message" || true
