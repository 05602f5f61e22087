#!/bin/sh
# RAUC commit check for PanelAgent (example). RAUC boots a newly installed rootfs slot on trial; this script, run by
# panelagent-mark-good.service once panel-agent.service is up (READY), keeps the slot only if `panelctl selftest`
# passes: `rauc status mark-good` commits it, `rauc status mark-bad` + reboot returns to the previous slot (the
# bootloader's attempt counter does the same if we never get here: a hung boot is a bad boot).
#
# Environment: PANELCTL (default /opt/panelagent/current/panelctl), SELFTEST_TIMEOUT (seconds, default 120).
set -u
panelctl=${PANELCTL:-/opt/panelagent/current/panelctl}
timeout_s=${SELFTEST_TIMEOUT:-120}

if timeout "$timeout_s" "$panelctl" selftest; then
  echo "panelagent: selftest passed; marking the booted slot good"
  exec rauc status mark-good booted
fi

echo "panelagent: selftest failed; marking the booted slot bad and rebooting into the previous one" >&2
rauc status mark-bad booted
systemctl reboot
exit 1
