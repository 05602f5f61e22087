#!/usr/bin/env bash
# Reads the serial console of a gpio-vm run (scripts/gpio-vm.sh) and prints the summary; writes JUnit XML.
# usage: scripts/gpio-vm-report.sh CONSOLE JUNIT ACCEL "step=seconds ..." DOWNLOAD_MB
# Exits 0 only when the probe ran to its end (GPIOVM-EXIT rc=0), printed at least one check and no check failed.
set -euo pipefail
console=$1 junit=$2 accel=$3 steps=$4 download_mb=$5

booted=$(sed -n 's/^GPIOVM-BOOTED uptime=\([0-9.]*\).*/\1/p' "$console" | tail -n 1)
exit_line=$(grep -E '^GPIOVM-EXIT rc=' "$console" | tail -n 1 || true)
rc=$(sed -n 's/^GPIOVM-EXIT rc=\([0-9]*\).*/\1/p' <<<"$exit_line")
ended=$(sed -n 's/.* uptime=\([0-9.]*\).*/\1/p' <<<"$exit_line")
checks=$(grep -E '^(PASS|FAIL) ' "$console" || true)
passed=$(grep -c '^PASS ' <<<"$checks" || true)
failed=$(grep -c '^FAIL ' <<<"$checks" || true)

echo
echo "gpio-vm: real gpio-sim chip in a Debian 6.1 VM ($accel)"
printf '  %-4s  %-20s %s\n' RES CHECK DETAIL
while read -r result name detail; do
  [ -n "${result:-}" ] && printf '  %-4s  %-20s %s\n' "$result" "$name" "$detail"
done <<<"$checks"
echo
echo "  packages ${download_mb} MB; host steps (s): $steps"
echo "  kernel start to init: ${booted:-never} s; probe finished at ${ended:-never} s of VM uptime; probe exit code: ${rc:-none}"
panic=$(grep -m 1 'Kernel panic' "$console" || true)
[ -n "$panic" ] && echo "  the VM kernel panicked: $panic"
echo "  console: $console"

# A probe that did not finish (no exit line, a crash, bad arguments) is an error of its own; exit code 1 only means
# that checks failed, and those are already listed.
broken=0
case ${rc:-none} in 0|1) ;; *) broken=1 ;; esac
xml() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g' <<<"$1"; }
{
  echo '<?xml version="1.0" encoding="UTF-8"?>'
  echo "<testsuite name=\"gpio-vm\" tests=\"$((passed + failed + broken))\" failures=\"$failed\" errors=\"$broken\" time=\"${ended:-0}\">"
  echo "  <properties><property name=\"accel\" value=\"$(xml "$accel")\"/></properties>"
  while read -r result name detail; do
    [ -n "${result:-}" ] || continue
    if [ "$result" = PASS ]; then
      echo "  <testcase classname=\"gpio-vm\" name=\"$(xml "$name")\"><system-out>$(xml "$detail")</system-out></testcase>"
    else
      echo "  <testcase classname=\"gpio-vm\" name=\"$(xml "$name")\"><failure message=\"$(xml "$detail")\"/></testcase>"
    fi
  done <<<"$checks"
  if [ "$broken" = 1 ]; then
    echo "  <testcase classname=\"gpio-vm\" name=\"probe-run\"><error message=\"probe exit code ${rc:-none} (see $(xml "$console"))\"/></testcase>"
  fi
  echo '</testsuite>'
} >"$junit"
echo "  JUnit: $junit"

echo "gpio-vm: $passed passed, $failed failed"
[ "${rc:-x}" = 0 ] && [ "$passed" -gt 0 ] && [ "$failed" -eq 0 ]
