#!/usr/bin/env bash
# Checks the units in hardware/systemd/: `systemd-analyze verify` on each (.service and .path), and the exposure score
# of every .service from `systemd-analyze security --offline=yes` (target: 2.0 or lower, "OK").
# Prints "UNIT exposure: N.N" per service and exits non-zero when a unit fails to verify or a score is above 2.0.
# Installs systemd's tools when missing (Debian: package systemd).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v systemd-analyze >/dev/null 2>&1; then
  [ "$(id -u)" -eq 0 ] || { echo "systemd-check: systemd-analyze missing; run as root to install it" >&2; exit 1; }
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq systemd >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# verify insists that ExecStart exists: point the copies at a stand-in release instead of /opt/panelagent/current.
mkdir -p "$work/release" "$work/units"
printf '#!/bin/sh\nexit 0\n' >"$work/release/panel-agent"
chmod +x "$work/release/panel-agent"
for unit in hardware/systemd/*.service hardware/systemd/*.path; do
  sed "s#/opt/panelagent/current/#$work/release/#g" "$unit" >"$work/units/$(basename "$unit")"
done

status=0
for unit in "$work"/units/*.service "$work"/units/*.path; do
  if out=$(systemd-analyze verify "$unit" 2>&1) && [ -z "$out" ]; then
    echo "verify $(basename "$unit"): ok"
  else
    echo "verify $(basename "$unit"): FAILED"
    echo "$out" | sed 's/^/  /'
    status=1
  fi
done

for unit in "$work"/units/*.service; do
  name=$(basename "$unit")
  score=$(systemd-analyze security --offline=yes "$unit" 2>&1 \
    | sed -n "s/.*Overall exposure level for ${name//./\\.}: \([0-9.]*\).*/\1/p")
  echo "$name exposure: ${score:-unknown}"
  if [ -z "$score" ] || ! awk -v s="$score" 'BEGIN { exit !(s <= 2.0) }'; then
    echo "systemd-check: $name exposure above 2.0" >&2
    status=1
  fi
done
exit $status
