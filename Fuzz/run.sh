#!/usr/bin/env bash
# Builds the fuzz package and runs one fuzz target (or all five in turn) for a given time.
#
#   Fuzz/run.sh TARGET SECONDS [JOBS]     TARGET: FuzzLineDecoder, FuzzLexiconParser,
#   Fuzz/run.sh all SECONDS [JOBS]                FuzzBeadFileReader, FuzzJSONRecord, FuzzTagger
#   Fuzz/run.sh TARGET|all replay         runs each saved finding of Fuzz/regressions/TARGET/ once
#
# JOBS (default 1) fuzzing processes share the target's corpus. Each keeps going after a finding
# until the time is up: libFuzzer stops at its first crash, so a process is started again on the
# same corpus, up to MAX_FINDINGS (default 10) findings each. FUZZ_IGNORE=tag,... sets aside
# findings already reported (see Sources/FuzzSupport). SWIFT overrides the `swift` to use.
#
# Corpus: Fuzz/.corpus/<target>/ (seeds made by make-seeds.py when missing, then what the fuzzer
# adds). Findings and logs: Fuzz/.artifacts/<target>/. Both are generated, not committed.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
targets=(FuzzLineDecoder FuzzLexiconParser FuzzBeadFileReader FuzzJSONRecord FuzzTagger)
swift=${SWIFT:-swift}
max_findings=${MAX_FINDINGS:-10}

usage() {
    echo "usage: $0 TARGET|all SECONDS [JOBS]   (targets: ${targets[*]})" >&2
    exit 64
}

[ $# -ge 2 ] || usage
target=$1 seconds=$2 jobs=${3:-1}
[[ ($seconds =~ ^[0-9]+$ || $seconds = replay) && $jobs =~ ^[1-9][0-9]*$ ]] || usage

if [ "$target" = all ]; then
    status=0
    for each in "${targets[@]}"; do "$0" "$each" "$seconds" "$jobs" || status=1; done
    exit $status
fi

# Longest input per target: enough for the largest seed (make-seeds.py keeps them small).
case $target in
    FuzzLineDecoder | FuzzJSONRecord | FuzzTagger) max_len=4096 ;;
    FuzzLexiconParser) max_len=8192 ;;
    FuzzBeadFileReader) max_len=8192 ;;
    *) usage ;;
esac

# -sanitize=fuzzer instruments every module for coverage and links libFuzzer's main; address
# adds ASan. lld, because gold fails on ASan's debug info ("internal error in format_file_lineno").
# The package depends on ".." by path, so this builds the working tree as it is now.
echo "building $target ..." >&2
"$swift" build -c release --package-path "$here" --product "$target" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld >&2
binary="$("$swift" build -c release --package-path "$here" --show-bin-path)/$target"

# Replay: every finding kept as a regression input, run once; says which still fail and why.
if [ "$seconds" = replay ]; then
    status=0
    for input in "$here/regressions/$target"/*; do
        [ -f "$input" ] || continue
        if output=$(SWIFT_BACKTRACE=enable=no "$binary" "$input" 2>&1); then
            echo "passes: ${input#"$here/"}"
        else
            status=1
            echo "FAILS:  ${input#"$here/"}: $(grep -m1 -oE "property violated: .{0,150}|Fatal error: .{0,150}|ERROR: [A-Za-z]+: .{0,150}" <<<"$output")"
        fi
    done
    exit $status
fi

corpus="$here/.corpus/$target"
[ -d "$corpus" ] || python3 "$here/make-seeds.py"
artifacts="$here/.artifacts/$target"
logs="$artifacts/logs/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$artifacts" "$logs"

# One fuzzing process after another until the time is up. Swift's own crash backtracer is off:
# it fights ASan, and libFuzzer prints the stack itself.
worker() {
    local log="$logs/worker-$1.log" deadline=$(($(date +%s) + seconds)) found=0 remaining before
    while remaining=$((deadline - $(date +%s))) && [ "$remaining" -gt 0 ]; do
        before=$(grep -c "Test unit written to" "$log" 2>/dev/null || true)
        SWIFT_BACKTRACE=enable=no "$binary" "$corpus" \
            -max_total_time="$remaining" -max_len="$max_len" -timeout=30 \
            -rss_limit_mb=2048 -malloc_limit_mb=2048 -print_final_stats=1 \
            -artifact_prefix="$artifacts/" >>"$log" 2>&1 && break
        # Stopped early: a finding (go on unless there were too many), or something else (stop).
        [ "$(grep -c "Test unit written to" "$log")" -gt "${before:-0}" ] || break
        found=$((found + 1))
        [ "$found" -lt "$max_findings" ] || break
    done
}

echo "fuzzing $target for $seconds s with $jobs process(es); logs in ${logs#"$here/"}" >&2
for job in $(seq "$jobs"); do worker "$job" & done
wait

# The summary: executions summed over every process start, coverage as last reported.
cat "$logs"/worker-*.log | awk -v target="$target" -v seconds="$seconds" -v jobs="$jobs" \
    -v corpus="$(find "$corpus" -type f | wc -l)" -v here="$here/" '
    /^stat::number_of_executed_units:/ { executions += $2 }
    /cov: [0-9]+ ft: [0-9]+/ {
        for (i = 1; i < NF; i++) {
            if ($i == "cov:" && $(i + 1) > cov) cov = $(i + 1)
            if ($i == "ft:" && $(i + 1) > ft) ft = $(i + 1)
        }
    }
    # What each finding was: the first telling line before "Test unit written to".
    reason == "" && /property violated: \[/ { reason = $0; sub(/.*property violated: /, "", reason) }
    reason == "" && /Fatal error:/ { reason = $0; sub(/.*Fatal error: /, "Swift fatal error: ", reason) }
    reason == "" && /ERROR: (AddressSanitizer|libFuzzer|LeakSanitizer):/ { reason = $0; sub(/.*ERROR: /, "", reason) }
    /Test unit written to/ {
        path = $NF; sub(here, "", path)
        findings[++count] = sprintf("  %s  %s", path, substr(reason, 1, 160))
        reason = ""
    }
    END {
        printf "%s: %d executions in %d s x %d (%d exec/s), cov %d, ft %d, corpus %d files, findings %d%s\n",
            target, executions, seconds, jobs, executions / (seconds * jobs + 0.001), cov, ft, corpus, count,
            count ? " (in Fuzz/.artifacts/" target "/):" : ""
        for (i = 1; i <= count; i++) print findings[i]
    }' | tee "$logs/summary.txt"
