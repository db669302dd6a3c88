#!/usr/bin/env bash
# Benchmark `lexalign align` (sentence alignment) against NLTK's Gale–Church
# on perturbed English–Dari and English–Pashto documents: strict/lax bead F1
# per corpus pair and perturbation rate, then speed and peak memory on one
# long English–Pashto document of 3,000, 10,000 and 20,000 sentences. See
# Benchmarks/README.md, or run with --help.
#
# The Markdown report goes to stdout; progress and notes go to stderr, so
#   Benchmarks/align.sh > align-report.md
# gives a clean report.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: Benchmarks/align.sh [options]

Quality: builds perturbed test documents with align_eval.py (--align-eval)
from five line-parallel corpus pairs of the corpora folder (--corpora):
NTREX-128 eng-prs and eng-pus, TICO-19 eng-prs and eng-pus, FLORES v1
eng-pus, at several perturbation rates; runs `lexalign align --presplit` and
NLTK's Gale-Church (align_eval.py adapt-nltk) on the same documents, and
reports strict and lax bead F1 and seconds per document. Speed: times
`lexalign align --presplit` (whole process, median of runs) and measures its
peak RSS on one long English-Pashto document each of 3,000, 10,000 and 20,000
sentence pairs (perturbed at rate 0.2), plus NLTK once on the 3,000 one.
Prints a Markdown report with the targets and whether they are met.

Options:
  --corpora DIR      the corpora folder (ntrex128/, tico19/, flores-v1-ps/);
                     default $LEXALIGN_CORPORA, else ../shared/corpora next to
                     the repository. A missing folder or file is an error (exit 2).
  --align-eval PATH  align_eval.py to use; default $ALIGN_EVAL, else
                     tools/align_eval.py next to the corpora folder
                     (DIR/../tools/align_eval.py), else ../shared/tools/align_eval.py
                     next to the repository. Missing: an error (exit 2).
  --rates LIST       perturbation rates, comma-separated (default 0,0.1,0.2,0.3)
  --seed N           seed for building the documents (default 1)
  --doc-size N       lines per test document (default 50; documents never
                     cross a NTREX/TICO document boundary, so many are shorter)
  --pairs LIST       corpus pairs, comma-separated, or "all" (default): ntrex-prs,
                     ntrex-pus, tico-prs, tico-pus, flores-pus
  --flores SPLIT     FLORES v1 lines for the quality part: devtest (default),
                     dev, or dev+devtest
  --runs N           timed runs of lexalign per long document and of each
                     aligner's start-up; the median is reported (default 3)
  --long-sizes LIST  long-document sizes in sentence pairs (default 3000,10000,20000;
                     beyond the 10,928 eng-pus lines of all three corpora the
                     text is repeated from its start)
  --long-rate R      perturbation rate of the long documents (default 0.2)
  --nltk-timeout S   time limit for NLTK on the smallest long document
                     (default 300 s; it is O(n*m) in time and memory)
  --quick            rate 0.2 only, pairs ntrex-prs and flores-pus, no NLTK on
                     the long document (explicit --rates/--pairs still apply)
  --no-quality       skip the F1 part
  --no-long          skip the long-document part (speed and memory)
  --no-nltk          do not run the NLTK peer at all
  --no-nltk-long     do not run NLTK on the long document
  --reuse-nltk       reuse NLTK results from an earlier run in Benchmarks/.data/align
                     where the documents, align_eval.py and the nltk version are
                     byte-for-byte the same (NLTK is most of a full run's time);
                     the report marks reused figures
  --no-build         do not run `swift build -c release --product lexalign`
  -h, --help         show this help

Environment:
  LEXALIGN_CORPORA=DIR
                     the corpora folder when --corpora is not given.
  ALIGN_EVAL=PATH    align_eval.py when --align-eval is not given.
  LEXALIGN_BIN=PATH  use this binary instead of building; implies --no-build.
                     Any executable that takes `align --presplit --source-lang en
                     --target-lang prs|ps --format vecalign --source S --target T
                     -o OUT` works, e.g. a wrapper around align_eval.py
                     adapt-diagonal to test the harness itself.

Files (created on demand, git-ignored): Benchmarks/.venv (peers' virtualenv,
shared with normalize.sh and tag.sh; nltk is installed into it) and
Benchmarks/.data/align/ (built documents, every aligner output, per-run
results; rebuilt on every run, except NLTK results kept for --reuse-nltk).
EOF
}

# ------------------------------------------------------------------ settings

# Paths (BENCH_DIR, DATA_DIR, VENV, PY, ...), say/note/die, corpora_resolve,
# build_lexalign, the venv, plan_line, max_rss_kib, meta_common.
SCRIPT_NAME=align.sh
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# align_eval.py: --align-eval PATH, else $ALIGN_EVAL, else derived from the
# corpora folder (align_eval_resolve); absolute once resolved.
ALIGN_EVAL_OPT=""
ALIGN_EVAL="${ALIGN_EVAL:-}"
ALIGN_DIR="$DATA_DIR/align"

ALL_PAIRS=(ntrex-prs ntrex-pus tico-prs tico-pus flores-pus)
RATES="0,0.1,0.2,0.3"
SEED=1
DOC_SIZE=50
PAIRS="all"
FLORES_SPLIT="devtest"
RUNS=3
LONG_SIZES="3000,10000,20000"
LONG_RATE=0.2
NLTK_TIMEOUT=300
SLOW_S=60         # a long-document run slower than this is timed once, not --runs times
QUICK=0
DO_QUALITY=1
DO_LONG=1
DO_NLTK=1
NLTK_LONG=1
REUSE_NLTK=0

PAIR_LIST=()      # pairs of this run
RATE_LIST=()      # rates of this run
SIZE_LIST=()      # long-document sizes of this run
NLTK_VERSION=""   # empty when the peer is not available
SKIPPED=()        # "what: reason" lines, shown in the report
RUN_TSV=""        # what this run measured, read by peers/align_report.py

is_rate() { [[ "$1" =~ ^(0(\.[0-9]+)?|\.[0-9]+|1(\.0*)?)$ ]]; }

parse_args() {
  local rates_set=0 pairs_set=0
  while (($#)); do
    case "$1" in
      --corpora) CORPORA_OPT="${2:?--corpora needs a folder}"; shift 2 ;;
      --align-eval) ALIGN_EVAL_OPT="${2:?--align-eval needs a path}"; shift 2 ;;
      --rates) RATES="${2:?--rates needs a list}"; rates_set=1; shift 2 ;;
      --seed) SEED="${2:?--seed needs a number}"; shift 2 ;;
      --doc-size) DOC_SIZE="${2:?--doc-size needs a number}"; shift 2 ;;
      --pairs) PAIRS="${2:?--pairs needs a list}"; pairs_set=1; shift 2 ;;
      --flores) FLORES_SPLIT="${2:?--flores needs devtest, dev or dev+devtest}"; shift 2 ;;
      --runs) RUNS="${2:?--runs needs a number}"; shift 2 ;;
      --long-sizes) LONG_SIZES="${2:?--long-sizes needs a list}"; shift 2 ;;
      --long-rate) LONG_RATE="${2:?--long-rate needs a number}"; shift 2 ;;
      --nltk-timeout) NLTK_TIMEOUT="${2:?--nltk-timeout needs seconds}"; shift 2 ;;
      --quick) QUICK=1; shift ;;
      --no-quality) DO_QUALITY=0; shift ;;
      --no-long) DO_LONG=0; shift ;;
      --no-nltk) DO_NLTK=0; shift ;;
      --no-nltk-long) NLTK_LONG=0; shift ;;
      --reuse-nltk) REUSE_NLTK=1; shift ;;
      --no-build) DO_BUILD=0; shift ;;
      -h|--help) usage; exit 0 ;;
      *) usage >&2; die "unknown option: $1" ;;
    esac
  done
  if ((QUICK)); then
    ((rates_set)) || RATES=0.2
    ((pairs_set)) || PAIRS=ntrex-prs,flores-pus
    NLTK_LONG=0
  fi
  [[ "$SEED" =~ ^[0-9]+$ ]] || die "--seed must be a non-negative integer (got '$SEED')"
  require_int --doc-size "$DOC_SIZE" 2
  require_int --runs "$RUNS"
  require_int --nltk-timeout "$NLTK_TIMEOUT"
  is_rate "$LONG_RATE" || die "--long-rate must be a number from 0 to 1 (got '$LONG_RATE')"
  case "$FLORES_SPLIT" in devtest|dev|dev+devtest) ;; *) die "--flores must be devtest, dev or dev+devtest" ;; esac

  local item seen=" "
  IFS=, read -r -a RATE_LIST <<<"$RATES"
  ((${#RATE_LIST[@]})) || die "--rates is empty"
  for item in "${RATE_LIST[@]}"; do
    is_rate "$item" || die "--rates: '$item' is not a number from 0 to 1"
    [[ "$seen" != *" $(rate_dir "$item") "* ]] || die "--rates: '$item' repeats a rate"
    seen+="$(rate_dir "$item") "
  done
  if [[ "$PAIRS" == all ]]; then
    PAIR_LIST=("${ALL_PAIRS[@]}")
  else
    IFS=, read -r -a PAIR_LIST <<<"$PAIRS"
    ((${#PAIR_LIST[@]})) || die "--pairs is empty"
    for item in "${PAIR_LIST[@]}"; do
      [[ " ${ALL_PAIRS[*]} " == *" $item "* ]] || die "--pairs: unknown pair '$item' (known: ${ALL_PAIRS[*]})"
    done
  fi
  IFS=, read -r -a SIZE_LIST <<<"$LONG_SIZES"
  ((${#SIZE_LIST[@]})) || die "--long-sizes is empty"
  for item in "${SIZE_LIST[@]}"; do require_int --long-sizes "$item" 2; done
  mapfile -t SIZE_LIST < <(printf '%s\n' "${SIZE_LIST[@]}" | sort -n -u)
  if [[ -n "${LEXALIGN_BIN:-}" ]]; then DO_BUILD=0; fi
  if ((!DO_NLTK)); then NLTK_LONG=0; fi
}

# r000, r010, r020 ...: the folder name of a rate (align_eval bench's naming).
rate_dir() { awk -v r="$1" 'BEGIN { printf "r%03d", int(r * 100 + 0.5) }'; }

# --------------------------------------------------------------- lexalign

# A release binary older than Sources/: it may not be the aligner under review.
# Only for a binary of this checkout's .build, not a LEXALIGN_BIN elsewhere.
staleness_note() {
  [[ "$LEXALIGN" == "$REPO_ROOT"/.build* ]] || return 0
  lexalign_staleness Sources Package.swift
}

# The argv that aligns SRC (English) with TGT in language LANG (prs or ps)
# into OUT, one word a line for mapfile.
lexalign_argv() {
  local lang="$1" src="$2" tgt="$3" out="$4"
  printf '%s\n' "$LEXALIGN" align --presplit --source-lang en --target-lang "$lang" \
    --format vecalign --source "$src" --target "$tgt" -o "$out"
}

# One word for an align_eval shell template: shell-quoted, and its braces
# doubled, because align_eval fills {src} {tgt} {out} with str.format.
tpl_word() {
  local q
  q="$(printf '%q' "$1")"
  q="${q//\{/\{\{}"
  q="${q//\}/\}\}}"
  printf '%s' "$q"
}

lexalign_template() {
  printf '%s align --presplit --source-lang en --target-lang %s --format vecalign --source {src} --target {tgt} -o {out}' \
    "$(tpl_word "$LEXALIGN")" "$1"
}

nltk_template() {
  printf '%s %s adapt-nltk {src} {tgt} {out}' "$(tpl_word "$PY")" "$(tpl_word "$ALIGN_EVAL")"
}

# ------------------------------------------------------------------ peers

nltk_works() { "$PY" -c 'from nltk.translate import gale_church' >/dev/null 2>&1; }

setup_venv() {
  ((DO_NLTK)) || { SKIPPED+=("NLTK Gale-Church: --no-nltk"); return 0; }
  venv_create
  say "Checking the NLTK peer in $VENV"
  if venv_require nltk nltk_works; then
    NLTK_VERSION="$("$PY" -c 'import importlib.metadata as m; print(m.version("nltk"))')"
    note "nltk $NLTK_VERSION"
  else
    DO_NLTK=0; NLTK_LONG=0
    SKIPPED+=("NLTK Gale-Church: nltk does not import after pip install (see Benchmarks/.venv/pip-install.log)")
    say "NOTE: skipping the NLTK peer: it does not import (see $VENV/pip-install.log)"
  fi
}

# -------------------------------------------------------------- corpora

CORP="$ALIGN_DIR/corpora"

# Every file of the corpora folder this script reads (prepare_corpora,
# pair_files), relative to it; corpora_require checks them before the build.
CORPUS_FILES=(
  ntrex128/newstest2019-src.eng.txt ntrex128/newstest2019-ref.prs.txt
  ntrex128/newstest2019-ref.pus.txt ntrex128/DOCUMENT_IDS.tsv
  tico19/tico19.eng.txt tico19/tico19.prs.txt tico19/tico19.pus.txt tico19/tico19.docid.txt
  flores-v1-ps/wikipedia.dev.ps-en.en flores-v1-ps/wikipedia.dev.ps-en.ps
  flores-v1-ps/wikipedia.devtest.ps-en.en flores-v1-ps/wikipedia.devtest.ps-en.ps
)

# Sets ALIGN_EVAL (absolute): --align-eval PATH, else $ALIGN_EVAL, else
# tools/align_eval.py next to the corpora folder (the ../shared layout:
# shared/corpora and shared/tools), else ../shared/tools/align_eval.py next
# to the repository. Exits 2, naming the path(s) and the option, when it is
# not a file. After corpora_resolve.
align_eval_resolve() {
  local path from
  if [[ -n "$ALIGN_EVAL_OPT" ]]; then
    path="$ALIGN_EVAL_OPT" from="given with --align-eval"
  elif [[ -n "$ALIGN_EVAL" ]]; then
    path="$ALIGN_EVAL" from="from ALIGN_EVAL; pass --align-eval PATH to override"
  else
    path="$(dirname "$CORPORA_DIR")/tools/align_eval.py"
    [[ -f "$path" ]] || path="$SHARED_DIR/tools/align_eval.py"
    [[ -f "$path" ]] || die_input "align_eval.py not found at $(dirname "$CORPORA_DIR")/tools/align_eval.py (next to the corpora folder) nor at $path (../shared/tools next to the repository); pass --align-eval PATH or set ALIGN_EVAL"
  fi
  [[ -f "$path" ]] || die_input "align_eval.py not found: $path ($from)"
  ALIGN_EVAL="$(cd "$(dirname "$path")" && pwd -P)/$(basename "$path")"
}

# Derived inputs: TICO's per-line ids without the segment number (a
# document id per line, as `build --docids` wants), the FLORES split, the
# long eng-pus text, and a 10-line document for the smoke test and start-up.
prepare_corpora() {
  mkdir -p "$CORP"
  local n="$CORPORA_DIR/ntrex128" t="$CORPORA_DIR/tico19" f="$CORPORA_DIR/flores-v1-ps"
  sed 's/:[0-9]*$//' "$t/tico19.docid.txt" >"$CORP/tico19.docids.txt"
  case "$FLORES_SPLIT" in
    dev+devtest)
      cat "$f/wikipedia.dev.ps-en.en" "$f/wikipedia.devtest.ps-en.en" >"$CORP/flores-dev+devtest.en"
      cat "$f/wikipedia.dev.ps-en.ps" "$f/wikipedia.devtest.ps-en.ps" >"$CORP/flores-dev+devtest.ps" ;;
  esac
  # NTREX's files have CRLF line ends; align_eval strips them when it reads.
  cat "$n/newstest2019-src.eng.txt" "$t/tico19.eng.txt" "$f/wikipedia.dev.ps-en.en" \
    "$f/wikipedia.devtest.ps-en.en" >"$CORP/long-eng-pus.en"
  cat "$n/newstest2019-ref.pus.txt" "$t/tico19.pus.txt" "$f/wikipedia.dev.ps-en.ps" \
    "$f/wikipedia.devtest.ps-en.ps" >"$CORP/long-eng-pus.ps"
  local a b
  a="$(wc -l <"$CORP/long-eng-pus.en")"; b="$(wc -l <"$CORP/long-eng-pus.ps")"
  ((a == b)) || die "long eng-pus text: $a English lines but $b Pashto lines"
  LONG_LINES="$a"
  head -n 10 "$CORP/long-eng-pus.en" >"$CORP/tiny.en"
  head -n 10 "$CORP/long-eng-pus.ps" >"$CORP/tiny.ps"
}
LONG_LINES=0

# Sets P_SRC P_TGT P_DOCIDS (may be empty) P_LANG for a pair name.
pair_files() {
  local n="$CORPORA_DIR/ntrex128" t="$CORPORA_DIR/tico19" f="$CORPORA_DIR/flores-v1-ps"
  case "$1" in
    ntrex-prs|ntrex-pus)
      P_SRC="$n/newstest2019-src.eng.txt"; P_TGT="$n/newstest2019-ref.${1#ntrex-}.txt"
      P_DOCIDS="$n/DOCUMENT_IDS.tsv" ;;
    tico-prs|tico-pus)
      P_SRC="$t/tico19.eng.txt"; P_TGT="$t/tico19.${1#tico-}.txt"; P_DOCIDS="$CORP/tico19.docids.txt" ;;
    flores-pus)
      P_DOCIDS=""
      if [[ "$FLORES_SPLIT" == dev+devtest ]]; then
        P_SRC="$CORP/flores-dev+devtest.en"; P_TGT="$CORP/flores-dev+devtest.ps"
      else
        P_SRC="$f/wikipedia.$FLORES_SPLIT.ps-en.en"; P_TGT="$f/wikipedia.$FLORES_SPLIT.ps-en.ps"
      fi ;;
    *) die "unknown pair $1" ;;
  esac
  case "$1" in *-prs) P_LANG="prs" ;; *) P_LANG="ps" ;; esac
}
P_SRC="" P_TGT="" P_DOCIDS="" P_LANG=""

# ------------------------------------------------------------- align_eval

# build SRC TGT DOCIDS-or-empty OUT RATE DOC_SIZE: fresh documents in OUT.
ae_build() {
  local src="$1" tgt="$2" docids="$3" out="$4" rate="$5" size="$6" ids=()
  [[ -z "$docids" ]] || ids=(--docids "$docids")
  rm -rf "$out"
  python3 "$ALIGN_EVAL" build --src "$src" --tgt "$tgt" "${ids[@]}" --out "$out" \
    --rate "$rate" --doc-size "$size" --seed "$SEED" >"$WORK/build.txt"
  note "$(sed 's|in /.*/\.data/|in .data/|' "$WORK/build.txt")"
}

# run DOCS NAME TEMPLATE KEEP-DIR RESULT.json: every document through the
# template, outputs kept, the JSON result saved; the summary line to stderr.
ae_run() {
  local docs="$1" name="$2" template="$3" keep="$4" result="$5"
  rm -rf "$keep"
  mkdir -p "$keep"
  python3 "$ALIGN_EVAL" run --data "$docs" --name "$name" --cmd "$template" --keep "$keep" --json \
    >"$WORK/run.txt" || die "align_eval.py run failed for $name on $docs"
  tail -n 1 "$WORK/run.txt" >"$result"
  python3 - "$result" "$name" <<'PY' >&2
import json, sys
r = json.load(open(sys.argv[1]))
fail = f", {r['failures']} FAILED" if r["failures"] else ""
print(f"    {sys.argv[2]:<9} strict F1 {r['f1_strict']:.3f}  lax F1 {r['f1_lax']:.3f}  "
      f"{r['time_s'] / r['docs']:.3f} s/doc ({r['docs']} docs, {r['time_s']:.1f} s){fail}")
PY
}

# Everything that decides NLTK's result on DOCS: the documents, the adapter
# and the nltk version. A cached result is reused only on an exact match.
nltk_fingerprint() {
  local docs="$1" extra="${2:-}"
  {
    printf 'nltk %s\n' "$NLTK_VERSION"
    [[ -z "$extra" ]] || printf '%s\n' "$extra"
    sha256sum "$ALIGN_EVAL" | cut -d' ' -f1
    (cd "$docs" && find . -type f -name '*.txt' | LC_ALL=C sort | xargs sha256sum)
  } | sha256sum | cut -d' ' -f1
}

# True (and the cached result kept) when --reuse-nltk finds a result for
# exactly these documents.
nltk_cached() {
  local docs="$1" dir="$2" extra="${3:-}"
  ((REUSE_NLTK)) || return 1
  [[ -s "$dir/result.json" && -s "$dir/fingerprint.txt" ]] || return 1
  [[ "$(cat "$dir/fingerprint.txt")" == "$(nltk_fingerprint "$docs" "$extra")" ]]
}

# ---------------------------------------------------------------- quality

run_quality() {
  local pair rate rd dir nltk_state
  for pair in "${PAIR_LIST[@]}"; do
    pair_files "$pair"
    for rate in "${RATE_LIST[@]}"; do
      rd="$(rate_dir "$rate")"
      dir="$ALIGN_DIR/quality/$pair/$rd"
      say "$pair, rate $rate"
      mkdir -p "$dir"
      ae_build "$P_SRC" "$P_TGT" "$P_DOCIDS" "$dir/docs" "$rate" "$DOC_SIZE"
      ae_run "$dir/docs" lexalign "$(lexalign_template "$P_LANG")" "$dir/lexalign" "$dir/lexalign.json"
      nltk_state=skipped
      if ((DO_NLTK)); then
        if nltk_cached "$dir/docs" "$dir/nltk"; then
          nltk_state=reused
          note "nltk      reusing $(basename "$dir")/nltk (same documents, adapter and nltk)"
        else
          ae_run "$dir/docs" nltk "$(nltk_template)" "$dir/nltk" "$WORK/nltk.json"
          mv "$WORK/nltk.json" "$dir/nltk/result.json"
          nltk_fingerprint "$dir/docs" >"$dir/nltk/fingerprint.txt"
          nltk_state=ran
        fi
      fi
      printf 'quality\t%s\t%s\t%s\t%s\n' "$pair" "$rate" "$dir" "$nltk_state" >>"$RUN_TSV"
    done
  done
}

# ------------------------------------------------------ timing and memory

# Seconds (wall clock) of one run of the given command; stdout to /dev/null.
# Dies with the command's stderr if it fails.
wall_s() {
  local t0 t1
  t0="$(date +%s.%N)"
  "$@" >/dev/null 2>"$WORK/wall-stderr.txt" \
    || die "failed: $* ($(tail -n 5 "$WORK/wall-stderr.txt"))"
  t1="$(date +%s.%N)"
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }'
}

# The 10-line document: checks that the binary aligns at all (and says why
# not, before minutes of documents fail one by one), then times each
# aligner's start-up (median of --runs), and lexalign's peak RSS there as the
# baseline for the memory figures.
smoke_and_startup() {
  local dir="$ALIGN_DIR/tiny" argv
  say "Smoke test and start-up on a 10-line eng-pus document"
  mkdir -p "$dir"
  ae_build "$CORP/tiny.en" "$CORP/tiny.ps" "" "$dir/docs" 0 10
  rm -rf "$dir/out"; mkdir -p "$dir/out"
  mapfile -t argv < <(lexalign_argv ps "$dir/docs/000/source.txt" "$dir/docs/000/target.txt" "$dir/out/lexalign.align")
  if ! "${argv[@]}" >"$WORK/smoke-out.txt" 2>"$WORK/smoke-err.txt"; then
    sed -n '1,10p' "$WORK/smoke-err.txt" >&2
    die "\`lexalign align\` failed on a 10-line document (does this binary have the align subcommand? rebuild, or set LEXALIGN_BIN): ${argv[*]}"
  fi
  [[ -s "$dir/out/lexalign.align" ]] || die "\`lexalign align ... -o FILE\` wrote nothing to $dir/out/lexalign.align"
  python3 "$ALIGN_EVAL" score --gold "$dir/docs/000/gold.txt" --test "$dir/out/lexalign.align" >/dev/null \
    || die "lexalign's output on the 10-line document is not a vecalign bead file: $dir/out/lexalign.align"

  : >"$WORK/startup.tsv"
  plan_line "$WORK/startup.tsv" lexalign tiny - "$dir/docs/000/source.txt" - "${argv[@]}"
  if ((DO_NLTK)); then
    plan_line "$WORK/startup.tsv" nltk tiny - "$dir/docs/000/source.txt" - "$PY" "$ALIGN_EVAL" adapt-nltk \
      "$dir/docs/000/source.txt" "$dir/docs/000/target.txt" "$dir/out/nltk.align"
  fi
  python3 "$PEERS_DIR/bench.py" run --plan "$WORK/startup.tsv" --runs "$RUNS" --out "$dir/startup.json"
  max_rss_kib "${argv[@]}" >"$dir/rss-lexalign.txt"
  printf 'startup\t%s\n' "$dir" >>"$RUN_TSV"
}

# The first N lines of a file, the file read again from its start as often as needed.
repeat_text() {
  local file="$1" size="$2" lines
  lines="$(wc -l <"$file")"
  ((lines > 0)) || die "$file is empty"
  # Whole copies into a file first: `head` closing a pipe would kill `cat` (pipefail).
  : >"$WORK/repeat.txt"
  for ((k = 0; k * lines < size; k++)); do cat "$file" >>"$WORK/repeat.txt"; done
  head -n "$size" "$WORK/repeat.txt"
}

# Long eng-pus documents: the first SIZE lines of NTREX+TICO+FLORES dev+devtest
# (repeated beyond its 10,928 lines), perturbed at --long-rate, one document
# each (so 3000 is a prefix of 10000).
run_long() {
  local size dir src tgt argv first first_nltk="" runs kib
  first_nltk="${SIZE_LIST[0]}"
  for size in "${SIZE_LIST[@]}"; do
    dir="$ALIGN_DIR/long/n$size"
    say "Long eng-pus document: $size sentence pairs, rate $LONG_RATE"
    mkdir -p "$dir"
    # Beyond the corpora's lines the text starts again from its first line.
    if ((size > LONG_LINES)); then
      note "the $size-pair document repeats the $LONG_LINES-line eng-pus text"
    fi
    repeat_text "$CORP/long-eng-pus.en" "$size" >"$CORP/long-$size.en"
    repeat_text "$CORP/long-eng-pus.ps" "$size" >"$CORP/long-$size.ps"
    ae_build "$CORP/long-$size.en" "$CORP/long-$size.ps" "" "$dir/docs" "$LONG_RATE" "$size"
    src="$dir/docs/000/source.txt"; tgt="$dir/docs/000/target.txt"
    rm -rf "$dir/lexalign"; mkdir -p "$dir/lexalign"
    mapfile -t argv < <(lexalign_argv ps "$src" "$tgt" "$dir/lexalign/000.lexalign.align")

    # One untimed run first: warms the page cache, gives the output that is
    # scored, and tells whether --runs runs are affordable.
    first="$(wall_s "${argv[@]}")"
    note "lexalign first run: $(printf '%.3f' "$first") s"
    runs="$RUNS"
    if awk -v t="$first" -v s="$SLOW_S" 'BEGIN { exit !(t > s) }'; then
      runs=1
      note "slower than ${SLOW_S} s: timed once"
      printf '[{"tool": "lexalign", "times": [%s]}]\n' "$first" >"$dir/lexalign-times.json"
    else
      : >"$WORK/long.tsv"
      plan_line "$WORK/long.tsv" lexalign "n$size" - "$src" - "${argv[@]}"
      python3 "$PEERS_DIR/bench.py" run --plan "$WORK/long.tsv" --runs "$runs" --out "$dir/lexalign-times.json"
    fi
    kib="$(max_rss_kib "${argv[@]}")"
    note "lexalign peak RSS $(awk -v k="$kib" 'BEGIN { printf "%.1f", k / 1024 }') MB"
    printf '%s\n' "$kib" >"$dir/rss-lexalign.txt"

    NLTK_STATE=skipped
    if ((NLTK_LONG)) && [[ "$size" == "$first_nltk" ]]; then
      run_nltk_long "$dir"
    fi
    printf 'long\t%s\t%s\t%s\n' "$size" "$dir" "$NLTK_STATE" >>"$RUN_TSV"
  done
}

# NLTK once on a long document, under `timeout`, with its peak RSS. Writes
# nltk/status.tsv (exit status, seconds, KiB; 124 = timed out) and sets
# NLTK_STATE to ran or reused.
run_nltk_long() {
  local dir="$1" out="$1/nltk" t0 t1 rc=0 kib=""
  # The time limit is part of the result (a time-out is cached too).
  if nltk_cached "$dir/docs" "$out" "timeout $NLTK_TIMEOUT"; then
    note "nltk: reusing $out (same document, adapter and nltk)"
    NLTK_STATE=reused
    return
  fi
  rm -rf "$out"; mkdir -p "$out"
  note "nltk once, time limit ${NLTK_TIMEOUT} s"
  local cmd=(timeout "$NLTK_TIMEOUT" "$PY" "$ALIGN_EVAL" adapt-nltk
    "$dir/docs/000/source.txt" "$dir/docs/000/target.txt" "$out/000.nltk.align")
  [[ -x /usr/bin/time ]] && cmd=(/usr/bin/time -v -o "$out/time-v.txt" "${cmd[@]}")
  t0="$(date +%s.%N)"
  "${cmd[@]}" >/dev/null 2>"$out/stderr.txt" || rc=$?
  t1="$(date +%s.%N)"
  [[ -s "$out/time-v.txt" ]] && kib="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/time-v.txt")"
  printf 'rc\t%s\nseconds\t%s\nrss_kib\t%s\ntimeout\t%s\n' "$rc" \
    "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')" "$kib" "$NLTK_TIMEOUT" >"$out/status.tsv"
  case "$rc" in
    0) note "nltk: $(sed -n 's/^seconds\t//p' "$out/status.tsv") s" ;;
    124) note "nltk: timed out after ${NLTK_TIMEOUT} s" ;;
    *) note "nltk: failed (exit $rc): $(tail -n 1 "$out/stderr.txt")" ;;
  esac
  nltk_fingerprint "$dir/docs" "timeout $NLTK_TIMEOUT" >"$out/fingerprint.txt"
  printf '{"status": "see status.tsv"}\n' >"$out/result.json"
  NLTK_STATE=ran
}
NLTK_STATE=skipped

# ----------------------------------------------------------------- report

write_meta() {
  local stale
  stale="$(staleness_note)"
  {
    meta_common
    [[ -z "$stale" ]] || printf 'NOTE\t%s\n' "$stale"
    printf 'align_eval.py\t%s (sha256 %s)\n' "$ALIGN_EVAL" "$(sha256sum "$ALIGN_EVAL" | cut -c1-12)"
    printf 'documents\tseed %s, doc size %s lines, perturbation weights merge,split,drop = 2,1,1 (align_eval defaults), both sides\n' \
      "$SEED" "$DOC_SIZE"
    printf 'this run\tpairs %s; rates %s; long documents %s pairs at rate %s; %s timed run(s)%s%s\n' \
      "$(IFS=,; echo "${PAIR_LIST[*]}")" "$(IFS=,; echo "${RATE_LIST[*]}")" "$(IFS=,; echo "${SIZE_LIST[*]}")" \
      "$LONG_RATE" "$RUNS" "$( ((QUICK)) && echo ' (--quick)')" "$( ((DO_QUALITY)) || echo '; no quality part')$( ((DO_LONG)) || echo '; no long documents')"
    printf 'FLORES v1\t%s (quality part)\n' "$FLORES_SPLIT"
    printf 'wall time\t%s s for the whole run\n' "$((SECONDS))"
    if [[ -n "$NLTK_VERSION" ]]; then
      # shellcheck disable=SC2016  # the backticks are Markdown, not a command
      printf 'peer\tnltk %s, nltk.translate.gale_church.align_blocks via `align_eval.py adapt-nltk` (%s)\n' \
        "$NLTK_VERSION" "$("$PY" --version 2>&1)"
    fi
    local s
    for s in "${SKIPPED[@]}"; do printf 'SKIPPED\t%s\n' "$s"; done
  } >"$ALIGN_DIR/meta.tsv"
}

print_report() {
  python3 "$PEERS_DIR/align_report.py" --run "$RUN_TSV" --meta "$ALIGN_DIR/meta.tsv" \
    --align-eval "$ALIGN_EVAL" --runs "$RUNS" --long-rate "$LONG_RATE" --nltk-timeout "$NLTK_TIMEOUT" \
    --all-pairs "$(IFS=,; echo "${ALL_PAIRS[*]}")" --flores "$FLORES_SPLIT"
}

# ------------------------------------------------------------------- main

main() {
  parse_args "$@"
  corpora_resolve
  corpora_require "${CORPUS_FILES[@]}"
  align_eval_resolve
  say "Corpora $CORPORA_DIR; align_eval.py $ALIGN_EVAL"
  bench_start lexalign-align-bench

  build_lexalign
  local stale; stale="$(staleness_note)"
  [[ -z "$stale" ]] || say "NOTE: $stale"
  setup_venv
  mkdir -p "$ALIGN_DIR"
  prepare_corpora
  RUN_TSV="$ALIGN_DIR/run.tsv"
  : >"$RUN_TSV"

  smoke_and_startup
  if ((DO_QUALITY)); then run_quality; fi
  if ((DO_LONG)); then run_long; fi
  write_meta
  print_report
  say "Done in ${SECONDS} s; documents and outputs in $ALIGN_DIR"
}

main "$@"
