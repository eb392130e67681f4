#!/usr/bin/env bash
# Scanner benchmark: metadata-only files/s vs exiftool -fast2 -j -r, full pass vs cat (warm cache), rescan with
# the scan cache, and a large library within a 1 GiB heap. Runs the benchmark bundle (org.photoparity.bench, not in
# the product) as plain Java: the registry reads the sources' plugin.xml from the jars, as the product does.
#   releng/benchmarks/scan-bench.sh --tree /tmp/pp-bench [--assets 20000] [--width 2016 --height 1512] [--threads 2] [--big 100000] [--no-exiftool]
# A missing or empty --tree is generated (demo BulkLibrary, icloudpd layout). exiftool: apt-get install
# libimage-exiftool-perl. Missing bundle jars are built first (classpath.sh).
set -euo pipefail
. "$(dirname "$0")/classpath.sh"
exec "$BENCH_JAVA" -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "$BENCH_CP" org.photoparity.bench.ScanBench "$@"
