# Shared by normalize.sh, tag.sh and align.sh; sourced, not run:
#
#   SCRIPT_NAME=tag.sh
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#
# Paths, messages, option checks, the corpora folder (--corpora), the
# release build (or LEXALIGN_BIN), the peers' virtualenv, the mixed corpus,
# bench.py plans, peak RSS and the report's common metadata. Each script
# keeps its own options, peers and report. Progress and errors go to stderr,
# as everywhere in Benchmarks/.
# shellcheck shell=bash

# ------------------------------------------------------------------ paths

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(dirname "$BENCH_DIR")"
SHARED_DIR="$(cd "$REPO_ROOT/.." && pwd)/shared"
CORPORA_DEFAULT="$SHARED_DIR/corpora"
VENV="$BENCH_DIR/.venv"
DATA_DIR="$BENCH_DIR/.data"
PEERS_DIR="$BENCH_DIR/peers"
PY="$VENV/bin/python"

SCRIPT_NAME="${SCRIPT_NAME:-$(basename "$0")}"
DO_BUILD=1        # cleared by --no-build or LEXALIGN_BIN
WORK=""           # per-run temp folder, removed on exit (bench_start)
LEXALIGN=""       # path of the binary under test (build_lexalign)
LOAD_START=""     # load average when the run started (bench_start)
CORPORA_OPT=""    # --corpora DIR as given (each script's parse_args)
CORPORA_DIR=""    # the corpora folder, absolute (corpora_resolve)

# --------------------------------------------------------------- messages

say() { printf '==> %s\n' "$*" >&2; }
note() { printf '    %s\n' "$*" >&2; }
die() { printf '%s: error: %s\n' "$SCRIPT_NAME" "$*" >&2; exit 1; }
# An input the user points to (the corpora, align_eval.py) is missing: exit 2.
die_input() { printf '%s: error: %s\n' "$SCRIPT_NAME" "$*" >&2; exit 2; }

# require_int OPTION VALUE [MIN]: an integer >= MIN (default 1), or die.
require_int() {
  local opt="$1" value="$2" min="${3:-1}"
  if [[ ! "$value" =~ ^[0-9]+$ ]] || ((10#$value < min)); then
    die "$opt must be an integer >= $min (got '$value')"
  fi
}

# --------------------------------------------------------------- per run

# Records the start load and creates WORK (removed on exit). PREFIX names it.
bench_start() {
  LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")"
  trap 'rm -rf "$WORK"' EXIT
}

# --------------------------------------------------------------- lexalign

# LEXALIGN_BIN=PATH, or `swift build -c release --product lexalign` unless
# DO_BUILD=0 (--no-build), then the release binary. Sets LEXALIGN.
build_lexalign() {
  if [[ -n "${LEXALIGN_BIN:-}" ]]; then
    [[ -x "$LEXALIGN_BIN" ]] || die "LEXALIGN_BIN=$LEXALIGN_BIN is not an executable"
    LEXALIGN="$LEXALIGN_BIN"
    say "Using LEXALIGN_BIN=$LEXALIGN (no build)"
    return
  fi
  command -v swift >/dev/null || die "swift not found on PATH (or set LEXALIGN_BIN)"
  if ((DO_BUILD)); then
    say "Building release binary: swift build -c release --product lexalign"
    (cd "$REPO_ROOT" && swift build -c release --product lexalign) >&2 \
      || die "release build failed (retry, or use --no-build / LEXALIGN_BIN=PATH with an existing binary)"
  fi
  LEXALIGN="$(cd "$REPO_ROOT" && swift build -c release --show-bin-path)/lexalign"
  [[ -x "$LEXALIGN" ]] || die "no binary at $LEXALIGN (drop --no-build, or set LEXALIGN_BIN)"
}

# `--version`: the release, ICU and Unicode data and the built-in lexicon, on one line.
lexalign_version() {
  { "$LEXALIGN" --version 2>&1 || true; } | sed -n '1p'
}

# "binary is older than X (built DATE)" when a file under the given paths
# (relative to the repository) is newer than LEXALIGN; nothing otherwise.
lexalign_staleness() {
  local newer path paths=()
  for path in "$@"; do paths+=("$REPO_ROOT/$path"); done
  newer="$(find "${paths[@]}" -type f -newer "$LEXALIGN" 2>/dev/null \
    | sed "s|^$REPO_ROOT/||" | head -n 5 | paste -sd ',' - || true)"
  [[ -z "$newer" ]] || printf 'binary is older than %s (built %s)' "$newer" \
    "$(date -u -r "$LEXALIGN" '+%Y-%m-%d %H:%M UTC')"
}

# ------------------------------------------------------------------ peers

# pip's output goes to a log, shown only when something fails.
pip_quiet() {
  "$VENV/bin/pip" install --disable-pip-version-check "$@" >>"$VENV/pip-install.log" 2>&1
}

# The peers' virtualenv (Benchmarks/.venv, shared by all scripts), created
# when missing.
venv_create() {
  [[ -x "$PY" ]] && return 0
  say "Creating virtualenv $VENV"
  python3 -m venv "$VENV" || die "python3 -m venv failed (Debian: apt-get install -y python3-venv)"
  pip_quiet --upgrade pip || true
}

# venv_require PIP-SPEC CHECK [ARGS...]: when `CHECK ARGS...` fails,
# `pip install PIP-SPEC` (words split) and try CHECK again; its status is
# the result.
venv_require() {
  local spec="$1"; shift
  "$@" && return 0
  note "pip install $spec"
  # shellcheck disable=SC2086  # a spec may be several words
  pip_quiet $spec || note "pip install $spec failed; see $VENV/pip-install.log"
  "$@"
}

# ---------------------------------------------------------------- corpora

# Sets CORPORA_DIR (absolute) from --corpora DIR, else $LEXALIGN_CORPORA,
# else ../shared/corpora next to the repository; exits 2, naming the path
# and where it came from, when that is not a folder. Each script calls it
# right after parse_args, before any build or venv work.
corpora_resolve() {
  local dir from
  if [[ -n "$CORPORA_OPT" ]]; then
    dir="$CORPORA_OPT" from="given with --corpora"
  elif [[ -n "${LEXALIGN_CORPORA:-}" ]]; then
    dir="$LEXALIGN_CORPORA" from="from LEXALIGN_CORPORA; pass --corpora DIR to override"
  else
    dir="$CORPORA_DEFAULT" from="the default, ../shared/corpora next to the repository; pass --corpora DIR or set LEXALIGN_CORPORA"
  fi
  [[ -d "$dir" ]] || die_input "corpora folder not found: $dir ($from)"
  CORPORA_DIR="$(cd "$dir" && pwd -P)"
}

# corpora_require FILE...: exits 2 unless every FILE (relative to
# CORPORA_DIR) is there, listing the missing ones.
corpora_require() {
  local f missing=()
  for f in "$@"; do [[ -f "$CORPORA_DIR/$f" ]] || missing+=("$f"); done
  ((${#missing[@]} == 0)) || die_input "corpora folder $CORPORA_DIR lacks: ${missing[*]} (point --corpora DIR at another folder)"
}

# ----------------------------------------------------------------- corpus

# Exits 2 unless CORPORA_DIR has every file make_corpus.py reads (its own
# check, so the list of sources stays in one place).
corpus_check() {
  python3 "$PEERS_DIR/make_corpus.py" --corpora "$CORPORA_DIR" --check || exit 2
}

# .data/mixed-<MB>mb.txt, generated once by peers/make_corpus.py from every
# text line of CORPORA_DIR. Deterministic, so mixed-5mb.txt is a line-prefix
# of mixed-50mb.txt. The folder it came from is kept in mixed-<MB>mb.txt.source;
# a file made from another folder is regenerated (one without .source
# predates --corpora and counts as made from the default folder). Prints the
# path.
ensure_corpus() {
  local mb="$1" file="$DATA_DIR/mixed-${1}mb.txt" made_from
  mkdir -p "$DATA_DIR"
  if [[ -s "$file" ]]; then
    if [[ -f "$file.source" ]]; then
      made_from="$(cat "$file.source")"
    else
      made_from="$(cd "$CORPORA_DEFAULT" 2>/dev/null && pwd -P || echo "$CORPORA_DEFAULT")"
    fi
    if [[ "$made_from" != "$CORPORA_DIR" ]]; then
      say "Cached $file was made from $made_from, not $CORPORA_DIR: regenerating"
      rm -f "$file" "$file.source"
    fi
  fi
  if [[ ! -s "$file" ]]; then
    say "Generating ${mb} MB corpus $file from $CORPORA_DIR"
    rm -f "$file.source"
    python3 "$PEERS_DIR/make_corpus.py" --corpora "$CORPORA_DIR" --mb "$mb" --out "$file"
    printf '%s\n' "$CORPORA_DIR" >"$file.source"
  fi
  printf '%s\n' "$file"
}

# ----------------------------------------------------------------- timing

# One line of a bench.py plan: tool, form, jobs, input, stdin or "-", argv...
plan_line() {
  local plan="$1"; shift
  local IFS=$'\t'
  printf '%s\n' "$*" >>"$plan"
}

# Peak RSS in KiB of one run of the given command (stdout to /dev/null):
# GNU time's "Maximum resident set size", or without it Python's
# getrusage(RUSAGE_CHILDREN) (bench.py maxrss; reads ~15 MB too high).
max_rss_kib() {
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -v -o "$WORK/time-v.txt" "$@" >/dev/null 2>"$WORK/time-stderr.txt" \
      || die "memory run failed: $* ($(tail -n 3 "$WORK/time-stderr.txt"))"
    awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time-v.txt"
  else
    python3 "$PEERS_DIR/bench.py" maxrss -- "$@"
  fi
}

max_rss_how() {
  if [[ -x /usr/bin/time ]]; then echo "/usr/bin/time -v"; else echo "getrusage(RUSAGE_CHILDREN)"; fi
}

# ----------------------------------------------------------------- report

# The first metadata lines of every report (key TAB value): date, machine,
# load average at start and now, the binary.
meta_common() {
  local cpu
  cpu="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || true)"
  printf 'date\t%s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
  printf 'machine\t%s cores (nproc), %s, %s, %s MB RAM\n' "$(nproc)" "${cpu:-unknown CPU}" "$(uname -sr)" \
    "$(awk '/^MemTotal/ {printf "%d", $2 / 1024}' /proc/meminfo)"
  printf 'load average at start / end\t%s / %s\n' "$LOAD_START" "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf 'corpora\t%s\n' "$CORPORA_DIR"
  # shellcheck disable=SC2016  # the backticks are Markdown, not a command
  printf 'lexalign\t%s (`%s`)\n' "$(lexalign_version)" "$LEXALIGN"
}

# callgrind_count TOOL FORM INPUT ARGV...: runs ARGV under callgrind and appends
# "tool form bytes instructions" to $WORK/instructions.tsv (instructions of the
# whole process, start-up included: this machine has no hardware counters).
callgrind_count() {
  local tool="$1" form="$2" input="$3"; shift 3
  local total
  # Valgrind 3.19 gives up on the DWARF of a Swift release build ("possibly corrupted
  # debuginfo"): lexalign runs as a copy without debug sections, the same code.
  if [[ "$1" == "$LEXALIGN" ]] && command -v objcopy >/dev/null; then
    [[ -x "$WORK/lexalign-nodebug" ]] || objcopy --strip-debug "$LEXALIGN" "$WORK/lexalign-nodebug" \
      || { note "objcopy could not copy $LEXALIGN"; return; }
    set -- "$WORK/lexalign-nodebug" "${@:2}"
  fi
  valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind.out" "$@" >/dev/null 2>"$WORK/callgrind.log" \
    || { note "callgrind failed for $tool $form (see $WORK/callgrind.log)"; return; }
  total="$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$WORK/callgrind.log" | tail -n1)"
  [[ -n "$total" ]] || { note "no instruction count for $tool $form"; return; }
  printf '%s\t%s\t%s\t%s\n' "$tool" "$form" "$(wc -c <"$input")" "$total" >>"$WORK/instructions.tsv"
  note "$tool $form: $total instructions"
}
