#!/usr/bin/env bash
# Opt-in (never run by test.sh or CI): the libgpiod input adapter and debounce against a REAL kernel GPIO chip.
# Debian's 6.1 kernel has GPIOLIB and /dev/gpiochipN but builds neither gpio-sim nor irq_sim, and this machine's own
# kernel has no GPIO at all; so this script:
#   1. fetches Debian packages with `apt-get download` into a cache (kernel, headers, kbuild, source, busybox, libgpiod2),
#   2. builds gpio-sim + irq_sim as ONE out-of-tree module (hardware/gpio-vm/: Kbuild, irq_to_desc patch),
#   3. publishes the probe (tests/PanelAgent.GpioVm.Probe) with Native AOT,
#   4. packs an initramfs (busybox, configfs.ko, the module, glibc, libgpiod.so.2, the probe, hardware/gpio-vm/init),
#   5. boots it in qemu-system-x86_64 (KVM when /dev/kvm works, else TCG) and reads the checks off the serial console.
# Exits 0 only when the probe ran and every check passed. Details and figures: docs/gpio-vm.md.
#
# usage: scripts/gpio-vm.sh [--cache DIR] [--out DIR] [--accel auto|kvm|tcg] [--smp N] [--junit FILE]
#                           [--debounce MS] [--long-debounce MS] [--kernel-args "K=V ..."]
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

cache=${GPIO_VM_CACHE:-$HOME/.cache/panelagent/gpio-vm}
out=$repo/out/gpio-vm
accel=auto smp=1 junit="" probe_args="" kernel_args=""
# Seconds until init must print GPIOVM-BOOTED: short for KVM (a nested KVM that cannot boot falls back to TCG),
# long for TCG, which on a loaded 2-core machine takes minutes; and for the whole VM run.
kvm_boot_timeout=60 tcg_boot_timeout=400 run_timeout=900

usage() { sed -n '12,13p' "$0" | sed 's/^# //' >&2; exit 2; }
while [ $# -gt 0 ]; do
  case $1 in
    --cache) cache=${2:?--cache: a directory is missing}; shift 2 ;;
    --out) out=${2:?--out: a directory is missing}; shift 2 ;;
    --accel) accel=${2:-}; shift 2 || true
      case $accel in auto|kvm|tcg) ;; *) echo "gpio-vm: --accel: \"$accel\" is not auto, kvm or tcg" >&2; exit 2 ;; esac ;;
    --smp) smp=${2:-}; shift 2 || true
      [[ $smp =~ ^[1-8]$ ]] || { echo "gpio-vm: --smp: \"$smp\" is not a number from 1 to 8" >&2; exit 2; } ;;
    --junit) junit=${2:?--junit: a file is missing}; shift 2 ;;
    --debounce|--long-debounce)
      [[ ${2:-} =~ ^[0-9]+$ ]] || { echo "gpio-vm: $1: \"${2:-}\" is not a whole number of milliseconds" >&2; exit 2; }
      probe_args+=",$1,$2"; shift 2 ;;
    --kernel-args) kernel_args=${2:-}; shift 2 || true ;;
    -h|--help) usage ;;
    *) echo "gpio-vm: $1: unknown argument" >&2; usage ;;
  esac
done
junit=${junit:-$out/gpio-vm-junit.xml}
mkdir -p "$cache/debs" "$out"
log() { printf 'gpio-vm: %s\n' "$*" >&2; }
declare -A took
stamp() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(stamp)" 'BEGIN { printf "%.1f", b - a }'; }

# --- 0. host tools ----------------------------------------------------------------------------------------------
need=()
command -v qemu-system-x86_64 >/dev/null || need+=(qemu-system-x86)
command -v gcc-12 >/dev/null || need+=(gcc-12)
command -v make >/dev/null || need+=(make)
command -v patch >/dev/null || need+=(patch)
command -v xz >/dev/null || need+=(xz-utils)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# --- 1. packages ---------------------------------------------------------------------------------------------
t=$(stamp)
abi_package() { apt-cache depends linux-image-amd64 2>/dev/null | sed -n 's/.*Depends: \(linux-image-6\.1\.0-[0-9]*-amd64\)$/\1/p' | head -n 1; }
image=$(abi_package)
if [ -z "$image" ]; then apt-get update -qq; image=$(abi_package); fi
[ -n "$image" ] || { log "apt-cache: linux-image-amd64 names no linux-image-6.1.0-*-amd64 (is this Debian 12?)"; exit 3; }
abi=${image#linux-image-}   # 6.1.0-N-amd64
abi_common=${abi%-amd64}-common
packages=("$image" "linux-headers-$abi" "linux-headers-$abi_common" linux-kbuild-6.1 linux-source-6.1 busybox-static libgpiod2)
missing=()
for p in "${packages[@]}"; do compgen -G "$cache/debs/${p}_*.deb" >/dev/null || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  log "apt-get download ${missing[*]}"
  # As root apt hands the download to user _apt, which may not write into a cache under /root: say root is fine.
  sandbox=(); [ "$(id -u)" = 0 ] && sandbox=(-o APT::Sandbox::User=root)
  (cd "$cache/debs" && apt-get download -q "${sandbox[@]}" "${missing[@]}" >/dev/null)
fi
debs=()
for p in "${packages[@]}"; do debs+=("$(ls "$cache"/debs/"${p}"_*.deb | head -n 1)"); done
download_mb=$(du -cm "${debs[@]}" | tail -n 1 | cut -f1)
took[download]=$(since "$t")
log "kernel $abi, packages ${download_mb} MB in $cache/debs (${took[download]} s)"

# --- 2. the gpio-sim module ------------------------------------------------------------------------------------
t=$(stamp)
root=$cache/root-$abi
if [ ! -e "$root/.extracted" ]; then
  rm -rf "$root"; mkdir -p "$root"
  for p in "$image" "linux-headers-$abi" "linux-headers-$abi_common" linux-kbuild-6.1 busybox-static libgpiod2; do
    dpkg-deb -x "$(ls "$cache"/debs/"${p}"_*.deb | head -n 1)" "$root"
  done
  # The headers' Makefile includes the common half by absolute path (/usr/src/...): point it into the cache.
  sed -i "s#^include /usr/src/#include $root/usr/src/#" "$root/usr/src/linux-headers-$abi/Makefile"
  touch "$root/.extracted"
fi
src=$cache/src-$abi
if [ ! -e "$src/.extracted" ]; then
  rm -rf "$src"; mkdir -p "$src"
  dpkg-deb --fsys-tarfile "$(ls "$cache"/debs/linux-source-6.1_*.deb | head -n 1)" \
    | tar -xO ./usr/src/linux-source-6.1.tar.xz \
    | tar -xJ -C "$src" --strip-components=1 linux-source-6.1/drivers/gpio/gpio-sim.c \
        linux-source-6.1/drivers/gpio/gpiolib.h linux-source-6.1/kernel/irq/irq_sim.c
  touch "$src/.extracted"
fi
module=$cache/build-$abi/module
rm -rf "$module"; mkdir -p "$module/kernel/irq"
cp "$src/kernel/irq/irq_sim.c" "$module/kernel/irq/"
(cd "$module" && patch -s -p1 <"$repo/hardware/gpio-vm/irq_sim-generic-handle-irq.patch")
mv "$module/kernel/irq/irq_sim.c" "$module/"; rm -r "$module/kernel"
cp "$src/drivers/gpio/gpio-sim.c" "$src/drivers/gpio/gpiolib.h" "$repo/hardware/gpio-vm/Kbuild" "$module/"
make -s -C "$root/usr/src/linux-headers-$abi" M="$module" modules >"$module/build.log" 2>&1 \
  || { cat "$module/build.log" >&2; log "the gpio-sim module did not build (log above)"; exit 3; }
grep -q 'WARNING: modpost' "$module/build.log" && { cat "$module/build.log" >&2; log "modpost: unresolved symbols"; exit 3; }
took[module]=$(since "$t")
log "gpio-sim-vm.ko built against $abi (${took[module]} s)"

# --- 3. the probe ----------------------------------------------------------------------------------------------
t=$(stamp)
probe_out=$cache/build-$abi/probe
# Restored locked with the probe's own lock file (it declares linux-x64), then published without restoring again,
# so the referenced projects' lock files are not rewritten for a runtime identifier they do not declare.
dotnet restore tests/PanelAgent.GpioVm.Probe --locked-mode --nologo -v quiet >&2
dotnet publish tests/PanelAgent.GpioVm.Probe -c Release -r linux-x64 --no-restore --nologo -v quiet \
  -p:DebugType=none -p:StripSymbols=true -o "$probe_out" >&2
took[probe]=$(since "$t")
log "probe published with Native AOT: $(du -h "$probe_out/gpio-vm-probe" | cut -f1) (${took[probe]} s)"

# --- 4. initramfs ----------------------------------------------------------------------------------------------
t=$(stamp)
stage=$(mktemp -d)
qemu_pid=""
trap 'rm -rf "$stage"; [ -n "$qemu_pid" ] && kill "$qemu_pid" 2>/dev/null || true' EXIT
mkdir -p "$stage"/{bin,dev,proc,sys,tmp,probe,lib/modules,lib/x86_64-linux-gnu,lib64}
cp "$root/bin/busybox" "$stage/bin/"
cp "$repo/hardware/gpio-vm/init" "$stage/init"; chmod +x "$stage/init"
cp "$root/lib/modules/$abi/kernel/fs/configfs/configfs.ko" "$module/gpio-sim-vm.ko" "$stage/lib/modules/"
cp "$probe_out/gpio-vm-probe" "$stage/probe/probe"
cp -L "$root/usr/lib/x86_64-linux-gnu/libgpiod.so.2" "$stage/lib/x86_64-linux-gnu/"
# glibc from this (Debian 12) machine: what the AOT binary and libgpiod link against, nothing else.
for lib in $(ldd "$probe_out/gpio-vm-probe" "$root/usr/lib/x86_64-linux-gnu/libgpiod.so.2" | awk '/=>/ { print $3 }' | sort -u); do
  cp -L "$lib" "$stage/lib/x86_64-linux-gnu/"
done
cp -L /lib64/ld-linux-x86-64.so.2 "$stage/lib64/"
initrd=$cache/build-$abi/initrd.cpio.gz
(cd "$stage" && find . | "$root/bin/busybox" cpio -o -H newc 2>/dev/null | gzip -1 >"$initrd")
took[initramfs]=$(since "$t")
log "initramfs $(du -h "$initrd" | cut -f1) (${took[initramfs]} s)"

# --- 5. boot ---------------------------------------------------------------------------------------------------
console=$out/console.log
boot() { # accel -> 0 when the VM ran to GPIOVM-EXIT, 1 when it did not boot in time, 2 when it stopped early
  local mode=$1 start boot_timeout=$tcg_boot_timeout; start=$(stamp)
  [ "$mode" = kvm ] && boot_timeout=$kvm_boot_timeout
  local -a accel_args=(-accel tcg)
  # no_timer_check: under TCG on a loaded host the kernel's IO-APIC timer check can miss ticks and panic.
  # arch-capabilities: some nested KVM hosts refuse that MSR (qemu aborts with "failed to set MSR 0x10a").
  [ "$mode" = kvm ] && accel_args=(-enable-kvm -cpu host,-arch-capabilities)
  : >"$console"
  qemu-system-x86_64 "${accel_args[@]}" -smp "$smp" -m 512 -display none -monitor none -nic none -no-reboot \
    -serial "file:$console" -kernel "$root/boot/vmlinuz-$abi" -initrd "$initrd" \
    -append "console=ttyS0 quiet panic=-1 no_timer_check gpiovm.args=${probe_args#,} $kernel_args" &
  qemu_pid=$!
  while kill -0 "$qemu_pid" 2>/dev/null; do
    local elapsed; elapsed=$(since "$start")
    if ! grep -q GPIOVM-BOOTED "$console" && awk -v e="$elapsed" -v l="$boot_timeout" 'BEGIN { exit !(e > l) }'; then
      kill "$qemu_pid"; wait "$qemu_pid" 2>/dev/null || true; qemu_pid=""; return 1
    fi
    if awk -v e="$elapsed" -v l="$run_timeout" 'BEGIN { exit !(e > l) }'; then
      log "the VM ran longer than $run_timeout s: stopped"; kill "$qemu_pid"; break
    fi
    sleep 0.2
  done
  wait "$qemu_pid" 2>/dev/null || true; qemu_pid=""
  took[vm]=$(since "$start")
  grep -q GPIOVM-EXIT "$console" && return 0 || return 2
}
kvm_usable() { [ -r /dev/kvm ] && [ -w /dev/kvm ]; }
used=tcg note=""
case $accel in
  tcg) boot tcg || true ;;
  kvm|auto)
    if [ "$accel" = auto ] && ! kvm_usable; then note="no usable /dev/kvm"; boot tcg || true
    else
      used=kvm rc=0
      boot kvm || rc=$?
      if [ $rc -eq 1 ] && [ "$accel" = auto ]; then
        note="KVM did not reach init within ${kvm_boot_timeout} s; fell back to TCG"; log "$note"
        used=tcg; boot tcg || true
      elif [ $rc -eq 1 ]; then
        note="KVM did not reach init within ${kvm_boot_timeout} s"
      fi
    fi ;;
esac
tr -d '\r' <"$console" >"$console.txt" && mv "$console.txt" "$console"

# --- 6. results --------------------------------------------------------------------------------------------------
"$repo/scripts/gpio-vm-report.sh" "$console" "$junit" "$used${note:+ ($note)}, load average $(cut -d' ' -f1-3 /proc/loadavg)" \
  "download=${took[download]} module=${took[module]} probe=${took[probe]} initramfs=${took[initramfs]} vm=${took[vm]:-0}" \
  "$download_mb"
