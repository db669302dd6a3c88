#!/usr/bin/env bash
# Benchmark `lexalign normalize` against peer normalisers on a mixed
# English/Dari/Pashto corpus. See Benchmarks/README.md, or run with --help.
#
# The Markdown report goes to stdout; progress and notes go to stderr, so
#   Benchmarks/normalize.sh > report.md
# gives a clean report.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: Benchmarks/normalize.sh [options]

Times `lexalign normalize` (--form key/text/latin, --jobs 1/2) and peer
normalisers (normality, hazm, anyascii, Python's NFKC + casefold, uconv -x
NFKC) on the same mixed English/Dari/Pashto corpus, and prints a Markdown
table of median wall times. An ICU-limit row is a C program built here
(peers/icu_limit.c: UTF-8 -> UTF-16 -> NFKC_Casefold -> UTF-8 per line,
ICU's C API alone). With valgrind installed, a second table gives the
instructions per input byte (callgrind) of lexalign's forms, the ICU limit and
Python's NFKC + casefold on a 2 MB sample, and of the key form on 20 MB: the
figure this machine can measure without hardware counters.

Options:
  --corpora DIR     the corpora folder the mixed corpus is made from
                    (ntrex128/, tico19/, flores-v1-ps/); default
                    $LEXALIGN_CORPORA, else ../shared/corpora next to the
                    repository. A missing folder is an error (exit 2).
  --mb N            corpus size in MiB (default 50)
  --runs N          timed runs per command; the median is reported (default 5)
  --peer-mb N       slow peers (see --prefix-peers) run on the first N MiB only
                    (default 5; 0 = whole corpus for every peer)
  --prefix-peers L  comma-separated slow peers for --peer-mb (default: hazm)
  --no-build        do not run `swift build -c release` first
  --memory          measure peak RSS of `lexalign normalize --form key` on a
                    1 GiB corpus (default)
  --no-memory       skip the memory check
  --no-instructions skip the callgrind instruction counts
  -h, --help        show this help

Environment:
  LEXALIGN_CORPORA=DIR
                    the corpora folder when --corpora is not given.
  LEXALIGN_BIN=PATH use this binary instead of building; implies --no-build.
                    LEXALIGN_BIN=/bin/cat is accepted as a pass-through
                    stand-in (called as `cat FILE`) to test the harness itself.
  HAZM_INSTALL=minimal
                    skip the full `pip install hazm` and install only what
                    hazm's Normalizer imports (see install_hazm below).

Files: Benchmarks/.venv (peers' virtualenv) and Benchmarks/.data (generated
corpora, up to ~1.1 GiB with --memory; regenerated when made from another
corpora folder); both are created on demand and must stay out of git.
EOF
}

# ------------------------------------------------------------------ settings

# Paths (BENCH_DIR, DATA_DIR, VENV, PY, ...), say/note/die, corpora_resolve,
# build_lexalign, the venv, ensure_corpus, plan_line, max_rss_kib, meta_common.
SCRIPT_NAME=normalize.sh
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CORPUS_MB=50
RUNS=5
PEER_MB=5
PREFIX_PEERS="hazm"
DO_MEMORY=1
MEMORY_MB=1024
DO_INSTRUCTIONS=1
SAMPLE_BYTES=2000000
LARGE_SAMPLE_BYTES=20000000
ICU_LIMIT=""      # the built C reference, when it builds

PEERS=()          # peers that are installed and working
SKIPPED=()        # "peer: reason" lines, shown in the report

parse_args() {
  while (($#)); do
    case "$1" in
      --corpora) CORPORA_OPT="${2:?--corpora needs a folder}"; shift 2 ;;
      --mb) CORPUS_MB="${2:?--mb needs a number}"; shift 2 ;;
      --runs) RUNS="${2:?--runs needs a number}"; shift 2 ;;
      --peer-mb) PEER_MB="${2:?--peer-mb needs a number}"; shift 2 ;;
      --prefix-peers) PREFIX_PEERS="${2?--prefix-peers needs a list}"; shift 2 ;;
      --no-build) DO_BUILD=0; shift ;;
      --memory) DO_MEMORY=1; shift ;;
      --no-memory) DO_MEMORY=0; shift ;;
      --no-instructions) DO_INSTRUCTIONS=0; shift ;;
      -h|--help) usage; exit 0 ;;
      *) usage >&2; die "unknown option: $1" ;;
    esac
  done
  require_int --mb "$CORPUS_MB"
  require_int --runs "$RUNS"
  require_int --peer-mb "$PEER_MB" 0
  if [[ -n "${LEXALIGN_BIN:-}" ]]; then DO_BUILD=0; fi
}

# --------------------------------------------------------------- lexalign

# The argv that normalises FILE with the given form and jobs (empty = tool's
# default), one word a line for mapfile. The /bin/cat stand-in gets only the
# file, so the whole harness can be exercised before lexalign exists.
lexalign_argv() {
  local form="$1" jobs="$2" file="$3"
  if [[ "$(basename "$LEXALIGN")" == cat ]]; then
    printf '%s\n' "$LEXALIGN" "$file"
    return
  fi
  printf '%s\n' "$LEXALIGN" normalize --form "$form"
  [[ -z "$jobs" ]] || printf '%s\n' --jobs "$jobs"
  printf '%s\n' "$file"
}

# ------------------------------------------------------------------ peers

peer_works() { "$PY" "$PEERS_DIR/normalize_peer.py" --version "$1" >/dev/null 2>&1; }

# hazm 0.10.0 (the newest PyPI serves for Python 3.11) pins numpy==1.24.3 and
# pulls gensim, scikit-learn, scipy, fasttext-wheel, python-crfsuite and nltk
# (~400 MB), because `import hazm` loads the whole toolkit. On this machine
# (Python 3.11, Debian 12) the full install works from wheels in about a
# minute, so it is tried first: that is what a hazm user has, import cost
# included. Where it fails (no wheel for numpy 1.24.3 / fasttext on a newer
# Python, or no compiler) we install `hazm --no-deps` plus nltk and flashtext,
# the only third-party packages Normalizer's own modules import;
# peers/normalize_peer.py then imports those modules without hazm/__init__.py.
# Same normalising code, less start-up. The report says which import was used.
install_hazm() {
  if [[ "${HAZM_INSTALL:-full}" != minimal ]]; then
    note "pip install hazm (full; pulls numpy, scipy, scikit-learn, gensim, ...)"
    if pip_quiet hazm; then return 0; fi
    note "full hazm install failed (see $VENV/pip-install.log); trying Normalizer-only install"
  fi
  note "pip install --no-deps hazm; pip install nltk flashtext"
  pip_quiet --no-deps hazm && pip_quiet nltk flashtext
}

setup_venv() {
  venv_create
  say "Checking Python peers in $VENV"
  local peer
  for peer in normality anyascii; do
    venv_require "$peer" peer_works "$peer" || true
  done
  if ! peer_works hazm; then
    install_hazm || note "hazm install failed; see $VENV/pip-install.log"
  fi
  for peer in normality hazm anyascii nfkc-casefold; do
    if peer_works "$peer"; then
      PEERS+=("$peer")
    else
      SKIPPED+=("$peer: not importable after install (see Benchmarks/.venv/pip-install.log)")
      say "NOTE: skipping peer $peer: it does not import (see $VENV/pip-install.log)"
    fi
  done
}

# The ICU-limit reference (peers/icu_limit.c), built into the work folder.
build_icu_limit() {
  if ! command -v cc >/dev/null || ! pkg-config --exists icu-uc 2>/dev/null; then
    SKIPPED+=("icu-c: needs cc and pkg-config's icu-uc (apt-get install -y gcc pkg-config libicu-dev)")
    return
  fi
  # shellcheck disable=SC2046 # pkg-config prints several flags
  if cc -O2 -o "$WORK/icu_limit" "$PEERS_DIR/icu_limit.c" $(pkg-config --cflags --libs icu-uc) 2>"$WORK/icu_limit.log"; then
    ICU_LIMIT="$WORK/icu_limit"
    PEERS+=(icu-c)
  else
    SKIPPED+=("icu-c: did not build (see $WORK/icu_limit.log)")
  fi
}

check_uconv() {
  if command -v uconv >/dev/null; then
    PEERS+=(uconv)
  else
    SKIPPED+=("uconv: not installed (apt-get install -y icu-devtools)")
    say "NOTE: uconv not found, skipping the uconv peer. Install it with: apt-get install -y icu-devtools"
  fi
}

peer_version() {
  case "$1" in
    uconv) uconv --version 2>&1 | head -n1 ;;
    icu-c) printf 'peers/icu_limit.c, cc -O2, ICU %s\n' "$(pkg-config --modversion icu-uc)" ;;
    *) "$PY" "$PEERS_DIR/normalize_peer.py" --version "$1" 2>/dev/null ;;
  esac
}

# Slow peers (e.g. hazm at ~0.5 MB/s) run on a prefix, so one run takes
# seconds, not minutes.
is_prefix_peer() {
  ((PEER_MB > 0 && PEER_MB < CORPUS_MB)) || return 1
  [[ ",$PREFIX_PEERS," == *",$1,"* ]]
}

# ----------------------------------------------------------------- timing

plan_lexalign() {
  local form="$1" jobs="$2" file="$3" argv
  mapfile -t argv < <(lexalign_argv "$form" "$jobs" "$file")
  plan_line "$WORK/plan.tsv" lexalign "$form" "$jobs" "$file" - "${argv[@]}"
}

# Two one-job processes at once, each on half of FILE (split at the line
# nearest the middle): the speed-up this machine gives two workers that share
# nothing, beside which --jobs 2 is judged (bench.py times the pair as one).
plan_pair() {
  local form="$1" file="$2" half argv=()
  python3 - "$file" "$WORK/half-1.txt" "$WORK/half-2.txt" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
cut = data.find(b"\n", len(data) // 2) + 1 or len(data)
open(sys.argv[2], "wb").write(data[:cut])
open(sys.argv[3], "wb").write(data[cut:])
PY
  for half in "$WORK/half-1.txt" "$WORK/half-2.txt"; do
    ((${#argv[@]} == 0)) || argv+=(--and--)
    mapfile -t -O "${#argv[@]}" argv < <(lexalign_argv "$form" 1 "$half")
  done
  plan_line "$WORK/plan.tsv" lexalign "$form" 1+1 "$file" - "${argv[@]}"
}

plan_peer() {
  local peer="$1" file="$2"
  case "$peer" in
    uconv) plan_line "$WORK/plan.tsv" uconv "-x NFKC" - "$file" "$file" uconv -x NFKC ;;
    icu-c) plan_line "$WORK/plan.tsv" icu-c "NFKC_CF per line" - "$file" - "$ICU_LIMIT" "$file" ;;
    nfkc-casefold) plan_line "$WORK/plan.tsv" nfkc-casefold "NFKC+casefold()" - "$file" - "$PY" "$PEERS_DIR/normalize_peer.py" nfkc-casefold "$file" ;;
    normality) plan_line "$WORK/plan.tsv" normality "normalize()" - "$file" - "$PY" "$PEERS_DIR/normalize_peer.py" normality "$file" ;;
    hazm) plan_line "$WORK/plan.tsv" hazm "Normalizer()" - "$file" - "$PY" "$PEERS_DIR/normalize_peer.py" hazm "$file" ;;
    anyascii) plan_line "$WORK/plan.tsv" anyascii "anyascii()" - "$file" - "$PY" "$PEERS_DIR/normalize_peer.py" anyascii "$file" ;;
  esac
}

make_plan() {
  local full="$1" prefix="$2" peer need_prefix=0
  : >"$WORK/plan.tsv"
  plan_lexalign key 1 "$full"
  plan_lexalign text 1 "$full"
  plan_lexalign latin 1 "$full"
  plan_lexalign key 2 "$full"
  plan_pair key "$full"
  for peer in "${PEERS[@]}"; do
    if is_prefix_peer "$peer"; then
      plan_peer "$peer" "$prefix"
      need_prefix=1
    else
      plan_peer "$peer" "$full"
    fi
  done
  # lexalign on the prefix too, so slow peers are compared on equal input.
  if ((need_prefix)); then
    plan_lexalign key 1 "$prefix"
    plan_lexalign text 1 "$prefix"
    plan_lexalign latin 1 "$prefix"
  fi
}

run_timings() {
  say "Timing ${RUNS} rounds (each round runs every command once; median reported)"
  # Read the inputs once so the first round does not pay for the disk.
  cat "$@" >/dev/null
  : >"$WORK/empty.txt"
  python3 "$PEERS_DIR/bench.py" run --plan "$WORK/plan.tsv" --runs "$RUNS" \
    --startup "$WORK/empty.txt" --out "$WORK/results.json"
}

# ----------------------------------------------------------------- memory

# A streaming normaliser's peak RSS should not grow with the input: measure
# on the benchmark corpus and on a 1 GiB one (generated and cached once; a
# file, not a pipe, because lexalign is benchmarked on FILE arguments).
memory_check() {
  local small="$1" big argv kib file how
  big="$(ensure_corpus "$MEMORY_MB")"
  how="$(max_rss_how)"
  say "Memory check with $how"
  : >"$WORK/memory.tsv"
  for file in "$small" "$big"; do
    mapfile -t argv < <(lexalign_argv key "" "$file")
    kib="$(max_rss_kib "${argv[@]}")"
    note "$(basename "$file"): max RSS $(awk -v k="$kib" 'BEGIN {printf "%.1f", k / 1024}') MB"
    printf '%s\t%s\t%s\n' "lexalign normalize --form key $(basename "$file") (default --jobs: $(nproc))" "$file" "$kib" >>"$WORK/memory.tsv"
  done
}

# ----------------------------------------------------------- instructions

# Instructions per input byte under callgrind (this machine has no hardware
# counters): lexalign's three forms with --jobs 1, the ICU limit and Python's
# NFKC + casefold, each on the same sample of whole lines. Deterministic, so
# one run each; start-up is included (a few million instructions).
count_instructions() {
  local full="$1" sample="$WORK/sample.txt" argv
  if ! command -v valgrind >/dev/null; then
    SKIPPED+=("instructions per byte: valgrind not installed (apt-get install -y valgrind)")
    return
  fi
  head -c "$SAMPLE_BYTES" "$full" | sed '$d' >"$sample"
  say "Counting instructions with callgrind on $(wc -c <"$sample") bytes"
  : >"$WORK/instructions.tsv"
  local form
  for form in key text latin; do
    mapfile -t argv < <(lexalign_argv "$form" 1 "$sample")
    callgrind_count lexalign "$form" "$sample" "${argv[@]}"
  done
  [[ -n "$ICU_LIMIT" ]] && callgrind_count icu-c "NFKC_CF per line" "$sample" "$ICU_LIMIT" "$sample"
  if [[ " ${PEERS[*]} " == *" nfkc-casefold "* ]]; then
    callgrind_count nfkc-casefold "NFKC+casefold()" "$sample" "$PY" "$PEERS_DIR/normalize_peer.py" nfkc-casefold "$sample"
  fi
  # The key form on 20 MB as well: start-up (about 31 M instructions, most of it the argument
  # parser and the dynamic loader) weighs 1.5 a byte there against 15 on the 2 MB sample.
  local large="$WORK/sample-20mb.txt"
  head -c "$LARGE_SAMPLE_BYTES" "$full" | sed '$d' >"$large"
  mapfile -t argv < <(lexalign_argv key 1 "$large")
  callgrind_count lexalign "key" "$large" "${argv[@]}"
}

# ----------------------------------------------------------------- report

write_meta() {
  local full="$1" prefix="$2" peer
  {
    meta_common
    printf 'corpus file\t%s\n' "$full"
    printf 'corpus\t%s MB, eng/prs/pus lines interleaved, unique counters\n' "$CORPUS_MB"
    if [[ "$prefix" != "$full" ]]; then
      printf 'prefix for slow peers\t%s (%s MB)\n' "$(basename "$prefix")" "$PEER_MB"
    fi
    printf 'runs per command\t%s (median reported)\n' "$RUNS"
    printf 'python (peers)\t%s\n' "$("$PY" --version 2>&1)"
    for peer in "${PEERS[@]}"; do
      printf 'peer %s\t%s\n' "$peer" "$(peer_version "$peer")"
    done
    for peer in "${SKIPPED[@]}"; do
      printf 'SKIPPED\t%s\n' "$peer"
    done
  } >"$WORK/meta.tsv"
}

print_report() {
  local extra=()
  [[ -s "$WORK/memory.tsv" ]] && extra+=(--memory "$WORK/memory.tsv")
  [[ -s "$WORK/instructions.tsv" ]] && extra+=(--instructions "$WORK/instructions.tsv")
  python3 "$PEERS_DIR/bench.py" report --results "$WORK/results.json" \
    --meta "$WORK/meta.tsv" "${extra[@]}"
}

# ------------------------------------------------------------------- main

main() {
  parse_args "$@"
  corpora_resolve
  corpus_check
  bench_start lexalign-bench

  build_lexalign
  setup_venv
  check_uconv
  build_icu_limit

  local full prefix="" 
  full="$(ensure_corpus "$CORPUS_MB")"
  prefix="$full"
  if ((PEER_MB > 0 && PEER_MB < CORPUS_MB)); then
    prefix="$(ensure_corpus "$PEER_MB")"
  fi

  make_plan "$full" "$prefix"
  run_timings "$full" "$prefix"
  if ((DO_MEMORY)); then memory_check "$full"; fi
  if ((DO_INSTRUCTIONS)); then count_instructions "$full"; fi
  write_meta "$full" "$prefix"
  print_report
}

main "$@"
