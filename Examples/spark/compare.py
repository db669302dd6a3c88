"""Compare the Spark job's output with lexalign run directly on the same input.

    python compare.py INPUT CLI_OUTPUT SPARK_OUTPUT_DIR --partitions N

Checks that the command line wrote one line per record, each the input record
unchanged plus "mentions" (so no "line" or "error" member was added); that
Spark wrote every input id exactly once, as N part files; and that for every
id the Spark record equals the command line's, compared as parsed JSON.
Prints a summary; exits 1 on any difference.
"""

import argparse
import glob
import json
import os
import sys


def read_jsonl(path):
    # newline="\n": U+2028, U+0085 and friends inside a record are not line ends.
    with open(path, encoding="utf-8", newline="\n") as f:
        return [json.loads(line) for line in f]


def by_id(records, what, problems):
    index = {}
    for record in records:
        if "id" not in record:
            problems.append(f"{what}: a record without an id: {json.dumps(record, ensure_ascii=False)[:200]}")
        elif record["id"] in index:
            problems.append(f"{what}: id {record['id']!r} appears more than once")
        else:
            index[record["id"]] = record
    return index


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("input")
    parser.add_argument("cli")
    parser.add_argument("spark")
    parser.add_argument("--partitions", type=int, required=True)
    args = parser.parse_args()
    problems = []

    inputs, cli = read_jsonl(args.input), read_jsonl(args.cli)
    parts = sorted(glob.glob(os.path.join(args.spark, "part-*")))
    spark = [record for part in parts for record in read_jsonl(part)]
    if not os.path.exists(os.path.join(args.spark, "_SUCCESS")):
        problems.append("spark: no _SUCCESS marker in the output folder")
    if len(parts) != args.partitions:
        problems.append(f"spark: {len(parts)} part files, expected {args.partitions}")

    # The command line: one output line per input line, in order, each the
    # input object with only "mentions" added.
    if len(cli) != len(inputs):
        problems.append(f"cli: {len(cli)} lines for {len(inputs)} records")
    for n, (record, out) in enumerate(zip(inputs, cli), start=1):
        rest = {key: value for key, value in out.items() if key != "mentions"}
        if rest != record or not isinstance(out.get("mentions"), list):
            problems.append(f"cli line {n}: not the input record plus mentions: {json.dumps(out, ensure_ascii=False)[:200]}")

    input_ids = by_id(inputs, "input", problems)
    cli_ids = by_id(cli, "cli", problems)
    spark_ids = by_id(spark, "spark", problems)
    if len(spark) != len(inputs):
        problems.append(f"spark: {len(spark)} records for {len(inputs)} input records")
    for record_id in input_ids.keys() - spark_ids.keys():
        problems.append(f"spark: id {record_id!r} missing")
    for record_id in spark_ids.keys() - input_ids.keys():
        problems.append(f"spark: id {record_id!r} not in the input")
    both = [i for i in input_ids if i in spark_ids and i in cli_ids]
    differ = [i for i in both if spark_ids[i] != cli_ids[i]]
    for record_id in differ[:5]:
        a, b = spark_ids[record_id], cli_ids[record_id]
        keys = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
        problems.append(f"id {record_id!r} differs in {', '.join(keys)}:\n"
                        f"  spark: {json.dumps({k: a.get(k) for k in keys}, ensure_ascii=False)[:400]}\n"
                        f"  cli:   {json.dumps({k: b.get(k) for k in keys}, ensure_ascii=False)[:400]}")
    if len(differ) > 5:
        problems.append(f"... {len(differ) - 5} more ids differ")

    mentions = sum(len(r.get("mentions") or []) for r in cli)
    tagged = sum(1 for r in cli if r.get("mentions"))
    by_lang = {}
    for r in cli:
        lang = r.get("lang", "edge")
        by_lang[lang] = by_lang.get(lang, 0) + len(r.get("mentions") or [])
    if mentions == 0:
        problems.append("cli: no mentions at all (is the lexicon empty?)")

    print(f"records: {len(inputs)} in, {len(cli)} from the command line, {len(spark)} from Spark in {len(parts)} part files")
    print(f"mentions: {mentions} in {tagged} records ({', '.join(f'{k} {v}' for k, v in sorted(by_lang.items()))})")
    print(f"identical records (Spark vs command line, by id): {len(both) - len(differ)} of {len(input_ids)}")
    for problem in problems[:50]:
        print(f"MISMATCH: {problem}", file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
