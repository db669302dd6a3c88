#!/usr/bin/env bash
# Integration check of Examples/spark/tag_records.py: the Spark job must give,
# for every record id, exactly what `lexalign tag --input jsonl` gives when run
# directly on the same input, and must FAIL when the binary cannot run.
# Run after scripts/build-release.sh (it uses dist/lexalign):
#
#   scripts/build-release.sh && Examples/spark/check.sh
#
# Environment:
#   LEXALIGN_BIN          binary to test (default: dist/lexalign)
#   LEXALIGN_CORPORA      corpora folder (default: ../shared/corpora beside the repository)
#   LEXALIGN_SPARK_VENV   Python virtual environment for pyspark (default: Examples/spark/.venv)
#   PYTHON                interpreter that creates it (default: python3)
#   SPARK_PARTITIONS      partitions of the Spark job (default: 4)
#   PER_FILE              lines taken from each of the 8 corpus files (default: 500)
#
# Installs openjdk-17-jre-headless with apt-get when `java` is missing, and
# pyspark (requirements.txt) into the virtual environment.
set -euo pipefail

script_name="Examples/spark/check.sh"
say() { printf '==> %s\n' "$*" >&2; }
die() { printf '%s: error: %s\n' "$script_name" "$*" >&2; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

check_start="$(now)"
spark_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$spark_dir/../.." && pwd)"
binary="${LEXALIGN_BIN:-$repo_root/dist/lexalign}"
corpora="${LEXALIGN_CORPORA:-$repo_root/../shared/corpora}"
venv="${LEXALIGN_SPARK_VENV:-$spark_dir/.venv}"
partitions="${SPARK_PARTITIONS:-4}"
per_file="${PER_FILE:-500}"

[[ "$partitions" =~ ^[1-9][0-9]*$ ]] || die "SPARK_PARTITIONS must be a positive integer (got '$partitions')"
[[ "$per_file" =~ ^[1-9][0-9]*$ ]] || die "PER_FILE must be a positive integer (got '$per_file')"
[[ -x "$binary" ]] || die "no lexalign binary at $binary: run scripts/build-release.sh first (or set LEXALIGN_BIN)"
[[ "$binary" = /* ]] || binary="$PWD/$binary"
[[ -d "$corpora" ]] || die "corpora folder $corpora not found: set LEXALIGN_CORPORA to the folder holding ntrex128/, tico19/ and flores-v1-ps/"

# ------------------------------------------------------------------ Java
if ! command -v java >/dev/null 2>&1; then
  say "java not found: installing openjdk-17-jre-headless"
  sudo=()
  if [[ "$(id -u)" != 0 ]]; then
    command -v sudo >/dev/null 2>&1 || die "java is missing and installing it needs root (apt-get install openjdk-17-jre-headless)"
    sudo=(sudo)
  fi
  "${sudo[@]}" mkdir -p /usr/share/man/man1  # the JRE's postinst fails without it on slim images
  "${sudo[@]}" apt-get update -qq || die "apt-get update failed"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null \
    || die "apt-get install openjdk-17-jre-headless failed"
  command -v java >/dev/null 2>&1 || die "java still missing after installing openjdk-17-jre-headless"
fi
java_version="$(java -version 2>&1 | head -n 1)"

# ------------------------------------------------------------- pyspark
if [[ ! -x "$venv/bin/python" ]]; then
  say "Creating $venv"
  "${PYTHON:-python3}" -m venv "$venv" || die "could not create a virtual environment at $venv (Debian: apt-get install python3-venv)"
fi
say "pip install -r Examples/spark/requirements.txt"
PIP_DISABLE_PIP_VERSION_CHECK=1 "$venv/bin/python" -m pip install -q -r "$spark_dir/requirements.txt" \
  || die "pip could not install pyspark into $venv"
py="$venv/bin/python"
pyspark_version="$("$py" -c 'import pyspark; print(pyspark.__version__)')"

# ------------------------------------------------------------ work area
work="$(mktemp -d "${TMPDIR:-/tmp}/lexalign-spark.XXXXXX")"
cleanup() {
  local status=$?
  if ((status == 0)); then rm -rf "$work"; else echo "$script_name: files kept in $work" >&2; fi
}
trap cleanup EXIT

# Spark settings for the check only: loopback, no web UI, no progress bars,
# workers on the virtual environment's Python, fewer log lines.
export SPARK_LOCAL_IP=127.0.0.1 PYSPARK_PYTHON="$py" SPARK_CONF_DIR="$work/conf"
mkdir -p "$SPARK_CONF_DIR"
cat > "$SPARK_CONF_DIR/spark-defaults.conf" <<'EOF'
spark.ui.enabled false
spark.ui.showConsoleProgress false
EOF
cat > "$SPARK_CONF_DIR/log4j2.properties" <<'EOF'
rootLogger.level = error
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
EOF

say "Building the input from $corpora"
"$py" "$spark_dir/make_input.py" "$corpora" --per-file "$per_file" > "$work/input.jsonl"
records="$(wc -l < "$work/input.jsonl")"

say "lexalign tag directly over $records records"
cli_start="$(now)"
"$binary" tag --input jsonl --text-field text --quiet < "$work/input.jsonl" > "$work/cli.jsonl" \
  || die "lexalign tag failed on the input"
cli_seconds="$(since "$cli_start")"

# run_job NAME ARGS...: the Spark job on the input; its log goes to $work/NAME.log.
run_job() {
  local name="$1"; shift
  "$py" "$spark_dir/tag_records.py" "$work/input.jsonl" "$work/$name.out" \
    --partitions "$partitions" --master 'local[2]' "$@" > "$work/$name.log" 2>&1
}

say "Spark job, local[2], $partitions partitions"
spark_start="$(now)"
run_job spark --binary "$binary" || { tail -n 40 "$work/spark.log" >&2; die "the Spark job failed (log above)"; }
spark_seconds="$(since "$spark_start")"

say "Comparing"
"$py" "$spark_dir/compare.py" "$work/input.jsonl" "$work/cli.jsonl" "$work/spark.out" --partitions "$partitions" \
  || die "the Spark output differs from the command line's (see MISMATCH lines)"

# A wrong binary path must fail the job, not give an empty or partial result.
say "Failure case: a binary path that does not exist"
if run_job missing --binary "$work/no-such-folder/lexalign"; then
  die "the job succeeded with a binary that does not exist"
fi
grep -q "No such file or directory" "$work/missing.log" \
  || { tail -n 20 "$work/missing.log" >&2; die "the job failed, but not because the binary was missing (log above)"; }
[[ ! -e "$work/missing.out/_SUCCESS" ]] || die "the failed job left a _SUCCESS marker"

# The binary starts but exits non-zero (here: a lexicon folder that does not
# exist). Without checkCode=True this partition would just yield no lines.
say "Failure case: lexalign exits non-zero"
if run_job badlexicon --binary "$binary" --lexicon "$work/no-such-lexicon"; then
  die "the job succeeded although lexalign exited non-zero"
fi
grep -q "exited with error code" "$work/badlexicon.log" \
  || { tail -n 20 "$work/badlexicon.log" >&2; die "the job failed, but not through checkCode (log above)"; }

echo "spark check: OK"
echo "  records:        $records ($per_file lines from each of 8 corpus files, plus edge cases)"
echo "  Spark job:      ${spark_seconds} s (local[2], $partitions partitions, start-up included)"
echo "  command line:   ${cli_seconds} s"
echo "  failure cases:  missing binary and non-zero exit both fail the job"
echo "  pyspark:        $pyspark_version; $java_version"
echo "  whole check:    $(since "$check_start") s"
