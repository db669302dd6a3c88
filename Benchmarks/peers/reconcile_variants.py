"""Reconciliation on the attested variant set: every row of name-variants.tsv sent to a running
`lexalign serve` as OpenRefine sends queries (form field `queries`, batches of 10, no type), and
what came back: the right entity first, in the top three, matched automatically (right and
wrong), and a wrong first candidate scored 90 or more. Markdown to stdout, misses to stderr.

usage: reconcile_variants.py URL VARIANTS.tsv RUNS
"""
import json
import statistics
import sys
import time
import urllib.parse
import urllib.request


def read_rows(path):
    with open(path, encoding="utf-8") as handle:
        lines = [line.rstrip("\n").split("\t") for line in handle if not line.startswith("#")]
    return lines[1:]  # the header row


def reconcile(url, rows):
    answers = {}
    for start in range(0, len(rows), 10):
        batch = {f"q{start + i}": {"query": row[0], "limit": 3} for i, row in enumerate(rows[start:start + 10])}
        body = urllib.parse.urlencode({"queries": json.dumps(batch)}).encode()
        with urllib.request.urlopen(url, body) as reply:
            answers.update(json.load(reply))
    return [answers[f"q{i}"]["result"] for i in range(len(rows))]


def main():
    url, path, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rows = read_rows(path)
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        results = reconcile(url, rows)
        seconds.append(time.perf_counter() - started)
    variants = [(row, result) for row, result in zip(rows, results) if row[2] != "-"]
    distractors = len(rows) - len(variants)
    first = sum(1 for row, result in variants if result and result[0]["id"] == row[2])
    top3 = sum(1 for row, result in variants if any(c["id"] == row[2] for c in result))
    auto_right = sum(1 for row, result in variants if result and result[0]["match"] and result[0]["id"] == row[2])
    auto_wrong = [(row, result[0]) for row, result in zip(rows, results)
                  if result and result[0]["match"] and result[0]["id"] != row[2]]
    high_wrong = [(row, result[0]) for row, result in zip(rows, results)
                  if result and result[0]["score"] >= 90 and result[0]["id"] != row[2]]
    share = lambda count, total: f"{count} / {total} ({count / total:.1%})"
    print("| measure | value |")
    print("| --- | ---: |")
    print(f"| rows (variants, distractors) | {len(rows)} ({len(variants)}, {distractors}) |")
    print(f"| right entity first | {share(first, len(variants))} |")
    print(f"| right entity in the top 3 | {share(top3, len(variants))} |")
    print(f"| matched automatically, right | {share(auto_right, len(variants))} |")
    print(f"| matched automatically, wrong (of all rows) | {share(len(auto_wrong), len(rows))} |")
    print(f"| wrong first candidate scored 90 or more (of all rows) | {share(len(high_wrong), len(rows))} |")
    print(f"| all {len(rows)} queries, {len(rows) // 10 + 1} requests: median of {runs} runs | "
          f"{statistics.median(seconds) * 1000:.0f} ms |")
    for row, candidate in auto_wrong + high_wrong:
        print(f"wrong: {row[0]} ({row[2]}) -> {candidate['id']} {candidate['score']}"
              f"{' match' if candidate['match'] else ''}", file=sys.stderr)
    for row, result in variants:
        if not result or result[0]["id"] != row[2]:
            found = result[0]["id"] if result else "nothing"
            print(f"missed: {row[0]} ({row[2]}) -> {found}", file=sys.stderr)


if __name__ == "__main__":
    main()
