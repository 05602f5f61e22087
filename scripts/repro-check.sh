#!/usr/bin/env bash
# Does rebuilding the same commit give the same bytes? Publishes the same unsigned bundle twice (publish.sh builds
# each in its own fresh clone of HEAD: different paths, different times) and compares every file and the tarball.
#
#   scripts/repro-check.sh [--rid linux-x64|linux-arm64] [--app NAME]...
#
# Prints "same" or "DIFFERENT" per file and a summary line; exits 0 either way (a measurement, not a gate).
set -euo pipefail
cd "$(dirname "$0")/.."
args=(--rid linux-x64)
while [ $# -gt 0 ]; do
  case "$1" in
    --rid) args=(--rid "$2"); shift 2 ;;
    --app) apps+=(--app "$2"); shift 2 ;;
    *) echo "repro-check: unknown option '$1'" >&2; exit 64 ;;
  esac
done
apps=(${apps[@]+"${apps[@]}"})
work=$(mktemp -d /var/tmp/panelagent-repro-XXXXXX)
trap 'rm -rf "$work"' EXIT
for n in 1 2; do
  echo "repro-check: build $n in $work/out$n" >&2
  ./publish.sh "${args[@]}" ${apps[@]+"${apps[@]}"} --unsigned --out "$work/out$n" >&2
done
same=0
different=0
b1=$(ls -d "$work"/out1/panelagent-*/ | head -n 1)
b2=$(ls -d "$work"/out2/panelagent-*/ | head -n 1)
while IFS= read -r file; do
  if cmp -s "$b1/$file" "$b2/$file"; then
    same=$((same + 1)); echo "same       $file"
  else
    different=$((different + 1)); echo "DIFFERENT  $file"
  fi
done < <(cd "$b1" && find . -type f | sed 's|^\./||' | LC_ALL=C sort)
t1=$(ls "$work"/out1/*.tar.gz); t2=$(ls "$work"/out2/*.tar.gz)
cmp -s "$t1" "$t2" && echo "same       $(basename "$t1")" || echo "DIFFERENT  $(basename "$t1")"
echo "repro-check: $same file(s) identical, $different different"
