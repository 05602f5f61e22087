#!/usr/bin/env bash
# The panel's main job, in simulation, and what the alarm station sees of it.
#
# 1. A burglary on the simulated villa, run by the same engine, storage and GPIO/I2C adapters as the real panel
#    (simulated driver underneath) on a virtual clock: the panel's timeline, its arm/disarm log and alarm history
#    from the real SQLite file it wrote.
# 2. The link: a lab PKI and keys are made, the embedded broker (panel-broker, mutual TLS + the shipped ACL) and the
#    reference station (panel-station) start on 127.0.0.1, and panel-agent starts on the panel's database with its
#    outbox full of the burglary: every event leaves sealed, is acknowledged by the station, and the station answers a
#    status command. The hall camera-PIR's burst of 3 verification images follows the alarm event, and the station
#    writes the JPEG files it reassembled: the demo lists them. Then the station's view is printed beside the panel's.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

./scripts/setup.sh
echo "Building..."
for project in PanelAgent.Hil PanelAgent PanelAgent.Station PanelAgent.Broker; do
  dotnet build "src/$project" -c Release --nologo -v quiet >/dev/null
done
bin() { echo "src/$1/bin/Release/net10.0/$2.dll"; }

out=demo-out
rm -rf "$out"
mkdir -p "$out"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

echo
# The virtual clock starts 3 hours ago: panel-agent opens this database afterwards and prunes by the real clock (P7).
dotnet "$(bin PanelAgent.Hil panel-hil)" run hardware/scenarios/burglary-demo.json --timeline --keep-data "$out/panel" \
  --start "$(date -u -d "-3 hours" +%Y-%m-%dT%H:%M:%SZ)"

db="$out/panel/panel.db"
# Times are the virtual clock (started 3 hours before this run). User numbers, never names.
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
echo "== The link: lab PKI and keys, embedded broker, station, and the panel sending its outbox"
link="$out/link"
port=$(dotnet "$(bin PanelAgent.Station panel-station)" provision --out "$link" --panel sim-villa \
  --panel-config hardware/panels/sim-villa.json)
dotnet "$(bin PanelAgent.Broker panel-broker)" --config "$link/broker.json" >"$out/broker.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.2; done
dotnet "$(bin PanelAgent.Station panel-station)" --config "$link/station.json" >"$out/station.jsonl" 2>"$out/station.log" &
pids+=($!)
dotnet "$(bin PanelAgent panel-agent)" --config "$link/panel.json" --simulate --data "$out/panel" >"$out/agent.log" 2>&1 &
agent=$!
pids+=($agent)

pending() { sqlite3 "$db" "SELECT count(*) FROM events WHERE acked_at IS NULL AND dropped_at IS NULL;"; }
for _ in $(seq 150); do [ "$(pending)" = 0 ] && break; sleep 0.2; done
# The alarm event went first; the hall camera's burst follows it, sealed in chunks, reassembled by the station.
images() { find "$link/images" -name '*.jpg' 2>/dev/null | wc -l; }
for _ in $(seq 150); do [ "$(images)" -ge 3 ] && break; sleep 0.2; done
echo "outbox: $(sqlite3 "$db" 'SELECT count(*) FROM events WHERE acked_at IS NOT NULL;') events acknowledged by the station, $(pending) pending"
# An image is delivered when the station has written it and said so in its signed ack, not when the broker took it.
delivered() { sqlite3 "$db" "SELECT count(*) FROM images WHERE sent_utc IS NOT NULL;"; }
for _ in $(seq 100); do [ "$(delivered)" -ge 3 ] && break; sleep 0.2; done
echo "images: $(delivered) of $(sqlite3 "$db" 'SELECT count(*) FROM images;') acknowledged by the station (written there: delivered end to end)"
dotnet "$(bin PanelAgent.Station panel-station)" command --config "$link/station.json" --panel sim-villa \
  --command status --id demo-status
for _ in $(seq 50); do grep -q '"command.accepted"' "$out/station.jsonl" && break; sleep 0.2; done
kill -TERM "$agent"
wait "$agent" 2>/dev/null || true
sleep 1 # the last will reaches the station

echo
echo "== What the alarm station printed (one JSON line per event; the panel's times are virtual, 'received' is now)"
# The station's lines as a table: sqlite3 reads them as JSON (jq is not needed).
sed '1s/^/[/; $!s/$/,/; $s/$/]/' "$out/station.jsonl" >"$out/station.json"
sqlite3 -header -column :memory: "
  SELECT json_extract(value, '$.seq') AS seq, json_extract(value, '$.type') AS type,
         coalesce(json_extract(value, '$.zone'), '') AS zone, coalesce(json_extract(value, '$.user'), '') AS user,
         coalesce(json_extract(value, '$.sia'), '') AS sia, coalesce(json_extract(value, '$.cid'), '') AS cid,
         substr(json_extract(value, '$.at'), 1, 19) AS at, coalesce(json_extract(value, '$.detail'), '') AS detail
  FROM json_each(readfile('$out/station.json')) WHERE json_extract(value, '$.type') IS NOT NULL;"
echo
echo "== Verification images the station received (P1: the hall camera-PIR's burst; sealed in chunks on panels/{id}/images)"
if [ "$(images)" -gt 0 ]; then
  find "$link/images" -name '*.jpg' -printf '%p  %s bytes\n' | sort
  echo "$(images) JPEG file(s) in $link/images (synthetic scene: zone, virtual time, a moving square; no metadata)"
else
  echo "(none received: see $out/agent.log and $out/station.log)"
fi
echo
echo "Everything the broker carried was sealed (AES-256-GCM; acks and commands also signed by the station)."
echo "Files: $db (panel), $link/station.db (station), $out/station.jsonl, $out/*.log."
echo "Codes are stored only as salted, peppered PBKDF2 hashes: sqlite3 $db 'SELECT number, code_hash FROM users;'"
