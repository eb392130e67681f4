#!/bin/sh
# Generates the planted real-photo scenario of issue 10 (RealScenario) from the shared real fixtures into a folder
# outside the project, in four formats with their ground truth (truth.json): folders, zip, export, backup.
#   releng/benchmarks/real-scenario.sh --out /tmp/pp-scenario [--fixtures /work/shared/fixtures/real] [--format all]
# The real photos are never copied into the project. Build first: ./mvnw -o -q -pl bundles/org.photoparity.core,bundles/org.photoparity.demo install -DskipTests
# Score it with the test ScenarioScoreTest (bundles/org.photoparity.sources.ios.tests), which runs the full reconcile.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
M2="${MAVEN_REPO:-$HOME/.m2/repository}"
jar_of() {
  { ls "$ROOT"/bundles/"$1"/target/"$1"-*.jar "$M2"/org/photoparity/"$1"/*/"$1"-*.jar 2>/dev/null || true; } \
    | grep -v -- '-sources\.jar$' | head -1
}
CP=""
for b in org.photoparity.core org.photoparity.demo; do
  j=$(jar_of "$b")
  [ -n "$j" ] || { echo "missing $b jar: build it first (./mvnw -o -q -pl bundles/$b install -DskipTests)"; exit 2; }
  CP="$CP:$j"
done
V=$(sed -n 's|.*<artifactId>sqlite-jdbc</artifactId><version>\([^<]*\)</version>.*|\1|p' "$ROOT"/target-platform/*.target | head -1)
SQLITE="$M2/org/xerial/sqlite-jdbc/$V/sqlite-jdbc-$V.jar"
[ -f "$SQLITE" ] || SQLITE=""
[ -n "$SQLITE" ] || { echo "missing sqlite-jdbc in $M2 (set MAVEN_REPO to the build's repository)"; exit 2; }
CP="$CP:$SQLITE"
exec "$JAVA" --enable-native-access=ALL-UNNAMED -Djava.awt.headless=true -cp "${CP#:}" org.photoparity.demo.RealScenario "$@"
