#!/usr/bin/env python3
"""Write the benchmark's mixed English/Dari/Pashto corpus.

    make_corpus.py --corpora DIR --mb 50 --out FILE
    make_corpus.py --corpora DIR --check    # exit 2 unless DIR has every source

DIR is the corpora folder (the benchmarks' --corpora, by default
../shared/corpora next to the repository). Every text line of its corpora
(NTREX-128, TICO-19, FLORES v1 ps-en) is read into one pool per language.
Output line i comes from language i % 3 (eng, prs, pus, eng, ...), cycling
through that language's pool, so the three scripts are interleaved line by
line and the pool repeats until the size is reached. Each line gets a
counter token appended so no two lines are equal (a normaliser with a cache,
or a compressor-like effect in the page cache, must not make repeats free):

    eng: ASCII digits            "... #123"
    prs: Persian digits U+06F0   "... ۱۲۳"
    pus: Persian digits on even, Arabic-Indic U+0660 on odd counters
         "... ۱۲۳" / "... ١٢٣"  (both occur in real Pashto text)

The output is deterministic, so the N-MB file is a line-prefix of any larger
one: the harness uses that for the "prefix" timings of slow peers.
Sizes are MiB (2^20 bytes). The file is written to FILE.tmp and renamed, so
an interrupted run never leaves a short file that looks cached.
"""

import argparse
import glob
import os
import sys

MIB = 1 << 20
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

# (glob relative to the corpora folder, language). Files are read in sorted
# order within a glob so the corpus does not depend on directory order.
SOURCES = [
    ("ntrex128/*.eng.txt", "eng"),
    ("ntrex128/*.prs.txt", "prs"),
    ("ntrex128/*.pus.txt", "pus"),
    ("tico19/tico19.eng.txt", "eng"),
    ("tico19/tico19.prs.txt", "prs"),
    ("tico19/tico19.pus.txt", "pus"),
    ("flores-v1-ps/*.en", "eng"),
    ("flores-v1-ps/*.ps", "pus"),
]
LANGS = ("eng", "prs", "pus")


def missing_sources(corpora):
    """The SOURCES patterns that match no file under CORPORA."""
    return [pattern for pattern, _ in SOURCES if not glob.glob(os.path.join(corpora, pattern))]


def load_pools(corpora):
    pools = {lang: [] for lang in LANGS}
    files = 0
    for pattern, lang in SOURCES:
        paths = sorted(glob.glob(os.path.join(corpora, pattern)))
        if not paths:
            sys.exit(f"make_corpus: no files match {corpora}/{pattern}")
        for path in paths:
            files += 1
            with open(path, encoding="utf-8") as f:
                for line in f:
                    line = line.rstrip("\r\n").lstrip("\ufeff")
                    if line.strip():
                        pools[lang].append(line)
    return pools, files


def counter_token(lang, i):
    s = str(i)
    if lang == "eng":
        return " #" + s
    if lang == "pus" and i % 2:
        return " " + s.translate(ARABIC_INDIC)
    return " " + s.translate(PERSIAN)


def write_corpus(pools, target_bytes, out):
    tmp = out + ".tmp"
    written = 0
    i = 0
    with open(tmp, "w", encoding="utf-8", newline="\n", buffering=4 * MIB) as f:
        batch = []
        while written < target_bytes:
            lang = LANGS[i % 3]
            pool = pools[lang]
            line = pool[(i // 3) % len(pool)] + counter_token(lang, i) + "\n"
            batch.append(line)
            written += len(line.encode("utf-8"))
            i += 1
            if len(batch) >= 4096:
                f.write("".join(batch))
                batch.clear()
        f.write("".join(batch))
    os.replace(tmp, out)
    return written, i


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", required=True, help="the corpora folder (ntrex128/, tico19/, flores-v1-ps/)")
    ap.add_argument("--mb", type=float, help="size in MiB")
    ap.add_argument("--out")
    ap.add_argument("--check", action="store_true",
                    help="only check that every source file is there; exit 2 if not")
    args = ap.parse_args()
    if not os.path.isdir(args.corpora):
        print(f"make_corpus: corpora folder not found: {args.corpora} (--corpora)", file=sys.stderr)
        sys.exit(2)
    missing = missing_sources(args.corpora)
    if missing:
        print(f"make_corpus: corpora folder {args.corpora} has no " + ", ".join(missing)
              + " (point --corpora DIR at another folder)", file=sys.stderr)
        sys.exit(2)
    if args.check:
        return
    if args.mb is None or args.out is None:
        ap.error("--mb and --out are required (or --check)")

    pools, files = load_pools(args.corpora)
    written, lines = write_corpus(pools, int(args.mb * MIB), args.out)
    pool_sizes = ", ".join(f"{lang} {len(pools[lang])}" for lang in LANGS)
    print(
        f"make_corpus: {args.out}: {written / MIB:.1f} MiB, {lines} lines "
        f"from {files} files (pool lines: {pool_sizes})",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
