#!/bin/sh
# Scanner benchmark: metadata-only files/s vs exiftool -fast2 -j -r, full pass vs cat (warm cache), rescan with
# the scan cache, and a large library within a 1 GiB heap. Runs the built bundles as plain Java (no OSGi needed).
#   releng/benchmarks/scan-bench.sh --tree /tmp/pp-bench [--assets 20000] [--width 2016 --height 1512] [--threads 2] [--big 100000] [--no-exiftool]
# A missing or empty --tree is generated (demo BulkLibrary, icloudpd layout). exiftool: apt-get install
# libimage-exiftool-perl. Build first: mvn -o -pl <core, demo, media, sources> verify (or the whole reactor).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
M2="${MAVEN_REPO:-$HOME/.m2/repository}"
jar_of() { ls "$ROOT"/bundles/"$1"/target/"$1"-*.jar 2>/dev/null | grep -v -- '-sources\.jar$' | head -1; }
latest() { ls -d "$M2/$1"/*/ 2>/dev/null | sort -V | tail -1; }
CP=""
for b in org.photoparity.core org.photoparity.demo org.photoparity.media org.photoparity.sources; do
  j=$(jar_of "$b")
  [ -n "$j" ] || { echo "missing $b jar: build it first (mvn -o -B -q -pl ... verify)"; exit 2; }
  CP="$CP:$j"
done
EQ=$(latest org/eclipse/platform/org.eclipse.equinox.common)
CP="$CP:$(ls "$EQ"*.jar | head -1)"
OSGI=$(latest org/eclipse/platform/org.eclipse.osgi)   # SubMonitor's debug options live there
CP="$CP:$(ls "$OSGI"*.jar | head -1)"
CP="$CP:$M2/com/drewnoakes/metadata-extractor/2.21.0/metadata-extractor-2.21.0.jar"
CP="$CP:$M2/com/adobe/xmp/xmpcore/6.1.11/xmpcore-6.1.11.jar"
exec "$JAVA" -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "${CP#:}" org.photoparity.sources.bench.ScanBench "$@"
