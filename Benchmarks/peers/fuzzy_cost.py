#!/usr/bin/env python3
"""What the fuzzy pass of `lexalign tag` costs and finds on one corpus file.

- speed: `tag --fuzzy off` and `tag` (default fuzzy level) run alternately RUNS times each on
  the file; medians of wall time, MB/s and the ratio (the fuzzy pass's share of the time);
- start-up: `tag` of an empty input, both ways, STARTUP_RUNS times each, medians;
- hits per MB by match kind (exact, variant, affixed, fuzzy) from one default run;
- a sample of fuzzy hits (every k-th, so the same file gives the same sample) to read.

usage: fuzzy_cost.py LEXALIGN FILE [--runs N] [--startup-runs N] [--sample N] [--lexicon DIR]
Prints Markdown (stdout).
"""
import argparse
import collections
import json
import os
import statistics
import subprocess
import time


def run(command, stdin=None):
    start = time.perf_counter()
    with open(stdin or os.devnull, "rb") as source:
        subprocess.run(command, stdin=source, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lexalign")
    parser.add_argument("file")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--startup-runs", type=int, default=20)
    parser.add_argument("--sample", type=int, default=25)
    parser.add_argument("--lexicon")
    args = parser.parse_args()
    lexicon = ["--lexicon", args.lexicon] if args.lexicon else []
    size_mb = os.path.getsize(args.file) / 1e6

    times = {"off": [], "default": []}
    for _ in range(args.runs):
        for level in ("off", "default"):
            times[level].append(run([args.lexalign, "tag", "--quiet", "--fuzzy", level] + lexicon + [args.file]))
    startup = {"off": [], "default": []}
    for _ in range(args.startup_runs):
        for level in ("off", "default"):
            startup[level].append(run([args.lexalign, "tag", "--quiet", "--fuzzy", level] + lexicon))

    off, default = statistics.median(times["off"]), statistics.median(times["default"])
    print(f"Speed on {os.path.basename(args.file)} ({size_mb:.1f} MB), medians of {args.runs} interleaved runs:")
    print()
    print("| run | wall s | MB/s | start-up ms |")
    print("| --- | ---: | ---: | ---: |")
    for level, wall in (("`tag --fuzzy off` (exact pass only)", off), ("`tag` (exact + fuzzy, default)", default)):
        key = "off" if "off" in level else "default"
        print(f"| {level} | {wall:.3f} | {size_mb / wall:.1f} | {statistics.median(startup[key]) * 1000:.1f} |")
    print()
    print(f"The fuzzy pass adds **{(default - off) / off * 100:.1f}%** to the exact pass's time.")
    print()

    output = subprocess.run([args.lexalign, "tag", "--quiet"] + lexicon + [args.file], capture_output=True,
                            check=True).stdout.decode("utf-8")
    kinds = collections.Counter()
    fuzzy = []
    for line in output.splitlines():
        record = json.loads(line)
        for mention in record["mentions"]:
            kinds[mention["match"]] += 1
            if mention["match"] == "fuzzy":
                fuzzy.append((record["line"], mention["surface"], mention["id"], mention["via"], mention["score"]))
    print("| match | mentions | per MB |")
    print("| --- | ---: | ---: |")
    for kind in ("exact", "variant", "affixed", "fuzzy"):
        print(f"| {kind} | {kinds[kind]} | {kinds[kind] / size_mb:.1f} |")
    print()
    step = max(1, len(fuzzy) // max(args.sample, 1))
    print(f"A sample of fuzzy hits ({min(len(fuzzy), args.sample)} of {len(fuzzy)}, evenly spaced):")
    print()
    print("| line | surface | id | via | score |")
    print("| ---: | --- | --- | --- | ---: |")
    for line, surface, entity, via, score in fuzzy[::step][: args.sample]:
        print(f"| {line} | {surface} | {entity} | {via} | {score:.3f} |")


if __name__ == "__main__":
    main()
