#!/usr/bin/env bash
# Start-up of `lexalign`: the release binary as SwiftPM links it (Swift's
# libraries shared) and a static one (--static-swift-stdlib), timed in the same
# run, interleaved, with the instructions callgrind counts. See
# Benchmarks/README.md, or run with --help.
#
# The Markdown report goes to stdout; progress and notes go to stderr.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: Benchmarks/startup.sh [options]

Times whole processes that do almost nothing but start: `lexalign --version`,
`echo | lexalign tag` (an empty line), one line of Dari and English through
`tag` and through `tag --fuzzy off`, all in an empty folder, and `echo |
lexalign tag` inside the clone (where it compares ./Lexicons with the lexicon
built in, to say when they differ); each for the release binary and a static
build of it, interleaved round by round, and prints the medians, the fastest
run and the instructions of each (callgrind, the release binary). Needs no
corpora.

Options:
  --runs N       rounds (default 40)
  --no-static    skip the static build (it takes a few minutes the first time)
  --no-build     use the binaries already built
  -h, --help     this text

Environment: LEXALIGN_BIN=PATH times that binary instead of the release build
(and implies --no-build for it).
EOF
}

SCRIPT_NAME=startup.sh
# shellcheck source=Benchmarks/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS=40
STATIC=1
while (($#)); do
  case "$1" in
    --runs) [[ $# -ge 2 ]] || die "--runs needs a value"; require_int --runs "$2"; RUNS="$2"; shift 2 ;;
    --no-static) STATIC=0; shift ;;
    --no-build) DO_BUILD=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown option: $1 (see --help)" ;;
  esac
done

bench_start lexalign-startup
build_lexalign
STATIC_BIN=""
if ((STATIC)); then
  STATIC_PATH="$REPO_ROOT/.build/static"
  if ((DO_BUILD)); then
    say "Building the static binary: swift build -c release --static-swift-stdlib --build-path .build/static"
    (cd "$REPO_ROOT" \
      && swift build -c release --static-swift-stdlib --product lexalign --build-path "$STATIC_PATH") >&2 \
      || die "static build failed (or pass --no-static)"
  fi
  STATIC_BIN="$STATIC_PATH/release/lexalign"
  [[ -x "$STATIC_BIN" ]] || die "no static binary at $STATIC_BIN (drop --no-build, or pass --no-static)"
fi

# One line of each script the tagger reads, with names in both.
LINE='وزیر خارجه امیر خان متقی در کابل گفت Amir Khan Muttaqi said in Kabul'
printf '%s\n' "$LINE" >"$WORK/line.txt"
: >"$WORK/empty.txt"
printf '\n' >"$WORK/newline.txt"

# Everything runs in the work folder: inside a clone, `tag` also compares ./Lexicons with the
# lexicon built in (to say when they differ), which is not start-up.
cd "$WORK"
say "Timing $RUNS rounds"
python3 - "$RUNS" "$WORK" "$REPO_ROOT" "$LEXALIGN" ${STATIC_BIN:+"$STATIC_BIN"} >"$WORK/times.tsv" <<'PY'
import statistics, subprocess, sys, time
runs, work, clone, binaries = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
cases = [("lexalign --version", ["--version"], "empty.txt", work),
         ("echo | lexalign tag", ["tag"], "newline.txt", work),
         ("one line | lexalign tag", ["tag"], "line.txt", work),
         ("one line | lexalign tag --fuzzy off", ["tag", "--fuzzy", "off"], "line.txt", work),
         ("echo | lexalign tag, in the clone", ["tag"], "newline.txt", clone)]
times = {}
for _ in range(runs):
    for kind, binary in zip(("release", "static"), binaries):
        for name, args, stdin, folder in cases:
            with open(f"{work}/{stdin}", "rb") as source:
                start = time.perf_counter()
                subprocess.run([binary] + args, stdin=source, stdout=subprocess.DEVNULL, check=True, cwd=folder)
                times.setdefault((name, kind), []).append((time.perf_counter() - start) * 1000)
for (name, kind), values in times.items():
    print(f"{name}\t{kind}\t{statistics.median(values):.1f}\t{min(values):.1f}")
PY

if command -v valgrind >/dev/null; then
  say "Counting instructions (callgrind)"
  callgrind_count lexalign --version "$WORK/empty.txt" "$LEXALIGN" --version
  callgrind_count lexalign echo-tag "$WORK/newline.txt" "$LEXALIGN" tag "$WORK/newline.txt"
  callgrind_count lexalign line-tag "$WORK/line.txt" "$LEXALIGN" tag "$WORK/line.txt"
  callgrind_count lexalign line-tag-off "$WORK/line.txt" "$LEXALIGN" tag --fuzzy off "$WORK/line.txt"
  (cd "$REPO_ROOT" && callgrind_count lexalign clone-tag "$WORK/newline.txt" "$LEXALIGN" tag "$WORK/newline.txt")
else
  note "valgrind not found: no instruction counts"
fi

instructions() {
  awk -F'\t' -v form="$1" '$2 == form { printf "%.1f M", $4 / 1e6 }' "$WORK/instructions.tsv" 2>/dev/null
}
median() { awk -F'\t' -v name="$1" -v kind="$2" '$1 == name && $2 == kind { print $3 " (" $4 ")" }' "$WORK/times.tsv"; }

echo "## Start-up"
echo
meta_common | sed 's/^corpora\t.*//' | awk -F'\t' 'NF == 2 { printf "- %s: %s\n", $1, $2 }'
echo "- rounds: $RUNS, interleaved; milliseconds, median (fastest)"
echo
echo "| command | release binary | static binary | instructions (release) |"
echo "| --- | ---: | ---: | ---: |"
for pair in "lexalign --version|--version" "echo | lexalign tag|echo-tag" "one line | lexalign tag|line-tag" \
            "one line | lexalign tag --fuzzy off|line-tag-off" "echo | lexalign tag, in the clone|clone-tag"; do
  name="${pair%|*}" form="${pair##*|}" shown="${pair%|*}"
  shown="${shown//|/\\|}"
  static="n/a"
  ((STATIC)) && static="$(median "$name" static)"
  echo "| \`$shown\` | $(median "$name" release) | $static | $(instructions "$form") |"
done
echo
target="$(awk -F'\t' '$1 == "echo | lexalign tag" { if (best == "" || $3 < best) best = $3 } END { print best }' \
  "$WORK/times.tsv")"
echo "| target | now | met? |"
echo "| --- | ---: | :---: |"
met="$(awk -v t="$target" 'BEGIN { print (t < 10 ? "yes" : "**no**") }')"
echo "| \`echo \\| lexalign tag\` under 10 ms (median, best binary) | $target ms | $met |"
