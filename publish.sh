#!/usr/bin/env bash
# Turns the checked-out commit into signed release bundles (docs/release.md).
#
#   ./publish.sh [--rid linux-arm64|linux-x64|all] [--out DIR] [--key FILE] [--unsigned]
#                [--min-update-from X.Y.Z] [--rollback] [--aot] [--trim] [--app NAME]... [--in-place]
#
# For each runtime: panel-agent, panel-hil (and panelctl once src/PanelAgent.Cli exists) published self-contained,
# single-file and ReadyToRun (--trim: trimmed where the trim analysis is clean, see TRIM below), restored locked,
# stamped with the version from git; then a bundle directory and a reproducible tarball:
#
#   DIR/panelagent-VERSION-RID/   panel-agent panel-hil [panelctl] *.so  systemd/ (unit, udev, tmpfiles, sysusers)
#                                 hardware/scenarios/ hardware/panels/  manifest.json  manifest.json.sig
#   DIR/panelagent-VERSION-RID.tar.gz
#
# manifest.json: format, version, commit, minUpdateFrom, schemaVersion (the storage code's current schema),
# rollback, and the sha256 and size of every file. manifest.json.sig: ECDSA P-256 / SHA-256 over the manifest's exact
# bytes, DER (openssl dgst -sha256 -sign). The key comes from --key FILE, $PANELAGENT_SIGNING_KEY_FILE, or the PEM
# text in $PANELAGENT_SIGNING_KEY; never from the repository. --unsigned writes no signature (a panel refuses it).
#
# Version: MAJOR.MINOR from the newest tag vX.Y (0.1 without one) and PATCH = commits since the first commit, so a
# later commit is a higher version; the informational version adds +COMMIT (and .dirty for an unclean tree).
# Without git (a container context without .git), PANELAGENT_VERSION (X.Y.Z) and PANELAGENT_COMMIT are required.
# --aot publishes Native AOT instead of single-file (measurement builds: scripts/bench.sh release,
# scripts/arm64-check.sh --aot); its trim/AOT warnings are written to DIR/NAME.aot-warnings.txt, not fatal.
# --app limits the build to the named apps (default: all of them).
# The build runs in a fresh clone of the commit under DIR/src/COMMIT: the bundle is exactly the commit (never the
# uncommitted changes of the tree), and its bin/obj never race a developer's or the tests' builds here.
# --in-place builds this tree instead (a container context without .git does so by itself).
set -euo pipefail
cd "$(dirname "$0")"

rids=(linux-arm64 linux-x64)
out=out/release
key_file=${PANELAGENT_SIGNING_KEY_FILE:-}
unsigned=false
min_update_from=0.0.0
rollback=false
aot=false
trim_apps=false
in_place=false
only_apps=()

usage() { sed -n '2,27p' "$0" >&2; exit 64; }
while [ $# -gt 0 ]; do
  case "$1" in
    --rid) [ $# -ge 2 ] || usage; case "$2" in all) rids=(linux-arm64 linux-x64) ;; linux-arm64 | linux-x64) rids=("$2") ;; *) echo "publish: --rid: unknown runtime '$2'" >&2; exit 64 ;; esac; shift 2 ;;
    --out) [ $# -ge 2 ] || usage; out=$2; shift 2 ;;
    --key) [ $# -ge 2 ] || usage; key_file=$2; shift 2 ;;
    --unsigned) unsigned=true; shift ;;
    --min-update-from) [ $# -ge 2 ] || usage; min_update_from=$2; shift 2 ;;
    --rollback) rollback=true; shift ;;
    --aot) aot=true; shift ;;
    --trim) trim_apps=true; shift ;;
    --in-place) in_place=true; shift ;;
    --app) [ $# -ge 2 ] || usage; only_apps+=("$2"); shift 2 ;;
    -h | --help) usage ;;
    *) echo "publish: unknown option '$1'" >&2; usage ;;
  esac
done
[[ $min_update_from =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "publish: --min-update-from: '$min_update_from' is not X.Y.Z" >&2; exit 64; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# --- the signing key: checked before the long build, so a missing key fails in a second --------------------------
key_tmp=""
cleanup() { [ -n "$key_tmp" ] && rm -f "$key_tmp"; return 0; }
trap cleanup EXIT
if [ "$unsigned" = false ]; then
  if [ -z "$key_file" ] && [ -n "${PANELAGENT_SIGNING_KEY:-}" ]; then
    key_tmp=$(mktemp)
    chmod 600 "$key_tmp"
    printf '%s\n' "$PANELAGENT_SIGNING_KEY" >"$key_tmp"
    key_file=$key_tmp
  fi
  [ -n "$key_file" ] || { echo "publish: no signing key: --key FILE, PANELAGENT_SIGNING_KEY_FILE or PANELAGENT_SIGNING_KEY (or --unsigned)" >&2; exit 78; }
  openssl pkey -in "$key_file" -noout 2>/dev/null || { echo "publish: --key: '$key_file' is not a readable PEM private key" >&2; exit 78; }
  openssl pkey -in "$key_file" -text -noout 2>/dev/null | grep -q 'NIST CURVE: P-256' \
    || { echo "publish: --key: '$key_file' is not an ECDSA P-256 key" >&2; exit 78; }
fi

# --- version from git --------------------------------------------------------------------------------------------
if git rev-parse HEAD >/dev/null 2>&1; then
  commit=$(git rev-parse HEAD)
  tag=$(git describe --tags --match 'v[0-9]*.[0-9]*' --abbrev=0 2>/dev/null || true)
  base=0.1
  [[ $tag =~ ^v([0-9]+)\.([0-9]+) ]] && base="${BASH_REMATCH[1]}.${BASH_REMATCH[2]}"
  version="$base.$(git rev-list --count HEAD)"
  informational="$version+${commit:0:12}"
  [ -z "$(git status --porcelain --untracked-files=no)" ] || informational="$informational.dirty"
  # Same commit, same timestamps: tar entries and gzip headers take the commit time, not the clock.
  export SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)
else
  version=${PANELAGENT_VERSION:?publish: no git here: set PANELAGENT_VERSION (X.Y.Z) and PANELAGENT_COMMIT}
  commit=${PANELAGENT_COMMIT:?publish: no git here: set PANELAGENT_COMMIT}
  informational="$version+${commit:0:12}"
  export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-0}
fi
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "publish: version '$version' is not X.Y.Z" >&2; exit 64; }

repo=$PWD
mkdir -p "$out"
out=$(cd "$out" && pwd)
if [ "$in_place" = false ] && git rev-parse HEAD >/dev/null 2>&1; then
  [ -z "$(git status --porcelain --untracked-files=no)" ] \
    || echo "publish: building commit ${commit:0:12}; uncommitted changes are not in the bundle (--in-place to include them)" >&2
  informational="$version+${commit:0:12}"
  src="$out/src/$commit"
  if [ ! -d "$src" ]; then
    git clone -q --no-hardlinks "$repo" "$src"
    git -C "$src" checkout -q "$commit"
  fi
  cd "$src"
fi
schema=$(sed -n 's/.*new(Version: \([0-9]*\),.*/\1/p' src/PanelAgent.Storage/Schema/Migrations.cs | sort -n | tail -n 1)
[ -n "$schema" ] || { echo "publish: could not read the schema version from Migrations.cs" >&2; exit 70; }

# --- what to publish, and whether to trim it ---------------------------------------------------------------------
# TRIM: true only where the trim analysis is clean; none is yet (System.Device.Gpio's IL2104, docs/release.md).
# --trim trims those apps. ReadyToRun plus trimming also recompiles the whole framework (trimming discards its
# precompiled code): bigger and slower here. Native AOT always trims and reports its warnings.
declare -A project=([panel-agent]=src/PanelAgent/PanelAgent.csproj [panel-hil]=src/PanelAgent.Hil/PanelAgent.Hil.csproj)
declare -A TRIM=([panel-agent]=false [panel-hil]=false [panelctl]=false)
apps=(panel-agent panel-hil)
if [ -f src/PanelAgent.Cli/PanelAgent.Cli.csproj ]; then
  project[panelctl]=src/PanelAgent.Cli/PanelAgent.Cli.csproj
  apps+=(panelctl)
  grep -q '<RuntimeIdentifiers>' src/PanelAgent.Cli/PanelAgent.Cli.csproj || {
    echo "publish: src/PanelAgent.Cli/PanelAgent.Cli.csproj needs <RuntimeIdentifiers>linux-x64;linux-arm64</RuntimeIdentifiers> (locked restore)" >&2
    exit 70
  }
fi
if [ ${#only_apps[@]} -gt 0 ]; then
  for app in "${only_apps[@]}"; do
    [ -n "${project[$app]:-}" ] || { echo "publish: --app: unknown app '$app' (${apps[*]})" >&2; exit 64; }
  done
  apps=("${only_apps[@]}")
fi

# Not composite: the .NET 10 SDK otherwise compiles the whole framework with the app into one composite image, which
# took over 10 minutes per app here; the runtime pack's assemblies are already ReadyToRun.
mode_props=(-p:PublishSingleFile=true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=false -p:SelfContained=true)
[ "$aot" = true ] && mode_props=(-p:PublishAot=true -p:SelfContained=true)
# IncludeSourceRevisionInInformationalVersion=false: SourceLink would append the full commit a second time.
common=(-c Release --nologo -v quiet -p:Version="$version" -p:InformationalVersion="$informational"
  -p:IncludeSourceRevisionInInformationalVersion=false
  -p:ContinuousIntegrationBuild=true -p:DebugType=none -p:PublishDocumentationFiles=false "${mode_props[@]}")

publish_app() { # app rid dir
  local app=$1 rid=$2 dir=$3 trim=false
  [ "$trim_apps" = true ] && trim=${TRIM[$1]}
  local lock=()
  # Native AOT adds the ILCompiler package, which the committed lock files do not list: an AOT build restores
  # unlocked into a lock file of its own (measurement builds only; release bundles are always locked).
  if [ "$aot" = true ]; then
    trim=true
    lock=(-p:NuGetLockFilePath="$PWD/out/aot-locks/$app.lock.json")
    mkdir -p out/aot-locks
  else
    # Only what changes the restore graph: PublishSingleFile or PublishTrimmed as global properties would add the
    # implicit ILLink.Tasks reference to every project's lock file; the publish finds ILLink without it.
    dotnet restore "${project[$app]}" --locked-mode --nologo -v quiet -p:PublishReadyToRun=true -p:SelfContained=true >&2
    lock=(--no-restore)
  fi
  echo "publish: $app $rid (trimmed: $trim)" >&2
  if [ "$aot" = true ]; then
    # AOT analysis warnings (dependencies' IL2091/IL3050...) are reported, not fatal: the scenario run judges the build.
    dotnet publish "${project[$app]}" -r "$rid" "${common[@]}" "${lock[@]}" -p:TreatWarningsAsErrors=false -o "$dir" \
      | tee "$dir.aot-log.txt" >&2
    grep -oE 'warning (IL|SYSLIB)[0-9]+: [^[]*' "$dir.aot-log.txt" | LC_ALL=C sort | uniq -c | sort -rn >"$dir.aot-warnings.txt" || true
    echo "publish: $app $rid AOT warnings: $(wc -l <"$dir.aot-warnings.txt") distinct (see $dir.aot-warnings.txt)" >&2
  else
    dotnet publish "${project[$app]}" -r "$rid" "${common[@]}" "${lock[@]}" -p:PublishTrimmed="$trim" -o "$dir" >&2
  fi
}

write_manifest() { # bundle
  local bundle=$1 first=true
  {
    printf '{\n  "format": 1,\n  "version": "%s",\n  "commit": "%s",\n  "minUpdateFrom": "%s",\n' "$version" "$commit" "$min_update_from"
    printf '  "schemaVersion": %s,\n  "rollback": %s,\n  "files": [' "$schema" "$rollback"
    while IFS= read -r file; do
      local exec=false
      [ -x "$bundle/$file" ] && exec=true
      $first || printf ','
      first=false
      printf '\n    { "path": "%s", "sha256": "%s", "size": %s, "executable": %s }' \
        "$file" "$(sha256sum "$bundle/$file" | cut -d' ' -f1)" "$(stat -c %s "$bundle/$file")" "$exec"
    done < <(cd "$bundle" && find . -type f ! -name manifest.json ! -name manifest.json.sig | sed 's|^\./||' | LC_ALL=C sort)
    printf '\n  ]\n}\n'
  } >"$bundle/manifest.json"
}

for rid in "${rids[@]}"; do
  name="panelagent-$version-$rid"
  [ "$aot" = true ] && name="$name-aot"
  bundle="$out/$name"
  staging="$out/obj/$name"
  rm -rf "$bundle" "$staging"
  mkdir -p "$bundle/systemd" "$staging"
  for app in "${apps[@]}"; do
    publish_app "$app" "$rid" "$staging/$app"
    cp "$staging/$app/$app" "$bundle/$app"
    # Native libraries stay beside the binary (not extracted at run time: the unit's file system is read-only).
    find "$staging/$app" -maxdepth 1 -name '*.so' -exec cp -n {} "$bundle/" \;
  done
  cp -r hardware/systemd/. "$bundle/systemd/"
  # hardware/ keeps its layout, so the scenarios' "hardware/panels/sim-villa.json" resolves inside the bundle.
  mkdir -p "$bundle/hardware"
  cp -r hardware/scenarios hardware/panels "$bundle/hardware/"
  find "$bundle" -type f -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
  write_manifest "$bundle"
  if [ "$unsigned" = false ]; then
    openssl dgst -sha256 -sign "$key_file" -out "$bundle/manifest.json.sig" "$bundle/manifest.json"
  fi
  touch -h -d "@$SOURCE_DATE_EPOCH" "$bundle"/manifest.json*
  tar --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner -C "$out" -cf - "$name" \
    | gzip -n -9 >"$out/$name.tar.gz"
  echo "publish: $bundle ($version, schema $schema, $(du -sh "$bundle" | cut -f1)) and $name.tar.gz"
done
