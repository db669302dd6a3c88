#!/usr/bin/env bash
# How well `lexalign tag` resolves names: the cross-lingual entity agreement on
# the five line-parallel corpus pairs (English side against the Dari or Pashto
# side of the same line), with and without the fuzzy pass; and what the fuzzy
# pass costs and finds on the mixed corpus. See Benchmarks/README.md, or run
# with --help.
#
# The Markdown report goes to stdout; progress and the IDs found on one side
# only go to stderr.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: Benchmarks/names.sh [options]

Tags both sides of NTREX-128 (eng-prs, eng-pus), TICO-19 (eng-prs, eng-pus) and
FLORES v1 devtest (eng-pus) and reports, per pair and overall, the entity IDs
both sides of a line name against those either side names (micro-averaged
Jaccard), without and with the fuzzy pass, with the IDs most often found on
one side only (stderr). Then, on the mixed 5 MB corpus: `tag --fuzzy off` and
`tag` timed in interleaved runs (medians, and the fuzzy pass's share), start-up
both ways, hits per MB by match kind, and a sample of fuzzy hits to read; the
instructions of both ways under callgrind on a 2 MB sample of it (one job), a
figure the machine's load does not move.
Then recall and false matches on the attested variant set kept in
Tests/TermLexiconTests/Data/name-variants.tsv (misses listed on stderr). Last,
`lexicon suggest` on the English-Dari and English-Pashto pairs with every
Arabic-script label of the most named entities held out: how often its best
row for an entity is one of the removed labels.

Options:
  --corpora DIR      the corpora folder (ntrex128/, tico19/, flores-v1-ps/);
                     default $LEXALIGN_CORPORA, else ../shared/corpora next to
                     the repository. A missing folder is an error (exit 2).
  --lexicon DIR      tag with this lexicon folder instead of the built-in one
  --show N           IDs to list per side (default 12)
  --runs N           timed runs of each way (default 5)
  --sample N         fuzzy hits to print (default 25)
  --no-instructions  skip the callgrind counts (about a minute; needs valgrind)
  --no-build         do not run `swift build -c release --product lexalign`
  -h, --help         show this help

Environment:
  LEXALIGN_CORPORA=DIR  the corpora folder when --corpora is not given.
  LEXALIGN_BIN=PATH     use this binary instead of building; implies --no-build.
USAGE
}

SCRIPT_NAME=names.sh
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LEXICON_OPT=""
SHOW=12
RUNS=5
SAMPLE=25
DO_INSTRUCTIONS=1

parse_args() {
  while (($#)); do
    case "$1" in
      --corpora) [[ $# -ge 2 ]] || die "--corpora needs a folder"; CORPORA_OPT="$2"; shift 2 ;;
      --lexicon) [[ $# -ge 2 ]] || die "--lexicon needs a folder"; LEXICON_OPT="$2"; shift 2 ;;
      --show) [[ $# -ge 2 ]] || die "--show needs a number"; require_int --show "$2" 0; SHOW="$2"; shift 2 ;;
      --runs) [[ $# -ge 2 ]] || die "--runs needs a number"; require_int --runs "$2" 1; RUNS="$2"; shift 2 ;;
      --sample) [[ $# -ge 2 ]] || die "--sample needs a number"; require_int --sample "$2" 0; SAMPLE="$2"; shift 2 ;;
      --no-build) DO_BUILD=0; shift ;;
      --no-instructions) DO_INSTRUCTIONS=0; shift ;;
      -h|--help) usage; exit 0 ;;
      *) usage >&2; die "unknown argument '$1'" ;;
    esac
  done
}

# The fuzzy pass's share of `tag`'s instructions: both ways under callgrind, one job, on the first
# 2 MB of whole lines of the corpus (start-up included, as in tag.sh).
fuzzy_instructions() {
  local corpus="$1" sample="$WORK/sample.txt"
  command -v valgrind >/dev/null || { note "valgrind not found: no instruction counts"; return; }
  head -c 2000000 "$corpus" | sed '$d' >"$sample"
  say "Counting instructions with callgrind on $(wc -c <"$sample") bytes"
  local lexicon=()
  [[ -z "$LEXICON_OPT" ]] || lexicon=(--lexicon "$LEXICON_OPT")
  callgrind_count "lexalign tag" "--fuzzy off" "$sample" \
    "$LEXALIGN" tag --jobs 1 --fuzzy off "${lexicon[@]}" "$sample"
  callgrind_count "lexalign tag" "fuzzy default" "$sample" "$LEXALIGN" tag --jobs 1 "${lexicon[@]}" "$sample"
  [[ -s "$WORK/instructions.tsv" ]] || return 0
  echo
  awk -F'\t' '
    { form[NR] = $2; bytes[NR] = $3; count[NR] = $4 }
    END {
      printf "Instructions under callgrind (one job, %.1f MB sample, start-up included):\n\n",
        bytes[1] / 1e6
      print "| run | instructions | per byte |"
      print "| --- | ---: | ---: |"
      for (i = 1; i <= NR; i++) {
        # Thousands separated by commas (awk has no format for it).
        digits = sprintf("%d", count[i]); grouped = ""
        while (length(digits) > 3) {
          grouped = "," substr(digits, length(digits) - 2) grouped
          digits = substr(digits, 1, length(digits) - 3)
        }
        printf "| `tag%s` | %s | %.1f |\n", (form[i] == "--fuzzy off" ? " --fuzzy off" : ""), digits grouped,
          count[i] / bytes[i]
      }
      if (NR == 2 && count[1] > 0)
        printf "\nThe fuzzy pass adds **%.1f%%** to the exact pass'"'"'s instructions.\n",
          100 * (count[2] - count[1]) / count[1]
    }' "$WORK/instructions.tsv"
}

main() {
  parse_args "$@"
  corpora_resolve
  corpora_require ntrex128/newstest2019-src.eng.txt ntrex128/newstest2019-ref.prs.txt ntrex128/newstest2019-ref.pus.txt \
    tico19/tico19.eng.txt tico19/tico19.prs.txt tico19/tico19.pus.txt \
    flores-v1-ps/wikipedia.devtest.ps-en.en flores-v1-ps/wikipedia.devtest.ps-en.ps
  bench_start names
  build_lexalign
  say "Tagging both sides of five corpus pairs"
  echo "# Name resolution: cross-lingual entity agreement"
  echo
  meta_common | sed 's/^/- /; s/\t/: /'
  [[ -z "$LEXICON_OPT" ]] || echo "- lexicon: $LEXICON_OPT"
  echo
  python3 "$PEERS_DIR/agreement.py" "$LEXALIGN" "$CORPORA_DIR" --show "$SHOW" ${LEXICON_OPT:+--lexicon "$LEXICON_OPT"}
  corpus_check
  local corpus
  corpus="$(ensure_corpus 5)"
  say "Timing the fuzzy pass on $corpus"
  echo
  echo "## The fuzzy pass"
  echo
  python3 "$PEERS_DIR/fuzzy_cost.py" "$LEXALIGN" "$corpus" --runs "$RUNS" --sample "$SAMPLE" \
    ${LEXICON_OPT:+--lexicon "$LEXICON_OPT"}
  ((DO_INSTRUCTIONS == 0)) || fuzzy_instructions "$corpus"
  say "Tagging the attested variant set"
  echo
  echo "## Attested variants"
  echo
  python3 "$PEERS_DIR/variants.py" "$LEXALIGN" "$REPO_ROOT/Tests/TermLexiconTests/Data/name-variants.tsv" \
    --show "$SHOW" ${LEXICON_OPT:+--lexicon "$LEXICON_OPT"}
  say "Mining the corpus pairs for held-out labels"
  echo
  echo "## Held-out labels: lexicon suggest"
  echo
  python3 "$PEERS_DIR/heldout.py" "$LEXALIGN" "${LEXICON_OPT:-$REPO_ROOT/Lexicons}" "$CORPORA_DIR"
}

main "$@"
