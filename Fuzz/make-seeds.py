#!/usr/bin/env python3
"""Builds the seed corpus of each fuzz target from the repository's own files.

    python3 Fuzz/make-seeds.py [--force]

Writes Fuzz/.corpus/<target>/seed-*. Seeds are generated, not committed: Lexicons/, Alignments/
and Examples/ change, and the seeds should follow them. A target folder that already exists is
left alone (it also holds what earlier runs found) unless --force is given, which replaces only
the seed-* files.

Multi-file targets take one input holding several files separated by a 0xFF byte (never part of
UTF-8): FuzzLexiconParser entities.tsv, labels.tsv, affixes.tsv; FuzzBeadFileReader the bead file,
the source sentence file, the target sentence file. Seeds are kept small (a few KB) because small
inputs run faster and mutate better; run.sh sets -max_len per target to fit them.
"""
import hashlib
import json
import pathlib
import sys

FUZZ = pathlib.Path(__file__).resolve().parent
ROOT = FUZZ.parent
CORPUS = FUZZ / ".corpus"
SEP = b"\xff"


def lines_of(path):
    """The file's lines with their LF, as bytes."""
    return path.read_bytes().splitlines(keepends=True)


def windows(items, size):
    return [items[i:i + size] for i in range(0, len(items), size)]


def header_and_body(path):
    """A lexicon file's leading comment block (with its blank line) and its other lines."""
    lines = lines_of(path)
    count = 0
    while count < len(lines) and (lines[count].startswith(b"#") or lines[count].strip() == b""):
        count += 1
    return lines[:count], lines[count:]


def line_decoder():
    """Running text: the examples and every sentence file, whole and in runs of 8 lines."""
    files = sorted(ROOT.glob("Examples/*.txt")) + sorted(ROOT.glob("Alignments/*/*.txt"))
    seeds = []
    for path in files:
        lines = lines_of(path)
        seeds.append(b"".join(lines)[:4096])
        seeds += [b"".join(run) for run in windows(lines, 8)]
    return seeds


def json_record():
    """JSON Lines records made from the examples' lines, plus the shapes FORMATS 4.4 describes."""
    texts = []
    for path in sorted(ROOT.glob("Examples/*.txt")):
        texts += [line.decode("utf-8", "replace").rstrip("\n") for line in lines_of(path)]
    seeds = []
    for number, text in enumerate(texts, 1):
        record = {"id": number, "text": text}
        seeds.append(json.dumps(record, ensure_ascii=False).encode() + b"\n")
        seeds.append(json.dumps(record, ensure_ascii=True).encode() + b"\n")  # \u escapes
    sample = texts[0] if texts else "Kabul"
    shapes = [
        {"id": 1, "meta": {"src": "x", "tags": [1, 2.5e3, True, None]}, "text": sample, "key": ""},
        {"text": 7},
        {"id": "no text"},
        {},
    ]
    seeds += [json.dumps(shape, ensure_ascii=False).encode() + b"\n" for shape in shapes]
    seeds += [
        b'{"text":"a","text":"\\ud83d\\ude00 \\u0645\\t\\"q\\"\\\\","error":null}\n',  # duplicate member, escapes
        b'  {"id" : 1 , "text" : "\\ud800x"}  \r\n',  # lone surrogate, spaces, CRLF
        b'not json\n{"id":2,"text":"ok"}\n[1,2]\n\n{"text":"x"} trailing\n',
        b'{"a":nan,"b":-1e5,"c":{"d":[{"e":"}"}]},"text":"\xd9\x85\xd8\xaa\xd9\x82\xdb\x8c"}\n',
    ]
    # Several records per input too, as a chunk holds them.
    seeds += [b"".join(run) for run in windows(seeds[:40], 6)]
    return seeds


def lexicon():
    """Small lexicons: runs of 3 entities with their labels and all the affixes."""
    entity_head, entities = header_and_body(ROOT / "Lexicons/entities.tsv")
    label_head, labels = header_and_body(ROOT / "Lexicons/labels.tsv")
    affixes = (ROOT / "Lexicons/affixes.tsv").read_bytes()
    seeds = []
    for run in windows(entities, 3):
        ids = {line.split(b"\t", 1)[0] for line in run}
        chosen = [line for line in labels if line.split(b"\t", 1)[0] in ids]
        seeds.append(SEP.join([b"".join(entity_head + run), b"".join(label_head + chosen), affixes]))
    return seeds


def pinned(name, data):
    return b"# %s: %s sha256=%s\n" % (name, data[0], hashlib.sha256(data[1]).hexdigest().encode())


def bead_file():
    """Each bead file alone (no sentence files: the reader and missing-sentence-file), and with its
    sentence files cut after its first 2, 5 and 10 rows (sentence files cut to the lines those rows
    name, pins recomputed, so the cut documents validate cleanly). The whole documents (13 KB) are
    left out: small inputs run several times faster."""
    seeds = []
    for bead in sorted(ROOT.glob("Alignments/*/*-*.tsv")):
        source_name, target_name = bead.stem.split("-")
        source = (bead.parent / f"{source_name}.txt").read_bytes()
        target = (bead.parent / f"{target_name}.txt").read_bytes()
        text = bead.read_bytes()
        seeds.append(text)
        rows = [line for line in text.splitlines(keepends=True) if line[:1].isdigit() or line.startswith(b"-\t")]
        header = b"src\ttgt\tscore\tstatus\tsrc_text\ttgt_text\n"
        for count in (2, 5, 10):
            cut = rows[:count]

            def last(field):
                ends = [int(row.split(b"\t")[field].split(b"-")[-1]) for row in cut if row.split(b"\t")[field] != b"-"]
                return max(ends, default=0)
            source_cut = b"".join(source.splitlines(keepends=True)[:last(0)])
            target_cut = b"".join(target.splitlines(keepends=True)[:last(1)])
            pins = pinned(b"source", (f"{source_name}.txt".encode(), source_cut))
            pins += pinned(b"target", (f"{target_name}.txt".encode(), target_cut))
            seeds.append(SEP.join([pins + header + b"".join(cut), source_cut, target_cut]))
    return seeds


def tagger():
    """Running text (as for the line decoder) and the attested name variants of the test data, each
    in its context phrase, in runs of 8 lines: names of every script the fuzzy pass reads."""
    rows = []
    for line in lines_of(ROOT / "Tests/TermLexiconTests/Data/name-variants.tsv"):
        fields = line.rstrip(b"\n").split(b"\t")
        if line.startswith(b"#") or len(fields) < 4 or fields[0] == b"variant":
            continue
        context = fields[3] if b"{}" in fields[3] else b"{}"
        rows.append(context.replace(b"{}", fields[0]) + b"\n")
    return line_decoder() + [b"".join(run) for run in windows(rows, 8)]


TARGETS = {
    "FuzzLineDecoder": line_decoder,
    "FuzzJSONRecord": json_record,
    "FuzzLexiconParser": lexicon,
    "FuzzBeadFileReader": bead_file,
    "FuzzTagger": tagger,
}


def main():
    force = "--force" in sys.argv[1:]
    for target, make in TARGETS.items():
        folder = CORPUS / target
        if folder.exists() and not force:
            print(f"{folder.relative_to(ROOT)}: kept ({sum(1 for _ in folder.iterdir())} files; --force to renew the seeds)")
            continue
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("seed-*"):
            old.unlink()
        seeds = list(dict.fromkeys(make()))  # no duplicates, order kept
        for seed in seeds:
            (folder / f"seed-{hashlib.sha1(seed).hexdigest()[:16]}").write_bytes(seed)
        print(f"{folder.relative_to(ROOT)}: {len(seeds)} seeds, largest {max(map(len, seeds))} bytes")


if __name__ == "__main__":
    main()
