#!/usr/bin/env python3
"""Count word frequencies in corpus text, for Lexicons/fuzzy/frequent-words.tsv.

Usage:
  python3 Lexicons/fuzzy/count-words.py --lang prs FILE...            top words of the files
  python3 Lexicons/fuzzy/count-words.py --lang prs --top 1000 FILE...
  python3 Lexicons/fuzzy/count-words.py --lang ps --word کې --word دی FILE...
  python3 Lexicons/fuzzy/count-words.py --lang en --check Lexicons/fuzzy/frequent-words.tsv FILE...

Prints word<TAB>count<TAB>per_million, most frequent first (ties by word); the number of words
counted goes to standard error. --check recomputes per_million for the rows of --lang in a
frequent-words.tsv and prints each row whose figure differs (exit status 1 if any does).

Counting rules (the same for every language; Python 3 standard library only):
- Files are read as UTF-8; a CR before LF is dropped; each line is NFKC-normalised (Arabic
  presentation forms and full-width letters become ordinary letters).
- Removed inside words: combining marks (Arabic harakat, tanwin, shadda, sukun, superscript
  alef, ...), tatweel U+0640, and format characters (ZWNJ U+200C, ZWJ, bidi marks, BOM).
- A word is a run of letters and digits. Everything else (spaces, punctuation, symbols) ends a
  word, and so does a change between Arabic-script and other letters (لهCBS is two words).
  Runs without a letter (numbers) are not words and are not counted.
- Latin-script words: an apostrophe (' ’ ʼ) between letters stays in the word, a final 's or
  ' is dropped (Trump's -> trump, it's -> it), and the word is lower-cased.
- The counting key of an Arabic-script word unifies Arabic yeh ي and alef maksura ى with
  Persian yeh ی, and Arabic kaf ك with Persian keheh ک. Other letters are kept apart (Pashto
  ې ۍ ئ ګ, alef with madda or hamza, ه/ۀ/ة).
- A word is shown in its most frequent written form among those with the same key, with ZWNJ
  dropped, ى and ك written ی and ک; Arabic yeh ي is written ی for Dari (prs) and English and
  kept for Pashto (ps), where it is a letter of its own (دي 'are' beside دی 'is').
- per_million = count * 1,000,000 / number of words counted, rounded half up to an integer.
  The number of words counted includes words in any script (a Latin name in Dari text counts),
  while the listing shows by default only words in the script of --lang (--any-script: all).
"""

import argparse
import collections
import sys
import unicodedata

APOSTROPHES = "'\u2019\u02bc"
TATWEEL = "\u0640"
KEY_FOLD = str.maketrans({"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9"})
SHOW_FOLD_COMMON = str.maketrans({"\u0649": "\u06cc", "\u0643": "\u06a9"})


def is_arabic_script(ch):
    o = ord(ch)
    return (0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0x08A0 <= o <= 0x08FF
            or 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF)


def char_class(ch):
    """'A' Arabic-script letter, 'L' other letter, 'D' digit, 'M' removed, 'Q' apostrophe, None breaks."""
    if ch == TATWEEL:
        return "M"
    cat = unicodedata.category(ch)
    if cat in ("Mn", "Me", "Mc", "Cf"):
        return "M"
    if cat.startswith("L"):
        return "A" if is_arabic_script(ch) else "L"
    if cat == "Nd":
        return "D"
    if ch in APOSTROPHES:
        return "Q"
    return None


def raw_words(line):
    """Yield (text, script) for each word of a line; script is 'A' or 'L' (or 'D' for digits only)."""
    buf = []
    script = None  # 'A' or 'L' once the word has a letter
    pending_apostrophe = False

    def flush():
        if buf:
            yield "".join(buf), script or "D"

    for ch in line:
        cls = char_class(ch)
        if cls == "M":
            continue
        if cls == "Q":
            # kept only between two Latin letters
            if buf and script == "L" and buf[-1].isalpha():
                pending_apostrophe = True
                continue
            yield from flush()
            buf, script, pending_apostrophe = [], None, False
            continue
        if cls is None:
            yield from flush()
            buf, script, pending_apostrophe = [], None, False
            continue
        if cls in ("A", "L"):
            if script is not None and script != cls:
                yield from flush()
                buf, script = [], None
                pending_apostrophe = False
            if pending_apostrophe and script == "L" and cls == "L":
                buf.append("'")
            pending_apostrophe = False
            script = cls
            buf.append(ch)
        else:  # digit: joins either script
            pending_apostrophe = False
            buf.append(ch)
    yield from flush()


def key_and_shown(text, script, lang):
    """The counting key of a word and the form it is shown in, or None if it is not a word."""
    if script == "D":
        return None
    if script == "L":
        word = text.lower()
        if word.endswith("'s"):
            word = word[:-2]
        word = word.rstrip("'")
        if not any(c.isalpha() for c in word):
            return None
        return word, word
    key = text.translate(KEY_FOLD)
    shown = text.translate(SHOW_FOLD_COMMON)
    if lang != "ps":
        shown = shown.replace("\u064a", "\u06cc")
    return key, shown


def count(files, lang):
    counts = collections.Counter()
    forms = collections.defaultdict(collections.Counter)
    scripts = {}
    total = 0
    for path in files:
        with open(path, encoding="utf-8", newline="") as handle:
            for line in handle:
                line = unicodedata.normalize("NFKC", line.rstrip("\n").rstrip("\r"))
                for text, script in raw_words(line):
                    pair = key_and_shown(text, script, lang)
                    if pair is None:
                        continue
                    key, shown = pair
                    total += 1
                    counts[key] += 1
                    forms[key][shown] += 1
                    scripts[key] = script
    return counts, forms, scripts, total


def per_million(n, total):
    return (n * 1_000_000 * 2 + total) // (2 * total) if total else 0


def key_of(word, lang):
    word = unicodedata.normalize("NFKC", word.strip())
    parts = list(raw_words(word))
    if len(parts) != 1:
        return None
    pair = key_and_shown(parts[0][0], parts[0][1], lang)
    return pair[0] if pair else None


def shown_form(key, forms):
    # most frequent written form; ties broken by code points, so the output is stable
    return min(forms[key].items(), key=lambda kv: (-kv[1], kv[0]))[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lang", required=True, choices=["en", "prs", "ps"])
    parser.add_argument("--top", type=int, default=400, help="how many words to print (default 400)")
    parser.add_argument("--word", action="append", default=[], help="print these words only")
    parser.add_argument("--check", metavar="TSV", help="compare per_million of a frequent-words.tsv")
    parser.add_argument("--any-script", action="store_true", help="list words in any script")
    parser.add_argument("files", nargs="+", metavar="FILE")
    args = parser.parse_args()

    counts, forms, scripts, total = count(args.files, args.lang)
    print(f"# {total} words counted in {len(args.files)} file(s), {len(counts)} distinct",
          file=sys.stderr)
    out = sys.stdout

    if args.check:
        bad = 0
        rows = 0
        with open(args.check, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                line = line.rstrip("\n")
                if not line or line.startswith("#") or line.startswith("word\t"):
                    continue
                fields = line.split("\t")
                if len(fields) < 3 or fields[1] != args.lang:
                    continue
                rows += 1
                key = key_of(fields[0], args.lang)
                n = counts.get(key, 0) if key else 0
                pm = per_million(n, total)
                if str(pm) != fields[2]:
                    bad += 1
                    out.write(f"{args.check}:{number}: {fields[0]}: file says {fields[2]}, "
                              f"counted {n} = {pm} per million\n")
        print(f"# {rows} rows of {args.lang} checked, {bad} differ", file=sys.stderr)
        return 1 if bad else 0

    if args.word:
        for word in args.word:
            key = key_of(word, args.lang)
            if key is None:
                print(f"# {word!r} is not one word by the counting rules", file=sys.stderr)
            n = counts.get(key, 0) if key else 0
            shown = shown_form(key, forms) if n else word
            out.write(f"{shown}\t{n}\t{per_million(n, total)}\n")
        return 0

    want = "L" if args.lang == "en" else "A"
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    printed = 0
    for key, n in ranked:
        if printed >= args.top:
            break
        if not args.any_script and scripts[key] != want:
            continue
        out.write(f"{shown_form(key, forms)}\t{n}\t{per_million(n, total)}\n")
        printed += 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
