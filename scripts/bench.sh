#!/usr/bin/env bash
# Benchmarks: prints figures, never passes or fails on time (STYLE.md §6). Each figure that has a floor is printed
# beside a baseline measured in the same run, with the ratio, because the machines are shared and noisy.
#
#   scripts/bench.sh AREA [--json] [--quick]
#
# AREA    core: edge→persisted latency and durable throughput vs bare SQLite, idle CPU, RSS, time to READY
#         link: edge→station line latency vs bare MQTTnet QoS 1 on the same Mosquitto, drain of a queued backlog vs
#               bare publish rate, RSS of panel-agent and panel-station (needs mosquitto: scripts/setup.sh)
#         panelctl: access-log append vs a bare SQLite commit, audit verify per entry
#         images: JPEG encode per 640x480 frame vs libjpeg-turbo tjbench, trigger→first image stored and at the
#               station, peak memory
#         release: bundle size, time to READY and idle RSS of framework-dependent, self-contained and Native AOT
#         builds (scripts/bench-release.sh; arm64 sizes unless --quick)
# --json  one JSON object per line on stdout: {"area","figure","value","unit","baseline","ratio"}; progress and
#         diagnostics go to stderr
# --quick a smoke run: short rounds, 10 s of idle instead of 60 s
#
# BENCH_DATA_ROOT chooses where the databases go (default /var/tmp: disk-backed, unlike a tmpfs /tmp).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  echo "usage: scripts/bench.sh AREA [--json] [--quick]" >&2
  echo "areas: core, link, panelctl, images, release" >&2
  exit 2
}

[ $# -ge 1 ] || usage
area=$1
shift
case "$area" in
  core | panelctl) ;;
  link) ./scripts/setup.sh >&2 ;;
  images)
    ./scripts/setup.sh >&2 # mosquitto, for the station leg (first-image)
    # The baseline encoder: libjpeg-turbo's tjbench, installed when missing (Debian: libjpeg-turbo-progs).
    if ! command -v tjbench >/dev/null 2>&1; then
      echo "bench.sh: installing libjpeg-turbo-progs for tjbench" >&2
      apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libjpeg-turbo-progs >/dev/null
    fi
    ;;
  release) exec scripts/bench-release.sh "$@" ;;
  *) echo "bench.sh: unknown area '$area'" >&2; usage ;;
esac

flags=()
for arg in "$@"; do
  case "$arg" in
    --json | --quick) flags+=("$arg") ;;
    *) echo "bench.sh: unknown option '$arg'" >&2; usage ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The build's own output goes to stderr, so that --json leaves stdout to the figures.
dotnet build bench/PanelAgent.Bench/PanelAgent.Bench.csproj -c Release --nologo -v quiet >&2

exec dotnet bench/PanelAgent.Bench/bin/Release/net10.0/panel-bench.dll "$area" "${flags[@]}" \
  --agent src/PanelAgent/bin/Release/net10.0/panel-agent.dll \
  --config hardware/panels/sim-villa.json \
  --data-root "${BENCH_DATA_ROOT:-/var/tmp}"
