"""Tag JSON Lines records with lexalign under Apache Spark (PySpark).

Each input line is a JSON object with a unique "id" and a string "text". The
output (a folder of part files, JSON Lines) holds every input record with a
"mentions" array added: the entities `lexalign tag` found in its text.

    python Examples/spark/tag_records.py INPUT OUTPUT \
        [--binary PATH] [--partitions N] [--master local[2]] [--lexicon DIR]

The lexalign binary must exist at the same absolute path on every worker; build
it with scripts/build-release.sh, which links the Swift runtime in, so workers
need only glibc and the system ICU (libicu72 on Debian 12).
"""

import argparse
import json
import os
import shlex

from pyspark.sql import SparkSession

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_BINARY = os.path.join(REPO_ROOT, "dist", "lexalign")


def parse_record(line):
    record = json.loads(line)
    if not isinstance(record, dict) or "id" not in record or not isinstance(record.get("text"), str):
        raise ValueError(f"not a record with an id and a string text: {line[:200]}")
    return record


def parse_result(line):
    out = json.loads(line)
    if "error" in out:  # not for records that parse_record let through
        raise ValueError(f"lexalign could not read record {out.get('id')!r}: {out['error']}")
    return out["id"], out["mentions"]


def pair_up(group):
    # One input record and one lexalign result per id, or the job fails: a
    # repeated id would pair every copy with every result, and a missing result
    # means records were lost between Spark and the process.
    record_id, (records, results) = group
    records, results = list(records), list(results)
    if len(records) != 1 or len(results) != 1:
        raise ValueError(f"id {record_id!r}: {len(records)} input records, {len(results)} lexalign results")
    return {**records[0], "mentions": results[0]}


def main():
    parser = argparse.ArgumentParser(description="Tag JSON Lines records with lexalign under Spark.")
    parser.add_argument("input", help="JSON Lines file(s) or folder, any path Spark reads")
    parser.add_argument("output", help="output folder (must not exist)")
    parser.add_argument("--binary", default=DEFAULT_BINARY,
                        help="absolute path of lexalign on every worker (default: %(default)s)")
    parser.add_argument("--partitions", type=int, default=4, help="partitions, one lexalign process each")
    parser.add_argument("--master", default="local[2]", help="Spark master (default: %(default)s)")
    parser.add_argument("--lexicon", help="lexicon folder on every worker (default: the one built into the binary)")
    args = parser.parse_args()

    # RDD.pipe starts the command without a shell and with an EMPTY environment,
    # apart from what env= gives: no PATH (so the binary is named by absolute
    # path) and none of the worker's variables (so LEXALIGN_LEXICON is passed here).
    binary = os.path.abspath(args.binary)
    command = f"{shlex.quote(binary)} tag --input jsonl --text-field text --jobs 1 --quiet"
    env = {"LEXALIGN_LEXICON": args.lexicon} if args.lexicon else {}

    spark = SparkSession.builder.master(args.master).appName("lexalign-tag").getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    try:
        records = sc.textFile(args.input, minPartitions=args.partitions).map(parse_record)

        # Only id and text go through the process. With --input jsonl, lexalign
        # writes each object back as it came, "id" included, with "mentions"
        # added: one line per line, in order. It adds no "line" member (only a
        # line that is not a JSON object comes back as {"line": N, "error": ...}),
        # and a line number would count lines of one partition's stream, not of
        # the input, so results are joined to records by id.
        # checkCode=True turns a non-zero exit (an unreadable record, a bad
        # lexicon, a missing libicu) into a failed task, where it would
        # otherwise yield fewer lines, or none, and the job would succeed.
        results = (
            records.map(lambda r: json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False))
            .pipe(command, env=env, checkCode=True)
            .map(parse_result)
        )
        tagged = records.keyBy(lambda r: r["id"]).cogroup(results, numPartitions=args.partitions).map(pair_up)
        tagged.map(lambda r: json.dumps(r, ensure_ascii=False)).saveAsTextFile(args.output)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
