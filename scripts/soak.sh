#!/usr/bin/env bash
# The soak for as long as you like (default 10 minutes): mixed load on the app process, then its figures.
# Usage: scripts/soak.sh [seconds]
set -uo pipefail
cd "$(dirname "$0")/.."
dotnet build -v q -nologo > /dev/null || exit 1
log=$(mktemp)
SOAK_SECONDS="${1:-600}" dotnet test tests/PaymentLinks.Dashboard.Tests --no-build \
  --filter "FullyQualifiedName~Reliability.SoakTests" --logger "console;verbosity=detailed" > "$log" 2>&1
status=$?
grep -E "requests \(|Passed!|Failed!|Error Message|kept climbing" "$log"
rm -f "$log"
exit $status
