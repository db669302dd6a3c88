#!/usr/bin/env python3
"""Recall and false matches of `lexalign tag` on the attested variant set.

Reads Tests/TermLexiconTests/Data/name-variants.tsv (variant, lang, expected, context, source): each
row becomes one line of text, the variant in its context phrase ({} is the slot; the variant
alone when there is none). The line is tagged without the fuzzy pass and with it (default level),
and the mentions that overlap the variant are read:

- a row with an expected id is *resolved* when one of them names exactly that id (a city does not
  count for its province, nor a valley for its province), *wrong* when they name only other ids,
  *missed* when none;
- a distractor row ("-") is a *false match* when any mention overlaps the variant.

usage: variants.py LEXALIGN VARIANTS.tsv [--lexicon DIR] [--show N]
Prints Markdown (stdout); the misses and false matches of the fuzzy run go to stderr.
"""
import argparse
import collections
import json
import subprocess
import sys


def read_rows(path):
    rows = []
    header_seen = False
    with open(path, encoding="utf-8") as source:
        for number, line in enumerate(source, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if not header_seen and fields[0] == "variant":
                header_seen = True
                continue
            if len(fields) < 5:
                sys.exit(f"variants.py: {path}:{number}: expected 5 tab-separated fields, found {len(fields)}")
            variant, lang, expected, context = fields[:4]
            context = context if "{}" in context else "{}"
            rows.append((number, variant, lang, expected, context))
    return rows


def tag(lexalign, lines, fuzzy, lexicon):
    command = [lexalign, "tag", "--quiet", "--fuzzy", fuzzy] + (["--lexicon", lexicon] if lexicon else [])
    result = subprocess.run(command, input="\n".join(lines).encode("utf-8") + b"\n", capture_output=True, check=True)
    return [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lexalign")
    parser.add_argument("variants")
    parser.add_argument("--lexicon")
    parser.add_argument("--show", type=int, default=20)
    args = parser.parse_args()
    rows = read_rows(args.variants)
    lines, spans = [], []
    for _, variant, _, _, context in rows:
        start = context.index("{}")
        line = context.replace("{}", variant, 1)
        lines.append(line)
        spans.append((start, start + len(variant)))

    results = {}
    for fuzzy in ("off", "default"):
        records = tag(args.lexalign, lines, fuzzy, args.lexicon)
        outcome = []
        for (number, variant, lang, expected, _), (start, end), record in zip(rows, spans, records):
            ids = {m["id"] for m in record["mentions"] if m["start"] < end and m["end"] > start}
            kinds = {m["match"] for m in record["mentions"] if m["start"] < end and m["end"] > start}
            if expected == "-":
                outcome.append(("false match" if ids else "clean", number, variant, lang, expected, ids, kinds))
            elif expected in ids:
                outcome.append(("resolved", number, variant, lang, expected, ids, kinds))
            elif ids:
                outcome.append(("wrong", number, variant, lang, expected, ids, kinds))
            else:
                outcome.append(("missed", number, variant, lang, expected, ids, kinds))
        results[fuzzy] = outcome

    positives = sum(1 for row in rows if row[3] != "-")
    distractors = len(rows) - positives
    print(f"{positives} attested variants of {len({r[3] for r in rows if r[3] != '-'})} entities and "
          f"{distractors} distractors ({args.variants}):")
    print()
    print("| run | resolved | wrong id | missed | recall | false matches (distractors) | false matches, % of rows |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for fuzzy, label in (("off", "`--fuzzy off`"), ("default", "`--fuzzy default`")):
        counts = collections.Counter(o[0] for o in results[fuzzy])
        false = counts["false match"] + counts["wrong"]
        print(f"| {label} | {counts['resolved']} | {counts['wrong']} | {counts['missed']} | "
              f"{counts['resolved'] / max(positives, 1):.3f} | {counts['false match']} | {false / len(rows) * 100:.1f}% |")
    print()
    by_lang = collections.defaultdict(collections.Counter)
    for status, _, _, lang, expected, _, _ in results["default"]:
        if expected != "-":
            by_lang[lang][status] += 1
    print("Recall by language of the source, with the fuzzy pass: " + ", ".join(
        f"{lang} {c['resolved']}/{sum(c.values())}" for lang, c in sorted(by_lang.items(), key=lambda x: -sum(x[1].values()))))
    for status in ("wrong", "false match", "missed"):
        shown = [o for o in results["default"] if o[0] == status][: args.show]
        if shown:
            print(f"{status} (first {len(shown)}):", file=sys.stderr)
            for _, number, variant, lang, expected, ids, kinds in shown:
                print(f"  line {number}: {variant} ({lang}) expected {expected}, got {sorted(ids)} {sorted(kinds)}",
                      file=sys.stderr)


if __name__ == "__main__":
    main()
