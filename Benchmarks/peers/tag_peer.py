#!/usr/bin/env python3
"""Run one peer dictionary tagger over a file, line by line, as a user would.

    tag_peer.py {pyahocorasick|flashtext} [--lexicon DIR] FILE   # JSON Lines to stdout
    tag_peer.py --version {pyahocorasick|flashtext}
    tag_peer.py count FILE...      # mentions in JSON Lines output (lexalign's or a peer's)

The peers get every label of DIR/labels.tsv (default: the repo's Lexicons/),
column 4 exactly as written: no normalisation of labels or text, so they find
only the spellings listed (pyahocorasick: case-sensitive; flashtext: its
default case-insensitive KeywordProcessor). A label written for two ids keeps
the first id, in file order.

The automaton / keyword processor is built once, before the loop; that load
is part of the process time (Benchmarks/tag.sh also times each peer on an
empty file to show it). Then each input line (without its newline) is
searched and one JSON object is written per input line:

    {"line": N, "mentions": [[start, end, "id"], ...]}

start/end are code-point offsets into the line, end exclusive, like
lexalign's. The record does not repeat the line's text (lexalign's does), so
the peers write less than lexalign does: the comparison leans their way.

    pyahocorasick  Automaton() of str keys, value (length, id); iter_long(line),
                   i.e. leftmost-longest, non-overlapping matches.
    flashtext      KeywordProcessor() (case-insensitive, word boundaries are
                   the ASCII [A-Za-z0-9_] set), add_keyword(label, id),
                   extract_keywords(line, span_info=True).

Output goes through one buffered writer, so no peer pays a system call per line.
"""

import importlib.metadata
import json
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_LEXICON = os.path.join(REPO, "Lexicons")
DIST = {"pyahocorasick": "pyahocorasick", "flashtext": "flashtext"}


def load_labels(lexicon_dir):
    """label -> id for every data line of labels.tsv (first id wins)."""
    labels = {}
    path = os.path.join(lexicon_dir, "labels.tsv")
    with open(path, encoding="utf-8") as f:
        for raw in f:
            if raw.startswith("#"):
                continue
            fields = raw.rstrip("\n").split("\t")
            if len(fields) < 4 or not fields[3]:
                continue
            labels.setdefault(fields[3], fields[0])
    return labels


def pyahocorasick_tagger(labels):
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for label, ident in labels.items():
        automaton.add_word(label, (len(label), ident))
    automaton.make_automaton()
    iter_long = automaton.iter_long

    def tag(text):
        # iter_long yields (index of the match's last code point, value).
        return [[end + 1 - length, end + 1, ident] for end, (length, ident) in iter_long(text)]

    return tag


def flashtext_tagger(labels):
    from flashtext import KeywordProcessor

    processor = KeywordProcessor()
    for label, ident in labels.items():
        processor.add_keyword(label, ident)
    extract = processor.extract_keywords

    def tag(text):
        return [[start, end, ident] for ident, start, end in extract(text, span_info=True)]

    return tag


def run(tool, lexicon_dir, path):
    labels = load_labels(lexicon_dir)
    if tool == "pyahocorasick":
        tag = pyahocorasick_tagger(labels)
    elif tool == "flashtext":
        tag = flashtext_tagger(labels)
    else:
        sys.exit(f"tag_peer: unknown tool {tool!r} (pyahocorasick or flashtext)")
    dumps = json.dumps
    out = open(sys.stdout.fileno(), "w", encoding="utf-8", buffering=1 << 20, closefd=False)
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            out.write(dumps({"line": number, "mentions": tag(line.rstrip("\n"))}, ensure_ascii=False))
            out.write("\n")
    out.flush()


def version(tool):
    if tool not in DIST:
        sys.exit(f"tag_peer: unknown tool {tool!r}")
    v = importlib.metadata.version(DIST[tool])
    if tool == "pyahocorasick":
        import ahocorasick

        # unicode=1: keys and texts are str, offsets are code points.
        v += f" (unicode={ahocorasick.unicode})"
    else:
        import flashtext  # noqa: F401  (fails if not importable)
    return v


def count(paths):
    """Records, mentions and lines with at least one mention, per file (tab-separated)."""
    for path in paths:
        records = mentions = hit = 0
        with open(path, encoding="utf-8") as f:
            for raw in f:
                if not raw.strip():
                    continue
                n = len(json.loads(raw).get("mentions", []))
                records += 1
                mentions += n
                hit += n > 0
        print(f"{path}\t{records}\t{mentions}\t{hit}")


def main(argv):
    args = argv[1:]
    if len(args) == 2 and args[0] == "--version":
        print(version(args[1]))
        return
    if args and args[0] == "count":
        count(args[1:])
        return
    lexicon_dir = DEFAULT_LEXICON
    if len(args) == 4 and args[1] == "--lexicon":
        lexicon_dir = args[2]
        args = [args[0], args[3]]
    if len(args) != 2:
        sys.exit(__doc__)
    run(args[0], lexicon_dir, args[1])


if __name__ == "__main__":
    main(sys.argv)
