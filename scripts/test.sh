#!/usr/bin/env bash
# Builds the solution and runs every test project. Ends with the totals alone on a line: "N passed, N failed".
# Exits non-zero when a test failed, when the build failed, or when no test ran.
set -uo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Tools the tests need, installed when missing (a fresh Debian machine has only the .NET SDK).
./scripts/setup.sh || { echo "setup failed"; echo "0 passed, 0 failed"; exit 1; }

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

echo "== build"
if ! dotnet build PanelAgent.sln -c Release --nologo -v quiet; then
  echo "build failed"
  echo "0 passed, 0 failed"
  exit 1
fi

status=0
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  # TRX is the runner's own count of what ran; parsing it avoids trusting console wording.
  if ! dotnet test "$project" -c Release --no-build --nologo \
      --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
      --blame-hang-timeout 5m; then
    status=1
  fi
done

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done

if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
  echo "no test ran"
  status=1
fi
[ "$failed" -gt 0 ] && status=1
echo "$passed passed, $failed failed"
exit $status
