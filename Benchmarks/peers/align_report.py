#!/usr/bin/env python3
"""Markdown report for Benchmarks/align.sh.

    align_report.py --run RUN.tsv --meta META.tsv --align-eval ALIGN_EVAL.py ...

RUN.tsv (written by align.sh) lists what this run measured, one row each:

    startup  DIR                          DIR/startup.json (bench.py run), DIR/rss-lexalign.txt
    quality  PAIR  RATE  DIR  NLTK-STATE  DIR/docs/ (align_eval build), DIR/lexalign.json,
                                          DIR/lexalign/*.align, DIR/nltk/result.json, DIR/nltk/*.align
    long     SIZE  DIR  NLTK-STATE        DIR/docs/000/, DIR/lexalign-times.json, DIR/rss-lexalign.txt,
                                          DIR/lexalign/000.lexalign.align, DIR/nltk/status.tsv

NLTK-STATE is ran, reused (--reuse-nltk: an earlier run's result for the
same documents) or skipped. The quality figures are align_eval.py run's own
(micro-averaged strict/lax bead F1); the long documents are scored here with
align_eval's scorer, imported from --align-eval. Every kept output is also
checked to be a monotone cover of both sides (align_eval's check_cover): an
aligner that drops or repeats sentence ids is reported even when its F1 looks
fine. Standard library only.
"""

import argparse
import importlib.util
import json
import os
import statistics
import sys

LABELS = {
    "ntrex-prs": "NTREX-128 eng–prs",
    "ntrex-pus": "NTREX-128 eng–pus",
    "tico-prs": "TICO-19 eng–prs",
    "tico-pus": "TICO-19 eng–pus",
    "flores-pus": "FLORES v1 eng–pus",
}
# Targets for lexalign's strict F1, on every pair.
F1_TARGETS = {0.2: 0.95, 0.3: 0.90}
# Long-document targets (median wall time of the whole process, seconds), and
# how many times the 3,000-pair time the 20,000-pair document may take (linear
# would be 6.7).
TIME_TARGETS = {3000: 1.0, 10000: 1.0}
LINEAR_TIME = (3000, 20000, 7.0)
# "Roughly linear" memory: RSS above the 10-line document's grows by at most
# this factor times the growth in sentences (quadratic growth would be the
# square of the sentence ratio), or by less than LINEAR_SLACK_MB in all.
LINEAR_FACTOR = 1.5
LINEAR_SLACK_MB = 10.0
MIB_KIB = 1024


def load_align_eval(path):
    spec = importlib.util.spec_from_file_location("align_eval", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def read_tsv_kv(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for raw in f:
            if "\t" in raw:
                k, v = raw.rstrip("\n").split("\t", 1)
                out.append((k, v))
    return out


def read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def read_text(path, default=""):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read().strip()
    except OSError:
        return default


def f3(x):
    return "–" if x is None else f"{x:.3f}"


def mb(kib):
    return None if kib in (None, "") else int(kib) / MIB_KIB


def fmt_s(x):
    if x is None:
        return "–"
    return f"{x:.3f}" if x < 10 else f"{x:.1f}"


def per_doc(res):
    """Seconds per document of an align_eval run result."""
    return res["time_s"] / res["docs"] if res["docs"] else 0.0


def count_lines(path):
    with open(path, encoding="utf-8") as f:
        return sum(1 for _ in f)


def doc_dirs(docs):
    return sorted(d for d in os.listdir(docs) if os.path.isfile(os.path.join(docs, d, "gold.txt")))


def check_outputs(ae, docs, outdir, name):
    """(missing, invalid) outputs of aligner NAME over the documents in DOCS."""
    missing, invalid = [], []
    for d in doc_dirs(docs):
        out = os.path.join(outdir, f"{d}.{name}.align")
        if not os.path.exists(out):
            missing.append(d)
            continue
        ns = count_lines(os.path.join(docs, d, "source.txt"))
        nt = count_lines(os.path.join(docs, d, "target.txt"))
        try:
            problem = ae.check_cover(ae.read_beads(out), ns, nt)
        except ValueError as e:
            problem = str(e)
        if problem:
            invalid.append(f"{d}: {problem}")
    return missing, invalid


def score_one(ae, gold, out):
    """strict F1, lax F1, cover problem ('' if none) of one output file."""
    test = ae.read_beads(out)
    g = ae.read_beads(gold)
    res = ae.score_docs([g], [test])
    src = os.path.join(os.path.dirname(gold), "source.txt")
    tgt = os.path.join(os.path.dirname(gold), "target.txt")
    return res["f1_strict"], res["f1_lax"], ae.check_cover(test, count_lines(src), count_lines(tgt))


def main():
    ap = argparse.ArgumentParser(description="report for align.sh")
    ap.add_argument("--run", required=True)
    ap.add_argument("--meta", required=True)
    ap.add_argument("--align-eval", required=True)
    ap.add_argument("--runs", type=int, required=True)
    ap.add_argument("--long-rate", required=True)
    ap.add_argument("--nltk-timeout", type=int, required=True)
    ap.add_argument("--all-pairs", required=True)
    ap.add_argument("--flores", default="devtest")
    args = ap.parse_args()
    ae = load_align_eval(args.align_eval)
    all_pairs = args.all_pairs.split(",")
    labels = dict(LABELS)
    labels["flores-pus"] += f" ({args.flores})"

    rows = []
    with open(args.run, encoding="utf-8") as f:
        for raw in f:
            if raw.strip():
                rows.append(raw.rstrip("\n").split("\t"))

    out = ["# lexalign align benchmark", ""]
    out += [f"- **{k}**: {v}" for k, v in read_tsv_kv(args.meta)]
    problems = []
    targets = []

    def target(name, measured, ok):
        targets.append(f"| {name} | {measured} | {ok} |")

    # ------------------------------------------------------------ start-up
    startup = {}
    base_kib = None
    for r in rows:
        if r[0] != "startup":
            continue
        for e in read_json(os.path.join(r[1], "startup.json")):
            startup[e["tool"]] = e["times"]
        base_kib = read_text(os.path.join(r[1], "rss-lexalign.txt")) or None

    # ------------------------------------------------------------- quality
    quality = [r for r in rows if r[0] == "quality"]
    by_rate = {}
    any_reused = False
    if quality:
        out += ["", "## Alignment quality", "",
                "Strict and lax bead F1, micro-averaged over the documents (align_eval.py, "
                "after Vecalign's score.py); s/doc = wall time per document, whole process.", "",
                "| pair | rate | docs | non-1-1 gold beads | lexalign strict F1 | lexalign lax F1 "
                "| NLTK strict F1 | NLTK lax F1 | lexalign s/doc | NLTK s/doc |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for _, pair, rate, d, nltk_state in quality:
            meta = read_json(os.path.join(d, "docs", "meta.json"))
            types = meta["gold_bead_types"]
            total = sum(types.values())
            nonone = total - types.get("1-1", 0)
            lex = read_json(os.path.join(d, "lexalign.json"))
            miss, bad = check_outputs(ae, os.path.join(d, "docs"), os.path.join(d, "lexalign"), "lexalign")
            flag = ""
            if lex["failures"] or bad:
                flag = " ⚠"
                if lex["failures"]:
                    problems.append(f"lexalign, {pair} rate {rate}: {lex['failures']} of {lex['docs']} "
                                    f"documents failed (no output or non-zero exit; scored as empty): "
                                    + ", ".join(miss[:8]) + (" …" if len(miss) > 8 else ""))
                for b in bad[:5]:
                    problems.append(f"lexalign, {pair} rate {rate}: document {b}")
                if len(bad) > 5:
                    problems.append(f"lexalign, {pair} rate {rate}: … {len(bad) - 5} more invalid outputs")
            nl, nflag = None, ""
            if nltk_state in ("ran", "reused"):
                nl = read_json(os.path.join(d, "nltk", "result.json"))
                if nltk_state == "reused":
                    nflag = "*"
                    any_reused = True
                if nl["failures"]:
                    nflag += " ⚠"
                    problems.append(f"NLTK, {pair} rate {rate}: {nl['failures']} of {nl['docs']} documents failed")
            rate_f = float(rate)
            by_rate.setdefault(rate_f, []).append((pair, lex, nl))
            out.append(
                f"| {labels.get(pair, pair)} | {rate_f:.2f} | {lex['docs']} | {nonone}/{total} "
                f"| {lex['f1_strict']:.3f}{flag} | {lex['f1_lax']:.3f} "
                f"| {f3(nl and nl['f1_strict'])}{nflag} | {f3(nl and nl['f1_lax'])}{nflag} "
                f"| {per_doc(lex):.3f} "
                f"| {'–' if nl is None else f'{per_doc(nl):.3f}'}{nflag} |")
        notes = []
        if startup:
            parts = []
            for tool, name in (("lexalign", "lexalign"), ("nltk", "NLTK")):
                if tool in startup:
                    parts.append(f"{name} {statistics.median(startup[tool]):.3f} s")
            notes.append("Start-up, i.e. the median wall time on a 10-line document over "
                         f"{args.runs} run{'s' if args.runs != 1 else ''}: " + ", ".join(parts) + "."
                         + (" NLTK's is mostly `import nltk` (it imports scipy when installed, "
                            "as in the shared venv)." if "nltk" in startup else ""))
        notes.append("A strict hit is a bead identical to a gold bead; a lax hit shares at least "
                     "one gold link. The documents come from 1-1 corpora perturbed by merges, "
                     "comma splits and deletions, so every non-1-1 gold bead is synthetic.")
        if any_reused:
            notes.append("\\* reused from an earlier run (`--reuse-nltk`: the same documents, "
                         "align_eval.py and nltk version); its s/doc was measured then.")
        if any("⚠" in line for line in out):
            notes.append("⚠ see Problems below.")
        out += [""] + "\n\n".join(notes).split("\n")

        out += ["", "## Lowest strict F1 over the pairs, per rate", "",
                "| rate | pairs | lexalign min strict F1 | lowest on | lexalign mean | NLTK min strict F1 "
                "| lowest on | target (lexalign, every pair) | met? |",
                "| ---: | ---: | ---: | --- | ---: | ---: | --- | --- | :---: |"]
        for rate_f in sorted(by_rate):
            items = by_rate[rate_f]
            lo = min(items, key=lambda x: x[1]["f1_strict"])
            mean = statistics.mean(x[1]["f1_strict"] for x in items)
            nitems = [x for x in items if x[2] is not None]
            nlo = min(nitems, key=lambda x: x[2]["f1_strict"]) if nitems else None
            goal = F1_TARGETS.get(round(rate_f, 6))
            met = "–"
            if goal is not None:
                ok = lo[1]["f1_strict"] >= goal
                partial = len(items) < len(all_pairs)
                met = ("yes" if ok else "**no**") + (f" ({len(items)} of {len(all_pairs)} pairs)" if partial else "")
                target(f"strict F1 ≥ {goal:.2f} at rate {rate_f:.1f} on every pair",
                       f"min {lo[1]['f1_strict']:.3f}, on {labels.get(lo[0], lo[0])}", met)
            out.append(
                f"| {rate_f:.2f} | {len(items)} | {lo[1]['f1_strict']:.3f} | {labels.get(lo[0], lo[0])} | {mean:.3f} "
                f"| {f3(nlo and nlo[2]['f1_strict'])} | {labels.get(nlo[0], nlo[0]) if nlo else '–'} "
                f"| {'–' if goal is None else f'≥ {goal:.2f}'} | {met} |")
        for rate_f, goal in F1_TARGETS.items():
            if rate_f not in by_rate:
                target(f"strict F1 ≥ {goal:.2f} at rate {rate_f:.1f} on every pair", "not run (see --rates)", "–")

    # -------------------------------------------------------- long documents
    longs = [r for r in rows if r[0] == "long"]
    rss = {}
    medians = {}
    if longs:
        out += ["", f"## Long documents (eng–pus, perturbed at rate {float(args.long_rate):.2f})", "",
                "The first N lines of NTREX-128 + TICO-19 + FLORES v1 dev + devtest (eng–pus, in that "
                "order) as one document; the smaller is a prefix of the larger. Whole process, wall "
                "clock; lexalign after one untimed warm-up run.", "",
                "| document | source lines | target lines | aligner | runs | median s | min–max s "
                "| peak RSS MB | strict F1 | lax F1 |",
                "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for _, size, d, nltk_state in longs:
            size = int(size)
            docs = os.path.join(d, "docs")
            g = os.path.join(docs, "000", "gold.txt")
            ns = count_lines(os.path.join(docs, "000", "source.txt"))
            nt = count_lines(os.path.join(docs, "000", "target.txt"))
            times = read_json(os.path.join(d, "lexalign-times.json"))[0]["times"]
            kib = read_text(os.path.join(d, "rss-lexalign.txt"))
            rss[size] = int(kib)
            fs, fl, problem = score_one(ae, g, os.path.join(d, "lexalign", "000.lexalign.align"))
            if problem:
                problems.append(f"lexalign, long document {size}: {problem}")
            med = statistics.median(times)
            medians[size] = med
            out.append(f"| {size:,} pairs | {ns:,} | {nt:,} | lexalign | {len(times)} | {fmt_s(med)} "
                       f"| {fmt_s(min(times))}–{fmt_s(max(times))} | {mb(kib):.1f} "
                       f"| {fs:.3f}{' ⚠' if problem else ''} | {fl:.3f} |")
            goal = TIME_TARGETS.get(size)
            if goal is not None:
                target(f"{size:,} sentence pairs: < {goal:g} s (median, whole process)",
                       f"{fmt_s(med)} s", "yes" if med < goal else "**no**")
            if nltk_state in ("ran", "reused"):
                st = dict(read_tsv_kv(os.path.join(d, "nltk", "status.tsv")))
                star = "*" if nltk_state == "reused" else ""
                nk = mb(st.get("rss_kib"))
                nk_cell = "–" if nk is None else f"{nk:.1f}"
                if st["rc"] == "0":
                    nfs, nfl, nproblem = score_one(ae, g, os.path.join(d, "nltk", "000.nltk.align"))
                    secs = float(st["seconds"])
                    out.append(f"| {size:,} pairs | {ns:,} | {nt:,} | NLTK{star} | 1 | {fmt_s(secs)} | – "
                               f"| {nk_cell} | {nfs:.3f}{' ⚠' if nproblem else ''} | {nfl:.3f} |")
                elif st["rc"] == "124":
                    out.append(f"| {size:,} pairs | {ns:,} | {nt:,} | NLTK{star} | 1 "
                               f"| timed out (> {st['timeout']} s) | – | {nk_cell} | – | – |")
                else:
                    err = read_text(os.path.join(d, "nltk", "stderr.txt")).splitlines()
                    out.append(f"| {size:,} pairs | {ns:,} | {nt:,} | NLTK{star} | 1 "
                               f"| failed (exit {st['rc']}) | – | {nk_cell} | – | – |")
                    problems.append(f"NLTK, long document {size}: exit {st['rc']}: "
                                    + (err[-1][:300] if err else "no message"))
        small_size, big_size, factor = LINEAR_TIME
        goal_text = f"{big_size:,} pairs in ≤ {factor:g}× the time of {small_size:,} (time linear in length)"
        if small_size in medians and big_size in medians:
            ratio = medians[big_size] / medians[small_size]
            target(goal_text, f"×{ratio:.2f} ({fmt_s(medians[small_size])} → {fmt_s(medians[big_size])} s)",
                   "yes" if ratio <= factor else "**no**")
        else:
            target(goal_text, "not run (see --long-sizes)", "–")
        for size, goal in TIME_TARGETS.items():
            if size not in rss:
                target(f"{size:,} sentence pairs: < {goal:g} s (median, whole process)",
                       "not run (see --long-sizes)", "–")
        notes = ["NLTK's `align_blocks` fills the whole n×m table in Python and keeps a backlink "
                 "per cell; nltk 3.10 also refuses more than 4,000 sentences a side "
                 "(`MAX_ALIGN_BLOCKS`), so it is run only on the smallest long document, once, "
                 f"under `timeout {args.nltk_timeout}`."]
        base = mb(base_kib)
        if len(rss) >= 2:
            small, big = min(rss), max(rss)
            r_raw = rss[big] / rss[small]
            sent_ratio = big / small
            line = (f"Peak RSS {mb(rss[small]):.1f} MB at {small:,} pairs, {mb(rss[big]):.1f} MB at {big:,}: "
                    f"×{r_raw:.2f} for ×{sent_ratio:.2f} the sentences")
            measured = f"{mb(rss[small]):.1f} → {mb(rss[big]):.1f} MB (×{r_raw:.2f} for ×{sent_ratio:.2f} sentences)"
            ok = r_raw <= LINEAR_FACTOR * sent_ratio
            if base is not None:
                net_s, net_b = mb(rss[small]) - base, mb(rss[big]) - base
                line += f"; above the 10-line document's {base:.1f} MB: {net_s:.1f} → {net_b:.1f} MB"
                if net_s > 0:
                    r_net = net_b / net_s
                    line += f" (×{r_net:.2f})"
                    measured += f"; net of the {base:.1f} MB base ×{r_net:.2f}"
                    ok = r_net <= LINEAR_FACTOR * sent_ratio or net_b < LINEAR_SLACK_MB
                else:
                    ok = net_b < LINEAR_SLACK_MB
            notes.append(line + ". Quadratic growth would be "
                         f"×{sent_ratio ** 2:.1f}.")
            target("memory roughly linear in the document length",
                   measured, "yes" if ok else "**no**")
        elif rss:
            target("memory roughly linear in the document length", "needs two --long-sizes", "–")
        out += [""] + "\n\n".join(notes).split("\n")

    if targets:
        out += ["", "## Targets", "", "| target | measured | met? |", "| --- | --- | :---: |"] + targets
        if quality:
            out += ["", "F1 targets are checked on the pairs run, and say so when that is not all five."]
        if len(rss) >= 2:
            out += ["", f"\"Roughly linear\": the peak RSS above the 10-line document's grows by at most "
                    f"{LINEAR_FACTOR}× the growth in sentences (or stays under {LINEAR_SLACK_MB:g} MB)."]

    if startup:
        out += ["", "## Start-up (10-line eng–pus document)", "",
                "| aligner | runs | median s | min–max s | peak RSS MB |", "| --- | ---: | ---: | ---: | ---: |"]
        for tool, name in (("lexalign", "lexalign"), ("nltk", "NLTK (`align_eval.py adapt-nltk`)")):
            if tool in startup:
                t = startup[tool]
                r = f"{mb(base_kib):.1f}" if tool == "lexalign" and base_kib else "–"
                out.append(f"| {name} | {len(t)} | {statistics.median(t):.3f} | {min(t):.3f}–{max(t):.3f} | {r} |")

    if problems:
        out += ["", "## Problems", ""] + [f"- {p}" for p in problems]
    print("\n".join(out))


if __name__ == "__main__":
    sys.exit(main())
