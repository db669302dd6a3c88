#!/usr/bin/env python3
"""Cross-lingual entity agreement of `lexalign tag` on line-parallel corpora.

For each pair of files (English, Dari or Pashto; line i of one translates line i of the
other), both sides are tagged and their entity IDs compared line by line. Agreement is
micro-averaged Jaccard: the IDs both sides of a line name, summed over lines, divided by
the IDs either side names. An ID on one side only is a miss of one side or a false
mention of the other; the script prints the most frequent ones to read.

Each pair is tagged twice, without the fuzzy pass (--fuzzy off) and with it at the default
level, so the table shows what the fuzzy pass adds; the per-ID lists are those of the fuzzy run.

usage: agreement.py LEXALIGN CORPORA [--lexicon DIR] [--show N]
Prints a Markdown table (stdout); the per-ID lists go to stderr.
"""
import argparse
import collections
import json
import subprocess
import sys

PAIRS = [
    ("NTREX-128 eng-prs", "ntrex128/newstest2019-src.eng.txt", "ntrex128/newstest2019-ref.prs.txt"),
    ("NTREX-128 eng-pus", "ntrex128/newstest2019-src.eng.txt", "ntrex128/newstest2019-ref.pus.txt"),
    ("TICO-19 eng-prs", "tico19/tico19.eng.txt", "tico19/tico19.prs.txt"),
    ("TICO-19 eng-pus", "tico19/tico19.eng.txt", "tico19/tico19.pus.txt"),
    ("FLORES v1 eng-pus (devtest)", "flores-v1-ps/wikipedia.devtest.ps-en.en", "flores-v1-ps/wikipedia.devtest.ps-en.ps"),
]


def tag(lexalign, path, lexicon, fuzzy):
    command = [lexalign, "tag", "--quiet", "--fuzzy", fuzzy] + (["--lexicon", lexicon] if lexicon else []) + [path]
    result = subprocess.run(command, capture_output=True, check=True)
    return [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lexalign")
    parser.add_argument("corpora")
    parser.add_argument("--lexicon")
    parser.add_argument("--show", type=int, default=12, help="IDs to list per side (stderr)")
    args = parser.parse_args()

    print("| pair | lines | shared IDs | English only | other only | agreement, exact only | agreement |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    totals = {"off": [0, 0], "default": [0, 0]}
    only = {"English": collections.Counter(), "Dari/Pashto": collections.Counter()}
    for name, english, other in PAIRS:
        row = {}
        for fuzzy in ("off", "default"):
            left = tag(args.lexalign, f"{args.corpora}/{english}", args.lexicon, fuzzy)
            right = tag(args.lexalign, f"{args.corpora}/{other}", args.lexicon, fuzzy)
            if len(left) != len(right):
                sys.exit(f"agreement.py: {english} and {other} differ in line count ({len(left)} vs {len(right)})")
            shared = union = en_only = other_only = 0
            for a, b in zip(left, right):
                ids_a = {m["id"] for m in a["mentions"]}
                ids_b = {m["id"] for m in b["mentions"]}
                shared += len(ids_a & ids_b)
                union += len(ids_a | ids_b)
                en_only += len(ids_a - ids_b)
                other_only += len(ids_b - ids_a)
                if fuzzy == "default":
                    only["English"].update(ids_a - ids_b)
                    only["Dari/Pashto"].update(ids_b - ids_a)
            totals[fuzzy][0] += shared
            totals[fuzzy][1] += union
            row[fuzzy] = (len(left), shared, en_only, other_only, shared / max(union, 1))
        lines, shared, en_only, other_only, agreement = row["default"]
        print(f"| {name} | {lines} | {shared} | {en_only} | {other_only} | {row['off'][4]:.3f} | {agreement:.3f} |")
    off = totals["off"][0] / max(totals["off"][1], 1)
    default = totals["default"][0] / max(totals["default"][1], 1)
    print(f"| **overall** | | {totals['default'][0]} | | | {off:.3f} | **{default:.3f}** |")
    for side, counter in only.items():
        print(f"IDs found only on the {side} side:", file=sys.stderr)
        for entity, count in counter.most_common(args.show):
            print(f"  {count:5}  {entity}", file=sys.stderr)


if __name__ == "__main__":
    main()
