#!/usr/bin/env bash
# A fleet on one broker (issue 7 §3, docs/fleet.md): N simulated panels in one process — each with its own client
# certificate (mutual TLS, the shipped ACL), keys and sequence, running the panel's real link code — against ONE real
# Mosquitto on 127.0.0.1 and 1-3 real panel-station processes in one shared-subscription group.
#
#   scripts/fleet.sh [--quick] [--json] [--panels 100,1000,...] [--stations 1,2,3]
#
# Prints one row per N and station count: time to connect the fleet, events/s delivered end to end (a backlog queued
# at once), p50/p99 latency from an event raised at a panel to its station JSON line (paced at half that rate),
# events lost, duplicates across stations (removed by de-duplicating on panel+seq), resends, memory and descriptors.
# Exits 1 when an event was lost or a station printed one twice, 70 when the fleet could not be set up, 64 on usage
# (the message names the option).
# --quick  N = 100 and 1 000 against 2 stations, short phases (about 2 minutes on a quiet machine)
# --json   one object per figure and row on stdout: {"area":"fleet","figure","value","unit","panels","stations",...}
#
# FLEET_DATA_ROOT chooses where the stations' databases go (default /var/tmp: disk-backed, so their fsyncs are real).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup.sh >&2

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The build's own output goes to stderr, so that --json leaves stdout to the figures.
dotnet build bench/PanelAgent.Fleet/PanelAgent.Fleet.csproj -c Release --nologo -v quiet >&2

# One descriptor per panel in this process and one per panel in Mosquitto (a child, so it inherits the limit).
ulimit -n "$(ulimit -Hn)"

exec dotnet bench/PanelAgent.Fleet/bin/Release/net10.0/panel-fleet.dll "$@" --data-root "${FLEET_DATA_ROOT:-/var/tmp}"
