#!/usr/bin/env python3
"""Timing, memory and report helper for Benchmarks/normalize.sh.

    bench.py run --plan PLAN --runs N --out RESULTS.json [--startup EMPTY]
    bench.py maxrss -- CMD ARGS...          # prints peak RSS of CMD in KiB
    bench.py report --results RESULTS.json --meta META [--memory MEMORY] [--instructions TSV]

PLAN is a tab-separated file written by normalize.sh, one command a line:

    tool  form  jobs  input-file  stdin-file-or-"-"  argv0  argv1 ...

An argv holding the word `--and--` is two or more commands started together and
timed until the last one exits (jobs `1+1`: two one-job processes at once, each
on half of the input, which is what this machine gives two workers that share
nothing; such an entry has no start-up run).

`run` times whole processes (start-up included) with time.perf_counter around
subprocess.run, stdout to /dev/null. The plan is run in rounds: round 1 runs
every command once, then round 2, ... so that a burst of load from other
users of this shared machine hits all tools alike instead of one tool's runs.
The median of the runs is what the report uses; min and max show the noise.

With --startup EMPTY (an empty file), every distinct tool/form/jobs is also
run on EMPTY in each round. That start-up time (interpreter and imports for
the Python peers, lexicon loading for lexalign) is reported in its own
column, and "net MB/s" subtracts it: it matters for hazm, whose ~3 s of
imports is a large share of a run on a 5 MB prefix.

MB means MiB (2^20 bytes) throughout, for sizes and MB/s alike.
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time

MIB = 1 << 20
LEXALIGN = "lexalign"


def read_plan(path):
    entries = []
    with open(path, encoding="utf-8") as f:
        for raw in f:
            fields = raw.rstrip("\n").split("\t")
            if len(fields) < 6:
                continue
            tool, form, jobs, infile, stdin, *argv = fields
            entries.append(
                {
                    "tool": tool,
                    "form": form,
                    "jobs": jobs,
                    "input": infile,
                    "bytes": os.path.getsize(infile),
                    "stdin": None if stdin == "-" else stdin,
                    "argv": argv,
                    "times": [],
                }
            )
    return entries


def startup_entries(entries, empty):
    """One entry per distinct (tool, form, jobs), with the input swapped for EMPTY."""
    seen, out = set(), []
    for e in entries:
        key = (e["tool"], e["form"], e["jobs"])
        if key in seen or AND in e["argv"]:
            continue
        seen.add(key)
        out.append(
            dict(
                e,
                input=empty,
                bytes=0,
                stdin=empty if e["stdin"] else None,
                argv=[empty if a == e["input"] else a for a in e["argv"]],
                times=[],
                startup=True,
            )
        )
    return out


AND = "--and--"


def commands(argv):
    """The commands of an argv: itself, or its parts between `--and--` words."""
    out, current = [], []
    for word in argv:
        if word == AND:
            out.append(current)
            current = []
        else:
            current.append(word)
    return out + [current]


def time_once(entry):
    stdin = open(entry["stdin"], "rb") if entry["stdin"] else subprocess.DEVNULL
    try:
        start = time.perf_counter()
        procs = [
            subprocess.Popen(argv, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            for argv in commands(entry["argv"])
        ]
        errors = [proc.communicate()[1] for proc in procs]
        elapsed = time.perf_counter() - start
    finally:
        if entry["stdin"]:
            stdin.close()
    for proc, argv, err in zip(procs, commands(entry["argv"]), errors):
        if proc.returncode != 0:
            lines = err.decode("utf-8", "replace").strip().splitlines()[-15:]
            sys.exit(
                f"bench: command failed (exit {proc.returncode}): {' '.join(argv)}\n"
                + "\n".join("  | " + line for line in lines)
            )
    return elapsed


def label(entry):
    jobs = f" jobs={entry['jobs']}" if entry["jobs"] != "-" else ""
    size = "empty" if entry.get("startup") else f"{entry['bytes'] / MIB:.0f} MB"
    return f"{entry['tool']} {entry['form']}{jobs} [{size}]"


def cmd_run(args):
    entries = read_plan(args.plan)
    if args.startup:
        entries += startup_entries(entries, args.startup)
    for r in range(1, args.runs + 1):
        for e in entries:
            t = time_once(e)
            e["times"].append(t)
            print(
                f"  round {r}/{args.runs}: {label(e):<42} {t:8.3f} s",
                file=sys.stderr,
                flush=True,
            )
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(entries, f, indent=1)


def cmd_maxrss(args):
    # Python's own fallback when /usr/bin/time is missing: RUSAGE_CHILDREN's
    # ru_maxrss is the peak of the largest waited-for child; we run exactly
    # one, so it is that command's peak (KiB on Linux). Caveat: Linux folds
    # the memory the child had before exec (a vfork of this Python process)
    # into that peak, so this reads at least ~15 MB even for `cat`;
    # /usr/bin/time -v, a small C program, has no such floor.
    if not args.cmd:
        sys.exit("bench maxrss: no command")
    with open(os.devnull, "wb") as devnull:
        rc = subprocess.run(args.cmd, stdout=devnull).returncode
    if rc != 0:
        sys.exit(f"bench maxrss: command failed (exit {rc})")
    print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


# ---------------------------------------------------------------- report


def read_meta(path):
    meta = []
    with open(path, encoding="utf-8") as f:
        for raw in f:
            if "\t" in raw:
                key, value = raw.rstrip("\n").split("\t", 1)
                meta.append((key, value))
    return meta


def mbps(entry):
    return entry["bytes"] / MIB / statistics.median(entry["times"])


def fmt_ratio(x):
    return f"{x:.1f}×" if x >= 10 else f"{x:.2f}×"


def main_table(entries, startups, full_bytes):
    startup = {
        (e["tool"], e["form"], e["jobs"]): statistics.median(e["times"]) for e in startups
    }
    lines = [
        "| tool | form | jobs | input | MB processed | median s | min–max s | MB/s "
        "| start-up s | net MB/s |",
        "| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for e in entries:
        med = statistics.median(e["times"])
        where = "full corpus" if e["bytes"] == full_bytes else "prefix"
        st = startup.get((e["tool"], e["form"], e["jobs"]))
        st_cell, net_cell = "–", "–"
        if st is not None:
            st_cell = f"{st:.3f}"
            # Net of start-up; meaningless when start-up is most of the run.
            net_cell = f"{e['bytes'] / MIB / (med - st):.2f}" if med > 1.5 * st else "n/a"
        lines.append(
            f"| {e['tool']} | {e['form']} | {e['jobs']} | {where} | {e['bytes'] / MIB:.1f} "
            f"| {med:.3f} | {min(e['times']):.3f}–{max(e['times']):.3f} | {mbps(e):.2f} "
            f"| {st_cell} | {net_cell} |"
        )
    return lines


def ratio_table(entries):
    """lexalign (jobs=1, each form) against each peer, on the SAME input file.

    Same input means the ratio of MB/s is just the ratio of median times, and
    start-up cost weighs the same on both sides.
    """
    lex = {
        (e["form"], e["input"]): e
        for e in entries
        if e["tool"] == LEXALIGN and e["jobs"] == "1"
    }
    peers = [e for e in entries if e["tool"] != LEXALIGN]
    forms = [f for f in ("key", "text", "latin") if any(k[0] == f for k in lex)]
    if not peers or not forms:
        return []
    head = "| lexalign jobs=1 | " + " | ".join(
        f"vs {p['tool']} ({p['bytes'] / MIB:.0f} MB)" for p in peers
    ) + " |"
    lines = [head, "| --- |" + " ---: |" * len(peers)]
    for form in forms:
        cells = []
        for p in peers:
            e = lex.get((form, p["input"]))
            if e is None:
                cells.append("–")
            else:
                cells.append(fmt_ratio(statistics.median(p["times"]) / statistics.median(e["times"])))
        lines.append(f"| --form {form} | " + " | ".join(cells) + " |")
    return lines


def jobs_line(entries, full_input):
    pick = {
        e["jobs"]: e
        for e in entries
        if e["tool"] == LEXALIGN and e["form"] == "key" and e["input"] == full_input
    }
    if "1" in pick and "2" in pick:
        j1, j2 = (statistics.median(pick[j]["times"]) for j in ("1", "2"))
        line = (
            f"lexalign --form key, --jobs 2 vs --jobs 1 on the full corpus: "
            f"{fmt_ratio(j1 / j2)} ({j1:.3f} s → {j2:.3f} s)"
        )
        if "1+1" in pick:
            pair = statistics.median(pick["1+1"]["times"])
            line += (
                f"; two --jobs 1 processes at once, each on half of the corpus: {fmt_ratio(j1 / pair)} "
                f"({pair:.3f} s), the most two workers that share nothing get from this machine"
            )
        return line
    return None


def cmd_report(args):
    meta = read_meta(args.meta)
    meta_d = dict(meta)
    with open(args.results, encoding="utf-8") as f:
        everything = json.load(f)
    entries = [e for e in everything if not e.get("startup")]
    startups = [e for e in everything if e.get("startup")]
    full_input = meta_d.get("corpus file", "")
    full_bytes = os.path.getsize(full_input) if os.path.exists(full_input) else -1

    out = ["# lexalign normalize benchmark", ""]
    for key, value in meta:
        out.append(f"- **{key}**: {value}")
    out += ["", "## Wall time (whole process, median of runs)", ""]
    out += main_table(entries, startups, full_bytes)
    if startups:
        out += [
            "",
            "MB/s is input MB ÷ median wall time, start-up included. Start-up is the "
            "median time on an empty file; net MB/s = MB ÷ (median − start-up).",
        ]
    prefix_tools = sorted(
        {e["tool"] for e in entries if e["bytes"] != full_bytes and e["tool"] != LEXALIGN}
    )
    if prefix_tools:
        out += [
            "",
            f"Peers timed on a prefix of the corpus (slow): {', '.join(prefix_tools)}. "
            "Their MB/s is computed on the prefix they processed; lexalign is also "
            "timed on that prefix so the ratios below compare equal inputs.",
        ]
    ratios = ratio_table(entries)
    if ratios:
        out += [
            "",
            "## Speed-up of lexalign over each peer (peer median s ÷ lexalign median s, same input)",
            "",
        ] + ratios
        out += [
            "",
            "The forms do different work than the peers (see Benchmarks/README.md): "
            "these ratios are cost comparisons, not like-for-like output.",
        ]
    jl = jobs_line(entries, full_input)
    if jl:
        out += ["", jl]
    if args.memory and os.path.exists(args.memory):
        with open(args.memory, encoding="utf-8") as f:
            mem = [line.rstrip("\n") for line in f if line.strip()]
        if mem:
            out += ["", "## Peak memory (maximum resident set size)", ""]
            out += ["| command | input | max RSS MB |", "| --- | --- | ---: |"]
            for line in mem:
                cmd, infile, kib = line.split("\t")
                size = os.path.getsize(infile) / MIB if os.path.exists(infile) else float("nan")
                out.append(f"| `{cmd}` | {size:.0f} MB | {int(kib) / 1024:.1f} |")
    if args.instructions and os.path.exists(args.instructions):
        out += instruction_table(args.instructions)
    print("\n".join(out))


def instruction_table(path):
    """Instructions per input byte from callgrind (normalize.sh's count_instructions)."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) == 4:
                rows.append((fields[0], fields[1], int(fields[2]), int(fields[3])))
    if not rows:
        return []
    out = [
        "",
        "## Instructions per input byte (callgrind, one run each, start-up included)",
        "",
        "| tool | form | sample MB | instructions | per byte |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for tool, form, size, total in rows:
        out.append(f"| {tool} | {form} | {size / 1e6:.1f} | {total:,} | {total / size:.1f} |")
    return out


def main():
    ap = argparse.ArgumentParser(description="timing/report helper for normalize.sh")
    sub = ap.add_subparsers(dest="cmd_name", required=True)
    p = sub.add_parser("run")
    p.add_argument("--plan", required=True)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--out", required=True)
    p.add_argument("--startup", help="an empty file: also time start-up")
    p.set_defaults(func=cmd_run)
    p = sub.add_parser("maxrss")
    p.add_argument("cmd", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_maxrss)
    p = sub.add_parser("report")
    p.add_argument("--results", required=True)
    p.add_argument("--meta", required=True)
    p.add_argument("--memory")
    p.add_argument("--instructions", help="tool, form, bytes, instructions per line (callgrind)")
    p.set_defaults(func=cmd_report)
    args = ap.parse_args()
    if args.cmd_name == "maxrss" and args.cmd and args.cmd[0] == "--":
        args.cmd = args.cmd[1:]
    args.func(args)


if __name__ == "__main__":
    main()
