"""Write JSON Lines records built from the English, Dari and Pashto corpora.

    python make_input.py CORPORA_DIR [--per-file N] > input.jsonl

Each record has a unique "id" ("tico19/prs/17": corpus, language, line number),
the line as "text", and "corpus", "lang" and "n" members, which lexalign must
pass through unchanged. A few hand-made records cover edge cases. The records
are shuffled with a fixed seed, so ids do not follow file order.
"""

import argparse
import json
import os
import random
import sys

SOURCES = [
    ("ntrex128", "en", "ntrex128/newstest2019-src.eng.txt"),
    ("ntrex128", "prs", "ntrex128/newstest2019-ref.prs.txt"),
    ("ntrex128", "ps", "ntrex128/newstest2019-ref.pus.txt"),
    ("tico19", "en", "tico19/tico19.eng.txt"),
    ("tico19", "prs", "tico19/tico19.prs.txt"),
    ("tico19", "ps", "tico19/tico19.pus.txt"),
    ("flores-v1", "en", "flores-v1-ps/wikipedia.dev.ps-en.en"),
    ("flores-v1", "ps", "flores-v1-ps/wikipedia.dev.ps-en.ps"),
]

EDGE_CASES = [
    {"id": "edge/empty", "text": ""},
    {"id": "edge/spaces", "text": "   \t "},
    # Line and paragraph separators, NEL, CR and LF inside the text: JSON escapes
    # CR and LF; the others travel raw and must not split the record.
    {"id": "edge/breaks", "text": "Kabul\u2028Herat\u2029Kandahar\u0085Torkham\r\nJalalabad\tGhazni"},
    {"id": "edge/nested", "text": "ISIS-K and Daesh", "meta": {"tags": ["a", "b"], "score": 0.5, "ok": True, "none": None}},
    {"id": "edge/own-line", "text": "Mazar-i-Sharif", "line": 42},
    {"id": 123456789012345678901234567890, "text": "A numeric id: Amir Khan Muttaqi in Tashkent"},
    {"id": "edge/دری", "text": "مولوی امیرخان متقی گفت که داعش‌ها از خط ديورند عبور کرده‌اند."},
]


def read_lines(path):
    with open(path, "rb") as f:
        text = f.read().decode("utf-8")
    return [line.removesuffix("\r") for line in text.split("\n")[:-1] if line.strip()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora")
    parser.add_argument("--per-file", type=int, default=500, help="lines taken from each corpus file")
    args = parser.parse_args()

    records = []
    for corpus, lang, relative in SOURCES:
        lines = read_lines(os.path.join(args.corpora, relative))
        step = max(1, len(lines) // args.per_file)  # spread over the file's documents
        for n in range(0, len(lines), step)[: args.per_file]:
            records.append({"id": f"{corpus}/{lang}/{n + 1}", "text": lines[n], "corpus": corpus, "lang": lang, "n": n + 1})
    records += EDGE_CASES
    random.Random(2026).shuffle(records)
    out = sys.stdout.buffer
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")


if __name__ == "__main__":
    main()
