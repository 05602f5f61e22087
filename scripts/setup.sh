#!/usr/bin/env bash
# Installs what the build, tests and demo need beyond the .NET SDK, only when it is missing.
# Everything the project needs on a machine is installed from here: nothing by hand.
set -euo pipefail

need=()
# The demo prints the panel's logs from its real SQLite file with it.
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
# A real broker for the Transport integration tests (mutual TLS + ACL, hardware/mosquitto/).
command -v mosquitto >/dev/null 2>&1 || [ -x /usr/sbin/mosquitto ] || need+=(mosquitto)
# The panelctl terminal smoke test drives walk-test in a tmux pane and reads the screen (capture-pane).
command -v tmux >/dev/null 2>&1 || need+=(tmux)

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing ${need[*]}; run as root or install them" >&2
    exit 1
  fi
  echo "setup: installing ${need[*]}"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
