#!/usr/bin/env python3
"""Can `lexalign lexicon suggest` give back Dari and Pashto labels it never saw?

For the entities the English side of the corpus pairs names most (at least --min-mentions lines),
every Arabic-script label (prs, ps, ar, ur, fa; labels match across languages, so all of them go)
is removed from a copy of the lexicon. `lexicon suggest --parallel` then reads the English-Dari
and English-Pashto pairs with that copy, and each held-out entity's best row in Dari and in Pashto
is compared with the removed labels of that language (by a simple key: no marks, tatweel or ZWNJ,
Arabic and Persian kaf and yeh one letter).

usage: heldout.py LEXALIGN LEXICONS CORPORA [--min-mentions N]
Prints Markdown (stdout); each held-out entity's best rows go to stderr.
"""
import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

PAIRS = {
    "prs": [("ntrex128/newstest2019-src.eng.txt", "ntrex128/newstest2019-ref.prs.txt"),
            ("tico19/tico19.eng.txt", "tico19/tico19.prs.txt")],
    "ps": [("ntrex128/newstest2019-src.eng.txt", "ntrex128/newstest2019-ref.pus.txt"),
           ("tico19/tico19.eng.txt", "tico19/tico19.pus.txt"),
           ("flores-v1-ps/wikipedia.devtest.ps-en.en", "flores-v1-ps/wikipedia.devtest.ps-en.ps")],
}
ARABIC_LANGS = {"prs", "ps", "ar", "ur", "fa"}


def key(text):
    text = re.sub("[\u064B-\u065F\u0670\u0640\u200C\u200D]", "", text)
    for a, b in (("ي", "ی"), ("ى", "ی"), ("ې", "ی"), ("ۍ", "ی"), ("ك", "ک"), ("ګ", "گ"), ("ة", "ه"), ("أ", "ا"), ("إ", "ا")):
        text = text.replace(a, b)
    return re.sub(r"\s+", " ", text).strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lexalign")
    parser.add_argument("lexicons")
    parser.add_argument("corpora")
    parser.add_argument("--min-mentions", type=int, default=5)
    args = parser.parse_args()

    # The entities the English sides of each language's pairs name most.
    named = {}
    for lang, pairs in PAIRS.items():
        counts = collections.Counter()
        for english_path, _ in pairs:
            out = subprocess.run([args.lexalign, "tag", "--quiet", "--fuzzy", "off", f"{args.corpora}/{english_path}"],
                                 capture_output=True, check=True).stdout.decode()
            for line in out.splitlines():
                counts.update({m["id"] for m in json.loads(line)["mentions"] if not m.get("weak")})
        named[lang] = {entity for entity, count in counts.items() if count >= args.min_mentions}
    chosen = set().union(*named.values())

    with tempfile.TemporaryDirectory() as scratch:
        folder = os.path.join(scratch, "Lexicons")
        shutil.copytree(args.lexicons, folder)
        removed = collections.defaultdict(set)
        kept = []
        with open(os.path.join(folder, "labels.tsv"), encoding="utf-8") as source:
            for line in source:
                fields = line.rstrip("\n").split("\t")
                if len(fields) >= 4 and fields[0] in chosen and fields[1] in ARABIC_LANGS and fields[2] != "negative":
                    removed[(fields[0], fields[1])].add(key(fields[3]))
                    continue
                kept.append(line)
        with open(os.path.join(folder, "labels.tsv"), "w", encoding="utf-8") as target:
            target.writelines(kept)

        results = {}
        for lang, pairs in PAIRS.items():
            arguments = [args.lexalign, "lexicon", "suggest", "--quiet", "--lexicon", folder]
            for english_path, other in pairs:
                arguments += ["--parallel", f"{args.corpora}/{english_path}", f"{args.corpora}/{other}"]
            table = subprocess.run(arguments, capture_output=True, check=True).stdout.decode()
            best = {}
            for line in table.splitlines():
                if line.startswith("#") or line.startswith("id\t"):
                    continue
                fields = line.split("\t")
                if fields[1] != lang or fields[0] in best:
                    continue
                best[fields[0]] = (fields[2], float(fields[4]))
            results[lang] = best

    print(f"Held out: every Arabic-script label of the {len(chosen)} entities the English sides name in "
          f"{args.min_mentions} lines or more; counted per language where that language's pairs name them so.")
    print()
    print("| language | held-out entities with labels there | a row proposed | top row correct |")
    print("| --- | ---: | ---: | ---: |")
    for lang in PAIRS:
        entities = sorted(entity for entity in named[lang] if (entity, lang) in removed)
        proposed = [entity for entity in entities if entity in results[lang]]
        correct = [entity for entity in proposed if key(results[lang][entity][0]) in removed[(entity, lang)]]
        print(f"| {lang} | {len(entities)} | {len(proposed)} | {len(correct)} |")
        for entity in entities:
            row = results[lang].get(entity)
            verdict = "correct" if entity in correct else ("wrong" if row else "none")
            print(f"  {lang} {entity}: {verdict}: {row[0] if row else '-'} (held out: {', '.join(sorted(removed[(entity, lang)]))})",
                  file=sys.stderr)


if __name__ == "__main__":
    main()
