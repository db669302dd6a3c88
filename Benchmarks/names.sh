#!/usr/bin/env bash
# How well `lexalign tag` resolves names: the cross-lingual entity agreement on
# the five line-parallel corpus pairs (English side against the Dari or Pashto
# side of the same line). See Benchmarks/README.md, or run with --help.
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
Jaccard), with the IDs most often found on one side only (stderr).

Options:
  --corpora DIR      the corpora folder (ntrex128/, tico19/, flores-v1-ps/);
                     default $LEXALIGN_CORPORA, else ../shared/corpora next to
                     the repository. A missing folder is an error (exit 2).
  --lexicon DIR      tag with this lexicon folder instead of the built-in one
  --show N           IDs to list per side (default 12)
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

parse_args() {
  while (($#)); do
    case "$1" in
      --corpora) [[ $# -ge 2 ]] || die "--corpora needs a folder"; CORPORA_OPT="$2"; shift 2 ;;
      --lexicon) [[ $# -ge 2 ]] || die "--lexicon needs a folder"; LEXICON_OPT="$2"; shift 2 ;;
      --show) [[ $# -ge 2 ]] || die "--show needs a number"; require_int --show "$2" 0; SHOW="$2"; shift 2 ;;
      --no-build) DO_BUILD=0; shift ;;
      -h|--help) usage; exit 0 ;;
      *) usage >&2; die "unknown argument '$1'" ;;
    esac
  done
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
}

main "$@"
