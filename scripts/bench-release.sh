#!/usr/bin/env bash
# scripts/bench.sh release: the same commit built framework-dependent, self-contained (single-file, ReadyToRun,
# trimmed) and Native AOT for linux-x64, measured side by side by panel-bench (bundle-size, ready, rss); the arm64
# builds (self-contained and AOT) for size only, unless --quick. Builds go to out/bench-release/COMMIT and are reused;
# BENCH_SC_AGENT, BENCH_AOT_AGENT, BENCH_ARM64_SC_DIR and BENCH_ARM64_AOT_DIR name existing builds instead.
set -euo pipefail
cd "$(dirname "$0")/.."

flags=()
quick=false
for arg in "$@"; do
  case "$arg" in
    --json) flags+=("$arg") ;;
    --quick) flags+=("$arg"); quick=true ;;
    *) echo "bench release: unknown option '$arg'" >&2; exit 2 ;;
  esac
done

commit=$(git rev-parse --short=12 HEAD)
dir=out/bench-release/$commit
mkdir -p "$dir"
build() { # marker publish.sh-flags...
  local marker=$1
  shift
  [ -e "$dir/.$marker" ] && return 0
  echo "bench release: building $marker" >&2
  ./publish.sh --unsigned --out "$dir" --app panel-agent "$@" >&2
  touch "$dir/.$marker"
}

if [ ! -e "$dir/.fd" ]; then
  echo "bench release: building framework-dependent" >&2
  dotnet publish src/PanelAgent/PanelAgent.csproj -c Release --nologo -v quiet -o "$dir/fd" \
    -p:DebugType=none -p:PublishDocumentationFiles=false >&2
  touch "$dir/.fd"
fi
[ -n "${BENCH_SC_AGENT:-}" ] || build sc-x64 --rid linux-x64
[ -n "${BENCH_AOT_AGENT:-}" ] || build aot-x64 --rid linux-x64 --aot
sc_agent=${BENCH_SC_AGENT:-$(ls -d "$dir"/obj/panelagent-*-linux-x64/panel-agent | tail -n 1)/panel-agent}
aot_agent=${BENCH_AOT_AGENT:-$(ls -d "$dir"/obj/panelagent-*-linux-x64-aot/panel-agent | tail -n 1)/panel-agent}
sizes=()
if [ "$quick" = false ]; then
  [ -n "${BENCH_ARM64_SC_DIR:-}" ] || build sc-arm64 --rid linux-arm64
  [ -n "${BENCH_ARM64_AOT_DIR:-}" ] || build aot-arm64 --rid linux-arm64 --aot
  sizes=(--size "arm64-self-contained=${BENCH_ARM64_SC_DIR:-$(ls -d "$dir"/obj/panelagent-*-linux-arm64/panel-agent | tail -n 1)}"
    --size "arm64-aot=${BENCH_ARM64_AOT_DIR:-$(ls -d "$dir"/obj/panelagent-*-linux-arm64-aot/panel-agent | tail -n 1)}")
fi

dotnet build bench/PanelAgent.Bench/PanelAgent.Bench.csproj -c Release --nologo -v quiet >&2
exec dotnet bench/PanelAgent.Bench/bin/Release/net10.0/panel-bench.dll release "${flags[@]}" \
  --variant "framework-dependent=$dir/fd/panel-agent.dll" \
  --variant "self-contained=$sc_agent" \
  --variant "aot=$aot_agent" \
  "${sizes[@]}" \
  --config hardware/panels/sim-villa.json \
  --data-root "${BENCH_DATA_ROOT:-/var/tmp}"
