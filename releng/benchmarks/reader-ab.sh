#!/usr/bin/env bash
# Two builds of the media reader (two org.photoparity.media jars) in one JVM, taking turns file by file on a tree,
# each charged its reading thread's CPU time; both must give the same fingerprint and payload key for every file.
# For a change to the scanner's hashing on a shared machine, where separate runs vary more than the change.
#   releng/benchmarks/reader-ab.sh --before OLD-media.jar --after NEW-media.jar --tree DIR [--passes 5]
# The tree used in README (60 copies of the real fixtures, 660 files, 1.04 GB):
#   for i in $(seq 60); do mkdir -p DIR/c$i; cp ../shared/fixtures/real/photos/* DIR/c$i/; done
# OLD-media.jar: e.g. bundles/org.photoparity.media/target/*.jar built at the older commit, copied aside.
set -euo pipefail
. "$(dirname "$0")/classpath.sh"
exec "$BENCH_JAVA" -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "$BENCH_CP" org.photoparity.bench.ReaderAB "$@"
