#!/usr/bin/env bash
# Builds a release `lexalign` with the Swift runtime and Foundation linked in
# (--static-swift-stdlib), so a machine needs only glibc and the system ICU
# (libicu72 on Debian 12, which brings libstdc++6) to run it: a Spark worker,
# a container, a CI runner.
#
#   scripts/build-release.sh [--output PATH] [--scratch-path DIR]
#
#   --output PATH        where the stripped binary goes (default: dist/lexalign)
#   --scratch-path DIR   SwiftPM's build folder (default: .build-release, so the
#                        everyday .build is left alone)
#
# Relative paths are taken from the folder you run the script in. Prints the
# binary's size, what it links dynamically (ldd) and its --version, and fails
# if any Swift runtime library would still be loaded from the toolchain.
set -euo pipefail

script_name="build-release.sh"
say() { printf '==> %s\n' "$*" >&2; }
die() { printf '%s: error: %s\n' "$script_name" "$*" >&2; exit 1; }
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
output="$repo_root/dist/lexalign"
scratch="$repo_root/.build-release"

absolute() { case "$1" in /*) printf '%s\n' "$1" ;; *) printf '%s/%s\n' "$PWD" "$1" ;; esac; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --output) [[ $# -ge 2 && -n "$2" ]] || die "--output needs a path"; output="$(absolute "$2")"; shift 2 ;;
    --output=*) output="$(absolute "${1#*=}")"; shift ;;
    --scratch-path) [[ $# -ge 2 && -n "$2" ]] || die "--scratch-path needs a folder"; scratch="$(absolute "$2")"; shift 2 ;;
    --scratch-path=*) scratch="$(absolute "${1#*=}")"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument '$1'" ;;
  esac
done
[[ -d "$output" ]] && die "--output $output is a folder; give the binary's path (e.g. $output/lexalign)"

for tool in swift strip ldd; do
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' not found on PATH"
done

cd "$repo_root"
swift_build=(swift build -c release --static-swift-stdlib --scratch-path "$scratch")
say "Building: ${swift_build[*]} --product lexalign"
"${swift_build[@]}" --product lexalign >&2 || die "the release build failed (see above)"
built="$("${swift_build[@]}" --show-bin-path)/lexalign"
[[ -x "$built" ]] || die "the build reported success but $built is missing"

# Strip a copy next to the destination and check it there; only a binary that
# passes every check replaces the output, so a failed run never leaves a
# binary that needs the toolchain where CI or Spark would pick it up.
mkdir -p "$(dirname "$output")"
staging="$(mktemp "$(dirname "$output")/.lexalign.XXXXXX")"
trap 'rm -f "$staging"' EXIT
cp "$built" "$staging"
strip "$staging" || die "strip failed on $staging"
chmod 755 "$staging"

# What the dynamic loader would load. Any Swift runtime library here means the
# binary only works where a Swift toolchain is installed.
linked="$(ldd "$staging" 2>&1)" || die "ldd failed on $built: $linked"
swift_libs="$(grep -E 'libswift|libFoundation|libdispatch|libBlocksRuntime|lib_Foundation|libCoreFoundation' <<<"$linked" || true)"
if [[ -n "$swift_libs" ]]; then
  printf '%s\n' "$linked" >&2
  die "$built still links Swift runtime libraries dynamically:
$swift_libs
(was --static-swift-stdlib dropped, or does a dependency force a dynamic runtime?)"
fi
missing="$(grep 'not found' <<<"$linked" || true)"
[[ -z "$missing" ]] || die "$built needs libraries this machine lacks:
$missing"

# Smoke test with an empty environment: no LD_LIBRARY_PATH, no PATH, no
# toolchain folders, as under Spark's RDD.pipe.
version="$(env -i "$staging" --version 2>&1)" || die "'lexalign --version' failed with an empty environment: $version"
tagged="$(printf 'Kabul\n' | env -i "$staging" tag --jobs 1 --quiet 2>&1)" \
  || die "'lexalign tag' failed with an empty environment: $tagged"
grep -q '"id":"place:kabul"' <<<"$tagged" || die "'lexalign tag' did not find Kabul: $tagged"

mv -f "$staging" "$output"
trap - EXIT

size="$(stat -c %s "$output")"
icu="$(grep -oE 'libicu[a-z0-9]*\.so\.[0-9]+' <<<"$linked" | sort -u | paste -sd ' ' - || true)"
echo "binary:  $output"
echo "size:    $size bytes ($(numfmt --to=iec-i --suffix=B "$size"), stripped)"
echo "ICU:     ${icu:-none linked}"
echo "ldd:"
sed 's/^[[:space:]]*/  /' <<<"$linked"
echo "version:"
sed 's/^/  /' <<<"$version"
