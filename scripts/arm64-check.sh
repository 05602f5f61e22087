#!/usr/bin/env bash
# The arm64 build under user-mode emulation (not part of every CI run: a cross publish and qemu take minutes).
#
#   scripts/arm64-check.sh [--bundle DIR] [--aot] [--install-only]
#
# Installs qemu-user-static and Debian's arm64 libraries (dpkg --add-architecture arm64) when missing, publishes an
# unsigned linux-arm64 bundle with publish.sh unless --bundle names one, then runs under qemu-aarch64-static:
#   panel-agent --version, and panel-hil on a short simulated scenario set (SCENARIOS, default: three of them).
# --aot also installs the cross toolchain (clang, binutils-aarch64-linux-gnu, libc6-dev:arm64, libgcc-12-dev:arm64)
# and does the same with a Native AOT bundle, running the whole scenario library.
set -euo pipefail
cd "$(dirname "$0")/.."

bundle=""
aot=false
install_only=false
while [ $# -gt 0 ]; do
  case "$1" in
    --bundle) bundle=$2; shift 2 ;;
    --aot) aot=true; shift ;;
    --install-only) install_only=true; shift ;;
    *) echo "arm64-check: unknown option '$1'" >&2; exit 64 ;;
  esac
done

packages=(qemu-user-static libc6:arm64 libstdc++6:arm64 libssl3:arm64 zlib1g:arm64)
[ "$aot" = true ] && packages+=(clang lld binutils-aarch64-linux-gnu libc6-dev:arm64 libgcc-12-dev:arm64 zlib1g-dev:arm64)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || { echo "arm64-check: missing ${missing[*]}; run as root" >&2; exit 1; }
  dpkg --print-foreign-architectures | grep -qx arm64 || dpkg --add-architecture arm64
  apt-get update -qq >/dev/null
  echo "arm64-check: installing ${missing[*]}" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ "$install_only" = true ] && exit 0

if [ -z "$bundle" ]; then
  flags=(--rid linux-arm64 --unsigned --out out/arm64-check)
  [ "$aot" = true ] && flags+=(--aot)
  ./publish.sh "${flags[@]}" >&2
  bundle=$(ls -d out/arm64-check/panelagent-*-linux-arm64$([ "$aot" = true ] && echo -aot) | tail -n 1)
fi

bundle=$(cd "$bundle" && pwd) # absolute: the scenarios run from inside the bundle
run() { qemu-aarch64-static -L / "$@"; }
file "$bundle/panel-agent" | grep -q 'ARM aarch64' || { echo "arm64-check: $bundle/panel-agent is not an arm64 binary" >&2; exit 1; }
echo "== panel-agent --version (arm64, emulated)"
run "$bundle/panel-agent" --version
default_scenarios="burglary-front-door.json fire.json reboot-hard-mid-alarm.json"
[ "$aot" = true ] && default_scenarios=$(cd "$bundle/hardware/scenarios" && ls)
scenarios=()
for s in ${SCENARIOS:-$default_scenarios}; do scenarios+=("$bundle/hardware/scenarios/$s"); done
echo "== panel-hil run (${#scenarios[@]} scenario(s), arm64, emulated)"
(cd "$bundle" && run ./panel-hil run "${scenarios[@]}" | tail -n 1)
