#!/usr/bin/env bash
# Times the match engine on the registry's comparator chain (the one the product runs, read from the plugin.xml
# files of the bundle jars): reconciles synthetic device and cloud sides of 10 000, 100 000 and 1 000 000 assets
# (planted differences: missing, converted, reduced, duplicates, edits, incomplete Live Photos, time shifts,
# renamed copies), warm-up first, then best and median of N, and checks that every planted difference was found.
# Runs the benchmark bundle (org.photoparity.bench, not in the product) as plain Java; missing jars are built.
#
#   releng/benchmarks/match-bench.sh [--sizes 10000,100000,1000000] [--runs 5] [--warmup 3]
#
# One million assets per side need about 4 GB of heap: BENCH_JAVA_OPTS defaults to -Xmx6g here.
set -euo pipefail
. "$(dirname "$0")/classpath.sh"
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS holds several options on purpose
exec "$BENCH_JAVA" ${BENCH_JAVA_OPTS:--Xmx6g} -cp "$BENCH_CP" org.photoparity.bench.MatchBench "$@"
