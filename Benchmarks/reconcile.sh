#!/usr/bin/env bash
# How `lexalign serve` reconciles names for OpenRefine: every row of the attested
# variant set (Tests/TermLexiconTests/Data/name-variants.tsv) sent to /reconcile
# as OpenRefine sends queries, with how often the right entity comes first, how
# often a wrong one is matched automatically or scored 90 or more, and the time
# the whole set takes. See Benchmarks/README.md, or run with --help.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: Benchmarks/reconcile.sh [options]

Starts `lexalign serve --port 0` on an empty folder (the built-in lexicon, or
--lexicon), sends the variant set to /reconcile in batches of 10 queries
without a type, and reports a Markdown table (stdout); misses and wrong
candidates go to stderr. Needs python3 (standard library only).

Options:
  --lexicon DIR      reconcile with this lexicon folder instead of the built-in one
  --runs N           timed passes over the set (default 5)
  --no-build         do not run `swift build -c release --product lexalign`
  -h, --help         show this help

Environment:
  LEXALIGN_BIN=PATH  use this binary instead of building; implies --no-build.
USAGE
}

SCRIPT_NAME=reconcile.sh
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LEXICON_OPT=""
RUNS=5

parse_args() {
  while (($#)); do
    case "$1" in
      --lexicon) [[ $# -ge 2 ]] || die "--lexicon needs a folder"; LEXICON_OPT="$2"; shift 2 ;;
      --runs) [[ $# -ge 2 ]] || die "--runs needs a number"; require_int --runs "$2" 1; RUNS="$2"; shift 2 ;;
      --no-build) DO_BUILD=0; shift ;;
      -h|--help) usage; exit 0 ;;
      *) usage >&2; die "unknown argument '$1'" ;;
    esac
  done
}

main() {
  parse_args "$@"
  bench_start reconcile
  build_lexalign
  local variants="$REPO_ROOT/Tests/TermLexiconTests/Data/name-variants.tsv" log="$WORK/serve.log" url=""
  mkdir -p "$WORK/root"
  local args=(serve --port 0)
  [[ -z "$LEXICON_OPT" ]] || args+=(--lexicon "$LEXICON_OPT")
  "$LEXALIGN" "${args[@]}" "$WORK/root" 2>"$log" &
  SERVER_PID=$!
  trap 'kill "$SERVER_PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
  for _ in $(seq 100); do
    url="$(grep -o 'http://[^ ]*/' "$log" | head -n 1 || true)"
    [[ -z "$url" ]] || break
    kill -0 "$SERVER_PID" 2>/dev/null || die "lexalign serve stopped: $(cat "$log")"
    sleep 0.1
  done
  [[ -n "$url" ]] || die "lexalign serve printed no address: $(cat "$log")"
  say "Reconciling $(grep -vc '^#' "$variants") rows of the variant set at ${url}reconcile"
  echo "# Reconciliation on the attested variant set"
  echo
  meta_common | grep -v '^corpora' | sed 's/^/- /; s/\t/: /'
  echo "- lexicon: ${LEXICON_OPT:-built-in}"
  echo
  python3 "$REPO_ROOT/Benchmarks/peers/reconcile_variants.py" "${url}reconcile" "$variants" "$RUNS"
  kill -TERM "$SERVER_PID"
  wait "$SERVER_PID" || die "lexalign serve did not stop cleanly: $(tail -n 3 "$log")"
}

main "$@"
