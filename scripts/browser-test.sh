#!/usr/bin/env bash
# Browser test of `lexalign serve`: a headless Chromium loads the review page and a reviewer's
# work is done with real key events, each result checked in the page and in the files on disk:
#   - text direction and entity highlighting; a bead marked reviewed (r) and saved (Ctrl+S): the
#     bead file differs in that bead's status alone;
#   - merge (m) and undo (u): one bead fewer with the union of the refs, then all back as before;
#   - merge and save: the two rows become one (refs united, auto, texts from the sentence files,
#     the server's score), the rest unchanged, and `lexalign validate` exits 0 on the file;
#   - a bead file changed on disk after the page read it: the save is refused (409) and the file
#     keeps its new content; "Reload from disk" shows it;
#   - a save the server must refuse (a sentence file changed, its pin stale: 422): the page lists
#     the findings and the bead file is unchanged.
#
#   scripts/browser-test.sh [--screenshot PATH] [--binary PATH]
#
#   --screenshot PATH   also save a 1280x900 PNG of the Dari pair view of qosh-tepa-canal
#   --binary PATH       the lexalign to test: it serves, and validates and rescores the saved
#                       file (default: $(swift build --show-bin-path)/lexalign, which must
#                       already be built: this script builds nothing)
#
# Run from the repository root. Installs Debian's chromium with apt-get when it is missing (and
# fonts-noto-core for Dari and Pashto, with --screenshot), and websocket-client from PyPI into
# .build/browser-test-venv. The server works on a copy of Alignments/ in a temporary folder, so
# the repository's files are never changed. The checks are in Tests/Browser/review_page_check.py.
set -euo pipefail

script_name="browser-test.sh"
say() { printf '==> %s\n' "$*" >&2; }
die() { printf '%s: error: %s\n' "$script_name" "$*" >&2; exit 1; }
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }
absolute() { case "$1" in /*) printf '%s\n' "$1" ;; *) printf '%s/%s\n' "$PWD" "$1" ;; esac; }

# The bead the test sets to auto and then reviews in the browser: its source ref in this file.
pair_file="Alignments/qosh-tepa-canal/prs-en.tsv"
chosen_source_ref="5"
# The driver talks to Chromium over the DevTools protocol with this one package. Chosen over
# selenium + chromium-driver: one small pure-Python wheel, and it can send exactly the key events
# a keyboard sends (keydown, char, keyup, with modifiers) and take a screenshot at an exact size.
driver_package="websocket-client==1.9.2"

screenshot=""
binary=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --screenshot)
      [[ $# -ge 2 && -n "$2" ]] || die "--screenshot needs a path"
      screenshot="$(absolute "$2")"; shift 2 ;;
    --screenshot=*) screenshot="$(absolute "${1#*=}")"; shift ;;
    --binary)
      [[ $# -ge 2 && -n "$2" ]] || die "--binary needs a path"
      binary="$(absolute "$2")"; shift 2 ;;
    --binary=*) binary="$(absolute "${1#*=}")"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument '$1'" ;;
  esac
done

[[ -f "$pair_file" && -f Tests/Browser/review_page_check.py ]] \
  || die "run me from the repository root (no $pair_file here)"
if [[ -z "$binary" ]]; then
  binary="$(swift build --show-bin-path)/lexalign" || die "swift build --show-bin-path failed"
fi
[[ -x "$binary" ]] || die "no lexalign binary at $binary: build it first (swift build), or pass --binary"

# ------------------------------------------------------------------------- Debian packages
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# Without a font with Arabic-script glyphs the screenshot shows boxes instead of Dari.
if [[ -n "$screenshot" ]] && ! dpkg -s fonts-noto-core >/dev/null 2>&1; then missing+=(fonts-noto-core); fi
if [[ ${#missing[@]} -gt 0 ]]; then
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || die "apt-get update failed"
  apt-get install -y -qq "${missing[@]}" >/dev/null || die "apt-get install ${missing[*]} failed"
fi
chromium="$(command -v chromium)" || die "chromium is still missing after installing it"

# ------------------------------------------------------------------------------ the driver
venv=".build/browser-test-venv"
if [[ ! -x "$venv/bin/python" ]]; then
  say "creating $venv"
  python3 -m venv "$venv" || die "could not create $venv (Debian: apt-get install python3-venv)"
fi
# Asking PyPI only when the package is missing keeps a reused environment working offline.
if ! "$venv/bin/python" -c 'import websocket' 2>/dev/null; then
  say "pip install $driver_package"
  PIP_DISABLE_PIP_VERSION_CHECK=1 "$venv/bin/python" -m pip install -q "$driver_package" \
    || die "pip could not install $driver_package into $venv"
fi

# ----------------------------------------------------------------------------- work area
root="$(mktemp -d "${TMPDIR:-/tmp}/lexalign-browser-root.XXXXXX")"
scratch="$(mktemp -d "${TMPDIR:-/tmp}/lexalign-browser-scratch.XXXXXX")"
server_pid=""
driver_pid=""
# On any exit, also an interrupted one: the driver first (it kills its Chromium on SIGTERM), then
# the server, then the copies.
cleanup() {
  local pid
  for pid in "$driver_pid" "$server_pid"; do
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$root" "$scratch"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

cp -R Alignments "$root/Alignments"
bead_file="$root/$pair_file"
# The line of the chosen bead; it must be reviewed in the repository for the test to mean anything.
line="$(awk -F'\t' -v ref="$chosen_source_ref" '!/^#/ && $1 == ref { print NR; exit }' "$bead_file")"
[[ -n "$line" ]] || die "$pair_file has no bead with source $chosen_source_ref"
status="$(awk -F'\t' -v n="$line" 'NR == n { print $4 }' "$bead_file")"
[[ "$status" == reviewed ]] || die "bead $chosen_source_ref of $pair_file is '$status', not reviewed"

# Only the status column of that line changes. The pins cover the sentence files, not the bead
# file, so the copy stays valid.
awk -v n="$line" 'BEGIN { FS = OFS = "\t" } NR == n { $4 = "auto" } { print }' "$bead_file" >"$scratch/edited.tsv"
diff <(sed "${line}d" "$pair_file") <(sed "${line}d" "$scratch/edited.tsv") >/dev/null \
  || die "setting line $line of $pair_file to auto changed other lines too"
cp "$scratch/edited.tsv" "$bead_file"
cp "$bead_file" "$scratch/before.tsv"
say "bead with source $chosen_source_ref (line $line of $pair_file) set to auto in $root"

# ---------------------------------------------------------------------------------- server
start_seconds=$SECONDS
"$binary" serve --port 0 "$root" 2>"$scratch/serve.log" &
server_pid=$!

server_log_tail() { tail -n 20 "$scratch/serve.log" | sed 's/^/  | /' >&2; }
url=""
for _ in $(seq 1 200); do  # 200 x 0.1 s: the 20 s the server gets to say where it listens
  url="$(sed -nE 's|^lexalign: serving .* at (http://[^ ]+/)$|\1|p' "$scratch/serve.log" | head -n 1)"
  [[ -n "$url" ]] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    server_log_tail
    die "lexalign serve exited before it said where it listens"
  fi
  sleep 0.1
done
[[ -n "$url" ]] || { server_log_tail; die "lexalign serve printed no 'lexalign: serving ROOT at URL' line in 20 s"; }
echo "ok: lexalign serve listens at $url"

# ---------------------------------------------------------------------------------- driver
driver_args=(--url "$url" --root "$root" --binary "$binary" --bead-file "$bead_file"
             --before "$scratch/before.tsv" --line "$line" --chromium "$chromium")
[[ -n "$screenshot" ]] && driver_args+=(--screenshot "$screenshot")
# In the background with `wait`, so that a SIGTERM or Ctrl+C reaches the traps at once rather than
# after the driver's own time-outs.
"$venv/bin/python" Tests/Browser/review_page_check.py "${driver_args[@]}" &
driver_pid=$!
driver_status=0
wait "$driver_pid" || driver_status=$?
driver_pid=""

# ---------------------------------------------------------------------------- clean stop
# Sets server_problem to what went wrong, empty when the server exited 0 on SIGTERM. Runs in this
# shell, not in $(...): only the shell that started the server can wait for its status.
server_problem=""
stop_server() {
  if ! kill -TERM "$server_pid" 2>/dev/null; then
    server_problem="had already exited before SIGTERM"
  fi
  for _ in $(seq 1 100); do  # 10 s to finish its requests and exit
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$server_pid" 2>/dev/null; then
    kill -KILL "$server_pid" 2>/dev/null || true
    server_problem="did not exit within 10 s of SIGTERM (killed)"
  fi
  local status=0
  wait "$server_pid" || status=$?
  server_pid=""
  if [[ -z "$server_problem" ]] && ((status != 0)); then
    server_problem="exited with status $status after SIGTERM"
  fi
}
stop_server

if ((driver_status != 0)); then
  server_log_tail
  die "the review page checks failed (see above)"
fi
if [[ -n "$server_problem" ]]; then
  server_log_tail
  die "lexalign serve $server_problem; a clean stop exits 0"
fi
echo "ok: lexalign serve stopped on SIGTERM with status 0"
echo "browser test passed in $((SECONDS - start_seconds)) s"
