#!/usr/bin/env python3
"""Run one peer normaliser over a file, line by line, as a user would.

    normalize_peer.py {normality|hazm|anyascii|nfkc-casefold} FILE     # normalised lines to stdout
    normalize_peer.py --version {normality|hazm|anyascii|nfkc-casefold}

nfkc-casefold is Python's own `unicodedata.normalize("NFKC", line).casefold()`,
the standard library's nearest thing to the key form (issue 13's baseline).

The normaliser is loaded/constructed once, outside the loop, with its default
options; each input line (without its newline) is normalised and written
followed by a newline. Output goes through one buffered writer so that the
peer is not penalised by per-line system calls.
"""

import importlib
import importlib.metadata
import importlib.util
import os
import sys
import types


def load_hazm_normalizer():
    """Return hazm's Normalizer class.

    `from hazm import Normalizer` runs hazm/__init__.py, which imports the
    whole toolkit (POS tagger -> python-crfsuite, sklearn; embeddings ->
    gensim, fasttext; parsers -> nltk). normalize.sh first tries the full
    `pip install hazm`; if that fails it installs `hazm --no-deps` plus only
    nltk and flashtext, which is all that Normalizer's own modules (utils,
    stemmer, word_tokenizer, lemmatizer, normalizer) import. In that case the
    package __init__ cannot run, so we build the `hazm` package object by hand
    and import just those modules into it, in dependency order. The code that
    normalises is hazm's own, unchanged.
    """
    try:
        from hazm import Normalizer

        return Normalizer, "full"
    except ImportError:
        # Drop the half-imported package before building our own.
        for name in [m for m in sys.modules if m == "hazm" or m.startswith("hazm.")]:
            del sys.modules[name]

    spec = importlib.util.find_spec("hazm")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("hazm is not installed")
    pkg = types.ModuleType("hazm")
    pkg.__path__ = list(spec.submodule_search_locations)
    pkg.__file__ = spec.origin
    sys.modules["hazm"] = pkg
    # Each module does `from hazm import X` for names defined by the ones
    # before it, so re-export every public name onto the package as we go.
    for sub in ("utils", "stemmer", "word_tokenizer", "lemmatizer", "normalizer"):
        mod = importlib.import_module("hazm." + sub)
        for key, value in vars(mod).items():
            if not key.startswith("_"):
                setattr(pkg, key, value)
    return pkg.Normalizer, "minimal (Normalizer modules only)"


def make_normalizer(tool):
    """Return (function str -> str, description)."""
    if tool == "normality":
        import normality

        return normality.normalize, "normality.normalize(line)"
    if tool == "anyascii":
        from anyascii import anyascii

        return anyascii, "anyascii(line)"
    if tool == "nfkc-casefold":
        import unicodedata
        return (lambda line: unicodedata.normalize("NFKC", line).casefold()), "unicodedata NFKC + casefold()"
    if tool == "hazm":
        Normalizer, mode = load_hazm_normalizer()
        return Normalizer().normalize, f"hazm Normalizer().normalize(line) [{mode} import]"
    sys.exit(f"normalize_peer: unknown tool {tool!r}")


def version(tool):
    if tool == "nfkc-casefold":
        import unicodedata
        return f"Python {sys.version.split()[0]}, Unicode {unicodedata.unidata_version}"
    dist = {"normality": "normality", "hazm": "hazm", "anyascii": "anyascii"}[tool]
    v = importlib.metadata.version(dist)
    if tool == "normality":
        # normality transliterates through PyICU; the ICU version matters.
        try:
            import icu

            v += f" (PyICU {importlib.metadata.version('PyICU')}, ICU {icu.ICU_VERSION})"
        except Exception:
            v += " (no PyICU)"
    if tool == "hazm":
        _, mode = load_hazm_normalizer()
        v += f", {mode} import"
    return v


def run(tool, path):
    normalize, _ = make_normalizer(tool)
    out = open(sys.stdout.fileno(), "w", encoding="utf-8", buffering=1 << 20, closefd=False)
    with open(path, encoding="utf-8") as f:
        for line in f:
            result = normalize(line.rstrip("\n"))
            # normality returns None for text that normalises to nothing.
            out.write(result if result is not None else "")
            out.write("\n")
    out.flush()


def main(argv):
    if len(argv) == 3 and argv[1] == "--version":
        print(version(argv[2]))
    elif len(argv) == 3:
        run(argv[1], argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    # Quiet hazm/nltk/gensim import-time warnings; they would go to the terminal.
    os.environ.setdefault("PYTHONWARNINGS", "ignore")
    import warnings

    warnings.simplefilter("ignore")
    main(sys.argv)
