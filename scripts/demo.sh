#!/usr/bin/env bash
# The panel's main job, in simulation: a burglary on the simulated villa, run by the same engine, storage and
# GPIO/I2C adapters as the real panel (simulated driver underneath), on a virtual clock. Prints a timeline of
# what the panel decided, then the arm/disarm log and the alarm history from the real SQLite file it wrote.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

./scripts/setup.sh
echo "Building..."
dotnet build src/PanelAgent.Hil -c Release --nologo -v quiet >/dev/null

out=demo-out
echo
dotnet src/PanelAgent.Hil/bin/Release/net10.0/panel-hil.dll run hardware/scenarios/burglary-demo.json \
  --timeline --keep-data "$out"

db="$out/panel.db"
# Times are the virtual clock (the simulation starts on Monday 2026-01-05 08:00 UTC). User numbers, never names.
echo
echo "== Arm/disarm log (P7: the last 100 entries, none older than 3 months)"
sqlite3 -header -column "$db" "
  SELECT e.seq, strftime('%Y-%m-%d %H:%M:%S', e.at_utc / 1000, 'unixepoch') AS at_utc, e.kind,
         e.user_number AS user, coalesce(e.detail, '') AS detail
  FROM arm_log a JOIN events e ON e.seq = a.seq ORDER BY e.seq;"
echo
echo "== Alarm history (P8: kept 5 years)"
sqlite3 -header -column "$db" "
  SELECT e.seq, strftime('%Y-%m-%d %H:%M:%S', e.at_utc / 1000, 'unixepoch') AS at_utc, e.kind,
         coalesce(e.zone, '') AS zone, coalesce(e.user_number, '') AS user
  FROM alarm_history h JOIN events e ON e.seq = h.seq ORDER BY e.seq;"
echo
echo "The database is in $db (pass --keep-data elsewhere to keep more runs). Codes are stored only as salted,"
echo "peppered PBKDF2 hashes: sqlite3 $db 'SELECT number, code_hash FROM users;'"
