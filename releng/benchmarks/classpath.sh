# Sourced by scan-bench.sh and match-bench.sh: the benchmark bundle and what it needs as a plain class path (no
# OSGi). The registry parses the plugin.xml files inside these jars, so the benchmarks run the same sources and
# comparator chain the product declares. Builds the jars (offline, tests skipped) when one is missing.
# Sets BENCH_CP and BENCH_JAVA. MAVEN_REPO overrides the Maven repository (default ~/.m2/repository).
bench_root="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/../.." && pwd)"
BENCH_BUNDLES="org.photoparity.core org.photoparity.media org.photoparity.sources org.photoparity.match org.photoparity.demo org.photoparity.bench"
M2="${MAVEN_REPO:-$HOME/.m2/repository}"
bench_jar() { ls "$bench_root"/bundles/"$1"/target/"$1"-*.jar 2>/dev/null | grep -v -- '-sources\.jar$' | head -1; }
bench_latest() { ls -d "$M2/$1"/*/ 2>/dev/null | sort -V | tail -1; }
bench_missing=""
for b in $BENCH_BUNDLES; do [ -n "$(bench_jar "$b")" ] || bench_missing="$bench_missing,bundles/$b"; done
if [ -n "$bench_missing" ]; then
  echo "bench: building${bench_missing//,/ } (offline, no tests)" >&2
  (cd "$bench_root" && ./mvnw -o -q -Dmaven.repo.local="$M2" -DskipTests package -pl "${bench_missing#,}") >&2 || {
    echo "bench: the build failed; build the reactor once (./mvnw install -DskipTests) and try again" >&2; exit 2; }
fi
BENCH_CP=""
for b in $BENCH_BUNDLES; do BENCH_CP="$BENCH_CP:$(bench_jar "$b")"; done
BENCH_CP="$BENCH_CP:$(ls "$(bench_latest org/eclipse/platform/org.eclipse.equinox.common)"*.jar | head -1)"
BENCH_CP="$BENCH_CP:$(ls "$(bench_latest org/eclipse/platform/org.eclipse.osgi)"*.jar | head -1)" # SubMonitor's debug options
BENCH_CP="$BENCH_CP:$M2/com/drewnoakes/metadata-extractor/2.21.0/metadata-extractor-2.21.0.jar"
BENCH_CP="$BENCH_CP:$M2/com/adobe/xmp/xmpcore/6.1.11/xmpcore-6.1.11.jar"
BENCH_CP="${BENCH_CP#:}"
BENCH_JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
