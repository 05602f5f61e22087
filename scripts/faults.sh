#!/usr/bin/env bash
# The fault campaign (issue 7 §2, docs/faults.md): real panel-agent, Mosquitto and panel-station processes on
# loopback, each fault injected many times; prints one table (fault, runs, events generated, at station, lost,
# duplicated after de-duplication, worst time to recover) and exits non-zero when any row lost or duplicated an event.
#
#   scripts/faults.sh [--quick] [--json] [--only NAME[,NAME...]] [--seed N]
#
# --quick  a smoke run: 5 agent kills, 2 cycles of every other fault (a few minutes)
# --json   one JSON object per row on stdout; progress goes to stderr either way
# --only   run the faults whose names contain one of these words (e.g. --only corrupt,clock)
# --seed   replay the random moments of an earlier run (the seed is printed first)
#
# Needs mosquitto (scripts/setup.sh installs it). Run as root for the disk-full fault's tmpfs; otherwise it falls
# back to a file-size limit (RLIMIT_FSIZE) and says so in its row.
set -euo pipefail
cd "$(dirname "$0")/.."

for arg in "$@"; do
  case "$arg" in
    -h | --help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  esac
done

command -v mosquitto >/dev/null 2>&1 || [ -x /usr/sbin/mosquitto ] || ./scripts/setup.sh >&2

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The build's own output goes to stderr, so that --json leaves stdout to the rows.
dotnet build bench/PanelAgent.Faults/PanelAgent.Faults.csproj -c Release --nologo -v quiet >&2

exec dotnet bench/PanelAgent.Faults/bin/Release/net10.0/panel-faults.dll "$@"
