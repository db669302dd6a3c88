#!/usr/bin/env bash
# Benchmark `lexalign tag` against peer dictionary taggers (pyahocorasick,
# flashtext) on the mixed English/Dari/Pashto corpus, with the built-in
# lexicon and with a generated 1,000,000-label lexicon. See
# Benchmarks/README.md, or run with --help.
#
# The Markdown report goes to stdout; progress and notes go to stderr, so
#   Benchmarks/tag.sh > report.md
# gives a clean report.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: Benchmarks/tag.sh [options]

Times `lexalign tag` (--jobs 1 and 2, and the exact pass alone with --fuzzy
off, built-in lexicon; --jobs 1 --fuzzy off with a generated 1M-label lexicon) and two peer taggers (pyahocorasick iter_long,
flashtext extract_keywords) on the same mixed English/Dari/Pashto corpus,
whole processes, median of N runs; measures start-up, lexicon load time and
peak memory; prints a Markdown report with the targets and whether they are met.

Options:
  --corpora DIR      the corpora folder the mixed corpus is made from
                     (ntrex128/, tico19/, flores-v1-ps/); default
                     $LEXALIGN_CORPORA, else ../shared/corpora next to the
                     repository. A missing folder is an error (exit 2).
  --mb N             corpus size in MiB (default 50)
  --runs N           timed rounds with the built-in lexicon (default 5)
  --big-runs N       timed rounds with the generated lexicon (default 3; each
                     round loads 1M labels four times, ~1 min)
  --startup-runs N   runs of `lexalign tag EMPTY` and `lexalign --version`
                     for the start-up figure (default 20)
  --labels N         size of the generated lexicon in labels (default 1000000)
  --count-mb N       count each tool's mentions on the first N MiB (default 5;
                     0 = skip)
  --no-big           skip everything with the generated lexicon
  --no-memory        skip the peak-memory runs
  --no-instructions  skip the callgrind instruction counts (a 2 MB sample:
                     lexalign tag --jobs 1 with and without the fuzzy pass,
                     normalize --form key, pyahocorasick; needs valgrind)
  --no-build         do not run `swift build -c release --product lexalign`
  -h, --help         show this help

Environment:
  LEXALIGN_CORPORA=DIR
                     the corpora folder when --corpora is not given.
  LEXALIGN_BIN=PATH  use this binary instead of building; implies --no-build.
                     LEXALIGN_BIN=/bin/cat is accepted as a pass-through
                     stand-in (called as `cat FILE`) to test the harness itself.

Files (created on demand, git-ignored): Benchmarks/.venv (peers' virtualenv,
shared with normalize.sh), Benchmarks/.data/mixed-<MB>mb.txt (corpora,
regenerated when made from another corpora folder) and
Benchmarks/.data/lexicon-1m/ (generated lexicon, ~62 MB; regenerated when
Lexicons/*.tsv or peers/make_lexicon.py is newer).
EOF
}

# ------------------------------------------------------------------ settings

# Paths (BENCH_DIR, DATA_DIR, VENV, PY, ...), say/note/die, corpora_resolve,
# build_lexalign, the venv, ensure_corpus, plan_line, max_rss_kib, meta_common.
SCRIPT_NAME=tag.sh
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LEXICONS="$REPO_ROOT/Lexicons"

CORPUS_MB=50
RUNS=5
BIG_RUNS=3
STARTUP_RUNS=20
BIG_LABELS=1000000
COUNT_MB=5
DO_BIG=1
DO_MEMORY=1
DO_INSTRUCTIONS=1

BIG_DIR=""        # generated lexicon folder
PEERS=()          # peers that are installed and working
SKIPPED=()        # "peer: reason" lines, shown in the report

parse_args() {
  while (($#)); do
    case "$1" in
      --corpora) CORPORA_OPT="${2:?--corpora needs a folder}"; shift 2 ;;
      --mb) CORPUS_MB="${2:?--mb needs a number}"; shift 2 ;;
      --runs) RUNS="${2:?--runs needs a number}"; shift 2 ;;
      --big-runs) BIG_RUNS="${2:?--big-runs needs a number}"; shift 2 ;;
      --startup-runs) STARTUP_RUNS="${2:?--startup-runs needs a number}"; shift 2 ;;
      --labels) BIG_LABELS="${2:?--labels needs a number}"; shift 2 ;;
      --count-mb) COUNT_MB="${2:?--count-mb needs a number}"; shift 2 ;;
      --no-big) DO_BIG=0; shift ;;
      --no-memory) DO_MEMORY=0; shift ;;
      --no-instructions) DO_INSTRUCTIONS=0; shift ;;
      --no-build) DO_BUILD=0; shift ;;
      -h|--help) usage; exit 0 ;;
      *) usage >&2; die "unknown option: $1" ;;
    esac
  done
  require_int --mb "$CORPUS_MB"
  require_int --runs "$RUNS"
  require_int --big-runs "$BIG_RUNS"
  require_int --startup-runs "$STARTUP_RUNS"
  require_int --labels "$BIG_LABELS"
  require_int --count-mb "$COUNT_MB" 0
  if [[ -n "${LEXALIGN_BIN:-}" ]]; then DO_BUILD=0; fi
}

# --------------------------------------------------------------- lexalign

is_cat() { [[ "$(basename "$LEXALIGN")" == cat ]]; }

# The argv that tags FILE, one word a line for mapfile. LEXICON is a folder
# or empty (built-in); JOBS may be empty (tool's default). The /bin/cat
# stand-in gets only the file. The generated lexicon is tagged with
# --fuzzy off, as its peer (an exact matcher) tags, and as the README advises
# for a lexicon that size: the fuzzy pass does not scale to it yet (its index
# takes ~10 s to build, and it adds ~9 s per MB).
lexalign_argv() {
  local lexicon="$1" jobs="$2" file="$3"
  if is_cat; then
    printf '%s\n' "$LEXALIGN" "$file"
    return
  fi
  printf '%s\n' "$LEXALIGN" tag
  [[ -z "$lexicon" ]] || printf '%s\n' --lexicon "$lexicon"
  if [[ -n "$lexicon" && "$lexicon" == "$BIG_DIR" ]]; then printf '%s\n' --fuzzy off; fi
  [[ -z "$jobs" ]] || printf '%s\n' --jobs "$jobs"
  printf '%s\n' "$file"
}

# A binary older than its sources or its lexicon: the built-in lexicon (what
# lexalign uses) may then differ from Lexicons/labels.tsv (what peers use).
staleness_note() {
  is_cat && return 0
  lexalign_staleness Sources Lexicons Package.swift
}

# ------------------------------------------------------------------ peers

peer_works() { "$PY" "$PEERS_DIR/tag_peer.py" --version "$1" >/dev/null 2>&1; }

setup_venv() {
  venv_create
  say "Checking Python peers in $VENV"
  local peer
  for peer in pyahocorasick flashtext; do
    if venv_require "$peer" peer_works "$peer"; then
      PEERS+=("$peer")
    else
      SKIPPED+=("$peer: not importable after pip install (see Benchmarks/.venv/pip-install.log)")
      say "NOTE: skipping peer $peer: it does not import (see $VENV/pip-install.log)"
    fi
  done
}

have_peer() { [[ " ${PEERS[*]} " == *" $1 "* ]]; }

# -------------------------------------------------------- corpus, lexicon

# The corpus: lib.sh's ensure_corpus, the same cache as normalize.sh's.

big_name() {
  if ((BIG_LABELS % 1000000 == 0)); then printf '%sm' $((BIG_LABELS / 1000000))
  elif ((BIG_LABELS % 1000 == 0)); then printf '%sk' $((BIG_LABELS / 1000))
  else printf '%s' "$BIG_LABELS"; fi
}

# The generated lexicon, cached; rebuilt when the real lexicon or the
# generator changed since (its real part must match today's Lexicons/).
ensure_big_lexicon() {
  BIG_DIR="$DATA_DIR/lexicon-$(big_name)"
  local stale=0 f
  # The generated lexicon embeds Lexicons/ as it is now (affixes.tsv is
  # copied as is): check in 0.1 s that this binary reads it, rather than
  # fail minutes later on the big lexicon.
  if ! "$LEXALIGN" tag --quiet --lexicon "$LEXICONS" "$WORK/empty.txt" >/dev/null 2>"$WORK/precheck.txt"; then
    sed -n '1,5p' "$WORK/precheck.txt" >&2
    die "this lexalign cannot read $LEXICONS (binary and lexicon files out of step?); rebuild, or use --no-big"
  fi
  if [[ ! -s "$BIG_DIR/labels.tsv" || ! -s "$BIG_DIR/entities.tsv" || ! -s "$BIG_DIR/affixes.tsv" ]]; then
    stale=1
  else
    for f in "$LEXICONS/entities.tsv" "$LEXICONS/labels.tsv" "$LEXICONS/affixes.tsv" "$PEERS_DIR/make_lexicon.py"; do
      [[ "$f" -nt "$BIG_DIR/labels.tsv" ]] && stale=1
    done
  fi
  if ((stale)); then
    say "Generating $BIG_LABELS-label lexicon $BIG_DIR (~15 s)"
    mkdir -p "$DATA_DIR"
    python3 "$PEERS_DIR/make_lexicon.py" --labels "$BIG_LABELS" --source "$LEXICONS" "$BIG_DIR"
  else
    note "using cached lexicon $BIG_DIR"
  fi
}

data_lines() { grep -cv '^#' "$1" || true; }

# ----------------------------------------------------------------- timing

# Plan lines for bench.py (lib.sh's plan_line): tool, lexicon, jobs, input,
# stdin or "-", argv...
# lexicon: "default" (built-in for lexalign, Lexicons/ for peers) or "big".
plan_lexalign() {
  local plan="$1" lexicon="$2" jobs="$3" file="$4" argv dir=""
  [[ "$lexicon" == big ]] && dir="$BIG_DIR"
  mapfile -t argv < <(lexalign_argv "$dir" "$jobs" "$file")
  plan_line "$plan" "lexalign tag" "$lexicon" "${jobs:--}" "$file" - "${argv[@]}"
}

# The exact pass alone (built-in lexicon): what the peers, exact matchers, do.
plan_lexalign_exact() {
  local plan="$1" jobs="$2" file="$3" argv
  is_cat && return 0
  mapfile -t argv < <(lexalign_argv "" "$jobs" "$file")
  plan_line "$plan" "lexalign tag --fuzzy off" default "$jobs" "$file" - "${argv[@]:0:2}" --fuzzy off "${argv[@]:2}"
}

plan_peer() {
  local plan="$1" peer="$2" lexicon="$3" file="$4" dir="$LEXICONS"
  have_peer "$peer" || return 0
  [[ "$lexicon" == big ]] && dir="$BIG_DIR"
  plan_line "$plan" "$peer" "$lexicon" - "$file" - "$PY" "$PEERS_DIR/tag_peer.py" "$peer" --lexicon "$dir" "$file"
}

bench_run() {
  local plan="$1" runs="$2" out="$3"; shift 3
  python3 "$PEERS_DIR/bench.py" run --plan "$plan" --runs "$runs" --out "$out" "$@"
}

run_timings() {
  local corpus="$1" empty="$WORK/empty.txt"
  : >"$empty"
  cat "$corpus" >/dev/null   # into the page cache before round 1

  say "Start-up: $STARTUP_RUNS runs each of \`lexalign tag EMPTY\` and \`lexalign --version\`"
  : >"$WORK/startup.tsv"
  plan_lexalign "$WORK/startup.tsv" default "" "$empty"
  plan_line "$WORK/startup.tsv" "lexalign --version" - - "$empty" - "$LEXALIGN" --version
  bench_run "$WORK/startup.tsv" "$STARTUP_RUNS" "$WORK/startup.json"

  say "Built-in lexicon: $RUNS rounds (each runs every command once, plus once on an empty file)"
  : >"$WORK/main.tsv"
  plan_lexalign "$WORK/main.tsv" default 1 "$corpus"
  plan_lexalign "$WORK/main.tsv" default 2 "$corpus"
  plan_lexalign_exact "$WORK/main.tsv" 1 "$corpus"
  plan_peer "$WORK/main.tsv" pyahocorasick default "$corpus"
  plan_peer "$WORK/main.tsv" flashtext default "$corpus"
  bench_run "$WORK/main.tsv" "$RUNS" "$WORK/main.json" --startup "$empty"

  if ((DO_BIG)); then
    say "Generated $(big_name) lexicon: $BIG_RUNS rounds (the empty-file runs are the load time)"
    : >"$WORK/big.tsv"
    plan_lexalign "$WORK/big.tsv" big 1 "$corpus"
    plan_peer "$WORK/big.tsv" pyahocorasick big "$corpus"
    bench_run "$WORK/big.tsv" "$BIG_RUNS" "$WORK/big.json" --startup "$empty"
  fi
}

# ----------------------------------------------------------------- mentions

# Each tool once on a prefix, output kept and counted: how many mentions each
# finds (the peers neither normalise nor respect word boundaries the same way).
count_mentions() {
  ((COUNT_MB > 0)) || return 0
  is_cat && return 0
  local prefix argv out tool lexicon
  prefix="$(ensure_corpus "$COUNT_MB")"
  say "Counting mentions on $(basename "$prefix")"
  : >"$WORK/counts.tsv"
  local -a jobs=("lexalign tag|default" "pyahocorasick|default" "flashtext|default")
  ((DO_BIG)) && jobs+=("lexalign tag|big" "pyahocorasick|big")
  local item
  for item in "${jobs[@]}"; do
    tool="${item%|*}"; lexicon="${item#*|}"
    out="$WORK/count-${tool// /-}-$lexicon.jsonl"
    case "$tool" in
      "lexalign tag")
        local dir=""; [[ "$lexicon" == big ]] && dir="$BIG_DIR"
        mapfile -t argv < <(lexalign_argv "$dir" 1 "$prefix")
        "${argv[@]}" >"$out" || die "failed: ${argv[*]}" ;;
      *)
        have_peer "$tool" || continue
        local pdir="$LEXICONS"; [[ "$lexicon" == big ]] && pdir="$BIG_DIR"
        "$PY" "$PEERS_DIR/tag_peer.py" "$tool" --lexicon "$pdir" "$prefix" >"$out" || die "failed: $tool on $prefix" ;;
    esac
    local records mentions hit
    IFS=$'\t' read -r _ records mentions hit < <("$PY" "$PEERS_DIR/tag_peer.py" count "$out")
    printf '%s\t%s\t%s\t%s\t%s\n' "$tool" "$lexicon" "$records" "$mentions" "$hit" >>"$WORK/counts.tsv"
    note "$tool ($lexicon): $records records, $mentions mentions"
    rm -f "$out"
  done
  printf '%s\n' "$prefix" >"$WORK/count-input.txt"
}

# ----------------------------------------------------------------- memory

memory_check() {
  local corpus="$1" empty="$WORK/empty.txt" argv kib how
  how="$(max_rss_how)"
  say "Peak memory with $how"
  : >"$WORK/memory.tsv"
  mem_row() {  # description, input, argv...
    local what="$1" input="$2"; shift 2
    kib="$(max_rss_kib "$@")"
    note "$what: max RSS $(awk -v k="$kib" 'BEGIN {printf "%.1f", k / 1024}') MB"
    printf '%s\t%s\t%s\n' "$what" "$input" "$kib" >>"$WORK/memory.tsv"
  }
  mapfile -t argv < <(lexalign_argv "" 1 "$corpus")
  mem_row "lexalign tag --jobs 1 (built-in lexicon)" "$corpus" "${argv[@]}"
  if ((DO_BIG)); then
    mapfile -t argv < <(lexalign_argv "$BIG_DIR" 1 "$corpus")
    mem_row "lexalign tag --jobs 1 --lexicon $(basename "$BIG_DIR")" "$corpus" "${argv[@]}"
  fi
  # Peers stream too: their peak is the automaton, so an empty input shows it.
  local peer
  for peer in "${PEERS[@]}"; do
    mem_row "$peer (Lexicons/), load only" "$empty" "$PY" "$PEERS_DIR/tag_peer.py" "$peer" "$empty"
  done
  if ((DO_BIG)) && have_peer pyahocorasick; then
    mem_row "pyahocorasick ($(basename "$BIG_DIR")), load only" "$empty" \
      "$PY" "$PEERS_DIR/tag_peer.py" pyahocorasick --lexicon "$BIG_DIR" "$empty"
  fi
}

# ----------------------------------------------------------------- report

write_meta() {
  local corpus="$1" stale peer
  stale="$(staleness_note)"
  {
    meta_common
    [[ -z "$stale" ]] || printf 'NOTE\t%s: the built-in lexicon may differ from Lexicons/\n' "$stale"
    printf 'corpus file\t%s\n' "$corpus"
    printf 'corpus\t%s MB, %s lines, eng/prs/pus lines interleaved, unique counters\n' \
      "$CORPUS_MB" "$(wc -l <"$corpus")"
    printf 'lexicon "default"\tlexalign: built into the binary; peers: Lexicons/labels.tsv (%s labels, %s entities)\n' \
      "$(data_lines "$LEXICONS/labels.tsv")" "$(data_lines "$LEXICONS/entities.tsv")"
    if ((DO_BIG)); then
      printf 'lexicon "%s"\t%s (%s labels, %s entities; synthetic + the real Lexicons/, make_lexicon.py; lexalign tags it with --fuzzy off)\n' \
        "$(big_name)" "$BIG_DIR" "$(data_lines "$BIG_DIR/labels.tsv")" "$(data_lines "$BIG_DIR/entities.tsv")"
    fi
    printf 'runs\t%s rounds with the default lexicon, %s with the generated one, %s start-up runs (medians reported)\n' \
      "$RUNS" "$( ((DO_BIG)) && echo "$BIG_RUNS" || echo 0)" "$STARTUP_RUNS"
    printf 'python (peers)\t%s\n' "$("$PY" --version 2>&1)"
    for peer in "${PEERS[@]}"; do
      printf 'peer %s\t%s\n' "$peer" "$("$PY" "$PEERS_DIR/tag_peer.py" --version "$peer" 2>/dev/null)"
    done
    for peer in "${SKIPPED[@]}"; do
      printf 'SKIPPED\t%s\n' "$peer"
    done
  } >"$WORK/meta.tsv"
}

# The report: bench.py's helpers for reading results and formatting, the
# tables specific to tagging here.
print_report() {
  python3 - "$WORK" "$PEERS_DIR" "$(big_name)" <<'PYREPORT'
import json, os, statistics, sys

work, peers_dir, big = sys.argv[1:4]
sys.path.insert(0, peers_dir)
from bench import MIB, fmt_ratio, read_meta  # noqa: E402

def load(name):
    path = os.path.join(work, name)
    if not os.path.exists(path):
        return [], []
    with open(path, encoding="utf-8") as f:
        everything = json.load(f)
    return ([e for e in everything if not e.get("startup")],
            [e for e in everything if e.get("startup")])

med = lambda e: statistics.median(e["times"])
lexname = lambda form: {"default": "default", "big": big}.get(form, form)

main, main_st = load("main.json")
bigs, big_st = load("big.json")
startup, _ = load("startup.json")
entries, starts = main + bigs, main_st + big_st
st_of = {(e["tool"], e["form"], e["jobs"]): med(e) for e in starts}
st_range = {(e["tool"], e["form"], e["jobs"]): (min(e["times"]), max(e["times"])) for e in starts}

def find(tool, form, jobs="-"):
    for e in entries:
        if e["tool"] == tool and e["form"] == form and e["jobs"] == jobs:
            return e
    return None

def net(e):
    st = st_of.get((e["tool"], e["form"], e["jobs"]))
    if st is None or med(e) <= 1.5 * st:
        return None
    return e["bytes"] / MIB / (med(e) - st)

meta = read_meta(os.path.join(work, "meta.tsv"))
out = ["# lexalign tag benchmark", ""]
out += [f"- **{k}**: {v}" for k, v in meta]

out += ["", "## Wall time (whole process, median of runs)", "",
        "| tool | lexicon | jobs | MB | median s | min–max s | MB/s | start-up s | net MB/s |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
for e in entries:
    key = (e["tool"], e["form"], e["jobs"])
    st = st_of.get(key)
    n = net(e)
    out.append(
        f"| {e['tool']} | {lexname(e['form'])} | {e['jobs']} | {e['bytes'] / MIB:.1f} | {med(e):.3f} "
        f"| {min(e['times']):.3f}–{max(e['times']):.3f} | {e['bytes'] / MIB / med(e):.2f} "
        f"| {'–' if st is None else f'{st:.3f}'} | {'n/a' if n is None else f'{n:.2f}'} |")
out += ["", "MB = MiB. MB/s = input MB ÷ median wall time, start-up/load included. Start-up = "
        "median wall time of the same command on an empty file (for the generated lexicon: "
        "the load time); net MB/s = MB ÷ (median − start-up)."]

if startup:
    out += ["", "## Start-up (built-in lexicon)", "",
            "| command | runs | median ms | min–max ms |", "| --- | ---: | ---: | ---: |"]
    for e in startup:
        argv = " ".join(os.path.basename(a) if i == 0 or a.endswith("empty.txt") else a
                        for i, a in enumerate(e["argv"]))
        argv = argv.replace("empty.txt", "EMPTY")
        out.append(f"| `{argv}` | {len(e['times'])} | {med(e) * 1000:.1f} "
                   f"| {min(e['times']) * 1000:.1f}–{max(e['times']) * 1000:.1f} |")

lex1 = find("lexalign tag", "default", "1")
lex2 = find("lexalign tag", "default", "2")
lexbig = find("lexalign tag", "big", "1")
ratios = []
for peer, form, lex in (("pyahocorasick", "default", lex1), ("flashtext", "default", lex1),
                        ("pyahocorasick", "big", lexbig)):
    p = find(peer, form)
    if p is None or lex is None:
        continue
    nl, npeer = net(lex), net(p)
    ratios.append((peer, form, med(p) / med(lex),
                   (npeer and nl) and nl / npeer, p, lex))
if ratios:
    out += ["", "## lexalign tag --jobs 1 vs peers (peer median s ÷ lexalign median s, same input)", "",
            "| lexicon | vs | peer s | lexalign s | speed-up | speed-up net of start-up |",
            "| --- | --- | ---: | ---: | ---: | ---: |"]
    for peer, form, r, rn, p, lex in ratios:
        out.append(f"| {lexname(form)} | {peer} | {med(p):.3f} | {med(lex):.3f} | {fmt_ratio(r)} "
                   f"| {'n/a' if rn is None else fmt_ratio(rn)} |")
if lex1 and lex2:
    out += ["", f"lexalign tag --jobs 2 vs --jobs 1 (built-in lexicon): {fmt_ratio(med(lex1) / med(lex2))} "
            f"({med(lex1):.3f} s → {med(lex2):.3f} s)"]
exact1 = find("lexalign tag --fuzzy off", "default", "1")
if exact1:
    line = (f"The exact pass alone (`--fuzzy off`, --jobs 1): {med(exact1):.3f} s, "
            f"{exact1['bytes'] / MIB / med(exact1):.1f} MB/s")
    for peer in ("pyahocorasick", "flashtext"):
        p = find(peer, "default")
        if p is not None:
            line += f", {fmt_ratio(med(p) / med(exact1))} {peer}"
    if lex1:
        line += f"; the fuzzy pass adds {100 * (med(lex1) / med(exact1) - 1):.0f}% to it"
    out += ["", line + "."]

# Targets.
rows = []
def target(name, measured, ok):
    rows.append(f"| {name} | {measured} | {'yes' if ok else '**no**'} |")
if lex1:
    mbs = lex1["bytes"] / MIB / med(lex1)
    n = net(lex1)
    target("lexalign tag --jobs 1, built-in lexicon: ≥ 30 MB/s (whole process)",
           f"{mbs:.1f} MB/s" + ("" if n is None else f" (net {n:.1f})"), mbs >= 30)
for peer, form, r, rn, p, lex in ratios:
    if form != "default":
        continue
    goal = {"pyahocorasick": 1, "flashtext": 10}[peer]
    target(f"≥ {goal}× {peer} (same input, whole process)", fmt_ratio(r), r >= goal)
tag_empty = next((e for e in startup if e["tool"] == "lexalign tag"), None)
if tag_empty:
    target("start-up `lexalign tag EMPTY`, built-in lexicon: < 50 ms (median)",
           f"{med(tag_empty) * 1000:.1f} ms", med(tag_empty) < 0.050)
if lexbig:
    load_s = st_of.get(("lexalign tag", "big", "1"))
    if load_s is not None:
        target(f"load of the {big} lexicon (`tag --lexicon DIR EMPTY`): < 3 s", f"{load_s:.2f} s", load_s < 3)
    gross = lexbig["bytes"] / MIB / med(lexbig)
    n = net(lexbig)
    if n is not None:
        target(f"tagging with the {big} lexicon, --jobs 1: ≥ 20 MB/s (net of load)",
               f"{n:.1f} MB/s net (whole process incl. load: {gross:.1f} MB/s)", n >= 20)
    else:
        target(f"tagging with the {big} lexicon, --jobs 1: ≥ 20 MB/s (net of load)",
               f"n/a: load is most of the run (whole process incl. load: {gross:.1f} MB/s)", False)
if rows:
    out += ["", "## Targets", "", "| target | measured | met? |", "| --- | --- | :---: |"] + rows

counts_path = os.path.join(work, "counts.tsv")
if os.path.exists(counts_path) and os.path.getsize(counts_path):
    with open(os.path.join(work, "count-input.txt"), encoding="utf-8") as f:
        cin = f.read().strip()
    out += ["", f"## Mentions found on {os.path.basename(cin)} ({os.path.getsize(cin) / MIB:.0f} MB, one run each)", "",
            "| tool | lexicon | records | mentions | lines with a mention |", "| --- | --- | ---: | ---: | ---: |"]
    with open(counts_path, encoding="utf-8") as f:
        for line in f:
            tool, form, records, mentions, hit = line.rstrip("\n").split("\t")
            out.append(f"| {tool} | {lexname(form)} | {records} | {mentions} | {hit} |")
    out += ["", "Not like-for-like: lexalign matches normalised text (case, diacritics, Arabic letter "
            "variants, affixes) on word boundaries and leaves out weak labels by default; pyahocorasick "
            "matches the labels exactly as written anywhere, inside words too; flashtext lowercases and "
            "uses ASCII word boundaries only. The peers' counts include matches lexalign rightly skips."]

ins_path = os.path.join(work, "instructions.tsv")
if os.path.exists(ins_path) and os.path.getsize(ins_path):
    rows = [line.rstrip("\n").split("\t") for line in open(ins_path, encoding="utf-8") if line.strip()]
    out += ["", f"## Instructions per input byte (callgrind, one run on a {int(rows[0][2]) / 1e6:.1f} MB sample, "
            "start-up included)", "", "| command | lexicon / form | instructions | per byte |", "| --- | --- | ---: | ---: |"]
    for tool, form, size, total in rows:
        out.append(f"| {tool} | {form} | {int(total):,} | {int(total) / int(size):.1f} |")

mem_path = os.path.join(work, "memory.tsv")
if os.path.exists(mem_path) and os.path.getsize(mem_path):
    out += ["", "## Peak memory (maximum resident set size)", "",
            "| command | input | max RSS MB |", "| --- | --- | ---: |"]
    with open(mem_path, encoding="utf-8") as f:
        for line in f:
            what, infile, kib = line.rstrip("\n").split("\t")
            size = os.path.getsize(infile) / MIB
            where = "empty" if size == 0 else f"{size:.0f} MB"
            out.append(f"| {what} | {where} | {int(kib) / 1024:.1f} |")
print("\n".join(out))
PYREPORT
}

# ----------------------------------------------------------- instructions

# Instructions per input byte under callgrind on a sample of whole lines: tag
# with the built-in lexicon (fuzzy pass on and off), the key form it matches
# on (issue 13's "within 1.5x of normalize key"), and pyahocorasick with the
# same labels.
count_instructions() {
  local corpus="$1" sample="$WORK/sample.txt" argv
  if ! command -v valgrind >/dev/null; then
    note "valgrind not installed: no instruction counts (apt-get install -y valgrind)"
    return
  fi
  head -c 2000000 "$corpus" | sed '$d' >"$sample"
  say "Counting instructions with callgrind on $(wc -c <"$sample") bytes"
  : >"$WORK/instructions.tsv"
  mapfile -t argv < <(lexalign_argv "" 1 "$sample")
  callgrind_count "lexalign tag" "built-in, fuzzy default" "$sample" "${argv[@]}"
  callgrind_count "lexalign tag" "built-in, --fuzzy off" "$sample" "${argv[@]:0:2}" --fuzzy off "${argv[@]:2}"
  callgrind_count "lexalign normalize" "--form key" "$sample" "$LEXALIGN" normalize --form key --jobs 1 "$sample"
  if have_peer pyahocorasick; then
    callgrind_count pyahocorasick "Lexicons/" "$sample" "$PY" "$PEERS_DIR/tag_peer.py" pyahocorasick --lexicon "$LEXICONS" "$sample"
  fi
}

# ------------------------------------------------------------------- main

main() {
  parse_args "$@"
  corpora_resolve
  corpus_check
  bench_start lexalign-tag-bench

  build_lexalign
  local stale; stale="$(staleness_note)"
  [[ -z "$stale" ]] || say "NOTE: $stale"
  setup_venv

  local corpus
  : >"$WORK/empty.txt"
  corpus="$(ensure_corpus "$CORPUS_MB")"
  if is_cat && ((DO_BIG)); then
    note "the cat stand-in ignores lexicons: skipping the generated lexicon"
    DO_BIG=0
  fi
  ((DO_BIG)) && ensure_big_lexicon

  run_timings "$corpus"
  count_mentions
  if ((DO_MEMORY)); then memory_check "$corpus"; fi
  if ((DO_INSTRUCTIONS)) && ! is_cat; then count_instructions "$corpus"; fi
  write_meta "$corpus"
  print_report
}

main "$@"
